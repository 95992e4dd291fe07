"""How long a delivered digest is: lines and UTF-16 units a bundle, whole stories against compact
blocks (brief X24, QA18 R16 «walls of text»).

    .venv/bin/python benchmarks/bundle_size.py [--articles N] [--bundle 10] [--lang ar]

The first N corpus articles (publication order) go through the real steps into a temporary
SQLite file — search index, story, digest (`store_digest`: key quotes, related links from the
page and the archive) — as `digest_quality.store_speed` does
(`digest_quality.store_through_steps`). The newest digest of each story
then makes bundles of `--bundle` stories (bot.sender shows at most MAX_BUNDLE=10), in
publication order, each rendered as a delivered general digest (`render_bundle(topics=[""])`)
twice: whole stories (`compact=False`, as sessions ≤ 10 sent them) and compact blocks (the
default since X24). Per bundle: lines as the reader sees them (empty lines between stories
included), UTF-16 units of the visible text (Telegram's own count: bot.telegram_html), messages,
and how many stories get a «📖» button (bot.render.has_details). Deterministic: one run is the
figure (the render's speed is benchmarks/bot_speed.py's).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import load_corpus  # noqa: E402
from digest_quality import store_through_steps  # noqa: E402

from bot.render import has_details, render_bundle  # noqa: E402
from bot.telegram_html import parse_html, utf16_len  # noqa: E402
from digests.models import Digest  # noqa: E402
from digests.records import ARTICLE_SELECT, digest_from_row  # noqa: E402
from digests.storage import Database  # noqa: E402


@dataclass(frozen=True)
class Size:
    """One rendered bundle as a reader gets it."""

    lines: int
    text_lines: int  # lines that are not empty (the empty ones part the stories)
    units: int
    messages: int


def digests_of(count: int) -> list[Digest]:
    """The newest digest of each story among the first `count` corpus articles, in publication
    order (of that digest)."""
    rows = load_corpus()[:count]
    now = datetime(2018, 4, 1, tzinfo=timezone.utc)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "bundles.db")
        store_through_steps(db, rows, now)
        found = [digest_from_row(r) for r in db.db.query(
            f"""{ARTICLE_SELECT} where articles.id in (select max(id) from articles
                group by coalesce(story_id, -id)) order by articles.id""")]
        db.close()
    return found


def measure(messages: Sequence[str]) -> Size:
    texts = [parse_html(m).text for m in messages]
    return Size(lines=sum(t.count("\n") + 1 for t in texts),
                text_lines=sum(1 for t in texts for line in t.split("\n") if line.strip()),
                units=sum(utf16_len(t) for t in texts), messages=len(messages))


def summary(name: str, sizes: Sequence[Size]) -> str:
    lines = sorted(s.lines for s in sizes)
    text = sorted(s.text_lines for s in sizes)
    units = sorted(s.units for s in sizes)
    return (f"{name}: lines median {statistics.median(lines):.0f} max {lines[-1]} (not empty:"
            f" median {statistics.median(text):.0f} max {text[-1]}); UTF-16 "
            f"median {statistics.median(units):.0f} max {units[-1]}; messages max "
            f"{max(s.messages for s in sizes)}, bundles of 2+ messages "
            f"{sum(s.messages > 1 for s in sizes)}")


def main(argv: Sequence[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--bundle", type=int, default=10)
    parser.add_argument("--lang", default="ar", choices=("ar", "en"))
    args = parser.parse_args(argv)
    digests = digests_of(args.articles)
    bundles = [digests[i:i + args.bundle] for i in range(0, len(digests), args.bundle)]
    bundles = [b for b in bundles if len(b) == args.bundle]
    whole, compact, buttons = [], [], []
    for bundle in bundles:
        now = max((d.published_at for d in bundle if d.published_at),
                  default=datetime(2018, 4, 1, tzinfo=timezone.utc)) + timedelta(minutes=5)
        whole.append(measure(render_bundle(bundle, args.lang, now, topics=[""],
                                           compact=False)))
        compact.append(measure(render_bundle(bundle, args.lang, now, topics=[""])))
        buttons.append(sum(has_details(d, args.lang, now) for d in bundle))
    print(f"{len(digests)} stories of {args.articles} corpus articles, {len(bundles)} bundles "
          f"of {args.bundle}, language {args.lang}")
    print(summary("whole stories (before)", whole))
    print(summary("compact blocks (after)", compact))
    print(f"story buttons a bundle: median {statistics.median(buttons):.0f} max {max(buttons)}")
    return {"lines_before": statistics.median(s.lines for s in whole),
            "lines_after": statistics.median(s.lines for s in compact),
            "units_before": statistics.median(s.units for s in whole),
            "units_after": statistics.median(s.units for s in compact)}


if __name__ == "__main__":
    main()
