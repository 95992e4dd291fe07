"""A `.env` file's text read into keys and values (digests.settings reads its settings from them).

A minimal format: KEY=VALUE lines, `#` comments, optional quotes, «export » before a key, a
byte-order mark from a Windows editor; a file that is not UTF-8 text or cannot be read is one
configuration error, not a traceback. Split from digests.settings (review REV, session 22: it
had grown past 500 lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from digests.errors import ConfigError


def read_env_file(path: Path) -> dict[str, str]:
    """Parse a minimal `.env` file: KEY=VALUE lines, `#` comments, optional quotes.

    A comment may follow a value after a space («KEY="value" # note», «KEY=30 # minutes»); a
    quoted value keeps its own «#». A byte-order mark (Windows editors) is not part of the first
    key.

    Raises:
        ConfigError: the file cannot be read, or is not UTF-8 text (review REV: a `.env` saved
            as Notepad's «ANSI», cp1256 on an Arabic Windows, ended every command in a
            traceback).
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: ليس نصًا بترميز UTF-8 (البايت {exc.start + 1}): احفظه بترميز UTF-8 (في "
            f"المفكرة: حفظ باسم ← الترميز: UTF-8) / {path} is not UTF-8 text (byte "
            f"{exc.start + 1}): save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)"
        ) from None
    except OSError as exc:
        raise ConfigError(f"تعذرت قراءة {path} ({exc.strerror or exc}) / cannot read {path} "
                          f"({exc.strerror or exc})") from None
    return {key: _env_value(value) for _, key, value in _env_lines(text)}


def _env_lines(text: str) -> Iterator[tuple[int, str, str]]:
    """(line number, key, raw value) of each «KEY=VALUE» line of a `.env` text: blank lines,
    `#` comments and lines without «=» skipped, «export » before a key dropped."""
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        yield number, key.strip().removeprefix("export ").strip(), value.strip()


def _env_value(value: str) -> str:
    """A .env value without its quotes and without a trailing « # comment»."""
    if value[:1] in ("'", '"'):
        end = value.find(value[0], 1)
        if end > 0 and (value[end + 1:].strip() == "" or value[end + 1:].lstrip()[:1] == "#"):
            return value[1:end]
        return value
    return _INLINE_COMMENT_RE.sub("", value)


_INLINE_COMMENT_RE = re.compile(r"\s+#.*$")


def duplicate_key_warnings(path: Path) -> list[str]:
    """One line for each key written twice or more in the `.env` (QA30 O7: an «ADMIN_IDS=111»
    appended under «ADMIN_IDS=111,222» took 222's rights away in silence): the last one counts."""
    lines: dict[str, list[int]] = {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    for number, key, _value in _env_lines(text):
        lines.setdefault(key, []).append(number)
    out = []
    for key, numbers in lines.items():
        if len(numbers) > 1:
            ar = "، ".join(map(str, numbers))
            en = ", ".join(map(str, numbers))
            out.append(f"{key} مكرر في {path} (الأسطر {ar}): تُعتمد قيمة السطر {numbers[-1]} "
                       f"وحدها، فاحذف الباقي / {key} is set more than once in {path} (lines "
                       f"{en}): only line {numbers[-1]} counts; delete the others")
    return out


__all__ = ["duplicate_key_warnings", "read_env_file"]
