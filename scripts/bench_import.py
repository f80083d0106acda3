"""Adopting real paper lists, as a new user would: `python scripts/bench_import.py
README.md ...` (paths given by hand; the project never reads them itself).

Each list is copied as README.md into a fresh git repository; `readme-gen init --format
json` runs there with no configuration, then `readme-gen build --check`. Printed per list:
entries, the share read as fields, the fields recovered, whether the rebuild is identical,
and the time of init and of build --check (whole processes, best of --runs)."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXE = str(Path(sys.executable).with_name("readme-gen"))


def run(folder: Path, *args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run([EXE, *args], cwd=folder, capture_output=True, text=True)
    return time.perf_counter() - start, done


def measure(readme: Path, runs: int) -> dict[str, object]:
    init_times, check_times = [], []
    summary: dict[str, object] = {}
    ok = True
    for _ in range(runs):
        folder = Path(tempfile.mkdtemp(prefix="adopt-"))
        try:
            shutil.copyfile(readme, folder / "README.md")
            subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
            seconds, done = run(folder, "init", "--format", "json")
            init_times.append(seconds)
            if done.returncode != 0:
                return {"error": done.stderr.strip().splitlines()[-1:]}
            summary = json.loads(done.stdout)
            seconds, check = run(folder, "build", "--check")
            check_times.append(seconds)
            ok = ok and check.returncode == 0
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return {**summary, "check": ok, "init_s": min(init_times), "check_s": min(check_times)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("readmes", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    total = parsed = 0
    head = f"{'list':40} {'entries':>7} {'parsed':>7} {'raw':>5} {'title':>6} {'auth':>5}"
    print(head + f" {'venue':>5} {'year':>5} {'date':>5} {'links':>6} same check  init  build")
    for path in args.readmes:
        found = measure(path, args.runs)
        name = path.name[:40]
        if "error" in found:
            print(f"{name:40} init failed: {found['error']}")
            continue
        fields = found["fields"]
        assert isinstance(fields, dict)
        entries, read = int(found["entries"]), int(found["parsed"])  # type: ignore[call-overload]
        total, parsed = total + entries, parsed + read
        share = f"{read / entries:.0%}" if entries else "-"
        print(
            f"{name:40} {entries:7} {share:>7} {found['raw']:5} {fields['title']:6} "
            f"{fields['authors']:5} {fields['venue']:5} {fields['year']:5} {fields['date']:5} "
            f"{fields['links']:6} {'yes' if found['identical'] else 'NO':>4} "
            f"{'pass' if found['check'] else 'FAIL':>5} {found['init_s']:5.2f} "
            f"{found['check_s']:5.2f}"
        )
    if total:
        print(f"{'all':40} {total:7} {parsed / total:7.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
