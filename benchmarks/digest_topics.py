"""The daily digests and story updates of a delivered week, replayed (brief X21, QA18 R6/R10).

    .venv/bin/python benchmarks/digest_topics.py COPY_OF_A_BOT_DATABASE.db [TOPIC_WORD]

Reads a bot database after a run (QA18's week: /tmp/qa18/f/week.db; work on a copy, the
database is only read). For every daily digest of every daily chat that follows a topic, it
ranks the digest's rows as session 9 did (`choose_shown` without topics: most sources, then
newest) and as now (the chat's followed topics first, `bot.origins.row_topics`) and prints how
many stories whose headline holds TOPIC_WORD (default «غوطة») are shown and hidden. Then, per
chat, the stories it was sent for which a later report would now come as an update
(digests.story_updates.queue_updates' rule, replayed on the stored times: fetched 18 h after the
delivery or published 18 h after the report shown, published after the delivery, on the chat's
topics), with a few headlines. Deterministic: one run is the figure.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.origins import row_topics  # noqa: E402
from bot.sender import choose_shown  # noqa: E402
from digests import bundle_facts, new_deliveries, outbox_states, story_updates# noqa: E402
from digests.models import parse_iso  # noqa: E402
from digests.topic_match import alert_matches  # noqa: E402
from digests.records import ARTICLE_SELECT, article_from_row  # noqa: E402
from digests.storage import Database  # noqa: E402


def digests_report(db: Database, word: str) -> list[str]:
    """One line per (chat, daily digest): rows, topical rows, `word` stories shown/hidden."""
    out = []
    # a daily digest's stories: one line a story, row or item (X122: migration 059's view)
    table = "outbox_stories" if db.db.execute(
        "select 1 from sqlite_master where name = 'outbox_stories'").fetchone() else "outbox"
    for chat, kind in db.db.execute(
            "select distinct o.chat_id, o.kind from outbox o join subscriptions s on"
            " s.chat_id = o.chat_id and s.topic != '' where o.kind like 'daily:%'"
            " order by o.chat_id, o.kind").fetchall():
        rows = [outbox_states.DueRow(id=r[0], chat_id=chat, story_id=r[1], article_id=r[2],
                                     kind=kind, attempts=0, part=r[3] if r[3] is not None else -1)
                for r in db.db.execute(
                    f"select id, story_id, article_id, {'part' if table != 'outbox' else 'null'}"
                    f" from {table} where chat_id = ? and kind = ? and story_id != 0"
                    " order by id", [chat, kind])]
        weights = bundle_facts.story_weights(db.db, [(r.story_id, r.article_id) for r in rows])
        topics = row_topics(db, chat, [r.article_id for r in rows])
        heads = {r.key: str(db.db.execute("select coalesce(headline, title, '') from articles"
                                          " where id = ?", [r.article_id]).fetchone()[0])
                 for r in rows}

        def count(part: list[outbox_states.DueRow]) -> int:
            return sum(1 for r in part if word in heads[r.key])
        before = choose_shown(rows, weights)
        after = choose_shown(rows, weights, topics=topics)
        out.append(f"chat={chat} {kind} rows={len(rows)} topical={len(topics)}"
                   f" «{word}» shown/hidden before {count(before[0])}/{count(before[1])}"
                   f" now {count(after[0])}/{count(after[1])}")
    return out


def updates_report(db: Database) -> list[str]:
    """One line per chat: stories sent to it that a later report would now update."""
    out = []
    table = "outbox_stories" if db.db.execute(  # a daily digest's items too (X122)
        "select 1 from sqlite_master where name = 'outbox_stories'").fetchone() else "outbox"
    for (chat,) in db.db.execute("select distinct chat_id from outbox order by chat_id"):
        topics = [r[0] for r in db.db.execute("select topic from subscriptions where"
                                              " chat_id = ?", [chat])]
        found = []
        for story, sent_at, seen_at in db.db.execute(
                "select o.story_id, max(o.sent_at), max(coalesce(a.published_at, a.fetched_at))"
                f" from {table} o join articles a on a.id = o.article_id where o.chat_id = ?"
                " and o.status = 'sent' and o.story_id > 0 group by o.story_id", [chat]):
            sent, seen = parse_iso(sent_at), parse_iso(seen_at)
            assert sent is not None and seen is not None
            sources = db.db.execute("select count(distinct source_id) from articles where"
                                    " story_id = ?", [story]).fetchone()[0]
            for row in db.db.query(f"{ARTICLE_SELECT} where articles.story_id = ?"
                                   " and articles.fetched_at > ?", [story, sent_at]):
                article = article_from_row(row)
                fetched = parse_iso(row["fetched_at"]) or sent
                published: datetime = article.published_at or fetched
                if published <= sent or (fetched - sent < story_updates.UPDATE_AFTER
                                         and published - seen < story_updates.UPDATE_AFTER):
                    continue
                if any(alert_matches(t, article) if t
                       else sources >= new_deliveries.GENERAL_MIN_SOURCES for t in topics):
                    found.append(article.title[:50])
                    break
        sent_n = db.db.execute("select count(distinct story_id) from outbox where chat_id = ?"
                               " and status = 'sent'", [chat]).fetchone()[0]
        out.append(f"chat={chat} stories sent={sent_n} updates={len(found)} "
                   + " | ".join(found[:4]))
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    db = Database(argv[0])
    word = argv[1] if len(argv) > 1 else "غوطة"
    print("\n".join(digests_report(db, word)))
    print("\n".join(updates_report(db)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
