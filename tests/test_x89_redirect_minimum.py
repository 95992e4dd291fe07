"""X89 (REV s22 finding 5, REDIRECT_ADOPT_MIN): the fewest polls before a moved feed's address is
stored was two numbers, digests.settings.REDIRECT_ADOPT_MIN (the start's warning) and
digests.feed_moves.MIN_POLLS (the code), kept equal by a test; feed_moves reads the settings'
one now. Real SQLite file."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from digests import feed_moves
from digests.settings import REDIRECT_ADOPT_MIN
from digests.storage import Database

NOW = datetime(2018, 3, 1, 9, 0, tzinfo=timezone.utc)


def test_one_minimum_for_the_warning_and_the_move(tmp_path: Path) -> None:
    assert not hasattr(feed_moves, "MIN_POLLS")  # no number of its own
    db = Database(tmp_path / "nashra.db")
    try:
        with db.transaction() as sql:
            sql.execute("insert into sources (url, name, added_at) values (?, ?, ?)",
                        ["https://old.example/feed", "old", NOW.isoformat()])
        source = int(db.db.execute("select id from sources").fetchone()[0])
        target = "https://new.example/feed"
        for poll in range(1, REDIRECT_ADOPT_MIN):  # REDIRECT_ADOPT_POLLS=1 asked: still counted
            move = feed_moves.note(db, source, target, 1)
            assert move is not None and not move.stored and move.seen == poll
        move = feed_moves.note(db, source, target, 1)
        assert move is not None and move.stored
        assert db.db.execute("select url from sources").fetchone()[0] == target
    finally:
        db.close()
