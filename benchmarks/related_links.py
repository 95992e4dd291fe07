"""Related-block extraction on a page listing N related links (QA38 A2): CPU and what is stored.

A hostile (or merely huge) page lists thousands of links under «مواضيع ذات صلة». The figures are
`extract_page`'s CPU time (process time, median of --runs) and the size of the `related_json`
the archive would store for it (digests.models.related_to_json).

Run: .venv/bin/python benchmarks/related_links.py [--sizes 1000 8000 40000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digests.records import related_to_json  # noqa: E402
from digests.pages import extract_page  # noqa: E402


def page(n: int) -> str:
    """An article whose related block lists `n` links, each in its own <li> with a date."""
    items = "".join(f'<li><a href="/r/{i}.html">خبر ذو صلة رقم {i}</a> <time datetime='
                    f'"2018-02-0{1 + i % 3}T10:00:00+03:00">٢٠١٨</time></li>' for i in range(n))
    return ('<html><head><meta charset="utf-8"><title>t</title></head><body><article>'
            '<h1>عنوان عن الغوطة</h1><p>'
            + "قال المتحدث إن القصف على الغوطة الشرقية استمر طوال الليل. " * 5
            + f"</p><section><h2>مواضيع ذات صلة</h2><ul>{items}</ul></section></article>"
            "</body></html>")


def measure(n: int, runs: int) -> tuple[float, int, int, int]:
    """(median CPU seconds, page bytes, related items kept, related_json bytes)."""
    html = page(n)
    times: list[float] = []
    kept = stored = 0
    for _ in range(runs):
        started = time.process_time()
        result = extract_page(html, "http://example.com/a")
        times.append(time.process_time() - started)
        kept = len(result.related)
        stored = len(related_to_json(result.related).encode())
    return statistics.median(times), len(html.encode()), kept, stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 8000, 40000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{'links':>7} {'page MB':>8} {'cpu s (median)':>15} {'kept':>6} {'related_json':>13}")
    for n in args.sizes:
        cpu, size, kept, stored = measure(n, args.runs)
        print(f"{n:7d} {size / 1e6:8.2f} {cpu:15.3f} {kept:6d} {stored:13,d}")


if __name__ == "__main__":
    main()
