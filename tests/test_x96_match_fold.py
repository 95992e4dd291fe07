"""X96 (QA64-12): /digest showed one match twice — Sevilla 2–2 Barcelona of 31 March 2018, told by
CNN through its hero («ميسي يقود برشلونة إلى "ريمونتادا"») and by Sky News through the table
(«برشلونة ينجو بأعجوبة من أول هزيمة بالدوري»), six minutes apart, two stored stories. Two causes:
/digest never folded stories at all (digests.story_folds ran for delivered bundles only), and
the pair model reads these two at p 0.53, below FOLD_PROBABILITY. Now /digest folds as bundles
do, and `same_match` joins two reports led by one match's result; two games of one league or
one tournament the same evening stay apart. Texts: the corpus's own reports (first 600
characters). Real SQLite archive, the bot against the Telegram emulator."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from botkit import READER, running_bot

from digests.models import iso
from digests.storage import Database
from digests.story_folds import FOLD_PROBABILITY, pair_probability

CNN = ('ميسي يقود برشلونة إلى "ريومنتادا" أمام إشبيلية في آخر 3 دقائق',
    'دبي، الإمارات العربية المتحدة (CNN) – حقق برشلونة "ريمونتادا" أمام إشبيلية، بعد أن تعادل الفريقان بهدفين لمثلهما، رغم تأخر الفريق الكتالوني بهدفين نظيفين حتى الدقيقة 87 من عمر اللقاء.\nفعلى أرضية ملعب "رامون سانشيز بيسخوان"، تقدم الفريق الأندلسي عند الدقيقة 36 عبر اللاعب الأرجنتيني فرانكو فاسكيز.\nوفي الشوط الثاني، عزز إشبيلية تقدمه بالهدف الثاني عبر الكولومبي لويس مورييل، عند الدقيقة 50، قبل أن يقلص الأوروغوياني لويس سواريز الفارق عند الدقيقة 87.\nوبعد هدف سواريز بدقيقة واحدة، ظهر النجم الأرجنتيني ليونيل ميسي وسجل هدف التعادل للفريق الكتالوني، لتنتهي المباراة بهدفين لمثلهما.\nولم يظهر برشلونة بمس')
SKY = ('برشلونة ينجو بأعجوبة من أول هزيمة بالدوري',
    'نجا برشلونة الإسباني بأعجوبة من أول خسارة في الدوري أمام مضيفه إشبيلية في المرحلة 30 من الدوري الإسباني يوم السبت.\nوكانت النتيجة تشير إلى تفوق أصحاب الأرض بهدفين مقابل لا شيء حتى الدقيقة 88 من المباراة حين تمكن لويس سواريز من تسجيل الهدف الاول للفريق الكتالوني.\nوبعد دقيقة واحدة فقط تمكن ليونيل ميسي من تسجيل هدف التعادل من تسديدة بعيدة استقرت على يمين حارس إشبيلية.\nوكان أصحاب الأرض بدأوا التسجيل عبر فرانكو فازكويز في الدقيقة 36، قبل أن يضيف لويس مورييل الهدف الثاني عند الدقيقة 50.\nوبهذه النتيجة حافظ برشلونة على سجله خاليا من الهزائم في الدوري الإسباني هذا الموسم بعد 30 مرحلة.')
LEICESTER = ('الدوري الانجليزي: ليستر سيتي يفوز بأربعة أهداف مقابل هدف واحد على ويست بروميتش ألبيون',
    'عمق فريق ليستر سيتي جراح مضيفه ويست بورميتش ألبيون في ذيل ترتيب الدوري الانجليزي عندما فاز عليه بأربعة أهداف مقابل هدف واحد.\nوكان ويست بورميتش سباقا للتسجيل عن طريق سلومون روندون، الذي قطع، في الدقيقة الثامنة من المباراة، تمريرة عرضية من زميله، أوليفر بيرك، وأسكنها شباك حارس ليستر، غاسبر شمايكل.\nولكن فرحة زملاء المصري أحمد حجازي لم تدم طويلا، إذ تمكن هداف ليستر، جيمي فاردي، من تعديل النتيجة في الدقيقة 21 من المباراة، عندما استلم كرة عالية خادعت دفاع ويست بورميتش، من الجزائري رياض محرز، الذي عاد إلى مستواه الجيد في الأسابيع الأخيرة بعد أزمة فشل صفقة انتقاله إلى مانشستر سيتي.\nوعاد محرز في الدقيق')
WEST_HAM = ('فوضى عارمة.. جماهير ويست هام تجتاح الملعب وقائد الفريق يضرب مشجعا',
    'دبي، الإمارات العربية المتحدة (CNN) – شهدت مباراة ويست هام يونايتد وبيرنلي أحداث شغب قد تكون غير مسبوقة في الدوري الإنجليزي الممتاز، حين اقتحم عدد من مشجعي ويست هام أرضية ملعب فريقهم، ليقوم قائد الفريق بضرب أحد المشجعين ورميه على أرضية الملعب، كما قام بدلاء بيرنلي بإخلاء مقاعدهم لحماية المشجعين الصغار من الأحداث التي شهدتها المباراة.\nوفي تفاصيل الحادثة، قام مئات المشجعين باقتحام أرضية الملعب بعد أن تلقي فريقهم لهدفين في المباراة التي أقيمت على أرضية ملعب لندن، بينما قام آخرون بالوقوف أمام المنصة الرئيسية وتوجيه رسائلهم لمالك النادي الذي كان يتابع اللقاء.\nمن جانبه، قام قائد الفريق، مارك نوبل، ب')
DJOKOVIC = ('جوكوفيتش "يستسلم" أمام لاعب مغمور في إنديان ويلز',
    'قدم نوفاك جوكوفيتش أداء محيرا ليخسر المصنف الأول على العالم سابقا أمام الياباني الصاعد من التصفيات تارو دانييل في الدور الثاني لبطولة إنديان ويلز المفتوحة للتنس في كاليفورنيا، ليل الأحد.\nوبعد عودته من جراحة لعلاج مشكلة في المرفق الأيمن، بدا جوكوفيتش ظلا للاعب المسيطر في الماضي وخسر 7-6 و4-6 و6-1 ليودع سريعا البطولة التي أحرز لقبها خمس مرات. وأثار أداء جوكوفيتش في المجموعة الأخيرة أمام المصنف 109 عالميا على الملعب الرئيسي دهشة البعض. وتساءل الأميركي جيم كوريير الفائز بأربعة ألقاب في البطولات الكبرى عن الجهد الذي قدمه اللاعب الصربي قائلا إن جوكوفيتش "استسلم". وقال كوريير في تعليقه على المباراة ع')
HALEP = ('هاليب تتجنب سقطة مفاجئة في "إنديان ويلز"',
    'استطاعت اللاعبة الرومانية سيمونا هاليب، المصنفة الأولى، تجنب هزيمة مفاجئة في الدور الثالث لبطولة إنديان ويلز المفتوحة للتنس، الأحد.\nوبذلت هاليب جهدا كبيرا لتهزم الأميركية كارولين دوليهايد، المصنفة 165 عالميا، 1-6 و7-6 و6-2.\nوتفوقت دوليهايد على هاليب في المجموعة الأولى، لكن سرعان ما فرضت المصنفة الأولى سيطرتها.\nوبعد أن فازت بصعوبة في الشوط الفاصل بالمجموعة الثانية، مضت لتهزم منافستها الشابة المرهقة.')
OTHER = ("افتتاح معرض القاهرة الدولي للكتاب",
         "افتتح وزير الثقافة المصري معرض القاهرة الدولي للكتاب في دورته الجديدة بمشاركة دور"
         " نشر من أربعين دولة، ويستمر المعرض أسبوعين وتقام على هامشه ندوات وأمسيات شعرية.")


def _row(n: int, report: tuple[str, str], minutes: float, now: datetime) -> tuple[object, ...]:
    return (n, report[0], report[1], iso(now - timedelta(minutes=minutes)), n)


def test_one_match_told_twice_is_one_event() -> None:
    now = datetime(2018, 3, 31, 21, 0, tzinfo=timezone.utc)
    cnn, sky = _row(1, CNN, 21, now), _row(2, SKY, 14, now)
    assert pair_probability(cnn, sky) >= FOLD_PROBABILITY
    assert pair_probability(sky, cnn) >= FOLD_PROBABILITY
    # hours apart is another game of the same two sides
    assert pair_probability(_row(1, CNN, 60 * 30, now), sky) < FOLD_PROBABILITY


def test_two_games_of_one_league_or_tournament_stay_apart() -> None:
    now = datetime(2018, 3, 12, 9, 0, tzinfo=timezone.utc)
    assert pair_probability(_row(1, LEICESTER, 30, now), _row(2, WEST_HAM, 8, now)) \
        < FOLD_PROBABILITY  # «ويست بروميتش» and «ويست هام»: one word, two clubs
    assert pair_probability(_row(1, DJOKOVIC, 300, now), _row(2, HALEP, 10, now)) \
        < FOLD_PROBABILITY  # two games at Indian Wells
    assert pair_probability(_row(1, CNN, 30, now), _row(2, LEICESTER, 10, now)) \
        < FOLD_PROBABILITY


def _archive(path: Path, now: datetime) -> None:
    with Database(path) as db, db.transaction() as tx:
        for sid in (1, 2, 3):
            tx.execute("insert into sources (id, url, name, added_at) values (?,?,?,?)",
                       [sid, f"https://s{sid}.example/feed", f"مصدر {sid}", iso(now)])
        for n, source, (title, body), minutes in ((1, 1, CNN, 21), (2, 2, SKY, 14),
                                                  (3, 3, OTHER, 40)):
            at = iso(now - timedelta(minutes=minutes))
            tx.execute(
                "insert into articles (id, source_id, url, url_key, content_hash, title,"
                " headline, body, published_at, fetched_at, updated_at, story_id)"
                " values (?,?,?,?,?,?,?,?,?,?,?,?)",
                [n, source, f"https://news.example/{n}", f"news.example/{n}", f"h{n}", title,
                 title, body, at, at, at, 10 * n])


async def test_digest_shows_the_match_once(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    _archive(path, datetime.now(timezone.utc))
    async with running_bot(path) as h:
        got = await h.say(READER, "/digest", n=2)
        shown = got[1].plain_text
        assert OTHER[0] in shown
        heads = [line for line in shown.splitlines() if CNN[0] in line or SKY[0] in line]
        assert len(heads) == 1, shown  # one block; the other report may be its link
