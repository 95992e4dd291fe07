"""Command group 'articles': `run.py articles remove ID|URL [--yes] [--db PATH]`.

Removing an article is an operator's decision (a report withdrawn by its source, a legal
request, a wrong item): the article, its digest and search entry, its place in its story (the
story keeps its id), deliveries still waiting for it and other digests' links to it go, and a
tombstone keeps the feed from bringing it back (digests.removal). The command first says what
will be removed; it asks before removing when run in a terminal, and does nothing without
`--yes` otherwise (rc 1). Messages are Arabic first, then English, as the other commands'.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TextIO

from bot.lines import clean
from digests.errors import NashraError
from digests.removal import Removal, find_article, preview, remove_for_good
from digests.settings import Settings
from digests.storage import Database

from cli.dbpath import existing_database

YES = frozenset({"y", "yes", "نعم", "ن"})


def describe(found: Removal) -> str:
    """What will be removed, Arabic first, then English."""
    a = found.article
    when = a.published_at.strftime("%Y-%m-%d %H:%M UTC") if a.published_at else "—"
    head = [f"المقال {a.id} / article {a.id}: {clean(a.title) or a.url}",  # QA14 F14
            f"  {clean(a.source_name)} · {when}", f"  {a.url}"]
    story_ar, story_en = "", ""
    if found.story_id is not None:
        story_ar = f"، ومكانه في القصة {found.story_id} (يبقى فيها {found.story_left} تقرير)"
        story_en = (f", its place in story {found.story_id} ({found.story_left} other "
                    f"report{'' if found.story_left == 1 else 's'} stay)")
    return "\n".join(head + [
        f"سيُحذف نهائيًا: المقال وملخصه وفهرس البحث{story_ar}، و{found.pending} تسليم معلّق، "
        f"وروابطه في {found.links} ملخص آخر؛ ولن تعيده الخلاصة.",
        f"It will be removed for good: the article, its digest and search entry{story_en}, "
        f"{found.pending} pending deliver{'y' if found.pending == 1 else 'ies'} and its links "
        f"in {found.links} other digest{'' if found.links == 1 else 's'}; the feed will not "
        "bring it back."])


def _ask_terminal(prompt: str) -> str | None:
    """The operator's answer when stdin is a terminal; None when nobody can answer."""
    if not sys.stdin.isatty():
        return None
    try:
        return input(prompt)
    except EOFError:
        return None


def cmd_remove(args: argparse.Namespace, settings: Settings, out: TextIO | None = None,
               ask: Callable[[str], str | None] = _ask_terminal) -> int:
    """Remove one article for good, after saying what goes (and asking, without --yes)."""
    out = out or sys.stdout
    with Database(existing_database(args, settings)) as db:
        article = find_article(db, args.article)
        if article is None:
            raise NashraError(
                f"لا مقال بالرقم أو الرابط «{args.article}» في الأرشيف؛ ابحث عنه بالأمر "
                f"run.py search / no article with the id or link «{args.article}» in the "
                "archive; find it with run.py search")
        print(describe(preview(db, article)), file=out)
        if not args.yes:
            answer = ask("احذفه؟ / remove it? [y/N] ")
            if answer is None:
                print("لم يُحذف شيء: أعد الأمر مع --yes للتأكيد / nothing removed: run it again "
                      "with --yes to confirm", file=out)
                return 1
            if answer.strip().lower() not in YES:
                print("لم يُحذف شيء / nothing removed", file=out)
                return 0
        done = remove_for_good(db, article.id, datetime.now(UTC))
    if done is None:  # removed by someone else between the look-up and now
        print(f"المقال {article.id} حُذف من قبل / article {article.id} was already removed",
              file=out)
        return 0
    print(f"🗑 حُذف المقال {article.id} نهائيًا / removed article {article.id} for good: "
          f"{article.url}", file=out)
    return 0


__all__ = ["register", "cmd_remove", "describe"]
