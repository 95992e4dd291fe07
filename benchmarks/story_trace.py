"""Brief S19: the story step watched on a held-out fold's labelled pairs (story_curve.py --trace).

A wrong join the pairwise decision refuses is made by chaining: the pair's later report joined the
story of the earlier one through another member, and the story's vote (digests.stories._cohesion)
let it in. To see its anatomy, the step is watched while the corpus is assigned: for the later
report of every labelled pair of the fold, each candidate's (probability, decision) and, for every
story it weighed as a whole, the members' probabilities and the vote's result. After the pass one
`chain` line per labelled pair says what the later report saw of the earlier one's story (ids and
numbers only). Each weighed member is also marked by whether it comes from the later report's own
site (` own_site=[…]`, in the order the probabilities are listed, and ` own_floor=K`: the story's own-site
reports within the window under the cosine floor, which vote 0.0 unlisted): brief S32's screen of a
vote without the arriving report's own site. `n` counts the members the vote weighs (inside the window).
Brief S34: ` opts=[…]` lists every story the later report's vote let in, as digests.story_choice
weighed it (`story:fit:lead:other_fit:other_lead`, `T` the earlier report's story, `J` the one
joined), so a choice rule can be replayed (story_votes.py --choice).

Stories are never re-assigned nor merged in these runs (MERGE off), so the earlier report's final
story is the story it held when the later one arrived, and the members weighed are the reports of
that story assigned before it (at most stories.MAX_MEMBERS, nearest in time).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from digests import stories, story_choice


@dataclass
class Tracer:
    """Records, for the watched (later) reports, candidates' and members' pair probabilities."""

    watched: set[int]                       # db ids of the later reports of the fold's pairs
    current: int = 0
    voting: list[tuple[int, float]] | None = None
    cand: dict[tuple[int, int], tuple[float, bool]] = field(default_factory=dict)
    votes: dict[tuple[int, int], tuple[float | None, int, list[tuple[int, float]]]] = field(
        default_factory=dict)  # (article, story) -> (fit or None, members, [(member, p)])
    # (article, story) -> (members of the article's own site, own-site members within the window)
    sites: dict[tuple[int, int], tuple[frozenset[int], int]] = field(default_factory=dict)
    # article -> the stories it could join, as the choice weighed them (brief S34)
    options: dict[int, list[story_choice.Option]] = field(default_factory=dict)

    def install(self) -> Callable[[], None]:
        """Patch digests.stories (find_match, _judge, _cohesion); returns the restore."""
        real_find, real_judge, real_coh = stories.find_match, stories._judge, stories._cohesion
        real_choose = story_choice.choose

        def choose(options: Any, *args: Any, **kw: Any) -> Any:
            listed = list(options)
            if self.current:
                self.options[self.current] = listed
            return real_choose(listed, *args, **kw)

        def find(db: Any, article_id: int, *args: Any, **kw: Any) -> Any:
            self.current = article_id if article_id in self.watched else 0
            try:
                return real_find(db, article_id, *args, **kw)
            finally:
                self.current = 0

        def judge(sim: float, hours: float, evidence: Any, meaning: Any, other_id: int,
                  blob: bytes | None) -> tuple[float, bool]:
            out = real_judge(sim, hours, evidence, meaning, other_id, blob)
            if self.current:
                if self.voting is not None:
                    self.voting.append((other_id, out[0]))
                else:
                    self.cand[self.current, other_id] = out
            return out

        def cohesion(db: Any, story_id: int, article_id: int, *args: Any, **kw: Any) -> Any:
            if not self.current:
                return real_coh(db, story_id, article_id, *args, **kw)
            self.voting = []
            try:
                fit = real_coh(db, story_id, article_id, *args, **kw)
            finally:
                seen, self.voting = self.voting or [], None
            self.votes[article_id, story_id] = (fit, weighed(db, story_id, article_id), seen)
            self.sites[article_id, story_id] = own_site(db, story_id, article_id)
            return fit

        stories.find_match, stories._judge, stories._cohesion = find, judge, cohesion
        story_choice.choose = choose
        sited, stories.SITE_OPTIONS = stories.SITE_OPTIONS, True  # the options' other-site fields

        def restore() -> None:
            stories.find_match, stories._judge, stories._cohesion = real_find, real_judge, real_coh
            story_choice.choose = real_choose
            stories.SITE_OPTIONS = sited
        return restore

    def line(self, first: int, second: int, story_of: dict[int, int]) -> str:
        """What `second` (the later report, db id) saw of `first`'s story: the pair's own
        (probability, decision) as a candidate, and the vote on that story (fit or refused,
        members weighed, each member's probability, `first` starred), then the story joined."""
        later, earlier = max(first, second), min(first, second)
        target = story_of[earlier]
        p = self.cand.get((later, earlier))
        own = f"p={p[0]:.3f} d={int(p[1])}" if p else "p=- d=-"
        vote = self.votes.get((later, target))
        tail = ""
        if vote is None:
            seen = "vote=-"
        else:
            fit, n, probs = vote
            listed = " ".join(f"{q:.2f}{'*' if m == earlier else ''}" for m, q in
                              sorted(probs, key=lambda mq: -mq[1]))
            seen = (f"vote={'refused' if fit is None else f'{fit:.3f}'} n={n}"
                    f" probs=[{listed}]")
            site = self.sites.get((later, target))
            if site is not None:
                mine, window = site
                marks = [int(m in mine) for m, _ in sorted(probs, key=lambda mq: -mq[1])]
                tail = f" own_site=[{' '.join(map(str, marks))}] own_floor={window - sum(marks)}"
        joined = story_of[later]
        where = "same" if joined == target else ("new" if joined == later_story_new(
            joined, later, story_of) else "other")
        other = ""
        if where == "other":
            v = self.votes.get((later, joined))
            if v is not None:
                other = (f" other_fit={'-' if v[0] is None else f'{v[0]:.3f}'} other_n={v[1]}")
        opts = self.options.get(later)
        if opts is not None:
            tail += " opts=[" + " ".join(
                f"{o.story_id}:{o.fit:.4f}:{o.lead:.4f}:"
                f"{'-' if o.other_fit is None else f'{o.other_fit:.4f}'}:{o.other_lead:.4f}"
                + ("T" if o.story_id == target else "") + ("J" if o.story_id == joined else "")
                for o in opts) + "]"
        return f"{own} {seen} joined={where}{other}{tail}"


def weighed(db: Any, story_id: int, article_id: int) -> int:
    """How many of the story's reports the article's vote weighs (stories._cohesion): the
    MAX_MEMBERS nearest in time, and since the 72 h span (brief S25) only those inside the
    article's window. (Until S32 the trace counted every report of the story, so a replay
    counted the ones beyond the window as votes of 0.0.)"""
    hours = [r[0] for r in db.execute(
        "select abs(julianday(a.published_at) - julianday(me.published_at)) * 24 as h"
        " from articles a join articles me on me.id = ? where a.story_id = ? and a.id != ?"
        " order by h, a.id limit ?", [article_id, story_id, article_id, stories.MAX_MEMBERS])]
    if stories.STORY_SPAN_HOURS > stories.story_model.WINDOW_HOURS:
        hours = [h for h in hours if h <= stories.story_model.WINDOW_HOURS + 1e-9]
    return len(hours)


def own_site(db: Any, story_id: int, article_id: int) -> tuple[frozenset[int], int]:
    """The story's reports from the article's own site (other than it), and how many of them lie
    inside the article's window (the ones its vote weighs, stories._cohesion)."""
    rows = db.execute(
        "select a.id, abs(julianday(a.published_at) - julianday(me.published_at)) * 24"
        " from articles a join articles me on me.id = ?"
        " where a.story_id = ? and a.id != ? and a.source_id = me.source_id",
        [article_id, story_id, article_id]).fetchall()
    return (frozenset(r[0] for r in rows),
            sum(r[1] <= stories.story_model.WINDOW_HOURS + 1e-9 for r in rows))


def later_story_new(joined: int, later: int, story_of: dict[int, int]) -> int:
    """`joined` when no report assigned before `later` holds that story (it opened it)."""
    return joined if not any(s == joined for a, s in story_of.items() if a < later) else -1
