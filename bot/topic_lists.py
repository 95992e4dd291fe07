"""A chat's topics shown: the /topics listing, the «❌ topic» picker, a channel's topics.

Each returns the text and its keyboard; bot.followed_topics and bot.channel_following answer the
commands and buttons with them. A topic reads as the reader's language names it (`shown_topic`:
«Ghouta (الغوطة)» for an English reader), a topic followed before today's query rules that
matches nothing is marked and can be removed (`matches_nothing`), and a typed /unsubscribe finds
such a topic by its text (`unsubscribe_as_written`).
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.channel_admin import Scope, channel_heading
from bot.i18n import chat_worded, t, topic_label
from bot.lines import close_rtl, escape_text
from bot.runtime import Runtime, button, keyboard, rtl, ui
from bot.settings_words import hour_label
from digests import subscriptions
from digests.arabic import normalize
from digests.errors import QueryError
from digests.reader_text import strip_markup
from digests.topic_keys import key_of


def shown_topic(topic: str, lang: str) -> str:
    """A followed topic as the reader sees it in lists, buttons and replies: an English reader
    who followed «Ghouta» sees "Ghouta (الغوطة)" (QA18 R18); Arabic readers, and topics without
    an English name, see the topic as stored."""
    return topic_label(topic, lang, with_arabic=True)


def list_line(line: str, lang: str) -> str:
    """A «• topic» line of a list: right to left in Arabic; in English left to right, the
    bullet on the left (QA19 N4: an RLM put it on the right of "Ghouta (الغوطة)")."""
    return rtl(line) if lang == "ar" else close_rtl(line)


def matches_nothing(topic: str) -> bool:
    """Whether a followed topic has nothing searchable under today's query rules: one followed
    before single letters and bare articles were refused («و», «ال»: QA10 F4). It matches no
    news (digests.topic_match.article_matches) and has no key to be found by, so /topics marks it
    and offers a ❌ button (a typed /unsubscribe finds it by its text: `unsubscribe_as_written`).
    It is not dropped silently: the reader chose it, and learns why it stays quiet where the
    list of what they follow is shown."""
    if not topic:
        return False  # the general digest
    try:
        key_of(topic)
    except QueryError:
        return True
    return False


def topics_listing(rt: Runtime, chat_id: int,
                    lang: str) -> tuple[str, InlineKeyboardMarkup | None]:
    """The /topics text: each topic (one that matches nothing marked, with a ❌ button to
    remove it) and how news is delivered; «follows nothing» when there is none."""
    subs = subscriptions.list_subscriptions(rt.db, chat_id)
    chat = subscriptions.get_chat(rt.db, chat_id)
    chat_type = chat.type if chat else "private"
    if not subs:
        return ui(lang, chat_worded("no_subscriptions", chat_type)), None
    lines = [ui(lang, chat_worded("topics_header", chat_type))]
    empty = [s for s in subs if matches_nothing(s.topic)]
    for s in subs:
        line = "• " + escape_text(shown_topic(s.topic, lang))
        if s in empty:
            line += " — " + escape_text(t("topic_matches_nothing", lang))
        lines.append(list_line(line, lang))
    if chat is not None and chat.mode == "daily":
        lines.append(ui(lang, "topics_mode_daily", hour=hour_label(chat.daily_hour, lang)))
    else:
        lines.append(ui(lang, "topics_mode_instant"))
    if not empty:
        return "\n".join(lines), None
    lines.append(ui(lang, "topics_remove_empty"))
    rows = [[button(rt, chat_id, remove_label(s.topic, lang), "unsub_topics",
                    {"id": s.id, "key": s.topic_key})]
            for s in empty]
    return "\n".join(lines), keyboard(rows)


def remove_label(topic: str, lang: str) -> str:
    """A button that stops following `topic`: «❌ إلغاء الغوطة» / "❌ Remove Ghouta" — the
    word says what ❌ alone («cross mark» to a screen reader) only showed (QA36 E9)."""
    return t("btn_remove_topic", lang, topic=topic)


def unsubscribe_list(rt: Runtime, chat_id: int,
                      lang: str) -> tuple[str, InlineKeyboardMarkup | None]:
    """The «❌ topic» list (or «you follow nothing» when it is empty)."""
    subs = subscriptions.list_subscriptions(rt.db, chat_id)
    chat = subscriptions.get_chat(rt.db, chat_id)
    chat_type = chat.type if chat else "private"
    if not subs:
        return ui(lang, chat_worded("no_subscriptions", chat_type)), None
    rows = [[button(rt, chat_id, remove_label(shown_topic(s.topic, lang), lang), "unsub",
                    {"id": s.id, "key": s.topic_key})] for s in subs]
    return ui(lang, chat_worded("choose_unsubscribe", chat_type)), keyboard(rows)


def unsubscribe_as_written(rt: Runtime, chat_id: int,
                            topic: str) -> subscriptions.Subscription | None:
    """Remove the chat's subscription whose stored topic reads as `topic` (Arabic folded, as
    digests.arabic.normalize folds it, spaces collapsed), or None.

    For a topic stored before today's query rules refused it: «و», «ال» or a stop-word alone
    have no key to match by (`matches_nothing`), yet the reader sees them in /topics and types
    them back; they are removed by their text. The general digest is never matched here."""
    typed = _as_written(topic)
    if not typed:
        return None
    for sub in subscriptions.list_subscriptions(rt.db, chat_id):
        if sub.topic and _as_written(sub.topic) == typed:
            return subscriptions.unsubscribe_id(rt.db, chat_id, sub.id, now=rt.now())
    return None


def _as_written(topic: str) -> str:
    """A topic compared by its text: normalized, without «» quotes around it, spaces collapsed."""
    return " ".join(normalize(strip_markup(topic) or topic).strip("«»\"'“” ").split())


def channel_topics(rt: Runtime, scope: Scope,
                   lang: str) -> tuple[str, InlineKeyboardMarkup | None]:
    """A channel's topics shown in a private chat (its menu from /channels): the channel named
    first, each topic with «❌» to stop following it, how to add one, and «↩️ رجوع» to the
    channel's settings."""
    chat = subscriptions.get_chat(rt.db, scope.target)
    subs = subscriptions.list_subscriptions(rt.db, scope.target)
    lines = [channel_heading(chat, lang, rt.settings.default_language)] if chat else []
    if subs:
        lines.append(ui(lang, "topics_header_channel"))
        for s in subs:
            line = "• " + escape_text(shown_topic(s.topic, lang))
            if matches_nothing(s.topic):
                line += " — " + escape_text(t("topic_matches_nothing", lang))
            lines.append(list_line(line, lang))
    else:
        lines.append(ui(lang, "channel_no_topics"))
    lines.append(ui(lang, "channel_topics_add"))
    rows = [[scope.button(rt, remove_label(shown_topic(s.topic, lang), lang), "unsub_topics",
                          {"id": s.id, "key": s.topic_key})] for s in subs]
    rows.append([scope.button(rt, t("btn_channel_add_topic", lang), "channel_add_topic")])
    rows.append([scope.button(rt, t("btn_back", lang), "settings_menu")])
    return "\n".join(lines), keyboard(rows)
