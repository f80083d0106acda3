#!/usr/bin/env python3
"""Title extraction on 256 KiB pages, ordinary and pathological: milliseconds per page for
readme-gen's scanner, and for html.parser (the reference tokenizer) on the same page.

    python scripts/bench_titles.py

Target (issue 9): a few milliseconds on any 256 KiB page (the regular expressions it
replaced took 45-75 s on repeated `<title>` or `<meta a`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from html.parser import HTMLParser

from readme_gen.metadata.page import parse_meta

SIZE = 256 * 1024


def fill(unit: str, prefix: str = "<html><head>") -> str:
    return (prefix + unit * (SIZE // len(unit) + 1))[:SIZE]


PAGES = {
    "an ordinary landing page": (
        '<html><head><meta name="citation_title" content="A paper">'
        + '<meta name="citation_author" content="Ann Author">' * 40
        + "<title>A paper | Site</title>"
        + "<script>var x = 1;</script>" * 200
        + "</head><body>"
    ).ljust(SIZE, "x"),
    "repeated <title>": fill("<title>"),
    "repeated <meta a": fill("<meta a"),
    "an unclosed quote": fill("x", '<html><head><meta name="citation_title" content="'),
    "a huge attribute": fill("a", "<html><head><meta name=x data-x="),
    "repeated comment openers": fill("<!--"),
    "repeated <script>": fill("<script>"),
    "a tag per byte pair": fill("<a"),
    "many small metas": fill('<meta name="x" content="y">'),
}


def best_of(fn: Callable[[str], object], page: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(page)
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def reference(page: str) -> None:
    parser = HTMLParser()
    parser.feed(page)
    parser.close()


def main() -> None:
    print(f"{'256 KiB page':>28} {'readme-gen':>11} {'html.parser (16 KiB of it)':>27}")
    worst = 0.0
    for name, page in PAGES.items():
        ours = best_of(parse_meta, page)
        # html.parser is quadratic on some of these (141 s on 256 KiB of `<meta a`): 16 KiB
        theirs = best_of(reference, page[: SIZE // 16], runs=1)
        worst = max(worst, ours)
        print(f"{name:>28} {ours:8.2f} ms {theirs:9.1f} ms")
    print(f"worst case: {worst:.2f} ms")


if __name__ == "__main__":
    main()
