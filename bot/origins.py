"""Why a delivered digest came: the followed topic(s) it answers, named in its header.

A reader who follows several topics, or the general digest, cannot tell from a bare «📰 نشرة
الأخبار» why a message arrived. `bundle_topics` finds it for one chat's bundle: an admin's push
names its topic (pushes.topic, in the reader's own spelling when the chat follows it by another:
«فيسبوك» for «فيس بوك»; none = the general digest); an instant or daily row names the
chat's followed topics its stories match (digests.topic_match.article_matches, the same test that
queued them), in the order of the stories that answer them (the lead story's topic first: QA18
R4 saw «النفط» left out of a header over two oil stories, cut in subscription order), and the
general digest when some story answers none of them («📰 جديد «سوريا» والنشرة العامة»). Every
matched topic is returned; the header names the first three and counts the rest («وموضوع آخر»:
bot.i18n.topic_list). The bot's sender passes it to its courier (bot.app,
`topics_of`), which renders each bundle with those topics (bot.render.render_bundle: the header
«📰 جديد «الغوطة»» or «📰 النشرة العامة», and «لإيقاف المتابعة: /unsubscribe» last); renderings
are cached per (stories, language, topics), so two chats that get the same stories for different
topics each see their own header.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.bundles import Bundle
from digests.topic_match import alert_matches, article_matches
from digests.models import Article
from digests.records import ARTICLE_SELECT, article_from_row
from digests.search import topic_key
from digests.storage import Database
from digests.topic_keys import same_name


def bundle_topics(db: Database, bundle: Bundle, rows: Sequence[dict[str, Any]]) -> list[str]:
    """The topics this bundle answers: [topic, …] in the order of the first story each one
    answers (a story answering several: in the order the chat followed them), with "" last
    when some of its stories came for the general digest (none of the chat's topics matches
    them); [""] for the general digest alone; [] if unknown.

    Args:
        db: the database (subscriptions and pushes).
        bundle: one chat's due rows.
        rows: the bundle's article rows (ARTICLE_SELECT).
    """
    for kind in sorted(bundle.kinds):
        if kind.startswith("push:") and kind[5:].isdigit():
            row = db.db.execute("select topic from pushes where id = ?", [int(kind[5:])]).fetchone()
            if row is not None:
                return [own_spelling(db, bundle.chat_id, row[0])] if row[0] else [""]
    followed = [r[0] for r in db.db.execute(
        "select topic from subscriptions where chat_id = ? order by id", [bundle.chat_id])]
    articles = [article_from_row(r) for r in rows]
    named = [topic for topic in followed if topic]
    hits = [{topic for topic in named if article_matches(topic, a)} for a in articles]
    matched: list[str] = []
    for hit in hits:  # story order: the topics of the stories shown first, first
        matched += [topic for topic in named if topic in hit and topic not in matched]
    # A story that answers no followed topic came for the general digest: the header names it
    # too, so it is true of every story under it (QA16 F5: «📰 جديد «سوريا»» over three
    # general-digest stories and one about Syria).
    general = "" in followed and (not matched or any(not h for h in hits))
    if matched:
        return matched + ([""] if general else [])
    return [""] if general else []


def own_spelling(db: Database, chat_id: int, topic: str) -> str:
    """`topic` as the chat follows it: an admin's push of «فيس بوك» reaches the follower of
    «فيسبوك» (digests.topic_keys.same_name), whose header names «فيسبوك» (QA15 N12); the
    topic itself when the chat follows no spelling of it."""
    wanted = same_name(topic_key(topic))
    for followed, key in db.db.execute("select topic, topic_key from subscriptions where"
                                       " chat_id = ? and topic_key != '' order by id",
                                       [chat_id]).fetchall():
        if followed and wanted and same_name(key) == wanted:
            return str(followed)
    return topic


class PassTopics:
    """One plan pass's memory of which articles answer which topics (QA72-1): a daily digest
    goes to thousands of chats with the same ~130 articles, and `row_topics` read and analysed
    each article again for every chat (103 s of a 179 s pass for 1,000 chats). Here each article
    is read once and each (topic, article) asked once per pass; a pass is short, so an article
    edited meanwhile is seen at the next one. Not thread-safe: one pass, one thread."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.articles: dict[int, Article | None] = {}  # None: not stored (deleted)
        self.answers: dict[tuple[str, int], bool] = {}

    def load(self, ids: Sequence[int]) -> None:
        """Read the articles among `ids` not read yet (one query per 500)."""
        wanted = [a for a in ids if a not in self.articles]
        for start in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
            part = wanted[start:start + 500]
            self.articles.update({a: None for a in part})
            marks = ",".join("?" * len(part))
            for row in self.db.db.query(f"{ARTICLE_SELECT} where articles.id in ({marks})", part):
                self.articles[int(row["id"])] = article_from_row(row)

    def answers_topic(self, topic: str, article_id: int) -> bool:
        """Whether the (loaded) article answers `topic` (digests.topic_match.alert_matches)."""
        key = (topic, article_id)
        found = self.answers.get(key)
        if found is None:
            article = self.articles.get(article_id)
            found = self.answers[key] = article is not None and alert_matches(topic, article)
        return found


def row_topics(db: Database, chat_id: int, article_ids: Sequence[int | None],
               memory: PassTopics | None = None) -> dict[int, str]:
    """Article → the first of the chat's followed topics (in the order it followed them) that
    the article answers, by the test that queues alerts (digests.topic_match.alert_matches); articles
    that answer none (the general digest's) are left out. {} when the chat follows no topic.

    The sender ranks a daily digest with it: the stories a reader chose by topic before the
    general digest's (QA18 R6: 13 Ghouta stories hidden under single-topic readers' digests).
    `memory`: the plan pass's (`PassTopics`), shared by its chats; a fresh one when None.
    """
    named = [r[0] for r in db.db.execute(
        "select topic from subscriptions where chat_id = ? and topic != '' order by id",
        [chat_id])]
    ids = sorted({a for a in article_ids if a is not None})
    if not named or not ids:
        return {}
    memory = memory if memory is not None else PassTopics(db)
    memory.load(ids)
    out: dict[int, str] = {}
    for article_id in ids:
        topic = next((t for t in named if memory.answers_topic(t, article_id)), None)
        if topic is not None:
            out[article_id] = topic
    return out
