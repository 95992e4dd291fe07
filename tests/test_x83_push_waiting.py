"""X83 (QA55-7, S3): /push's «queued» answer in grammatical Arabic, its time in Arabic digits.

«لا أخبار جديدة لإرسالها: خبرين في قائمة الإرسال … الآن، تُرسل نحو الساعة 23:00، وأُرسل ٤ أخبار من
قبل.»: «خبرين» (the accusative dual) was the subject, «تُرسل» did not agree with one story
(«يُرسل») nor two («يُرسلان»), and the time was in Latin digits where /stats writes «١٧:٥٥».
Now «خبران … يُرسلان نحو الساعة ٢٣:٠٠»; English unchanged.

Real PTB Application against the emulator, real SQLite (the sample archive; the followers' rows
queued as a poll queues an alert: test_x76_push_waiting's set-up).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from botkit import ADMIN, running_bot, sample_db
from test_x76_push_waiting import _queue, due_words, plain




async def test_two_queued_stories_are_the_subject_and_their_verb_agrees(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    due = _queue(path, pending=2, due_in=timedelta(minutes=3))
    async with running_bot(path) as h:
        [answer] = await h.say(ADMIN, "/push")
        text = answer.plain_text
        assert ("خبران في قائمة الإرسال لمتابعي النشرة العامة الآن، يُرسلان "
                + due_words(h.db, due)) in plain(text), text
        assert "، وأُرسل ٣ أخبار منها من قبل." in text, text


async def test_one_queued_story_and_two_sent(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    _queue(path, pending=3, due_in=timedelta(minutes=3))
    with_one = tmp_path / "one"
    with_one.mkdir()
    one = sample_db(with_one)
    _queue(one, pending=1, due_in=timedelta(minutes=3))
    async with running_bot(one) as h:
        [answer] = await h.say(ADMIN, "/push")
        assert "الآن، يُرسل نحو الساعة " in answer.plain_text, answer.plain_text
        assert "٤ أخبار منها من قبل" in answer.plain_text
    async with running_bot(path) as h:
        [answer] = await h.say(ADMIN, "/push")
        assert "٣ أخبار في قائمة الإرسال" in answer.plain_text, answer.plain_text
        assert "الآن، تُرسل نحو الساعة" in answer.plain_text
        assert "وأُرسل خبران منها من قبل" in answer.plain_text, answer.plain_text
