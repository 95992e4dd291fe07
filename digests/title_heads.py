"""Title heads the speaker modules share (folded, without «ال»), so one list is kept once.

`OFFICE_HEADS` are the offices a person holds («وزير الخارجية», «المتحدثة باسم …»): a body
written after one of them belongs to the speaker's title, not to whom he spoke
(digests.vso_speakers), and it opens a title a bare surname may stand for
(digests.display_names). `KIN_HEADS` name a relation («شقيق الضحية», «زوجة الرئيس»): the
noun after one may carry a pronoun that is no object (digests.object_tails). Each module adds
its own words to these (reviewer RD: three near-copies of the same list).
"""

from __future__ import annotations

OFFICE_HEADS = frozenset(
    "وزير وزيره رئيس رئيسه متحدث متحدثه ناطق ناطقه سفير سفيره مدير مديره قائد زعيم نائب"
    " مستشار".split())
# The heads of a delegated office («عضو», «أمين», «مندوب باسم …»), after OFFICE_HEADS.
DELEGATE_HEADS = frozenset("عضو امين مسؤول مسؤوله ممثل مندوب باسم".split())
KIN_HEADS = frozenset("ابن بنت زوج زوجه شقيق شقيقه والد والده اخ اخت".split())
