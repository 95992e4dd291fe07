"""digests.speech_cues: speech verbs, who speaks, where the speech starts."""

from __future__ import annotations

from digests.quote_marks import quote_spans, sentence_spans
from digests.speakers import Speakers, tokens
from digests.speech_cues import Cue, find_cues, host_noun


def cues_of(para: str, speakers: Speakers | None = None) -> list[Cue]:
    speakers = speakers if speakers is not None else Speakers()
    spans, _ = quote_spans(para, carried_open=False)
    toks = tokens(para)
    out: list[Cue] = []
    for sent in sentence_spans(para):
        out.extend(find_cues(para, toks, sent, speakers, spans, spans))
    return out


def speech_of(para: str, cue: Cue) -> str:
    assert cue.content_start is not None
    return para[cue.content_start:].strip()


def test_vso_verb_names_its_speaker_and_speech_starts_after_inna() -> None:
    para = "وقال وزير الخارجية الفرنسي جان إيف لودريان إن على إيران تبديد المخاوف."
    [cue] = cues_of(para)
    assert cue.kind == "verb" and cue.named
    assert "لودريان" in cue.speaker
    assert speech_of(para, cue).startswith("على إيران")


def test_a_bare_cue_takes_the_last_named_speaker_of_its_gender() -> None:
    speakers = Speakers()
    cues_of("وقالت الوزيرة سارة أحمد إن الخطة جاهزة.", speakers)
    cues_of("وقال الرئيس محمود علي إن الوقت حان.", speakers)
    [cue] = cues_of("وأضافت أن التنفيذ يبدأ غدا.", speakers)
    assert not cue.named
    assert cue.speaker == "الوزيرة سارة أحمد"


def test_an_attribution_names_a_source_but_introduces_no_speech() -> None:
    para = "وبحسب ما أعلنت الوزارة فإن عدد القتلى ارتفع إلى عشرة."
    assert all(c.content_start is None for c in cues_of(para))


def test_a_colon_after_the_participle_opens_speech() -> None:
    para = "وختم الوزير حديثه قائلا: سنعود إلى المفاوضات قريبا."
    cues = [c for c in cues_of(para) if c.content_start is not None]
    assert cues and speech_of(para, cues[-1]).startswith("سنعود")


def test_the_subject_between_kana_and_the_verb_is_the_speaker() -> None:
    para = "وكان السفير الأمريكي قد أعلن أن السفارة ستنتقل الشهر المقبل."
    [cue] = [c for c in cues_of(para) if c.content_start is not None]
    assert cue.speaker == "السفير الأمريكي"


def test_a_filler_is_not_a_cue() -> None:
    assert cues_of("ويذكر أن المدينة شهدت احتجاجات مماثلة العام الماضي.") == []


def test_host_noun_is_not_the_feminine_participle() -> None:
    assert host_noun("مضيفه", ("part", "f"))
    assert not host_noun("مضيفة", ("part", "f"))
    assert not host_noun("مضيفه", None)


def test_misread_subjects_are_not_speakers() -> None:
    from digests.speech_cues import plausible_speaker

    for junk in ('بـ"الذباب الإلكتروني"', "قائلين", "وعندما تسعى للتغيير", "احتياجاتها",
                 "المتواجدين بمدرب (عالمي", ""):
        assert not plausible_speaker(junk), junk
    for name in ("الرئيس الفرنسي إيمانويل ماكرون", "روحاني", "الخارجية الفرنسية",
                 "صحيفة \"الشرق الأوسط\"", "وزارة الدفاع الأمريكية (البنتاغون)"):
        assert plausible_speaker(name), name


def test_a_misread_subject_falls_back_to_the_clause_speaker() -> None:
    speakers = Speakers()
    cues_of("وقال وزير الخارجية سامح شكري إن المحادثات مثمرة.", speakers)
    [cue] = cues_of("وأضاف قائلين إن الجولة المقبلة في القاهرة.", speakers)
    assert cue.speaker == "وزير الخارجية سامح شكري"


def test_a_doubled_radd_is_a_reply_but_plain_warada_is_not_a_cue() -> None:
    speakers = Speakers()
    cues_of("وقال وزير الخارجية الفرنسي جان إيف لودريان إن على إيران تبديد المخاوف.", speakers)
    para = "وردّ المتحدث باسم الخارجية الإيرانية بهرام قاسمي بأن البرنامج دفاعي بحت."
    [cue] = [c for c in cues_of(para, speakers) if c.content_start is not None]
    assert "قاسمي" in cue.speaker
    assert cues_of("وورد في التقرير أن الوضع مستقر.") == []
