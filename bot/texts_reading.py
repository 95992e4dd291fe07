"""Strings of reading the news: digests and bundles as rendered, story and «more» buttons,
search answers (results, notes, topic questions), inline mode.

Part of bot.i18n's tables (bot.i18n merges every bot/texts_*.py TEXTS into STRINGS; call them
through `bot.i18n.t`). New strings of rendering, bundles, search and story buttons go here.
"""

from __future__ import annotations

# key → (Arabic, English), as bot.i18n.STRINGS holds them: values may hold {placeholders}
# filled by `t`, inserted as given (escape them first when the text is sent as HTML).
TEXTS: dict[str, tuple[str, str]] = {
    # a long answer the group got in the last minute is pointed at, not sent again (QA31 G4)
    "same_answer_above": ("👆 الجواب نفسه أرسلته هنا قبل قليل.",
                          "👆 I sent this same answer here a moment ago."),
    # rendering
    "related": ("روابط ذات صلة:", "Related links:"),
    # QA79-12: what a related link is, before it (bot.story_quotes.kind_mark): the page's own
    # related block, an earlier archive piece, the same story from another site
    "related_page": ("من صفحة الخبر:", "From the article:"),
    "related_archive": ("من الأرشيف:", "From the archive:"),
    "related_story": ("مصدر آخر:", "Another source:"),
    # over a story a chat was sent a day or more before, now with a new report (QA18 R10)
    "story_update": ("🔄 تحديث", "🔄 Update"),
    # a report the chat was sent, corrected in place and sent again (X84: «مقتل 9» after «مقتل
    # 12» read as 9 more dead under «تحديث»)
    "story_revised": ("🔄 تعديل", "🔄 Correction"),  # the header's word (QA70-7: not "Revised")
    # under a corrected report, the headline the chat read before (QA63-12)
    "story_was": ("كان: {headline}", "Was: {headline}"),
    # a range in words, not a dash a screen reader may not say (QA36 E9)
    "results_header": ("نتائج «{query}»: {first} إلى {last} من {total}",
                       "Results for «{query}»: {first} to {last} of {total}"),
    # QA68-18: a page that holds every result says how many, not «١ إلى ١ من ١»
    "results_header_all": ("نتائج «{query}»: {count}", "Results for «{query}»: {count}"),
    "results_one": ("خبر واحد", "1 story"),
    "results_two": ("خبران", "2 stories"),
    "results_header_at_least": ("نتائج «{query}»: {first} إلى {last} من {total} على الأقل",
                                "Results for «{query}»: {first} to {last} of at least {total}"),
    "bundle_header": ("📰 نشرة الأخبار", "📰 News digest"),
    "bundle_topic": ("📰 جديد {topics}", "📰 New on {topics}"),
    "bundle_general": ("📰 النشرة العامة", "📰 The general digest"),
    # a bundle of reports the chat was sent before, corrected in place: no new news (QA63-12)
    "bundle_revised_topic": ("🔄 تعديل {topics}", "🔄 Correction on {topics}"),
    "bundle_revised": ("🔄 تعديل", "🔄 Correction"),
    "bundle_daily": ("📰 نشرتك اليومية — {date}", "📰 Your daily digest — {date}"),
    "bundle_daily_topics": ("📰 نشرتك اليومية — {date}: {topics}",
                            "📰 Your daily digest — {date}: {topics}"),
    "bundle_daily_group": ("📰 النشرة اليومية — {date}", "📰 The daily digest — {date}"),
    "bundle_daily_topics_group": ("📰 النشرة اليومية — {date}: {topics}",
                                  "📰 The daily digest — {date}: {topics}"),
    "bundle_stop": ("لإيقاف المتابعة: /unsubscribe", "To stop: /unsubscribe"),
    # A header names at most MAX_TOPICS_NAMED topics and counts the rest (QA18 R4; topic_list)
    "topics_more_one": ("{topics} وموضوع آخر", "{topics} and one more"),  # QA26 N13: «و١ آخر»
    "topics_more_two": ("{topics} وموضوعان آخران", "{topics} and 2 more"),
    # from 3 on with the noun, by the grammar of Arabic numerals (QA67-10: «و٣ أخرى» had none)
    "topics_more": ("{topics} و{n} مواضيع أخرى", "{topics} and {n} more"),
    "topics_more_many": ("{topics} و{n} موضوعًا آخر", "{topics} and {n} more"),
    "topics_more_hundred": ("{topics} و{n} موضوع آخر", "{topics} and {n} more"),
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
    # {count} of the lines above (bot.render.more_count): the noun by the grammar of Arabic
    # numerals — 1, 2, 3–10, 11–99, then 100 on in the singular («١٠٠ خبر آخر»)
    "more_stories_one": ("خبر آخر", "1 more story"),
    "more_stories_two": ("خبران آخران", "2 more stories"),
    "more_stories_few": ("{n} أخبار أخرى", "{n} more stories"),
    "more_stories_many": ("{n} خبرًا آخر", "{n} more stories"),
    "more_stories_hundred": ("{n} خبر آخر", "{n} more stories"),
    "more_button": ("📰 اعرض الأخبار الأخرى ({count})", "📰 Show the other stories ({count})"),
    "more_already_sent": ("أُرسلت هذه الأخبار من قبل، انظر أعلاه.",
                          "These stories were already sent: see above."),
    "more_gone": ("لم تعد هذه الأخبار متاحة؛ جرّب /digest.",
                  "These stories are no longer available; try /digest."),
    # X24 (session 11, QA18 R16): a compact bundle's story buttons (bot.courier); pressed,
    # the story's full digest (bot.buttons), in a channel an alert (bot.render.story_alert)
    "btn_story": ("📖 خبر {n}", "📖 Story {n}"),
    # with the story's first words: a button read alone says which story (QA36 E6)
    "btn_story_titled": ("📖 خبر {n}: {words}", "📖 Story {n}: {words}"),
    "btn_story_one": ("📖 الخبر كاملًا", "📖 The full story"),
    "related_already_sent": ("أُرسلت روابط هذا الخبر من قبل، انظر أعلاه.",
                             "This story's links were sent already, see above."),
    "story_already_sent": ("أُرسل هذا الخبر كاملًا من قبل، انظر أعلاه.",
                           "This story was already sent in full: see above."),
    "story_gone": ("لم يعد هذا الخبر متاحًا؛ جرّب /digest.",
                   "This story is no longer available; try /digest."),
    "story_no_more": ("لا مزيد في هذا الخبر.", "Nothing more in this story."),
    # X28 (session 11, QA21): a channel's story alert lists related headlines, which
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
    "reported_by": ("بحسب {speaker}", "According to {speaker}"),
    "no_related": ("لا روابط ذات صلة لهذا الخبر.", "No related links for this story."),
    # a private message that is not text (a sticker, a photo without a caption, a location)
    "not_text": ("اكتب اسم موضوع نصًا، مثل «الغوطة»، لأجد آخر أخباره.",
                 "Type a topic as text, such as «Ghouta», and I will find its latest news."),
    # a voice note or an audio file: said plainly that it cannot be heard (QA36 E12)
    "not_voice": ("لا أستطيع الاستماع إلى الرسائل الصوتية. اكتب اسم موضوع نصًا، مثل «الغوطة»، "
                  "لأجد آخر أخباره.",
                  "I cannot listen to voice messages. Type a topic as text, such as «Ghouta», "
                  "and I will find its latest news."),
    "search_placeholder": ("اسم الموضوع", "The topic's name"),
    "search_usage": ("اكتب الموضوع بعد الأمر، مثل: /search الغوطة",
                     "Put the topic after the command, e.g. /search Ghouta"),
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
                                   "topic's name, such as «Ghouta»."),
    "did_you_mean": ("هل تقصد:", "Did you mean:"),
    # a date typed alone is searched as written; its day's news offered (QA78-19)
    "day_news_offer": ("📅 أخبار يوم {date}", "📅 News of {date}"),
    "nothing_searchable": ("«{query}» لا يحوي كلمات يمكن البحث عنها (حروف مثل «و» و«في» "
                           "و«ال» ترد في كل خبر). اكتب اسم موضوع، مثل «الغوطة».",
                           "«{query}» has no searchable words (letters and words such as «و», "
                           "«في» or «ال» are in every story). Type a topic, such as «Ghouta»."),
    # only emoji or marks («🔥»): nothing to explain about stop letters (QA18 R13)
    "no_words": ("اكتب كلمة تدل على الموضوع، مثل «الغوطة» أو «ترامب».",
                 "Type a word for the topic, such as «Ghouta» or «Trump»."),
    "topic_too_long": ("«{query}» أطول من أن يكون موضوعًا يُتابع (الحد {words} كلمات و{chars} "
                       "حرفًا). اكتب اسم الموضوع وحده، مثل «الغوطة».",
                       "«{query}» is too long to be a followed topic (at most {words} words and "
                       "{chars} characters). Type just the topic's name, such as «Ghouta»."),
    "name_alone": ("لا يمكن البحث عن «{name}» وحده: لا يتميز في الأخبار عن حرف الجر «على». "
                   "اكتب الاسم كاملًا، مثل «علي خامنئي».",
                   "«{name}» alone cannot be searched: in the news it cannot be told from the"
                   " preposition «على». Type the full name, such as «علي خامنئي»."),
    # /subscribe علي (QA23 S16: it was told «علي» has no searchable words, like a particle)
    "name_alone_follow": ("لا يمكن متابعة «{name}» وحده: لا يتميز في الأخبار عن حرف الجر «على». "
                          "اكتب الاسم كاملًا، مثل /subscribe علي خامنئي",
                          "«{name}» alone cannot be followed: in the news it cannot be told from"
                          " the preposition «على». Type the full name, such as /subscribe علي"
                          " خامنئي"),
    "btn_subscribe": ("🔔 تابع هذا الموضوع", "🔔 Follow this topic"),
    "btn_more": ("المزيد", "More"),
    "btn_prev": ("السابق", "Previous"),
    "btn_related": ("🔗 روابط الخبر {n}", "🔗 Links for story {n}"),
    "page_toast": ("النتائج {first} إلى {last} من {total}", "Results {first} to {last} of {total}"),
    "no_more": ("لا مزيد من النتائج.", "No more results."),
    "note_trimmed": ("لم أجد الاسم كاملًا؛ هذه أخبار فيها بقيته.",
                     "The full name was not found; these stories contain the rest of it."),
    "note_all": ("لم أجد العبارة كما هي؛ هذه أخبار فيها كل كلماتها.",
                 "The exact phrase was not found; these stories contain all its words."),
    # a sentence searched by some of its words, named (QA78-9: «كل كلماتها» was said of six)
    "note_all_some": ("لم أجد العبارة كما هي؛ هذه أخبار فيها من كلماتها: {words}.",
                      "The exact phrase was not found; these stories contain these of its"
                      " words: {words}."),
    "note_more": ("العبارة كما هي في أخبار قليلة؛ تليها أخبار فيها كل كلماتها.",
                  "Few stories hold the exact phrase; stories with all its words follow them."),
    "note_dropped": ("لم أجد {words} في الأرشيف، فبحثت عن بقية الكلمات.",
                     "{words}: not in the archive, so I searched without it."),
    # a pasted paragraph that found nothing as written (QA18 R13)
    "note_pasted": ("لم أجد النص كما هو؛ بحثت بالأسماء التي فيه: {words}.",
                    "The text was not found as written; I searched by the names in it: {words}."),
    "note_pasted_one": ("لم أجد النص كما هو؛ بحثت باسم واحد فيه فقط: {words}، فقد لا يكون خبره "
                        "نفسه بين النتائج.",
                        "The text was not found as written; I searched by one name in it only, "
                        "{words}, so its own article may not be among the results."),
    "latin_mapped": ("الموضوعات تُبحث بالعربية: «{latin}» هو «{topic}».",
                     "Topics are searched in Arabic: «{latin}» is «{topic}»."),
    "latin_partial": ("الموضوعات تُبحث بالعربية: من «{latin}» بحثت عن «{topic}».",
                      "Topics are searched in Arabic: from «{latin}» I searched for «{topic}»."),
    # no example: «جرّب «سوريا»» read as an answer about «Kim» (QA24 R6)
    # in English no «write it in Arabic» (QA51 L5): what an English reader can do instead
    "latin_topic": ("لم أجد أخبارًا عن «{query}». الموضوعات تُبحث بالعربية: اكتب الاسم كما "
                    "تكتبه الأخبار العربية.",
                    "I found no news about «{query}»: the news is in Arabic, and I do not know"
                    " this English spelling. Try the country or the nearest city in English, or"
                    " copy the name from an Arabic headline and send it."),
    # a spelling near known names («Idleb»): each a button (bot.latin_help; English only)
    "latin_near": ("لم أجد أخبارًا عن «{query}». الموضوعات تُبحث بالعربية. هل تقصد:",
                   "I found no news about «{query}»: the news is in Arabic, and I do not know"
                   " this English spelling. Is it one of these?"),
    "latin_near_follow": ("لم أتابع «{query}»: الموضوعات تُتابع بالعربية. هل تقصد:",
                          "«{query}» was not followed: topics are followed in Arabic, and I do"
                          " not know this English spelling. Is it one of these?"),
    "latin_adjective": ("الموضوعات تُبحث بالعربية: «{latin}» موضوعه «{topic}».",
                        "Topics are searched in Arabic: «{latin}» is the topic «{topic}»."),
    # a Latin name no table knows: no example, which would read as its translation (QA36 E2)
    "latin_not_followed_plain": ("لم أتابع «{topic}»: الموضوعات تُتابع بالعربية. اكتب الاسم كما "
                                 "تكتبه الأخبار العربية بعد /subscribe",
                                 "«{topic}» was not followed: topics are followed in Arabic,"
                                 " and I do not know this English spelling. Try /subscribe with"
                                 " the country or the nearest city in English, or with the name"
                                 " copied from an Arabic headline."),
    "latin_not_followed": ("لم أتابع «{topic}»: الموضوعات تُتابع بالعربية. اكتب مثلًا: "
                           "/subscribe {example}",
                           "«{topic}» was not followed: topics are followed in Arabic. Send, for"
                           " example: /subscribe {example}"),
    "link_several": ("في رسالتك أكثر من رابط؛ هذا جواب الرابط الأول.",
                     "Your message holds several links; this answers the first one."),
    "link_not_archived": ("هذا الرابط ليس في الأرشيف. أرسل اسم الموضوع بدلًا منه، مثل «الغوطة».",
                          "This link is not in the archive. Send the topic instead, such as"
                          " «Ghouta»."),
    # QA50 E11: said to an admin too, who can do more than a reader
    "link_not_archived_admin": ("للمشغّل: لا يجلب البوت رابطًا يُلصق له. إن كان من المصادر فأرسل "
                                "/ingest ثم الصقه ثانية؛ لموقع ليس مصدرًا: أرسل /addsource ورابط "
                                "الموقع، أو على الخادم: python run.py digest الرابط",
                                "For the operator: the bot never fetches a pasted link. If it is "
                                "from a source, send /ingest, then paste it again; for a site "
                                "that is not a source: /addsource and the site's link, or on the "
                                "server: python run.py digest URL"),
    # inline mode
    "inline_nothing": ("لا نتائج عن «{query}»", "No results for «{query}»"),
    # a day asked inline («@bot اخبار ٢٠ آذار») with no news: the latest below, said so on the
    # button above them (review RF, as a chat's days_none_*: QA54-1); at most 64 characters
    "inline_day_none": ("لم تصلني أخبار {date}؛ هذه أحدثها", "No news on {date}; the latest:"),
    "inline_day_future": ("لم يأتِ يوم {date} بعد؛ هذه أحدث الأخبار",
                          "{date} has not come yet; the latest:"),
    # how many sites report a story, and which (bot.story_sites, QA34 R3): Arabic counted nouns
    "story_sites_2": ("مصدران", "2 sources"),
    "story_sites_few": ("{n} مصادر", "{n} sources"),      # 3–10
    "story_sites_acc": ("{n} مصدرًا", "{n} sources"),     # 11–99
    "story_sites_gen": ("{n} مصدر", "{n} sources"),       # 100 and up
    "story_sites_others": ("ينقله أيضًا: {names}", "Also reported by: {names}"),
    # a search page's other reports of one event the story index kept apart (QA68-13)
    "same_event_1": ("وتقرير آخر عن الحدث نفسه: {links}",
                     "And 1 more report of the same event: {links}"),
    "same_event_2": ("وتقريران آخران عن الحدث نفسه: {links}",
                     "And 2 more reports of the same event: {links}"),
    "same_event_few": ("و{n} تقارير أخرى عن الحدث نفسه: {links}",    # 3–10
                       "And {n} more reports of the same event: {links}"),
    "same_event_acc": ("و{n} تقريرًا آخر عن الحدث نفسه: {links}",    # 11 and up
                       "And {n} more reports of the same event: {links}"),
}
