"""Whether an article is a press review: a round of other papers' subjects, not one piece of news.

BBC's «في صحف عربية: …», «صحف بريطانية: …», «عرض الصحف», «جولة في الصحف» and France24's daily
«قراءة في الصحف» («في الصحف اليوم: سوريا، … وزيارة ولي العهد …، والمباراة …») list in their
lead what each paper wrote about. Read as news, such a lead names half the day's topics, and
the followers of each were alerted (QA79-14); digests.topic_match alerts a press review only to
a topic its headline names. Pure: the headline, the lead's opening and the address decide.

A report on one subject that papers carry («صحف إسبانيا تتغنى بـ…», «رأت الصحف الروسية أن طرد…»,
«تتوقع الصحف الإسبانية أن…») is not a review: only a headline that opens with papers and a colon,
a lead that opens with *today's* papers, or a review's address (France24's «قراءة-في-الصحف»,
«صحف-العالم») makes one.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

_MARKS = "[\u064b-\u0652\u0640]"  # harakat and tatweel, which a headline may carry

# «في صحف عربية:», «صحف بريطانية:», «الصحف الفرنسية:», «صحف:» — papers (and up to two words
# saying whose) before a colon at the headline's start; or a review's own name anywhere in it.
_TITLE = re.compile(
    r"^\s*(?:في\s+)?(?:ال)?صحف(?:\s+[^\s:]+){0,2}\s*:"
    r"|عرض\s+(?:ال)?صحف|جولة\s+في\s+(?:ال)?صحف|قراءة\s+في\s+(?:ال)?(?:صحف|صحافة)")
# «في الصحف اليوم:», «في صحف اليوم:», «اهتمت الصحف العالمية الصادرة اليوم بـ…», «تابعت الصحف
# اليوم…»: a verb of attention, then today's papers, within the lead's first words.
_LEAD = re.compile(
    r"^\s*(?:في\s+(?:ال)?صحف\s+اليوم"
    r"|(?:اهتمت|تابعت|تناولت|ركزت|سلطت|تصدرت|ناقشت)\s+(?:ال)?صحف(?:\s+\S+){0,3}?\s+اليوم)")
# France24's review pages: «/قراءة-في-الصحافة-العالمية/…», «20180220-قراءة-في-الصحف-العالمية-…»,
# «20180306-صحف-العالم-…», «20180312-الصحف-العالمية-…», «20180307-الصحف-الغوطة-…».
_SLUG = re.compile(r"^(?:\d{8}-)?(?:قراءة-(?:في-)?(?:ال)?(?:صحف|صحافة)|(?:ال)?صحف-)")


def _bare(text: str) -> str:
    return re.sub(_MARKS, "", text)


def is_press_review(title: str, lead: str = "", url: str = "") -> bool:
    """Whether the article with this headline, lead (its first paragraph) and address is a press
    review (see the module docstring)."""
    if _TITLE.search(_bare(title)) or _LEAD.match(_bare(lead)):
        return True
    path = unquote(url).split("?")[0].split("#")[0]
    return any(_SLUG.match(part) for part in path.split("/")[3:] if part)
