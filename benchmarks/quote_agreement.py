"""How far careful readers agree on an article's three key quotes, and where the digest stands.

    .venv/bin/python benchmarks/quote_agreement.py

24 articles of quotes5.jsonl (drawn with random.Random(20261210); annotated by K or L) were
annotated again, blind, by two more readers (benchmarks/gold/agreement/M.jsonl, N.jsonl). With the
benchmark's own matching rule (digest_quality.Score), each reader's annotation is taken as gold in
turn and scored against another reader's first three quotes, and against the digest's quotes
(digests.digest.condense). The question it answers: is "the three shown hold ≥ 0.80 of an editor's
three key quotes" a level careful readers reach among themselves?
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from digest_quality import CORPUS, Score, read_corpus, to_article  # noqa: E402
from digests.digest import condense  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold"


def read(path: Path) -> dict[str, dict[str, object]]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return {str(r["id"]): r for r in rows}


def main() -> None:
    first = read(GOLD / "quotes5.jsonl")
    readers = {"M": read(GOLD / "agreement" / "M.jsonl"), "N": read(GOLD / "agreement" / "N.jsonl")}
    ids = sorted(set(readers["M"]) & set(readers["N"]) & set(first))
    readers = {"K/L": {i: first[i] for i in ids}, **readers}
    corpus = {row["id"]: row for row in read_corpus(CORPUS)}
    digest = {i: [(q.text, q.speaker) for q in condense(to_article(n, corpus[i])).quotes]
              for n, i in enumerate(ids)}
    print(f"{len(ids)} articles, each annotated by three readers (K or L, M, N)")
    print("gold = one reader's annotation; predicted = another reader's first three, or the digest")
    pooled = {"readers": Score(), "digest": Score()}
    for gold_name, gold in readers.items():
        for other, annotation in readers.items():
            if other == gold_name:
                continue
            s = Score()
            for i in ids:
                top = [(str(q["text"]), str(q["speaker"])) for q in annotation[i]["quotes"]][:3]
                s.add(top, gold[i]["quotes"])  # type: ignore[arg-type]
                pooled["readers"].add(top, gold[i]["quotes"])  # type: ignore[arg-type]
            print(s.line(f"  gold {gold_name}, {other}'s three"))
        s = Score()
        for i in ids:
            s.add(digest[i], gold[i]["quotes"])  # type: ignore[arg-type]
            pooled["digest"].add(digest[i], gold[i]["quotes"])  # type: ignore[arg-type]
        print(s.line(f"  gold {gold_name}, the digest"))
    print(pooled["readers"].line("pooled: reader vs reader"))
    print(pooled["digest"].line("pooled: digest vs reader"))


if __name__ == "__main__":
    main()
