"""Where the digest loses the annotators' key quotes: one cause for every key quote not shown.

For each development article (digest_quality.DEVELOPMENT; the gold files of digest_quality.GOLD)
every `key: true` gold quote that the digest's three quotes do not match (the benchmark's rule:
normalized word overlap ≥ 0.5 of the shorter, one-to-one) gets one cause:

* **a finder** — no candidate of `find_quotes` overlaps it by half. Sub-cause: the first filter
  of digests/quotes.py which, switched off alone, lets a candidate match it («filter: NAME»); else a
  candidate whose span covers part of it («cut or split span»); else, for a quote in
  marks that `quote_spans` does not pair, «marks not paired»; else a speech verb the finder knows
  stands before it in its sentence but no candidate came of it («cue present, no candidate»:
  far from its cue, nested, no speaker); else «no cue the finder knows» (with the two words
  before the quote, to group the constructions).
* **b dedupe** — a candidate matches it but `choose` skipped it as a paraphrase of one of the
  three shown (PARAPHRASE overlap).
* **c rank** — a candidate matches it, ranked 4th or lower. Sub-cause from the lowest shown quote
  that is not key (what took its place): «a repeat of a shown speaker», «a non-key point of a key
  voice», «a minor voice» (a speaker with no key quote), «not a quote»; «all three shown key»
  when only an article with more than three key quotes loses one that way.
* **d matching** — a candidate that matches it is among the three shown, yet the digest's quote
  does not match: «trimmed» (the shown text is cut to MAX_QUOTE_CHARS) or «one shown quote for two
  gold quotes» (the one-to-one rule gave it to another gold quote). A measurement question: the
  scorer's rule is not changed here.

Usage: .venv/bin/python benchmarks/key_losses.py [--sets holdout5,holdout11] [--ids] [--limit N]
Prints the table by set and cause (and with `--ids` the article ids of each sub-cause).
Only development sets are accepted; a blind test set is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import digests.quotes as quotes_module  # noqa: E402
from digest_quality import (  # noqa: E402
    CORPUS,
    DEVELOPMENT,
    GOLD,
    gold_sets,
    overlap,
    read_corpus,
    to_article,
    words,
)
from digests.headline import clean_headline  # noqa: E402
from digests.quote_marks import quote_spans, sentence_spans  # noqa: E402
from digests.clause_split import split_clauses  # noqa: E402
from digests.quote_rank import (  # noqa: E402
    PARAPHRASE_LAST,
    WEIGHTS,
    W_COUNTER,
    W_REPEAT,
    choose,
    features,
    pool_of,
)
from digests.quotes import Candidate, find_quotes  # noqa: E402
from digests.speech import cue_of, fold, is_complementizer  # noqa: E402

MATCH = 0.5  # the scorer's overlap rule

CAUSES = ("a finder", "b dedupe", "c rank", "d matching")


def _off(value: Any) -> Callable[..., Any]:
    return lambda *args, **kwargs: value


# The finder's filters, each switched off alone (digests.quotes' own names): (label, name, value).
SWITCHES: tuple[tuple[str, str, Any], ...] = (
    ("paragraph bounds (quotable)", "quotable", lambda ps: tuple(ps)),
    ("name or slogan in marks", "is_name_or_slogan", _off(False)),
    ("direct speech under 4 words", "MIN_QUOTE_WORDS", 1),
    ("reported clause under 3 words", "MIN_REPORTED_WORDS", 1),
    ("phrase embedded in a reported clause", "_embedded", _off(False)),
    ("writer's fragment in marks", "_fragment", _off(False)),
    ("speaker reads as data", "_is_data", _off(False)),
    ("bare list / list tail", "_bare_list", _off(False)),
    ("list tail", "_list_tail", _off(False)),
    ("heading paragraph", "_is_heading", _off(False)),
    ("unbalanced marks", "quote_marks_balanced", _off(True)),
    ("marks governed by the writer's clause", "_governed_opening", _off("")),
    ("narrator's turn cut («إلا أن»)", "_narrator_cut", lambda raw: raw),
    ("column: the writer's «we» cut", "_COLUMN_SENTENCES", 10 ** 9),
    ("subjunctive «أن يكون» (judged, not said)", "_subjunctive_kana", _off(False)),
    ("denial without a clause", "_denied_clause", lambda toks, cue, cs, start: start),
)


@contextmanager
def switched_off(name: str, value: Any) -> Iterator[None]:
    """digests.quotes with one filter replaced (restored on exit)."""
    old = getattr(quotes_module, name)
    setattr(quotes_module, name, value)
    try:
        yield
    finally:
        setattr(quotes_module, name, old)


@dataclass(frozen=True)
class Loss:
    """One key gold quote the digest's three do not hold."""

    set_name: str
    article: str
    cause: str
    sub: str
    gold: str


def match_pairs(preds: Sequence[str], gold: Sequence[dict[str, Any]]) -> dict[int, int]:
    """gold index → prediction index under the scorer's rule (greedy, best overlap first)."""
    pairs = sorted(((overlap(words(p), words(str(g["text"]))), i, j)
                    for i, p in enumerate(preds) for j, g in enumerate(gold)), reverse=True)
    used_p: set[int] = set()
    out: dict[int, int] = {}
    for ov, i, j in pairs:
        if ov < MATCH or i in used_p or j in out:
            continue
        used_p.add(i)
        out[j] = i
    return out


def ranking(cands: Sequence[Candidate], headline: str) -> tuple[list[int], list[int]]:
    """(the full greedy order as `rank_quotes` makes it over `cands` — the clauses
    digests.clause_split makes —, those below the first three that are a paraphrase of one of
    them: since K13 a paraphrase comes after every other candidate, PARAPHRASE_LAST)."""
    scores = [sum(WEIGHTS.get(k, 0.0) * v for k, v in f.items())
              for f in features(cands, headline)]
    pool = pool_of(cands)
    order = choose(pool, scores, limit=len(cands), repeat=W_REPEAT, counter=W_COUNTER,
                   paraphrase=PARAPHRASE_LAST)
    top = order[:3]
    skipped = [i for i in range(len(cands)) if i not in top
               and any(pool.paraphrase[i][j] for j in top)]
    return order, skipped


def _finder_cause(paragraphs: Sequence[str], g: dict[str, Any],
                  cands: Sequence[Candidate]) -> str:
    gw = words(str(g["text"]))
    for label, name, value in SWITCHES:
        with switched_off(name, value):
            try:
                again = find_quotes(paragraphs)
            except Exception:  # a filter off may break an assumption downstream: not this one
                continue
        if any(overlap(words(c.text), gw) >= MATCH for c in again):
            return f"filter: {label}"
    text = str(g["text"])
    pi, para = next(((n, p) for n, p in enumerate(paragraphs) if text in p), (-1, ""))
    if not para:
        return "gold span not in a paragraph as written"
    at = para.find(text)
    if any(c.paragraph == pi and c.start < at + len(text) and at < c.start + len(c.text)
           for c in cands):
        return "cut or split span (a candidate covers part of it)"
    before = para[:at].rstrip()
    if before[-1:] in "\"“«„" and not any(a <= at < b + 1 for a, b in quote_spans(para, False)[0]):
        return "marks not paired"
    sent = next(((s0, s1) for s0, s1 in sentence_spans(para) if s0 <= at < s1), (0, at))
    lead = para[sent[0]:at].split()
    if any(cue_of(w.strip("،,.:\"«»“”"))[1] is not None for w in lead[-14:]):
        return "cue present, no candidate"
    last = lead[-1] if lead else ""
    if last[-1:] in "\"“«„":
        shape = "marks after a word"
    elif last.endswith(":"):
        shape = "a colon"
    elif is_complementizer(fold(last)) or fold(last) in ("ان", "بان", "وان", "انه", "انها"):
        shape = "a clause after إن/أن"
    else:
        shape = "other"
    return f"no cue the finder knows ({shape}): «{' '.join(lead[-3:])}»"


def _matching_cause(shown: str, q: dict[str, Any], gold: Sequence[dict[str, Any]],
                    taken: dict[int, int], i: int) -> str:
    """Why a shown quote that overlaps a key gold quote by half is not matched to it."""
    gw = words(str(q["text"]))
    mine = overlap(words(shown), gw)
    if mine < MATCH:
        return "trimmed"
    other = next((j for j, k in taken.items() if k == i), None)
    if other is None:
        return "matched nothing (one-to-one order)"
    theirs = overlap(words(shown), words(str(gold[other]["text"])))
    if gold[other].get("key"):
        return "one shown span holds two key quotes (merged)"
    if abs(theirs - mine) < 1e-9:
        return "a tie given to a non-key gold quote (scorer's order)"
    return "closer to a non-key restatement of the point"


def _displacer(i: int, top: Sequence[int], pool: Any, gold_of: dict[int, int],
               gold: Sequence[dict[str, Any]], key_voices: set[int]) -> str:
    """What the lowest non-key shown quote is (the one the missed key quote lost to)."""
    for rank in reversed(range(len(top))):
        j = top[rank]
        if j in gold_of and gold[gold_of[j]].get("key"):
            continue
        if j not in gold_of:
            return "not a quote"
        if any(pool.same[j][k] for k in top[:rank]):
            return "a repeat of a shown speaker"
        if j in key_voices:
            return "a non-key point of a key voice"
        return "a minor voice"
    return "all three shown key"


def losses(sets: Sequence[str], limit: int = 0) -> tuple[list[Loss], Counter[str]]:
    """Every lost key quote with its cause, and the key quotes per set."""
    corpus = {row["id"]: row for row in read_corpus(CORPUS)}
    out: list[Loss] = []
    keys: Counter[str] = Counter()
    rows = [(s, g) for s, g in gold_sets(GOLD, 20) if s in sets]
    for n, (set_name, g) in enumerate(rows[: limit or None]):
        row = corpus.get(g["id"])
        if row is None:
            continue
        article = to_article(n, row)
        paragraphs = article.paragraphs
        headline = clean_headline(article.title, article.text)
        gold: list[dict[str, Any]] = list(g.get("quotes", []))
        keys[set_name] += sum(1 for q in gold if q.get("key"))
        found = find_quotes(paragraphs)
        cands, origin = split_clauses(found)  # what the ranking sees (K13)
        order, skipped = ranking(cands, headline)
        top = order[:3]
        # A clause chosen without its sibling is shown as its whole span (rank_quotes).
        shown = [(cands[i] if all(j in top for j, o in enumerate(origin) if o == origin[i])
                  else found[origin[i]]).to_quote().text for i in top]
        shown_match = match_pairs(shown, gold)
        cand_match = match_pairs([c.text for c in cands], gold)
        gold_of = {i: j for j, i in cand_match.items()}
        pool = pool_of(cands)
        # Candidates whose speaker also says a key quote (found as a candidate).
        key_cands = [i for j, i in cand_match.items() if gold[j].get("key")]
        voices = {i for i in range(len(cands)) if any(pool.same[i][k] for k in key_cands)}
        for j, q in enumerate(gold):
            if not q.get("key") or j in shown_match:
                continue
            gw = words(str(q["text"]))
            hits = [i for i, c in enumerate(cands) if overlap(words(c.text), gw) >= MATCH]
            if not hits:
                cause, sub = "a finder", _finder_cause(paragraphs, q, cands)
            elif any(i in top for i in hits):
                i = next(i for i in hits if i in top)
                cause, sub = "d matching", _matching_cause(
                    shown[top.index(i)], q, gold, {k: top[v] for k, v in shown_match.items()}, i)
            elif all(i in skipped for i in hits):
                cause, sub = "b dedupe", "paraphrase of a shown quote"
            else:
                best = min((i for i in hits if i in order), key=order.index, default=hits[0])
                cause = "c rank"
                if len(top) < 3:
                    sub = "fewer than three shown"
                else:
                    sub = _displacer(best, top, pool, gold_of, gold, voices)
            out.append(Loss(set_name, str(g["id"]), cause, sub, str(q["text"])[:60]))
    return out, keys


def table(found: Sequence[Loss], keys: Counter[str], sets: Sequence[str],
          show_ids: bool) -> list[str]:
    """The markdown table by cause and sub-cause (rows) and set (columns)."""
    cols = [s for s in sets if keys[s]]
    lines = ["| cause | " + " | ".join(cols) + " | all |",
             "|---|" + "---|" * (len(cols) + 1),
             "| key quotes | " + " | ".join(str(keys[s]) for s in cols)
             + f" | {sum(keys.values())} |"]
    kept = {s: keys[s] - sum(1 for x in found if x.set_name == s) for s in cols}
    lines.append("| shown (digest's three) | " + " | ".join(str(kept[s]) for s in cols)
                 + f" | {sum(kept.values())} |")
    by: dict[tuple[str, str], list[Loss]] = defaultdict(list)
    for x in found:
        # («no cue the finder knows (shape): «words»» rows are grouped by shape; the words
        # print with --ids)
        by[(x.cause, x.sub.split(": «")[0])].append(x)
    for cause in CAUSES:
        rows = [x for x in found if x.cause == cause]
        per = Counter(x.set_name for x in rows)
        lines.append(f"| **{cause}** | " + " | ".join(str(per[s]) for s in cols)
                     + f" | **{len(rows)}** |")
        subs = sorted({sub for c, sub in by if c == cause},
                      key=lambda sub: (-len(by[(cause, sub)]), sub))
        for sub in subs:
            items = by[(cause, sub)]
            per = Counter(x.set_name for x in items)
            lines.append(f"| — {sub} | " + " | ".join(str(per[s] or "") for s in cols)
                         + f" | {len(items)} |")
    if show_ids:
        for (cause, sub), items in sorted(by.items()):
            lines.append(f"\n{cause} / {sub}:")
            lines.extend(f"  {x.set_name} {x.article}: {x.gold}"
                         + (f"  [{x.sub.split(': ', 1)[1]}]" if ": «" in x.sub else "")
                         for x in items)
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", default="", help="development sets (default: all of them)")
    parser.add_argument("--ids", action="store_true", help="list the ids of every sub-cause")
    parser.add_argument("--limit", type=int, default=0, help="only the first N gold articles")
    args = parser.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s] or sorted(DEVELOPMENT)
    unknown = [s for s in sets if s not in DEVELOPMENT]
    if unknown:
        parser.error(f"not development sets (never read here): {', '.join(unknown)}")
    order = [s for s in ("dev1", "holdout1", "dev2", "holdout2", "holdout3", "train4", "holdout5",
                         "holdout6", "holdout7", "holdout8", "holdout9", "holdout10", "holdout11",
                         "holdout12", "holdout13", "holdout14", "holdout15", "holdout16",
                         "holdout17", "holdout18", "holdout19", "holdout20", "holdout21",
                         "holdout22", "holdout23", "holdout24", "holdout25", "holdout26",
                         "holdout27", "holdout28", "holdout29")
             if s in sets]
    found, keys = losses(order, args.limit)
    print("\n".join(table(found, keys, order, args.ids)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
