"""QA42 B4, the /digest half: a followed topic's section of «نشرتي» lists only stories about the
topic, by the rule its alerts use (digests.topic_match.alert_matches): a column that names
«ليفربول» once in passing, which the search finds, is not listed under «ليفربول». Real SQLite,
real PTB against the emulator, the bot's clock at the test's NOW."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db
from test_search import NOW, add

from bot.runtime import RUNTIME_KEY
from digests.storage import Database

COLUMN = "أحبك وأشجعك"
REPORT = "ليفربول يهزم مانشستر سيتي ويتأهل إلى نصف نهائي دوري الأبطال"


def _seed(path: Path) -> None:
    with Database(path) as db:
        add(db, 900800, REPORT, "فاز ليفربول على مانشستر سيتي بثلاثة أهداف في مباراة الإياب."
            " وقال مدرب ليفربول إن فريقه لعب مباراة كبيرة.", days_ago=0.12)
        add(db, 900801, COLUMN,
            "الحب أن تقف إلى جانب من تحب في أيامه الصعبة كما في أيامه السعيدة، وأن تشجعه حين"
            " يتعثر. " * 6 + "\n\nكنت أشاهد مباراة ليفربول مع صديقي حين قال لي ذلك. "
            + "والتشجيع كلمة طيبة تقال في وقتها، ويد تمتد حين يحتاجها الآخر. " * 6,
            days_ago=0.08)
        # the general top stories, newer: the column is not among them, so all that lists
        # it in «نشرتي» is the topic's section
        for i, word in enumerate(["الموازنة", "الانتخابات", "الطقس", "النفط", "الذهب",
                                  "المدارس", "الطرق", "الكهرباء", "المياه", "الصحة", "الزراعة",
                                  "السياحة", "الإسكان", "النقل", "الاتصالات", "الصناعة"]):
            add(db, 900900 + i, f"خبر جديد عن {word}", f"تفاصيل جديدة عن {word} اليوم.",
                days_ago=0.04)


async def test_a_column_naming_the_topic_in_passing_is_not_under_it(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    _seed(path)
    async with running_bot(path) as h:
        h.app.bot_data[RUNTIME_KEY].clock = lambda: NOW
        await h.say(READER, "/subscribe ليفربول")
        from bot.my_digest import my_digest
        rt = h.app.bot_data[RUNTIME_KEY]
        topic_part = my_digest(rt, ["ليفربول"], NOW)
        general = my_digest(rt, [], NOW)
        answers = await h.say(READER, "/digest")
    text = "\n".join(a.plain_text for a in answers)
    assert COLUMN not in [d.headline for d in general]  # so only the topic could list it
    headlines = [d.headline for d in topic_part]
    assert REPORT in headlines, headlines  # the report about Liverpool is listed
    assert COLUMN not in headlines, headlines
    assert REPORT in text and COLUMN not in text
