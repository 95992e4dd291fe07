"""bot.reasons: every kind of failure worded in each language, with what to do, digits by
interface, and no internals; the Reason round-trips through its stored form."""

from __future__ import annotations

import re
import typing

import pytest

from bot.i18n import STRINGS
from bot.reasons import delivery_reason, reason_text
from digests.errors import Reason, ReasonKind
from digests.fetcher import PAGE_MAX_BYTES

KINDS: tuple[str, ...] = typing.get_args(ReasonKind)
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_its_own_words_in_both_languages(kind: str) -> None:
    assert f"reason_{kind}" in STRINGS
    why = Reason(kind, "news.example", "7")  # type: ignore[arg-type]
    ar, en = reason_text(why, "ar"), reason_text(why, "en")
    assert ARABIC_LETTER.search(ar) and not ARABIC_LETTER.search(en)
    assert "{" not in ar + en  # every placeholder filled
    assert ar.endswith((".", "/sources")) and en.endswith((".", "/sources"))


def test_digits_follow_the_interface_and_status_codes_get_plain_words() -> None:
    assert reason_text(Reason("http_status", "a.example", "404"), "ar", adding=True) == (
        "الصفحة غير موجودة على a.example (الخطأ ٤٠٤). تأكد من الرابط.")
    # a polled source's 404 is polled again, and says so (QA77-6)
    assert reason_text(Reason("http_status", "a.example", "404"), "ar") == (
        "الصفحة غير موجودة على a.example (الخطأ ٤٠٤). أعيد المحاولة تلقائيًا؛ إن دام ذلك فتأكد"
        " من الرابط.")
    assert reason_text(Reason("http_status", "a.example", "404"), "en").endswith(
        "I will try again by myself; if it lasts, check the link.")
    assert "(error 403)" in reason_text(Reason("http_status", "a.example", "403"), "en")
    assert "(الخطأ ٥٠٣)" in reason_text(Reason("server_error", "a.example", "503"), "ar")
    assert "(٢٠ ث)" in reason_text(Reason("timeout", "a.example", "20"), "ar")
    # binary megabytes, as digests.fetch_failures.size_text: the 4 MB page cap reads «٤», not «٤٫٢»
    assert "(٥ ميغابايت)" in reason_text(Reason("too_big", "a.example", "5242880"), "ar")
    assert "(2.5 MB)" in reason_text(Reason("too_big", "a.example", "2621440"), "en")
    cap = str(PAGE_MAX_BYTES)
    assert "(٤ ميغابايت)" in reason_text(Reason("too_big", "a.example", cap), "ar")
    assert "(4 MB)" in reason_text(Reason("too_big", "a.example", cap), "en")
    assert "(٠٫٥ ميغابايت)" in reason_text(Reason("too_big", "a.example", "524288"), "ar")
    assert "برقم ١٢." in reason_text(Reason("duplicate", detail="12"), "ar")


def test_certificates_say_what_is_wrong() -> None:
    assert "منتهية الصلاحية" in reason_text(Reason("tls", "a.example", "expired"), "ar")
    assert "issued for another name" in reason_text(Reason("tls", "a.example", "other_name"), "en")
    # an unknown detail still reads as a sentence
    assert "could not be verified" in reason_text(Reason("tls", "a.example", "weird"), "en")


def test_unknown_kinds_and_missing_reasons_point_to_the_log() -> None:
    assert "سجل البوت" in reason_text(None, "ar")
    assert "log" in reason_text(Reason("nonsense", "a.example"), "en")  # type: ignore[arg-type]


def test_html_pages_without_a_feed_get_their_own_advice() -> None:
    # an /addsource's (X87, QA58-10: a polled feed that served a page once is retried, not
    # told to send another link)
    assert reason_text(Reason("not_feed", "a.example", "html"), "ar", adding=True).startswith(
        "الرابط صفحة ويب وليس خلاصة أخبار")


@pytest.mark.parametrize("why", [Reason("refused", "127.0.0.1:9"), Reason("invalid_url", "", "x"),
                                 Reason("tls", "ن.example", "expired")])
def test_reason_round_trips(why: Reason) -> None:
    assert Reason.decode(why.encode()) == why


@pytest.mark.parametrize("text", [None, "", "plain old error text", "[1, 2]", '["a", 1, "b"]'])
def test_text_it_did_not_write_is_no_reason(text: str | None) -> None:
    assert Reason.decode(text) is None


def test_a_refused_addsource_promises_no_retry_and_sources_keep_it() -> None:
    """/addsource added nothing, so nothing retries by itself; /sources polls again (QA5 N6)."""
    failing = Reason("server_error", "a.example", "500")
    assert "أعيد المحاولة تلقائيًا" in reason_text(failing, "ar")
    assert "by myself" in reason_text(failing, "en")
    adding_ar = reason_text(failing, "ar", adding=True)
    assert adding_ar == "الموقع a.example يواجه عطلًا (الخطأ ٥٠٠). لم يُضف شيء؛ أعد المحاولة بعد قليل."
    assert "myself" not in reason_text(failing, "en", adding=True)
    # a refused connection too, since X87 (QA58-10): the poll retries, /addsource's admin does
    refused = Reason("refused", "a.example")
    assert "تلقائيًا" in reason_text(refused, "ar")
    assert "تلقائي" not in reason_text(refused, "ar", adding=True)
    # a kind without its own /addsource words says the same in both places
    gone = Reason("unknown_host", "a.example")
    assert reason_text(gone, "ar", adding=True) == reason_text(gone, "ar")


@pytest.mark.parametrize("kind", KINDS)
def test_no_addsource_reason_promises_a_retry(kind: str) -> None:
    why = Reason(kind, "news.example", "7")  # type: ignore[arg-type]
    ar, en = reason_text(why, "ar", adding=True), reason_text(why, "en", adding=True)
    assert "تلقائي" not in ar and "by myself" not in en, (ar, en)
    assert ARABIC_LETTER.search(ar) and not ARABIC_LETTER.search(en) and "{" not in ar + en


def test_a_damaged_feed_says_so() -> None:
    broken = Reason("feed_broken", "a.example")
    assert reason_text(broken, "ar", adding=True).startswith("الخلاصة تالفة (XML غير صالح)")
    assert "(XML غير صالح)" in reason_text(broken, "ar")
    assert "damaged (invalid XML)" in reason_text(broken, "en", adding=True)


@pytest.mark.parametrize("error,ar,en", [
    ("Forbidden: bot was blocked by the user", "حظر المستخدم البوت", "the user blocked the bot"),
    ("Forbidden: user is deactivated", "حُذف حساب المستخدم", "the user's account was deleted"),
    ("Forbidden: bot was kicked from the supergroup chat", "أُخرج البوت من المجموعة",
     "the bot was removed from the group"),
    ("Forbidden: bot is not a member of the channel chat", "البوت ليس عضوًا في المحادثة",
     "the bot is not a member of the chat"),
    ("Forbidden: bot can't initiate conversation with a user",
     "لم يبدأ المستخدم محادثة مع البوت (عليه أن يرسل /start)",
     "the user never started a chat with the bot (they must send /start)"),
    ("Bad Request: chat not found", "لم يجد تيليجرام المحادثة", "Telegram did not find the chat"),
    (None, "لم تُسلَّم (التفاصيل في السجل)", "not delivered (details in the log)"),
])
def test_telegrams_refusals_of_a_delivery_are_worded_for_the_admin(error: str | None, ar: str,
                                                                    en: str) -> None:
    assert delivery_reason(error, "ar") == ar
    assert delivery_reason(error, "en") == en


def test_another_refusal_is_quoted_on_one_short_line() -> None:
    error = "Bad Request: message is too long\n" + "x" * 500
    ar, en = delivery_reason(error, "ar"), delivery_reason(error, "en")
    assert ar.startswith("رفض تيليجرام الرسالة: Bad Request: message is too long x")
    assert en.startswith("Telegram refused the message: Bad Request: message is too long x")
    assert "\n" not in ar + en and len(en) < 200 and en.endswith("…")
