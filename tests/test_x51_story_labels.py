"""X51 (QA36 E6): a delivered bundle's story buttons name their story — «📖 خبر ١: الأمم المتحدة تحذر…»,
not «📖 خبر ١», which a screen reader reads alone, three messages below the headline it stood
for. Labels are not callback data: the data stays a short stored id. The real sender and bot
against the emulator, on a real SQLite archive."""

from __future__ import annotations

from pathlib import Path

from botkit import running_bot
from delivery_helpers import NOW, add_article, add_chat, add_source, rows

from bot.i18n_labels import LABEL_CHARS, feed_unit, label_words
from digests.models import Quote, iso
from digests.records import quotes_to_json
from digests.storage import Database

QUOTES = (Quote("الوضع في المدينة خطير جدا ويتدهور كل يوم", "المتحدث باسم الأمم المتحدة"),
          Quote("لن نتراجع عن مطالبنا مهما حدث", "زعيم المعارضة"))
HEADLINES = ("الأمم المتحدة تحذر من تدهور الوضع الإنساني في المدينة المحاصرة",
             "المعارضة ترفض التراجع")


def test_label_words_cut_at_a_word() -> None:
    words = label_words(HEADLINES[0])
    assert words.endswith("…") and len(words) <= LABEL_CHARS + 1
    assert HEADLINES[0].startswith(words[:-1]) and HEADLINES[0][len(words) - 1] == " "
    assert label_words(HEADLINES[1]) == HEADLINES[1]
    assert label_words("") == ""


async def test_story_buttons_name_their_story(tmp_path: Path) -> None:
    path = tmp_path / "labels.db"
    with Database(path) as db:
        src = add_source(db, "src")
        arts = [add_article(db, src, title, story_id=300 + i) for i, title in enumerate(HEADLINES)]
        for a in arts:
            with db.transaction() as tx:
                tx.execute("update articles set quotes_json = ?, digested_at = ? where id = ?",
                           [quotes_to_json(QUOTES), iso(NOW), a.id])
        for chat, lang in ((1, "ar"), (2, "en")):
            add_chat(db, chat, type="private", language=lang)
            with db.transaction() as tx:
                for a in arts:
                    tx.execute("insert into outbox (chat_id, story_id, article_id, kind,"
                               " created_at, status) values (?,?,?, 'instant', ?, 'pending')",
                               [chat, a.story_id, a.id, iso(NOW)])
    async with running_bot(path) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        [arabic] = h.emu.messages(1)
        [english] = h.emu.messages(2)
        for bundle, first, second in ((arabic, "📖 خبر ١: ", "📖 خبر ٢: "),
                                        (english, "📖 Story 1: ", "📖 Story 2: ")):
            labels = [b.lstrip("\u200e\u200f") for b in bundle.button_texts()]
            assert labels == [first + feed_unit(label_words(HEADLINES[0])),  # X79: an isolate
                              second + feed_unit(HEADLINES[1])], labels
            assert all(len(b["callback_data"].encode()) <= 64 for b in bundle.buttons())
        [full] = await h.click(arabic, arabic.button_texts()[1])
        assert HEADLINES[1] in full.plain_text
