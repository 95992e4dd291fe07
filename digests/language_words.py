"""The language a reader names after /lang (QA44 T11): «/lang en», «/lang English», «/lang عربي»
set it at once, as the picker's button does; a word not known here opens the picker. Pure (the
words a reader types are read here, as digests.general_names reads the general digest's)."""

from __future__ import annotations

# folded: casefold, «أ/إ/آ» as «ا», «ة» as «ه»
_WORDS = {
    "en": "en", "eng": "en", "english": "en", "انجليزي": "en", "الانجليزيه": "en",
    "انجليزيه": "en", "الانكليزيه": "en", "انكليزي": "en",
    "ar": "ar", "arabic": "ar", "عربي": "ar", "العربيه": "ar", "عربيه": "ar",
}
_FOLD = str.maketrans("أإآة", "اااه")


def language_asked(args: list[str] | None) -> str | None:
    """The language code the words after /lang name, or None (none, or a word not known)."""
    if not args:
        return None
    word = " ".join(args).casefold().strip(" .!«»\"'").translate(_FOLD)
    return _WORDS.get(word)
