"""Brief F28 (session 16): the seed-29 reading's wrong lines and slips, and F27's left, on invented
sentences.

1. Who said it: an attribution after the marks («…"، بحسب سكاي نيوز») is not their speaker when
   a speech verb before them named one; «نقل موقع X تأكيده أن» relays the one named before.
2. A title's name: after a rank («العاهل السعودي، الملك سلمان …، إن»), closed by the quote's
   opening mark («…، عبد المالك سومونو "…"»).
3. Bare words: a title given its name between commas before («القاضي، غوردن ويذرويل،»), a body
   named definite («السفارة الصينية»), a hashtag name («منصة #إنستغرام»).
4. Cut names: «مصادر قريبة من ملف …», «… المعروف» without what he is known as.

Guards keep what must not change.
"""

from __future__ import annotations

from digests.bare_bodies import resolve
from digests.quote_marks import quotable
from digests.quotes import find_quotes


def _found(*paragraphs: str) -> list[tuple[str, str]]:
    """(speaker as the digest credits it, text) of every candidate."""
    return [(c.speaker, c.text)
            for c in resolve(quotable(paragraphs), find_quotes(list(paragraphs)))]


def _speaker_of(words: str, *paragraphs: str) -> str:
    """The speaker credited with the candidate holding `words` ("" when there is none)."""
    return next((s for s, t in _found(*paragraphs) if words in t), "")


# --- 1. who said it (seed 29: 6826, 4078) ---

def test_f28_attribution_after_marks_is_not_their_speaker() -> None:
    """«وقال الفتى الذهبي السابق … الذي عاد … إنه "يأمل …"، بحسب سكاي نيوز» (6826: «— سكاي
    نيوز»): the verb's far subject speaks; the attribution names where it was read."""
    speaker = _speaker_of("استعادة", "وقال النجم السابق للمنتخب الوطني الذي غادر البلاد بعد"
                          " أسابيع من جولة طويلة في أمريكا الجنوبية بسبب دوره في فضيحة"
                          " التلاعب بنتائج المباريات في الدوري المحلي إنه"
                          ' "يتمنى استعادة ثقة الجمهور قريبا"، بحسب وكالة رويترز.')
    assert speaker == "النجم السابق للمنتخب الوطني", speaker


def test_f28_attribution_alone_still_names_the_source() -> None:
    """Guard: marks with no speech verb before them keep the attribution after them."""
    assert _speaker_of("تصعيد", 'الوضع "يتجه إلى تصعيد خطير في المنطقة الحدودية"، بحسب وكالة'
                       " رويترز.") == "وكالة رويترز"


def test_f28_relayed_affirmation_is_the_one_named_before() -> None:
    """«ونقل موقع "فردا نيوز" تأكيده أن …» (4078: «— موقع "فردا نيوز" تأكيده»)."""
    speaker = _speaker_of("الدستور", "وقال زعيم الحزب حسن نصرالله إن الحزب ولد مع الثورة.",
                          'ونقل موقع "فردا نيوز" تأكيده أن مكانة المرشد فوق الدستور وتنفيذ'
                          " أوامره واجب.")
    assert speaker == "زعيم الحزب حسن نصرالله", speaker


def test_f28_relayed_from_named_source_unchanged() -> None:
    """Guard: «ونقلت الوكالة عن المتحدث … قوله إن» keeps the one after «عن»."""
    assert _speaker_of("مستمرة", "وقالت الوزيرة إن العمل جار.", "ونقلت الوكالة عن المتحدث باسم"
                       " الوزارة قوله إن الحكومة مستمرة في عملها.") == "المتحدث باسم الوزارة"


# --- 2. a title's name (seed 29: 6511, 5214, 1157) ---

def test_f28_title_name_after_a_rank() -> None:
    """«قال العاهل السعودي، الملك سلمان بن عبدالعزيز، إن» (6511: «العاهل السعودي») and
    «سفير …، الأمير خالد بن سلمان، إن» (5214)."""
    assert _speaker_of("حزم", "قال العاهل الأردني، الملك عبدالله الثاني، إن بلاده ستتصدى بكل"
                       " حزم لأي محاولات عدائية.") == "العاهل الأردني الملك عبدالله الثاني"
    assert _speaker_of("النساء", "قال سفير دولة الكويت في لندن، الشيخ فهد بن سالم، إن نسبة"
                       " النساء في المجلس أكبر.") == "سفير دولة الكويت الشيخ فهد بن سالم"


def test_f28_title_name_closed_by_opening_mark() -> None:
    """«وأوضح مسؤول الشرطة في ولاية يوبي، عبد المالك سومونو "…"» (1157: «مسؤول الشرطة»)."""
    assert _speaker_of("تلميذة", "وأوضح مسؤول الشرطة في ولاية كانو، محمد سعيد بلو"
                       ' "عادت مئات التلميذات إلى بيوتهن وما زالت تلميذة واحدة مفقودة".') == (
        "مسؤول الشرطة محمد سعيد بلو")


def test_f28_one_word_before_mark_is_no_name() -> None:
    """Guard: one word after the title's comma before marks («الوزير، أحمد "…"») stays out."""
    assert _speaker_of("تلميذة", 'وقال الوزير، أحمد "عادت مئات التلميذات إلى بيوتهن'
                       ' وما زالت تلميذة واحدة مفقودة".') == "الوزير"


# --- 3. bare words (seed 29: 2610, 5851, 6189) ---

def test_f28_bare_title_named_between_commas_before() -> None:
    """«وقرر القاضي، غوردن ويذرويل، أن …» then «وقال القاضي … إنها "…"» (2610: «— القاضي»)."""
    speaker = _speaker_of("أخفقت", "وقرر القاضي، جون سميث، أن المتهمة هاجمت الشركة بنية سيئة.",
                          'وقال القاضي في جلسة الأمس إنها "أخفقت في إثبات أن غضبها كان مبررا".')
    assert speaker == "القاضي جون سميث", speaker


def test_f28_bare_title_two_names_stays_bare() -> None:
    """Guard: two judges named so before leave «القاضي» bare."""
    speaker = _speaker_of("أخفقت", "وقرر القاضي، جون سميث، أن المتهمة مذنبة، بينما رأى القاضي،"
                          " بيتر براون، أنها بريئة.",
                          'وقال القاضي في جلسة الأمس إنها "أخفقت في إثبات أن غضبها كان مبررا".')
    assert speaker == "القاضي", speaker


def test_f28_bare_embassy_named_definite_before() -> None:
    """«قالت السفارة الصينية في واشنطن إن …» then «وأضافت السفارة قائلة في بيان "…"» (5851)."""
    speaker = _speaker_of("حرب تجارية", "قالت السفارة الصينية في واشنطن إن الصين تشعر بخيبة أمل.",
                          'وأضافت السفارة قائلة في بيان "إذا بادرت الولايات المتحدة إلى حرب'
                          ' تجارية، فإن الصين ستقاتل".')
    assert speaker == "السفارة الصينية", speaker


def test_f28_bare_platform_named_by_hashtag() -> None:
    """«أعلنت منصة #إنستغرام الأحد عن تحديث» then «وأوضحت المنصة أن» (6189: «— المنصة»)."""
    speaker = _speaker_of("الزر", "أعلنت منصة #سناب_شات الأحد عن تحديث جديد للتطبيق.",
                          "وأوضحت المنصة أن المشاركات الجديدة ستظهر عند النقر على الزر الجديد.")
    assert speaker == "منصة سناب شات", speaker


# --- 4. cut names (seed 29: 5485, 3837) ---

def test_f28_sources_close_to_a_file() -> None:
    """«أفادت مصادر قريبة من ملف الرئيس الفرنسي الأسبق … أنه» (5485: «مصادر قريبة»)."""
    assert _speaker_of("التوقيف", "أفادت مصادر قريبة من ملف الوزير السابق أنه تم استئناف"
                       " التوقيف صباح الأربعاء.") == "مصادر قريبة من ملف الوزير السابق"


def test_f28_known_as_without_its_complement_is_cut() -> None:
    """«وقال ديمتري كيسليوف المعروف بأنه أكثر …:"…"» (3837: «ديمتري كيسليوف المعروف»)."""
    assert _speaker_of("اللوم", "وقال أحمد سالم المعروف بأنه أكثر المذيعين تأييدا للحكومة:"
                       '"حاولوا إلقاء اللوم على البلاد لكن الأمر يصب في مصلحتهم فقط".') == (
        "أحمد سالم")


# --- 5. F27's left (seed 28: 1594, 2561, «— آخر») and seed 29's 1912 ---

def test_f28_body_with_nationality_named_before() -> None:
    """«أعلن نادي نومانسيا الإسباني …» then «وكتب النادي الإسباني على صفحته: …» (1594)."""
    speaker = _speaker_of("القائمة", "أعلن نادي ليغانيس الإسباني عن استدعاء اللاعب للفريق.",
                          "وكتب النادي الإسباني على صفحته في موقع تويتر: لأول مرة، اللاعب"
                          " السعودي في القائمة المستدعاة لمباراة الغد.")
    assert speaker == "نادي ليغانيس الإسباني", speaker


def test_f28_body_with_nationality_two_named_stays() -> None:
    """Guard: two Spanish clubs named before leave «النادي الإسباني» as written."""
    speaker = _speaker_of("القائمة", "أعلن نادي ليغانيس الإسباني عن استدعاء اللاعب بعد أن رفضه"
                          " نادي خيتافي الإسباني.",
                          "وكتب النادي الإسباني على صفحته في موقع تويتر: لأول مرة، اللاعب"
                          " السعودي في القائمة المستدعاة لمباراة الغد.")
    assert speaker == "النادي الإسباني", speaker


def test_f28_ala_kawn_opens_the_clause() -> None:
    """«شدد شاكر على كون هناك ألفاظ … لا يصح أن …» (2561: the writer's sentence shown whole)."""
    found = _found("كما شدد المطرب على كون هناك كلمات لا يصح أن يقولها الفنان في أي مكان.")
    assert found == [("المطرب", "هناك كلمات لا يصح أن يقولها الفنان في أي مكان")], found


def test_f28_another_borrows_the_head_before() -> None:
    """«وعلق أحد المستخدمين "…"، بينما أضاف آخر "…"» → «مستخدم آخر»; «غرد شاب … قال آخر» →
    «شاب آخر» (F26's and F27's left: «— آخر» names nobody in a digest)."""
    assert [s for s, _ in _found('وعلق أحد المستخدمين بالقول "هذا هو الإعلان الذي انتظرناه'
                                 ' طويلا"، بينما أضاف آخر "هذا كل ما في الأمر إذن؟".')] == [
        "أحد المستخدمين", "مستخدم آخر"]
    assert [s for s, _ in _found('غرد شاب قائلا "صوتها رائع وهي تستحق الفوز بالمسابقة". في حين'
                                 ' قال آخر "المتسابقة يجب أن تغادر البرنامج في أقرب وقت".')] == [
        "شاب", "شاب آخر"]


def test_f28_another_with_nobody_named_stays() -> None:
    """Guard: «وكتب البعض …، وأضاف آخر:» has no head to borrow; the line is not dropped."""
    assert [s for s, _ in _found('وكتب البعض "هذا قرار ظالم بحق الجميع في البلاد"، وأضاف آخر:'
                                 ' "لا أصدق ما يحدث هنا اليوم".')] == ["البعض", "آخر"]


def test_f28_first_of_its_kind_keeps_its_pronoun() -> None:
    """«أعلنت شركة HMD أنها أول شريك عالمي …» (1912: «بحسب شركة HMD العالمية، أول شريك …»)."""
    text = next(t for s, t in _found("وأعلنت الشركة الألمانية أيضا أنها أول شريك عالمي يمتلك"
                                     " مجموعة كاملة من الهواتف الذكية."))
    assert text.startswith("أنها أول شريك"), text


# --- 6. a verb clause keeps the speaker's own pronoun in the line shown (F26's and F27's left:
# seed 28's 366, 5359; seed 29's 1141, 4370) ---

def _shown(paragraph: str) -> list[tuple[str, str]]:
    """(speaker, text) of the digest's quotes: what a reader is shown."""
    from digests.quotes import key_quotes
    return [(q.speaker, q.text) for q in key_quotes([paragraph])]


def test_f28_verb_clause_keeps_its_pronoun_when_shown() -> None:
    """«قالت الهيئة العامة للطيران المدني إنها ألغت العقد …» (1141: «بحسب الهيئة …، ألغت …»)
    is shown «بحسب الهيئة …، فإنها ألغت …»; the finder's span still starts at the verb."""
    from bot.attribution import after_bihasab
    para = "قالت الهيئة العامة للنقل إنها ألغت العقد مع تحالف الشركات لإدارة المطار الجديد."
    assert find_quotes([para])[0].text.startswith("ألغت العقد")
    [(speaker, text)] = _shown(para)
    assert (speaker, text.split()[0]) == ("الهيئة العامة للنقل", "إنها"), (speaker, text)
    assert after_bihasab(text).startswith("فإنها ألغت العقد")
    [(_, text)] = _shown("وأعلن البنك المركزي أنه خفض سعر الفائدة بمقدار نقطة مئوية كاملة.")
    assert text.startswith("أنه خفض سعر الفائدة"), text


def test_f28_impersonal_pronoun_stays_out_of_the_line() -> None:
    """Guard: «قال الوزير إنه ينبغي لإيران …» (impersonal «إنه») is shown from «ينبغي», as
    seed 28's 5051 was read right."""
    [(_, text)] = _shown("وقال الوزير الفرنسي إنه ينبغي لإيران تهدئة المخاوف بشأن برنامجها.")
    assert text.startswith("ينبغي لإيران"), text


def test_f28_bare_body_named_by_a_definite_hashtag() -> None:
    """«قالت #الهيئة_العامة_للطيران_المدني السعودية …» then «وأوضحت الهيئة …» (1141)."""
    speaker = _speaker_of("مراجعة", "قالت #الهيئة_العامة_للنقل_البري السعودية إنها ألغت العقد.",
                          'وأوضحت الهيئة في بيان أن "القرار جاء بعد مراجعة داخلية للاتفاقية'
                          ' الموقعة".')
    assert speaker == "الهيئة العامة للنقل البري السعودية", speaker
