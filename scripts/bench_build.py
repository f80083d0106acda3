#!/usr/bin/env python3
"""Benchmark `readme-gen build` as a whole process: median wall time and peak memory.

Writes synthetic catalogs of 37, 1,000, 10,000 and 100,000 papers (canonical layout, as
`readme-gen import`/`fmt` write them) to a temporary folder, then times `readme-gen build`
(writing README.md) and `readme-gen build --check` (README in sync) on each, plus
`build --check` on the repository's own catalog, which runs in every contributor's
pre-commit. Peak memory is the child's maximum resident set size (os.wait4).

    python scripts/bench_build.py [--sizes 37,1000] [--repeat N]

Then hostile and broken inputs (issue 11), each refused with exit 2: a 10 MB one-line
catalog, 10,000 nested `[`, a 10 MB title, and one error in the 10,000-paper catalog: a bad
year (found by validation), an unclosed quote near the start, and a tab indenting a key or
a key indented one space too far, in the last paper and in the middle one (syntax errors
libyaml stops at). Then two valid variants of it: CRLF line ends, and a block scalar in
the last paper.

Targets on a 2-core machine: the real catalog's `build --check` <= 100 ms; 10,000 papers
<= 1.0 s; 100,000 papers <= 10 s and < 1 GB. A hostile input < 200 MB; an error in 10,000
papers <= 2x the valid build.

Measured with one reader, libyaml's events (issue 18; 2 shared cores, noisy; median of 3;
peak RSS of the build process; in brackets the figures of the fast reader and ruamel.yaml
window it replaced, measured in the same session):
  repo catalog.yaml, build --check 0.063 s  17 MB   (0.056 s  16 MB: importing PyYAML
                                                     costs 8 ms, half of it its regexes)
  10,000 papers, valid build       0.66 s   74 MB   (0.62 s   71 MB)
  100,000 papers, build --check    6.8 s   588 MB   (6.2 s   572 MB)
  10 MB one line (refused)         0.11 s   35 MB   (0.12 s   35 MB; screen's line check)
  10,000 nested [ (refused)        0.06 s   17 MB   (0.05 s   16 MB; libyaml's own limit,
                                                     located at the 16th [)
  10 MB title (refused)            0.15 s   47 MB   (0.14 s   47 MB; screen's line check)
  10k papers, bad year             0.50 s   69 MB   (0.48 s   69 MB; /usr/bin/time, as the
                                                     bench's figure varied 0.5-0.8 s for both)
  10k, unclosed quote near start   0.09-0.21 s 27 MB (0.20-0.29 s 38 MB)
  10k, tab at the end              0.45 s   74 MB   (0.51 s   72 MB, for the former case:
                                                     a tab after `:`, which YAML 1.2 and
                                                     libyaml allow; likewise in the middle)
  10k, bad indent at end           0.44 s   74 MB   (0.54 s   71 MB)
  10k, tab in the middle           0.27 s   50 MB   (0.35 s   51 MB)
  10k, bad indent, middle          0.27 s   50 MB   (0.38 s   53 MB)
  10k, CRLF line ends (valid)      0.67 s   74 MB   (0.65 s   73 MB)
  10k, block scalar at end (valid) 0.67 s   74 MB   (0.72 s   72 MB)
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from readme_gen.catalog.emit import dump_catalog  # noqa: E402
from readme_gen.catalog.model import Catalog, Link, NewsItem, Paper, Section  # noqa: E402

WORDS = [
    "high",
    "resolution",
    "image",
    "segmentation",
    "recognition",
    "efficient",
    "ultra",
    "transformer",
    "patch",
    "global",
    "local",
    "context",
    "attention",
    "whole",
    "slide",
    "gigapixel",
    "learning",
    "network",
    "dynamic",
    "zoom",
    "refinement",
    "boundary",
    "aware",
    "memory",
    "semantic",
    "remote",
    "sensing",
]
NAMES = [
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Huang",
    "Zhao",
    "Wu",
    "Zhou",
    "Müller",
    "García",
    "Kowalski",
    "Dubois",
]
VENUES = ["CVPR", "ICCV", "ECCV", "NeurIPS", "ICLR", "AAAI", "TPAMI", "IJCV", "MICCAI"]


def synthetic(papers: int, seed: int = 7) -> Catalog:
    rng = random.Random(seed)
    sections = []
    per_section = -(-papers // 4)
    for s in range(4):
        items = []
        for n in range(s * per_section, min(papers, (s + 1) * per_section)):
            title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize()
            authors = tuple(
                f"{rng.choice('ABCDEFGHJKLMNPRSTWXYZ')}. {rng.choice(NAMES)}"
                for _ in range(rng.randint(2, 8))
            )
            year = rng.randint(2012, 2025)
            links = [
                Link(
                    "Paper", f"https://papers.example.org/{year}/{n}/{title[:20].replace(' ', '_')}"
                )
            ]
            if n % 3 == 0:
                links.append(Link("Code", f"https://github.com/example/p{n}"))
            items.append(Paper(title + f" {n}", authors, rng.choice(VENUES), year, tuple(links)))
        sections.append(Section(f"s{s}", f"Section {s}", tuple(items)))
    return Catalog(
        "Benchmark list", "Synthetic papers.", (NewsItem("01/2025", "Hi."),), tuple(sections)
    )


# Started from a small Python process: Linux counts a forked child's peak RSS from the
# parent's high-water mark at fork, and this script holds the synthetic catalogs' text.
_MEASURE = """
import os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run(argv: list[str], cwd: Path) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit code) of one whole process."""
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *argv], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024, int(out[2])


def measure(argv: list[str], cwd: Path, repeat: int, expect: int = 0) -> tuple[float, float]:
    walls, peaks = [], []
    for _ in range(repeat):
        wall, peak, code = run(argv, cwd)
        if code != expect:
            raise SystemExit(f"{' '.join(argv)} exited {code}, expected {expect}")
        walls.append(wall)
        peaks.append(peak)
    return statistics.median(walls), max(peaks)


def compile_package() -> None:
    """Byte-compile readme_gen, as pip does when it installs a package. Where
    PYTHONDONTWRITEBYTECODE is set (as in this sandbox) an editable checkout would
    otherwise be compiled from source on every run (~25 ms), which no installed copy is."""
    import compileall

    import readme_gen

    compileall.compile_dir(Path(readme_gen.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="37,1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=0, help="runs per figure (default: by size)")
    parser.add_argument("--no-hostile", action="store_true", help="skip the refused inputs")
    args = parser.parse_args()
    exe = shutil.which("readme-gen", path=str(Path(sys.executable).parent)) or "readme-gen"
    compile_package()
    print(f"{'catalog':>24} {'command':>14} {'median s':>9} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base, _ = measure([sys.executable, "-c", "pass"], folder, 11)
        print(f"{'(python -c pass)':>24} {'':>14} {base:9.3f}")
        wall, peak = measure([exe, "build", "--check"], ROOT, 21)
        print(f"{'repo catalog.yaml':>24} {'build --check':>14} {wall:9.3f} {peak:8.1f}")
        for size in (int(s) for s in args.sizes.split(",")):
            catalog = folder / f"catalog-{size}.yaml"
            catalog.write_text(dump_catalog(synthetic(size)), encoding="utf-8")
            readme = folder / f"README-{size}.md"
            repeat = args.repeat or (11 if size <= 1000 else 5 if size <= 10_000 else 3)
            common = ["--catalog", str(catalog), "--output", str(readme)]
            mb = catalog.stat().st_size / 1e6
            label = f"{size:,} papers ({mb:.1f} MB)"
            readme.unlink(missing_ok=True)
            wall, peak = measure([exe, "build", *common], folder, 1)
            print(f"{label:>24} {'build (new)':>14} {wall:9.3f} {peak:8.1f}")
            wall, peak = measure([exe, "build", "--check", *common], folder, repeat)
            print(f"{label:>24} {'build --check':>14} {wall:9.3f} {peak:8.1f}")
        if not args.no_hostile:
            hostile(exe, folder)


def hostile(exe: str, folder: Path) -> None:
    """Inputs that must be refused (exit 2) fast and in little memory."""
    valid = dump_catalog(synthetic(10_000))
    first = valid.index("year: ")
    cases = {
        "10 MB one line": "title: " + "x" * 10_000_000 + "\n",
        "10,000 nested [": "a: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "10 MB title": valid.replace('title: "', 'title: "' + "x" * 10_000_000, 1),
        "10k papers, bad year": valid[:first] + "year: 02024" + valid[first + 10 :],
        "10k, unclosed quote": _unclose(valid),
        # Syntax errors: libyaml stops there.
        "10k, tab at the end": _tab(valid, valid.rindex("venue: ")),
        "10k, bad indent at end": _indent(valid, valid.rindex("venue: ")),
        "10k, tab in the middle": _tab(valid, valid.index("venue: ", len(valid) // 2)),
        "10k, bad indent middle": _indent(valid, valid.index("venue: ", len(valid) // 2)),
    }
    catalog = folder / "valid-10000.yaml"
    catalog.write_text(valid, encoding="utf-8")
    readme = folder / "README-hostile.md"
    wall, peak = measure([exe, "build", "--catalog", str(catalog), "-o", str(readme)], folder, 3)
    print(f"{'10,000 papers, valid':>24} {'build':>14} {wall:9.3f} {peak:8.1f}")
    for name, text in cases.items():
        catalog.write_text(text, encoding="utf-8")
        argv = [exe, "build", "--catalog", str(catalog), "-o", str(readme)]
        wall, peak = measure(argv, folder, 3, expect=2)
        print(f"{name:>24} {'build (exit 2)':>14} {wall:9.3f} {peak:8.1f}")
    # Valid variants: CRLF line ends (which `add` and `fmt` keep), a block scalar.
    last = valid.rindex("venue: ")
    fine = {
        "10k, CRLF line ends": valid.replace("\n", "\r\n"),
        "10k, block scalar at end": (
            valid[:last] + "venue: >-\n          X" + valid[valid.index("\n", last) :]
        ),
    }
    for name, text in fine.items():
        catalog.write_text(text, encoding="utf-8", newline="")
        argv = [exe, "build", "--catalog", str(catalog), "-o", str(readme)]
        wall, peak = measure(argv, folder, 3)
        print(f"{name:>24} {'build':>14} {wall:9.3f} {peak:8.1f}")


def _tab(text: str, at: int) -> str:
    """A tab for the indent of the key at `at` (YAML allows no tab there)."""
    start = text.rindex("\n", 0, at) + 1
    return text[:start] + "\t" + text[at:]


def _indent(text: str, at: int) -> str:
    """One space more before the key at `at` than its paper's other keys."""
    return text[:at] + " " + text[at:]


def _unclose(text: str) -> str:
    """The first paper's title with its closing quote removed."""
    start = text.index('title: "', text.index("papers:")) + len('title: "')
    end = text.index('"', start)
    return text[:end] + text[end + 1 :]


if __name__ == "__main__":
    main()
