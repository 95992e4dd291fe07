"""The PTB types Nashra's bot is built with, named once.

`ApplicationBuilder().build()` (bot.app) makes an `Application` of these parameters; a bare
`Application` in an annotation left them all `Any` (QA73-13).
"""

from __future__ import annotations

from typing import Any, TypeAlias

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

# the same as ContextTypes.DEFAULT_TYPE, spelt out so App can name it
Context: TypeAlias = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]
App: TypeAlias = Application[ExtBot[None], Context, dict[Any, Any], dict[Any, Any],
                             dict[Any, Any], JobQueue[Context]]
