"""Named, ordered schema migrations. Append new ones at the end; never edit an applied one.

Each migration is `(name, function(db))` and runs in its own transaction (see storage.Database).
A long one over every article may commit as it goes (`commit_chunk`) when its work is resumable:
a killed start keeps the chunks done and the next start goes on from there (QA22 U4).
Tables stay plain and browsable (Datasette opens the file as is): JSON columns hold small lists.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import sqlite_utils

Migration = tuple[str, Callable[[sqlite_utils.Database], None]]

log = logging.getLogger(__name__)

PROGRESS_SECONDS = 10.0  # a progress line at most this often during a long migration
# The operator's DEFAULT_LANGUAGE, which a migration cannot read from settings on its own: the
# command line sets it (cli.main) before any database is opened; None falls back to the .env.
UPGRADE_LANGUAGE: list[str] = []


def set_upgrade_language(language: str) -> None:
    """The DEFAULT_LANGUAGE of this run, for 030_pin_group_languages."""
    UPGRADE_LANGUAGE[:] = [language]


def commit_chunk(db: sqlite_utils.Database) -> None:
    """Commit the migration's work so far and go on in a new transaction (storage.Database
    commits or rolls back the last one). Only for work a rerun resumes where it stopped: the
    migration is recorded as applied only once it has run to its end."""
    db.conn.execute("COMMIT")
    db.conn.execute("BEGIN IMMEDIATE")


class Progress:
    """key=value progress of a long migration: done/total, %, rate and time left, every
    PROGRESS_SECONDS at most (QA22 U4: 10:39 of silence in 004 on 35k articles)."""

    def __init__(self, name: str, total: int, clock: Callable[[], float] = time.monotonic
                 ) -> None:
        self.name, self.total, self.clock = name, total, clock
        self.started = self.last = clock()
        self.done = 0

    def step(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        if now - self.last >= PROGRESS_SECONDS and self.total:
            self.last = now
            rate = self.done / max(now - self.started, 1e-6)
            left = (self.total - self.done) / rate if rate else 0.0
            log.info("migration progress name=%s done=%d total=%d percent=%.0f rate=%.1f/s "
                     "left_minutes=%.1f", self.name, self.done, self.total,
                     100 * self.done / self.total, rate, left / 60)


def m001_sources_articles(db: sqlite_utils.Database) -> None:
    db.execute("""
        create table sources (
            id integer primary key,
            url text not null unique,
            name text not null,
            added_at text not null,
            active integer not null default 1,
            etag text,
            last_modified text,
            last_polled_at text,
            last_status integer,
            last_success_at text,
            last_error text,
            last_error_at text,
            consecutive_failures integer not null default 0,
            next_poll_at text
        )""")
    db.execute("""
        create table articles (
            id integer primary key,
            source_id integer not null references sources(id),
            guid text,
            url text not null,
            url_key text not null unique,
            content_hash text not null,
            title text not null default '',
            published_at text,
            author text not null default '',
            body text not null default '',
            summary text not null default '',
            related_json text not null default '[]',
            page_status text not null default 'ok',
            page_error text,
            page_etag text,
            page_last_modified text,
            fetched_at text not null,
            updated_at text not null,
            story_id integer,
            headline text not null default '',
            quotes_json text not null default '[]',
            digest_related_json text not null default '[]',
            digested_at text
        )""")
    db.execute("create unique index articles_source_guid on articles(source_id, guid)"
               " where guid is not null")
    db.execute("create index articles_content_hash on articles(content_hash)")
    db.execute("create index articles_published on articles(published_at)")
    db.execute("create index articles_story on articles(story_id)")
    # Tombstones: keys ('guid:<source>:<guid>', 'url:<url_key>', 'hash:<h>') of removed articles,
    # so a feed that still lists them never brings them back.
    db.execute("""
        create table tombstones (
            key text primary key,
            article_url text,
            removed_at text not null
        )""")
    db.execute("""
        create table stories (
            id integer primary key,
            created_at text not null,
            first_published_at text,
            last_published_at text,
            headline text not null default '',
            article_count integer not null default 0
        )""")
    db.execute("""
        create table polls (
            id integer primary key,
            started_at text not null,
            finished_at text,
            sources integer not null default 0,
            new integer not null default 0,
            unchanged integer not null default 0,
            failed integer not null default 0
        )""")
    db.execute("create table meta (key text primary key, value text)")


def m002_chats_delivery(db: sqlite_utils.Database) -> None:
    db.execute("""
        create table chats (
            id integer primary key,            -- Telegram chat id
            type text not null default 'private',
            title text not null default '',
            language text,
            active integer not null default 1,
            mode text not null default 'instant',  -- 'instant' or 'daily'
            daily_hour integer not null default 8,   -- hour in utc_offset_minutes local time
            utc_offset_minutes integer not null default 180,
            quiet_start integer,
            quiet_end integer,
            created_at text not null,
            deactivated_at text,
            deactivated_reason text
        )""")
    db.execute("""
        create table subscriptions (
            id integer primary key,
            chat_id integer not null references chats(id) on update cascade on delete cascade,
            topic text not null default '',      -- '' is the general digest of top stories
            topic_key text not null default '',  -- analyzed form, for matching
            created_at text not null,
            unique (chat_id, topic_key)
        )""")
    # The transactional outbox: one row per (chat, story, kind), written in the same transaction
    # as the stories that cause it; the sender works it outside update handlers.
    db.execute("""
        create table outbox (
            id integer primary key,
            chat_id integer not null references chats(id) on update cascade on delete cascade,
            story_id integer not null,
            article_id integer,
            kind text not null,                  -- 'instant', 'daily:<date>', 'push:<n>'
            status text not null default 'pending',  -- pending, sending, sent, failed, skipped
            attempts integer not null default 0,
            not_before text,
            created_at text not null,
            sent_at text,
            last_error text,
            unique (chat_id, story_id, kind)
        )""")
    db.execute("create index outbox_status on outbox(status, not_before)")
    db.execute("""
        create table callbacks (
            id text primary key,                 -- opaque random id sent as callback_data
            chat_id integer not null,
            action text not null,
            payload text not null default '{}',
            created_at text not null
        )""")


def m003_search_index(db: sqlite_utils.Database) -> None:
    # FTS5 over analyzed keys, its vocabulary, the delete trigger; indexes existing rows.
    from digests.search_index import create_index

    create_index(db)


def m004_backfill_digests(db: sqlite_utils.Database, *, batch: int = 200) -> None:
    # Old articles get digests: condense every row whose digested_at is null (none on a new
    # file), oldest first (digests.digest.backfill_digests), committing each batch: a rerun
    # after a kill picks the rows still null (QA22 U4), with a progress line as it goes.
    from datetime import datetime, timezone

    from digests.digest import backfill_digests
    from digests.processing import StoreContext
    from digests.settings import Settings

    ctx = StoreContext(now=datetime.now(timezone.utc), settings=Settings(), backfill=True)
    total = db.execute("select count(*) from articles where digested_at is null").fetchone()[0]
    progress = Progress("004_backfill_digests", int(total))

    def committed(made: int) -> None:
        progress.step(made)
        commit_chunk(db)

    backfill_digests(db, ctx, batch=batch, after_batch=committed)


def m005_delivery_pushes(db: sqlite_utils.Database) -> None:
    # Admin pushes (their id is in outbox.kind 'push:<id>') and the index push progress reads.
    db.execute("""
        create table pushes (
            id integer primary key,
            topic text,
            created_at text not null,
            chats integer not null default 0,
            stories integer not null default 0
        )""")
    db.execute("create index outbox_kind on outbox(kind, status)")
    db.execute("create index outbox_chat on outbox(chat_id, story_id)")


def m006_story_index(db: sqlite_utils.Database) -> None:
    # Story candidate index (digests.stories), then stories for articles stored before it existed.
    from digests.stories import backfill_stories
    from digests.story_rows import create_story_index

    create_story_index(db)
    backfill_stories(db)


def m007_digest_story_links(db: sqlite_utils.Database) -> None:
    # Digests backfilled by 004 predate the stories of 006: add their "story" related links.
    from digests.digest import refresh_story_links

    refresh_story_links(db)


def m008_page_retries(db: sqlite_utils.Database) -> None:
    # Feed-only articles get their page fetched again on later polls (digests.retries).
    from datetime import datetime, timedelta, timezone

    db.execute("alter table articles add column page_attempts integer not null default 0")
    db.execute("alter table articles add column page_retry_at text")
    db.execute("create index articles_page_retry on articles(page_retry_at)"
               " where page_retry_at is not null")
    # Feed-only rows of the last two days get their retries too (due at the next poll); older
    # pages are likely gone for good. Not when page fetching was switched off.
    since = (datetime.now(timezone.utc) - timedelta(days=2)).isoformat(timespec="seconds")
    db.execute("update articles set page_retry_at = fetched_at where page_status = 'feed_only'"
               " and fetched_at >= ? and coalesce(page_error, '') not like '%disabled%'",
               [since])


def m009_source_utc_offset(db: sqlite_utils.Database) -> None:
    # The UTC offset (minutes) a source writes its dates in, learned at each poll
    # (digests.dates.learn_offset); NULL until learned.
    db.execute("alter table sources add column utc_offset_minutes integer")


def m010_digest_version(db: sqlite_utils.Database) -> None:
    # Which version of the headline and quote rules made each digest (digests.digest.
    # CONDENSER_VERSION): older ones are made again a batch per poll. Existing digests are
    # version 0; rows without a digest stay NULL (the backfill digests them).
    db.execute("alter table articles add column digest_version integer")
    db.execute("update articles set digest_version = 0 where digested_at is not null")
    db.execute("create index articles_digest_version on articles(digest_version, id)")


def m011_rekey_subscriptions(db: sqlite_utils.Database) -> None:
    # «علي» is read as a name since session 2: topics like «علي شمخاني» get the key they are
    # looked up by now (digests.subscriptions.rekey_subscriptions).
    from digests.subscriptions import rekey_subscriptions

    rekey_subscriptions(db)


def m012_source_error_reason(db: sqlite_utils.Database) -> None:
    # A source's last error as a structured reason (digests.errors.Reason.encode: kind, host,
    # detail), which the bot words in the admin's language; last_error keeps the full message.
    db.execute("alter table sources add column last_error_reason text")


def m013_chat_time_zone(db: sqlite_utils.Database) -> None:
    # A chat's time zone by IANA name (zoneinfo, with daylight saving time); NULL keeps the
    # fixed utc_offset_minutes chosen before. bot.preferences keeps utc_offset_minutes at the
    # zone's current offset, which is what delivery (digests.delivery_times) reads.
    db.execute("alter table chats add column time_zone text")


def m014_new_chat_zone(db: sqlite_utils.Database) -> None:
    # A new chat starts on a named zone (bot.zones.DEFAULT_ZONE, UTC+3 all year like the column
    # default offset) that the /settings picker marks; chats that exist keep what they have.
    # A trigger rather than a column default: SQLite cannot change a column's default in place.
    db.execute("""
        create trigger if not exists chats_new_chat_zone after insert on chats
        when new.time_zone is null
        begin
            update chats set time_zone = 'Asia/Riyadh', utc_offset_minutes = 180
             where id = new.id;
        end""")


def m015_trim_topics(db: sqlite_utils.Database) -> None:
    # Topics are stored without the words of asking at their ends since session 4 («ما آخر أخبار
    # الغوطة؟» is «الغوطة»): older ones get the same label (digests.subscriptions.trim_topics).
    from digests.subscriptions import trim_topics

    trim_topics(db)


def m016_article_vectors(db: sqlite_utils.Database) -> None:
    # Meaning vectors of headline + lead (digests.stories, digests.semantic). The table only:
    # vectors are opt-in (SEMANTIC_MODEL), and a migration cannot read settings; a pair with a
    # vector missing is decided by words, and stories.backfill_vectors embeds on request.
    from digests.stories import create_vector_table

    create_vector_table(db)


def m017_fetch_time_dates(db: sqlite_utils.Database) -> None:
    # Articles stored undated or dated in the future (QA8 F8) take their fetch time, as new ones
    # do since session 5 (digests.dates.stored_time): no «— UTC», no 2035 first in search.
    from digests.archive import date_undated_articles

    date_undated_articles(db)


def m018_tombstone_title(db: sqlite_utils.Database) -> None:
    # A removed article's title beside its link on its tombstones: a feed that later gives the
    # removed article's GUID to another article (another link and title) gets that one stored
    # (digests.archive._removed_here). Older tombstones keep NULL: only their link tells.
    db.execute("alter table tombstones add column title text")


def m019_gone_pages(db: sqlite_utils.Database) -> None:
    # Feed-only articles whose page answered 404/410 are gone for good (QA10 F10): no more
    # retries, and deliveries still waiting for them move to a live report or are skipped
    # (digests.retries.mark_stored_gone). They stay searchable.
    from datetime import datetime, timezone

    from digests.retries import mark_stored_gone

    mark_stored_gone(db, datetime.now(timezone.utc))


def m020_story_merges(db: sqlite_utils.Database) -> None:
    # Two stories of one event become one when a report bridges them (digests.stories
    # .merge_stories): a merged id still resolves to the story it went into (kept flat).
    db.execute("""
        create table if not exists story_merges (
            merged_id integer primary key,
            into_id integer not null,
            merged_at text not null
        )""")
    db.execute("create index if not exists story_merges_into on story_merges(into_id)")
    # A merge looks up the outbox rows of two stories (digests.outbox_upkeep.merge_deliveries).
    db.execute("create index if not exists outbox_story on outbox(story_id)")


def m021_push_reports(db: sqlite_utils.Database) -> None:
    # An admin's /push report outlives a restart (QA12 F1): who asked, in which language, and
    # when the final report went; bot.pushes resumes the unreported pushes at start.
    for column in ("admin_chat_id integer", "admin_lang text", "reported_at text"):
        db.execute(f"alter table pushes add column {column}")


def m022_ingest_requests(db: sqlite_utils.Database) -> None:
    # An admin's /ingest is answered even when the bot is killed in the middle of it (X8, the
    # /push report's way): the request, its final answer once known, and when it was given;
    # bot.ingests answers at start what a stopped process still owed.
    db.execute("""
        create table if not exists ingest_requests (
            id integer primary key,
            chat_id integer not null,
            lang text not null,
            requested_at text not null,
            finished_at text,
            report text,
            reported_at text
        )""")


def m023_ingest_message(db: sqlite_utils.Database) -> None:
    # The /ingest message a request answers: Telegram hands a killed bot's last updates to the
    # next start again, and the same message must not start a second poll (bot.ingests).
    db.execute("alter table ingest_requests add column message_id integer")


def m024_clean_topics(db: sqlite_utils.Database) -> None:
    # Topics are stored without bidi controls and invisible characters since session 8 (QA14
    # F5: an RLO in a topic mirrored every reply quoting it): older ones are cleaned the same way.
    from digests.subscriptions import trim_topics

    trim_topics(db)


def m025_chat_thread(db: sqlite_utils.Database) -> None:
    # A forum supergroup's topic its deliveries go to: where it last ran /subscribe or /settings
    # (bot.threads; QA16 F3). NULL: the chat itself, a forum's «General».
    db.execute("alter table chats add column thread_id integer")


def m026_ingest_bot(db: sqlite_utils.Database) -> None:
    # The bot an /ingest message was sent to: message ids start again for a new bot (a database
    # reused with a new token), so a redelivered message is one of the same bot (bot.ingests;
    # QA17). NULL: recorded before this column.
    db.execute("alter table ingest_requests add column bot_id integer")


def m027_new_chat_quiet_hours(db: sqlite_utils.Database) -> None:
    # A new chat starts with quiet hours 23:00–07:00 in its local time (QA18 R5: instant alerts
    # at 01:30 every night by default): rows due in them wait for the morning
    # (digests.delivery_times.after_quiet). Chats that exist keep what they have, quiet hours off
    # included: an operator's settings never change under them. A trigger, as in
    # 014_new_chat_zone: SQLite cannot change a column's default in place. A chat inserted with
    # quiet hours of its own keeps them; /settings turns them off (both columns NULL).
    db.execute("""
        create trigger if not exists chats_new_chat_quiet after insert on chats
        when new.quiet_start is null and new.quiet_end is null
        begin
            update chats set quiet_start = 23, quiet_end = 7 where id = new.id;
        end""")


def m029_pending_prompts(db: sqlite_utils.Database) -> None:
    # A «➕ أضف موضوعًا» prompt (ForceReply) waiting for its answer: (private chat, the prompt's
    # message id) → the channel the answer adds a topic to, until `expires_at`. Kept in memory
    # until session 11, so a restart between prompt and answer lost it (brief X25);
    # digests.prompts reads and writes it.
    db.execute("""
        create table pending_prompts (
            chat_id integer not null,
            message_id integer not null,
            target_chat_id integer not null,
            created_at text not null,
            expires_at text not null,
            primary key (chat_id, message_id)
        )""")
    db.execute("create index pending_prompts_expires on pending_prompts(expires_at)")


def m030_pin_group_languages(db: sqlite_utils.Database) -> None:
    # Groups and channels stored before their language was (QA22 U1) spoke DEFAULT_LANGUAGE:
    # that language is written down now, so a later DEFAULT_LANGUAGE change in .env does not
    # switch them, as it does not switch a group created since (which keeps its admin's).
    # Private chats keep NULL: their reader's Telegram language decides, as before.
    language = UPGRADE_LANGUAGE[0] if UPGRADE_LANGUAGE else _env_language()
    language = "en" if language == "en" else "ar"
    cur = db.execute("update chats set language = ? where type != 'private' and language is null",
                     [language])
    if cur.rowcount:
        log.info("group languages pinned chats=%d language=%s", cur.rowcount, language)


def m031_question_topics(db: sqlite_utils.Database) -> None:
    # Since session 12 (X31, QA23 S1) a question about an event is followed as the names of the
    # news it holds («كم عدد القتلى في الغوطة» is «الغوطة»: its follower was sent nothing) and
    # the dialects' words of asking are left out at a topic's ends («ايه اخبار مصر النهاردة» is
    # «مصر»): topics stored before are written (trim_topics) and then keyed (rekey_subscriptions)
    # as they are stored now. A chat that already follows the topic (its key) loses the old
    # row: it is sent that topic's stories already, and would see it listed twice.
    from digests.errors import QueryError
    from digests.subscriptions import key_of, rekey_subscriptions, trim_topics

    trim_topics(db)
    rekey_subscriptions(db)
    for row in list(db.query("select id, chat_id, topic, topic_key from subscriptions"
                             " where topic != ''")):
        try:
            key = key_of(row["topic"])
        except QueryError:
            continue
        if key != row["topic_key"] and db.execute(
                "select 1 from subscriptions where chat_id = ? and topic_key = ? and id != ?",
                [row["chat_id"], key, row["id"]]).fetchone():
            db.execute("delete from subscriptions where id = ?", [row["id"]])


def m032_named_topics(db: sqlite_utils.Database) -> None:
    # Since X35 (QA24 R1/R5) a sentence is followed as the names of the news it holds («شكو ماكو
    # بالعراق» is «العراق»: its follower was sent nothing) and the names of one group are one
    # subscription («الحوثي» and «أنصار الله»): rows stored before are rewritten, and a chat's
    # second row for one thing goes (it listed both, and a bundle header named both).
    from digests.subscriptions import merge_named_topics

    log.info("named topics merged rows=%d", merge_named_topics(db))


def _env_language() -> str:
    """DEFAULT_LANGUAGE as the process's settings read it (for a database opened outside the
    command line, e.g. by a test or a script)."""
    from digests.envfile import find_env_file
    from digests.errors import NashraError
    from digests.settings import Settings

    try:
        return Settings.from_env(env_file=find_env_file().path).default_language
    except (NashraError, OSError):
        return Settings().default_language


MIGRATIONS: list[Migration] = [
    ("001_sources_articles", m001_sources_articles),
    ("002_chats_delivery", m002_chats_delivery),
    ("003_search_index", m003_search_index),
    ("004_backfill_digests", m004_backfill_digests),
    ("005_delivery_pushes", m005_delivery_pushes),
    ("006_story_index", m006_story_index),
    ("007_digest_story_links", m007_digest_story_links),
    ("008_page_retries", m008_page_retries),
    ("009_source_utc_offset", m009_source_utc_offset),
    ("010_digest_version", m010_digest_version),
    ("011_rekey_subscriptions", m011_rekey_subscriptions),
    ("012_source_error_reason", m012_source_error_reason),
    ("013_chat_time_zone", m013_chat_time_zone),
    ("014_new_chat_zone", m014_new_chat_zone),
    ("015_trim_topics", m015_trim_topics),
    ("016_article_vectors", m016_article_vectors),
    ("017_fetch_time_dates", m017_fetch_time_dates),
    ("018_tombstone_title", m018_tombstone_title),
    ("019_gone_pages", m019_gone_pages),
    ("020_story_merges", m020_story_merges),
    ("021_push_reports", m021_push_reports),
    ("022_ingest_requests", m022_ingest_requests),
    ("023_ingest_message", m023_ingest_message),
    ("024_clean_topics", m024_clean_topics),
    ("025_chat_thread", m025_chat_thread),
    ("026_ingest_bot", m026_ingest_bot),
    ("027_new_chat_quiet_hours", m027_new_chat_quiet_hours),
    ("029_pending_prompts", m029_pending_prompts),
    ("030_pin_group_languages", m030_pin_group_languages),
    ("031_question_topics", m031_question_topics),
    ("032_named_topics", m032_named_topics),
]
