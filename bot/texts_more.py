"""Texts (Arabic, English) of the line counting the stories a delivered digest does not show
(X55; QA36/X51 E6).

It read «و٢٤ خبرًا آخر — في الزر أدناه» / "And 24 more stories — in the button below": a
fragment joined by a dash, which a screen reader reads as a broken phrase. Each wording is now
a whole sentence in both languages, worded so that it agrees with any count («وهناك
خبر آخر …» / «وهناك ٢٤ خبرًا آخر …»; "The button below shows 1 more story."). The count
itself is bot.render.more_count's («٢٤ خبرًا آخر» / "24 more stories").

A table of its own (merged by bot.i18n), not in bot/texts_reading.py (another helper's file
this session); the old «bundle_more_*» keys there are no longer used.
"""

from __future__ import annotations

# key → (Arabic, English); {count} is more_count's, {topic} the followed topic as typed
TEXTS: dict[str, tuple[str, str]] = {
    # the courier attaches a button that sends exactly these stories (QA17 R2)
    "more_line_button": ("وهناك {count} في الزر أدناه.",
                         "The button below shows {count}."),
    "more_line_button_topic": ("وهناك {count} في الزر أدناه، وكل أخبار «{topic}» في"
                               " /search {topic}.",
                               "The button below shows {count}; /search {topic} shows every"
                               " story of «{topic}»."),
    # no button (its id could not be stored): no promise of one; /digest holds the top
    # stories now, not necessarily these
    "more_line_hint": ("وهناك {count} خارج هذه الرسالة، وأهم الأخبار الآن في /digest.",
                       "This message leaves out {count}; /digest has the top stories now."),
    "more_line_hint_topic": ("وهناك {count} في /search {topic}.",
                             "/search {topic} shows {count}."),
    # a pressed button whose data the bot never makes (forged, QA65-9): neither «expired» nor
    # «no longer kept», which say a button or a story existed (bot.buttons.refusal_key)
    "button_invalid": ("هذا الزر لا يعمل. أعد الطلب من جديد.",
                       "This button does not work. Ask again."),
}
