"""F46: seed 41's wrong quote lines (session 25) and session 24's left, on invented sentences.

Each test named for a fix fails on the tree before F46 (adaeab6); the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import find_quotes


def _found(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in find_quotes(paragraphs)]


def _speakers(paragraphs: list[str]) -> list[str]:
    return [c.speaker for c in find_quotes(paragraphs)]


# --- «لتقديم كشف حساب للشعب …:» — a statement of account, no one revealed (5493) ----------------

_ACCOUNT = ('لكن الوجه المشرق هو الاقتصاد، فالرئيس يقول في مؤتمر عقد تحت اسم "قصة وطن" الأربعاء'
            ' 17 يناير/كانون الثاني 2018 لتقديم كشف حساب للشعب عن فترته الرئاسية: "لقد أنجزنا'
            ' خلال أقل من أربع سنوات آلاف المشروعات في كل المحافظات".')


def test_a_statement_of_account_is_no_speaker() -> None:
    assert all("حساب" not in s for s in _speakers([_ACCOUNT]))


def test_the_president_speaks_past_a_statement_of_account() -> None:
    assert _speakers([_ACCOUNT]) == ["الرئيس"]


def test_a_joined_fa_leaves_a_definite_subject() -> None:
    para = 'وهذه ليست المرة الأولى، فالوزير قال إن الحكومة ستدرس المقترحات كلها في الأسبوع المقبل.'
    assert _speakers([para]) == ["الوزير"]


def test_a_name_in_fal_keeps_its_fa() -> None:
    # Guard: «فالفيردي» is a name, no «ف» + a common word.
    para = 'فالفيردي قال إن الفريق سيقاتل حتى النهاية من أجل اللقب هذا الموسم.'
    assert _speakers([para]) == ["فالفيردي"]


def test_revealed_still_reveals() -> None:
    # Guard: «كشف» the verb with its subject and clause.
    para = 'وكشف الوزير أن الحكومة ستطرح حزمة جديدة من الإصلاحات خلال الشهر المقبل.'
    assert _speakers([para]) == ["الوزير"]


# --- «أعلن الجيش قتل X الذي قال إنه …»: whom it said, not the man killed (4625) ---------------

def test_the_man_killed_is_no_voice() -> None:
    para = ('ولاحقا أعلن الجيش قتل الشاب خالد سالم الذي قال إنه يقف وراء الهجوم على الحاجز'
            ' العسكري.')
    assert all("خالد سالم" not in s for s in _speakers([para]))


def test_a_relative_after_an_arrest_stays_its_noun() -> None:
    # Guard: only killing; the sect after an arrest's object speaks as before.
    para = 'وأعلنت الشرطة توقيف أحد أتباع الفرقة التي تقول إنها تعاني من استهدافات أمنية متكررة.'
    assert _speakers([para]) == ["أحد أتباع الفرقة"]


def test_a_witness_who_said_stays_the_witness() -> None:
    # Guard: «الشاهد الذي قال إن …» with no killing is the witness's.
    para = 'ومن بين الحضور، الشاهد الوحيد الذي قال إن السيارة كانت مسرعة جدا قبل الحادث.'
    assert _speakers([para]) == ["الشاهد الوحيد"]


# --- a closing mark never written before the writer's «وأضاف بيان "X" أن "…"» (4103) ---------

_LOST = ('وكشفت الشركة في بيان أنها "ستستأنف الرحلات المنتظمة إلى القاهرة ابتداء من أبريل المقبل'
         ' بواقع ثلاث رحلات أسبوعيا. وأضاف بيان "الناقل" أن "الشركة أوقفت رحلاتها في نهاية العام'
         ' الماضي لأسباب أمنية معروفة".')


def test_a_quote_whose_closer_was_lost_ends_at_its_stop() -> None:
    texts = [t for _, t in _found([_LOST])]
    assert texts and texts[0].endswith("أسبوعيا") and all("وأضاف" not in t for t in texts)


def test_the_statement_after_a_lost_closer_is_found() -> None:
    assert any(t.startswith("الشركة أوقفت رحلاتها") for _, t in _found([_LOST]))


def test_two_sentences_in_one_quote_stay_one_quote() -> None:
    # Guard: a stop inside a closed quote, then more of the same words.
    para = ('وقال الوزير: "سنمضي قدما في الإصلاحات. وأضفنا بنودا جديدة إلى الخطة الخمسية كلها".'
            ' وتابع أن الحكومة ستعلن التفاصيل قريبا.')
    found = _found([para])
    assert found[0] == ("الوزير", "سنمضي قدما في الإصلاحات. وأضفنا بنودا جديدة إلى الخطة الخمسية كلها")


# --- a first name the article spells otherwise more often (QA70-4 «عمرة أديب») -----------------

def test_a_misspelt_first_name_shows_the_article_spelling() -> None:
    from digests.quotes import key_quotes
    paragraphs = [
        'شن الإعلامي المصري، حسام علوان، هجوما لاذعا على تغطية مراسل لقناة إخبارية للأحداث.',
        'وقال حسان علوان في برنامجه الذي يبث مساء كل يوم: "هذا المراسل يتمنى أن يعود الصاروخ'
        ' إلى قواعده سالما بعد أن ضرب المدينة".',
    ]
    quotes = key_quotes(paragraphs, "حسام علوان يسخر من تغطية مراسل للأحداث")
    assert [q.speaker for q in quotes] == ["حسام علوان"]


def test_two_spellings_written_as_often_stay_as_written() -> None:
    # Guard: one other spelling, written no more often, is no typo to correct.
    from digests.quotes import key_quotes
    paragraphs = [
        'وقال حسان علوان في برنامجه الذي يبث مساء كل يوم: "هذا المراسل يتمنى أن يعود الصاروخ'
        ' إلى قواعده سالما بعد أن ضرب المدينة".',
        'وكان شقيقه حسام علوان قد غادر البلاد قبل سنوات.',
    ]
    quotes = key_quotes(paragraphs, "")
    assert [q.speaker for q in quotes] == ["حسان علوان"]


# --- «أخبر X أن» told, as «أبلغ» (M24's left) ---------------------------------------------------

def test_told_opens_the_subjects_clause() -> None:
    para = 'وأخبر مسؤول أمريكي وكالة رويترز أن القوات ستبقى في المنطقة حتى نهاية العام الجاري.'
    assert _found([para]) == [("مسؤول أمريكي", "القوات ستبقى في المنطقة حتى نهاية العام الجاري")]


def test_those_told_are_no_part_of_the_speaker() -> None:
    para = 'وأخبر الوزير الصحفيين أن الحكومة ستدرس المقترحات كلها في الأسبوع المقبل.'
    assert _speakers([para]) == ["الوزير"]


def test_news_is_no_verb() -> None:
    # Guard: «الخبر» (the news) opens no statement.
    para = 'وأثار الخبر أن الحكومة ستدرس المقترحات كلها في الأسبوع المقبل جدلا واسعا.'
    assert _speakers([para]) == []


# --- «اكتفى/توجه X بالقول إن» (M24's left) ----------------------------------------------------

def test_saying_no_more_than_is_speech() -> None:
    para = 'واكتفى متحدث باسم الشرطة بالقول إنه تم الاستماع إلى الوزير وزوجته في القضية.'
    assert _found([para]) == [("متحدث باسم الشرطة", "تم الاستماع إلى الوزير وزوجته في القضية")]


def test_a_participle_of_saying_no_more_speaks_for_the_subject() -> None:
    para = 'وأصدرت الوزارة بيانا مقتضبا، مكتفية بالقول إن الحادث قيد التحقيق منذ صباح اليوم.'
    assert _speakers([para]) == ["الوزارة"]


def test_turning_to_someone_by_saying_is_speech() -> None:
    para = ('وتوجه الرئيس إلى رئيس وزراء الدولة الجارة بالقول: "سوف تدفع الثمن غاليا على ما'
            ' فعلته بمواطنينا".')
    assert _speakers([para]) == ["الرئيس"]


def test_making_do_with_a_draw_is_no_speech() -> None:
    # Guard: «اكتفى X بالتعادل» says nothing.
    para = 'واكتفى الفريق بالتعادل مع منافسه في المباراة التي أقيمت على ملعبه أمس الأحد.'
    assert _speakers([para]) == []


def test_a_subject_set_off_before_informing_speaks() -> None:
    # «أحد الناجين، ويدعى X، أبلغ/أخبر الحاضرين … أن»: the one after the verb was told.
    para = ('أحد الناجين، ويدعى سامي فريد، أبلغ الحاضرين خلال المسيرة أن الجهود لن تتوقف عند'
            ' انتهاء المسيرة.')
    assert _speakers([para]) == ["سامي فريد"]


def test_a_fronted_phrase_before_informing_is_no_subject() -> None:
    # Guard: «في السياق، أبلغ الوزير …»: the subject follows the verb.
    para = 'في السياق، أبلغ الوزير الصحفيين أن الجهود لن تتوقف عند انتهاء المسيرة الحالية.'
    assert _speakers([para]) == ["الوزير"]


# --- «يكشف التحليل الدقيق لـX، أنه …»: a careful or hidden reading is the writer's (F44's 3654) --

def test_a_careful_analysis_is_no_voice() -> None:
    para = ('يكشف التحليل الدقيق لطرائف الرجل، أنه لم يكن طماعا بالمعنى الحرفي، إنما كان يمارس'
            ' السخرية من الطماعين.')
    assert _speakers([para]) == []


def test_a_hidden_critique_is_no_voice() -> None:
    para = ('والغالب أن القصة فيها نوع من السخرية والنقد الاجتماعي الخفي، الذي يشير إلى أن الناس'
            ' تقوم بصناعة الأوهام ثم تعمل على تصديقها.')
    assert _speakers([para]) == []


def test_a_studys_analysis_still_speaks() -> None:
    # Guard: «التحليل» alone (a study's) stays a source.
    para = 'وقال التحليل إن معظم هذه التجارب كانت صغيرة أو أجريت في مدى زمني قصير للغاية.'
    assert _speakers([para]) == ["التحليل"]


# --- whom an informing verb told is no subject (the «أخبر» rule's dev losses) -------------------

def test_a_man_after_a_feminine_informing_verb_was_told() -> None:
    paras = ['وفي التفاصيل استعدت المغنية جيدا في غرفتها، فأخبرت مدير أعمالها أنه من الصعب أن تصعد'
             ' إلى المسرح ومعها باقة الورد.']
    assert all("مدير" not in s for s in _speakers(paras))


def test_the_police_told_inside_a_sentence_is_no_subject() -> None:
    para = ('حكم على طالب لجوء مراهق كان قد أخبر الشرطة أنه تدرب على يد التنظيم في العراق، بالسجن'
            ' 34 عاما.')
    assert all(s != "الشرطة" for s in _speakers([para]))


def test_the_police_opening_the_sentence_inform() -> None:
    # Guard: «أبلغت الشرطة …» at the sentence's start: the police speak.
    para = 'أبلغت الشرطة الصحفيين أن الطريق سيغلق حتى إشعار آخر بسبب أعمال الصيانة.'
    assert _speakers([para]) == ["الشرطة"]


# --- «X فاكتفى بالقول إن» with its «أما» in the paragraph before ---------------------------------

def test_a_subject_before_a_fa_verb_speaks() -> None:
    para = 'نائب السكرتير الإعلامي للبيت الأبيض فاكتفى بالقول إنه على علم بما جرى وأطلع الرئيس.'
    assert _speakers([para]) == ["نائب السكرتير الإعلامي للبيت الأبيض"]


def test_a_fronted_phrase_before_a_fa_verb_is_no_subject() -> None:
    # Guard: «وفي الأثناء فقال» names nobody.
    para = 'وفي الأثناء فقال إن الحكومة ستدرس المقترحات كلها في الأسبوع المقبل.'
    assert _speakers([para]) == []


def test_leaders_told_after_a_name_are_no_part_of_it() -> None:
    para = ('وأخبر نتنياهو قادة العالم ومسؤولي الدفاع في مؤتمر ميونيخ الأمني بأن هذا الاتفاق'
            ' "أطلق نمرا خطيرا في منطقتنا وخارجها".')
    assert _speakers([para]) == ["نتنياهو"]


def test_those_close_to_him_told_are_no_part_of_the_name() -> None:
    para = 'وسبق أن أخبر داني المقربين منه بأنه سيرحل عن صفوف ريال مدريد إذا استمر المدرب.'
    assert _speakers([para]) == ["داني"]


def test_she_was_told_is_no_statement() -> None:
    para = ('وقد أصيبت والدة الفتى بالهلع حين أخبرت في البداية أن ابنها قد "استشهد"، فأرسلت'
            ' ابنها الثاني إلى مركز الاحتجاز.')
    assert _speakers([para]) == []


def test_the_reader_telling_a_friend_is_no_statement() -> None:
    para = ('ولكن، من قبيل الصدفة المخيفة حقا عندما تخبر صديقك في محادثة وجها لوجه أنه يحتاج إلى'
            ' خل التفاح لوصفة ما.')
    assert _speakers([para]) == []


def test_you_should_tell_is_advice() -> None:
    para = 'إذن عليك أن تخبر الصيدلي بأية أدوية تتناولها، لكي يتأكد أن الدواء آمن بالنسبة لك.'
    assert _speakers([para]) == []


# --- «… على X، الذي قال في تغريدة لاحقة، قال فيها: "…"» (the «بالقول» rule's dev loss) --------

def test_a_relative_naming_a_tweet_speaks_inside_a_clause() -> None:
    para = ('نائب السكرتير الإعلامي فاكتفى بالقول إنه على علم بما جرى، موجها أي أسئلة على الحرس'
            ' الرئاسي، الذي قال في تغريدة لاحقة، قال فيها: "لا توجد تقارير عن إصابات أخرى متعلقة'
            ' بالحادث".')
    assert _found([para])[-1] == ("الحرس الرئاسي",
                                  "لا توجد تقارير عن إصابات أخرى متعلقة بالحادث")


def test_a_relative_of_another_gender_names_no_tweeter() -> None:
    # Guard: «المدينة، التي قال في بيان …» (the verb does not agree): the city says nothing.
    para = 'ووصل الوفد إلى المدينة، التي قال في بيان لاحق، قال فيه: "الوضع هادئ تماما في كل الأحياء".'
    assert all(s != "المدينة" for s in _speakers([para]))
