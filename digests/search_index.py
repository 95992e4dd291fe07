"""The search index: an FTS5 table of analyzed keys, kept in step with `articles`.

The index (`articles_fts`, migration 003_search_index) is a standalone FTS5 table with
rowid = articles.id and two columns of analyzed keys (digests.arabic.analyze; places it would merge read apart by
digests.search_places.article_keys: Oujda, Amman, Oman): `title_keys` and
`body_keys`; `articles_fts_vocab` is its vocabulary (how many articles hold each key). The index
stays in step: `index_article` is the first processing step (insert and re-index on update) and a
trigger on `articles` delete removes the entry (`unindex_article` does it by hand).

Also here, for the modules that read the index (digests.search, digests.suggestions,
digests.related): stored rows by id, a key's article count, and the words of a text, as written,
that hold given keys (`matched_words`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlite_utils

from digests.arabic import ARTICLE_NOUNS, STOP_WORDS, run_at, run_keys, surface_pattern
from digests.models import Article
from digests.processing import StoreContext
from digests.records import ARTICLE_SELECT
from digests.search_definite import could_read as could_read_definite
from digests.search_definite import is_definite_key
from digests.search_places import PLACE_KEYS, article_keys, could_read, surface_core

FTS_TABLE = "articles_fts"
VOCAB_TABLE = "articles_fts_vocab"


def create_index(db: sqlite_utils.Database) -> None:
    """Create the FTS5 table, its vocabulary view and the delete trigger; index existing rows.

    Called by migration 003_search_index (inside its transaction).
    """
    db.execute(f"create virtual table {FTS_TABLE} using fts5(title_keys, body_keys,"
               " tokenize = 'unicode61 remove_diacritics 0')")
    db.execute(f"create virtual table {VOCAB_TABLE} using fts5vocab({FTS_TABLE}, 'row')")
    db.execute(f"""create trigger articles_fts_delete after delete on articles begin
                   delete from {FTS_TABLE} where rowid = old.id; end""")
    rows = db.execute("select id, title, body, summary from articles").fetchall()
    for article_id, title, body, summary in rows:
        _write(db, article_id, title or "", body or summary or "")


def _write(db: sqlite_utils.Database, article_id: int, title: str, text: str) -> None:
    db.execute(f"delete from {FTS_TABLE} where rowid = ?", [article_id])
    title_keys, body_keys = article_keys(title, text)
    db.execute(f"insert into {FTS_TABLE} (rowid, title_keys, body_keys) values (?, ?, ?)",
               [article_id, " ".join(title_keys), " ".join(body_keys)])


def reindex(db: sqlite_utils.Database, article_id: int, title: str, text: str) -> None:
    """(Re-)index one stored article from its title and text (a migration, after the analysis
    changed: digests.reader_spellings)."""
    _write(db, article_id, title, text)


def index_article(db: sqlite_utils.Database, article: Article, ctx: StoreContext) -> None:
    """Processing step: (re-)index one stored article (insert or update)."""
    _write(db, article.id, article.title, article.text)


def unindex_article(db: sqlite_utils.Database, article_id: int) -> None:
    """Drop an article from the index (the articles delete trigger does this on its own)."""
    db.execute(f"delete from {FTS_TABLE} where rowid = ?", [article_id])


def chunks(ids: list[int], size: int = 5000) -> list[list[int]]:
    """Id lists small enough for one `in (...)` (SQLite caps bound parameters)."""
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def rows_by_id(db: sqlite_utils.Database, ids: list[int]) -> dict[int, dict[str, Any]]:
    """The stored rows (digests.records.ARTICLE_SELECT) of these article ids, by id."""
    out: dict[int, dict[str, Any]] = {}
    for chunk in chunks(ids):
        cur = db.execute(f"{ARTICLE_SELECT} where articles.id in ({','.join('?' * len(chunk))})",
                         chunk)
        names = [d[0] for d in cur.description]
        out.update((row[0], dict(zip(names, row))) for row in cur.fetchall())
    return out


def doc_counts(db: sqlite_utils.Database, terms: Sequence[str]) -> dict[str, int]:
    """How many indexed articles hold each of `terms` (the terms the index holds at all)."""
    if not terms:
        return {}
    marks = ",".join("?" * len(terms))
    return dict(db.execute(f"select term, doc from {VOCAB_TABLE} where term in ({marks})",
                           list(terms)).fetchall())


def _core(term: str) -> str:
    """A piece every surface spelling of `term` contains (after normalization)."""
    core = surface_core(term)  # «وجدة» (Oujda), Amman's and Oman's keys (X91)
    if core is not None:
        return core
    if term == "الله":
        return "لل"  # لله, والله
    if term.startswith("ال") and (term[2:] in ARTICLE_NOUNS or is_definite_key(term)):
        return term[2:]  # «للإمام» holds no «الامام»; run_keys then keeps out «أمام»
    if term.isascii() and term.endswith("y") and len(term) > 3:
        return term[:-1]  # countries → country
    return term


def matched_words(text: str, terms: Iterable[str]) -> list[str]:
    """Distinct words of `text`, as written, whose index key is one of `terms` (in text order).

    Finds each term's core with a spelling-tolerant regex (C speed), widens each find to its word
    run and keeps the run when its key is the term: no Python loop over every word of the text.
    """
    wanted = set(terms) - STOP_WORDS or set(terms)
    found: dict[str, int] = {}
    for term in wanted:
        for m in surface_pattern(_core(term)).finditer(text):
            start, end = run_at(text, m.start(), m.end())
            surface = text[start:end]
            if surface not in found and (wanted.intersection(run_keys(surface)) or (
                    term in PLACE_KEYS and could_read(surface, term))
                    or could_read_definite(surface, term)):
                found[surface] = start
    return sorted(found, key=found.__getitem__)
