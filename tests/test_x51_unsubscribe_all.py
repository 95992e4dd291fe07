"""X51 (QA36 E5): `/unsubscribe all` («الكل») stops every topic after a confirmation button —
an opaque stored id bound to the chat, holding the subscriptions the question listed (a topic
followed after the question stays; a stale or forged press removes nothing). The real bot
against the emulator."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests import subscriptions as subs


def _topics(h: object, chat_id: int) -> list[str]:
    return [s.topic for s in subs.list_subscriptions(h.db, chat_id)]  # type: ignore[attr-defined]


async def test_unsubscribe_all_asks_then_stops_what_it_listed(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة، لبنان، النفط")
        assert _topics(h, READER) == ["الغوطة", "لبنان", "النفط"]
        [ask] = await h.say(READER, "/unsubscribe الكل")
        assert "ستُلغى متابعة كل المواضيع (٣)" in ask.plain_text, ask.plain_text
        assert ask.button_texts() == ["✅ نعم، ألغِ الكل", "لا، أبقِها"]
        assert all(len(b["callback_data"]) <= 64 for b in ask.buttons())
        kept = await h.click_answer(ask, "لا، أبقِها")
        assert kept.get("text") == "لم يُلغَ شيء: بقيت المتابعات كما هي."
        assert _topics(h, READER) == ["الغوطة", "لبنان", "النفط"]
        [ask] = await h.say(READER, "/unsubscribe الكل")
        await h.say(READER, "/subscribe غزة")  # after the question: not in what it listed
        forged = await h.click_answer(ask, data="unsub_all")
        assert _topics(h, READER) == ["الغوطة", "لبنان", "النفط", "غزة"], forged
        done = await h.click_answer(ask, "✅ نعم، ألغِ الكل")
        assert done.get("text") == "✅ أُلغيت كل المتابعات (٣)"
        assert _topics(h, READER) == ["غزة"]
        await h.settle()
        edited = next(m for m in h.emu.messages(READER) if m.message_id == ask.message_id)
        assert "أُلغيت متابعة كل المواضيع (٣)" in edited.plain_text, edited.plain_text
        # an English reader, and a chat that follows nothing
        await h.say(READER + 1, "/subscribe Ghouta", language_code="en")
        [en] = await h.say(READER + 1, "/unsubscribe all", language_code="en")
        assert "This stops following every topic (1): «Ghouta (الغوطة)». Are you sure?" \
            in en.plain_text.replace("\u200e", ""), en.plain_text
        await h.click_answer(en, "✅ Yes, remove all")
        assert _topics(h, READER + 1) == []
        [nothing] = await h.say(READER + 1, "/unsubscribe all", language_code="en")
        assert nothing.button_texts() == [], nothing.plain_text


async def test_unsubscribe_all_in_a_group_is_an_admins_press_bound_to_the_group(
        tmp_path: Path) -> None:
    """Review RD: the confirmation's guards, each checked — a member's press is refused, the
    button's id pressed in another chat removes nothing, a second press removes nothing more."""
    from botkit import ADMIN

    group = -100951
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "مجموعة", admins=[ADMIN])
        await h.say(group, "/subscribe الغوطة، لبنان", user=h.user(ADMIN))
        [ask] = await h.say(group, "/unsubscribe الكل", user=h.user(ADMIN))
        [yes] = [b["callback_data"] for b in ask.buttons() if b["text"] == "✅ نعم، ألغِ الكل"]
        member = await h.click_answer(ask, "✅ نعم، ألغِ الكل", user=h.user(READER))
        assert "مشرفو المجموعة وحدهم" in str(member.get("text")), member
        assert _topics(h, group) == ["الغوطة", "لبنان"]
        [mine] = await h.say(READER, "/subscribe النفط")
        elsewhere = await h.click_answer(mine, data=yes)  # the group's id, pressed in a private chat
        assert _topics(h, group) == ["الغوطة", "لبنان"], elsewhere
        assert _topics(h, READER) == ["النفط"]
        done = await h.click_answer(ask, "✅ نعم، ألغِ الكل", user=h.user(ADMIN))
        assert done.get("text") == "✅ أُلغيت كل المتابعات (٢)"
        assert _topics(h, group) == []
        # the question now reads what was done, without buttons: the same id pressed again
        again = await h.click_answer(ask, data=yes, user=h.user(ADMIN))
        assert again.get("text") == "لم يبقَ ما يُلغى: لا يُتابَع الآن أي موضوع من هذه القائمة."
        assert _topics(h, READER) == ["النفط"]
