"""How many stories change face when a report is preferred to an analysis piece (brief S29).

Reads an ingested archive (e.g. one built from the corpus by benchmarks/ingest.py) and, for every
story of two or more live reports, computes its face (digests.story_face.faces) with the
report that queued it taken as the story's first, with story_face.ANGLE_RULE off and on. Prints
the counts and every change (story id, the face before → after, their headlines) so a reader can
judge them; ids and headlines only.

    .venv/bin/python benchmarks/story_face_angles.py --db /tmp/corpus.db [--current none] [--list 40]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlite_utils  # noqa: E402

from digests import story_face  # noqa: E402
from digests.angle_pieces import is_angle_piece  # noqa: E402
from digests.retries import GONE  # noqa: E402


def main() -> None:
    """Print the face changes of the archive's several-report stories."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--list", type=int, default=1000, help="changes to print")
    parser.add_argument("--current", choices=("first", "none"), default="first",
                        help="the queued report: the story's first, or none (the best score)")
    args = parser.parse_args()
    db = sqlite_utils.Database(args.db)
    rows = db.execute(
        "select story_id, id, coalesce(nullif(headline, ''), title) from articles"
        " where story_id is not null and page_status != ?"
        " order by coalesce(published_at, fetched_at), id", [GONE]).fetchall()
    stories: dict[int, list[tuple[int, str]]] = {}
    for story, article, headline in rows:
        stories.setdefault(int(story), []).append((int(article), str(headline or "")))
    multi = {s: r for s, r in stories.items() if len(r) >= 2}
    first = {s: r[0][0] for s, r in multi.items()} if args.current == "first" else {}
    angled = sum(1 for r in multi.values() for _, h in r if is_angle_piece(h))
    with_angle = sum(1 for r in multi.values() if any(is_angle_piece(h) for _, h in r))
    faces = {}
    for rule in (False, True):
        story_face.ANGLE_RULE = rule
        faces[rule] = story_face.faces(db, multi, current=first)
    title = {a: h for r in multi.values() for a, h in r}
    changed = [s for s in multi if faces[False].get(s) != faces[True].get(s)]
    angle_faces = {rule: sum(1 for s in multi if is_angle_piece(title.get(faces[rule].get(s, -1), "")))
                   for rule in (False, True)}
    print(f"several-report stories: {len(multi)}; their reports read as angle pieces: {angled}"
          f" (in {with_angle} stories)")
    print(f"faces that are angle pieces: rule off {angle_faces[False]}, on {angle_faces[True]}")
    print(f"stories whose face changes: {len(changed)}")
    for s in changed[:args.list]:
        before, after = faces[False].get(s), faces[True].get(s)
        print(f"{s} ({len(multi[s])} reports) {before} «{title.get(before or -1, '')}»"
              f" → {after} «{title.get(after or -1, '')}»")


if __name__ == "__main__":
    main()
