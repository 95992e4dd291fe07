"""Build digests/data/word_freq.tsv.gz: normalized word -> count over the shared corpus.

The table is the frozen frequency list `digests.arabic.key` consults to decide whether a leading
و/ف/ب/ك/ل is a clitic (strip it only when the rest is the more common word). It holds words and
counts only, never article text; words seen fewer than MIN_COUNT times are left out.

    .venv/bin/python scripts/build_word_freq.py
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digests.arabic import normalized_words  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
OUT = ROOT / "digests" / "data" / "word_freq.tsv.gz"
MIN_COUNT = 2


def main() -> None:
    counts: Counter[str] = Counter()
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            for field in ("title", "abstract", "text"):
                counts.update(normalized_words(doc.get(field) or ""))
    rows = sorted((w, c) for w, c in counts.items() if c >= MIN_COUNT)
    rows.sort(key=lambda wc: (-wc[1], wc[0]))
    with gzip.GzipFile(OUT, "wb", mtime=0) as raw:
        raw.write("".join(f"{w}\t{c}\n" for w, c in rows).encode("utf-8"))
    print(f"words={len(rows)} (of {len(counts)} distinct) -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
