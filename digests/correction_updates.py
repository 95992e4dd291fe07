"""A corrected article's «🔄 تحديث» to the chats already sent it (X56 item 6; QA32 R5's left).

A site corrects a toll in the article itself (same link and GUID: «مقتل 40» → «مقتل 49»);
digests.article_updates stores the new text in place. A chat that was sent the article had the
wrong figure, and no new report will tell it. `queue_corrections`, in the re-read's transaction,
queues the article again for those chats as an update, under the sender's never-twice rules:

- only a change that gives a result or a figure (digests.story_outcomes.new_outcome) none of
  the headlines the chat was sent of the story gave, the article's old headline included: a
  reworded title, a typo fixed or a view count is no news; a toll, or a count of people or a
  sum changed (digests.story_figures: «3000 شخص» → «5000 شخص», QA71-3), not a count of things;
- only chats that were sent the article (status 'sent'), are active, have nothing of the story
  waiting (a waiting row is rendered from the corrected text anyway: when it is this article's
  own «🔄» row, the mark it was queued with moves to the corrected headline, as that is what the
  chat will read; X89) and did not mute its source;
- one update per change and never the same text twice: the row's kind carries the corrected
  headline's fingerprint (`update:fix:<hash>`; unique per chat, story and kind), so a
  correction read again, or a headline a site flips back to, is queued once, on any day; a
  daily chat's row is its digest's (`daily:<date>`), so the mark is kept for it as a notice
  (digests.chat_notices `fix:<story>:<mark>`, X87: each flip back went into the next digest);
- an update saying what the chat had under another story is recorded skipped
  (digests.repeats, as digests.story_updates does); quiet hours hold it, a daily chat gets it
  in its next digest.

A correction *down* to a figure the chat was sent before (40 → 49 → 52 → 49: the mark of «مقتل
49» went already) is told when the corrected report says in so many words that the toll was
revised («… 65 وليس 66», «خفضت السلطات الحصيلة إلى …», digests.toll_revisions; QA48 R10) —
the toll that went down, the dead or the hurt, not the other (X80): the headline's toll is
lower than the one the chat read last (the article's headline before this correction: with nothing of the story waiting, the chat read that figure or one it had), kind
`update:down:<mark>`, once per story per chat (digests.chat_notices `down:<story>`, kept for the
story's merge family), and not when the corrected headline is the last the chat was told of
the article (40 → 52 → 49 → 52 → 49: the 52 flip went silent, the chat still has 49; QA55-1).
The same flips without such words (40 → 49 → 52 → 49 → 52) stay silent.

The sender shows it as a story update worded as a revision («🔄 تعديل» / "🔄 Revised": the chat
was sent this very report before, digests.story_updates.revised_articles; X84), not «🔄 تحديث»:
«مقتل 9» after «مقتل 12» is no new news. Pure SQL, no Telegram.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

import sqlite_utils

from digests import chat_notices, daily_holders, daily_rows
from digests.arabic import normalize
from digests.models import Article
from digests.story_merges import merged_ids
from digests.story_updates import (
    IN_STORY,
    UpdateRow,
    insert_updates,
    sent_headlines,
    update_row,
)

log = logging.getLogger("digests.outbox")  # the outbox's log, wherever its SQL lives

# an instant chat's correction row: 'update:' (held by quiet hours, retimed, as a story's update)
# and the corrected headline's mark, never its date — a headline is sent once, whatever the day
FIX_KIND = "update:fix:{mark}"
# a downward revision stated by the report (QA48 R10): its own kind, as the corrected headline's
# mark may have gone already; told once per story (digests.chat_notices DOWN)
DOWN_KIND = "update:down:{mark}"
DOWN = "down:{story}"
# a daily chat's correction: its row is the digest's (`daily:<date>`), so the headline's mark is
# kept as a notice (digests.chat_notices) — the flips back (40 → 49 → 52 → 49 → 52) reached a
# daily chat once a day (review REV, X87)
FIX_TOLD = "fix:{story}:{mark}"
# The chats a corrected article goes to (article id, source id): active, sent it, not muting its
# source — read through outbox(article_id) (migration 043; benchmarks/correction_outbox.py)
SENT_CHATS = """select c.id, c.mode, c.daily_hour, c.time_zone, c.utc_offset_minutes,
                       c.quiet_start, c.quiet_end
                from chats c
                where c.active = 1
                  and c.id in (select chat_id from outbox where article_id = ? and status = 'sent')
                  and c.id not in (select chat_id from chat_muted_sources where source_id = ?)"""


def _digest_readers(db: sqlite_utils.Database, article: Article, story: int, known: set[int]
                    ) -> dict[int, dict[str, Any]]:
    """`SENT_CHATS` for the daily digests that carried the article as an item
    (digests.daily_rows, X122): active chats, not muting its source."""
    ids = sorted({int(c) for _r, c, status, _at, _s, art, reason
                  in daily_holders.holders(db, daily_rows.family(db, [story]))
                  if status == "sent" and reason is None and art is not None
                  and int(art) == article.id} - known)
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r["id"]: r for r in db.query(
        f"""select c.id, c.mode, c.daily_hour, c.time_zone, c.utc_offset_minutes,
                   c.quiet_start, c.quiet_end from chats c
            where c.active = 1 and c.id in ({marks}) and c.id not in
                  (select chat_id from chat_muted_sources where source_id = ?)""",
        [*ids, article.source_id])}


def fingerprint(headline: str) -> str:
    """A short mark of a headline as read (normalized): the same headline, the same mark."""
    return hashlib.sha1(" ".join(normalize(headline).split()).encode()).hexdigest()[:10]


def last_told(db: sqlite_utils.Database, chat_id: int, article_id: int) -> str | None:
    """The headline mark of the last correction of the article the chat was sent, when the
    last row of it the chat was sent is a correction (`update:fix:` or `update:down:`)."""
    row = db.execute("select kind from outbox_stories where chat_id = ? and article_id = ?"
                     " and status = 'sent' order by sent_at desc, id desc limit 1",
                     [chat_id, article_id]).fetchone()
    kind = str(row[0]) if row else ""
    return kind.rsplit(":", 1)[1] if kind.startswith(("update:fix:", "update:down:")) else None


def _retell(db: sqlite_utils.Database, chat_id: int, mode: str, story: int, article_id: int,
            old_mark: str, mark: str, new_marks: Callable[[], list[str]], now: datetime) -> None:
    """A correction of the article while the chat's row of it still waits: the row will show
    the corrected headline, not the one it was queued with, so the figure told is the new one
    (X89: 40 sent → 49 queued → 52 before it went, the chat read 52; a flip back to 49 was
    silent and one to 52 told again). A daily chat's notice moves from the old mark to the new
    (only the one recorded with the row); an instant row held by quiet hours takes the new
    mark in its kind (kept when the chat has a row of that kind already)."""
    row = db.execute("select id, kind, created_at from outbox_stories where chat_id = ?"
                     " and article_id = ? and status = 'pending' order by id desc limit 1",
                     [chat_id, article_id]).fetchone()
    if row is None:
        return  # nothing of this article waits (another report of the story does), or it is
        # being sent with the text it was rendered from
    row_id, kind, queued = int(row[0]), str(row[1]), str(row[2])
    if mode == "daily":
        olds = [m.rsplit(":", 1)[0] + f":{old_mark}" for m in new_marks()]
        for what in olds:
            db.execute("delete from chat_notices where chat_id = ? and what = ?"
                       " and told_at >= ?", [chat_id, what, queued])
        chat_notices.mark(db, chat_id, FIX_TOLD.format(story=story, mark=mark), now)
    elif kind.startswith(("update:fix:", "update:down:")):
        db.execute("update or ignore outbox set kind = ? where id = ?",
                   [kind.rsplit(":", 1)[0] + f":{mark}", row_id])


def queue_corrections(db: sqlite_utils.Database, article: Article, old_headline: str,
                      new_headline: str, now: datetime,
                      said: list[Callable[[], None]] | None = None) -> int:
    """Queue `article`, just corrected from `old_headline` to `new_headline`, as an update for
    the chats that were sent it and for which it gives a new result or figure (module doc).
    Returns how many rows were queued; log lines go to `said` when given (after the commit)."""
    from digests.story_outcomes import may_give_outcome, new_outcome  # late: analysis modules
    from digests.toll_revisions import down_kinds, states_revision

    if not new_headline or new_headline == old_headline or not may_give_outcome(new_headline):
        return 0
    story = article.story_id if article.story_id is not None else -article.id
    # a toll revised down, said so by the report: told once per story to a chat that read the
    # higher figure (module doc); computed lazily, most corrections go up. Said of the toll
    # that went down: «the injuries rose to 95» revises no death toll (X80)
    kinds = down_kinds(old_headline, new_headline)
    down = bool(kinds) and states_revision(new_headline, article.text, kinds)
    family = [DOWN.format(story=s) for s in [story, *merged_ids(db, story)]] if down else []
    chats = {r["id"]: r for r in db.query(SENT_CHATS, [article.id, article.source_id])}
    chats.update(_digest_readers(db, article, story, set(chats)))
    mark = fingerprint(new_headline)
    fixes: list[str] = []  # the mark's notices under the story's merge family, read once

    def fix_told() -> list[str]:
        if not fixes:
            fixes.extend(FIX_TOLD.format(story=s, mark=mark)
                         for s in (story, *merged_ids(db, story)))
        return fixes

    rows: list[UpdateRow] = []
    for chat_id, chat in sorted(chats.items()):
        # the story's rows under any id of its merge family (the chat's sent rows keep the id
        # they were sent under; digests.story_merges moves only the articles)
        waiting = db.execute(
            f"select count(*) from outbox_stories o where o.chat_id = ? and {IN_STORY}"
            " and o.status in ('pending', 'sending')", [chat_id, story, story]).fetchone()[0]
        if waiting:
            # a row of this very article waiting renders the corrected text: its mark follows
            _retell(db, chat_id, chat["mode"], story, article.id, fingerprint(old_headline),
                    mark, fix_told, now)
            continue
        # what the chat read of the story: the article's old headline and the others it was sent
        sent = [old_headline, *sent_headlines(db, chat_id, story, besides=article.id)]
        fix = FIX_KIND
        # the corrected headline's mark gone already (40 → 49 → 52 → 49): silent but for a
        # stated revision down, as a figure the chat was not sent is news anyway
        if not new_outcome(sent, new_headline, corrected=True) or db.execute(
                f"select 1 from outbox_stories o where o.chat_id = ? and {IN_STORY}"
                " and o.kind = ?",
                [chat_id, story, story, FIX_KIND.format(mark=mark)]).fetchone() \
                or chat_notices.told(db, chat_id, fix_told()):
            # nor when the corrected headline is the last thing the chat was told of the
            # article (40 → 52 → 49 told → 52 silent → 49 again: QA55-1)
            if not down or chat_notices.told(db, chat_id, family) \
                    or last_told(db, chat_id, article.id) == mark:
                continue
            fix = DOWN_KIND
            chat_notices.mark(db, chat_id, DOWN.format(story=story), now)
        if chat["mode"] == "daily":  # its digest's kind holds no mark: told here
            chat_notices.mark(db, chat_id, FIX_TOLD.format(story=story, mark=mark), now)
        rows.append(update_row(chat_id, chat, story, article.id, fix.format(mark=mark), now))
    if not rows:
        return 0
    n, repeats = insert_updates(db, article, new_headline, story, rows, now)
    line = partial(log.info, "corrected article queued as an update article=%s story=%s rows=%d"
                   " repeats=%d", article.id, story, n, repeats)
    if said is None:
        line()
    else:
        said.append(line)
    return n
