"""Alerts per topic over a corpus, saved and compared (brief X72, QA46's sports and economy reader).

Runs `digests.topic_match.alert_matches` over every corpus article for QA46's topics and the
currencies and clubs of G1/G3/G4, and prints each topic's count. `--save FILE` writes the
corpus ids per topic (JSON); `--compare FILE` prints, per topic, the ids and headlines an
earlier run had and this one lacks (−) or gains (+), to be read by hand. Deterministic: one run
is the figure. Use the dev corpus (common rules): --corpus /work/notes/s18/corpus_dev.jsonl.gz.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import load_corpus  # noqa: E402
from digests.models import Article  # noqa: E402
from digests.topic_match import alert_matches  # noqa: E402

TOPICS = ("الدولار", "اليورو", "الجنيه", "الدينار", "الليرة", "الريال", "ريال مدريد",
          "كأس العالم", "النفط", "ليفربول", "برشلونة", "البارسا", "تشيلسي", "يوفنتوس")


def alerts(docs: list[dict[str, object]], topics: tuple[str, ...]) -> dict[str, list[str]]:
    """Per topic, the corpus ids of the articles an alert of it carries."""
    out: dict[str, list[str]] = {t: [] for t in topics}
    for n, d in enumerate(docs):
        paragraphs = tuple(x for x in str(d.get("text") or "").split("\n") if x.strip())
        article = Article(id=n + 1, source_id=0, source_name=str(d.get("source") or ""),
                          url=str(d.get("url") or ""), title=str(d.get("title") or ""),
                          paragraphs=paragraphs)
        for topic in topics:
            if alert_matches(topic, article):
                out[topic].append(str(d["id"]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--topics", nargs="*", default=list(TOPICS))
    args = parser.parse_args()
    docs = load_corpus(args.corpus)
    titles = {str(d["id"]): str(d.get("title") or "") for d in docs}
    start = time.perf_counter()
    found = alerts(docs, tuple(args.topics))
    print(f"{len(docs)} articles, {time.perf_counter() - start:.1f} s")
    before = json.loads(args.compare.read_text()) if args.compare else {}
    for topic, ids in found.items():
        was = before.get(topic)
        print(f"{topic:<14} {len(ids):>5}" + (f"  (before {len(was)})" if was is not None else ""))
    if args.compare:
        for topic, ids in found.items():
            was = set(before.get(topic, ()))
            now = set(ids)
            for cid in sorted(was - now):
                print(f"  − {topic} | {cid} | {titles.get(cid, '')}")
            for cid in sorted(now - was):
                print(f"  + {topic} | {cid} | {titles.get(cid, '')}")
    if args.save:
        args.save.write_text(json.dumps(found, ensure_ascii=False, indent=0))


if __name__ == "__main__":
    main()
