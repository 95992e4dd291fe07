"""A feed's link as its identity (QA40 N7): parameters that only track who sent a reader
(«utm», «utm_source», «utmx» …) name no other feed. digests.urls.url_key drops the standard
«utm_*» and click ids for articles; a source's link drops any parameter named «utm…» as well,
so `/addsource …/f00.xml?utm=x` after `…/f00.xml` is the same source. Pure."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit


def without_tracking(url: str) -> str:
    """`url` without query parameters whose name starts with «utm» (any case); as given when
    it has none, or cannot be parsed."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    if "utm" not in parts.query.lower():
        return url
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith("utm")]
    return urlunsplit(parts._replace(query=urlencode(kept)))
