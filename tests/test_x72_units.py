"""X72 (QA46 G1, G3): a currency right after a number or an amount word is a unit, not the topic.

«ترامب يطالب ممثلة إباحية بتعويض قدره 20 مليون دولار» reached a follower of «الدولار» (35 of
45 such alerts in QA46's five days); «250 ألف ريال» fines reached a follower of «الريال» (the
club). Invented reports; the delivery through the real enqueue path and the real sender against
the emulator (as test_x69_led_through)."""

from __future__ import annotations

from telegram import Bot

from bot.emulator import Emulator
from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, rows
from digests.arabic import analyze
from digests.models import Article
from digests.new_deliveries import enqueue_article
from digests.storage import Database
from digests.topic_match import alert_matches
from digests.topic_match_units import is_amount, without_units
from test_x42_delivery import make_sender

FILLER = ["وقالت المحكمة إن الجلسة المقبلة ستعقد الشهر المقبل بحضور محامي الطرفين."]


def _report(title: str, *paragraphs: str) -> Article:
    return Article(id=1, source_id=1, source_name="مصدر", url="https://a.test/1", title=title,
                   paragraphs=tuple(paragraphs) + tuple(FILLER))


def test_an_amount_in_dollars_is_no_dollar_alert() -> None:
    amounts = _report("ممثلة تطالب بتعويض قدره 20 مليون دولار",
                      "طالبت الممثلة بتعويض قدره 20 مليون دولار، ودفعت الشركة 130 ألف دولار.",
                      "وقدرت الخسائر بنحو 5 مليارات دولار.")
    assert not alert_matches("الدولار", amounts)
    assert not alert_matches("دولار", amounts)
    for title in ("فيلم يحصد بـ60 مليار دولار", "صفقة بخمسة ملايين دولار", "10 آلاف دولار",
                  "نداء يتطلب 2.96 بليون دولار", "أمريكا قد تقترض ترليون دولار",
                  "قيمة تريليوني دولار لأرامكو"):
        assert not alert_matches("الدولار", _report(title, "وجاء ذلك في بيان للشركة.")), title


def test_the_currency_itself_still_alerts() -> None:
    for title in ("ارتفع الدولار أمام سلة العملات", "سعر الدولار في البنوك اليوم",
                  "الذهب ينخفض مع صعود الدولار", "الدولار الأمريكي يتراجع"):
        assert alert_matches("الدولار", _report(title, "وجاء ذلك في تعاملات اليوم.")), title
    # an amount in the headline, the currency in the lead: about the dollar
    assert alert_matches("الدولار", _report("البنك يطرح 2 مليار دولار",
                                            "وتراجع الدولار أمام الجنيه بعد الطرح."))
    # a year before it is no amount: «عام 2004 وريال مدريد» is the club
    assert not is_amount("2004") and is_amount("20") and is_amount("ب60")


def test_the_other_currencies_are_units_too() -> None:
    for topic, unit in (("اليورو", "يورو"), ("الجنيه", "جنيه"), ("الدينار", "دينار"),
                        ("الليرة", "ليرة"), ("الريال", "ريال")):
        report = _report(f"غرامة قدرها 40 ألف {unit}", f"ودفع النادي 250 ألف {unit} للاعب.")
        assert not alert_matches(topic, report), topic
        assert alert_matches(topic, _report(f"ارتفاع سعر {unit} أمام العملات",
                                            "وجاء ذلك في تعاملات اليوم.")), topic


def test_the_club_is_not_the_riyal() -> None:
    fine = _report("الانضباط توقف اللاعب وتغرمه 40 ألف ريال",
                   "أوقفت اللجنة اللاعب أربع مباريات وغرمته 40 ألف ريال.")
    assert not alert_matches("الريال", fine)
    yemeni = _report("الريال اليمني يهوي أمام الدولار", "تراجع الريال اليمني إلى مستوى قياسي.")
    assert not alert_matches("الريال", yemeni)  # the lone «ريال» follows the club
    assert alert_matches("الريال اليمني", yemeni)  # the currency, asked by its name
    assert alert_matches("الريال", _report("الريال يفوز على جيرونا", "فاز الريال بستة أهداف."))
    assert alert_matches("ريال مدريد", _report("زيدان: ريال مدريد جاهز", "قال زيدان إن الفريق جاهز."))


def test_only_the_topics_currency_is_blanked() -> None:
    keys = analyze("دفع 20 مليون دولار و5 آلاف يورو")
    assert "دولار" not in without_units(keys, (("دولار",),))
    assert "يورو" in without_units(keys, (("دولار",),))  # not the topic: left as it is
    assert without_units(keys, (("نفط",),)) == tuple(keys)


async def test_the_settlement_is_not_sent_to_the_dollar_follower(
        database: Database, emu: Emulator, bot: Bot) -> None:
    add_chat(database, 1, topics=("الدولار",))
    source = add_source(database, "مصدر")
    settlement = add_article(database, source, "ترامب يطالب ممثلة بتعويض قدره 20 مليون دولار",
                             body="طالب محامي ترامب بتعويض قدره 20 مليون دولار من الممثلة.\n"
                                  "ودفع المحامي 130 ألف دولار للممثلة قبل الانتخابات.")
    enqueue_article(database.db, settlement, ctx(NOW))
    assert rows(database) == []  # was: queued as «جديد «الدولار»»
    dollar = add_article(database, source, "الذهب يتراجع مع صعود الدولار",
                         body="تراجع الذهب مع صعود الدولار أمام سلة العملات.")
    enqueue_article(database.db, dollar, ctx(NOW))
    assert [r["article_id"] for r in rows(database)] == [dollar.id]
    sender = make_sender(database, bot, render=None, clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    assert "الذهب يتراجع" in message.plain_text and "ممثلة" not in message.plain_text
