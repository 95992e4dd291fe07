"""Every user-facing string of the bot, in Arabic and English, plus numerals and relative times.

Arabic is the default; a chat gets English when its user's Telegram `language_code` starts with
"en" or after /lang. `t(key, lang, **values)` formats a string; values are inserted as given, so
callers that produce HTML must escape dynamic values themselves (bot.render does). A string a
group or channel may get has `<key>_group` / `<key>_channel` variants that speak of the chat
(«المجموعة تتابع …»), chosen by `chat_worded(key, chat_type)`; /help in a group takes its reader
commands' descriptions from GROUP_COMMANDS.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Literal

from bot.lines import close_rtl

Lang = Literal["ar", "en"]

_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

_AR_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
              "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def lang_of(language_code: str | None, stored: str | None = None, default: str = "ar") -> Lang:
    """The interface language: a stored choice (/lang) wins, then Telegram's language_code when
    it is Arabic or English; any other (French, Turkish …) is unknown to Nashra, so the
    operator's DEFAULT_LANGUAGE decides, as for no code at all (QA12)."""
    if stored in ("ar", "en"):
        return stored  # type: ignore[return-value]
    known = code_language(language_code)
    if known is not None:
        return known
    return "en" if default == "en" else "ar"


def code_language(language_code: str | None) -> Lang | None:
    """'ar' or 'en' for a Telegram language_code in Arabic or English, else None."""
    code = (language_code or "").lower()
    if code.startswith("en"):
        return "en"
    if code.startswith("ar"):
        return "ar"
    return None


def counted(n: int, lang: str, one: str, many: str) -> str:
    """A count as a reply shows it: in Arabic the number alone (its label comes before it,
    «المصادر: ١»), in English with its noun in the right number ("1 source", "2 sources")."""
    return num(n, lang) if lang == "ar" else f"{n} {one if n == 1 else many}"


def num(n: int, lang: str) -> str:
    """An integer written with Arabic-Indic digits in Arabic, ASCII digits in English."""
    text = str(n)
    return text.translate(_ARABIC_DIGITS) if lang == "ar" else text


def _ar_count(n: int, one: str, two: str, few: str, many: str) -> str:
    """Arabic counted noun: ساعة / ساعتين / ٣ ساعات / ١١ ساعة (the grammar of numerals)."""
    if n == 1:
        return one
    if n == 2:
        return two
    if 3 <= n % 100 <= 10:
        return f"{num(n, 'ar')} {few}"
    return f"{num(n, 'ar')} {many}"


def format_date(dt: datetime, lang: str) -> str:
    """A calendar date: «٣ فبراير ٢٠١٨» / "3 Feb 2018"."""
    if lang == "ar":
        return f"{num(dt.day, 'ar')} {_AR_MONTHS[dt.month - 1]} {num(dt.year, 'ar')}"
    return f"{dt.day} {_EN_MONTHS[dt.month - 1]} {dt.year}"


def relative_time(dt: datetime | None, now: datetime, lang: str) -> str:
    """«منذ ٣ ساعات» / "3 hours ago"; a date past a week; "" when the time is unknown.

    Times in the future (clock skew between a source and us) read as "just now".
    """
    if dt is None:
        return ""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    seconds = int((now - dt).total_seconds())
    minutes, hours, days = seconds // 60, seconds // 3600, seconds // 86400
    if lang == "ar":
        if minutes < 1:
            return "الآن"
        if hours < 1:
            return "منذ " + _ar_count(minutes, "دقيقة", "دقيقتين", "دقائق", "دقيقة")
        if days < 1:
            return "منذ " + _ar_count(hours, "ساعة", "ساعتين", "ساعات", "ساعة")
        if days < 7:
            return "منذ " + _ar_count(days, "يوم", "يومين", "أيام", "يومًا")
        return format_date(dt.astimezone(timezone.utc), "ar")
    if minutes < 1:
        return "just now"
    if hours < 1:
        return f"{minutes} minute{'s' if minutes != 1 else ''} ago"
    if days < 1:
        return f"{hours} hour{'s' if hours != 1 else ''} ago"
    if days < 7:
        return f"{days} day{'s' if days != 1 else ''} ago"
    return format_date(dt.astimezone(timezone.utc), "en")


# The command menu: (command, Arabic description, English description). /help and setMyCommands
# are built from these lists, and a test checks the README names every one of them.
READER_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("start", "البداية والتعريف بالبوت", "Welcome and what the bot does"),
    ("search", "آخر أخبار موضوع، في المجموعات أيضًا: /search الغوطة",
     "A topic's latest news, in groups too: /search الغوطة"),
    ("subscribe", "تابع موضوعًا: /subscribe موضوع (أو النشرة العامة)",
     "Follow a topic: /subscribe TOPIC (or the general digest)"),
    ("unsubscribe", "ألغِ متابعة موضوع", "Stop following a topic"),
    ("topics", "المواضيع التي تتابعها", "The topics you follow"),
    ("digest", "نشرتي الآن", "My digest now"),
    ("settings", "التنبيهات: فورية أو يومية، ساعات الهدوء، التوقيت",
     "Alerts: instant or daily, quiet hours, time zone"),
    ("channels", "قنواتي: إعدادات قناة تشرف عليها ومواضيعها",
     "My channels: settings and topics of a channel you administer"),
    ("lang", "اللغة: العربية أو English", "Language: Arabic or English"),
    ("help", "قائمة الأوامر", "List of commands"),
)
ADMIN_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("push", "أرسل نشرة الآن: /push لمتابعي النشرة العامة، أو /push موضوع لمتابعيه بما تحمله"
             " تنبيهاتهم (العبارة في الخبر أو كل كلماتها في عنوانه)",
     "Send a digest now: /push to the general digest's followers, /push TOPIC to its followers"
     " with what their alerts carry (the phrase in a story, or all its words in a headline)"),
    ("sources", "المصادر وحالتها", "Sources and their health"),
    ("addsource", "أضف مصدرًا: /addsource رابط [اسم] (خلاصة RSS/Atom أو صفحة تشير إليها)",
     "Add a source: /addsource URL [NAME] (an RSS/Atom feed or a page that points to one)"),
    ("removesource", "أوقف جلب مصدر (تبقى أخباره): /removesource رقم",
     "Stop polling a source (its articles stay): /removesource NUMBER"),
    ("ingest", "اجلب الأخبار الآن", "Poll the sources now"),
    ("stats", "إحصاءات", "Statistics"),
)

# In a group /help speaks of the group: command → (Arabic, English) replacing READER_COMMANDS'
# descriptions there (the group follows, the group's digest; admins change what it follows).
GROUP_COMMANDS: dict[str, tuple[str, str]] = {
    "search": ("آخر أخبار موضوع هنا: /search الغوطة",
               "A topic's latest news here: /search الغوطة"),
    "subscribe": ("تتابع المجموعة موضوعًا (للمشرفين): /subscribe موضوع (أو النشرة العامة)",
                  "The group follows a topic (admins): /subscribe TOPIC (or the general digest)"),
    "unsubscribe": ("تلغي المجموعة متابعة موضوع (للمشرفين)",
                    "The group stops following a topic (admins)"),
    "topics": ("المواضيع التي تتابعها المجموعة", "The topics this group follows"),
    "digest": ("نشرة المجموعة الآن", "The group's digest now"),
    "settings": ("تنبيهات المجموعة: فورية أو يومية، ساعات الهدوء، التوقيت (للمشرفين)",
                 "The group's alerts: instant or daily, quiet hours, time zone (admins)"),
    "channels": ("قنواتي: إدارة قناة تشرف عليها، في محادثة خاصة مع البوت",
                 "My channels: manage a channel you administer, in a private chat with the bot"),
    "lang": ("لغة المجموعة: العربية أو English (للمشرفين)",
             "The group's language: Arabic or English (admins)"),
}

EXAMPLE_TOPICS: tuple[str, ...] = ("الغوطة", "سوريا", "لبنان", "إيران", "الانتخابات")

# key → (Arabic, English). Values may hold {placeholders} filled by `t`; values are inserted
# as given (escape them first when the text is sent as HTML).
STRINGS: dict[str, tuple[str, str]] = {
    # rendering
    "related": ("روابط ذات صلة:", "Related links:"),
    # over a story a chat was sent a day or more before, now with a new report (QA18 R10)
    "story_update": ("🔄 تحديث", "🔄 Update"),
    "results_header": ("نتائج «{query}»: {first}–{last} من {total}",
                       "Results for «{query}»: {first}–{last} of {total}"),
    "results_header_at_least": ("نتائج «{query}»: {first}–{last} من {total} على الأقل",
                                "Results for «{query}»: {first}–{last} of at least {total}"),
    "bundle_header": ("📰 نشرة الأخبار", "📰 News digest"),
    "bundle_topic": ("📰 جديد {topics}", "📰 New on {topics}"),
    "bundle_general": ("📰 النشرة العامة", "📰 The general digest"),
    "bundle_daily": ("📰 نشرتك اليومية — {date}", "📰 Your daily digest — {date}"),
    "bundle_daily_topics": ("📰 نشرتك اليومية — {date}: {topics}",
                            "📰 Your daily digest — {date}: {topics}"),
    "bundle_daily_group": ("📰 النشرة اليومية — {date}", "📰 The daily digest — {date}"),
    "bundle_daily_topics_group": ("📰 النشرة اليومية — {date}: {topics}",
                                  "📰 The daily digest — {date}: {topics}"),
    "bundle_stop": ("لإيقاف المتابعة: /unsubscribe", "To stop: /unsubscribe"),
    # A header names at most MAX_TOPICS_NAMED topics and counts the rest (QA18 R4; topic_list)
    "topics_more_one": ("{topics} و١ آخر", "{topics} and 1 more"),
    "topics_more_two": ("{topics} و٢ آخران", "{topics} and 2 more"),
    "topics_more": ("{topics} و{n} أخرى", "{topics} and {n} more"),
    # The last line of a delivered digest in a group: its members cannot change what the group
    # follows, its admins can (QA18 R18); a channel's post has no such line (`bundle_stop`)
    "bundle_stop_group": ("للمشرفين: /unsubscribe", "Admins: /unsubscribe"),
    # A header naming topics and the general digest (QA16 F5): «📰 جديد «سوريا» والنشرة العامة»
    "bundle_and_general": ("{topics} والنشرة العامة", "{topics} and the general digest"),
    # The stories a delivered digest counts but does not show (QA16 F4), one button away (QA17
    # R2: bot.courier adds it under the last message; bot.buttons sends them once); {count} is
    # «٣٨ خبرًا آخر» / "38 more stories" (bot.render.more_count)
    "bundle_more_button": ("و{count} — في الزر أدناه", "And {count} — in the button below"),
    "bundle_more_button_topic": ("و{count} — في الزر أدناه، أو /search {topic}",
                                 "And {count} — in the button below, or /search {topic}"),
    # … and the same line when the button could not be attached (the database refused its id):
    # it promises no button; /digest holds the top stories now, not necessarily these
    "bundle_more_hint": ("و{count} — أهم الأخبار الآن في /digest",
                         "And {count} — /digest has the top stories now"),
    "bundle_more_hint_topic": ("و{count} — في /search {topic}",
                               "And {count} — in /search {topic}"),
    "more_button": ("📰 اعرض الأخبار الأخرى ({count})", "📰 Show the other stories ({count})"),
    "more_already_sent": ("أُرسلت هذه الأخبار من قبل، انظر أعلاه.",
                          "These stories were already sent: see above."),
    "more_gone": ("لم تعد هذه الأخبار متاحة؛ جرّب /digest.",
                  "These stories are no longer available; try /digest."),
    # --- X24 (session 11, QA18 R16): a compact bundle's story buttons (bot.courier); pressed,
    # the story's full digest (bot.buttons), in a channel an alert (bot.render.story_alert)
    "btn_story": ("📖 خبر {n}", "📖 Story {n}"),
    "btn_story_one": ("📖 الخبر كاملًا", "📖 The full story"),
    "story_already_sent": ("أُرسل هذا الخبر كاملًا من قبل، انظر أعلاه.",
                           "This story was already sent in full: see above."),
    "story_gone": ("لم يعد هذا الخبر متاحًا؛ جرّب /digest.",
                   "This story is no longer available; try /digest."),
    "story_no_more": ("لا مزيد في هذا الخبر.", "Nothing more in this story."),
    # /stats (QA19 N3): updates not sent as they repeated another story (digests.repeats)
    "stats_repeats": ("• تحديثات لم تُرسل لأنها تكرر خبرًا وصل المحادثة (٢٤ ساعة): {count}",
                      "• Updates not sent as they repeated news the chat had (24 h): {count}"),
    # --- end X24
    # --- X28 (session 11, QA21): a channel's story alert lists related headlines, which
    # cannot be opened from an alert: titles, not links (R3); a story or «more» button that is
    # refused says why, with nothing to «request again» (R4)
    "related_titles": ("أخبار ذات صلة:", "Related stories:"),
    "story_button_expired": ("لم يعد هذا الخبر محفوظًا خلف الزر (تبقى الأزرار أسبوعًا). "
                             "ابحث عنه بكلمات من عنوانه: /search",
                             "This story is no longer kept behind the button (buttons last a "
                             "week). Find it by words of its headline: /search"),
    "more_button_expired": ("لم تعد هذه الأخبار محفوظة خلف الزر (تبقى الأزرار أسبوعًا). "
                            "أهم الأخبار الآن: /digest",
                            "These stories are no longer kept behind the button (buttons last "
                            "a week). The top stories now: /digest"),
    "button_other_chat": ("هذا الزر من محادثة أخرى، ولا يعمل هنا.",
                          "This button is from another chat; it does not work here."),
    # --- end X28
    # --- X25 (session 11): a chat on UTC (where an English reader starts) is told how to pick
    # its zone under the /start welcome (bot.welcome)
    "zone_hint_utc": ("🕐 الأوقات (والنشرة اليومية وساعات الهدوء) بالتوقيت العالمي UTC. لتختار "
                      "توقيتك: /settings",
                      "🕐 Times (the daily digest, quiet hours) are in UTC. To pick your time "
                      "zone: /settings"),
    # --- end X25
    "reported_by": ("بحسب {speaker}", "According to {speaker}"),
    "no_related": ("لا روابط ذات صلة لهذا الخبر.", "No related links for this story."),
    # /start and /help
    "welcome": (
        "{hello} في <b>نشرة</b> 📰\n"
        "أجمع الأخبار العربية من مصادر عدة وأختصر كل خبر: العنوان، وأهم التصريحات ومن قالها، "
        "وروابط ذات صلة.\n"
        "{how}\n"
        "{try_these}",
        "{hello} to <b>Nashra</b> 📰\n"
        "I gather Arabic news from several sources and condense each story: the headline, the "
        "key quotes and who said them, and related links.\n"
        "{how}\n"
        "{try_these}"),
    "try_these": ("جرّب أحد هذه المواضيع:", "Try one of these topics:"),
    "try_these_group": ("جرّبوا أحد هذه المواضيع:", "Try one of these topics:"),
    # the bot added to a group (bot.welcome.my_chat_member): said to the group
    "group_intro": ("مرحبًا بالجميع 👋 أنا «نشرة»: أجمع الأخبار العربية من مصادر عدة وأختصر كل "
                    "خبر.\nاكتبوا /search الغوطة لتصل آخر أخبار موضوع إلى المجموعة، ويتابع "
                    "مشرفو المجموعة موضوعًا لها: /subscribe الغوطة. كل الأوامر: /help",
                    "Hello everyone 👋 I am Nashra: I gather Arabic news from several sources "
                    "and condense each story.\nSend /search الغوطة to get a topic's latest news "
                    "here; the group's admins can follow a topic for it: /subscribe الغوطة. "
                    "All commands: /help"),
    "group_back": ("عادت متابعات المجموعة: {topics}. لإيقاف إحداها: /unsubscribe",
                   "The group's followed topics are back: {topics}. To stop one: /unsubscribe"),
    "group_back_more": (" و{n} غيرها", " and {n} more"),
    # a private message that is not text (a sticker, a photo without a caption, a location)
    "push_unreadable_topic": ("لا يحوي الموضوع حروفًا تُقرأ؛ لم تُرسل نشرة. أرسل /push وحدها للنشرة "
                              "العامة، أو /push ثم اسم الموضوع، مثل /push الغوطة",
                              "The topic holds no readable characters; nothing was sent. Send /push"
                              " alone for the general digest, or /push and a topic, such as /push"
                              " الغوطة"),
    "not_text": ("اكتب اسم موضوع نصًا، مثل «الغوطة»، لأجد آخر أخباره.",
                 "Type a topic as text, such as «الغوطة», and I will find its latest news."),
    "hello": ("أهلًا بك", "Welcome"),
    "hello_group": ("أهلًا بكم", "Welcome"),
    "hello_channel": ("أهلًا بكم", "Welcome"),
    "channel_no_menus": ("📢 لا أنشر في القناة قوائم ولا أزرارًا، فكل قرائها يرونها ويضغطونها: هنا "
                         "/subscribe موضوع و/unsubscribe موضوع فقط. لإعدادات القناة ومواضيعها "
                         "أرسل /channels إلى @{bot} في محادثة خاصة.",
                         "📢 I post no lists or buttons in a channel: every reader sees and can "
                         "press them. Here: /subscribe TOPIC and /unsubscribe TOPIC only. For "
                         "the channel's settings and topics, send /channels to @{bot} in a "
                         "private chat."),
    # /channels: a channel's settings and topics from a private chat (bot.channel_admin)
    "channels_header": ("📢 اختر قناة لإدارة إعداداتها ومواضيعها:",
                        "📢 Choose a channel to manage its settings and topics:"),
    "channels_none": ("لا أعرف قناة تشرف عليها. لإدارة قناة من هنا: أضفني إليها مشرفًا يملك "
                      "النشر، وانشر فيها /subscribe موضوع، ثم أرسل /channels هنا من جديد.",
                      "No channel to manage from here. To manage one: add me to the channel as "
                      "an admin who can post, post /subscribe TOPIC in it, then send /channels "
                      "here again."),
    "channels_unchecked": ("لم يجب تيليجرام الآن عن بعض القنوات، فقد تنقص القائمة منها. أرسل "
                           "/channels بعد قليل.",
                           "Telegram did not answer for some channels just now, so the list may "
                           "miss some. Send /channels again shortly."),
    "channels_private_only": ("تُدار القنوات في محادثة خاصة معي: أرسل /channels إلى @{bot}",
                              "Channels are managed in a private chat with me: send /channels "
                              "to @{bot}"),
    "channel_menu_title": ("📢 القناة «{title}» (لغة منشوراتها: {language})",
                           "📢 Channel «{title}» (its posts in {language})"),
    "language_ar": ("العربية", "Arabic"),
    "language_en": ("الإنجليزية", "English"),
    "btn_channel_topics": ("📋 مواضيع القناة", "📋 Channel topics"),
    "btn_channel_lang": ("🌐 لغة القناة", "🌐 Channel language"),
    "choose_channel_lang": ("اختر لغة منشورات القناة:",
                            "Choose the language of the channel's posts:"),
    "channel_no_topics": ("القناة لا تتابع أي موضوع بعد.", "This channel follows no topic yet."),
    "channel_topics_add": ("لإضافة موضوع: «➕ أضف موضوعًا» أدناه، أو انشر في القناة: "
                           "/subscribe موضوع",
                           "To add a topic: «➕ Add a topic» below, or post in the channel: "
                           "/subscribe TOPIC"),
    "btn_channel_add_topic": ("➕ أضف موضوعًا", "➕ Add a topic"),
    "channel_add_topic_prompt": ("اكتب ردًّا على هذه الرسالة الموضوعَ الذي تتابعه القناة "
                                 "«{title}»، مثل: الغوطة",
                                 "Reply to this message with the topic «{title}» should "
                                 "follow, e.g. الغوطة"),
    "channel_add_topic_placeholder": ("موضوع للقناة", "A topic for the channel"),
    "channel_not_admin": ("إعدادات «{title}» لمشرفيها الذين يملكون النشر أو تعديل معلوماتها "
                          "وحدهم، فلم يتغير شيء.",
                          "Only the admins of «{title}» who can post or change its info manage "
                          "it; nothing was changed."),
    "channel_gone": ("لم أعد في القناة «{title}» (أُزلت منها أو لم أعد مشرفًا فيها)، فلم يتغير "
                     "شيء. أعد إضافتي مشرفًا ثم أرسل /channels.",
                     "I am no longer in the channel «{title}» (removed, or no longer an admin "
                     "there); nothing was changed. Add me back as an admin, then send "
                     "/channels."),
    "channel_unchecked": ("تعذر التحقق الآن من مشرفي «{title}»، فلم يتغير شيء. حاول بعد قليل.",
                          "Could not check the admins of «{title}» right now; nothing was "
                          "changed. Try again shortly."),
    "welcome_private": ("اكتب اسم أي موضوع، مثل «الغوطة»، لتصلك آخر أخباره، أو تابعه لتصلك "
                        "أخباره أولًا بأول: /subscribe الغوطة",
                        "Type any topic, such as «الغوطة», to get its latest news, or follow it "
                        "to get its news as it happens: /subscribe الغوطة"),
    "welcome_group": ("اكتبوا /search الغوطة لتصل آخر أخبار «الغوطة» إلى المجموعة، ويتابع "
                      "مشرفو المجموعة موضوعًا لها: /subscribe الغوطة",
                      "Send /search الغوطة to get the latest news on «الغوطة» here; the group's "
                      "admins can follow a topic for it: /subscribe الغوطة"),
    "deep_link_subscribed": ("تمت متابعة «{topic}» عبر الرابط.", "Following «{topic}» via the link."),
    "deep_link_stop": ("لإلغاء المتابعة: /unsubscribe {topic}",
                       "To stop following it: /unsubscribe {topic}"),
    "deep_link_broken": ("لم أفهم هذا الرابط، ولعله نُسخ ناقصًا؛ فلم أتابع به شيئًا. اطلب رابطًا "
                         "جديدًا ممن أرسله، أو اكتب اسم الموضوع.",
                         "I could not read this link (it may have been copied incompletely), so "
                         "nothing was followed. Ask its sender for a new one, or type the topic."),
    "help_header": ("أوامر نشرة:", "Nashra commands:"),
    "help_admin_header": ("أوامر المشرفين:", "Admin commands:"),
    # English starts with a Latin word: a line that starts with Arabic is laid out right-to-left
    "help_other_language": ("🌐 English / الإنجليزية: /lang", "🌐 Arabic / العربية: /lang"),
    "help_footer": ("أو اكتب أي موضوع لتصلك آخر أخباره. وفي أي محادثة: @{bot} موضوع",
                    "Or type any topic to get its latest news. In any chat: @{bot} topic"),
    "help_footer_group": ("في المجموعة اكتبوا /search الغوطة لتصل آخر أخبار «الغوطة» إلى "
                          "المجموعة. وفي أي محادثة: @{bot} موضوع",
                          "In a group, send /search الغوطة to get the latest news on «الغوطة». "
                          "In any chat: @{bot} topic"),
    "search_usage": ("اكتب الموضوع بعد الأمر، مثل: /search الغوطة",
                     "Put the topic after the command, e.g. /search الغوطة"),
    # topic questions
    "nothing_found": ("لم أجد أخبارًا عن «{query}» في الأرشيف. جرّب كلمة أخرى أو تهجئة أخرى، أو "
                      "تابع الموضوع لتصلك أخباره حين تُنشر.",
                      "I found no news about «{query}» in the archive. Try another word or "
                      "spelling, or follow the topic to get its news when it is published."),
    "nothing_found_group": ("لم أجد أخبارًا عن «{query}» في الأرشيف. جرّبوا كلمة أخرى أو تهجئة "
                            "أخرى، أو تابعوا الموضوع لتصل المجموعةَ أخباره حين تُنشر.",
                            "I found no news about «{query}» in the archive. Try another word or "
                            "spelling, or follow the topic so its news reaches this group when "
                            "it is published."),
    "nothing_found_channel": ("لم أجد أخبارًا عن «{query}» في الأرشيف. جرّب كلمة أخرى أو تهجئة "
                              "أخرى، أو تابع الموضوع لتصل القناةَ أخباره حين تُنشر.",
                              "I found no news about «{query}» in the archive. Try another word "
                              "or spelling, or follow the topic so its news reaches this channel "
                              "when it is published."),
    "nothing_found_unfollowable": ("لم أجد أخبارًا عن «{query}» في الأرشيف. اكتب اسم موضوع، مثل "
                                   "«الغوطة».",
                                   "I found no news about «{query}» in the archive. Type a "
                                   "topic's name, such as «الغوطة»."),
    "did_you_mean": ("هل تقصد:", "Did you mean:"),
    "nothing_searchable": ("«{query}» لا يحوي كلمات يمكن البحث عنها (حروف مثل «و» و«في» "
                           "و«ال» ترد في كل خبر). اكتب اسم موضوع، مثل «الغوطة».",
                           "«{query}» has no searchable words (letters and words such as «و», "
                           "«في» or «ال» are in every story). Type a topic, such as «الغوطة»."),
    # only emoji or marks («🔥»): nothing to explain about stop letters (QA18 R13)
    "no_words": ("اكتب كلمة تدل على الموضوع، مثل «الغوطة» أو «ترامب».",
                 "Type a word for the topic, such as «الغوطة» or «ترامب»."),
    "topic_too_long": ("«{query}» أطول من أن يكون موضوعًا يُتابع (الحد {words} كلمات و{chars} "
                       "حرفًا). اكتب اسم الموضوع وحده، مثل «الغوطة».",
                       "«{query}» is too long to be a followed topic (at most {words} words and "
                       "{chars} characters). Type just the topic's name, such as «الغوطة»."),
    "name_alone": ("لا يمكن البحث عن «{name}» وحده: لا يتميز في الأخبار عن حرف الجر «على». "
                   "اكتب الاسم كاملًا، مثل «علي خامنئي».",
                   "«{name}» alone cannot be searched: in the news it cannot be told from the"
                   " preposition «على». Type the full name, such as «علي خامنئي»."),
    "btn_subscribe": ("🔔 تابع هذا الموضوع", "🔔 Follow this topic"),
    "btn_more": ("المزيد", "More"),
    "btn_prev": ("السابق", "Previous"),
    "btn_related": ("🔗 روابط الخبر {n}", "🔗 Links for story {n}"),
    "no_more": ("لا مزيد من النتائج.", "No more results."),
    "note_trimmed": ("لم أجد الاسم كاملًا؛ هذه أخبار فيها بقيته.",
                     "The full name was not found; these stories contain the rest of it."),
    "note_all": ("لم أجد العبارة كما هي؛ هذه أخبار فيها كل كلماتها.",
                 "The exact phrase was not found; these stories contain all its words."),
    "note_more": ("العبارة كما هي في أخبار قليلة؛ تليها أخبار فيها كل كلماتها.",
                  "Few stories hold the exact phrase; stories with all its words follow them."),
    "note_dropped": ("لم أجد {words} في الأرشيف، فبحثت عن بقية الكلمات.",
                     "{words}: not in the archive, so I searched without it."),
    # a pasted paragraph that found nothing as written (QA18 R13)
    "note_pasted": ("لم أجد النص كما هو؛ بحثت بالأسماء التي فيه: {words}.",
                    "The text was not found as written; I searched by the names in it: {words}."),
    "latin_mapped": ("الموضوعات تُبحث بالعربية: «{latin}» هو «{topic}».",
                     "Topics are searched in Arabic: «{latin}» is «{topic}»."),
    "latin_partial": ("الموضوعات تُبحث بالعربية: من «{latin}» بحثت عن «{topic}».",
                      "Topics are searched in Arabic: from «{latin}» I searched for «{topic}»."),
    "latin_topic": ("لم أجد أخبارًا عن «{query}». الموضوعات تُبحث بالعربية؛ جرّب «{example}».",
                    "I found no news about «{query}». Topics are searched in Arabic: try"
                    " «{example}»."),
    "latin_adjective": ("الموضوعات تُبحث بالعربية: «{latin}» موضوعه «{topic}».",
                        "Topics are searched in Arabic: «{latin}» is the topic «{topic}»."),
    "latin_not_followed": ("لم أتابع «{topic}»: الموضوعات تُتابع بالعربية. اكتب مثلًا: "
                           "/subscribe {example}",
                           "«{topic}» was not followed: topics are followed in Arabic. Send, for"
                           " example: /subscribe {example}"),
    "link_several": ("في رسالتك أكثر من رابط؛ هذا جواب الرابط الأول.",
                     "Your message holds several links; this answers the first one."),
    "link_not_archived": ("هذا الرابط ليس في الأرشيف. أرسل اسم الموضوع بدلًا منه، مثل «الغوطة».",
                          "This link is not in the archive. Send the topic instead, such as"
                          " «الغوطة»."),
    # subscriptions
    "general": ("النشرة العامة", "the general digest"),
    "subscribe_what": ("أي موضوع تريد متابعته؟ اكتب: /subscribe الغوطة\nأو اضغط «النشرة العامة» "
                       "لتصلك أهم الأخبار التي تنقلها عدة مصادر.",
                       "What would you like to follow? Send: /subscribe الغوطة\nOr press «The "
                       "general digest» for the top stories several sources report."),
    "subscribe_what_group": ("أي موضوع تتابعه المجموعة؟ اكتب: /subscribe الغوطة\nأو اضغط «النشرة "
                             "العامة» لتصل المجموعةَ أهم الأخبار التي تنقلها عدة مصادر.",
                             "What should this group follow? Send: /subscribe الغوطة\nOr press "
                             "«The general digest» for the top stories several sources report."),
    "subscribe_what_channel": ("أي موضوع تتابعه القناة؟ اكتب: /subscribe الغوطة\nأو اضغط «النشرة "
                               "العامة» لتصل القناةَ أهم الأخبار التي تنقلها عدة مصادر.",
                               "What should this channel follow? Send: /subscribe الغوطة\nOr "
                               "press «The general digest» for the top stories several sources "
                               "report."),
    "btn_general": ("📰 النشرة العامة", "📰 The general digest"),
    "subscribed": ("🔔 تمت متابعة «{topic}». ستصلك الأخبار الجديدة أولًا بأول.",
                   "🔔 You now follow «{topic}». New stories will reach you as they are published."),
    "subscribed_group": ("🔔 تمت متابعة «{topic}» في المجموعة. ستصلها الأخبار الجديدة أولًا بأول.",
                         "🔔 This group now follows «{topic}». New stories will reach it as they "
                         "are published."),
    "subscribed_channel": ("🔔 تمت متابعة «{topic}» في القناة. ستصلها الأخبار الجديدة أولًا بأول.",
                           "🔔 This channel now follows «{topic}». New stories will reach it as "
                           "they are published."),
    "share_link": ("شارك هذا الرابط ليتابع غيرك الموضوع: {link}",
                   "Share this link so others can follow the topic: {link}"),
    "share_link_group": ("شاركوا هذا الرابط ليتابع غيركم الموضوع: {link}",
                         "Share this link so others can follow the topic: {link}"),
    "already_subscribed": ("أنت تتابع «{topic}» بالفعل.", "You already follow «{topic}»."),
    "already_subscribed_group": ("المجموعة تتابع «{topic}» بالفعل.",
                                 "This group already follows «{topic}»."),
    "already_subscribed_channel": ("القناة تتابع «{topic}» بالفعل.",
                                   "This channel already follows «{topic}»."),
    "too_many_topics": ("لا يمكن متابعة أكثر من {n} موضوعًا.", "You cannot follow more than {n} topics."),
    "too_many_topics_group": ("لا يمكن أن تتابع المجموعة أكثر من {n} موضوعًا.",
                              "This group cannot follow more than {n} topics."),
    "too_many_topics_channel": ("لا يمكن أن تتابع القناة أكثر من {n} موضوعًا.",
                                "This channel cannot follow more than {n} topics."),
    "unsubscribed": ("أُلغيت متابعة «{topic}».", "You no longer follow «{topic}»."),
    "unsubscribed_group": ("لم تعد المجموعة تتابع «{topic}».",
                           "This group no longer follows «{topic}»."),
    "unsubscribed_channel": ("لم تعد القناة تتابع «{topic}».",
                             "This channel no longer follows «{topic}»."),
    "not_subscribed": ("لست تتابع «{topic}».", "You do not follow «{topic}»."),
    "not_subscribed_group": ("المجموعة لا تتابع «{topic}».",
                             "This group does not follow «{topic}»."),
    "not_subscribed_channel": ("القناة لا تتابع «{topic}».",
                               "This channel does not follow «{topic}»."),
    "link_not_topic": ("الرابط لا يُتابع: الموضوع اسم، مثل /subscribe الغوطة. وهذا جواب الرابط:",
                       "A link cannot be followed: a topic is a name, such as /subscribe الغوطة. "
                       "Here is the answer for the link:"),
    "not_a_topic_blank": ("اكتب اسم الموضوع الذي تتابعه، مثل /subscribe الغوطة",
                          "Send the name of the topic to follow, such as /subscribe الغوطة"),
    "not_a_topic": ("«{topic}» ليس موضوعًا يُتابع: اكتب اسمًا، مثل /subscribe الغوطة",
                    "«{topic}» is not a topic to follow: send a name, such as /subscribe الغوطة"),
    "no_subscriptions": ("لا تتابع أي موضوع بعد. اكتب /subscribe موضوع، مثل: /subscribe الغوطة",
                         "You follow no topic yet. Send /subscribe TOPIC, e.g. /subscribe الغوطة"),
    "no_subscriptions_group": ("المجموعة لا تتابع أي موضوع بعد. يضيف المشرفون موضوعًا: "
                               "/subscribe موضوع، مثل: "
                               "/subscribe الغوطة",
                               "This group follows no topic yet. Admins add one: "
                               "/subscribe TOPIC, e.g. /subscribe الغوطة"),
    "no_subscriptions_channel": ("القناة لا تتابع أي موضوع بعد. يضيف المشرفون موضوعًا: "
                                 "/subscribe موضوع، مثل: "
                                 "/subscribe الغوطة",
                                 "This channel follows no topic yet. Admins add one: "
                                 "/subscribe TOPIC, e.g. /subscribe الغوطة"),
    "choose_unsubscribe": ("اختر الموضوع الذي تريد إلغاء متابعته:",
                           "Choose the topic to stop following:"),
    "choose_unsubscribe_group": ("اختر الموضوع الذي تلغي المجموعة متابعته:",
                                 "Choose the topic this group stops following:"),
    "choose_unsubscribe_channel": ("اختر الموضوع الذي تلغي القناة متابعته:",
                                   "Choose the topic this channel stops following:"),
    "topics_header": ("المواضيع التي تتابعها:", "The topics you follow:"),
    "topics_header_group": ("المواضيع التي تتابعها المجموعة:", "The topics this group follows:"),
    "topics_header_channel": ("المواضيع التي تتابعها القناة:", "The topics this channel follows:"),
    "topics_mode_instant": ("التنبيهات: فورية.", "Alerts: instant."),
    "topics_mode_daily": ("التنبيهات: نشرة يومية الساعة {hour}.", "Alerts: a daily digest at {hour}."),
    "topic_matches_nothing": ("لا يطابق أي خبر (حرف واحد أو «ال» وحدها ليست كلمة يُبحث عنها)",
                              "matches no news (a single letter or a bare «ال» is no word to "
                              "search for)"),
    "topics_remove_empty": ("يُلغى ما لا يطابق أي خبر بالزر ❌ أدناه.",
                            "The ❌ button below removes what matches no news."),
    "group_admins_only": ("في المجموعات، يغيّر الإعدادات والمتابعات مشرفو المجموعة وحدهم.",
                          "In groups, only the group's admins change settings and subscriptions."),
    # /digest
    "digest_empty": ("لا أخبار جديدة في مواضيعك الآن.", "No recent news on your topics right now."),
    "digest_empty_group": ("لا أخبار جديدة في مواضيع المجموعة الآن.",
                           "No recent news on this group's topics right now."),
    "digest_empty_channel": ("لا أخبار جديدة في مواضيع القناة الآن.",
                             "No recent news on this channel's topics right now."),
    "digest_no_subs": ("لا تتابع أي موضوع بعد؛ هذه أحدث الأخبار. تابع موضوعًا: /subscribe الغوطة",
                       "You follow no topic yet; here are the latest stories. Follow one: "
                       "/subscribe الغوطة"),
    "digest_no_subs_group": ("المجموعة لا تتابع أي موضوع بعد؛ هذه أحدث الأخبار. تابعوا موضوعًا: "
                             "/subscribe الغوطة",
                             "This group follows no topic yet; here are the latest stories. "
                             "Follow one: /subscribe الغوطة"),
    "digest_no_subs_channel": ("القناة لا تتابع أي موضوع بعد؛ هذه أحدث الأخبار. تابعوا موضوعًا: "
                               "/subscribe الغوطة",
                               "This channel follows no topic yet; here are the latest stories. "
                               "Follow one: /subscribe الغوطة"),
    # /settings
    "settings_now": ("الإعدادات الحالية:\n• التنبيهات: {mode}\n• ساعات الهدوء: {quiet}\n"
                     "• التوقيت: {zone}",
                     "Current settings:\n• Alerts: {mode}\n• Quiet hours: {quiet}\n"
                     "• Time zone: {zone}"),
    "mode_instant": ("فورية", "instant"),
    "mode_daily": ("نشرة يومية الساعة {hour}", "a daily digest at {hour}"),
    "quiet_none": ("غير مفعّلة", "not set"),
    "quiet_range": ("من {start} إلى {end}", "from {start} to {end}"),
    "btn_instant": ("⚡ فورية", "⚡ Instant"),
    "btn_daily": ("🗓 يومية", "🗓 Daily"),
    "btn_quiet": ("🌙 ساعات الهدوء", "🌙 Quiet hours"),
    "btn_quiet_off": ("بلا ساعات هدوء", "No quiet hours"),
    "btn_zone": ("🕐 التوقيت", "🕐 Time zone"),
    "btn_back": ("↩️ رجوع", "↩️ Back"),
    "choose_zone": ("اختر توقيتك (للنشرة اليومية وساعات الهدوء):",
                    "Choose your time zone (for the daily digest and quiet hours):"),
    "choose_zone_group": ("اختر توقيت المجموعة (للنشرة اليومية وساعات الهدوء):",
                          "Choose the group's time zone (for the daily digest and quiet hours):"),
    "choose_zone_channel": ("اختر توقيت القناة (للنشرة اليومية وساعات الهدوء):",
                            "Choose the channel's time zone (for the daily digest and quiet "
                            "hours):"),
    "choose_hour": ("في أي ساعة تصلك النشرة اليومية؟ (التوقيت: {zone})",
                    "At what hour should the daily digest arrive? (time zone: {zone})"),
    "choose_hour_group": ("في أي ساعة تصل المجموعةَ النشرة اليومية؟ (التوقيت: {zone})",
                          "At what hour should the group's daily digest arrive? (time zone: "
                          "{zone})"),
    "choose_hour_channel": ("في أي ساعة تصل القناةَ النشرة اليومية؟ (التوقيت: {zone})",
                            "At what hour should the channel's daily digest arrive? (time zone: "
                            "{zone})"),
    "choose_quiet": ("اختر ساعات الهدوء (لا تنبيهات فيها):",
                     "Choose quiet hours (no alerts during them):"),
    "settings_saved": ("✅ حُفظت الإعدادات.", "✅ Settings saved."),
    # /lang
    # no colon: after the isolated Latin run it would show at the far left of the RTL line (QA12)
    "choose_lang": ("اختر اللغة / Choose the language", "اختر اللغة / Choose the language"),
    "lang_set": ("✅ اللغة الآن: العربية.", "✅ Language is now English."),
    # buttons and errors
    "button_expired": ("انتهت صلاحية هذا الزر. أعد الطلب من جديد.",
                       "This button has expired. Please ask again."),
    "done": ("تم.", "Done."),
    "error": ("عذرًا، حدث خطأ. حاول مرة أخرى بعد قليل.", "Sorry, something went wrong. Please try again shortly."),
    # admins
    "not_admin": ("عذرًا، هذا الأمر للمشرفين فقط.", "Sorry, this command is for admins only."),
    "not_admin_anonymous": ("عذرًا، هذا الأمر للمشرفين فقط، والبوت لا يعرف من أرسله باسم المجموعة:"
                            " أرسل الأمر باسمك، لا باسم المجموعة.",
                            "Sorry, this command is for admins only, and the bot cannot tell who"
                            " sent it as the group: send it as yourself, not as the group."),
    "admin_forwarded": ("لا تُنفَّذ أوامر المشرفين من رسالة مُعاد توجيهها: اكتب الأمر بنفسك.",
                        "Admin commands in a forwarded message are not run: type the command"
                        " yourself."),
    "not_admin_id": ("عذرًا، هذا الأمر للمشرفين فقط.\nمعرّفك في تيليجرام: <code>{user_id}</code> — "
                     "إن كنت مشغّل البوت فأضفه إلى ADMIN_IDS في إعداداته ثم أعد تشغيله.",
                     "Sorry, this command is for admins only.\nThe sender's Telegram user id: "
                     "<code>{user_id}</code>. The bot's operator may add it to ADMIN_IDS in the "
                     "bot's settings, then restart the bot."),
    "push_queued": ("📤 النشرة في قائمة الإرسال — المحادثات: {chats}، الأخبار: {stories}.",
                    "📤 Digest queued: {chats} chats, {stories} stories."),
    "push_no_followers_topic": ("لا أحد يتابع «{topic}»؛ لم تُرسل نشرة.",
                                "Nobody follows «{topic}»; no digest was sent."),
    "push_no_followers": ("لا أحد يتابع النشرة العامة؛ لم تُرسل نشرة. لمتابعي موضوع: /push الغوطة",
                          "Nobody follows the general digest; no digest was sent. For a topic's "
                          "followers: /push الغوطة"),
    "push_no_stories_topic": ("لا أخبار حديثة عن «{topic}»؛ لم تُرسل نشرة.",
                              "No recent news about «{topic}»; no digest was sent."),
    "push_no_stories": ("لا أخبار حديثة لإرسالها.", "No recent stories to send."),
    "push_nothing_new": ("لا أخبار جديدة لإرسالها: أُرسلت هذه الأخبار إلى المتابعين من قبل "
                         "(سُلّمت، أو تعذّر تسليمها كما قال تقرير تلك النشرة).",
                         "Nothing new to send: these stories were sent to the followers before "
                         "(delivered, or failed as that push's report said)."),
    "push_nothing_new_queued": ("لا أخبار جديدة لإرسالها: هذه الأخبار في قائمة الإرسال الآن (نشرة "
                                "سابقة لم تنتهِ بعد، ويصلك تقريرها حين تنتهي).",
                                "Nothing new to send: these stories are in the queue now (an "
                                "earlier push has not finished; its report follows when it does)."),
    "push_done": ("✅ انتهت النشرة — سُلّمت: {delivered}، فشلت: {failed}.",
                  "✅ Digest finished: {delivered} delivered, {failed} failed."),
    "push_done_failures": ("⚠️ انتهت النشرة مع إخفاقات — سُلّمت: {delivered}، فشلت: {failed}. "
                           "أسباب الإخفاق (عدد المحادثات):",
                           "⚠️ Digest finished with failures: {delivered} delivered, {failed} "
                           "failed. Why (chats):"),
    # why a chat did not get a delivery (bot.reasons.delivery_reason)
    "delivery_blocked": ("حظر المستخدم البوت", "the user blocked the bot"),
    "delivery_deactivated": ("حُذف حساب المستخدم", "the user's account was deleted"),
    "delivery_kicked": ("أُخرج البوت من المجموعة", "the bot was removed from the group"),
    "delivery_not_member": ("البوت ليس عضوًا في المحادثة", "the bot is not a member of the chat"),
    "delivery_cant_initiate": ("لم يبدأ المستخدم محادثة مع البوت (عليه أن يرسل /start)",
                               "the user never started a chat with the bot (they must send "
                               "/start)"),
    "delivery_chat_not_found": ("لم يجد تيليجرام المحادثة", "Telegram did not find the chat"),
    "delivery_other": ("رفض تيليجرام الرسالة: {detail}", "Telegram refused the message: {detail}"),
    "delivery_unknown": ("لم تُسلَّم (التفاصيل في السجل)", "not delivered (details in the log)"),
    "sources_header": ("المصادر:", "Sources:"),
    "sources_summary": ("المصادر: {total} — ✅ {ok}، ⚠️ {failing}، ⏳ {never}، ⏸ {paused}؛ أولًا"
                        " ما يحتاج إلى انتباه:",
                        "Sources: {total} — ✅ {ok}, ⚠️ {failing}, ⏳ {never}, ⏸ {paused}; those"
                        " that need attention first:"),
    "sources_more": ("… و{n} غيرها لم تُعرض — كلها في: python run.py sources list",
                     "… and {n} more not shown — all of them: python run.py sources list"),
    "sources_empty": ("لا مصادر. أضف مصدرًا: /addsource URL", "No sources. Add one: /addsource URL"),
    "source_line": ("{id}. {name} — {health}", "{id}. {name} — {health}"),
    "health_ok": ("✅ آخر نجاح {when}", "✅ last success {when}"),
    "health_never": ("⏳ لم يُجلب بعد", "⏳ not polled yet"),
    "health_paused": ("⏸ موقوف (تبقى أخباره) — لإعادته: /addsource والرابط أدناه",
                      "⏸ paused (its articles stay) — to resume: /addsource with the link below"),
    "health_failing": ("⚠️ إخفاقات متتالية: {failures} — {error}",
                       "⚠️ failing {failures} in a row: {error}"),
    "addsource_usage": ("الاستخدام: /addsource رابط [اسم] — رابط خلاصة RSS/Atom أو صفحة تشير "
                        "إليها؛ دون اسم يُسمّى المصدر بعنوان خلاصته.",
                        "Usage: /addsource URL [NAME]: the link of an RSS/Atom feed or of a page "
                        "that points to one; without a name the source takes its feed's title."),
    "addsource_checking": ("⏳ أتحقق من الرابط: {link}", "⏳ Checking the link: {link}"),
    "addsource_found": ("✅ الرابط صفحة ويب تشير إلى خلاصة أخبار، فأضفت الخلاصة: {feed}\n"
                        "المصدر {id}: {name}\nالرابط: {link}",
                        "✅ The link is a web page that points to a news feed, so I added the "
                        "feed: {feed}\nSource {id}: {name}\nLink: {link}"),
    "addsource_scheme": ("كُتب الرابط دون http:// أو https://، فقرأته بـ {scheme}://",
                         "The link had no http:// or https://, so I took it as {scheme}://"),
    "addsource_scheme_fallback": ("كُتب الرابط دون http:// أو https://، ولم يُجب الموقع على "
                                  "https://، فجرّبته بـ http://",
                                  "The link had no http:// or https://, and the site did not "
                                  "answer on https://, so I tried http://"),
    "addsource_ok": ("✅ أُضيف المصدر {id}: {name}\nالرابط: {link}",
                     "✅ Source {id} added: {name}\nLink: {link}"),
    "addsource_resumed": ("✅ أُعيد تفعيل المصدر {id}: {name}\nالرابط: {link}",
                          "✅ Source {id} resumed: {name}\nLink: {link}"),
    "addsource_failed": ("تعذرت إضافة المصدر: {link}\n{error}",
                         "Could not add the source: {link}\n{error}"),
    "removesource_usage": ("الاستخدام: /removesource رقم (الأرقام في /sources)",
                           "Usage: /removesource NUMBER (the numbers are in /sources)"),
    "removesource_ok": ("⏸ أُوقف جلب المصدر {id}: {name} (تبقى أخباره في الأرشيف). لإعادته: "
                        "/addsource {url}",
                        "⏸ Stopped polling source {id}: {name} (its articles stay in the "
                        "archive). To resume: /addsource {url}"),
    "removesource_already": ("المصدر {id} موقوف من قبل.", "Source {id} is already stopped."),
    "removesource_missing": ("لا مصدر بالرقم {id}. الأرقام في /sources",
                             "No source number {id}. The numbers are in /sources"),
    "ingest_started": ("⏳ بدأ جلب الأخبار…", "⏳ Polling the sources…"),
    "ingest_running": ("الجلب جارٍ بالفعل.", "A poll is already running."),
    # English counts come with their noun ("1 source", "2 new articles": bot.i18n.counted)
    "ingest_done": ("✅ انتهى الجلب — المصادر: {sources}، الأخبار الجديدة: {new}، الإخفاقات: {failed}.",
                    "✅ Poll finished: {sources}, {new}, {failed} failed."),
    "ingest_done_failures": ("⚠️ انتهى الجلب مع إخفاقات — المصادر: {sources}، أخفق منها: {failed} "
                             "({names})، الأخبار الجديدة: {new}. التفاصيل في /sources",
                             "⚠️ Poll finished with failures: {failed} of {sources} failed "
                             "({names}); {new}. Details: /sources"),
    "ingest_first_poll": ("(أول جلب لمصدر جديد: حُفظت أخباره ({new}) للبحث ولم تُرسل إلى "
                          "المتابعين؛ تُرسل الأخبار الجديدة من الجلب التالي)",
                          "(A new source's first poll: its {new} were stored for search, not "
                          "sent to followers; new articles are sent from the next poll on)"),
    "ingest_interrupted": ("⚠️ توقف الجلب قبل أن يكتمل؛ أعد المحاولة بـ /ingest",
                           "⚠️ The poll stopped before it finished (the bot was restarted);"
                           " try again with /ingest"),
    "ingest_failed": ("⚠️ فشل الجلب: {error}", "⚠️ The poll failed: {error}"),
    "stats": ("📊 الإحصاءات\n• محادثات لها متابعات: {subscribers}\n"
              "• كل المحادثات النشطة: {active}\n• المتابعات: {subscriptions}\n"
              "• المقالات: {articles}\n• الأحداث (قصص إخبارية): {stories}\n"
              "• في قائمة الإرسال: {pending}\n• آخر جلب: {last_poll}\n"
              "• الأخبار المرسلة إلى المحادثات في ٢٤ ساعة (خبر لمحادثة) — سُلّمت: {sent}، "
              "فشلت: {failed} (نسبة التسليم: {rate})",
              "📊 Statistics\n• Chats that follow something: {subscribers}\n"
              "• All active chats: {active}\n• Subscriptions: {subscriptions}\n"
              "• Articles: {articles}\n• Events (news stories): {stories}\n"
              "• Delivery queue: {pending}\n• Last poll: {last_poll}\n"
              "• Stories sent to chats (24 h, one story to one chat): {sent} delivered, "
              "{failed} failed (delivery rate: {rate})"),
    "never": ("أبدًا", "never"),
    # /stats: stories a delivered digest counted but did not show, behind its «more» button
    # (bot.courier), count as delivered only once the button is pressed
    "stats_behind_button": ("• أخبار خلف زر «اعرض الأخبار الأخرى» لم يُضغط بعد (لا تُحسب في "
                            "المُسلَّمة): {behind}",
                            "• Stories behind a «Show the other stories» button not pressed yet "
                            "(not counted as delivered): {behind}"),
    # why a source failed (digests.errors.Reason, worded by bot.reasons): reason, then what to do
    "reason_invalid_url": ("«{detail}» ليس رابط موقع صالحًا: الرابط http:// أو https:// ثم اسم "
                           "الموقع (مثل https://example.com/rss). أرسله كاملًا كما يظهر في "
                           "المتصفح.",
                           "«{detail}» is not a valid web link: a link is http:// or https:// "
                           "then the site's name (such as https://example.com/rss). Send it in "
                           "full as your browser shows it."),
    "reason_unknown_host": ("لم أجد الموقع {host}: لا نطاق بهذا الاسم. تأكد من كتابة الرابط.",
                            "Could not find the site {host}: no such domain. Check the link's "
                            "spelling."),
    "reason_private_address": ("الموقع {host} على شبكة خاصة أو محلية، وهذا غير مسموح. للسماح به "
                               "اضبط ALLOW_PRIVATE_SOURCES=true.",
                               "{host} is on a private or local network, which is not allowed. "
                               "To allow it, set ALLOW_PRIVATE_SOURCES=true."),
    "reason_refused": ("تعذر الاتصال بالموقع {host} (رفض الاتصال). تأكد من الرابط أو جرّب لاحقًا.",
                       "Could not connect to {host} (connection refused). Check the link or try "
                       "later."),
    "reason_connect": ("تعذر الاتصال بالموقع {host}. تأكد من الرابط أو جرّب لاحقًا.",
                       "Could not connect to {host}. Check the link or try later."),
    "reason_timeout": ("لم يرد الموقع {host} في المهلة ({detail} ث). جرّب لاحقًا.",
                       "{host} did not answer in time ({detail} s). Try later."),
    "reason_http_404": ("الصفحة غير موجودة على {host} (الخطأ ٤٠٤). تأكد من الرابط.",
                        "The page does not exist on {host} (error 404). Check the link."),
    "reason_http_403": ("الموقع {host} يمنع الوصول إلى الصفحة (الخطأ {detail}). جرّب رابطًا آخر "
                        "للخلاصة.",
                        "{host} refuses access to the page (error {detail}). Try another link "
                        "to the feed."),
    "reason_http_status": ("رفض الموقع {host} الطلب (الخطأ {detail}). تأكد من الرابط.",
                           "{host} refused the request (error {detail}). Check the link."),
    "reason_server_error": ("الموقع {host} يواجه عطلًا (الخطأ {detail}). أعيد المحاولة تلقائيًا "
                            "لاحقًا.",
                            "{host} has a problem (error {detail}). I will try again later by "
                            "myself."),
    "reason_server_error_adding": ("الموقع {host} يواجه عطلًا (الخطأ {detail}). لم يُضف شيء؛ أعد "
                                   "المحاولة بعد قليل.",
                                   "{host} has a problem (error {detail}). Nothing was added; "
                                   "try again in a little while."),
    "reason_too_big": ("الصفحة على {host} أكبر من الحد ({detail} ميغابايت). أرسل رابط الخلاصة "
                       "نفسها.",
                       "The page on {host} is over the size limit ({detail} MB). Send the link "
                       "of the feed itself."),
    "reason_tls": ("شهادة الأمان لموقع {host} غير صالحة: {detail}. على الموقع إصلاحها.",
                   "The security certificate of {host} is invalid: {detail}. The site must fix "
                   "it."),
    "tls_expired": ("منتهية الصلاحية", "expired"),
    "tls_self_signed": ("موقّعة ذاتيًا", "self-signed"),
    "tls_unknown_authority": ("صادرة عن جهة غير موثوقة", "issued by an unknown authority"),
    "tls_not_yet_valid": ("لم يبدأ سريانها بعد", "not valid yet"),
    "tls_revoked": ("ملغاة", "revoked"),
    "tls_other_name": ("صادرة لاسم آخر", "issued for another name"),
    "tls_unverified": ("تعذر التحقق منها", "it could not be verified"),
    "reason_redirects": ("الرابط على {host} يحوّل مرات كثيرة. أرسل الرابط النهائي للخلاصة.",
                         "The link on {host} redirects too many times. Send the feed's final "
                         "link."),
    "reason_bad_encoding": ("أرسل الموقع {host} بيانات مضغوطة تالفة. جرّب لاحقًا.",
                            "{host} sent broken compressed data. Try later."),
    "reason_not_feed": ("الصفحة ليست خلاصة أخبار (RSS/Atom). أرسل رابط الخلاصة، وغالبًا ينتهي بـ "
                        "rss أو feed.",
                        "The page is not a news feed (RSS/Atom). Send the feed's link; it often "
                        "ends in rss or feed."),
    "reason_not_feed_html": ("الرابط صفحة ويب وليس خلاصة أخبار (RSS/Atom)، ولا تشير الصفحة إلى "
                             "خلاصة. أرسل رابط الخلاصة، وغالبًا ينتهي بـ rss أو feed.",
                             "The link is a web page, not a news feed (RSS/Atom), and the page "
                             "points to no feed. Send the feed's link; it often ends in rss or "
                             "feed."),
    "reason_feed_broken": ("خلاصة {host} تالفة (XML غير صالح) ولا أخبار مقروءة فيها. أعيد "
                           "المحاولة تلقائيًا؛ إن بقيت تالفة فراسل الموقع.",
                           "The feed of {host} is damaged (invalid XML), with no readable news. "
                           "I will try again by myself; if it stays damaged, tell the site."),
    "reason_feed_broken_adding": ("الخلاصة تالفة (XML غير صالح) ولا أخبار مقروءة فيها. تحقق منها "
                                  "مع الموقع، ثم أعد المحاولة.",
                                  "The feed is damaged (invalid XML), with no readable news. Check "
                                  "it with the site, then try again."),
    "reason_duplicate": ("المصدر مضاف من قبل برقم {detail}. المصادر كلها في /sources",
                         "This source is already there as number {detail}. All sources: "
                         "/sources"),
    "reason_duplicate_cli": ("المصدر مضاف من قبل برقم {detail}. المصادر كلها: python run.py "
                             "sources list",
                             "This source is already there as number {detail}. All sources: "
                             "python run.py sources list"),
    "reason_no_source": ("لا مصدر بالرقم {detail}. الأرقام في /sources",
                         "No source number {detail}. The numbers are in /sources"),
    "reason_not_stored": ("تعذر حفظ بعض الأخبار ({detail}). التفاصيل في سجل البوت.",
                          "Some articles could not be stored ({detail}). Details are in the "
                          "bot's log."),
    "reason_other": ("تعذر الجلب من {host}. التفاصيل في سجل البوت.",
                     "Fetching from {host} failed. Details are in the bot's log."),
    "reason_unknown": ("سبب غير معروف؛ التفاصيل في سجل البوت (وفي: python run.py sources list).",
                       "Unknown reason; details are in the bot's log (and in: python run.py "
                       "sources list)."),
    # inline mode
    "inline_nothing": ("لا نتائج عن «{query}»", "No results for «{query}»"),
    # an admin's /sources or /stats typed in a group is answered privately (bot.admin, QA20 O7)
    "sent_private": ("📬 أرسلت الجواب إليك في محادثة خاصة: فيه روابط المصادر وأرقام البوت، فلا "
                     "يُنشر في المجموعة.",
                     "📬 I sent the answer to you in a private chat: it holds the sources' links "
                     "and the bot's figures, so it is not posted in the group."),
    "start_private": ("🔒 يُجاب هذا الأمر في محادثة خاصة فقط، ولم أستطع مراسلتك: افتح محادثة مع "
                      "البوت وأرسل /start ثم أعد الأمر هناك.",
                      "🔒 This command is answered in a private chat only, and I could not write "
                      "to you: open a chat with the bot, send /start, then send the command "
                      "there."),
    # what /sources and /addsource say about fetching (bot.source_notes, QA20 O4, O5)
    "fetching_now": ("⏳ يُجلب الآن لأول مرة؛ حالته في /sources",
                     "⏳ Fetching it now for the first time; see /sources"),
    "fetch_after_running": ("⏳ جلبٌ جارٍ الآن بدونه: سيُجلب في الجلب التالي ({when})، أو أرسل "
                            "/ingest بعد انتهاء الجاري",
                            "⏳ A poll is running without it: it will be fetched at the next "
                            "poll ({when}), or send /ingest once the running one is over"),
    "fetch_later": ("⏳ سيُجلب في الجلب التالي ({when})، أو أرسل /ingest الآن",
                    "⏳ It will be fetched at the next poll ({when}), or send /ingest now"),
    "next_poll": ("الجلب التالي: {when}", "Next poll: {when}"),
    "next_poll_none": ("لا جلب مجدول في هذه العملية", "none scheduled in this process"),
    "next_poll_within": ("خلال {minutes} دقيقة", "within {minutes} min"),
    "ingest_running_new": ("المصادر التي لم تُجلب بعد ({count}) ليست في الجلب الجاري: أرسل "
                           "/ingest بعد انتهائه",
                           "Sources never fetched yet ({count}) are not in the running poll: "
                           "send /ingest once it is over"),
    "pages_failing": ("⚠️ صفحات أخباره لا تُجلب ({failed} من {total} في ٢٤ ساعة)، فأخباره بلا "
                      "مقدمة ولا اقتباسات: {reason}",
                      "⚠️ Its article pages are not fetched ({failed} of {total} in 24 h), so "
                      "its stories have no lead and no quotes: {reason}"),
    # lines of /stats said only when they apply (bot.stats, QA20 O3, O6)
    "stats_lost": ("• محادثات فُقدت (حظرت البوت أو حُذف الحساب أو أُخرج البوت أو لم يجدها "
                   "تيليجرام): {chats}، منها {recent} في ٢٤ ساعة؛ متابعاتها ({subscriptions}) "
                   "محفوظة لعودتها ولا تُحسب أعلاه",
                   "• Chats lost (blocked the bot, account deleted, bot removed, or not found by "
                   "Telegram): {chats}, {recent} of them in 24 h; their subscriptions "
                   "({subscriptions}) are kept for their return and not counted above"),
    "stats_undelivered": ("• أخبار لم تُسلَّم لأن المحادثة فُقدت (٢٤ ساعة): {count} — محسوبة في "
                          "نسبة التسليم",
                          "• Stories not delivered because the chat was lost (24 h): {count} — "
                          "counted in the delivery rate"),
    "stats_paused": ("• ⏸ الإرسال متوقف بطلب تيليجرام (429، حد الإرسال) لمدة {seconds} ثانية "
                     "أخرى؛ مستحقة الآن: {due}، قيد الإرسال: {sending}",
                     "• ⏸ Sending paused at Telegram's request (429, flood control) for "
                     "{seconds} s more; due now: {due}, being sent: {sending}"),
    "stats_queue": ("• مستحقة الآن: {due}، قيد الإرسال: {sending}",
                    "• Due now: {due}, being sent: {sending}"),
    # a private reader back after blocking the bot: their topics were kept (bot.welcome, QA20 O8)
    "welcome_back": ("👋 أهلًا بعودتك. ما زلت تتابع: {topics} — لإيقاف متابعة: /unsubscribe، "
                     "ولرؤيتها كلها: /topics",
                     "👋 Welcome back. You still follow: {topics} — to stop one: /unsubscribe, "
                     "to see them all: /topics"),
}


MAX_TOPICS_NAMED = 3  # topics a digest's header names; more would bury the headline


def topic_list(topics: Sequence[str], lang: str, limit: int = MAX_TOPICS_NAMED) -> str:
    """Topics as a header names them, in the order given: «الغوطة»، «النفط»، «ترامب» — the
    first `limit`, then how many more («و١ آخر», «و٢ آخران», «و٣ أخرى» / "and 3 more"). In
    English a topic with an English name is named by it and its Arabic, as every English
    answer names it ("«Ghouta (الغوطة)», «Oil (النفط)»": `topic_label`)."""
    sep = "، " if lang == "ar" else ", "
    # "Ghouta (الغوطة)" as /subscribe, /topics and search name it (QA21 R6)
    listed = sep.join(f"«{topic_label(topic, lang, with_arabic=True)}»"
                      for topic in topics[:limit])
    hidden = len(topics) - limit
    if hidden <= 0:
        return listed
    key = "topics_more_one" if hidden == 1 else "topics_more_two" if hidden == 2 else "topics_more"
    return t(key, lang, topics=listed, n=num(hidden, lang))


def bundle_stop(lang: str, chat_type: str | None) -> str | None:
    """The last line of a delivered digest: how to stop («لإيقاف المتابعة: /unsubscribe») in a
    private chat, for the admins in a group («للمشرفين: /unsubscribe»), None in a channel — its
    readers cannot send a command there (QA18 R18)."""
    if chat_type == "channel":
        return None
    return t(chat_worded("bundle_stop", chat_type), lang)


# English names of Arabic topics, one a topic (digests.topic_names maps English → Arabic; the
# first English name of each topic is its label): «الغوطة» → "Ghouta".
_ACRONYMS = frozenset({"un", "uk", "us", "usa", "uae", "isis", "nato"})


def _english_name(name: str) -> str:
    return " ".join(w.upper() if w in _ACRONYMS else w if w == "bin" else w.capitalize()
                    for w in name.split())


def _english_labels() -> dict[str, str]:
    from digests.topic_names import ENGLISH_TOPICS

    labels: dict[str, str] = {}
    for english, arabic in ENGLISH_TOPICS.items():
        labels.setdefault(arabic, _english_name(english))
    return labels


_ENGLISH_LABELS = _english_labels()


def topic_label(topic: str, lang: str, *, with_arabic: bool = False) -> str:
    """A followed topic as a reader of `lang` sees it: '' is the general digest by name; in
    English a topic with a common English name is shown by it — «الغوطة» as "Ghouta", or
    "Ghouta (الغوطة)" `with_arabic` (QA18 R18: an English reader who followed «Ghouta» saw
    it only in Arabic script) — any other topic as it is."""
    if not topic:
        return t("general", lang)
    english = _ENGLISH_LABELS.get(topic) if lang == "en" else None
    if english is None:
        return topic
    return f"{english} ({topic})" if with_arabic else english


def chat_worded(key: str, chat_type: str | None) -> str:
    """The i18n key of `key` worded for the chat: «المجموعة لا تتابع …» in a group or
    supergroup (`key`_group), «القناة …» in a channel (`key`_channel), «لا تتابع …» («you»)
    in a private chat (`key`). A channel without its own wording takes the group's; a key with
    neither (its words fit any chat) is `key` itself."""
    suffix = {"group": "_group", "supergroup": "_group", "channel": "_channel"}.get(
        chat_type or "", "")
    for candidate in (key + suffix, key + "_group" if suffix else key):
        if candidate in STRINGS:
            return candidate
    return key


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang` (Arabic unless "en"), formatted with `values`. An English
    string's Arabic runs are closed with marks (bot.lines.close_rtl), so an Arabic name before
    a number or another Arabic name keeps its place on a left-to-right line (QA18 R17)."""
    ar, en = STRINGS[key]
    text = en if lang == "en" else ar
    text = text.format(**values) if values else text
    return close_rtl(text) if lang == "en" else text
