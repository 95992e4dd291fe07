"""Data migrations: the steps that rewrite or backfill stored rows, and what they need for it.

Each is a step of digests.migrations (its registry, which names and orders them); never edit an
applied one. Most call the module whose rules changed (digests.digest, digests.stories,
digests.subscriptions …), imported inside the step so the registry loads without them. A long
one over every article may commit as it goes (`commit_chunk`) when its work is resumable: a killed
start keeps the chunks done and the next start goes on from there (QA22 U4), with a `Progress`
line as it goes. Schema changes are digests.schema_migrations.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import sqlite_utils

from digests.settings import Settings

# The name these lines have always been logged under (operators' log filters keep working).
log = logging.getLogger("digests.migrations")

PROGRESS_SECONDS = 10.0  # a progress line at most this often during a long migration
# The operator's DEFAULT_LANGUAGE, which a migration cannot read from settings on its own: the
# command line sets it (cli.main) before any database is opened; None falls back to the .env.
UPGRADE_LANGUAGE: list[str] = []
# The run's Settings, given the same way (`set_upgrade_settings`), for the steps that run the
# store steps (004, 053): they took a fresh Settings() — the defaults, not the operator's
# (QA73-8). Empty: a database opened outside the command line (a test, a script).
UPGRADE_SETTINGS: list[Settings] = []


def set_upgrade_language(language: str) -> None:
    """The DEFAULT_LANGUAGE of this run, for 030_pin_group_languages."""
    UPGRADE_LANGUAGE[:] = [language]


def set_upgrade_settings(settings: Settings) -> None:
    """This run's Settings for the migrations that need them (and its DEFAULT_LANGUAGE for
    030_pin_group_languages): the command line's, given before any database is opened."""
    UPGRADE_SETTINGS[:] = [settings]
    set_upgrade_language(settings.default_language)


def upgrade_settings() -> Settings:
    """The Settings a migration step runs with: the run's (`set_upgrade_settings`), else the
    defaults (a database opened by a test or a script)."""
    return UPGRADE_SETTINGS[0] if UPGRADE_SETTINGS else Settings()


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

    ctx = StoreContext(now=datetime.now(timezone.utc), settings=upgrade_settings(),
                       backfill=True)
    total = db.execute("select count(*) from articles where digested_at is null").fetchone()[0]
    progress = Progress("004_backfill_digests", int(total))

    def committed(made: int) -> None:
        progress.step(made)
        commit_chunk(db)

    backfill_digests(db, ctx, batch=batch, after_batch=committed)


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


def m011_rekey_subscriptions(db: sqlite_utils.Database) -> None:
    # «علي» is read as a name since session 2: topics like «علي شمخاني» get the key they are
    # looked up by now (digests.subscription_rekeys.rekey_subscriptions).
    from digests.subscription_rekeys import rekey_subscriptions

    rekey_subscriptions(db)


def m015_trim_topics(db: sqlite_utils.Database) -> None:
    # Topics are stored without the words of asking at their ends since session 4 («ما آخر أخبار
    # الغوطة؟» is «الغوطة»): older ones get the same label
    # (digests.subscription_rekeys.trim_topics).
    from digests.subscription_rekeys import trim_topics

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


def m019_gone_pages(db: sqlite_utils.Database) -> None:
    # Feed-only articles whose page answered 404/410 are gone for good (QA10 F10): no more
    # retries, and deliveries still waiting for them move to a live report or are skipped
    # (digests.retries.mark_stored_gone). They stay searchable.
    from datetime import datetime, timezone

    from digests.retries import mark_stored_gone

    mark_stored_gone(db, datetime.now(timezone.utc))


def m024_clean_topics(db: sqlite_utils.Database) -> None:
    # Topics are stored without bidi controls and invisible characters since session 8 (QA14
    # F5: an RLO in a topic mirrored every reply quoting it): older ones are cleaned the same way.
    from digests.subscription_rekeys import trim_topics

    trim_topics(db)


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
    from digests.subscription_rekeys import rekey_subscriptions, trim_topics
    from digests.topic_keys import key_of

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
    from digests.subscription_rekeys import merge_named_topics

    log.info("named topics merged rows=%d", merge_named_topics(db))


def m036_rekey_day_topics(db: sqlite_utils.Database) -> None:
    # Since X46 (QA33 S4) «يوم» before a topic word is kept in its key («يوم الأرض» is «يوم
    # ارض», no longer «ارض»): a topic followed before is keyed as it is now, and a chat that
    # followed it again since (a second row) keeps one, the older with its settings
    # (digests.subscription_rekeys.rekey_merging; brief X49).
    from digests.subscription_rekeys import rekey_merging

    rekey_merging(db)


def m039_general_digest_names(db: sqlite_utils.Database) -> None:
    # Since X58 (QA40 N1) the general digest's name typed («/subscribe النشرة العامة», as /help
    # words it; «نشرة عامة») follows the general digest itself. Before, it was stored as a
    # keyword topic (key «نشره عامه») shown like the general digest but matching almost nothing,
    # and /push found nobody following the general digest: such a row becomes the general
    # digest (topic '', its delivery settings kept), or goes when the chat follows it already.
    from digests.general_names import GENERAL_KEYS

    keys = sorted(GENERAL_KEYS)
    marks = ",".join("?" * len(keys))
    moved = dropped = 0
    for row in list(db.query(f"select id, chat_id from subscriptions where topic != ''"
                             f" and topic_key in ({marks})", keys)):
        if db.execute("select 1 from subscriptions where chat_id = ? and topic_key = ''",
                      [row["chat_id"]]).fetchone():
            db.execute("delete from subscriptions where id = ?", [row["id"]])
            dropped += 1
        else:
            db.execute("update subscriptions set topic = '', topic_key = '' where id = ?",
                       [row["id"]])
            moved += 1
    log.info("general digest names migrated moved=%d dropped=%d", moved, dropped)


def m040_reader_sources(db: sqlite_utils.Database) -> None:
    # X57 (QA36 E5): a reader mutes a source for their chat (bot.reader_sources): a muted
    # source's reports are not queued for the chat (alerts and daily digests,
    # digests.new_deliveries) nor listed in its search answers (bot.answers). A row per muted
    # source; /removesource only deactivates a source, so its rows stay (its archived reports
    # stay muted); a source deleted outright takes its rows with it.
    db.execute("""create table if not exists chat_muted_sources (
                      chat_id integer not null,
                      source_id integer not null references sources(id) on delete cascade,
                      created_at text,
                      primary key (chat_id, source_id)) without rowid""")
    db.execute("create index if not exists chat_muted_sources_source"
               " on chat_muted_sources (source_id)")


def m049_epoch_dates(db: sqlite_utils.Database) -> None:
    # Articles stored dated before 2000 (a CMS's 1970-01-01 for an empty date, QA63-7) take
    # their fetch time, as new ones do since session 23: no «١ يناير ١٩٧٠» in search. Only this
    # absolute rule: an old date relative to when its source was added may be a true one.
    from digests.archive import date_epoch_articles

    date_epoch_articles(db)


def m050_untracked_links(db: sqlite_utils.Database) -> None:
    # Stored links lose their tracking parameters (utm_*, fbclid …), as new ones do since
    # session 23 (QA63-2): readers no longer get «?utm_source=rss&utm_campaign=…».
    from digests.archive import untrack_stored_links

    untrack_stored_links(db)


def _env_language() -> str:
    """DEFAULT_LANGUAGE as the process's settings read it (for a database opened outside the
    command line, e.g. by a test or a script)."""
    from digests.envfile import find_env_file
    from digests.errors import NashraError

    try:
        return Settings.from_env(env_file=find_env_file().path).default_language
    except (NashraError, OSError):
        return Settings().default_language
