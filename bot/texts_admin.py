"""Strings of the admins' commands about readers: /push and its report, why a delivery
failed, /stats, and answering an admin privately.

Part of bot.i18n's tables (bot.i18n merges every bot/texts_*.py TEXTS into STRINGS; call them
through `bot.i18n.t`). New strings of /push, delivery reasons and /stats go here.
"""

from __future__ import annotations

# key → (Arabic, English), as bot.i18n.STRINGS holds them: values may hold {placeholders}
# filled by `t`, inserted as given (escape them first when the text is sent as HTML).
TEXTS: dict[str, tuple[str, str]] = {
    # admins
    # «لمشغّل البوت», not «للمشرفين»: a group's help says «(للمشرفين)» of the group's admins,
    # who are refused these too (QA26 N9)
    "not_admin": ("عذرًا، هذا الأمر لمشغّل البوت فقط.",
                  "Sorry, this command is for the bot's operator only."),
    "not_admin_anonymous": ("عذرًا، هذا الأمر لمشغّل البوت فقط، والبوت لا يعرف من أرسله باسم "
                            "المجموعة: أرسل الأمر باسمك، لا باسم المجموعة.",
                            "Sorry, this command is for the bot's operator only, and the bot "
                            "cannot tell who sent it as the group: send it as yourself, not as "
                            "the group."),
    "admin_forwarded": ("لا تُنفَّذ أوامر المشرفين من رسالة مُعاد توجيهها: اكتب الأمر بنفسك.",
                        "Admin commands in a forwarded message are not run: type the command"
                        " yourself."),
    "not_admin_id": ("عذرًا، هذا الأمر لمشغّل البوت فقط.\nمعرّفك في تيليجرام: <code>{user_id}</code> — "
                     "إن كنت مشغّل البوت فأضفه إلى ADMIN_IDS في إعداداته ثم أعد تشغيله.",
                     "Sorry, this command is for the bot's operator only.\nYour Telegram user id: "
                     "<code>{user_id}</code>. If you run this bot, add it to ADMIN_IDS in its "
                     "settings, then restart it."),
    # counted: «1 chat» (QA51 L11); the stories are each chat's, said so, a range in words
    # («من ١ إلى ٢», not «١–٢» drawn «٢–١» in the right-to-left line: QA67-12)
    "push_queued": ("📤 النشرة في قائمة الإرسال — المحادثات: {chats}، الأخبار لكل محادثة: {stories}.",
                    "📤 Digest queued: {chats}, {stories} per chat."),
    "push_stories_range": ("من {low} إلى {high}", "{low} to {high}"),
    # the head of a report owed across a restart (QA62-6: it said «في قائمة الإرسال» above «انتهت»)
    "push_header": ("📤 النشرة — المحادثات: {chats}، الأخبار لكل محادثة: {stories}.",
                    "📤 Digest: {chats}, {stories} per chat."),
    # QA58-3: said with the queued answer when some chats are inside their quiet hours (or
    # in daily mode): a push is not held, it goes now without a sound (X85, QA57-14)
    "push_silent": ("🔕 تصل الآن دون صوت إلى {chats} في ساعات الهدوء أو على النشرة اليومية: "
                    "نشرة المشرف لا تنتظر انتهاء ساعات الهدوء.",
                    "🔕 It reaches {chats} in their quiet hours or on the daily digest now, "
                    "without a sound: an admin's push does not wait for the quiet hours to end."),
    # QA77-2: a chat's muted sources are left out of a push too (digests.push_queue.unmuted)
    "push_muted": ("🔕 أخبار لم تُرسل لأن مصادرها مكتومة هناك: {count} في {chats} (الكتم يسري "
                   "على /push أيضًا).",
                   "🔕 Articles left out because their sources are muted there: {count} in "
                   "{chats} (a mute holds for /push too)."),
    "push_all_muted": ("لم تُرسل نشرة: ما لم يتلقه المتابعون من هذه الأخبار من مصادر كتموها — "
                       "{count} في {chats}.",
                       "No digest sent: what the followers have not had of these comes from "
                       "sources they muted — {count} in {chats}."),
    # X135: a push's rows queued before their chat muted the source, skipped by the sender
    "push_muted_since": ("🔕 أخبار لم تُرسل لأن مصادرها كُتمت هناك بعد إعداد النشرة: {count} في "
                         "{chats}{none}.",
                         "🔕 Articles not sent because their sources were muted there after the "
                         "digest was queued: {count} in {chats}{none}."),
    "push_muted_since_none": ("، ولم يُرسل شيء منها إلى {chats} فلم تُحسب فاشلة",
                              "; nothing of it went to {chats}, not counted as failed"),
    "push_no_followers_topic": ("لا أحد يتابع «{topic}»؛ لم تُرسل نشرة.",
                                "Nobody follows «{topic}»; no digest was sent."),
    "push_no_followers": ("لا أحد يتابع النشرة العامة؛ لم تُرسل نشرة. لمتابعي موضوع: /push الغوطة",
                          "Nobody follows the general digest; no digest was sent. For a topic's "
                          "followers: /push Ghouta"),
    # every follower is a held chat (X84: it said «لا أحد يتابع»)
    "push_only_held": ("⏸ لم تُرسل نشرة: كل من يتابع {whom} محادثات لا يستطيع البوت النشر فيها الآن: "
                       "{named}. /stats يذكرها وكيف تُستأنف.",
                       "⏸ No digest was sent: every follower of {whom} is a chat I cannot post in"
                       " now: {named}. /stats lists them and how to resume them."),
    "push_no_stories_topic": ("لا أخبار عن «{topic}» نُشرت في آخر {hours}؛ لم تُرسل نشرة.",
                              "No news about «{topic}» published in the last {hours}; no digest"
                              " was sent."),
    "push_no_stories": ("لا أخبار نُشرت في آخر {hours} لإرسالها.",
                        "No stories published in the last {hours} to send."),
    "push_nothing_new": ("لا أخبار جديدة لإرسالها: أُرسلت هذه الأخبار إلى المتابعين من قبل "
                         "(سُلّمت، أو تعذّر تسليمها كما قال تقرير تلك النشرة).",
                         "Nothing new to send: these stories were sent to the followers before "
                         "(delivered, or failed as that push's report said)."),
    # QA58-5: a held follower's copy is neither sent nor failed: it waits for the chat
    "push_nothing_new_held": ("لا أخبار جديدة لإرسالها: أُرسلت هذه الأخبار إلى المتابعين الآخرين "
                              "من قبل. موقوفة لأني لا أستطيع النشر فيها الآن: {named} — تصلها "
                              "الأخبار التي فاتتها حين يعود بوسعي النشر فيها (/stats).",
                              "Nothing new to send: these stories went to the other followers "
                              "before. Held, as I cannot post there now: {named} — they get "
                              "what they missed when I may post there again (/stats)."),
    "push_nothing_new_queued": ("لا أخبار جديدة لإرسالها: هذه الأخبار في قائمة الإرسال الآن (نشرة "
                                "سابقة لم تنتهِ بعد، ويصلك تقريرها حين تنتهي).",
                                "Nothing new to send: these stories are in the queue now (an "
                                "earlier push has not finished; its report follows when it does)."),
    # QA50 E6: the followers' rows of the stories found are still queued (an alert held a few
    # minutes), not sent: how many, when they go, and how many did go before
    # {goes}: the verb agreeing with {stories}, its subject (QA55-7: «خبرين … تُرسل»)
    "push_nothing_new_waiting": ("لا أخبار جديدة لإرسالها: {stories} في قائمة الإرسال لمتابعي "
                                 "{whom} الآن، {goes} {when}{sent}.",
                                 "Nothing new to send: {stories} already queued for the followers"
                                 " of {whom}, {goes} {when}{sent}."),
    "push_goes_one": ("يُرسل", "going out"),
    "push_goes_two": ("يُرسلان", "going out"),
    "push_goes_many": ("تُرسل", "going out"),  # a plural of things: the feminine singular
    "push_two_stories": ("خبران", "2 articles"),  # the subject: nominative (amount: «خبرين»)
    "push_due_now": ("الآن", "now"),
    # QA71-6: the day when it is not today, and the zone the hour is read in
    "push_due_at": ("نحو الساعة {time} {zone}", "at about {time} {zone}"),
    "push_due_tomorrow": ("غدًا نحو الساعة {time} {zone}", "tomorrow at about {time} {zone}"),
    "push_due_on": ("يوم {date} نحو الساعة {time} {zone}", "on {date} at about {time} {zone}"),
    # «منها»: of the stories found, not all the followers had (QA71-6)
    "push_sent_too": ("، وأُرسل {stories} منها من قبل", "; {stories} of them went out before"),
    "push_general_name": ("النشرة العامة", "the general digest"),
    "push_done": ("✅ انتهت النشرة — سُلّمت: {delivered}، فشلت: {failed}.",
                  "✅ Digest finished: {delivered} delivered, {failed} failed."),
    # X93 (QA62-2): the push's answer edited while it goes out (bot.push_watch)
    "push_progress": ("⏳ جارٍ الإرسال — سُلّمت: {delivered}، فشلت: {failed}، بقيت: {left} من "
                      "{chats}{eta}.",
                      "⏳ Sending — {delivered} delivered, {failed} failed, {left} left of "
                      "{chats}{eta}."),
    "push_eta": ("، نحو {minutes}", ", about {minutes} to go"),
    "push_eta_soon": ("، أقل من دقيقة", ", under a minute to go"),
    "push_progress_done": ("✔️ انتهى الإرسال؛ التقرير أدناه.",
                           "✔️ Sending over; the report is below."),
    # QA62-7: chats sent the push again after Telegram's answer never came, or after a kill
    # QA75-1: a connection reset after the send is an answer that never came too
    "push_repeats": ("↻ قد تكون وصلت {chats} مرتين: لم يصل رد تيليجرام على إرسالها (انقطع الاتصال "
                     "أو طال الانتظار، أو توقف البوت أثناءه) فأُرسلت من جديد، حتى لا تفوتها.",
                     "↻ {chats} may have got it twice: Telegram's answer to the send never came "
                     "(the connection dropped or the wait ran out, or the bot stopped meanwhile), "
                     "so it was sent again rather than lost."),
    # X136: a chat whose send went out unanswered (it may have the message), then the retries
    # failed for good: neither delivered nor failed (it was counted failed)
    "push_maybe": ("❔ ربما وصلت: {count} — خرج إرسالها ولم يصل رد تيليجرام، ثم فشلت إعادة "
                   "المحاولة؛ لا تُحسب مُسلَّمة ولا فاشلة.",
                   "❔ Maybe delivered: {count} — the send went out and Telegram's answer never "
                   "came, then the retries failed; counted neither delivered nor failed."),
    "push_repeats_one": ("محادثة واحدة", "1 chat"),
    "push_repeats_two": ("محادثتان", "2 chats"),
    # nobody got it, and no chat failed: every chat it went to is held (X84): no ✅ of success
    "push_done_held": ("⏸ انتهت النشرة — سُلّمت: {delivered}، موقوفة: {held}.",
                       "⏸ Digest finished: {delivered} delivered, {held} held."),
    # QA62-9: the chats of the push held meanwhile counted in its head, so its parts add up
    "push_done_held_too": ("✅ انتهت النشرة — سُلّمت: {delivered}، فشلت: {failed}، موقوفة: {held}.",
                           "✅ Digest finished: {delivered} delivered, {failed} failed, {held} "
                           "held."),
    "push_done_failures_held": ("⚠️ انتهت النشرة مع إخفاقات — سُلّمت: {delivered}، فشلت: {failed}، "
                                "موقوفة: {held}. أسباب الإخفاق (عدد المحادثات):",
                                "⚠️ Digest finished with failures: {delivered} delivered, "
                                "{failed} failed, {held} held. Why (chats):"),
    "push_done_failures": ("⚠️ انتهت النشرة مع إخفاقات — سُلّمت: {delivered}، فشلت: {failed}. "
                           "أسباب الإخفاق (عدد المحادثات):",
                           "⚠️ Digest finished with failures: {delivered} delivered, {failed} "
                           "failed. Why (chats):"),
    # /push with a topic of no readable characters
    "push_unreadable_topic": ("لا يحوي الموضوع حروفًا تُقرأ؛ لم تُرسل نشرة. أرسل /push وحدها للنشرة "
                              "العامة، أو /push ثم اسم الموضوع، مثل /push الغوطة",
                              "The topic holds no readable characters; nothing was sent. Send /push"
                              " alone for the general digest, or /push and a topic, such as /push"
                              " Ghouta"),
    # why a chat did not get a delivery (bot.reasons.delivery_reason)
    "delivery_blocked": ("حظر المستخدم البوت", "the user blocked the bot"),
    "delivery_deactivated": ("حُذف حساب المستخدم", "the user's account was deleted"),
    "delivery_kicked": ("أُخرج البوت من المجموعة", "the bot was removed from the group"),
    "delivery_not_member": ("البوت ليس عضوًا في المحادثة", "the bot is not a member of the chat"),
    "delivery_cant_initiate": ("لم يبدأ المستخدم محادثة مع البوت (عليه أن يرسل /start)",
                               "the user never started a chat with the bot (they must send "
                               "/start)"),
    "delivery_chat_not_found": ("لم يجد تيليجرام المحادثة", "Telegram did not find the chat"),
    "delivery_no_rights": ("لا يملك البوت حق النشر في المحادثة",
                           "the bot may not post in the chat"),
    "delivery_other": ("رفض تيليجرام الرسالة: {detail}", "Telegram refused the message: {detail}"),
    "delivery_unknown": ("لم تُسلَّم (التفاصيل في السجل)", "not delivered (details in the log)"),
    # /stats (QA19 N3): updates not sent as they repeated another story (digests.repeats)
    "stats_repeats": ("• تحديثات لم تُرسل لأنها تكرر خبرًا وصل المحادثة (٢٤ ساعة): {count}",
                      "• Updates not sent as they repeated news the chat had (24 h): {count}"),
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
    # lines of /stats said only when they apply (bot.stats, QA20 O3, O6)
    "stats_lost": ("• محادثات فُقدت (حظرت البوت أو حُذف الحساب أو أُخرج البوت أو لم يجدها "
                   "تيليجرام): {chats}، منها {recent} في ٢٤ ساعة؛ متابعاتها ({subscriptions}) "
                   "محفوظة لعودتها ولا تُحسب أعلاه",
                   "• Chats lost (blocked the bot, account deleted, bot removed, or not found by "
                   "Telegram): {chats}, {recent} of them in 24 h; their subscriptions "
                   "({subscriptions}) are kept for their return and not counted above"),
    # QA62-3: «فشلت» counts them, as the /push report does (it said «فشلت: ٠» beside a report's
    # «فشلت: ١٢٠» for the same push)
    # X136: rows failed for good after a send that went out unanswered: the chat may have them
    "stats_maybe": ("• أخبار ربما وصلت (٢٤ ساعة): {count} — خرج إرسالها ولم يصل رد تيليجرام، ثم "
                    "فشلت إعادة المحاولة؛ ليست من «فشلت» أعلاه ولا من نسبة التسليم",
                    "• Stories that may have arrived (24 h): {count} — the send went out and "
                    "Telegram's answer never came, then the retries failed; not part of "
                    "«failed» above nor of the delivery rate"),
    "stats_undelivered": ("• أخبار لم تُسلَّم لأن المحادثة فُقدت (٢٤ ساعة): {count} — من «فشلت» "
                          "أعلاه، ومحسوبة في نسبة التسليم",
                          "• Stories not delivered because the chat was lost (24 h): {count} — "
                          "part of «failed» above, and counted in the delivery rate"),
    "stats_paused": ("• ⏸ الإرسال متوقف بطلب تيليجرام (429، حد الإرسال) لمدة {seconds} "
                     "أخرى؛ مستحقة الآن: {due}، قيد الإرسال: {sending}",
                     "• ⏸ Sending paused at Telegram's request (429, flood control) for "
                     "{seconds} more; due now: {due}, being sent: {sending}"),
    # QA72-6: «مستحقة الآن: ٥٩٧٬٢٥٦» counted rows while 13,000 digests were owed: the messages
    # (one a chat) first, the rows in them after; and while they go, a rate and the time left
    "stats_queue": ("• مستحقة الآن: {due_messages} (فيها {due_rows})، قيد الإرسال: {sending}",
                    "• Due now: {due_messages} ({due_rows} in them), being sent: {sending}"),
    # QA75-2: measured over the time spent sending in the last 10 minutes, not the whole 10
    "stats_rate": ("• يُرسل نحو {rate} في الدقيقة (قيس على {span} من الإرسال)؛ يبقى نحو {left}",
                   "• Sending about {rate} a minute (measured over {span} of sending); about "
                   "{left} left"),
    "stats_rate_paused": ("• الإرسال متوقف حتى يعود تيليجرام إلى قبول الرسائل (انظر التحذير "
                          "أدناه)؛ لا تقدير للوقت الباقي",
                          "• Sending is paused until Telegram takes messages again (see the "
                          "warning below); no estimate of the time left"),
    "stats_rate_idle": ("• لم تُرسل أي رسالة منذ {ago}؛ لا تقدير للوقت الباقي",
                        "• No message has gone for {ago}; no estimate of the time left"),
    # QA75-3: nothing due, rows pending: what they wait for, the first time one goes
    "stats_queue_waiting": ("• لا شيء مستحق الآن — في الانتظار: {waiting}؛ قيد الإرسال: {sending}",
                            "• Nothing due now — waiting: {waiting}; being sent: {sending}"),
    "stats_wait_alerts": ("تنبيهات إلى {chats} حتى يمضي الفاصل بين تنبيهين أو ساعات الهدوء "
                          "(أقربها {at})",
                          "alerts to {chats} until the gap between alerts or quiet hours ends "
                          "(the first at {at})"),
    "stats_wait_and": ("، و", "; "),
    "stats_wait_daily": ("النشرة اليومية إلى {chats} في موعدها (أقربها {at})",
                         "the daily digest to {chats} at its hour (the first at {at})"),
    # /stats warnings (bot.stats_warnings, QA27 D8): a full disk, a wrong clock
    "stats_disk_low": ("⚠️ القرص الذي يحمل قاعدة البيانات يكاد يمتلئ (بقي {free} م.ب): حرّر مساحة "
                       "في مجلد DATABASE_PATH قبل أن تتوقف الكتابة",
                       "⚠️ The disk holding the database is nearly full ({free} MB free): free "
                       "space in DATABASE_PATH's folder before writes stop"),
    "stats_disk_full": ("⚠️ القرص الذي يحمل قاعدة البيانات ممتلئ (بقي {free} م.ب): لا يُكتب شيء "
                        "والتسليمات تنتظر — حرّر مساحة في مجلد DATABASE_PATH",
                        "⚠️ The disk holding the database is full ({free} MB free): nothing is "
                        "written and deliveries wait — free space in DATABASE_PATH's folder"),
    "stats_disk_full_owed": ("⚠️ القرص الذي يحمل قاعدة البيانات ممتلئ (بقي {free} م.ب): لا يُكتب "
                             "شيء والتسليمات تنتظر، ولم تُكتب بعد نتائج إرسال {owed} — حرّر "
                             "مساحة في مجلد DATABASE_PATH",
                             "⚠️ The disk holding the database is full ({free} MB free): "
                             "nothing is written and deliveries wait; {owed} outcomes of sent "
                             "messages are not written yet — free space in DATABASE_PATH's "
                             "folder"),
    # QA66-3: the gap in days and hours, the times in the admin's zone named once, dated when
    # on different days (bot.stats_warnings)
    "stats_clock_behind": ("⚠️ ساعة الخادم متأخرة {minutes} عن ساعة تيليجرام (أرّخ تيليجرام "
                           "هذا الأمر {telegram} والخادم يقرأ {ours} {zone}): مواعيد التسليم "
                           "تتبعها، فاضبط ساعة الخادم (NTP)",
                           "⚠️ This server's clock is {minutes} behind Telegram's (Telegram "
                           "dated this /stats {telegram}, the server reads {ours} {zone}): "
                           "delivery times follow it; set the server's clock right (NTP)"),
    "stats_clock_ahead": ("⚠️ أرّخ تيليجرام هذا الأمر قبل {minutes} من ساعة الخادم "
                          "({telegram} والخادم يقرأ {ours} {zone}): إن أُرسل الأمر للتو فساعة "
                          "الخادم متقدمة، فاضبطها (NTP)",
                          "⚠️ Telegram dated this /stats {minutes} before this server's clock "
                          "({telegram}, the server reads {ours} {zone}): if it was sent just "
                          "now, the server's clock is ahead; set it right (NTP)"),
    "stats_outage": ("⚠️ تيليجرام يرفض الرسائل لكل المحادثات منذ {seconds} (خطأ من خوادمه): "
                     "الإرسال متوقف ويُجرَّب كل {pause}؛ التسليمات المنتظرة: {rows}، لا "
                     "تُحسب عليها محاولة — لا يضيع شيء",
                     "⚠️ Telegram has been failing every chat for {seconds} (a server error "
                     "on its side): sending is paused and tried again every {pause}; {rows} "
                     "deliveries wait without losing an attempt — nothing is lost"),
    # QA75-4: the sends went out and the connection was reset before Telegram answered (or the
    # answer never came): not «refused», and what was sent may have arrived — said, and counted
    "stats_outage_unanswered": ("⚠️ لا يصل ردّ تيليجرام على الرسائل لكل المحادثات منذ {seconds} "
                                "(ينقطع الاتصال بعد الإرسال أو تنتهي مهلة الرد): الإرسال متوقف "
                                "ويُجرَّب كل {pause}؛ التسليمات المنتظرة: {rows}، لا تُحسب عليها "
                                "محاولة — لا يضيع شيء، لكن ما أُرسل ولم يُردّ عليه ربما تسلّمه "
                                "تيليجرام فقد يصل مرتين (عدد الإرسالات: {unanswered})",
                                "⚠️ Telegram's answers have not come for every chat for {seconds} "
                                "(the connection drops after the send, or the wait runs out): "
                                "sending is paused and tried again every {pause}; {rows} "
                                "deliveries wait without losing an attempt — nothing is lost, but "
                                "what was sent without an answer may have reached Telegram and may "
                                "arrive twice (sends: {unanswered})"),
    "stats_outage_mixed": ("⚠️ تيليجرام يفشل لكل المحادثات منذ {seconds}: يرفض بعض الرسائل (خطأ من "
                           "خوادمه) ولا يصل ردّه على غيرها: الإرسال متوقف ويُجرَّب كل {pause}؛ "
                           "التسليمات المنتظرة: {rows}، لا تُحسب عليها محاولة — لا يضيع شيء، لكن "
                           "ما أُرسل ولم يُردّ عليه ربما تسلّمه تيليجرام فقد يصل مرتين (عدد "
                           "الإرسالات: {unanswered})",
                           "⚠️ Telegram has been failing every chat for {seconds}: it refuses "
                           "some sends (a server error on its side) and does not answer others: "
                           "sending is paused and tried again every {pause}; {rows} deliveries "
                           "wait without losing an attempt — nothing is lost, but what was sent "
                           "without an answer may have reached Telegram and may arrive twice "
                           "(sends: {unanswered})"),
    "stats_clock_set_back": ("⚠️ آخر جلب مسجّل {poll}، بعد ساعة الخادم الآن ({ours} {zone}): "
                             "أُرجعت الساعة منذئذ، فقد تنتظر تسليمات حُسبت مواعيدها بالساعة "
                             "السابقة",
                             "⚠️ The last poll is recorded at {poll}, after this server's "
                             "clock now ({ours} {zone}): the clock was set back since, and "
                             "deliveries timed by the earlier clock may wait"),
    # X58 (QA40 N3): sources scheduled by a clock that ran ahead, polled now
    "stats_clock_sources": ("⚠️ أُرجعت ساعة الخادم {minutes} بعد آخر جلب: {count} من المصادر "
                            "جُدولت بالساعة المتقدمة، فتُجلب في الجلب المجدول التالي دون انتظار "
                            "(أو /ingest الآن)",
                            "⚠️ The server clock was set back {minutes} after the last poll: "
                            "{count} sources were scheduled by the clock that ran ahead, so the "
                            "next scheduled poll fetches them without waiting (or /ingest now)"),
    # QA66-3: «١ من المصادر جُدولت» for one
    "stats_clock_source": ("⚠️ أُرجعت ساعة الخادم {minutes} بعد آخر جلب: مصدر واحد جُدول بالساعة "
                           "المتقدمة، فيُجلب في الجلب المجدول التالي دون انتظار (أو /ingest الآن)",
                           "⚠️ The server clock was set back {minutes} after the last poll: "
                           "1 source was scheduled by the clock that ran ahead, so the next "
                           "scheduled poll fetches it without waiting (or /ingest now)"),
    # X58 (QA40 N12): the last broadcast, and the age of the oldest delivery waiting
    "stats_last_wave": ("• آخر إرسال لخبر: بدأ {start} وانتهى {end} بتوقيت المحادثة ({took}) — "
                        "{chats}",
                        "• Last story sent: started {start}, ended {end} this chat's time "
                        "({took}) — {chats}"),  # counted: «1 chat» (QA51 L11)
    # two chats standing alone after «—»: the nominative (`amount`'s «محادثتين» follows «إلى»;
    # QA67-6)
    "stats_wave_chats_two": ("محادثتان", "2 chats"),
    # X93 (QA62-2): a wave still going is not «انتهى»; a push going out in its own units (chats)
    "stats_last_wave_going": ("• آخر إرسال لخبر: بدأ {start} بتوقيت المحادثة وما زال جاريًا ({took} "
                              "حتى الآن) — {chats} حتى الآن",
                              "• Last story sent: started {start} this chat's time, still going "
                              "({took} so far) — {chats} so far"),
    # QA75-3: the wave's other rows wait for their time (the alert gap, quiet hours)
    "stats_last_wave_waiting": ("• آخر إرسال لخبر: بدأ {start} وتوقف {end} بتوقيت المحادثة "
                                "({took}) — {chats}؛ وتنتظر {waiting} موعدها (أقربها {at})",
                                "• Last story sent: started {start}, stopped {end} this chat's "
                                "time ({took}) — {chats}; {waiting} still waiting for their "
                                "time (the first at {at})"),
    "stats_push_going": ("• نشرة جارية: سُلّمت: {delivered}، فشلت: {failed}، بقيت: {left} من "
                         "{chats}",
                         "• Push going out: {delivered} delivered, {failed} failed, {left} left of "
                         "{chats}"),
    "stats_oldest_due": ("• أقدم تسليم مستحق ما زال ينتظر: أُنشئ {age} ({at} بتوقيت المحادثة)",
                         "• The oldest delivery due still waits: created {age} ({at} this "
                         "chat's time)"),
    "stats_took": ("{m} د {s} ث", "{m} min {s} s"),
    "stats_took_instant": ("أقل من ثانية", "under a second"),  # not «٠ د ٠ ث» (QA58-14)
    # X58 (QA40 N5): who the admins are, and that a change of ADMIN_IDS needs a restart
    # /stats: the day before the last 24 h, counted as the lines above count the last (QA66-9)
    "stats_yesterday": ("• أمس (من ٤٨ إلى ٢٤ ساعة مضت): أخبار جديدة {new}، سُلّمت {sent}، فشلت "
                        "{failed}",
                        "• Yesterday (48 to 24 h ago): new articles {new}, delivered {sent}, "
                        "failed {failed}"),
    # X135: what the polls stored as backfill was counted among the new articles, said nowhere
    "stats_backfill": ("• أخبار حُفظت للبحث دون إرسال (٢٤ ساعة): {count} من {new} جديدة — نُشرت "
                       "أو كانت في الخلاصة قبل إضافة مصادرها، أو قبل أكثر من ٤٨ ساعة، أو حُذفت "
                       "صفحاتها",
                       "• Stored for search, not sent (24 h): {count} of {new} new articles — "
                       "published or listed before their source was added, over 48 h old, or "
                       "their pages gone"),
    "stats_size": ("• حجم قاعدة البيانات: {size}", "• Database size: {size}"),
    "stats_size_wal": (" (وملف ‎-wal‎ بجانبها: {size})", " (and its -wal file: {size})"),
    "stats_admins": ("• المشرفون (ADMIN_IDS، تُقرأ عند البدء): {ids} — إضافة مشرف أو إزالته تحتاج "
                     "إعادة تشغيل البوت",
                     "• Admins (ADMIN_IDS, read at start): {ids} — adding or removing one needs a "
                     "restart of the bot"),
    # a chat the bot may no longer post in (bot.chat_holds) and a forum's delivery topic
    # (bot.topic_choice), QA49 M1–M4
    "hold_held": ("⚠️ لم يعد بوسعي النشر في «{name}»: أخبارها موقوفة ({kept} في الانتظار). "
             "لاستئنافها: {fix}. وما يفوتها في الأثناء يُرسل حينها (آخر {hours} ساعة).",
             "⚠️ I can no longer post in «{name}»: its news is held ({kept} waiting). To "
             "resume: {fix}. The stories it misses meanwhile are sent then (the last {hours} "
             "h)."),
    "hold_held_none": ("⚠️ لم يعد بوسعي النشر في «{name}»: أخبارها موقوفة. لاستئنافها: {fix}. "
                       "وما يفوتها في الأثناء يُرسل حينها (آخر {hours} ساعة).",
                       "⚠️ I can no longer post in «{name}»: its news is held. To resume: {fix}. "
                       "The stories it misses meanwhile are sent then (the last {hours} h)."),
    # X93 (QA62-1): the holds of a moment told in one message, one per kind of fix; QA62-10: the
    # stories waiting counted with their noun («خبران في الانتظار», not «٢ في الانتظار»)
    "hold_held_many": ("⚠️ لم يعد بوسعي النشر في {count}: {named}. أخبارها موقوفة ({kept} في "
                       "الانتظار). لاستئنافها: {fix}. وما يفوتها في الأثناء يُرسل حينها (آخر "
                       "{hours} ساعة).",
                       "⚠️ I can no longer post in {count}: {named}. Their news is held ({kept} "
                       "waiting). To resume: {fix}. The stories they miss meanwhile are sent then "
                       "(the last {hours} h)."),
    "hold_held_many_none": ("⚠️ لم يعد بوسعي النشر في {count}: {named}. أخبارها موقوفة. "
                            "لاستئنافها: {fix}. وما يفوتها في الأثناء يُرسل حينها (آخر {hours} "
                            "ساعة).",
                            "⚠️ I can no longer post in {count}: {named}. Their news is held. To "
                            "resume: {fix}. The stories they miss meanwhile are sent then (the "
                            "last {hours} h)."),
    "hold_two_waiting": ("خبران", "2"),
    "hold_fixes_removed_channel": ("أضف البوت إلى كل قناة منها من جديد مشرفًا يمكنه نشر الرسائل",
                                   "add me to each channel again as an admin who can post "
                                   "messages"),
    "hold_fixes_removed_group": ("أضف البوت إلى كل مجموعة منها من جديد",
                                 "add me to each group again"),
    "hold_fixes_rights_channel": ("اجعل البوت مشرفًا في كل قناة منها مع صلاحية «نشر الرسائل» من "
                                  "جديد", "make me an admin of each channel with «Post messages» "
                                  "again"),
    "hold_fixes_rights_group": ("امنح البوت صلاحية إرسال الرسائل في كل مجموعة منها من جديد",
                                "give me the right to send messages in each group again"),
    "hold_fixes_closed_group": ("أعد فتح الموضوع «العام» في كل منها، أو أرسل /subscribe في موضوع "
                                "مفتوح واضغط «📍 انشر هنا»",
                                "reopen the General topic of each, or send /subscribe in an open "
                                "topic and press «📍 Post here»"),
    "hold_fix_removed_channel": ("أضف البوت إلى القناة من جديد مشرفًا يمكنه نشر الرسائل",
                            "add me to the channel again as an admin who can post messages"),
    "hold_fix_removed_group": ("أضف البوت إلى المجموعة من جديد", "add me to the group again"),
    "hold_fix_rights_channel": ("اجعل البوت مشرفًا في القناة مع صلاحية «نشر الرسائل» من جديد",
                           "make me an admin of the channel with «Post messages» again"),
    "hold_fix_rights_group": ("امنح البوت صلاحية إرسال الرسائل في المجموعة من جديد",
                         "give me the right to send messages in the group again"),
    "hold_fix_closed_group": ("أعد فتح الموضوع «العام»، أو أرسل /subscribe في موضوع مفتوح واضغط "
                         "«📍 انشر هنا» («العام» وموضوع الأخبار مغلقان)",
                         "reopen its General topic, or send /subscribe in an open topic and "
                         "press «📍 Post here» (General and the news topic are closed)"),
    # the count agrees with its verb and adjectives, each form a line (QA58-14: «تُرسل الآن ١ من
    # الأخبار الموقوفة أو الفائتة», "1 held or missed stories go out now"; bot.i18n.count_form)
    "hold_resumed_one": ("✅ عاد بوسعي النشر في «{name}»: يُرسل الآن خبر واحد موقوف أو فائت.",
                         "✅ I can post in «{name}» again: 1 held or missed story goes out now."),
    "hold_resumed_two": ("✅ عاد بوسعي النشر في «{name}»: يُرسل الآن خبران موقوفان أو فائتان.",
                         "✅ I can post in «{name}» again: 2 held or missed stories go out now."),
    "hold_resumed_few": ("✅ عاد بوسعي النشر في «{name}»: تُرسل الآن {n} أخبار موقوفة أو فائتة.",
                         "✅ I can post in «{name}» again: {n} held or missed stories go out now."),
    "hold_resumed_many": ("✅ عاد بوسعي النشر في «{name}»: يُرسل الآن {n} خبرًا موقوفًا أو فائتًا.",
                          "✅ I can post in «{name}» again: {n} held or missed stories go out "
                          "now."),
    "hold_resumed_hundred": ("✅ عاد بوسعي النشر في «{name}»: يُرسل الآن {n} خبر موقوف أو فائت.",
                             "✅ I can post in «{name}» again: {n} held or missed stories go out "
                             "now."),
    # QA52 R6/R7: nothing going is not «٠»; what goes later says when (a daily chat's quiet hours,
    # its next digest)
    "hold_resumed_none": ("✅ عاد بوسعي النشر في «{name}».", "✅ I can post in «{name}» again."),
    "hold_resumed_when": ("✅ عاد بوسعي النشر في «{name}». الأخبار الموقوفة أو الفائتة: {parts}.",
                          "✅ I can post in «{name}» again. Held or missed stories: {parts}."),
    "hold_going_part_one": ("خبر يُرسل {when}", "1 goes out {when}"),
    "hold_going_part_two": ("خبران يُرسلان {when}", "2 go out {when}"),
    "hold_going_part_few": ("{n} أخبار تُرسل {when}", "{n} go out {when}"),
    "hold_going_part_many": ("{n} خبرًا تُرسل {when}", "{n} go out {when}"),
    "hold_going_part_hundred": ("{n} خبر تُرسل {when}", "{n} go out {when}"),
    "hold_and": ("، و", ", "),
    "hold_now": ("الآن", "now"),
    "hold_at": ("عند {clock} {zone}", "at {clock} {zone}"),
    "hold_at_tomorrow": ("غدًا عند {clock} {zone}", "tomorrow at {clock} {zone}"),
    "hold_push_held": ("⏸ لم تصلها لأن البوت لا يستطيع النشر فيها الآن: {named}؛ تصلها إن عاد "
                       "بوسعه النشر فيها خلال {hours} ساعة.",
                       "⏸ Not sent to chats I cannot post in now: {named}; they get it if I may "
                       "post there again within {hours} h."),
    "hold_push_held_before": ("⏸ لم تصلها لأن البوت لا يستطيع النشر فيها الآن، وكانت موقوفة قبل "
                              "النشرة فلا تُحسب أعلاه: {named}؛ تصلها إن عاد بوسعه النشر فيها خلال "
                              "{hours} ساعة.",
                              "⏸ Not sent to chats I cannot post in now, held before this push and "
                              "not counted above: {named}; they get it if I may post there again "
                              "within {hours} h."),
    "hold_in_digest": ("في نشرتها اليومية القادمة، {at}", "in its next daily digest, {at}"),
    "hold_resumed_missed": (" فاتتها {missed} أخبار أخرى (أقدم، أو بعد أول {most}): /digest فيها.",
                       " It missed {missed} more (older, or past the {most} sent): /digest "
                       "there."),
    "hold_held_line": ("⏸ موقوفة لأني لا أستطيع النشر فيها (أخبارها محفوظة): {named}. اجعل البوت "
                  "مشرفًا يمكنه النشر، أو أضفه من جديد.",
                  "⏸ Held, I may not post there (news kept): {named}. Make me an admin who can "
                  "post, or add me again."),
    # holds of chats that removed the bot, ended after HELD_CHAT_DAYS (bot.hold_expiry, X74)
    "hold_expired_line": ("🗑 محادثات أزالت البوت منذ أكثر من {days} فانتهى انتظارها: {chats}؛ "
                          "عدد الأخبار المحذوفة من انتظارها: {dropped}.",
                          "🗑 Chats that removed me more than {days} ago, no longer held: "
                          "{chats}; their waiting news dropped ({dropped})."),
    # a forum's delivery topic (bot.topic_choice)
    "hold_btn_post_here": ("📍 انشر هنا", "📍 Post here"),
    "hold_topic_general": ("«العام» (General)", "General"),
    "hold_topic_other": ("موضوع آخر", "another topic"),
    "hold_topic_where": ("📍 تصل أخبار المجموعة إلى {where}. لتصل إلى هذا الموضوع، يضغط مشرف "
                    "«📍 انشر هنا».",
                    "📍 The group's news goes to {where}. To get it in this topic instead, an "
                    "admin presses «📍 Post here»."),
    "hold_topic_moved": ("📍 أخبار المجموعة تصل من الآن إلى هذا الموضوع.",
                    "📍 The group's news comes to this topic from now on."),
    "hold_topic_closed": ("📍 الموضوع الذي كانت تصل إليه أخبار المجموعة مغلق: تصل الآن إلى «العام». "
                     "لاختيار موضوع آخر، يرسل مشرف /subscribe فيه ثم يضغط «📍 انشر هنا».",
                     "📍 The topic the group's news went to is closed: it comes to General now. "
                     "To choose another topic, an admin sends /subscribe there and presses "
                     "«📍 Post here»."),
}
