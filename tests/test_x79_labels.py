"""X79 (QA51 L1–L3): a button label built from a headline keeps the headline one unit.

«📖 Story 3: ولي عهد السعودية‎: بشار…» — bot.i18n.t's close_rtl put an LRM inside the headline,
and the English label showed «بشار…» before «ولي عهد السعودية»; the «…» of a cut Arabic
headline was drawn beside its first word, a leading «"» beside its last (L2); a cut inside a
quotation left «"» open and «..» + «…» read «..…» (L3). The labels of a delivered bundle (real
sender, PTB, emulator, real SQLite) and of a search page are checked as sent, marks included,
and as the Unicode bidi algorithm lays them out (python-bidi, a test dependency already)."""

from __future__ import annotations

import re
from pathlib import Path

from botkit import READER, running_bot, sample_db
from delivery_helpers import NOW, add_article, add_chat, add_source, rows
from test_search import add

from bot.i18n_labels import label_words
from digests.models import Quote, RelatedItem, iso
from digests.records import quotes_to_json, related_to_json
from digests.storage import Database

RLM, RLI, PDI = "\u200f", "\u2067", "\u2069"
_MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")
QUOTES = (Quote("الوضع في المدينة خطير جدا", "المتحدث باسم الأمم المتحدة"),
          Quote("لن نتراجع عن مطالبنا مهما حدث", "زعيم المعارضة"),
          Quote("نحن ندرس جميع الخيارات المتاحة", "وزير الخارجية"))
# headline → the words its button shows (cut at a word, one «…», no open quote)
HEADLINES = {
    "ولي عهد السعودية: بشار الأسد باق في السلطة": "ولي عهد السعودية: بشار الأسد…",
    '"التوصل إلى اتفاق" على خروج المسلحين من دوما': '"التوصل إلى اتفاق" على خروج…',
    'محلل لـCNN: هؤلاء "أكبر خاسر" إن انسحبت أمريكا': "محلل لـCNN: هؤلاء أكبر…",
    "ريال مدريد يفوز بسهولة.. ويقترب من الصدارة": "ريال مدريد يفوز بسهولة…",
    "مصر.. العجز يتراجع والتضخم يهبط في يناير": "مصر.. العجز يتراجع والتضخم…",
}


def shown(text: str, base: str | None = None) -> str:
    """`text` as a client lays it out (base direction from its first strong character, as
    Telegram's), marks removed from the result."""
    from bidi import get_display

    return _MARKS.sub("", get_display(text) if base is None else get_display(text, base_dir=base))


def unit(words: str) -> str:
    return f"{RLM}{RLI}{words}{PDI}{RLM}"


def test_label_words_cut_at_a_word_and_never_leave_a_mark_open() -> None:
    for headline, words in HEADLINES.items():
        assert label_words(headline) == words
    # a headline that fits is kept as it is, its «..» too
    assert label_words("دوما.. قصف جديد") == "دوما.. قصف جديد"
    assert label_words("عاجل... انفجار يهز وسط العاصمة دمشق صباح اليوم", 12) == "عاجل…"
    assert label_words("قال إن «الحرب لم تنته بعد» في المدينة", 18) == "قال إن الحرب لم…"
    assert label_words("وزير (الخارجية الروسي) يصل إلى دمشق", 16) == "وزير الخارجية…"
    assert label_words("كلمة" * 10, 12) == "كلمة" * 3 + "…"  # one long word: cut inside it
    assert label_words("...", 2) == ""


async def test_story_buttons_keep_their_headline_one_unit(tmp_path: Path) -> None:
    path = tmp_path / "labels.db"
    with Database(path) as db:
        src = add_source(db, "src")
        arts = [add_article(db, src, title, story_id=700 + i)
                for i, title in enumerate(HEADLINES)]
        with db.transaction() as tx:
            for a in arts:  # three quotes: each block leaves some out, so each has its button
                tx.execute("update articles set quotes_json = ?, digested_at = ? where id = ?",
                           [quotes_to_json(QUOTES), iso(NOW), a.id])
        for chat, lang in ((1, "ar"), (2, "en")):
            add_chat(db, chat, type="private", language=lang)
            with db.transaction() as tx:
                for a in arts:
                    tx.execute("insert into outbox (chat_id, story_id, article_id, kind,"
                               " created_at, status) values (?,?,?, 'instant', ?, 'pending')",
                               [chat, a.story_id, a.id, iso(NOW)])
    async with running_bot(path) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        [arabic] = h.emu.messages(1)
        [english] = h.emu.messages(2)
    words = list(HEADLINES.values())
    assert english.button_texts() == [f"📖 Story {n}: {unit(w)}"
                                      for n, w in enumerate(words, 1)]
    digits = "١٢٣٤٥"
    assert arabic.button_texts() == [f"📖 خبر {digits[n]}: {unit(w)}" for n, w in enumerate(words)]
    for n, (en, ar, w) in enumerate(zip(english.button_texts(), arabic.button_texts(), words,
                                        strict=True), 1):
        # left to right: the prefix, then the headline as its own right-to-left sentence
        assert shown(en) == f"📖 Story {n}: {shown(w, 'R')}", (en, shown(en))
        assert shown(ar) == f"{shown(w, 'R')} {shown(f'📖 خبر {digits[n - 1]}:', 'R')}", ar
    # the «…» is drawn after the last word (at the left), the quotes around their words
    assert shown(english.button_texts()[1]).endswith('…جورخ ىلع "قافتا ىلإ لصوتلا"')


async def test_link_buttons_of_a_results_page_keep_their_headline_one_unit(
        tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    related = related_to_json((RelatedItem("تقرير سابق", "https://other.test/a"),))
    with Database(path) as database:
        for n, headline in enumerate(HEADLINES):
            add(database, 907900 + n, f"{headline} زقزلوط", "قال زقزلوط إن الأمر انتهى.",
                days_ago=1 + n * 0.01)
            with database.transaction() as tx:
                tx.execute("update articles set digest_related_json = ? where id = ?",
                           [related, 907900 + n])
    async with running_bot(path) as h:
        [en] = await h.say(READER, "/search زقزلوط", language_code="en")
        [ar] = await h.say(READER + 1, "/search زقزلوط")
    words = list(HEADLINES.values())
    # the page ranks them its own way: the numbers run 1 to 5, each names one headline
    en_links = [b for b in en.button_texts() if b.startswith("🔗")]
    en_parts = [re.fullmatch(r"🔗 Links for story (\d): (.+)", b, re.S) for b in en_links]
    assert [m.group(1) for m in en_parts if m] == ["1", "2", "3", "4", "5"], en_links
    assert sorted(m.group(2) for m in en_parts if m) == sorted(unit(w) for w in words)
    for label, m in zip(en_links, en_parts, strict=True):
        assert m is not None
        w = next(w for w in words if unit(w) == m.group(2))
        assert shown(label) == f"🔗 Links for story {m.group(1)}: {shown(w, 'R')}", label
    ar_links = [b for b in ar.button_texts() if b.startswith("🔗")]
    ar_parts = [re.fullmatch(r"🔗 روابط الخبر ([١-٥]): (.+)", b, re.S) for b in ar_links]
    assert [m.group(1) for m in ar_parts if m] == list("١٢٣٤٥"), ar_links
    assert sorted(m.group(2) for m in ar_parts if m) == sorted(unit(w) for w in words)
