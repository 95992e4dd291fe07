"""M24: key quotes the finder never found (finder_misses' largest classes), on invented sentences.

Each test named for a rule fails on the tree before M24 (6cf742a); the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import Candidate, find_quotes


def _found(paragraphs: list[str]) -> list[Candidate]:
    return find_quotes(paragraphs)


def _texts(paragraphs: list[str]) -> list[str]:
    return [c.text for c in find_quotes(paragraphs)]


# --- (1) «وقال X، … a long aside …، إن …»: the verb's «إنّ» beyond fourteen words ------------

def test_a_far_clause_after_a_long_aside_is_the_speakers() -> None:
    para = ("وقال الباحث سامر خليل، الأستاذ في جامعة القاهرة الذي أشرف على الدراسة التي شملت آلاف"
            " الطلاب في عشرين مدرسة خلال العام الماضي، إن النتائج تظهر تحسنا واضحا في مستوى"
            " القراءة.")
    found = _found([para])
    assert [(c.text, c.speaker) for c in found] == [
        ("النتائج تظهر تحسنا واضحا في مستوى القراءة", "الباحث سامر خليل")]


def test_a_far_clause_after_an_occasion_set_off() -> None:
    para = ("وقال وزير الصحة في كلمة ألقاها أمام المؤتمر السنوي للأطباء في العاصمة، وهو أول خطاب"
            " له منذ توليه المنصب في الصيف الماضي، إن المستشفيات ستحصل على تمويل إضافي.")
    assert _texts([para]) == ["المستشفيات ستحصل على تمويل إضافي"]


def test_a_far_if_is_no_speech() -> None:
    # «، إن كان …» (if): the speaker's condition, never his statement
    para = ("وقال الوزير في مؤتمر صحفي عقده في العاصمة بعد لقائه وفدا من رجال الأعمال والمستثمرين"
            " القادمين من دول الخليج العربي لبحث فرص الاستثمار، إن كان الوضع مستقرا فسنواصل.")
    assert not any(t.startswith("كان الوضع") for t in _texts([para]))


def test_a_far_clause_past_another_complementizer_is_not_reopened() -> None:
    # the first «أن» is the verb's; the far «، إن» belongs to what it reported
    para = ("وقال الوزير إن الحكومة التي تواجه أزمة اقتصادية حادة منذ سنوات بسبب تراجع أسعار النفط"
            " وانخفاض الاستثمارات الأجنبية في البلاد خلال العقد الماضي، إن صح التعبير، ستنجو.")
    assert all(not t.startswith("صح") for t in _texts([para]))


# --- (2) participles the lexicon lacked: «، شارحا/ذاكراً/مبرزا/مدعياً أن» ---------------------

def test_participles_of_speech_in_the_accusative() -> None:
    paras = [
        "وعرض رئيس اللجنة سامي نور خلال مؤتمر صحفي في العاصمة تفاصيل الخطة الجديدة، شارحا أن"
        " الحكومة ستخصص استثمارات كبيرة للقطاع.",
        "وركز الوزير حديثه على الاقتصاد، ذاكراً بأن البلاد تواجه تحديات كبيرة هذا العام.",
        "وانتقد المحامي قرار المحكمة، مدعياً أن موكله تعرض لمعاملة غير عادلة خلال الجلسات.",
    ]
    assert [(c.paragraph, c.speaker) for c in _found(paras)] == [
        (0, "رئيس اللجنة سامي نور"), (1, "الوزير"), (2, "المحامي")]


def test_the_bare_nouns_stay_no_cue() -> None:
    # guard: «ذاكرة» (memory), «المرجح» (likely), «المدعي» (the prosecutor) open nothing
    para = "وقال المدعي العام إن ذاكرة الشاهد قوية، ومن المرجح أن تستمر المحاكمة أسابيع."
    assert [c.speaker for c in _found([para])] == ["المدعي العام"]


# --- (1b) «صرح عشية المباراة»: «عشية» (on the eve of) is a time, never the speaker -------

def test_on_the_eve_of_is_no_speaker() -> None:
    paras = ["وكان القائد سامر نور صرح عشية المباراة أن الفريق جاء للعاصمة لإحداث أضرار جسيمة"
             " بمنافسه.",
             "وكان القائد سيرخيو راموس صرح عشية المباراة، وسط تفاؤل مشجعي باريس سان جرمان بقدرة"
             " فريقهم على تخطي عقبة النادي الملكي لمواصلة الحلم الأوروبي، أن الفريق جاء للعاصمة"
             " الفرنسية لإحداث أضرار جسيمة بمنافسهم خلال المواجهة."]
    assert [c.speaker for c in _found(paras)] == ["القائد سامر نور", "القائد سيرخيو راموس"]


# --- (3) «وبين X أن»: «بيّن» (explained) without its shadda ---------------------------------

def test_explained_without_its_shadda() -> None:
    paras = ["وبين الباحث سامر نور أن الكثير من المهاجرين يختارون المغادرة بسبب الظروف الاقتصادية.",
             "وبين مسؤولون أمريكيون أن هناك الآلاف من المقاتلين محتجزون في منشآت تابعة للقوات.",
             "وبيَّن مدير البرنامج، أن آلاف الأسر حصلت على دعم تجاوز 900 ريال هذا العام."]
    assert [c.speaker for c in _found(paras)] == [
        "الباحث سامر نور", "مسؤولون أمريكيون", "مدير البرنامج"]


def test_between_stays_between() -> None:
    # guard: «وبين X وY», «وبين الطرفين خلافات،» open nothing
    paras = ["وبين الطرفين خلافات كبيرة، والحل ليس قريبا كما يبدو للجميع في المنطقة.",
             "وبين الحكومة والمعارضة أن الأولى تملك السلطة وحدها منذ سنوات طويلة."]
    assert _found(paras) == []
