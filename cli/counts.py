"""An Arabic count and its noun, as Arabic numerals require, for the command line's lines.

«مصدر واحد», «مصدران», «٩ مصادر», «١١ مصدرًا», «١٠٠ مصدر», and a word for none («لا مصادر»):
3–10 take the plural, 11–99 the accusative singular, hundreds and thousands (and what ends in
00–02 past a hundred) the genitive singular. QA30 O6: `restore` wrote «8 تسليمًا … 5 رابطًا».
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import num


@dataclass(frozen=True)
class Noun:
    """The forms a counted noun takes: one, two, 3–10 (plural), 11–99 (accusative singular),
    100 and up (genitive singular), and the phrase for none."""

    one: str
    two: str
    few: str
    accusative: str
    genitive: str
    none: str


def ar_counted(n: int, noun: Noun) -> str:
    """`n` with `noun` in the form the number takes, digits in Arabic-Indic."""
    if n == 0:
        return noun.none
    if n == 1:
        return noun.one
    if n == 2:
        return noun.two
    rest = n % 100
    if 3 <= rest <= 10:
        return f"{num(n, 'ar')} {noun.few}"
    if 11 <= rest <= 99:
        return f"{num(n, 'ar')} {noun.accusative}"
    return f"{num(n, 'ar')} {noun.genitive}"


SOURCES = Noun("مصدر واحد", "مصدران", "مصادر", "مصدرًا", "مصدر", "لا مصادر")
DELIVERIES = Noun("تسليم واحد", "تسليمان", "تسليمات", "تسليمًا", "تسليم", "لا تسليمات")
LINKS = Noun("رابط واحد", "رابطان", "روابط", "رابطًا", "رابط", "لا روابط")

__all__ = ["DELIVERIES", "LINKS", "Noun", "SOURCES", "ar_counted"]
