"""Session 22 (brief K17): a fragment that leads on a demonstrative steps back; a document's author.

QA59-2, -19, -24 (Q40's reading): a fragment whose speaker is written at it («هذا ينطبق على …»,
«أن ذلك "لكي …"») led the digest with the named credit, while the headline's statement, carried
by «وأضاف», came last. Such a fragment now loses 1.2 (`quote_rank.demonstrative_lead`, weight
«weak»): dev key-three +4 over the speaker fix below, precision and speakers equal.

And «جاء عقب كلمة لزعيم الجماعة X بمناسبة …، قال فيها إن …» (corpus_dev CN-middleEast-374): no
publishing verb, so «قال فيها» fell back on the last named speaker (another man's words credited to
the article's subject); the document's author behind «لـ» speaks (unwritten_speakers.document_owner).
Invented sentences.
"""

from __future__ import annotations

from digests.quote_rank import demonstrative_lead, features, rank_quotes
from digests.quotes import Candidate, find_quotes

HEADLINE = "وزير الخارجية: حان وقت إنهاء الحرب في الإقليم"
SPEAKER = "وزير الخارجية سامي العلي"


def _cand(text: str, paragraph: int, named: bool, context: str = "") -> Candidate:
    return Candidate(text=text, speaker=SPEAKER, kind="direct", paragraph=paragraph, start=0,
                     named=named, counter=False, context=context or text)


# Written at the name, first: a predicate of «هذا» whose antecedent is outside the quote.
FRAGMENT = _cand("هذا ينطبق على كل الأطراف دون استثناء", 0, True)
# The headline's statement, carried by «وأضاف» (not named at the quote), further down.
STATEMENT = _cand("لقد حان الوقت لوقف القتال، والناس لا يمكنهم الانتظار أكثر", 3, False)
OTHER = Candidate(text="ندرس كل المقترحات التي وصلتنا من الوسطاء بعناية", speaker="المتحدث باسم الحكومة",
                  kind="direct", paragraph=5, start=0, named=True, counter=False,
                  context="ندرس كل المقترحات التي وصلتنا من الوسطاء بعناية")


def test_the_case_is_what_it_says() -> None:
    f = features([FRAGMENT, STATEMENT, OTHER], HEADLINE)
    assert f[0]["named"] == 1.0 and f[1]["named"] == 0.0
    assert f[1]["about"] > f[0]["about"]


def test_the_headline_statement_leads_the_demonstrative_fragment() -> None:
    # (failed before: the fragment came first, on the named credit and its early place)
    top = rank_quotes([FRAGMENT, STATEMENT, OTHER], HEADLINE, limit=1)
    assert [c.text for c in top] == [STATEMENT.text]


def test_a_demonstrative_predicate_before_the_marks_is_a_fragment() -> None:
    context = 'وقال الوزير إن ذلك "لكي يمكن إيصال المساعدات إلى المدنيين فورا".'
    c = _cand("لكي يمكن إيصال المساعدات إلى المدنيين فورا", 0, True, context)
    assert demonstrative_lead(c)


def test_what_is_no_demonstrative_fragment() -> None:
    assert not demonstrative_lead(STATEMENT)
    assert not demonstrative_lead(OTHER)
    # a long statement that opens so says what «هذا» is
    long = ("هذا الاتفاق الذي وقعناه اليوم مع الجيران بعد سنوات من المفاوضات الصعبة سيفتح الحدود"
            " أمام التجارة والمسافرين ويعيد الكهرباء إلى القرى")
    assert not demonstrative_lead(_cand(long, 0, True))
    # marks after «أن» with no demonstrative
    context = 'وقال الوزير إن "الحكومة ستعمل على إيصال المساعدات فورا".'
    assert not demonstrative_lead(_cand("الحكومة ستعمل على إيصال المساعدات فورا", 0, True, context))


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
