"""Place names the search keys could merge (brief X91): Oujda «وجدة» and Jeddah «جدة», Amman «عمّان»
and Oman «عُمان», searched over the shared corpus, each found article told by its own words.

    .venv/bin/python benchmarks/place_readings.py [--out DIR] [--show N]

For each query, the articles found, split by what they are about, read from their text with no
analyzer: an article naming «وجدة» beside a Moroccan place, or none of Saudi Arabia's, is Oujda's
(the corpus has one: a list of Moroccan cities); one naming Jeddah is Jeddah's; an article naming
Jordan and no Oman marker («سلطنة», «مسقط», «العماني/ة», «قابوس») is Amman's, one with an Oman
marker and no Jordan Oman's, both or neither is counted as either; «عمّان» written (or after
«الأردن/الأردنية») adds Amman, «عُمان» (or after «سلطنة») Oman. The figure that matters: the
articles of the other place a query lists (`other`), and how many of its own it keeps (`own`).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import build_db, load_corpus

from digests.arabic import normalize
from digests.search import search
from digests.storage import Database

OUT = Path(__file__).resolve().parent / "out"
_JORDAN = re.compile(r"الاردن|اردني")
_OMAN = re.compile(r"سلطنه|مسقط|عماني|قابوس")
_OUJDA_PLACES = re.compile(r"المغرب|ورزازات|تطوان|طنجه|مكناس|فاس|الرباط")
_SAUDI = re.compile(r"السعودي|الرياض|الدمام|مكه")
# As written (ة): «وجده» with ه is «he found him» or «and his grandfather».
_OUJDA_WORD = re.compile(r"(?<![\w])(?:[وبل]|)وجدة(?![\w])")
_JEDDAH_WORD = re.compile(r"(?<![\w#])[#وبل]?جدة(?![\w])")


def reading(text: str) -> set[str]:
    """The places an article's own words name: 'jeddah', 'oujda', 'amman', 'oman'."""
    n = normalize(text)
    out: set[str] = set()
    bare = re.sub("[\u064b-\u065f\u0640]", "", text)
    if _OUJDA_WORD.search(bare) and _OUJDA_PLACES.search(n) and not _SAUDI.search(n):
        out.add("oujda")
    elif _JEDDAH_WORD.search(bare):
        out.add("jeddah")
    if re.search(r"(?<![\w])[وبلف]*عمان(?![\w])", n):
        jordan, oman = bool(_JORDAN.search(n)), bool(_OMAN.search(n))
        if jordan and not oman:
            out.add("amman")
        elif oman and not jordan:
            out.add("oman")
        else:
            out |= {"amman", "oman"}
    # the written marks and «سلطنة» name their city whatever else the article names
    if re.search("ع\u064e?م\u0651ان(?!\\w)", text) or re.search(
            r"(?:الاردنيه|الاردن)\W+عمان(?!\w)", n):
        out.add("amman")
    if re.search("عُمان(?!\\w)", text) or re.search(r"سلطنه\W+عمان(?!\w)", n):
        out.add("oman")
    return out


QUERIES = {"جدة": "jeddah", "وجدة": "oujda", "عمّان": "amman", "عُمان": "oman", "عمان": None,
           "العاصمة الأردنية عمان": "amman", "سلطنة عمان": "oman"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--show", type=int, default=3, help="titles of `other` shown per query")
    parser.add_argument("--reuse", action="store_true", help="reuse DIR/places.db if present")
    args = parser.parse_args()
    docs = load_corpus()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "places.db"
    if not (args.reuse and path.exists()):
        build_db(path, docs)
    readings = {i: reading((d.get("title") or "") + "\n" + (d.get("text") or ""))
                for i, d in enumerate(docs, 1)}
    print(f"corpus: jeddah {sum('jeddah' in r for r in readings.values())}, oujda"
          f" {sum('oujda' in r for r in readings.values())}, amman"
          f" {sum('amman' in r for r in readings.values())}, oman"
          f" {sum('oman' in r for r in readings.values())} articles (either counted in both)")
    with Database(path) as database:
        for query, own in QUERIES.items():
            res = search(database.db, query, limit=len(docs) + 1)
            ids = [h.digest.article_id for h in res.hits if h.digest.article_id is not None]
            mine = [i for i in ids if own is None or own in readings[i]]
            other = [i for i in ids if i not in mine]
            truth = sum(own in r for r in readings.values()) if own else None
            print(f"{query:<24} found {len(ids):>4}  own {len(mine):>4}"
                  f"{'' if truth is None else f' of {truth}':<8} other {len(other):>4}")
            for i in other[:args.show]:
                print(f"    other: {docs[i - 1]['id']} {docs[i - 1]['title'][:70]}")
            missed = [i for i, r in readings.items() if own in r and i not in ids]
            for i in missed[:args.show] if query in ("عمّان", "عُمان", "جدة", "وجدة") else ():
                print(f"    missed: {docs[i - 1]['id']} {docs[i - 1]['title'][:70]}")


if __name__ == "__main__":
    main()
