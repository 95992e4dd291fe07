"""QA42 B9: a bundle's «📖» button read «📖 خبر ٧: شاهد.. مقتل جنديين…» while its block read
«مقتل جنديين…» (the stored headline, cleaned of «شاهد..»): a screen reader heard two names for
one story. The label is made from the headline the block shows. Real SQLite."""

from __future__ import annotations

from bot.bundle_buttons import headlines, story_keyboard
from delivery_helpers import add_article, add_source
from digests.headline import clean_headline
from digests.storage import Database

TITLE = "شاهد.. مقتل جنديين إسرائيليين في هجوم بسيارة"


def test_a_story_buttons_label_names_the_blocks_headline(database: Database) -> None:
    article = add_article(database, add_source(database, "سي إن إن"), TITLE)
    shown = clean_headline(TITLE)
    assert shown and not shown.startswith("شاهد")
    with database.transaction() as tx:  # as the archive stores it: the title and its headline
        tx.execute("update articles set headline = ? where id = ?", [shown, article.id])
    titles = headlines(database, [article.id])
    assert titles == [shown]
    [[button]] = story_keyboard("abc", [1], "ar", numbered=True, titles=titles)
    assert "شاهد" not in button.text and "مقتل" in button.text
