"""Quote quality and digest speed of the condenser, measured against the hand-annotated gold set.

Quality: benchmarks/gold/quotes.jsonl (annotated by hand by another engineer, independently of this
code; rules in benchmarks/gold/README.md). The matching rule is the one that file documents:

* texts are normalized (digests.arabic.normalize, punctuation and quote marks dropped) and compared
  as word lists; a prediction matches a gold quote of the same article when the common words
  (with multiplicity) are ≥ 50% of the shorter one; each gold quote matches at most one prediction;
* precision = matched predictions / predictions (articles without gold quotes count);
* recall = matched `key: true` gold quotes / key gold quotes (recall over all gold quotes is printed
  too);
* speaker accuracy over matched pairs: normalized speakers equal, or one contains the other, or
  the prediction equals/contains/is contained in one of `speaker_aliases`.

Two predictions are scored: the digest's quotes (at most 3, `condense`) — the headline figure — and
every candidate the finder keeps (`find_quotes`, against all gold quotes).

Speed: `condense` time per article over the whole corpus (median and p95 of the per-article median
of several runs).

Usage: .venv/bin/python benchmarks/digest_quality.py [--gold PATH] [--corpus PATH] [--runs N]
       [--limit N] [--dev-ids N] [--sets dev1,dev2] [--show] [--no-speed]
Gold files: quotes.jsonl (50 articles; its first `--dev-ids` 20 are set `dev1`, the rest `holdout1`)
and quotes2.jsonl (74 articles by three other annotators; sets `dev2` and `holdout2`; holdout2 was
scored once, untouched, in session 2 and is development data now). Every set is reported
separately; `--sets dev1,dev2` scores only those; without `--sets` only the development sets are
scored (a test set must be named to be scored). quotes3.jsonl (60 articles, set `holdout3`) was the
test set scored once at the end of session 2 (development data since); quotes4.jsonl (75 articles,
`train4`) is training data for the ranking; quotes5.jsonl (60 articles, `holdout5`) is the test of
session 3, scored once at its end (development data since session 4); quotes6.jsonl (60 articles,
`holdout6`) was the test of session 4 and quotes7.jsonl (60 articles, `holdout7`) the test of
session 5 (both development data since session 6); quotes8.jsonl (60 articles, `holdout8`) was the
test of session 6, quotes9.jsonl (60 articles, `holdout9`) the test of session 7, quotes10.jsonl
(60 articles, `holdout10`) the test of session 8 quotes11.jsonl (60 articles, `holdout11`) the
test of session 9, quotes12.jsonl (60 articles, `holdout12`) the test of session 10 and
quotes13.jsonl (60 articles, `holdout13`) the test of session 11, quotes14.jsonl (60
articles, `holdout14`) the test of session 12, quotes15.jsonl (60 articles, `holdout15`) the
test of session 13, quotes16.jsonl (60 articles, `holdout16`) the test of session 14,
quotes17.jsonl (60 articles, `holdout17`) the test of session 15, quotes18.jsonl (60 articles,
`holdout18`) the test of session 16, quotes19.jsonl (60 articles, `holdout19`) the test of
session 17, quotes20.jsonl (60 articles, `holdout20`) the test of session 18, quotes21.jsonl (60
articles, `holdout21`) the test of session 19, quotes22.jsonl (60 articles, `holdout22`) the
test of session 20, quotes23.jsonl (60 articles, `holdout23`) the test of session 21,
quotes24.jsonl (60 articles, `holdout24`) the test of session 22, quotes25.jsonl (60 articles,
`holdout25`) the test of session 23, quotes26.jsonl (60 articles, `holdout26`) the test of
session 24, quotes27.jsonl (60 articles, `holdout27`) the test of session 25, quotes28.jsonl
(60 articles, `holdout28`) the test of session 26 and quotes29.jsonl (60 articles, `holdout29`) the
test of session 27 (development data since). `--show` prints only the development sets.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digests.arabic import normalize  # noqa: E402
from digests.digest import condense  # noqa: E402
from digests.models import Article, parse_iso  # noqa: E402
from digests.quotes import TRIM_MARK, find_quotes  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
GOLD = [ROOT / "benchmarks" / "gold" / name
        for name in ("quotes.jsonl", "quotes2.jsonl", "quotes3.jsonl", "quotes4.jsonl", "quotes5.jsonl",
                     "quotes6.jsonl", "quotes7.jsonl", "quotes8.jsonl", "quotes9.jsonl",
                     "quotes10.jsonl", "quotes11.jsonl", "quotes12.jsonl", "quotes13.jsonl",
                     "quotes14.jsonl", "quotes15.jsonl", "quotes16.jsonl", "quotes17.jsonl",
                     "quotes18.jsonl", "quotes19.jsonl", "quotes20.jsonl", "quotes21.jsonl",
                     "quotes22.jsonl", "quotes23.jsonl", "quotes24.jsonl",
                     "quotes25.jsonl", "quotes26.jsonl", "quotes27.jsonl",
                     "quotes28.jsonl", "quotes29.jsonl")]
# Sets whose mismatches `--show` may print (holdout2 and holdout3 were scored once, untouched, in
# session 2, holdout5 in session 3, holdout6 in session 4, holdout7 in session 5, holdout8 in
# session 6, holdout9 in session 7, holdout10 in session 8, holdout11 in session 9, holdout12 in session 10, holdout13 in session 11, holdout14 in session 12, holdout15 in session 13, holdout16 in session 14, holdout17 in session 15, holdout18 in session 16, holdout19 in session 17, holdout20 in session 18, holdout21 in session 19, holdout22 in session 20, holdout23 in session 21, holdout24 in session 22, holdout25 in session 23, holdout26 in session 24, holdout27 in session 25, holdout28 in session 26 and holdout29 in session 27, and are development data now; train4 is training data); any other set is only
# scored, never printed.
DEVELOPMENT = frozenset({"dev1", "holdout1", "dev2", "holdout2", "holdout3", "train4", "holdout5",
                         "holdout6", "holdout7", "holdout8", "holdout9", "holdout10",
                         "holdout11", "holdout12", "holdout13", "holdout14", "holdout15",
                         "holdout16", "holdout17", "holdout18", "holdout19",
                         "holdout20", "holdout21", "holdout22", "holdout23",
                         "holdout24", "holdout25", "holdout26", "holdout27",
                         "holdout28", "holdout29"})
_PUNCT_RE = re.compile(r"[^\w\s]|_", re.UNICODE)


def words(text: str) -> list[str]:
    """Normalized words of a span: the matching rule's word list."""
    if text.endswith(TRIM_MARK):
        text = text[: -len(TRIM_MARK)]
    return _PUNCT_RE.sub(" ", normalize(text)).split()


def overlap(a: Sequence[str], b: Sequence[str]) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return common / min(len(a), len(b))


def speaker_ok(pred: str, gold: dict[str, Any]) -> bool:
    p = " ".join(words(pred))
    if not p:
        return False
    aliases = gold.get("speaker_aliases") or []
    names = [str(gold.get("speaker", ""))] + [str(x) for x in aliases if isinstance(aliases, list)]
    for name in names:
        g = " ".join(words(name))
        if g and (p == g or p in g or g in p):
            return True
    return False


@dataclass
class Score:
    articles: int = 0
    predicted: int = 0
    matched_pred: int = 0
    gold_key: int = 0
    matched_key: int = 0
    gold_all: int = 0
    matched_all: int = 0
    speaker_pairs: int = 0
    speaker_right: int = 0

    def add(self, preds: Sequence[tuple[str, str]], gold: Sequence[dict[str, object]],
            show: str = "") -> None:
        """Greedy one-to-one matching, best overlap first."""
        self.articles += 1
        self.predicted += len(preds)
        self.gold_all += len(gold)
        self.gold_key += sum(1 for g in gold if g.get("key"))
        pairs = []
        for i, (text, _) in enumerate(preds):
            for j, g in enumerate(gold):
                ov = overlap(words(text), words(str(g["text"])))
                if ov >= 0.5:
                    pairs.append((ov, i, j))
        used_p: set[int] = set()
        used_g: set[int] = set()
        for ov, i, j in sorted(pairs, reverse=True):
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            self.matched_pred += 1
            self.matched_all += 1
            self.matched_key += 1 if gold[j].get("key") else 0
            self.speaker_pairs += 1
            right = speaker_ok(preds[i][1], gold[j])
            self.speaker_right += right
            if show and not right:
                print(f"  speaker? {show}: predicted «{preds[i][1]}» gold «{gold[j]['speaker']}»")
        if show:
            for i, (text, spk) in enumerate(preds):
                if i not in used_p:
                    print(f"  unmatched prediction {show}: «{spk}»: {text[:90]}")
            for j, g in enumerate(gold):
                if j not in used_g and g.get("key"):
                    print(f"  missed key quote {show}: «{g['speaker']}»: {str(g['text'])[:90]}")

    def line(self, label: str) -> str:
        p = self.matched_pred / self.predicted if self.predicted else 1.0
        r = self.matched_key / self.gold_key if self.gold_key else 1.0
        ra = self.matched_all / self.gold_all if self.gold_all else 1.0
        s = self.speaker_right / self.speaker_pairs if self.speaker_pairs else 1.0
        return (f"{label:<34} articles {self.articles}  precision {p:.2f} ({self.matched_pred}/{self.predicted})  "
                f"recall(key) {r:.2f} ({self.matched_key}/{self.gold_key})  "
                f"recall(all) {ra:.2f} ({self.matched_all}/{self.gold_all})  "
                f"speaker {s:.2f} ({self.speaker_right}/{self.speaker_pairs})")


def read_corpus(path: Path) -> Iterator[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def to_article(n: int, row: dict[str, str]) -> Article:
    published: datetime | None = None
    try:
        published = parse_iso(row.get("published"))
    except ValueError:
        published = None
    return Article(id=n, source_id=1, source_name=row.get("source", ""), url=row.get("url", ""),
                   title=row.get("title", ""), published_at=published,
                   paragraphs=tuple(p for p in row.get("text", "").split("\n") if p.strip()))


def gold_sets(paths: Sequence[Path], dev_ids: int) -> list[tuple[str, dict[str, Any]]]:
    """(set name, gold row) for every annotated article of the given files.

    quotes.jsonl has no `set` field: its first `dev_ids` articles are `dev1` (the batch the
    condenser was first developed against), the rest `holdout1`. quotes2.jsonl names its sets
    (`dev2`, `holdout2`).
    """
    out: list[tuple[str, dict[str, Any]]] = []
    for path in paths:
        if not path.exists():
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
        for n, g in enumerate(rows):
            out.append((str(g.get("set") or ("dev1" if n < dev_ids else "holdout1")), g))
    return out


def quality(gold_paths: Sequence[Path], corpus: dict[str, dict[str, str]], dev_ids: int,
            show: bool, only: Sequence[str] = ()) -> None:
    rows = [(name, g) for name, g in gold_sets(gold_paths, dev_ids) if not only or name in only]
    groups: dict[str, tuple[Score, Score]] = {"all": (Score(), Score())}
    missing = 0
    for n, (set_name, g) in enumerate(rows):
        row = corpus.get(g["id"])
        if row is None:
            missing += 1
            continue
        article = to_article(n, row)
        digest = condense(article)
        top = [(q.text, q.speaker) for q in digest.quotes]
        every = [(c.text, c.speaker) for c in find_quotes(article.paragraphs)]
        for name in ("all", set_name):
            groups.setdefault(name, (Score(), Score()))
            # Only development sets print their mismatches; a fresh test set is scored, not read.
            label = g["id"] if (show and name == "all" and set_name in DEVELOPMENT) else ""
            groups[name][0].add(top, g.get("quotes", []), show=label)
            groups[name][1].add(every, g.get("quotes", []))
    print(f"gold articles: {len(rows)} ({missing} not in the corpus)")
    for name, (top_score, all_score) in sorted(groups.items(), key=lambda kv: kv[0] != "all"):
        if not top_score.articles:
            continue
        print(top_score.line(f"digest quotes (≤3), {name}"))
        print(all_score.line(f"all candidates, {name}"))


def speed(corpus: dict[str, dict[str, str]], runs: int, limit: int) -> None:
    articles = [to_article(n, row) for n, row in enumerate(corpus.values())][: limit or None]
    per_article: list[list[float]] = [[] for _ in articles]
    for _ in range(runs):
        for i, article in enumerate(articles):
            t0 = time.perf_counter()
            condense(article)
            per_article[i].append(time.perf_counter() - t0)
    times = sorted(statistics.median(t) for t in per_article)
    med = statistics.median(times) * 1000
    p95 = times[int(0.95 * (len(times) - 1))] * 1000
    print(f"condense: {len(articles)} articles x {runs} runs: median {med:.2f} ms, "
          f"p95 {p95:.2f} ms, max {times[-1] * 1000:.1f} ms per article")


def store_through_steps(db: Any, rows: Sequence[dict[str, str]], now: datetime,
                        times: list[float] | None = None) -> None:
    """Store corpus `rows` (articles 1…N, one source row per corpus source) in `db` through the
    real steps, each article in its transaction: search index, story, digest. `times` gets the
    seconds of each `store_digest` call when given. benchmarks/bundle_size.py stores its
    articles with it too."""
    from digests.digest import store_digest
    from digests.models import iso
    from digests.processing import StoreContext
    from digests.search_index import index_article
    from digests.settings import Settings
    from digests.stories import assign_story
    from digests.urls import url_key

    sources = sorted({r.get("source", "") for r in rows})
    with db.transaction() as sql:
        for n, name in enumerate(sources, 1):
            sql.table("sources").insert({"id": n, "url": f"https://{n}.example/feed",
                                         "name": name, "added_at": iso(now)})
    source_id = {name: n for n, name in enumerate(sources, 1)}
    ctx = StoreContext(now=now, settings=Settings(), backfill=True)
    for n, row in enumerate(rows, 1):
        article = replace(to_article(n, row), source_id=source_id[row.get("source", "")])
        with db.transaction() as sql:
            sql.table("articles").insert({
                "id": n, "source_id": article.source_id, "url": article.url or f"u{n}",
                "url_key": url_key(article.url or f"https://x.example/{n}") + f"#{n}",
                "content_hash": str(n), "title": article.title,
                "published_at": iso(article.published_at), "body": article.text,
                "fetched_at": iso(now), "updated_at": iso(now)})
            index_article(sql, article, ctx)
            assign_story(sql, article, ctx)
            t0 = time.perf_counter()
            store_digest(sql, article, ctx)
            if times is not None:
                times.append(time.perf_counter() - t0)


def store_speed(corpus: dict[str, dict[str, str]], count: int) -> None:
    """The store_digest step on a real SQLite file as the archive grows (search index, stories).

    Articles go in oldest first through the real steps (index, story, digest); only the digest
    step is timed (it includes the archive search and the story siblings' link refresh).
    """
    import tempfile

    from digests.storage import Database

    rows = sorted(corpus.values(), key=lambda r: r.get("published") or "")[:count]
    now = datetime.now().astimezone()
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "bench.db")
        store_through_steps(db, rows, now, times)
        db.close()
    for upto in sorted({min(1000, len(times)), len(times)}):
        part = sorted(times[upto // 2: upto]) if upto > 1 else sorted(times)
        med = statistics.median(part) * 1000
        p95 = part[int(0.95 * (len(part) - 1))] * 1000
        print(f"store_digest with {upto // 2}-{upto} articles stored: median {med:.2f} ms, "
              f"p95 {p95:.2f} ms per article")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--gold", type=Path, nargs="+", default=GOLD)
    parser.add_argument("--sets", default="",
                        help="comma-separated set names to score (default: the development sets; "
                             "a test set is scored only when named here)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="speed: only the first N articles")
    parser.add_argument("--dev-ids", type=int, default=20)
    parser.add_argument("--show", action="store_true", help="print mismatches (developer use)")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--store", type=int, default=0,
                        help="also time the store_digest step while storing N articles")
    args = parser.parse_args(argv)
    corpus = {row["id"]: row for row in read_corpus(args.corpus)}
    # The untouched test set is scored only on request, so development runs never see its figures.
    quality(args.gold, corpus, args.dev_ids, args.show,
            [x for x in args.sets.split(",") if x] or sorted(DEVELOPMENT))
    if not args.no_speed:
        speed(corpus, args.runs, args.limit)
    if args.store:
        store_speed(corpus, args.store)
    return 0


if __name__ == "__main__":
    sys.exit(main())
