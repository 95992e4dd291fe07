"""QA57-13: «الانتخابات اللبنانية» and "Lebanon elections" (read as it) found nothing, while
«انتخابات لبنان» found the sample's story «لبنان: القوى السياسية تسابق المهل لتشكيل اللوائح
الانتخابية». A country's adjective after a word is also the country's name in a search
(digests.country_adjectives, a small table); an adjective alone is searched as typed. Real bot
against the emulator (sample archive), and the pure query plan."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests.country_adjectives import country_names
from digests.query import plan_query

STORY = "لبنان: القوى السياسية تسابق المهل لتشكيل اللوائح الانتخابية"


def test_the_adjective_after_a_word_is_also_the_country() -> None:
    assert country_names(("انتخابات", "لبنانيه")) == {"لبنانيه": ("لبنان",)}
    assert country_names(("لبنانيه",)) == {}             # alone: as typed
    assert country_names(("في", "سوريه")) == {}          # after a stop-word: no noun to describe
    assert country_names(("انتخابات", "سعوديه")) == {}   # «السعودية» is the country's own name
    plan = plan_query("الانتخابات اللبنانية")
    assert plan.all_words == '("انتخابات" OR "انتخاب") AND ("لبنانيه" OR "لبنان")', plan.all_words
    assert ("انتخابات", "لبنان") in plan.phrases
    assert plan_query("السورية").phrase == '"سوريه"'


async def test_lebanese_elections_find_the_lebanon_story(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        for typed, user in (("الانتخابات اللبنانية", None),
                            ("Lebanon elections", h.user(READER, "en"))):
            [found] = await h.say(READER, typed, user=user)
            assert STORY in found.plain_text, found.plain_text
