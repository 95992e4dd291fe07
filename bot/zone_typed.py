"""/zone and /timezone: the zone picker, or a zone typed after the command (QA47 Z3, Z8).

«/zone» alone, and «التوقيت» or "time zone" typed (bot.answers), shows the picker
(bot.time_pickers.zone_picker). «/zone تركيا», «/zone Istanbul» or
«/zone Europe/Istanbul» sets that zone of the picker, by label, IANA name or city, an Arabic
city too («/zone دمشق»); a name two zones share («/zone عمان»: Amman or Oman) offers both as
buttons (QA54-3). «/zone +5:30»
or «/zone UTC-4» sets a fixed offset. Such an offset has no daylight saving time, and the answer
says so. Any other text gets the picker with a line saying what can be typed. Delivery reads only
the picker's zones or a fixed offset, so no other IANA name is accepted (bot.zones.ZONE_NAMES).
In a group only its admins set the zone, as with every settings button.
"""

from __future__ import annotations

import logging

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.channel_admin import same_chat
from bot.i18n import t
from bot.preferences import member_sees_only
from bot.runtime import Runtime, enter, may_change, record_chat, refuse_group, rtl, send, ui
from bot.settings_words import quiet_change_note, saved_toast
from bot.texts_zones import ZONE_LABELS
from bot.time_pickers import zone_picker, zone_seen
from bot.zones import chat_offset, chat_zone, set_fixed_offset, set_zone, zone_label
from digests import delivery_times, subscriptions
from digests.zone_words import typed_offset, typed_zones, zone_city

log = logging.getLogger(__name__)


async def zone_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/zone [ZONE or OFFSET], /timezone: see the module docstring."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    typed = " ".join(context.args or ()).strip()  # no args for typed «التوقيت» (bot.answers)
    if not typed:
        if await member_sees_only(update, context, rt, chat.type, lang):  # QA54-15
            await send(update, context, zone_seen(update, rt, chat.id, lang))
            return
        await send(update, context, *zone_picker(rt, same_chat(chat.id), lang, chat.type, chat))
        return
    zones, minutes = typed_zones(typed, ZONE_LABELS), typed_offset(typed)
    zone = zones[0] if len(zones) == 1 else None
    if not zones and minutes is None:
        text, markup = zone_picker(rt, same_chat(chat.id), lang, chat.type, chat)
        await send(update, context, ui(lang, "zone_typed_unknown", typed=typed[:40]) + "\n"
                   + text, markup)
        return
    if chat.type in ("group", "supergroup") and not await may_change(update, context):
        await refuse_group(update, context, lang)
        return
    if len(zones) > 1:  # «عمان»: Amman or Oman, asked with a button each (QA54-3)
        await send(update, context, ui(lang, "zone_typed_which", typed=typed[:40]),
                   _choices(rt, chat.id, zones, lang))
        return
    if subscriptions.get_chat(rt.db, chat.id) is None:
        # its record was refused a moment ago (a lock): written now, as set_zone needs the row
        # (QA76-18); refused again, the reader is told «busy» (bot.update_errors)
        record_chat(rt, update)
    before = (subscriptions.get_chat(rt.db, chat.id), chat_zone(rt.db, chat.id))
    now = rt.now()
    was_quiet = delivery_times.quiet_until(rt.db.db, chat.id, now) is not None
    if zone is not None:
        new = set_zone(rt.db, chat.id, zone, now)
    else:
        assert minutes is not None
        new = set_fixed_offset(rt.db, chat.id, minutes, now)
    after_zone = chat_zone(rt.db, chat.id)
    log.info("zone typed chat=%s zone=%s minutes=%s", chat.id, after_zone, minutes)
    said = saved_toast(before[0], before[1], new, after_zone, lang, now)
    old_offset = before[0].utc_offset_minutes if before[0] is not None else None
    same = before[0] is not None and (before[1], old_offset) == (after_zone,
                                                                  new.utc_offset_minutes)
    if same:
        # the zone already set: named, not «✅ حُفظت الإعدادات.» (QA54-9: whoever checks the
        # setting by typing it could not see which zone it is)
        said = t("zone_as_before", lang, zone=zone_label(
            chat_offset(after_zone, new.utc_offset_minutes, now), lang, after_zone))
    if zone is None and not same:  # a fixed offset keeps no daylight saving time: said
        # when it is set, not again each time it is typed (review REV: «/zone +3» on +3)
        said += "\n" + ui(lang, "zone_fixed_note")
    # held alerts released, or new ones held: said as the picker's toast says it (QA52 R2)
    quiet_now = quiet_change_note(rt, new, was_quiet, lang)
    if quiet_now:
        said += "\n" + quiet_now
    await send(update, context, rtl(said) if lang == "ar" else said)


def _choices(rt: Runtime, chat_id: int, zones: tuple[str, ...],
             lang: str) -> InlineKeyboardMarkup:
    """One picker button a zone, named by its city and label: «عمّان (الأردن)», «مسقط (عُمان)»."""
    scope = same_chat(chat_id)
    idx = 0 if lang == "ar" else 1
    return InlineKeyboardMarkup([[scope.button(
        rt, f"{zone_city(zone, lang)} ({ZONE_LABELS[zone][idx]})", "zone", {"zone": zone})]
        for zone in zones])
