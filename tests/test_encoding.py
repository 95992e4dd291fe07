"""Bytes to text: UTF-8 kept, declared charsets honoured, windows-1256 as the Arabic fallback."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from digests.encoding import decode, detect_encoding

ARABIC = "الغوطة الشرقية: قافلة مساعدات تدخل دوما «للمرة الأولى»"


def test_valid_utf8_is_kept_even_when_a_legacy_charset_is_declared() -> None:
    body = ARABIC.encode("utf-8")
    assert decode(body, {"Content-Type": "text/html; charset=windows-1256"}) == ARABIC
    assert decode(b"\xef\xbb\xbf" + body) == ARABIC  # BOM dropped


def test_windows_1256_without_any_declaration() -> None:
    body = f"<html><body><p>{ARABIC}</p></body></html>".encode("cp1256")
    assert detect_encoding(body) == "cp1256"
    assert ARABIC in decode(body)


def test_iso_8859_6_declared_in_the_http_header() -> None:
    text = "مرحبا بالعالم العربي"
    body = text.encode("iso-8859-6")
    assert decode(body, {"content-type": "text/plain; charset=ISO-8859-6"}) == text


def test_iso_8859_6_declared_in_the_xml_declaration_wins_over_the_header() -> None:
    text = "نشرة الأخبار"
    body = b'<?xml version="1.0" encoding="ISO-8859-6"?><t>' + text.encode("iso-8859-6") + b"</t>"
    decoded = decode(body, {"Content-Type": "application/xml; charset=windows-1256"})
    assert text in decoded


def test_meta_charset_is_read() -> None:
    text = "أخبار لبنان"
    body = (b'<html><head><meta http-equiv="Content-Type" content="text/html; '
            b'charset=windows-1256"></head><body>' + text.encode("cp1256") + b"</body></html>")
    assert text in decode(body)


def test_unknown_declared_charset_falls_back_to_windows_1256() -> None:
    text = "إيران"
    body = text.encode("cp1256")
    assert decode(body, {"Content-Type": "text/html; charset=x-nonsense"}) == text


@given(st.binary(max_size=400), st.sampled_from([None, "utf-8", "windows-1256", "iso-8859-6",
                                                 "bogus", ""]))
def test_decode_never_raises(body: bytes, charset: str | None) -> None:
    headers = {"Content-Type": f"text/html; charset={charset}"} if charset is not None else None
    assert isinstance(decode(body, headers), str)
    assert isinstance(decode(b'<?xml version="1.0" encoding="bogus"?>' + body), str)
