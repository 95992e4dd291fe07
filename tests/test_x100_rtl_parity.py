"""X100: right-to-left layout and English parity of story lines (QA67).

- QA67-1: an English related link's date after an Arabic title is one left-to-right run (LRMs,
  bot.lines.english_run, as the compact bundle's «3 hours ago»): not drawn «March 2018 5».
- QA67-2: the English «🔄 Update · 2.» / «🔄 Revised (3 → 5) · 7.» mark is a left-to-right run
  of its own and the headline starts after an RLM, so «3 قتلى» / «BBC: مقتل 5» stay whole.
- QA67-11: the Arabic correction mark writes its figures in the headline's digits.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.lines import LRM, RLM, english_run
from bot.render import figures_text, render_bundle, render_related
from digests.models import Digest, RelatedItem

NOW = datetime(2026, 12, 2, 5, 30, tzinfo=timezone.utc)


def _digest(headline: str, url: str = "http://news.test/a", aid: int = 1,
            **kw: object) -> Digest:
    return Digest(url=url, source="فرانس 24", headline=headline,
                  published_at=NOW - timedelta(hours=3), article_id=aid, story_id=1,
                  **kw)  # type: ignore[arg-type]


def test_english_run_is_marked_in_english_only() -> None:
    assert english_run("5 March 2018", "en") == f"{LRM}5 March 2018{LRM}"
    assert english_run("٥ مارس ٢٠١٨", "ar") == "٥ مارس ٢٠١٨"
    assert english_run("", "en") == ""


def test_a_related_links_english_date_is_one_left_to_right_run() -> None:
    related = (RelatedItem("قافلة مساعدات تدخل دوما", "http://news.test/r",
                           datetime(2018, 3, 5, 12, tzinfo=timezone.utc)),
               RelatedItem("ماكرون يدعو طهران", "http://news.test/s", NOW - timedelta(days=2)))
    digest = _digest("مقتل 19 مدنيًا في الغوطة", related=related)
    english = render_related(digest, "en", NOW)
    assert f" — {LRM}5 March 2018{LRM}</i>" in english, english
    assert f" — {LRM}30 November{LRM}</i>" in english, english
    arabic = render_related(digest, "ar", NOW)
    assert " — ٥ مارس ٢٠١٨</i>" in arabic and LRM not in arabic, arabic


def test_the_compact_time_keeps_its_marks() -> None:
    text = render_bundle([_digest("مقتل 19 مدنيًا")], "en", NOW, topics=["الغوطة"])[0]
    assert f"{LRM}3 hours ago{LRM}" in text, text


def test_the_english_update_mark_is_its_own_run() -> None:
    digests = [_digest("3 قتلى في انفجار بيروت"),
               _digest("BBC: مقتل 5 أشخاص في غزة", url="http://news.test/b", aid=2, revised=True,
                       was="BBC: مقتل 3 أشخاص في غزة")]
    updates = frozenset({1, 2})
    text = render_bundle(digests, "en", NOW, topics=["الغوطة"], updates=updates)[0]
    assert f"<b>{LRM}🔄 Update · 1.{LRM} {RLM}</b><b><a " in text, text
    assert f"<b>{LRM}🔄 Correction (3 → 5) · 2.{LRM} {RLM}</b><b><a " in text, text  # QA70-7
    alone = render_bundle(digests[:1], "en", NOW, topics=["الغوطة"], updates=updates)[0]
    assert f"{LRM}🔄 Update ·{LRM} {RLM}" in alone, alone


def test_the_arabic_mark_writes_the_headlines_digits() -> None:
    digest = _digest("BBC: مقتل 5 أشخاص في غزة", revised=True, was="BBC: مقتل 3 أشخاص في غزة")
    text = render_bundle([digest], "ar", NOW, topics=["الغوطة"],
                         updates=frozenset({1}))[0]
    assert "<b>(3 ← 5) · </b>" in text, text  # the header says «🔄 تعديل» (QA70-7)
    assert figures_text((("3", "5"),), "ar", "مقتل ٥ أشخاص") == "٣ ← ٥"
    assert figures_text((("3", "5"),), "ar", "مقتل 5 أشخاص") == "3 ← 5"


def test_an_inline_description_is_laid_out_as_a_byline() -> None:
    from bot.inline import _result
    digest = Digest(url="http://news.test/a", source="BBC عربي", headline="مقتل 19",
                    published_at=NOW - timedelta(hours=3), article_id=1, story_id=1)
    assert _result(digest, "ar", NOW, 0).description == f"{RLM}BBC عربي · منذ ٣ ساعات"
    english = Digest(url="http://news.test/a", source="CNN بالعربية", headline="مقتل 19",
                     published_at=NOW - timedelta(hours=3), article_id=1, story_id=1)
    assert _result(english, "en", NOW, 0).description == f"{LRM}CNN بالعربية{LRM} · 3 hours ago"


def test_a_latin_first_name_is_isolated_left_to_right() -> None:
    from types import SimpleNamespace

    from bot.lines import LRI, PDI, RLI, isolate_rtl
    from bot.story_sites import others_line
    assert isolate_rtl("France 24 عربي") == f"{LRI}France 24 عربي{PDI}"
    assert isolate_rtl("فرانس 24") == f"{RLI}فرانس 24{PDI}"
    assert isolate_rtl("BBC") == "BBC"
    sited = SimpleNamespace(other_sites=("France 24 عربي", "فرانس 24"))
    line = others_line(sited, "en")  # type: ignore[arg-type]
    assert line.endswith(f"{LRI}France 24 عربي{PDI}, {RLI}فرانس 24{PDI}"), ascii(line)


def test_a_digest_does_not_list_its_own_stories_as_related() -> None:
    # QA67-8: /digest listed under «روابط ذات صلة» stories numbered in the same message
    other = RelatedItem("قافلة مساعدات تدخل دوما", "http://news.test/b?utm_source=x")
    outside = RelatedItem("شاحنات الأمم المتحدة تفرغ حمولتها", "http://news.test/z")
    first = _digest("مقتل 19 مدنيًا في الغوطة", related=(other, outside))
    second = _digest("قافلة مساعدات تدخل دوما", url="http://news.test/b", aid=2)
    text = "\n".join(render_bundle([first, second], "ar", NOW))
    assert text.count('href="http://news.test/b') == 1, text  # the story, not a related link
    assert 'href="http://news.test/z"' in text, text
    alone = render_bundle([first], "ar", NOW)[0]  # not in the message: still related
    assert 'href="http://news.test/b?utm_source=x"' in alone, alone
