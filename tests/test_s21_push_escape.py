"""/push's «nothing new, N still queued» answer escapes a topic once (X84's left; the marks that keep Latin runs in
place in Arabic are left out of the comparison): the topic
label was escaped before ui(), which escapes its values again, so «AT&T» read «AT&amp;amp;T»."""

from __future__ import annotations

from typing import Any

from bot.pushes import nothing_new
from digests.push_queue import PushPlan


def _answer(topic: str, lang: str) -> str:
    plan = PushPlan(push_id=1, kind="push:1", topic=topic, chats=0, stories=3, waiting=2)
    rt: Any = None  # due is None: the answer reads neither the clock nor the database
    return nothing_new(rt, plan, 1, lang).replace("\u200e", "").replace("\u200f", "")


def test_a_topic_with_an_ampersand_is_escaped_once() -> None:
    for lang in ("ar", "en"):
        text = _answer("AT&T", lang)
        assert "AT&amp;T" in text, text
        assert "&amp;amp;" not in text, text


def test_a_topic_with_tags_stays_text() -> None:
    text = _answer("<b>غزة</b>", "ar")
    assert "&lt;b&gt;" in text and "<b>" not in text, text
