"""Content-Encoding decoded by hand, with the body cap enforced on the decoded bytes as they come.

httpx's own decoders inflate each raw chunk whole (zlib's `decompress` with no `max_length`), so
one small chunk of a stacked `Content-Encoding: gzip, gzip` answer handed the inner layer a whole
bomb: 1.8 kB on the wire cost 2 GB of RAM and froze the event loop for 3 s before the cap looked
(QA29 A1). Here the fetcher reads the raw bytes (`aiter_raw`) and inflates them with
`max_length`, feeding zlib's `unconsumed_tail` back, so no call ever produces more than the room
left under the cap plus one byte. Only the codings Nashra asks for are accepted, and only one of
them: a stacked or unknown coding is refused (`UnsupportedEncoding`) before the body is read.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass

# What the fetcher sends as Accept-Encoding; nothing else is decoded.
ACCEPTED = {"gzip": 31, "x-gzip": 31, "deflate": 15}  # coding → zlib wbits (31: gzip framing)
_IDENTITY = {"", "identity"}
# The most one inflate call may produce when the cap leaves more room: a small step keeps each
# call short, so the event loop is never held for long by one chunk.
STEP_BYTES = 256 * 1024


class UnsupportedEncoding(ValueError):
    """A Content-Encoding Nashra did not ask for: stacked, unknown or malformed."""


class BodyTooBig(Exception):
    """The decoded body passed the cap."""


class CorruptBody(ValueError):
    """The compressed body does not inflate."""


@dataclass(frozen=True)
class Coding:
    """The one coding of a response body: a zlib `wbits`, or None for identity."""

    wbits: int | None


def coding_of(header: str) -> Coding:
    """The response's coding from its Content-Encoding header (absent: "").

    Raises:
        UnsupportedEncoding: more than one coding (`gzip, gzip`), or one not asked for (`br`).
    """
    names = [part.strip().lower() for part in header.split(",")]
    names = [name for name in names if name not in _IDENTITY]
    if not names:
        return Coding(None)
    if len(names) > 1:
        raise UnsupportedEncoding(f"stacked content codings: {header.strip()!r}")
    if names[0] not in ACCEPTED:
        raise UnsupportedEncoding(f"content coding not asked for: {names[0]!r}")
    return Coding(ACCEPTED[names[0]])


class CappedDecoder:
    """Decodes one body chunk by chunk; raises BodyTooBig once the decoded bytes pass `cap`."""

    def __init__(self, coding: Coding, cap: int) -> None:
        self._wbits = coding.wbits
        self._cap = cap
        self._size = 0
        self._inflater = zlib.decompressobj(coding.wbits) if coding.wbits is not None else None
        self._first = True  # deflate: zlib-wrapped or raw, known from the first bytes

    @property
    def size(self) -> int:
        return self._size

    def _count(self, data: bytes) -> bytes:
        self._size += len(data)
        if self._size > self._cap:
            raise BodyTooBig(self._size)
        return data

    def feed(self, raw: bytes) -> Iterator[bytes]:
        """The decoded pieces of `raw`, each counted against the cap as it is produced."""
        if self._inflater is None:
            if raw:
                yield self._count(raw)
            return
        data = raw
        while True:
            limit = min(self._cap - self._size + 1, STEP_BYTES)  # one byte past the cap tells
            try:
                out = self._inflater.decompress(data, limit)
            except zlib.error as exc:
                if self._first and self._wbits == 15:  # a raw deflate stream, as some servers send
                    self._wbits = -15
                    self._inflater = zlib.decompressobj(-15)
                    self._first = False
                    continue
                raise CorruptBody(str(exc)) from exc
            self._first = False
            data = self._inflater.unconsumed_tail
            if out:
                yield self._count(out)
            if self._inflater.eof:  # trailing bytes after the stream are ignored, as httpx does
                return
            if not data and len(out) < limit:  # all input taken and no output held back
                return

    def finish(self) -> Iterator[bytes]:
        """Whatever the inflater still holds once the raw stream has ended (at most a window)."""
        if self._inflater is not None:
            try:
                out = self._inflater.flush()
            except zlib.error as exc:
                raise CorruptBody(str(exc)) from exc
            if out:
                yield self._count(out)
