"""X136 (3): `run.py search … --json` lists the reports folded under an entry as the same event.

The chat shows them under the entry («وتقرير آخر عن الحدث نفسه: <site>», digests.search_events,
X124/X127); the JSON objects had none of them, so a script saw one report of the event and lost
the others. Each object has `also` now: [{headline, url, source, site, published_at,
story_id}], in page order, [] when nothing is folded under it. On X124's invented archive (a
real SQLite file with stored story vectors), through the real command.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_x124_search_events import _archive

from cli.main import main
from digests.settings import Settings
from digests.storage import Database


def test_json_lists_the_folded_reports(database: Database, settings: Settings,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    _archive(database)
    database.close()
    path = Path(settings.database_path)
    assert main(["search", "--db", str(path), "--json", "نتنياهو"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out) == 3, [o["headline"] for o in out]
    # failed before: no "also" key
    [event] = [o for o in out if o["also"]]
    urls = {"https://bbc.example/a/1", "https://cnn.example/a/2"}
    assert event["url"] in urls
    [other] = event["also"]
    assert other["url"] == (urls - {event["url"]}).pop()
    assert set(other) == {"headline", "url", "source", "site", "published_at", "story_id"}
    assert other["story_id"] in (11, 12) and other["story_id"] != event["story_id"]
    assert other["site"] == other["source"] and other["published_at"].endswith("+00:00")
    assert all(o["also"] == [] for o in out if o is not event)
    # --every-report lists every report, nothing folded
    assert main(["search", "--db", str(path), "--json", "--every-report", "نتنياهو"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert len(every) == 4 and all(o["also"] == [] for o in every)
