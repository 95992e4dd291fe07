"""Passing mentions in a lead: a topic named in a list or in an epithet (brief X72, QA46 G8/G10).

X64's rule (digests.topic_match.CLOSING_SHARE) reads a topic named only in a body's closing
background as no reason to alert. Two more kinds of background sit in a lead, where one mention
was enough:

- **a list of sectors or things** — «الاستثمارات الروسية في السودان في مجالات الطاقة والنفط
  والغاز وتعدين الذهب» (Putin to visit Sudan): a run of three or more definite nouns joined by
  «و» («الطاقة والنفط والغاز»), for a one-word topic (a topic of several words ends in a noun
  that starts such runs: «رعاة كأس العالم والفيفا»). QA46's «شركة إيني لاستكشاف النفط والغاز»
  is a pair, left: a pair is as often the news («للنفط والغاز» in an oil company's name);
- **an epithet** — «روماريو … الفائز بلقب كأس العالم», «بطل كأس العالم», «الحائز على …»: the man's
  title, not the cup's news.

Such a mention does not make the lead about the topic; it still counts among the body's
mentions (the body rule then decides: a report about oil and gas names oil again). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# a run of three or more definite nouns joined by «و» or commas, the last by «و»: two
# («النفط والغاز») are as often the news itself — «أدنوك … "سيبسا" الإسبانية للنفط والغاز», an
# oil concession (SK-economy-1), was lost with them; a relative pronoun («كأس العالم، والتي») is
# no noun
_DEFINITE = r"(?!(?:ال|لل)(?:تي|ذي|ذين|لذين|لتين|لاتي|لواتي)(?![\u0621-\u064a]))" \
    r"(?:ال|لل)[\u0621-\u064a]{2,}"
LIST_RUN = re.compile(rf"(?<![\u0621-\u064a]){_DEFINITE}(?:\s*(?:،\s*و?|و){_DEFINITE}){{1,}}"
                      rf"\s*(?:،\s*)?و{_DEFINITE}")
# the keys of the epithet's head («الفائز», «بطل») and of the words that may join it to the topic
EPITHET_HEADS = frozenset(("فائز", "حائز", "متوج", "بطل", "بطله", "ابطال", "حامل", "حامله"))
EPITHET_LINKS = frozenset(("بلقب", "لقب", "علي", "بطوله"))


def without_lists(lead: str) -> str:
    """The lead with every run of three or more definite nouns joined by «و» cut out («في مجالات
    الطاقة والنفط والغاز وتعدين الذهب» → «في مجالات  وتعدين الذهب»)."""
    return LIST_RUN.sub(" ", lead)


def without_epithets(keys: Sequence[str], phrases: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """`keys` with each mention of `phrases` that an epithet's head introduces blanked: the key
    right before it a head («بطل كأس العالم»), or a link after a head («الفائز بلقب كأس العالم»,
    «الحائز على كأس العالم»)."""
    out = list(keys)
    for i in range(1, len(out)):
        before = out[i - 1]
        if not (before in EPITHET_HEADS or (
                before in EPITHET_LINKS and i >= 2 and out[i - 2] in EPITHET_HEADS)):
            continue
        for p in phrases:
            if p and tuple(out[i:i + len(p)]) == tuple(p):
                out[i:i + len(p)] = [""] * len(p)
                break
    return tuple(out)
