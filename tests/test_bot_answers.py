"""bot.answers end to end: the real PTB Application against the emulator, sample news."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from botkit import READER, running_bot, sample_db
from telegram_html import check_message

from bot.emulator import SentMessage
from bot.stories import search_page


def _ok(messages: list[SentMessage]) -> None:
    for m in messages:
        assert check_message(m.text) == [], m.text


_MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")
_PHRASE = re.compile("[\u0600-\u06ff]+(?: [\u0600-\u06ff]+)*")


def _shown(line: str) -> str:
    """A plain line as a client lays it out (python-bidi), marks removed."""
    from bidi import get_display

    return _MARKS.sub("", get_display(line))


def _in_order(line: str) -> str:
    """What a left-to-right line must show: its text in order, each Arabic phrase drawn right
    to left in its place."""
    return _PHRASE.sub(lambda m: m.group(0)[::-1], _MARKS.sub("", line))


def _count(text: str) -> str:
    m = re.search(r"من (\S+)", text)
    assert m, text
    return m.group(1)


async def test_a_natural_question_answers_like_the_topic(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [topic] = await h.say(READER, "الغوطة")
        [asked] = await h.say(READER, "ما آخر أخبار الغوطة؟")
        _ok([asked])
        assert _count(asked.plain_text) == _count(topic.plain_text)
        assert asked.plain_text.split("\n", 1)[1] == topic.plain_text.split("\n", 1)[1]
        assert "لم أجد" not in asked.plain_text


async def test_the_header_names_the_topic_searched_not_the_question(tmp_path: Path) -> None:
    """QA18 R12: «شو صار بالغوطة اليوم؟» was answered under «نتائج «شو صار بالغوطة اليوم؟»»;
    the topic searched is «الغوطة». A topic's own «و» inside it stays."""
    async with running_bot(sample_db(tmp_path)) as h:
        [asked] = await h.say(READER, "شو صار بالغوطة اليوم؟")
        _ok([asked])
        # «اليوم» says first that today has no Ghouta story (QA47 Z4), then the results
        note, header = asked.plain_text.replace("\u200f", "").replace("\u200e", "").split(
            "\n")[:2]
        assert note.startswith("لم أجد أخبارًا عن «الغوطة» يوم "), note
        assert header.startswith("نتائج «الغوطة»: "), header
        [english] = await h.say(READER + 1, "شو صار بالغوطة اليوم؟", language_code="en")
        first = english.plain_text.replace("\u200f", "").replace("\u200e", "").split("\n")[1]
        # the topic as an English reader's /topics names it (QA19 N6)
        assert first.startswith("Results for «Ghouta (الغوطة)»: "), first


async def test_an_unknown_word_is_dropped_and_the_reader_is_told(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "ماكرون Zzyzx")
        _ok([msg])
        first = msg.plain_text.split("\n")[0].replace("\u200e", "")
        assert "«Zzyzx»" in first and "في الأرشيف" in first
        assert "نتائج «ماكرون»:" in msg.plain_text  # the words searched, not the text (QA36 E2)
        [en] = await h.say(READER + 1, "ماكرون Zzyzx", language_code="en")
        assert en.plain_text.replace("\u200e", "").startswith("«Zzyzx»: not in the archive")
        # an English name the table knows is its Arabic name, never «not in the archive»
        # (X138, QA78-7: «Trump كيم» was told «Trump» is not in the archive)
        [msg] = await h.say(READER, "ماكرون Macron")
        text = msg.plain_text.replace("\u200e", "")
        assert "«Macron» في الأرشيف" not in text and "بحثت عن «ماكرون»" in text, text
        assert "نتائج «ماكرون»:" in text


async def test_the_all_words_fallback_is_shown_above_the_results(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "الشرقية الغوطة")
        _ok([msg])
        assert msg.plain_text.lstrip("\u200f").startswith("لم أجد العبارة كما هي")


async def test_english_names_are_searched_as_their_arabic_topic(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [topic] = await h.say(READER, "الغوطة")
        [msg] = await h.say(READER, "Ghouta")
        _ok([msg])
        first, rest = msg.plain_text.replace("\u200e", "").split("\n", 1)
        assert first.lstrip("\u200f") == "الموضوعات تُبحث بالعربية: «Ghouta» هو «الغوطة»."
        assert rest == topic.plain_text
        [none] = await h.say(READER, "Zzyzx")
        assert "الموضوعات تُبحث بالعربية: اكتب الاسم كما تكتبه الأخبار" in none.plain_text
        assert "سوريا" not in none.plain_text  # QA24 R6: no unrelated topic offered
        assert none.button_texts() == []  # nothing to follow: a Latin topic never matches
        [en] = await h.say(READER + 1, "Zzyzx", language_code="en")
        # X79 (QA51 L5): what an English reader can do, not «write the name in Arabic»
        assert "the news is in Arabic, and I do not know this English spelling" in en.plain_text


async def test_a_pasted_link_of_a_stored_article_gets_its_digest(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        url, title = h.db.db.execute(
            "select url, title from articles order by id limit 1").fetchone()
        [msg] = await h.say(READER, url + "?utm_source=x#top")
        _ok([msg])
        assert title in msg.plain_text and "نتائج" not in msg.plain_text
        [none] = await h.say(READER, "https://example.org/news/unknown-story.html")
        assert "هذا الرابط ليس في الأرشيف" in none.plain_text
        assert none.button_texts() == []  # no «هل تقصد», nothing to follow


async def test_numbers_and_long_questions_get_no_spelling_suggestions(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "98765")
        assert "هل تقصد" not in msg.plain_text
        assert msg.button_texts() == []  # a number is no topic to follow (QA Q7)
        long = "ما آخر أخبار " + " و".join(["حلب", "إدلب", "دمشق", "درعا", "حمص"] * 8)
        [msg] = await h.say(READER, long)
        assert "«حلب»" in msg.plain_text.split("\n")[0]  # not in the sample archive: dropped
        echoed = re.search(r"نتائج «([^»]*)»", msg.plain_text)
        assert echoed is not None
        shown = echoed.group(1)  # the topic searched, without the words of asking (QA18 R12)
        assert shown.endswith("…") and len(shown) <= 100
        topic = long.removeprefix("ما آخر أخبار ")
        assert topic.startswith(shown[:-1]) and topic[len(shown) - 1] == " "  # a word boundary
        assert "هل تقصد" not in msg.plain_text


def _add_general_news(db: object, n: int, now: datetime) -> None:
    """`n` newer stories on other subjects (football), each its own story, one source."""
    from digests.models import iso

    sql = db.db  # type: ignore[attr-defined]
    source_id = sql.execute("select id from sources order by id limit 1").fetchone()[0]
    for i in range(n):
        published = iso(now - timedelta(minutes=i + 1))
        sql.execute(
            "insert into articles (source_id, url, url_key, content_hash, title, published_at,"
            " body, fetched_at, updated_at) values (?,?,?,?,?,?,?,?,?)",
            [source_id, f"http://127.0.0.1/sport/{i}", f"http://127.0.0.1/sport/{i}", f"s{i}",
             f"مباراة كرة القدم رقم {i}", published, "نتيجة المباراة.", published, published])
    sql.conn.commit()


def _unnumbered(line: str) -> str:
    """A line of /digest without its marks and its story number («١. »: X55)."""
    return re.sub(r"^[\u0660-\u0669]+\. ", "", line.strip("\u200f "))


async def test_digest_shows_my_topics_before_newer_general_stories(tmp_path: Path) -> None:
    from digests import subscriptions

    async with running_bot(sample_db(tmp_path)) as h:
        now = datetime.now(UTC)
        _add_general_news(h.db, 12, now)
        subscriptions.upsert_chat(h.db, READER, now=now)
        subscriptions.subscribe(h.db, READER, "الغوطة", now=now)
        subscriptions.subscribe(h.db, READER, "", now=now)  # and the general digest
        got = await h.say(READER, "/digest")
        _ok(got)
        text = "\n".join(m.plain_text for m in got)
        assert text.count("مباراة كرة القدم") == 8 - 3  # the rest of the 8: general stories
        # the topic's three best stories first, each once
        best = search_page(h.db, "الغوطة", offset=0, limit=3, now=now).digests
        assert len(best) == 3
        lines = [_unnumbered(line) for line in text.split("\n")]
        first = next(i for i, line in enumerate(lines) if line.startswith("مباراة كرة القدم"))
        for d in best:  # a headline line (its title may also be another story's related link)
            assert lines.count(d.headline) == 1 and lines.index(d.headline) < first


async def test_a_link_inside_a_sentence_is_looked_up_never_followed(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        url, title = h.db.db.execute(
            "select url, title from articles order by id limit 1").fetchone()
        [msg] = await h.say(READER, f"شاهد {url}، ما رأيك؟")
        _ok([msg])
        assert title in msg.plain_text and "نتائج" not in msg.plain_text
        assert "🔔 تابع هذا الموضوع" not in msg.button_texts()
        [none] = await h.say(READER, "شاهد https://example.org/news/unknown.html")
        assert "هذا الرابط ليس في الأرشيف" in none.plain_text and "لم أجد أخبارًا" not in (
            none.plain_text)
        assert none.button_texts() == []


async def test_several_links_answer_the_first_and_say_so(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        first, second = h.db.db.execute(
            "select url, title from articles order by id limit 2").fetchall()
        [msg] = await h.say(READER, f"{first[0]} {second[0]}")
        _ok([msg])
        text = msg.plain_text.lstrip("\u200f")
        assert text.startswith("في رسالتك أكثر من رابط؛ هذا جواب الرابط الأول.")
        assert first[1] in text and second[1] not in text
        [none] = await h.say(READER, "https://example.org/a https://example.org/b")
        assert "أكثر من رابط" in none.plain_text and "ليس في الأرشيف" in none.plain_text
        assert "سوريا" not in none.plain_text  # not «topics are searched in Arabic»


async def test_a_pasted_link_to_this_bot_acts_as_start(tmp_path: Path) -> None:
    from bot.deep_links import encode_start_payload
    from digests import subscriptions

    async with running_bot(sample_db(tmp_path)) as h:
        # the reader is in the chat already: the link's answer, no welcome (QA74-4)
        got = await h.say(READER, "https://t.me/nashra_test_bot?start=syria")
        _ok(got)
        assert "تمت متابعة «سوريا» عبر الرابط" in got[0].plain_text
        await h.settle()
        assert len(h.emu.messages(READER)) == 1
        link = "https://t.me/Nashra_Test_Bot?start=" + encode_start_payload("الغوطة")
        got = await h.say(READER, f"تابع هذا {link}")
        assert "تمت متابعة «الغوطة» عبر الرابط" in got[0].plain_text
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, READER)] == [
            "سوريا", "الغوطة"]
        [other] = await h.say(READER, "https://t.me/another_bot?start=syria")
        assert "ليس في الأرشيف" in other.plain_text


async def test_english_names_among_other_latin_words(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [topic] = await h.say(READER, "لبنان")
        [msg] = await h.say(READER, "lebanon news")
        _ok([msg])
        first, rest = msg.plain_text.replace("\u200e", "").split("\n", 1)
        assert first.lstrip("\u200f") == (
            "الموضوعات تُبحث بالعربية: من «lebanon news» بحثت عن «لبنان».")
        assert rest == topic.plain_text
        [en] = await h.say(READER + 1, "Iran deal", language_code="en")
        note, header = en.plain_text.replace("\u200e", "").split("\n")[:2]
        # the note says what the archive was asked (in Arabic); the header names the topic as
        # an English reader's /topics does (QA19 N6)
        assert note == "Topics are searched in Arabic: from «Iran deal» I searched for «إيران»."
        assert header.startswith("Results for «Iran (إيران)»: ")  # a range, or a count (X107)
        for line in en.plain_text.split("\n")[:2]:  # both laid out left to right, in order
            assert _shown(line) == _in_order(line), line


async def test_an_english_header_names_a_free_query_as_typed(tmp_path: Path) -> None:
    """QA19 N6: a query that is no known topic is named as typed, its Arabic closed with marks
    so the numbers after it stay in order on the English line; a known topic by its English
    name with the Arabic beside it."""
    async with running_bot(sample_db(tmp_path)) as h:
        [free] = await h.say(READER, "قصف الغوطة", language_code="en")
        [header] = [line for line in free.plain_text.split("\n") if line.startswith("Results")]
        assert header.replace("\u200e", "").startswith("Results for «قصف الغوطة»: ")
        assert _shown(header) == _in_order(header)
        [known] = await h.say(READER, "بالغوطة", language_code="en")
        assert "Results for «Ghouta (الغوطة)»: " in known.plain_text.replace("\u200e", "")
        [ar] = await h.say(READER + 1, "بالغوطة")  # an Arabic reader: the topic in Arabic
        assert "نتائج «الغوطة»: " in ar.plain_text


async def test_previous_goes_back_after_more(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from bot import answers

    monkeypatch.setattr(answers, "PAGE_SIZE", 1)
    async with running_bot(sample_db(tmp_path)) as h:
        [page1] = await h.say(READER, "الغوطة")
        assert "السابق" not in page1.button_texts() and "المزيد" in page1.button_texts()
        await h.click(page1, "المزيد", n=0)
        page2 = await h.until(lambda: _current(h, page1)
                              if _current(h, page1).plain_text != page1.plain_text else None)
        assert "٢ إلى ٢" in page2.plain_text and "السابق" in page2.button_texts()
        await h.click(page2, "السابق", n=0)
        back = await h.until(lambda: _current(h, page1)
                             if _current(h, page1).plain_text == page1.plain_text else None)
        assert "السابق" not in back.button_texts() and "المزيد" in back.button_texts()


def _current(h: object, sent: SentMessage) -> SentMessage:
    """The message as it is now (after edits)."""
    return next(m for m in h.emu.messages(sent.chat_id)  # type: ignore[attr-defined]
                if m.message_id == sent.message_id)


async def test_links_without_a_scheme_are_looked_up_never_fetched(tmp_path: Path) -> None:
    """«www.bbc.com/news/x» and «bbc.com/arabic/x» in a message are links: a stored article's
    (stored under https://www.…) gets its digest, another is «not in the archive», and none is
    fetched (a server on 127.0.0.1 counts requests)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from digests.urls import url_key

    hits: list[str] = []

    class Counter(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        async with running_bot(sample_db(tmp_path)) as h:
            article_id, title = h.db.db.execute(
                "select id, title from articles order by id limit 1").fetchone()
            stored = "https://www.bbc.com/arabic/middleeast-123"
            h.db.db.execute("update articles set url = ?, url_key = ? where id = ?",
                            [stored, url_key(stored), article_id])
            h.db.db.conn.commit()
            for text in ("اقرأ www.bbc.com/arabic/middleeast-123 من فضلك",
                         "ما رأيك في bbc.com/arabic/middleeast-123؟"):
                [msg] = await h.say(READER, text)
                _ok([msg])
                assert title in msg.plain_text and "نتائج" not in msg.plain_text, text
                assert "🔔 تابع هذا الموضوع" not in msg.button_texts()
            port = server.server_address[1]
            for text in ("bbc.com/news/x", f"انظر 127.0.0.1:{port}/news/x.html"):
                [none] = await h.say(READER, text)
                assert "هذا الرابط ليس في الأرشيف" in none.plain_text, text
            await h.settle()
    finally:
        server.shutdown()
        server.server_close()
    assert hits == []


async def test_asking_for_the_latest_news_answers_with_the_digest(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        digest = await h.say(READER, "/digest")
        asked = await h.say(READER + 1, "ما هي آخر الأخبار؟")
        _ok(asked)
        # the same answer as /digest (a chat that follows nothing: a note, then the latest news),
        # not a search for «الأخبار»
        assert [m.plain_text for m in asked] == [m.plain_text for m in digest]
        assert "لم أجد" not in "\n".join(m.plain_text for m in asked)
        assert "أحدث الأخبار" in asked[0].plain_text


async def test_numbers_and_markup_are_not_offered_for_following(tmp_path: Path) -> None:
    """QA Q7: «١٢٣» was offered «🔔 تابع هذا الموضوع», and «<b>غزة</b>» was searched (and
    offered) with its tags. A number alone gets no follow button and is asked for a name; the
    tags around a topic are left out, so «<b>الغوطة</b>» is «الغوطة»."""
    async with running_bot(sample_db(tmp_path)) as h:
        [num] = await h.say(READER, "١٢٣")
        assert num.button_texts() == []
        assert num.plain_text.lstrip("\u200f") == (
            "لم أجد أخبارًا عن «١٢٣» في الأرشيف. اكتب اسم موضوع، مثل «الغوطة».")
        [topic] = await h.say(READER, "الغوطة")
        [tagged] = await h.say(READER, "<b>الغوطة</b>")
        _ok([tagged])
        assert tagged.plain_text == topic.plain_text and "&lt;" not in tagged.text
        [done] = await h.click(tagged, "🔔 تابع هذا الموضوع")
        assert "«الغوطة»" in done.plain_text
        from digests import subscriptions
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, READER)] == ["الغوطة"]


async def test_a_group_search_that_finds_nothing_speaks_to_the_group(tmp_path: Path) -> None:
    from botkit import ADMIN

    group = -100655
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "مجموعة", admins=[ADMIN])
        [m] = await h.say(group, "/search زيزيكس", user=h.user(ADMIN))
        text = m.plain_text.lstrip("\u200f")
        assert "أو تابعوا الموضوع لتصل المجموعةَ أخباره حين تُنشر" in text
        assert "لتصلك" not in text and "🔔 تابع هذا الموضوع" in m.button_texts()
        [d] = await h.say(group, "/digest", user=h.user(ADMIN))  # follows nothing yet
        assert d.plain_text.lstrip("\u200f").startswith("المجموعة لا تتابع")
        await h.settle()


async def test_only_a_number_left_of_the_question_is_no_answer(tmp_path: Path) -> None:
    """QA B6: «الساعة 10.30/ليلا» dropped «الساعة», «10», «ليلا» and answered with the one story
    that holds «30» (Macron / Rouhani). A question whose words match nothing but a number finds
    nothing."""
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "الساعة 10.30/ليلا")
        assert m.plain_text.lstrip("\u200f").startswith("لم أجد أخبارًا عن «الساعة 10.30/ليلا»")
        assert "ماكرون" not in m.plain_text and "نتائج" not in m.plain_text
        [words] = await h.say(READER, "ماكرون Macron")  # a word left: still answered
        assert "نتائج «ماكرون»:" in words.plain_text  # what was searched (QA36 E2)


async def test_an_english_adjective_is_searched_as_its_name(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [name] = await h.say(READER, "Syria")
        [adjective] = await h.say(READER, "Syrian")
        first, rest = adjective.plain_text.replace("\u200e", "").split("\n", 1)
        assert first.lstrip("\u200f") == "الموضوعات تُبحث بالعربية: من «Syrian» بحثت عن «سوريا»."
        assert rest == name.plain_text.split("\n", 1)[1]


async def test_the_english_general_digest_prompt_names_its_button(tmp_path: Path) -> None:
    """QA Q7: "Or press «the general digest»" under a button reading "📰 The general digest"."""
    async with running_bot(sample_db(tmp_path)) as h:
        [ask] = await h.say(READER + 1, "/subscribe", language_code="en")
        [label] = ask.button_texts()
        quoted = re.search(r"press «([^»]+)»", ask.plain_text)
        assert quoted is not None and label.endswith(quoted.group(1)), (label, ask.plain_text)


async def test_a_search_too_long_to_be_a_topic_offers_no_follow_button(tmp_path: Path) -> None:
    """A pasted headline is searched (it finds its story) but not offered for following: the
    follow would be refused as too long (QA10 F14, digests.asked_topics.topic_too_long). A topic of six
    words still gets its button; a long text that finds nothing says to type a topic's name."""
    headline = "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, headline)
        _ok([msg])
        assert "الغوطة" in msg.plain_text and "نتائج" in msg.plain_text
        assert "🔔 تابع هذا الموضوع" not in msg.button_texts()
        [short] = await h.say(READER, "ماكرون يدعو طهران")
        assert "🔔 تابع هذا الموضوع" in short.button_texts()
        [none] = await h.say(READER, "كلمات لا ترد في أي خبر من أخبار هذا الأرشيف أبدا")
        assert "اكتب اسم موضوع" in none.plain_text and "تابع الموضوع" not in none.plain_text
        assert "🔔 تابع هذا الموضوع" not in none.button_texts()


async def test_digest_leaves_out_a_story_whose_page_is_gone_search_finds_it(
        tmp_path: Path) -> None:
    """QA10 F10: a report whose page answered 404/410 is not offered by /digest (neither under
    a followed topic nor among the top stories), but a search still finds it."""
    from digests import subscriptions

    async with running_bot(sample_db(tmp_path)) as h:
        now = datetime.now(UTC)
        subscriptions.upsert_chat(h.db, READER, now=now)
        subscriptions.subscribe(h.db, READER, "الغوطة", now=now)
        subscriptions.subscribe(h.db, READER, "", now=now)
        best = search_page(h.db, "الغوطة", offset=0, limit=3, now=now).digests
        before = "\n".join(m.plain_text for m in await h.say(READER, "/digest"))
        dead = best[0]
        assert dead.headline in before
        with h.db.transaction() as tx:  # every report of its story is gone
            tx.execute("update articles set page_status = 'gone' where id = ? or story_id = ?",
                       [dead.article_id, dead.story_id if dead.story_id is not None else -1])
        got = await h.say(READER, "/digest")
        _ok(got)
        after = "\n".join(m.plain_text for m in got)
        lines = [_unnumbered(line) for line in after.split("\n")]
        assert dead.headline not in lines
        assert all(d.headline in lines for d in best[1:])
        found = "\n".join(m.plain_text for m in await h.say(READER, "الغوطة"))
        assert dead.headline in found


async def test_a_story_link_to_a_gone_page_is_replaced_or_dropped(tmp_path: Path) -> None:
    """X6 item 1: a stored digest's "story" link to a page gone since (404/410) is shown as the
    story's newest live report from another source, or not at all when none is live — in a
    pasted link's answer and behind a search's «🔗 روابط الخبر» button."""
    async with running_bot(sample_db(tmp_path)) as h:
        rows = {r["id"]: r for r in h.db.db.query(
            "select id, url, source_id, story_id, digest_related_json from articles")}
        # the sample's one story of two sources: the aid convoy in Douma
        convoy = next(r for r in rows.values() if '"story"' in r["digest_related_json"])
        mate = next(r for r in rows.values()
                    if r["story_id"] == convoy["story_id"] and r["id"] != convoy["id"])
        third = next(s for s in {r["source_id"] for r in rows.values()}
                     if s not in (convoy["source_id"], mate["source_id"]))
        url = "https://third.example/douma-convoy-unloaded"
        with h.db.transaction() as tx:  # a later report, stored without re-linking the others
            tx.execute(
                "insert into articles (source_id, url, url_key, content_hash, title, body,"
                " published_at, fetched_at, updated_at, story_id, headline)"
                " values (?, ?, ?, 'x6', ?, ?, ?, ?, ?, ?, ?)",
                [third, url, "third.example/douma-convoy-unloaded", "قافلة دوما تفرغ حمولتها",
                 "نص", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z",
                 convoy["story_id"], "قافلة دوما تفرغ حمولتها"])
        [before] = await h.say(READER, convoy["url"])
        assert mate["url"] in before.text and url not in before.text
        with h.db.transaction() as tx:
            tx.execute("update articles set page_status = 'gone' where id = ?", [mate["id"]])
        [after] = await h.say(READER, convoy["url"])
        _ok([after])
        assert mate["url"] not in after.text and url in after.text
        assert "قافلة دوما تفرغ حمولتها" in after.plain_text
        with h.db.transaction() as tx:
            tx.execute("update articles set page_status = 'gone' where url = ?", [url])
        [none] = await h.say(READER, convoy["url"])
        _ok([none])
        assert mate["url"] not in none.text and url not in none.text
        # the button under a search answer shows the same links
        [found] = await h.say(READER, "قافلة المساعدات دوما")
        label = next(b for b in found.button_texts() if b.startswith("🔗"))
        [links] = await h.click(found, label)
        assert mate["url"] not in links.text and url not in links.text


def _add_articles(db_path: Path, docs: list[tuple[str, str]]) -> None:
    """Store articles through every processing step (digest, index, story) as ingest does."""
    from digests.models import iso
    from digests.processing import StoreContext, default_steps, run_steps
    from digests.records import ARTICLE_SELECT, article_from_row
    from digests.settings import Settings
    from digests.storage import Database

    now = datetime.now(UTC)
    db = Database(db_path)
    try:
        with db.transaction() as tx:
            tx.execute("insert or ignore into sources (url, name, added_at) values (?, ?, ?)",
                       ["https://wire.example/feed", "Wire", iso(now)])
            source = tx.execute("select id from sources where name = 'Wire'").fetchone()[0]
        for n, (title, body) in enumerate(docs):
            when = now - timedelta(hours=n + 1)
            with db.transaction() as tx:
                cur = tx.execute(
                    "insert into articles (source_id, url, url_key, content_hash, title, body,"
                    " published_at, fetched_at, updated_at) values (?,?,?,?,?,?,?,?,?)",
                    [source, f"https://wire.example/{n}", f"wire.example/{n}", f"w{n}", title,
                     body, iso(when), iso(when), iso(when)])
                row = next(iter(tx.query(f"{ARTICLE_SELECT} where articles.id = ?",
                                         [cur.lastrowid])))
                run_steps(tx, article_from_row(row), StoreContext(now=when, settings=Settings()),
                          steps=default_steps())
    finally:
        db.close()


async def test_a_rare_phrase_is_widened_and_a_rare_typo_gets_did_you_mean(tmp_path: Path) -> None:
    """QA12 F6 in the bot: the phrase in one story, its words in others — the reader is told
    the all-words stories follow; «ارودغان» (once) is answered with «هل تقصد: أردوغان»."""
    from digests.suggestions import RARE_MIN

    path = sample_db(tmp_path)
    docs = [("نتائج الانتخابات المصرية الأولية", "أعلنت اللجنة نتائج الانتخابات المصرية الأولية.")]
    docs += [(f"فرز الأصوات في الانتخابات الرئاسية المصرية {i}",
              f"بدأ فرز الأصوات في الانتخابات الرئاسية المصرية في المحافظة رقم {i}.")
             for i in range(3)]
    docs += [(f"أردوغان يزور مدينة رقم {i}", f"قال الرئيس أردوغان في المدينة رقم {i} كلاما.")
             for i in range(RARE_MIN)]
    docs += [("محطة نووية تركية", "تحدث ارودغان عن المحطة النووية التركية الجديدة.")]
    _add_articles(path, docs)
    async with running_bot(path) as h:
        [wide] = await h.say(READER, "الانتخابات المصرية")
        _ok([wide])
        assert wide.plain_text.lstrip("\u200f").startswith("العبارة كما هي في أخبار قليلة")
        # the phrase's story first, then the all-words story (its three reports folded)
        assert wide.plain_text.index("نتائج الانتخابات المصرية") < wide.plain_text.index(
            "فرز الأصوات في الانتخابات الرئاسية المصرية")
        [en] = await h.say(READER + 1, "الانتخابات المصرية", language_code="en")
        assert "stories with all its words follow" in en.plain_text
        [typo] = await h.say(READER, "ارودغان")
        _ok([typo])
        assert "محطة نووية تركية" in typo.plain_text and "هل تقصد:" in typo.plain_text
        assert "أردوغان" in typo.button_texts()


async def test_a_flag_an_emoji_and_a_pasted_paragraph(tmp_path: Path) -> None:
    """QA18 R13: «🇸🇾» was told about stop letters, «🔥» too; a pasted paragraph found nothing."""
    paragraph = ("أفادت تقارير صحفية محلية بأن الأوضاع تزداد سوءا يوما بعد يوم في الغوطة الشرقية"
                 " قرب دمشق، حيث يعاني السكان من نقص حاد في الغذاء والدواء وسط استمرار العمليات"
                 " العسكرية وتحذيرات متكررة من منظمات الإغاثة بشأن مصير آلاف العائلات العالقة")
    async with running_bot(sample_db(tmp_path)) as h:
        [flag] = await h.say(READER, "🇸🇾")
        _ok([flag])
        assert "«🇸🇾» هو «سوريا»" in flag.plain_text
        assert "حروف مثل" not in flag.plain_text
        [fire] = await h.say(READER, "🔥")
        assert fire.plain_text == "اكتب كلمة تدل على الموضوع، مثل «الغوطة» أو «ترامب»."
        [en] = await h.say(READER + 1, "🔥", language_code="en")
        assert en.plain_text.startswith("Type a word for the topic")
        [pasted] = await h.say(READER, paragraph)
        _ok([pasted])
        first = pasted.plain_text.replace("\u200f", "").replace("\u200e", "").split("\n")[0]
        assert first == "لم أجد النص كما هو؛ بحثت بالأسماء التي فيه: «الغوطة الشرقية»، «دمشق».", \
            first
        assert "الغوطة الشرقية" in pasted.plain_text.split("\n", 2)[2]


async def test_a_results_page_shows_the_quotes_about_the_topic_first(tmp_path: Path) -> None:
    """QA23 S11: a result showed its quotes about another matter above its line on the topic;
    the page orders them as a delivered bundle picks its key quote (bot.render.key_quote)."""
    import json
    import sqlite3

    path = sample_db(tmp_path)
    afrin = "سنواصل العمليات في عفرين حتى النهاية"
    ghouta = "الوضع في الغوطة كارثي والمساعدات لا تصل"
    con = sqlite3.connect(path)
    [aid] = con.execute("select id from articles where title like '%الغوطة%' order by"
                        " published_at desc limit 1").fetchone()
    con.execute("update articles set quotes_json = ? where id = ?", [json.dumps(
        [{"text": afrin, "speaker": "أردوغان", "kind": "direct"},
         {"text": ghouta, "speaker": "الأمم المتحدة", "kind": "direct"}], ensure_ascii=False),
        aid])
    con.commit()
    con.close()
    async with running_bot(path) as h:
        got = await h.say(READER, "الغوطة")
        _ok(got)
        text = "\n".join(m.plain_text for m in got)
        assert ghouta in text and afrin in text  # both still shown
        assert text.index(ghouta) < text.index(afrin)  # stored: Afrin first
