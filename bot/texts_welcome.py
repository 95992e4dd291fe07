"""Strings of meeting the bot: /start, /help and the command menus, a group's and a
channel's welcome, /channels, /lang, the generic buttons and errors.

Part of bot.i18n's tables (bot.i18n merges every bot/texts_*.py TEXTS into STRINGS and
re-exports the command lists; call them through `bot.i18n.t`). New strings of the welcome, help,
channel management and language choice go here.
"""

from __future__ import annotations

# The command menu: (command, Arabic description, English description). /help and setMyCommands
# are built from these lists, and a test checks the README names every one of them.
READER_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("start", "البداية والتعريف بالبوت", "Welcome and what the bot does"),
    ("search", "آخر أخبار موضوع، في المجموعات أيضًا: /search الغوطة",
     "A topic's latest news, in groups too: /search Ghouta"),
    ("subscribe", "تابع موضوعًا: /subscribe موضوع (أو النشرة العامة)",
     "Follow a topic: /subscribe TOPIC (or the general digest)"),
    ("unsubscribe", "ألغِ متابعة موضوع، أو كلها: /unsubscribe الكل",
     "Stop following a topic, or all of them: /unsubscribe all"),
    ("topics", "المواضيع التي تتابعها", "The topics you follow"),
    ("digest", "نشرتي الآن", "My digest now"),
    ("settings", "التنبيهات: فورية أو يومية، ساعات الهدوء، التوقيت، المصادر",
     "Alerts: instant or daily, quiet hours, time zone, sources"),
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
    ("renamesource", "غيّر اسم مصدر: /renamesource رقم اسم",
     "Rename a source: /renamesource NUMBER NAME"),
    ("ingest", "اجلب الأخبار الآن", "Poll the sources now"),
    ("stats", "إحصاءات", "Statistics"),
)

# In a group /help speaks of the group: command → (Arabic, English) replacing READER_COMMANDS'
# descriptions there (the group follows, the group's digest; admins change what it follows).
GROUP_COMMANDS: dict[str, tuple[str, str]] = {
    "search": ("آخر أخبار موضوع هنا: /search الغوطة",
               "A topic's latest news here: /search Ghouta"),
    "subscribe": ("تتابع المجموعة موضوعًا (للمشرفين): /subscribe موضوع (أو النشرة العامة)",
                  "The group follows a topic (admins): /subscribe TOPIC (or the general digest)"),
    "unsubscribe": ("تلغي المجموعة متابعة موضوع أو كلها (للمشرفين): /unsubscribe الكل",
                    "The group stops following a topic or all (admins): /unsubscribe all"),
    "topics": ("المواضيع التي تتابعها المجموعة", "The topics this group follows"),
    "digest": ("نشرة المجموعة الآن", "The group's digest now"),
    "settings": ("تنبيهات المجموعة: فورية أو يومية، ساعات الهدوء، التوقيت، المصادر (للمشرفين)",
                 "The group's alerts: instant or daily, quiet hours, time zone, sources "
                 "(admins)"),
    "channels": ("قنواتي: إدارة قناة تشرف عليها، في محادثة خاصة مع البوت",
                 "My channels: manage a channel you administer, in a private chat with the bot"),
    "lang": ("لغة المجموعة: العربية أو English (للمشرفين)",
             "The group's language: Arabic or English (admins)"),
}

EXAMPLE_TOPICS: tuple[str, ...] = ("الغوطة", "سوريا", "لبنان", "إيران", "الانتخابات")


# key → (Arabic, English), as bot.i18n.STRINGS holds them: values may hold {placeholders}
# filled by `t`, inserted as given (escape them first when the text is sent as HTML).
TEXTS: dict[str, tuple[str, str]] = {
    # a command one edit from a known one («/subscripe الغوطه»; QA54-6): a button runs it
    "unknown_command_near": ("لا أعرف الأمر {command}. هل تقصد {near}؟",
                             "I do not know the command {command}. Did you mean {near}?"),
    "unknown_command_or": (" أو ", " or "),
    # a command the bot does not know, and «/stop» (QA26 N7)
    "unknown_command": ("لا أعرف الأمر {command}. هذه أوامري:",
                        "I do not know the command {command}. These are mine:"),
    "stop_alerts": ("لإيقاف التنبيهات: ألغِ متابعة الموضوع بزرّه «❌ إلغاء» أدناه، أو اكتب "
                    "/unsubscribe واسمه. ولنشرة واحدة في اليوم بدل التنبيهات: «🗓 يومية» في /settings",
                    "To stop the alerts: remove a topic with its «❌ Remove» button below, or send "
                    "/unsubscribe and its name. For one digest a day instead: «🗓 Daily» in "
                    "/settings"),
    # greetings and small talk typed as a message (QA26 N3, digests.greetings)
    "small_talk_hello": ("أهلًا بك! اكتب اسم موضوع لأجمع لك آخر أخباره، مثل «الغوطة» أو «ترامب».\n"
                         "الأوامر كلها: /help",
                         "Hello! Type a topic's name and I will gather its latest news, such as "
                         "«Syria» or «Trump».\nAll the commands: /help"),
    "small_talk_hello_group": ("أهلًا بكم! اكتبوا /search واسم موضوع، مثل: /search الغوطة",
                               "Hello! Send /search and a topic's name, such as: /search Syria"),
    "small_talk_thanks": ("العفو! اكتب اسم أي موضوع متى شئت، مثل «الغوطة».",
                          "You are welcome! Type any topic whenever you like, such as «Syria»."),
    "small_talk_thanks_group": ("العفو! اكتبوا /search واسم موضوع متى شئتم.",
                                "You are welcome! Send /search and a topic whenever you like."),
    "small_talk_how": ("بخير، شكرًا! اكتب اسم موضوع لأجمع لك آخر أخباره، مثل «الغوطة».\n"
                       "الأوامر كلها: /help",
                       "Fine, thank you! Type a topic's name and I will gather its latest news, "
                       "such as «Syria».\nAll the commands: /help"),
    "small_talk_how_group": ("بخير، شكرًا! اكتبوا /search واسم موضوع، مثل: /search الغوطة",
                             "Fine, thank you! Send /search and a topic's name, such as: "
                             "/search Syria"),
    # X25 (session 11): a chat on UTC (where an English reader starts) is told how to pick
    # its zone under the /start welcome (bot.welcome)
    # /zone, as «zone_hint» says for a chat in another zone (QA51 L9: one answer, not two)
    # (QA67-13: as «zone_hint» words it, without a stray «و», «(UTC)» as every message has it)
    "zone_hint_utc": ("🌐 الأوقات (النشرة اليومية وساعات الهدوء) بالتوقيت العالمي (UTC). لتختار "
                      "توقيتك: /zone",
                      "🌐 Times (the daily digest, quiet hours) are in UTC. To pick your time "
                      "zone: /zone"),
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
                    "and condense each story.\nSend /search Ghouta to get a topic's latest news "
                    "here; the group's admins can follow a topic for it: /subscribe Ghouta. "
                    "All commands: /help"),
    "group_back": ("عادت متابعات المجموعة: {topics}. لإيقاف إحداها: /unsubscribe",
                   "The group's followed topics are back: {topics}. To stop one: /unsubscribe"),
    "group_back_more": (" و{n} غيرها", " and {n} more"),
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
    # a reader past 20 answers a minute (bot.reader_cap, QA65-11): said once, the rest dropped
    "slow_down": ("تمهّل قليلًا: وصلتني رسائل كثيرة منك في وقت قصير، فلن أجيب عن المزيد الآن. "
                  "أعد المحاولة بعد دقيقة.",
                  "Slow down a little: you sent many messages in a short time, so I will not "
                  "answer more now. Try again in a minute."),
    # a forwarded «/subscribe …» in a private chat: someone else's text, not run (QA31 G8)
    "forwarded_command": ("لا أنفّذ الأوامر من رسالة مُعاد توجيهها: إن أردت الأمر فاكتبه بنفسك.",
                          "Commands in a forwarded message are not run: type the command to "
                          "run it."),
    # an operator command posted in a channel is always sent as the channel (QA31 G5)
    "not_admin_channel": ("عذرًا، هذا الأمر لمشغّل البوت فقط، ولا يُنفَّذ من منشور في القناة: "
                          "يرسله المشغّل إلى @{bot} في محادثة خاصة.",
                          "Sorry, this command is for the bot's operator only, and never runs "
                          "from a channel post: the operator sends it to @{bot} in a private "
                          "chat."),
    # /channels: a channel's settings and topics from a private chat (bot.channel_admin)
    "channels_header": ("📢 اختر قناة لإدارة إعداداتها ومواضيعها:",
                        "📢 Choose a channel to manage its settings and topics:"),
    "channels_none": ("لا أعرف قناة تشرف عليها. لإدارة قناة من هنا: أضفني إليها مشرفًا يملك "
                      "النشر، وانشر فيها /subscribe موضوع، ثم أرسل /channels هنا من جديد.",
                      "No channel to manage from here. To manage one: add me to the channel as "
                      "an admin who can post, post /subscribe TOPIC in it, then send /channels "
                      "here again."),
    # QA55-9: the user's only channels are held (the bot may not post there): not «no channel»
    "channels_only_held": ("لا قناة أستطيع إدارتها من هنا الآن: أحتاج صلاحية النشر فيها أولًا.",
                           "No channel I can manage from here now: I need the right to post in "
                           "it first."),
    "channels_unchecked": ("لم يجب تيليجرام الآن عن بعض القنوات، فقد تنقص القائمة منها. أرسل "
                           "/channels بعد قليل.",
                           "Telegram did not answer for some channels just now, so the list may "
                           "miss some. Send /channels again shortly."),
    "channels_private_only": ("تُدار القنوات في محادثة خاصة معي: أرسل /channels إلى @{bot}",
                              "Channels are managed in a private chat with me: send /channels "
                              "to @{bot}"),
    "channel_menu_title": ("📢 القناة «{title}» (لغة منشوراتها: {language})",
                           "📢 Channel «{title}» (its posts in {language})"),
    "channel_added": ("📢 صار بوسعي النشر في القناة «{title}». لغة منشوراتها: {language}؛ "
                      "لتغييرها: /channels ← القناة ← «🌐 لغة القناة». لمتابعة موضوع فيها: "
                      "انشر في القناة /subscribe موضوع، أو أضفه من /channels.",
                      "📢 I can post in the channel «{title}» now. Its posts will be in "
                      "{language}; to change that: /channels → the channel → «🌐 Channel "
                      "language». To follow a topic there: post /subscribe TOPIC in the channel, "
                      "or add it from /channels."),
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
                                 "follow, e.g. Ghouta"),
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
                        "Type any topic, such as «Ghouta», to get its latest news, or follow it "
                        "to get its news as it happens: /subscribe Ghouta"),
    "welcome_group": ("اكتبوا /search الغوطة لتصل آخر أخبار «الغوطة» إلى المجموعة، ويتابع "
                      "مشرفو المجموعة موضوعًا لها: /subscribe الغوطة",
                      "Send /search Ghouta to get the latest news on «Ghouta» here; the group's "
                      "admins can follow a topic for it: /subscribe Ghouta"),
    # a group's welcome ends with a line in the other language: its Arabic members in an
    # English group (the adder's language) learn where the language is changed (QA36 E10);
    # said in Arabic whatever the group's language (bot.welcome.other_language_line)
    "welcome_group_other_language": ("🌐 بالعربية: يغيّر مشرفو المجموعة لغتها بالأمر /lang",
                                     "🌐 Arabic / العربية: /lang"),
    "deep_link_subscribed": ("تمت متابعة «{topic}» عبر الرابط.", "Following «{topic}» via the link."),
    "deep_link_stop": ("لإلغاء المتابعة: /unsubscribe {topic}",
                       "To stop following it: /unsubscribe {topic}"),
    # a share link's topic holding a web address or @handle: refused, not repeated (QA65-6)
    # (a disguised address «scam[.]io» or a phone number too: QA74-3)
    "deep_link_address": ("لم أتابع شيئًا بهذا الرابط: ما يطلب متابعته فيه عنوان موقع أو حساب "
                          "أو رقم هاتف، والمواضيع أسماء وكلمات. اكتب اسم الموضوع الذي تريده.",
                          "Nothing was followed from this link: what it asks to follow holds a "
                          "web address, an account or a phone number, and topics are names and "
                          "words. Type a topic instead."),
    # a share link's topic the archive has no news of: asked, not followed (QA65-6)
    "deep_link_ask": ("يطلب هذا الرابط متابعة «{topic}»، ولا أخبار عنه في الأرشيف بعد. "
                      "إن أردت متابعته فاضغط الزر.",
                      "This link asks to follow «{topic}», and the archive has no news of it "
                      "yet. To follow it, press the button."),
    "deep_link_follow": ("🔔 تابع «{topic}»", "🔔 Follow «{topic}»"),
    # a private message edited into a command: never run from the edit (QA65-12); the lead
    # says what was edited, the rest what to do (bot.edited_commands, QA74-13, QA76)
    "edited_lead": ("عدّلتَ رسالة فصارت أمرًا، ولا أنفّذ الأوامر من رسالة معدّلة.",
                    "That edit made the message a command, and commands are not run from an "
                    "edited message."),
    # … a command that had run before it was edited (QA76-10)
    "edited_lead_ran": ("عدّلتَ الأمر بعد تنفيذه، ولا أنفّذ الأوامر من رسالة معدّلة.",
                        "You edited the command after it had run, and commands are not run "
                        "from an edited message."),
    "edited_rest_button": ("لتنفيذه اضغط الزر، أو أرسله رسالة جديدة: {command}",
                           "To run it, press the button, or send it as a new message: "
                           "{command}"),
    # too long to quote whole: a cut command is no command to send (QA76-11)
    "edited_rest_long": ("لتنفيذه اضغط الزر.", "To run it, press the button."),
    # X136: the message edited into a command, then back into plain text: its button is gone
    "edited_no_longer": ("عدّلتَ الرسالة فلم تعد أمرًا، فأزلتُ زر تنفيذه. لتنفيذ أمر أرسله رسالة "
                         "جديدة.",
                         "You edited the message and it is no longer a command, so its button "
                         "is gone. To run a command, send it as a new message."),
    # an operator's command edited in by a reader: not invited to resend it (QA76-2)
    "edited_rest_operator": ("والأمر {command} لمشغّل البوت فقط.",
                             "And {command} is for the bot's operator only."),
    # a name near no command: not «send it as a new message» either (QA76-1)
    "edited_rest_unknown": ("ولا أعرف الأمر {command}؛ أوامري في /help",
                            "And I do not know the command {command}; my commands: /help"),
    # the /subscribe that ran still holds: the new one's button follows as well (QA76-10)
    "edited_still_following": ("نُفّذ الأمر الأول: ما زلت تتابع «{topic}». لإيقاف متابعته: "
                               "{command}",
                               "The first command ran: you still follow «{topic}». To stop "
                               "following it: {command}"),
    "deep_link_broken": ("لم أفهم هذا الرابط، ولعله نُسخ ناقصًا؛ فلم أتابع به شيئًا. اطلب رابطًا "
                         "جديدًا ممن أرسله، أو اكتب اسم الموضوع.",
                         "I could not read this link (it may have been copied incompletely), so "
                         "nothing was followed. Ask its sender for a new one, or type the topic."),
    "help_header": ("أوامر نشرة:", "Nashra commands:"),
    # the bot's operators (ADMIN_IDS), not a group's admins, whom /help calls «المشرفين» (QA67-9)
    "help_admin_header": ("أوامر مشغّل البوت:", "Bot operator commands:"),
    # English starts with a Latin word: a line that starts with Arabic is laid out right-to-left
    "help_alias_or": ("أو", "or"),  # «/lang أو /language» (bot.welcome.HELP_ALIASES)
    "help_other_language": ("🌐 English / الإنجليزية: /lang", "🌐 Arabic / العربية: /lang"),
    # a group's /help: its members may not send /lang (QA51 L8), so the line says who may; the
    # English one ends an Arabic group's /help, left to right (bot.welcome.help_text)
    "help_other_language_group": ("🌐 بالعربية: يغيّر مشرفو المجموعة لغتها بالأمر /lang",
                                  "🌐 In English: the group's admins change its language with"
                                  " /lang"),
    "help_footer": ("أو اكتب أي موضوع لتصلك آخر أخباره. وفي أي محادثة: @{bot} موضوع",
                    "Or type any topic to get its latest news. In any chat: @{bot} topic"),
    "help_footer_group": ("في المجموعة اكتبوا /search الغوطة لتصل آخر أخبار «الغوطة» إلى "
                          "المجموعة. وفي أي محادثة: @{bot} موضوع",
                          "In a group, send /search Ghouta to get the latest news on «Ghouta». "
                          "In any chat: @{bot} topic"),
    # /lang
    # no colon: after the isolated Latin run it would show at the far left of the RTL line (QA12)
    # the language the bot speaks first (QA67-12: an English chat read the Arabic first)
    "choose_lang": ("اختر اللغة / Choose the language", "Choose the language / اختر اللغة"),
    "lang_set": ("✅ اللغة الآن: العربية.", "✅ Language is now English."),
    # «/lang french» (QA51 L10): said above the picker (whose line is in both languages)
    "lang_unknown": ("لا أعرف اللغة «{typed}»: أتكلم العربية والإنجليزية.",
                     "I do not know the language «{typed}»: I speak Arabic and English."),
    # buttons and errors
    "button_expired": ("انتهت صلاحية هذا الزر. أعد الطلب من جديد.",
                       "This button has expired. Please ask again."),
    "done": ("تم.", "Done."),
    "error": ("عذرًا، حدث خطأ. حاول مرة أخرى بعد قليل.", "Sorry, something went wrong. Please try again shortly."),
    # a private reader back after blocking the bot: their topics were kept (bot.welcome, QA20 O8)
    "welcome_back": ("👋 أهلًا بعودتك. ما زلت تتابع: {topics} — لإيقاف متابعة: /unsubscribe، "
                     "ولرؤيتها كلها: /topics",
                     "👋 Welcome back. You still follow: {topics} — to stop one: /unsubscribe, "
                     "to see them all: /topics"),
}
