"""How much of real paper lists the importer reads, and how fast: `python
scripts/bench_import.py README.md ...` (paths given by hand; the project never reads them
itself). For each list: entries found (candidates with a link), entries read by the inferred
forms (title and links as fields), whether the pieces give the README back byte for byte,
and the time to split and infer."""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

from readme_gen.forms.infer import infer
from readme_gen.readme.document import Candidate, split


def measure(path: Path) -> tuple[int, int, bool, float]:
    text = path.read_text("utf-8")
    start = time.perf_counter()
    pieces = split(text)
    kinds: dict[str, list[str]] = defaultdict(list)
    for piece in pieces:
        if isinstance(piece, Candidate) and ("](http" in piece.text or "](." in piece.text):
            kinds[piece.kind].append(piece.text)
    found = read = 0
    for kind, texts in kinds.items():
        found += len(texts)
        forms = infer(texts, kind.removeprefix("row:") if kind.startswith("row:") else "")
        if forms is None:
            continue
        for entry in texts:
            parsed = next((e for t in forms.templates if (e := t.read(entry))), None)
            if parsed is not None and "title" in parsed.fields and parsed.links:
                read += 1
    seconds = time.perf_counter() - start
    return found, read, "".join(p.text for p in pieces) == text, seconds


def main(paths: list[str]) -> int:
    total_found = total_read = 0
    print(f"{'list':44} {'entries':>8} {'read':>6} {'share':>6} {'bytes':>6} {'time':>7}")
    for name in paths:
        found, read, identical, seconds = measure(Path(name))
        total_found += found
        total_read += read
        share = read / found if found else 0.0
        same = "same" if identical else "DIFF"
        print(
            f"{Path(name).name[:44]:44} {found:8} {read:6} {share:6.0%} {same:>6} {seconds:6.2f}s"
        )
    if total_found:
        print(f"{'all':44} {total_found:8} {total_read:6} {total_read / total_found:6.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
