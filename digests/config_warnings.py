"""Warnings about a configuration that runs but is surely not what was meant (QA12 F9).

Keys that look like ours but are not (ADMIN_ID for ADMIN_IDS), each with the key it probably
means; unknown or repeated keys of `.env`; values that work but are mistakes (a send rate under
one a second, an offset in hours written as minutes, the bot's own id as an admin). Each one
bilingual line, Arabic first; cli.main prints them. The settings themselves: digests.settings.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from pathlib import Path

from digests.env_text import duplicate_key_warnings, read_env_file
from digests.errors import ConfigError
from digests.logs import url_setting_shown
from digests.settings import REDIRECT_ADOPT_MIN, env_keys


def config_warnings(environ: Mapping[str, str] | None = None,
                    env_file: Path | None = Path(".env")) -> list[str]:
    """Keys that look like ours but are not (ADMIN_ID, TELEGRAM_TOKEN, POLL_INTERVALL_MINUTES),
    each with the key it probably means: they would be ignored in silence; and values that
    work but are surely mistakes (`_value_warnings`: SEND_RATE_PER_SECOND under 1).

    Every unknown key of `env_file` is named (the file is Nashra's); in the environment, which
    holds other programs' variables too, only keys close to one of ours.
    """
    known = env_keys()
    try:
        from_file = read_env_file(env_file) if env_file is not None and env_file.is_file() \
            else {}
    except ConfigError:  # unreadable: the error itself is said, not warnings about it
        from_file = {}
    env = os.environ if environ is None else environ
    found: dict[str, str] = {}
    for key in from_file:
        if key not in known:
            found[key] = _closest(key, known, 0.6) or ""
    for key in env:
        if key not in known and key not in found and (close := _closest(key, known, 0.85)):
            found[key] = close
    messages = _value_warnings({**from_file, **env})
    if env_file is not None and env_file.is_file():
        messages.extend(duplicate_key_warnings(env_file))
    for key, close in found.items():
        if close:
            messages.append(f"مفتاح غير معروف {key}: أتقصد {close}؟ / unknown setting {key}: "
                            f"did you mean {close}? (it is ignored)")
        else:
            messages.append(f"مفتاح غير معروف {key} في .env / unknown setting {key} in .env "
                            "(it is ignored; the keys are in .env.example)")
    return messages


def _value_warnings(values: Mapping[str, str]) -> list[str]:
    """Values that work but are surely mistakes (QA12 F9): a send rate under one message a
    second (a digest to 2,000 chats would take hours), an offset of 1 to 14 minutes (hours
    meant: «+3»), an admin id that is a group's."""
    out = []
    rate = values.get("SEND_RATE_PER_SECOND", "").strip()
    try:
        per_second = float(rate) if rate else 30.0
    except ValueError:
        per_second = 30.0  # refused by Settings.from_env with its own message
    if 0 < per_second < 1:
        hours = 2000 / per_second / 3600
        out.append(f"SEND_RATE_PER_SECOND={rate}: رسالة كل {1 / per_second:g} ثانية، فنشرة إلى"
                   f" 2000 محادثة تستغرق {hours:.0f} ساعة؛ المعتاد 30 / one message every"
                   f" {1 / per_second:g} s: a digest to 2,000 chats takes {hours:.0f} h; the"
                   " usual value is 30 (Telegram allows about 30 a second)")
    offset = values.get("SOURCE_UTC_OFFSET_MINUTES", "").strip()
    if re.fullmatch(r"[+-]?\d{1,2}", offset) and 0 < abs(int(offset)) <= 14:
        minutes = int(offset) * 60
        out.append(f"SOURCE_UTC_OFFSET_MINUTES={offset}: {abs(int(offset))} دقائق فقط؟ القيمة"
                   f" بالدقائق؛ إن قصدت ساعات فاكتب {minutes} / only {abs(int(offset))} minutes?"
                   f" The value is in minutes: for hours, write {minutes}")
    api = values.get("TELEGRAM_API_BASE_URL", "").strip().strip("'\"")
    if api and not api.endswith("/bot"):  # QA60-18: reported later as «cannot reach» (a 404)
        out.append(f"TELEGRAM_API_BASE_URL={url_setting_shown(api)}: لا ينتهي بـ /bot، والبوت يضيف إليه رمزه مباشرة "
                   "فيجيب الخادم 404؛ اكتبه مثل https://api.telegram.org/bot / does not end in "
                   "/bot: the bot appends its token to it, and the server answers 404 Not Found; "
                   "write it as https://api.telegram.org/bot (a self-hosted server: "
                   "http://HOST:PORT/bot)")
    adopt = values.get("REDIRECT_ADOPT_POLLS", "").strip()
    if re.fullmatch(r"\+?\d+", adopt) and int(adopt) < REDIRECT_ADOPT_MIN:  # QA60-5
        out.append(f"REDIRECT_ADOPT_POLLS={adopt}: أقل من الحد الأدنى {REDIRECT_ADOPT_MIN}، "
                   f"فيُستعمل {REDIRECT_ADOPT_MIN} / {adopt} is below the minimum "
                   f"{REDIRECT_ADOPT_MIN}; {REDIRECT_ADOPT_MIN} is used (one odd redirect must "
                   "not move a source)")
    bot_id = values.get("TELEGRAM_BOT_TOKEN", "").strip().strip("'\"").partition(":")[0]
    for part in values.get("ADMIN_IDS", "").replace(";", ",").split(","):
        if bot_id.isdigit() and part.strip().lstrip("+") == bot_id:
            # the digits before «:» in the token are public (getMe says them): safe to repeat
            out.append(f"ADMIN_IDS: {bot_id} رقم البوت نفسه (الأرقام قبل «:» في رمزه) لا رقمك؛"
                       f" أرسل /stats إلى البوت فيرد بمعرّفك / {bot_id} is the bot's own id (the"
                       f" digits before «:» in its token), not yours: send /stats to the bot to"
                       f" learn your id")
        if part.strip().startswith("-") and part.strip()[1:].isdigit():
            out.append(f"ADMIN_IDS: {part.strip()} رقم مجموعة أو قناة لا مستخدم، والمشرفون"
                       f" مستخدمون / {part.strip()} is the id of a group or channel, not of a"
                       " user: admins are users (send /stats to the bot to learn your id)")
    return out


def _closest(key: str, known: list[str], cutoff: float) -> str | None:
    upper = key.upper()
    if upper in known:  # «admin_ids»: keys are upper-case
        return upper
    close = difflib.get_close_matches(upper, known, n=1, cutoff=cutoff)
    return close[0] if close else None
