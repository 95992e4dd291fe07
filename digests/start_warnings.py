"""What the bot's start says to its operator about a setup that runs but will not do what they
expect (QA30 O5–O7): each one bilingual line, Arabic first, with what to do.

Pure functions returning the text; the bot's start (bot.app) and the command line (cli.main) log
or print them. Warnings about the `.env` itself (unknown or repeated keys, odd values) are
`digests.config_warnings`.
"""

from __future__ import annotations

from pathlib import Path


def admins_empty() -> str:
    """ADMIN_IDS is empty: nobody can run the admin commands (QA10 F7), and how to fix it."""
    return ("ADMIN_IDS فارغ: لا أحد يستطيع أوامر المشرفين. لتعرف معرّفك في تيليجرام أرسل "
            "/stats إلى البوت في محادثة خاصة فيرد به، ثم ضعه في ADMIN_IDS وأعد التشغيل / "
            "ADMIN_IDS is empty: nobody can run admin commands. To learn your Telegram id, "
            "send /stats to the bot in a private chat: it answers with your id. Put it in "
            "ADMIN_IDS and restart")


def no_sources(sources_file: Path | None, listed: int = 0) -> str:
    """The bot starts with no source to poll (an empty SOURCES_FILE on a new database); the
    file's `listed` feeds, when it lists some, were all refused (logged just before) or
    removed before: «lists no feed» was then untrue (QA55-13)."""
    where_ar = f"ملف المصادر {sources_file} لا يذكر خلاصة" if sources_file else "لا مصادر"
    where_en = (f"the sources file {sources_file} lists no feed" if sources_file
                else "there are none")
    if sources_file and listed:
        where_ar = (f"ملف المصادر {sources_file} يذكر {_feeds_ar(listed)}: رُفض أو أُزيل من "
                    "قبل، والسبب في السجل أعلاه")
        where_en = (f"the sources file {sources_file} lists {listed} feed"
                    f"{'' if listed == 1 else 's'}, not added: refused (see above) or removed "
                    "before")
    return (f"لا مصادر أخبار يجلبها البوت ({where_ar}): أضف خلاصة بـ /addsource رابط أو "
            "python run.py sources add رابط، أو اترك SOURCES_FILE فارغًا للقائمة المرفقة / no "
            f"news source to poll ({where_en}): add a feed with /addsource URL or python run.py "
            "sources add URL, or leave SOURCES_FILE empty for the shipped list")


def _feeds_ar(n: int) -> str:
    """«خلاصة واحدة لم تُضف» with the noun and verb in agreement (the object of «يذكر»)."""
    if n == 1:
        return "خلاصة واحدة لم تُضف"
    if n == 2:
        return "خلاصتين لم تُضافا"
    return f"{n} {'خلاصات' if n <= 10 else 'خلاصة'} لم يُضف منها شيء"


def listed_feeds(sources_file: Path | None) -> int:
    """How many feed lines SOURCES_FILE holds (0 when unset or unreadable: said elsewhere)."""
    from digests.sources import parse_sources_file  # late: the warnings stay light to import

    if sources_file is None:
        return 0
    try:
        return len(parse_sources_file(sources_file.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError):
        return 0


def sources_file_problem(path: Path | None) -> str | None:
    """Why SOURCES_FILE cannot be read, with what to do; None when it can (or is not set).
    The errno text alone («[Errno 21] Is a directory») said neither (QA30 O5)."""
    if path is None:
        return None
    if path.is_dir():
        what_ar, what_en = "مجلد لا ملف", "is a folder, not a file"
    elif not path.exists():
        what_ar, what_en = "غير موجود", "does not exist"
    else:
        try:
            path.read_text(encoding="utf-8")
            return None
        except UnicodeDecodeError:
            what_ar, what_en = "ليس نصًا بترميز UTF-8", "is not UTF-8 text"
        except OSError as exc:
            what_ar, what_en = "لا يُقرأ", f"cannot be read ({exc.strerror or exc})"
    return (f"SOURCES_FILE={path}: {what_ar}؛ أنشئ الملف (رابط خلاصة في كل سطر، ثم اسمها إن "
            "شئت) أو اترك SOURCES_FILE فارغًا لقائمة الخلاصات المرفقة / "
            f"SOURCES_FILE={path} {what_en}: create it (one feed URL a line, optionally "
            "followed by its name), or leave SOURCES_FILE empty for the shipped list of feeds")


__all__ = ["admins_empty", "listed_feeds", "no_sources", "sources_file_problem"]
