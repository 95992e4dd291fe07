"""The transactional delivery outbox: which chat gets which story, and the names callers use.

Rows are unique per (chat, story, kind), and a chat never gets a second row for a story it
already has under any kind, so a second report of a story, or a push of a story the chat already
received, never causes a second delivery — except a report that comes UPDATE_AFTER (18 h) or
more after the story was sent to the chat: the next day's news of it, queued once as an update.

Kinds: 'instant' (instant-mode chats), 'update:<YYYY-MM-DD>' (a story's update to an instant
chat), 'daily:<YYYY-MM-DD>' (daily-mode chats; `not_before` is the chat's local hour that day,
computed from its IANA zone at that moment), 'push:<id>' (an admin's /push). Quiet hours push
`not_before` to the end of the quiet period. An article whose page is gone for good (HTTP
404/410, digests.retries.GONE) is never queued nor pushed. The sender (bot.sender) works the rows.

Every SQL statement on the outbox lives in one of these modules, each with one job:

- digests.new_deliveries  queueing a newly stored article's deliveries (a processing step)
- digests.story_updates   a story's next-day updates, and those skipped as repeats
- digests.push_queue      an admin's /push and its progress
- digests.delivery_times  when a chat may be messaged: zone, quiet hours, daily hour, retiming
- digests.outbox_upkeep   merges, gone pages, pruning, the queue's figures for /stats
- digests.bundle_facts    what the sender asks of a chat's due stories before bundling them
- digests.outbox_states   the sender's state changes: claim, finish, retry, deactivate, move

This module only names them together: the bot's modules call `outbox.<name>` and the tests
replace `outbox.claim` / `outbox.due_rows` there, so the sender and courier look them up here
at call time. New code imports from the module that does the job.
"""

from __future__ import annotations

from digests.bundle_facts import follows_general, story_weights
from digests.delivery_times import after_quiet, next_daily, quiet_until, retime_chat
from digests.new_deliveries import GENERAL_MIN_SOURCES, enqueue_article, insert_rows, story_key
from digests.outbox_states import (
    TERMINAL,
    DueRow,
    claim,
    deactivate_chat,
    due_rows,
    finish,
    last_instant,
    move_chat,
    postpone,
    recover_in_flight,
    retry_later,
    rows_of_chat,
)
from digests.outbox_upkeep import (
    GONE_REASON,
    KEEP_DONE,
    MERGED_REASON,
    PRUNE_BATCH,
    QueueStats,
    drop_gone_deliveries,
    merge_deliveries,
    prune,
    queue_stats,
)
from digests.push_queue import (
    PUSH_POOL,
    RECENT_HOURS,
    PushPlan,
    PushProgress,
    enqueue_push,
    push_progress,
)
from digests.story_updates import (
    REPEAT_REASON,
    UPDATE_AFTER,
    queue_updates,
    repeats_skipped,
    update_articles,
)

_insert_rows = insert_rows  # its name before the split: tests/test_story_merge.py calls it so

__all__ = [
    "GENERAL_MIN_SOURCES", "GONE_REASON", "KEEP_DONE", "MERGED_REASON", "PRUNE_BATCH",
    "PUSH_POOL", "RECENT_HOURS", "REPEAT_REASON", "TERMINAL", "UPDATE_AFTER", "DueRow",
    "PushPlan", "PushProgress", "QueueStats", "after_quiet", "claim", "deactivate_chat",
    "drop_gone_deliveries", "due_rows", "enqueue_article", "enqueue_push", "finish",
    "follows_general", "insert_rows", "last_instant", "merge_deliveries", "move_chat",
    "next_daily", "postpone", "prune", "push_progress", "queue_stats", "queue_updates",
    "quiet_until", "recover_in_flight", "repeats_skipped", "retime_chat", "retry_later",
    "rows_of_chat", "story_key", "story_weights", "update_articles",
]
