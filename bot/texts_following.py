"""Strings of following topics and the alerts' settings: /subscribe, /unsubscribe, /topics,
/digest, /settings (instant or daily alerts, quiet hours, time zone).

Part of bot.i18n's tables (bot.i18n merges every bot/texts_*.py TEXTS into STRINGS; call them
through `bot.i18n.t`). New strings of following, alert modes and /settings go here.
"""

from __future__ import annotations

# key → (Arabic, English), as bot.i18n.STRINGS holds them: values may hold {placeholders}
# filled by `t`, inserted as given (escape them first when the text is sent as HTML).
TEXTS: dict[str, tuple[str, str]] = {
    # subscriptions
    "general": ("النشرة العامة", "the general digest"),
    "subscribe_what": ("أي موضوع تريد متابعته؟ اكتب: /subscribe الغوطة\nأو اضغط «النشرة العامة» "
                       "لتصلك أهم الأخبار التي تنقلها عدة مصادر.",
                       "What would you like to follow? Send: /subscribe Ghouta\nOr press «The "
                       "general digest» for the top stories several sources report."),
    "subscribe_what_group": ("أي موضوع تتابعه المجموعة؟ اكتب: /subscribe الغوطة\nأو اضغط «النشرة "
                             "العامة» لتصل المجموعةَ أهم الأخبار التي تنقلها عدة مصادر.",
                             "What should this group follow? Send: /subscribe Ghouta\nOr press "
                             "«The general digest» for the top stories several sources report."),
    "subscribe_what_channel": ("أي موضوع تتابعه القناة؟ اكتب: /subscribe الغوطة\nأو اضغط «النشرة "
                               "العامة» لتصل القناةَ أهم الأخبار التي تنقلها عدة مصادر.",
                               "What should this channel follow? Send: /subscribe Ghouta\nOr "
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
    # a chat reading a daily digest gets nothing «أولًا بأول»: its hour is said (QA41 T6)
    # the news, not «أخباره»: «النشرة العامة» is feminine, and a channel's answer is public
    # (QA77-5); as the instant wording says «الأخبار الجديدة»
    "subscribed_daily": ("🔔 تمت متابعة «{topic}». ستصلك الأخبار الجديدة في نشرتك اليومية الساعة "
                         "{hour}.",
                         "🔔 You now follow «{topic}». New stories will reach you in your daily "
                         "digest at {hour}."),
    "subscribed_daily_group": ("🔔 تمت متابعة «{topic}» في المجموعة. ستصلها الأخبار الجديدة في "
                               "نشرتها اليومية الساعة {hour}.",
                               "🔔 This group now follows «{topic}». New stories will reach it "
                               "in the group's daily digest at {hour}."),
    "subscribed_daily_channel": ("🔔 تمت متابعة «{topic}» في القناة. ستصلها الأخبار الجديدة في "
                                 "نشرتها اليومية الساعة {hour}.",
                                 "🔔 This channel now follows «{topic}». New stories will reach "
                                 "it in the channel's daily digest at {hour}."),
    "subscribed_several_daily": ("🔔 تمت متابعة {n}: {topics}. ستصلك أخبارها في نشرتك اليومية "
                                 "الساعة {hour}.",
                                 "🔔 You now follow {n}: {topics}. Their news will reach you in "
                                 "your daily digest at {hour}."),
    "subscribed_several_daily_group": ("🔔 تمت متابعة {n} في المجموعة: {topics}. ستصلها أخبارها "
                                       "في نشرتها اليومية الساعة {hour}.",
                                       "🔔 This group now follows {n}: {topics}. Their news will "
                                       "reach it in the group's daily digest at {hour}."),
    "subscribed_several_daily_channel": ("🔔 تمت متابعة {n} في القناة: {topics}. ستصلها "
                                         "أخبارها في نشرتها اليومية الساعة {hour}.",
                                         "🔔 This channel now follows {n}: {topics}. Their news "
                                         "will reach it in the channel's daily digest at "
                                         "{hour}."),
    # the link behind words: its base64 payload was read out letter by letter (QA36 E8)
    "share_link": ("لمشاركة الموضوع: <a href=\"{link}\">رابط المتابعة</a> (يتابعه من يفتحه).",
                   "To share the topic: <a href=\"{link}\">the follow link</a> (whoever opens it"
                   " follows it)."),
    "share_link_group": ("لمشاركة الموضوع: <a href=\"{link}\">رابط المتابعة</a> (يتابعه من "
                         "يفتحه).",
                         "To share the topic: <a href=\"{link}\">the follow link</a> (whoever"
                         " opens it follows it)."),
    # said after «subscribed» inside the chat's quiet hours (QA36 E4: «أولًا بأول» at midnight)
    # one bracket, the zone's: «(UTC) (لتغييرها: …)» were two in a row (QA67-12)
    "subscribed_quiet": ("🌙 ساعات الهدوء الآن: يصل أول تنبيه عند {hour}؛ لتغييرها: /settings.",
                         "🌙 Quiet hours now: the first alert comes at {hour}; to change them:"
                         " /settings."),
    "already_subscribed": ("أنت تتابع «{topic}» بالفعل.", "You already follow «{topic}»."),
    "already_subscribed_group": ("المجموعة تتابع «{topic}» بالفعل.",
                                 "This group already follows «{topic}»."),
    "already_subscribed_channel": ("القناة تتابع «{topic}» بالفعل.",
                                   "This channel already follows «{topic}»."),
    # several topics in one message (QA26 N2)
    "subscribed_several": ("🔔 تمت متابعة {n}: {topics}. ستصلك أخبارها الجديدة أولًا بأول.",
                           "🔔 You now follow {n}: {topics}. New stories will reach you as they "
                           "are published."),
    "subscribed_several_group": ("🔔 تمت متابعة {n} في المجموعة: {topics}. ستصلها أخبارها "
                                 "الجديدة أولًا بأول.",
                                 "🔔 This group now follows {n}: {topics}. New stories will "
                                 "reach it as they are published."),
    "subscribed_several_channel": ("🔔 تمت متابعة {n} في القناة: {topics}. ستصلها أخبارها "
                                   "الجديدة أولًا بأول.",
                                   "🔔 This channel now follows {n}: {topics}. New stories will "
                                   "reach it as they are published."),
    "n_topics": ("{n} مواضيع", "{n} topics"),
    "two_topics": ("موضوعين", "two topics"),
    "already_several": ("تتابع من قبل: {topics}.", "Already followed: {topics}."),
    "already_several_group": ("تتابعها المجموعة من قبل: {topics}.",
                              "The group already follows: {topics}."),
    "already_several_channel": ("تتابعها القناة من قبل: {topics}.",
                                "The channel already follows: {topics}."),
    # one colon, and one name said in the singular (QA36 E12)
    "refused_several": ("لم أتابع {topics}: ليست أسماء مواضيع يُبحث عنها.",
                        "I did not follow {topics}: they are not names of topics to search for."),
    "refused_one": ("لم أتابع {topics}: ليس اسم موضوع يُبحث عنه.",
                    "I did not follow {topics}: it is not the name of a topic to search for."),
    "several_stop": ("لإلغاء أحدها: /unsubscribe", "To stop one of them: /unsubscribe"),
    "several_asked": ("هذه عدة مواضيع: {topics}. اختر واحدًا لترى أخباره، أو تابعها كلها:",
                      "These are several topics: {topics}. Pick one to see its news, or follow "
                      "them all:"),
    "btn_follow_all": ("🔔 تابعها كلها", "🔔 Follow them all"),
    # QA65-3: the limit says what to do next, and a list cut by it or by MAX_TOPICS (one
    # message) says what was not followed
    "too_many_topics": ("لا يمكن متابعة أكثر من {n} موضوعًا. ألغِ متابعة موضوع أولًا: /topics",
                        "You cannot follow more than {n} topics. Stop following one first: "
                        "/topics"),
    "too_many_topics_group": ("لا يمكن أن تتابع المجموعة أكثر من {n} موضوعًا. ألغِ متابعة "
                              "موضوع منها أولًا: /topics",
                              "This group cannot follow more than {n} topics. Stop following "
                              "one of them first: /topics"),
    "too_many_topics_channel": ("لا يمكن أن تتابع القناة أكثر من {n} موضوعًا. ألغِ متابعة "
                                "موضوع منها أولًا: /channels",
                                "This channel cannot follow more than {n} topics. Stop "
                                "following one of them first: /channels"),
    # QA70-1: the topics left out are named, so they can be sent again (the full stop is the
    # code's: none after «…»); the count agrees with its noun («موضوعًا واحدًا», «موضوعين»,
    # «٣ مواضيع», «١١ موضوعًا», «١٠٠ موضوع»)
    "left_topics_one": ("موضوعًا واحدًا", "topic"),
    "left_topics_two": ("موضوعين", "two topics"),  # English counts "one" or "many"
    "left_topics_few": ("{n} مواضيع", "{n} topics"),
    "left_topics_many": ("{n} موضوعًا", "{n} topics"),
    "left_topics_hundred": ("{n} موضوع", "{n} topics"),
    "left_one": ("ولم أتابع {count} بعدها: {topics}",
                 "The other {count} was not followed: {topics}"),
    "left_many": ("ولم أتابع {count} بعدها: {topics}",
                  "The other {count} were not followed: {topics}"),
    "left_why_one": ("أتابع {max} مواضيع على الأكثر من رسالة واحدة؛ أرسله في رسالة أخرى.",
                     "At most {max} topics are followed from one message; send it in another "
                     "message."),
    "left_why": ("أتابع {max} مواضيع على الأكثر من رسالة واحدة؛ أرسل الباقي في رسالة أخرى.",
                 "At most {max} topics are followed from one message; send the rest in another "
                 "message."),
    # review REV2 #6: MAX_TRIED words tried (most of them no topic) stopped it, not MAX_TOPICS
    # followed («موضوعًا» agrees with MAX_TRIED = 30: 11–99)
    "left_tried_one": ("أنظر في {max} موضوعًا على الأكثر من رسالة واحدة، بما فيها ما لم "
                       "أتابعه؛ أرسله في رسالة أخرى.",
                       "At most {max} topics are tried from one message, those not followed "
                       "included; send it in another message."),
    "left_tried": ("أنظر في {max} موضوعًا على الأكثر من رسالة واحدة، بما فيها ما لم أتابعه؛ "
                   "أرسل الباقي في رسالة أخرى.",
                   "At most {max} topics are tried from one message, those not followed "
                   "included; send the rest in another message."),
    "unsubscribed": ("أُلغيت متابعة «{topic}».", "You no longer follow «{topic}»."),
    "unsubscribed_group": ("لم تعد المجموعة تتابع «{topic}».",
                           "This group no longer follows «{topic}»."),
    "unsubscribed_channel": ("لم تعد القناة تتابع «{topic}».",
                             "This channel no longer follows «{topic}»."),
    # /lang in a group changes it for every member (QA49 M6)
    "lang_set_group": ("✅ لغة المجموعة، لجميع أعضائها، الآن: العربية.",
                       "✅ The group's language, for all its members, is now English."),
    # the undo under a removal's confirmation (QA49 M7: one tap cut a channel's digest)
    "btn_undo_unsubscribe": ("↩️ تراجع", "↩️ Undo"),
    "topic_followed_again": ("↩️ عادت متابعة «{topic}».", "↩️ «{topic}» is followed again."),
    "topic_already_removed": ("أُلغيت متابعة هذا الموضوع من قبل.",
                              "This topic was already removed."),
    "not_subscribed": ("لست تتابع «{topic}».", "You do not follow «{topic}»."),
    "not_subscribed_group": ("المجموعة لا تتابع «{topic}».",
                             "This group does not follow «{topic}»."),
    "not_subscribed_channel": ("القناة لا تتابع «{topic}».",
                               "This channel does not follow «{topic}»."),
    "link_not_topic": ("الرابط لا يُتابع: الموضوع اسم، مثل /subscribe الغوطة. وهذا جواب الرابط:",
                       "A link cannot be followed: a topic is a name, such as /subscribe Ghouta. "
                       "Here is the answer for the link:"),
    "not_a_topic_blank": ("اكتب اسم الموضوع الذي تتابعه، مثل /subscribe الغوطة",
                          "Send the name of the topic to follow, such as /subscribe Ghouta"),
    "not_a_topic": ("«{topic}» ليس موضوعًا يُتابع: اكتب اسمًا، مثل /subscribe الغوطة",
                    "«{topic}» is not a topic to follow: send a name, such as /subscribe Ghouta"),
    "no_subscriptions": ("لا تتابع أي موضوع بعد. اكتب /subscribe موضوع، مثل: /subscribe الغوطة",
                         "You follow no topic yet. Send /subscribe TOPIC, e.g. /subscribe Ghouta"),
    "no_subscriptions_group": ("المجموعة لا تتابع أي موضوع بعد. يضيف المشرفون موضوعًا: "
                               "/subscribe موضوع، مثل: "
                               "/subscribe الغوطة",
                               "This group follows no topic yet. Admins add one: "
                               "/subscribe TOPIC, e.g. /subscribe Ghouta"),
    "no_subscriptions_channel": ("القناة لا تتابع أي موضوع بعد. يضيف المشرفون موضوعًا: "
                                 "/subscribe موضوع، مثل: "
                                 "/subscribe الغوطة",
                                 "This channel follows no topic yet. Admins add one: "
                                 "/subscribe TOPIC, e.g. /subscribe Ghouta"),
    # /unsubscribe all (QA36 E5): asked first, with a button
    "unsub_all_ask": ("ستُلغى متابعة كل المواضيع ({n}): {topics}. للتأكيد: الزر أدناه.",
                      "This stops following every topic ({n}): {topics}. Are you sure?"),
    "unsub_all_ask_group": ("ستُلغي المجموعة متابعة كل مواضيعها ({n}): {topics}. للتأكيد: الزر "
                            "أدناه.",
                            "The group stops following every topic ({n}): {topics}. Are you"
                            " sure?"),
    "btn_unsub_all_yes": ("✅ نعم، ألغِ الكل", "✅ Yes, remove all"),
    "btn_unsub_all_no": ("لا، أبقِها", "No, keep them"),
    "unsub_all_done": ("أُلغيت متابعة كل المواضيع ({n}): {topics}. للمتابعة من جديد: /subscribe",
                       "You no longer follow any topic ({n}): {topics}. To follow again:"
                       " /subscribe"),
    "unsub_all_done_group": ("ألغت المجموعة متابعة كل مواضيعها ({n}): {topics}.",
                             "The group no longer follows any topic ({n}): {topics}."),
    "unsub_all_toast": ("✅ أُلغيت كل المتابعات ({n})", "✅ All topics removed ({n})"),
    "unsub_all_none": ("لم يبقَ ما يُلغى: لا يُتابَع الآن أي موضوع من هذه القائمة.",
                       "Nothing left to remove: none of these topics is followed now."),
    "unsub_all_kept": ("لم يُلغَ شيء: بقيت المتابعات كما هي.",
                       "Nothing removed: the topics are kept."),
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
    "topics_remove_empty": ("يُلغى ما لا يطابق أي خبر بزر «❌ إلغاء» أدناه.",
                            "The «❌ Remove» button below removes what matches no news."),
    "btn_remove_topic": ("❌ إلغاء {topic}", "❌ Remove {topic}"),
    "group_admins_only": ("في المجموعات، يغيّر الإعدادات والمتابعات مشرفو المجموعة وحدهم.",
                          "In groups, only the group's admins change settings and subscriptions."),
    # /digest
    # a group member who is no admin (QA54-7: the whole digest posted to everyone by anyone)
    "digest_group_members": ("في المجموعات يطلب النشرة مشرفو المجموعة وحدهم، فهي تصل إلى الجميع. "
                             "اطلبها لنفسك في محادثتك الخاصة معي: @{bot} ثم /digest",
                             "In groups only the group's admins ask for the digest: everyone gets "
                             "it. Ask for it in a private chat with me: @{bot}, then "
                             "/digest"),
    "digest_empty": ("لا أخبار جديدة في مواضيعك الآن.", "No recent news on your topics right now."),
    "digest_empty_group": ("لا أخبار جديدة في مواضيع المجموعة الآن.",
                           "No recent news on this group's topics right now."),
    "digest_empty_channel": ("لا أخبار جديدة في مواضيع القناة الآن.",
                             "No recent news on this channel's topics right now."),
    "digest_no_subs": ("لا تتابع أي موضوع بعد؛ هذه أحدث الأخبار. تابع موضوعًا: /subscribe الغوطة",
                       "You follow no topic yet; here are the latest stories. Follow one: "
                       "/subscribe Ghouta"),
    "digest_no_subs_group": ("المجموعة لا تتابع أي موضوع بعد؛ هذه أحدث الأخبار. تابعوا موضوعًا: "
                             "/subscribe الغوطة",
                             "This group follows no topic yet; here are the latest stories. "
                             "Follow one: /subscribe Ghouta"),
    "digest_no_subs_channel": ("القناة لا تتابع أي موضوع بعد؛ هذه أحدث الأخبار. تابعوا موضوعًا: "
                               "/subscribe الغوطة",
                               "This channel follows no topic yet; here are the latest stories. "
                               "Follow one: /subscribe Ghouta"),
    # /settings
    "settings_now": ("الإعدادات الحالية:\n• التنبيهات: {mode}\n• ساعات الهدوء: {quiet}\n"
                     "• التوقيت: {zone}",
                     "Current settings:\n• Alerts: {mode}\n• Quiet hours: {quiet}\n"
                     "• Time zone: {zone}"),
    "mode_instant": ("فورية", "instant"),
    # a chat that follows only the general digest, instant (QA79-16): what comes at once and
    # what waits (digests.general_hold: URGENT_SITES 3, GENERAL_HOLD 2 h, asserted by a test)
    "settings_general_hold": ("في النشرة العامة الفورية يصلك فورًا الخبر الذي تنقله ثلاثة مصادر أو "
                              "أكثر، وتُجمع الأخبار الأصغر لتصل معه، أو معًا بعد ساعتين على "
                              "الأكثر.",
                              "In the instant general digest, a story three or more sources "
                              "carry comes at once; smaller stories are gathered to come with it, "
                              "or together within two hours at most."),
    "mode_daily": ("نشرة يومية الساعة {hour}", "a daily digest at {hour}"),
    # QA42 B10: the alerts waiting when a chat switches to daily move to its digest; said so
    "moved_daily_one": ("خبر كان ينتظر الإرسال سيصل في نشرة {hour}.",
                        "1 waiting alert will come in the {hour} digest."),
    "moved_daily_two": ("خبران كانا ينتظران الإرسال سيصلان في نشرة {hour}.",
                        "2 waiting alerts will come in the {hour} digest."),
    "moved_daily_few": ("{n} أخبار كانت تنتظر الإرسال ستصل في نشرة {hour}.",
                        "{n} waiting alerts will come in the {hour} digest."),
    "moved_daily_many": ("{n} خبرًا كانت تنتظر الإرسال ستصل في نشرة {hour}.",
                         "{n} waiting alerts will come in the {hour} digest."),
    "moved_daily_hundred": ("{n} خبر كانت تنتظر الإرسال ستصل في نشرة {hour}.",
                            "{n} waiting alerts will come in the {hour} digest."),
    "quiet_none": ("غير مفعّلة", "not set"),
    "quiet_range": ("من {start} إلى {end}", "from {start} to {end}"),
    "btn_instant": ("⚡ فورية", "⚡ Instant"),
    "btn_daily": ("🗓 يومية", "🗓 Daily"),
    "btn_quiet": ("🌙 ساعات الهدوء", "🌙 Quiet hours"),
    "btn_quiet_off": ("بلا ساعات هدوء", "No quiet hours"),
    "btn_zone": ("🌐 التوقيت", "🌐 Time zone"),  # not 🕐 «one o'clock» (QA36 E9)
    # the arrow points back the way the menu reads: right in Arabic (QA36 E9)
    "btn_back": ("↪️ رجوع", "↩️ Back"),
    # the current choice said in words, not «✓» alone; a range «إلى», not a dash (QA36 E9)
    "btn_selected": ("✓ {label} (مختار)", "✓ {label} (selected)"),
    # the sources filter (bot.reader_sources, QA36 E5): each state said in words
    "btn_reader_sources": ("📡 المصادر", "📡 Sources"),
    "btn_source_on": ("🔔 {name}: تصل أخباره", "🔔 {name}: shown"),
    "btn_source_muted": ("🔕 {name}: مكتوم", "🔕 {name}: muted"),
    # a site some of whose feeds are muted (one added since, an older mute: X61)
    "btn_source_partly": ("🔕 {name}: مكتوم جزئيًا", "🔕 {name}: partly muted"),
    "reader_sources_menu": ("المصادر التي تصل منها الأخبار إلى هذه المحادثة. اضغط مصدرًا لكتمه "
                            "أو لإعادته (المكتومة: {n}).",
                            "The sources this chat gets news from. Press a source to mute it or "
                            "bring it back (muted: {n})."),
    # a channel's menu opened from /channels says «القناة», as the rest of it (QA77-4)
    "reader_sources_menu_channel": ("المصادر التي تصل منها الأخبار إلى القناة. اضغط مصدرًا لكتمه "
                                    "أو لإعادته (المكتومة: {n}).",
                                    "The sources the channel gets news from. Press a source to "
                                    "mute it or bring it back (muted: {n})."),
    "reader_source_muted": ("🔕 كُتم {name}: لن تصل أخباره هنا.",
                            "🔕 {name} muted: its news will not come here."),
    "reader_source_unmuted": ("🔔 عاد {name}: تصل أخباره هنا.",
                              "🔔 {name} is back: its news comes here."),
    # a search whose matches all come from sources the chat muted (X61)
    "found_only_muted": ("كل ما وجدته عن «{query}» من مصادر مكتومة في هذه المحادثة. لإعادتها: "
                         "/settings ثم «📡 المصادر».",
                         "Everything I found about «{query}» comes from sources muted in this "
                         "chat. To bring them back: /settings, then «📡 Sources»."),
    # /digest or a day's news whose every story comes from muted sources (QA48 R12; X75)
    "digest_only_muted": ("كل ما وجدته من أخبار الآن من مصادر مكتومة في هذه المحادثة. لإعادتها: "
                          "/settings ثم «📡 المصادر».",
                          "Every story I found right now comes from sources muted in this chat. "
                          "To bring them back: /settings, then «📡 Sources»."),
    # /digest of a chat that follows nothing, when there is no news at all
    "digest_nothing_new": ("لا أخبار جديدة الآن.", "No recent news right now."),
    # inline: every result hidden by the user's mutes (a button's text, at most 64 characters)
    "inline_only_muted": ("كل النتائج من مصادر مكتومة لديك",
                          "Every result is from a muted source"),
    "reader_source_gone": ("هذا المصدر لم يعد موجودًا.", "This source no longer exists."),
    "btn_quiet_range": ("{start} إلى {end}", "{start} to {end}"),
    "choose_zone": ("اختر توقيتك (للنشرة اليومية وساعات الهدوء):",
                    "Choose your time zone (for the daily digest and quiet hours):"),
    "choose_zone_group": ("اختر توقيت المجموعة (للنشرة اليومية وساعات الهدوء):",
                          "Choose the group's time zone (for the daily digest and quiet hours):"),
    "choose_zone_channel": ("اختر توقيت القناة (للنشرة اليومية وساعات الهدوء):",
                            "Choose the channel's time zone (for the daily digest and quiet "
                            "hours):"),
    "choose_hour": ("في أي ساعة تصلك النشرة اليومية؟\nالتوقيت: {zone}",
                    "At what hour should the daily digest arrive?\nTime zone: {zone}"),
    "choose_hour_group": ("في أي ساعة تصل المجموعةَ النشرة اليومية؟\nالتوقيت: {zone}",
                          "At what hour should the group's daily digest arrive?\nTime "
                          "zone: {zone}"),
    "choose_hour_channel": ("في أي ساعة تصل القناةَ النشرة اليومية؟\nالتوقيت: {zone}",
                            "At what hour should the channel's daily digest arrive?\nTime "
                            "zone: {zone}"),
    "choose_quiet": ("اختر ساعات الهدوء (لا تنبيهات فيها):",
                     "Choose quiet hours (no alerts during them):"),
    "settings_saved": ("✅ حُفظت الإعدادات.", "✅ Settings saved."),
    # a change's toast says what is now set (QA36 E7): «✅ التنبيهات: فورية»
    "saved_mode": ("التنبيهات: {mode}", "Alerts: {mode}"),
    "saved_quiet": ("ساعات الهدوء: {quiet}", "Quiet hours: {quiet}"),
    "saved_zone": ("التوقيت: {zone}", "Time zone: {zone}"),
}
