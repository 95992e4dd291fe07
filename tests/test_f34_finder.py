"""The finder's recall gaps on the development gold (brief F34): invented sentences of each class
benchmarks/finder_misses.py found, each failing before its fix."""

from __future__ import annotations

from digests.quotes import find_quotes


def _found(paragraphs: list[str]) -> list[tuple[str, str, str]]:
    return [(c.kind, c.speaker, c.text) for c in find_quotes(paragraphs)]


# --- 1. a two-word clause after إن/أن is a whole statement («تقول X إن المزاعم باطلة») ---

def test_two_word_clause_after_complementizer_is_a_statement() -> None:
    found = _found(["وتقول المحامية سلمى حداد إن الاتهامات ملفقة."])
    assert [(s, t) for _, s, t in found] == [("المحامية سلمى حداد", "الاتهامات ملفقة")]


def test_two_word_clause_with_its_pronoun_subject() -> None:
    # «قال الأخير إنه سيعاود الاتصال»: two words after «إنه», the clause keeps its «إنه».
    found = _found(["وبعد محاولات الصحيفة الاتصال بالمدير، قال المدير إنه سيعاود الاتصال."])
    assert len(found) == 1 and found[0][2].endswith("سيعاود الاتصال")
    assert found[0][1] == "المدير"


def test_two_words_in_marks_after_a_complementizer() -> None:
    found = _found(['وقالت الشرطة المحلية إنه "تم اعتقالهم".'])
    assert [t for _, _, t in found] == ['"تم اعتقالهم"']


def test_two_words_after_a_colon_are_not_a_statement() -> None:
    # Unmarked words after «:» may be a heading's tail or the writer's own («بعنوان …: رؤية
    # وإرادة», «حتى جاء من يقول لهم: بل قريباً»): two words there are no statement.
    assert _found(["وقال المدرب سامي نور: بل قريباً."]) == []


def test_one_word_clause_stays_out() -> None:
    assert _found(["وقال الوزير إن الوضع."]) == []


def test_two_words_after_bi_anna_stay_out() -> None:
    # «وصف X Y بأنه "…"»: a label whose speaker is misread as often as not (F34's corpus diff).
    assert _found(['ووصفت الناشطة سلمى حداد القرار بأنه "غير عادل".']) == []


def test_two_word_subjunctive_after_anna_stays_out() -> None:
    assert _found(["وطلب المدرب سامي نور من لاعبيه أن يتحلوا بالصبر."]) == []


def test_two_words_before_a_list_stay_out() -> None:
    assert _found(["ويقول التقرير إن مسؤولين روس :"]) == []


def test_two_word_clause_of_a_view_stays_out() -> None:
    # «يرى الكثيرون أن دوافعها سياسية»: a view, not a statement the digest should show.
    assert _found(["ومنع من الترشح بسبب تهمة يرى الكثيرون أن دوافعها سياسية."]) == []


def test_two_word_echo_of_a_fuller_quote_stays_out() -> None:
    paras = ['وقال الجندي سامي نور: "لست خائفاً. جنودنا يسطرون ملحمة بعد أخرى. لست نادما".',
             "لكن سامي نور قال إنه ليس نادما."]
    found = _found(paras)
    assert len(found) == 1 and found[0][0] == "direct"
    # alone, the same clause is his statement
    assert [t for _, _, t in _found(paras[1:])][0].endswith("ليس نادما")


# --- 2. «وأوردت X أن …»: a verb of reporting the cue list lacked ---

def test_awradat_opening_its_clause_is_a_cue() -> None:
    found = _found(["وأوردت صحيفة الوطن المحلية أن الجيش يستعد لعملية كبيرة في المدينة."])
    assert [(s, t) for _, s, t in found] == [
        ("صحيفة الوطن المحلية", "الجيش يستعد لعملية كبيرة في المدينة")]


def test_yuridu_opening_its_clause_is_a_cue() -> None:
    found = _found(["ويورد التقرير أن الفريق يتوقع الانتهاء قريبا من اتفاق مع اللجنة."])
    assert [(s, t) for _, s, t in found] == [
        ("التقرير", "الفريق يتوقع الانتهاء قريبا من اتفاق مع اللجنة")]


def test_bare_awradat_after_its_subject_names_no_object() -> None:
    # «وكالة … أوردت مقالات مأخوذة من …»: the object is no speaker.
    found = _found(['ونشرت الوكالة ملفا، وقد أوردت مقالات مأخوذة من كتب قديمة أن العلم نور الأمم.'])
    assert not any(s.startswith("مقالات") for _, s, _ in found)
