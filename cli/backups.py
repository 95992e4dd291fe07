"""Commands 'backup', 'restore' and 'recover': the operator's copies of the database file.

`run.py backup FILE` is safe while the bot runs (SQLite's backup API: a plain `cp` of the file
misses what its `-wal` holds); `run.py restore FILE` needs the bot stopped and keeps the replaced
file aside; `run.py recover FILE` saves what a damaged database still holds into a new file
(digests.rescue says how). Messages are Arabic first, then English, as the other commands'.
"""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from bot.i18n import counted
from cli.counts import DELIVERIES, LINKS, ar_counted
from digests.backup_list import MOVED_ASIDE, listed_backups
from digests.backups import UPGRADE_BY_COMMAND, UPGRADE_COPY, backup, restore
from digests.fetch_failures import size_text
from digests.rescue import recover
from digests.restore_readers import Readers
from digests.settings import ENVIRONMENT, Settings


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
             common: argparse.ArgumentParser) -> None:
    """Add these commands to the parser."""
    b = sub.add_parser(
        "backup", parents=[common],
        help="انسخ قاعدة البيانات نسخة احتياطية (والبوت يعمل) / back up the database (safe "
             "while the bot runs)",
        description="انسخ قاعدة البيانات إلى ملف جديد، آمن والبوت يعمل (لا تنسخها بـ cp: ملف "
                    "-wal يحمل آخر ما كُتب). / Copy the database to a new file, safe while the "
                    "bot runs (not with cp: the -wal file holds the latest writes).")
    # a str: «list» lists the copies (QA66-9), while «./list» is still a file of that name
    b.add_argument("file", metavar="FILE",
                   help="ملف النسخة (جديد)، أو list لعرض النسخ الموجودة / the backup file (a new "
                        "one), or list to list the copies there are")
    b.set_defaults(func=cmd_backup)
    r = sub.add_parser(
        "restore", parents=[common],
        help="استرجع نسخة احتياطية (أوقف البوت أولًا) / restore a backup (stop the bot first)",
        description="ضع نسخة احتياطية مكان قاعدة البيانات. يُنقل الملف الحالي جانبًا ولا يُحذف، "
                    "ويُحمل منه ما أرسله منذ النسخة كي لا يصل القارئ شيء مرتين، وما اختاره القراء "
                    "بعدها (متابعات وإلغاؤها وإعدادات). / Put a backup in place of the database. "
                    "The current file is moved aside, not deleted; what it delivered since the "
                    "backup is carried over, so no reader gets it twice (when it cannot be read, "
                    "deliveries already due are marked skipped), and so is what readers chose "
                    "since (subscriptions, unsubscriptions, settings).")
    r.add_argument("file", type=Path, metavar="FILE", help="النسخة / the backup file")
    r.add_argument("--resend", action="store_true",
                   help="أرسل ثانيةً ما ربما أُرسل قبل (لا يُحمل سجل الملف السابق) / send again "
                        "what may have been sent before (the previous file's record is not "
                        "carried)")
    r.add_argument("--force", action="store_true",
                   help="استرجع ولو كانت النسخة من قاعدة بيانات في مسار آخر (قاعدة نُقلت) / "
                        "restore even a copy of a database at another path (one moved here)")
    r.add_argument("--backup-readers", action="store_true",
                   help="أبقِ المحادثات والمتابعات كما في النسخة (لا يُحمل ما اختاره القراء بعدها) "
                        "/ keep the chats and subscriptions as the backup holds them (what "
                        "readers chose since is not carried)")
    r.set_defaults(func=cmd_restore)
    v = sub.add_parser(
        "recover", parents=[common],
        help="أنقذ ما في قاعدة بيانات تالفة إلى ملف جديد / rescue what a damaged database "
             "holds into a new file",
        description="اقرأ ما يمكن قراءته من قاعدة البيانات التالفة (DATABASE_PATH أو --db) "
                    "واكتبه في ملف جديد، ثم أعد بناء فهرس البحث. / Read what can be read of the "
                    "damaged database (DATABASE_PATH or --db) into a new file, and rebuild the "
                    "search index.")
    v.add_argument("file", type=Path, metavar="FILE", help="الملف الجديد / the new file")
    v.set_defaults(func=cmd_recover)


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    if args.file == "list":  # as typed: «./list» writes a file of that name
        return cmd_backup_list(settings)
    summary = backup(settings.database_path, Path(args.file))
    print(f"✅ حُفظت النسخة / backup written: {summary.line()}")
    return 0


# who took a copy (digests.backups.RUNNING_KEY), as the list says it
_MADE_BY = {
    "0": ("والبوت متوقف", "bot stopped"),
    "1": ("والبوت يعمل", "bot running"),
    UPGRADE_COPY: ("قبل ترقية (أخذها البوت عند تشغيله)", "before an upgrade (by the bot at its "
                   "start)"),
    UPGRADE_BY_COMMAND: ("قبل ترقية (أخذها أمر run.py فتحها)", "before an upgrade (by a run.py "
                         "command that opened it)"),
    MOVED_ASIDE: ("ملف نقله restore جانبًا", "a file restore moved aside"),
    "": ("لا تذكر من أخذها", "not stamped"),
}
# an older copy before an upgrade (no source stamp): the bot's and a command's were stamped
# alike then (QA74-11: one a CLI run took was listed «by the bot at its start»)
_UPGRADE_EITHER = ("قبل ترقية (أخذها البوت أو أمر run.py فتحها، لا تذكر أيهما)",
                   "before an upgrade (by the bot or a run.py command that opened it: not "
                   "recorded which)")


def cmd_backup_list(settings: Settings) -> int:
    """`backup list`: this database's copies digests.backup_list finds, newest first, one a
    line; one stamped from another path (a database moved here) names it."""
    database = Path(settings.database_path)
    rows = listed_backups(database)
    if not rows:
        print(f"لا نسخ في backups/ ولا بجانب {database} / no copies in backups/ nor beside "
              f"{database}: run.py{db_option(settings)} backup backups/{database.stem}-DATE.db")
        return 0
    print(f"نسخ قاعدة البيانات، الأحدث أولًا / the database's copies, newest first: {len(rows)}")
    itself = str(database.resolve())
    for row in rows:
        ar_by, en_by = (_UPGRADE_EITHER if row.made_by == UPGRADE_COPY and not row.source
                        else _MADE_BY.get(row.made_by, _MADE_BY[""]))
        when = row.taken_at or f"{row.file_time} (file / الملف)"
        schema = row.schema.split("_", 1)[0] or "?"
        en_size = size_text(row.size)[1]
        state = f" ⚠️ {row.error}" if row.error else ""
        whose = (f"  نسخة من / a copy of {row.source}" if row.source and row.source != itself
                 else "")
        print(f"• {row.path}  {when}  {en_size}  schema {schema}  {ar_by} / {en_by}{whose}"
              f"{state}")
    return 0


def copy_line(source: str, target: Path, fresh: bool) -> str:
    """Whose copy a restore put in place when it was another path's (X136: «a copy of …» alone
    did not say why no --force was asked): onto a path with no database it is a move to another
    machine (README «Moving to another machine»), else the operator's --force put it over this
    database (X128)."""
    if fresh:
        return (f"نسخة من {source} (مسار قاعدة بيانات أخرى): لم تكن في {target} قاعدة بيانات، "
                f"فاستُرجعت دون --force كما في النقل إلى جهاز آخر / a copy of {source} (another "
                f"database's path): no database was at {target}, so it was restored without "
                f"--force, as in a move to another machine")
    return (f"نسخة من {source} (مسار قاعدة بيانات أخرى)، وُضعت مكان قاعدة البيانات في {target} "
            f"بطلبك (--force) / a copy of {source} (another database's path), put in place of "
            f"the database at {target} as asked (--force)")


def cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    report = restore(args.file, settings.database_path, resend=args.resend,
                     backup_readers=args.backup_readers, force=args.force)
    aside = ", ".join(str(p) for p in report.moved_aside) or "—"
    if report.taken_at:
        print(f"✅ استُرجعت النسخة المأخوذة في {report.taken_at} / restored the backup taken "
              f"at {report.taken_at}: {report.summary.line()}")
    else:  # not written by `backup`: its file date may be a later copy's (QA24 R10)
        print(f"✅ استُرجعت النسخة (وقت أخذها غير معروف، تاريخ الملف {report.file_time}) / "
              f"restored the backup (when it was taken is unknown; the file is dated "
              f"{report.file_time}): {report.summary.line()}")
    # no database was there (a new server after a disk loss; an empty file, moved aside: X136)
    fresh = report.fresh or not report.moved_aside
    if report.source and Path(report.source) != Path(settings.database_path).resolve():
        print(copy_line(report.source, settings.database_path, fresh))
    if fresh:  # QA58-2: no «could not be read» nor ⚠️ about a file that never existed
        print(f"لم تكن في {settings.database_path} قاعدة بيانات سابقة، فاستُرجعت النسخة كما هي"
              f" / no database was at {settings.database_path}: the backup is restored as is")
        if report.moved_aside:  # an empty file was there: moved, never deleted
            print(f"الملف الفارغ الذي كان هناك نُقل إلى / the empty file there moved to: {aside}")
    else:
        print(f"الملف السابق نُقل إلى / the previous file moved to: {aside}")
    if args.resend:
        print("ستُرسل التسليمات المستحقة ولو أُرسلت قبل / due deliveries will be sent, even "
              "those sent before")
    elif fresh and report.bot_running == "0":  # a stopped bot moved: nothing sent since
        print(f"أُخذت النسخة والبوت متوقف، فلم يُرسل شيء بعدها: التسليمات المستحقة فيها باقية "
              f"وتُرسل عند تشغيل البوت: {report.kept} / the backup was taken with the bot "
              f"stopped, so nothing was sent after it: its due deliveries are kept and sent "
              f"when the bot starts: {report.kept}")
    elif fresh:  # a bot ran when the backup was taken (or the backup does not say): QA66-1
        ar_why, en_why = (("كان البوت يعمل وقت النسخة", "the bot was running when it was taken")
                          if report.bot_running == "1" else
                          ("أخذها البوت نفسه قبل ترقية ثم عمل بعدها", "the bot took it itself "
                           "before an upgrade and ran on after it")
                          if report.bot_running == UPGRADE_COPY else
                          ("أخذها أمر run.py قبل ترقية، وربما عمل البوت بعدها", "a run.py "
                           "command took it before an upgrade, and the bot may have run after "
                           "it")
                          if report.bot_running == UPGRADE_BY_COMMAND else
                          ("لا تذكر النسخة أكان البوت متوقفًا", "the backup does not say whether "
                           "the bot was stopped"))
        print(f"التسليمات المستحقة في النسخة عُلّمت متروكة (أغلب الظن أنها أُرسلت بعد النسخة: "
              f"{ar_why}): {report.skipped}؛ لإرسالها مع ذلك أعد الاسترجاع بـ --resend / due "
              f"deliveries in the backup marked skipped (most likely sent after the backup: "
              f"{en_why}): {report.skipped}; to send them anyway, restore again with --resend")
    elif report.carried.error:  # the replaced file unreadable: the old rule, said as such
        print(f"تعذّرت قراءة ما أرسله الملف السابق ({report.carried.error[:120]})، فعُلّمت "
              f"التسليمات المستحقة متروكة (أغلب الظن أنها أُرسلت بعد النسخة): {report.skipped}"
              f" / what the previous file sent could not be read "
              f"({report.carried.error[:120]}): due deliveries marked skipped (most likely "
              f"sent after the backup): {report.skipped}")
    else:
        c = report.carried
        # the Arabic noun takes the number's form (QA30 O6, QA37: «5 رابطًا» → «٥ روابط»)
        recorded = ("لم يُسجَّل أي تسليم" if c.rows == 0 else
                    f"سُجّل {ar_counted(c.rows, DELIVERIES)} لقصص فيها "
                    f"{ar_counted(c.addresses, LINKS)}")
        print(f"ما أرسله الملف السابق منذ النسخة لن يُرسل ثانيةً ({recorded})، وتسليمات مستحقة "
              f"عُلّمت مُرسلة: {report.marked_sent}، "
              f"ومتروكة: {report.skipped} / what the previous file delivered since the backup "
              f"will not be sent again ({_en(c.rows, 'delivery', 'deliveries')} of stories "
              f"with {_en(c.addresses, 'link', 'links')} recorded); due deliveries marked sent:"
              f" {report.marked_sent}, skipped: {report.skipped}")
    if not fresh or report.readers.error == "--backup-readers":
        print(readers_line(report.readers))
    return 0


def db_option(settings: Settings) -> str:
    """« --db PATH» for a command an output line tells the operator to run next, when this
    run's database came from --db or the environment (as given: relative to this folder);
    "" when the same command run here finds it again (the .env read, the default). Without
    it, `backup list`'s hint backed up the default database under this one's name (QA76-4)."""
    if settings.origin("database_path") not in ("--db", ENVIRONMENT):
        return ""
    return f" --db {shlex.quote(str(settings.database_path))}"


def _en(n: int, one: str, many: str) -> str:
    """«1 delivery», «2 deliveries» (QA58-2: «1 deliveries of stories with 1 links»)."""
    return counted(n, "en", one, many)


def readers_line(readers: Readers) -> str:
    """What the restore carried of the readers' choices since the backup, or why not."""
    if readers.error == "--backup-readers":
        return ("المحادثات والمتابعات كما في النسخة (--backup-readers) / chats and subscriptions "
                "as the backup holds them (--backup-readers)")
    if readers.error:
        return (f"⚠️ لم يُحمل ما اختاره القراء بعد النسخة ({readers.error[:120]})، فمتابعاتهم "
                f"كما في النسخة / what readers chose since the backup was not carried "
                f"({readers.error[:120]}): their subscriptions are the backup's")
    r = readers
    return (f"ما اختاره القراء بعد النسخة حُمل: متابعات جديدة {r.subscribed}، ومُلغاة "
            f"{r.unsubscribed}، ومحادثات جديدة {r.added}، وتغيّرت إعداداتها {r.changed}، "
            f"وزالت {r.dropped} / what readers chose since the backup was carried: "
            f"subscriptions added {r.subscribed}, removed {r.unsubscribed}; chats new "
            f"{r.added}, settings changed {r.changed}, gone {r.dropped}")


def cmd_recover(args: argparse.Namespace, settings: Settings) -> int:
    report = recover(settings.database_path, args.file)
    # a lost table must not hide behind a ✅ (QA24 R7: subscriptions=0, every follower lost)
    # nor a rescue with no readers in it (REV s25)
    mark = "⚠️" if report.damaged or report.lost or report.readers_empty else "✅"
    print(f"{mark} أُنقذ ما أمكن / rescued: {report.summary.line()} "
          f"search_index={report.indexed} check={report.check}")
    if report.damaged:
        print(f"⚠️ جداول فيها أجزاء تالفة ضاعت صفوفها، فقارن الأعداد بنسخة احتياطية إن وُجدت / "
              f"tables with damaged parts (their rows there are lost; compare the counts with "
              f"a backup if you have one): {', '.join(report.damaged)}")
    if report.lost:  # their schema rows were on a lost page (a file cut short: QA66-10)
        print(f"⚠️ جداول ضاع تعريفها وصفوفها، فأُنشئت فارغة كما يعرّفها هذا الإصدار / tables whose "
              f"definition and rows were lost, made empty as this version defines them: "
              f"{', '.join(report.lost)}")
    if report.readers_empty:  # a lost `chats` table is made empty: every reader gone (REV s25)
        tables, db = ", ".join(report.readers_empty), db_option(settings)
        ar, en = (("بلا قرّاء", "with no readers") if "chats" in report.readers_empty
                  else ("وقرّاؤه لا يتابعون شيئًا", "with its readers following nothing"))
        print(f"⚠️ لم يُنقذ أي صف من {tables}: إن كانت في الملف التالف صفوف فقد ضاعت، ويبدأ البوت "
              f"على هذا الملف {ar}. إن كانت لديك نسخة احتياطية فاسترجعها بدلًا منه: python "
              f"run.py{db} backup list ثم python run.py{db} restore BACKUP.db / no row of "
              f"{tables} was rescued: if the damaged file had any they are lost, and the bot "
              f"would start on this file {en}. If you have a backup, prefer it: python "
              f"run.py{db} backup list, then python run.py{db} restore BACKUP.db")
    # absolute: a .env's relative path is relative to the .env, not to this shell (QA60-8)
    fixed = args.file.absolute()
    print(f"ثم اجعل DATABASE_PATH يشير إلى {fixed} / then point DATABASE_PATH at {fixed}")
    return 0
