"""X83 (QA55-4, S2): a speaker read with its conjunction «ف» («فالتلفزيون السوري الحكومي») is not
«declined» as a plural after «بحسب».

bot.attribution split off only «وال», «ال» and «و»: «فالتلفزيون» was not found among the
singulars in -يون, and its ending made it a sound plural, «بحسب فالتلفزيين السوري الحكومي». With
«فال» split as «وال» is, the word is known for what it is, and a plural after «فال» is still
declined. (Stripping the «ف» from the speaker itself is the speaker modules' part: F36.)
"""

from __future__ import annotations

from bot.attribution import genitive


def test_a_singular_in_yun_after_fal_keeps_its_form() -> None:
    assert genitive("فالتلفزيون السوري الحكومي") == "فالتلفزيون السوري الحكومي"
    assert genitive("فالتليفزيون الرسمي") == "فالتليفزيون الرسمي"


def test_a_plural_after_fal_is_declined_as_after_wal() -> None:
    assert genitive("فالمسؤولون الأميركيون") == "فالمسؤولين الأميركيين"
    assert genitive("والمسؤولون الأميركيون") == "والمسؤولين الأميركيين"
    # a word merely starting with «ف» is no prefix: names and nouns keep their form
    assert genitive("فرعون") == "فرعون"
    assert genitive("فنان سوري") == "فنان سوري"
