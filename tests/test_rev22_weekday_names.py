"""Review REV (session 22) of X87's 68dde0e: a weekday written last after a topic is its day
(«Syria Thursday»), but English names an event so too — "Super Tuesday" (the primaries),
"Bloody Sunday", "Easter Monday", "Palm Sunday", "Shrove/Fat Tuesday", "Whit Monday" — and
those were read as the topic «Super» on the latest Tuesday; before 68dde0e they were searched
as written. They are words again, as "Black Friday" was kept."""

from __future__ import annotations

from datetime import date

import pytest

from digests.day_words import asked_weekday

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("text", ["Super Tuesday", "Bloody Sunday", "Easter Monday",
                                  "Palm Sunday", "Shrove Tuesday", "Fat Tuesday", "Whit Monday",
                                  "Trump Super Tuesday"])
def test_an_event_named_by_its_weekday_is_no_day(text: str) -> None:
    assert asked_weekday(text, TODAY) is None


def test_a_topic_then_its_weekday_is_still_that_day() -> None:
    asked = asked_weekday("Syria Thursday", TODAY)
    assert asked is not None and asked.rest == "Syria" and asked.day == date(2026, 11, 26)
