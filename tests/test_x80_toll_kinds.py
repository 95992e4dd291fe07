"""X80 item 2: deaths and injuries are two tolls. A corrected report whose deaths went down
while its injuries went up («وارتفع عدد الجرحى إلى 95 بعد أن كان 80») was told as a downward
revision of the toll: X74's rule compared the headlines' highest figures across kinds («مقتل 52
وإصابة 80» → «مقتل 49»: 49 < 80) and took any revision sentence naming a toll, the injuries'
rise included. Now each kind is compared with itself, and the revision must be said of the toll
that went down (or of no kind: «خفضت السلطات الحصيلة»).

Real parts for the delivery: a local news site, the real poller and its re-read of corrected
entries, real SQLite, the real sender against the emulator (test_x74_down_corrections' kit).
Each version's body differs (a page re-read as it was stored backs its entry off: QA41 T1).
"""

from __future__ import annotations

from telegram import Bot
from test_x74_down_corrections import _kinds, _report, _send, _start, site  # noqa: F401

from bot.emulator import Emulator
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.storage import Database
from digests.toll_revisions import (
    DEAD,
    HURT,
    down_kinds,
    states_revision,
    toll_kinds,
)

BLAST = "{toll} في انفجار سيارة مفخخة ببغداد"
ROSE = "وقالت الشرطة إن عدد الجرحى ارتفع إلى 95 بعد أن كان 80 في حصيلة سابقة."
REVISED = "وقالت الشرطة إن عدد القتلى 49 وليس 52 كما أعلن سابقا."
PLAIN = "وأفادت الشرطة بـ{toll} في الانفجار، والتحقيقات جارية لمعرفة الجهة المسؤولة."


def test_each_toll_is_compared_with_itself() -> None:
    assert toll_kinds("مقتل 52 وإصابة 80 في انفجار") == [(DEAD, 52), (HURT, 80)]
    assert toll_kinds("إصابة 80 ومقتل 52") == [(HURT, 80), (DEAD, 52)]
    assert toll_kinds("52 قتيلا و80 جريحا") == [(DEAD, 52), (HURT, 80)]
    assert toll_kinds("ارتفاع حصيلة الجرحى إلى 95") == [(HURT, 95)]
    assert toll_kinds("ارتفاع الحصيلة إلى 52") == [(DEAD, 52)]
    # the dead of one headline are not compared with the hurt of the other (before: 60 < 80)
    assert not down_kinds("مقتل 52 وإصابة 80", "مقتل 60")
    assert down_kinds("مقتل 52 وإصابة 80", "مقتل 49") == {DEAD}
    assert down_kinds("مقتل 52 وإصابة 80", "مقتل 49 وإصابة 95") == {DEAD}
    assert down_kinds("مقتل 52 وإصابة 80", "مقتل 52 وإصابة 70") == {HURT}
    assert down_kinds("مقتل 52 وإصابة 80", "مقتل 49 وإصابة 80")


def test_the_revision_is_said_of_the_toll_that_went_down() -> None:
    dead = frozenset({DEAD})
    assert not states_revision("مقتل 49", ROSE, dead)  # before: any toll sentence
    assert states_revision("مقتل 49", ROSE)  # no kind asked: as before
    assert states_revision("مقتل 49", REVISED, dead)
    assert states_revision("مقتل 49", "وخفضت السلطات الحصيلة إلى 49.", dead)  # no kind named
    assert states_revision("مقتل 52 وإصابة 70", ROSE.replace("ارتفع", "انخفض")
                           .replace("95", "70"), frozenset({HURT}))


async def test_the_injuries_rising_are_no_revision_of_the_deaths(
        database: Database, settings: Settings, site: SampleSite,  # noqa: F811
        emu: Emulator, bot: Bot) -> None:
    await _start(database, settings, site, "انفجار سيارة")
    first = BLAST.format(toll="مقتل 49")
    for i, toll in enumerate(("مقتل 40", "مقتل 49", "مقتل 52 وإصابة 80")):
        await _report(site, database, settings, BLAST.format(toll=toll),
                      [PLAIN.format(toll=toll)], 20 * i)
        assert await _send(database, bot, 20 * i + 1) == 1  # the alert, then two «🔄»
    # back to the 49 the reader had, the text telling the injuries' rise: silent
    await _report(site, database, settings, first, [ROSE], 60)
    assert await _send(database, bot, 61) == 0  # before: «🔄» as a revision down
    assert len(emu.messages(42)) == 3 and len(_kinds(database)) == 3
    # flipped to 52 again (gone already: silent), then back saying the deaths were revised: told
    toll = "مقتل 52 وإصابة 80"
    await _report(site, database, settings, BLAST.format(toll=toll), [PLAIN.format(toll=toll)],
                  80)
    assert await _send(database, bot, 81) == 0
    await _report(site, database, settings, first, [REVISED], 100)
    assert await _send(database, bot, 101) == 1
    assert _kinds(database)[3].startswith("update:down:")
