"""digests.query, digests.topic_match, digests.reader_text: what a reader's text becomes (keys,
phrase, fallbacks), topic matching, links and echoes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digests.asked_topics import topic_text, topic_too_long
from digests.models import Article
from digests.query import MAX_QUERY_WORDS, lone_name, plan_query, topic_key
from digests.query_words import too_short
from digests.topic_match import article_matches


def article(title: str, text: str = "") -> Article:
    return Article(id=1, source_id=1, source_name="BBC", url="https://x.example/1", title=title,
                   paragraphs=(text,) if text else ())


def test_stop_words_at_the_ends_are_dropped_inside_they_stay() -> None:
    plan = plan_query("في مجلس الأمن الدولي من")
    assert plan.terms == ("مجلس", "امن", "دولي")
    assert plan.phrase == '"مجلس امن دولي"' and plan.trimmed is None
    assert plan_query("على الحدود").terms == ("حدود",)  # «على» with ى: the preposition
    assert plan_query("في من على").terms == ()


@pytest.mark.parametrize("query, terms, trimmed", [
    ("علي شمخاني", ("علي", "شمخاني"), '"شمخاني"'),
    ("عليّ شمخاني", ("علي", "شمخاني"), '"شمخاني"'),
    # «عبد الله» is also written «عبدالله» (QA23 S4)
    ("علي عبد الله صالح", ("علي", "عبد", "الله", "صالح"), '"عبد الله صالح" OR "عبدالله صالح"'),
    ("محمد علي", ("محمد", "علي"), '"محمد"'),  # a family name at the end
    ("الرئيس علي عبدالله صالح", ("رئيس", "علي", "عبدالله", "صالح"), None),  # inside: always kept
    ("على شمخاني", ("شمخاني",), None),  # written with ى: the preposition
])
def test_ali_written_with_ya_is_kept_as_a_name(query: str, terms: tuple[str, ...],
                                               trimmed: str | None) -> None:
    plan = plan_query(query)
    assert plan.terms == terms and plan.trimmed == trimmed and plan.phrases[0] == terms
    assert plan.phrase is not None and plan.phrase.startswith('"' + " ".join(terms) + '"')
    if plan.all_words:
        assert '"علي"' not in plan.all_words  # the any-order fallback never searches «على»


def test_ali_alone_is_not_searchable_and_says_why() -> None:
    for query in ("علي", "  عليّ ", "علي في", "علي علي"):
        assert plan_query(query).terms == ()
        assert lone_name(query) in ("علي", "عليّ")
    assert lone_name("على") is None  # the preposition alone: just stop-words
    assert lone_name("علي شمخاني") is None and lone_name("الغوطة") is None
    assert lone_name("") is None


def test_a_leading_name_also_matches_its_proclitic_spellings() -> None:
    plan = plan_query("علي خامنئي")
    heads = [p[0] for p in plan.phrases]
    assert heads[0] == "علي" and {"وعلي", "لعلي", "بعلي"} <= set(heads)
    assert "فعلي" not in heads  # «فعلي» is the word "actual"
    assert all(p[1:] == ("خامنئي",) for p in plan.phrases)
    assert plan.phrase == " OR ".join(f'"{" ".join(p)}"' for p in plan.phrases)
    assert plan_query("محمد علي").phrases == (("محمد", "علي"),)  # a name at the end: as written
    assert plan_query("الغوطة").phrases == (("غوطه",),)
    listed = article("الحوثيون وعلي خامنئي", "")
    assert article_matches("علي خامنئي", listed) and not article_matches("علي شمخاني", listed)


def test_topic_key_and_matching_keep_the_name() -> None:
    assert topic_key("علي شمخاني") == "علي شمخاني"
    assert topic_key("على شمخاني") == "شمخاني"
    named = article("الأميرال علي شمخاني يزور موسكو")
    other = article("شمخاني يزور موسكو", "تحدث عن العقوبات")
    assert article_matches("علي شمخاني", named) and not article_matches("علي شمخاني", other)
    assert article_matches("شمخاني", other)


def test_a_pasted_repetition_is_one_word_and_long_text_is_cut() -> None:
    assert plan_query("الغوطة الغوطة الغوطة").terms == ("غوطه",)
    words = " ".join(f"كلمة{i}" for i in range(50))
    assert len(plan_query(words).terms) == MAX_QUERY_WORDS


@given(st.text(max_size=200))
def test_plans_are_consistent(query: str) -> None:
    plan = plan_query(query)
    assert (plan.phrase is None) == (not plan.terms)
    if plan.trimmed is not None:
        assert plan.phrase is not None and plan.trimmed != plan.phrase
        assert '"علي' in plan.phrase or 'علي"' in plan.phrase


@pytest.mark.parametrize("query, terms", [
    ("ما آخر أخبار الغوطة؟", ("غوطه",)),
    ("أخبار ترامب", ("ترامب",)),
    ("شو صار في غزة", ("غزه",)),
    ("ماذا يحدث في الغوطة الشرقية اليوم؟", ("غوطه", "شرقيه")),
    ("الغوطة: آخر المستجدات", ("غوطه",)),
    ("آخر الأخبار", ("اخر", "اخبار")),  # only question words: searched as written
])
def test_question_words_are_dropped_when_other_words_remain(query: str,
                                                            terms: tuple[str, ...]) -> None:
    assert plan_query(query).terms == terms


def test_question_words_inside_are_left_out_of_the_all_words_fallback() -> None:
    plan = plan_query("ترامب آخر أخبار سوريا")
    assert plan.terms == ("ترامب", "اخر", "اخبار", "سوريا")
    assert plan.content == ("ترامب", "سوريا")
    assert plan.all_words == '("ترامب" OR "ترمب") AND "سوريا"'


def test_without_leaves_out_the_given_keys() -> None:
    plan = plan_query("ماكرون Macron", without=frozenset({"macron"}))
    assert plan.terms == ("ماكرون",) and plan.all_words is None


def test_a_name_is_searched_in_every_spelling_of_the_news() -> None:
    plan = plan_query("ترامب")
    assert set(plan.phrases) == {("ترامب",), ("ترمب",)}
    assert plan.phrase == '"ترامب" OR "ترمب"'
    two = plan_query("ترمب يلتقي بوتين")
    assert ("ترامب", "يلتقي", "بوتن") in two.phrases and len(two.phrases) == 4
    assert two.all_words == '("ترمب" OR "ترامب") AND "يلتقي" AND ("بوتين" OR "بوتن")'
    assert plan_query("الغوطة").phrases == (("غوطه",),)  # a word with one spelling: as it was


@pytest.mark.parametrize("topic, title", [
    ("ترامب", "ترمب يهاجم وسائل الإعلام"),
    ("ترمب", "وقال ترامب إن"),
    ("بوتين", "بوتن يعلن ترشحه"),
    ("نتنياهو", "التحقيق مع نتانياهو"),
    ("غوتيريش", "غوتيريس يدعو إلى هدنة"),
    ("جوتيريش", "غوتيريش يدعو إلى هدنة"),
    ("أردوغان", "إردوغان يزور روما"),
])
def test_a_subscription_matches_every_spelling(topic: str, title: str) -> None:
    assert article_matches(topic, article(title))


def test_spellings_never_match_other_words() -> None:
    assert not article_matches("ترامب", article("الترام في القاهرة"))
    assert not article_matches("بوتين", article("بوتان مملكة في الهيمالايا"))


def test_shorten_cuts_at_a_word_boundary() -> None:
    from digests.reader_text import shorten

    text = "الغوطة الشرقية " * 30
    short = shorten(text, 100)
    assert len(short) <= 100 and short.split()[-1] in ("الشرقية", "الغوطة")
    assert text.startswith(short)
    assert shorten("قصير", 100) == "قصير"
    assert shorten("ا" * 150, 100) == "ا" * 100  # one long word: cut inside it


@pytest.mark.parametrize("text, links", [
    ("شاهد http://127.0.0.1:5000/news/gas.html", ["http://127.0.0.1:5000/news/gas.html"]),
    ("اقرأ هذا: https://x.example/a?b=1، ثم أخبرني.", ["https://x.example/a?b=1"]),
    ("https://a.example/1 https://b.example/2", ["https://a.example/1", "https://b.example/2"]),
    ("عن www.alarabiya.net/x.", ["http://www.alarabiya.net/x"]),
    ("«https://t.me/nashra_bot?start=syria»", ["https://t.me/nashra_bot?start=syria"]),
    ("يجب أن يبدأ بـ http:// أو https://", []), ("الغوطة", []), ("ftp://x.example/a", []),
    ("«www.bbc.com/news/x»", ["http://www.bbc.com/news/x"]),
    ("اقرأ bbc.com/arabic/x.", ["http://bbc.com/arabic/x"]),
    ("انظر 127.0.0.1:5000/news/a.html", ["http://127.0.0.1:5000/news/a.html"]),
    ("bbc.com وحده", []), ("النتيجة 3.5/10", []), ("U.S./x", []), ("a@bbc.com/x", []),
    ("و/أو", []), ("https://bbc.com/x bbc.com/y", ["https://bbc.com/x", "http://bbc.com/y"]),
])
def test_links_in_finds_links_inside_a_sentence(text: str, links: list[str]) -> None:
    from digests.reader_text import links_in

    assert links_in(text) == links


@pytest.mark.parametrize("query, topic", [
    ("ما آخر أخبار الغوطة؟", "الغوطة"),
    ("شو صار في غزة", "غزة"),
    ("ماذا يحدث في الغوطة الشرقية اليوم؟", "الغوطة الشرقية"),
    ("الغوطة: آخر المستجدات", "الغوطة"),
    ("«الغوطة»", "الغوطة"),
    ("في مجلس الأمن الدولي من", "مجلس الأمن الدولي"),  # inside a phrase a stop-word stays
    ("ترامب آخر أخبار سوريا", "ترامب آخر أخبار سوريا"),  # inside: kept, as search keeps it
    ("علي شمخاني", "علي شمخاني"),  # «علي» written as a name stays
    ("آخر الأخبار", "آخر الأخبار"),  # only words of asking: as written
    ("في من على", "في من على"), ("", ""),
])
def test_topic_text_drops_the_words_search_drops_at_the_ends(query: str, topic: str) -> None:
    from digests.asked_topics import topic_text

    assert topic_text(query) == topic


@pytest.mark.parametrize("query,shown", [
    ("شو صار بالغوطة اليوم؟", "الغوطة"),  # QA18 R12
    ("ما اخبار الهدنة في الغوطة", "الهدنة في الغوطة"),
    ("وللأمم المتحدة", "الأمم المتحدة"), ("فالحكومة", "الحكومة"),
    ("والدة", "والدة"), ("بالغ", "بالغ"),  # words of their own, not clitic + article
    ("الغوطة والقصف", "الغوطة والقصف"),  # a later word keeps its «و»
    ("ال", "ال"), ("", ""), ("trump", "trump"),
])
def test_topic_shown_is_the_topic_without_the_question(query: str, shown: str) -> None:
    from digests.asked_topics import topic_shown

    assert topic_shown(query) == shown


@given(st.text(max_size=60))
def test_topic_shown_searches_like_the_query(query: str) -> None:
    from digests.asked_topics import topic_shown, topic_text
    from digests.query import plan_query

    assert plan_query(topic_shown(query)).terms == plan_query(topic_text(query)).terms


@given(st.text(max_size=80))
def test_topic_text_keeps_what_search_looks_for(query: str) -> None:
    from hypothesis import assume

    from digests.arabic import analyze
    from digests.asked_topics import topic_text

    assume(len(analyze(query)) <= MAX_QUERY_WORDS)  # a longer text is searched by its start
    trimmed = topic_text(query)
    assert trimmed in " ".join(query.split())
    assert plan_query(trimmed).terms == plan_query(query).terms


def test_echo_marks_a_cut_with_an_ellipsis() -> None:
    from digests.reader_text import echo

    assert echo("  الغوطة   الشرقية ") == "الغوطة الشرقية"
    long = "الغوطة الشرقية " * 20
    shown = echo(long)
    assert len(shown) <= 100 and shown.endswith("…") and long.startswith(shown[:-1])


def test_link_forms_try_the_other_scheme_and_www() -> None:
    from digests.reader_text import link_forms

    assert link_forms("http://bbc.com/x") == ["http://bbc.com/x", "https://bbc.com/x",
                                              "https://www.bbc.com/x", "http://www.bbc.com/x"]
    assert link_forms("https://www.bbc.com/x")[:2] == ["https://www.bbc.com/x",
                                                        "https://bbc.com/x"]
    assert link_forms("tg://resolve") == ["tg://resolve"]


@pytest.mark.parametrize("text, plain", [
    ("<b>غزة</b>", "غزة"), ("<a href='https://x.example'>حلب</a>", "حلب"),
    ("<p>غزة</p><p>حلب</p>", "غزة حلب"), ("الغوطة<br/>الشرقية", "الغوطة الشرقية"),
    ("3 < 5 و 7 > 2", "3 < 5 و 7 > 2"), ("«الغوطة»", "«الغوطة»"), ("<غزة>", "<غزة>"),
])
def test_strip_markup_leaves_the_text_between_tags(text: str, plain: str) -> None:
    from digests.reader_text import strip_markup

    assert strip_markup(text) == plain


def test_a_topic_to_follow_holds_a_letter() -> None:
    from digests.query import followable

    assert not followable("١٢٣") and not followable("10.30") and not followable("... !")
    assert followable("غزة") and followable("٢٠١٨ الانتخابات") and followable("G20")


@given(st.text(max_size=60))
def test_strip_markup_never_adds_text(text: str) -> None:
    from digests.reader_text import strip_markup

    plain = strip_markup(text)
    assert "<b>" not in plain and len(plain) <= len(text)
    assert set(plain) - {" "} <= set(text)


@pytest.mark.parametrize("query", ["و", "ب", "ا", "أ", "ال", "لل", "وال", "بال", "الـ",
                                   "و ال", "في و من", "x"])
def test_single_letters_and_bare_articles_are_nothing_to_search(query: str) -> None:
    """QA10 F4: «و» matched 105 of 1,000 corpus articles; now it plans nothing, as stop-words."""
    assert plan_query(query).terms == () and topic_key(query) == ""
    assert not article_matches(query, article("قال الوزير و أضاف", "خبر و خبر ب ال"))


def test_a_letter_beside_a_topic_is_dropped_at_the_ends_and_kept_inside() -> None:
    assert plan_query("الغوطة و").terms == plan_query("و الغوطة").terms == ("غوطه",)
    assert topic_text("و الغوطة ب") == "الغوطة"
    assert plan_query("قمة الـ20").terms == ("قمه", "20")  # a number stays searchable
    assert plan_query("5").terms == ("5",)
    assert [k for k in ("و", "ال", "لل", "5", "في", "غوطه") if too_short(k)] == ["و", "ال", "لل"]


def test_a_topic_is_at_most_six_words_and_sixty_characters() -> None:
    """QA10 F14: the longest names in the news fit; a sentence does not."""
    assert not topic_too_long("المفوضية السامية للأمم المتحدة لشؤون اللاجئين")  # 6 words
    assert topic_too_long("المفوضية السامية للأمم المتحدة لشؤون اللاجئين السوريين")  # 7
    assert not topic_too_long("ما آخر أخبار منظمة الأمم المتحدة للتربية والعلم والثقافة؟")
    assert topic_too_long("ا" * 61) and not topic_too_long("ا" * 60)
    assert topic_too_long("الغوطة الشرقية " * 20)


def test_g_written_three_ways_and_the_ng_ending() -> None:
    """QA12 F10: «هوكينج» is «هوكينغ», «جوجل» is «غوغل» (and a reader's «قوقل»); Arabic
    words ending in «نج» are no names."""
    from digests.variants import NOT_NG, alternatives, ng_spelling

    assert set(alternatives("هوكينج")) == {"هوكينج", "هوكينغ"}
    assert set(alternatives("سامسونغ")) == {"سامسونغ", "سامسونج"}
    assert set(alternatives("قوقل")) == {"قوقل", "غوغل", "جوجل"}
    for word in NOT_NG:
        assert alternatives(word) == (word,), word
    assert ng_spelling("بنج") is None  # three letters: anaesthesia, not a name
    assert ng_spelling("غرب") is None and alternatives("رغم") == ("رغم",)
    plan = plan_query("ستيفن هوكينج")
    assert ("ستيفن", "هوكينغ") in plan.phrases and plan.all_words is not None
    assert '"هوكينغ"' in plan.all_words


def test_a_name_written_as_one_word_or_two() -> None:
    joined, split = plan_query("فيسبوك"), plan_query("فيس بوك")
    assert ("فيس", "بوك") in joined.phrases and ("فيسبوك",) in split.phrases
    assert ("يو", "تيوب") in plan_query("يوتيوب").phrases
    # inside a longer phrase, and with the other spellings of its words
    assert ("صفحه", "فيسبوك") in plan_query("صفحة فيس بوك").phrases
    assert ("بيونج", "يانج") in plan_query("بيونغيانغ").phrases or \
        ("بيونغ", "يانغ") in plan_query("بيونغيانغ").phrases
    assert len(plan_query("فيس بوك ترامب بوتين نتنياهو غوغل").phrases) <= 16


def test_the_iga_ending_and_abu_dhabi_written_as_one_word() -> None:
    """QA18 R13: «الليجا» is «الليغا»; «ابو ظبي» is written «أبوظبي» in the news."""
    from digests.variants import alternatives, ga_spelling

    assert set(alternatives("ليجا")) == {"ليجا", "ليغا"}
    assert set(alternatives("بوندسليغا")) == {"بوندسليغا", "بوندسليجا"}
    assert ga_spelling("يجا") is None and ga_spelling("روهينجا") is None  # -ng, not -iga
    assert ga_spelling("مزيجا") == "مزيغا"  # no word: searching it finds nothing more
    assert ("ليغا",) in plan_query("الليجا").phrases
    assert ("ابوظبي",) in plan_query("ابو ظبي").phrases
    assert ("ابو", "ظبي") in plan_query("أبوظبي").phrases


def test_a_kunya_particle_is_known() -> None:
    from digests.arabic import run_keys
    from digests.query_words import KUNYA

    for word in ("أبو", "ابو", "ابن", "أم", "بن"):
        assert all(k in KUNYA for k in run_keys(word)), word
    assert not any(k in KUNYA for k in run_keys("ظبي"))


def test_a_pasted_paragraph_yields_the_names_it_holds_in_order() -> None:
    from digests.asked_topics import pasted_names

    text = ("أفادت تقارير محلية بأن الأوضاع تزداد سوءا في الغوطة الشرقية قرب دمشق، فيما دعت"
            " الأمم المتحدة إلى هدنة فورية وحذر ترمب من التصعيد")
    assert pasted_names(text) == ["الغوطة الشرقية", "دمشق", "الأمم المتحدة", "الهدنة", "ترامب"]
    assert pasted_names("كلام عام لا اسم فيه") == []


def test_an_alert_is_about_its_topic_not_a_passing_mention() -> None:
    """QA18 R3: the topic in the headline, the lead (first 400 characters of the first
    paragraph, or of the summary) or twice; a single later body mention is no alert."""
    from digests.models import Article
    from digests.topic_match import ALERT_LEAD_CHARS, alert_matches, article_matches

    def art(title: str, *paragraphs: str, summary: str = "") -> Article:
        return Article(id=1, source_id=1, source_name="s", url="u", title=title,
                       paragraphs=paragraphs, summary=summary)

    other = "كلام عن موضوع آخر تماما في فقرة طويلة"
    passing = art("الذهب مستقر", other, "بينما صعد النفط قليلا")
    assert article_matches("النفط", passing) and not alert_matches("النفط", passing)
    assert alert_matches("النفط", art("النفط يصعد", other))
    assert alert_matches("نفط", art("عنوان", "صعد النفط اليوم", other))
    assert alert_matches("النفط", art("عنوان", other, "صعد النفط", "ثم هبط النفط"))
    assert alert_matches("النفط", art("عنوان", summary="صعد النفط اليوم"))  # no page: summary
    late = art("عنوان", "ك" * ALERT_LEAD_CHARS + " النفط")  # past the lead, once
    assert article_matches("النفط", late) and not alert_matches("النفط", late)
    assert alert_matches("ترمب", art("عنوان", other, "قال ترامب", "وأضاف ترمب"))  # spellings
    assert not alert_matches("الغوطة", art("عنوان", other))


def test_a_topic_of_several_words_needs_three_body_mentions() -> None:
    """QA19 (brief X25): «الأمم المتحدة» named twice as a source of figures, «النفط والغاز» twice
    in a list of sectors, was an alert; a topic of several words needs its phrase three times
    in the body — or in the headline (its words in any order) or the lead, as before. A
    one-word topic still needs two."""
    from digests.models import Article
    from digests.topic_match import alert_matches, article_matches

    def art(title: str, *paragraphs: str) -> Article:
        return Article(id=1, source_id=1, source_name="s", url="u", title=title,
                       paragraphs=paragraphs)

    other = "كلام عن موضوع آخر تماما في فقرة طويلة"
    twice = art("عنوان", other, "وتقدر الأمم المتحدة عدد النازحين", "وقالت الأمم المتحدة أمس")
    assert article_matches("الأمم المتحدة", twice) and not alert_matches("الأمم المتحدة", twice)
    thrice = art("عنوان", other, "الأمم المتحدة تدعو", "وقالت الأمم المتحدة",
                 "ورحبت الأمم المتحدة")
    assert alert_matches("الأمم المتحدة", thrice)
    sectors = art("عنوان", other, "شركات النفط والغاز والبناء", "في قطاع النفط والغاز")
    assert not alert_matches("النفط والغاز", sectors)
    assert alert_matches("النفط والغاز", art("الغاز يرتفع مع النفط", other))  # headline: any order
    assert alert_matches("النفط والغاز", art("عنوان", "قطاع النفط والغاز ينمو", other))  # lead
    assert alert_matches("النفط", art("عنوان", other, "صعد النفط", "ثم هبط النفط"))  # one word
    apart = art("عنوان", other, "النفط صعد والغاز", "هبط النفط ثم الغاز", "النفط أولا ثم الغاز")
    assert not alert_matches("النفط والغاز", apart)  # the words apart are not the topic


def test_a_topic_inside_a_longer_name_is_no_mention_for_an_alert() -> None:
    """Brief X27: «مجلس الأمن القومي» (a national security council) is not «مجلس الأمن», «كأس
    العالم للأندية» not the World Cup, «الاتحاد الأوروبي لكرة القدم» (UEFA) and «كأس الاتحاد
    الأوروبي» not the EU, «صحيفة الشرق الأوسط» not the region — in the headline, the lead or the
    body. The topic's own longer forms («مجلس الأمن الدولي», «كأس العالم لكرة القدم») still
    count, and a search still finds every one of these articles."""
    from digests.models import Article
    from digests.topic_match import alert_matches, article_matches

    def art(title: str, *paragraphs: str) -> Article:
        return Article(id=1, source_id=1, source_name="s", url="u", title=title,
                       paragraphs=paragraphs)

    other = "كلام عن موضوع آخر تماما في فقرة طويلة"
    nsc = art("عنوان", other, "اجتمع مجلس الأمن القومي", "وقال مجلس الأمن القومي",
              "ثم أعلن مجلس الأمن القومي")
    assert article_matches("مجلس الأمن", nsc) and not alert_matches("مجلس الأمن", nsc)
    assert alert_matches("مجلس الأمن", nsc, whole_names=False)  # before X27: three mentions
    assert alert_matches("مجلس الامن", nsc, whole_names=False) \
        and not alert_matches("مجلس الامن", nsc)  # the topic by its keys, any spelling
    unsc = art("عنوان", other, "اجتمع مجلس الأمن الدولي", "وقال مجلس الأمن الدولي",
               "ثم أعلن مجلس الأمن الدولي")
    assert alert_matches("مجلس الأمن", unsc)
    # the headline: neither the phrase nor its words in any order count inside the longer name
    headline = art("مجلس الأمن القومي البريطاني يجتمع", other)
    assert article_matches("مجلس الأمن", headline) and not alert_matches("مجلس الأمن", headline)
    assert alert_matches("مجلس الأمن", art("مجلس الأمن القومي يطلب جلسة لمجلس الأمن", other))
    # the lead
    assert not alert_matches("كأس العالم", art("عنوان", "توج الفريق بكأس العالم للأندية"))
    assert alert_matches("كأس العالم", art("عنوان", "تأهل المنتخب لكأس العالم لكرة القدم"))
    assert not alert_matches("كأس العالم", art("عنوان", "فازت فرنسا بكأس العالم لكرة اليد"))
    # a longer name before the topic (its tail): a newspaper, a cup
    paper = art("عنوان", other, "ذكرت صحيفة الشرق الأوسط", "وأضافت صحيفة الشرق الأوسط",
                "ونقلت صحيفة الشرق الأوسط")
    assert not alert_matches("الشرق الأوسط", paper)
    assert not alert_matches("الاتحاد الأوروبي", art("عنوان", "نهائي كأس الاتحاد الأوروبي"))
    assert not alert_matches("الاتحاد الأوروبي", art("عنوان", "قرر الاتحاد الأوروبي لكرة القدم"))
    assert alert_matches("الاتحاد الأوروبي", art("عنوان", "قرر الاتحاد الأوروبي فرض رسوم"))
    # one real mention among longer names is a mention
    mixed = art("عنوان", other, "قالت صحيفة الشرق الأوسط", "إن السلام في الشرق الأوسط",
                "يهم الشرق الأوسط", "وسلام الشرق الأوسط")
    assert alert_matches("الشرق الأوسط", mixed)
    # a topic the table does not name is matched as before
    assert alert_matches("الأمم المتحدة", art("عنوان", "قالت منظمة الأمم المتحدة للطفولة"))


def test_longer_names_are_keyed_and_masked() -> None:
    from digests.arabic import analyze
    from digests.longer_names import LONGER_NAMES, context, in_longer_name, masked

    for topic in LONGER_NAMES:  # every topic of the table is found by its plan's terms
        assert context(plan_query(topic).terms) is not None, topic
    assert context(("امم", "متحده")) is None
    ctx = context(plan_query("مجلس الأمن").terms)
    assert ctx is not None
    keys = analyze("مجلس الأمن القومي ثم مجلس الأمن الدولي")
    assert in_longer_name(keys, 0, 2, ctx) and not in_longer_name(keys, 4, 2, ctx)
    assert masked(keys, [("مجلس", "امن")], ctx) == ("", "", *keys[2:])
    assert masked(keys, [("مجلس", "امن")], None) == tuple(keys)


_WORDS = ("النفط", "نفط", "الغوطة", "الشرقية", "صعد", "في", "و", "الذهب", "قال", "ترمب", "ترامب")


@given(st.lists(st.sampled_from(_WORDS), max_size=6),
       st.lists(st.lists(st.sampled_from(_WORDS), max_size=12), max_size=4),
       st.sampled_from(("النفط", "الغوطة الشرقية", "ترامب", "في الغوطة")))
def test_an_alert_is_always_a_match(title: list[str], paragraphs: list[list[str]],
                                    topic: str) -> None:
    """alert_matches only narrows article_matches: a search still finds every alert's article."""
    from digests.models import Article
    from digests.topic_match import alert_matches, article_matches

    article = Article(id=1, source_id=1, source_name="s", url="u", title=" ".join(title),
                      paragraphs=tuple(" ".join(p) for p in paragraphs if p))
    if alert_matches(topic, article):
        assert article_matches(topic, article)
    if any(w in title for w in topic.split()) and article_matches(topic, article) \
            and " ".join(title).find(topic) >= 0:
        assert alert_matches(topic, article)  # the phrase in the headline is always an alert
