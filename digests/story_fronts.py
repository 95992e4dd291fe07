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

Places are analyzed key sequences (digests.arabic.analyze: «بالجوف» is «جوف», «دير الزور» is
«دير زور», never «زور» alone) of the towns, provinces and fronts below — no country, no capital;
a name that is also a common word («حرض» incited, «جنين» a fetus, «عدن» of «جنة عدن») counts
only with a place cue before it («في», «ب», «جبهة», «ريف» …, X129). Kept apart from the story
model's place list (digests.event_frame.PLACES), whose features stay as they are. Pure but for
`one_site` and `front_chats`'s reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from digests import arabic

# Only in a story of one site (see the docstring); False: any story (measured, not shipped).
ONE_SITE = True

# Places a war's fronts are named by: towns, provinces, fronts, as analyzed key sequences
# (digests.arabic.analyze: «بالجوف» is «جوف»); a name of several words («دير_الزور») is matched
# as its whole sequence, never by its last word alone («شهادة الزور» is false witness). No country
# and no capital: a headline names them for their government or a whole affair («واشنطن تطالب»,
# «روسيا: …», «الذهب … بفعل الأزمة مع روسيا»), which on the corpus made a quarter of a site's
# stories «another place» (benchmarks/update_volume.py, X126). Left out too: names that are
# mostly common words or people's names («البيضاء» of «الخوذ البيضاء», «حجة», «الباب», «الخليل»,
# «رام الله»), and cities the sports pages name for their clubs.
_FRONTS = """
الجوف صرواح نهم ناطع الحديدة شبوة الضالع لحج أبين حضرموت المكلا المخا ميدي القبيطة الجراحي
حرض الخوخة الصليف جازان نجران عسير المهرة سقطرى مأرب تعز صعدة عدن
حلب إدلب حمص حماة درعا الرقة دير_الزور الغوطة دوما حرستا عربين كفربطنا حمورية جسرين عفرين منبج
القامشلي اللاذقية طرطوس القنيطرة السويداء البوكمال الميادين تدمر جرابلس إعزاز راجو جنديرس
سراقب مضايا الزبداني القلمون جوبر الرستن كوباني الحسكة
الموصل البصرة كركوك أربيل الأنبار تكريت الفلوجة الرمادي سامراء ديالى نينوى الحويجة سنجار
سيناء العريش رفح بنغازي سرت أوباري درنة مصراتة سبها غزة الضفة نابلس جنين قندهار هلمند
"""
# Names that are also common words (X129, REV s26 #1): a place only with a place cue (`_cued`).
# «ترامب حرض أنصاره» (incited), «سرت شائعات» (spread), «حزب حماة الوطن» (protectors), «صحة
# الجنين» (a fetus), «نهم» (greed), «جنة عدن» (Eden), «التحالف تدمر مخزن أسلحة» (destroys),
# «المخاض العسير» (hard), «مصرف ضالع بغسيل أموال» (implicated), «التدخل الجراحي» (surgical),
# «اللون الرمادي» (grey), «العمال المهرة» (skilled), «قناة الميادين» (squares; a TV channel).
_HOMOGRAPHS = "حرض سرت حماة جنين نهم عدن تدمر عسير الضالع الجراحي الرمادي المهرة الميادين"
# A place cue: the word before a homograph (keys): a preposition of place, a kind of place, a
# side of it, a battle's word. Not «من» («من حرض على …»: who incited).
_CUES = frozenset(k for w in """في على إلى نحو قرب داخل جبهة جبهات مدينة محافظة مديرية ريف
    قرية بلدة منطقة مخيم قضاء ولاية ميناء مطار سكان أهالي شوارع معارك معركة هجوم قصف تحرير
    شمال جنوب شرق غرب شمالي جنوبي شرقي غربي أطراف محيط مدخل تخوم""".split()
                  for k in arabic.run_keys(w))
# A proclitic «ب» («بعدن», «وبنهم», «بالجوف») or «و» before a word as written (normalized),
# and the article («ال», «بال», «لل», …): a homograph is written as listed, with its article
# or without («في الجنين» is in a fetus, «في جنين» in the town).
_WITH_B = re.compile("^[وف]?ب")
_WITH_AND = re.compile("^و")
_CLITICS = re.compile("^[وف]?[بلك]?")
_ARTICLE = re.compile("^(?:[وف]?[بكل]?ال|[وف]?لل)..")
# A dateline: a headline's first name followed by «..», «…», «:» or a dash («عدن.. قتلى»).
_DATELINE = re.compile(r"^\s*(?:\.\.|…|:|[-–—]\s)")


@dataclass(frozen=True, slots=True)
class _Name:
    """One place of _FRONTS: its key sequence, the id places_of reports (the keys joined by a
    space: «جوف», «دير زور»), whether it is written with the article, and is a homograph."""

    keys: tuple[str, ...]
    article: bool
    homograph: bool

    @property
    def id(self) -> str:
        return " ".join(self.keys)


def _names() -> dict[str, list[_Name]]:
    homographs = set(_HOMOGRAPHS.split())
    out: dict[str, list[_Name]] = {}
    for written in _FRONTS.split():
        words = written.split("_")
        keys = tuple(arabic.analyze(" ".join(words)))
        name = _Name(keys, bool(_ARTICLE.match(arabic.normalize(words[0]))),
                     written in homographs)
        out.setdefault(keys[0], []).append(name)
    for names in out.values():
        names.sort(key=lambda n: -len(n.keys))  # the longest name first
    return out


_NAMES = _names()
# Every place id places_of may give (a name's keys joined by a space).
PLACE_KEYS = frozenset(n.id for names in _NAMES.values() for n in names)
# The keys of the one-word names that need no cue: a homograph joined to one of them by «و»
# («صرواح ونهم», «نهم وصرواح») is a place in a list of places.
_PLAIN = frozenset(n.keys[0] for names in _NAMES.values() for n in names
                   if len(n.keys) == 1 and not n.homograph)


@dataclass(frozen=True, slots=True)
class _Word:
    key: str
    norm: str  # the run as written, normalized (its clitics and article kept)
    end: int  # where the run ends in the headline


def _words(headline: str) -> list[_Word]:
    """The headline's words, keyed as digests.arabic.analyze keys them, with their runs."""
    runs: dict[int, list[arabic.Token]] = {}
    for token in arabic.tokens(headline):
        runs.setdefault(token.start, []).append(token)
    return [_Word(k, t.norm, t.end) for run in runs.values()
            for t, k in zip(run, arabic.run_keys(run[0].text))]


def _is_cue(word: _Word) -> bool:
    """Whether `word` is a place cue, its clitics read off when the key kept them («بمديرية»
    is keyed whole: the stemmer strips «ب» only from the words it knows)."""
    if word.key in _CUES:
        return True
    keys = arabic.run_keys(_CLITICS.sub("", word.norm))
    return bool(keys) and _CUES.issuperset(keys)


def _cued(words: list[_Word], i: int, headline: str) -> bool:
    """Whether the homograph at `words[i]` reads as a place: a «ب» written on it, a cue word
    before it, a dateline, or «و» joining it to a plain place."""
    word = words[i]
    if _WITH_B.match(word.norm) and not word.key.startswith("ب"):
        return True
    if i and (_is_cue(words[i - 1])
              or _WITH_AND.match(word.norm) and words[i - 1].key in _PLAIN):
        return True
    if i == 0 and _DATELINE.match(headline[word.end:]):
        return True
    return (i + 1 < len(words) and words[i + 1].key in _PLAIN
            and bool(_WITH_AND.match(words[i + 1].norm)))


def places_of(headline: str, *, strict: bool = True) -> frozenset[str]:
    """The places (ids of PLACE_KEYS) a headline names: a name's whole key sequence; a homograph
    only written as listed (with or without its article) and with a place cue — or, not
    `strict`, any homograph written (what a reader may have taken for the place)."""
    words = _words(headline or "")
    found: set[str] = set()
    i = 0
    while i < len(words):
        step = 1
        for name in _NAMES.get(words[i].key, ()):
            n = len(name.keys)
            if tuple(w.key for w in words[i:i + n]) != name.keys:
                continue
            if strict and name.homograph and (
                    bool(_ARTICLE.match(words[i].norm)) != name.article
                    or not _cued(words, i, headline)):
                continue
            found.add(name.id)
            step = n
            break
        i += step
    return frozenset(found)


def new_places(headline: str, sent: Iterable[str]) -> frozenset[str]:
    """The places `headline` names that none of the `sent` headlines named. A sent headline is
    read loosely: a homograph there without a cue («الحوثيون يقصفون حرض») still counts as named,
    so the cue a later report writes («معارك في حرض») makes no front of a place the chat had."""
    mine = places_of(headline)
    if not mine:
        return mine
    for other in sent:
        mine -= places_of(other, strict=False)
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
    another front. No chat when the headline names no place, or (ONE_SITE) the story is not
    one site's. One query for the story's sent rows, not one a chat (QA72-4)."""
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
    # and the reports daily digests carried as items (digests.daily_rows, X122)
    from digests import daily_holders, daily_rows

    for _row, chat_id, status, sent_at, _s, article, reason in daily_holders.holders(
            db, daily_rows.family(db, [story])):
        if status == "sent" and reason is None and article is not None and chat_id in wanted:
            row = db.execute(
                """select coalesce((select h.headline from earlier_headlines h
                                    where h.article_id = a.id and h.replaced_at >= ?
                                    order by h.replaced_at, h.id limit 1),
                                   nullif(a.headline, ''), a.title)
                   from articles a where a.id = ?""", [sent_at, article]).fetchone()
            sent.setdefault(int(chat_id), []).append(str(row[0] or "") if row else "")
    return {chat for chat in wanted if new_places(headline, sent.get(chat, ()))}
