#!/usr/bin/env python3
"""Benchmark the site at the size of the largest lists, in Debian's Chromium (Playwright).

A synthetic catalog of 10,000 papers (scripts/bench_build.py's, with a link report for every
URL) is written to a temporary folder; then:

- `readme-gen site --report` as a whole process (median of 3), and `build()` alone;
- the bytes a browser would transfer (each file gzipped, level 6 as web servers use);
- first render from file://: first contentful paint and the script ready (`load`), beside
  the same HTML with the script left out (the peer: a plain page);
- a keystroke: the search box's update (filter, facet counts, layout) for every prefix of a
  few queries typed a character at a time, `performance.now()` in the page, 95th percentile.

    python scripts/bench_site.py [--papers 10000]

Targets: build <= 2 s; <= 1.5 MB transferred; first render from file <= 1 s; a keystroke
<= 50 ms (p95). The seed list's whole site <= 60 KB.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import importlib.util
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from readme_gen.catalog.emit import dump_catalog  # noqa: E402
from readme_gen.catalog.load import load_catalog  # noqa: E402
from readme_gen.site.build import Options, build  # noqa: E402
from readme_gen.site.health import read_report  # noqa: E402

QUERIES = ("segmentation transformer", "zhang", "cvpr efficient", "high resolution 12")


def _bench_build():  # the synthetic catalog, declared once in bench_build.py
    spec = importlib.util.spec_from_file_location("bench_build", ROOT / "scripts/bench_build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def report_for(catalog) -> str:
    statuses = ("ok",) * 8 + ("moved", "broken")
    links = [
        {"url": link.url, "status": statuses[n % len(statuses)]}
        for n, (_, p) in enumerate(catalog.papers())
        for link in p.links
    ]
    return json.dumps({"summary": {"checked_at": "2026-01-01T05:17:00Z"}, "links": links})


def sizes(files: dict[str, bytes]) -> tuple[int, int]:
    raw = sum(map(len, files.values()))
    return raw, sum(len(gzip.compress(data, 6)) for data in files.values())


def browser(folder: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("no chromium: apt-get install chromium")
    plain = (
        (folder / "index.html")
        .read_text("utf-8")
        .replace('<script src="site.js" defer></script>', "")
    )
    (folder / "plain.html").write_text(plain, "utf-8")
    out: dict[str, float] = {}
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for name in ("index", "plain"):
            paints, loads = [], []
            for _ in range(3):
                page = b.new_page(viewport={"width": 1200, "height": 900})
                page.goto((folder / f"{name}.html").as_uri(), wait_until="load")
                timing = page.evaluate(
                    """() => {
                      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                      const nav = performance.getEntriesByType('navigation')[0];
                      return [fcp ? fcp.startTime : -1, nav.loadEventEnd];
                    }"""
                )
                paints.append(timing[0])
                loads.append(timing[1])
                if name == "index":
                    keys = []
                    for query in QUERIES:
                        for n in range(1, len(query) + 1):
                            keys.append(page.evaluate(f"readmeGen.search({query[:n]!r}).ms"))
                        page.evaluate("readmeGen.search('')")
                    keys.sort()
                    out["key_p50"] = statistics.median(keys)
                    out["key_p95"] = keys[int(0.95 * (len(keys) - 1))]
                    out["key_max"] = keys[-1]
                    out["keys"] = len(keys)
                page.close()
            out[f"{name}_fcp"] = statistics.median(paints)
            out[f"{name}_load"] = statistics.median(loads)
        b.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--papers", type=int, default=10_000)
    args = parser.parse_args()
    today = datetime.date(2026, 1, 10)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        catalog = _bench_build().synthetic(args.papers)
        (folder / "catalog.yaml").write_text(dump_catalog(catalog), "utf-8")
        (folder / "report.json").write_text(report_for(catalog), "utf-8")
        exe = str(Path(sys.executable).with_name("readme-gen"))
        command = [exe, "site", "--report", "report.json", "--repository", "example/list"]
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(command, cwd=folder, check=True, capture_output=True)
            runs.append(time.perf_counter() - start)
        loaded = load_catalog(folder / "catalog.yaml")
        options = Options(today, "example/list", "", read_report(folder / "report.json"))
        start = time.perf_counter()
        files = build(loaded, options)
        pure = time.perf_counter() - start
        raw, zipped = sizes(files)
        figures = browser(folder / "site")
        seed_raw, seed_zipped = sizes(build(load_catalog(ROOT / "catalog.yaml"), Options(today)))
        seed_repo_raw, _ = sizes(
            build(load_catalog(ROOT / "catalog.yaml"), Options(today, "owner/list"))
        )
    print(f"{args.papers:,} papers")
    print(f"  readme-gen site (process, median of 3)  {statistics.median(runs):.2f} s  (<= 2 s)")
    print(f"  build() alone                           {pure:.2f} s")
    print(f"  site size                               {raw / 1e6:.2f} MB raw")
    print(f"  transferred (gzip -6, every file)       {zipped / 1e6:.2f} MB  (<= 1.5 MB)")
    print(
        f"  first contentful paint from file        {figures['index_fcp']:.0f} ms"
        f"  (plain HTML, no script: {figures['plain_fcp']:.0f} ms)"
    )
    print(
        f"  load event (script ready)               {figures['index_load']:.0f} ms"
        f"  (plain HTML: {figures['plain_load']:.0f} ms)  (<= 1 s)"
    )
    print(
        f"  keystroke in search, {figures['keys']:.0f} keys          "
        f"p50 {figures['key_p50']:.1f} ms, p95 {figures['key_p95']:.1f} ms, "
        f"max {figures['key_max']:.1f} ms  (p95 <= 50 ms)"
    )
    print(
        f"seed list: {seed_raw / 1e3:.1f} KB raw, {seed_zipped / 1e3:.1f} KB gzipped (<= 60 KB);"
        f" with a repository ('report a problem' links): {seed_repo_raw / 1e3:.1f} KB raw"
    )


if __name__ == "__main__":
    main()
