"""digests.host_forms: a host's form alone, and the feed parser's imports kept free of SQLite."""

from __future__ import annotations

import subprocess
import sys

from digests.host_forms import host_of, local_by_form, never_allowed


def test_host_of_is_the_lower_case_name_or_nothing() -> None:
    assert host_of("https://News.Example:8443/a?b=1") == "news.example"
    assert host_of("http://[::1]/") == "::1"
    assert host_of("not a url") == ""
    assert host_of("http://[bad/") == ""


def test_metadata_and_link_local_addresses_are_never_allowed() -> None:
    assert never_allowed("169.254.169.254")
    assert never_allowed("::ffff:169.254.169.254")
    assert never_allowed("fe80::1%eth0")
    assert not never_allowed("10.0.0.1")
    assert not never_allowed("news.example")


def test_private_by_form() -> None:
    assert local_by_form("localhost") and local_by_form("intranet") and local_by_form("a.lan")
    assert local_by_form("[::1]") and local_by_form("10.1.2.3")
    assert not local_by_form("news.example") and not local_by_form("8.8.8.8")
    assert not local_by_form("169.254.169.254") and not local_by_form("")


def test_the_feed_parser_imports_no_module_that_opens_a_database() -> None:
    # QA73-22: digests.feeds took host_of from digests.private_hosts, which opens SQLite
    code = ("import sys, digests.feeds; print(sorted(m for m in ('sqlite3', 'sqlite_utils', "
            "'digests.private_hosts', 'digests.storage') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
