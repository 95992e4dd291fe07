"""X114 (QA71-2): a same-story report whose lead gives a higher toll is an update the same day.

19:31 «عشرات القتلى بالغوطة الشرقية.. والأمم المتحدة "متأهبة"» went to every follower; 22:32
«وابل القصف على غوطة دمشق يحصد المزيد من الأرواح» (same story) led with «ارتفاع حصيلة القتلى إلى
28 مدنياً … أكثر من 200 مصاب» and reached nobody: `new_outcome` read headlines only, and this
one's has no figure. Now the lead's toll counts when it is higher than every toll of its kind
the chat's headlines and leads gave (digests.story_figures); another source's retelling of
the same or a lower figure stays no update (benchmarks/update_volume.py: same-day updates on
the stored stories 13 → 15 of 1,584 later reports).

Real SQLite (the real enqueue path), the real sender and renderer against the emulator.
"""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, rows
from digests.new_deliveries import enqueue_article
from digests.storage import Database
from digests.story_face import faces
from digests.story_figures import figures, new_lead_figure, tolls
from digests.story_outcomes import may_give_outcome, new_outcome
from test_x42_delivery import make_sender

FIRST = 'عشرات القتلى بالغوطة الشرقية.. والأمم المتحدة "متأهبة"'
FIRST_LEAD = ("قتل العشرات بينهم أطفال ونساء، في عمليات عسكرية بالغوطة الشرقية المحاصرة، خلال "
              "الساعات الـ 48 الماضية، حسبما قالت المتحدثة باسم الأمم المتحدة ليندا توم، الاثنين.")
LATER = "وابل القصف على غوطة دمشق يحصد المزيد من الأرواح"
LATER_LEAD = ("أفادت مصادر طبية في غوطة دمشق لسكاي نيوز عربية بارتفاع حصيلة القتلى إلى 28 "
              "مدنياً، معظمهم من الأطفال، إضافة إلى أكثر من 200 مصاب، بينهم 21 مدنياً في دوما، "
              "إثر غارات جوية سورية روسية وقصف صاروخي مكثف على الأحياء السكنية.")
REST = "\nوقال مركز الدفاع المدني إن قوات النظام استهدفت مدن وبلدات الغوطة بـ45 صاروخ أرض – أرض."


def test_a_toll_in_the_lead_is_read_with_its_unit_words() -> None:
    assert tolls(LATER_LEAD) == {"dead": {28.0, 21.0}, "hurt": {200.0}}
    assert tolls(FIRST_LEAD) == {}  # «48 الماضية» are hours, «العشرات» no figure
    assert figures("3 آلاف شخص و100 مليار دولار و45 صاروخ") == {
        ("people", 3000.0), ("money", 100_000_000_000.0)}  # missiles are no count of people
    assert not tolls("تظاهر 200 شخص أمام السفارة")  # people counted, no deaths told


def test_a_higher_toll_in_the_lead_is_new_the_same_or_lower_is_a_retelling() -> None:
    assert not new_outcome([FIRST], LATER)  # the headline alone: no figure (before X114 too)
    assert new_outcome([FIRST], LATER, lead=LATER_LEAD, sent_leads=[FIRST_LEAD])
    assert may_give_outcome(LATER, LATER_LEAD) and not may_give_outcome(LATER)
    # the chat had 28 already (in a headline or a lead): another source saying it is no news
    assert not new_outcome([FIRST, "ارتفاع حصيلة القتلى في الغوطة إلى 28 مدنيا"], LATER,
                           lead=LATER_LEAD)
    assert not new_outcome([FIRST, LATER], "غارات الغوطة", lead=LATER_LEAD,
                           sent_leads=[FIRST_LEAD, LATER_LEAD])
    # an older, lower count after the higher one is no update either
    assert not new_lead_figure([FIRST, "مقتل 40 مدنيا في الغوطة"], LATER_LEAD.replace(
        "200 مصاب", "مصابين"))
    # the hurt rose while the dead did not: news; a first count of the hurt after the dead's,
    # a detail a retelling adds: none
    assert new_lead_figure(["مقتل 28 مدنيا وإصابة 150 في الغوطة"], LATER_LEAD)
    assert not new_lead_figure(["مقتل 28 مدنيا في الغوطة"], LATER_LEAD)


async def test_the_follower_gets_the_lead_toll_as_an_update(database: Database, emu: Emulator,
                                                            bot: Bot) -> None:
    add_chat(database, 1, topics=("الغوطة",))
    sk, al = (add_source(database, n) for n in ("سكاي نيوز عربية", "العربية"))
    first = add_article(database, sk, FIRST, story_id=84, body=FIRST_LEAD,
                        published=NOW - timedelta(hours=3))
    enqueue_article(database.db, first, ctx(NOW - timedelta(hours=3)))
    [row] = rows(database)
    database.db.execute("update outbox set status = 'sent', sent_at = ? where id = ?",
                        [(NOW - timedelta(hours=3)).isoformat(), row["id"]])
    later = add_article(database, sk, LATER, story_id=84, body=LATER_LEAD + REST,
                        published=NOW - timedelta(minutes=5))
    enqueue_article(database.db, later, ctx(NOW))
    [_, update] = rows(database)
    assert update["article_id"] == later.id and str(update["kind"]).startswith("update:")
    sender = make_sender(database, bot, render=None, clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    assert "🔄 تحديث" in message.plain_text and "يحصد المزيد من الأرواح" in message.plain_text
    # a third source retelling the same toll 10 minutes later: nothing more
    again = add_article(database, al, "قصف عنيف على الغوطة الشرقية", story_id=84,
                        body="ارتفعت حصيلة القتلى في الغوطة إلى 28 مدنيا، بحسب مصادر طبية.",
                        published=NOW + timedelta(minutes=5))
    enqueue_article(database.db, again, ctx(NOW + timedelta(minutes=10)))
    assert len(rows(database)) == 2


def test_a_daily_digest_shows_the_story_under_the_report_with_the_toll(
        database: Database) -> None:
    """P2's daily digest showed the story under the older «عشرات القتلى» (the report that
    queued it): the later report's lead toll makes it the face (digests.story_face)."""
    sk = add_source(database, "سكاي نيوز عربية")
    first = add_article(database, sk, FIRST, story_id=84, body=FIRST_LEAD,
                        published=NOW - timedelta(hours=3))
    later = add_article(database, sk, LATER, story_id=84, body=LATER_LEAD + REST,
                        published=NOW - timedelta(minutes=5))
    assert faces(database.db, [84], current={84: first.id}) == {84: later.id}
    # a later report that retells without a toll leaves the queued face
    plain = add_article(database, sk, "الأمم المتحدة متأهبة لإغاثة الغوطة الشرقية", story_id=85,
                        body=FIRST_LEAD, published=NOW - timedelta(hours=3))
    add_article(database, sk, "قصف على الغوطة الشرقية", story_id=85,
                body="تواصل القصف على بلدات الغوطة الشرقية المحاصرة.", published=NOW)
    assert faces(database.db, [85], current={85: plain.id}) == {85: plain.id}
