"""bot.i18n: both languages for every string, numerals, relative times, language choice."""

from __future__ import annotations

import html
import re
import string
from datetime import datetime, timedelta, timezone

import pytest

from bot.i18n import (
    ADMIN_COMMANDS,
    BILINGUAL,
    READER_COMMANDS,
    STRINGS,
    lang_of,
    num,
    relative_time,
    t,
)

NOW = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)
LAYOUT_ONLY = {"source_line"}  # only placeholders and punctuation


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_string_has_both_languages_with_the_same_placeholders(key: str) -> None:
    ar, en = STRINGS[key]
    assert ar.strip() and en.strip()
    assert _fields(ar) == _fields(en), key
    if key not in LAYOUT_ONLY:
        assert re.search(r"[\u0600-\u06FF]", ar), f"{key}: the Arabic text has no Arabic"


def test_commands_are_valid_telegram_commands() -> None:
    names = [c[0] for c in READER_COMMANDS + ADMIN_COMMANDS]
    assert len(names) == len(set(names))
    for name, ar, en in READER_COMMANDS + ADMIN_COMMANDS:
        assert re.fullmatch(r"[a-z0-9_]{1,32}", name)
        assert 1 <= len(ar) <= 256 and 1 <= len(en) <= 256


def test_numerals() -> None:
    assert num(2018, "ar") == "٢٠١٨"
    assert num(2018, "en") == "2018"


@pytest.mark.parametrize("delta,ar,en", [
    (timedelta(seconds=20), "الآن", "just now"),
    (timedelta(minutes=1), "منذ دقيقة", "1 minute ago"),
    (timedelta(minutes=2), "منذ دقيقتين", "2 minutes ago"),
    (timedelta(minutes=7), "منذ ٧ دقائق", "7 minutes ago"),
    (timedelta(minutes=25), "منذ ٢٥ دقيقة", "25 minutes ago"),
    (timedelta(hours=3), "منذ ٣ ساعات", "3 hours ago"),
    (timedelta(days=1), "منذ يوم", "1 day ago"),
    (timedelta(days=3), "منذ ٣ أيام", "3 days ago"),
    (timedelta(days=10), "١٩ فبراير ٢٠٢٦", "19 February 2026"),
    (timedelta(hours=-2), "الآن", "just now"),  # a source's clock ahead of ours
])
def test_relative_time(delta: timedelta, ar: str, en: str) -> None:
    assert relative_time(NOW - delta, NOW, "ar") == ar
    assert relative_time(NOW - delta, NOW, "en") == en


def test_unknown_time_is_empty_and_naive_times_are_utc() -> None:
    assert relative_time(None, NOW, "ar") == ""
    assert relative_time(datetime(2026, 3, 1, 9), NOW, "ar") == "منذ ٣ ساعات"


def test_language_choice() -> None:
    assert lang_of("en-US") == "en"
    assert lang_of("ar") == "ar" and lang_of("fr") == "ar" and lang_of(None) == "ar"
    assert lang_of(None, default="en") == "en"
    # a language Nashra does not speak is unknown: the operator's DEFAULT_LANGUAGE (QA12)
    assert lang_of("fr", default="en") == "en" and lang_of("tr") == "ar"
    assert lang_of("ar-EG", default="en") == "ar"
    assert lang_of("en", stored="ar") == "ar"  # /lang wins over Telegram's language
    assert t("done", "en") == "Done." and t("done", "ar") == "تم."
    assert t("unsubscribed", "en", topic="X") == "You no longer follow «X»."


# ---------------------------------------------------------------------------------------------
# QA18 R17: English lines laid out by the bidi algorithm (python-bidi, as Telegram's clients
# lay them out): an Arabic value before a number or another Arabic value kept its place.

_MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")
_TAGS = re.compile(r"</?[A-Za-z][^<>]*>")
_PHRASE = re.compile("[\u0600-\u06ff]+(?: [\u0600-\u06ff]+)*")
ARABIC = "سكاي نيوز عربية"


def _shown(text: str) -> list[str]:
    """Each line as a client shows it, left to right on the screen, marks removed."""
    from bidi import get_display

    plain = html.unescape(_TAGS.sub("", text))
    return [_MARKS.sub("", get_display(line)) for line in plain.split("\n")]


def _in_order(text: str) -> list[str]:
    """What a reader of a left-to-right line must see: the text in its order, each Arabic
    phrase (words and the spaces between them) drawn right to left in its place."""
    plain = _MARKS.sub("", html.unescape(_TAGS.sub("", text)))
    return [_PHRASE.sub(lambda m: m.group(0)[::-1], line) for line in plain.split("\n")]


def _fillings(fields: list[str]) -> list[dict[str, str]]:
    """Every value Arabic; every value a number; Arabic and numbers alternating both ways."""
    return [{f: ARABIC for f in fields}, {f: "20" for f in fields},
            {f: ARABIC if i % 2 == 0 else str(i) for i, f in enumerate(fields)},
            {f: str(i + 3) if i % 2 == 0 else ARABIC for i, f in enumerate(fields)}]


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_english_string_filled_with_arabic_shows_in_order(key: str) -> None:
    """Each English template filled with Arabic names and numbers: laid out by the bidi
    algorithm, its numbers, names and words stay where they were written."""
    fields = sorted(_fields(STRINGS[key][1]))
    for values in _fillings(fields):
        text = t(key, "en", **values)
        assert _shown(text) == _in_order(text), (key, values)


@pytest.mark.parametrize(("key", "values"), [
    ("results_header", {"query": "الغوطة", "first": "6", "last": "10", "total": "20"}),
    ("bundle_topic", {"topics": "«الغوطة», «ترامب», «النفط»"}),
    ("ingest_done_failures", {"failed": "3", "sources": "5 sources", "new": "82 new articles",
                              "names": "1: سكاي نيوز عربية, 2: العربية نت, 3: CNN بالعربية"}),
    ("source_line", {"id": "3", "name": "العربية نت", "health": "✅ last success 8 hours ago"}),
])
def test_the_lines_qa_saw_scrambled_show_in_order(key: str, values: dict[str, str]) -> None:
    """QA18 R17's lines, as the bot fills them: in order with the marks, scrambled without them
    (so the check above can fail)."""
    text = t(key, "en", **values)
    assert _shown(text) == _in_order(text)
    raw = STRINGS[key][1].format(**values)
    assert _shown(raw) != _in_order(raw)


def test_results_header_as_a_reader_sees_it() -> None:
    [line] = _shown(t("results_header", "en", query="الغوطة", first="6", last="10", total="20"))
    assert line == "Results for «ةطوغلا»: 6 to 10 of 20"


def test_english_strings_without_a_joined_arabic_run_get_no_mark() -> None:
    """A mark only where one is needed: Arabic at a line's end or before Latin text is left
    as it is, and Arabic strings never get one from `t`."""
    assert t("search_usage", "en") == "Put the topic after the command, e.g. /search Ghouta"
    assert t("subscribed", "en", topic="الغوطة") == ("🔔 You now follow «الغوطة». New stories "
                                                     "will reach you as they are published.")
    assert "\u200e" not in t("results_header", "ar", query="الغوطة", first="١", last="٥",
                             total="٢٠")


def test_a_digests_last_line_fits_the_chat() -> None:
    """QA18 R18: «لإيقاف المتابعة: /unsubscribe» under a channel post said nothing its readers
    can do, and in a group only the admins can."""
    from bot.i18n import bundle_stop

    assert bundle_stop("ar", "private") == "لإيقاف المتابعة: /unsubscribe"
    assert bundle_stop("ar", "group") == bundle_stop("ar", "supergroup") == \
        "للمشرفين: /unsubscribe"
    assert bundle_stop("en", "supergroup") == "Admins: /unsubscribe"
    assert bundle_stop("ar", "channel") is None and bundle_stop("en", "channel") is None
    assert bundle_stop("en", None) == "To stop: /unsubscribe"


def test_an_english_reader_sees_a_topic_by_its_english_name() -> None:
    """QA18 R18: a reader who followed «Ghouta» saw «الغوطة» everywhere after."""
    from bot.i18n import topic_label, topic_list
    from digests.topic_names import arabic_topic

    assert topic_label("الغوطة", "en") == "Ghouta"
    assert topic_label("الغوطة", "en", with_arabic=True) == "Ghouta (الغوطة)"
    assert topic_label("الأمم المتحدة", "en") == "UN"
    assert topic_label("محمد بن سلمان", "en") == "Mohammed bin Salman"
    assert topic_label("الغوطة", "ar") == "الغوطة"  # Arabic readers see the topic itself
    assert topic_label("تلكلخ", "en") == "تلكلخ"  # no English name known: as followed
    assert topic_label("", "en") == "the general digest" and topic_label("", "ar") == "النشرة العامة"
    assert topic_list(["الغوطة", "تلكلخ", "النفط"], "en") == "«Ghouta (الغوطة)», «تلكلخ», «Oil (النفط)»"
    # each label is a name the search maps back to its topic («/search Ghouta» works)
    for arabic in ("الغوطة", "ترامب", "النفط", "الأمم المتحدة", "داعش", "محمد بن سلمان"):
        assert arabic_topic(topic_label(arabic, "en")) == arabic


# Modules of bot/ that may hold Arabic literals outside bot.i18n's tables (bot/texts_*.py), and
# why. Any other module's Arabic words belong in bot.i18n.STRINGS, called through t()/ui() (X29
# moved bot.admin's, bot.source_notes', bot.stats' and bot.welcome's there; Y5 bot.app's and
# bot.render's), in BILINGUAL for a text said in both languages at once (Y6: bot.demo's and
# bot.api_noise's), or in bot/texts_names.py for a name written the same in both (Y6: «العربية»
# of bot.preferences and bot.channel_admin). What stays is vocabulary the bot reads, and one
# module that says its own: the grammar of numbers and times (X34 moved bot.zones' picker labels
# to bot/texts_zones.py).
ARABIC_LITERALS_ALLOWED = {
    "attribution.py": "Arabic speech verbs and titles it reads in articles, not shown as UI",
    # said, not read: the grammar that words numbers and times cannot be a (ar, en) table
    "i18n.py": "numerals, month names and relative times",
}
# Modules allowed only these Arabic words: what a user types, which the bot reads, never says.
ARABIC_WORDS_READ = {"demo.py": {"خروج"},  # typed to leave the offline demo, as /quit is
                     # typed after /unsubscribe for every topic, as «all» is (QA36 E5)
                     "unfollow_all.py": {"الكل", "كل", "الجميع", "كلها", "جميعها", "كل المواضيع"}}
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_ARABIC_WORD = re.compile(r"[\u0621-\u0652]+")


def _arabic_constants(source: str) -> list[tuple[int, str]]:
    """(line, value) of the string literals (docstrings aside) that hold an Arabic letter."""
    import ast

    tree = ast.parse(source)
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)}
    return sorted({(node.lineno, node.value) for node in ast.walk(tree)
                   if isinstance(node, ast.Constant) and isinstance(node.value, str)
                   and id(node) not in docs and _ARABIC_LETTER.search(node.value)})


def _arabic_literals(source: str) -> list[int]:
    """Lines of the string literals (docstrings aside) that hold an Arabic letter."""
    return sorted({line for line, _ in _arabic_constants(source)})


def test_user_facing_arabic_lives_in_i18n() -> None:
    """bot.i18n holds every user-facing string: no other module of bot/ writes Arabic words
    of its own (a dictionary of texts beside its code was how four modules drifted, X29); a
    module that reads a word a user types holds that word and no other."""
    from pathlib import Path

    bot_dir = Path(__file__).resolve().parent.parent / "bot"
    found = {path.name: lines for path in sorted(bot_dir.glob("*.py"))
             if path.name not in ARABIC_LITERALS_ALLOWED and path.name not in ARABIC_WORDS_READ
             and not path.name.startswith("texts_")
             and (lines := _arabic_literals(path.read_text(encoding="utf-8")))}
    assert found == {}
    for name, words in ARABIC_WORDS_READ.items():
        held = {value for _, value in _arabic_constants((bot_dir / name).read_text("utf-8"))}
        assert held == words, name
    for name in ("admin.py", "source_notes.py", "stats.py", "welcome.py", "app.py", "render.py",
                 "api_noise.py", "demo.py", "preferences.py", "channel_admin.py", "zones.py"):
        assert (bot_dir / name).exists() and name not in ARABIC_LITERALS_ALLOWED
    # the check sees a literal beside code, and not a docstring
    assert _arabic_literals('"""«نشرة»"""\nTEXTS = {"x": ("مرحبًا", "Hello")}\n') == [2]


# The tables of bot/texts_*.py (by area): what each defines (TEXTS unless listed).
TABLE_NAMES = {"texts_welcome.py": {"TEXTS", "READER_COMMANDS", "ADMIN_COMMANDS",
                                    "GROUP_COMMANDS", "EXAMPLE_TOPICS"},
               "texts_bilingual.py": {"BILINGUAL"},
               "texts_names.py": {"LANGUAGE_NAMES", "BOT_NAME"},
               "texts_zones.py": {"ZONE_LABELS", "UTC_LABEL", "LEGACY_OFFSET_LABELS"}}


def test_the_area_tables_are_tables_and_all_merged() -> None:
    """bot/texts_*.py hold the strings by area (reading, following, welcome, admin, sources):
    each module is a table and nothing else (its Arabic is allowed because it is the strings),
    every one is merged into STRINGS with its texts as written, and no key is in two of them."""
    import ast
    import importlib
    from pathlib import Path

    from bot.i18n import _merged

    bot_dir = Path(__file__).resolve().parent.parent / "bot"
    modules = sorted(path for path in bot_dir.glob("texts_*.py"))
    assert {p.name for p in modules} >= {"texts_reading.py", "texts_following.py",
                                          "texts_welcome.py", "texts_admin.py",
                                          "texts_sources.py"}
    merged: dict[str, tuple[str, str]] = {}
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = set()
        for node in tree.body:
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                continue  # the docstring
            if isinstance(node, ast.ImportFrom) and node.module == "__future__":
                continue
            assert isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name), \
                (path.name, ast.dump(node)[:80])
            names.add(node.target.id)
        assert names == TABLE_NAMES.get(path.name, {"TEXTS"}), path.name
        if "TEXTS" not in names:
            continue
        texts = importlib.import_module(f"bot.{path.stem}").TEXTS
        assert texts and not merged.keys() & texts.keys(), path.name
        merged.update(texts)
    assert merged == STRINGS
    with pytest.raises(ValueError, match="two"):
        _merged({"done": ("تم.", "Done.")}, {"done": ("تم", "Done")})


def test_the_zone_labels_are_arabic_then_english() -> None:
    """bot/texts_zones.py (X34): each label of the time-zone picker is (Arabic, English), every
    zone of bot.zones is labelled, and the picker keeps the table's order."""
    from bot.texts_zones import LEGACY_OFFSET_LABELS, UTC_LABEL, ZONE_LABELS
    from bot.zones import LEGACY_OFFSETS, ZONES, zone_label

    for ar, en in [*ZONE_LABELS.values(), UTC_LABEL, *LEGACY_OFFSET_LABELS.values()]:
        assert _ARABIC_LETTER.search(ar) and not _ARABIC_LETTER.search(en), (ar, en)
    assert [zone for zone, _, _ in ZONES] == list(ZONE_LABELS) and LEGACY_OFFSETS
    assert zone_label(0, "ar", "UTC") == UTC_LABEL[0] and zone_label(0, "en", "UTC") == "UTC"
    assert zone_label(180, "ar", "Asia/Beirut") == "لبنان (UTC+3)"
    assert zone_label(60, "en") == "UTC+1 (Morocco, Algeria, Tunisia)"


@pytest.mark.parametrize("key", sorted(BILINGUAL))
def test_a_bilingual_line_says_it_in_arabic_then_in_english(key: str) -> None:
    """«Arabic / English»: each half in its language, and the English one names every value
    the Arabic one does (the Arabic may say less: «المنفذ {port}» / "port {port} on {listen}").
    A text of several lines (the demo's) gives each line of Arabic words its English after
    its last « / », or on the next line («/ …»); a line whose only Arabic words are topics to
    type (EXAMPLE_TOPICS) needs none."""
    from bot.i18n import EXAMPLE_TOPICS, bilingual

    text = BILINGUAL[key]
    lines = text.split("\n")
    if len(lines) == 1:
        arabic, english = text.split(" / ", 1)
        assert _ARABIC_LETTER.search(arabic) and not _ARABIC_LETTER.search(english), key
        assert re.search(r"[A-Za-z]{3}", english), key
        assert _fields(arabic) <= _fields(english), key
    for i, line in enumerate(lines):
        words = set(_ARABIC_WORD.findall(line))
        if not words or words <= set(EXAMPLE_TOPICS):
            continue
        if " / " in line:
            arabic, english = line.rsplit(" / ", 1)
        else:  # its English is the next line
            arabic, english = line, (lines[i + 1].strip() if i + 1 < len(lines) else "")
            assert english.startswith("/ "), (key, line)
        assert _ARABIC_LETTER.search(arabic) and not _ARABIC_LETTER.search(english), (key, line)
        assert re.search(r"[A-Za-z]{3}", english), (key, line)
    values = {name: f"<{name}>" for name in _fields(text)}
    assert bilingual(key, **values) == text.format(**values)


def test_the_start_up_errors_say_what_they_said() -> None:
    """The lines bot.app prints when Telegram refuses the start, as they were written there."""
    from bot.i18n import bilingual

    assert bilingual("start_port", port=8443, listen="0.0.0.0") == (
        "المنفذ 8443 مشغول ببرنامج آخر: اختر WEBHOOK_PORT آخر أو أوقف ذلك البرنامج / port 8443 "
        "on 0.0.0.0 is already in use: choose another WEBHOOK_PORT or stop the program that "
        "holds it")
    assert bilingual("start_token") == ("رفض تيليجرام رمز البوت: تحقق من TELEGRAM_BOT_TOKEN / "
                                        "Telegram rejected the bot token: check "
                                        "TELEGRAM_BOT_TOKEN")


def test_the_demo_and_a_silent_start_say_what_they_said() -> None:
    """The offline demo's console text and bot.api_noise's WARNING, moved into BILINGUAL (Y6),
    as they were written in bot.demo and bot.api_noise."""
    from bot.i18n import BOT_NAME, LANGUAGE_NAMES, bilingual

    assert bilingual("demo_intro", articles=42) == (
        "نشرة — عرض تجريبي دون اتصال / Nashra — offline demo\n"
        "42 مقالًا من موقع الأخبار التجريبي / articles ingested from the bundled sample news site.\n"
        "اكتب كما في تيليجرام / type as you would in Telegram:\n"
        "  /start   الغوطة   /subscribe الغوطة   /digest   /settings   /help\n"
        "  /push الغوطة   (أنت مشرف في العرض / you are an admin in the demo)\n"
        "اكتب رقم الزر للضغط عليه / type a button's number to press it · /quit للخروج / to leave")
    assert bilingual("demo_go_live").splitlines()[4:] == [
        "  3. لمعرفة معرّفك: أرسل /stats إلى البوت فيرد بمعرّفك، ثم ضعه في ADMIN_IDS وأعد التشغيل",
        "     / to learn your id: send /stats to the bot, it answers with your id; set ADMIN_IDS, "
        "restart"]
    assert f"🤖 {BOT_NAME} " + bilingual("demo_edited") + ":" == "🤖 نشرة (عُدّلت / edited):"
    assert bilingual("demo_no_button", line="9") == "لا زر بالرقم 9 / no button 9"
    assert bilingual("demo_you") + "/help" == "أنت / you › /help"
    assert LANGUAGE_NAMES == {"ar": "العربية", "en": "English"}
    # the WARNING's seconds are whole, as its «%d» wrote them (14.9 s → 14)
    old = ("لا ردّ من خادم تيليجرام (%s) بعد %d ثانية، أحاول مجددًا (أتوقف بعد %d ثانية) / no "
           "answer from the Telegram server (%s) after %d s, retrying (giving up after %d s)")
    for host, waited, give_up in (("api.example:443", 15.0, 120.0), ("h:1", 14.9, 119.5)):
        assert bilingual("start_silent", host=host, waited=int(waited), give_up=int(give_up)) \
            == old % (host, waited, give_up, host, waited, give_up)
