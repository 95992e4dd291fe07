"""Strings of hours and zones as a reader is told them (QA47, brief X70): an hour named with
its zone («٧:٠٠ بتوقيت السعودية (UTC+3)»), the zone picker reached by /zone or by asking
«التوقيت», a stale zone button refused, and the heading of a day's news («أخبار أمس»).

Part of bot.i18n's tables by area (merged into STRINGS; call them through `bot.i18n.t`).
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # an hour's zone, after the hour (bot.zones.zone_words): «٧:٠٠ بتوقيت السعودية (UTC+3)»
    "zone_time": ("بتوقيت {name} ({offset})", "{name} time ({offset})"),
    "zone_time_utc": ("بالتوقيت العالمي (UTC)", "UTC"),
    "zone_time_fixed": ("بتوقيت {offset}", "{offset}"),
    # under a private chat's /start when its zone is not UTC (Arabic readers start on Riyadh's,
    # and were never told: QA47 Z2); a UTC chat keeps «zone_hint_utc»
    "zone_hint": ("🌐 الأوقات (النشرة اليومية وساعات الهدوء) {zone}. لتختار توقيتك: /zone",
                  "🌐 Times (the daily digest, quiet hours) are in {zone}. To pick your time "
                  "zone: /zone"),
    # a daily chat's change of hour or zone: when the next digest comes (QA47 Z9: after today's
    # digest the new hour starts tomorrow, and nothing said so)
    "next_digest_today": ("النشرة التالية: اليوم الساعة {hour}.",
                          "The next digest: today at {hour}."),
    "next_digest_tomorrow": ("النشرة التالية: غدًا الساعة {hour}.",
                             "The next digest: tomorrow at {hour}."),
    # a daily hour inside the quiet hours (QA54-16): it comes at its hour all the same
    "daily_in_quiet": ("وتصل في موعدها ولو في ساعات الهدوء.",
                       "It comes at that hour even in the quiet hours."),
    # an instant chat's change of zone or quiet hours ends or starts its quiet time (QA47 Z9)
    "quiet_released": ("التنبيهات المنتظرة في طريقها الآن.", "The waiting alerts are on their way."),
    "quiet_started": ("ساعات الهدوء الآن: تصل التنبيهات عند {hour}.",
                      "Quiet hours now: alerts come at {hour}."),
    # «/zone X» with X neither a zone of the picker nor an offset (bot.zone_typed)
    # a city two zones share («/zone عمان»: Amman or Oman; QA54-3), a button each
    "zone_typed_which": ("«{typed}»: أيّ توقيت تقصد؟", "«{typed}»: which of these time zones?"),
    # the zone typed is the one already set (QA54-9): named, «saved» alone said nothing
    "zone_as_before": ("✅ التوقيت: {zone}، كما كان.", "✅ Time zone: {zone}, as it was."),
    "zone_typed_unknown": ("لم أعرف التوقيت «{typed}». اختر من القائمة، أو اكتب فرقه عن UTC، مثل: "
                           "/zone +3",
                           "I do not know the time zone «{typed}». Pick one from the list, or "
                           "type its offset from UTC, such as: /zone +3"),
    "zone_fixed_note": ("هذا فرق ثابت لا يتبع التوقيت الصيفي. حيث تتغير الساعة صيفًا، الأفضل اختيار "
                        "البلد من القائمة: /zone",
                        "This is a fixed offset with no daylight saving time. Where the clocks "
                        "change in summer, the country from the list is better: /zone"),
    # /help's line under /settings: /zone and /timezone open the zone picker (QA47 Z8)
    "help_zone": ("اختيار التوقيت مباشرة", "Pick the time zone directly"),
    # a group's /help: members cannot change it, as /settings and /lang say (QA51 L11)
    "help_zone_group": ("اختيار توقيت المجموعة مباشرة (للمشرفين)",
                        "Pick the group's time zone directly (admins)"),
    # the zone picker's first line names the zone now set (/zone, «التوقيت», 🌐 in /settings)
    "zone_now": ("التوقيت الآن: {zone}", "Time zone now: {zone}"),
    # a zone button for a zone no longer offered (QA47 Z11): refused, not set to UTC+3
    "zone_gone": ("هذا التوقيت لم يعد بين الخيارات. اختر من القائمة.",
                  "That time zone is no longer offered. Pick one from the list."),
    # a delivered block dated by its story's first report, beside another report's source
    # (QA47 Z7: «BBC · منذ ١٧ ساعة» for a 10-minute-old BBC report)
    "first_report_time": ("أول خبر {when}", "first report {when}"),
    # the heading of a day's news («امبارح», "yesterday": QA47 Z5), the day named
    "days_news_yesterday": ("📰 أخبار أمس — {date}", "📰 Yesterday's news — {date}"),
    "days_news_today": ("📰 أخبار اليوم — {date}", "📰 Today's news — {date}"),
    "days_news_before": ("📰 أخبار {date}", "📰 News of {date}"),
    # that day had no news: said, and the latest follow under this line, not the day's title
    # (QA54-1: last week's stories came headed «📰 أخبار أمس» after a quiet day)
    "days_none_yesterday": ("📰 لم تصلني أخبار أمس ({date})؛ هذه أحدث الأخبار:",
                            "📰 No news reached me yesterday ({date}); here is the latest:"),
    "days_none_today": ("📰 لم تصلني أخبار اليوم ({date}) بعد؛ هذه أحدث الأخبار:",
                        "📰 No news reached me today ({date}) yet; here is the latest:"),
    "days_none_before": ("📰 لم تصلني أخبار يوم {date}؛ هذه أحدث الأخبار:",
                         "📰 No news reached me on {date}; here is the latest:"),
    # a day not come yet («أخبار ٥ آذار ٢٠٣٠», X87: today's digest came with no word): said,
    # and the latest follow; its own title only if a feed dated a story so
    "days_news_future": ("📰 أخبار {date}", "📰 News of {date}"),
    "days_none_future": ("📰 لم يأتِ يوم {date} بعد؛ هذه أحدث الأخبار:",
                         "📰 {date} has not come yet; here is the latest:"),
    # a topic asked with a day word («سوريا امبارح»: QA47 Z4), its results limited to that day
    "topic_day_yesterday": ("🗓 أخبار أمس ({date}) فقط.", "🗓 Yesterday's news only ({date})."),
    "topic_day_today": ("🗓 أخبار اليوم ({date}) فقط.", "🗓 Today's news only ({date})."),
    "topic_day_before": ("🗓 أخبار {date} فقط.", "🗓 News of {date} only."),
    "topic_day_future": ("🗓 أخبار {date} فقط.", "🗓 News of {date} only."),
    # a month with no day («أخبار آذار», X84): the news is read a day at a time
    "month_alone": ("🗓 «{month}» شهر كامل، وأنا أعرض أخبار يوم بعينه: اكتب اليوم والشهر، مثل "
                    "«أخبار {day} {month}»، أو «أخبار أمس».",
                    "🗓 «{month}» is a whole month, and I show one day's news at a time: name "
                    "the day and the month, such as «news {day} {month}», or «news yesterday»."),
    "topic_day_none": ("لم أجد أخبارًا عن «{query}» يوم {date}. هذه آخر أخباره:",
                       "I found no news about «{query}» on {date}. Here is its latest news:"),
    "topic_day_none_future": ("لم يأتِ يوم {date} بعد. هذه آخر أخبار «{query}»:",
                              "{date} has not come yet. Here is the latest on «{query}»:"),
}
