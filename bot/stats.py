"""/stats for admins: subscribers, chats, articles, stories, queue, last poll, delivery rate."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update
from telegram.ext import ContextTypes

from bot.admin import admin_only, reply
from bot.i18n import num, relative_time, t
from bot.runtime import Runtime, chat_lang, runtime, ui
from digests import outbox, subscriptions
from digests.models import iso, parse_iso


def percent(n: int, lang: str) -> str:
    """«١٠٠٪» in Arabic (Arabic-Indic digits, the Arabic percent sign), "100%" in English."""
    return f"{num(n, lang)}٪" if lang == "ar" else f"{n}%"


def stats_values(rt: Runtime, lang: str) -> dict[str, str]:
    """The figures /stats shows, formatted for `lang`."""
    now = rt.now()
    chats = subscriptions.stats(rt.db)
    queue = outbox.queue_stats(rt.db, now)
    sql = rt.db.db
    articles = sql.execute("select count(*) from articles").fetchone()[0]
    stories = sql.execute("select count(*) from stories").fetchone()[0]
    last = sql.execute("select max(coalesce(finished_at, started_at)) from polls").fetchone()[0]
    since = iso(now - timedelta(days=1))
    sent, failed = sql.execute(
        "select coalesce(sum(status = 'sent'), 0), coalesce(sum(status = 'failed'), 0)"
        " from outbox where sent_at >= ?", [since]).fetchone()
    rate = percent(round(100 * sent / (sent + failed)), lang) if sent + failed else "—"
    return {
        "subscribers": num(chats.subscribers, lang), "active": num(chats.active_chats, lang),
        "subscriptions": num(chats.subscriptions, lang), "articles": num(articles, lang),
        "stories": num(stories, lang), "pending": num(queue.pending, lang),
        "last_poll": relative_time(parse_iso(last), now, lang) if last else t("never", lang),
        "sent": num(int(sent), lang), "failed": num(int(failed), lang), "rate": rate,
    }


@admin_only
async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/stats: subscribers, chats, articles, stories, queue, last poll, delivery rate."""
    rt = runtime(context)
    lang = chat_lang(rt, update)
    await reply(update, context, ui(lang, "stats", **stats_values(rt, lang)))
