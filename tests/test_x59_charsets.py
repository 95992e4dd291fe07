"""QA38 A3: a declared charset Python knows but that reads no page («undefined», idna, punycode,
the escape codecs) made the «never raises» decoder raise, or yield lone surrogates; /addsource
answered «unknown reason». Now only text encodings are used, the rest fall to the next
declaration or windows-1256, and the log says so.

Real PTB against the emulator, a real fetch from the local news site.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from botkit import ADMIN, running_bot, sample_db

from digests import sources
from digests.encoding import decode, detect_encoding
from digests.samplesite import Response, SampleSite

NOT_TEXT = ["undefined", "idna", "punycode", "unicode_escape", "raw_unicode_escape", "rot13",
            "base64", "zlib"]


def _feed(charset: str) -> bytes:
    # not valid UTF-8 (windows-1256 «خبر» and a stray 0xFF), so the declaration is read
    return (f'<?xml version="1.0" encoding="{charset}"?><rss version="2.0"><channel>'
            '<title>Feed \\ud800</title><link>http://e.test/</link><item><title>'.encode()
            + "خبر".encode("cp1256") + b" \\ud800 \xff</title><link>http://e.test/1</link>"
            b"</item></channel></rss>")


@pytest.mark.parametrize("charset", NOT_TEXT)
def test_decode_never_raises_nor_makes_surrogates(charset: str,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    for headers in (None, {"content-type": f"text/xml; charset={charset}"}):
        text = decode(_feed(charset), headers)
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in text)
        assert "خبر" in text  # read as windows-1256, the fallback
        assert detect_encoding(_feed(charset), headers) == "cp1256"
    assert "declared charset refused" in caplog.text and charset in caplog.text


async def test_addsource_of_a_feed_declaring_undefined(tmp_path: Path,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    with SampleSite(with_sample=False) as site:
        url = site.add_route("/u.xml", Response(body=_feed("undefined"),
                                                content_type="application/rss+xml"))
        async with running_bot(sample_db(tmp_path)) as h:
            before = len(h.emu.messages(ADMIN))
            h.emu.send_user_message(ADMIN, f"/addsource {url}")
            answers = await h.emu.await_for(
                lambda: [m for m in h.emu.messages(ADMIN)[before:]
                         if "أُضيف المصدر" in m.plain_text or "تعذر" in m.plain_text],
                timeout=60)
            added = [s for s in sources.list_sources(h.db) if s.url == url]
    assert "أُضيف المصدر" in answers[0].plain_text, answers[0].plain_text
    assert len(added) == 1
    assert "source check failed" not in caplog.text
