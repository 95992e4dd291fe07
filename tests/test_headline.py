"""digests.headline: titles cleaned of site names and decorations; the lead sentence as fallback."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digests.headline import MAX_HEADLINE_CHARS, clean_headline, lead_sentence, shorten

SEED = "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"


@pytest.mark.parametrize("title, expected", [
    (SEED, SEED),
    (f"{SEED} - BBC News عربي", SEED),
    (f"{SEED} | الجزيرة نت", SEED),
    (f"{SEED} - فرانس 24", SEED),
    (f"{SEED} – سكاي نيوز عربية", SEED),
    (f"{SEED} « | » العربية.نت", SEED),
    (f"الجزيرة نت | {SEED}", SEED),
    (f"CNN بالعربية - {SEED} - BBC عربي", SEED),
    (f"عاجل: {SEED}", SEED),
    (f"عاجل | {SEED}", SEED),
    (f"فيديو: {SEED} - فرانس 24", SEED),
    (f"بالفيديو - {SEED}", SEED),
    (f"عاجل: فيديو: {SEED}", SEED),
    (f"  {SEED}\n - BBC News عربي  ", SEED),
    # Meaningful leading labels stay.
    ("ترامب: العلاقات الأميركية السعودية بأفضل حالاتها", "ترامب: العلاقات الأميركية السعودية بأفضل حالاتها"),
    ("سوريا: قصف على الغوطة", "سوريا: قصف على الغوطة"),
    # A dash inside the headline is not a site separator.
    ("مباراة ليفربول - مانشستر سيتي تنتهي بالتعادل", "مباراة ليفربول - مانشستر سيتي تنتهي بالتعادل"),
])
def test_clean_headline(title: str, expected: str) -> None:
    assert clean_headline(title) == expected


def test_lead_sentence_when_title_is_only_the_site() -> None:
    lead = "دعا الرئيس الفرنسي إيمانويل ماكرون، نظيره الإيراني حسن روحاني، إلى الضغط. وقال آخرون"
    assert clean_headline("BBC News عربي", lead) == (
        "دعا الرئيس الفرنسي إيمانويل ماكرون، نظيره الإيراني حسن روحاني، إلى الضغط")
    assert clean_headline("", lead).startswith("دعا الرئيس الفرنسي")
    assert clean_headline("", "") == ""


def test_lead_is_split_on_full_stops_not_on_commas() -> None:
    assert lead_sentence("قال الوزير، في بيان، إن الوضع صعب. وأضاف أن") == (
        "قال الوزير، في بيان، إن الوضع صعب")


def test_long_lead_is_shortened_at_a_word_boundary() -> None:
    words = ["كلمة%d" % i for i in range(60)]
    out = clean_headline("", " ".join(words))
    assert out.endswith(" …")
    assert len(out) <= MAX_HEADLINE_CHARS + 2
    assert all(w in words for w in out[:-2].split())


def test_shorten_keeps_short_text() -> None:
    assert shorten("قصف الغوطة") == "قصف الغوطة"


@given(st.text(max_size=300), st.text(max_size=300))
def test_clean_headline_never_raises_and_stays_short(title: str, lead: str) -> None:
    out = clean_headline(title, lead)
    assert len(out) <= MAX_HEADLINE_CHARS + 2
    assert out == out.strip()


# QA10 F2: guillemets that pair up stay; only an unpaired one at an end is a decoration.
@pytest.mark.parametrize("title, expected", [
    ("وزير الصحة: «المستشفيات مكتظة»", "وزير الصحة: «المستشفيات مكتظة»"),
    ("ترامب: «سنرد بقوة»", "ترامب: «سنرد بقوة»"),
    ("«المغرب 2026» لا يعرف اليأس", "«المغرب 2026» لا يعرف اليأس"),
    ("«سنرد بقوة» - BBC News عربي", "«سنرد بقوة»"),
    ("عاجل: ترامب: «سنرد بقوة»", "ترامب: «سنرد بقوة»"),
    ("«الكل بين علامتين»", "«الكل بين علامتين»"),
    ("ماكرون: «لا حل عسكريًا» و«لا بد من هدنة»", "ماكرون: «لا حل عسكريًا» و«لا بد من هدنة»"),
    # unpaired at an end: gone
    ("» قصف على الغوطة", "قصف على الغوطة"),
    ("قصف على الغوطة «", "قصف على الغوطة"),
    ("«قصف على الغوطة", "قصف على الغوطة"),
    ("قصف على الغوطة»", "قصف على الغوطة"),
    (f"{SEED} « | » العربية.نت", SEED),
])
def test_clean_headline_keeps_paired_guillemets(title: str, expected: str) -> None:
    assert clean_headline(title) == expected


_PLAIN = st.text(alphabet="ابتثجحخد هوي0123456789", min_size=1, max_size=30).filter(str.strip)


@given(_PLAIN, _PLAIN, st.text(alphabet="ابتثجحخد هوي", max_size=30))
def test_a_balanced_title_keeps_every_guillemet(before: str, inside: str, after: str) -> None:
    """Whatever surrounds a «quoted» part, the headline keeps both marks."""
    out = clean_headline(f"{before}: «{inside}»{after}", limit=200)
    assert out.count("«") == out.count("»") == 1, out
