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


def test_a_url_settings_password_is_left_out_of_the_settings_repr() -> None:
    """REV s25: a Bot API server or webhook behind basic auth (user:password@, QA65-1) showed
    its password in the same repr the token was taken out of."""
    settings = Settings(telegram_api_base_url="https://u:hunter2@api.example/bot",
                        webhook_url="https://a:pw-second@hook.example/path")
    assert "hunter2" not in repr(settings) and "pw-second" not in repr(settings)
    assert settings.telegram_api_base_url == "https://u:hunter2@api.example/bot"
