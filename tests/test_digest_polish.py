"""The compact digest, polished (QA21, brief X28): a story sent for a topic shows the key quote
that names it (R1); a channel's alert keeps each quote's speaker and calls related headlines
what they are (R3); a refused story button says why (R4); English headers name a topic as every
English answer does (R6). Pure rendering, then the real Application (PTB) and sender against the
emulator with real SQLite files (tests/botkit.py)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from botkit import running_bot
from delivery_helpers import NOW, add_article, add_chat, add_source, rows
from telegram_html import visible_text

from bot.render import (
    ALERT_CHARS,
    has_details,
    key_quote,
    names_topic,
    render_bundle,
    render_digest_messages,
    story_alert,
)
from digests.models import Digest, Quote, RelatedItem, iso
from digests.records import quotes_to_json, related_to_json
from digests.storage import Database

# A press review (written for the test): led by Ghouta, its first key quote about Afrin.
AFRIN = Quote("التحذير التركي يزيد الأمر سوءا في عفرين", "الصحيفة")
GHOUTA_Q = Quote("ما يجري بالغوطة الشرقية مجزرة يجب أن تتوقف حالا", "الكاتب")
GAS = Quote("صفقة الغاز تغير موازين المنطقة كلها", "المحلل")
REVIEW = Digest(url="https://news.example/review", source="فرانس 24",
                headline="قراءة في الصحف: الغاز الإسرائيلي وتغيير العلاقات في المنطقة",
                published_at=NOW - timedelta(minutes=20), quotes=(AFRIN, GHOUTA_Q, GAS),
                related=(RelatedItem("مجلس الأمن يبحث هدنة في سوريا", "https://news.example/r1"),),
                story_id=31, article_id=31)


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "").replace("\u2066", "") \
        .replace("\u2067", "").replace("\u2069", "")


def _compact(digest: Digest, topics: list[str], lang: str = "ar") -> str:
    [html] = render_bundle([digest], lang, NOW, topics=topics)
    return _plain(visible_text(html))


# --- R1: the quote shown is about the topic the story came for --------------------------------

def test_names_topic_matches_as_a_subscription_does() -> None:
    assert names_topic("الغوطة", GHOUTA_Q.text)  # «بالغوطة»: a proclitic, one word
    assert not names_topic("الغوطة", AFRIN.text)
    assert names_topic("مجلس الأمن", "دعا مجلس الأمن إلى هدنة")
    assert not names_topic("مجلس الأمن", "دعا المجلس إلى الأمن")  # the phrase's words apart
    assert not names_topic("", GHOUTA_Q.text) and not names_topic("الغوطة", "")


def test_a_story_sent_for_a_topic_shows_the_best_quote_that_names_it() -> None:
    ghouta = _compact(REVIEW, ["الغوطة"])
    assert GHOUTA_Q.text in ghouta and AFRIN.text not in ghouta and GAS.text not in ghouta
    # the general digest, or no topic: the first key quote, as before
    for topics in ([""], [], ["سوريا", ""]):
        shown = _compact(REVIEW, topics)
        assert AFRIN.text in shown and GHOUTA_Q.text not in shown, topics
    # a named topic no quote names: no quote line (QA46 G9; brief X75, tests/test_x75_*)
    shown = _compact(REVIEW, ["سوريا"])
    assert not any(q.text in shown for q in (AFRIN, GHOUTA_Q, GAS))
    # several topics: the first quote that names any of them, in the digest's order
    assert AFRIN.text in _compact(REVIEW, ["الغاز", "عفرين"])
    assert GAS.text in _compact(REVIEW, ["الغاز"])
    # a speaker that is the topic counts too
    council = Quote("لا بد من وقف إطلاق النار", "مجلس الأمن الدولي")
    d = Digest(url="https://news.example/c", source="س", headline="هدنة", quotes=(AFRIN, council))
    assert key_quote(d, "ar", ["مجلس الأمن"]) == 1 and key_quote(d, "ar", [""]) == 0
    assert key_quote(Digest(url="u", source="s", headline="h"), "ar", ["الغوطة"]) is None
    # English lines choose the same quote
    assert GHOUTA_Q.text in _compact(REVIEW, ["الغوطة"], "en")


def test_the_full_story_and_its_button_do_not_depend_on_the_topic() -> None:
    whole = _plain(visible_text("".join(render_digest_messages(REVIEW, "ar", NOW))))
    at = [whole.index(q.text) for q in (AFRIN, GHOUTA_Q, GAS)]
    assert at == sorted(at)  # every quote, in the digest's order
    single = Digest(url="u", source="s", headline="h", quotes=(GHOUTA_Q,))
    for d in (REVIEW, single, Digest(url="u", source="s", headline="h")):
        # whichever quote a topic shows, the story has a button exactly when it has more
        assert has_details(d, "ar", NOW) == (d is REVIEW)
        assert story_alert(d, "ar", NOW, ["الغوطة"]).endswith("\nلا مزيد في هذا الخبر.") \
            == (d is not REVIEW)
    # the rest behind the button leaves out the quote shown for that topic, and only it
    rest = _plain(story_alert(REVIEW, "ar", NOW, ["الغوطة"]))
    assert AFRIN.text in rest and GAS.text in rest and GHOUTA_Q.text not in rest
    rest = _plain(story_alert(REVIEW, "ar", NOW, [""]))
    assert GHOUTA_Q.text in rest and AFRIN.text not in rest


# --- R3: a channel's alert ------------------------------------------------------------------------

def test_an_alert_keeps_every_quote_speaker_and_prefers_quotes_to_headlines() -> None:
    """Whatever the quotes' lengths, the alert is within Telegram's limit, every quote in it
    ends with its speaker whole (QA21: «…حالا» —…»), and related headlines come after the
    quotes, titled as headlines: nothing can be opened from an alert."""
    speaker = "المتحدث باسم مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية"
    related = tuple(RelatedItem(f"عنوان خبر ذي صلة رقم {i} عن الهدنة", f"https://r.example/{i}")
                    for i in range(4))
    for first in range(10, 400, 17):
        for second in (15, 60, 140, 260):
            quotes = (Quote("شاهد " * 3, "الأول"), Quote("كلمة " * (first // 6 + 1), speaker),
                      Quote("قول " * (second // 4 + 1), "وزير الخارجية"))
            d = Digest(url="https://x.example/1", source="س", headline="ع", quotes=quotes,
                       related=related)
            alert = story_alert(d, "ar", NOW)
            assert 0 < len(alert.encode("utf-16-le")) // 2 <= ALERT_CHARS, (first, second)
            lines = alert.split("\n")
            for line in lines:
                if "«" in line:
                    assert line.endswith(speaker) or line.endswith("وزير الخارجية"), line
                assert not line.rstrip().endswith("—") and "—…" not in line
            assert "روابط" not in alert
            if "أخبار ذات صلة:" in lines:
                at = lines.index("أخبار ذات صلة:")
                assert all("«" not in line for line in lines[at:])
                assert all(line.startswith("• ") for line in lines[at + 1:])
            assert lines[0] == "ع" and "«" in lines[1]  # the story's headline, then a quote


def test_an_alert_with_only_headlines_titles_them_in_both_languages() -> None:
    d = Digest(url="https://x.example/1", source="س", headline="ع", quotes=(GAS,),
               related=(RelatedItem("مجلس الأمن يبحث هدنة", "https://r.example/1"),))
    assert _plain(story_alert(d, "ar", NOW)).split("\n") == ["ع", "أخبار ذات صلة:",
                                                              "• مجلس الأمن يبحث هدنة"]
    assert _plain(story_alert(d, "en", NOW)).startswith("ع\nRelated stories:\n• ")


# --- R6: English headers ----------------------------------------------------------------------------

def test_an_english_header_names_the_topic_as_subscribe_and_search_do() -> None:
    [html] = render_bundle([REVIEW], "en", NOW, topics=["الغوطة"])
    assert "📰 New on «Ghouta (الغوطة)»" in _plain(visible_text(html))
    [html] = render_bundle([REVIEW], "ar", NOW, topics=["الغوطة"])
    assert "📰 جديد «الغوطة»" in visible_text(html)


# --- end to end: the bot delivers, readers press -----------------------------------------------

def _queue_review(db: Database, chats: dict[int, tuple[str, str]]) -> int:
    """The press review queued for each chat (id → (Telegram type, followed topic))."""
    src = add_source(db, "f24")
    art = add_article(db, src, REVIEW.headline, story_id=31,
                      body="تناولت الصحف اليوم القصف على الغوطة الشرقية وصفقة الغاز.\n"
                           "وكتبت صحيفة عن عفرين والتحذير التركي.")
    with db.transaction() as tx:
        tx.execute("update articles set quotes_json = ?, digest_related_json = ?,"
                   " digested_at = ? where id = ?",
                   [quotes_to_json(REVIEW.quotes), related_to_json(REVIEW.related), iso(NOW),
                    art.id])
    for chat, (kind, topic) in chats.items():
        add_chat(db, chat, type=kind, topics=(topic,), language="ar")
        with db.transaction() as tx:
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                       " status) values (?,?,?, 'instant', ?, 'pending')",
                       [chat, 31, art.id, iso(NOW)])
    return art.id or 0


async def test_delivered_for_a_topic_the_block_and_the_channel_alert_follow_it(
        tmp_path: Path) -> None:
    path = tmp_path / "topic.db"
    with Database(path) as db:
        _queue_review(db, {1: ("private", "الغوطة"), 2: ("private", ""),
                           -1001: ("channel", "الغوطة")})
    async with running_bot(path) as h:
        h.emu.add_chat(-1001, type="channel", title="قناة")
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        [ghouta] = h.emu.messages(1)
        assert GHOUTA_Q.text in _plain(ghouta.plain_text)
        assert AFRIN.text not in _plain(ghouta.plain_text)
        [general] = h.emu.messages(2)
        assert AFRIN.text in _plain(general.plain_text)
        # the full story is the same whole digest for both
        [full] = await h.click(ghouta, "📖 الخبر كاملًا")
        [full2] = await h.click(general, "📖 الخبر كاملًا")
        assert _plain(full.plain_text) == _plain(full2.plain_text)
        assert all(q.text in _plain(full.plain_text) for q in REVIEW.quotes)
        # the channel's alert: what its block did not show (the Ghouta quote was shown)
        [post] = h.emu.messages(-1001)
        assert GHOUTA_Q.text in _plain(post.plain_text)
        answer = await h.click_answer(post, "📖 الخبر كاملًا", user=h.user(9999))
        alert = _plain(answer["text"])
        assert AFRIN.text in alert and GHOUTA_Q.text not in alert
        assert len(alert) <= ALERT_CHARS and len(h.emu.messages(-1001)) == 1


# --- R4: refused buttons say why ------------------------------------------------------------------

async def test_a_refused_story_button_says_why_without_asking_to_request_again(
        tmp_path: Path) -> None:
    path = tmp_path / "stale.db"
    with Database(path) as db:
        _queue_review(db, {1: ("private", "الغوطة"), 3: ("private", "الغوطة")})
    async with running_bot(path) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        [mine] = h.emu.messages(1)
        [theirs] = h.emu.messages(3)
        data = mine.buttons()[0]["callback_data"]
        foreign = await h.click_answer(theirs, data=data)  # chat 1's button pressed in chat 3
        assert foreign["show_alert"] and "محادثة أخرى" in foreign["text"]
        assert "أعد الطلب" not in foreign["text"]
        cb_id = data.partition(".")[0]
        forged = await h.click_answer(mine, data=f"{cb_id}.9")
        assert "/search" in forged["text"] and "أعد الطلب" not in forged["text"]
        with h.db.transaction() as tx:  # eight days later: the button's id is past MAX_AGE
            tx.execute("update callbacks set created_at = ?", [iso(NOW - timedelta(days=8))])
        expired = await h.click_answer(mine, data=data)
        assert "لم يعد هذا الخبر محفوظًا" in expired["text"] and "/search" in expired["text"]
        with h.db.transaction() as tx:  # purged by the daily job: unknown, worded the same
            tx.execute("delete from callbacks")
        gone = await h.click_answer(mine, data=data)
        assert gone["text"] == expired["text"]
        other = await h.click_answer(mine, data="not-a-story-id")  # any other button: as before
        assert "أعد الطلب" in other["text"]
        assert len(h.emu.messages(1)) == 1 and len(h.emu.messages(3)) == 1  # nothing sent
