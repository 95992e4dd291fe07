"""/unsubscribe all («الكل»): stop following every topic, after a confirmation (QA36 E5).

A reader with many topics pressed ❌ once a topic; `/unsubscribe all` answered «You do not
follow «all»». Now it lists what would stop and asks: «✅ نعم، ألغِ الكل» / «لا». The button is
an opaque stored id (bot.runtime.button) bound to the chat, holding the ids of the
subscriptions shown with their topics (ids never reused since migration 041, and an id is
acted on only while it follows the topic listed: QA38 A5): a topic followed after the question
is not removed by it, and in a group only an admin's press counts (bot.channel_admin.may_manage, as for ❌).
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.callbacks import Callback
from bot.channel_admin import may_manage, scope_of
from bot.i18n import chat_worded, num, t, topic_list
from bot.runtime import Runtime, button, edit_or_send, keyboard, send, ui
from digests import subscriptions

log = logging.getLogger(__name__)

# what a reader types after /unsubscribe to mean every topic (compared case-folded)
ALL_WORDS = frozenset({"all", "everything", "الكل", "كل", "الجميع", "كلها", "جميعها",
                       "كل المواضيع", "all topics"})


def asks_all(text: str) -> bool:
    """Whether `text` (what follows /unsubscribe) means every topic: «all», «الكل»."""
    return " ".join(text.casefold().split()).strip(".!؟?") in ALL_WORDS


async def ask_unsubscribe_all(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                              chat_id: int, chat_type: str, lang: str) -> None:
    """The question: the chat's topics, and the buttons that stop them all or keep them."""
    subs = subscriptions.list_subscriptions(rt.db, chat_id)
    if not subs:
        await send(update, context, ui(lang, chat_worded("no_subscriptions", chat_type)))
        return
    text = ui(lang, chat_worded("unsub_all_ask", chat_type), n=num(len(subs), lang),
              topics=topic_list([s.topic for s in subs], lang, len(subs)))
    rows = [[button(rt, chat_id, t("btn_unsub_all_yes", lang), "unsub_all",
                    {"ids": [s.id for s in subs], "keys": [s.topic_key for s in subs]}),
             button(rt, chat_id, t("btn_unsub_all_no", lang), "unsub_all_no")]]
    await send(update, context, text, keyboard(rows))


async def _act_unsub_all(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                         cb: Callback, lang: str) -> None:
    """«✅ نعم، ألغِ الكل»: remove the subscriptions the question listed (those still there)."""
    assert update.callback_query is not None
    scope = scope_of(cb)
    if not await may_manage(update, context, rt, scope, lang):
        return
    listed = cb.payload.get("ids")
    ids = listed if isinstance(listed, list) else []
    # each id with the topic it followed when asked (QA38 A5): a recycled id is left alone
    keyed = cb.payload.get("keys")
    keys: list[object] = keyed if isinstance(keyed, list) and len(keyed) == len(ids) \
        else [None] * len(ids)
    # all in one transaction (QA73-3): a locked database removes none, not the first few
    removed = subscriptions.unsubscribe_ids(
        rt.db, scope.target, [(i, key if isinstance(key, str) else None)
                              for i, key in zip(ids, keys)
                              if isinstance(i, int) and not isinstance(i, bool)], now=rt.now())
    log.info("unsubscribe all chat=%s asked=%s removed=%d", scope.target, len(ids), len(removed))
    chat = update.effective_chat
    chat_type = chat.type if chat else None
    if not removed:  # pressed twice, or each removed since: nothing changed (QA26 N12)
        await update.callback_query.answer(t("unsub_all_none", lang))
        await edit_or_send(update, context, ui(lang, "unsub_all_none"), None)
        return
    done = ui(lang, chat_worded("unsub_all_done", chat_type), n=num(len(removed), lang),
              topics=topic_list([s.topic for s in removed], lang, len(removed)))
    await update.callback_query.answer(t("unsub_all_toast", lang, n=num(len(removed), lang)))
    await edit_or_send(update, context, done, None)


async def _act_unsub_all_no(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                            cb: Callback, lang: str) -> None:
    """«لا»: nothing removed, and the question says so in place."""
    assert update.callback_query is not None
    await update.callback_query.answer(t("unsub_all_kept", lang))
    await edit_or_send(update, context, ui(lang, "unsub_all_kept"), None)


ACTIONS = {"unsub_all": _act_unsub_all, "unsub_all_no": _act_unsub_all_no}
