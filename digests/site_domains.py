"""A site as a reader knows it: the registrable domain of its host (QA48 R14; brief X75).

A reader who muted «الجزيرة» (www.aljazeera.net, aljazeera.net) expects its sport feed
(sport.aljazeera.net) and «مباشر» (mubasher.aljazeera.net) muted too: the picker of
«📡 المصادر» and the mutes (digests.reader_sources) group feeds by the registrable domain of
their site — the public suffix («net», «co.uk», «com.sa») and the one label before it — as the
Public Suffix List defines it. A host that only starts like a site is another site:
«aljazeera.net.evil.example» stays itself (its suffix «example» is on no list) and
«aljazeera.net.evil.com» is «evil.com». The list is the one bundled with the `tld` package
(already installed with trafilatura through courlan); nothing is fetched at run time (`tld`
fetches only when `update_tld_names` is called, which nothing here does). A local server's
site (its feed mark «#id»), an IP address or a host on no list keeps its `site_of` form. Pure.
Story site counts (digests.story_sites) still count hosts.
"""

from __future__ import annotations

from functools import lru_cache

from tld import get_fld


@lru_cache(maxsize=4096)
def registrable_site(site: str) -> str:
    """A `digests.story_sites.site_of` value («sport.aljazeera.net», «news.example.com:8080»)
    with its host cut to the registrable domain («aljazeera.net», «example.com:8080»); a local
    feed's site («127.0.0.1:8000#3»), an IP address or a host on no public suffix unchanged."""
    if not site or "#" in site or site.count(":") > 1:  # a local feed; an IPv6 address
        return site
    host, colon, port = site.partition(":")
    if host.replace(".", "").isdigit():  # an IPv4 address
        return site
    domain = get_fld(host, fix_protocol=True, fail_silently=True)
    if not isinstance(domain, str) or not domain:
        return site
    return f"{domain}{colon}{port}"
