"""Rows of the `articles` table turned into value objects (and back for the JSON columns).

Every module that reads articles goes through here, so the column layout is known in one place.
A row is a mapping of `articles` columns, plus `source_name` when the query joins `sources`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from digests.models import Article, Digest, Quote, RelatedItem, parse_iso

ARTICLE_SELECT = (
    "select articles.*, sources.name as source_name from articles"
    " join sources on sources.id = articles.source_id"
)


def related_to_json(items: Iterable[RelatedItem]) -> str:
    return json.dumps([r.to_json() for r in items], ensure_ascii=False)


def related_from_json(text: str | None) -> tuple[RelatedItem, ...]:
    if not text:
        return ()
    return tuple(RelatedItem.from_json(d) for d in json.loads(text))


def quotes_to_json(quotes: Iterable[Quote]) -> str:
    return json.dumps([{"text": q.text, "speaker": q.speaker, "kind": q.kind} for q in quotes],
                      ensure_ascii=False)


def quotes_from_json(text: str | None) -> tuple[Quote, ...]:
    if not text:
        return ()
    return tuple(Quote(text=d["text"], speaker=d.get("speaker", ""),
                       kind=d.get("kind", "direct")) for d in json.loads(text))


def article_from_row(row: Mapping[str, Any]) -> Article:
    """An `Article` from an `articles` row (joined with `sources` for the name)."""
    body = row.get("body") or ""
    return Article(
        id=row["id"],
        source_id=row["source_id"],
        source_name=row.get("source_name") or "",
        url=row["url"],
        title=row.get("title") or "",
        published_at=parse_iso(row.get("published_at")),
        author=row.get("author") or "",
        paragraphs=tuple(p for p in body.split("\n") if p.strip()),
        summary=row.get("summary") or "",
        related=related_from_json(row.get("related_json")),
        guid=row.get("guid"),
        page_ok=(row.get("page_status") or "ok") == "ok",
        story_id=row.get("story_id"),
    )


def digest_from_row(row: Mapping[str, Any]) -> Digest:
    """The stored `Digest` of an article row; falls back to the title before it is digested."""
    return Digest(
        url=row["url"],
        source=row.get("source_name") or "",
        headline=row.get("headline") or row.get("title") or "",
        published_at=parse_iso(row.get("published_at")),
        quotes=quotes_from_json(row.get("quotes_json")),
        related=related_from_json(row.get("digest_related_json")),
        story_id=row.get("story_id"),
        article_id=row["id"],
    )
