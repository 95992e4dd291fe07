"""digests.speech_cues: speech verbs, who speaks, where the speech starts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from digests.quote_marks import quote_spans, sentence_spans
from digests.speaker_checks import plausible_speaker
from digests.speakers import Speakers, tokens
from digests.quotes import find_quotes
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


def test_a_comma_after_a_saying_verbs_subject_opens_speech() -> None:
    para = "وقال الوزير، الوضع صعب جدا."
    [cue] = cues_of(para)
    assert cue.speaker == "الوزير"
    assert speech_of(para, cue) == "الوضع صعب جدا."


def test_a_comma_opens_no_speech_after_a_verb_that_is_not_saying() -> None:
    [cue] = cues_of("وأكد الوزير، الوضع صعب جدا.")
    assert cue.speaker == "الوزير" and cue.content_start is None


def test_an_occasion_between_commas_is_not_the_speech() -> None:
    para = "وقال قائد الشرطة، في مؤتمر صحفي الجمعة، تم طرد المتظاهرين."
    [cue] = cues_of(para)
    assert cue.speaker == "قائد الشرطة"
    assert speech_of(para, cue) == "تم طرد المتظاهرين."


def test_what_was_refused_is_not_a_statement() -> None:
    assert cues_of("رفض الكرملين إشارات بأنه تدخل في الانتخابات.") == []


def test_refusal_names_its_subject_without_the_possessed_object() -> None:
    para = 'رفضت إليسا مصافحتها قائلة "لا أصافح أحدا".'
    refusal, participle = cues_of(para)
    assert refusal.speaker == "إليسا" and refusal.named and refusal.content_start is None
    assert participle.kind == "part" and participle.speaker == "إليسا"
    assert speech_of(para, participle).startswith('"لا أصافح')


def test_tadammana_is_speech_only_when_its_clause_closes_with_anna() -> None:
    para = "وتضمن بيان للمتحدث باسم الوزارة الأحد أن الخطة جاهزة."
    [cue] = cues_of(para)
    assert speech_of(para, cue) == "الخطة جاهزة."
    assert cues_of("تضمنت التهم تلقي رشاوى كبيرة.") == []


def test_two_cues_before_one_inna_leave_the_speech_to_the_first() -> None:
    para = "قالت الوزيرة سارة، التي تبلغ الخمسين، إن الخطة جاهزة."
    [cue] = cues_of(para)
    assert cue.speaker == "الوزيرة سارة"
    assert speech_of(para, cue) == "الخطة جاهزة."


def test_a_caption_written_above_a_picture_is_the_publishers() -> None:
    para = "ونشر الرئيس صورة وكتب فوقها: هذا يوم عظيم."
    [cue] = cues_of(para)
    assert cue.speaker == "الرئيس"
    assert speech_of(para, cue) == "هذا يوم عظيم."


def test_a_counter_voice_is_marked() -> None:
    para = "من جهته، نفى المتحدث باسم الجيش أن تكون القوات قد انسحبت."
    [cue] = cues_of(para)
    assert cue.counter and cue.speaker == "المتحدث باسم الجيش"
    assert not cues_of("وقال المتحدث باسم الجيش إن القوات انسحبت.")[0].counter


def test_a_participles_speech_makes_its_clause_speaker_the_one_a_later_cue_means() -> None:
    speakers = Speakers()
    cues_of("وقال الوزير محمود حسن إن الخطة جاهزة.", speakers)
    stance, participle = cues_of("وانتقد النائب سامي حسن الحكومة مشيرا إلى أن الخطة فاشلة.",
                                 speakers)
    assert participle.kind == "part" and not participle.named
    assert participle.speaker == stance.speaker and "سامي" in stance.speaker
    [later] = cues_of("وتابع أن الحكومة ستسقط.", speakers)
    assert later.speaker == stance.speaker


_WORDS = ("قال", "وقال", "قالت", "وأضاف", "مشيرا", "قائلا:", "بحسب", "وفقا", "ما", "إن", "أن",
          "إلى", "الوزير", "سارة", "الحكومة", "التي", "كان", "قد", "رفض", "تضمن", "لخص", "نفى",
          "جهته،", "فيها:", "بيانا", "ونشر", "الخطة،", "جاهزة.", "«الوضع", "صعب»", "لم", "عن")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=25))
def test_cues_are_in_reading_order_within_their_sentence(words: list[str]) -> None:
    para = " ".join(words)
    spans, _ = quote_spans(para, carried_open=False)
    toks = tokens(para)
    speakers = Speakers()
    for sent in sentence_spans(para):
        cues = find_cues(para, toks, sent, speakers, spans, spans)
        assert [c.tok for c in cues] == sorted({c.tok for c in cues})
        for c in cues:
            assert sent[0] <= toks[c.tok].start < sent[1]
            assert c.end_tok > c.tok
            assert not (c.kind == "prep" and c.content_start is not None)
            assert not (c.named and not c.speaker)
        starts = [c.content_start for c in cues if c.content_start is not None]
        assert len(starts) == len(set(starts))


def test_a_sentence_wholly_inside_quote_marks_has_no_cues() -> None:
    para = "وقال الوزير إن الخطة جاهزة."
    toks = tokens(para)
    whole = (0, len(para))
    assert find_cues(para, toks, whole, Speakers(), spans=[whole]) == []
    # Quoted words after the verb are outside the sentence's window: no subject is read there.
    [bare] = find_cues(para, toks, whole, Speakers(), spans=[(5, len(para))])
    assert bare.tok == 0 and bare.speaker == "" and bare.end_tok == 1
    [cue] = find_cues(para, toks, whole, Speakers())
    assert cue.tok == 0 and cue.speaker == "الوزير"


def test_a_verb_quoted_mid_sentence_is_no_cue() -> None:
    # The enclosing direct quote is the statement: «ويؤكد» is the quoted voice's word, and the
    # words after it are no speaker a later «وأضاف» could mean.
    para = 'وقال مدير الشركة سامر حداد: "الأرقام جيدة هذا العام ويؤكد الخبراء أن النمو سيستمر" أمس.'
    speakers = Speakers()
    [cue] = cues_of(para, speakers)
    assert cue.speaker == "مدير الشركة سامر حداد"
    [later] = cues_of("وأضاف أن الشركة ستوسع أعمالها في العام المقبل.", speakers)
    assert later.speaker == "مدير الشركة سامر حداد"


def test_marks_a_writer_left_unclosed_do_not_hide_the_next_cue() -> None:
    # «"عقلانية …، وحث أنقرة على أن "تراعي …"»: the first mark was never closed, so the paired
    # span is the writer's words and «وحث» still speaks.
    para = 'انتقد مسؤول كبير ما وصفه بسياسة "غير عقلانية في المنطقة، وحث أنقرة على أن "تراعي السيادة العربية".'
    assert any(c.speaker == "مسؤول كبير" and c.content_start is not None
               and para[c.content_start:].strip().startswith('"تراعي') for c in cues_of(para))


def test_an_indefinite_speaker_is_a_speaker_as_written() -> None:
    # «أحدهم» (one of them) ends like a possessed noun («احتياجاتها») but names who speaks.
    assert plausible_speaker("أحدهم") and plausible_speaker("إحداهن")
    assert not plausible_speaker("احتياجاتها")
    paras = ["وتجمع العشرات أمام مبنى البلدية منذ الصباح.",
             'ولخص أحدهم الموقف قائلا: "لن نغادر قبل أن نسمع ردا واضحا من الحكومة".',
             "وقال أحدهم إن الانتظار طال أكثر مما يجب."]
    assert [(q.kind, q.speaker) for q in find_quotes(paras)] == [
        ("direct", "أحدهم"), ("reported", "أحدهم")]


def test_a_relayed_pronoun_speaks_for_the_last_one_named() -> None:
    # «ونقلت الوكالة عنه قوله إن …»: «عنه» is the last man named, not the agency.
    speakers = Speakers()
    cues_of("قال الوزير سامي نور إن الأزمة ستنتهي قريبا.", speakers)
    cues_of("وقالت الوزيرة هالة حسن إن الخطة جاهزة للتنفيذ.", speakers)
    [his] = cues_of("ونقلت الوكالة الرسمية عنه قوله إن الحكومة ستدعم المزارعين.", speakers)
    assert his.speaker == "الوزير سامي نور" and not his.named
    [hers] = cues_of("ونقل التلفزيون عنها قولها إن المدارس ستفتح غدا.", speakers)
    assert hers.speaker == "الوزيرة هالة حسن"


# Session 5 (F6): the speakers readers still saw wrong. Invented sentences, one per pattern.

def _speakers(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in find_quotes(paragraphs)]


def test_the_addressee_after_a_speech_verb_is_never_the_speaker() -> None:
    # «قال لسمير»: whom it was said to; the subject is written before the verb.
    cues = cues_of("ذكرت الوزارة أن رئيس البلدية، كريم ناصر، قال لسمير عبر الهاتف إن الجسر سيفتح.")
    assert cues[-1].speaker == "رئيس البلدية كريم ناصر"
    # «ووفقا لناصر فإن …»: the «ل» belongs to the preposition; the speaker is Nasser.
    [cue] = cues_of("ووفقا لناصر فإن الخطة ستنجح.")
    assert cue.kind == "prep" and cue.speaker == "ناصر"
    [cue] = cues_of("ووفقا للوزارة فإن الخطة ستنجح.")
    assert cue.speaker == "الوزارة"
    # An addressee first means the subject is a pronoun: nobody new is named here.
    assert all(s != "أصدقائه" and not s.startswith("ل")
               for s, _ in _speakers(["وقال المدرب سمير إن الفريق جاهز.",
                                      'وأضاف لأصدقائه إن "المباراة المقبلة ستكون صعبة جدا علينا".']))
    # Names that start with «ل» stay: «لجنة», «لندن».
    [(speaker, _)] = _speakers(["وقالت لجنة الانتخابات إن النتائج ستعلن مساء الأحد."])
    assert speaker == "لجنة الانتخابات"


def test_manner_words_conjunctions_and_amounts_are_never_speakers() -> None:
    # «رد عليه مبتسما:» — the smile is how he said it; nobody named speaks here, so no quote.
    assert _speakers(['رد عليه مبتسما: "لا أستطيع أن أقول شيئا الآن".']) == []
    # «ولهذا كتبت …»: the writer's conjunction, not a speaker.
    assert _speakers(["ولهذا كتبت اليوم بأن يكون هناك اهتمام جاد بالملعب الجديد."]) == []
    # «نقل أكثر من …»: an amount, not a speaker.
    assert all(s != "أكثر" for s, _ in _speakers(
        ["تم بموجبه نقل أكثر من ألف شخص، ليؤكد الإعلام الرسمي أن المنطقة باتت خالية."]))
    assert not plausible_speaker("لأسباب عرضية")
    assert not plausible_speaker("مبتسما")
    assert not plausible_speaker("83٪")
    assert not plausible_speaker("بحق العودة") and not plausible_speaker("ففي عام 2014")
    assert plausible_speaker("علي لاريجاني")  # «علي» is a name, not «على»
    assert plausible_speaker("لافروف") and plausible_speaker("ليونيل ميسي")


def test_a_prepositional_phrase_on_the_subject_ends_it() -> None:
    [(speaker, _)] = _speakers(['وأشار المتحدث بيده إلى الصاروخ وقال إنه "صنع في مصنع واحد فقط".'])
    assert speaker == "المتحدث"
    # «حديثه» (his talk) ends the subject; «حديثة» (recent) belongs to it.
    [(speaker, _)] = _speakers(['وقال المدرب حديثه للصحفيين: "الفريق قدم أداء رائعا اليوم".'])
    assert speaker == "المدرب"
    [(speaker, _)] = _speakers(["وقالت دراسة حديثة إن النوم المبكر يحسن الذاكرة."])
    assert speaker == "دراسة حديثة"


def test_a_medium_keeps_its_name_or_names_nobody() -> None:
    [(speaker, _)] = _speakers(["وقالت شبكة (إن.بي.إس) إن المقابلة اجتذبت جمهورا كبيرا."])
    assert speaker == "شبكة (إن.بي.إس)"
    [(speaker, _)] = _speakers(["وأشارت صحيفة »الأيام« المحلية إلى أن الجسر سيفتح غدا."])
    assert speaker == "صحيفة »الأيام« المحلية"
    # A bare «صحيفة» whose name was not read: nobody else is put in its place.
    paragraphs = ["وقال الوزير كريم ناصر إن الميزانية جاهزة.",
                  "وقالت صحيفة ،الأيام، إن الجسر سيفتح غدا."]
    assert all(s != "كريم ناصر" or "الجسر" not in t for s, t in _speakers(paragraphs))


def test_relayed_words_belong_to_the_one_relayed_not_the_outlet() -> None:
    [(speaker, _)] = _speakers(
        ['ونقلت صحيفة "الأيام" بيانا لوزارة النقل قالت فيه: "سنرد بالمثل على أي إجراء مماثل".'])
    assert speaker == "وزارة النقل"
    [(speaker, _)] = _speakers(
        ['ونقلت وسائل إعلام محلية على لسان سمير تصريحات قال فيها "الوقت لا يتوقف أبدا لأحد".'])
    assert speaker == "سمير"
    # «في بيان نقلت مقتطفات منه الوكالة»: how the statement came out; the speaker is X.
    [(speaker, text)] = _speakers(
        ["وقال ناصر، في بيان نقلت مقتطفات منه وكالة الأنباء، إنه لم يبلغ بالعملية مسبقا."])
    assert speaker == "ناصر" and text.startswith("لم يبلغ")


def test_cnn_is_a_name_not_a_complementizer() -> None:
    para = "وقال الوزير في مقابلة مع محطة سي إن إن الأميركية إن التهريب يبدأ من البحر."
    [(speaker, text)] = _speakers([para])
    assert speaker == "الوزير" and text.startswith("التهريب يبدأ")


def test_a_verb_after_an_subordinating_an_opens_no_statement() -> None:
    # «قبل أن يضيف X الهدف السادس، …»: adding a goal, not a statement set off by a comma.
    assert _speakers(["تقدم الفريق بهدفين، قبل أن يضيف سمير الهدف الثالث، والرابع بعد دقيقة."]) == []


def test_the_object_after_a_transitive_verbs_subject_is_not_the_speaker() -> None:
    """QA9 C: «ودعا المومني المجتمع الدولي …», «وطالبت وزارة النقل الروسية بريطانيا …»."""
    [(speaker, _)] = _speakers(["ودعا الوزير سامر المجتمع الدولي إلى أن يتحمل مسؤولياته كاملة."])
    assert speaker == "الوزير سامر"
    [(speaker, _)] = _speakers(["وطالبت وزارة النقل الروسية بريطانيا بأن تفسر سبب تفتيش الطائرة."])
    assert speaker == "وزارة النقل الروسية"
    [(speaker, _)] = _speakers(["واتهم الرئيس كمال تركيا بأنها تعرقل أعمال الحفر في المنطقة."])
    assert speaker == "الرئيس كمال"
    # a country in a genitive stays: «منظمة الأمم المتحدة», «سفير روسيا»
    [(speaker, _)] = _speakers(["ودعت منظمة الأمم المتحدة للطفولة إلى أن تتوقف الحرب فورا."])
    assert speaker == "منظمة الأمم المتحدة للطفولة"
    [(speaker, _)] = _speakers(["وحذر سفير روسيا من أن العقوبات ستضر بالعلاقات بين البلدين."])
    assert speaker == "سفير روسيا"


def test_the_subject_between_kana_and_qad_is_the_speaker_not_the_verbs_object() -> None:
    """QA9 C: «وكانت السلطات قد هددت النساء المحتجات بأنهن …» named «النساء المحتجات»."""
    [(speaker, _)] = _speakers(["وكانت السلطات قد هددت النساء المحتجات بأنهن قد يواجهن السجن."])
    assert speaker == "السلطات"
    [(speaker, _)] = _speakers(["وكانت المنظمة قد قالت الأسبوع الماضي إن الوضع يتدهور بسرعة."])
    assert speaker == "المنظمة"
    # a relay verb keeps reading the one relayed after «عن»
    [(speaker, _)] = _speakers(
        ["وكانت الوكالة قد نقلت عن المتحدث باسم الوزارة قوله إن الوضع هادئ تماما."])
    assert speaker == "المتحدث باسم الوزارة"


def test_fih_after_an_accusing_verb_refers_back_and_the_rest_is_its_object() -> None:
    cues = cues_of("ونشر الفريق كمال فيديو اتهم فيه السلطات بمنعه من السفر.")
    assert all("السلطات" not in c.speaker for c in cues)
    # «نشر X سلسلة تغريدات قال في إحداها»: the publisher speaks
    [(speaker, _)] = _speakers(
        ['ونشر الوزير كمال سلسلة تغريدات قال في إحداها "لا بد أن نعرف حجمنا الحقيقي".'])
    assert speaker == "الوزير كمال"
    # «كانت أصدرت بيانا أشارت فيه»: the publisher is written before «كانت»
    cues = cues_of("لكن رئاسة الأركان كانت أصدرت الخميس بيانا أشارت فيه إلى أن الاتصال تم.")
    assert cues[-1].speaker == "رئاسة الأركان"


def test_a_bare_qala_goes_on_from_the_verb_that_opens_its_sentence() -> None:
    """QA9 N4: «وأعلنت وزارة الداخلية أن … وقدّر المعهد الوطني … وقال إن …» gave the second
    statement to the ministry, not to the institute that is the subject of the clause before."""
    quotes = _speakers(["وأعلنت وزارة الداخلية أن الهزة لم تخلف أي أضرار في المدينة.",
                        ("وقدّر المعهد الوطني للجيوفيزياء شدة الهزة بأربع درجات، وقال إن بؤرتها"
                         " تقع في البحر قبالة الساحل.")])
    assert quotes[-1] == ("المعهد الوطني للجيوفيزياء", "بؤرتها تقع في البحر قبالة الساحل")
    # another gender, a present tense or a preposition first: the last speaker as before
    quotes = _speakers(["وأعلن وزير الداخلية أن الهزة لم تخلف أي أضرار في المدينة.",
                        "وشهدت المدينة احتجاجات واسعة، وقال إن السلطات ستعوض المتضررين قريبا."])
    assert quotes[-1][0] == "وزير الداخلية"
    quotes = _speakers(["وأعلن وزير الداخلية أن الهزة لم تخلف أي أضرار في المدينة.",
                        "وحول المعارك الدائرة في الشمال، قال إن الجيش سيحسمها خلال أيام."])
    assert quotes[-1][0] == "وزير الداخلية"
    # only the definite subject: «وردد المحتجون شعارات …» names the protesters
    quotes = _speakers(["وردد المحتجون شعارات ضد الحكومة، وقالوا إن مطالبهم لن تتغير أبدا."])
    assert quotes[-1][0] == "المحتجون"



def test_the_posts_a_speaker_criticised_in_are_not_the_speaker() -> None:
    """«… برده على التغريدات التي انتقد فيها اللاعب "…"» named «التغريدات» (then «اللاعب»,
    the one criticised); the speaker is the one named before."""
    quotes = _speakers([('وأضاف رئيس الهيئة سامر خليل، برده على التغريدات التي انتقد فيها المهاجم'
                         ' كريم "مستواه نازل وهذه حقيقة يعرفها الجميع".')])
    assert quotes[-1][0] == "رئيس الهيئة سامر خليل"
    [(speaker, _)] = _speakers(["واتهم فريق خبراء الأمم المتحدة الحكومة بأنها تعرقل وصول المعونات."])
    assert speaker == "فريق خبراء الأمم المتحدة"  # «خبراء الأمم»: a construct, not an object
    [(speaker, _)] = _speakers(["واتهم محققو الأمم المتحدة تركيا بأنها أسهمت في نشر الكراهية."])
    assert speaker == "محققو الأمم المتحدة"


def test_what_a_refusing_participle_rejects_is_not_a_statement() -> None:
    """«رافضا اتهامات واشنطن بأن موسكو تنتهك التزاماتها» was shown «بحسب بيسكوف، موسكو تنتهك …»."""
    quotes = _speakers([('وقال المتحدث باسم الوزارة إن "بلاده لا تنوي خوض سباق تسلح"، رافضا اتهامات'
                         ' الجيران بأن بلاده تنتهك التزاماتها الدولية.')])
    assert [text for _, text in quotes] == ["بلاده لا تنوي خوض سباق تسلح"]


def test_f9_the_subject_that_opens_a_sentence() -> None:
    """`sentence_opener`: a non-speech verb's subject that is a person or a body, with the
    genders its verb allows; a thing («انفجار»), a definite noun without a title, a speech
    verb (a cue of its own) are none."""
    from digests.sentence_openers import sentence_opener

    def opener(text: str) -> tuple[str, frozenset[str]] | None:
        toks = tokens(text)
        return sentence_opener(toks, 0, len(toks))

    assert opener("وتتعامل ليلى برونتي، محاضرة في العلاج، بحرص") == (
        "ليلى برونتي", frozenset("mf"))
    assert opener("وتقدم كاراغر (40 عاما) باعتذار") == ("كاراغر", frozenset("mf"))
    assert opener("ولم تناقش متحدثة باسم فيسبوك تفاصيل القضية") == (
        "متحدثة باسم فيسبوك", frozenset("mf"))
    assert opener("وغادرت الوزيرة") == ("الوزيرة", frozenset("f"))
    assert opener("ووقع انفجار ضخم في السوق") is None
    assert opener("وشهدت المدينة احتجاجات واسعة") is None
    assert opener("وقال الوزير إن الوضع هادئ") is None


def test_f10_hung_on_is_no_comment() -> None:
    # QA13 1535: «علقت بها عمامته:» (his turban got caught on it) was read as «علّقت» (commented),
    # with the turban as the speaker of what follows the colon.
    for paragraph in ('وعرف الأمير أن خوف الشاعر كان بسبب شجرة علقت بها عمامته: "ليت الأرض ابتلعته!".',
                      'وضحك الأمير لما رأى شجرة علقت بها عمامته: "ليت الأرض ابتلعته!".'):
        assert all(c.speaker != "عمامته" for c in find_quotes([paragraph])), paragraph
    # «علّق على …:» is still a speech cue.
    said = find_quotes(['وعلق الوزير على القرار: "هذا يوم مهم للبلاد كلها".'])
    assert [c.speaker for c in said] == ["الوزير"]


def test_f10_a_subject_in_ba_after_alaq_still_comments() -> None:
    said = find_quotes(['وعلق بيرنارد على ذلك قائلا "إنها مواجهة صعبة جدا علينا".'])
    assert [c.speaker for c in said] == ["بيرنارد"]


def test_k12_went_on_with_his_talk_and_a_colon_speaks() -> None:
    # «وواصل X حديثه: "…"» (K12's loss table: two key quotes never found).
    found = find_quotes(['وواصل مهاجم النادي حديثه: "أرى في هذا اللاعب موهبة كبيرة جدا".'])
    assert [(c.kind, c.speaker, c.text) for c in found] == [
        ("direct", "مهاجم النادي", "أرى في هذا اللاعب موهبة كبيرة جدا")]
    found = find_quotes(['وواصلت الوزيرة حديثها: "لن نقبل بهذا القرار أبدا".'])
    assert [(c.speaker, c.text) for c in found] == [("الوزيرة", "لن نقبل بهذا القرار أبدا")]


def test_k12_went_on_with_something_else_is_narration() -> None:
    assert find_quotes(['وواصل الجيش قصفه للمدينة: "طوال الليل دون توقف أبدا".']) == []
    assert cues_of("وواصل الجيش قصفه للمدينة طوال الليل.") == []


def test_k12_went_on_saying_is_the_last_voice_not_a_speaker() -> None:
    # «ومضت تقول "…"»: «ومضت» (went on) is no subject; the woman named before goes on.
    found = find_quotes(["وقالت المحققة يانغي لي إن الوضع خطير جدا.",
                         'ومضت تقول "استخدم الموقع لنقل رسائل عامة إلى الناس".'])
    assert [(c.speaker, c.named) for c in found] == [
        ("المحققة يانغي لي", True), ("المحققة يانغي لي", False)]
    # «ومضى الرئيس الأمريكي يقول إن …»: the president, without the verb.
    found = find_quotes(["ومضى الرئيس الأمريكي يقول إن الحكومة لن تتراجع عن القرار."])
    assert [(c.speaker, c.text) for c in found] == [
        ("الرئيس الأمريكي", "الحكومة لن تتراجع عن القرار")]


def test_k12_a_colon_on_a_verb_after_a_quote_opens_speech_not_a_subject() -> None:
    # «…"، وأضاف: مر وقت طويل …»: «مر» (passed) is what he said, not who said it.
    found = find_quotes(['وقال نجم ليفربول: "أقول لجماهيرنا إني أعمل بكل طاقتي"، وأضاف: مر وقت '
                         'طويل منذ حصل النادي على اللقب.'])
    assert [(c.speaker, c.text) for c in found] == [
        ("نجم ليفربول", "أقول لجماهيرنا إني أعمل بكل طاقتي"),
        ("نجم ليفربول", "مر وقت طويل منذ حصل النادي على اللقب")]


def test_k12_a_construct_body_opening_the_sentence_speaks_through_its_participle() -> None:
    # «ونعتها وزارة الثقافة الفلسطينية قائلة: "…"»: «وزارة الثقافة» is definite by its genitive.
    found = find_quotes(['ونعتها وزارة الثقافة الفلسطينية قائلة: "رحيل الفنانة خسارة كبيرة للثقافة".'])
    assert [(c.speaker, c.text) for c in found] == [
        ("وزارة الثقافة الفلسطينية", "رحيل الفنانة خسارة كبيرة للثقافة")]
    # an indefinite noun after the opening verb is still no subject
    assert find_quotes(['ونعتها صديقة مقربة قائلة: "رحيل الفنانة خسارة كبيرة للثقافة".']) == []
