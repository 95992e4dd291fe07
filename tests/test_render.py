"""bot.render: golden files for the shapes readers see, Hypothesis for Telegram's invariants.

Regenerate the golden files after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_render.py`
and review the diff.
"""

from __future__ import annotations

import os
from dataclasses import replace
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram_html import check_message, utf16, visible_text

from bot.lines import LRM, RLM, clean, safe_url
from bot.packer import LIMIT, MAX_ENTITIES, MAX_LINKS
from bot.render import (
    render_bundle,
    render_digest,
    render_digest_messages,
    render_related,
    render_results,
)
from bot.telegram_html import parse_html
from bot.telegram_html import utf16_len as tg_utf16_len
from digests.models import Digest, Quote, RelatedItem

GOLDEN = Path(__file__).parent / "golden" / "render"
NOW = datetime(2018, 2, 20, 15, 0, tzinfo=timezone.utc)
SEPARATOR = "\n----- 8< message -----\n"
_MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")  # the bidi marks a line is laid out with
# English labels stay LTR; an English attribution line starts with an LRM (bot.render.quote_line)
EN_LABELS = ("Related links:", "Results for «", "📰 News digest", "\u200e",
             "📰 Your daily digest", "To stop:", "📰 The general digest",
             # the more line (bot.texts_more, X55)
             "The button below", "This message leaves out", "/search")

GHOUTA = Digest(
    url="https://news.example/ghouta?id=1&lang=ar",
    source="نشرة تجريبية",
    headline="مقتل العشرات في قصف على الغوطة الشرقية",
    published_at=NOW - timedelta(hours=3),
    quotes=(
        Quote("إن ما يحدث في الغوطة الشرقية يجب أن يتوقف فورا", "الأمين العام للأمم المتحدة"),
        Quote("قواته تحارب الإرهاب & تحمي المدنيين <دائما>", "مصدر \"رسمي\" سوري", "reported"),
    ),
    related=(
        RelatedItem("الأمم المتحدة تدعو إلى هدنة في الغوطة", "https://news.example/truce"),
        RelatedItem("Ghouta: what we know", "https://news.example/en/ghouta"),
        RelatedItem("رابط غير صالح", "javascript:alert(1)"),
    ),
    story_id=7,
    article_id=1,
)
OTHER = Digest(url="https://news.example/2", source="BBC عربي", headline="2018: عام الانتخابات",
               published_at=NOW - timedelta(minutes=1), story_id=8, article_id=2)
OLD = Digest(url="https://news.example/3", source="Sky News", headline="Ebola outbreak ends",
             published_at=NOW - timedelta(days=30), story_id=9, article_id=3)


def _golden(name: str, messages: list[str]) -> None:
    for m in messages:
        assert check_message(m, ltr_labels=EN_LABELS if name.endswith("_en") else ()) == [], m
    text = SEPARATOR.join(messages) + "\n"
    path = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text


def test_golden_digest_arabic() -> None:
    _golden("digest_ar", [render_digest(GHOUTA, "ar", NOW)])


def test_golden_digest_english() -> None:
    _golden("digest_en", [render_digest(GHOUTA, "en", NOW)])


def test_golden_bundle() -> None:
    _golden("bundle_ar", render_bundle([GHOUTA, OTHER, OLD], "ar", NOW))


def test_golden_results() -> None:
    _golden("results_ar", render_results([GHOUTA, OTHER], "ar", NOW, query="الغوطة", offset=5,
                                         total=12))


def test_golden_results_and_bundle_english() -> None:
    _golden("results_en", render_results([GHOUTA, OLD], "en", NOW, query="Ghouta", total=2))
    _golden("bundle_en", render_bundle([GHOUTA, OTHER], "en", NOW))


def test_golden_daily_digest_headers() -> None:
    """A scheduled daily digest says so, with the chat's local date from its outbox kind (QA12:
    it was headed like an instant alert); Arabic and English, with and without topics."""
    daily = "daily:2018-02-21"
    _golden("daily_ar", render_bundle([GHOUTA, OTHER], "ar", NOW, topics=["الغوطة", "دوما"],
                                      kind=daily)
            + render_bundle([OTHER], "ar", NOW, topics=[""], kind=daily))
    _golden("daily_en", render_bundle([GHOUTA, OTHER], "en", NOW, topics=["الغوطة"], kind=daily)
            + render_bundle([OTHER], "en", NOW, topics=[""], kind=daily))
    [group] = render_bundle([OTHER], "ar", NOW, topics=["الغوطة"], kind=daily + ":group")
    assert "📰 النشرة اليومية — ٢١ فبراير ٢٠١٨: «الغوطة»" in group  # many readers, not «ـك»
    [group] = render_bundle([OTHER], "en", NOW, topics=[""], kind=daily + ":group")
    assert "📰 The daily digest — 21 February 2018</b>" in group
    for kind in ("instant", "push", "daily:not-a-date", None):  # the other kinds keep theirs
        [html] = render_bundle([OTHER], "ar", NOW, topics=["الغوطة"], kind=kind)
        assert "نشرتك اليومية" not in html and "📰 جديد «الغوطة»" in html


def test_the_stop_line_is_worded_for_the_chat_type() -> None:
    """QA18 R18: a delivered digest's last line tells a private reader how to stop, a group's
    admins how («للمشرفين»: members cannot), and a channel nothing (readers cannot send a
    command there); a chat of unknown type is worded as a private one."""
    def text(lang: str, chat_type: str | None) -> str:
        shown = visible_text("".join(render_bundle([OTHER], lang, NOW, topics=["الغوطة"],
                                                   chat_type=chat_type)))
        return shown.replace(LRM, "").replace(RLM, "")
    assert text("ar", "private").endswith("لإيقاف المتابعة: /unsubscribe")
    assert text("ar", None) == text("ar", "private")
    assert text("ar", "group").endswith("للمشرفين: /unsubscribe")
    assert text("ar", "supergroup") == text("ar", "group")
    assert text("en", "supergroup").endswith("Admins: /unsubscribe")
    for lang in ("ar", "en"):
        channel = text(lang, "channel")
        assert "/unsubscribe" not in channel and OTHER.headline in channel


def test_results_header_says_at_least_for_a_lower_bound() -> None:
    [exact] = render_results([GHOUTA], "ar", NOW, query="سوريا", offset=5, total=87)
    [bound] = render_results([GHOUTA], "ar", NOW, query="سوريا", offset=5, total=87,
                             total_exact=False)
    [english] = render_results([GHOUTA], "en", NOW, query="Syria", total=87, total_exact=False)
    assert "٦ إلى ٦ من ٨٧" in exact and "على الأقل" not in exact
    assert "٦ إلى ٦ من ٨٧ على الأقل" in bound
    assert "1 to 1 of at least 87" in english


def test_golden_related() -> None:
    _golden("related_en", [render_related(GHOUTA, "en", NOW)])


def test_long_digest_golden_split_at_sentences() -> None:
    sentence = "قال المتحدث إن القصف استمر طوال الليل على الأحياء السكنية في دوما. "
    long = Digest(url="https://news.example/long", source="مصدر", headline="تقرير طويل",
                  published_at=NOW - timedelta(days=2),
                  quotes=tuple(Quote(sentence * 70, f"متحدث {i}") for i in range(2)))
    messages = render_digest_messages(long, "ar", NOW)
    assert len(messages) > 1
    _golden("long_ar", messages)
    # Quotes were cut where a sentence ends, never inside a word.
    quote_lines = [line for m in messages for line in visible_text(m).split("\n")
                   if "القصف" in line]
    assert len(quote_lines) >= 4
    for line in quote_lines:
        assert re.search(r"(\.|\.» — متحدث \d)$", line), line[-40:]


def test_headline_bold_and_linked_with_escaped_href() -> None:
    html = render_digest(GHOUTA, "ar", NOW)
    assert '<b><a href="https://news.example/ghouta?id=1&amp;lang=ar">' in html
    assert "&lt;دائما&gt;" in html and "&amp; تحمي" in html
    assert 'مصدر "رسمي" سوري' in html  # text needs no quote escaping; attributes do
    assert "رابط غير صالح" not in html  # a related item without a usable link is dropped
    assert "javascript:" not in html  # only http(s) links become links
    assert "منذ ٣ ساعات" in html


def test_several_stories_are_one_message_when_they_fit() -> None:
    messages = render_bundle([GHOUTA, OTHER, OLD], "ar", NOW)
    assert len(messages) == 1
    text = visible_text(messages[0])
    assert text.index("الغوطة") < text.index("الانتخابات") < text.index("Ebola")
    assert "٢١ يناير ٢٠١٨" in text  # a month old: a date, not «منذ ٣٠ يومًا»


def test_line_starting_with_latin_or_digit_gets_rlm() -> None:
    text = visible_text(render_digest(OLD, "ar", NOW)).replace(LRM, "")
    assert text.startswith(RLM + "Ebola")
    assert visible_text(render_digest(OTHER, "ar", NOW)).startswith(RLM + "2018")


def test_bundle_of_many_stories_splits_between_stories() -> None:
    stories = [GHOUTA] * 40
    messages = render_bundle(stories, "ar", NOW)
    assert len(messages) > 1
    total = sum(visible_text(m).count("مقتل العشرات") for m in messages)
    assert total == 40  # no story lost, none repeated
    for m in messages:
        assert check_message(m) == []
        # a story never straddles two messages when it fits in one (its last quote with it)
        assert visible_text(m).count("مقتل العشرات") == visible_text(m).count("تحارب الإرهاب")
    # its related links once, under the first (X142, QA79-11: a link once a digest)
    assert sum(visible_text(m).count("روابط ذات صلة") for m in messages) == 1


def test_clean_and_safe_url() -> None:
    assert clean("  a\n\tb\x00c\ud800 ") == "a bc"
    assert safe_url("https://x.example/a b") == "https://x.example/a%20b"  # QA14 F8: encoded
    assert safe_url(" https://x.example/a ") == "https://x.example/a"
    assert safe_url("ftp://x") is None and safe_url(None) is None


_text = st.text(st.characters(codec="utf-8") | st.sampled_from("<>&\"'«»\n\u200f\u202e😀ا"),
                max_size=60)
_huge = st.builds(lambda s, n: s * n, _text, st.integers(1, 400))
_urls = st.one_of(st.just(""), _text, st.builds(lambda s: "https://x.example/" + s, _text))
_digests = st.builds(
    Digest,
    url=_urls,
    source=_text,
    headline=st.one_of(_text, _huge),
    published_at=st.one_of(st.none(), st.datetimes(timezones=st.just(timezone.utc))),
    quotes=st.lists(st.builds(Quote, text=st.one_of(_text, _huge), speaker=_text),
                    max_size=4).map(tuple),
    related=st.lists(st.builds(RelatedItem, title=_text, url=_urls), max_size=6).map(tuple),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(digests=st.lists(_digests, min_size=1, max_size=4), lang=st.sampled_from(["ar", "en"]))
def test_any_digest_renders_to_valid_messages(digests: list[Digest], lang: str) -> None:
    for messages in (render_bundle(digests, lang, NOW),
                     [render_digest(digests[0], lang, NOW)],
                     render_digest_messages(digests[0], lang, NOW),
                     render_results(digests, lang, NOW, query="<b>&", total=99)):
        assert messages
        for m in messages:
            assert check_message(m, LIMIT, EN_LABELS if lang == "en" else ()) == [], m[:200]
            parsed = parse_html(m)  # the emulator's parser: what Telegram would accept
            assert tg_utf16_len(parsed.text) <= LIMIT
            assert len(parsed.entities) <= MAX_ENTITIES
            assert sum(len(e.url or "") for e in parsed.entities) <= MAX_LINKS
    # Nothing of a headline is lost when splitting: its words all appear across the messages.
    # (a word longer than a message is cut: drop the line breaks and RLMs between its pieces)
    shown = "".join(visible_text(m) for m in render_digest_messages(digests[0], lang, NOW))
    # (LRMs around Latin runs are direction marks too: bot.lines.isolate_ltr)
    shown = shown.replace("\n", "").replace(RLM, "").replace(LRM, "")
    for word in clean(digests[0].headline).split()[:20]:
        visible = word.replace(RLM, "").replace(LRM, "").strip()  # marks are not words
        assert visible in shown


@pytest.mark.parametrize("hours,expected", [(0, "الآن"), (1, "منذ ساعة"), (2, "منذ ساعتين"),
                                            (5, "منذ ٥ ساعات"), (11, "منذ ١١ ساعة"),
                                            (48, "منذ يومين")])
def test_relative_time_in_arabic(hours: int, expected: str) -> None:
    d = Digest(url="https://x.example", source="س", headline="خبر",
               published_at=NOW - timedelta(hours=hours))
    assert expected in visible_text(render_digest(d, "ar", NOW))


def test_message_length_counts_utf16_units() -> None:
    emoji = Digest(url="", source="", headline="😀" * 5000)
    m = render_digest(emoji, "ar", NOW)
    assert utf16(visible_text(m)) <= LIMIT
    assert len(visible_text(m)) <= LIMIT // 2 + 2  # each emoji is two units


def test_english_labels_keep_their_direction_story_lines_stay_rtl() -> None:
    text = visible_text(render_digest(GHOUTA, "en", NOW))
    lines = text.split("\n")
    assert "Related links:" in lines  # no RLM: it would show as «:Related links»
    for line in lines:
        # English interface lines and bylines (bot.lines.byline) open with an LRM
        if line != "Related links:" and not line.startswith(LRM):
            assert line.startswith(RLM) or unicodedata.bidirectional(line[0]) == "AL", line
    arabic = visible_text(render_digest(GHOUTA, "ar", NOW))
    assert "روابط ذات صلة:" in arabic.split("\n")


def test_many_small_linked_stories_respect_the_entity_and_link_limits() -> None:
    url = "https://news.example/" + "a" * 150
    small = Digest(url=url, source="مصدر", headline="خبر قصير", published_at=NOW,
                   quotes=(Quote("تصريح قصير جدا هنا", "متحدث"),),
                   related=tuple(RelatedItem(f"رابط {i}", f"{url}/{i}") for i in range(5)))
    messages = render_bundle([small] * 30, "ar", NOW)
    assert len(messages) > 1  # 30 × 11 entities cannot share one message
    assert sum(visible_text(m).count("خبر قصير") for m in messages) == 30
    for m in messages:
        parsed = parse_html(m)
        assert len(parsed.entities) <= MAX_ENTITIES
        assert sum(len(e.url or "") for e in parsed.entities) <= MAX_LINKS
        assert tg_utf16_len(parsed.text) < LIMIT  # text alone would have fit in fewer


def test_inner_quote_marks_of_a_quote_are_kept() -> None:
    d = Digest(url="https://x.example/a", source="مصدر", headline="عنوان",
               quotes=(Quote(text='ما يحصل في اليمن "جرائم حرب"', speaker="روحاني"),
                       Quote(text="«لوضع حد للهجمات العشوائية على السكان»", speaker="الرئاسة")))
    shown = visible_text(render_digest(d, "ar", NOW))
    assert '«ما يحصل في اليمن "جرائم حرب"»' in shown
    assert "«لوضع حد للهجمات العشوائية على السكان»" in shown  # its own marks are not doubled


def test_reported_speech_is_attributed_not_put_in_quote_marks() -> None:
    """QA4 A4: «قواته ستغادر…» in quote marks reads as Trump's own words about «his» forces."""
    d = Digest(url="https://x.example/a", source="مصدر", headline="عنوان",
               quotes=(Quote('قواته ستغادر سوريا "قريبا جدا"', "ترامب", "reported"),
                       Quote("الوضع في غزة يتدهور", "", "reported"),  # no speaker: not a quote
                       Quote("سنبقى هنا", "الرئيس")))
    shown = visible_text(render_digest(d, "ar", NOW))
    assert 'بحسب ترامب، قواته ستغادر سوريا "قريبا جدا"' in shown
    assert "«قواته" not in shown and "الوضع في غزة" not in shown
    assert "«سنبقى هنا» — الرئيس" in shown  # direct speech as before
    html = render_digest(d, "ar", NOW)
    assert "<i>بحسب ترامب</i>، قواته" in html and check_message(html) == []
    english = _MARKS.sub("", visible_text(render_digest(d, "en", NOW)))  # QA36 E1: RLM RLI…PDI RLM
    assert 'According to ترامب: قواته ستغادر سوريا "قريبا جدا"' in english


def test_an_english_paraphrase_cut_from_anna_gets_inna_back() -> None:
    """QA12 F7: the English line kept the accusative of a dropped «أنّ» («قصفا مكثفا …»)."""
    d = Digest(url="https://x.example/a", source="مصدر", headline="عنوان",
               quotes=(Quote("قصفا مكثفا استهدف مدينة دوما", "المرصد السوري", "reported"),))
    english = _MARKS.sub("", visible_text(render_digest(d, "en", NOW)))  # QA36 E1: RLM RLI…PDI RLM
    assert "According to المرصد السوري: إن قصفا مكثفا استهدف مدينة دوما" in english
    arabic = visible_text(render_digest(d, "ar", NOW))
    assert "فإن قصفا مكثفا" in arabic  # the Arabic line as before


def test_a_quote_within_a_direct_quote_takes_the_inner_marks() -> None:
    d = Digest(url="https://x.example/a", source="مصدر", headline="عنوان",
               quotes=(Quote("برنامج بلاده الصاروخي «دفاعي بحت وغير قابل للتفاوض»", "روحاني"),))
    shown = visible_text(render_digest(d, "ar", NOW))
    assert "«برنامج بلاده الصاروخي “دفاعي بحت وغير قابل للتفاوض”»" in shown


def test_the_json_output_keeps_its_shape_for_reported_quotes() -> None:
    """`run.py digest --json`: a quote is its text and speaker as written, plus its kind, so a
    script can show a paraphrase as «بحسب X، …» (QA8 F10)."""
    assert GHOUTA.to_json()["quotes"][1] == {"text": GHOUTA.quotes[1].text,
                                            "speaker": 'مصدر "رسمي" سوري', "kind": "reported"}


def test_plural_speakers_take_the_genitive_after_bihasab() -> None:
    quotes = (Quote("الوزير سيطلب وقف القصف", "دبلوماسيون غربيون", "reported"),
              Quote("المفاوضات ستستأنف", "المسؤولون في الخارجية", "reported"),
              Quote("بلاده لن تنسحب", "ماكرون", "reported"))
    d = Digest(url="https://x.example/a", source="مصدر", headline="عنوان", quotes=quotes)
    shown = visible_text(render_digest(d, "ar", NOW))
    assert "بحسب دبلوماسيين غربيين، الوزير" in shown
    assert "بحسب المسؤولين في الخارجية، المفاوضات" in shown
    assert "بحسب ماكرون، بلاده" in shown  # a name in -ون is not a plural


def test_story_lines_keep_urls_and_mentions_in_order() -> None:
    """A related link titled by its URL and an @name in a quote, laid out by the bidi algorithm
    as clients do: «/http://…» and «UN_News@» were what readers saw before."""
    from test_welcome import displayed

    d = Digest(url="https://x.example/a", source="مصدر", headline="عنوان",
               quotes=(Quote("كتب عبر @UN_News إن القصف يجب أن يتوقف", "المتحدث"),),
               related=(RelatedItem("", "http://x.example/news/"),))
    shown = "\n".join(displayed(render_digest(d, "ar", NOW)))
    assert "@UN_News" in shown and "UN_News@" not in shown
    assert "http://x.example/news/" in shown and "/http:" not in shown


def _reported(speaker: str, text: str = "الوضع يتدهور", lang: str = "ar") -> str:
    d = Digest(url="https://x.example/a", source="مصدر", headline="عنوان",
               quotes=(Quote(text, speaker, "reported"),))
    html = render_digest(d, lang, NOW)
    assert check_message(html, ltr_labels=EN_LABELS if lang == "en" else ()) == []
    return visible_text(html).split("\n")[2].replace(LRM, "").replace(RLM, "")


@pytest.mark.parametrize("speaker,shown", [
    # QA5 N1, each example of the report
    ("التلفزيون الرسمي السوري", "بحسب التلفزيون الرسمي السوري،"),
    ("الشاهدان", "بحسب الشاهدين،"),
    ("شاهدان", "بحسب شاهدين،"),
    ("المسؤولان الأميركيان", "بحسب المسؤولين الأميركيين،"),
    ("مسؤولان آخران", "بحسب مسؤولين آخرين،"),
    ("ممثلون للمقاتلين الأكراد", "بحسب ممثلين للمقاتلين الأكراد،"),
    ("آخرون", "بحسب آخرين،"),
    ("كثيرون", "بحسب كثيرين،"),
    ("القائمون", "بحسب القائمين،"),
    ("مسؤولين أميركيين مطلعون", "بحسب مسؤولين أميركيين مطلعين،"),
    ("أبو زياد", "بحسب أبي زياد،"),
    ("أبو رميلة", "بحسب أبي رميلة،"),
    # and around them
    ("مليون متظاهر", "بحسب مليون متظاهر،"),
    ("مسؤولو الوزارة", "بحسب مسؤولي الوزارة،"),
    ("اليمنيون", "بحسب اليمنيين،"),
    ("سكان محليون", "بحسب سكان محليين،"),
    ("محمود أبو رميلة", "بحسب محمود أبو رميلة،"),  # a family name stays as it is
    ("البيان", "بحسب البيان،"),
    ("ماكرون", "بحسب ماكرون،"),
])
def test_the_speaker_after_bihasab_is_in_the_genitive(speaker: str, shown: str) -> None:
    assert _reported(speaker).startswith(shown + " الوضع يتدهور")


def test_a_speaker_whose_case_is_uncertain_follows_the_paraphrase() -> None:
    """A word in -ون or -ان that may be a name or a plural we do not know: «بحسب باتون» could be
    wrong, «… — باتون» cannot (the speaker stands alone and takes no case)."""
    assert _reported("باتون") == "الوضع يتدهور — باتون"
    assert _reported("قناتا تلفزيون حكوميتان") == "الوضع يتدهور — قناتا تلفزيون حكوميتان"
    # a clause cut from «إنّ» gets it back when it stands alone
    assert _reported("باتون", "المسلحين غادروا") == "إن المسلحين غادروا — باتون"


@pytest.mark.parametrize("text,shown", [
    # QA5 N2: a clause that starts with «إنّ» after «بحسب X،» takes «ف»
    ("إنه يعمل بشكل رائع", "بحسب كونتي، فإنه يعمل بشكل رائع"),
    ("إنها مباراة مهمة دائما", "بحسب كونتي، فإنها مباراة مهمة دائما"),
    ("إن ميسي أنهى المباراة", "بحسب كونتي، فإن ميسي أنهى المباراة"),
    # a clause cut from «قال إن …» whose subject shows the accusative gets its «إنّ» back
    ("اللاعبين يجب أن يطوروا أداءهم", "بحسب كونتي، فإن اللاعبين يجب أن يطوروا أداءهم"),
    ("الحالتين لا تشكلان مصدرا للقلق", "بحسب كونتي، فإن الحالتين لا تشكلان مصدرا للقلق"),
    ("السكان الفلسطينيين بحاجة إلى مساكن", "بحسب كونتي، فإن السكان الفلسطينيين بحاجة إلى مساكن"),
    # anything else as the article wrote it
    ("قواته ستغادر سوريا", "بحسب كونتي، قواته ستغادر سوريا"),
    ("البحرين تدعم الاتفاق", "بحسب كونتي، البحرين تدعم الاتفاق"),
])
def test_the_paraphrase_after_bihasab_reads_as_a_sentence(text: str, shown: str) -> None:
    assert _reported("كونتي", text) == shown


@pytest.mark.parametrize("speaker,text", [
    # QA5 N2: "reported" speech in the first person is the speaker's own words
    ("كروس", "نحن لسنا المرشح الأقرب في روسيا"),
    ("المدرب", "من السهل أن أختار 11 لاعبا من الذين يشاركون باستمرار لكننا قررنا منح الفرصة"),
    ("إيسكو", "في الحقيقة لا أحظى في فريقي بالاستمرارية"),
    ("ليونيل ميسي", "ائمًا ما نعطي كل ما لدينا في أرضية الملعب"),
])
def test_a_first_person_paraphrase_is_shown_as_direct_speech(speaker: str, text: str) -> None:
    assert _reported(speaker, text) == f"«{text}» — {speaker}"
    assert _reported(speaker, text, "en") == f"«{text}» — {speaker}"


def test_third_person_text_with_lookalike_words_stays_reported() -> None:
    """«لست سنوات» is «for six years» and «معيّنة» is not «معي»: no first person there."""
    assert _reported("المحكمة", "منعه من السفر لست سنوات").startswith("بحسب المحكمة، منعه")
    assert _reported("المنظمة", "العيّنات سترسل إلى مختبرات معيّنة").startswith("بحسب المنظمة")
    # a first-person word inside a quote within the paraphrase belongs to that quote
    assert _reported("الوزير", 'بلاده سترد "نحن لن نسكت"').startswith("بحسب الوزير، بلاده")


def test_english_attribution_reads_left_to_right_with_the_speaker_as_written() -> None:
    """QA5 N12: «According to دبلوماسيون» laid out right-to-left put "According to" at the
    right edge. The line is left-to-right now (an LRM first), the speaker as the article has
    it (no Arabic case for an English sentence), and its own run before the colon."""
    from test_welcome import displayed

    d = Digest(url="https://x.example/a", source="مصدر", headline="عنوان",
               quotes=(Quote("الوزير سيطلب وقف القصف", "دبلوماسيون غربيون", "reported"),))
    html = render_digest(d, "en", NOW)
    line = visible_text(html).split("\n")[2]
    assert _MARKS.sub("", line).startswith("According to دبلوماسيون غربيون")  # X107: isolated
    assert check_message(html, ltr_labels=EN_LABELS) == []
    shown = displayed(html)[2]
    # on screen, left to right: the English words, then the speaker, then the paraphrase
    assert shown.startswith("According to ") and shown.index(":") < shown.index("القصف"[::-1])
    assert "According to دبلوماسيون" not in visible_text(render_digest(d, "ar", NOW))


def test_bidi_controls_from_sources_are_not_shown() -> None:
    """QA5 N14: a title with U+202B (corpus id 7103), and the same in quotes, speakers and
    source names."""
    rle = "\u202b"
    d = Digest(url="https://x.example/a", source=f"{rle}مصدر\u202c",
               headline=f"{rle}تحليق مكثف لأباتشي التحالف على صعدة وحجة",
               quotes=(Quote(f"\u2067نص{rle}", f"متحدث\u200f\u202e"),),
               related=(RelatedItem(f"{rle}عنوان", "https://x.example/b"),))
    for lang in ("ar", "en"):
        html = render_digest(d, lang, NOW)
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", html), html
        assert "تحليق مكثف لأباتشي التحالف على صعدة وحجة</a>" in html


def test_a_denial_is_shown_as_a_denial_never_as_the_speakers_claim() -> None:
    """QA9 N4: «نفى المسؤولون أن يكون لهم …» was shown «بحسب المسؤولين، يكون لهم …» (then
    dropped); kind "denial" reads «نفى X أن …» in Arabic, "X denied: …" in English (X107)."""
    d = Digest(url="https://x.example/a", source="مصدر", headline="عنوان",
               quotes=(Quote("أن يكون لها أي دور في الهجوم", "وزارة الخارجية", "denial"),
                       Quote("أن يكون قد التقى المبعوث", "", "denial")))  # nobody: not shown
    html = render_digest(d, "ar", NOW)
    assert check_message(html) == []
    assert "<i>نفت وزارة الخارجية</i> أن يكون لها أي دور في الهجوم" in html
    shown = visible_text(html)
    assert "بحسب" not in shown and "التقى المبعوث" not in shown
    english = _MARKS.sub("", visible_text(render_digest(d, "en", NOW)))  # QA36 E1: RLM RLI…PDI RLM
    # QA68-14 dropped «أن»; QA74-7 (F48): before a subjunctive verb it stays («يكون …» alone
    # read as a statement)
    assert "وزارة الخارجية denied: أن يكون لها أي دور في الهجوم" in english


def test_f11_a_hedged_clause_is_shown_with_its_verb_not_after_bihasab() -> None:
    """QA13 743: «بحسب السلطات، تكون الطائرة تحطمت» stated what was only judged likely."""
    d = Digest(url="https://x.example/a", source="مصدر", headline="عنوان",
               quotes=(Quote("ترجح السلطات أن تكون الطائرة تحطمت وقتل جميع ركابها", "السلطات",
                             "reported"),
                       Quote("أعربوا عن أملهم في أن يكون القرار نقطة تحول", "المصادر",
                             "reported")))
    for lang in ("ar", "en"):
        shown = visible_text(render_digest(d, lang, NOW)).replace(LRM, "")
        assert "ترجح السلطات أن تكون الطائرة تحطمت وقتل جميع ركابها" in shown
        assert "أعربوا عن أملهم في أن يكون القرار نقطة تحول — المصادر" in shown
        assert "بحسب" not in shown and "According" not in shown
    # A paraphrase that merely holds «أن يكون» further on keeps its attribution.
    d2 = Digest(url="https://x.example/a", source="مصدر", headline="عنوان",
                quotes=(Quote("الحكومة تأمل في أن يكون الاتفاق قريبا", "الوزير", "reported"),))
    assert "بحسب الوزير، الحكومة تأمل" in visible_text(render_digest(d2, "ar", NOW))


def test_f11_a_describers_line_keeps_what_was_described() -> None:
    d = Digest(url="https://x.example/a", source="مصدر", headline="عنوان",
               quotes=(Quote('واصفةً "دفع الرشى"، بأنه أمر "بالغ الخطورة"', "مديرة الدائرة",
                             "reported"),))
    shown = visible_text(render_digest(d, "ar", NOW))
    assert 'واصفةً "دفع الرشى"، بأنه أمر "بالغ الخطورة" — مديرة الدائرة' in shown
    assert "بحسب" not in shown


def test_f11_a_question_of_whether_is_shown_with_its_verb() -> None:
    d = Digest(url="https://x.example/a", source="مصدر", headline="عنوان",
               quotes=(Quote('تساءل في رسالة فيما إذا كانت الضغوط "لها علاقة بقدر هذا البلد؟"',
                             "الرئيس السابق", "reported"),))
    shown = visible_text(render_digest(d, "ar", NOW))
    assert 'تساءل في رسالة فيما إذا كانت الضغوط "لها علاقة بقدر هذا البلد؟" — الرئيس السابق' in shown


def test_f12_a_singular_subjunctive_is_shown_with_its_verb() -> None:
    """F11's leftover: «بحسب رئيس البنك، يرتفع التضخم …» stated what was only expected."""
    d = Digest(url="https://x.example/a", source="مصدر", headline="عنوان",
               quotes=(Quote("توقع أن يرتفع التضخم من جديد هذا العام", "رئيس البنك", "reported"),
                       Quote("أعرب مدير المنتخب الألماني لكرة القدم أوليفر بيرهوف عن أمله بأن يكون "
                             "الحارس جاهزا", "مدير المنتخب الألماني لكرة القدم أوليفر بيرهوف",
                             "reported")))
    shown = visible_text(render_digest(d, "ar", NOW)).replace(LRM, "")
    assert "توقع أن يرتفع التضخم من جديد هذا العام — رئيس البنك" in shown
    assert "أعرب مدير المنتخب الألماني لكرة القدم أوليفر بيرهوف عن أمله بأن يكون الحارس جاهزا" in shown
    assert "بحسب" not in shown


def test_golden_daily_digest_counts_what_it_does_not_show() -> None:
    """QA16 F4: a daily digest shows its best stories and says how many more there are and
    where to see them, one header over all; Arabic and English, one topic and several."""
    daily = "daily:2018-02-21"
    _golden("daily_more_ar", render_bundle([GHOUTA, OTHER], "ar", NOW, topics=["الغوطة"],
                                           kind=daily, more=38)
            + render_bundle([OTHER], "ar", NOW, topics=["الغوطة", ""], kind=daily, more=3))
    _golden("daily_more_en", render_bundle([GHOUTA, OTHER], "en", NOW, topics=["الغوطة"],
                                           kind=daily, more=38)
            + render_bundle([OTHER], "en", NOW, topics=[""], kind=daily, more=1))


def test_more_count_follows_the_grammar_of_numerals() -> None:
    from bot.render import more_count

    assert ["و" + more_count(n, "ar") for n in (1, 2, 3, 10, 11, 38, 99, 100, 103, 111)] == [
        "وخبر آخر", "وخبران آخران", "و٣ أخبار أخرى", "و١٠ أخبار أخرى", "و١١ خبرًا آخر",
        "و٣٨ خبرًا آخر", "و٩٩ خبرًا آخر", "و١٠٠ خبر آخر", "و١٠٣ أخبار أخرى", "و١١١ خبرًا آخر"]
    assert [more_count(n, "en") for n in (1, 38)] == ["1 more story", "38 more stories"]


# --- compact delivered bundles (QA18 R16, brief X24) ---------------------------------------

LONG = Digest(url="https://news.example/long", source="سكاي نيوز عربية",
              headline="الأمم المتحدة تطالب بهدنة فورية",
              published_at=NOW - timedelta(hours=1),
              quotes=(Quote(" ".join(["نطالب جميع الأطراف بوقف فوري لإطلاق النار"] * 12),
                            "الأمين العام"),
                      Quote("لن نقبل بأي شروط مسبقة", "المعارضة")),
              story_id=11, article_id=11)


def test_a_delivered_bundle_shows_one_key_quote_a_story_within_its_budget() -> None:
    from bot.render import KEY_QUOTE_UNITS

    [msg] = render_bundle([GHOUTA, LONG, OTHER], "ar", NOW, topics=[""])
    text = visible_text(msg)
    assert "إن ما يحدث في الغوطة" in text
    assert "قواته تحارب" not in text and "روابط ذات صلة" not in text  # behind the button
    assert "لن نقبل" not in text
    quote = next(line for line in text.split("\n") if "نطالب" in line)
    assert utf16(quote) <= KEY_QUOTE_UNITS and "…»" in quote and "الأمين العام" in quote
    assert [line[:3] for line in text.split("\n") if re.match(f"{RLM}?[١-٩]", line)] == \
        [f"{RLM}١.", f"{RLM}٢.", f"{RLM}٣."]
    assert check_message(msg) == []
    # an answer page or /digest (no topics) keeps the whole story
    [whole] = render_bundle([GHOUTA, LONG], "ar", NOW)
    assert "قواته تحارب" in visible_text(whole) and "لن نقبل" in visible_text(whole)


def test_has_details_is_whether_the_block_leaves_anything_out() -> None:
    from bot.render import has_details

    assert has_details(GHOUTA, "ar", NOW)  # a second quote and related links
    assert has_details(LONG, "en", NOW)
    assert not has_details(OTHER, "ar", NOW)
    one = Digest(url="https://news.example/one", source="س", headline="عنوان",
                 quotes=(Quote("جملة قصيرة", "متحدث"),), article_id=5)
    assert not has_details(one, "ar", NOW)
    cut = Digest(url=one.url, source="س", headline="عنوان",
                 quotes=(Quote("كلمة " * 80, "متحدث"),), article_id=5)
    assert has_details(cut, "ar", NOW)  # only the key quote's end is hidden


def test_a_story_alert_is_its_rest_in_plain_text_within_telegrams_limit() -> None:
    from bot.render import ALERT_CHARS, story_alert

    alert = story_alert(GHOUTA, "ar", NOW)
    assert "قواته تحارب الإرهاب & تحمي المدنيين <دائما>" in alert  # plain text: not escaped
    assert "إن ما يحدث" not in alert  # already in the block
    assert len(story_alert(LONG, "ar", NOW)) <= ALERT_CHARS
    # the quote the block did not show comes first; the long one, cut in the block, does not
    # fit whole and is not repeated shortened (QA21 R3)
    assert story_alert(LONG, "ar", NOW).endswith("«لن نقبل بأي شروط مسبقة» — المعارضة")
    # alone, it is shortened inside its «…»: its speaker is kept (the cut fell after «—»)
    alone = story_alert(replace(LONG, quotes=LONG.quotes[:1]), "ar", NOW)
    assert alone.endswith("…» — الأمين العام") and len(alone) <= ALERT_CHARS
    # it opens with the story's headline (X30: which story of a channel post the button is)
    assert story_alert(OTHER, "en", NOW).split("\n") == [
        "\u200f" + OTHER.headline, "Nothing more in this story."]
    assert story_alert(LONG, "ar", NOW).startswith(LONG.headline)


def test_a_compact_story_is_its_headline_with_source_and_time_then_one_quote() -> None:
    """Two lines a story: «١. headline — source · منذ ٣ ساعات» and the key quote; in English
    "3 hours ago" reads as written inside the right-to-left headline line (python-bidi)."""
    from bidi.algorithm import get_display

    [ar] = render_bundle([GHOUTA, OTHER], "ar", NOW, topics=[""])
    lines = visible_text(ar).split("\n")
    assert lines[2] == (f"{RLM}١. مقتل العشرات في قصف على الغوطة الشرقية — نشرة تجريبية"
                        " · منذ ٣ ساعات")
    assert lines[3].startswith(f"{RLM}«إن ما يحدث") and lines[4] == ""
    [en] = render_bundle([GHOUTA, OTHER], "en", NOW, topics=[""])
    head = visible_text(en).split("\n")[2]
    assert "3 hours ago" in get_display(head) and "3 hours ago" not in head.replace(LRM, "")[:30]
    assert check_message(en, ltr_labels=EN_LABELS) == []
