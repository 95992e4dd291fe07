"""X120 (session 26): QA74-16 and QA74-17, a Latin name the search knows and «هل تقصد» in English.

QA74-16: «/search Brexit» with no Brexit news answered «الموضوعات تُبحث بالعربية: اكتب الاسم كما
تكتبه الأخبار العربية», though the search reads «Brexit» as «بريكست» (digests.variants.SYNONYMS).
It is answered as «Ghouta» is: the mapping said, then nothing-yet with the 🔔 button.
QA74-17: «Ramadan» offered [شهر رمضان] [طارق رمضان], Arabic only, to an English reader; the
buttons now carry English as the others do («Tariq Ramadan (طارق رمضان)»).
"""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db
from searchkit import archive

from bot.latin_help import latin_synonym
from digests import subscriptions
from digests.storage import Database

MAPPED_AR = "الموضوعات تُبحث بالعربية: «Brexit» هو «بريكست»."
MAPPED_EN = "Topics are searched in Arabic: «Brexit» is «بريكست»."


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


def test_a_latin_synonym_is_its_arabic_name() -> None:
    assert latin_synonym("Brexit") == latin_synonym(" brexit ") == "بريكست"
    assert latin_synonym("Syria") is None and latin_synonym("بريكست") is None


async def test_brexit_without_news_is_answered_as_ghouta(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [got] = await h.say(READER, "/search Brexit")
        text = _plain(got.plain_text)
        assert MAPPED_AR in text and "اكتب الاسم" not in text, text
        follow = [b for b in got.button_texts() if "تابع" in b]
        assert follow, got.button_texts()
        [done] = await h.click(got, follow[0])
        assert "تمت متابعة" in done.plain_text, done.plain_text
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, READER)] == ["بريكست"]
        [got] = await h.say(READER + 1, "Brexit", language_code="en")
        text = _plain(got.plain_text)
        assert MAPPED_EN in text and "write the name" not in text.lower(), text
        assert any("Follow" in b or "🔔" in b for b in got.button_texts()), got.button_texts()


async def test_brexit_with_news_says_the_mapping_above_the_results(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    with Database(path) as db:
        archive(db, {"en": ("اتفاق حول Brexit", "توصلت لندن وبروكسل إلى اتفاق حول Brexit."),
                     "ar": ("مفاوضات بريكست تتعثر", "تعثرت مفاوضات بريكست بين لندن وبروكسل.")})
    async with running_bot(path) as h:
        [got] = await h.say(READER, "/search Brexit")
        text = _plain(got.plain_text)
        assert MAPPED_AR in text and "اتفاق حول Brexit" in text and "بريكست تتعثر" in text, text


async def test_did_you_mean_buttons_carry_english(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    with Database(path) as db:
        archive(db, {"month": ("شهر رمضان يبدأ", "يبدأ شهر رمضان غدا في أغلب الدول."),
                     "tv": ("مسلسلات رمضان", "تعرض القنوات مسلسلات رمضان هذا العام."),
                     "man": ("محاكمة طارق رمضان", "بدأت في باريس محاكمة طارق رمضان.")})
    async with running_bot(path) as h:
        [got] = await h.say(READER, "Ramadan", language_code="en")
        labels = got.button_texts()
        assert "Month of Ramadan (شهر رمضان)" in labels, labels
        assert "Tariq Ramadan (طارق رمضان)" in labels, labels
        [found] = await h.click(got, "Tariq Ramadan (طارق رمضان)")
        assert "محاكمة طارق رمضان" in found.plain_text, found.plain_text
        # Arabic readers keep the names as the news writes them
        [got] = await h.say(READER + 1, "رمضان")
        assert "طارق رمضان" in got.button_texts(), got.button_texts()


async def test_subscribe_brexit_follows_its_arabic_name(tmp_path: Path) -> None:
    """As /search answers it: /subscribe Brexit was refused «topics are followed in Arabic»."""
    async with running_bot(sample_db(tmp_path)) as h:
        [got] = await h.say(READER, "/subscribe Brexit")
        text = _plain(got.plain_text)
        assert MAPPED_AR in text and "تمت متابعة «بريكست»" in text, text
        [got] = await h.say(READER + 1, "/subscribe Brexit", language_code="en")
        assert MAPPED_EN in _plain(got.plain_text), got.plain_text
        for chat in (READER, READER + 1):
            assert [s.topic for s in subscriptions.list_subscriptions(h.db, chat)] == ["بريكست"]
