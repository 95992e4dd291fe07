"""A chat's arrival and departure: /start (with deep links), /help and unknown commands, and the
bot's own membership changes (added to a group or channel, removed or blocked, a group migrating
to a supergroup).

Every /start shows the welcome and example topics as buttons, which bot.answers answers. With a
deep-link payload the link's answer comes last, the thing the reader came for at the bottom of
the screen (QA74-4: its «🔔 تابع» was buried under the welcome and its five topics): the welcome
before it only for a chat new to the bot (or back after blocking it), a reader who knows the bot
gets the answer alone — it follows the topic, asks first, or says why not (bot.following decodes
the payload; one it cannot decode is said to be not understood). A t.me link to the bot pasted
into a chat acts the same, without the welcome (`start_with`).
In groups the welcome and /help say «اكتبوا /search الغوطة» (plain text there is not a
question), and speak to the group: «أهلًا بكم», «جرّبوا», «/topics — المواضيع التي تتابعها
المجموعة». Added to a group, the bot introduces itself once (`my_chat_member`).

Private messages that are not new text (a photo, a voice note, an edit) are bot.other_messages'.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import RetryAfter, TelegramError
from telegram.ext import ContextTypes

from bot import callbacks, chat_holds, hold_resumption, zones
from bot.command_guess import offer
from bot.deep_links import decode_start_payload, holds_address
from bot.following import subscribe
from bot.i18n import (
    ADMIN_COMMANDS,
    EXAMPLE_TOPICS,
    GROUP_COMMANDS,
    READER_COMMANDS,
    chat_worded,
    list_sep,
    num,
    t,
    topic_label,
)
from bot.lines import escape_text
from bot.topic_follows import would_follow
from bot.topic_lists import unsubscribe_list
from bot.runtime import (
    BIDI_OVERRIDES,
    Runtime,
    button,
    chat_lang,
    ensure_chat,
    enter,
    keyboard,
    may_change,
    own_lang,
    refuse_group,
    rtl,
    runtime,
    send,
    ui,
)
from digests import outbox_states, subscriptions
from digests.errors import QueryError
from digests.reader_text import echo, strip_markup
from digests.search import search

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------
# /start, /help


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start [payload]: the welcome and example topics, then a deep-linked topic's answer if
    any (the welcome only to a chat new to the bot or back: `start_with`). A private reader back
    after blocking the bot (or after Telegram lost their chat) is told which topics they still
    follow (`still_following`, QA20 O8)."""
    came_back = was_lost(runtime(context), update)
    new = update.effective_chat is not None and subscriptions.get_chat(
        runtime(context).db, update.effective_chat.id) is None
    entered = enter(update, context)  # makes the chat active again
    if entered is None:
        return
    rt, chat, lang = entered
    await start_with(update, context, rt, chat.id, lang, " ".join(context.args or []),
                     back=still_following(rt, chat.id, lang) if came_back else "",
                     welcome=new or came_back)


def was_lost(rt: Runtime, update: Update) -> bool:
    """Whether the update's private chat is recorded inactive (blocked the bot, or refused by
    Telegram for good) — read before the update makes it active again."""
    chat = update.effective_chat
    if chat is None or chat.type != ChatType.PRIVATE:
        return False
    known = subscriptions.get_chat(rt.db, chat.id)
    return known is not None and not known.active


def still_following(rt: Runtime, chat_id: int, lang: str) -> str:
    """«ما زلت تتابع: «الغوطة»، …» as Telegram HTML, or "" when the chat follows nothing."""
    topics = [sub.topic for sub in subscriptions.list_subscriptions(rt.db, chat_id)]
    if not topics:
        return ""
    named = list_sep(lang).join(
        f"«{topic_label(topic, lang, with_arabic=True)}»" for topic in topics[:MAX_TOPICS_NAMED])
    if len(topics) > MAX_TOPICS_NAMED:
        named += t("group_back_more", lang, n=num(len(topics) - MAX_TOPICS_NAMED, lang))
    # blocking was likely how they wanted to stop, so the welcome says how (QA20 O8)
    return ui(lang, "welcome_back", topics=named)


# The payload of the inline-mode button («no results»: open the bot); it follows nothing.
INLINE_PAYLOAD = "inline"


async def start_with(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                     chat_id: int, lang: str, payload: str, *, back: str = "",
                     welcome: bool = False) -> None:
    """/start with `payload` ("" for none): the welcome alone; with a link's payload, the
    welcome when `welcome` (a chat new to the bot, or back), then the link's answer, last
    (QA74-4): the deep-linked topic followed or asked, or a broken link («t-!!!», cut short when
    copied) said to be not understood. Also what a pasted t.me link to this bot does
    (bot.link_answers: no welcome)."""
    payload = payload.strip()
    if not payload or payload == INLINE_PAYLOAD:
        await send_welcome(update, context, rt, chat_id, lang, back=back)
        return
    if welcome:
        await send_welcome(update, context, rt, chat_id, lang, back=back)
    await answer_start_payload(update, context, rt, chat_id, lang, payload)


async def answer_start_payload(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                               chat_id: int, lang: str, payload: str) -> None:
    """A share link's answer: its topic followed, asked first, or refused with the reason."""
    topic = decode_start_payload(payload)
    if not topic:
        await send(update, context, ui(lang, "deep_link_broken"))
    elif holds_address(topic):  # a spam link: never followed nor repeated (QA65-6)
        await send(update, context, ui(lang, "deep_link_address"))
    elif in_group(update) and not await may_change(update, context):
        # a member's link: refused at once, as the follow itself would be — the «press to
        # follow» question posted to the whole group, naming any text, was no member's to ask
        # (QA76-14)
        await refuse_group(update, context, lang)
    elif (not link_topic_known(rt, chat_id, topic)  # asked, not followed at once (QA65-6)
          and would_follow(rt, topic).refusal is None):  # a press would follow (QA74-12)
        # no bidi override in the button either (QA14 F5; ui() drops them in the text, by
        # the same table)
        shown = echo(strip_markup(topic) or topic).translate(BIDI_OVERRIDES)
        await send(update, context, ui(lang, "deep_link_ask", topic=shown), keyboard([[
            button(rt, chat_id, t("deep_link_follow", lang, topic=shown), "subscribe",
                   {"topic": topic})]]))
    else:
        # known, or refused here with the reason the press would have given (QA74-12)
        await subscribe(update, context, rt, topic, lang, deep_link=True)


async def send_welcome(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                       chat_id: int, lang: str, *, back: str = "") -> None:
    """The welcome with the example topics as buttons; `back`: a returning reader's topics."""
    # «Ghouta (الغوطة)» in English: a name the reader can type back (QA26 N8)
    rows = [[button(rt, chat_id, topic_label(topic, lang, with_arabic=True), "search",
                    {"query": topic})
             for topic in EXAMPLE_TOPICS[i:i + 3]] for i in range(0, len(EXAMPLE_TOPICS), 3)]
    how = t("welcome_group" if in_group(update) else "welcome_private", lang)
    chat = update.effective_chat
    kind = chat.type if chat else None
    hello = t(chat_worded("hello", kind), lang)  # «أهلًا بكم» in a group
    try_these = t(chat_worded("try_these", kind), lang)  # «جرّبوا» in a group (QA10 F12)
    if kind == "private" and zones.chat_zone(rt.db, chat_id) == zones.ENGLISH_ZONE:
        # an English reader starts on UTC (brief X25): say so, and where to pick their zone —
        # before «Try one of these topics:», which the buttons follow (QA26 N16)
        try_these = t("zone_hint_utc", lang) + "\n" + try_these
    elif kind == "private":  # an Arabic reader starts on Riyadh's, and was never told (QA47 Z2)
        try_these = t("zone_hint", lang, zone=zones.chat_zone_words(
            rt.db, chat_id, lang, rt.now())) + "\n" + try_these
    text = ui(lang, "welcome", hello=hello, how=how, try_these=try_these)
    if in_group(update):  # members who read the other language: where it is changed (QA36 E10)
        # above «Try one of these topics:», which the buttons follow (QA51 L8)
        head, _, prompt = text.rpartition("\n")
        text = f"{head}\n{other_language_line(lang)}\n{prompt}"
    if back:  # a reader back after blocking the bot: their kept topics (QA20 O8), above
        # «جرّب أحد هذه المواضيع:», which the buttons follow (QA76-7: the colon pointed at it)
        head, _, prompt = text.rpartition("\n")
        text = f"{head}\n\n{back}\n{prompt}"
    await send(update, context, text, keyboard(rows))


def link_topic_known(rt: Runtime, chat_id: int, topic: str) -> bool:
    """Whether a share link's `topic` is followed at once: the chat follows it already, the
    archive has news of it, or it is no Arabic text (bot.following maps «syria» or refuses a
    Latin word). Anyone can mint a link, so a topic without news is asked first (QA65-6: «اربح
    ١٠٠٠$ الآن» was followed by opening the link); a text the search cannot read goes on to
    bot.following, which says why. News of it means every searchable word of it found (as the
    phrase or in one article): the search leaves out a word the archive lacks, or a name's end,
    and a common word added to any text found news of the rest (QA76-13: «انضموا لقناتنا فورا»
    was followed at once for the «فورا» of a ceasefire report)."""
    if not any("\u0600" <= ch <= "\u06ff" for ch in topic):
        return True
    if any(sub.topic == topic for sub in subscriptions.list_subscriptions(rt.db, chat_id)):
        return True
    try:
        found = search(rt.db.db, topic, limit=1, now=rt.now(), widen=False)
    except QueryError:
        return True
    return found.total > 0 and found.note not in _PART_FOUND


# the search's notes for an answer that holds only part of the words asked (digests.search)
_PART_FOUND = frozenset({"dropped", "trimmed", "pasted"})


def other_language_line(lang: str) -> str:
    """The line a group's welcome ends with for members who read the other language (QA36
    E10): a sentence in Arabic in an English group; in an Arabic group the bilingual line of
    /help («🌐 English / الإنجليزية: /lang»), which keeps the message's lines right to left."""
    return ui("ar", "welcome_group_other_language" if lang == "en" else "help_other_language")


def in_group(update: Update) -> bool:
    """A group or supergroup: the bot does not read its conversation, so topics are asked
    with /search there."""
    chat = update.effective_chat
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


# another name a command answers to, said beside it in /help (X61: /language, bot.handlers)
HELP_ALIASES = {"lang": "language"}


def help_text(lang: str, *, admin: bool, bot_username: str, group: bool = False) -> str:
    """Every command with its description; the operator's commands for an operator (`admin`)
    in a private chat — not in a group, where the answer is every member's and «المشرفين» are
    the group's own admins (QA67-9; as the «/» menu: bot.commands_chat). In a group the
    descriptions speak of the group («/topics — المواضيع التي تتابعها المجموعة», GROUP_COMMANDS)
    and the footer says /search TOPIC rather than «type any topic»."""
    idx = 1 if lang == "ar" else 2
    lines = [f"<b>{escape_text(t('help_header', lang))}</b>"]
    for command in READER_COMMANDS:
        words = GROUP_COMMANDS.get(command[0]) if group else None
        described = words[idx - 1] if words else command[idx]
        alias = HELP_ALIASES.get(command[0])
        named = f"/{command[0]}" + (f" {t('help_alias_or', lang)} /{alias}" if alias else "")
        lines.append(f"{named} — {escape_text(described)}")
        if command[0] == "settings":  # the zone picker at once (QA47 Z8), not in the menu
            lines.append(f"/zone {t('help_alias_or', lang)} /timezone — "
                         f"{escape_text(t('help_zone_group' if group else 'help_zone', lang))}")
    if admin and not group:
        lines.append(f"<b>{escape_text(t('help_admin_header', lang))}</b>")
        lines += [f"/{c[0]} — {escape_text(c[idx])}" for c in ADMIN_COMMANDS]
        # a pasted link is fetched for nobody, an admin either: the ways to a page (X80)
        lines.append(escape_text(t("help_admin_links", lang)))
    lines.append(escape_text(t("help_footer_group" if group else "help_footer", lang,
                               bot=bot_username)))
    if not group:
        lines.append(escape_text(t("help_other_language", lang)))
    html = "\n".join(lines)
    html = rtl(html) if lang == "ar" else html
    if group:  # who changes the group's language, in the other one (QA51 L8): a member
        # pointed to a bare /lang was refused; appended after rtl(), so it keeps its direction
        other = "en" if lang == "ar" else "ar"
        line = escape_text(t("help_other_language_group", other))
        html += "\n" + (rtl(line) if other == "ar" else line)
    return html


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: every command (admin commands too, for admins)."""
    rt = runtime(context)
    ensure_chat(rt, update)
    lang = chat_lang(rt, update)
    user = update.effective_user
    await send(update, context, help_text(lang, admin=rt.is_admin(user.id if user else None),
                                          bot_username=context.bot.username or "bot",
                                          group=in_group(update)))


# Commands readers type to silence a bot (QA26 N7): answered with how to stop the alerts here
STOP_COMMANDS = frozenset({"stop", "mute", "pause", "off", "quit"})


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command the bot does not know (a private chat): «/stop» and its like get how to stop
    the alerts with the «❌ topic» list; one near a known command is offered it as a button
    (bot.command_guess, QA54-6); any other is named as unknown above /help (QA26 N7: both got
    the bare help list)."""
    rt = runtime(context)
    ensure_chat(rt, update)
    lang = chat_lang(rt, update)
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    assert chat is not None
    word = (message.text or "").split(maxsplit=1)[0] if message and message.text else "/"
    if word[1:].partition("@")[0].lower() in STOP_COMMANDS:
        text, markup = unsubscribe_list(rt, chat.id, lang)
        # nothing followed: nothing to stop, and no «❌» buttons below to point at (QA76-17)
        stop = ui(lang, "stop_alerts") + "\n" if markup is not None else ""
        await send(update, context, stop + text, markup)
        return
    admin = rt.is_admin(user.id if user else None)
    hidden = frozenset() if admin else frozenset(row[0] for row in ADMIN_COMMANDS)
    typed = (message.text or "").split()[1:] if message else []
    near = offer(rt, context, chat.id, word[1:].partition("@")[0], typed, lang, hidden=hidden)
    if near is not None:  # «/subscripe الغوطه»: «هل تقصد /subscribe الغوطه؟» (QA54-6)
        await send(update, context, *near)
        return
    await send(update, context, ui(lang, "unknown_command", command=word[:40]) + "\n" + help_text(
        lang, admin=admin, bot_username=context.bot.username or "bot", group=in_group(update)))


# ---------------------------------------------------------------------------------------------
# Membership


_OUT = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)
_IN = (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)
MAX_TOPICS_NAMED = 5  # a group back with more subscriptions names the first ones and a count


async def my_chat_member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The bot was added to a group or channel (record it), or removed / blocked (deactivate).

    Added to a group, it introduces itself once, to the group (QA10 F9: members did not know
    what it does until someone typed /start); added again to a group that had followed topics,
    the same message says they are back (they were kept while it was away). Nothing is posted
    in a channel: its readers did not ask for the bot, its admins set it up by command.
    """
    change = update.my_chat_member
    if change is None:
        return
    rt = runtime(context)
    old_topics = [sub.topic for sub in subscriptions.list_subscriptions(rt.db, change.chat.id)]
    lost = chat_holds.lost_since(rt.db, change.chat.id)  # before ensure_chat makes it active
    ensure_chat(rt, update)
    status = change.new_chat_member.status
    if change.chat.type != ChatType.PRIVATE and not chat_holds.may_post(
            change.new_chat_member, change.chat.type):
        # removed, or may no longer post (QA49 M1/M2): held, its queue kept, its admins told
        kind = "removed" if status in _OUT else "rights"
        kept = chat_holds.hold_chat(rt.db, change.chat.id, f"bot {status}", rt.now())
        notices = rt.sender.courier.notices if rt.sender is not None \
            else chat_holds.HoldNotices(rt.settings.admin_ids,
                                         rt.settings.default_language)
        await notices.tell(context.bot, rt.db, change.chat.id, kind, kept, now=rt.now())
        return
    if status in _OUT:
        outbox_states.deactivate_chat(rt.db, change.chat.id, f"bot {status}", rt.now())
        return
    if lost is not None and change.chat.type != ChatType.PRIVATE:
        # it may post again (re-added, an admin again, unmuted): its news resumes, told
        by = change.from_user.id if change.from_user and not change.from_user.is_bot else None
        await hold_resumption.resume(context.bot, rt.db, change.chat.id, lost, rt.now(),
                                     rt.settings.admin_ids, by,
                                     default=rt.settings.default_language,
                                     by_code=change.from_user.language_code if by else None)
        if rt.sender is not None:
            rt.sender.wake()
    # A group or channel speaks its own choice (/lang, «🌐 لغة القناة»), else DEFAULT_LANGUAGE:
    # not the Telegram app of the admin who added it (QA58-4: an Arabic newsroom's channel set up
    # from an English phone posted to its readers in English, and nothing said so).
    if (change.old_chat_member.status in _OUT and status in _IN
            and change.chat.type == ChatType.CHANNEL):
        await _tell_channel_language(update, context, rt)
    if change.old_chat_member.status in _OUT and status in _IN and in_group(update):
        await introduce(update, context, chat_lang(rt, update), old_topics)
    elif (change.old_chat_member.status in _OUT and status in _IN
          and change.chat.type == ChatType.PRIVATE and old_topics):
        # unblocked: say what is still followed before any alert comes (QA20 O8)
        back = still_following(rt, change.chat.id, chat_lang(rt, update))
        try:
            await send(update, context, back)
        except RetryAfter:
            raise
        except TelegramError as exc:
            log.info("welcome back not sent chat=%s error=%s", change.chat.id, exc)


def intro_text(lang: str, topics: list[str]) -> str:
    """The group introduction (group-voiced), with the topics it follows again, if any."""
    text = t("group_intro", lang)
    if topics:
        named = list_sep(lang).join(
            f"«{topic or t('general', lang)}»" for topic in topics[:MAX_TOPICS_NAMED])
        if len(topics) > MAX_TOPICS_NAMED:
            named += t("group_back_more", lang, n=num(len(topics) - MAX_TOPICS_NAMED, lang))
        text += "\n" + t("group_back", lang, topics=named)
    html = escape_text(text)
    return rtl(html) if lang == "ar" else html


async def _tell_channel_language(update: Update, context: ContextTypes.DEFAULT_TYPE,
                                 rt: Runtime) -> None:
    """The admin who added the bot to a channel is told, in their private chat, which language
    its posts will be in and where to change it (QA58-4); nothing is posted in the channel."""
    change = update.my_chat_member
    assert change is not None
    adder = change.from_user
    if adder is None or adder.is_bot:
        return
    stored = subscriptions.get_chat(rt.db, change.chat.id)
    posts = stored.language if stored and stored.language else rt.settings.default_language
    lang = own_lang(rt, adder, rt.settings.default_language)
    text = ui(lang, "channel_added", title=change.chat.title or str(change.chat.id),
              language=t("language_en" if posts == "en" else "language_ar", lang))
    try:
        await context.bot.send_message(adder.id, text, parse_mode="HTML")
    except RetryAfter:
        raise
    except TelegramError as exc:  # never started the bot: Telegram refuses a first message
        log.info("channel language note not sent user=%s error=%s", adder.id, exc)


async def introduce(update: Update, context: ContextTypes.DEFAULT_TYPE, lang: str,
                    topics: list[str]) -> None:
    """Post the introduction; a group where the bot may not write is left alone (logged)."""
    chat = update.effective_chat
    try:
        # with the line in the other language pointing to /lang (QA36 E10)
        await send(update, context, intro_text(lang, topics) + "\n" + other_language_line(lang))
    except RetryAfter:
        raise  # on_error handles the update again after the wait
    except TelegramError as exc:  # restricted in the group: nothing to say it with
        log.info("group introduction not sent chat=%s error=%s", chat.id if chat else None, exc)


async def chat_migrated(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A group became a supergroup: its subscriptions, queue, settings (language, alert mode,
    time zone, quiet hours) and buttons take the new id — at the first of the two service
    messages (`migrate_to_chat_id` in the group, `migrate_from_chat_id` in the supergroup),
    through the one path a send's 400 takes too (digests.outbox_states.move_chat; QA31 G3)."""
    message = update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id:
        old, new = message.chat.id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id:
        old, new = message.migrate_from_chat_id, message.chat.id
    else:
        return
    rt = runtime(context)
    outbox_states.move_chat(rt.db, old, new)
    callbacks.move_chat(rt.db, old, new)
