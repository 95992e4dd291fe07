"""The story step's extra pair rules, all off by default: the caption rule (brief S30), the preview
rule (brief S21), the score veto (brief S29) and the USE floor (brief S36).

Each looks again at a pair the pair decision (digests.stories._judge) refused, or refuses one it
would weigh: a caption under CAPTION_CHARS joined by the USE pair model at CAPTION_DECISION from a
whole-text cosine of CAPTION_FLOOR; a report announcing an event joined to the report of it done
(digests.story_preview, at PREVIEW_DECISION); two reports whose leads give different match scores
kept apart (SCORE_VETO). Their settings, and `_judge_preview`, stay on digests.stories, where the
tests and benchmarks swap them, and are read there at call time (digests.stories imports this
module, hence the import inside each function). Split from digests.stories (X126), unchanged.
"""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from digests import story_evidence, story_model, story_preview
from digests.leads import _first_sentence
from digests.similarity import LeadEvidence, lowest_threshold, pair_features
from digests.story_meaning import Meaning


def lead_scores(title: str, body: str) -> frozenset[str]:
    """The match scores a report's lead gives (SCORE_VETO)."""
    return story_evidence.scores(f"{title or ''} {_first_sentence(body or '')}")


def score_gap(mine: frozenset[str], title: str, body: str | None) -> bool:
    """Under SCORE_VETO, whether the other report's lead gives a match score none of `mine`."""
    if not mine:
        return False
    theirs = lead_scores(title, body or "")
    return bool(theirs) and not (theirs & mine)


def short(body: str | None) -> bool:
    """Whether a text (as the candidate queries read it: its first 600 characters) is a caption
    under CAPTION_CHARS (off: never)."""
    from digests import stories  # the settings: read at call time (tests swap them)

    return 0 < len((body or "").strip()) < stories.CAPTION_CHARS


def is_caption(db: sqlite_utils.Database, article_id: int, meaning: Meaning | None) -> bool:
    """Whether the arriving article is a caption (CAPTION_CHARS; the USE path only)."""
    from digests import stories  # the settings: read at call time (tests swap them)

    if not stories.CAPTION_CHARS or meaning is None:
        return False
    row = db.execute("select substr(coalesce(nullif(body, ''), summary), 1, 600) from articles"
                     " where id = ?", [article_id]).fetchone()
    return bool(row) and short(row[0])


def floor(hours: float, meaning: Meaning | None, caption: bool) -> float:
    """The least whole-text cosine a candidate is weighed from: CAPTION_FLOOR for a caption pair
    on the USE path (CAPTION_CHARS), USE_FLOOR for any pair there (brief S36; off: the meaning
    floor), else similarity.lowest_threshold."""
    from digests import stories  # the settings: read at call time (tests swap them)

    lowest = lowest_threshold(hours, meaning is not None)
    if (stories.USE_FLOOR < story_model.LOW_SIM_FLOOR and meaning is not None
            and stories._floor_applies(meaning) and lowest <= story_model.LOW_SIM_FLOOR):
        lowest = min(lowest, stories.USE_FLOOR)  # brief S36: the USE pair model's own floor
    if (caption and stories.CAPTION_CHARS and meaning is not None
            and lowest <= story_model.LOW_SIM_FLOOR):
        return min(lowest, stories.CAPTION_FLOOR)
    return lowest


def under_floor(sim: float, meaning: Meaning | None) -> bool:
    """Whether the USE floor rule (brief S36, stories.USE_FLOOR; off when it is the meaning floor)
    decides this pair: on the USE path, a whole-text cosine from USE_FLOOR up to LOW_SIM_FLOOR,
    where the USE pair model alone decides at stories.USE_FLOOR_DECISION."""
    from digests import stories  # the settings: read at call time (tests swap them)

    return (meaning is not None and stories.USE_FLOOR <= sim < story_model.LOW_SIM_FLOOR
            and stories._floor_applies(meaning))


def captioned(p: float, caption: bool, sim: float, hours: float, evidence: LeadEvidence,
              meaning: Meaning | None, other_id: int, blob: bytes | None) -> tuple[float, bool]:
    """(probability, decision) of a pair the pair decision refused (probability `p`), under the
    caption rule (CAPTION_CHARS): with a caption on either side, the USE pair model's
    probability, asked inside the words' band or not, decides at CAPTION_DECISION; else `p`,
    refused."""
    from digests import stories  # the settings and _judge_preview: read at call time

    if not (stories.CAPTION_CHARS and caption) or meaning is None or sim < stories.CAPTION_FLOOR:
        return p, False
    use = stories._judge_preview(sim, hours, evidence, meaning, other_id, blob)
    if use is None or use < stories.CAPTION_DECISION:
        return p, False
    return max(p, use), True


def previewed(p: float, side: story_preview.Side | None, title: str | None, body: str | None,
              published: str, sim: float, hours: float, evidence: LeadEvidence,
              meaning: Meaning | None, other_id: int, blob: bytes | None) -> tuple[float, bool]:
    """(probability, decision) of a pair the pair decision refused (probability `p`), under the
    preview rule (PREVIEW_RULE, digests.story_preview): when the earlier report announces the
    event the later one reports, the USE pair model's probability decides at PREVIEW_DECISION;
    else `p`, refused."""
    from digests import stories  # the settings and _judge_preview: read at call time

    if (not stories.PREVIEW_RULE or side is None or meaning is None
            or sim < story_model.LOW_SIM_FLOOR):
        return p, False
    other = story_preview.side_of_text(title or "", body or "", datetime.fromisoformat(published))
    if not story_preview.joins(side, other, evidence.shared_words):
        return p, False
    use = stories._judge_preview(sim, hours, evidence, meaning, other_id, blob)
    if use is None or max(p, use) < story_preview.PREVIEW_DECISION:
        return p, False
    return max(p, use), True


def judge_preview(sim: float, hours: float, evidence: LeadEvidence, meaning: Meaning,
                  other_id: int, blob: bytes | None) -> float | None:
    """The USE pair model's probability of a pair, inside the words' band or not (None without
    the model or the vectors: e5 or words decide as before); benchmarks swap it (as
    digests.stories._judge_preview) with their stand-in judge."""
    if meaning.pair_model is None:
        return None
    pair = meaning.vectors(other_id, blob)
    if pair is None:
        return None
    return meaning.pair_model.probability(pair_features(sim, hours, evidence), *pair)
