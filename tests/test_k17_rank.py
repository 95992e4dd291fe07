"""Session 22 (brief K17): the author of a speech «لـX …، قال فيها» speaks, not the one named last.

Brief K17 screened ranking variants for QA59's «a fragment first, the headline's statement last»
(benchmarks/key_variants.py «K17…»). A term against a fragment that leads on a demonstrative cleared
the development bar only once a speaker slip it exposed was fixed: «جاء عقب كلمة لزعيم جماعة X …
بمناسبة …، قال فيها إن …» (corpus_dev CN-middleEast-374) had no publishing verb, so «قال فيها»
fell back on the last named speaker and another man's words were the article subject's. The
ranking term was not kept (the corpus read worse: a deictic «هذه مهزلة» is often the headline's
own statement); the speaker rule is (unwritten_speakers.document_owner). Invented sentences.
"""

from __future__ import annotations

from digests.quotes import find_quotes


def test_the_author_of_a_speech_behind_lam_speaks() -> None:
    # (failed before: «رئيس الوزراء كمال سعيد», the one named last)
    quotes = find_quotes([
        "وانتقد رئيس الوزراء كمال سعيد الهجوم على المدينة.",
        'يذكر أن الهجوم جاء بعد كلمة لزعيم حركة "النهضة" المعارضة حسن ياسين بمناسبة ذكرى'
        " تأسيسها، قال فيها إن العام المقبل سيشهد تحركات كبيرة في كل المحافظات.",
    ])
    said = [c for c in quotes if c.text.startswith("العام المقبل")]
    assert said and "حسن ياسين" in said[0].speaker and "كمال سعيد" not in said[0].speaker


def test_a_later_tweet_names_no_author() -> None:
    # «في تغريدة لاحقة»: «لاحقة» (later) is no «لـ» of an author
    quotes = find_quotes([
        "وقال المتحدث باسم الشرطة علي حسن إن التحقيق بدأ.",
        'وأكدت الشرطة، في تغريدة لاحقة، قال فيها: "لا توجد إصابات أخرى بين المارة".',
    ])
    assert all("احقة" not in c.speaker for c in quotes)


def test_a_definite_author_is_the_one_named_before() -> None:
    # «تغريدة للوزيرة»: the one named before, shown by her fuller name as before
    quotes = find_quotes([
        "وقالت وزيرة الخارجية سلمى راشد إن الحوار مستمر.",
        'وجاء ذلك في تغريدة للوزيرة على صفحتها، قالت فيها: "لن نقبل بأي شروط مسبقة للحوار".',
    ])
    said = [c for c in quotes if c.text.startswith("لن نقبل")]
    assert said and "سلمى راشد" in said[0].speaker
