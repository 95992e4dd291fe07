"""Lines said in both languages at once, Arabic first («… / …»), where no chat's language
applies: the bot's start-up errors on stderr, and a reply sent before the chat's language
could be stored (the database refused the write).

Part of bot.i18n's tables, called through `bot.i18n.bilingual(key, **values)`; a line a chat
reads in its own language belongs in TEXTS of another bot/texts_*.py. Each line is one
template, so its halves may name different values (the English one says more where the
Arabic stays short).
"""

from __future__ import annotations

# key → «Arabic / English» with {placeholders}, formatted as given (no bidi marks: a terminal
# or a chat lays the line out right to left from its first Arabic letter).
BILINGUAL: dict[str, str] = {
    # a reader's request when the disk is full or read-only (bot.app; the chat's language
    # could not be stored, so both are said)
    "unsaved": ("تعذّر حفظ طلبك الآن (مساحة الخادم ممتلئة أو لا تقبل الكتابة)، أعد المحاولة لاحقًا"
                " / your request could not be saved right now (the server's disk is full or "
                "read-only); try again later"),
    # why `run.py bot` stopped at start-up (bot.app.run_bot, on stderr)
    "start_token": ("رفض تيليجرام رمز البوت: تحقق من TELEGRAM_BOT_TOKEN / Telegram rejected the bot "
                    "token: check TELEGRAM_BOT_TOKEN"),
    "start_refused": ("رفض تيليجرام الطلب عند البدء: {message} — تحقق من WEBHOOK_URL وبقية "
                      "الإعدادات / Telegram refused a start-up request: {message}; check "
                      "WEBHOOK_URL and the other settings"),
    "start_port": ("المنفذ {port} مشغول ببرنامج آخر: اختر WEBHOOK_PORT آخر أو أوقف "
                   "ذلك البرنامج / port {port} on {listen} is "
                   "already in use: choose another WEBHOOK_PORT or stop the program that holds it"),
    "start_unreachable": ("تعذر الاتصال بخادم تيليجرام ({host}): تحقق من الشبكة ومن "
                          "TELEGRAM_API_BASE_URL / cannot reach the Telegram Bot API at {host}: "
                          "check the network and TELEGRAM_API_BASE_URL ({error})"),
    "start_garbled": ("خادم تيليجرام ({host}) ردّ بما لا يُفهم ({message}): تحقق من "
                      "TELEGRAM_API_BASE_URL / the Telegram Bot API at {host} answered something "
                      "it should not ({message}): check TELEGRAM_API_BASE_URL"),
}
