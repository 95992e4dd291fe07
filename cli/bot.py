"""Command group 'bot': run the Telegram bot, or the offline demo when there is no token.

`run.py` with no command runs the bot when TELEGRAM_BOT_TOKEN is set and the offline demo
otherwise; `run.py bot` and `run.py demo` choose explicitly.
"""

from __future__ import annotations

import argparse
import asyncio
import logging

from digests.errors import ConfigError
from digests.settings import Settings


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
             common: argparse.ArgumentParser) -> None:
    """Add this group's commands to the parser."""
    bot = sub.add_parser("bot", parents=[common],
                         help="شغّل بوت تيليجرام (يحتاج TELEGRAM_BOT_TOKEN) / run the Telegram "
                              "bot (needs TELEGRAM_BOT_TOKEN)",
                         description="شغّل البوت: يستقبل الرسائل بالاستعلام المتكرر (long "
                                     "polling)، أو عبر webhook إذا ضُبط WEBHOOK_URL، ويجلب "
                                     "المصادر كل POLL_INTERVAL_MINUTES دقيقة. / Run the bot: "
                                     "long polling, or a webhook when WEBHOOK_URL is set. Polls "
                                     "the sources every POLL_INTERVAL_MINUTES.")
    bot.set_defaults(func=run_bot_command)
    demo = sub.add_parser("demo", parents=[common],
                          help="عرض تجريبي دون شبكة: حادث البوت في الطرفية / offline demo: "
                               "chat with the bot in the terminal, no network",
                          description="يقدّم أخبارًا تجريبية مرفقة ومحاكيًا لتيليجرام على "
                                      "127.0.0.1 لتحادث البوت الحقيقي في الطرفية، بقاعدة بيانات "
                                      "مؤقتة ما لم تُعطَ --db. / Serve bundled sample news and "
                                      "a Telegram emulator on 127.0.0.1 and chat with the real "
                                      "bot in the terminal. Uses a temporary database unless "
                                      "--db is given.")
    demo.set_defaults(func=run_demo_command)


def run_bot_command(args: argparse.Namespace, settings: Settings) -> int:
    """`run.py bot`: the real bot (a clear error without a token)."""
    from bot.app import run_bot

    if not settings.telegram_bot_token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is empty: get a token from @BotFather and set it "
                          "(environment or .env), or try `python run.py demo`")
    return run_bot(settings)


def run_demo_command(args: argparse.Namespace, settings: Settings) -> int:
    """`run.py demo`: the offline demo in the terminal."""
    from bot.demo import run_demo

    if settings.log_level == "INFO":  # keep the terminal for the conversation
        logging.getLogger().setLevel(logging.WARNING)
    db_path = settings.database_path if getattr(args, "db", None) is not None else None
    return asyncio.run(run_demo(settings, db_path=db_path))


def default_command(args: argparse.Namespace, settings: Settings) -> int:
    """No command: the bot with a token, the offline demo without one."""
    if settings.telegram_bot_token:
        return run_bot_command(args, settings)
    return run_demo_command(args, settings)
