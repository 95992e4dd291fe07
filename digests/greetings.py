"""Greetings and small talk a new reader types first: «مرحبا», «السلام عليكم», «hello», «شكرا».

Typed into the chat they were searched as topics and answered «لم أجد أخبارًا عن «مرحبا»» with a
button to *follow* the greeting (QA26 N3). `small_talk` tells them apart so the bot answers with
a short welcome and what to type. Only the whole message counts (a greeting, maybe with «يا بوت»,
«nashra» or punctuation and emoji around it): «صباح الخير يا مصر» (a programme) or «السلام»
(peace, a topic of the news) stay topics. A greeting that opens a longer message («السلام
عليكم، شو الاخبار؟», «مرحبا، شو صار امبارح؟») is left out of it (`after_greeting`, QA57-9): the
rest is what the reader asks. Pure functions.
"""

from __future__ import annotations

import re
from typing import Literal

from digests.arabic import normalize

Kind = Literal["hello", "thanks", "how"]

# Normalized as digests.arabic.normalize writes them (أ/إ/آ → ا, ة → ه, ى → ي, tashkeel dropped)
_FORMS: dict[Kind, tuple[str, ...]] = {
    "hello": (
        "مرحبا", "مرحبتين", "مراحب", "اهلا", "اهلين", "اهلا وسهلا", "هلا", "هلا والله", "هاي",
        "السلام عليكم", "سلام عليكم", "السلام عليكم ورحمه الله", "السلام عليكم ورحمه الله وبركاته",
        "سلام", "صباح الخير", "مساء الخير", "صباح النور", "مساء النور", "صباحو", "مسا الخير",
        "hi", "hello", "hey", "hiya", "hallo", "salam", "salaam", "salam alaikum",
        "assalamu alaikum", "good morning", "good evening", "good afternoon", "greetings",
        "marhaba", "ahlan", "yo", "howdy",
    ),
    "thanks": (
        "شكرا", "شكرا جزيلا", "شكرا لك", "مشكور", "مشكورين", "تسلم", "تسلم ايدك", "يعطيك العافيه",
        "الله يعطيك العافيه", "جزاك الله خيرا", "thanks", "thank you", "thanks a lot", "thx",
        "ty", "cheers", "shukran", "ok thanks", "great thanks",
    ),
    "how": (
        "كيف حالك", "كيفك", "كيف الحال", "شلونك", "ازيك", "عامل ايه", "اخبارك", "شو اخبارك",
        "how are you", "how r u", "how are u", "whats up", "what's up", "sup",
    ),
}
# Words a greeting may carry around it: the bot's name, «يا», «there».
_EXTRA = frozenset({"يا", "بوت", "البوت", "نشره", "nashra", "bot", "there", "everyone", "all",
                    "dear", "اخي", "friend", "again"})
_NOT_WORD = re.compile(r"[^\w\s']+")
_REPEATS = re.compile(r"(\w)\1{2,}")  # «مرحبااا», «hiii»: a letter held


def _plain(text: str) -> str:
    text = _NOT_WORD.sub(" ", normalize(text)).replace("_", " ")
    return " ".join(_REPEATS.sub(r"\1", text).split())


_KINDS: dict[str, Kind] = {_plain(form): kind for kind, forms in _FORMS.items() for form in forms}
MAX_WORDS = 8  # longer text is a question or a paste, whatever its first words


def small_talk(text: str) -> Kind | None:
    """The kind of small talk `text` is, as the whole message: "hello" («مرحبا», «السلام
    عليكم يا بوت», «hi!»), "thanks" («شكرا 🙏»), "how" («كيف حالك؟»), or a greeting joined to
    another («مرحبا، كيف حالك» is "how"); None for anything else."""
    words = _plain(text).split()
    if not words or len(words) > MAX_WORDS:
        return None
    words = [w for w in words if w not in _EXTRA] or words
    kinds: list[Kind] = []
    at = 0
    while at < len(words):  # the longest form at each place: «السلام عليكم ورحمه الله»
        for size in range(min(len(words) - at, 6), 0, -1):
            kind = _KINDS.get(" ".join(words[at:at + size]))
            if kind is not None:
                kinds.append(kind)
                at += size
                break
        else:
            return None
    if "how" in kinds:
        return "how"
    return "thanks" if "thanks" in kinds else "hello"


# Greetings that open a message and never a topic's name, even with no comma after them; the
# others («سلام», «صباح الخير»: a programme, «صباح الخير يا مصر») only before punctuation.
_OPENERS = frozenset(_plain(f) for f in (
    "مرحبا", "مرحبتين", "اهلا", "اهلين", "اهلا وسهلا", "هلا", "هلا والله", "السلام عليكم",
    "سلام عليكم", "السلام عليكم ورحمه الله", "السلام عليكم ورحمه الله وبركاته", "hi", "hello",
    "hey", "salam alaikum", "assalamu alaikum", "marhaba", "ahlan"))
_LEAD = re.compile(r"[\w']+|[^\w\s]+")


def after_greeting(text: str) -> str | None:
    """The rest of a message that opens with a greeting and goes on («السلام عليكم، شو الاخبار؟»
    → «شو الاخبار؟»; «مرحبا يا بوت، غزة» → «غزة»), as typed; None when it does not open with one,
    or is only small talk. «سلام» or «صباح الخير» count only before punctuation («صباح الخير يا
    مصر» stays whole)."""
    runs = list(_LEAD.finditer(text))
    words = [m for m in runs if m.group()[0].isalnum() or m.group()[0] in "_'"]
    for size in range(min(6, len(words) - 1), 0, -1):
        said = [_plain(m.group()) for m in words[:size]]
        form = " ".join(w for w in said if w not in _EXTRA)
        if said[0] in _EXTRA or _KINDS.get(form) != "hello":
            continue
        end = words[size - 1].end()
        after = text[end:]
        punct = bool(re.match(r"\s*[^\w\s]", after))
        if not punct and form not in _OPENERS:
            return None
        rest = after.lstrip(" \t\n،,!.؛;:-—")
        extra = rest.split(maxsplit=1)
        while extra and _plain(extra[0]) in _EXTRA:  # «مرحبا، يا بوت، غزة»
            rest = (extra[1] if len(extra) > 1 else "").lstrip(" \t\n،,!.؛;:-—")
            extra = rest.split(maxsplit=1)
        rest = rest.strip()
        return rest if rest and small_talk(rest) is None else None
    return None
