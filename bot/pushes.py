"""/push for admins: queue a digest for a topic's followers (or the general digest's), then
report delivered / failed once the push has finished.

The handler only queues deliveries (digests.push_queue.enqueue_push; the sender delivers them); a
background task acknowledges the push, then reports when every chat of it is delivered or failed
(with the reasons of the failed ones, worded by bot.reasons.delivery_reason). Both answers wait
out a 429 and retry a transient error (502, timeout; bot.admin.deliver): a push never goes out
unreported, and the report is marked given only once Telegram took it (or refused it for good). The answer says why
when nothing is sent (nobody follows, no news, nothing the followers have not had) and counts
the stories readers get.

The report is owed in the database, not only in the task that waits for it: the `pushes` row
keeps the admin's chat and language until the report is sent (migration 021_push_reports), and
a bot started again after a crash or a restart in the middle of a push sends the reports still
owed once their pushes finish (`resume_reports`, from bot.app at start; QA12 F1).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from telegram import Message, Update
from telegram.ext import ContextTypes

from bot.admin import Told, admin_only, deliver, deliver_owed, reply
from bot.chat_holds import named_list, push_held_note
from bot.following import too_long_text
from bot.i18n import amount, clock_time, counted, format_date, num, t, topic_label
from bot.lines import escape_text
from bot.push_watch import finish, follow
from bot.reader_clock import reader_zone
from bot.reasons import delivery_reason
from bot.runtime import Runtime, chat_lang, rtl, runtime, ui
from bot.zones import chat_zone_words
from digests import push_queue
from digests.asked_topics import asks_for_news, topic_too_long
from digests.delivery_times import silent_push_chats
from digests.errors import QueryError
from digests.models import iso
from digests.outbox_upkeep import HELD_REASON
from digests.reader_sources import MUTED_REASON
from digests.search import topic_key
from digests.storage import Database
from digests.topic_keys import clean_topic, readable
from digests.topic_names import arabic_topic

log = logging.getLogger(__name__)

PROGRESS_POLL_SECONDS = 0.5
PROGRESS_TIMEOUT_SECONDS = 6 * 3600


@admin_only
async def push(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/push [TOPIC]: queue a digest for TOPIC's followers, or the general digest for its
    followers (not every chat: one that follows only «الغوطة» never asked for it); report when
    delivered.

    The answer says which of the reasons applies when nothing is sent (nobody follows, no
    news, nothing the followers have not had), and the count of stories is what readers get:
    what was queued after the «never the same story twice» rule.
    """
    rt = runtime(context)
    lang = chat_lang(rt, update)
    chat = update.effective_chat
    assert chat is not None
    # the topic as /subscribe stores and shows it («ما آخر أخبار الغوطة؟» → «الغوطة»): the
    # pushes row heads the delivered digest, so the words of asking must not reach it
    typed = " ".join(context.args or [])
    topic = clean_topic(typed) or None
    if topic is None and typed and not readable(typed):
        # Only invisible marks after /push (an RLM copied with Arabic text): the admin meant a
        # topic; cleaned away, it would have become the general digest for all its followers.
        await reply(update, context, ui(lang, "push_unreadable_topic"))
        return
    if topic is not None and asks_for_news(topic):  # «/push آخر الأخبار»: the general digest
        topic = None
    # an English name is the Arabic topic, as /subscribe, /unsubscribe and search read it:
    # «/push Real Madrid» said «Nobody follows» while two chats followed «ريال مدريد» (QA51 L4)
    if topic is not None:
        topic = arabic_topic(topic) or topic
    if topic is not None and not topic_key(topic):  # «/push و»: as a reader's search is refused
        await reply(update, context, ui(lang, "nothing_searchable", query=topic))
        return
    if topic is not None and topic_too_long(topic):  # nobody can follow it (QA10 F14)
        await reply(update, context, too_long_text(topic, lang))
        return
    following = followers(rt, topic)
    held = held_followers(rt, topic) if following == 0 else []
    if held:  # X84: «لا أحد يتابع» while a held channel follows it
        named = held_named(held, lang)
        whom = (f"«{topic_label(topic, lang, with_arabic=True)}»" if topic
                else t("push_general_name", lang))
        await reply(update, context, ui(lang, "push_only_held", whom=whom, named=named))
        return
    if following == 0:
        await reply(update, context, ui(lang, "push_no_followers_topic",
                                       topic=topic_label(topic, lang, with_arabic=True))
                    if topic else ui(lang, "push_no_followers"))
        return
    try:
        plan = push_queue.enqueue_push(rt.db, topic=topic, now=rt.now())
    except QueryError:
        await reply(update, context, ui(lang, "nothing_searchable", query=topic or ""))
        return
    if plan.stories == 0:
        hours = amount(push_queue.RECENT_HOURS, lang, "hour")  # the window a push looks in
        await reply(update, context, ui(lang, "push_no_stories_topic", hours=hours,
                                       topic=topic_label(topic, lang, with_arabic=True))
                    if topic else ui(lang, "push_no_stories", hours=hours))
        return
    if plan.chats == 0 and plan.muted and not plan.waiting:  # not «sent before» (QA77-2)
        await reply(update, context, muted_words(plan, lang, "push_all_muted"))
        return
    if plan.chats == 0:  # the followers had them: still queued, or sent before
        await reply(update, context, nothing_new(rt, plan, chat.id, lang))
        return
    # The push is queued: from here the admin's answers come from a task that starts whatever
    # happens to them. A 429 on the acknowledgement (likely while a broadcast fills the bot's
    # limit) must lose neither it nor the final report (QA8 F1).
    if rt.sender is not None:
        rt.sender.wake()
    owe_report(rt.db, plan.push_id, chat.id, lang)
    queued = ui(lang, "push_queued", chats=counted(plan.chats, lang, "chat", "chats"),
                stories=queued_stories(rt, plan.push_id, lang))
    silent = silent_chats(rt, plan.push_id)
    if silent:  # QA58-3: a push is not held by quiet hours; X85 makes it go without a sound
        queued += "\n" + ui(lang, "push_silent", chats=amount(silent, lang, "chat"))
    if plan.muted:  # QA77-2: a muted source's reports were left out, and the admin is told
        queued += "\n" + muted_words(plan, lang)
    rt.spawn(_report_push(rt, context, chat.id, plan.push_id, lang, queued),
             f"push-{plan.push_id}")


def owe_report(db: Database, push_id: int, chat_id: int, lang: str) -> None:
    """Record that `chat_id` (an admin, in `lang`) is owed the push's final report."""
    with db.transaction() as tx:
        tx.execute("update pushes set admin_chat_id = ?, admin_lang = ?, reported_at = null"
                   " where id = ?", [chat_id, lang, push_id])


def owed_reports(db: Database) -> list[tuple[int, int, str]]:
    """(push id, admin chat id, language) of every push whose final report was not sent."""
    rows = db.db.execute("select id, admin_chat_id, coalesce(admin_lang, 'ar') from pushes"
                         " where admin_chat_id is not null and reported_at is null"
                         " order by id").fetchall()
    return [(int(p), int(c), str(lang)) for p, c, lang in rows]


def resume_reports(rt: Runtime, context: ContextTypes.DEFAULT_TYPE) -> int:
    """At start: wait for each push whose report is still owed (the process that queued it was
    stopped or killed) and send its report, headed with its counts; returns how many."""
    owed = owed_reports(rt.db)
    for push_id, chat_id, lang in owed:
        chats = rt.db.db.execute("select chats from pushes where id = ?", [push_id]).fetchone()
        # QA62-6: the report of a finished push does not open with «في قائمة الإرسال»
        header = ui(lang, "push_header", chats=counted(int(chats[0] or 0), lang, "chat", "chats"),
                    stories=queued_stories(rt, push_id, lang))
        rt.spawn(_report_push(rt, context, chat_id, push_id, lang, header, resumed=True),
                 f"push-{push_id}")
    if owed:
        log.info("push reports resumed count=%d", len(owed))
    return len(owed)


def muted_words(plan: push_queue.PushPlan, lang: str, key: str = "push_muted") -> str:
    """How many stories the push left out for chats that muted their sources, and in how many
    chats (QA77-2)."""
    return ui(lang, key, count=num(plan.muted, lang),
              chats=amount(plan.muted_chats, lang, "chat"))


def nothing_new(rt: Runtime, plan: push_queue.PushPlan, chat_id: int, lang: str) -> str:
    """Why a push queued nothing, told truly (QA50 E6: «أُرسلت … من قبل» while the stories
    waited in the queue for two more minutes): an earlier push still on its way (QA12, its
    report follows); stories still queued for the followers — how many and when they go, in
    the admin's clock; or sent before."""
    if not plan.waiting:
        held = held_followers(rt, plan.topic)
        if held:  # QA58-5: their copy was not «sent before», it waits for the chat's return
            return ui(lang, "push_nothing_new_held", named=held_named(held, lang))
        return ui(lang, "push_nothing_new")
    if plan.pushed:
        return ui(lang, "push_nothing_new_queued")
    when = due_words(rt, plan.due, chat_id, lang)
    sent = plan.stories - plan.waiting
    # ui() escapes its values: the topic label goes in raw (escaped here too, «AT&T» read
    # «AT&amp;amp;T»)
    whom = (f"«{topic_label(plan.topic, lang, with_arabic=True)}»" if plan.topic
            else ui(lang, "push_general_name"))
    return ui(lang, "push_nothing_new_waiting", stories=_subject(plan.waiting, lang),
              whom=whom, when=when, goes=_goes(plan.waiting, lang),
              sent=ui(lang, "push_sent_too", stories=_subject(sent, lang)) if sent else "")


def due_words(rt: Runtime, due: datetime | None, chat_id: int, lang: str) -> str:
    """When waiting rows go, in the admin's clock: «الآن», «نحو الساعة ٧:٠٠ بتوقيت السعودية
    (UTC+3)», «غدًا نحو الساعة ٨:٠٠ …» when that is another day there. QA71-6: «نحو الساعة
    ٠٨:٠٠» at 17:00 said neither the day nor the zone, and padded the hour (bot.i18n.clock_time
    is the one rule, X89)."""
    # t, not ui: the sentence it goes in is escaped and marked right-to-left once, by ui
    if due is None or due <= (now := rt.now()):  # no due time: neither clock nor database read
        return t("push_due_now", lang)
    zone = reader_zone(rt.db.db, chat_id)
    local, today = due.astimezone(zone), now.astimezone(zone).date()
    key = "push_due_at" if local.date() == today else (
        "push_due_tomorrow" if local.date() == today + timedelta(days=1) else "push_due_on")
    return t(key, lang, time=clock_time(local, lang), date=format_date(local, lang),
             zone=chat_zone_words(rt.db, chat_id, lang, due))


def _subject(n: int, lang: str) -> str:
    """`n` stories as a sentence's subject: the nominative dual «خبران» (bot.i18n.amount's
    «خبرين» is the form after a preposition, «منذ …»); the other counts read the same."""
    return t("push_two_stories", lang) if n == 2 else amount(n, lang, "article")


def _goes(n: int, lang: str) -> str:
    """«is sent» agreeing with `n` stories before it: «يُرسل», «يُرسلان», «تُرسل» (a plural
    of things takes the feminine singular); "going out" in English."""
    return t("push_goes_one" if n == 1 else "push_goes_two" if n == 2 else "push_goes_many",
             lang)


def followers(rt: Runtime, topic: str | None) -> int:
    """Active chats a push of `topic` would go to: its followers, or (None) the followers of the
    general digest — the chats push_queue.enqueue_push queues."""
    follows, values = push_queue.audience(rt.db.db, topic)
    return int(rt.db.db.execute(f"select count(*) from chats c where c.active = 1 and {follows}",
                                values).fetchone()[0])


def held_followers(rt: Runtime, topic: str | None) -> list[str]:
    """The names of the held chats (a channel or group the bot may not post in) that follow
    `topic` (None: the general digest), as push_queue.audience reads a follower."""
    follows, values = push_queue.audience(rt.db.db, topic)
    return [str(title or cid) for cid, title in rt.db.db.execute(
        f"select c.id, c.title from chats c where c.active = 0 and c.type != 'private'"
        f" and c.deactivated_reason like ? and {follows} order by c.id",
        [HELD_REASON + "%", *values]).fetchall()]


def held_named(held: list[str], lang: str) -> str:
    """The held chats' names as a list, «…» each, the first 5 and a count of the others
    (plain text: `ui` escapes it)."""
    return named_list([f"«{name}»" for name in held], 5, lang)


def silent_chats(rt: Runtime, push_id: int) -> int:
    """How many chats the push reaches now without a sound (inside their quiet hours, or in
    daily mode: digests.delivery_times.push_silent)."""
    return silent_push_chats(rt.db.db, f"push:{push_id}", rt.now())


def queued_stories(rt: Runtime, push_id: int, lang: str) -> str:
    """How many stories each chat of the push gets: «٣», or «من ٢ إلى ٥» when chats differ (a
    chat never gets a story twice, so those that had some get fewer); in English with the noun,
    «1 story», «2 to 5 stories». In words, not «٢–٥»: a dash range in a right-to-left line is
    drawn «٥–٢» (QA67-12, as the results header: QA36 E9)."""
    low, high = rt.db.db.execute(
        "select min(n), max(n) from (select count(*) as n from outbox where kind = ?"
        " group by chat_id)", [f"push:{push_id}"]).fetchone()
    low, high = int(low or 0), int(high or 0)
    shown = (num(high, lang) if low == high
             else t("push_stories_range", lang, low=num(low, lang), high=num(high, lang)))
    if lang == "ar":  # after its label, «الأخبار لكل محادثة: ٣»
        return shown
    return f"{shown} {'story' if shown == '1' else 'stories'}"  # «1 story», «2 to 5 stories»


async def _report_push(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                       push_id: int, lang: str, queued: str, *, resumed: bool = False) -> None:
    """Acknowledge the push (`queued`), wait until every chat of it is delivered or failed,
    then tell the admin: counts, and why chats failed, and record that the report went. An
    acknowledgement Telegram refused for good heads the final report instead; so does one a
    restarted bot cannot know was sent (`resumed`)."""
    answers: list[Message] = []
    acknowledged = False if resumed else await deliver(
        rt, context, chat_id, queued, on_sent=answers.append) is Told.SENT
    if rt.sender is not None:
        waiter = asyncio.ensure_future(rt.sender.wait_push(push_id,
                                                           timeout=PROGRESS_TIMEOUT_SECONDS))
        if answers:  # the answer shows how far it got while it goes (QA62-2)
            try:
                await follow(context.bot, rt.db, chat_id, answers[0].message_id, queued,
                             push_id, lang, waiter)
            except Exception:  # the progress is never worth the report
                log.exception("push progress failed push_id=%s", push_id)
        try:
            progress = await waiter
        except TimeoutError:
            progress = push_queue.push_progress(rt.db, push_id)
    else:  # no sender in this process (another one works the outbox): watch the table
        loop = asyncio.get_running_loop()
        deadline = loop.time() + PROGRESS_TIMEOUT_SECONDS
        while True:
            progress = push_queue.push_progress(rt.db, push_id)
            if progress.done or loop.time() > deadline:
                break
            await asyncio.sleep(PROGRESS_POLL_SECONDS)
    if not progress.done:  # 6 h and not finished: say where it stands, and keep owing it
        log.warning("push report given before the push finished push_id=%s pending=%s",
                    push_id, progress.pending)
    report = push_report(progress, failure_reasons(rt.db, push_id), lang)
    held = push_held_note(rt.db, push_id, lang)  # a held chat is named (QA52 R1)
    if held:
        report += "\n" + held
    told = await deliver_owed(rt, context, chat_id,
                              report if acknowledged else f"{queued}\n{report}")
    if answers and told is Told.SENT:  # the answer's progress ends: «انتهى الإرسال» (QA62-2)
        await finish(context.bot, chat_id, answers[0].message_id, queued, lang)
    if told is Told.UNSENT:  # the API stayed down past the retries: a restart sends it (QA20 O1)
        log.warning("push report still owed push_id=%s chat=%s", push_id, chat_id)
    elif progress.done:  # sent, or refused by Telegram for good: not owed any more either way
        with rt.db.transaction() as tx:
            tx.execute("update pushes set reported_at = ? where id = ?",
                       [iso(rt.now()), push_id])


def failure_reasons(db: Database, push_id: int) -> list[tuple[str | None, int]]:
    """Why the chats of a push that got nothing failed: (Telegram's refusal or None, chats),
    most chats first. A chat's reason is its rows' last error, else why it was deactivated.
    A held chat did not fail (push_queue.push_progress): push_held_note names it (QA56-3); nor
    did one that may have it (a send that went out unanswered, then the retries failed: X136),
    nor one whose every row was skipped for a mute since it was queued (X135)."""
    rows = db.db.execute(
        f"""select reason, count(*) from (
               select o.chat_id, coalesce(max(o.last_error), c.deactivated_reason) as reason
               from outbox o join chats c on c.id = o.chat_id
               where o.kind = ? group by o.chat_id
               having sum(o.status = 'sent') = 0
                  and sum(o.status in ('pending', 'sending') and c.active = 1) = 0
                  and not max(c.active = 0 and coalesce(c.deactivated_reason, '') like ?)
                  and sum({push_queue.MAYBE_UNSENT_SQL}) = 0
                  and sum(o.status = 'skipped' and o.last_error = ?) < count(*))
           group by reason order by count(*) desc, reason""",
        [f"push:{push_id}", HELD_REASON + "%", *push_queue.MAYBE_TWICE,
         MUTED_REASON]).fetchall()
    return [(reason, int(count)) for reason, count in rows]


def push_report(progress: push_queue.PushProgress, reasons: list[tuple[str | None, int]],
                lang: str) -> str:
    """The final report as Telegram HTML: ✅ with the counts when every chat got the digest;
    ⏸ when none failed but none got it either, every chat being held (X84: «✅ … سُلّمت: ٠»
    claimed a success); ⚠️, the counts and one line per reason (worded in `lang`) when some
    failed. The chats that may have it (a send unanswered, then failed for good: X136) are
    neither delivered nor failed: a line of their own counts them."""
    counts = {"delivered": num(progress.delivered, lang), "failed": num(progress.failed, lang)}
    repeats = f"\n{repeats_line(progress.repeats, lang)}" if progress.repeats else ""
    if progress.maybe:
        repeats = f"\n{ui(lang, 'push_maybe', count=num(progress.maybe, lang))}{repeats}"
    if progress.muted_rows:  # X135: rows of a source muted since the push was queued
        repeats = f"\n{muted_since_line(progress, lang)}{repeats}"
    if not progress.failed and not progress.delivered and progress.held:
        return ui(lang, "push_done_held", delivered=counts["delivered"],
                  held=num(progress.held, lang)) + repeats
    if progress.held:  # QA62-9: delivered + failed + held = the push's chats
        counts["held"] = num(progress.held, lang)
    if not progress.failed:
        return ui(lang, "push_done_held_too" if progress.held else "push_done",
                  **counts) + repeats
    worded: dict[str, int] = {}  # two refusals may word alike («blocked» with other text)
    for reason, chats in reasons:
        text = delivery_reason(reason, lang)
        worded[text] = worded.get(text, 0) + chats
    lines = [ui(lang, "push_done_failures_held" if progress.held else "push_done_failures",
                **counts)]
    for text, chats in worded.items():  # «• ٢: حظر المستخدم البوت»
        line = f"• {num(chats, lang)}: {escape_text(text)}"
        lines.append(rtl(line) if lang == "ar" else line)
    return "\n".join(lines) + repeats


def muted_since_line(progress: push_queue.PushProgress, lang: str) -> str:
    """«🔕 أخبار لم تُرسل لأن مصادرها كُتمت هناك بعد إعداد النشرة: ٣ في محادثتين …» (X135): the
    push's rows the sender skipped as their chat muted the source after the push was queued,
    and the chats that had nothing left of it (neither delivered nor failed)."""
    # one line, one right-to-left mark (ui adds it): its two parts from t, numbers only
    none = t("push_muted_since_none", lang, chats=amount(progress.muted, lang, "chat")) \
        if progress.muted else ""
    return ui(lang, "push_muted_since", count=num(progress.muted_rows, lang),
              chats=amount(progress.muted_chats, lang, "chat"), none=none)


def repeats_line(n: int, lang: str) -> str:
    """«قد تكون وصلت ٣ محادثات مرتين …» (QA62-7): the chats a send was repeated to because
    its answer never came, the subject counted in agreement («محادثتان», «١١ محادثة»)."""
    if n in (1, 2):
        chats = ui(lang, f"push_repeats_{'one' if n == 1 else 'two'}")
    else:
        chats = amount(n, lang, "chat")
    return ui(lang, "push_repeats", chats=chats)
