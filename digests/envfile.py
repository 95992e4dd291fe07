"""Which `.env` the command line reads, and where relative paths in the settings point (QA20 O2).

A service manager, cron or `python /opt/nashra/run.py` from the home folder starts Nashra in
another folder than the project's. The `.env` was read from the current folder only, and the
default `data/nashra.db` resolved there too, so such a start quietly ran the offline demo, or a
bot on a new, empty database. Now:

- `.env` is looked for in the current folder, then in the project's folder (next to run.py);
  the first found is read (`find_env_file`), and the start says which (`describe`).
- Relative paths (DATABASE_PATH, SOURCES_FILE) are anchored (`anchored`): one written in the
  `.env` file is relative to that file's folder; the default `data/nashra.db` to the `.env`'s
  folder, or the project's when there is none; one given in the environment (or `--db`) to the
  current folder, as any path typed in a shell (`Settings.origin` says which; X130).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from digests.settings import ENVIRONMENT, Settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
ENV_NAME = ".env"
_PATH_FIELDS = ("database_path", "sources_file")


@dataclass(frozen=True)
class EnvFile:
    """The `.env` the settings came from (None: none found) and every place looked at."""

    path: Path | None
    looked: tuple[Path, ...]


def find_env_file(cwd: Path | None = None, project: Path = PROJECT_DIR) -> EnvFile:
    """The first `.env` file in `cwd` (default: the current folder), then in `project`."""
    here = (cwd or Path.cwd()).absolute()
    looked: list[Path] = []
    for folder in (here, project):
        candidate = folder / ENV_NAME
        if candidate in looked:
            continue
        looked.append(candidate)
        if candidate.is_file():
            return EnvFile(candidate, tuple(looked))
    return EnvFile(None, tuple(looked))


def anchored(settings: Settings, found: EnvFile, project: Path = PROJECT_DIR) -> Settings:
    """`settings` with its relative paths anchored as the module docstring says. A path from
    the environment is left as given (relative to the current folder)."""
    base = found.path.parent if found.path is not None else project
    changes: dict[str, object] = {}
    for name in _PATH_FIELDS:
        value = getattr(settings, name)
        if value is None or value.is_absolute() or settings.origin(name) == ENVIRONMENT:
            continue
        changes[name] = base / value
    return settings.replace(**changes) if changes else settings


def describe(found: EnvFile) -> str:
    """One bilingual line (Arabic first) saying which `.env` was read, or where none was."""
    # a `.env` made a folder (a volume mounted where the file was meant, `mkdir .env`) is
    # said as one: «no .env file» sent the operator looking for a file that seemed there (Z1)
    folders = [p for p in found.looked if p != found.path and p.is_dir()]
    folder_ar = "".join(f"؛ {p} مجلد لا ملف" for p in folders)
    folder_en = "".join(f"; {p} is a folder, not a file" for p in folders)
    if found.path is not None:
        return (f"الإعدادات من {found.path}{folder_ar} / settings read from {found.path}"
                f"{folder_en}")
    places = "، ".join(str(p) for p in found.looked)
    places_en = ", ".join(str(p) for p in found.looked)
    return (f"لا ملف .env (بحثت في: {places}){folder_ar} / no .env file (looked at: "
            f"{places_en}){folder_en}")


def exposure_warning(found: EnvFile) -> str | None:
    """One bilingual line when the `.env` read holds the bot's token and group or others may
    read or write it (mode & 0o077), as ssh warns of a key; None otherwise (QA29 A6). Whoever
    reads it has the bot; whoever writes it can point TELEGRAM_API_BASE_URL at their own server
    and collect the token."""
    if found.path is None:
        return None
    try:
        mode = found.path.stat().st_mode & 0o777
        text = found.path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return None
    holds_token = any(line.split("=", 1)[0].strip().removeprefix("export ").strip()
                      == "TELEGRAM_BOT_TOKEN" and line.split("=", 1)[1].strip().strip("'\"")
                      for line in text.splitlines() if "=" in line)
    if not holds_token or not mode & 0o077:
        return None
    return (f"الملف {found.path} يحمل رمز البوت ويقرؤه غيرك أو يكتب فيه (الصلاحيات {mode:o}): "
            f"شغّل chmod 600 {found.path} / {found.path} holds the bot token and is open to "
            f"group or others (mode {mode:o}): run chmod 600 {found.path}")


def no_token_message(found: EnvFile) -> str:
    """`run.py bot` without TELEGRAM_BOT_TOKEN: Arabic, then English, naming the `.env`."""
    if found.path is not None:
        where_ar = f"ليس في {found.path} ولا في البيئة"
        where_en = f"not in {found.path} nor in the environment"
    else:
        where_ar = "لا ملف .env في " + "، ".join(str(p) for p in found.looked) + " وليس في البيئة"
        where_en = ("no .env file at " + ", ".join(str(p) for p in found.looked)
                    + ", nor in the environment")
    return (f"رمز البوت TELEGRAM_BOT_TOKEN فارغ ({where_ar}): احصل على رمز من @BotFather وضعه في .env "
            f"أو في البيئة، أو جرّب `python run.py demo` / TELEGRAM_BOT_TOKEN is empty "
            f"({where_en}): get a token from @BotFather and set it in .env or the "
            f"environment, or try `python run.py demo`")
