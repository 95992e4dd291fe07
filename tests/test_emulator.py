"""The Telegram emulator, driven by real PTB `Bot` and `Application` over loopback HTTP."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllGroupChats,
    ChatMemberBanned,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.error import BadRequest, ChatMigrated, Forbidden, InvalidToken, RetryAfter, TimedOut
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
)
from telegram.request import HTTPXRequest

from bot.emulator import Emulator, User

TOKEN = "123456:TEST-token"


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator() as e:
        yield e


@pytest.fixture
async def bot(emu: Emulator) -> AsyncIterator[Bot]:
    b = Bot(TOKEN, base_url=emu.base_url)
    async with b:
        yield b


def keyboard(*labels_data: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d)]
                                 for t, d in labels_data])


async def test_get_me_and_send_records_message(emu: Emulator, bot: Bot) -> None:
    me = await bot.get_me()
    assert me.username == "nashra_test_bot" and me.is_bot
    msg = await bot.send_message(42, "<b>غوطة</b> &lt;دمشق&gt; <a href=\"https://x.test/a\">"
                                 "رابط</a>", parse_mode="HTML")
    assert msg.text == "غوطة <دمشق> رابط"
    assert [e.type for e in msg.entities] == ["bold", "text_link"]
    [rec] = emu.messages(42)
    assert rec.message_id == msg.message_id and rec.plain_text == msg.text
    assert rec.parse_mode == "HTML"


async def test_telegram_checks(emu: Emulator, bot: Bot) -> None:
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(1, "a <br> b", parse_mode="HTML")
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(1, "<b>unclosed", parse_mode="HTML")
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(1, "AT&T", parse_mode="HTML")
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(1, "ب" * 4097)
    # 4096 UTF-16 units after entity parsing is fine, even when the source is longer.
    await bot.send_message(1, "<b>" + "&amp;" * 4096 + "</b>", parse_mode="HTML")
    # An emoji outside the BMP counts as two units.
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(1, "😀" * 2049)
    with pytest.raises(BadRequest, match="empty"):
        await bot.send_message(1, "<b> </b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="(?i)button_data_invalid"):
        await bot.send_message(1, "x", reply_markup=keyboard(("b", "x" * 65)))
    await bot.send_message(1, "x", reply_markup=keyboard(("b", "x" * 64)))
    assert len(emu.messages(1)) == 2
    assert emu.counters["error:400"] == 7


async def test_edit_not_modified_and_markup(emu: Emulator, bot: Bot) -> None:
    m = await bot.send_message(5, "<i>one</i>", parse_mode="HTML",
                               reply_markup=keyboard(("next", "n1")))
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("<i>one</i>", chat_id=5, message_id=m.message_id,
                                    parse_mode="HTML", reply_markup=keyboard(("next", "n1")))
    await bot.edit_message_text("<i>two</i>", chat_id=5, message_id=m.message_id,
                                parse_mode="HTML", reply_markup=keyboard(("next", "n1")))
    await bot.edit_message_reply_markup(chat_id=5, message_id=m.message_id,
                                        reply_markup=keyboard(("more", "n2")))
    [rec] = emu.messages(5)
    assert rec.plain_text == "two" and rec.button_texts() == ["more"] and rec.edits == 2
    with pytest.raises(BadRequest, match="(?i)not found"):
        await bot.edit_message_text("x", chat_id=5, message_id=999)


async def test_faults(emu: Emulator, bot: Bot) -> None:
    emu.inject_429(2, retry_after=7)
    for _ in range(2):
        with pytest.raises(RetryAfter) as exc:
            await bot.send_message(9, "x")
        assert exc.value.retry_after in (7, __import__("datetime").timedelta(seconds=7))
    await bot.send_message(9, "x")
    emu.inject_429(1, retry_after=2, chat_id=10)
    await bot.send_message(9, "y")  # other chats unaffected
    with pytest.raises(RetryAfter):
        await bot.send_message(10, "y")
    emu.block(11)
    emu.block(12, "deactivated")
    with pytest.raises(Forbidden, match="blocked by the user"):
        await bot.send_message(11, "x")
    with pytest.raises(Forbidden, match="deactivated"):
        await bot.send_message(12, "x")
    emu.migrate(-100, -1001000)
    with pytest.raises(ChatMigrated) as mig:
        await bot.send_message(-100, "x")
    assert mig.value.new_chat_id == -1001000
    await bot.send_message(-1001000, "x")
    assert [m.chat_id for m in emu.messages()] == [9, 9, -1001000]
    assert emu.counters["error:429"] == 3 and emu.counters["error:403"] == 2


async def test_slow_response_is_recorded_but_times_out(emu: Emulator) -> None:
    emu.slow_next(1, 0.6)
    b = Bot(TOKEN, base_url=emu.base_url, request=HTTPXRequest(read_timeout=0.2))
    async with b:
        with pytest.raises(TimedOut):
            await b.send_message(3, "maybe sent")
    assert [m.plain_text for m in emu.messages(3)] == ["maybe sent"]


async def test_token_check() -> None:
    with Emulator(token=TOKEN) as emu:
        async with Bot(TOKEN, base_url=emu.base_url) as ok:
            assert (await ok.get_me()).id == emu.bot_user.id
        bad = Bot("999:WRONG", base_url=emu.base_url)
        with pytest.raises(InvalidToken):
            await bad.initialize()


async def test_rate_limits_enforced(emu: Emulator, bot: Bot) -> None:
    emu.rate_limits(True, overall_per_second=5)
    await bot.send_message(1, "a")
    with pytest.raises(RetryAfter):
        await bot.send_message(1, "b")  # 1/s per chat
    for chat in range(2, 6):
        await bot.send_message(chat, "a")
    with pytest.raises(RetryAfter):
        await bot.send_message(6, "a")  # 5/s overall
    assert emu.counters["429:chat"] == 1 and emu.counters["429:overall"] == 1
    emu.rate_limits(True, overall_per_second=1000, per_chat_interval=0.0, group_per_minute=3)
    emu.add_group(-7, "g")
    for _ in range(3):
        await bot.send_message(-7, "g")
    with pytest.raises(RetryAfter) as exc:
        await bot.send_message(-7, "g")  # 20/min per group (3 here)
    assert emu.counters["429:group"] == 1
    assert exc.value.retry_after in (60, __import__("datetime").timedelta(seconds=60))


async def test_commands_per_language_and_scope(emu: Emulator, bot: Bot) -> None:
    await bot.set_my_commands([BotCommand("start", "ابدأ")], language_code="ar")
    await bot.set_my_commands([BotCommand("start", "Start")], language_code="en")
    await bot.set_my_commands([BotCommand("help", "Help")], scope=BotCommandScopeAllGroupChats())
    assert [c.description for c in await bot.get_my_commands(language_code="ar")] == ["ابدأ"]
    assert emu.commands("en")[0]["description"] == "Start"
    assert emu.commands("", {"type": "all_group_chats"})[0]["command"] == "help"
    assert emu.commands("") == []
    with pytest.raises(BadRequest, match="(?i)bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Bad Command", "x")])


async def test_chat_members(emu: Emulator, bot: Bot) -> None:
    emu.add_group(-50, "مجموعة", admins=[7])
    assert (await bot.get_chat_member(-50, 7)).status == "administrator"
    assert (await bot.get_chat_member(-50, 8)).status == "member"
    assert [m.user.id for m in await bot.get_chat_administrators(-50)] == [7]
    chat = await bot.get_chat(-50)
    assert chat.title == "مجموعة" and chat.type == "supergroup"
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.get_chat(-51)


async def test_long_poll_and_offsets(emu: Emulator, bot: Bot) -> None:
    assert await bot.get_updates(timeout=0) == ()
    task = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    assert not task.done()  # held
    emu.send_user_message(42, "/start abc", language_code="en")
    [u] = await asyncio.wait_for(task, 3)
    assert u.message.text == "/start abc" and u.message.from_user.language_code == "en"
    assert u.message.entities[0].type == "bot_command" and u.message.entities[0].length == 6
    again = await bot.get_updates(timeout=0)
    assert [x.update_id for x in again] == [u.update_id]  # not confirmed yet
    assert await bot.get_updates(offset=u.update_id + 1, timeout=0) == ()
    assert emu.pending_updates() == 0
    emu.send_user_message(42, "old message")
    await bot.delete_webhook(drop_pending_updates=True)
    assert await bot.get_updates(timeout=0) == ()


async def test_membership_and_migration_updates_parse_in_ptb(emu: Emulator, bot: Bot) -> None:
    emu.add_group(-70, "مجموعة", type="group")
    emu.chat_member_update(-70, new_status="kicked", old_status="member")
    emu.migrate(-70, -1000070, announce=True, user=User(id=5))
    kicked, to_new, from_old = await bot.get_updates(timeout=0)
    member = kicked.my_chat_member.new_chat_member
    assert isinstance(member, ChatMemberBanned) and member.until_date.timestamp() == 0
    assert to_new.message.chat.id == -70 and to_new.message.chat.type == "group"
    assert to_new.message.migrate_to_chat_id == -1000070
    assert from_old.message.chat.id == -1000070 and from_old.message.chat.type == "supergroup"
    assert from_old.message.migrate_from_chat_id == -70 and from_old.message.from_user.id == 5
    with pytest.raises(ChatMigrated):
        await bot.send_message(-70, "x")


async def test_application_end_to_end(emu: Emulator) -> None:
    """A real PTB Application polls the emulator; commands, buttons and inline queries flow."""

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_html(
            "<b>أهلاً</b>", reply_markup=keyboard(("الغوطة", "t:1")))

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        q = update.callback_query
        assert q is not None and q.message is not None
        await q.answer("تم")
        await q.edit_message_text(f"اخترت {q.data}")

    async def inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.inline_query is not None
        await update.inline_query.answer([InlineQueryResultArticle(
            "r1", "نتيجة", InputTextMessageContent("<b>نص</b>", parse_mode="HTML"))])

    app = Application.builder().token(TOKEN).base_url(emu.base_url).build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(pressed))
    app.add_handler(InlineQueryHandler(inline))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            emu.send_user_message(77, "/start", user=User(77, "Ali", "ar"))
            [welcome] = await emu.await_messages(77, 1)
            assert welcome.plain_text == "أهلاً" and welcome.button_texts() == ["الغوطة"]
            qid = emu.click(welcome, "الغوطة")
            answer = await emu.await_callback_answer(qid)
            assert answer["text"] == "تم"
            await emu.await_for(lambda: emu.messages(77)[0].edits == 1)
            assert emu.messages(77)[0].plain_text == "اخترت t:1"
            iq = emu.inline_query("غوطة", user=User(78))
            result = await emu.await_inline_answer(iq)
            assert result["results"][0]["id"] == "r1"
        finally:
            await app.updater.stop()
            await app.stop()


def test_wait_for_messages_blocking(emu: Emulator) -> None:
    """The blocking wait (for threads and scripts) wakes when another thread's send lands."""
    import threading

    import httpx

    with pytest.raises(TimeoutError):
        emu.wait_for_messages(1, 1, timeout=0.05)

    def send() -> None:
        time.sleep(0.05)
        httpx.post(f"{emu.base_url}{TOKEN}/sendMessage",
                   json={"chat_id": 1, "text": "<b>نص</b>", "parse_mode": "HTML"}, timeout=5)
    sender = threading.Thread(target=send)
    sender.start()
    [msg] = emu.wait_for_messages(1, 1, timeout=5)
    sender.join()
    assert msg.plain_text == "نص" and msg.entities[0]["type"] == "bold"


@pytest.mark.parametrize("status", ["member", "administrator", "creator", "restricted",
                                    "left", "kicked"])
async def test_every_bot_membership_update_parses_in_ptb(emu: Emulator, bot: Bot,
                                                         status: str) -> None:
    """QA10 F13: an "administrator" my_chat_member lacked the fields the Bot API always sends,
    PTB could not parse it and logged "Error while parsing updates!" in a loop."""
    emu.add_group(-100900, "g")
    emu.chat_member_update(-100900, new_status=status, old_status="left")
    [update] = await bot.get_updates(timeout=0)
    change = update.my_chat_member
    assert change is not None and change.new_chat_member.status == status
    assert change.new_chat_member.user.id == emu.bot_user.id


async def test_non_text_messages_and_edits_parse_in_ptb(emu: Emulator, bot: Bot) -> None:
    """The updates bot.other_messages.not_text and bot.other_messages.edited are tested with."""
    emu.send_user_content(42, "sticker")
    emu.send_user_content(42, "photo", caption="الغوطة")
    emu.send_user_content(42, "location")
    message_id = emu.send_user_message(42, "لبنن")
    emu.edit_user_message(42, message_id, "لبنان")
    updates = await bot.get_updates(timeout=0)
    sticker, photo, location, typed, edited = updates
    assert sticker.message is not None and sticker.message.sticker is not None
    assert photo.message is not None and photo.message.caption == "الغوطة" and photo.message.photo
    assert location.message is not None and location.message.location is not None
    assert typed.message is not None and edited.edited_message is not None
    assert (edited.edited_message.message_id, edited.edited_message.text) == (message_id, "لبنان")
    with pytest.raises(ValueError):
        emu.send_user_content(42, "hologram")
