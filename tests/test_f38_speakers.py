"""F38 (seed 36's reading): who said it, on invented sentences.

Each test named for a fix fails on the tree before F38 (a98aa91: the garbled or wrong speaker it
asserts away was found); the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import find_quotes


def _found(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in find_quotes(paragraphs)]


def _speakers(paragraphs: list[str]) -> list[str]:
    return [s for s, _ in _found(paragraphs)]


# --- «قال فيهما» and the dual document (5469) ----------------------------------------------------

def test_in_them_two_is_no_speaker() -> None:
    # 5469: «وكتب X رسالتين نشرهما موقع "…" المقرب منه، قال فيهما إن …» was shown «بحسب فيهما».
    para = ('وكتب الوزير السابق سمير ناصر رسالتين نشرهما موقع "الأفق" المقرب منه، قال فيهما إن'
            ' الحكومة أهدرت أموال الدولة عبر شركات لا تخضع لأي رقابة.')
    assert _speakers([para]) == ["الوزير السابق سمير ناصر"]


def test_two_tweets_end_the_publisher() -> None:
    # The dual of a post ends its publisher's name as the singular does.
    para = 'ونشر اللاعب كريم حسن تغريدتين قال فيهما إنه سيبقى مع فريقه حتى نهاية الموسم المقبل.'
    assert _speakers([para]) == ["اللاعب كريم حسن"]


def test_one_tweet_still_names_its_publisher() -> None:
    # Guard: the singular, as before.
    para = 'ونشر اللاعب كريم حسن تغريدة قال فيها إنه سيبقى مع فريقه حتى نهاية الموسم المقبل.'
    assert _speakers([para]) == ["اللاعب كريم حسن"]
