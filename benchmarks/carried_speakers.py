"""Candidate speakers of carried quotes over the development gold (brief F50, session 27).

digest_quality.py scores every candidate's speaker in one figure. A carried quote — a voice's
continuing words whose speaker is not written at them: a pronoun cue («وأضاف:», «وتابع أن»), a
participle («مضيفا أن», «قائلا:») or a paragraph of marks that goes on from the last one — takes
its speaker from an earlier cue, and K26 (session 26) found those speakers the weakest. This
script matches the finder's candidates (`digests.quotes.find_quotes`) to the gold quotes with
digest_quality's rule (greedy, best word overlap first, ≥ 50% of the shorter) and splits the
matched pairs' speaker accuracy by how the candidate's speaker was found:

* ``named``: the speaker is written at the quote (`Candidate.named`);
* ``carried: paragraph``: carried, and the quote opens its paragraph (a continuation paragraph);
* ``carried: participle``: carried, after «قائلا/مضيفا/مشيرا …» in its sentence;
* ``carried: pronoun cue``: any other carried quote (a bare «وأضاف», «وتابع», «ومضى قائلا» …).

A second split is the gold's own: a gold quote is ``carried (gold)`` when none of its speaker's
names (speaker and aliases, normalized) is written in its paragraph before it — what a reader
must carry from earlier, whatever the finder did.

Usage: .venv/bin/python benchmarks/carried_speakers.py [--sets holdout27,...] [--show]
`--show` lists the wrong carried speakers (development sets only; corpus text is printed on the
terminal, never written under git).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.digest_quality import (  # noqa: E402
    CORPUS, DEVELOPMENT, GOLD, gold_sets, overlap, read_corpus, speaker_ok, to_article, words)
from digests.quotes import Candidate, find_quotes  # noqa: E402

_PARTICIPLE_RE = re.compile(
    r"(?:^|\s)(?:و)?(?:قائل|مضيف|مشير|موضح|مؤكد|لافت|مشدد|معتبر|متابع|منوه|مبين|محذر|داعي|"
    r"مطالب|معرب|مردف|مستدرك)(?:ا|اً|ة|ين|ون)(?:\s|:|$)")
_MARKS = " \t\"“”«»„'،,:."


def cue_class(para: str, cand: Candidate) -> str:
    """How a candidate's speaker was found: named at it, or carried by which shape."""
    if cand.named:
        return "named"
    before = para[:cand.start]
    if not before.strip(_MARKS):
        return "carried: paragraph"
    sentence = re.split(r"[.!?؟]\s", before)[-1]
    if _PARTICIPLE_RE.search(sentence[-60:]):
        return "carried: participle"
    return "carried: pronoun cue"


def gold_carried(para: str, gold: dict[str, Any]) -> bool:
    """None of the gold speaker's names is written in its paragraph before the quote."""
    text = str(gold.get("text", ""))
    at = para.find(text[:20]) if text else -1
    before = " ".join(words(para[:at] if at >= 0 else para))
    aliases = gold.get("speaker_aliases") or []
    names = [str(gold.get("speaker", ""))] + [str(x) for x in aliases if isinstance(aliases, list)]
    for name in names:
        n = " ".join(words(name))
        if n and n in before:
            return False
    return True


def match(cands: Sequence[Candidate], gold: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """digest_quality's greedy one-to-one matching: (candidate, gold) index pairs."""
    pairs = []
    for i, c in enumerate(cands):
        for j, g in enumerate(gold):
            ov = overlap(words(c.text), words(str(g["text"])))
            if ov >= 0.5:
                pairs.append((ov, i, j))
    used_c: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in sorted(pairs, reverse=True):
        if i in used_c or j in used_g:
            continue
        used_c.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--gold", type=Path, nargs="+", default=GOLD)
    ap.add_argument("--sets", default="")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    only = [x for x in args.sets.split(",") if x] or sorted(DEVELOPMENT)
    corpus = {row["id"]: row for row in read_corpus(args.corpus)}
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for n, (set_name, g) in enumerate(gold_sets(args.gold, 20)):
        if set_name not in only or g["id"] not in corpus:
            continue
        article = to_article(n, corpus[g["id"]])
        paras = list(article.paragraphs)
        cands = find_quotes(article.paragraphs)
        gq = g.get("quotes", [])
        for i, j in match(cands, gq):
            c = cands[i]
            para = paras[c.paragraph] if c.paragraph < len(paras) else ""
            ok = speaker_ok(c.speaker, gq[j])
            gpara_n = gq[j].get("paragraph")
            gpara = paras[gpara_n] if isinstance(gpara_n, int) and gpara_n < len(paras) else para
            for cls in (cue_class(para, c),
                        "gold: carried" if gold_carried(gpara, gq[j]) else "gold: written"):
                total[cls] += 1
                right[cls] += ok
            if (args.show and not ok and not c.named and set_name in DEVELOPMENT):
                print(f"  {set_name} {g['id']} p{c.paragraph} [{cue_class(para, c)}] "
                      f"«{c.speaker}» gold «{gq[j]['speaker']}»: {c.text[:70]}")
    carried = [k for k in total if k.startswith("carried")]
    total["carried: all"] = sum(total[k] for k in carried)
    right["carried: all"] = sum(right[k] for k in carried)
    for cls in ("named", "carried: all", "carried: pronoun cue", "carried: participle",
                "carried: paragraph", "gold: written", "gold: carried"):
        t = total[cls]
        print(f"{cls:<22} candidate speakers {right[cls]}/{t}"
              + (f" = {right[cls] / t:.3f}" if t else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
