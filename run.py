#!/usr/bin/env python3
"""Nashra's command line: `python run.py --help` lists the commands.

With no command it runs the bot (or, without TELEGRAM_BOT_TOKEN, the offline demo).
"""

import sys

from cli.main import main

if __name__ == "__main__":
    sys.exit(main())
