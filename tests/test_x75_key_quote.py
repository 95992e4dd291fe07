"""Brief X75 item 6 (QA46 G9): an «النفط» alert «أسعار النفط تقفز…» showed as its only line the
crown prince on a nuclear bomb — a quote of the article, off the topic it was sent for. A
compact block sent for named topics none of whose quotes names one shows no quote line
(bot.story_quotes._key_place); its «📖» button then holds the quote (bot.render.has_details
for the bundle's topics), and the general digest still shows the first quote. The real bot and
sender against the emulator (their real render, the bundle's topics from bot.origins), real
SQLite."""

from __future__ import annotations

from pathlib import Path

from delivery_helpers import add_article, add_chat, add_source

from digests.models import Quote
from digests.records import quotes_to_json
from bot.runtime import RUNTIME_KEY
from tests.botkit import BotHarness, running_bot, sample_db

OIL, GENERAL, OIL2 = 6161, 6262, 6363
NUCLEAR = Quote("السعودية ستطور قنبلة نووية إذا طورت إيران قنبلة", "الأمير محمد بن سلمان")
OIL_Q = Quote("ارتفاع أسعار النفط يعكس توازن السوق", "وزير الطاقة")


def _story(h: BotHarness, title: str, quotes: tuple[Quote, ...], story: int,
           chats: tuple[int, ...]) -> int:
    source = add_source(h.db, f"مصدر {story}")
    article = add_article(h.db, source, title, story_id=story,
                          body=f"{title}. وقالت مصادر في السوق إن التداول كان نشطا اليوم.")
    h.db.db.execute("update articles set quotes_json = ?, digested_at = fetched_at where id = ?",
                    [quotes_to_json(list(quotes)), article.id])
    for chat in chats:
        h.db.db.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                        " status) values (?,?,?,'instant',datetime('now'),'pending')",
                        [chat, story, article.id])
    return article.id


async def test_an_alert_for_a_topic_shows_no_off_topic_quote(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    async with running_bot(path) as h:
        add_chat(h.db, OIL, topics=("النفط",))
        add_chat(h.db, GENERAL, topics=("",))
        add_chat(h.db, OIL2, topics=("النفط",))
        _story(h, "أسعار النفط تقفز إلى أعلى مستوى في ثلاث سنوات", (NUCLEAR,), 8101,
               (OIL, GENERAL))
        h.app.bot_data[RUNTIME_KEY].sender.wake()
        [oil] = await h.emu.await_messages(OIL, 1, timeout=15)
        [general] = await h.emu.await_messages(GENERAL, 1, timeout=15)
        assert "أسعار النفط تقفز" in oil.plain_text
        assert NUCLEAR.text not in oil.plain_text  # before: the nuclear bomb as its only line
        assert NUCLEAR.text in general.plain_text  # the general digest: the first quote
        # the quote is behind the oil alert's button (before: no button, nothing left out)
        assert "📖" in str(oil.reply_markup)
        [whole] = await h.click(oil, next(b["text"] for row in oil.reply_markup["inline_keyboard"]
                                           for b in row if "📖" in b["text"]))
        assert NUCLEAR.text in whole.plain_text
        # a quote naming the topic is shown as before
        _story(h, "النفط يواصل الصعود في الأسواق الآسيوية", (NUCLEAR, OIL_Q), 8102, (OIL2,))
        h.app.bot_data[RUNTIME_KEY].sender.wake()
        [second] = await h.emu.await_messages(OIL2, 1, timeout=15)
        assert OIL_Q.text in second.plain_text and NUCLEAR.text not in second.plain_text
