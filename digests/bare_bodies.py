"""A bare «الصحيفة», «الوكالة», «الوزارة», «الخارجية», «البيان» credited with a quote: the body
the article named before (QA21 R5).

A compact digest shows one quote a story, out of its article: «— الصحيفة» names nobody there,
though the article wrote «صحيفة "الغارديان" البريطانية» a paragraph before. `resolve` gives
each such candidate the last body of that kind named before its words («وكالة الأنباء
السعودية», «وزارة الخارجية الروسية»), and a bare «البيان» the named speaker of the last
quote said «في بيان» (the statement's issuer) or the issuer written with the statement («البيان
الصادر عن مكتب X», «بيان أصدره/نشره X» when X is no medium, «بيان للشرطة»: F21); a bare
«المصدر» the source described before (digests.bare_sources) or, when the article described
none, the medium named before it («نشر موقع "…"»). A speaker that is also a verb's tail
(`speaker_checks.describing_verb_cut`) is cut here too, for the paths (direct speech, a
«كان» subject) that read it without that check. Pure functions of the candidates and the
paragraphs they were read from. The statement's issuer and the strict reading of a body's
name are digests.statement_issuers.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from digests.another_heads import another_of
from digests.bare_apposed import apposed_before, is_bare_title
from digests.bare_sources import described_source
from digests.nisba_bodies import is_nisba_body, named_with_nisba
from digests.bare_plurals import is_bare_plural, named_plural
from digests.bare_presidents import is_bare_president, named_president
from digests.bare_titles import is_bare_trade, named_trade
from digests.called_bodies import called_before, is_bare_definite, topic_of
from digests.definite_bodies import DEFINITE_BODIES, definite_name
from digests.posted_statements import posted_by
from digests.speaker_checks import describing_verb_cut
from digests.speech import fold
from digests.statement_issuers import (
    STATEMENT_WORDS,
    in_statement,
    name_after,
    statement_issuer,
    vague,
    written_issuer,
)
from digests.texts_before import texts_before

if TYPE_CHECKING:
    from digests.quotes import Candidate

log = logging.getLogger(__name__)

# A bare definite body (folded) → the indefinite head that names it in full, and the word that
# must follow that head («وزارة الخارجية …» for «الخارجية»; "" any).
_HEADS: dict[str, tuple[str, str]] = {
    "الصحيفه": ("صحيفه", ""),
    "الوكاله": ("وكاله", ""),
    "الوزاره": ("وزاره", ""),
    "الخارجيه": ("وزاره", "الخارجيه"),
    # F22 (seed 23's slips): «هيئة الإذاعة البريطانية», «موقع "أكسيوس"», «نشرة "…"»
    "الهيئه": ("هيئه", ""),
    "الموقع": ("موقع", ""),
    "النشره": ("نشره", ""),
    # F23 (seed 24's slips, 1072): «وزيرة التنمية الدولية», «وزير الخارجية الأمريكي»
    "الوزيره": ("وزيره", ""),
    "الوزير": ("وزير", ""),
    # F24 (F23's left: «المجلس», 2700; the bare bodies most often shown): «مجلس الأمن
    # الدولي», «تقرير التنمية البشرية», «منظمة العفو الدولية», «لجنة الانتخابات المركزية»,
    # «سفارة الولايات المتحدة». Not «الشركة» (the story's company is often named without
    # «شركة»: «"فيسبوك"» then «شركة "كمبريدج أناليتيكا"», development gold AL-technology-121)
    # nor «المحكمة» (development gold writes it bare where «محكمة الدرجة الأولى» was named:
    # F27 adds it below, with F26's guard).
    "المجلس": ("مجلس", ""),
    "التقرير": ("تقرير", ""),
    "المنظمه": ("منظمه", ""),
    "اللجنه": ("لجنه", ""),
    "السفاره": ("سفاره", ""),
    # F27 (F26's left, 2155): «محكمة العدل الاتحادية الألمانية» then «وقالت المحكمة». With
    # F26's guard (a court also written definite, or two named, leaves the word bare) the
    # development gold's bare «المحكمة» stays bare.
    "المحكمه": ("محكمه", ""),
    # F28 (seed 29, 6189): «أعلنت منصة #إنستغرام …» then «وأوضحت المنصة أن»
    "المنصه": ("منصه", ""),
}
# F24's heads: the same body is often written definite as well («المحكمة الدستورية العليا»),
# so a bare word after such a mention means it, not an indefinite «محكمة X» named before it.
_DEFINITE_TOO = frozenset("المجلس التقرير المنظمه اللجنه السفاره المحكمه".split())
# Words a cut name ends in: an issuing participle whose issuer was left out («تقرير صادر»,
# «تقرير نشره "…"»), no name to give a bare body. Folded.
_CUT_ENDS = frozenset("صادر صادره الصادر الصادره نشره نشرته اصدره اصدرته المكلف المكلفه".split())
# Heads whose genitive is a portfolio that may join two («وزير الطاقة والصناعة»). Folded.
_PORTFOLIOS = frozenset("وزير وزيره وزاره".split())
# Prepositions and conjunctions glued to the head («لصحيفة», «وبحسب وكالة» is two words).
_GLUED = ("و", "ف", "ل", "ب", "ول", "وب", "فل")
_BARE_STATEMENT = frozenset("البيان".split())
# «وقال البيان الصادر عن مكتب X إن»: the speaker read to «عن» (F21; 5 corpus digests). Folded.
_CUT_STATEMENT = frozenset({"البيان الصادر"})
_BARE_SOURCE = frozenset("المصدر".split())
# Words before a wire credited for the writer's facts («وفقا لوكالة …»). Folded.
_CREDITS = frozenset("وفقا طبقا تبعا نقلا حسب بحسب وحسب وبحسب".split())


def _head_at(norm: str, head: str) -> bool:
    return norm == head or any(norm == p + head for p in _GLUED)


# The last body of the kind was written in a form not read strictly («صحيفة ماركا الإسبانية
# الضوء»): an earlier one is not the body meant, the bare word stays.
_UNREAD = "\0"


def _named(text: str, head: str, then: str) -> tuple[str, int]:
    """The full name of the last `head` body in `text` («صحيفة "الغارديان" البريطانية») and
    where it is, below zero for a credit («وفقا لوكالة …», «بحسب صحيفة …»); `_UNREAD` when
    it is not read strictly; ("", 0) when none is written there."""
    words = text.split()
    for m in range(len(words) - 1, -1, -1):
        w = words[m]
        norm = fold(w.rstrip("،,.:"))
        if not _head_at(norm, head):
            continue
        if then and (m + 1 >= len(words) or fold(words[m + 1].rstrip("،,.:")) != then):
            continue
        at = len(" ".join(words[:m]))
        if m > 0 and fold(words[m - 1]) in _CREDITS:
            at = -at - 1  # (a credit: see `_body`)
        bare = w[len(w) - len(head):] if norm != head else w
        return name_after([*words[:m], bare, *words[m + 1:]], m,
                          joined=head in _PORTFOLIOS) or _UNREAD, at
    return "", 0


def _spoken(prior: Sequence[Candidate], head: str, then: str) -> Candidate | None:
    """The last named quote before whose speaker is a `head` body («وكالة الأنباء الرسمية
    لكوريا الشمالية» for a later «الوكالة»)."""
    for c in reversed(prior):
        words = [fold(w.strip("،,.:")) for w in c.speaker.split()]
        if c.named and len(words) >= 2 + bool(then) and _head_at(words[0], head) and (
                not then or words[1] == then) and words[-1] not in _CUT_ENDS:
            return c
    return None


def _body(paragraphs: Sequence[str], c: Candidate, prior: Sequence[Candidate], head: str,
          then: str) -> str:
    """The body a bare `head` credited with `c` means: the one named last before its words,
    in the text or as the speaker of an earlier quote; "" when that one was not read."""
    spoken = _spoken(prior, head, then)
    for pi, text in texts_before(paragraphs, c.paragraph, c.start, backward=True):
        name, at = _named(text, head, then)
        if ("ال" + head) in _DEFINITE_TOO and _definite_in(text, head):
            # «قضت المحكمة الدستورية العليا بعدم الاعتداد بأحكام محكمة الأمور …، ورأت
            # المحكمة»: the body written definite may be the one meant; it is named when every
            # definite mention names one body, else the word stays bare (F26)
            return _definite_body(paragraphs, c, head)
        if not name:
            continue
        if fold(name.split()[-1]) in _CUT_ENDS:
            return ""
        if spoken is not None and (at < 0 or (spoken.paragraph, spoken.start) > (pi, at)):
            # (a wire credited for the writer's facts, «وفقا لوكالة "فرانس برس"», is not the
            # agency that spoke before: seed 479, Fitch)
            return spoken.speaker
        return "" if name == _UNREAD else name
    if spoken is not None:
        return spoken.speaker
    # «أصدرت الهيئة الوطنية العليا للمساءلة والعدالة …» then «وقالت الهيئة» (seed 27, 2887):
    # no indefinite «هيئة X» was written; the definite name is the body
    return _definite_body(paragraphs, c, head)


def _definite_body(paragraphs: Sequence[str], c: Candidate, head: str) -> str:
    """The one definite name of a `head` body written before `c` (digests.definite_bodies),
    for the heads that take one; "" otherwise."""
    body = "ال" + head
    if body not in DEFINITE_BODIES:
        return ""
    return definite_name(paragraphs, c.paragraph, c.start, body)


def _definite_in(text: str, head: str) -> bool:
    """`text` writes the body definite with a word of its own («المحكمة الدستورية», «اللجنة
    الأولمبية», «والمجلس الأعلى»)."""
    words = text.split()
    return any((fold(w) == "ال" + head or any(fold(w) == p + "ال" + head for p in _GLUED))
               and w == w.rstrip("،,.:") and fold(words[m + 1]).startswith("ال")
               for m, w in enumerate(words[:-1]))


def _issuer(prior: Sequence[Candidate]) -> str:
    """The named speaker of the last quote read from a sentence «… في بيان …», or the issuer
    of the last quote credited to a statement («بيان صادر عن البيت الأبيض»)."""
    for c in reversed(prior):
        speaker = statement_issuer(c.speaker)
        issued = speaker != c.speaker
        words = [fold(w) for w in speaker.split()]
        if not c.named or not words or any(w in STATEMENT_WORDS or w in ("فيه", "فيها", "الصادر")
                                           for w in words) or (
                words[0] in _HEADS and (words[0] not in _DEFINITE_TOO or len(words) == 1)):
            continue
        if issued or in_statement(c.context):
            return "" if vague(words) else speaker
    return ""


# Media a bare «المصدر» may mean: «نشر موقع "سي إن بي سي" … وذكر المصدر أن» (F20's left: 4912,
# 5371). Folded heads, with the word that must follow ("" any).
_MEDIA_SOURCES = (("صحيفه", ""), ("موقع", ""), ("وكاله", ""), ("قناه", ""), ("مجله", ""),
                  ("جريده", ""), ("شبكه", ""))


def _source_medium(paragraphs: Sequence[str], c: Candidate) -> str:
    """The medium a bare «المصدر» at `c` means when the article described no source before
    (no «مصدر …», «مصادر …», no «نقلا عن …» written): the last one named, read strictly (`_named`), in its
    paragraph or the two before; "" otherwise."""
    before = [text for _, text in texts_before(paragraphs, c.paragraph, c.start)]
    if any(fold(w.strip("،,.:\"")).lstrip("وفب").startswith(("مصدر", "مصادر", "نقلا", "نقلت"))
           for text in before for w in text.split()):
        # a person-source was written, or relayed by the medium («وذكرت الصحيفة نقلا عن
        # المسؤول الذي لم تسمه», 775): `described_source` or nobody
        return ""
    for text in reversed(before[-3:]):
        best, where = "", -1
        for head, then in _MEDIA_SOURCES:
            name, at = _named(text, head, then)
            if name and name != _UNREAD and abs(at) > where:
                best, where = name, abs(at)
        if best:
            return best
    return ""


def cut_verb_tails(cands: Sequence[Candidate]) -> list[Candidate]:
    """`cands` whose speakers end in a finite verb without it (the paths — direct speech, a
    «كان» subject — that read a speaker without `describing_verb_cut`)."""
    out: list[Candidate] = []
    for c in cands:
        speaker = _relayed(describing_verb_cut(c.speaker))
        out.append(c if speaker == c.speaker else replace(c, speaker=speaker))
    return out


def _relayed(speaker: str) -> str:
    """«المتحدثة باسم رئيس المفوضية جان كلود يونكر عنه» (read from «ونقلت المتحدثة باسم …
    يونكر عنه أن …», F18's left, corpus 2595): «عنه» relays the one named last, whose words they
    are — the one she speaks for. Other speakers ending in «عنه» («… وجرى الإعلان عنه») are
    misread clauses that cutting «عنه» would not mend: left as they are."""
    words = speaker.split()
    if len(words) < 3 or fold(words[-1]) not in ("عنه", "عنها", "عنهم"):
        return speaker
    on_behalf = next((n for n, w in enumerate(words) if fold(w) == "باسم"), None)
    if on_behalf is None or on_behalf + 2 >= len(words):
        return speaker
    return " ".join(words[on_behalf + 1:-1])


def resolve(paragraphs: Sequence[str], cands: Sequence[Candidate]) -> list[Candidate]:
    """`cands` (all of an article's, in reading order, as read from `paragraphs`) with bare
    bodies named (see the module's docstring)."""
    out: list[Candidate] = []
    for c in cands:
        speaker = c.speaker
        key = fold(speaker)
        if key in _HEADS:
            head, then = _HEADS[key]
            speaker = _body(paragraphs, c, out, head, then) or speaker
        elif key in _BARE_STATEMENT or key in _CUT_STATEMENT:
            speaker = (_issuer(out) or written_issuer(paragraphs, c)
                       or posted_by(paragraphs, c.paragraph, c.start) or speaker)
        elif is_bare_trade(speaker):
            # «وقال الممثل إن …» after «الممثل هيو غرانت» (QA25 E6): the person so titled
            speaker = named_trade(paragraphs, c.paragraph, c.start, speaker) or speaker
        elif is_bare_president(speaker):
            # «وقال الرئيس …» after «الرئيس الأميركي دونالد ترامب» and no other (seed 28, 3595)
            speaker = named_president(paragraphs, c.paragraph, c.start, speaker) or speaker
        elif is_bare_plural(speaker):
            # «قال محققون تابعون للأمم المتحدة …» then «وذكر المحققون …» (F26's left, 4439)
            speaker = named_plural(out, speaker) or speaker
        elif key in _BARE_SOURCE:
            speaker = (described_source(paragraphs, c.paragraph, c.start)
                       or _source_medium(paragraphs, c) or speaker)
        elif key == "اخر":
            # «وعلق أحد المستخدمين "…"، بينما أضاف آخر "…"» (F26's and F27's left)
            speaker = another_of(out, speaker) or speaker
        elif is_nisba_body(speaker):
            # «أعلن نادي نومانسيا الإسباني …» then «وكتب النادي الإسباني: …» (seed 28, 1594)
            speaker = named_with_nisba(paragraphs, c.paragraph, c.start, speaker) or speaker
        elif is_bare_title(speaker):
            # «وقرر القاضي، غوردن ويذرويل، أن» then «وقال القاضي …» (seed 29, 2610)
            speaker = apposed_before(paragraphs, c.paragraph, c.start, speaker) or speaker
        elif is_bare_definite(speaker):
            # «بالنسبة إلى "إل جي"، مثلا، أعلنت الشركة», «والمجموعة … تدعى "…"» (F30's left)
            speaker = (topic_of(paragraphs, c.paragraph, c.start, speaker)
                       or called_before(paragraphs, c.paragraph, c.start, speaker) or speaker)
        if speaker != c.speaker:
            log.debug("speaker_resolved from=%s to=%s", c.speaker, speaker)
            c = replace(c, speaker=speaker)
        out.append(c)
    return out


def named_in(resolved: Sequence[Candidate], c: Candidate) -> str:
    """The speaker `resolve` gave candidate `c` (ranked, maybe cut to a part of a found one):
    the found candidate of its paragraph whose span holds its start."""
    return next((r.speaker for r in resolved if r.paragraph == c.paragraph
                 and r.start <= c.start <= r.start + len(r.text)), c.speaker)
