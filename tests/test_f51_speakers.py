"""F51: speakers and fragments a reader saw in QA79's alerts, on invented sentences.

Each test named for a fix fails on the tree before F51 (main at 4e797330); the guards keep what
must stay.
"""

from __future__ import annotations

from bot.attribution import after_bihasab
from digests.quotes import key_quotes


def _shown(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(q.speaker, q.text) for q in key_quotes(paragraphs)]


# --- QA79-6: «ب» + the speech's form is no part of the speaker ---

def test_a_speech_form_after_the_name_ends_the_speaker() -> None:
    para = ('وجاء ذلك عندما أعلن ماكرون بخطاب له، الأحد، عن أن "القوات دخلت وسط المدينة بعد'
            ' معارك طويلة."')
    assert [s for s, _ in _shown([para])] == ["ماكرون"]


def test_a_word_after_the_name_ends_the_speaker() -> None:
    para = 'وأعلن الرئيس بكلمة له أمام البرلمان أن "فرنسا لن تتراجع عن الإصلاحات المقررة هذا العام."'
    assert [s for s, _ in _shown([para])] == ["الرئيس"]


def test_a_place_after_the_name_still_ends_the_speaker() -> None:  # guard
    para = 'وقال الوزير في مؤتمر صحفي، الاثنين، إن "الحكومة ستواصل دعم المزارعين في كل المناطق."'
    assert [s for s, _ in _shown([para])] == ["الوزير"]


# --- QA79-8: a speaker cut to part of the name the article wrote in full ---

def test_a_compound_surname_shows_the_full_name_written_before() -> None:
    paras = ['وأفادت المتحدثة باسم الوحدات سلمى عبد الله أن المقاتلة قتلت في قصف على جبهات المدينة.',
             'وانضمت المقاتلة إلى الوحدات العام الماضي، وفق عبد الله التي أوضحت "بعد الهجوم على'
             ' المنطقة أصرت على أن يتم إرسالها إلى هناك".']
    assert "سلمى عبد الله" in [s for s, _ in _shown(paras)]
    assert "عبد الله" not in [s for s, _ in _shown(paras)]


def test_a_compound_surname_with_abu_shows_the_full_name() -> None:
    paras = ['وقال المتحدث باسم الحركة سامي أبو زهري إن الحركة لن تقبل بأي شروط تفرض عليها.',
             'وأضاف أبو زهري: "لن نتنازل عن حقوق شعبنا مهما كانت الضغوط التي نتعرض لها".']
    assert [s for s, _ in _shown(paras)].count("أبو زهري") == 0


def test_a_bare_noun_shows_the_name_its_sentence_calls_it() -> None:
    para = 'وقالت مواطنة تدعى سلمى السبت للصحفيين إن قذائف أصابت سيارة مليئة بالركاب في وسط المدينة.'
    assert [s for s, _ in _shown([para])] == ["مواطنة تدعى سلمى"]


def test_a_name_that_may_go_on_past_ali_is_left_as_written() -> None:  # guard
    para = 'وقال شاب يدعى أحمد علي، من سكان الحي، إن المياه انقطعت منذ ثلاثة أيام عن كل المنازل.'
    assert [s for s, _ in _shown([para])] == ["شاب"]


# --- QA79-7: «بحسب X،» before an accusative cut from «أنّ» ---

def test_a_part_of_a_whole_after_bihasab_gets_fa_inna() -> None:
    assert after_bihasab("بعضا من نحو ألف محتج رشقوا الشرطة") == (
        "فإن بعضا من نحو ألف محتج رشقوا الشرطة")


def test_a_sound_plural_before_its_plural_verb_gets_fa_inna() -> None:
    assert after_bihasab("ناخبين أجبروا على الحضور") == "فإن ناخبين أجبروا على الحضور"


def test_an_adverb_or_a_name_in_in_keeps_its_start() -> None:  # guard
    assert after_bihasab("كثيرا ما يحدث ذلك") == "كثيرا ما يحدث ذلك"
    assert after_bihasab("بوتين قالوا ذلك") == "بوتين قالوا ذلك"
