"""F32 (QA46 G2 and seed 32's sports reading): speakers that are no one, on invented sentences.

Each test named for a fix fails on the tree before F32 (the wrong speaker it asserts away was
shown); the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import find_quotes, key_quotes
from digests.speaker_guard import nonsense_speaker, shown_speaker


def _found(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in find_quotes(paragraphs)]


def _speakers(paragraphs: list[str]) -> list[str]:
    return [q.speaker for q in key_quotes(paragraphs, "")]


def test_a_fronted_phrase_is_never_shown_as_a_source() -> None:
    # «وبخصوص …، كشف أن»: the phrase before the verb is what it is about, not who said it.
    paras = ['وقال رئيس اللجنة إن الملف جاهز للتقديم قبل نهاية الشهر الجاري.',
             'وبخصوص الكلفة الإجمالية للبطولة، كشف أن الحكومة ستنفق أربعة مليارات دولار على'
             ' الملاعب الجديدة.']
    assert not any(s.startswith("وبخصوص") for s in _speakers(paras))
    # The chairman named before goes on: the bare «كشف» is his.
    assert [s for s, t in _found(paras) if t.startswith("الحكومة")] == ["رئيس اللجنة"]


def test_a_verb_clause_is_never_shown_as_a_source() -> None:
    para = ('وفي نسخة 1950 واصلت الهند رفضها اللعب، وانضمت إليها اسكتلندا التي توقعت بأن البطولة'
            ' ستقام في أوروبا مرة أخرى.')
    assert not any(s.startswith(("وانضمت", "رفضها")) for s in _speakers([para]))


def test_the_guard_names_the_shapes_of_no_one() -> None:
    for name in ("وبخصوص الكلفة الإجمالية", "وانضمت إليها الأرجنتين", "نفسه", "معه",
                 "مدحه لصلاح", "رسالتها لمن يهمهم الأمر", "رفضها المشاركة", "بشأن القرار",
                 "المثير للجدل", "بديلا سجل وهذا", "حسبان منخرطي الرجاء ليصادقوا",
                 "قام به مكتب الإحصاء", "وأنشأ له ملفا"):
        assert nonsense_speaker(name), name


def test_the_guard_keeps_names() -> None:
    for name in ("وزير الخارجية", "وليد الطبطبائي", "رئيسه الشيخ سلمان", "زوجته ميلانيا",
                 "وكالة الأنباء", "الاتحاد الإسباني لكرة القدم", "محاميه", "آخر", "مودريتش",
                 "والد اللاعب", "المتحدث باسمها",
                 "أحد أفراد هذه الجماعة", "نادي ليون", "العديد منهم", "كثيرون منهم",
                 "المشاركون فيه", "صديق له", "مستشار لها", "عضو فيها", "العاملون معه"):
        assert not nonsense_speaker(name), name


def test_the_reflexive_object_is_no_speaker() -> None:
    # A column: «يرى نفسه أنه يستحق» — nobody is quoted.
    para = ('من أصعب الأمور على اللاعب عندما يرى نفسه انه يستحق فرصة اللعب أساسيا ويبقى على دكة'
            ' البدلاء في أغلب المباريات.')
    assert "نفسه" not in _speakers([para])


def test_the_praise_of_a_host_is_his() -> None:
    # «عمرو أديب تابع مدحه لصلاح قائلاً»: «مدحه لصلاح» is what he went on with, not a speaker.
    paras = ['وقال المذيع سامي فؤاد في برنامجه: "اللاعب يقدم موسما رائعا هذا العام".',
             'سامي فؤاد تابع مدحه لصلاح قائلاً: "الرجل ساحر وأسعد الملايين في يوم واحد".']
    assert "مدحه لصلاح" not in _speakers(paras)


def test_kana_qad_subject_speaks_at_the_participle() -> None:
    # «وكان مودريتش قد عبّر … قائلاً:» after a site's report: the player speaks, not the site.
    paras = ['وذكر موقع "سبورت نيوز" الإسباني أن النجم الكرواتي يرغب في الرحيل عن ناديه.',
             'وكان مودريتش قد عبّر مؤخراً عن أسفه للطريقة التي غادر بها فريقه السابق قائلاً:'
             ' "أشعر بالأسف لأننا لم نفز بأي لقب معا".']
    found = _found(paras)
    assert ("مودريتش", "أشعر بالأسف لأننا لم نفز بأي لقب معا") in found


def test_an_epithet_between_commas_is_not_the_name() -> None:
    # «وكان بالوتيلي، المثير للجدل، يتحدث … وتابع "…"»: the striker speaks.
    paras = ['وكان بالوتيلي، المثير للجدل، يتحدث عن خروج الفريق من البطولة الأوروبية. وتابع'
             ' "من المؤسف دائما أن نرى فريقا كبيرا يخرج من البطولة مبكرا".']
    assert "المثير للجدل" not in _speakers(paras)


def test_a_paper_reports_the_askers_words() -> None:
    # «وقالت صحيفة X إن إيسكو سأل المقربين منه قائلاً "…"»: the words are the player's.
    para = ('وقالت صحيفة "ماركا" الإسبانية إن إيسكو سأل المقربين منه قائلاً "هل يجب أن أتحدث'
            ' الفرنسية حتى ألعب أكثر؟".')
    assert [s for s, t in _found([para]) if t.startswith("هل يجب")] == ["إيسكو"]


def test_the_papers_own_participle_stays_the_papers() -> None:
    # «وقالت الصحيفة إن المدرب لعب …، مضيفة:» — no verb of asking: the paper goes on.
    para = ('وقالت صحيفة "ماركا" إن المدرب غاضب من لاعبيه بعد الهزيمة، مضيفة: "الإدارة ستجتمع'
            ' به قريبا لمناقشة الأمر".')
    assert [s for s, t in _found([para]) if t.startswith("الإدارة")] == ['صحيفة "ماركا"']


def test_a_quoted_subject_before_a_weekday_speaks() -> None:
    # «وأشار "يونايتد بيد" الخميس إلى أن …» was given to the country named before.
    paras = ['وقال المغرب إن الملف جاهز تماما للتقديم.',
             'وأشار "يونايتد بيد" الخميس إلى أن متوسط سعة الملاعب المقترحة هو 68 ألف مقعد.']
    assert [s for s, t in _found(paras) if t.startswith("متوسط")] == ["يونايتد بيد"]


def test_a_woman_speaking_is_not_the_man_named_before() -> None:
    # «وقال الملحن …: "…"» then «وقالت: "…"» (she, unnamed): not the composer's words.
    paras = ['وقال الملحن الكبير سامي فؤاد إنه زار المطربة قبل الحفل ووجدها متوترة جدا.',
             'وعندما سألها عن السبب ابتسمت، وقالت: "قدماي ترتجفان من الخوف قبل كل حفلة".']
    assert "الملحن الكبير سامي فؤاد" not in [s for s, t in _found(paras) if t.startswith("قدماي")]


def test_as_for_names_the_one_who_speaks() -> None:
    # «أما بالنسبة للفنان X فقد أكد أنه …»: X speaks, not the composer named before.
    paras = ['الملحن سامي فؤاد ذكر أنه زار المطربة قبل الحفل.',
             'أما بالنسبة للفنان طلال مداح فقد أكد في حوار له أنه يعاني في أول 3 دقائق على المسرح'
             ' من الخوف.']
    assert [s for s, t in _found(paras) if t.startswith("يعاني")] == ["الفنان طلال مداح"]


def test_a_verb_and_its_pronoun_before_the_subject_are_left_out() -> None:
    assert shown_speaker("توصلت إليها لجنة معنية بالخصوصية") == "لجنة معنية بالخصوصية"
    assert shown_speaker("وانضمت إليها الأرجنتين") == "الأرجنتين"
    assert shown_speaker("أحضر معه قطعة معدنية") == ""
    assert shown_speaker("وزير الخارجية") == "وزير الخارجية"
    para = ('وأوردت صحيفة "المساء" اليومية، الجمعة، أن المحكمة أيدت نتائج توصلت إليها لجنة معنية'
            ' بقضايا الخصوصية خلصت إلى أن الشركة تجمع بيانات المستخدمين دون موافقتهم.')
    assert "لجنة معنية بقضايا الخصوصية" in _speakers([para])


def test_a_fronted_phrase_then_a_feminine_verb_gives_the_bare_cue_its_subject() -> None:
    # «وفي بداية هذا الأسبوع وضعت الحكومة …، وقالت إنه» was «بحسب ترامب» (QA46 G2).
    paras = ['وقال الرئيس الأمريكي دونالد ترامب إنه سيستقبل ولي العهد قريبا.',
             'وفي بداية هذا الأسبوع وضعت الحكومة السعودية برنامج الطاقة الذرية على مسار سريع،'
             ' وقالت إنه يهدف إلى تخفيف الاستهلاك الداخلي للنفط.']
    assert [s for s, t in _found(paras) if "تخفيف" in t] == ["الحكومة السعودية"]


def test_a_threat_of_action_ends_the_subject() -> None:
    # «هدد نادي X الصيني باتخاذ إجراءات …» (QA46 G2, SK-sport-246): the club, not its threat.
    paras = ['هدد نادي تيانجين كوانجيان الصيني باتخاذ إجراءات قانونية لوقف تكهنات إعلامية حول'
             ' انتقال النجم، وقال إن التقارير خاطئة تماما.']
    assert [s for s, _ in _found(paras)] == ["نادي تيانجين كوانجيان الصيني"]
