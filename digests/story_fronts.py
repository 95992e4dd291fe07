"""A story's other fronts: a later report whose headline names a place the chat was not sent (X126).

QA71-5: Al Arabiya's reports of one day's battles on different Yemeni fronts (al-Jawf 08:26,
Sirwah 14:43, al-Aqaba 17:46) share one story — one site's house style reads as one event to the
story model, and no labelled pair of that shape exists to change it on (S35 «(c)»). A follower of
«اليمن» got the first only: the others came under UPDATE_AFTER (18 h) with no figure, so none was
an update (digests.story_updates). Readers keep fronts apart, so a report of such a story whose
headline names a place no headline the chat was sent of the story named is news of another
front: it comes as an update («🔄 تحديث») the same day. Only in a story all of whose reports are
one site's (ONE_SITE): across sites the same event is told under different places (a city, its
province, its country), and a second site's «دوما» after the first's «الغوطة» is the same shelling
(benchmarks/update_volume.py measures both). A same-front rolling series names its place again
and stays silent.

Places are analyzed keys (digests.arabic.analyze: «بالجوف» is «جوف») of the towns, provinces and
fronts below — no country, no capital (PLACE_KEYS says why); kept apart from the story model's
place list (digests.event_frame.PLACES), whose features stay as they are. Pure but for
`one_site` and `front_chats`'s reads.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from digests import arabic

# Only in a story of one site (see the docstring); False: any story (measured, not shipped).
ONE_SITE = True

# Places a war's fronts are named by: towns, provinces, fronts (one key each: the last word
# analyzed, as digests.event_frame.PLACES reads its names). No country and no capital: a headline
# names them for their government or a whole affair («واشنطن تطالب», «روسيا: …», «الذهب … بفعل
# الأزمة مع روسيا»), which on the corpus made a quarter of a site's stories «another place»
# (benchmarks/update_volume.py, X126). Left out too: names that are also common words or
# people's names («البيضاء» of «الخوذ البيضاء», «حجة», «الباب», «الخليل», «رام الله»), and cities
# the sports pages name for their clubs.
_FRONTS = """
الجوف صرواح نهم ناطع الحديدة شبوة الضالع لحج أبين حضرموت المكلا المخا ميدي القبيطة الجراحي
حرض الخوخة الصليف جازان نجران عسير المهرة سقطرى مأرب تعز صعدة عدن
حلب إدلب حمص حماة درعا الرقة دير_الزور الغوطة دوما حرستا عربين كفربطنا حمورية جسرين عفرين منبج
القامشلي اللاذقية طرطوس القنيطرة السويداء البوكمال الميادين تدمر جرابلس إعزاز راجو جنديرس
سراقب مضايا الزبداني القلمون جوبر الرستن كوباني الحسكة
الموصل البصرة كركوك أربيل الأنبار تكريت الفلوجة الرمادي سامراء ديالى نينوى الحويجة سنجار
سيناء العريش رفح بنغازي سرت أوباري درنة مصراتة سبها غزة الضفة نابلس جنين قندهار هلمند
"""
PLACE_KEYS = frozenset(
    k for name in _FRONTS.split() for k in arabic.analyze(name.replace("_", " "))[-1:])


def places_of(headline: str) -> frozenset[str]:
    """The places (keys of PLACE_KEYS) a headline names."""
    return frozenset(k for k in arabic.analyze(headline or "") if k in PLACE_KEYS)


def new_places(headline: str, sent: Iterable[str]) -> frozenset[str]:
    """The places `headline` names that none of the `sent` headlines named."""
    mine = places_of(headline)
    if not mine:
        return mine
    for other in sent:
        mine -= places_of(other)
        if not mine:
            break
    return mine


def one_site(db: sqlite_utils.Database, story: int) -> bool:
    """Whether every report of `story` (merged halves included) is one site's
    (digests.story_sites.site_of: two feeds of one site are one site)."""
    from digests.story_sites import site_of

    sites = {site_of(str(url or ""), source) for url, source in db.execute(
        """select url, source_id from articles where story_id = ? or story_id in
           (select merged_id from story_merges where into_id = ?)""", [story, story])}
    return len(sites) <= 1


def front_chats(db: sqlite_utils.Database, headline: str, story: int,
                chat_ids: Iterable[int]) -> set[int]:
    """The chats of `chat_ids` whose sent headlines of `story` (as shown: story_updates.
    sent_headlines) name none of the places `headline` names: for them the report is news of
    another front. None when the headline names no place, or (ONE_SITE) the story is not one
    site's. One query for the story's sent rows, not one a chat (QA72-4)."""
    wanted = set(chat_ids)
    if not wanted or not places_of(headline) or (ONE_SITE and not one_site(db, story)):
        return set()
    from digests.earlier_headlines import SHOWN
    from digests.story_updates import IN_STORY

    sent: dict[int, list[str]] = {}
    for chat_id, shown in db.execute(
            f"""select o.chat_id, coalesce({SHOWN}, nullif(a.headline, ''), a.title)
                from outbox o join articles a on a.id = o.article_id
                where o.status = 'sent' and {IN_STORY}""", [story, story]):
        if chat_id in wanted:
            sent.setdefault(int(chat_id), []).append(str(shown or ""))
    return {chat for chat in wanted if new_places(headline, sent.get(chat, ()))}
