#!/usr/bin/env python3
"""Nashra's command line: `python run.py --help` lists the commands.

With no command it runs the bot (or, without TELEGRAM_BOT_TOKEN, the offline demo).

Started by a python without Nashra's libraries (the system's `python run.py backup …`, as an
operator types it in a hurry), it runs again with the project's `.venv/bin/python` (made by
`make run`); with no `.venv`, it says in one line how to make one, not a traceback (QA60-2).
Piped into `head`, it ends quietly once the reader has gone (QA60-14).
"""

import os
import sys
from pathlib import Path


def _elsewhere(missing: str | None) -> int:
    """Run again with the project's virtual environment, or say how to make it."""
    here = Path(__file__).resolve().parent
    venv = here / ".venv"
    python = venv / "bin" / "python"
    if python.is_file() and Path(sys.prefix).resolve() != venv.resolve():
        os.execv(python, [str(python), str(here / "run.py"), *sys.argv[1:]])
    print(f"خطأ / error: المكتبة {missing} غير مثبتة لـ {sys.executable}: شغّل make run مرة في "
          f"{here} (ينشئ .venv ويثبّت ما تحتاجه نشرة)، ثم .venv/bin/python run.py … / the "
          f"library {missing} is not installed for {sys.executable}: run `make run` once in "
          f"{here} (it creates .venv and installs what Nashra needs), then "
          ".venv/bin/python run.py …", file=sys.stderr)
    return 1


if __name__ == "__main__":
    try:
        from cli.main import main
    except ModuleNotFoundError as exc:
        # a library, not one of the project's own modules (review REV: a lost cli/… file was
        # told «run make run» and its traceback, which names the importer, was gone)
        if not exc.name or (Path(__file__).resolve().parent / exc.name.split(".")[0]).exists():
            raise
        sys.exit(_elsewhere(exc.name))
    try:
        code = main()
        sys.stdout.flush()  # here, where a closed pipe can still be caught
    except BrokenPipeError:  # `run.py search … | head`: the reader has all it wanted (QA60-14)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        code = 0
    sys.exit(code)
