"""Texts (Arabic, English) of the grouped source alerts and of times told in an admin's zone
(X56; QA41 T9, T11). A table of its own, merged by bot.i18n: bot/texts_sources.py is another
helper's file this session.

{count} is `bot.story_sites.sites_label`'s («مصدران» / «٣ مصادر» / «١٢ مصدرًا»; "12 sources").
"""

from __future__ import annotations

# key → (Arabic, English)
TEXTS: dict[str, tuple[str, str]] = {
    # QA41 T11: sources that pass the alert threshold in the same poll, told in one message;
    # many at once usually means the bot's own network, which the message says
    "source_down_group": ("⚠️ {count} تتعثر في الوقت نفسه. حين تتعثر مصادر كثيرة معًا فالعطل"
                          " غالبًا في شبكة البوت نفسه (الاتصال، DNS) لا في المواقع:\n{lines}\n"
                          "ما العمل: نعيد المحاولة تلقائيًا؛ التفاصيل في /sources. ستأتي رسالة"
                          " واحدة أخرى حين تعود.",
                          "⚠️ {count} failing at the same time. When many sources fail"
                          " together, the trouble is usually the bot's own network (its link,"
                          " DNS), not the sites:\n{lines}\nWhat to do: they are retried by"
                          " themselves; details in /sources. One more message comes when they"
                          " are back."),
    "source_down_item": ("• «{name}» (رقم {number}): آخر جلب ناجح {since}؛ آخر خطأ: {error}",
                         "• «{name}» (no. {number}): last fetched {since}; last error: {error}"),
    "source_back_group": ("✅ عادت تعمل {count}: {names}.",
                          "✅ {count} work again: {names}."),
    # under a source in /sources: its feed over MAX_BODY_BYTES lists oldest first (X54's left)
    "feed_oldest_first": ("⚠️ الخلاصة أكبر من الحد وترتّب الأقدم أولًا: نقرأ أقدم أخبارها فقط ولا"
                          " تصل الجديدة. ارفع MAX_BODY_BYTES في .env أو اطلب من الموقع خلاصة"
                          " الأحدث أولًا.",
                          "⚠️ This feed is over the size cap and lists its oldest entries first:"
                          " only old entries are read, its news never arrives. Raise"
                          " MAX_BODY_BYTES in .env or ask the site for a newest-first feed."),
    # /addsource of a feed over MAX_BODY_BYTES with no whole entry in its first part (QA55-11:
    # it was told the page's advice, «send the feed's own link»); beside feed_oldest_first
    "reason_feed_too_big": ("الخلاصة على {host} أكبر من الحد ({detail} ميغابايت) ولا خبر كاملًا"
                            " في أولها. ارفع MAX_BODY_BYTES (في ملف الإعداد ‎.env) ثم أعد تشغيل"
                            " البوت، أو اطلب من الموقع خلاصة أقصر.",
                            "The feed on {host} is over the size limit ({detail} MB) with no"
                            " whole entry in its first part. Raise MAX_BODY_BYTES in .env and"
                            " restart the bot, or ask the site for a shorter feed."),
    # /stats: sources whose last poll alone failed (QA40 N8: not «متوقفة» after one timeout)
    "stats_sources_failed_once": ("⚠️ مصدر أخفق جلبه الأخير مرة واحدة: {names} — يُعاد تلقائيًا؛"
                                  " التفاصيل: /sources",
                                  "⚠️ 1 source failed once, at its last poll: {names} — retried"
                                  " by itself; details: /sources"),
    "stats_sources_failed_once_some": ("⚠️ مصادر أخفق جلبها الأخير مرة واحدة ({n}): {names} —"
                                       " تُعاد تلقائيًا؛ التفاصيل: /sources",
                                       "⚠️ {n} sources failed once, at their last poll: {names}"
                                       " — retried by themselves; details: /sources"),
    # /addsource of a removed source: resumed, fetched now — not «for the first time» (QA40 N8)
    "fetching_now_again": ("⏳ يُجلب الآن؛ حالته في /sources", "⏳ Fetching it now; see /sources"),
    # /stats: stories more sources report now than when they were sent (QA40 N9,
    # digests.story_growth); a new report goes out only as an update («🔄») under its rules
    "stats_grown": ("📈 قصص كبرت بعد إرسالها (آخر ٢٤ ساعة): {count}. أكبرها «{headline}»: مصادرها"
                    " من {then} إلى {now}؛ المحادثات التي وصلها منها «🔄 تحديث»: {updated} من"
                    " {chats}. لا يُرسل تقرير جديد لقصة أُرسلت إلا إن حمل نتيجة أو رقمًا جديدًا،"
                    " أو بعد ١٨ ساعة.",
                    "📈 Stories that grew after they were sent (last 24 h): {count}. The most:"
                    " «{headline}», from {then} to {now} sources; chats sent a «🔄» update of"
                    " it: {updated} of {chats}. A new report of a story already sent goes out"
                    " only when it gives a new result or figure, or after 18 hours."),
    # QA41 T7: STORY_MODEL=use without its wheel (bot.model_warning): in /stats (the start-up
    # WARNING, said in both languages at once, is BILINGUAL's «use_missing_start»)
    "stats_use_missing": ("⚠️ نموذج القصص (USE) غير مثبت: القصص بالكلمات وحدها. ثبّته: {install}",
                          "⚠️ The story model (USE) is not installed: stories by words alone."
                          " Install it: {install}"),
    # QA41 T9: a failing source is tried less and less often (up to every 6 hours), so its
    # recovery is seen only at that try
    # a time in a source notice: the month in full, Arabic digits in Arabic (X87: was ISO)
    "source_clock": ("{date} الساعة {clock}", "{date} {clock}"),
    # QA77-3: the last success before a stopped night is not when the outage began
    "source_down_unpolled": ("أول محاولة فاشلة {first}، ولم يُجلب قبلها منذ آخر نجاح (كان البوت "
                             "متوقفًا أو لم يحن موعد جلبه).",
                             "The first failed poll was {first}; it was not polled between its "
                             "last success and that (the bot was stopped, or it was not due)."),
    "source_next_try": ("المحاولة التالية: {when}.", "Next try: {when}."),
    "source_next_try_zone": ("المحاولة التالية: {when} {zone}.", "Next try: {when} {zone}."),
    # QA43 C1/C7: the wall clock jumped (bot.clock_watch)
    "clock_jump": ("⚠️ قفزت ساعة الخادم {direction} {size}. أُعيدت جدولة الجلب والتنظيف اليومي. "
                   "تأكّد أن الساعة صحيحة (NTP).",
                   "⚠️ The server's clock jumped {direction} {size}. The scheduled poll and the "
                   "daily purge were re-planned. Check that the clock is right (NTP)."),
    "clock_jump_ahead": ("إن كانت الساعة الآن متقدمة فالأخبار الجديدة تبدو أقدم من ٤٨ ساعة: "
                         "تُخزَّن ولا تُرسل حتى تُصحَّح الساعة.",
                         "If the clock is now ahead, new articles look older than 48 h: they "
                         "are stored but not sent until the clock is corrected."),
    # X69: a forward jump within the window, when recent articles arrived that late
    "clock_jump_late": ("إن كانت الساعة الآن متقدمة فالخبر الذي يصل بعد نشره بأكثر من {lag} "
                        "يبدو أقدم من ٤٨ ساعة: يُخزَّن ولا يُرسل حتى تُصحَّح الساعة (من آخر "
                        "{n} في قاعدة البيانات وصل {k} بعد نشره بأكثر من ذلك).",
                        "If the clock is now ahead, an article that reaches the bot more than "
                        "{lag} after its publication looks older than 48 h: it is stored but not "
                        "sent until the clock is corrected ({k} of the last {n} stored arrived "
                        "that late)."),
    "clock_jump_back": ("إلى الوراء", "back"),
    "clock_jump_forward": ("إلى الأمام", "forward"),
    # QA43 C2: the database refuses writes (bot.db_alerts)
    "db_writes_down": ("⚠️ قاعدة البيانات لا تقبل الكتابة منذ {minutes}: {what}\n"
                       "لا يُخزَّن جديد ولا تُسجَّل الرسائل حتى يُصلَح ذلك؛ لا يضيع شيء، "
                       "وما فات يُجلب بعدها. سأخبرك حين تعود الكتابة.",
                       "⚠️ The database has refused writes for {minutes}: {what}\n"
                       "Nothing new is stored until this is fixed; nothing is lost, and what "
                       "was missed is fetched afterwards. I will tell you when writes work "
                       "again."),
    "db_writes_up": ("✅ عادت الكتابة في قاعدة البيانات بعد {minutes}.",
                     "✅ The database takes writes again, after {minutes}."),
    # QA53 S1: the cause each database alert names (bot.db_alerts.cause)
    "db_cause_locked": ("قاعدة البيانات مشغولة: يقفلها برنامج آخر (نسخة احتياطية، جلسة sqlite3 "
                        "مفتوحة، أمر من سطر الأوامر) أو كتابة طويلة",
                        "locked by another program"),
    "db_cause_full": ("القرص الذي يحمل قاعدة البيانات ممتلئ", "the disk is full"),
    "db_cause_damaged": ("ملف قاعدة البيانات تالف", "the database file is damaged"),
    "db_cause_readonly": ("لا يمكن الكتابة في ملف قاعدة البيانات",
                          "the database file is read-only"),
    # QA66-7: what to do, in Arabic too (the English «what» is digests.db_faults.FAULT_LOG)
    "db_advice_locked": ("تنتظر الكتابة وتفشل حتى يتركها: أغلق ذلك البرنامج أو انتظر انتهاءه",
                         "writes wait and fail until it lets go"),
    "db_advice_full": ("حرّر مساحة في مجلد DATABASE_PATH؛ وما لم يُخزَّن من الأخبار يُعاد في "
                       "الجلب التالي", "free space at DATABASE_PATH"),
    "db_advice_damaged": ("استرجع نسخة احتياطية (python run.py restore BACKUP.db، README "
                          "«Backups») أو أنقذ ما فيه: python run.py recover fixed.db (ثم اجعل "
                          "DATABASE_PATH يشير إلى fixed.db)", "restore a backup"),
    "db_advice_readonly": ("امنح مستخدم البوت حق الكتابة في الملف ومجلده (chmod/chown، أو "
                           "chattr -i)", "give the bot's user write access"),
    "db_cause_was": ("كان السبب: {causes}", "The cause was: {causes}"),
    # a reader's request the database could not take, in the chat's stored language (QA66-7;
    # a chat not stored yet gets both: bot.update_errors BUSY_REPLY, UNSAVED_REPLY)
    "reply_busy": ("قاعدة البيانات مشغولة الآن، أعد المحاولة بعد قليل",
                   "The database is busy right now; try again shortly"),
    # worded for a group too: a member's command there meets it as well
    # under «busy» for a typed command: runs it again (bot.update_errors, QA76-5)
    "btn_retry": ("🔁 أعد المحاولة", "🔁 Try again"),
    "reply_unsaved": ("تعذّر حفظ الطلب الآن (مساحة الخادم ممتلئة أو لا تقبل الكتابة)، أعد المحاولة"
                      " لاحقًا", "The request could not be saved right now (the server's disk "
                      "is full or read-only); try again later"),
    "db_cause_then": ("، ثم ", ", then "),
    # QA53 S5: the last run was killed mid-send (bot.restart_note). QA66-8: worded so that one
    # story reads as well as five («خبر … كانت … هذه» was made for «٥ أخبار»), and «sending»,
    # not «a broadcast» (an instant alert is cut as often as a /push). QA72-6: counted in
    # messages (one a chat: what may come twice), the rows they carry beside them, not «٣٢٧ خبرًا»
    "restart_mid_broadcast": (
        "↻ توقّف البوت في المرة السابقة أثناء الإرسال (إيقاف قسري أو انقطاع)، وكان قيد الإرسال "
        "عندها: {messages}، رسالة لكل محادثة (فيها {rows})؛ يُعاد إرسال ذلك الآن. ما سبقه وصل مرة واحدة، "
        "وقد يصل ما يُعاد مرتين إن كان تيليجرام قد تسلّمه قبل التوقف (يُفضَّل التكرار على الضياع).",
        "↻ The last run stopped while sending (killed or cut off); being sent then: {messages}, "
        "one a chat ({rows} in them), sent again now. What went before went once; what is sent again may "
        "arrive twice if Telegram had it before the stop (at least once: a repeat rather than "
        "a loss)."),
    # X125 (QA75-3): one message needs no «رسالة لكل محادثة» («رسالة واحدة، رسالة لكل محادثة»)
    "restart_mid_broadcast_one": (
        "↻ توقّف البوت في المرة السابقة أثناء الإرسال (إيقاف قسري أو انقطاع)، وكان قيد الإرسال "
        "عندها: رسالة واحدة (فيها {rows})؛ يُعاد إرسالها الآن. ما سبقها وصل مرة واحدة، وقد تصل "
        "هي مرتين إن كان تيليجرام قد تسلّمها قبل التوقف (يُفضَّل التكرار على الضياع).",
        "↻ The last run stopped while sending (killed or cut off); being sent then: 1 message "
        "({rows} in it), sent again now. What went before went once; the message sent again "
        "may arrive twice if Telegram had it before the stop (at least once: a repeat rather "
        "than a loss)."),
    # the subject of the restart note for one and two stories (QA66-8; more: bot.i18n.amount)
    "restart_one_story": ("خبر واحد", "1 story"),
    "restart_two_stories": ("خبران", "2 stories"),
    # QA66-2: back after a long stop, rows over a day past due dropped (bot.restart_note)
    "restart_late_dropped": (
        "⏳ عاد البوت بعد توقف طويل: تأخّر إرسال {rows} أكثر من يوم (عدد المحادثات: {chats})، "
        "فتُرك كي لا يصل القراءَ خبرٌ قديم على أنه جديد؛ وما في الأرشيف يجدونه بالبحث، وما "
        "بعده يُرسل الآن.",
        "⏳ The bot is back after a long stop: {rows} (chats: {chats}) more than a day past due "
        "were dropped, so no reader gets old news as new; the archive still has them for a "
        "search, and what is newer goes now."),
    # QA43 C3: when /stats's figures were taken (bot.stats)
    "stats_as_of": ("🕒 الأرقام حتى {when} {zone}", "🕒 Figures as of {when} {zone}"),
}
