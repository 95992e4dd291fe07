"""Command group 'bot' (being written; see the open issue)."""

from __future__ import annotations

import argparse


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
             common: argparse.ArgumentParser) -> None:
    """Add this group's commands to the parser."""


def default_command(args: argparse.Namespace, settings: object) -> int:
    print("The bot is not written yet.")
    return 1
