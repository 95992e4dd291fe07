"""Strings of the news sources: /sources, /addsource, /removesource, /ingest, and when the next
poll comes. Why a source failed (digests.errors.Reason) is bot/texts_reasons.py's.

Part of bot.i18n's tables (bot.i18n merges every bot/texts_*.py TEXTS into STRINGS; call them
through `bot.i18n.t`). New strings of sources and polling go here.
"""

from __future__ import annotations

# key → (Arabic, English), as bot.i18n.STRINGS holds them: values may hold {placeholders}
# filled by `t`, inserted as given (escape them first when the text is sent as HTML).
TEXTS: dict[str, tuple[str, str]] = {
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
    # one failure is no streak: «failing 1 time in a row» (QA58-10)
    "health_failed_once": ("⚠️ فشل آخر جلب — {error}", "⚠️ failed at the last poll: {error}"),
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
    # QA50 E11: /ingest with a link polled every source and said nothing of the link
    "ingest_no_link": ("الأمر /ingest لا يأخذ رابطًا: يجلب المصادر كلها الآن، لا صفحة وحدها. بعد "
                       "الجلب الصق الرابط لترى ملخّصه إن كان من المصادر؛ لموقع ليس مصدرًا: "
                       "أرسل /addsource ورابط الموقع، أو على الخادم: python run.py digest الرابط",
                       "/ingest takes no link: it polls every source now, not one page. After "
                       "the poll, paste the link to see its digest if it is from a source; "
                       "for a site that is not a source: /addsource and the site's link, or on "
                       "the server: python run.py digest URL"),
    # /help under the admin commands (X80): an admin's pasted link is not fetched either; the
    # ways to a page are /ingest then paste it again, /addsource (README «A pasted link»)
    "help_admin_links": ("🔗 لا يجلب البوت رابطًا يُلصق له، ولا لمشرف: /ingest يجلب المصادر كلها، "
                         "ثم الصق رابط الخبر ثانية؛ لموقع ليس مصدرًا: /addsource ورابط الموقع.",
                         "🔗 The bot never fetches a pasted link, an admin's either: /ingest polls "
                         "every source, then paste the story's link again; for a site that is not "
                         "a source: /addsource and the site's link."),
    # English counts come with their noun ("1 source", "2 new articles": bot.i18n.counted)
    "ingest_done": ("✅ انتهى الجلب — المصادر: {sources}، الأخبار الجديدة: {new}، الإخفاقات: {failed}.",
                    "✅ Poll finished: {sources}, {new}, {failed} failed."),
    "ingest_done_failures": ("⚠️ انتهى الجلب مع إخفاقات — المصادر: {sources}، أخفق منها: {failed} "
                             "({names})، الأخبار الجديدة: {new}. التفاصيل في /sources",
                             "⚠️ Poll finished with failures: {failed} of {sources} failed "
                             "({names}); {new}. Details: /sources"),
    # QA77-1: what a later poll stores of the same backlog is not sent either (it was)
    "ingest_first_poll": ("(أول جلب لمصدر جديد: حُفظت أخباره ({new}) للبحث ولم تُرسل إلى "
                          "المتابعين، ولا يُرسل ما نُشر قبل إضافته وإن حفظه جلب لاحق؛ تُرسل "
                          "الأخبار المنشورة بعد إضافته)",
                          "(A new source's first poll: its {new} were stored for search, not "
                          "sent to followers, nor is anything published before it was added "
                          "that a later poll stores; articles published after that are sent)"),
    # X135: what a later poll stored as backfill (a new source's backlog, old or gone pages),
    # counted among «new» and said nowhere
    "ingest_backfill": ("(حُفظ منها للبحث دون إرسال: {count} — نُشرت أو كانت في الخلاصة قبل "
                        "إضافة مصادرها، أو قبل أكثر من ٤٨ ساعة، أو حُذفت صفحاتها)",
                        "(Of them stored for search, not sent: {count} — published or listed "
                        "before their source was added, over 48 h old, or their pages gone)"),
    # QA55-12: a site's correction in place (a toll) was taken, and the report did not say so
    "ingest_corrected": ("(أخبار صحّحتها مواقعها فحُفظ نصّها الجديد: {count})",
                         "(Stories their sites corrected, new text stored: {count})"),
    "ingest_dropped": ("(تُرك {dropped} من الأخبار الأقدم للجلب التالي: يُحفظ من كل خلاصة في الجلب "
                       "الواحد {cap} من الأخبار الجديدة على الأكثر، MAX_ENTRIES_PER_FEED)",
                       "({dropped} left for the next poll: at most {cap} new entries of one feed "
                       "are stored per poll, MAX_ENTRIES_PER_FEED)"),
    "ingest_interrupted": ("⚠️ توقف الجلب قبل أن يكتمل؛ أعد المحاولة بـ /ingest",
                           "⚠️ The poll stopped before it finished (the bot was restarted);"
                           " try again with /ingest"),
    "ingest_failed": ("⚠️ فشل الجلب: {error}", "⚠️ The poll failed: {error}"),
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
    # the offline demo (QA60-21): it fetched the sample site once and polls on no schedule
    "next_poll_on_demand": ("الجلب التالي: لا جلب مجدول في العرض التجريبي؛ أرسل /ingest ليجلب"
                            " الآن", "Next poll: none — the demo polls on no schedule; send"
                            " /ingest to poll now"),
    "next_poll_within": ("خلال {minutes}", "within {minutes}"),  # bot.i18n.amount: «٧ دقائق»
    "ingest_running_new": ("المصادر التي لم تُجلب بعد ({count}) ليست في الجلب الجاري: أرسل "
                           "/ingest بعد انتهائه",
                           "Sources never fetched yet ({count}) are not in the running poll: "
                           "send /ingest once it is over"),
    "pages_failing": ("⚠️ صفحات أخباره لا تُجلب ({failed} من {total} في ٢٤ ساعة)، فأخباره بلا "
                      "مقدمة ولا اقتباسات: {reason}",
                      "⚠️ Its article pages are not fetched ({failed} of {total} in 24 h), so "
                      "its stories have no lead and no quotes: {reason}"),
    # under a source whose feed lists more than a poll reads: the newest are read, the others
    # skipped for good (digests.feed_cut; X50)
    "feed_cut": ("📜 تسرد الخلاصة {listed}؛ تُقرأ أحدثها فقط ({read}) ويُترك {skipped} أقدم "
                 "منها دون قراءة.",
                 "📜 The feed lists {listed} entries; only the newest ({read}) are read, {skipped}"
                 " older ones are skipped."),
    # QA35 L1: told to the admins once when a source has failed SOURCE_ALERT_HOURS, once when
    # it recovers (bot.source_alerts); /stats' line while any fails
    "source_down_alert": ("⚠️ المصدر «{name}» (رقم {number}) يتعثر: آخر جلب ناجح له {since}، في {when}"
                          "؛ المحاولات الفاشلة المتتالية: {failures}.\nآخر خطأ: {error}\nما العمل: نعيد المحاولة "
                          "تلقائيًا؛ إن طال العطل فتحقق من الرابط في /sources، أو أوقف المصدر: "
                          "/removesource {id}. ستأتي رسالة واحدة أخرى حين يعود.",
                          "⚠️ Source «{name}» (no. {number}) is failing: last fetched {since}, "
                          "at {when}, then {failures} in a row.\nLast error: {error}\nWhat to "
                          "do: it is retried by itself; if it lasts, check its link in /sources, "
                          "or pause it: /removesource {id}. One more message comes when it is "
                          "back."),
    "source_back_alert": ("✅ عاد المصدر «{name}» (رقم {number}) يعمل، بعد عطل بدأ {since}.",
                          "✅ Source «{name}» (no. {number}) works again, after a failure that began "
                          "{since}."),
    # «يتعثر», never «متوقف»: that is /sources' word for a source the admin paused (QA58-9)
    "stats_sources_down_one": ("⚠️ مصدر واحد يتعثر (فشل جلبه مرتين متتاليتين أو أكثر، ويُعاد "
                               "تلقائيًا): {names} — التفاصيل: /sources",
                               "⚠️ 1 source failing (2 or more polls in a row; retried by "
                               "itself): {names} — details: /sources"),
    "stats_sources_down_few": ("⚠️ {n} مصادر تتعثر (فشل جلبها مرتين متتاليتين أو أكثر، وتُعاد "
                               "تلقائيًا): {names} — التفاصيل: /sources",
                               "⚠️ {n} sources failing (2 or more polls in a row; retried by "
                               "themselves): {names} — details: /sources"),
    "stats_sources_down_many": ("⚠️ مصادر تتعثر ({n}؛ فشل جلبها مرتين متتاليتين أو أكثر، وتُعاد "
                                "تلقائيًا): {names} … — التفاصيل: /sources",
                                "⚠️ {n} sources failing (2 or more polls in a row; retried by "
                                "themselves): {names} … — details: /sources"),
    # QA35 L3: under a source whose feed moved for good (301/308 at several polls in a row)
    "feed_moved": ("↪️ انتقلت الخلاصة نهائيًا (تحويل دائم) وحُفظ عنوانها الجديد أدناه؛ كان: {old}",
                   "↪️ The feed moved for good (permanent redirect); its new address is below. It "
                   "was: {old}"),
    # X58 (QA40 N2): several links in one /addsource are each added, never one named after
    # the others; /renamesource repairs a name
    "addsource_several": ("⏳ روابط في رسالة واحدة: {n} — أتحقق من كل رابط وأضيفه على حدة، "
                          "ويصلك جواب لكل رابط.",
                          "⏳ {n} links in one message: each is checked and added on its own, "
                          "with one answer per link."),
    "addsource_several_cut": ("⚠️ أكثر من {max} رابطًا: أُخذت أول {max} فقط؛ أرسل الباقي في "
                              "/addsource أخرى.",
                              "⚠️ More than {max} links: only the first {max} are taken; send "
                              "the rest in another /addsource."),
    "addsource_several_words": ("الكلمات بين الروابط لا تصير أسماء: يُسمّى كل مصدر بعنوان "
                                "خلاصته؛ لتغيير اسم: /renamesource رقم اسم",
                                "Words between the links are not taken as names: each source "
                                "takes its feed's title; to change a name: /renamesource NUMBER "
                                "NAME"),
    "addsource_several_done": ("انتهت الروابط ({n}): أُضيف {added}، وتعذّر {failed}. "
                               "التفاصيل في الأجوبة أعلاه و/sources",
                               "Links done ({n}): {added} added, {failed} could not be. Details "
                               "in the answers above and /sources"),
    # a paused source added again is resumed, and counted so (QA58-12)
    "addsource_several_done_resumed": ("انتهت الروابط ({n}): أُضيف {added}، وأُعيد تفعيل "
                                       "{resumed}، وتعذّر {failed}. التفاصيل في الأجوبة أعلاه "
                                       "و/sources",
                                       "Links done ({n}): {added} added, {resumed} resumed, "
                                       "{failed} could not be. Details in the answers above and "
                                       "/sources"),
    "renamesource_usage": ("الاستخدام: /renamesource رقم اسم — مثل: /renamesource ٣ بي بي سي "
                           "عربي (الأرقام في /sources)",
                           "Usage: /renamesource NUMBER NAME, such as: /renamesource 3 BBC "
                           "Arabic (the numbers are in /sources)"),
    "renamesource_link": ("الاسم لا يكون رابطًا: {name}\nلإضافة رابط: /addsource رابط",
                          "A name cannot be a link: {name}\nTo add a link: /addsource URL"),
    # QA44 T1/T2: a name readers can see, of a bounded length, and no other source's
    "renamesource_empty": ("الاسم فارغ بعد حذف علامات الاتجاه الخفية؛ اكتب اسمًا بحروف ظاهرة: "
                           "/renamesource رقم اسم",
                           "The name is empty once its invisible direction marks are removed; "
                           "write a name with visible letters: /renamesource NUMBER NAME"),
    "renamesource_long": ("الاسم طويل: {n}، والحد {max} لأنه يظهر في كل سطر مصدر؛ "
                          "اختر اسمًا أقصر",
                          "The name is too long: {n} characters; the limit is {max}, since it "
                          "heads every source line. Choose a shorter name"),
    "renamesource_taken": ("الاسم «{name}» هو اسم المصدر {other} نفسه، ولن يفرّق القراء بينهما؛ "
                           "اختر اسمًا آخر",
                           "«{name}» is already the name of source {other}; readers could not "
                           "tell the two apart. Choose another name"),
    # QA52 R10: a name a reader cannot tell from another's («BВC» with a Cyrillic В, «الجزيره»)
    "renamesource_alike": ("الاسم «{name}» يُقرأ كاسم المصدر {other} «{other_name}» (حروف متشابهة "
                           "أو كتابة أخرى للكلمة نفسها)، ولن يفرّق القراء بينهما؛ اختر اسمًا آخر",
                           "«{name}» reads as the name of source {other}, «{other_name}» "
                           "(look-alike letters or another spelling of the same word); readers "
                           "could not tell the two apart. Choose another name"),
    "renamesource_ok": ("✏️ صار اسم المصدر {id}: {name} (كان: {old})",
                        "✏️ Source {id} is now named: {name} (was: {old})"),
    # X58 (QA40 N4): a poll whose outcome the database would not take
    "sources_unstored": ("⚠️ الجلب الأخير ({when} UTC) لم يُحفظ: {fault}. حالات المصادر أدناه من "
                         "قبله.",
                         "⚠️ The last poll ({when} UTC) could not be stored: {fault}. The states "
                         "below predate it."),
    # X58 (QA40 N13): past SOURCES_LISTED, /sources N lists page N
    "sources_page_next": ("الصفحة {page} من {pages} — التالية: /sources {next}",
                          "Page {page} of {pages} — next: /sources {next}"),
    "sources_page_last": ("الصفحة {page} من {pages} — الأولى: /sources",
                          "Page {page} of {pages} — the first: /sources"),
}
