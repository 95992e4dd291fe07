"""F52: a bare cue goes on with its own sentence's subject, not the voice named last (invented sentences).

Each test named for a fix fails on the tree before F52 (main 0dcfc6dd); the guards keep what must
stay: a word no cue named before is no voice, a nisba before a name, the next sentence.
"""

from __future__ import annotations

from digests.clause_openers import clause_opener
from digests.quotes import find_quotes
from digests.speakers import tokens

_BEFORE = 'وقال المتحدث باسم الحكومة سامي خليل إن "الوضع الأمني تحت السيطرة الكاملة".'


def _last(paragraphs: list[str]) -> tuple[str, str, bool]:
    c = find_quotes(paragraphs)[-1]
    return c.speaker, c.text, c.named


def test_a_participle_goes_on_with_the_bare_name_that_did_the_first_thing() -> None:
    paras = ['وقال الوزير جيم ماتيس إن بلاده تراقب الوضع عن كثب في المنطقة.', _BEFORE,
             'وتطرق ماتيس الثلاثاء إلى الهجوم مؤكدا أن "مرتزقة أجانب شنوه على القاعدة".']
    speaker, text, named = _last(paras)
    assert (speaker, text) == ("الوزير جيم ماتيس", "مرتزقة أجانب شنوه على القاعدة")
    assert not named  # carried: the name is not the cue's own subject


def test_a_coordinated_bare_verb_goes_on_with_the_sentence_subject() -> None:
    paras = ['وقال الفنان زياد عيتاني إنه "بريء من كل التهم" في أول تصريح له.', _BEFORE,
             'ولدى مغادرة السجن، لوّح عيتاني بعلامة النصر للصحفيين، وقال إنه "تعرض لظلم شديد'
             ' في هذه القضية".']
    assert _last(paras)[:2] == ("الفنان زياد عيتاني", "تعرض لظلم شديد في هذه القضية")


def test_a_titled_subject_after_a_fronted_time_phrase_speaks() -> None:
    paras = [_BEFORE,
             'وفي وقت لاحق، تراجعت شركة الطيران الوطنية عن تأكيد الخبر، مشيرة إلى أنه "لم يتم'
             ' العثور على الحطام حتى الآن".']
    assert _last(paras)[0] == "شركة الطيران الوطنية"


def test_a_name_set_off_by_a_comma_that_folds_like_a_definite_word() -> None:
    # «أليستر» folds to «اليستر»: not a definite noun but a first name
    paras = [_BEFORE,
             'وأبدى أليستر غراهام، من شركة للتحقق من السن، دهشته من القواعد، مشيرا إلى أن "ملايين'
             ' الأشخاص سيتأثرون بها".']
    assert _last(paras)[0] == "أليستر غراهام"


def test_clause_opener_guards() -> None:
    seen = ["المرصد السوري لحقوق الإنسان", "الوزير جيم ماتيس"]
    toks = tokens("وأحصى المرصد عشرات القتلى في القصف، وقال إن")
    assert clause_opener(toks, 0, len(toks), seen) == ("المرصد", frozenset("m"))
    # Guards: a definite word no cue named before (a thing, «السباب»), a nisba before the name
    # it describes, a plural, an indefinite word: nobody.
    toks = tokens("ووصل السباب أوجه بين الرجلين، حينما وصف")
    assert clause_opener(toks, 0, len(toks), seen) is None
    toks = tokens("وخرج الكرواتي إيفان راكيتيتش عقب الفوز مؤكدا")
    assert clause_opener(toks, 0, len(toks), ["الكرواتي إيفان راكيتيتش"]) is None
    toks = tokens("وتداول المستخدمون آخر ما كتبته، وقالت")
    assert clause_opener(toks, 0, len(toks), ["المستخدمون"]) is None
    toks = tokens("ونشرت شبكات التواصل صورها، وقالت")
    assert clause_opener(toks, 0, len(toks), seen) is None


def test_the_voice_named_last_still_speaks_in_the_next_sentence() -> None:
    # Guard: the wider reading lasts for its own sentence only; a bare «وأضاف» in the next
    # sentence goes on with the voice that spoke (F50's memory, unchanged).
    paras = ['وقال الوزير جيم ماتيس إن بلاده تراقب الوضع.', _BEFORE,
             'وتطرق ماتيس إلى الهجوم في المؤتمر. وأضاف أن "الجيش سيعزز وجوده في المنطقة".']
    assert _last(paras)[0] == "المتحدث باسم الحكومة سامي خليل"
