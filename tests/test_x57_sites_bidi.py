"""X57 (QA41 T5): the English «Also reported by:» line isolates each Arabic site name, so
«فرانس 24» is shown as the name it is, not «24 فرانس» (python-bidi, as a Telegram client lays
the line out). Real SQLite, the real sender against the emulator, the real renderer of the
story view."""

from __future__ import annotations

from bidi import get_display
from telegram import Bot

from bot.emulator import Emulator
from bot.lines import close_rtl, isolate_rtl
from bot.render import render_digest_messages
from bot.sender import default_render
from delivery_helpers import NOW, add_article, add_chat, add_source
from digests.digest import load_digest
from digests.live_links import live_related
from digests.storage import Database
from test_x42_delivery import make_sender, queue

_SHOWN = {"فرانس 24": get_display("فرانس 24", base_dir="R"),
          "العربية.نت": get_display("العربية.نت", base_dir="R")}


def _laid_out(line: str) -> str:
    return get_display(line).replace("\u200e", "").replace("\u200f", "").replace(
        "\u2067", "").replace("\u2069", "")


async def test_the_english_list_of_other_sites_keeps_each_name_whole(
        database: Database, emu: Emulator, bot: Bot) -> None:
    add_chat(database, 1, language="en")
    names = ["سكاي نيوز عربية", "فرانس 24", "BBC", "العربية.نت", "بي بي سي"]
    sources = [add_source(database, n) for n in names]
    reports = [add_article(database, s, f"موسكو تطرد 23 دبلوماسيا بريطانيا {i}", story_id=20)
               for i, s in enumerate(sources)]
    queue(database, 1, reports[0])
    sender = make_sender(database, bot, render=default_render, clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    digest = load_digest(database.db, reports[0].id)
    assert digest is not None
    english = "\n".join(render_digest_messages(live_related(database.db, [digest])[0], "en",
                                               NOW))
    [line] = [ln for ln in english.split("\n") if "Also reported by" in ln]
    shown = _laid_out(line)
    for name, right in _SHOWN.items():
        assert right in shown, (name, shown)
    arabic = "\n".join(render_digest_messages(live_related(database.db, [digest])[0], "ar",
                                              NOW))
    assert "ينقله أيضًا: فرانس 24، BBC، العربية.نت، بي بي سي" in arabic.replace("\u200e", "")


def test_close_rtl_leaves_an_isolated_name_whole() -> None:
    line = close_rtl("Also reported by: " + ", ".join(isolate_rtl(n) for n in ("فرانس 24",
                                                                               "CNN")))
    assert "\u2067فرانس 24\u2069" in line, repr(line)
    assert isolate_rtl("CNN") == "CNN"
