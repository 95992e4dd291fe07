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

Brief S34's rule ("site") scores a story over the other sites' reports only: a site's copy of its
own report (two sections) or its own rolling series fits the site's next report at 0.99 and outbids
the other sites' story of the event (13 of the 28-fold CV's 148 misses went into a story of the
report's own site alone). A story whose weighed reports are all of the report's own site keeps its
score but ranks after every story holding another site's report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

RULES = ("fit", "link", "site")


@dataclass(frozen=True)
class Option:
    """A story the arriving report may join."""

    story_id: int
    fit: float   # the vote's mean pair probability over the members weighed
    lead: float  # best lead cosine of the story's candidates that passed the pair decision
    link: float  # the highest pair probability of the report with one of those candidates
    # brief S34: the vote's mean over the members of other sites than the report's (None: every
    # member weighed is of its own site), and the best lead cosine of the story's passing
    # candidates of other sites (0.0 when none)
    other_fit: float | None = None
    other_lead: float = 0.0


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
        if rule == "site":
            key: tuple[float, ...] = (
                (0.0, score) if option.other_fit is None
                else (1.0, option.other_fit + lead_weight * option.other_lead))
        else:
            key = (score,) if rule == "fit" else (option.link, score)
        if key > best_key:
            best, best_key = option, key
    return best
