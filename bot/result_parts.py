"""The parts of a topic's results page worked out without Telegram (bot.answers shows them).

The line above the results that says how the search fell back (`search_note`), whether only
numbers were left of the question (`numbers_left`: no answer then), a story's quotes that name
the topic first (`topic_quotes_first`, also for /digest: bot.my_digest), and the label of a
story's «🔗 روابط الخبر» button (`related_label`). Pure functions.
"""

from __future__ import annotations

from dataclasses import replace

from bot.i18n import list_sep, num, t
from bot.i18n_labels import headline_label
from bot.render import names_topic
from bot.runtime import ui
from bot.stories import Page
from digests.arabic import run_keys
from digests.models import Digest
from digests.query import followable, plan_query


def related_label(n: int, headline: str, lang: str) -> str:
    """«🔗 روابط الخبر ٣: الأمم المتحدة تحذر…» / "🔗 Links for story 3: …" (QA36 E6), the
    headline's words one isolate (bot.i18n_labels: QA51 L1/L2)."""
    label = t("btn_related", lang, n=num(n, lang))
    words = headline_label(headline)
    return f"{label}: {words}" if words else label


def topic_quotes_first(digest: Digest, topic: str) -> Digest:
    """`digest` with the quotes whose words or speaker name `topic` first, the others after them
    in their ranked order (QA23 S11: «الغوطة» showed a story's quotes about a Kurdish party above
    its Ghouta line). The compact block of a delivered bundle chooses its one quote the same way
    (bot.render.key_quote); a results page shows every quote, so they are reordered. Pure."""
    named = [names_topic(topic, q.text) or names_topic(topic, q.speaker) for q in digest.quotes]
    if not any(named) or all(named):
        return digest
    first = [q for q, n in zip(digest.quotes, named, strict=True) if n]
    rest = [q for q, n in zip(digest.quotes, named, strict=True) if not n]
    return replace(digest, quotes=tuple(first + rest))


def numbers_left(query: str, page: Page) -> bool:
    """Whether the search left out the words that matched nothing and only numbers remained
    («الساعة 10.30/ليلا» searched as «30»): such stories are no answer to the question."""
    if page.note != "dropped" or not page.dropped:
        return False
    gone = {k for word in page.dropped for k in run_keys(word)}
    left = [k for k in plan_query(query).content if k not in gone]
    return bool(left) and not any(followable(k) for k in left)


def search_note(page: Page, lang: str) -> str | None:
    """How the search fell back (the full name, the exact phrase, or words it left out), as a
    line of HTML in the reader's language; None for an exact answer."""
    if page.note in ("dropped", "pasted") and page.dropped:  # words left out / names searched
        # a pasted headline searched by one name only: say that the rest was left out, and
        # that its article may not be among the results (QA36 E10)
        one = page.note == "pasted" and len(page.dropped) == 1
        return ui(lang, "note_pasted_one" if one else f"note_{page.note}",
                  words=list_sep(lang).join(f"«{w}»" for w in page.dropped))
    if page.note == "all" and page.searched:  # a sentence: the words it was searched by (QA78-9)
        return ui(lang, "note_all_some",
                  words=list_sep(lang).join(f"«{w}»" for w in page.searched))
    if page.note in ("trimmed", "all", "more"):
        return ui(lang, f"note_{page.note}")
    return None
