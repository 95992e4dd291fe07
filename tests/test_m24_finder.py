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


# --- (2) cue words the lexicon lacked: «يرون أن», «، شارحا/ذاكراً/مبرزا/مدعياً أن» ----------

def test_a_plural_view_with_its_subject_written() -> None:
    para = "ورغم ذلك، إلا أن محللين يرون أن الحكومة لن تتمكن من تنفيذ وعودها قبل الانتخابات."
    assert [(c.text, c.speaker) for c in _found([para])] == [
        ("الحكومة لن تتمكن من تنفيذ وعودها قبل الانتخابات", "محللين")]


def test_a_bare_plural_view_is_not_the_last_speakers() -> None:
    # guard: «ويرون» after «الوزير» named alone is not his view
    paras = ["وقال الوزير إن البلاد تواجه تحديات كبيرة هذا العام.",
             "وأثار القرار ارتياح المزارعين في المنطقة، ويرون أن الأسعار ستنخفض في الأشهر المقبلة."]
    assert all(c.paragraph == 0 for c in _found(paras))


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
