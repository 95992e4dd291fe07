"""The README and docs/*.md as documents: every relative link points at a file of the repository,
every in-page link at a heading, and the operators' quick start names only real settings, commands
and command-line commands (the other README checks live beside the code they describe:
test_settings, test_cli_main, test_bot_app, test_welcome)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.i18n import ADMIN_COMMANDS, READER_COMMANDS
from digests.settings import env_keys

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# [text](target) outside code spans; a target may carry a "#fragment" or a ' "title"'
_LINK_RE = re.compile(r"\[[^\]\n]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_CODE_RE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


def links(text: str) -> list[str]:
    """Every link target of a Markdown text, code blocks and code spans left out."""
    return _LINK_RE.findall(_CODE_RE.sub("", text))


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(text: str) -> set[str]:
    """The anchors of a document's headings (a repeated heading gets -1, -2 … as on GitHub)."""
    found: set[str] = set()
    for line in _CODE_RE.sub("", text).splitlines():
        if match := re.match(r"#{1,6} (.+)", line):
            base = slug(match.group(1))
            name, n = base, 0
            while name in found:
                n += 1
                name = f"{base}-{n}"
            found.add(name)
    return found


def test_the_link_helpers_read_markdown_as_github_does() -> None:
    sample = ("See [the benchmarks](benchmarks/README.md#ingest) and [setup](#quick-start).\n"
              "`[not](a-link.md)` and\n```\n[neither](x.md)\n```\n## Quick start\n## Quick start\n"
              "## Topic search (Arabic analysis)\n")
    assert links(sample) == ["benchmarks/README.md#ingest", "#quick-start"]
    assert anchors(sample) == {"quick-start", "quick-start-1", "topic-search-arabic-analysis"}


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_every_relative_link_points_at_an_existing_file_or_heading(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    found = links(text)
    if document.name == "README.md":
        assert len(found) >= 5, found  # the README does link its docs: nothing to check is a bug
    for target in found:
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: …: not a file
            continue
        path, _, fragment = target.partition("#")
        linked = (document.parent / path).resolve() if path else document
        assert linked.exists(), f"{document.name}: {target} → {linked} does not exist"
        assert ROOT in linked.parents or linked == ROOT, f"{document.name}: {target} leaves"
        if fragment and linked.suffix == ".md":
            assert fragment in anchors(linked.read_text(encoding="utf-8")), (
                f"{document.name}: {target}: no heading with that anchor")


def quick_start() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Quick start for operators", 1)[1].split("\n## ", 1)[0]


def test_the_quick_start_names_only_real_settings_and_commands() -> None:
    """A step that names a setting, a bot command or a run.py command names one that exists:
    a renamed key or command would leave operators following a dead step."""
    from cli.main import build_parser

    section = quick_start()
    assert len(section.strip().splitlines()) <= 40
    keys = set(re.findall(r"`([A-Z][A-Z_]{3,})(?:=[^`]*)?`", section))
    assert {"TELEGRAM_BOT_TOKEN", "ADMIN_IDS", "DATABASE_PATH"} <= keys
    assert keys <= set(env_keys()), keys - set(env_keys())
    commands = {c for c, _, _ in READER_COMMANDS + ADMIN_COMMANDS}
    # /newbot and /setinline are @BotFather's, /quit the demo's
    typed = set(re.findall(r"`/([a-z]+)", section)) - {"newbot", "setinline", "quit"}
    assert {"stats", "addsource", "subscribe", "push", "ingest"} <= typed
    assert typed <= commands, typed - commands
    parser = build_parser()
    for line in re.findall(r"`python run\.py ([^`]+)`", section):
        words = [w for w in line.split() if w.isalpha() and w.islower()]
        parser.parse_args([*words, *(["http://example.org/feed"] if "URL" in line else [])])


def test_the_first_screen_says_how_to_run_what_the_bot_is_and_where_to_start() -> None:
    """QA69: an operator's first screen (24 lines) was `make test` and a benchmark table; it holds
    the two commands, what Nashra is and the link to the quick start."""
    first = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:24])
    assert "make run " in first and "make test " in first
    assert "Nashra is a Telegram bot" in first
    assert "](#quick-start-for-operators)" in first


def test_the_readme_links_every_docs_file() -> None:
    """«How it works» moved to docs/ (session 24, brief RD): the README's Contents reach each file."""
    linked = {target.partition("#")[0] for target in links((ROOT / "README.md").read_text(
        encoding="utf-8"))}
    missing = [p.name for p in DOCUMENTS[1:] if f"docs/{p.name}" not in linked]
    assert missing == []


def _libraries_table(text: str) -> str:
    """The first cells of a document's «Libraries and why» table."""
    section = text.split("\n## Libraries and why\n", 1)[1].split("\n## ", 1)[0]
    return "\n".join(line.split(" | ")[0] for line in section.splitlines()
                     if line.startswith("| "))


@pytest.mark.parametrize("document", ["README.md", "docs/architecture.md"])
def test_every_declared_library_says_why_it_is_used(document: str) -> None:
    """Each package pyproject.toml declares (the extras' too) has a row saying why: the README's
    short table and the full one in docs/architecture.md."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"],
                *(d for extra in project["optional-dependencies"].values() for d in extra)]
    names = {re.split(r"[^A-Za-z0-9_.-]", d, maxsplit=1)[0].lower() for d in declared}
    table = _libraries_table((ROOT / document).read_text(encoding="utf-8")).lower()
    assert names and [n for n in names if not re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])",
                                                          table)] == []
