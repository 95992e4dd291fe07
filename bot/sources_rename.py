"""/renamesource N NAME: an admin names a source (QA40 N2/N6).

A source misnamed (by hand, or before X58 by several links pasted into one /addsource, whose
extra links became its name) could only be repaired by removing and adding it again. The new
name is shown wherever the old one was (/sources, digests' source lines); a name that holds a
link is refused (digests.source_names). Numbers are those /sources lists; Arabic-Indic digits
are read too.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.admin import SQLITE_MAX_INT, admin_only, reply, source_name
from bot.i18n import amount, num
from bot.runtime import chat_lang, runtime, ui
from digests.errors import SourceError
from digests.source_names import MAX_NAME_CHARS, NameRefused, has_link, rename_source

log = logging.getLogger(__name__)


@admin_only
async def renamesource(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/renamesource ID NAME: give source ID the name NAME (its articles keep theirs)."""
    rt = runtime(context)
    lang = chat_lang(rt, update)
    args = context.args or []
    if len(args) < 2 or not args[0].isdecimal():  # isdecimal: «٣» as well as «3», never «²»
        await reply(update, context, ui(lang, "renamesource_usage"))
        return
    source_id, name = int(args[0]), " ".join(args[1:])
    if has_link(name):  # a link is added with /addsource, never a name (QA40 N2)
        await reply(update, context, ui(lang, "renamesource_link", name=name))
        return
    try:
        if source_id > SQLITE_MAX_INT:
            raise SourceError("no such source")
        done = rename_source(rt.db, source_id, name)
    except NameRefused as refused:  # QA44 T1/T2: invisible, over-long or another's name
        await reply(update, context, refusal(refused, lang))
        return
    except SourceError:
        await reply(update, context, ui(lang, "removesource_missing", id=num(source_id, lang)))
        return
    await reply(update, context, ui(lang, "renamesource_ok", id=num(done.source_id, lang),
                                    name=source_name(done.new, lang),
                                    old=source_name(done.old, lang)))


def refusal(refused: NameRefused, lang: str) -> str:
    """The admin's answer to a refused source name (/renamesource, /addsource URL NAME)."""
    if refused.problem == "alike":
        return ui(lang, "renamesource_alike", name=source_name(refused.name, lang),
                  other=num(refused.other, lang),
                  other_name=source_name(refused.other_name, lang))
    if refused.problem == "taken":
        return ui(lang, "renamesource_taken", name=source_name(refused.name, lang),
                  other=num(refused.other, lang))
    if refused.problem == "long":
        # «٦١ حرفًا», «١٠٥ أحرف» (QA56-7); the English line names its noun itself
        def count(n: int) -> str:
            return amount(n, lang, "letter") if lang == "ar" else num(n, lang)
        return ui(lang, "renamesource_long", max=count(MAX_NAME_CHARS),
                  n=count(len(refused.name)))
    if refused.problem == "link":
        return ui(lang, "renamesource_link", name=refused.name)
    return ui(lang, "renamesource_empty")
