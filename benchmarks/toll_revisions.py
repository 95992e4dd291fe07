"""How often the downward-revision words fire on the corpus (X74 item 1, QA48 R10).

    .venv/bin/python benchmarks/toll_revisions.py [--corpus corpus_dev.jsonl.gz] [--show 5]

digests.toll_revisions.states_revision decides whether a corrected report says its toll was
revised; only then may digests.correction_updates tell a reader a toll revised down to a figure
it was sent before. For each revision phrase: the corpus articles (title + text) where it
matches anywhere («bare»: the phrase alone) and where it matches in a sentence naming a toll
(the rule), and the stories those articles fall in (story ids of the stored assignment in
benchmarks/out/ranked.db, matched by link; an article missing there counts as its own story).
Also: articles whose headline names a toll with a figure (`toll_figures`), the ones a
correction could be about. Prints the figures and `--show` examples per phrase (ids and short
spans only).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digests.arabic import normalize  # noqa: E402
from digests.toll_revisions import (  # noqa: E402
    _CORRECTION,
    _SENTENCE,
    _WORD,
    REVISIONS,
    _has_toll,
    states_revision,
    toll_figures,
)
from digests.tolls import plain  # noqa: E402

DEV = ROOT.parent / "notes" / "s19" / "corpus_dev.jsonl.gz"
RANKED = ROOT / "benchmarks" / "out" / "ranked.db"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEV)
    ap.add_argument("--show", type=int, default=3)
    args = ap.parse_args()
    stories: dict[str, int] = {}
    if RANKED.exists():
        with sqlite3.connect(RANKED) as con:
            stories = {u.split("#")[0]: s for u, s in con.execute(
                "select url, story_id from articles where story_id is not null")}
    n = 0
    bare: list[set[int]] = [set() for _ in REVISIONS]
    rule: list[set[int]] = [set() for _ in REVISIONS]
    shown: list[list[str]] = [[] for _ in REVISIONS]
    fired: set[str] = set()
    fired_stories: set[int] = set()
    tolls = 0
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            n += 1
            title, text = a.get("title") or "", a.get("text") or ""
            story = stories.get((a.get("url") or "").split("#")[0], -n)
            tolls += bool(toll_figures(title))
            whole = plain(f"{title}\n{text}")  # as states_revision reads it
            for i, pattern in enumerate(REVISIONS):
                if pattern.search(whole):
                    bare[i].add(story)
                for sentence in _SENTENCE.findall(whole):
                    m = pattern.search(sentence)
                    if m and _has_toll(_WORD.findall(sentence)):
                        rule[i].add(story)
                        if len(shown[i]) < args.show:
                            span = sentence[max(0, m.start() - 40):m.end() + 40]
                            shown[i].append(f"{a['id']}: …{span}…")
                        break
            if _CORRECTION.search(normalize(title)):
                fired.add(a["id"])
            if states_revision(title, text):
                fired.add(a["id"])
                fired_stories.add(story)
    print(f"corpus {args.corpus.name}: {n} articles, {len(set(stories.values()))} stored stories;"
          f" headlines naming a toll with a figure: {tolls}")
    print("phrase | stories (bare phrase) | stories (in a toll sentence: the rule)")
    for i, pattern in enumerate(REVISIONS):
        print(f"{i + 1}. {pattern.pattern[:60]} | {len(bare[i])} | {len(rule[i])}")
        for s in shown[i]:
            print("     ", s)
    print(f"states_revision fires on {len(fired)} articles in {len(fired_stories)} stories")


if __name__ == "__main__":
    main()
