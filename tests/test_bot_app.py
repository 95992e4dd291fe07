"""bot.app: command menus in both languages, API URLs, the error handler, the token never logged,
and every command documented in /help and the README."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from botkit import ADMIN, READER, TOKEN, running_bot, sample_db

from bot import readers
from bot.app import api_urls, build_application
from bot.i18n import ADMIN_COMMANDS, READER_COMMANDS
from digests.errors import ConfigError
from digests.logs import setup_logging
from digests.settings import Settings
from digests.storage import Database

ROOT = Path(__file__).resolve().parent.parent


async def test_command_menu_registered_in_arabic_and_english(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")  # the bot is up and post_init has run
        names = [c[0] for c in READER_COMMANDS]
        ar = h.emu.commands("ar")
        en = h.emu.commands("en")
        default = h.emu.commands("")
        assert [c["command"] for c in ar] == names == [c["command"] for c in en]
        assert default == ar
        assert ar[0]["description"] == "البداية والتعريف بالبوت"
        assert en[0]["description"] == "Welcome and what the bot does"
        admin_menu = h.emu.commands("", scope={"type": "chat", "chat_id": ADMIN})
        assert [c["command"] for c in admin_menu] == names + [c[0] for c in ADMIN_COMMANDS]


def test_api_urls() -> None:
    s = Settings()
    assert api_urls(s) == ("https://api.telegram.org/bot", "https://api.telegram.org/file/bot")
    s = Settings(telegram_api_base_url="http://127.0.0.1:8081/bot/")
    assert api_urls(s) == ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot")


def test_no_token_is_a_clear_config_error(tmp_path: Path) -> None:
    with Database(tmp_path / "x.db") as db, pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN"):
        build_application(Settings(), db)


async def test_error_handler_tells_the_user_politely(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("index on fire")

    monkeypatch.setattr(readers, "search_page", broken)
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "الغوطة")
        assert "عذرًا، حدث خطأ" in m.plain_text
        [m] = await h.say(READER, "/start")  # the bot goes on
        assert "أهلًا" in m.plain_text


async def test_token_never_logged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging("DEBUG", TOKEN)
    try:
        async with running_bot(sample_db(tmp_path)) as h:
            await h.say(READER, "/start")
            await h.say(READER, "الغوطة")
            await h.say(ADMIN, "/stats")
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            root.removeHandler(handler)
        root.setLevel(logging.WARNING)
    err = capsys.readouterr().err
    assert "getUpdates" in err or "sendMessage" in err  # the debug log did record API calls
    assert TOKEN not in err and TOKEN.split(":")[1] not in err


def test_every_command_in_help_and_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Using the bot"):]
    for lang in ("ar", "en"):
        help_all = readers.help_text(lang, admin=True, bot_username="nashra_bot")
        help_reader = readers.help_text(lang, admin=False, bot_username="nashra_bot")
        for command, ar, en in READER_COMMANDS + ADMIN_COMMANDS:
            assert f"/{command} " in help_all
            assert f"`/{command}" in section, command
            assert ar.split(":")[0] in section and en.split(":")[0] in section, command
        for command, _, _ in ADMIN_COMMANDS:
            assert f"/{command} " not in help_reader
