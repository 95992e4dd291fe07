"""X89 (REV s22 finding 3): the English urgent label is dropped only as a label is written —
"BREAKING", "BREAKING NEWS", "Breaking News" — not from a headline that opens on the words in
sentence case: "Breaking news anchors quit CNN after row" lost "Breaking news" (X87's
`[Bb]reaking\\s+[Nn]ews`)."""

from __future__ import annotations

from digests.headline import clean_headline


def test_a_headline_about_breaking_news_keeps_its_words() -> None:
    for title in ("Breaking news anchors quit CNN after row",
                  "Breaking news coverage draws record audience in Cairo"):
        assert clean_headline(title) == title


def test_the_label_still_goes() -> None:
    assert clean_headline("Breaking News Earthquake hits Tokyo today") == \
        "Earthquake hits Tokyo today"
    assert clean_headline("BREAKING NEWS quake hits Iran today") == "quake hits Iran today"
    assert clean_headline("BREAKING quake hits Iran today") == "quake hits Iran today"
