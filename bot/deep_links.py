"""Deep links that follow a topic: t.me/<bot>?start=<payload>, made, read and found in a link.

Payloads are [A-Za-z0-9_-]{1,64}, so an Arabic topic travels as base64url of its UTF-8 after a
"t-" marker (24 Arabic letters fit); an English name («syria») travels as itself. Pure
functions: bot.welcome follows the topic of a /start payload, bot.following offers a topic's
`share_link`, bot.link_answers reads a link to this bot pasted into a chat (`start_payload_of`).
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

DEEP_LINK_PREFIX = "t-"
_PAYLOAD_CHARS = re.compile(r"[A-Za-z0-9_-]+")
_TELEGRAM_HOSTS = ("t.me", "telegram.me", "telegram.dog")
# What a topic never holds and a spam link does (QA65-6: «ادخل scam.io» was followed and echoed
# in the bot's voice): a scheme, «www», a @handle, or a Latin domain («scam.io», «bit.ly/x») —
# a dot between Latin letters with a top-level name of two or more letters after it, not an
# initial («U.S.», «د. محمد») nor a number («3.5»).
_ADDRESS = re.compile(r"(?i)(?:https?:|www\.|(?<![\w@])@[a-z0-9_]{3,}"
                      r"|(?<![\w.])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w.]))")


def encode_start_payload(topic: str) -> str:
    """The /start payload that subscribes to `topic` (raises ValueError when over 64 chars)."""
    raw = base64.urlsafe_b64encode(topic.encode("utf-8")).decode("ascii").rstrip("=")
    payload = DEEP_LINK_PREFIX + raw
    if len(payload) > 64:
        raise ValueError("topic too long for a deep link")
    return payload


def decode_start_payload(payload: str) -> str:
    """The topic of a /start payload: "t-" + base64url, else the ASCII words themselves (an
    English name such as `syria` is then followed as its Arabic topic by `subscribe`; other
    Latin words are not followed)."""
    if payload.startswith(DEEP_LINK_PREFIX):
        raw = payload[len(DEEP_LINK_PREFIX):]
        if not _PAYLOAD_CHARS.fullmatch(raw):  # «t-!!!bad»: b64decode would skip the junk
            return ""
        try:
            return base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode("utf-8").strip()
        except (binascii.Error, ValueError):
            return ""
    return payload.replace("_", " ").strip()


# The usual disguises of a domain's dot (QA74-3: «scam[.]io» was echoed in the bot's voice and in
# a «🔔 تابع» button): «[.]», «(.)», «{.}», «[dot]», «(dot)», and « dot » between Latin letters;
# full-width forms («＠», «．») are folded by NFKC first, the ideographic stop «。» here.
_DISGUISED_DOT = re.compile(r"(?i)\s*[\[({<]\s*(?:\.|dot)\s*[\])}>]\s*|(?<=[a-z0-9])\s+dot\s+(?=[a-z])"
                            "|[\u3002\uff61]")
# A phone number: seven digits or more, spaces, dashes, dots or brackets between them
# («0501234567», «+966 50 123 4567»); digit groups that are all years («2018 2022») are not one.
_PHONE = re.compile(r"\+?\d(?:[\s\-.()]{0,2}\d){6,}")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# invisible marks a spammer puts inside an address («scam\u200b.io»)
_INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def _phone_in(text: str) -> bool:
    return any(not all(len(g) == 4 for g in re.findall(r"\d+", m.group()))
               for m in _PHONE.finditer(text))


def holds_address(topic: str) -> bool:
    """Whether a link's topic points a reader somewhere: a web address or a @handle
    (`_ADDRESS`), also disguised («scam[.]io», «scam (dot) io», full-width «＠scam»), any «@»,
    or a phone number (`_PHONE`; «كورونا 2020» is no number to call). bot.welcome refuses such
    a topic without repeating it (QA65-6, QA74-3)."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", topic)).translate(_DIGITS)
    text = _DISGUISED_DOT.sub(".", text)
    return bool(_ADDRESS.search(text)) or "@" in text or _phone_in(text)


def start_payload_of(link: str, bot_username: str | None) -> str | None:
    """The /start payload of a link to this bot pasted into a chat («https://t.me/<bot>?start=
    syria» → «syria»; "" when the link has no payload); None for any other link."""
    if not bot_username:
        return None
    parts = urlsplit(link)
    host = (parts.hostname or "").lower().removeprefix("www.")
    name = parts.path.strip("/").split("/")[0]
    if host not in _TELEGRAM_HOSTS or name.lower() != bot_username.lower():
        return None
    return (parse_qs(parts.query).get("start") or [""])[0]


def share_link(bot_username: str | None, topic: str) -> str | None:
    """https://t.me/<bot>?start=<payload>: opening it follows `topic` (None if it cannot)."""
    if not bot_username or not topic:
        return None
    try:
        return f"https://t.me/{bot_username}?start={encode_start_payload(topic)}"
    except ValueError:
        return None
