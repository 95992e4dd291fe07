"""X64 (QA42 B1, QA44 T7): the same-day «🔄 تحديث» rule (digests.story_outcomes) missed a
scorer's feat — «صلاح يسجل "سوبر هاتريك"», «يسجل رباعية تاريخية» after the in-match report —
so a team's follower never got the result; and a rumour («تقارير: ترامب قد يطيح بتيلرسون», «هل
يطيح…» without «؟») gave a mark that blocked the real sacking. Invented headlines; the delivery
through the real enqueue path, sender and renderer against the emulator (as test_x60)."""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, rows
from digests.new_deliveries import enqueue_article
from digests.storage import Database
from digests.story_outcomes import new_outcome
from test_x42_delivery import make_sender

IN_MATCH = "مهاجم الزمالك احتاج لأربع دقائق من أجل خطف صدارة الهدافين"
LEAD = "سجل مهاجم الزمالك هدفا مبكرا في مباراة الليلة أمام الإسماعيلي."


def test_a_scorers_feat_is_a_result() -> None:
    for headline in ('مهاجم الزمالك يسجل "سوبر هاتريك" ويتصدر الهدافين',
                     "مهاجم الزمالك يواصل التألق ويسجل ثلاثية",
                     "الدوري المصري: مهاجم الزمالك يسجل رباعية تاريخية في مرمى الإسماعيلي",
                     "مهاجم الزمالك يسجل 4 أهداف في مرمى الإسماعيلي",
                     "مهاجم الزمالك يحرز خماسية"):
        assert new_outcome([IN_MATCH], headline), headline
    # the same feat told again is no update, nor one a hedge goes before
    assert not new_outcome(["مهاجم الزمالك يسجل ثلاثية"], 'بعد الـ"هاتريك".. أبرز أرقام المهاجم')
    assert not new_outcome(["مهاجم الزمالك يسجل رباعية"], 'مهاجم الزمالك يسجل "سوبر هاتريك"')
    assert not new_outcome([IN_MATCH], "هل يسجل مهاجم الزمالك ثلاثية الليلة")
    # a count noun without a scoring verb is still a mark only («ثلاثية» = a treble of cups)
    assert not new_outcome([IN_MATCH], "الزمالك يحلم بثلاثية تاريخية هذا الموسم")
    assert not new_outcome([IN_MATCH], "مباراة تاريخية لمهاجم الزمالك.. وأرقام قياسية بالجملة")


def test_a_rumour_gives_neither_a_result_nor_a_mark() -> None:
    sacked = "ترامب يطيح بتيلرسون"
    for rumour in ("تقارير: ترامب قد يطيح بتيلرسون", "هل يطيح ترامب بتيلرسون",
                   "ربما يطيح ترامب بتيلرسون قريبا", "يتوقع أن يفوز الأهلي على الزمالك"):
        assert not new_outcome(["البيت الأبيض يلتزم الصمت"], rumour), rumour
    for rumour in ("تقارير: ترامب قد يطيح بتيلرسون", "هل يطيح ترامب بتيلرسون"):
        assert new_outcome([rumour], sacked), rumour
    # told, not hedged: the same outcome again is no update
    assert not new_outcome(["ترامب يطيح بتيلرسون"], "ترامب أطاح بتيلرسون عبر تويتر")
    assert not new_outcome(["ترامب قد أطاح بتيلرسون"], "ترامب يطيح بتيلرسون")


async def test_the_follower_gets_the_scorers_feat_after_the_in_match_report(
        database: Database, emu: Emulator, bot: Bot) -> None:
    add_chat(database, 1, topics=("الزمالك",))
    one, two = (add_source(database, n) for n in ("مصدر أ", "مصدر ب"))
    live = add_article(database, one, IN_MATCH, story_id=64, body=LEAD,
                       published=NOW - timedelta(hours=2))
    enqueue_article(database.db, live, ctx(NOW - timedelta(hours=2)))
    [first] = rows(database)
    database.db.execute("update outbox set status = 'sent', sent_at = ? where id = ?",
                        [(NOW - timedelta(hours=2)).isoformat(), first["id"]])
    feat = add_article(database, two, 'مهاجم الزمالك أول لاعب يسجل "سوبر هاتريك" هذا الموسم',
                       story_id=64, body="سجل مهاجم الزمالك أربعة أهداف في مرمى الإسماعيلي.",
                       published=NOW - timedelta(minutes=5))
    enqueue_article(database.db, feat, ctx(NOW))
    [_, update] = rows(database)
    assert update["article_id"] == feat.id and str(update["kind"]).startswith("update:")
    sender = make_sender(database, bot, render=None, clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    assert "🔄 تحديث" in message.plain_text and "سوبر هاتريك" in message.plain_text


async def test_a_queued_in_match_report_gives_way_to_the_result_as_the_face(
        database: Database, emu: Emulator, bot: Bot) -> None:
    """QA42 B1: a daily reader got story 178 next morning under the stale in-match report («…
    احتاج لأربع دقائق…»), though four sites had reported the four goals since."""
    from bot.origins import bundle_topics
    from test_x42_delivery import queue

    add_chat(database, 1, topics=("الزمالك",))
    one, two = (add_source(database, n) for n in ("مصدر أ", "مصدر ب"))
    live = add_article(database, one, IN_MATCH, story_id=65, body=LEAD,
                       published=NOW - timedelta(hours=10))
    feat = add_article(database, two, 'مهاجم الزمالك يسجل "سوبر هاتريك" في مرمى الإسماعيلي',
                       story_id=65, published=NOW - timedelta(hours=9))
    queue(database, 1, live)  # queued for the morning digest before the result came
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics,
                         clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    assert feat.title.split('"')[0] in message.plain_text and IN_MATCH not in message.plain_text


def test_a_toll_told_by_its_verb_is_a_toll() -> None:
    """QA42 B6: «غارات الغوطة تقتل عشرات» corrected to «… تقتل 37 مدنيا»: the figure beside a
    killing verb is a toll (X63's corrected-article update reads new_outcome); a measure is not."""
    assert new_outcome(["غارات على البلدة تقتل عشرات"], "تصحيح: غارات على البلدة تقتل 37 مدنيا")
    assert new_outcome(["قتلى في انفجار بالعاصمة"], "انفجار في العاصمة يقتل 26 شخصا")
    assert not new_outcome(["غارات على البلدة تقتل 37 مدنيا"], "غارات على البلدة تقتل 37 مدنيا")
    assert not new_outcome(["انهيار جسر يقتل عدة أشخاص"], "جسر عمره 5 أيام ينهار")
