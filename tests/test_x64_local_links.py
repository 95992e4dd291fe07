"""QA42 B11: on local servers (the sample site, the demo, a replay) a story's related link was
named «‎127.0.0.1:46741‎ · ١٧ مارس» while «ينقله أيضًا» named the site: a local site is keyed by
its feed («127.0.0.1:46741#3») and the link's URL names no feed. A link is named by the one site
name that goes with its host and port. Real SQLite (digests.story_sites.sited)."""

from __future__ import annotations

from datetime import timedelta

from bot.story_sites import link_note
from delivery_helpers import NOW, add_article, add_source
from digests.models import Digest, RelatedItem
from digests.storage import Database
from digests.story_sites import sited


def test_a_local_sites_link_is_named_by_its_source(database: Database) -> None:
    sky, bbc = add_source(database, "سكاي نيوز عربية"), add_source(database, "بي بي سي عربي")
    first = add_article(database, sky, "غارات على الغوطة الشرقية", story_id=9,
                        published=NOW - timedelta(hours=2))
    other = add_article(database, bbc, "غارات جديدة على الغوطة", story_id=9,
                        published=NOW - timedelta(hours=1))
    urls = {first.id: "http://127.0.0.1:46740/a/1", other.id: "http://127.0.0.1:46741/a/2"}
    with database.transaction() as tx:
        for article, url in urls.items():
            tx.execute("update articles set url = ? where id = ?", [url, article])
    link = RelatedItem(title=other.title, url=urls[other.id], published_at=other.published_at,
                       kind="story")
    digest = Digest(url=urls[first.id], source="سكاي نيوز عربية", headline=first.title,
                    published_at=first.published_at, related=(link,), story_id=9,
                    article_id=first.id)
    [shown] = sited(database.db, [digest])
    note = link_note(link, NOW, "ar", shown)
    assert "بي بي سي عربي" in note and "127.0.0.1" not in note  # was: «‎127.0.0.1:46741‎ · …»
