"""Review RF of X80's inline dates (fc0d6af) beside X81's day without news (67aece5).

«@bot اخبار ٢٠ آذار ٢٠١٨» on an archive with nothing that day offered the stories of 11, 10
and 8 March as that day's news, with nothing said: bot.inline still let bot.stories.latest_digests
fall back to the newest stories stored, the QA54-1 bug X81 fixed in a chat («📰 لم تصلني أخبار
…؛ هذه أحدث الأخبار:»). Now the day's stories only; none that day: the latest, and the button
above them says «لم تصلني أخبار ٢٠ مارس ٢٠١٨؛ هذه أحدثها» / "No news on 20 March 2018; the
latest:". A day with news has no such button.

Real parts: the real Application (PTB) against the emulator's inline queries, the sample archive
(real SQLite, articles of 1–11 March 2018).
"""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.emulator import User


async def test_an_inline_day_without_news_says_so(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        ar, en = User(READER, language_code="ar"), User(READER + 1, language_code="en")
        none_ar, none_en, eighth = [
            await h.emu.await_inline_answer(h.emu.inline_query(q, user=u), timeout=10)
            for q, u in (("اخبار ٢٠ آذار ٢٠١٨", ar), ("news of 20 March 2018", en),
                         ("اخبار ٨ آذار ٢٠١٨", ar))]
    assert none_ar["results"], none_ar  # the latest, under the button
    assert (none_ar.get("button") or {}).get("text") == "لم تصلني أخبار ٢٠ مارس ٢٠١٨؛ هذه أحدثها", \
        none_ar  # before: no button, 11 March's stories as if of the 20th
    assert (none_en.get("button") or {}).get("text") == "No news on 20 March 2018; the latest:", \
        none_en
    assert none_en["results"], none_en  # the latest, in English
    titles = " ".join(r["title"] for r in eighth["results"])
    assert "مقتل 19" in titles and "لودريان" not in titles, titles  # the 8th's own
    assert not eighth.get("button"), eighth
