"""Why something failed, in the admin's language: a digests.errors.Reason worded as one sentence
of reason and one of what to do, from bot/i18n.py ("reason_<kind>").

The full error message (class names, parser internals) stays in the logs and the CLI; an admin in
the bot reads only this. The advice depends on where the reason is told: /sources speaks of a
source that is polled again by itself («أعيد المحاولة تلقائيًا»), a refused /addsource
(`adding=True`) of a link that was not added, so the admin is the one to try again
(«reason_<kind>_adding» where the words differ). Numbers follow the interface (Arabic-Indic digits in Arabic); hosts are
kept as written. The text is plain: callers escape it for HTML (bot.runtime.ui does).
"""

from __future__ import annotations

from bot.chat_holds import RIGHTS
from bot.i18n import STRINGS, lasted, num, t
from digests.db_faults import DatabaseFault
from digests.errors import NashraError, Reason
from digests.fetch_failures import size_text

_HTTP_FORBIDDEN = {"401", "403", "451"}
MEGABYTE = 1024 * 1024  # binary, as digests.fetch_failures.size_text


def _digits(text: str, lang: str) -> str:
    """A number given as text, in the interface's digits (other text unchanged)."""
    if text.isdigit():
        return num(int(text), lang)
    return text


def _megabytes(detail: str, lang: str) -> str:
    """A byte count as megabytes, binary as digests.fetch_failures.size_text counts them (the
    4 MB page cap, 4194304 bytes, is «٤», not «٤٫٢»); under a megabyte, a fraction of one."""
    if not detail.isdigit():
        return detail
    size = int(detail)
    arabic, english = size_text(size)
    if size >= MEGABYTE:
        return (arabic if lang == "ar" else english).rsplit(" ", 1)[0]
    text = f"{size / MEGABYTE:.1f}"
    return text.replace(".", "٫").translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) \
        if lang == "ar" else text


_PRIVATE_FLAGS = {"key_on": "reason_private_address_key_on",
                  "redirect": "reason_private_address_redirect",
                  "key_on redirect": "reason_private_address_key_on_redirect"}


def _private_key(detail: str) -> str | None:
    """The string of a private-address refusal by its flags (digests.addresses.private_reason,
    digests.fetcher): a link-local or metadata address is never allowed, whatever the key
    (QA65-2: it was told to set the key); a feed a page declared is not the admin's link
    (QA65-4); else the key's state and the redirect (QA63-9). None: the plain refusal."""
    flags = set(detail.split())
    lead = "declared" if "declared" in flags else "redirect" if "redirect" in flags else ""
    if "never" in flags:
        return "reason_private_address_never" + (f"_{lead}" if lead else "")
    if lead == "declared":
        return "reason_private_address_key_on_declared" if "key_on" in flags \
            else "reason_private_address_declared"
    return _PRIVATE_FLAGS.get(" ".join(f for f in ("key_on", "redirect") if f in flags))


def reason_text(why: Reason | None, lang: str, *, adding: bool = False) -> str:
    """The reason and what to do, in `lang`; a pointer to the logs when `why` is None.

    Args:
        why: the reason, or None when unknown.
        lang: the interface language.
        adding: told in answer to /addsource, which added nothing (no automatic retry).
    """
    if why is None:
        return t("reason_unknown", lang)
    host = why.host or "?"
    kind = why.kind
    detail = _digits(why.detail, lang)
    if kind == "http_status":
        if why.detail == "404":  # polled again by itself, unless /addsource's (QA77-6)
            return t("reason_http_404_adding" if adding else "reason_http_404", lang, host=host)
        if why.detail in _HTTP_FORBIDDEN:
            return t("reason_http_403", lang, host=host, detail=detail)
    elif kind in ("too_big", "feed_too_big", "feed_no_entry"):
        detail = _megabytes(why.detail, lang)
    elif kind == "tls":
        key = f"tls_{why.detail}"
        detail = t(key if key in STRINGS else "tls_unverified", lang)
    elif kind == "not_feed" and why.detail == "html" and adding:  # a polled feed: retried
        return t("reason_not_feed_html", lang)
    elif kind == "invalid_url":
        detail = why.detail[:80]
    elif kind == "server_error" and " " in why.detail:  # «503 3600»: the site said when
        status, _, seconds = why.detail.partition(" ")
        if adding and seconds.isdigit():
            return t("reason_server_error_adding_wait", lang, host=host,
                     detail=_digits(status, lang), wait=lasted(int(seconds), lang))
        detail = _digits(status, lang)
    elif kind == "no_tls" and why.detail:  # reached by a redirect to an https address
        return t("reason_no_tls_redirect", lang, host=host, detail=why.detail[:200])
    elif kind == "private_address" and (private := _private_key(why.detail)) is not None:
        # never allowed, the key already on, a redirect or a page's feed (QA63-9, QA65-2/-4)
        return t(private, lang, host=host)
    key = f"reason_{kind}"
    if key not in STRINGS:
        key = "reason_other"
    if adding and f"{key}_adding" in STRINGS:
        key = f"{key}_adding"
    return t(key, lang, host=host, detail=detail)


def error_text(exc: NashraError, lang: str, *, adding: bool = False) -> str:
    """`reason_text` of an error's `why` (errors without one point to the logs); the database's
    own trouble (a DatabaseFault, a NashraError since 701ce6f) says which and what to do (REV
    s25 #4: a locked database during /addsource read «unknown reason»)."""
    if isinstance(exc, DatabaseFault):
        return t(f"reason_db_{exc.fault}", lang)
    return reason_text(exc.why, lang, adding=adding)


# Telegram's refusals of a delivery (outbox last_error / chats deactivated_reason), by the words
# Telegram uses: the first that matches words the reason.
_DELIVERY = (("blocked by the user", "delivery_blocked"),
             ("user is deactivated", "delivery_deactivated"),
             ("bot was kicked", "delivery_kicked"),
             ("not a member", "delivery_not_member"),
             ("can't initiate conversation", "delivery_cant_initiate"),
             ("chat not found", "delivery_chat_not_found"),
             # a held chat's words, never quoted in English (QA56-3): all of bot.chat_holds.RIGHTS
             # (review RF: a copy of three of its five quoted «have no rights to send a message»)
             *((words, "delivery_no_rights") for words in RIGHTS))
DELIVERY_DETAIL_CHARS = 120


def delivery_reason(error: str | None, lang: str) -> str:
    """Why a chat did not get a delivery, in `lang`: Telegram's refusal («Forbidden: bot was
    blocked by the user») worded for the admin; other refusals quoted (shortened); None (no
    reason recorded) points to the logs."""
    if not error:
        return t("delivery_unknown", lang)
    low = error.lower()
    for words, key in _DELIVERY:
        if words in low:
            return t(key, lang)
    detail = " ".join(error.split())
    if len(detail) > DELIVERY_DETAIL_CHARS:
        detail = detail[:DELIVERY_DETAIL_CHARS - 1] + "…"
    return t("delivery_other", lang, detail=detail)
