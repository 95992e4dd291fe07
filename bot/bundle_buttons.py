"""The buttons under a delivered bundle's last message, and the stored ids behind them.

A «📖 خبر n» per shown story whose compact block leaves something out (`story_rows`, one stored
id for the bundle; QA18 R16) and the «📰 اعرض الأخبار الأخرى» of the stories the bundle counts
but does not show (`more_button`; QA17 R2). The courier (bot.courier) makes them before it
claims anything and deletes their ids if the digest never went (`button_ids`); bot.buttons
answers them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callbacks
from bot.bundles import Bundle
from bot.i18n import num, t
from bot.i18n_labels import feed_unit, label_words
from bot.owed import Locked, OwedWrites
from digests.storage import Database, DatabaseFault

log = logging.getLogger("bot.courier")  # the courier's log: these are its messages' buttons

STORY_ROW = 5  # story buttons a keyboard row («📖 ١» … «📖 ٥»): ten stories take two rows
TITLED_ROW = 2  # labelled with their first words (QA36 E6): two to a row


def more_button(writes: OwedWrites, bundle: Bundle, chat_id: int, lang: str,
                clock: Callable[[], datetime], topics: Sequence[str] = ()
                ) -> InlineKeyboardMarkup | None:
    """The «📰 اعرض الأخبار الأخرى (٣)» button for the stories the bundle counts but does
    not show: an opaque id (bot.callbacks) bound to `chat_id` whose payload is their article
    ids (and the `topics` the bundle came for: their blocks' quotes are chosen for them, as
    the bundle's are); bot.buttons sends them once, compact, with their story buttons. None when it cannot be made for another reason than
    the database's (the digest then goes, its line promising no button: bot.render).
    `clock`: what "now" is when the id is stored.

    Raises:
        Locked: the database did not take the id now (bot.owed): send the bundle later.
    """
    ids = [a for a in bundle.hidden if a is not None]
    if not ids:
        return None
    try:
        cb_id = writes.attempt("more button", _new_more, chat_id, ids, list(topics), clock(),
                               len(bundle.article_ids))
    except Locked:  # the database's fault, as bot.owed words it: send the bundle later
        raise
    except DatabaseFault as exc:  # the digest still goes, honestly: no button it cannot keep
        log.warning("more button not stored chat=%s error=%r", chat_id, exc)
        return None
    except Exception:  # a bug: the digest still goes, and the traceback shows (QA73-5; a
        # constraint's sqlite3 error too: QA73-4)
        log.exception("more button not stored chat=%s", chat_id)
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(
        t("more_button", lang, count=num(len(ids), lang)), callback_data=cb_id)]])


def story_rows(writes: OwedWrites, chat_id: int, shown: list[int], places: list[int],
               lang: str, clock: Callable[[], datetime], topics: Sequence[str] = ()
               ) -> list[list[InlineKeyboardButton]]:
    """The story buttons of a compact bundle (QA18 R16): «📖 ١» … under the message, one
    per shown story whose block leaves something out (`places`, 1-based in `shown`: the
    article ids the bundle shows, bot.bundles.Renderings.places), STORY_ROW to a row;
    «📖 الخبر كاملًا» when the bundle shows one story. One stored id (bot.callbacks.STORY) bound
    to `chat_id` holds the shown article ids, and the `topics` the bundle was sent for (its
    blocks' quotes were chosen for them, bot.render.key_quote: a channel's alert leaves out the
    one shown); a button's data is «<id>.<n>» (at most 20 bytes). [] when no story has more, or the id could not be stored for another reason
    than the database's (the digest goes without them: its blocks promise no button).

    Raises:
        Locked: the database did not take the id now (bot.owed): send the bundle later.
    """
    if not places:
        return []
    try:
        cb_id = writes.attempt("story buttons", _new_stories, chat_id, shown, list(topics),
                               clock())
    except Locked:  # the database's fault, as bot.owed words it: send the bundle later
        raise
    except DatabaseFault as exc:  # the digest still goes
        log.warning("story buttons not stored chat=%s error=%r", chat_id, exc)
        return []
    except Exception:  # a bug: the digest still goes, and the traceback shows (QA73-4/-5)
        log.exception("story buttons not stored chat=%s", chat_id)
        return []
    return story_keyboard(cb_id, places, lang, numbered=len(shown) > 1,
                          titles=headlines(writes.db, shown))


def story_keyboard(cb_id: str, places: list[int], lang: str, *, numbered: bool,
                   first: int = 1, titles: Sequence[str] = ()) -> list[list[InlineKeyboardButton]]:
    """The rows of story buttons of stored id `cb_id`: «📖 خبر n» for each 1-based place, its
    label numbered from `first` as the blocks are (bot.render.render_bundle), or «📖 الخبر
    كاملًا» for a lone story (`numbered` False); STORY_ROW to a row. With the shown stories'
    `titles` (in `shown` order) a numbered label names its story's first words, «📖 خبر ٣: ترامب
    يعلن…», two to a row: «📖 Story 3» alone meant nothing to a screen reader, which reads one
    button at a time (QA36 E6). The words are one isolate (bot.i18n_labels.feed_unit): the
    marks close_rtl put inside them swapped an English label's headline parts (QA51 L1)."""
    def label(n: int) -> str:
        if not numbered:
            return t("btn_story_one", lang)
        title = titles[n - 1] if n - 1 < len(titles) else ""
        words = label_words(title)
        return t("btn_story_titled" if words else "btn_story", lang,
                 n=num(first + n - 1, lang), words=feed_unit(words))

    buttons = [InlineKeyboardButton(label(n), callback_data=callbacks.button_data(cb_id, n))
               for n in places]
    per_row = TITLED_ROW if numbered and titles else STORY_ROW
    return [buttons[i:i + per_row] for i in range(0, len(buttons), per_row)]


def headlines(db: Database, ids: Sequence[int]) -> list[str]:
    """The headlines of articles `ids` as their blocks show them (the cleaned headline: a
    label kept the «شاهد..» its block drops, QA42 B9), in order ('' for one not found or on a
    read error: the buttons still go, numbered alone)."""
    try:
        rows = dict(db.db.execute(
            "select id, coalesce(nullif(headline, ''), title) from articles"
            f" where id in ({','.join('?' * len(ids))})",
            list(ids)).fetchall()) if ids else {}
    except DatabaseFault as exc:  # a label is not worth a lost digest
        log.warning("story button labels not read error=%r", exc)
        return []
    except Exception:  # a bug: nor is it then, but it shows with its traceback (QA73-5)
        log.exception("story button labels not read")
        return []
    return [str(rows.get(i) or "") for i in ids]


def page_story_rows(db: Database, chat_id: int, shown: list[int], places: list[int],
                    lang: str, now: datetime, *, first: int, topics: Sequence[str] = ()
                    ) -> list[list[InlineKeyboardButton]]:
    """The story buttons under a page of the «more» stories (bot.buttons, QA21 R7): as a
    delivered bundle's (`story_rows`), numbered from `first`, stored at once (a reader's
    press, not the sender's pass: no owed write). [] when no story has more."""
    if not places:
        return []
    cb_id = _new_stories(db, chat_id, shown, list(topics), now)
    return story_keyboard(cb_id, places, lang, numbered=True, first=first,
                          titles=headlines(db, shown))


def button_ids(markup: InlineKeyboardMarkup) -> list[str]:
    """The stored ids behind the buttons of `markup` (a story button's «<id>.<n>» is its id),
    each once, in order."""
    ids = [str(b.callback_data).partition(".")[0] for row in markup.inline_keyboard
           for b in row if b.callback_data]
    return list(dict.fromkeys(ids))


def _new_more(db: Database, chat_id: int, ids: list[int], topics: list[str],
              now: datetime, after: int) -> str:
    """Store a «more stories» button's meaning; its opaque id. `after`: how many stories the
    bundle showed, so that its pages number on («١١.», QA26 N5)."""
    payload: dict[str, object] = {"articles": ids, "after": after}
    if any(topics):
        payload["topics"] = topics
    return callbacks.new_callback(db, chat_id=chat_id, action=callbacks.MORE_STORIES,
                                  payload=payload, now=now)


def _new_stories(db: Database, chat_id: int, ids: list[int], topics: list[str],
                 now: datetime) -> str:
    """Store a compact bundle's story buttons' meaning (the shown article ids, and the topics
    it was sent for when there are some); its id."""
    payload: dict[str, object] = {"articles": ids}
    if any(topics):
        payload["topics"] = topics
    return callbacks.new_callback(db, chat_id=chat_id, action=callbacks.STORY,
                                  payload=payload, now=now)
