"""QA70-1 (S2): /subscribe with more topics than one message takes counted the rest but did not
name them («ولم أتابع ٤ بعدها», «The other 1 were not followed»), so a reader had to count commas to
find that «اليمن» and «السودان» were not followed; and a word that is no topic («qwzx», «Umrah»)
took one of the 10 places, so 9 were followed while the answer said 10 are. Now a refused word
takes no place, the topics left out are named as typed, and the count agrees with its noun in
both languages. Group-safe wording (tests/test_bot_following checks every string).

Real parts: the bot against the emulator (tests/botkit.py), a real SQLite archive.
"""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests import subscriptions

_AR = ["غزة", "لبنان", "سوريا", "العراق", "إيران", "مصر", "الأردن", "تونس", "ليبيا", "اليمن",
       "السودان", "قطر", "عمان"]
_EN = ["Gaza", "Lebanon", "Syria", "Iraq", "Iran", "Egypt", "Jordan", "Tunisia", "Libya",
       "Yemen", "Sudan", "Qatar"]


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


async def test_a_refused_word_takes_no_place_and_the_one_left_is_named(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [ar] = await h.say(READER, "/subscribe " + "، ".join(["qwzx", *_AR[:11]]))
        [en] = await h.say(READER + 1, "/subscribe " + ", ".join(["qwzx", *_EN[:11]]),
                           language_code="en")
        followed_ar = len(subscriptions.list_subscriptions(h.db, READER))
        followed_en = len(subscriptions.list_subscriptions(h.db, READER + 1))
    text = _plain(ar.plain_text)
    assert followed_ar == 10 and followed_en == 10, (followed_ar, followed_en)
    assert "تمت متابعة ١٠ مواضيع" in text, text
    assert "«qwzx»" in text, text
    assert "ولم أتابع موضوعًا واحدًا بعدها: «السودان». أتابع ١٠ مواضيع على الأكثر من رسالة " \
        "واحدة؛ أرسله في رسالة أخرى." in text, text
    assert "The other topic was not followed: «Sudan». At most 10 topics are followed from one " \
        "message; send it in another message." in en.plain_text, en.plain_text


async def test_the_topics_left_are_named_with_their_count_in_agreement(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [two] = await h.say(READER, "/subscribe " + "، ".join(_AR[:12]))
        [three] = await h.say(READER + 1, "/subscribe " + "، ".join(_AR))
        [en] = await h.say(READER + 2, "/subscribe " + ", ".join(_EN),
                           language_code="en")
    assert "ولم أتابع موضوعين بعدها: «السودان»، «قطر». أتابع ١٠ مواضيع على الأكثر من رسالة " \
        "واحدة؛ أرسل الباقي في رسالة أخرى." in _plain(two.plain_text), two.plain_text
    assert "ولم أتابع ٣ مواضيع بعدها: «السودان»، «قطر»، «عمان»." in _plain(three.plain_text), \
        three.plain_text
    assert "The other 2 topics were not followed: «Sudan», «Qatar». At most 10 topics are " \
        "followed from one message; send the rest in another message." in en.plain_text, \
        en.plain_text


async def test_the_cap_on_words_tried_is_the_reason_it_gives(tmp_path: Path) -> None:
    """Review REV2 #6: 30 words tried (most of them no topic) stopped the loop, yet the line
    said «أتابع ١٠ مواضيع على الأكثر» with 2 followed. Now it names the 30 tried."""
    junk = [f"qwz{a}{b}" for a in "bcdfg" for b in "hjklmn"]  # 30 words that are no topic
    async with running_bot(sample_db(tmp_path)) as h:
        [ar] = await h.say(READER, "/subscribe " + "، ".join([*_AR[:2], *junk[:28], _AR[2]]))
        [en] = await h.say(READER + 1, "/subscribe " + ", ".join([*_EN[:2], *junk, *_EN[2:4]]),
                           language_code="en")
        followed_ar = len(subscriptions.list_subscriptions(h.db, READER))
    text = _plain(ar.plain_text)
    assert followed_ar == 2, followed_ar
    assert "ولم أتابع موضوعًا واحدًا بعدها: «سوريا». أنظر في ٣٠ موضوعًا على الأكثر من رسالة " \
        "واحدة، بما فيها ما لم أتابعه؛ أرسله في رسالة أخرى." in text, text
    assert "على الأكثر من رسالة واحدة؛" not in text, text
    assert "The other 4 topics were not followed: «qwzgm», «qwzgn», «Syria», «Iraq». At most " \
        "30 topics are tried from one message, those not followed included; send the rest in " \
        "another message." in en.plain_text, en.plain_text
