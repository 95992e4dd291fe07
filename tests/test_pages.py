"""Article page extraction against golden files (tests/golden/pages/NAME.html → NAME.json).

Set UPDATE_GOLDEN=1 (the one variable every golden test reads) to rewrite the .json files after
a deliberate change, then review the diff by eye: the golden files are the specification.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from digests.encoding import decode
from digests.errors import ParseError
from digests.models import Page, iso
from digests.pages import extract_page, is_related_heading

GOLDEN = Path(__file__).parent / "golden" / "pages"
BASE = {"inline-read-also": "http://city.example/world/iran-missiles",
        "jsonld-aside": "http://madar.example/eco/oil.html",
        "cp1256-egypt": "http://cairo.example/news/campaign"}
CASES = sorted(p.stem for p in GOLDEN.glob("*.html"))


def _page_json(page: Page) -> dict[str, Any]:
    return {"title": page.title, "published_at": iso(page.published_at),
            "published_offset": page.published_offset, "author": page.author,
            "paragraphs": list(page.paragraphs),
            "related": [r.to_json() for r in page.related]}


def _extract(name: str) -> Page:
    body = (GOLDEN / f"{name}.html").read_bytes()
    return extract_page(decode(body), BASE.get(name, f"http://sample.test/news/{name}.html"))


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str) -> None:
    got = _page_json(_extract(name))
    expected_path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", CASES)
def test_related_block_never_leaks_into_the_body(name: str) -> None:
    page = _extract(name)
    body = "\n".join(page.paragraphs)
    assert page.paragraphs
    for item in page.related:
        assert item.title not in body
    for marker in ("مواضيع ذات صلة", "أخبار ذات صلة", "اقرأ أيضاً", "قد يهمك", "مقالات ذات صلة"):
        assert marker not in body


def test_seed_article_page() -> None:
    page = _extract("sample-ghouta-macron-rouhani")
    assert page.title == "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"
    assert page.published_at == datetime(2018, 2, 25, 18, 20, tzinfo=timezone.utc)
    assert page.paragraphs[0].startswith("دعا الرئيس الفرنسي إيمانويل ماكرون")
    assert page.paragraphs[-1].startswith("وتتعرّض الغوطة")
    assert [(r.title[:20], iso(r.published_at)) for r in page.related] == [
        ("الأردن يدعو للضغط عل", "2019-08-18T14:55:10+00:00"),
        ("اطلاق حملة فلسطينية ", "2021-08-08T20:31:44+00:00"),
        ("مقتل 19 مدنيًا في قص", "2018-03-08T18:40:13+00:00"),
    ]
    assert all(r.url.startswith("http://sample.test/news/") and r.kind == "page"
               for r in page.related)


def test_inline_read_also_and_visible_levantine_date() -> None:
    page = _extract("inline-read-also")
    assert page.published_at == datetime(2018, 3, 5, 11, 30, tzinfo=timezone.utc)
    assert page.author == "بقلم: سارة الخطيب"
    urls = [r.url for r in page.related]
    assert "http://city.example/world/le-drian-visit?utm_source=inline" in urls
    assert "http://city.example/world/rouhani-yemen" in urls
    assert len(page.paragraphs) == 4  # the «اقرأ أيضاً» paragraph is gone, the rest stays


def test_windows_1256_page_without_http_charset() -> None:
    page = _extract("cp1256-egypt")
    assert page.title == "مصر: انطلاق الحملات الانتخابية للرئاسة"  # the <h1>, not <title>
    assert not any("فبراير 2018" in p for p in page.paragraphs)  # the dateline is not body
    assert page.published_at == datetime(2018, 2, 28, tzinfo=timezone.utc)
    assert page.related[0].title == "التضخم في مصر يتراجع"
    assert page.related[0].published_at == datetime(2018, 3, 10, tzinfo=timezone.utc)


def test_page_without_trafilatura_content_falls_back_to_paragraphs() -> None:
    html = ("<html><body><div><p>فقرة قصيرة لكنها أطول من عشرين حرفاً بقليل.</p></div>"
            "</body></html>")
    page = extract_page(html, "http://x.example/a")
    assert page.paragraphs == ("فقرة قصيرة لكنها أطول من عشرين حرفاً بقليل.",)
    assert page.published_at is None


def test_empty_page_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        extract_page("   ", "http://x.example/a")


@pytest.mark.parametrize(("text", "expected"), [
    ("مواضيع ذات صلة", True), ("اقرأ أيضاً:", True), ("إقرأ أيضا", True), ("أخبار ذات صلة", True),
    ("مقالات ذات صلة", True), ("قد يهمك", True), ("Related", True),
    ("الغوطة الشرقية", False), ("اقرأ أيضاً هذا الخبر الطويل جداً عن الغوطة الشرقية ودمشق", False),
])
def test_related_heading_markers(text: str, expected: bool) -> None:
    assert is_related_heading(text) is expected


def test_read_also_sharing_a_paragraph_with_its_link() -> None:
    html = ("<html><body><article><h1>عنوان</h1>"
            "<p>الفقرة الأولى من الخبر وهي طويلة بما يكفي لتكون نصاً حقيقياً عن الغوطة الشرقية.</p>"
            "<p>اقرأ أيضا: <a href='/n/2'>خبر آخر عن دمشق</a></p>"
            "<p>الفقرة الثانية من الخبر وهي أيضاً طويلة بما يكفي لتعد من متن الخبر نفسه.</p>"
            "</article></body></html>")
    page = extract_page(html, "http://x.example/n/1")
    assert [(r.title, r.url) for r in page.related] == [("خبر آخر عن دمشق", "http://x.example/n/2")]
    assert len(page.paragraphs) == 2 and "اقرأ" not in "\n".join(page.paragraphs)


def test_heading_text_in_a_link_is_not_a_block() -> None:
    html = ("<html><body><article><p>فقرة أولى طويلة بما يكفي لتكون متناً للخبر المنشور هنا.</p>"
            "<nav><a href='/related'>مواضيع ذات صلة</a></nav></article></body></html>")
    assert extract_page(html, "http://x.example/a").related == ()


@hyp_settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_extract_page_only_ever_raises_parse_error(text: str) -> None:
    try:
        page = extract_page(f"<html><body>{text}</body></html>", "http://x.example/a")
    except ParseError:
        return
    assert all(r.url.startswith("http") for r in page.related)


def test_a_related_heading_never_swallows_the_article_text_after_it() -> None:
    body = ("وقال المتحدث إن المفاوضات ستستأنف الأسبوع المقبل في جنيف بمشاركة جميع الأطراف، "
            "مضيفاً أن الأمم المتحدة ستقدم <a href='/doc'>ورقة عمل</a> جديدة تتضمن جدولاً زمنياً "
            "لوقف إطلاق النار وإدخال المساعدات إلى المناطق المحاصرة في ريف دمشق.")
    html = ("<html><body><div class='content'><h3>اقرأ أيضاً</h3>"
            "<ul><li><a href='/other'>خبر ذو صلة بالمفاوضات</a></li></ul>"
            f"<p>{body}</p><p>فقرة ثانية من متن الخبر تكمل الحديث عن جولة المفاوضات المقبلة.</p>"
            "</div></body></html>")
    page = extract_page(html, "http://x.example/n/1")
    assert [r.title for r in page.related] == ["خبر ذو صلة بالمفاوضات"]
    assert any("المفاوضات ستستأنف" in p for p in page.paragraphs)


def test_a_single_related_card_with_a_long_excerpt_is_still_related() -> None:
    excerpt = ("أعلنت الأمم المتحدة اليوم عن خطة جديدة لإيصال المساعدات الإنسانية إلى المناطق "
               "المحاصرة في ريف دمشق، تشمل قوافل أسبوعية ومراقبين دوليين على المعابر الرئيسية.")
    html = ("<html><body><article><p>متن الخبر الأول وهو طويل بما يكفي ليكون فقرة حقيقية من "
            "الخبر المنشور على الموقع.</p><h2>قد يهمك</h2><div class='card'>"
            f"<a href='/aid-plan'>الأمم المتحدة تعلن خطة جديدة للمساعدات</a><p>{excerpt}</p></div>"
            "</article></body></html>")
    page = extract_page(html, "http://x.example/n/1")
    assert [r.url for r in page.related] == ["http://x.example/aid-plan"]
    assert excerpt not in "\n".join(page.paragraphs)


def test_a_malformed_related_link_is_skipped_not_fatal() -> None:
    html = ("<html><body><article><h1>عنوان</h1>"
            "<p>الفقرة الأولى من الخبر وهي طويلة بما يكفي لتكون نصاً حقيقياً عن الغوطة الشرقية.</p>"
            "<h2>اقرأ أيضاً</h2><ul><li><a href='http://[oops/1'>رابط معطوب</a></li>"
            "<li><a href='/n/3'>خبر سليم عن دمشق</a></li></ul>"
            "</article></body></html>")
    page = extract_page(html, "http://x.example/n/1")
    assert [(r.title, r.url) for r in page.related] == [("خبر سليم عن دمشق",
                                                         "http://x.example/n/3")]
    assert page.paragraphs and "معطوب" not in "\n".join(page.paragraphs)
