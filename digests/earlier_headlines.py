"""The headlines an article had before its site corrected it in place (QA63-12).

A site corrects a report under the same link and GUID («مقتل 10 أشخاص …» → «مقتل 17 شخصا …»);
digests.article_updates stores the new text over the old. A chat that was sent the report gets
it again as «🔄 تعديل» (digests.correction_updates), and it should say what changed: the reader
should not have to remember the earlier figure. So each headline a correction replaces is kept
here (`record`, in the re-read's transaction), with when it was replaced (`SHOWN`: what a
sent row showed, for the questions about what a chat read), and `read_before`
finds, for a chat's queued row of the article, the headline the chat read: the one shown when
it was last sent the article (the first headline replaced after that send). That is what the
chat read whichever corrections it was not told in between (a reworded title is stored but not
sent; 40 → 52 told, a flip to 49 silent: the chat still read 52).

`change` says how to show it (pure): the changed figures alone («١٠ ← ١٧») when the headline
differs only in them (and in the counted noun after each: «10 أشخاص» / «17 شخصا»), else the
earlier headline («كان: …»).

Table `earlier_headlines` (migration 051): article id, the headline replaced, when. Plain SQL
on the caller's connection.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from digests.arabic import normalize
from digests.models import iso

# a token holding a figure: «10», «14.4%», «بـ10», «1,200»; its shape is the token with each
# number written «#», so «10%» → «12%» changes a figure and «10» → «10%» does not
_NUMBER = re.compile(r"\d+(?:[.,٫٬]\d+)*")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# at most this many changed figures are shown («١٠ ← ١٧»); more is a rewritten headline
MAX_FIGURES = 3


# SQL: the headline a sent outbox row `o` (joined to its article) showed, when its article was
# corrected in place after the send — the first headline replaced at or after it — else null
# (the article reads as it was sent). The lead shown then is not kept (the body is stored
# over). What a chat read of a story is asked with it (digests.repeats, digests.story_updates).
SHOWN = """(select h.headline from earlier_headlines h where h.article_id = o.article_id
            and h.replaced_at >= o.sent_at order by h.replaced_at, h.id limit 1)"""


def m051_earlier_headlines(db: sqlite_utils.Database) -> None:
    # QA63-12: a correction alert could not say what changed, the article being corrected in
    # place; the headline each correction replaces is kept, with when
    db.execute("""
        create table if not exists earlier_headlines (
            id integer primary key,
            article_id integer not null,
            headline text not null,
            replaced_at text not null
        )""")
    db.execute("create index if not exists earlier_headlines_article"
               " on earlier_headlines (article_id, replaced_at)")


def record(db: sqlite_utils.Database, article_id: int, before: str, after: str,
           now: datetime) -> bool:
    """Keep `before`, the headline readers were shown, replaced now by `after`; nothing when
    the headline did not change. Returns whether a row was written."""
    if not before or _same(before, after):
        return False
    db.execute("insert into earlier_headlines (article_id, headline, replaced_at)"
               " values (?, ?, ?)", [article_id, before, iso(now)])
    return True


def read_before(db: sqlite_utils.Database, row_ids: Iterable[int]) -> dict[int, str]:
    """For these outbox rows (a chat's bundle), the headline each row's chat read of its article
    when it was last sent it, by article id: the first headline replaced after that send. Rows
    whose chat was not sent the article, or read the headline it has now, are left out.

    Both times are stored to the second, and one in the send's second counts as after it: the
    send is stamped when Telegram answered, after its rendering (a broadcast's is made once, at
    its plan), and a correction that queues the chat's «🔄» is one that found the send recorded
    (REV s24 #3: with «>» such a correction showed no «كان»). A site correcting twice within a
    second of a send rendered after the first would show the first's earlier headline."""
    ids = list(row_ids)
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"""select o.article_id, coalesce(nullif(a.headline, ''), a.title),
                   (select h.headline from earlier_headlines h
                    where h.article_id = o.article_id
                      and h.replaced_at >= nullif(max(
                          coalesce((select max(p.sent_at) from outbox p
                                    where p.chat_id = o.chat_id and p.id != o.id
                                      and p.article_id = o.article_id
                                      and p.status = 'sent'), ''),
                          -- a daily digest's item (digests.daily_rows)
                          coalesce((select max(d.sent_at) from outbox d, json_each(d.items) j
                                    where d.chat_id = o.chat_id and d.story_id = 0
                                      and d.status = 'sent'
                                      and json_extract(j.value, '$[2]') is null
                                      and json_extract(j.value, '$[1]') = o.article_id), '')), '')
                    order by h.replaced_at, h.id limit 1)
            from outbox o join articles a on a.id = o.article_id
            where o.id in ({marks})""", ids).fetchall()
    return {int(article): str(before) for article, now_shown, before in rows
            if before and not _same(str(before), str(now_shown or ""))}


@dataclass(frozen=True)
class Change:
    """What a correction changed, as shown: `figures` (earlier, corrected) when only figures
    changed, else `before`, the earlier headline."""

    figures: tuple[tuple[str, str], ...] = ()
    before: str = ""


def change(before: str, after: str) -> Change | None:
    """How to show the change from `before` to `after` (module doc); None when they read the
    same. Figures are given with ASCII digits (the caller writes them in the reader's)."""
    if not before or _same(before, after):
        return None
    old, new = before.translate(_DIGITS).split(), after.translate(_DIGITS).split()
    figures: list[tuple[str, str]] = []
    if len(old) == len(new):
        for i, (a, b) in enumerate(zip(old, new)):
            if _same(a, b):
                continue
            if _NUMBER.search(a) and _shape(a) == _shape(b):
                figures.extend((x, y) for x, y in zip(_NUMBER.findall(a), _NUMBER.findall(b))
                               if x != y)
            elif not (i and _NUMBER.search(old[i - 1]) and _NUMBER.search(new[i - 1])
                      and _one_noun(a, b)):
                break  # a word changed, not only the counted noun's number after a figure
        else:
            if figures and len(figures) <= MAX_FIGURES:
                return Change(figures=tuple(figures))
    return Change(before=before)


# What a noun's singular, dual and plurals do not share («شخص/أشخاص/شخصا», «قتيل/قتلى»,
# «مليون/ملايين», «سنة/سنوات»): long vowels, hamza seats, the feminine ending
_WEAK = re.compile("[اأإآوؤيئىءة]")


def _skeleton(word: str) -> str:
    """A word's consonants (`_WEAK` and a final «ه», the folded «ة», dropped)."""
    return _WEAK.sub("", normalize(word)).removesuffix("ه")


def _one_noun(a: str, b: str) -> bool:
    """Whether `a` and `b`, after a figure, are one noun in two numbers («10 أشخاص» / «17
    شخصا», «3 دقائق» / «11 دقيقة»), not two nouns («ملايين» / «مليار», «جنود» / «مدنيا»: the
    figures alone would hide the change, QA63-12 review)."""
    x, y = sorted((_skeleton(a), _skeleton(b)), key=len)
    return bool(x) and y.startswith(x)


def _shape(token: str) -> str:
    """A token with its numbers written «#»."""
    return _NUMBER.sub("#", normalize(token))


def _same(a: str, b: str) -> bool:
    """Whether two headlines read the same (normalized, spaces collapsed)."""
    return " ".join(normalize(a).split()) == " ".join(normalize(b).split())
