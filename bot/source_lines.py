"""The lines under each source in /sources: its health, and what its last poll could not
read — entries cut (more than a poll reads), oldest first (over the size cap), entries skipped
with their reasons by kind (QA65-13, -14), a feed's address moved for good (QA35 L3).

Split out of bot.sources_admin (REV s24: past 500 lines); the command itself lists the sources
and pages them there.
"""

from __future__ import annotations

from datetime import datetime

from bot.admin import text_lines
from bot.i18n import amount, list_sep, num, relative_time, t
from bot.lines import Line, clean
from bot.reasons import reason_text
from digests import feed_moves
from digests.feeds import skip_kind
from digests.logs import strip_credentials
from digests.models import Source
from digests.source_work import Skipped, feed_cut_of, oldest_first_of, skipped_of
from digests.storage import Database


def health(source: Source, lang: str, local_now: datetime) -> str:
    """A source's state in /sources: paused, failing (once, or N times in a row, with why),
    never read yet, or when it was last read in the admin's clock."""
    if not source.active:  # paused by /removesource: said so, with how to resume (QA12 F8)
        return t("health_paused", lang)
    if source.consecutive_failures:
        n = source.consecutive_failures
        error = reason_text(source.last_error_why, lang)
        if n == 1:  # the last poll alone: no streak (QA58-10: «failing 1 time in a row»)
            return t("health_failed_once", lang, error=error)
        # Arabic puts the count after a label («إخفاقات متتالية: ٢»); English counts a noun
        failures = num(n, lang) if lang == "ar" else f"{n} times"
        return t("health_failing", lang, failures=failures, error=error)
    if source.last_success_at is None:
        return t("health_never", lang)
    # `local_now`: the admin's clock, so a date past a week is their day, not UTC's (X56)
    return t("health_ok", lang, when=relative_time(source.last_success_at, local_now, lang))


def cut_note(listed: int, read: int, lang: str) -> str:
    """The line under a source whose feed lists more entries than a poll reads: the newest are
    read, the others skipped for good (digests.feed_cut; X50's decision)."""
    # «١٠٠٠٠ خبر», «٣٠ خبرًا» (QA56-7: «١٠٠٠٠ خبرًا»); the English line names its noun itself
    return t("feed_cut", lang, listed=amount(listed, lang, "article") if lang == "ar"
             else num(listed, lang), read=num(read, lang),
             skipped=num(listed - read, lang))


def cut_lines(source_id: int, lang: str, active: bool) -> list[Line]:
    """What the last poll of an active source left out: cut, oldest first, skipped."""
    cut = feed_cut_of(source_id) if active else None
    lines = text_lines(lang, cut_note(*cut, lang)) if cut is not None else []
    if active and oldest_first_of(source_id):  # over the size cap, oldest first (X56 item 4)
        lines += text_lines(lang, t("feed_oldest_first", lang))
    skipped = skipped_of(source_id) if active else None
    if skipped is not None:
        lines += text_lines(lang, skipped_note(skipped, lang))
    return lines


def skipped_note(skipped: Skipped, lang: str) -> str:
    """The line under a source whose last read feed had entries that could not be read: their
    ids as feed text (bidi controls dropped, QA65-13: an RLO in an id reversed the rest of the
    line), and each kind of reason once with its count, in the admin's language (QA65-14)."""
    names = list_sep(lang).join(f"«{clean(n)[:60]}»" if lang == "ar" else f'"{clean(n)[:60]}"'
                                for n in skipped.names)
    if skipped.count > len(skipped.names):
        names += "…"
    return t("feed_skipped_why", lang, skipped=num(skipped.count, lang),
             listed=num(skipped.listed, lang), names=strip_credentials(names),
             reasons=strip_credentials(skip_reasons(skipped.errors or (skipped.error,), lang)))


def skip_reasons(errors: tuple[str, ...], lang: str) -> str:
    """Each kind of reason among `errors` once, with how many entries it left out and its
    details (the schemes, the hosts; an unreadable entry's first error), in `lang`."""
    kinds: dict[str, list[str]] = {}
    for error in errors:
        kind, detail = skip_kind(error)
        kinds.setdefault(kind, []).append(clean(detail))
    parts = []
    for kind, details in kinds.items():
        shown = list(dict.fromkeys(d for d in details if d))
        detail = (shown[0][:120] if kind == "unreadable"
                  else list_sep(lang).join(shown[:3]) + ("…" if len(shown) > 3 else ""))
        parts.append(t(f"skip_{kind}", lang, n=num(len(details), lang), detail=detail or "?"))
    return "؛ ".join(parts) if lang == "ar" else "; ".join(parts)


def moved_lines(db: Database, source_id: int, lang: str) -> list[Line]:
    """«↪️ moved for good from …» under a source whose feed's new address was stored (QA35 L3)."""
    old = feed_moves.moved_from(db, source_id)
    return text_lines(lang, t("feed_moved", lang, old=strip_credentials(old))) if old else []
