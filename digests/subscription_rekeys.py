"""Stored subscriptions rewritten when the rules of topics change (the data migrations' steps).

When topic analysis changes, a stored topic is keyed again (`rekey_subscriptions`, or
`rekey_merging`, which also merges a chat's rows that now share a key); a topic stored before
topics were trimmed is written as `clean_topic` writes it now (`trim_topics`); a sentence stored
before it was followed as its names is rewritten as them, and a chat's topics naming one thing
become one (`merge_named_topics`). Each runs in the caller's transaction (digests.data_migrations,
digests.reader_spellings) and returns how many rows changed.
"""

from __future__ import annotations

import logging

import sqlite_utils

from digests.errors import QueryError
from digests.topic_keys import clean_topic, key_of, same_name

log = logging.getLogger(__name__)


def rekey_subscriptions(db: sqlite_utils.Database) -> int:
    """Recompute every subscription's `topic_key` from its topic as written (caller's transaction).

    Needed when topic analysis changes (e.g. «علي» became a name: «علي شمخاني» was keyed
    «شمخاني»), so that `/unsubscribe` typed the same way finds it again. A topic whose new key a
    chat already follows keeps its old key (the unique pair wins; the button list still removes
    it); a topic with nothing searchable left keeps its key too. Returns how many changed.
    """
    changed = 0
    for row in list(db.query("select id, topic, topic_key from subscriptions where topic != ''")):
        try:
            key = key_of(row["topic"])
        except QueryError:
            continue
        if key != row["topic_key"]:
            cur = db.execute("update or ignore subscriptions set topic_key = ? where id = ?",
                             [key, row["id"]])
            changed += cur.rowcount
    return changed


def rekey_merging(db: sqlite_utils.Database, *, one_name: bool = False) -> int:
    """Key every subscription as `key_of` keys its topic now, one row per chat and key (caller's
    transaction; brief X49): «يوم الأرض» followed before X46 kept «يوم» out of its key («ارض»),
    so following it again made a second row («يوم ارض»). Of a chat's rows that share a key
    now, the oldest (created_at, then id) stays with its topic and created_at, the later ones
    go; a topic with nothing searchable keeps its key. With `one_name`, rows whose keys name one
    thing (`same_name`: «الريدز» and «ليفربول» since X72's nicknames) are one row too, the oldest
    kept as it was written. Returns how many rows were rekeyed or removed."""
    rows = list(db.query("select id, chat_id, topic, topic_key from subscriptions"
                         " where topic != '' order by created_at, id"))
    keeper: dict[tuple[int, str], int] = {}
    rekey: dict[int, str] = {}
    gone: list[int] = []
    for row in rows:
        try:
            key = key_of(row["topic"])
        except QueryError:
            key = row["topic_key"]
        one = (row["chat_id"], same_name(key) if one_name else key)
        if one in keeper:
            gone.append(row["id"])
            continue
        keeper[one] = row["id"]
        if key != row["topic_key"]:
            rekey[row["id"]] = key
    for row_id in gone:
        db.execute("delete from subscriptions where id = ?", [row_id])
    # a key may move to a row whose own key moves on: park every moving row first, so the
    # unique (chat_id, topic_key) pair never meets a key about to leave
    for row_id in rekey:
        db.execute("update subscriptions set topic_key = ? where id = ?",
                   [f"\x00moving {row_id}", row_id])
    for row_id, key in rekey.items():
        db.execute("update subscriptions set topic_key = ? where id = ?", [key, row_id])
    if gone or rekey:
        log.info("subscriptions rekeyed rekeyed=%d merged=%d", len(rekey), len(gone))
    return len(rekey) + len(gone)


def m046_merge_nickname_topics(db: sqlite_utils.Database) -> None:
    # Since X72 (QA46 G4) a club's nickname is the club («الريدز» is «ليفربول», one subscription
    # when followed now: digests.subscriptions._followed), but a chat that followed both before
    # kept two rows: /topics listed both and /unsubscribe of one left the other. The chat's
    # rows naming one thing become its oldest (its topic, id and created_at; the chat's mode,
    # hours and muted sites are the chat's, untouched); every key is as `key_of` keys it now.
    log.info("nickname topics merged rows=%d", rekey_merging(db, one_name=True))


def m047_syria_topics(db: sqlite_utils.Database) -> None:
    # Since X85 (QA57-2/-23) «سورية»/«سوريه» typed without the article is the country «سوريا»
    # (digests.typed_forms.country_key): a topic followed before was keyed «سوريه» (the
    # adjective's key), so «/unsubscribe سوريا» said «you do not follow». Every key as `key_of`
    # keys it now; a chat that followed both spellings keeps its oldest row.
    log.info("syria topics rekeyed rows=%d", rekey_merging(db, one_name=True))


def m062_word_form_topics(db: sqlite_utils.Database) -> None:
    # Since X137 (QA78) a topic's word forms are one topic (digests.word_forms, digests.plurals:
    # «غارة» is «غارات», «المرأة» «امرأة», «قصف» «يقصف», «موتمر» «مؤتمر»), matched and followed as
    # one, but a chat that followed two forms before kept two rows: /topics listed both and
    # /unsubscribe of one left the other. The chat's rows naming one thing become its oldest,
    # as 046 did for nicknames. Subscriptions only: no article is re-indexed (the index keys
    # did not change).
    log.info("word form topics merged rows=%d", rekey_merging(db, one_name=True))


def trim_topics(db: sqlite_utils.Database) -> int:
    """Store every topic as `clean_topic` writes it now (caller's transaction): a question
    followed before topics were trimmed («ما آخر أخبار الغوطة؟») is listed, shared and headed
    as «الغوطة». Its key does not change (the trimmed words are those the key leaves out).
    Returns how many changed."""
    changed = 0
    for row in list(db.query("select id, topic from subscriptions where topic != ''")):
        topic = clean_topic(row["topic"])
        if topic and topic != row["topic"]:
            db.execute("update subscriptions set topic = ? where id = ?", [topic, row["id"]])
            changed += 1
    return changed


def merge_named_topics(db: sqlite_utils.Database) -> int:
    """One subscription per topic and chat (caller's transaction; QA24 R1/R5): a sentence stored
    before it was followed as its names («شكو ماكو بالعراق») is written and keyed as its names
    (digests.named_questions.named_topic); then of a chat's topics that name one thing — two
    names of a synonym group («الحوثي», «أنصار الله») or two spellings — the first followed
    stays, the later ones go (the chat is sent the same stories under the first). Returns how
    many rows were rewritten or removed."""
    from digests.named_questions import named_topic

    changed = 0
    for row in list(db.query("select id, chat_id, topic, topic_key from subscriptions"
                             " where topic != '' order by id")):
        topic = clean_topic(named_topic(db, row["topic"]))
        if topic == row["topic"]:
            continue
        try:
            key = key_of(topic)
        except QueryError:
            continue
        cur = db.execute("update or ignore subscriptions set topic = ?, topic_key = ? where id = ?",
                         [topic, key, row["id"]])
        if not cur.rowcount:  # the chat follows the name already
            db.execute("delete from subscriptions where id = ?", [row["id"]])
        changed += 1
    seen: set[tuple[int, str]] = set()
    for row in list(db.query("select id, chat_id, topic_key from subscriptions"
                             " where topic_key != '' order by id")):
        one = (row["chat_id"], same_name(row["topic_key"]))
        if one in seen:
            db.execute("delete from subscriptions where id = ?", [row["id"]])
            changed += 1
        seen.add(one)
    return changed
