"""F42: seed 38's wrong speaker lines, on invented sentences.

Each test named for a fix fails on the tree before F42 (e52536f); the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import find_quotes


def _found(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in find_quotes(paragraphs)]


def _speakers(paragraphs: list[str]) -> list[str]:
    return [s for s, _ in _found(paragraphs)]


# --- «ونعى رئيس X فلان المخرج الكبير، وقال إن»: the titled subject of the opening verb goes on --

def test_a_titled_subject_of_the_opening_verb_goes_on() -> None:
    paragraphs = ['توفي المخرج الشهير سامي ويدراوغو الأحد عن عمر ناهز 64 عاما.',
                  'ونعى رئيس الدولة مارك كابوري المخرج الكبير، وقال في بيان الأحد إن "البلاد'
                  ' فقدت مخرجا على قدر هائل من الموهبة".']
    assert _speakers(paragraphs) == ["رئيس الدولة مارك كابوري"]


def test_a_country_after_the_title_keeps_the_name() -> None:
    para = ('ونعى رئيس بوركينا فاسو مارك كريستيان كابوريه المخرج الكبير، وقال في بيان إن'
            ' "البلاد فقدت مخرجا على قدر هائل من الموهبة".')
    assert _speakers([para]) == ["رئيس بوركينا فاسو مارك كريستيان كابوريه"]


# --- «فإن X أبلغ Y أنه»: X told Y; Y is no speaker ---------------------------------------------

def test_the_one_told_after_fa_inna_is_not_the_speaker() -> None:
    paragraphs = ['وقال كوتينيو إن صلاح يتفاوض حاليا مع بيريز رئيس النادي.',
                  'وبحسب كوتينيو فإن فلورنتينو بيريز أبلغ صلاح أنه خيار رئيس إلى جانب المهاجم'
                  ' البلجيكي هازارد.']
    assert _speakers(paragraphs) == ["كوتينيو", "فلورنتينو بيريز"]


# --- «إلى جانب رئيس الوزراء البولندي، الذي قال إنه»: the relative's noun speaks ---------------

def test_a_relative_after_a_comma_means_the_noun_before_it() -> None:
    paragraphs = ['قالت المستشارة أنغيلا ميركل إن هناك معلومات خطيرة تشير إلى مسؤولية روسيا.',
                  'وتحدثت ميركل خلال مؤتمر صحفي إلى جانب رئيس الوزراء البولندي، الذي قال إنه يجب'
                  ' على زعماء أوروبا أن يظهروا تضامنهم.']
    assert _speakers(paragraphs) == ["المستشارة أنغيلا ميركل", "رئيس الوزراء البولندي"]


def test_a_place_after_a_preposition_is_no_relative_speaker() -> None:
    # Guard: «في البحر الأحمر، التي أكدت» — the militia, not the sea.
    paragraphs = ['وتصر ميليشيات الحوثي على استهداف الملاحة في البحر الأحمر، التي أكدت في بيان'
                  ' أنها ستحوله إلى "ساحة حرب" بعد فشل الهجوم.']
    assert "البحر الأحمر" not in _speakers(paragraphs)


def test_a_feminine_head_before_alladhi_is_not_the_speaker() -> None:
    paragraphs = ['وكان هذا بحسب رواية القاسمي، الذي أضاف: "رأيت طفلا يبكي أمام أبيه في السجن'
                  ' المظلم".']
    assert _speakers(paragraphs) == ["القاسمي"]


def test_a_title_cut_to_its_adjective_shows_the_name() -> None:
    paragraphs = ['وجاءت التعليقات بعد تصريحات المتحدثة باسم الخارجية الروسية ماريا زاخاروفا، التي'
                  ' قالت إنه من المرجح أن تكون بريطانيا مصدر الغاز المستخدم في الهجوم.']
    assert _speakers(paragraphs) == ["ماريا زاخاروفا"]


# --- «كما قالت لشركة اليانصيب "…"»: the body told is no speaker --------------------------------

def test_a_body_told_before_the_marks_is_not_the_speaker() -> None:
    paragraphs = ['وقالت الفائزة شارلي لاغارد إنها تريد استخدام النقود للسفر.',
                  'كما قالت لشركة اليانصيب "أريد أن أدرس التصوير الفوتوغرافي، وهذا حلمي منذ'
                  ' الصغر".']
    assert _speakers(paragraphs) == ["الفائزة شارلي لاغارد", "الفائزة شارلي لاغارد"]


# --- a bare «قال» never means «الأطباء» or «التقارير»; «يدعى "…"» names a thing ---------------

def test_a_bare_singular_verb_does_not_fall_back_on_a_broken_plural() -> None:
    paragraphs = ['وذكر الأطباء آنذاك أنه أصيب بمرض خطير جدا وأنه لن يعيش أكثر من سنتين.',
                  'وعمل هوكينغ مع معاونه في تطوير نظرية جديدة.',
                  'قال إن في الكون 100 مليار مجرة وكلا منها يحتوي على مئات الملايين من النجوم.']
    assert _speakers(paragraphs) == ["الأطباء"]


def test_a_bare_masculine_verb_does_not_fall_back_on_reports() -> None:
    paragraphs = ['وتقول التقارير الإعلامية إن مستواه الدراسي كان بين المتوسط والسيء في صغره.',
                  'وعمل هوكينغ مع معاونه في تطوير نظرية جديدة.',
                  'قال إن في الكون 100 مليار مجرة وكلا منها يحتوي على مئات الملايين من النجوم.']
    assert _speakers(paragraphs) == ["التقارير الإعلامية"]


def test_reports_go_on_at_a_feminine_bare_verb() -> None:
    # Guard: «وأضافت» after «التقارير» still means the reports.
    paragraphs = ['وتقول التقارير الإعلامية إن مستواه الدراسي كان بين المتوسط والسيء في صغره.',
                  'وأضافت أنه كان يخصص الكثير من وقته لتفكيك الساعات وأجهزة الراديو.']
    assert _speakers(paragraphs) == ["التقارير الإعلامية", "التقارير الإعلامية"]


def test_is_called_before_marks_names_no_speaker() -> None:
    paragraphs = ['وحين بلغ 21 سنة، أصيب بمرض عصبي يدعى "التصلب الجانبي"، جعل منه مقعدا.',
                  'قال إن في الكون 100 مليار مجرة وكلا منها يحتوي على مئات الملايين من النجوم.']
    assert _speakers(paragraphs) == []



# --- «وقال لوكالة الأنباء الفرنسية مصدر أمني إن» (F41's left): the medium told, then the subject

def test_a_subject_after_the_medium_told_is_the_speaker() -> None:
    paragraphs = ['وقال الوزير إن الوضع هادئ في العاصمة منذ أيام طويلة.',
                  'وقال لوكالة الأنباء الفرنسية مصدر أمني إن الهجوم أسفر عن مقتل عشرة أشخاص.']
    assert _speakers(paragraphs) == ["الوزير", "مصدر أمني"]


def test_a_definite_title_after_the_medium_told_is_the_speaker() -> None:
    paragraphs = ['وقال الوزير إن الوضع هادئ في العاصمة منذ أيام طويلة.',
                  'وقال لوكالة الأنباء الفرنسية المتحدث باسم الجيش إن الهجوم أسفر عن مقتل'
                  ' عشرة أشخاص.']
    assert _speakers(paragraphs) == ["الوزير", "المتحدث باسم الجيش"]


def test_the_medium_told_alone_leaves_the_last_speaker() -> None:
    # Guard: no subject written after the medium — the one speaking goes on.
    paragraphs = ['وقال الوزير إن الوضع هادئ في العاصمة منذ أيام طويلة.',
                  'وقال لوكالة الأنباء الفرنسية إن الهجوم أسفر عن مقتل عشرة أشخاص.']
    assert _speakers(paragraphs) == ["الوزير", "الوزير"]


# --- «لم يؤكد الجيش … لكنه أعلن أن»: the negated verb's subject is the pronoun's --------------

def test_but_he_after_a_negated_verb_means_its_subject() -> None:
    paragraphs = ['أفادت وسائل إعلام إسرائيلية بأن فلسطينيا دهس بسيارته مجموعة جنود.',
                  'لم يؤكد الجيش الإسرائيلي حصيلة القتلى لكنه أعلن أن فلسطينيا "دهس جنودا يؤمنون'
                  ' طريقا على مقربة من مستوطنة" في شمال الضفة الغربية.']
    assert _speakers(paragraphs) == ["وسائل إعلام إسرائيلية", "الجيش الإسرائيلي"]


def test_but_he_of_another_gender_means_no_one() -> None:
    # Guard: «لم تؤكد الشرطة … لكنه قال» — «he» is not the police.
    paragraphs = ['أفادت وسائل إعلام إسرائيلية بأن فلسطينيا دهس بسيارته مجموعة جنود.',
                  'لم تؤكد الشرطة المحلية عدد المعتقلين لكنه قال إن "الوضع تحت السيطرة تماما في'
                  ' المدينة منذ الصباح".']
    assert "الشرطة المحلية" not in _speakers(paragraphs)


# --- «قال إن …، منوها إلى أن …»: the participle goes on with the bare verb that meant nobody ---

def test_a_participle_after_a_bare_verb_meaning_nobody_means_nobody() -> None:
    paragraphs = ['وذكر الأطباء آنذاك أنه أصيب بمرض خطير جدا وأنه لن يعيش أكثر من سنتين.',
                  'وعمل هوكينغ مع معاونه في تطوير نظرية جديدة.',
                  'قال إن في الكون 100 مليار مجرة، منوها إلى أن الحياة قد تكون موجودة في كواكب'
                  ' أخرى بعيدة عنا.']
    assert _speakers(paragraphs) == ["الأطباء"]
