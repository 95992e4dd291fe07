"""Evidence for digests/variants.py: which spellings of a name the corpus uses for one person.

Candidates are pairs of index keys (digests.arabic.analyze) one transliteration step apart —
a long vowel (ا و ي) dropped inside the word, or one of the letters transliteration varies on
swapped (غ/ج, س/ش, ت/ط, ك/ق) — both attested in at least `--min-docs` articles. For each pair
the script prints how many articles use each spelling, in how many sources, whether the sources
split (a source writes one spelling, another the other: a house style, the sign of a
transliteration variant) and the cosine of their contexts (the content keys two words either
side). A curated table is then written by reading this list, not generated from it.

    .venv/bin/python benchmarks/search_variants.py [--min-docs 3] [--top 60] [--check W1,W2 ...]
    .venv/bin/python benchmarks/search_variants.py --rules   # what the -ng rule and JOINED join

`--rules` (session 7) lists every pair of corpus keys the -ng rule of digests/variants.py joins
(both spellings attested), how many keys the rule gives a variant at all, and the joined/split
names of `JOINED` with their article counts: the list to read for false variants.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import load_corpus

from digests.arabic import STOP_WORDS, analyze, run_keys
from digests.variants import JOINED, NOT_NG, ng_spelling

VOWELS = "اوي"
SWAPS = {"غ": "ج", "ج": "غ", "س": "ش", "ش": "س", "ت": "ط", "ط": "ت", "ك": "ق", "ق": "ك"}


def steps(key: str) -> set[str]:
    """Keys one transliteration step from `key` (a long vowel inside dropped, a letter swapped)."""
    out = {key[:i] + key[i + 1:] for i in range(1, len(key) - 1) if key[i] in VOWELS}
    out |= {key[:i] + SWAPS[c] + key[i + 1:] for i, c in enumerate(key) if c in SWAPS}
    out.discard(key)
    return out


def cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--min-docs", type=int, default=3)
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (smoke)")
    ap.add_argument("--check", nargs="*", default=[], help="comma-separated spellings to report")
    ap.add_argument("--rules", action="store_true", help="list what the -ng rule and JOINED join")
    args = ap.parse_args(argv)
    docs = load_corpus()
    if args.limit:
        docs = docs[:args.limit]
    df: Counter[str] = Counter()
    by_source: dict[str, Counter[str]] = defaultdict(Counter)
    context: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        keys = analyze(f"{doc.get('title') or ''}\n{doc.get('text') or ''}")
        seen = set(keys)
        df.update(seen)
        src = str(doc.get("source") or "")
        for k in seen:
            by_source[k][src] += 1
        for i, k in enumerate(keys):
            if k in STOP_WORDS or len(k) < 4:
                continue
            ctx = context[k]
            for j in range(max(0, i - 2), min(len(keys), i + 3)):
                if j != i and keys[j] not in STOP_WORDS:
                    ctx[keys[j]] += 1
    if args.rules:
        rules_report(df, by_source, context, docs)
        return 0
    frequent = {k for k, n in df.items() if n >= args.min_docs and len(k) >= 4
                and k not in STOP_WORDS and not k.isascii()}
    rows = []
    for k in frequent:
        for v in steps(k):
            if v in frequent and k < v:
                sa, sb = set(by_source[k]), set(by_source[v])
                split = len(sa - sb) + len(sb - sa)
                rows.append((cosine(context[k], context[v]), k, v, split))
    rows.sort(reverse=True)
    print(f"{len(docs)} articles; {len(frequent)} keys in >= {args.min_docs} articles;"
          f" {len(rows)} candidate pairs")
    print("cosine | spelling A (articles, sources) | spelling B (articles, sources) |"
          " sources using only one")
    for cos, a, b, split in rows[:args.top]:
        print(f"{cos:.2f} | {a} ({df[a]}, {len(by_source[a])}) | {b} ({df[b]}, {len(by_source[b])})"
              f" | {split}")
    for group in args.check:
        spellings = [k for w in group.split(",") for k in run_keys(w)]
        print("check:", " / ".join(f"{k} ({df[k]} articles: "
                                    + ", ".join(f"{s} {n}" for s, n in by_source[k].most_common(4))
                                    + ")" for k in spellings))
        for i, a in enumerate(spellings):
            for b in spellings[i + 1:]:
                print(f"  cosine {a} ~ {b}: {cosine(context[a], context[b]):.2f}")
    return 0


def rules_report(df: Counter[str], by_source: dict[str, Counter[str]],
                 context: dict[str, Counter[str]], docs: list[dict[str, object]]) -> None:
    """Print what the -ng rule and the JOINED table join over the corpus keys."""
    changed = sorted((k for k in df if ng_spelling(k)), key=lambda k: -df[k])
    both = [k for k in changed if df.get(ng_spelling(k) or "") and k.endswith("غ")]
    print(f"-ng rule: {len(changed)} corpus keys get a variant; {len(both)} pairs attested both"
          f" ways; left out: {', '.join(sorted(NOT_NG))}")
    print("pair | articles | context cosine | sources")
    for k in both:
        v = ng_spelling(k) or ""
        print(f"{k} / {v} | {df[k]} / {df[v]} | {cosine(context[k], context[v]):.2f} |"
              f" {len(by_source[k])} / {len(by_source[v])}")
    print("keys ending «نج» the rule gives a variant no article uses (harmless, read for"
          " Arabic words):")
    print(" ".join(f"{k}({df[k]})" for k in changed if k.endswith("ج")
                   and not df.get(ng_spelling(k) or "")))
    bigrams: Counter[tuple[str, str]] = Counter()
    wanted = {tuple(k for w in two.split() for k in run_keys(w)) for _one, two in JOINED}
    for doc in docs:
        keys = analyze(f"{doc.get('title') or ''}\n{doc.get('text') or ''}")
        bigrams.update({pair for pair in zip(keys, keys[1:]) if pair in wanted})
    print("joined / split | articles")
    for one, two in JOINED:
        pair = tuple(k for w in two.split() for k in run_keys(w))
        print(f"{one} / {two} | {df[run_keys(one)[0]]} / {bigrams[pair]}")  # type: ignore[index]


if __name__ == "__main__":
    raise SystemExit(main())
