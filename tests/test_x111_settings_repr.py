"""QA73-9: the bot token is not in Settings' repr (an f-string or a print of the settings)."""

from __future__ import annotations

from digests.settings import Settings

TOKEN = "123456789:AAE-x111-secret-token-part-abcdefghijk"


def test_the_token_is_left_out_of_the_settings_repr() -> None:
    settings = Settings(telegram_bot_token=TOKEN)
    assert TOKEN not in repr(settings) and TOKEN not in f"{settings}"
    assert "telegram_bot_token" not in repr(settings)
    assert "database_path" in repr(settings)  # the rest still shows
    assert settings.telegram_bot_token == TOKEN
    assert Settings.from_env({"TELEGRAM_BOT_TOKEN": TOKEN}, env_file=None).telegram_bot_token \
        == TOKEN
