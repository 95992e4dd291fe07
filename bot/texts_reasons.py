"""Strings of why a source failed or what its feed left out: each digests.errors.Reason kind,
worded by bot.reasons (the reason, then what to do), and the kinds of entries a feed's poll
skipped (/sources, QA65-14).

Part of bot.i18n's tables (bot.i18n merges every bot/texts_*.py TEXTS into STRINGS; call them
through `bot.i18n.t`). Split from bot/texts_sources.py (REV s24: past 500 lines); new fetch
failure strings go here.
"""

from __future__ import annotations

# key → (Arabic, English), as bot.i18n.STRINGS holds them: values may hold {placeholders}
# filled by `t`, inserted as given (escape them first when the text is sent as HTML).
TEXTS: dict[str, tuple[str, str]] = {
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
    # QA63-9: the key said to be set when it was, and the redirect that led there unsaid
    "reason_private_address_redirect": ("الرابط يحوّل إلى {host}، وهو على شبكة خاصة أو محلية، وهذا "
                                        "غير مسموح. للسماح به اضبط ALLOW_PRIVATE_SOURCES=true.",
                                        "The link redirects to {host}, which is on a private or "
                                        "local network, which is not allowed. To allow it, set "
                                        "ALLOW_PRIVATE_SOURCES=true."),
    "reason_private_address_key_on": ("الموقع {host} على شبكة خاصة أو محلية. ALLOW_PRIVATE_SOURCES "
                                      "مفعّل، لكنه لا يسمح إلا بمضيف المصدر نفسه (ولا يسمح أبدًا "
                                      "بعناوين link-local والبيانات السحابية).",
                                      "{host} is on a private or local network. "
                                      "ALLOW_PRIVATE_SOURCES is on, but it allows only a "
                                      "source's own host (and never link-local or cloud "
                                      "metadata addresses)."),
    "reason_private_address_key_on_redirect": ("الرابط يحوّل إلى {host}، وهو على شبكة خاصة أو "
                                               "محلية. ALLOW_PRIVATE_SOURCES مفعّل، لكنه يسمح "
                                               "بمضيف المصدر نفسه، لا بتحويل إلى مضيف آخر: "
                                               "أضف العنوان {host} نفسه.",
                                               "The link redirects to {host}, on a private or "
                                               "local network. ALLOW_PRIVATE_SOURCES is on, but it "
                                               "allows only a source's own host, not a "
                                               "redirect to another host: add the address {host} "
                                               "itself."),
    # under a source in /sources: its last feed's unreadable entries, each kind of reason once in
    # the admin's language (QA65-14: «feed_skipped» gave the first reason, bilingual, for all)
    "feed_skipped_why": ("⚠️ مدخلات لم تُقرأ في آخر جلب: {skipped} من {listed} ({names}). "
                         "السبب: {reasons}. قُرئ الباقي وحُفظ.",
                         "⚠️ Entries not read at the last poll: {skipped} of {listed}, namely "
                         "{names}. Why: {reasons}. The others were read and stored."),
    "skip_no_link": ("بلا رابط: {n}", "no link: {n}"),
    # the details before the count: «(…): 3» keeps its order in a left-to-right line
    "skip_not_http": ("رابط ليس http(s) ({detail}): {n}",
                      "a link that is not http(s) ({detail}): {n}"),
    "skip_metadata": ("رابط إلى عنوان محلي أو عنوان بيانات سحابية ({detail}): {n}",
                      "a link to a link-local or cloud metadata address ({detail}): {n}"),
    "skip_unreadable": ("تعذرت قراءته ({detail}): {n}", "unreadable ({detail}): {n}"),
    # QA65-8: over the cap without one entry begun (a gzip bomb): no «raise MAX_BODY_BYTES»
    "reason_feed_no_entry": ("ما وصل من {host} ليس خلاصة أخبار: {detail} ميغابايت دون خبر واحد، "
                             "فتوقفت قراءته عند الحد. تأكد من رابط الخلاصة.",
                             "What {host} sent is no news feed: {detail} MB without a single "
                             "entry, so reading stopped at the limit. Check the feed's link."),
    # QA65-4: a feed a page declares is the page's word, not the admin's link
    "reason_private_address_declared": ("الصفحة تشير إلى خلاصة على {host}، وهو على شبكة خاصة "
                                        "أو محلية، وهذا غير مسموح. إن كانت الخلاصة لك فاضبط "
                                        "ALLOW_PRIVATE_SOURCES=true ثم أضف رابطها نفسه.",
                                        "The page points to a feed on {host}, which is on a "
                                        "private or local network, which is not allowed. If the "
                                        "feed is yours, set ALLOW_PRIVATE_SOURCES=true, then add "
                                        "the feed's own link."),
    "reason_private_address_key_on_declared": ("الصفحة تشير إلى خلاصة على {host}، وهو على شبكة "
                                               "خاصة أو محلية. ALLOW_PRIVATE_SOURCES مفعّل، لكنه "
                                               "يسمح بمضيف الرابط المُرسَل نفسه، لا بخلاصة "
                                               "تشير إليها صفحة على مضيف آخر: إن كانت لك فأضف "
                                               "رابطها على {host} نفسه.",
                                               "The page points to a feed on {host}, on a "
                                               "private or local network. ALLOW_PRIVATE_SOURCES "
                                               "is on, but it allows only the host of the link "
                                               "sent, not a feed a page names on another "
                                               "host: if it is yours, add its link on {host} "
                                               "itself."),
    # QA65-2/-5: link-local and cloud metadata addresses are refused whatever the key says, so
    # the key is named as what does not allow them, never as the cure
    "reason_private_address_never": ("الموقع {host} عنوان محلي الوصلة أو عنوان بيانات وصفية "
                                     "سحابية، ولا يجلب البوت منه شيئًا أبدًا، ولا مع "
                                     "ALLOW_PRIVATE_SOURCES. تأكد من الرابط.",
                                     "{host} is a link-local or cloud metadata address, which "
                                     "the bot never fetches, not even with ALLOW_PRIVATE_SOURCES. "
                                     "Check the link."),
    "reason_private_address_never_redirect": ("الرابط يحوّل إلى {host}، وهو عنوان محلي الوصلة أو "
                                              "عنوان بيانات وصفية سحابية لا يجلب البوت منه شيئًا "
                                              "أبدًا، ولا مع ALLOW_PRIVATE_SOURCES.",
                                              "The link redirects to {host}, a link-local or "
                                              "cloud metadata address the bot never fetches, "
                                              "not even with ALLOW_PRIVATE_SOURCES."),
    "reason_private_address_never_declared": ("الصفحة تشير إلى خلاصة على {host}، وهو عنوان محلي "
                                              "الوصلة أو عنوان بيانات وصفية سحابية لا يجلب البوت "
                                              "منه شيئًا أبدًا، ولا مع ALLOW_PRIVATE_SOURCES.",
                                              "The page points to a feed on {host}, a link-local "
                                              "or cloud metadata address the bot never fetches, "
                                              "not even with ALLOW_PRIVATE_SOURCES."),
    # a polled source is tried again by itself: said so under it (/sources, the notices); the
    # admin's «try later» is /addsource's, which added nothing (QA58-10: both were said of a
    # polled source, one retried by the bot, the other by the admin)
    "reason_refused": ("تعذر الاتصال بالموقع {host} (رفض الاتصال). أعيد المحاولة تلقائيًا؛ إن "
                       "طال ذلك فتأكد من الرابط.",
                       "Could not connect to {host} (connection refused). I will try again by "
                       "myself; if it lasts, check the link."),
    "reason_refused_adding": ("تعذر الاتصال بالموقع {host} (رفض الاتصال). تأكد من الرابط أو جرّب "
                              "لاحقًا.",
                              "Could not connect to {host} (connection refused). Check the link "
                              "or try later."),
    "reason_connect": ("تعذر الاتصال بالموقع {host}. أعيد المحاولة تلقائيًا؛ إن طال ذلك فتأكد "
                       "من الرابط.",
                       "Could not connect to {host}. I will try again by myself; if it lasts, "
                       "check the link."),
    "reason_connect_adding": ("تعذر الاتصال بالموقع {host}. تأكد من الرابط أو جرّب لاحقًا.",
                              "Could not connect to {host}. Check the link or try later."),
    # QA63-10: both connected; «could not connect» sent the admin checking the wrong thing
    "reason_no_tls": ("تعذر فتح اتصال آمن (https) بالموقع {host}: لا يقدّم https أو يقدّمه بإعداد "
                      "لا يُقبل. أعيد المحاولة تلقائيًا؛ إن دام ذلك فاستخدم رابط http.",
                      "Could not open a secure (https) connection to {host}: it does not serve "
                      "https, or serves it in a way that is refused. I will try again by myself; "
                      "if it lasts, use its http link."),
    "reason_no_tls_adding": ("تعذر فتح اتصال آمن (https) بالموقع {host}: لا يقدّم https أو يقدّمه "
                             "بإعداد لا يُقبل. جرّب رابط http إن كان الموقع لا يقدّم غيره.",
                             "Could not open a secure (https) connection to {host}: it does not "
                             "serve https, or serves it in a way that is refused. Try its http "
                             "link if the site serves only that."),
    "reason_no_tls_redirect": ("الرابط يحوّل إلى {detail}، وتعذر فتح اتصال آمن (https) هناك: لا "
                               "يبدو أن {host} يقدّم https. أخبر الموقع بهذا التحويل المعطوب.",
                               "The link redirects to {detail}, where no secure (https) "
                               "connection could be opened: {host} does not seem to serve "
                               "https. Tell the site its redirect is broken."),
    "reason_closed": ("اتصلتُ بالموقع {host} لكنه أغلق الاتصال قبل أن يُتم الرد. أعيد المحاولة "
                      "تلقائيًا؛ إن دام ذلك فالعطل في خادم الموقع.",
                      "Connected to {host}, but the site closed the connection before a whole "
                      "answer. I will try again by myself; if it lasts, the site's server is at "
                      "fault."),
    "reason_closed_adding": ("اتصلتُ بالموقع {host} لكنه أغلق الاتصال قبل أن يُتم الرد: العطل في "
                             "خادم الموقع لا في الرابط. جرّب لاحقًا.",
                             "Connected to {host}, but the site closed the connection before a "
                             "whole answer: its server is at fault, not the link. Try later."),
    "reason_timeout": ("لم يرد الموقع {host} في المهلة ({detail} ث). أعيد المحاولة تلقائيًا.",
                       "{host} did not answer in time ({detail} s). I will try again by myself."),
    "reason_timeout_adding": ("لم يرد الموقع {host} في المهلة ({detail} ث). جرّب لاحقًا.",
                              "{host} did not answer in time ({detail} s). Try later."),
    # QA63-3: it answered at once, then dripped its body past the time
    "reason_slow_body": ("أجاب الموقع {host} لكنه أرسل الصفحة ببطء شديد فلم تكتمل في المهلة ({detail} "
                         "ث). أعيد المحاولة تلقائيًا.",
                         "{host} answered but sent the page too slowly to finish within {detail} "
                         "s. I will try again by myself."),
    "reason_slow_body_adding": ("أجاب الموقع {host} لكنه أرسل الصفحة ببطء شديد فلم تكتمل في المهلة "
                                "({detail} ث): خادمه بطيء، لا الاتصال. جرّب لاحقًا.",
                                "{host} answered but sent the page too slowly to finish within "
                                "{detail} s: its server is slow, not the connection. Try later."),
    # QA63-5: a challenge page blocks every link of the site alike: not «try another link»
    "reason_bot_wall": ("الموقع {host} يحجب البوتات (حماية {detail}) فلم أستطع جلب الخلاصة. أعيد "
                        "المحاولة تلقائيًا، لكن هذا لا يزول غالبًا: اطلب من الموقع السماح لـ "
                        "NashraBot أو استخدم خلاصة أخرى.",
                        "{host} blocks bots ({detail} protection), so the feed could not be "
                        "fetched. I will try again by myself, but this rarely goes away: ask the "
                        "site to allow NashraBot, or use another feed."),
    "reason_bot_wall_adding": ("الموقع {host} يحجب البوتات (حماية {detail})؛ لن ينجح رابط آخر على "
                               "الموقع نفسه غالبًا — اطلب من الموقع السماح لـ NashraBot أو استخدم "
                               "خلاصة أخرى.",
                               "{host} blocks bots ({detail} protection); another link on the "
                               "same site will most likely be blocked too — ask the site to "
                               "allow NashraBot, or use another feed."),
    # a polled feed's 404 is polled again, as the admin's notice says (QA77-6: /sources gave
    # only «تأكد من الرابط»); /addsource's added nothing
    "reason_http_404": ("الصفحة غير موجودة على {host} (الخطأ ٤٠٤). أعيد المحاولة تلقائيًا؛ إن "
                        "دام ذلك فتأكد من الرابط.",
                        "The page does not exist on {host} (error 404). I will try again by "
                        "myself; if it lasts, check the link."),
    "reason_http_404_adding": ("الصفحة غير موجودة على {host} (الخطأ ٤٠٤). تأكد من الرابط.",
                               "The page does not exist on {host} (error 404). Check the link."),
    "reason_http_403": ("الموقع {host} يمنع الوصول إلى الصفحة (الخطأ {detail}). جرّب رابطًا آخر "
                        "للخلاصة.",
                        "{host} refuses access to the page (error {detail}). Try another link "
                        "to the feed."),
    "reason_http_status": ("رفض الموقع {host} الطلب (الخطأ {detail}). أعيد المحاولة تلقائيًا؛ "
                           "إن دام ذلك فتأكد من الرابط.",
                           "{host} refused the request (error {detail}). I will try again by "
                           "myself; if it lasts, check the link."),
    "reason_http_status_adding": ("رفض الموقع {host} الطلب (الخطأ {detail}). تأكد من الرابط.",
                                  "{host} refused the request (error {detail}). Check the link."),
    "reason_server_error": ("الموقع {host} يواجه عطلًا (الخطأ {detail}). أعيد المحاولة تلقائيًا "
                            "لاحقًا.",
                            "{host} has a problem (error {detail}). I will try again later by "
                            "myself."),
    "reason_server_error_adding": ("الموقع {host} يواجه عطلًا (الخطأ {detail}). لم يُضف شيء؛ أعد "
                                   "المحاولة بعد قليل.",
                                   "{host} has a problem (error {detail}). Nothing was added; "
                                   "try again in a little while."),
    # QA63-4: the site's Retry-After said when («بعد قليل» for an hour's maintenance)
    "reason_server_error_adding_wait": ("الموقع {host} يواجه عطلًا (الخطأ {detail}) ويطلب المحاولة "
                                        "بعد {wait}. لم يُضف شيء.",
                                        "{host} has a problem (error {detail}) and asks to be "
                                        "tried again in {wait}. Nothing was added."),
    "reason_too_big_adding": ("الصفحة على {host} أكبر من الحد ({detail} ميغابايت). أرسل رابط "
                              "الخلاصة نفسها.",
                              "The page on {host} is over the size limit ({detail} MB). Send the "
                              "link of the feed itself."),
    # QA35 L2: a source's feed read up to MAX_BODY_BYTES with not one entry whole in it (the
    # advice above, «send the feed's own link», fits /addsource given a page, not a feed)
    "reason_too_big": ("الخلاصة على {host} أكبر من الحد ({detail} ميغابايت) ولا خبر كاملًا في "
                       "أولها. ارفع MAX_BODY_BYTES (في ملف الإعداد ‎.env) ثم أعد تشغيل البوت، أو اطلب من "
                       "الموقع خلاصة أقصر.",
                       "The feed on {host} is over the size limit ({detail} MB) with no whole "
                       "entry in its first part. Raise MAX_BODY_BYTES in .env and restart the "
                       "bot, or ask the site for a shorter feed."),
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
    "reason_bad_encoding": ("أرسل الموقع {host} بيانات مضغوطة تالفة. أعيد المحاولة تلقائيًا.",
                            "{host} sent broken compressed data. I will try again by myself."),
    "reason_bad_encoding_adding": ("أرسل الموقع {host} بيانات مضغوطة تالفة. جرّب لاحقًا.",
                                   "{host} sent broken compressed data. Try later."),
    # a known feed that served a page this once (a maintenance page) is not a wrong link
    "reason_not_feed": ("أرسل الموقع {host} صفحة ليست خلاصة أخبار (RSS/Atom)، وقد تكون صفحة صيانة "
                        "عابرة. أعيد المحاولة تلقائيًا؛ إن دام ذلك فتحقق من الرابط في /sources.",
                        "{host} served a page that is not a news feed (RSS/Atom), perhaps a "
                        "passing maintenance page. I will try again by myself; if it lasts, "
                        "check the link in /sources."),
    "reason_not_feed_adding": ("الصفحة ليست خلاصة أخبار (RSS/Atom). أرسل رابط الخلاصة، وغالبًا "
                               "ينتهي بـ rss أو feed.",
                               "The page is not a news feed (RSS/Atom). Send the feed's link; it "
                               "often ends in rss or feed."),
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
    # QA63-1: bytes no charset reads as Arabic (Cyrillic, Hebrew …): refused, not stored garbled
    "reason_unreadable_text": ("خلاصة {host} بترميز لا أستطيع قراءته (ليس UTF-8 ولا windows-1256 "
                               "ولا ISO-8859-6)، فلم أحفظ منها شيئًا كي لا تصل أخبار بحروف مشوّهة. "
                               "أعيد المحاولة تلقائيًا؛ إن دام ذلك فاطلب من الموقع أن يصرّح بترميز "
                               "خلاصته.",
                               "The feed of {host} is in an encoding I cannot read (not UTF-8, "
                               "windows-1256 or ISO-8859-6), so nothing of it was stored rather "
                               "than garbled text. I will try again by myself; if it lasts, ask "
                               "the site to declare its feed's charset."),
    "reason_unreadable_text_adding": ("الخلاصة بترميز لا أستطيع قراءته (ليس UTF-8 ولا "
                                      "windows-1256 ولا ISO-8859-6)، فلم تُضف كي لا تصل أخبار "
                                      "بحروف مشوّهة. اطلب من الموقع أن يصرّح بترميز خلاصته.",
                                      "The feed is in an encoding I cannot read (not UTF-8, "
                                      "windows-1256 or ISO-8859-6), so it was not added rather "
                                      "than send garbled news. Ask the site to declare its "
                                      "feed's charset."),
    # QA56-2: the site answered; reading its feed is what took too long
    "reason_slow_feed": ("خلاصة {host} كبيرة جدًا ولم أُكمل قراءتها في المهلة ({detail} ث). "
                         "أعيد المحاولة تلقائيًا.",
                         "The feed of {host} is too big: I could not finish reading it in time "
                         "({detail} s). I will try again by myself."),
    "reason_slow_feed_adding": ("أجاب الموقع {host}، لكن خلاصته كبيرة جدًا ولم أُكمل قراءتها في "
                                "المهلة ({detail} ث). لم يُضف شيء؛ جرّب لاحقًا أو أرسل رابط خلاصة "
                                "أقصر.",
                                "{host} answered, but its feed is too big: I could not finish "
                                "reading it in time ({detail} s). Nothing was added; try later "
                                "or send the link of a shorter feed."),
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
    # the database refused the write (a DatabaseFault; bot.reasons.error_text, REV s25 #4): as
    # bot.texts_alerts «reply_busy» and «db_advice_*» say it, and that nothing was saved
    "reason_db_locked": ("قاعدة البيانات مشغولة الآن (يقفلها برنامج آخر أو كتابة طويلة)، فلم يُحفظ "
                         "شيء: أعد المحاولة بعد قليل.",
                         "The database is busy right now (another program or a long write "
                         "holds it), so nothing was saved: try again shortly."),
    "reason_db_full": ("القرص الذي يحمل قاعدة البيانات ممتلئ، فلم يُحفظ شيء: حرّر مساحة في مجلد "
                       "DATABASE_PATH على الخادم ثم أعد المحاولة.",
                       "The disk holding the database is full, so nothing was saved: free "
                       "space at DATABASE_PATH on the server, then try again."),
    "reason_db_damaged": ("ملف قاعدة البيانات تالف، فلم يُحفظ شيء: استرجع نسخة احتياطية (python "
                          "run.py restore BACKUP.db) أو أنقذ ما فيه (python run.py recover "
                          "fixed.db)؛ التفاصيل في سجل البوت.",
                          "The database file is damaged, so nothing was saved: restore a backup "
                          "(python run.py restore BACKUP.db) or rescue what it holds (python "
                          "run.py recover fixed.db); details are in the bot's log."),
    "reason_db_readonly": ("لا يمكن الكتابة في قاعدة البيانات، فلم يُحفظ شيء: امنح مستخدم البوت "
                           "حق الكتابة في الملف ومجلده (chmod/chown).",
                           "The database cannot be written to, so nothing was saved: give the "
                           "bot's user write access to the file and its folder (chmod/chown)."),
    "reason_unknown": ("سبب غير معروف؛ التفاصيل في سجل البوت (وفي: python run.py sources list).",
                       "Unknown reason; details are in the bot's log (and in: python run.py "
                       "sources list)."),
}
