"""Title heads the speaker modules share (folded, without «ال»), so one list is kept once.

`OFFICE_HEADS` are the offices a person holds («وزير الخارجية», «المتحدثة باسم …»): a body
written after one of them belongs to the speaker's title, not to whom he spoke
(digests.vso_speakers), and it opens a title a bare surname may stand for
(digests.display_names). `KIN_HEADS` name a relation («شقيق الضحية», «زوجة الرئيس»): the
noun after one may carry a pronoun that is no object (digests.object_tails). Each module adds
its own words to these (reviewer RD: three near-copies of the same list).

The smaller groups below are the parts those lists were copied from (QA73-10: the same titles
were written out again in eight modules, so a title added to one was missed by the others).
A module's list is built from them and its own words (`OFFICE_HEADS | SPORT_HEADS | {…}`); where
a module leaves a group's word out on purpose, the module says why.
"""

from __future__ import annotations

# Offices a man holds, as written for him («وزير», «المتحدث»); not «نائب» (below).
MAN_OFFICES = frozenset("رئيس وزير متحدث ناطق سفير مدير قائد زعيم مستشار".split())
# The same offices as written for a woman («وزيرة», «المتحدثة»).
WOMAN_OFFICES = frozenset("رئيسه وزيره متحدثه ناطقه سفيره مديره".split())
# «نائب» is a deputy or a member of parliament, and «النائب» names a woman MP as well as a man:
# an office, but no man's head (digests.speaker_memory leaves it out).
DEPUTY = frozenset({"نائب"})
OFFICE_HEADS = MAN_OFFICES | WOMAN_OFFICES | DEPUTY
# The heads of a delegated office («عضو», «أمين», «مندوب باسم …»), after OFFICE_HEADS.
DELEGATE_HEADS = frozenset("عضو امين مسؤول مسؤوله ممثل مندوب باسم".split())
KIN_HEADS = frozenset("ابن بنت زوج زوجه شقيق شقيقه والد والده اخ اخت".split())
# A team's people («مدرب المنتخب», «نجم ريال مدريد»). Masculine forms.
SPORT_HEADS = frozenset("مدرب لاعب نجم مهاجم حارس".split())
# Royal and tribal titles («الملك سلمان», «الأمير محمد», «الشيخ تميم»). Masculine forms.
ROYAL_HEADS = frozenset("ملك امير شيخ".split())
# The law's people («محامي ستورمي», «القاضي …»). Masculine forms.
LAW_HEADS = frozenset("محامي قاضي".split())
# People who speak for what they study («الخبير في …», «الباحثة», «المحلل»), both genders.
EXPERT_HEADS = frozenset("خبير خبيره باحث باحثه محلل محلله".split())
# A person's title as written for a man («الوزير», «المدرب», «الشيخ», «القاضي»).
PERSON_TITLES = MAN_OFFICES | DEPUTY | SPORT_HEADS | ROYAL_HEADS | LAW_HEADS
# Heads that name a man or a woman by the title, trade or word itself («الملحن», «الممثلة»):
# a bare cue of the other gender never falls back on them (digests.speaker_memory).
MAN_HEADS = MAN_OFFICES | SPORT_HEADS | ROYAL_HEADS | LAW_HEADS | frozenset(
    "خبير باحث طبيب ملحن مخرج ممثل مغني فنان كاتب شاعر صحفي اعلامي رجل".split())
WOMAN_HEADS = WOMAN_OFFICES | frozenset(
    "مستشاره باحثه طبيبه محاميه قاضيه ملكه اميره شيخه مدربه لاعبه نجمه ملحنه مخرجه ممثله"
    " مغنيه فنانه كاتبه شاعره صحفيه اعلاميه سيده امراه فتاه".split())
