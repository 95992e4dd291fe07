"""Schema migrations: the tables, columns, indexes and triggers of Nashra's database.

Each is a step of digests.migrations (its registry, which names and orders them); append new ones
there and never edit an applied one. A step here changes the schema, with at most the one
statement that fills a new column for the rows already stored; migrations that rewrite or backfill
rows (most through other modules) are digests.data_migrations. Tables stay plain and browsable
(Datasette opens the file as is): JSON columns hold small lists.
"""

from __future__ import annotations

import sqlite_utils


def m001_sources_articles(db: sqlite_utils.Database) -> None:
    """The archive: sources, articles (with their hash, date and story indexes), tombstones of
    removed articles, stories, polls, and the meta table."""
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
    """Delivery: chats, their subscriptions, the outbox (indexed by status and due time) and
    the buttons' callbacks."""
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


def m018_tombstone_title(db: sqlite_utils.Database) -> None:
    # A removed article's title beside its link on its tombstones: a feed that later gives the
    # removed article's GUID to another article (another link and title) gets that one stored
    # (digests.archive._removed_here). Older tombstones keep NULL: only their link tells.
    db.execute("alter table tombstones add column title text")


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


def m037_feed_hash(db: sqlite_utils.Database) -> None:
    # What the feed last said of each article (digests.entry_changes): `feed_hash` the content
    # hash of the entry's title and summary (the stored `content_hash` is of the page's text, so
    # it cannot be compared with a feed's), `feed_updated_at` its Atom <updated>. A site that
    # corrects an article in place (same link, new title or toll) changes them, and the poll
    # reads its page again (QA32 R5). NULL for the rows stored before: the next poll that lists
    # an entry records what it says then, and only a later change re-reads it.
    db.execute("alter table articles add column feed_hash text")
    db.execute("alter table articles add column feed_updated_at text")


def m043_outbox_article_index(db: sqlite_utils.Database) -> None:
    # The outbox read by article (X69; QA's session-17 note): a corrected article's update finds
    # the chats that were sent it (digests.correction_updates), and a page gone for good, an
    # article removed or merged find its rows (digests.retries, removal, outbox_upkeep) — each a
    # scan of every delivery ever sent before (benchmarks/correction_outbox.py: 100k rows).
    db.execute("create index if not exists outbox_article on outbox(article_id)")


def m056_outbox_due_index(db: sqlite_utils.Database) -> None:
    # The sender's pass asks for the oldest due rows (digests.outbox_states.due_rows: pending,
    # oldest id first, LIMIT 1000). With outbox_status (status, not_before) SQLite read every
    # pending row and sorted them all: after a daily digest's poll, 640k rows for 15,000 chats
    # (QA72-1: 7.6 s a pass under cProfile). Pending rows in id order, and only those (a partial
    # index: the sent history, most of the table, costs it nothing), stop at the limit.
    db.execute("create index if not exists outbox_pending on outbox(status, id)"
               " where status = 'pending'")


def m058_outbox_maybe_sent(db: sqlite_utils.Database) -> None:
    # Whether a send of the row may have reached the chat before a retry (X131, X125's note):
    # a send that went out and got no answer (a timeout, the connection reset after the request
    # left, a kill with it on the wire). last_error keeps only the latest error, so a row reset
    # and then answered 5xx or 429 before it went was no longer «maybe twice» in the /push
    # report. Set by digests.outbox_states; 0 for the rows before, whose last_error still says
    # it (digests.push_queue reads both). A constant default: no row is rewritten.
    db.execute("alter table outbox add column maybe_sent integer not null default 0")
