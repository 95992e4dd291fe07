"""A chat's bundle: the rows sent together, what kind of digest they make, and its rendering.

The sender (bot.sender) plans `Bundle`s; the courier (bot.courier) sends them and asks its
`Renderings` for their messages: a broadcast renders once, not once per chat, and the story
buttons (bot.bundle_buttons) number the stories as the rendering does (`Renderings.places`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Any

from bot.reader_clock import reader_zone
from bot.reader_sources import muted as muted_sources
from bot.render import has_details
from digests.models import Digest
from digests.records import ARTICLE_SELECT, digest_from_row
from digests.related import live_related
from digests.story_age import dated_by_story, story_starts
from digests.story_face import face_ids
from digests.story_folds import fold_ids
from digests.storage import Database

# digests, language, now, the topics the bundle came for (None: not known), the bundle's kind
# (bundle_kind: 'instant', 'push', 'daily:<the chat's local date>[:group]'), how many more
# stories the bundle stands for than it shows (Bundle.more), whether the «more» button is
# under the last message (False: its line must promise none), the article ids shown as a
# story's update (Bundle.updates), the chat's type (Bundle.chat_type: its stop line) → messages.
# The one definition of a renderer's shape: bot.sender.default_render is one.
Render = Callable[[list[Digest], str, datetime, Sequence[str] | None, str, int, bool,
                   frozenset[int], str | None], list[str]]
# What a rendering is cached by (Renderings.messages): article ids, language, topics, kind,
# more, button, updates, chat type, the chat's time zone (a date is the reader's: QA33 S8), the
# chat's muted sources (a face is never theirs: QA42 B2), the revised updates (Bundle.revised)
# and the headlines the chat read before their corrections (Bundle.was).
_RenderKey = tuple[tuple[int, ...], str, tuple[str, ...] | None, str, int, bool, frozenset[int],
                   str | None, tzinfo, frozenset[int], frozenset[int],
                   tuple[tuple[int, str], ...]]
# database, bundle, its article rows → the topics it answers ([""] = the general digest)
TopicsOf = Callable[[Database, "Bundle", Sequence[dict[str, Any]]], list[str]]


@dataclass(frozen=True)
class Bundle:
    """One chat's due rows, sent together."""

    chat_id: int
    row_ids: tuple[int, ...]
    article_ids: tuple[int | None, ...]
    kinds: frozenset[str]
    attempts: int
    is_group: bool = False
    language: str | None = None
    # Rows at the end of `row_ids` beyond those of `article_ids`: stories the bundle does not
    # show but counts in its last line («و٣٨ خبرًا آخر — في الزر أدناه»), sent with it (bot.sender).
    more: int = 0
    thread: int | None = None  # the forum topic the chat's deliveries go to (bot.threads)
    # The article ids of those `more` stories: a button under the last message sends them
    # (QA17 R2: /digest shows other stories, so the line alone led nowhere).
    hidden: tuple[int | None, ...] = ()
    # Facts of the chat, not of its stories (two chats sent the same stories render apart):
    # the shown articles that come as an update of a story the chat was sent before («🔄 تحديث
    # ·», digests.story_updates.update_articles), and the chat's Telegram type ('private', 'group',
    # 'supergroup', 'channel'; None: not known), which words the stop line (bot.i18n.bundle_stop).
    updates: frozenset[int] = frozenset()
    chat_type: str | None = None
    # of `updates`, the reports the chat was sent before, corrected in place since: «🔄 تعديل»
    # (digests.story_updates.revised_articles, X84)
    revised: frozenset[int] = frozenset()
    # of `revised`, the headline the chat read of each before its correction, by article id
    # (digests.earlier_headlines.read_before): the block says what changed (QA63-12)
    was: tuple[tuple[int, str], ...] = ()
    # sent without a sound (Telegram's disable_notification): an admin's push reaching a chat in
    # its quiet hours or in daily mode (digests.delivery_times.push_silent; QA57-14)
    silent: bool = False
    # (daily digest row, the items the plan read of it): claimed only as read — what a poll
    # added since goes to the chat's next digest (digests.daily_rows.split_late, X122)
    parts: tuple[tuple[int, int], ...] = ()


class Renderings:
    """A sender's renderings of its bundles, cached by what makes them differ (`_RenderKey`);
    the cache lives for one plan (`forget`: relative times in a rendering stay fresh). A
    bundle renders at its chat's now (bot.reader_clock.reader_zone)."""

    def __init__(self, db: Database, render: Render, *, default_language: str,
                 topics_of: TopicsOf | None = None) -> None:
        """Args:
            db: the sender's database.
            render: the bundle's digests and facts → messages (`Render`).
            default_language: the language of a chat whose language is unknown.
            topics_of: names the topics a bundle came for (bot.origins.bundle_topics), so its
                header can say why it came; None renders without them.
        """
        self.db = db
        self.render = render
        self.default_language = default_language
        self.topics_of = topics_of
        # (article ids, language, topics, kind, more, button, updates, chat type) → messages: a
        # broadcast renders once, not once per chat.
        self._rendered: dict[_RenderKey, list[str]] = {}
        # (shown ids, language, the bundle's topics: a block's quote is chosen for them) →
        # (shown article ids, the 1-based places with a story button)
        self._places: dict[tuple[tuple[int, ...], str, tuple[str, ...]],
                           tuple[list[int], list[int]]] = {}
        # (article ids, their updates, topics) → the articles shown (`_faces`)
        self._faced: dict[tuple[tuple[int, ...], frozenset[int], tuple[str, ...],
                                frozenset[int]], tuple[int, ...]] = {}

    def forget(self) -> None:
        """Drop cached renderings (relative times in a rendering stay fresh for one plan)."""
        self._rendered.clear()
        self._places.clear()
        self._faced.clear()

    def places(self, bundle: Bundle, clock: Callable[[], datetime]
               ) -> tuple[list[int], list[int]]:
        """The article ids of the stories the bundle shows, in their order (the render's
        numbering), and the 1-based places of those whose compact block leaves something out
        (bot.render.has_details): only they get a button. ([], []) when nothing is shown.
        `clock`: what "now" is, asked only when the places are not cached."""
        ids = tuple(a for a in bundle.article_ids if a is not None)
        lang = bundle.language or self.default_language
        if not ids:
            return [], []
        topics = self.topics(bundle)
        ids = self._faces(ids, bundle.updates, topics, self._muted(bundle))
        cached = self._places.get((ids, lang, topics))
        if cached is not None:
            return cached
        found = {r["id"]: r for r in self.db.db.query(
            f"{ARTICLE_SELECT} where articles.id in ({','.join('?' * len(ids))})", ids)}
        digests = live_related(self.db.db, [digest_from_row(found[a]) for a in ids
                                            if a in found])
        now = clock()
        shown = [int(d.article_id or 0) for d in digests]
        places = [i + 1 for i, d in enumerate(digests) if has_details(d, lang, now, topics)]
        self._places[(ids, lang, topics)] = (shown, places)
        return shown, places

    def topics(self, bundle: Bundle) -> tuple[str, ...]:
        """The topics the bundle answers, as its rendering names them (`topics_of`; () when
        not known): its blocks' quotes are chosen for them (bot.render.key_quote), and its
        story buttons keep them for a channel's alert (bot.bundle_buttons)."""
        ids = tuple(a for a in bundle.article_ids if a is not None)
        rows = self._rows(ids) if ids and self.topics_of is not None else []
        if not rows or self.topics_of is None:
            return ()
        return tuple(self.topics_of(self.db, bundle, rows))

    def _muted(self, bundle: Bundle) -> frozenset[int]:
        """The sources the bundle's chat has muted (bot.reader_sources): none is a face."""
        return muted_sources(self.db, bundle.chat_id)

    def _faces(self, ids: tuple[int, ...], updates: frozenset[int],
               topics: Sequence[str], muted: frozenset[int] = frozenset()
               ) -> tuple[int, ...]:
        """The articles the bundle shows its stories under: each story's most informative
        report (digests.story_face, QA34 R4), naming one of the bundle's `topics`, of a source
        the chat reads (not `muted`, QA42 B2); a story's update keeps its new report (the
        news); a story the pair model calls the same event as an earlier one of the bundle is
        folded into it (not shown again)."""
        key = (ids, updates & frozenset(ids), tuple(topics), muted)
        found = self._faced.get(key)
        if found is None:  # once per plan: a broadcast's chats share it (a fold reads bodies)
            faced = face_ids(self.db.db, ids, keep=updates, topics=topics, muted=muted)
            # two split stories of one event: one block (digests.story_folds, QA34 R2)
            found = self._faced[key] = fold_ids(self.db.db, faced, keep=tuple(updates))
        return found

    def _rows(self, ids: tuple[int, ...]) -> list[Any]:
        """The article rows of `ids` still stored, in that order."""
        if not ids:
            return []
        found = {r["id"]: r for r in self.db.db.query(
            f"{ARTICLE_SELECT} where articles.id in ({','.join('?' * len(ids))})", ids)}
        return [found[a] for a in ids if a in found]

    def messages(self, bundle: Bundle, clock: Callable[[], datetime], button: bool = True
                 ) -> tuple[list[str], str | None]:
        """Render the bundle; (messages, None) or ([], reason) when nothing can be sent.
        `button`: whether its «more» button goes under the last message; `clock`: what "now"
        is, asked only when the bundle is rendered anew."""
        ids = tuple(a for a in bundle.article_ids if a is not None)
        if not ids:
            return [], "no article to render"
        lang = bundle.language or self.default_language
        kind = bundle_kind(bundle.kinds, bundle.is_group or bundle.chat_id < 0)
        updates = bundle.updates.intersection(ids)  # those shown: the others change nothing
        revised = bundle.revised & updates
        was = tuple((a, h) for a, h in bundle.was if a in revised)
        # a story older than a week is dated in the chat's zone (bot.reader_clock), so chats
        # of one zone share a rendering
        zone = reader_zone(self.db.db, bundle.chat_id)

        muted = self._muted(bundle)  # the chat's muted sources give no face (QA42 B2)

        def key(topics: tuple[str, ...] | None) -> _RenderKey:
            return (ids, lang, topics, kind, bundle.more, button, updates, bundle.chat_type,
                    zone, muted, revised, was)
        if self.topics_of is None:  # no per-chat header: the cache answers before the rows
            cached = self._rendered.get(key(None))
            if cached is not None:
                return cached, None
        rows = self._rows(ids)
        if not rows:
            return [], "article removed"
        topics = None if self.topics_of is None else tuple(self.topics_of(self.db, bundle, rows))
        cached = self._rendered.get(key(topics))
        if cached is None:
            faced = self._faces(ids, updates, topics or (), muted)  # each story under its face
            rows = rows if faced == ids else self._rows(faced)
            digests = live_related(self.db.db, [digest_from_row(r) for r in rows])
            # a block is as old as its story, not its newest face (QA42 B7); an update is news
            digests = dated_by_story(digests, story_starts(
                self.db.db, (d.story_id for d in digests)), keep=updates)
            before = dict(was)
            digests = [replace(d, revised=True, was=before.get(d.article_id, ""))
                       if d.article_id in revised else d for d in digests]
            cached = self.render(digests, lang, clock().astimezone(zone), topics, kind,
                                 bundle.more, button, updates, bundle.chat_type)
            self._rendered[key(topics)] = cached
        return cached, None


def bundle_kind(kinds: Iterable[str], is_group: bool = False) -> str:
    """What a bundle is, for its header: 'push' when an admin's /push is in it; the latest
    'daily:<local date>' when all its rows wait for a daily digest
    (digests.delivery_times.next_daily wrote the chat's local date into the kind),
    'daily:<local date>:group' for a group or a channel (worded for many readers); else
    'instant'."""
    kinds = set(kinds)
    if any(k.startswith("push:") for k in kinds):
        return "push"
    if kinds and all(k.startswith("daily:") for k in kinds):
        return max(kinds) + (":group" if is_group else "")
    return "instant"

