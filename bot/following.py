"""Following topics: /subscribe, its button, and the topic a deep link follows.

A chat follows topics (or the general digest, the empty topic) through digests.subscriptions;
new stories on them are pushed by the sender. In groups only the group's admins change
subscriptions; channels (where only admins post) may too. A deep link
t.me/<bot>?start=<payload> follows a topic when opened (bot.deep_links; /start is in
bot.welcome, a link pasted into a chat is bot.link_answers'), and the reply says how to stop. A
topic is stored without the words of asking at its ends («ما آخر أخبار الغوطة؟» is «الغوطة»,
digests.topic_keys.clean_topic); a topic cut to its stored length is echoed with «…». What a
typed topic comes to (its English name, the names a sentence holds, a refusal) is
bot.topic_follows'; this module words the answer. Replies speak to the chat as it is
(bot.i18n.chat_worded): «المجموعة تتابع «ترامب» بالفعل» in a group, «القناة …» in a channel,
«أنت تتابع …» in a private chat.

/topics, /unsubscribe and the ❌ buttons are bot.followed_topics'; a channel's topics added and
listed from a private chat (its menu there, /channels) are bot.channel_following's. The lists and
pickers these handlers show are bot.topic_lists'.
"""
from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.callbacks import Callback
from bot.channel_admin import Scope, may_manage, same_chat
from bot.deep_links import share_link
from bot.i18n import chat_worded, count_form, list_sep, num, t, topic_label, topic_list
from bot.latin_help import latin_miss, latin_synonym_in
from bot.mode_words import subscribed_key
from bot.quiet_notes import quiet_note
from bot.runtime import (
    Action,
    Runtime,
    button,
    chat_lang,
    ensure_chat,
    keyboard,
    may_change,
    refuse_group,
    runtime,
    send,
    ui,
)
from bot.topic_follows import follow
from bot.topic_lists import shown_topic
from digests import subscriptions
from digests.asked_topics import MAX_TOPIC_LETTERS, MAX_TOPIC_WORDS, asks_for_news
from digests.errors import QueryError
from digests.general_names import is_general_name
from digests.query import lone_name
from digests.reader_text import echo, links_in, strip_markup
from digests.several_topics import MAX_TOPICS, listed_topics
from digests.topic_keys import topic_was_cut
from digests.topic_names import is_adjective, name_in

log = logging.getLogger(__name__)

# Topics one /subscribe tries at most: a word that is no topic takes none of the MAX_TOPICS
# places (QA70-1), yet a message of 300 words must not cost 300 look-ups
MAX_TRIED = 3 * MAX_TOPICS


# ---------------------------------------------------------------------------------------------
# Subscriptions


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime, topic: str,
                    lang: str, *, deep_link: bool = False, scope: Scope | None = None) -> None:
    """Follow `topic` in this chat (refused in a group for non-admins) and say so, worded for
    the chat (`chat_worded`: «المجموعة تتابع …» in a group); from a deep link the reply says the
    link was followed, otherwise it offers the topic's share link. HTML tags around a topic are
    left out («<b>غزة</b>» is «غزة»); a link is answered as a pasted link is (never followed),
    and a number alone («١٢٣») is no topic. With a channel's `scope` (its topic added from a
    private chat, `channel_topic_reply`) the channel follows it, if the sender administers it,
    and the answer, worded for the channel, goes to the private chat."""
    chat = update.effective_chat
    assert chat is not None
    scope = scope or same_chat(chat.id)
    if not await may_manage(update, context, rt, scope, lang):
        return
    target, target_type = (scope.target, "channel") if scope.channel else (chat.id, chat.type)
    links = links_in(topic)
    if links:  # «/subscribe https://…/x»: the article's digest, with why nothing was followed
        from bot.link_answers import answer_link  # late: it builds on bot.welcome, this on us

        await _answer_button(update, lang)
        await answer_link(update, context, rt, links[0], lang, several=len(links) > 1,
                          lead=ui(lang, "link_not_topic"))
        return
    topic = strip_markup(topic) or topic
    if is_general_name(topic):  # «/subscribe النشرة العامة», as /help words it (QA40 N1)
        topic = ""
    listed = listed_topics(rt.db.db, topic) if topic else ()
    if listed:  # «سوريا، لبنان، مصر»: each followed, one answer (QA26 N2)
        await _answer_button(update, lang)
        await send(update, context, subscribe_several(update, rt, listed, lang, scope))
        return
    done = follow(rt, target, topic)
    if done.refusal in ("blank", "number", "too_long", "latin"):
        await _answer_button(update, lang)
    if done.refusal == "blank":  # only invisible marks (QA15 N8): no «»
        await send(update, context, ui(lang, "not_a_topic_blank"))
        return
    if done.refusal == "number":  # "" is the general digest
        await send(update, context, ui(lang, "not_a_topic", topic=echo(done.topic)))
        return
    if done.refusal == "too_long":  # a sentence or a pasted paragraph is no topic (QA10 F14)
        await send(update, context, too_long_text(done.topic, lang))
        return
    if done.refusal == "latin":  # a name in it («lebanon vote») is the example
        # none: no unrelated «Syria» for «Real Madrid» (QA36 E2); «brexit deal» (a link's
        # «brexit_deal») names «بريكست», the search's synonym (QA76-6)
        named = name_in(done.topic) or latin_synonym_in(done.topic)
        if named:
            await send(update, context, ui(lang, "latin_not_followed", topic=echo(done.topic),
                                           example=topic_label(named, lang)))
        else:  # the known names near it, or what to do (QA51 L5)
            # a channel's topic (asked in a private chat): a button here would follow it here
            await send(update, context, *latin_miss(rt, chat.id, done.topic, lang, follow=True,
                                                    offer=not scope.channel))
        return
    if done.refusal == "full":
        await send(update, context, ui(lang, chat_worded("too_many_topics", target_type),
                                       n=num(subscriptions.MAX_SUBSCRIPTIONS, lang)))
        return
    if done.refusal == "unsearchable":
        # «علي» alone is a name, not a particle: ask for the full name, as the chat does (QA23 S16)
        name = lone_name(done.topic)
        await send(update, context, ui(lang, "name_alone_follow", name=echo(name)) if name
                   else ui(lang, "nothing_searchable", query=echo(done.topic)))
        return
    topic = done.topic
    lead = None
    if done.latin:  # «syria» (a deep link, /subscribe Syria) is «سوريا»: the archive is Arabic
        lead = ui(lang, "latin_adjective" if is_adjective(done.latin) else "latin_mapped",
                  latin=echo(done.latin), topic=topic)
    sub, created = done.stored, done.created
    label = shown_topic(sub, lang)
    if created and topic_was_cut(topic):
        label += "…"  # stored at MAX_TOPIC_CHARS: the echo says it was cut
    if deep_link and created:
        text = ui(lang, "deep_link_subscribed", topic=label)
    else:
        key, hour = (subscribed_key(rt.db, target, "subscribed", lang, rt.now()) if created
                     else ("already_subscribed", {}))
        text = ui(lang, chat_worded(key, target_type), topic=label, **hour)
    if deep_link:  # a link opened again still says how to stop what it follows
        # named as the reader can type it back: «/unsubscribe Syria» in English (QA26 N1)
        text += "\n" + ui(lang, "deep_link_stop", topic=topic_label(sub, lang))
    link = share_link(context.bot.username, sub)
    if created and not deep_link and link and target_type != "channel":  # a public post there
        text += "\n" + ui(lang, chat_worded("share_link", chat.type), link=link)
    quiet = quiet_note(rt.db, target, lang, rt.now()) if created else None
    if quiet:  # «أولًا بأول» inside the quiet hours: say when the first alert comes (QA36 E4)
        text += "\n" + quiet
    if lead:
        text = lead + "\n" + text
    rows = []
    near = misspelt(rt, topic) if created else ()
    if near:  # «/subscribe اردغان»: the archive writes «أردوغان» (QA33 S6)
        text += "\n" + ui(lang, "did_you_mean")
        rows = [[button(rt, chat.id, "🔔 " + topic_label(s, lang, with_arabic=True), "subscribe",
                        {"topic": s})] for s in near]
    await _answer_button(update, lang, done=created)  # followed before: no «تم.» (QA26 N12)
    await send(update, context, text, keyboard(rows) if rows else None)


def misspelt(rt: Runtime, topic: str) -> tuple[str, ...]:
    """The spellings the search proposes for a topic just followed that the archive holds
    rarely or not at all («اردغان» → «أردوغان»: followed silently, it got 0 alerts while
    «أردوغان يتوعد …» arrived; QA33 S6); () when the archive knows it."""
    from digests.search import search  # late: the search is heavier than following
    from digests.suggestions import follow_spellings, suggest

    try:
        result = search(rt.db.db, topic, limit=1, now=rt.now())
    except QueryError:
        return ()
    found = result.suggestions or (() if result.hits else tuple(suggest(rt.db.db, topic)))
    # only the names as common as the best one: not «🔔 تراقب», «🔔 تراب» for «ترانب» (QA78-16)
    return tuple(follow_spellings(rt.db.db, [s for s in found if s and s != topic]))[:3]


def subscribe_several(update: Update, rt: Runtime, topics: tuple[str, ...], lang: str,
                      scope: Scope) -> str:
    """Follow each of `topics` (typed in one message) in the scope's chat, as /subscribe
    follows one (its English name mapped, a sentence read as the names it holds), MAX_TOPICS at
    most; the answer (HTML) lists what is now followed, what was followed before and what is no
    topic, names what the chat's limit or MAX_TOPICS left out (so it can be sent again), and
    says how to stop one."""
    chat = update.effective_chat
    assert chat is not None
    target, target_type = (scope.target, "channel") if scope.channel else (chat.id, chat.type)
    new: list[str] = []
    old: list[str] = []
    refused: list[str] = []
    unfollowed: tuple[str, ...] = ()  # not tried: the chat's limit or MAX_TOPICS came first
    full = tried = False  # tried: MAX_TRIED stopped it, fewer than MAX_TOPICS followed
    for at, typed in enumerate(topics):
        if len(new) + len(old) >= MAX_TOPICS or at >= MAX_TRIED:
            unfollowed, tried = topics[at:], len(new) + len(old) < MAX_TOPICS
            break
        done = follow(rt, target, typed)
        if done.refusal == "full":
            unfollowed, full = topics[at:], True
            break
        if done.refusal:  # no topic takes none of the MAX_TOPICS places (QA70-1)
            refused.append(typed)
            continue
        if done.created:
            new.append(done.stored)
        elif done.stored not in new and done.stored not in old:
            # «الريدز، ليفربول»: one topic, followed by this message, not «already» (QA52 R8)
            old.append(done.stored)
    log.info("several topics chat=%s typed=%d new=%d old=%d refused=%d", target, len(topics),
             len(new), len(old), len(refused))
    lines = []
    if len(new) == 1:
        key, hour = subscribed_key(rt.db, target, "subscribed", lang, rt.now())
        lines.append(ui(lang, chat_worded(key, target_type), topic=shown_topic(new[0], lang),
                        **hour))
    elif new:
        count = t("two_topics", lang) if len(new) == 2 else t("n_topics", lang,
                                                               n=num(len(new), lang))
        key, hour = subscribed_key(rt.db, target, "subscribed_several", lang, rt.now())
        lines.append(ui(lang, chat_worded(key, target_type), n=count,
                        topics=topic_list(new, lang, len(new)), **hour))
    if old:
        lines.append(ui(lang, chat_worded("already_several", target_type),
                        topics=topic_list(old, lang, len(old))))
    if refused:
        lines.append(ui(lang, "refused_one" if len(refused) == 1 else "refused_several",
                        topics=list_sep(lang).join(f"«{echo(r, 40)}»" for r in refused)))
    if full:
        lines.append(ui(lang, chat_worded("too_many_topics", target_type),
                        n=num(subscriptions.MAX_SUBSCRIPTIONS, lang)))
    if unfollowed:
        lines.append(left_out(unfollowed, lang, full=full, tried=tried))
    quiet = quiet_note(rt.db, target, lang, rt.now()) if new else None
    if quiet:  # inside the quiet hours: when the first alert comes (QA36 E4)
        lines.append(quiet)
    if new or old:
        lines.append(ui(lang, "several_stop"))
    return "\n".join(lines)


def left_out(topics: tuple[str, ...], lang: str, *, full: bool, tried: bool) -> str:
    """The line naming the `topics` not followed, as typed so they can be sent again (QA70-1:
    «ولم أتابع ٢ بعدها» named none and left the noun out): «ولم أتابع موضوعًا واحدًا بعدها:
    «اليمن».» / "The other 2 topics were not followed: «Yemen», «Sudan».", MAX_TOPICS named
    and «…» past them; unless the chat is `full`, why: one message's MAX_TOPICS, or its
    MAX_TRIED when that stopped it (`tried`: words that are no topic took the tries)."""
    named = [f"«{echo(typed, 40)}»" for typed in topics[:MAX_TOPICS]]
    if len(topics) > MAX_TOPICS:
        named.append("…")
    form = count_form(len(topics), lang)
    key = f"left_{'one' if form == 'one' else 'many'}"
    count = t(f"left_topics_{form}", lang, n=num(len(topics), lang))
    line = ui(lang, key, count=count, topics=list_sep(lang).join(named))
    line += "" if named[-1] == "…" else "."
    if full:
        return line
    if tried:
        return line + " " + ui(lang, "left_tried_one" if form == "one" else "left_tried",
                               max=num(MAX_TRIED, lang))
    return line + " " + ui(lang, "left_why_one" if form == "one" else "left_why",
                           max=num(MAX_TOPICS, lang))


def too_long_text(topic: str, lang: str) -> str:
    """The refusal of a topic over MAX_TOPIC_WORDS / MAX_TOPIC_LETTERS (HTML)."""
    return ui(lang, "topic_too_long", query=echo(topic, 60), words=num(MAX_TOPIC_WORDS, lang),
              chars=num(MAX_TOPIC_LETTERS, lang))


async def _answer_button(update: Update, lang: str, *, done: bool = True) -> None:
    """Answer the pressed button, if any: «تم.» when something was done, else silently (the
    message says why)."""
    if update.callback_query:
        await update.callback_query.answer(t("done", lang) if done else None)


async def subscribe_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/subscribe TOPIC: follow TOPIC; bare /subscribe asks what to follow (a button follows
    the general digest), so typing it to see how it works subscribes to nothing."""
    rt = runtime(context)
    ensure_chat(rt, update)
    lang = chat_lang(rt, update)
    topic = " ".join(context.args or []).strip()
    if not topic or asks_for_news(topic):  # «/subscribe آخر الأخبار» names no topic either
        chat = update.effective_chat
        assert chat is not None
        if chat.type in (ChatType.GROUP, ChatType.SUPERGROUP) \
                and not await may_change(update, context):
            await refuse_group(update, context, lang)  # at once, as /unsubscribe (QA31 G9)
            return
        await send(update, context, ui(lang, chat_worded("subscribe_what", chat.type)),
                   keyboard([[button(rt, chat.id, t("btn_general", lang), "subscribe",
                                     {"topic": ""})]]))
        return
    await subscribe(update, context, rt, topic, lang)


# ---------------------------------------------------------------------------------------------
# Buttons


async def _act_subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                         cb: Callback, lang: str) -> None:
    await subscribe(update, context, rt, str(cb.payload.get("topic", "")), lang)


ACTIONS: dict[str, Action] = {
    "subscribe": _act_subscribe,
}
