"""Named, ordered migrations of Nashra's database: the registry. Append new ones at the end;
never edit an applied one, never rename one (its name is recorded in `_migrations`).

Each migration is `(name, function(db))` and runs in its own transaction (see storage.Database,
which applies the ones not yet recorded, in this order). The steps themselves are
digests.schema_migrations (tables, columns, indexes, triggers) and digests.data_migrations (rows
rewritten or backfilled, with their progress lines and chunk commits).
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from digests.article_aliases import m034_article_aliases
from digests.chat_notices import m045_chat_notices
from digests.commands_ran import m061_commands_ran
from digests.data_migrations import (
    m003_search_index,
    m004_backfill_digests,
    m006_story_index,
    m007_digest_story_links,
    m008_page_retries,
    m011_rekey_subscriptions,
    m015_trim_topics,
    m016_article_vectors,
    m017_fetch_time_dates,
    m019_gone_pages,
    m024_clean_topics,
    m030_pin_group_languages,
    m031_question_topics,
    m032_named_topics,
    m036_rekey_day_topics,
    m039_general_digest_names,
    m040_reader_sources,
    m049_epoch_dates,
    m050_untracked_links,
)
from digests.daily_row_schema import m059_daily_rows
from digests.earlier_headlines import m051_earlier_headlines
from digests.general_names import m044_general_digest_joined_names
from digests.mojibake_repair import m053_mojibake_articles
from digests.private_hosts import m054_private_source_hosts
from digests.reader_spellings import m033_reader_spellings
from digests.search_readings import (
    m035_search_readings,
    m048_place_readings,
    m052_definite_readings,
    m055_lookalike_readings,
    m057_food_readings,
)
from digests.source_backlog import m060_source_backlog
from digests.source_index import m042_articles_source_index
from digests.story_use import m038_story_use_vectors
from digests.subscription_ids import m041_subscription_ids
from digests.subscription_rekeys import (
    m046_merge_nickname_topics,
    m047_syria_topics,
    m062_word_form_topics,
)
from digests.schema_migrations import (
    m001_sources_articles,
    m002_chats_delivery,
    m005_delivery_pushes,
    m009_source_utc_offset,
    m010_digest_version,
    m012_source_error_reason,
    m013_chat_time_zone,
    m014_new_chat_zone,
    m018_tombstone_title,
    m020_story_merges,
    m021_push_reports,
    m022_ingest_requests,
    m023_ingest_message,
    m025_chat_thread,
    m026_ingest_bot,
    m027_new_chat_quiet_hours,
    m029_pending_prompts,
    m037_feed_hash,
    m043_outbox_article_index,
    m056_outbox_due_index,
    m058_outbox_maybe_sent,
)

Migration = tuple[str, Callable[[sqlite_utils.Database], None]]

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
    ("033_reader_spellings", m033_reader_spellings),
    ("034_article_aliases", m034_article_aliases),
    ("035_search_readings", m035_search_readings),
    ("036_rekey_day_topics", m036_rekey_day_topics),
    ("037_feed_hash", m037_feed_hash),
    ("038_story_use_vectors", m038_story_use_vectors),
    ("039_general_digest_names", m039_general_digest_names),
    ("040_reader_sources", m040_reader_sources),
    ("041_subscription_ids", m041_subscription_ids),
    ("042_articles_source_index", m042_articles_source_index),
    ("043_outbox_article_index", m043_outbox_article_index),
    ("044_general_digest_joined_names", m044_general_digest_joined_names),
    ("045_chat_notices", m045_chat_notices),
    ("046_merge_nickname_topics", m046_merge_nickname_topics),
    ("047_syria_topics", m047_syria_topics),
    ("048_place_readings", m048_place_readings),
    ("049_epoch_dates", m049_epoch_dates),
    ("050_untracked_links", m050_untracked_links),
    ("051_earlier_headlines", m051_earlier_headlines),
    ("052_definite_readings", m052_definite_readings),
    ("053_mojibake_articles", m053_mojibake_articles),
    ("054_private_source_hosts", m054_private_source_hosts),
    ("055_lookalike_readings", m055_lookalike_readings),
    ("056_outbox_due_index", m056_outbox_due_index),
    ("057_food_readings", m057_food_readings),
    ("058_outbox_maybe_sent", m058_outbox_maybe_sent),
    ("059_daily_rows", m059_daily_rows),
    ("060_source_backlog", m060_source_backlog),
    ("061_commands_ran", m061_commands_ran),
    ("062_word_form_topics", m062_word_form_topics),
]
