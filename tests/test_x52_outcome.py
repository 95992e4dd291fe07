"""QA34 R1, delivery side (brief X52): a report joining a story a follower was sent the same
day reaches the follower as «🔄 تحديث» when it gives a result or a changed figure the sent
headlines did not (the PSG–Real preview came at 12:00, the score never); another source's copy
of the same news does not. Real SQLite (the real enqueue path), the real sender and renderer
against the emulator (quiet hours off)."""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, rows
from digests.new_deliveries import enqueue_article
from digests.storage import Database
from digests.story_outcomes import new_outcome
from test_x42_delivery import make_sender

PREVIEW = "باريس سان جرمان عازم على تخطي عقبة ريال مدريد"
LEAD = "يلتقي ريال مدريد مع باريس سان جرمان الليلة في إياب دوري أبطال أوروبا."


def test_a_result_or_a_changed_toll_is_an_outcome_a_copy_is_not() -> None:
    assert new_outcome([PREVIEW], "الريال يكرر فوزه على باريس ويتأهل")
    assert new_outcome([PREVIEW], "ريال مدريد ينهي حلم باريس سان جرمان")
    assert new_outcome([PREVIEW], "ريال مدريد يهزم باريس 2-1")
    assert not new_outcome([PREVIEW], "مباشر: باريس سان جرمان وريال مدريد")
    assert new_outcome(["37 قتيلا في حريق بمركز تجاري في روسيا"], "53 قتيلا بحريق في روسيا")
    assert not new_outcome(["37 قتيلا في حريق بمركز تجاري"], "حريق هائل في مركز تسوق بروسيا")
    assert not new_outcome(["السعودية تعترض صاروخا فوق الرياض"],
                           "السعودية تعترض 7 صواريخ باليستية")  # a figure, none before: no
    assert not new_outcome([], "ريال مدريد يفوز")


def test_the_most_an_age_a_sum_or_a_result_told_again_is_no_outcome() -> None:
    """Review RB: «الأقصى» (the most) normalised like «أقصى» (knocked out); an age or a sum is
    no toll; a result already given in another word is not new."""
    assert not new_outcome(["ترامب يهدد إيران"], "ترامب يمارس أقصى الضغوط على إيران")
    assert not new_outcome(["وفاة الممثل الأمريكي"], "وفاة الممثل الأمريكي عن 31 عاما")
    assert not new_outcome(["السعودية تعلن خطة"], "السعودية تعلن خطة بقيمة 100 مليار دولار")
    assert not new_outcome(["الأهلي يحصد الدوري"], "الأهلي يتوج بطلا للدوري")


async def test_the_follower_gets_the_score_the_same_day(database: Database, emu: Emulator,
                                                        bot: Bot) -> None:
    add_chat(database, 1, topics=("ريال مدريد",))
    fr, al, cn = (add_source(database, n) for n in ("فرانس 24", "العربية", "سي إن إن"))
    preview = add_article(database, fr, PREVIEW, story_id=87, body=LEAD,
                          published=NOW - timedelta(hours=8))
    enqueue_article(database.db, preview, ctx(NOW - timedelta(hours=8)))
    [first] = rows(database)
    database.db.execute("update outbox set status = 'sent', sent_at = ? where id = ?",
                        [(NOW - timedelta(hours=8)).isoformat(), first["id"]])
    live = add_article(database, cn, "مباشر: باريس سان جرمان وريال مدريد", story_id=87,
                       body=LEAD, published=NOW - timedelta(hours=2))
    enqueue_article(database.db, live, ctx(NOW - timedelta(hours=2)))
    assert len(rows(database)) == 1  # the same news from another source: nothing
    result = add_article(database, al, "ريال مدريد ينهي حلم باريس سان جرمان ويتأهل",
                         story_id=87, body="تأهل ريال مدريد بفوزه على باريس سان جرمان 2-1.",
                         published=NOW - timedelta(minutes=5))
    enqueue_article(database.db, result, ctx(NOW))
    [_, update] = rows(database)
    assert update["article_id"] == result.id and str(update["kind"]).startswith("update:")
    sender = make_sender(database, bot, render=None, clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    assert "🔄 تحديث" in message.plain_text and "ينهي حلم" in message.plain_text
