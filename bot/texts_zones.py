"""The time-zone picker's labels, (Arabic, English): the zones readers choose from by IANA name,
in the picker's order, and the fixed offsets offered before zones (still shown for chats that
chose one then).

Part of bot.i18n's tables by area; bot.zones builds ZONES, ZONE_NAMES and LEGACY_OFFSETS from
these.
"""

from __future__ import annotations

# The Arab League's members, then zones of the diaspora, then UTC (brief X25).
ZONE_LABELS: dict[str, tuple[str, str]] = {
    "Africa/Cairo": ("مصر", "Egypt"),
    "Asia/Beirut": ("لبنان", "Lebanon"),
    "Asia/Gaza": ("فلسطين (غزة والخليل)", "Palestine (Gaza, Hebron)"),
    "Asia/Damascus": ("سوريا", "Syria"),
    "Asia/Amman": ("الأردن", "Jordan"),
    "Asia/Baghdad": ("العراق", "Iraq"),
    "Asia/Riyadh": ("السعودية", "Saudi Arabia"),
    "Asia/Dubai": ("الإمارات", "UAE"),
    "Asia/Qatar": ("قطر", "Qatar"),
    "Asia/Kuwait": ("الكويت", "Kuwait"),
    "Africa/Casablanca": ("المغرب", "Morocco"),
    "Africa/Algiers": ("الجزائر", "Algeria"),
    "Africa/Tunis": ("تونس", "Tunisia"),
    "Africa/Tripoli": ("ليبيا", "Libya"),
    "Africa/Khartoum": ("السودان", "Sudan"),
    "Africa/Nouakchott": ("موريتانيا", "Mauritania"),
    "Asia/Muscat": ("عُمان", "Oman"),
    "Asia/Aden": ("اليمن", "Yemen"),
    "Asia/Bahrain": ("البحرين", "Bahrain"),
    "Africa/Mogadishu": ("الصومال", "Somalia"),
    "Africa/Djibouti": ("جيبوتي", "Djibouti"),
    "Indian/Comoro": ("جزر القمر", "Comoros"),
    # the diaspora (QA47 Z3): Turkey (UTC+3 all year, but «السعودية» is no Syrian's label),
    # Europe, the three largest American zones, Australia's east
    "Europe/Istanbul": ("تركيا", "Turkey"),
    "Europe/London": ("لندن", "London"),
    "Europe/Berlin": ("برلين ووسط أوروبا", "Berlin, Central Europe"),
    "America/New_York": ("نيويورك", "New York"),
    "America/Chicago": ("شيكاغو ووسط أمريكا", "Chicago, US Central"),
    "America/Los_Angeles": ("لوس أنجلوس وفانكوفر", "Los Angeles, Vancouver"),
    "Australia/Sydney": ("سيدني وملبورن", "Sydney, Melbourne"),
    "UTC": ("التوقيت العالمي", "UTC"),
}
# UTC's label with its offset: «UTC (UTC+0)» would say it twice.
UTC_LABEL: tuple[str, str] = ("التوقيت العالمي (UTC)", "UTC")
# The fixed offsets offered before session 4, by minutes east of UTC.
LEGACY_OFFSET_LABELS: dict[int, tuple[str, str]] = {
    0: ("غرينتش", "GMT"),
    60: ("المغرب، الجزائر، تونس", "Morocco, Algeria, Tunisia"),
    120: ("مصر، ليبيا، لبنان، فلسطين", "Egypt, Libya, Lebanon, Palestine"),
    180: ("مكة، بغداد، دمشق، عمّان", "Mecca, Baghdad, Damascus, Amman"),
    240: ("الإمارات، عُمان", "UAE, Oman"),
}
