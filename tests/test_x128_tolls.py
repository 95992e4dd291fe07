"""X128 (REV s26 #3): a distance, a weight or a duration is no toll, and a multiplied count of
people after a verbal noun («إصابة 3 آلاف من الجنود») is one, in both toll readers
(digests.toll_revisions.toll_kinds, digests.story_figures.figures/tolls).
"""

from __future__ import annotations

from digests.story_figures import figures, tolls
from digests.toll_revisions import DEAD, HURT, down_kinds, toll_kinds


def test_distances_weights_and_durations_are_no_toll() -> None:
    # failed before: 10 km, 20 tons, 11 weeks, 3 decades were read as so many dead
    assert toll_kinds("مقتل 3 في انفجار على بعد 10 كيلومترات من الحدود") == [(DEAD, 3)]
    assert toll_kinds("مقتل 3 في انفجار على بعد 10 كلم من الحدود") == [(DEAD, 3)]
    assert toll_kinds("مقتل 4 بانفجار شاحنة محملة بـ20 طنا من المتفجرات") == [(DEAD, 4)]
    assert toll_kinds("مقتل 4 بانفجار 500 كيلوغرام من المتفجرات") == [(DEAD, 4)]
    assert toll_kinds("مقتل 6 في اشتباكات استمرت 11 أسبوعا") == [(DEAD, 6)]
    assert toll_kinds("مقتل 12 في أسوأ فيضان منذ 3 عقود") == [(DEAD, 12)]
    # a later distance is no lower toll: 12 dead → 15 dead 5 km away is no revision down
    assert down_kinds("مقتل 12 بانفجار", "مقتل 15 بانفجار على بعد 5 كيلومترات من المدينة") \
        == frozenset()


def test_a_multiplied_count_after_a_verbal_noun_is_a_toll() -> None:
    # failed before: toll_kinds [] (a multiplied count without a toll noun after it);
    # figures read people 3000, and tolls none (no death in the clause) or 3000 dead
    assert toll_kinds("إصابة 3 آلاف من الجنود") == [(HURT, 3000)]
    assert toll_kinds("مقتل 5 وإصابة 3 آلاف من المدنيين") == [(DEAD, 5), (HURT, 3000)]
    assert toll_kinds("مقتل 3 آلاف شخص في الزلزال") == [(DEAD, 3000)]
    assert figures("إصابة 3 آلاف من الجنود") == {(HURT, 3000.0)}
    assert tolls("إصابة 3 آلاف من الجنود") == {HURT: {3000.0}}
    assert tolls("مقتل 5 وإصابة 3 آلاف من المدنيين") == {DEAD: {5.0}, HURT: {3000.0}}
    assert tolls("مقتل 3 وإصابة 5 أطفال في قصف") == {DEAD: {3.0}, HURT: {5.0}}


def test_what_stays_no_toll() -> None:
    # a multiplied count of something else, or of people with no toll word beside it
    assert toll_kinds("40 ألف جريمة حوثية ضد المدنيين") == []
    assert toll_kinds("مقتل 20 ونزوح 50 ألف شخص") == [(DEAD, 20)]
    assert figures("نزوح 50 ألف شخص") == {("people", 50000.0)}
    assert tolls("نزوح 50 ألف شخص") == {}
    # a measure after a verbal noun is none either
    assert figures("مقتل 3 على بعد 10 كيلومترات") == {(DEAD, 3.0)}
