"""Links: a link pasted into a chat, and the «🔗 روابط الخبر» button under a story.

A link in a reader's text (the first one, if there are several) is looked up in the archive,
never fetched: the digest of that article when it is stored; a t.me link to this bot acts as
/start with its payload (bot.welcome). «/subscribe LINK» is answered the same way, saying why
nothing was followed (bot.following). The «🔗» button under a results page sends the story's
related links once; pressed again it says they are above. Buttons carry opaque ids; bot.buttons
resolves them and runs the `ACTIONS` declared at the end of this module.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import callbacks
from bot.callbacks import Callback
from bot.deep_links import start_payload_of
from bot.i18n import t
from bot.lines import utf16_len
from bot.my_digest import reader_now
from bot.packer import LIMIT
from bot.render import render_bundle, render_related
from bot.runtime import Action, Runtime, send, ui
from bot.stories import digest_by_article, digest_by_url
from bot.welcome import start_with
from digests.reader_text import link_forms
from digests.related import live_related


async def answer_link(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                      link: str, lang: str, *, several: bool = False,
                      lead: str | None = None) -> None:
    """A pasted link: the digest of that article when the archive holds it; a t.me link to this
    bot is /start with its payload. The link is only looked up, never fetched (a reader's URL
    must not make the server connect anywhere). `several`: the message held more links than
    this one, and the answer says it is about the first. `lead`: a line (HTML) said first
    («a link cannot be followed», for /subscribe LINK)."""
    chat = update.effective_chat
    assert chat is not None
    note = "\n".join(n for n in (lead, ui(lang, "link_several") if several else None)
                     if n) or None
    payload = start_payload_of(link, context.bot.username)
    if payload is not None:
        if note:
            await send(update, context, note)
        await start_with(update, context, rt, chat.id, lang, payload)
        return
    # a link typed short («bbc.com/x» → http://bbc.com/x) names the article stored at
    # https://www.bbc.com/x: each form is looked up in the archive, none is fetched
    digest = next((d for d in (digest_by_url(rt.db, form) for form in link_forms(link))
                   if d is not None), None)
    if digest is None:
        text = ui(lang, "link_not_archived")
        user = update.effective_user
        if user is not None and rt.is_admin(user.id):  # what the operator can do (QA50 E11)
            text += "\n" + ui(lang, "link_not_archived_admin")
        await send(update, context, note + "\n" + text if note else text)
        return
    chat = update.effective_chat
    shown_now = reader_now(rt, chat.id) if chat else rt.now()
    messages = render_bundle(live_related(rt.db.db, [digest]), lang, shown_now, header=False)
    if note:
        if utf16_len(note) + 1 + utf16_len(messages[0]) <= LIMIT:
            messages[0] = note + "\n" + messages[0]
        else:
            messages.insert(0, note)
    for html in messages:
        await send(update, context, html)


async def _act_related(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                       cb: Callback, lang: str) -> None:
    """«🔗 روابط الخبر n»: the story's related links, once — pressed again it says they are
    above, as «📖» does (QA26 N11: the same links were posted again)."""
    assert update.callback_query is not None
    # rt.held: marked in memory when the database refuses the mark (the links need no write)
    if not rt.held.take(rt.db, cb.id, action="related"):
        await update.callback_query.answer(t("related_already_sent", lang), show_alert=True)
        return
    await update.callback_query.answer()
    digest = digest_by_article(rt.db, int(cb.payload.get("article_id", 0)))
    if digest is not None:  # a "story" link to a page since gone is replaced or dropped
        digest = live_related(rt.db.db, [digest])[0]
    try:
        if digest is None or not digest.related:
            await send(update, context, ui(lang, "no_related"))
            return
        chat = update.effective_chat
        await send(update, context, render_related(
            digest, lang, reader_now(rt, chat.id) if chat else rt.now()))
    except Exception:  # nothing reached the reader: the button works again
        rt.held.give_back(rt.db, cb.id, action="related")
        raise


async def _act_related_sent(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                            cb: Callback, lang: str) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer(t("related_already_sent", lang), show_alert=True)


ACTIONS: dict[str, Action] = {
    "related": _act_related,
    "related:done": _act_related_sent,
}
