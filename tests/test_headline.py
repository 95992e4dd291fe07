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


# Session 9 (brief R4): decorations after «..», at the end, in brackets or as hashtags; emoji;
# titles that cannot stand for the article. Constructed titles around the seed headline.
LEAD = "دعا الرئيس الفرنسي إيمانويل ماكرون نظيره الإيراني إلى الضغط على دمشق. وقال آخرون"
FROM_LEAD = "دعا الرئيس الفرنسي إيمانويل ماكرون نظيره الإيراني إلى الضغط على دمشق"

DECORATED = [
    # «..» after a leading decoration, as 200 of the corpus's 7,041 titles have it
    f"شاهد.. {SEED}", f"شاهد… {SEED}", f"بالصور.. {SEED}", f"إنفوغرافيك.. {SEED}",
    f"انفوجرافيك.. {SEED}", f"فيديو.. {SEED}", f"بالفيديو.. {SEED}", f"صور وفيديو.. {SEED}",
    f"شاهد بالفيديو.. {SEED}", f"عاجل.. {SEED}", f"حصري.. {SEED}",
    # at the end, after a separator or in brackets
    f"{SEED} - فيديو", f"{SEED} | فيديو", f"{SEED} (فيديو)", f"{SEED} [فيديو]",
    f"{SEED} - بالفيديو", f"{SEED} – صور", f"{SEED} (صور)", f"{SEED}.. فيديو",
    f"{SEED} – مباشر", f"{SEED} - فيديو - BBC News عربي", f"فيديو: {SEED} (صور) | الجزيرة نت",
    # in brackets, as a hashtag, between guillemets, one after another
    f"[فيديو] {SEED}", f"(فيديو) {SEED}", f"(شاهد) {SEED}", f"#عاجل {SEED}",
    f"#فيديو | {SEED}", f"«عاجل» {SEED}", f"عاجل | فيديو | {SEED}",
    # emoji
    f"🔴 عاجل: {SEED}", f"{SEED} 🔥", f"🔴 {SEED}", f"⚡️ {SEED} ⚡️",
    # site names: DW's «| DW | date», and a decoration inside
    f"{SEED} | DW | 05.03.2018", f"{SEED} | DW عربية | DW | 05.03.2018",
    f"عاجل - {SEED} - فرانس 24",
]


@pytest.mark.parametrize("title", DECORATED)
def test_decorations_wherever_they_stand(title: str) -> None:
    assert clean_headline(title, LEAD) == SEED


@pytest.mark.parametrize("title", [
    "بي بي سي عربي", "BBC News عربي", "...", "!!!", "- | -", "«»", '""', "عاجل", "فيديو",
    "🔴🔴", "⚽", "الصفحة الرئيسية", "Home", "Untitled", "404 Not Found",
    "BREAKING NEWS", "LIVE: SYRIA UPDATES", "MACRON URGES IRAN TO PRESS DAMASCUS",
    "https://www.bbc.com/arabic/middleeast-43281829", "فيديو.. شاهد",
])
def test_an_unusable_title_gives_way_to_the_lead(title: str) -> None:
    assert clean_headline(title, LEAD) == FROM_LEAD


@pytest.mark.parametrize("title", [
    # labels that carry meaning, before «..» or «:», stay
    f"الكويت.. {SEED}", f"سوريا: {SEED}", f"العرب في المونديال: {SEED}",
    f"تقرير: {SEED}", f"CNN: {SEED}", "NBA: ليكرز يفوز على سلتيكس",
    # what follows the title and is not a decoration stays
    f"{SEED} (تحليل)", f"{SEED} - 2", f"{SEED}.. تعرف عليها", "درجة الحرارة تبلغ 50° في الكويت",
    # a title in quotes is a quotation or a column's name, not a decoration: the corpus's
    # whole-quoted titles are four column names and a woman's own words
    f"«{SEED}»", f'"{SEED}"', "«مصر.. من تاني»",
    # an English title in mixed case is a title
    "Syria: Macron urges Iran to press Damascus",
])
def test_meaning_is_not_cut(title: str) -> None:
    assert clean_headline(title, LEAD) == title


def test_a_decoration_that_is_all_but_one_word_leaves_the_lead() -> None:
    assert clean_headline("شاهد.. الغوطة", LEAD) == FROM_LEAD
    assert clean_headline("شاهد.. الغوطة", "") == "الغوطة"


def test_an_overlong_title_is_cut_at_a_word_boundary() -> None:
    title = " ".join(["كلمة"] * 60)  # 300 characters
    out = clean_headline(title, LEAD)
    assert out.endswith(" …") and len(out) <= MAX_HEADLINE_CHARS + 2
    assert set(out[:-2].split()) == {"كلمة"}


def test_emoji_go_but_a_joiner_inside_a_word_stays() -> None:
    assert clean_headline("👨\u200d👩\u200d👧 عائلة تنجو من الحريق") == "عائلة تنجو من الحريق"
    # a zero-width joiner between Arabic letters is the writer's, not an emoji's
    assert clean_headline("كلمة\u200dأخرى في العنوان") == "كلمة\u200dأخرى في العنوان"


# QA18 R18: «شاهد» + space before a clause is the teaser word; «شاهد» the noun stays.
@pytest.mark.parametrize(("title", "expected"), [
    ("شاهد هيلي تهاجم عريقات في مجلس الأمن: لن أخرس", "هيلي تهاجم عريقات في مجلس الأمن: لن أخرس"),
    ("شاهد كيف أنقذ شرطي مصري طفلا سقط من الطابق الثالث!",
     "كيف أنقذ شرطي مصري طفلا سقط من الطابق الثالث!"),
    ("عاجل: شاهد لحظة قتل فلسطيني برصاص قناص", "لحظة قتل فلسطيني برصاص قناص"),
])
def test_the_teaser_watch_before_a_clause_goes(title: str, expected: str) -> None:
    assert clean_headline(title, LEAD) == expected


@pytest.mark.parametrize("title", [
    "شاهد عيان يروي لحظات القصف في الغوطة", "شاهد إثبات يغيّر مسار محاكمة نتنياهو",
    "شاهد على العصر يتحدث عن حرب 1973", "شاهد من الجو.. فيضانات على طول نهر أوهايو!",
    '"شاهد ملك" ضد نتانياهو في قضية الفساد', "شاهد زور في قضية مقتل الحريري",
    "شاهد الغوطة",  # two words: nothing of a headline would be left
])
def test_watch_as_a_noun_or_before_a_phrase_stays(title: str) -> None:
    assert clean_headline(title, LEAD) == title
