"""digests.story_reports: which reports read as one story, and one link per story."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from digests.arabic import analyze
from digests.models import Article
from digests.story_reports import (
    Candidate,
    Report,
    headline_keys,
    near_copy,
    one_per_story,
    same_story,
)

NOW = datetime(2018, 3, 25, 12, 0, tzinfo=UTC)


def keys(title: str) -> frozenset[str]:
    return headline_keys(analyze(title))


def test_same_story_reads_headlines() -> None:
    day = datetime(2018, 3, 5, tzinfo=UTC)
    award = Report(keys("محمد صلاح أفضل لاعب في الدوري الإنجليزي الممتاز لشهر فبراير"), day)
    assert same_story(award, Report(keys("محمد صلاح لاعب الشهر في الدوري الإنجليزي"),
                                    day + timedelta(days=4)))
    dream = Report(keys("محمد صلاح: أحلم بالفوز بالدوري الإنجليزي مع ليفربول"), day)
    assert not same_story(award, dream)
    summit = Report(keys("تحديد موعد القمة التاريخية بين الغريمين الكوريين"), day)
    arab = Report(keys("تحديد موعد القمة العربية المقبلة في الرياض"), day + timedelta(days=9))
    assert not same_story(summit, arab)
    assert not same_story(Report(keys("ترامب"), day), Report(keys("ترامب"), day))
    # headlines in other words, the same day, the same distinctive keys: one story
    sig = frozenset(f"k{i}" for i in range(10))
    a = Report(keys("واشنطن تحدد مايو موعدا لنقل سفارتها إلى القدس"), day, sig)
    b = Report(keys("مسؤول أميركي يتوقع فتح السفارة بالقدس"), day, sig)
    assert same_story(a, b)
    assert not same_story(a, replace(b, published=day + timedelta(days=5)))
    assert not same_story(a, replace(b, signature=frozenset(list(sig)[:5])))


def _candidate(i: int, story: int | None, title_words: list[str]) -> Candidate:
    return Candidate(score=100.0 - i, article_id=i, title=" ".join(title_words), story_id=story,
                      report=Report(frozenset(title_words), NOW - timedelta(days=i)))


@hypothesis_settings(deadline=None)  # the first example loads the word table (~0.5 s)
@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(1, 4)),
                          st.lists(st.sampled_from(["دوما", "غوطه", "قصف", "ماكرون", "روحاني",
                                                    "قافله", "حرستا"]),
                                   min_size=1, max_size=4, unique=True)),
                max_size=12),
       st.one_of(st.none(), st.integers(1, 4)), st.integers(1, 5))
def test_one_link_per_story_invariants(cands: list[tuple[int | None, list[str]]],
                                       own_story: int | None, limit: int) -> None:
    article = Article(id=999, source_id=1, source_name="م", url="https://x.example/999",
                      title="خبر عن الطقس", published_at=NOW, story_id=own_story)
    own = Report(keys(article.title), NOW)
    ranked = [_candidate(i, story, words) for i, (story, words) in enumerate(cands)]
    got = one_per_story(article, own, ranked, limit)
    by_id = {c.article_id: c for c in ranked}
    assert len(got) <= limit and got == sorted(got)  # best-ranked first, as ranked
    stories = [by_id[i].story_id for i in got if by_id[i].story_id is not None]
    # one link per story; the article's own story once at most (no mates: the digest lists
    # no "story" link of it)
    assert len(stories) == len(set(stories))
    def one_story(a: Candidate, b: Candidate) -> bool:
        if a.story_id is not None and b.story_id is not None:
            return a.story_id == b.story_id or near_copy(a.report, b.report)
        return same_story(a.report, b.report)

    for n, a in enumerate(got):
        for b in got[n + 1:]:
            assert not one_story(by_id[a], by_id[b])
    # every candidate left out has a kept one of its story, or is of the article's own story
    for c in ranked:
        if c.article_id in got or len(got) == limit:
            continue
        assert c.story_id is not None and c.story_id == own_story \
            or any(one_story(c, by_id[i]) for i in got) \
            or any(by_id[i].title == c.title for i in got)


def test_the_same_sources_earlier_report_of_its_story_is_one_link_when_none_is_listed() -> None:
    """QA25 E11: the same source's earlier report of the article's story (same story_id) was
    left out as a "story" link of the digest — but "story" links are other sources' reports
    (`mates`). Without mates it is one link, the best-ranked; with mates it is left out."""
    article = Article(id=999, source_id=1, source_name="م", url="https://x.example/999",
                      title="الأمطار تغرق الغرب الأوسط وإعلان طوارئ", published_at=NOW, story_id=7)
    own = Report(keys(article.title), NOW)
    ranked = [_candidate(1, 7, ["امطار", "غرب", "اوسط", "امراه"]),
              _candidate(2, 7, ["فيضانات", "ولايه", "طوارئ"]),
              _candidate(3, 9, ["كيم", "كوريا", "بيونغيانغ"])]
    assert one_per_story(article, own, ranked, 5) == [1, 3]
    mate = Report(keys("فيضانات في الغرب الأوسط الأميركي"), NOW)
    assert one_per_story(article, own, ranked, 5, [mate]) == [3]
