"""Headlines of analysis, opinion and explainer pieces (brief S29, QA59-49; pure).

A story's face (digests.story_face) should be a report of the event. An analysis that sets the
event beside another («حين دك أردوغان الغوطة.. وقصف الأسد عفرين»), an opinion column («رأي: …»),
an explainer («لهذه الأسباب ارتفع الذهب», «تعرف على …», «ما هي الأسباب التي أطاحت بتيلرسون؟»)
or a question put to the reader («هل تنجح الصين في كبح جماح كيم؟») often shares the most words
with the other reports, because it retells them; shown as the face, it carries «٤ مصادر ·
ينقله أيضًا …» for sites that never ran it. The corpus has no opinion section (its feeds are
news, sport, economy…), so the headline's shape is the signal:

- a label: «رأي:», «تحليل:», «مقال:», «قراءة:», «وجهة نظر:»;
- a question: opening with a question word (هل، لماذا، كيف، ماذا، ما هو/هي، من هو/هي، كم …),
  or ending with «؟» when no speaker is quoted (a «X: …؟» headline reports X's question);
- an explainer's opening or phrase: «لهذه الأسباب», «تعرف على», «ما نعرفه عن», «بالأرقام»,
  «هذه أبرز», «القصة الكاملة», «التفاصيل الكاملة», «قصة …», «في سطور», «… يجب أن تعرفه(ا)» (QA79-4:
  the pre-vote «الانتخابات الرئاسية الروسية: خمسة أشياء يجب أن تعرفها» was a daily digest's face of
  Putin's win; three corpus titles say it, all explainers);
- a clause of time opening it: «حين …», «عندما …» (a retrospective, not the day's fact).

A question after a reported fact is a teaser, not the piece's shape: «ترامب يقبل لقاء كيم.. هل تكون
أهم لحظة بتاريخ البلدين؟» reports the acceptance. The questions are read after a first segment
(before «..») of at least TEASER_WORDS words that is no question itself; «بعد تيلرسون.. هل يقيل
ترمب مستشاره؟» (two words of setting) stays a question.
"""

from __future__ import annotations

import re

_LABEL = re.compile(r"^\s*(?:رأي|تحليل|مقال|قراءة|وجهة نظر)\s*[:：]")
_QUESTION_OPEN = re.compile(
    r"^\s*[\"«“']?(?:هل|لماذا|كيف|ماذا|بماذا|لمن|متى|أين|إلى أين|كم|ما الذي|ما هو|ما هي|ما هم"
    r"|من هو|من هي|من هم|ما قصة|ما سر|ما حقيقة|ماذا بعد)(?=\s|$)")
_EXPLAIN = re.compile(
    r"لهذه الأسباب|تعرف على|تعرّف على|ما نعرفه عن|ما لا تعرفه|بالأرقام|هذه أبرز|هذه أسباب"
    r"|القصة الكاملة|التفاصيل الكاملة|في سطور|كل ما تريد معرفته"
    r"|(?:يجب|ينبغي|عليك) أن تعرف")  # «خمسة أشياء يجب أن تعرفها» (QA79-4)
_OPENING = re.compile(r"^\s*(?:حين|عندما|قصة)\s")
_TRAILING = " \t\"'«»“”.!…)"
_SEGMENTS = re.compile(r"\.{2,}|…")
TEASER_WORDS = 4  # words of a reported fact before «..» that make a following question a teaser


def is_angle_piece(headline: str) -> bool:
    """Whether `headline` reads as an analysis, opinion or explainer piece, or a question put to
    the reader, rather than a report of the event (see the module docstring)."""
    text = (headline or "").strip()
    if not text:
        return False
    if _LABEL.search(text) or _EXPLAIN.search(text) or _OPENING.search(text):
        return True
    head = _SEGMENTS.split(text, maxsplit=1)
    if len(head) == 2 and len(head[0].split()) >= TEASER_WORDS and not _question(head[0]):
        return False  # a reported fact, then a teaser
    return _question(text)


def _question(text: str) -> bool:
    """A question put to the reader: a question word first, or a «؟» at the end with no
    speaker quoted («X: …؟» reports X's question)."""
    if _QUESTION_OPEN.search(text):
        return True
    return text.rstrip(_TRAILING).endswith(("؟", "?")) and ":" not in text
