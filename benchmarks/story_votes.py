"""Brief S19: join votes screened on story_curve.py --trace logs (first order, no re-run).

    .venv/bin/python benchmarks/story_votes.py LOG...           # the shipped vote and variants
    .venv/bin/python benchmarks/story_votes.py --anatomy LOG... # the chained wrong joins listed
    .venv/bin/python benchmarks/story_votes.py --guards LOG...  # brief S32: chain guards, own site
    .venv/bin/python benchmarks/story_votes.py --choice LOG...  # brief S34: the story choice rules

Each `chain` line (benchmarks/story_trace.py) says how the later report of a labelled pair voted
on the earlier one's story: the members' pair probabilities. A vote rule is replayed on those
numbers: a pair stored together whose vote the rule refuses comes apart; a pair kept apart only by
the vote (refused, the later report opened a story or joined one it fitted less) comes together.
First order only: what the changed join does to later assignments is not seen, so this screens
rules; the stored figure of a rule is story_curve.py's run with it in the step.

`--guards` (brief S32) replays chain guards (a member floor at every story size, with or without the
members under the cosine floor; two members past a bar; the mean without the best member) and, on
traces that mark each member's site (story_trace's ` own_site=`), the vote without the arriving
report's own site (`own_site_vote`).

`--choice` (brief S34) replays the choice among the stories the later report's vote let in, on
traces listing them (story_trace's ` opts=[…]`): the shipped rule must pick the story the run
joined on every line (checked and counted), then each of digests.story_choice's other rules picks;
a pair whose later report's pick moves onto the earlier report's story comes together, one whose
pick moves off it comes apart (first order).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from digests.story_choice import RULES, Option, choose  # noqa: E402

CHAIN = re.compile(
    r"^chain (\S+) (\S+) (\S+) (\S+) (\S+) gold=(\d) stored=(\d) p=(\S+) d=(\S+)"
    r" vote=(\S+)(?: n=(\d+) probs=\[([^\]]*)\])? joined=(\S+)(?: other_fit=(\S+))?")
OWN_SITE = re.compile(r" own_site=\[([^\]]*)\] own_floor=(\d+)")
OPTS = re.compile(r" opts=\[([^\]]*)\]")
OPT = re.compile(r"^(\d+):([\d.]+):([\d.]+):([\d.]+|-):([\d.]+)(T?)(J?)$")


@dataclass(frozen=True)
class Chain:
    """One labelled pair's trace line."""

    fold: str
    a: str
    b: str
    gold: bool
    stored: bool
    p: float | None             # the pair's own probability (None: no candidate)
    decided: bool | None        # the pair decision
    fit: float | None           # the vote's mean (None: refused or not voted)
    voted: bool                 # the later report voted on the earlier one's story
    n: int                      # members weighed
    probs: tuple[float, ...]    # every member's probability (0.0 for those below the floor)
    own: float | None           # the earlier report's probability among them
    joined: str                 # same / new / other
    other_fit: float | None
    # brief S32: per member of `probs` (same order), from the later report's own site (None: the
    # trace does not say)
    own_site: tuple[bool, ...] | None = None
    # brief S34: the stories the later report's vote let in, as the choice weighed them (None: the
    # trace does not say), and which of them is the earlier report's (target) and the joined one
    options: tuple[Option, ...] | None = None
    target: int | None = None
    chosen: int | None = None


def parse(line: str) -> Chain | None:
    m = CHAIN.match(line)
    if not m:
        return None
    listed = (m.group(12) or "").split()
    probs = [float(x.rstrip("*")) for x in listed]
    own = next((float(x.rstrip("*")) for x in listed if x.endswith("*")), None)
    n = int(m.group(11) or 0)
    probs += [0.0] * (n - len(probs))
    vote, other = m.group(10), m.group(14)
    site = OWN_SITE.search(line)
    own_site = None
    if site:  # listed members, then the unlisted ones (under the cosine floor: 0.0), own first
        marks = [x == "1" for x in site.group(1).split()]
        unlisted = max(0, n - len(listed))
        floor = min(int(site.group(2)), unlisted)
        own_site = tuple(marks + [True] * floor + [False] * (unlisted - floor))
    options, target, chosen = _options(line)
    return Chain(m.group(2), m.group(4), m.group(5), m.group(6) == "1", m.group(7) == "1",
                 None if m.group(8) == "-" else float(m.group(8)),
                 None if m.group(9) == "-" else m.group(9) == "1",
                 None if vote in ("-", "refused") else float(vote), vote != "-", n,
                 tuple(sorted(probs, reverse=True)), own, m.group(13),  # stable: marks align
                 None if other in (None, "-") else float(other), own_site, options, target,
                 chosen)


def _options(line: str) -> tuple[tuple[Option, ...] | None, int | None, int | None]:
    """The ` opts=[…]` of a trace line: (options, target story, joined story)."""
    found = OPTS.search(line)
    if not found:
        return None, None, None
    options, target, chosen = [], None, None
    for token in found.group(1).split():
        m = OPT.match(token)
        if not m:
            raise ValueError(f"bad option {token!r}")
        story = int(m.group(1))
        options.append(Option(story, float(m.group(2)), float(m.group(3)), 0.0,
                              None if m.group(4) == "-" else float(m.group(4)),
                              float(m.group(5))))
        target = story if m.group(6) else target
        chosen = story if m.group(7) else chosen
    return tuple(options), target, chosen


Rule = Callable[[Sequence[float]], bool]


JOIN_MEAN, JOIN_SHARE, JOIN_DECISION = 0.40, 0.5, 0.35  # digests.stories' vote (a test checks)


def shipped(mean: float = JOIN_MEAN, share: float = JOIN_SHARE, at: float = JOIN_DECISION) -> Rule:
    """digests.stories._cohesion's vote (a story of one report: the pair decision alone)."""
    def rule(probs: Sequence[float]) -> bool:
        if len(probs) <= 1:
            return True
        close = sum(p >= at for p in probs)
        return sum(probs) / len(probs) >= mean and close >= share * len(probs)
    return rule


def strong(rule: Rule, at: float) -> Rule:
    """`rule`, or one member's pair probability at `at` or more (stories.STRONG_PAIR's override)."""
    return lambda probs: rule(probs) or max(probs, default=0.0) >= at


def grid() -> dict[str, Rule]:
    """The rules screened: JOIN_MEAN × JOIN_SHARE × JOIN_DECISION, and the strong-pair override."""
    out: dict[str, Rule] = {}
    for mean in (0.35, 0.40, 0.45, 0.50, 0.55):
        for share in (0.34, 0.5, 0.6, 0.67):
            for at in (0.25, 0.35, 0.5, 0.65):
                out[f"{mean:.2f}/{share:.2f}/{at:.2f}"] = shipped(mean, share, at)
    for at in (0.9, 0.95, 0.98, 0.99):
        out[f"0.40/0.50/0.35+strong {at}"] = strong(shipped(), at)
    return out


def floor_all(at: float, skip_unlisted: bool = False) -> Rule:
    """The shipped vote, and every member at `at` or more, at any story size (a chain guard:
    «the pair itself above a lower bar»); `skip_unlisted`: members under the cosine floor (0.0)
    are not held against it."""
    base = shipped()

    def rule(probs: Sequence[float]) -> bool:
        if not base(probs) or len(probs) <= 1:
            return base(probs)
        held = [p for p in probs if not (skip_unlisted and p == 0.0)]
        return min(held, default=1.0) >= at
    return rule


def close_members(at: float, k: int = 2) -> Rule:
    """The shipped vote, and at least k members (all, in a smaller story) at `at` or more."""
    base = shipped()
    return lambda probs: base(probs) and (
        len(probs) <= 1 or sum(p >= at for p in probs) >= min(k, len(probs)))


def mean_without_best(at: float) -> Rule:
    """The shipped vote, and the mean of the members other than the closest at `at` or more
    (the story must fit without its bridge)."""
    base = shipped()
    return lambda probs: base(probs) and (
        len(probs) <= 1 or sum(sorted(probs)[:-1]) / (len(probs) - 1) >= at)


def guards() -> dict[str, Rule]:
    """The chain guards `--guards` replays."""
    out: dict[str, Rule] = {}
    for at in (0.05, 0.10, 0.15, 0.20, 0.25):
        out[f"floor {at:.2f}, every size"] = floor_all(at)
        out[f"floor {at:.2f}, every size, cosine-floor members skipped"] = floor_all(at, True)
    for at in (0.20, 0.35):
        out[f"two members at {at:.2f}"] = close_members(at)
    for at in (0.2, 0.3, 0.4):
        out[f"mean without the best member at {at:.1f}"] = mean_without_best(at)
    return out


def own_site_vote(c: Chain) -> bool:
    """Brief S32's R1 (stories.OWN_SITE_VOTE): the shipped vote over the members of other sites
    than the arriving report's when the story holds any (one left must pass it too); a story of
    its own site only, voted as shipped."""
    if c.own_site is None or all(c.own_site) or not any(c.own_site):
        return shipped()(c.probs)
    others = [p for p, own in zip(c.probs, c.own_site) if not own]
    return (sum(others) / len(others) >= JOIN_MEAN
            and sum(p >= JOIN_DECISION for p in others) >= JOIN_SHARE * len(others))


def replay(chains: Sequence[Chain], rule: Rule) -> tuple[int, int, int]:
    """(tp, fp, fn) of the labelled pairs with `rule` in place of the shipped vote (first order)."""
    return replay_by(chains, lambda c: rule(c.probs))


def replay_by(chains: Sequence[Chain], rule: Callable[[Chain], bool]) -> tuple[int, int, int]:
    """`replay` with a rule that reads the whole trace line (the members' sites)."""
    tp = fp = fn = 0
    for c in chains:
        stored = c.stored
        if c.voted and c.n:
            ok = rule(c)
            if c.joined == "same":
                stored = ok
            elif ok and c.fit is None:  # refused before, passes now
                mean = sum(c.probs) / len(c.probs)
                stored = c.joined == "new" or (c.other_fit is not None and mean > c.other_fit)
        tp += stored and c.gold
        fp += stored and not c.gold
        fn += c.gold and not stored
    return tp, fp, fn


def replay_choice(chains: Sequence[Chain], rule: str, lead_weight: float = 0.5
                  ) -> tuple[tuple[int, int, int], int]:
    """(tp, fp, fn) with `rule` choosing among each later report's options (first order), and
    how many lines the shipped rule ("fit") replays differently from the run (0: exact)."""
    tp = fp = fn = off = 0
    for c in chains:
        stored = c.stored
        if c.options is not None:
            shipped_pick = choose(c.options, "fit", lead_weight)
            off += (shipped_pick.story_id if shipped_pick else None) != c.chosen
            pick = choose(c.options, rule, lead_weight)
            if c.target is not None and pick is not None and (
                    pick.story_id != (shipped_pick.story_id if shipped_pick else None)):
                stored = pick.story_id == c.target
        tp += stored and c.gold
        fp += stored and not c.gold
        fn += c.gold and not stored
    return (tp, fp, fn), off


def screen_choice(chains: Sequence[Chain]) -> list[str]:
    """Each choice rule against the run, replayed first order."""
    base = _as_run(chains)
    listed = sum(c.options is not None for c in chains)
    rows = [f"{len(chains)} pairs ({listed} with options); stored as run {pr(base)}"]
    for rule in RULES:
        counts, off = replay_choice(chains, rule)
        rows.append(f"choice {rule:<6} {pr(counts)}  same {counts[0] - base[0]:+d},"
                    f" wrong {counts[1] - base[1]:+d}; the shipped choice replays differently"
                    f" on {off} lines")
    return rows


def pr(c: tuple[int, int, int]) -> str:
    tp, fp, fn = c
    return f"{tp / max(1, tp + fp):.3f}/{tp / max(1, tp + fn):.3f} ({tp}/{fp}/{fn})"


def load(paths: Sequence[Path], setting: str | None = None) -> list[Chain]:
    out = []
    for path in paths:
        for line in path.read_text().splitlines():
            c = parse(line)
            if c is not None and (setting is None or line.split()[3] == setting):
                out.append(c)
    return out


def anatomy(chains: Sequence[Chain]) -> list[str]:
    """The stored wrong joins and misses, by how they came about."""
    lines = []
    for c in chains:
        if c.stored == c.gold:
            continue
        kind = ("wrong join, pair decision joins too" if c.stored and c.decided else
                "wrong join by chaining" if c.stored else
                "miss, outvoted" if c.voted and c.fit is None and c.decided else
                "miss, another story fitted better" if c.joined == "other" and c.decided else
                "miss, pair decision refuses" if c.p is not None else
                "miss, no candidate")
        probs = " ".join(f"{p:.2f}" for p in c.probs)
        lines.append(f"{kind:<36} {c.fold:<10} {c.a} {c.b} p={c.p} n={c.n} own={c.own}"
                     f" probs=[{probs}] joined={c.joined}")
    return sorted(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("logs", nargs="+", type=Path)
    parser.add_argument("--anatomy", action="store_true")
    parser.add_argument("--guards", action="store_true",
                        help="chain guards and the vote without the report's own site (S32)")
    parser.add_argument("--choice", action="store_true",
                        help="the story-choice rules replayed on traces with opts (S34)")
    args = parser.parse_args(argv)
    chains = load(args.logs)
    if args.choice:
        print("\n".join(screen_choice(chains)))
        return
    if args.anatomy:
        print("\n".join(anatomy(chains)))
        return
    if args.guards:
        print("\n".join(screen_guards(chains)))
        return
    base = shipped()
    check = sum((c.fit is not None) != base(c.probs) for c in chains if c.voted and c.n > 1)
    print(f"{len(chains)} pairs; the shipped vote replayed differs on {check} votes of the trace")
    print(f"stored as run: {pr(_as_run(chains))}")
    print(f"shipped replayed: {pr(replay(chains, base))}")
    tp0, fp0, fn0 = replay(chains, base)
    p0, r0 = tp0 / (tp0 + fp0), tp0 / (tp0 + fn0)
    print("rule (JOIN_MEAN/JOIN_SHARE/JOIN_DECISION) | replayed | dP | dR")
    for name, rule in grid().items():
        tp, fp, fn = replay(chains, rule)
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        if (tp, fp, fn) != (tp0, fp0, fn0):
            print(f"{name:<28} {pr((tp, fp, fn))} {p - p0:+.4f} {r - r0:+.4f}")


def screen_guards(chains: Sequence[Chain]) -> list[str]:
    """Each chain guard and the own-site vote against the shipped vote, replayed first order."""
    base = replay(chains, shipped())
    rows = [f"{len(chains)} pairs; stored as run {pr(_as_run(chains))}; shipped replayed {pr(base)}"]
    rules: dict[str, Callable[[Chain], bool]] = {
        name: _on_probs(rule) for name, rule in guards().items()}
    if any(c.own_site is not None for c in chains):
        rules["the vote without the report's own site (R1)"] = own_site_vote
    for name, by in rules.items():
        tp, fp, fn = replay_by(chains, by)
        rows.append(f"{name:<58} {pr((tp, fp, fn))}  same {tp - base[0]:+d}, wrong {fp - base[1]:+d}")
    return rows


def _on_probs(rule: Rule) -> Callable[[Chain], bool]:
    return lambda c: rule(c.probs)


def _as_run(chains: Sequence[Chain]) -> tuple[int, int, int]:
    tp = sum(c.stored and c.gold for c in chains)
    fp = sum(c.stored and not c.gold for c in chains)
    fn = sum(c.gold and not c.stored for c in chains)
    return tp, fp, fn


if __name__ == "__main__":
    main()
