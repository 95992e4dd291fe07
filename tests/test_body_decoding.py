"""Content-Encoding decoded by the fetcher with the cap on the decoded bytes (QA29 A1).

Real loopback servers (digests.samplesite); the memory test runs QA29's stacked bomb in a child
process and reads its peak RSS, since the damage was 2 GB of RAM before the cap looked.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import textwrap
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from digests.body_decoding import (
    BodyTooBig,
    CappedDecoder,
    UnsupportedEncoding,
    coding_of,
)
from digests.errors import PermanentFetchError
from digests.fetcher import Fetcher
from digests.samplesite import Response, SampleSite
from digests.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FEED = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>ن</title>"
        + "".join(f"<item><title>خبر {i}</title><link>http://x.test/{i}</link></item>"
                  for i in range(300))
        + "</channel></rss>").encode()


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite() as running:
        yield running


def _zeros(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    return b"".join(packer.compress(block) for _ in range(size >> 20)) + packer.flush()


@pytest.mark.parametrize("coding, body", [
    ("gzip", gzip.compress(FEED)),
    ("x-gzip", gzip.compress(FEED)),
    ("deflate", zlib.compress(FEED)),
    ("deflate", zlib.compress(FEED)[2:-4]),  # raw deflate, as some servers send it
    ("identity", FEED),
    ("GZIP", gzip.compress(FEED)),
])
async def test_the_codings_asked_for_decode_whole(site: SampleSite, settings: Settings,
                                                  coding: str, body: bytes) -> None:
    site.add_route("/f.xml", Response(body=body, content_type="application/rss+xml",
                                      headers={"Content-Encoding": coding}))
    async with Fetcher(settings) as fetcher:
        result = await fetcher.fetch(site.url("/f.xml"))
    assert result.body == FEED


@pytest.mark.parametrize("coding", ["gzip, gzip", "gzip,deflate", "br", "compress", "gzip, br"])
async def test_stacked_or_unknown_codings_are_refused(site: SampleSite, settings: Settings,
                                                      coding: str) -> None:
    site.add_route("/f.xml", Response(body=gzip.compress(gzip.compress(FEED)),
                                      content_type="application/rss+xml",
                                      headers={"Content-Encoding": coding}))
    async with Fetcher(settings) as fetcher:
        with pytest.raises(PermanentFetchError, match="bad content encoding") as info:
            await fetcher.fetch(site.url("/f.xml"))
    assert info.value.why is not None and info.value.why.kind == "bad_encoding"


async def test_a_corrupt_gzip_body_is_a_bad_encoding(site: SampleSite, settings: Settings
                                                     ) -> None:
    site.add_route("/f.xml", Response(body=b"\x1f\x8b\x08\x00garbage" * 10,
                                      headers={"Content-Encoding": "gzip"}))
    async with Fetcher(settings) as fetcher:
        with pytest.raises(PermanentFetchError, match="bad content encoding"):
            await fetcher.fetch(site.url("/f.xml"))


def test_the_decoder_never_inflates_far_past_the_cap() -> None:
    bomb = _zeros(64 << 20)  # 64 MB of zeros in ~64 kB, fed as one chunk
    decoder = CappedDecoder(coding_of("gzip"), cap=100_000)
    produced: list[int] = []
    with pytest.raises(BodyTooBig):
        for piece in decoder.feed(bomb):
            produced.append(len(piece))
    assert sum(produced) <= 100_000 and decoder.size == 100_001


def test_coding_of_reads_the_header() -> None:
    assert coding_of("").wbits is None and coding_of(" identity ").wbits is None
    assert coding_of("gzip").wbits == 31 and coding_of("deflate").wbits == 15
    for bad in ("gzip, gzip", "br", "gzip, identity, deflate"):
        with pytest.raises(UnsupportedEncoding):
            coding_of(bad)


_CHILD = textwrap.dedent("""
    import asyncio, gzip, resource, socket, sys, threading, zlib
    sys.path.insert(0, sys.argv[1])
    from digests.errors import PermanentFetchError
    from digests.fetcher import Fetcher
    from digests.settings import Settings
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    inner = b"".join(packer.compress(b"\\0" * (1 << 20)) for _ in range(256)) + packer.flush()
    outer = gzip.compress(inner, 9)
    del inner
    server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen(4)
    def answer():
        while True:
            conn, _ = server.accept(); conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\\r\\nContent-Type: application/rss+xml\\r\\n"
                         + sys.argv[2].encode() + b"\\r\\n"
                         + f"Content-Length: {len(outer)}\\r\\n\\r\\n".encode() + outer)
            conn.close()
    threading.Thread(target=answer, daemon=True).start()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    async def go():
        async with Fetcher(Settings(allow_private_sources=True)) as fetcher:
            try:
                await fetcher.fetch(f"http://127.0.0.1:{server.getsockname()[1]}/feed")
            except PermanentFetchError as exc:
                return str(exc)
        return "fetched"
    outcome = asyncio.run(go())
    print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024, outcome)
""")


@pytest.mark.parametrize("header", ["Content-Encoding: gzip, gzip",
                                    "Content-Encoding: gzip\\r\\nContent-Encoding: gzip"])
def test_a_stacked_bomb_costs_no_memory(header: str) -> None:
    """QA29's payload (256 MB of zeros gzipped twice, ~1 kB on the wire): refused, and the
    child's peak RSS grows by less than 50 MB (it grew by ~500 MB before the fix)."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), header.replace("\\r\\n",
                                                                                   "\r\n")],
                          capture_output=True, text=True, timeout=120, check=True)
    grown, outcome = done.stdout.strip().split(" ", 1)
    assert "bad content encoding" in outcome
    assert int(grown) < 50, done.stdout
