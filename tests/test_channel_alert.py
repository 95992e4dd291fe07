"""A channel's story alert names its story (brief X30): pressed under a channel post of several
stories, «📖 خبر n» answers with an alert that opens with that story's headline (cut at a word,
bidi-safe), keeps each quote's speaker, stays within Telegram's 200 UTF-16 units and escapes
nothing (an alert is plain text), in an Arabic and an English channel. The real Application
(PTB) and sender against the emulator, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from botkit import running_bot
from delivery_helpers import NOW, add_article, add_chat, add_source, rows
from story_labels import story_label, story_numbers

from bot.render import ALERT_CHARS
from digests.models import Quote, RelatedItem, iso
from digests.records import quotes_to_json, related_to_json
from digests.storage import Database

SPEAKER = "المتحدث باسم مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية"
QUOTES = (Quote("الوضع في المدينة خطير جدا & <يتدهور> كل ساعة", SPEAKER),
          Quote("لن نتراجع عن مطالبنا مهما حدث ولن نقبل بأي شروط مسبقة من أي طرف كان "
                "مهما طال الزمن", "زعيم المعارضة"),
          Quote("نحن ندرس جميع الخيارات المتاحة", "وزير الخارجية"))
# A long headline with «&», «<…>» and a Latin run: cut at a word, nothing escaped, in order
LONG = ("شركة AT&T تعلن عن <شراكة> جديدة مع مشغلين عرب في الخليج والمغرب العربي لتوسيع شبكات "
        "الجيل الخامس خلال العامين المقبلين")
SHORT = "هدنة في المدينة & مفاوضات"


def _queue(db: Database) -> None:
    """Two stories with more than their block shows, for an Arabic and an English channel."""
    src = add_source(db, "src")
    arts = [add_article(db, src, title, story_id=300 + i)
            for i, title in enumerate((LONG, SHORT))]
    for art, quotes in zip(arts, (QUOTES, QUOTES[1:])):
        with db.transaction() as tx:
            tx.execute("update articles set quotes_json = ?, digest_related_json = ?,"
                       " digested_at = ? where id = ?",
                       [quotes_to_json(quotes),
                        related_to_json((RelatedItem("تقرير سابق عن المدينة & الهدنة",
                                                     "https://other.test/older"),)),
                        iso(NOW), art.id])
    for chat, lang in ((-1001, "ar"), (-1002, "en")):
        add_chat(db, chat, type="channel", language=lang)
        with db.transaction() as tx:
            for a in arts:
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                           " status) values (?,?,?, 'instant', ?, 'pending')",
                           [chat, a.story_id, a.id, iso(NOW)])


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _bare(text: str) -> str:
    """Without the bidi marks and isolates the alert may hold around Latin runs."""
    return "".join(c for c in text if c not in "\u200e\u200f\u2066\u2067\u2068\u2069")


async def test_a_channel_alert_opens_with_its_storys_headline(tmp_path: Path) -> None:
    path = tmp_path / "alert.db"
    with Database(path) as db:
        _queue(db)
    async with running_bot(path) as h:
        h.emu.add_chat(-1001, type="channel", title="قناة")
        h.emu.add_chat(-1002, type="channel", title="channel")
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        [arabic] = h.emu.messages(-1001)
        [english] = h.emu.messages(-1002)
        for post, labels in ((arabic, ("📖 خبر ١", "📖 خبر ٢")),
                             (english, ("📖 Story 1", "📖 Story 2"))):
            assert story_numbers(post) == list(labels)
            for label, headline in zip(labels, (LONG, SHORT)):
                answer = await h.click_answer(post, story_label(post, label.split()[-1]),
                                              user=h.user(700))
                text = answer["text"]
                assert answer["show_alert"] and 0 < _units(text) <= ALERT_CHARS, text
                first, *rest = text.split("\n")
                head = _bare(first)
                # the story's own headline, whole or cut at a word with «…»
                if head.endswith("…"):
                    assert headline.startswith(head[:-1]) and headline[len(head) - 1] == " "
                else:
                    assert head == headline
                assert "&amp;" not in text and "&lt;" not in text and "&gt;" not in text
                assert rest, text  # the story's rest follows its headline
                for line in rest:
                    if "«" in line:  # a quote keeps its speaker
                        assert line.endswith((SPEAKER, "زعيم المعارضة", "وزير الخارجية")), line
        # the long headline was cut: «&» and «<شراكة>» are plain, the Latin run in order
        answer = await h.click_answer(arabic, story_label(arabic, "١"), user=h.user(701))
        head = answer["text"].split("\n")[0]
        assert _bare(head).startswith("شركة AT&T تعلن عن <شراكة>") and head.endswith("…")
        assert "\u200eAT&T\u200e" in head  # marked: AT&T reads left to right in the line
        # the short one is whole, its «&» plain
        answer = await h.click_answer(english, story_label(english, "2"), user=h.user(701))
        assert answer["text"].split("\n")[0] == SHORT
        assert len(h.emu.messages(-1001)) == 1 and len(h.emu.messages(-1002)) == 1
