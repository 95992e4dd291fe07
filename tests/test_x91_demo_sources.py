"""X91 (QA60-21, S3): the offline demo's /sources had no «الجلب التالي» line while README says
/sources tells when the next poll comes and the demo runs the real bot: the demo polls on no
schedule. Now its /sources says so, in both languages, and how to poll (/ingest). The real
demo (bot.demo.run_demo: the sample site, the emulator, the bot), its typed lines piped."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.demo import run_demo
from digests.settings import Settings


@pytest.mark.parametrize(("language", "said"), [
    ("ar", "الجلب التالي: لا جلب مجدول في العرض التجريبي؛ أرسل /ingest ليجلب الآن"),
    ("en", "Next poll: none — the demo polls on no schedule; send /ingest to poll now")])
async def test_the_demos_sources_say_it_polls_on_demand(tmp_path: Path, language: str,
                                                       said: str) -> None:
    out = io.StringIO()
    code = await run_demo(Settings(default_language=language), stdin=io.StringIO("/sources\n"),
                          stdout=out, db_path=tmp_path / "demo.db")
    assert code == 0
    assert said in out.getvalue(), out.getvalue()[-3000:]
