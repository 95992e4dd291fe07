"""The command line's grammar: every command, its arguments and help, and what runs it.

A command's module (cli.ingest, cli.digest …) is imported only when that command runs, through
`Command` (QA73-19: `run.py --help` imported every command's libraries — the pipeline, the
page extractor, the emulator — and took about 1.9 s). So this module imports nothing heavy:
argparse, and what the argument types need. `backup`, `restore` and `recover` are still
registered by cli.backups itself.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from digests.models import iso
from digests.settings import Settings


@dataclass(frozen=True)
class Command:
    """A command's function, named by its module and name and imported when it runs."""

    module: str
    name: str

    def __call__(self, args: argparse.Namespace, settings: Settings) -> int:
        run: Callable[[argparse.Namespace, Settings], int] = getattr(
            importlib.import_module(self.module), self.name)
        return run(args, settings)


# the ones cli.main tells apart (it decides what to check before the command runs)
RUN_BOT = Command("cli.bot", "run_bot_command")
RUN_DEMO = Command("cli.bot", "run_demo_command")
DEFAULT = Command("cli.bot", "default_command")  # no COMMAND: the bot, or the demo
INGEST = Command("cli.ingest", "cmd_ingest")
SANDBOX = Command("cli.sandbox", "run_sandbox_command")


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
             common: argparse.ArgumentParser) -> None:
    """Add every command but the backups' to `sub`, in the order `--help` lists them."""
    for add in (_bot, _sandbox, _ingest, _search, _digest, _stories, _articles):
        add(sub, common)


def _bot(sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
             common: argparse.ArgumentParser) -> None:
    """Add this group's commands to the parser."""
    bot = sub.add_parser("bot", parents=[common],
                         help="شغّل بوت تيليجرام (يحتاج TELEGRAM_BOT_TOKEN) / run the Telegram "
                              "bot (needs TELEGRAM_BOT_TOKEN)",
                         description="شغّل البوت: يستقبل الرسائل بالاستعلام المتكرر (long "
                                     "polling)، أو عبر webhook إذا ضُبط WEBHOOK_URL، ويجلب "
                                     "المصادر كل POLL_INTERVAL_MINUTES دقيقة. / Run the bot: "
                                     "long polling, or a webhook when WEBHOOK_URL is set. Polls "
                                     "the sources every POLL_INTERVAL_MINUTES.")
    bot.set_defaults(func=RUN_BOT)
    own = argparse.ArgumentParser(add_help=False)  # not the common «default: DATABASE_PATH»
    own.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                     help="قاعدة بيانات SQLite للعرض (الافتراضي: قاعدة بيانات مؤقتة تُحذف عند "
                          "الخروج) / SQLite database for the demo (default: a temporary one, "
                          "removed at the end)")
    demo = sub.add_parser("demo", parents=[own],
                          help="عرض تجريبي دون شبكة: حادث البوت في الطرفية / offline demo: "
                               "chat with the bot in the terminal, no network",
                          description="يقدّم أخبارًا تجريبية مرفقة ومحاكيًا لتيليجرام على "
                                      "127.0.0.1 لتحادث البوت الحقيقي في الطرفية، بقاعدة بيانات "
                                      "مؤقتة ما لم تُعطَ --db. / Serve bundled sample news and "
                                      "a Telegram emulator on 127.0.0.1 and chat with the real "
                                      "bot in the terminal. Uses a temporary database unless "
                                      "--db is given.")
    demo.set_defaults(func=RUN_DEMO)


def _sandbox(sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
             common: argparse.ArgumentParser) -> None:
    """Add `sandbox` to the parser."""
    # its own --db: the common text («default: DATABASE_PATH …») is wrong here (QA60-3)
    own = argparse.ArgumentParser(add_help=False)
    own.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                     help="شغّل التجربة على نسخة من قاعدة البيانات هذه (لا يُمس الملف نفسه)؛ "
                          "الافتراضي: قاعدة بيانات جديدة في مجلد التجربة / run on a copy of this "
                          "database (the file itself is never changed); default: a new database "
                          "in the sandbox folder")
    p = sub.add_parser(
        "sandbox", parents=[own],
        help="جرّب البوت الحقيقي على محاكي تيليجرام وأخبار تجريبية، دون رمز ولا شبكة / try "
             "the real bot against a Telegram emulator and sample news, no token, no network",
        description="يشغّل محاكي تيليجرام وموقع أخبار تجريبيًا على 127.0.0.1، ثم run.py ingest "
                    "و run.py bot بملف .env خاص بهما، وتكتب أنت رسائل المستخدمين في الطرفية. / "
                    "Starts the Telegram emulator and a sample news site on 127.0.0.1, then "
                    "run.py ingest and run.py bot with a .env of their own; you type the users' "
                    "messages in the terminal (@ID text: another user; #-ID text: a group; a "
                    "number presses a button; /quit).")
    p.add_argument("--dir", type=Path, default=None,
                   help="مجلد يبقى بعد الخروج (.env وقاعدة البيانات وbot.log) / a folder kept "
                        "afterwards (.env, database, bot.log); default: a temporary one")
    p.add_argument("--port", type=int, default=0,
                   help="منفذ المحاكي (الافتراضي: أي منفذ حر) / the emulator's port (default: "
                        "any free port)")
    p.set_defaults(func=SANDBOX)


def _ingest(sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
             common: argparse.ArgumentParser) -> None:
    """Add this group's commands to the parser."""
    sources = sub.add_parser("sources", parents=[common],
                             help="إدارة المصادر / manage news feeds",
                             description="أضف مصادر الأخبار (خلاصات RSS وAtom وJSON Feed) "
                                         "واعرضها وأوقفها. / Add, list and pause news feeds "
                                         "(RSS, Atom, JSON Feed).")
    ssub = sources.add_subparsers(dest="sources_command", metavar="ACTION", required=True)
    add = ssub.add_parser("add", parents=[common], help="أضف خلاصة / add a feed URL",
                          description="أضف خلاصة بعد التحقق منها بجلبة واحدة، كما يفعل /addsource "
                                      "في البوت. / Add a feed after checking it with one fetch, "
                                      "as the bot's /addsource does.")
    add.add_argument("url", help="رابط الخلاصة (RSS أو Atom أو JSON Feed) أو صفحة تعلن عنها / "
                                 "feed URL (RSS, Atom or JSON Feed) or a page that declares one")
    add.add_argument("--name", help="اسم للعرض (الافتراضي: عنوان الخلاصة نفسها) / display name "
                                    "(default: the feed's own title)")
    add.add_argument("--no-check", action="store_true",
                     help="أضف الرابط دون جلبه أولًا (بيئة بلا شبكة)؛ افتراضيًا يُجلب مرة ولا "
                          "يُضاف إلا إن كان خلاصة أو صفحة تعلن عن خلاصة / add the link without "
                          "fetching it first (offline setups); by default it is fetched once and "
                          "added only if it is a feed or a page that declares one, as the bot's "
                          "/addsource does")
    add.add_argument("--verbose", action="store_true",
                     help="عند الرفض، اطبع التفاصيل التقنية أيضًا / on a refusal, also print "
                          "the technical detail")
    add.set_defaults(func=Command("cli.ingest", "cmd_sources_add"))
    lst = ssub.add_parser("list", parents=[common], help="المصادر وحالتها / feeds with health",
                          description="المصادر بأرقامها وحالتها: آخر نجاح، الإخفاقات، الجلب "
                                      "التالي؛ والموقوفة أخيرًا. / Feeds with their numbers and "
                                      "health: last success, failures, next poll; paused ones "
                                      "last.")
    lst.set_defaults(func=Command("cli.ingest", "cmd_sources_list"))
    rm = ssub.add_parser("remove", parents=[common],
                         help="أوقف جلب مصدر (تبقى أخباره) / pause a feed (its articles stay)",
                         description="أوقف جلب مصدر؛ تبقى أخباره في الأرشيف، ويعيده `sources "
                                     "add` بالرابط نفسه. / Pause a feed: its articles stay "
                                     "searchable; `sources add` with the same link resumes it.")
    rm.add_argument("id", type=int, help="رقم المصدر (انظر `sources list`) / source number "
                                         "(see `sources list`)")
    rm.set_defaults(func=Command("cli.ingest", "cmd_sources_remove"))
    # QA58-13: the bot had /renamesource and the shell nothing: a name was fixed from Telegram
    rn = ssub.add_parser("rename", parents=[common],
                         help="غيّر اسم مصدر / rename a feed",
                         description="غيّر الاسم الذي يظهر تحت أخبار المصدر، كما يفعل /renamesource"
                                     " في البوت. / Change the name shown under a feed's stories, "
                                     "as the bot's /renamesource does.")
    rn.add_argument("id", type=int, help="رقم المصدر (انظر `sources list`) / source number "
                                         "(see `sources list`)")
    rn.add_argument("name", nargs="+", help="الاسم الجديد / the new name")
    rn.set_defaults(func=Command("cli.ingest", "cmd_sources_rename"))

    ingest = sub.add_parser("ingest", parents=[common],
                            help="اجلب الأخبار / poll the feeds (on a schedule, or --once)",
                            description="اجلب الأخبار من المصادر: على جدول كل "
                                        "POLL_INTERVAL_MINUTES دقيقة، أو مرة واحدة مع --once. / "
                                        "Poll the feeds: on a schedule every "
                                        "POLL_INTERVAL_MINUTES, or once with --once.")
    ingest.add_argument("--once", action="store_true",
                        help="اجلب كل مصدر حان موعده مرة واحدة ثم اخرج / poll every due source "
                             "once and exit")
    ingest.add_argument("--all", action="store_true",
                        help="مع --once: اجلب كل المصادر، حان موعدها أم لا / with --once: poll "
                             "every source, due or not")
    ingest.set_defaults(func=INGEST)


def _search(sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
             common: argparse.ArgumentParser) -> None:
    """Add the `search` command to the parser."""
    p = sub.add_parser("search", parents=[common],
                       help="ابحث في الأرشيف عن موضوع / search the archive for a topic",
                       description="ابحث في الأرشيف: «الغوطة»، «ترامب»، «مجلس الأمن»… / Search "
                                   "the archive: «الغوطة», «ترامب», «مجلس الأمن»…")
    p.add_argument("query", nargs="+", help="الموضوع، بالعربية أو الإنجليزية / the topic, in "
                                            "Arabic or English")
    p.add_argument("--limit", type=_count(1, MAX_LIMIT), default=10,
                   help=f"عدد المقالات، 1–{MAX_LIMIT} (الافتراضي 10) / how many articles, "
                        f"1–{MAX_LIMIT} (default 10)")
    p.add_argument("--offset", type=_count(0, MAX_OFFSET), default=0,
                   help="تخطَّ هذا العدد (للتصفح صفحةً بعد صفحة) / skip this many (paging)")
    p.add_argument("--json", action="store_true",
                   help="اطبع مصفوفة JSON للبرامج / print a JSON array for scripts")
    p.add_argument("--every-report", action="store_true",
                   help="مع --json: كل تقارير القصة لا أفضلها فقط / with --json: every report"
                        " of a story, not only its best")
    p.set_defaults(func=Command("cli.search", "run_search"))


def _digest(sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
             common: argparse.ArgumentParser) -> None:
    """Add this group's commands to the parser."""
    parser = sub.add_parser(
        "digest", parents=[common],
        help="ملخص مقال واحد / print one article's digest (stored, or fetched once)",
        description="اطبع ملخص مقال: العنوان والاقتباسات الرئيسية والروابط ذات الصلة. "
                    "/ Print an article's digest: headline, key quotes with speakers, related "
                    "links.")
    parser.add_argument("url", metavar="URL", help="رابط المقال / the article's URL")
    parser.add_argument("--json", action="store_true",
                        help="بصيغة JSON / as JSON: url, source, headline, published_at, "
                             "quotes, related, story_id")
    parser.set_defaults(func=Command("cli.digest", "digest_command"))


def _stories(sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
             common: argparse.ArgumentParser) -> None:
    """Add this group's commands to the parser."""
    group = sub.add_parser("stories", parents=[common],
                           help="القصص / stories: meaning vectors of stored articles",
                           description="القصص: متجهات المعنى للمقالات المخزنة (SEMANTIC_MODEL). "
                                       "/ Stories: meaning vectors of stored articles "
                                       "(SEMANTIC_MODEL).")
    ssub = group.add_subparsers(dest="stories_command", metavar="ACTION", required=True)
    backfill = ssub.add_parser(
        "backfill", parents=[common],
        help="احسب متجهات المعنى للمقالات المخزنة بدونها / embed stored articles that have no "
             "meaning vector (SEMANTIC_MODEL, the `semantic` extra)",
        description="احسب متجهات المعنى للمقالات المخزنة قبل تفعيل SEMANTIC_MODEL: افتراضيًا "
                    "نافذة القصص الأخيرة (48 ساعة قبل أحدث مقال)، أو من تاريخ --since، أو --all؛ "
                    "التقدم على stderr، ويمكن إيقافه وإعادته. / Embed the articles stored before SEMANTIC_MODEL was turned on: by default "
                    "the last story window (48 h before the newest article), --since a date, "
                    "or --all. Progress on stderr; safe to interrupt and run again.")
    when = backfill.add_mutually_exclusive_group()
    when.add_argument("--since", type=since_time, metavar="ISO",
                      help="المقالات المنشورة في هذا التاريخ أو الوقت أو بعده (دون فرق توقيت: "
                           "UTC) / articles published at or after this date or time "
                           "(2018-02-01, 2018-02-01T12:00+03:00; without an offset: UTC)")
    when.add_argument("--all", action="store_true",
                      help="كل مقال بلا متجه (ساعات لأرشيف كبير) / every article without a "
                           "vector (hours for a large archive)")
    backfill.set_defaults(func=Command("cli.stories", "cmd_backfill"))


def _articles(sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
             common: argparse.ArgumentParser) -> None:
    """Add this group's commands to the parser."""
    group = sub.add_parser("articles", parents=[common],
                           help="المقالات المخزنة / stored articles: remove one for good",
                           description="المقالات المخزنة: احذف مقالًا نهائيًا. / Stored "
                                       "articles: remove one for good.")
    asub = group.add_subparsers(dest="articles_command", metavar="ACTION", required=True)
    rm = asub.add_parser(
        "remove", parents=[common],
        help="احذف مقالًا نهائيًا (لا تعيده الخلاصة) / remove an article for good (the feed "
             "will not bring it back)",
        description="احذف مقالًا نهائيًا: المقال وملخصه وفهرس البحث ومكانه في قصته والتسليمات "
                    "المعلقة وروابطه في الملخصات الأخرى، ولا تعيده الخلاصة. / Remove an article "
                    "for good: the article, its digest and search entry, its place in its story "
                    "(the story keeps its id), deliveries still waiting for it and links to it "
                    "in other digests; a tombstone keeps the feed from bringing it back.")
    rm.add_argument("article", metavar="ID|URL",
                    help="رقم المقال أو رابطه (كما يطبعه `search`) / the article's number "
                         "or its link (as `search` prints it)")
    rm.add_argument("--yes", action="store_true",
                    help="احذف دون سؤال (لازم خارج الطرفية) / remove without asking (needed "
                         "when not run in a terminal)")
    rm.set_defaults(func=Command("cli.articles", "cmd_remove"))



MAX_LIMIT = 100_000
MAX_OFFSET = 2 ** 62  # SQLite's integers end at 2**63 - 1


def _count(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number in [low, high], refused in both languages otherwise.

    `--limit 0` is refused rather than answered with nothing: a script asking for no results
    has a bug, and an empty answer would hide it (it used to return one result)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"«{text}»: يلزم عدد صحيح من {low} إلى {high} / "
                f"must be a whole number from {low} to {high}")
        return value
    return parse


def since_time(text: str) -> str:
    """An argparse type: an ISO date or date-time, as the UTC ISO text articles are stored with
    (refused in both languages otherwise)."""
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"«{text}»: يلزم تاريخ بصيغة ISO مثل 2018-02-01 أو 2018-02-01T12:00+03:00 / "
            "must be an ISO date or time such as 2018-02-01 or 2018-02-01T12:00+03:00") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return iso(parsed.astimezone(UTC)) or ""
