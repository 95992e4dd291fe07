"""The article's text before a quote, paragraph by paragraph (pure).

The speaker resolvers that look back for a name (a bare «الصحيفة» is the paper named before,
a bare title the name set after it, «الشركة» the firm …: digests.bare_bodies, bare_titles,
bare_sources, bare_apposed, definite_bodies, nisba_bodies, posted_statements,
statement_issuers) read the paragraphs before the quote whole and the quote's own paragraph up
to the quote. `texts_before` gives them that text, once (reviewer RD: eight loops held the
same two lines).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence


def texts_before(paragraphs: Sequence[str], paragraph: int, start: int, *,
                 backward: bool = False, depth: int | None = None) -> Iterator[tuple[int, str]]:
    """(index, text) of each paragraph up to the quote at `paragraphs[paragraph][start:]`.

    Args:
        paragraphs: the article body.
        paragraph: the quote's paragraph; its text is cut at `start`.
        start: the quote's offset in its paragraph.
        backward: nearest first (the quote's paragraph, then the one before …); else in
            reading order.
        depth: how many paragraphs, the quote's own included (None: all before it).
    """
    first = 0 if depth is None else max(0, paragraph - depth + 1)
    order = range(paragraph, first - 1, -1) if backward else range(first, paragraph + 1)
    for pi in order:
        yield pi, paragraphs[pi][:start] if pi == paragraph else paragraphs[pi]
