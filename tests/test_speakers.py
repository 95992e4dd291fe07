"""digests.speakers and digests.fronted_speakers: the speaker as written around a speech verb."""

from __future__ import annotations

from digests.fronted_speakers import antecedent, speaker_before
from digests.speakers import Speakers, anonymity, subject, tokens
from digests.quotes import find_quotes


def _after(text: str) -> str:
    toks = tokens(text)
    return subject(toks, 1, len(toks))[0]  # the verb is the first word


def test_subject_after_the_verb() -> None:
    assert _after("قال الرئيس الفرنسي إيمانويل ماكرون، إن") == "الرئيس الفرنسي إيمانويل ماكرون"
    assert _after("وقالت الرئاسة الفرنسية في بيان لها مساء اليوم") == "الرئاسة الفرنسية"
    assert _after("وقال للصحفيين رئيس البعثة إن") == "رئيس البعثة"
    assert _after('وقال لـ"سكاي نيوز عربية" المحلل السياسي سامر إن') == "المحلل السياسي سامر"
    assert _after("وأكد الوزير وقوف بلاده مع") == "الوزير"
    assert _after("وقالت ماي متحدثة في البرلمان") == "ماي"
    assert _after("وأعلن النادي استكمال إجراءات التعاقد") == "النادي"
    assert _after("وقال نصرالله وفقا لما نقلته الوكالة") == "نصرالله"
    assert _after('وذكر موقع "ساينس ألرت" العلمي أن') == 'موقع "ساينس ألرت" العلمي'
    assert _after("وقال إن") == ""


def test_subject_before_the_verb_and_relative_antecedents() -> None:
    toks = tokens("وأضافت أن روحاني قال لماكرون إن")
    assert speaker_before(toks, 3) == "روحاني"
    toks = tokens("في تقرير إلى أدلة متزايدة تشير إلى أن")
    assert speaker_before(toks, 5) == ""  # the object of a preposition
    toks = tokens("واستمعت المحكمة إلى الشهود الذين قالوا إنهم")
    assert antecedent(toks, 4, 0) == "الشهود"


def test_speakers_by_gender() -> None:
    speakers = Speakers()
    assert speakers.last() == ""
    speakers.add("الوزيرة هدى سالم", "f")
    speakers.add("المدير أحمد ناصر", "m")
    assert speakers.last("f") == "الوزيرة هدى سالم"
    assert speakers.last("m") == "المدير أحمد ناصر"
    assert speakers.last() == "المدير أحمد ناصر"


def test_quoted_names_as_speakers_and_more_stops() -> None:
    assert _after('وقالت "موزيلا فايرفوكس" إن المتصفح') == "موزيلا فايرفوكس"
    assert _after("قالوا طوال أشهر بأن") == ""
    assert _after("وأضاف لاعب وسط منتخب إيطاليا السابق:") == "لاعب وسط منتخب إيطاليا السابق"


def test_no_subject_is_read_past_a_colon() -> None:
    # «قال للصحفيين: …», «تغريدة قال فيها: …»: the words after the colon are the speech.
    assert _after("وقال للصحفيين: نحن نعمل على حل الأزمة") == ""
    assert _after("قال فيها: أنا فخور بهذا الفريق") == ""
    toks = tokens("وأضاف الأحد: نحن مستعدون")
    assert subject(toks, 1, len(toks)) == ("", 2)


def test_a_quoted_name_before_ila_anna_is_the_speaker() -> None:
    # «أشارت "ماركا" إلى أن …» as «قالت "ماركا" إن …»: the quoted paper speaks.
    assert _after('وأشارت "ذا ديلي" إلى أن اللاعب') == "ذا ديلي"
    assert _after('وقالت "ذا ديلي" إن اللاعب') == "ذا ديلي"


def test_asking_not_to_be_named_ends_the_subject() -> None:
    assert _after("وقال مسؤول عسكري طلب عدم الكشف عن هويته إن") == "مسؤول عسكري"
    assert _after("وقال دبلوماسي شريطة عدم ذكر اسمه إن") == "دبلوماسي"
    toks = tokens("وقال مصدر رفض كشف هويته إن الهجوم وقع")
    assert anonymity(toks, 3, len(toks)) and anonymity(toks, 4, len(toks))
    assert not anonymity(toks, 1, len(toks)) and not anonymity(toks, 6, len(toks))


def test_the_name_ali_stays_in_the_speaker() -> None:
    # The paragraph writes the preposition «على» with ى, so «علي» before a name is a name; with
    # a noun after it («علي هامش») it is still the preposition.
    assert _after("وقال وزير المالية علي حسن خليل إن الخطة تعتمد على الإصلاح") == (
        "وزير المالية علي حسن خليل")
    assert _after("وقال وزير المالية علي حسن خليل إن الخطة جاهزة") == "وزير المالية"
    assert _after("وقال المسؤول علي هامش المؤتمر إن الحل يعتمد على الحوار") == "المسؤول"


def test_indefinite_addressees_end_the_speaker() -> None:
    assert _after("وقال الرئيس لصحافيين في البيت الأبيض إن") == "الرئيس"
    assert _after("وقال المتحدث باسم الأسطول لصحفيين إن") == "المتحدث باسم الأسطول"


def test_speaker_ends_before_a_prepositional_object() -> None:
    # Invented sentences: «ب…» with a verbal noun, «عدم», a quoted name, or «لنظيره» is the object.
    assert _after("وطالب النظام السوري بعدم منح سكان القرى") == "النظام السوري"
    assert _after("وتعهد الوزير بذلك في") == "الوزير"
    assert _after('وطالب الرئيس خالد ب"الإصلاح"') == "الرئيس خالد"
    assert _after("وطالبت الجمعية بمحاسبة المسؤولين") == "الجمعية"
    assert _after("وتابع الفريق باستمرار") == "الفريق"
    assert _after("وأكد رئيس الحكومة سامر لنظيره اللبناني أن") == "رئيس الحكومة سامر"
    assert _after("وقال بانتظام إن") == ""  # an adverb, no speaker at all
    # A name that starts with «ب» stays: «بشار», «بن», «باسل».
    assert _after("وقال الرئيس بشار الأسد إن") == "الرئيس بشار الأسد"
    assert _after("وقال الأمير محمد بن سلمان إن") == "الأمير محمد بن سلمان"
    assert _after("وقال المدرب باسل إن") == "المدرب باسل"


def test_speaker_ends_before_a_verb_an_adverb_or_a_verbal_noun() -> None:
    assert _after("وقال الكاتب سيكون سيد الموقف") == "الكاتب"
    assert _after("وعلق صديقه مازحا") == "صديقه"
    assert _after("وأبدى اللاعب الفرنسي سامي رغبته في") == "اللاعب الفرنسي سامي"
    assert _after("ووجه الوزير الألماني كارل انتقادات إلى") == "الوزير الألماني كارل"
    assert _after("وأدانت المملكة الأردنية اعتداءات المسلحين") == "المملكة الأردنية"
    assert _after("وأعلنت المنظمة الدولية سحب فرقها") == "المنظمة الدولية"
    assert _after("وقال قبلها بيومين المحامي") == ""  # a time phrase, not a speaker
    # The first word is never cut by these: «سحب» alone after the verb is read as written.
    assert _after("وقال مساعده إن") == "مساعده"


def test_names_that_look_like_objects_stay() -> None:
    assert _after("وقال عالم البيئة جمشيد بارتشيزاده إن") == "عالم البيئة جمشيد بارتشيزاده"
    assert _after("وقالت محاميتهن تهاني عبوشي إن") == "محاميتهن تهاني عبوشي"
    assert _after("وقالت شركة هانوا تكون إن") == "شركة هانوا تكون"
    assert _after("وقال لاعبو الفريق عندما كان المدرب") == "لاعبو الفريق"
    assert _after("وقال كيف ستصبح") == ""
    assert _after("وقال مصدر باستاد المدينة إن") == "مصدر باستاد المدينة"  # a place, not a masdar
    assert _after("وقال المتحدث باسم السفارة بتركيا إن") == "المتحدث باسم السفارة بتركيا"
    assert _after("وطالبت الوزارة بتغيير القانون") == "الوزارة"


def test_an_addressee_glued_to_lam_is_not_a_subject() -> None:
    # «قال لسمير»: «ل» + a name; «لافروف», «لجنة», «لندن» are names themselves.
    assert _after("قال لسمير عبر الهاتف إن") == ""
    assert _after("وأضاف لأصدقائه إن") == ""
    assert _after("قال لافروف إن") == "لافروف"
    assert _after("وقالت لجنة الانتخابات إن") == "لجنة الانتخابات"
    assert _after("وقال لندن إن") == "لندن"


def test_the_subject_ends_at_manner_means_and_possessed_objects() -> None:
    assert _after("وأشار المتحدث بيده إلى") == "المتحدث"
    assert _after("ورد عليها مبتسما:") == ""
    assert _after("وقال المدرب حديثه للصحفيين") == "المدرب"
    assert _after("وقالت دراسة حديثة إن") == "دراسة حديثة"
    assert _after("وأكد الكل بحبها أن") == "الكل"
    assert _after("وقالت شبكة (سي.بي.اس) إن") == "شبكة (سي.بي.اس)"


def test_no_subject_before_a_verb_after_a_conjunction_or_a_time_phrase() -> None:
    toks = tokens("ولهذا كتبت اليوم بأن")
    assert speaker_before(toks, 1) == ""
    toks = tokens("وقبل أسبوعين كتبت لأولادها")
    assert speaker_before(toks, 2) == ""
    toks = tokens("أما سمير فقال إن")
    assert speaker_before(toks, 2) == "سمير"  # «أما» (as for) is no part of the name


def test_the_subject_ends_at_a_complementizer_a_stray_letter_and_a_later_addressee() -> None:
    """QA9 C: «النساء المحتجات بأنهن», «المجلة إ», «ماتيس لعدد», «كونتي لوسائل إعلام»."""
    assert _after("وهددت النساء المحتجات بأنهن قد") == "النساء المحتجات"
    assert _after("وتابعت المجلة إ، إن") == "المجلة"
    assert _after("وقال الوزير سامي لعدد من الصحافيين إن") == "الوزير سامي"
    assert _after("وقال المدرب كريم لوسائل إعلام محلية إن") == "المدرب كريم"
    assert _after("وقال المدرب كريم لجمهوره إن") == "المدرب كريم"  # a possessed addressee
    assert _after("وقال المتحدث ينس لايركه إن") == "المتحدث ينس لايركه"  # a name in «لا…ه»
    # «المنظمة لوسائل الإعلام»: a participle's own object, part of the name
    assert _after("وقالت الهيئة المنظمة لوسائل الإعلام إن") == "الهيئة المنظمة لوسائل الإعلام"
    # «صرح وقتها لوسائل الإعلام:»: no subject written (the colon opens the speech)
    assert _after("وصرح وقتها لوسائل الإعلام: نحن") == ""
    assert _after("وصرح وقتها إن") == ""


def test_a_preposition_and_the_verbs_object_end_the_subject() -> None:
    """QA9 C: «المرداسي بشرح تمارينه», «السلطات الإماراتية بمنعه», «اناستاسيادس تركيا بتبني»."""
    assert _after("واختتم الحكم سامر بشرح تمارينه:") == "الحكم سامر"
    assert _after("واتهم الوزير خالد بمنعه من السفر") == "الوزير خالد"
    assert _after("وطالب المجلس بتجاوز الخلافات") == "المجلس"
    assert _after("وأشاد المدرب بتبني الخطة") == "المدرب"
    assert _after("وأعلن المدرب كريم تشكيلته للمباراة") == "المدرب كريم"
    # names and places that start with «ب» stay
    assert _after("وقال رئيس البرلمان نبيه بري إن") == "رئيس البرلمان نبيه بري"
    assert _after("وقال نائب الرئيس مايك بنس إن") == "نائب الرئيس مايك بنس"
    assert _after("وقالت رئيسة بلدية المدينة إن") == "رئيسة بلدية المدينة"
    assert _after("وقال المفوض ميشال بارنييه إن") == "المفوض ميشال بارنييه"


def test_a_long_title_keeps_its_last_word() -> None:
    """QA9 C: «… للأمم المتحدة للشؤون» and «المدير الفني لكريستال» (بالاس) were cut."""
    assert (_after("وقال سامر خليل المدير الفني المؤقت للمنتخب الوطني الأول لكرة القدم إن")
            == "سامر خليل المدير الفني المؤقت للمنتخب الوطني الأول لكرة القدم")
    assert (_after("وقال روي هودسون المدير الفني لكريستال بالاس: كانت")
            == "روي هودسون المدير الفني لكريستال بالاس")
    # a dual or plural after the limit is the object's, not the title's
    assert (_after("وأعلن مدرب المنتخب الوطني لكرة القدم كريم سالم لائحته للمباراتين الوديتين")
            .endswith("سالم لائحته للمباراتين"))


def test_a_quoted_name_set_off_by_a_comma_after_the_verb_is_the_subject() -> None:
    toks = tokens('وقال "البنتاغون"، في بيان، إن')
    assert subject(toks, 1, len(toks), after_verb=True)[0] == "البنتاغون"
    # after «بحسب» or an object the marks are not read as the subject
    toks = tokens('وبحسب "رويترز"، تبلغ الكلفة')
    assert subject(toks, 1, len(toks))[0] == ""


def test_because_and_a_relative_before_the_verb_are_no_subject() -> None:
    """QA9 C: «استُهدفت ملالا لأنها تحدثت» named «استُهدفت ملالا لأنها»."""
    toks = tokens("استهدفت الفتاة لأنها تحدثت عن التعليم")
    assert speaker_before(toks, 3) == ""
    toks = tokens("بعد انتهاء أغنيته الأولى والتي أهداها قال")
    assert speaker_before(toks, 6) == ""


def test_a_pronoun_after_the_name_ends_the_subject() -> None:
    """«رفاق له», «أحلام له»: whom it was said to or whose they are; «ديف لي» is a name."""
    assert _after("وقالت أحلام له إن") == "أحلام"
    assert _after("وقال رئيس الوزراء تدخله هو إن") == "رئيس الوزراء"
    assert _after("وقال متحدث ثان هو الرائد سامر إن") == "متحدث ثان هو الرائد سامر"
    assert _after("وقال المحلل ديف لي إن") == "المحلل ديف لي"


def test_a_verbal_noun_object_and_a_title_cut_at_a_demonstrative_are_left_out() -> None:
    """QA9 C: «رئيس الوزراء ارتكاب أي مخالفات», «كارلوس نييتو مدير» (… هذه المنظمة)."""
    assert _after("ونفى رئيس الوزراء ارتكاب أي مخالفات") == "رئيس الوزراء"
    assert _after("وقال كمال سالم مدير هذه المنظمة إن") == "كمال سالم"
    assert _after("وقال مدير المنظمة إن") == "مدير المنظمة"


def test_f9_words_that_name_nobody_right_after_the_verb() -> None:
    """QA11: an adverb («بجلاء»), a year («عام 2015», «العام الماضي») or the object of «لفت
    النظر» after the verb is no subject; a number keeps its noun; a hashtag reads as words."""
    assert _after("أوضح بجلاء أن هناك علاقة") == ""
    assert _after("وقال بوضوح الوزير سامي إن") == "الوزير سامي"
    assert _after("أكد عام 2015 إنه تعلم") == ""
    assert _after("وحذرت العام الماضي من أن") == ""
    assert _after("ولفت النظر إلى أن") == ""
    assert _after("وقال ثلاثة من أولياء الأمور إن") == "ثلاثة من أولياء الأمور"
    assert _after("وقال سبعة من بين كل 10 أشخاص إن") == "سبعة من بين كل 10 أشخاص"
    assert _after("قال تسعة بالمئة ممن شملهم المسح إنهم") == "تسعة بالمئة ممن شملهم المسح"
    assert _after("وقالت #الشرطة_البريطانية إنها") == "الشرطة البريطانية"
    # «ل» + a name the paragraph writes bare: the addressee, after a name that is no title
    assert _after("قال سيبايوس لزيدان إنه يريد اللعب وزيدان صامت") == "سيبايوس"
    assert _after("ونفى طبيب المنتخب أي خلاف مع النادي") == "طبيب المنتخب"
    assert _after("وقالت شبكة أي بي سي إن") == "شبكة أي بي سي"
    # («المدير الفني لتوتنهام» keeps its club, written bare elsewhere or not)
    assert _after("قال المدير الفني لتوتنهام إن توتنهام سيفوز") == "المدير الفني لتوتنهام"


def test_f9_a_plural_verb_after_a_relative_clause() -> None:
    """«ولكن العلماء الذين قاموا بالدراسة لفتوا الانتباه إلى أن»: the antecedent and its clause
    are the subject (the speaker had been «الانتباه»); a singular verb reads as before."""
    toks = tokens("ولكن العلماء الذين قاموا بالدراسة لفتوا الانتباه إلى أن")
    assert speaker_before(toks, 5) == "العلماء الذين قاموا بالدراسة"
    toks = tokens("وكان الرجل الذي قام بالدراسة لفت الانتباه إلى أن")
    assert speaker_before(toks, 5) == ""


def test_f10_there_joined_to_fa_is_no_part_of_the_speaker() -> None:
    # QA13 6604: «فهناك فريق يرى أن …» gave «بحسب فهناك فريق».
    cands = find_quotes(['وتختلف الآراء حول الأمر، فهناك فريق يرى أن الشركة انتهكت القانون بشكل واضح.'])
    assert [c.speaker for c in cands] == ["فريق"]


def test_f10_words_that_are_no_voice_speak_for_nobody() -> None:
    # QA13 top 4: an opinion column's figures of speech and scripture gave «بحسب الساحة، …»,
    # «بحسب منهم، …», «بحسب الله تعالى، …»; nor does the last speaker take their clause.
    coach = "وقال المدرب إن الفريق جاهز تماما للمباراة المقبلة أمام المنافس. "
    for tail in ('وقد كشفت الساحة أن هناك من يحارب كل من يعمل بجد.',
                 'وقد أكد منهم أن منتخبنا يشبه المنتخبات الأخرى في كل شيء.',
                 'وقال الله تعالى إن من يعمل خيرا يره في النهاية.'):
        found = [(c.speaker, c.text.split()[0]) for c in find_quotes([coach + tail])]
        assert found == [("المدرب", "الفريق")], (tail, found)


def test_f11_the_name_before_a_relative_clause_speaks_not_the_apposition_in_it() -> None:
    # QA13 4985: «X، الذي … مساعديه، حميد وجواد، تساءل»: X asked, not his two aides.
    found = find_quotes(['الرئيس السابق محمود سالم، الذي تسلط عليه الأضواء بسبب اعتقال اثنين من '
                         'مساعديه، حميد نوري وجواد كريم، تساءل في رسالة مفتوحة "هل لهذه الضغوط '
                         'علاقة بأحداث قادمة في هذا البلد؟".'])
    assert [c.speaker for c in found] == ["الرئيس السابق محمود سالم"]
    # A sentence that opens on something else keeps the old reading.
    toks = tokens("وفي المؤتمر، الذي عقد أمس في العاصمة، وزير الخارجية سامي نور، قال")
    assert speaker_before(toks, len(toks) - 1) == "وزير الخارجية سامي نور"


def test_f11_a_reporter_keeps_his_mediums_quoted_name() -> None:
    # «مراسل "العربية"» was cut at the quote mark: «مراسل» (VSO) or no speaker at all (SVO).
    for paragraph, speaker in (
            ('وقصف الجيش موقعا، بينما فرض حظرا على النشر. لكن مراسل "العربية" أفاد بأن ثلاثة '
             'جنود أصيبوا بجروح خطيرة.', 'مراسل "العربية"'),
            ('وقال مراسل "العربية" إن ثلاثة جنود أصيبوا بجروح خطيرة في القصف.', 'مراسل "العربية"'),
            ('وأفاد مراسل "سكاي نيوز عربية" في دمشق بأن ثلاثة جنود أصيبوا بجروح خطيرة.',
             'مراسل "سكاي نيوز عربية"')):
        assert [c.speaker for c in find_quotes([paragraph])] == [speaker], paragraph
    # A quoted title before a verb is still no subject.
    toks = tokens('وفي كتابه "الطريق إلى دمشق" كتب')
    assert speaker_before(toks, len(toks) - 1) == ""


def test_f13_some_of_a_group_and_the_saying_after_a_name() -> None:
    # QA13 1207: «ويقول عدد من الخبراء المشاركين في مؤتمر لندن إنه» — «بحسب عدد، …»
    # named nobody; some are named with the group they belong to.
    toks = tokens("يقول عدد من الخبراء المشاركين في مؤتمر لندن إنه")
    assert subject(toks, 1, len(toks), after_verb=True)[0] == "عدد من الخبراء المشاركين"
    toks = tokens("قالت مجموعة من الجماهير الروسية إن")
    assert subject(toks, 1, len(toks), after_verb=True)[0] == "مجموعة من الجماهير الروسية"
    # «من» after another head still ends the subject.
    toks = tokens("قال الوزير من جهته إن")
    assert subject(toks, 1, len(toks), after_verb=True)[0] == "الوزير"
    # QA13 2915: «وأضاف مانينغ القول إن» — «the saying» is the verb's object, not his name.
    toks = tokens("وأضاف مانينغ القول إن")
    assert subject(toks, 1, len(toks), after_verb=True)[0] == "مانينغ"


def test_k12_a_fronted_topic_is_no_subject() -> None:
    # «وعن آلية العمل، بيّن أن …» (K12's reading): the topic is what he spoke about; the speaker
    # named before goes on.
    for verb in ("قال إن", "أوضح أن", "بيّن أن"):
        found = find_quotes(["وقال المتحدث خالد أبا الخيل إن الوزارة تعمل بجد.",
                             f"وعن آلية العمل، {verb} الوكالة الجديدة ستعمل على تدريب الشباب."])
        assert [c.speaker for c in found] == ["المتحدث خالد أبا الخيل"] * 2, verb
    toks = tokens("وحول الاتفاق الجديد قال إن الحكومة ستوقعه")
    assert speaker_before(toks, 3, 0, max_words=6) == ""
    toks = tokens("لكن الوزير قال إن الحكومة ستوقعه")  # an SVO subject still reads
    assert speaker_before(toks, 2, 0, max_words=6) == "الوزير"


def test_k12_a_medium_addressed_apart_or_before_a_colon_is_no_speaker() -> None:
    # «ذكرت لـ CNN بأن»: «لـ» written apart still addresses the name after it.
    found = find_quotes(["لكن وزارة الخارجية الكورية ذكرت لـ CNN بأن محادثات جديدة قاربت البدء."])
    assert [c.speaker for c in found] == ["وزارة الخارجية الكورية"]
    # «وقال لوكالة فرانس برس: "…"»: the medium's name up to the colon is whom he spoke to.
    found = find_quotes(["وقال المسؤول بيتر داهل إن التحقيق مستمر في القضية.",
                         'وقال لوكالة فرانس برس: "نجري تحقيقات في المنطقة ونبحث عن شهود".'])
    assert [c.speaker for c in found] == ["المسؤول بيتر داهل"] * 2


def test_k12_amma_with_an_apposition_names_the_speaker_of_faqad() -> None:
    found = find_quotes(["أما النائب أحمد حسن، عضو البرلمان، فقد قال لـ CNN، إنه يرفض القانون الجديد."])
    assert [c.speaker for c in found] == ["النائب أحمد حسن"]
    found = find_quotes(["أما هارون فقد قال إنه يرفض القانون الجديد تماما."])
    assert [c.speaker for c in found] == ["هارون"]


def test_k12_a_statement_issued_by_its_author_speaks() -> None:
    # «وأكد بيان صادر عن الوزارة أن …» was no candidate at all (K12: a key quote lost).
    found = find_quotes(["وأكد بيان صادر عن وزارة الصناعة والتجارة أن القرار يأتي في ضوء التحديات.",
                         "وأشار إلى أن القرار يهدف لتجنب المزيد من الآثار السلبية."])
    assert [c.speaker for c in found] == ["بيان صادر عن وزارة الصناعة والتجارة"] * 2


def test_k12_ali_right_after_the_verb_is_a_name_where_ala_is_written_with_alif() -> None:
    found = find_quotes(['وقال علي محمد الغانم، رئيس الغرفة "إن الغرفة مستمرة في الإشراف على دعم '
                         'البيئة الاستثمارية".'])
    assert [c.speaker for c in found] == ["علي محمد الغانم"]
    # «أكد علي أن»: the preposition (spelled with ي) opens no name
    assert find_quotes(["وأكد علي أن الحكومة مستمرة في الإشراف على دعم البيئة."]) == []


def test_k12_amma_names_the_speaker_of_a_verb_with_fa() -> None:
    # «أما شيروان بري، …، فقال "…"»: not the voice before (K12: 15 corpus digests misattributed).
    found = find_quotes([
        'وتابع عبد الرحمن أن "16 مدنيا قتلوا في الغارة بينهم امرأتان".',
        'أما شيروان بري، احد رؤساء الهلال الأحمر (شمال شرق سوريا) فقال "تعرضت المدينة لقصف كثيف '
        'خلال النهار".',
        'وأضاف "إنه المستشفى الوحيد العامل في مدينة عفرين".'])
    assert [c.speaker for c in found] == ["عبد الرحمن", "شيروان بري", "شيروان بري"]
    found = find_quotes(["أما هارون فقال إن الحكومة لن تتراجع عن القرار."])
    assert [c.speaker for c in found] == ["هارون"]
