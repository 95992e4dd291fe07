"""Several topics in one message (brief X40, QA26 N2): which typed texts are read as a list.

Runs digests.several_topics.several_topics over every topic text of benchmarks/search_quality
(the 29 topics, spellings, synonyms, readers' texts, ranked topics, QA12's, the alert and phrase
topics) and the names of the news (digests.topic_names.NEWS_NAMES) on the whole corpus index:
none of them may be split (a real several-word name stays whole). Then prints how the lists
readers type are read, and the median time of one call.

    .venv/bin/python benchmarks/several_topics.py [--db benchmarks/out/quality.db]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import build_db, load_corpus  # noqa: E402
from search_quality import (  # noqa: E402
    ALERT_TOPICS,
    PHRASE_TOPICS,
    QA12_TOPICS,
    RANKED,
    READER_TOPICS,
    SPELLING_TOPICS,
    SYNONYM_TOPICS,
)
from topics import TOPICS  # noqa: E402

from digests.several_topics import several_topics  # noqa: E402
from digests.storage import Database  # noqa: E402
from digests.topic_names import NEWS_NAMES  # noqa: E402

LISTS = ("سوريا، لبنان، مصر", "سوريا لبنان مصر الأردن", "إيران و السعودية", "إيران والسعودية",
         "ترامب مصر", "سوريا\nلبنان\nمصر", "Syria, Lebanon", "Syria and Iran", "ترامب بوتين",
         "النفط والغاز", "البوسنة والهرسك", "قصف الغوطة", "الغوطة الشرقية، عفرين")


def texts() -> list[str]:
    out = [t.query for t in TOPICS] + [r.topic.query for r in RANKED]
    out += [q for qs, _ in SPELLING_TOPICS + SYNONYM_TOPICS for q in qs]
    out += [q for qs, _ in READER_TOPICS for q in qs]
    out += list(QA12_TOPICS) + list(ALERT_TOPICS) + list(PHRASE_TOPICS) + list(NEWS_NAMES)
    return list(dict.fromkeys(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path(__file__).resolve().parent / "out"
                        / "several_topics.db")
    args = parser.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        build_db(args.db, load_corpus())
    with Database(args.db) as db:
        topics = texts()
        split = [(t, several_topics(db.db, t)) for t in topics]
        wrong = [(t, s) for t, s in split if s]
        print(f"search_quality topics and news names: {len(topics)}, split: {len(wrong)}")
        for t, s in wrong:
            print(f"  SPLIT {t!r} -> {s}")
        print("lists readers type:")
        for t in LISTS:
            print(f"  {t!r:<32} -> {' | '.join(several_topics(db.db, t)) or '(one topic)'}")
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            for t in topics:
                several_topics(db.db, t)
            runs.append((time.perf_counter() - start) / len(topics) * 1000)
        print(f"median ms per text (5 runs): {statistics.median(runs):.3f}")


if __name__ == "__main__":
    main()
