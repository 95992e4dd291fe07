"""QA50 E8: a first-person paraphrase («وقال رونالدو : أنا لا زلت أعتقد …») was `kind: "reported"`
in `digest --json` while the bot and the text output show it in quote marks as the speaker's own
words. The schema (docs/digests.md): "reported" is never in quote marks, "direct" is «…» —
speaker. The renderer is right (a clause in the first person is the speaker's words, not a
paraphrase: bot.attribution), so the JSON says "direct" for exactly the quotes shown in marks.

A real local page, the real CLI fetching and condensing it (`digest URL --json` and the text
output), and the bot's own line renderer on the same quotes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from bot.story_quotes import quote_line
from cli.main import main
from digests.models import Quote
from digests.samplesite import SampleSite

NOW = datetime(2018, 3, 12, 12, 0, tzinfo=timezone.utc)
PARAGRAPHS = [
    "فاز الفريق بالمباراة النهائية مساء الأحد بعد أداء قوي أمام جمهوره في العاصمة.",
    "وقال المدرب : أنا لا زلت أعتقد بأنه ليس هناك فريق أفضل منا في الدوري، على الأقل على أرضية"
    " الملعب.",
    "وقال رئيس النادي إن الإدارة ستجدد عقد المدرب لثلاثة مواسم أخرى بعد هذا الموسم الناجح.",
    "وأضاف المدرب أن اللاعبين قدموا موسما استثنائيا رغم الإصابات الكثيرة التي عانى منها الفريق.",
]


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")
    monkeypatch.setenv("FETCH_TIMEOUT_SECONDS", "5")
    with SampleSite() as site:
        yield site.publish(slug="final-win", feed="main", title="الفريق يفوز بالنهائي",
                           paragraphs=PARAGRAPHS, published=NOW)


def _marked(quote: Quote) -> bool:
    """Whether the bot shows the quote in quote marks (its line opens with «)."""
    line = quote_line(quote, "ar")
    return line is not None and line[0].text.startswith("«")


def test_json_kind_is_what_the_bot_shows(page: str, tmp_path: pytest.TempPathFactory,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path) + "/none.db"  # no database: the page is fetched and condensed
    assert main(["digest", page, "--json", "--db", db]) == 0
    data = json.loads(capsys.readouterr().out)
    quotes = data["quotes"]
    first = [q for q in quotes if q["text"].startswith("أنا لا زلت أعتقد")]
    assert first, quotes  # the first-person clause is a key quote
    assert first[0]["kind"] == "direct"
    assert any(q["kind"] == "reported" for q in quotes), quotes  # a real paraphrase stays
    assert main(["digest", page, "--db", db]) == 0
    text = capsys.readouterr().out
    for q in quotes:  # the JSON and the renderer the bot shares agree: "direct" iff in marks
        assert (q["kind"] == "direct") == (f"«{q['text']}»" in text), (q, text)
    # what the condenser stored is "reported": the bot's own line shows it in marks
    assert _marked(Quote(first[0]["text"], first[0]["speaker"], "reported"))
