"""Names the interface writes the same whatever the reader's language: each language in its own
script (the language pickers of /lang, /settings and /channels) and the bot's own name (the
offline demo's transcript heads the bot's replies with it).

Part of bot.i18n's tables, imported through `from bot.i18n import …`.
"""

from __future__ import annotations

# A language picker's buttons: each language named as its readers write it.
LANGUAGE_NAMES: dict[str, str] = {"ar": "العربية", "en": "English"}
# The bot's name in its own script («Nashra» in English texts): the demo heads every reply of
# the bot with it, whatever the language.
BOT_NAME: str = "نشرة"
