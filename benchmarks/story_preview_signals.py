"""Brief S21: the preview→event rule's signals on the labelled pairs of the development folds.

    .venv/bin/python benchmarks/story_preview_signals.py [--list]
    .venv/bin/python benchmarks/story_preview_signals.py --stored LOG... [--setting S]

For every labelled pair of the blind folds (fit_story_pairs.BLIND) within the story window, the
plain signals the rule (digests/story_preview.py) reads, of the earlier report (a future cue in
its headline or first sentence, the day it announces) and of the later one (its day, whether it
still awaits the event, the weekday it names), the rare lead words both use and the hours apart;
then whether the rule joins the pair. Counted by the gold label and by the reader's note kind
(story_misses.note_kind), so the rule's gain (same pairs, preview/event notes) and its cost
(different pairs it would join: next-day steps, reactions, pre-match news) are read side by side.
With the held-out pairwise probabilities of benchmarks/out/s20_heldout.json (19 folds, S20), the
joins are split into pairs the shipped pairwise decision already makes and new ones. With
`--stored LOG...` (story_curve.py logs, `pair` lines of one setting, the shipped 0.65/0.40/0.50
by default) they are split by the STORED outcome instead, and every same pair stored apart whose
note is a preview/event is listed with its signals. Ids and numbers only (no corpus text).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

import fit_story_pairs as fsp  # noqa: E402
import stories as bench  # noqa: E402
import story_misses as sm  # noqa: E402

from digests import story_model, story_preview  # noqa: E402
from digests.leads import compare_leads, lead_of  # noqa: E402
from digests.similarity import similarity, story_vector  # noqa: E402


PAIR = re.compile(r"^pair (\S+) (\S+) (\S+) (\S+) (\S+) gold=(\d) stored=(\d)")


# Past forms of the occasions' verbs (folded), only to describe the later report (the rule does
# not read them): a result, a vote, a meeting or visit held, a speech given.
DONE = frozenset("""فاز تغلب خسر تعادل هزم صوت انتخب التقي التقى استقبل وصل عقد عقدت القي اختتم
    انتهت انتهي دخل دخلت اقام بحث بحثا اعلن اعلنت قال قالت اكد اكدت سجل حقق""".split())


def past_cue(title: str, first: str) -> bool:
    from digests import arabic

    words = [w[1:] if w[:1] in "وف" and w[1:] in DONE else w
             for w in arabic.normalized_words(f"{title} {first}")]
    return any(w in DONE for w in words)


def shipped_pairwise(p: dict[str, float], sim: float) -> bool:
    """The shipped pairwise decision from S20's held-out words and USE probabilities."""
    if story_model.in_band(p["words"], sim):
        return p["use"] >= 0.65 and sim >= story_model.LOW_SIM_FLOOR
    return p["words"] >= 0.63 and sim >= story_model.SIM_FLOOR


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every pair the rule joins")
    parser.add_argument("--stored", nargs="*", type=Path, metavar="LOG",
                        help="story_curve.py logs: split by the stored outcome of --setting")
    parser.add_argument("--setting", default="0.65/0.40/0.50")
    args = parser.parse_args(argv)
    stored: dict[frozenset[str], bool] = {}
    for log in args.stored or []:
        for line in log.read_text().splitlines():
            m = PAIR.match(line)
            if m and m.group(3) == args.setting:
                stored[frozenset((m.group(4), m.group(5)))] = m.group(7) == "1"
    docs = {d["id"]: d for d in bench.load(bench.CORPUS)}
    pairs = [p for p in fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES
                                        if (fsp.GOLD / f).exists()])
             if p.get("set") in fsp.BLIND and p["a"] in docs and p["b"] in docs]
    held_path = fsp.OUT / "s20_heldout.json"
    held = json.loads(held_path.read_text()) if held_path.exists() else {}
    counts: Counter[tuple[str, ...]] = Counter()
    lines = []
    for p in pairs:
        a, b = docs[p["a"]], docs[p["b"]]
        if a["when"] > b["when"]:
            a, b = b, a
        hours = (b["when"] - a["when"]).total_seconds() / 3600
        if hours > 48:
            continue
        sa = story_preview.side_of(a["title"] or "", fsp._first_sentence(a["text"]), a["when"])
        sb = story_preview.side_of(b["title"] or "", fsp._first_sentence(b["text"]), b["when"])
        ev = compare_leads(lead_of(a["title"] or "", a["text"], a["when"]),
                           lead_of(b["title"] or "", b["text"], b["when"]))
        sim = similarity(story_vector(a["title"] or "", a["text"]),
                         story_vector(b["title"] or "", b["text"]))
        rule = story_preview.joins(sa, sb, ev.shared_words) and sim >= story_model.LOW_SIM_FLOOR
        kind = sm.note_kind(p.get("note") or "")
        done = past_cue(b["title"] or "", fsp._first_sentence(b["text"]))
        group = ("same preview/event" if p["same"] and kind == "preview / event" else
                 "not same" if not p["same"] else "")
        if group:
            for name, hit in (("cue in the earlier lead", sa.announces),
                              ("a day named by the earlier lead", sa.weekday is not None),
                              ("later report on a due day or the next",
                               sa.first <= sb.day <= sa.last + timedelta(days=1)),
                              ("past/result verb in the later lead", done),
                              ("later lead awaits nothing", not sb.announces),
                              (">= 2 shared rare lead words", ev.shared_words >= 2),
                              ("< 24 h apart", hours < 24)):
                counts["signal", name, group] += hit
            counts["signal", "pairs", group] += 1
        gold = "same" if p["same"] else "not"
        hp = held.get(f"{p['a']} {p['b']}") or held.get(f"{p['b']} {p['a']}")
        pw = "?" if hp is None else ("joined" if shipped_pairwise(hp, sim) else "refused")
        if args.stored is not None:
            got = stored.get(frozenset((p["a"], p["b"])))
            pw = "?" if got is None else ("joined" if got else "refused")
        counts["all", gold] += 1
        counts["cue", gold] += sa.announces
        counts["rule", gold] += rule
        counts["rule", gold, pw] += rule
        counts["kind", kind, gold] += 1
        counts["kind-rule", kind, gold] += rule
        counts["missed", kind] += p["same"] and pw == "refused"
        if (rule or (p["same"] and kind == "preview / event")) and (
                args.stored is None or pw == "refused" or rule):
            lines.append(f"{p['set']:<10} {a['id']} {b['id']} gold={gold} kind={kind} rule={int(rule)}"
                         f" {'stored' if args.stored is not None else 'pairwise'}={pw} {hours:.1f}h cue={int(sa.announces)}"
                         f" due={sa.first.isoformat()[5:]}..{sa.last.isoformat()[5:]}"
                         f" later={sb.day.isoformat()[5:]} later_cue={int(sb.announces)}"
                         f" later_wd={sb.weekday} done={int(done)} shared={ev.shared_words} sim={sim:.2f}"
                         + ("" if hp is None else
                            f" p_words={hp['words']:.2f} p_use={hp['use']:.2f}"))
    print(f"labelled pairs within 48 h, {len(fsp.BLIND)} folds: same {counts['all', 'same']},"
          f" not {counts['all', 'not']}")
    print(f"earlier report with a future cue: same {counts['cue', 'same']}, not {counts['cue', 'not']}")
    print(f"(split by the {'stored outcome of ' + args.setting if args.stored is not None else 'held-out pairwise decision'})")
    made = "stored together" if args.stored is not None else "pairwise already joined"
    print(f"rule joins: same {counts['rule', 'same']} ({made} {counts['rule', 'same', 'joined']},"
          f" apart {counts['rule', 'same', 'refused']}, unknown {counts['rule', 'same', '?']});"
          f" not {counts['rule', 'not']} ({made} {counts['rule', 'not', 'joined']},"
          f" apart {counts['rule', 'not', 'refused']}, unknown {counts['rule', 'not', '?']})")
    print("| note kind | same (rule joins) | not (rule joins) |\n|---|---|---|")
    for kind in sorted({k[1] for k in counts if k[0] == "kind"}):
        print(f"| {kind} | {counts['kind', kind, 'same']} ({counts['kind-rule', kind, 'same']})"
              f" | {counts['kind', kind, 'not']} ({counts['kind-rule', kind, 'not']}) |")
    if args.stored is not None:
        print(f"\nsame pairs stored apart ({args.setting}) by the reader's note:"
              + "".join(f" {k} {counts['missed', k]};" for k in sorted(
                  {k[1] for k in counts if k[0] == "kind"})))
    print("\n| signal | same preview/event pairs | not-same pairs |\n|---|---|---|")
    for name in ("pairs", "cue in the earlier lead", "a day named by the earlier lead",
                 "later report on a due day or the next", "past/result verb in the later lead",
                 "later lead awaits nothing", ">= 2 shared rare lead words", "< 24 h apart"):
        print(f"| {name} | {counts['signal', name, 'same preview/event']} |"
              f" {counts['signal', name, 'not same']} |")
    if args.list:
        print("\n".join(sorted(lines)))


if __name__ == "__main__":
    main()
