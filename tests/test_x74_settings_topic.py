"""X74 item 5: a forum group's /settings offers its delivery topic («📍 انشر هنا»).

X71 made «📍 انشر هنا» under an admin's /subscribe the one explicit way to choose where a forum
group's news goes; /settings, where an admin looks for it, had no such button. Now /settings
shown in a topic that is not the delivery topic says where the news goes and has the button;
only an admin's press moves the news (a member's is refused), a forged or foreign callback
moves nothing, and in the delivery topic the menu has no such button.

Real parts: the real Application (PTB) against the emulator, a real SQLite file.
"""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db
from test_x71_forum import FORUM, _say_in, _thread

OTHER = -100901  # another group, where a copied callback id is pressed
POST_HERE = "📍 انشر هنا"


async def test_the_settings_menu_of_a_forum_chooses_the_delivery_topic(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(FORUM, "منتدى", admins=[ADMIN], forum=True)
        h.emu.add_group(OTHER, "مجموعة أخرى", admins=[ADMIN, READER])
        [menu] = await _say_in(h, "/settings", ADMIN, 77)
        assert POST_HERE in menu.button_texts(), menu.button_texts()
        assert "«العام»" in menu.plain_text  # where the news goes now: General
        [data] = [b["callback_data"] for b in menu.buttons() if b["text"] == POST_HERE]
        assert "77" not in data and "post" not in data  # opaque: its meaning is stored

        # a member's press, a forged payload, the id pressed in another group: nothing moves
        answer = await h.click_answer(menu, POST_HERE, user=h.user(READER))
        assert answer.get("show_alert") and _thread(h) is None
        await h.click_answer(menu, data='{"action": "post_here", "thread": 99}',
                             user=h.user(ADMIN))
        [other] = await h.say(OTHER, "/help", user=h.user(READER))
        foreign = await h.click_answer(other, data=data, user=h.user(READER))
        assert foreign.get("show_alert"), foreign
        assert _thread(h) is None

        # the admin's press: the news comes to topic 77, said there
        [said] = await h.click(menu, POST_HERE, user=h.user(ADMIN))
        assert said.message_thread_id == 77 and _thread(h) == 77
        # the menu in the delivery topic has no such button; in General it offers it again
        [here] = await _say_in(h, "/settings", ADMIN, 77)
        assert POST_HERE not in here.button_texts()
        [general] = await _say_in(h, "/settings", ADMIN, None)
        assert POST_HERE in general.button_texts() and "موضوع آخر" in general.plain_text
        [back] = await h.click(general, POST_HERE, user=h.user(ADMIN))
        assert back.message_thread_id is None and _thread(h) is None


async def test_a_group_without_topics_has_no_such_button(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(OTHER, "مجموعة", admins=[ADMIN])
        [menu] = await h.say(OTHER, "/settings", user=h.user(ADMIN))
        assert POST_HERE not in menu.button_texts() and menu.button_texts()
