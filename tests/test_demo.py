"""The offline demo: `python run.py` without a token, driven through a pipe, and its pieces."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.terminal_chat import to_terminal
from digests.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_terminal_text_has_no_direction_marks() -> None:
    """The isolates bot.lines adds around a link with an Arabic path (QA10 F5) are no more
    printed to a terminal than the marks are."""
    html = "\u200fتعذرت إضافة: \u200e\u2066http://x.test/أخبار.xml\u2069\u200e &amp; <b>ب</b>"
    assert to_terminal(html) == "تعذرت إضافة: http://x.test/أخبار.xml & ب"


def test_run_py_without_token_runs_the_offline_demo(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "ADMIN_IDS")}
    env["DATABASE_PATH"] = str(tmp_path / "never-used.db")  # the demo uses its own database
    lines = "/start\nالغوطة\n1\n/subscribe الغوطة\n/push الغوطة\n"
    proc = subprocess.run([sys.executable, "run.py"], input=lines, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)
    out = proc.stdout
    assert proc.returncode == 0, proc.stderr[-3000:]
    # the welcome with its example topics as numbered buttons
    assert "أهلًا بك في نشرة" in out and "[1] الغوطة" in out
    # a topic question answered from the ingested sample news, headline with its link
    assert "نتائج «الغوطة»" in out and "الغوطة الشرقية ⟨http://127.0.0.1:" in out
    assert "🔔 تابع هذا الموضوع" in out
    # typing 1 pressed the first button of the last message (related links of story 1)
    assert "👆 [1] 🔗 روابط الخبر ١" in out and "روابط ذات صلة:" in out
    assert "تمت متابعة «الغوطة»" in out
    # the admin push of the followed topic was queued, delivered to the demo chat by the
    # sender, and reported (a general /push reaches only the general digest's followers)
    assert "النشرة في قائمة الإرسال — المحادثات: ١" in out
    assert "📰 جديد «الغوطة»" in out and "لإيقاف المتابعة: /unsubscribe" in out  # why it came
    assert "انتهت النشرة — سُلّمت: ١، فشلت: ٠" in out
    assert "TELEGRAM_BOT_TOKEN=<token>" in out  # how to go live
    # … and how to learn the id ADMIN_IDS wants (QA10 F7)
    assert "أرسل /stats إلى البوت فيرد بمعرّفك" in out and "send /stats to the bot" in out
    assert "\u200f" not in out and "<b>" not in out  # terminal text, not HTML
    assert not (tmp_path / "never-used.db").exists()


async def test_run_demo_in_process_english_and_quit(tmp_path: Path) -> None:
    from bot.demo import run_demo

    out = io.StringIO()
    stdin = io.StringIO("/start\n/lang\n2\n/settings\n9\n/quit\n/help\n")
    code = await run_demo(Settings(default_language="en"), stdin=stdin, stdout=out,
                          db_path=tmp_path / "demo.db")
    text = out.getvalue()
    assert code == 0
    assert "Welcome to Nashra" in text
    assert "Language is now English" in text
    assert "Current settings" in text
    assert "no button 9" in text
    assert "Nashra commands" not in text  # /quit stopped before /help
    assert (tmp_path / "demo.db").exists()


def test_to_terminal() -> None:
    html = ('\u200f<b><a href="https://x.example/a?b=1&amp;c=2">عنوان &lt;مهم&gt;</a></b>\n'
            '<i>مصدر</i>')
    assert to_terminal(html) == "عنوان <مهم> ⟨https://x.example/a?b=1&c=2⟩\nمصدر"
    assert "\x1b[1m" in to_terminal(html, bold=True)


def test_run_py_bot_without_token_says_what_to_do(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from cli.main import main

    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)  # no .env here
    assert main(["bot"]) == 1
    err = capsys.readouterr().err
    assert "TELEGRAM_BOT_TOKEN" in err and "run.py demo" in err
