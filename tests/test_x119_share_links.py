"""X119 (session 25): a share link's checks, QA74-3 and QA74-12.

QA74-3: X110 refused a link whose topic holds a web address, but «ادخل scam[.]io», a full-width
«＠scamadmin» and «فزت بجائزة اتصل 0501234567» were echoed in the bot's voice and in a «🔔 تابع»
button. The disguised dot, any «@» after NFKC and a phone number are refused the same way; a
topic with a year or a resolution number («كورونا 2020», «قرار 2401») is not.

QA74-12: «زززز قققق» was offered with «🔔 تابع» and the press answered «لا يحوي كلمات يمكن البحث
عنها»: the follow's own checks run before the button is offered.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db

from bot.deep_links import encode_start_payload, holds_address
from digests import subscriptions

LURES = ("ادخل scam[.]io", "ادخل scam(.)io", "ادخل scam (dot) io", "ادخل scam dot io",
         "راسلنا على ＠scamadmin", "ادخل scam．io", "راسلنا @ هنا", "فزت بجائزة اتصل 0501234567",
         "اتصل ٠٥٠١٢٣٤٥٦٧", "اتصل +966 50 123 4567", "ادخل scam\u200b.io")
TOPICS = ("كورونا 2020", "قرار 2401", "انتخابات 2018 2022", "3.5 مليار", "الغوطة",
          "U.S. election", "د. محمد", "F-16")


@pytest.mark.parametrize("lure", LURES)
def test_a_disguised_address_or_a_phone_number_is_told_apart(lure: str) -> None:
    assert holds_address(lure), lure


@pytest.mark.parametrize("topic", TOPICS)
def test_a_topic_with_numbers_is_not_an_address(topic: str) -> None:
    assert not holds_address(topic), topic


async def test_disguised_lures_are_refused_without_a_button(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        for n, lure in enumerate(("ادخل scam[.]io", "راسلنا على ＠scamadmin",
                                  "فزت بجائزة اتصل 0501234567")):
            got = await h.say(READER + n, "/start " + encode_start_payload(lure), n=2)
            assert "لم أتابع" in got[1].plain_text and "رقم هاتف" in got[1].plain_text, lure
            for word in ("scam", "0501234567"):
                assert word not in got[1].plain_text, lure
            assert not got[1].button_texts(), lure
        got = await h.say(READER + 9, "/start " + encode_start_payload("ادخل scam[.]io"), n=2,
                          language_code="en")
        assert "Nothing was followed" in got[1].plain_text and "phone" in got[1].plain_text
        assert "scam" not in got[1].plain_text


async def test_a_link_to_a_topic_the_follow_refuses_offers_no_button(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start " + encode_start_payload("زززز قققق"), n=2)
        assert "لا يحوي كلمات يمكن البحث عنها" in got[1].plain_text, got[1].plain_text
        assert not any("تابع" in b for b in got[1].button_texts())
        got = await h.say(READER + 1, "/start " + encode_start_payload("زززز قققق"), n=2,
                          language_code="en")
        assert "no searchable words" in got[1].plain_text, got[1].plain_text
        assert not got[1].button_texts()
        assert subscriptions.list_subscriptions(h.db, READER) == []
        # a real topic with a year and no news yet is still asked, and the press follows it
        got = await h.say(READER + 2, "/start " + encode_start_payload("كورونا 2020"), n=2)
        ask = got[1]
        assert ask.button_texts() and "تابع" in ask.button_texts()[0], ask.plain_text
        [done] = await h.click(ask, ask.button_texts()[0])
        assert "تمت متابعة" in done.plain_text
