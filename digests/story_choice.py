"""Which story an arriving report joins when it may join several (brief S23; pure).

digests.stories.find_match gathers, for every story holding a candidate that passes the pair
decision and whose vote (`_cohesion`) lets the report in, an `Option`: the report's fit to the
story as a whole (the vote's mean probability), the best lead cosine among those candidates, and
the strongest link (the highest pair probability with one of them). The shipped rule ("fit")
takes the story with the highest fit + LEAD_FIT x lead: the convoy entering Ghouta joins the
convoy's story, not that morning's strikes whose bodies share as many words.

Brief S23's rule ("link") takes the story of the strongest link first, the fit deciding ties: a
report of one affair split in several stories (a preview and its result, a statement and its
answer) often fits a small, newer story of that affair best by the mean while its closest report,
the same event told by another site, sits in an older story whose other angles drag the mean down
(benchmarks/README.md, session 18, brief S23).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

RULES = ("fit", "link")


@dataclass(frozen=True)
class Option:
    """A story the arriving report may join."""

    story_id: int
    fit: float   # the vote's mean pair probability over the members weighed
    lead: float  # best lead cosine of the story's candidates that passed the pair decision
    link: float  # the highest pair probability of the report with one of those candidates


def choose(options: Iterable[Option], rule: str = "fit", lead_weight: float = 0.5
           ) -> Option | None:
    """The option the report joins, or None when there is none (or none scores above 0).

    Options are weighed in story-id order and a later one wins only when strictly better, so the
    older story keeps a tie."""
    if rule not in RULES:
        raise ValueError(f"unknown story-choice rule {rule!r}; known: {RULES}")
    best: Option | None = None
    best_key: tuple[float, ...] = (0.0,) if rule == "fit" else (0.0, 0.0)
    for option in sorted(options, key=lambda o: o.story_id):
        score = option.fit + lead_weight * option.lead
        key = (score,) if rule == "fit" else (option.link, score)
        if key > best_key:
            best, best_key = option, key
    return best
