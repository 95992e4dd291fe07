"""Handlers for readers: /start (and deep links), /help, topic questions, /subscribe,
/unsubscribe, /topics, /digest, and the bot's own membership changes.

Any plain text in a private chat is a topic question answered from the archive (best matching
stories, one page at a time, with buttons to follow the topic, see more, and open a story's
related links). Buttons carry opaque ids; bot.buttons resolves them and runs the `ACTIONS`
declared at the end of this module. In groups only the group's admins change subscriptions;
channels (where only admins post) may too. /settings and /lang live in bot.preferences.
"""

from __future__ import annotations

import base64
import binascii
import logging
from typing import Any

from telegram import InlineKeyboardButton, Update
from telegram.constants import ChatMemberStatus
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot import callbacks
from bot.callbacks import Callback
from bot.i18n import ADMIN_COMMANDS, EXAMPLE_TOPICS, READER_COMMANDS, num, t
from bot.preferences import hour_label
from bot.lines import escape_text
from bot.render import render_bundle, render_related, render_results
from bot.runtime import (
    Action,
    Runtime,
    button,
    chat_lang,
    edit_or_send,
    enter,
    ensure_chat,
    keyboard,
    may_change,
    refuse_group,
    rtl,
    runtime,
    send,
    ui,
)
from bot.stories import digest_by_article, latest_digests, search_page
from digests import outbox, subscriptions
from digests.errors import QueryError
from digests.query import lone_name

log = logging.getLogger(__name__)

PAGE_SIZE = 5
DIGEST_STORIES = 8
DEEP_LINK_PREFIX = "t-"


# ---------------------------------------------------------------------------------------------
# Deep links: t.me/<bot>?start=<payload>; payloads are [A-Za-z0-9_-]{1,64}, so an Arabic topic
# travels as base64url of its UTF-8 after a "t-" marker (24 Arabic letters fit).


def encode_start_payload(topic: str) -> str:
    """The /start payload that subscribes to `topic` (raises ValueError when over 64 chars)."""
    raw = base64.urlsafe_b64encode(topic.encode("utf-8")).decode("ascii").rstrip("=")
    payload = DEEP_LINK_PREFIX + raw
    if len(payload) > 64:
        raise ValueError("topic too long for a deep link")
    return payload


def decode_start_payload(payload: str) -> str:
    """The topic of a /start payload: "t-" + base64url, else the ASCII words themselves."""
    if payload.startswith(DEEP_LINK_PREFIX):
        raw = payload[len(DEEP_LINK_PREFIX):]
        try:
            return base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode("utf-8").strip()
        except (binascii.Error, ValueError):
            return ""
    return payload.replace("_", " ").strip()


def _topic_label(topic: str, lang: str) -> str:
    return topic or t("general", lang)


# ---------------------------------------------------------------------------------------------
# /start, /help


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start [payload]: follow a deep-linked topic if any, then the welcome and example topics."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    if context.args:
        topic = decode_start_payload(" ".join(context.args))
        if topic:
            await _subscribe(update, context, rt, topic, lang, deep_link=True)
    rows = [[button(rt, chat.id, topic, "search", {"query": topic})
             for topic in EXAMPLE_TOPICS[i:i + 3]] for i in range(0, len(EXAMPLE_TOPICS), 3)]
    await send(update, context, ui(lang, "welcome"), keyboard(rows))


def help_text(lang: str, *, admin: bool, bot_username: str) -> str:
    """Every command with its description; admin commands for admins."""
    idx = 1 if lang == "ar" else 2
    lines = [f"<b>{escape_text(t('help_header', lang))}</b>"]
    lines += [f"/{c[0]} — {escape_text(c[idx])}" for c in READER_COMMANDS]
    if admin:
        lines.append(f"<b>{escape_text(t('help_admin_header', lang))}</b>")
        lines += [f"/{c[0]} — {escape_text(c[idx])}" for c in ADMIN_COMMANDS]
    lines.append(escape_text(t("help_footer", lang, bot=bot_username)))
    lines.append(escape_text(t("help_other_language", lang)))
    html = "\n".join(lines)
    return rtl(html) if lang == "ar" else html


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: every command (admin commands too, for admins)."""
    rt = runtime(context)
    ensure_chat(rt, update)
    lang = chat_lang(rt, update)
    user = update.effective_user
    await send(update, context, help_text(lang, admin=rt.is_admin(user.id if user else None),
                                          bot_username=context.bot.username or "bot"))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command the bot does not know: show /help rather than nothing."""
    await help_command(update, context)


async def my_chat_member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The bot was added to a group or channel (record it), or removed / blocked (deactivate)."""
    change = update.my_chat_member
    if change is None:
        return
    rt = runtime(context)
    ensure_chat(rt, update)
    status = change.new_chat_member.status
    if status in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED):
        outbox.deactivate_chat(rt.db, change.chat.id, f"bot {status}", rt.now())


async def chat_migrated(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A group became a supergroup: its subscriptions, queue and buttons take the new id."""
    message = update.effective_message
    if message is None or not message.migrate_to_chat_id:
        return
    rt = runtime(context)
    old, new = message.chat.id, message.migrate_to_chat_id
    outbox.move_chat(rt.db, old, new)
    callbacks.move_chat(rt.db, old, new)


# ---------------------------------------------------------------------------------------------
# Topic questions


async def topic_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any plain text in a private chat: answer with the best matching stories."""
    message = update.effective_message
    if message is None or not message.text:
        return
    rt = runtime(context)
    ensure_chat(rt, update)
    await answer_topic(update, context, rt, message.text.strip(), offset=0, edit=False)


async def answer_topic(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                       query: str, *, offset: int, edit: bool) -> None:
    """Send (or, for «المزيد», edit in place) one page of results for `query`."""
    chat = update.effective_chat
    assert chat is not None
    lang = chat_lang(rt, update)
    now = rt.now()
    query = query[:200]
    try:
        page = search_page(rt.db, query, offset=offset, limit=PAGE_SIZE, now=now)
    except QueryError:
        name = lone_name(query)  # «علي» alone: the preposition «على» has the same key
        await send(update, context, ui(lang, "name_alone", name=name) if name
                   else ui(lang, "nothing_searchable", query=query[:100]))
        return
    if not page.digests:
        if offset:
            if update.callback_query:
                await update.callback_query.answer(t("no_more", lang))
            return
        rows: list[list[InlineKeyboardButton]] = [
            [button(rt, chat.id, s, "search", {"query": s})] for s in page.suggestions[:5]]
        text = ui(lang, "nothing_found", query=query[:100])
        if page.suggestions:
            text += "\n" + ui(lang, "did_you_mean")
        rows.append([button(rt, chat.id, t("btn_subscribe", lang), "subscribe",
                            {"topic": query})])
        await send(update, context, text, keyboard(rows))
        return
    messages = render_results(page.digests, lang, now, query=query, offset=offset,
                              total=page.total, total_exact=page.total_exact)
    related_buttons = [button(rt, chat.id, t("btn_related", lang, n=num(offset + i + 1, lang)),
                              "related", {"article_id": d.article_id})
                       for i, d in enumerate(page.digests) if d.related and d.article_id]
    rows = [related_buttons[i:i + 3] for i in range(0, len(related_buttons), 3)]
    last_row = [button(rt, chat.id, t("btn_subscribe", lang), "subscribe", {"topic": query})]
    if page.has_more:
        last_row.append(button(rt, chat.id, t("btn_more", lang), "more",
                               {"query": query, "offset": offset + len(page.digests)}))
    rows.append(last_row)
    markup = keyboard(rows)
    if edit and len(messages) == 1:  # «المزيد»: the page replaces the one whose button was pressed
        await edit_or_send(update, context, messages[0], markup)
        return
    for i, html in enumerate(messages):
        await send(update, context, html, markup if i == len(messages) - 1 else None)


# ---------------------------------------------------------------------------------------------
# Subscriptions


async def _subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime, topic: str,
                     lang: str, *, deep_link: bool = False) -> None:
    chat = update.effective_chat
    assert chat is not None
    if not await may_change(update, context):
        await refuse_group(update, context, lang)
        return
    try:
        sub, created = subscriptions.subscribe(rt.db, chat.id, topic, now=rt.now())
    except subscriptions.TooManyTopics:
        await send(update, context, ui(lang, "too_many_topics",
                                       n=num(subscriptions.MAX_SUBSCRIPTIONS, lang)))
        return
    except QueryError:
        await send(update, context, ui(lang, "nothing_searchable", query=topic[:100]))
        return
    label = _topic_label(sub.topic, lang)
    if deep_link and created:
        text = ui(lang, "deep_link_subscribed", topic=label)
    else:
        text = ui(lang, "subscribed" if created else "already_subscribed", topic=label)
    link = share_link(context.bot.username, sub.topic)
    if created and not deep_link and link:
        text += "\n" + ui(lang, "share_link", link=link)
    if update.callback_query:
        await update.callback_query.answer(t("done", lang))
    await send(update, context, text)


def share_link(bot_username: str | None, topic: str) -> str | None:
    """https://t.me/<bot>?start=<payload>: opening it follows `topic` (None if it cannot)."""
    if not bot_username or not topic:
        return None
    try:
        return f"https://t.me/{bot_username}?start={encode_start_payload(topic)}"
    except ValueError:
        return None


async def subscribe_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/subscribe [TOPIC]: follow TOPIC, or the general digest without one."""
    rt = runtime(context)
    ensure_chat(rt, update)
    lang = chat_lang(rt, update)
    await _subscribe(update, context, rt, " ".join(context.args or []), lang)


async def unsubscribe_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/unsubscribe [TOPIC]: stop following TOPIC, or choose among the chat's topics."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    if not await may_change(update, context):
        await refuse_group(update, context, lang)
        return
    topic = " ".join(context.args or []).strip()
    if topic:
        removed = subscriptions.unsubscribe(rt.db, chat.id, topic)
        await send(update, context, ui(lang, "unsubscribed" if removed else "not_subscribed",
                                       topic=topic))
        return
    subs = subscriptions.list_subscriptions(rt.db, chat.id)
    if not subs:
        await send(update, context, ui(lang, "no_subscriptions"))
        return
    rows = [[button(rt, chat.id, "❌ " + _topic_label(s.topic, lang), "unsub", {"id": s.id})]
            for s in subs]
    await send(update, context, ui(lang, "choose_unsubscribe"), keyboard(rows))


async def topics_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/topics: the chat's subscriptions and how they are delivered."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    subs = subscriptions.list_subscriptions(rt.db, chat.id)
    if not subs:
        await send(update, context, ui(lang, "no_subscriptions"))
        return
    lines = [ui(lang, "topics_header")]
    lines += [rtl("• " + escape_text(_topic_label(s.topic, lang))) for s in subs]
    if chat.mode == "daily":
        lines.append(ui(lang, "topics_mode_daily", hour=hour_label(chat.daily_hour, lang)))
    else:
        lines.append(ui(lang, "topics_mode_instant"))
    await send(update, context, "\n".join(lines))


async def digest_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """My digest now: the latest stories of my subscriptions (top stories without any)."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    now = rt.now()
    subs = subscriptions.list_subscriptions(rt.db, chat.id)
    digests = []
    seen: set[int] = set()

    def add(items: list[Any]) -> None:
        for d in items:
            key = d.story_id if d.story_id is not None else -(d.article_id or 0)
            if key not in seen:
                seen.add(key)
                digests.append(d)

    for sub in subs:
        if sub.topic:
            try:
                add(list(search_page(rt.db, sub.topic, offset=0, limit=3, now=now).digests))
            except QueryError:
                continue
        else:
            add(latest_digests(rt.db, now=now, limit=DIGEST_STORIES))
    if not subs:
        await send(update, context, ui(lang, "digest_no_subs"))
        add(latest_digests(rt.db, now=now, limit=DIGEST_STORIES))
    if not digests:
        await send(update, context, ui(lang, "digest_empty"))
        return
    digests.sort(key=lambda d: d.published_at.timestamp() if d.published_at else 0,
                 reverse=True)
    for html in render_bundle(digests[:DIGEST_STORIES], lang, now, header=True):
        await send(update, context, html)


async def _act_search(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                      cb: Callback, lang: str) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    await answer_topic(update, context, rt, str(cb.payload.get("query", "")), offset=0,
                       edit=False)


async def _act_more(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                    cb: Callback, lang: str) -> None:
    assert update.callback_query is not None
    offset = int(cb.payload.get("offset", 0))
    await answer_topic(update, context, rt, str(cb.payload.get("query", "")), offset=offset,
                       edit=True)
    await _answer_quietly(update)


async def _answer_quietly(update: Update) -> None:
    try:
        assert update.callback_query is not None
        await update.callback_query.answer()
    except BadRequest:
        pass  # already answered (e.g. "no more results")


async def _act_related(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                       cb: Callback, lang: str) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    digest = digest_by_article(rt.db, int(cb.payload.get("article_id", 0)))
    if digest is None or not digest.related:
        await send(update, context, ui(lang, "no_related"))
        return
    await send(update, context, render_related(digest, lang, rt.now()))


async def _act_subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                         cb: Callback, lang: str) -> None:
    await _subscribe(update, context, rt, str(cb.payload.get("topic", "")), lang)


async def _act_unsub(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                     cb: Callback, lang: str) -> None:
    assert update.callback_query is not None
    if not await may_change(update, context):
        await refuse_group(update, context, lang)
        return
    sub = subscriptions.unsubscribe_id(rt.db, cb.chat_id, int(cb.payload.get("id", 0)))
    await update.callback_query.answer(t("done", lang))
    if sub is None:
        return
    await send(update, context, ui(lang, "unsubscribed", topic=_topic_label(sub.topic, lang)))


ACTIONS: dict[str, Action] = {
    "search": _act_search,
    "more": _act_more,
    "related": _act_related,
    "subscribe": _act_subscribe,
    "unsub": _act_unsub,
}
