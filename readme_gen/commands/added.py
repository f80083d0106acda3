"""`readme-gen added --from-git`: fill each paper's `added` date once, from git history.

A paper's date is the commit date of the oldest commit whose catalog lists its first link
(its title, for a paper without links), walking `git log --reverse` of the catalog file.
Papers that already have `added`, or that no commit lists yet, are left as they are.

Every other byte of catalog.yaml is kept: one `added: "YYYY-MM-DD"` line goes after each
paper's title line, and the result is read back and must be the same catalog with those
dates and nothing else changed; otherwise nothing is written.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from readme_gen.catalog.load import parse_catalog, read_text
from readme_gen.catalog.model import Catalog, Paper
from readme_gen.catalog.newline import line_ending, with_line_ending
from readme_gen.commands.common import add_catalog_argument, catalog_path
from readme_gen.errors import CatalogError, UsageError
from readme_gen.fsutil import write_atomic

_URL = re.compile(r"""https?://[^\s"'<>,\]}]+""")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


@dataclass(frozen=True, slots=True)
class AddedArgs:
    catalog: Path | None
    from_git: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_argument(parser)
    parser.add_argument(
        "--from-git",
        action="store_true",
        required=True,
        help="date each paper by the commit that first listed it",
    )


def _git(folder: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, timeout=120, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise UsageError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {args[0]} failed: {message[-1][:200] if message else '?'}")
    return done.stdout.decode("utf-8", "replace")


def _mark(paper: Paper) -> str:
    return paper.links[0].url if paper.links else paper.title


def first_listed(path: Path, papers: list[Paper]) -> dict[str, str]:
    """Each paper's mark (first link, else title) -> the day of the oldest commit listing it."""
    folder = path.resolve().parent
    log = _git(folder, "log", "--reverse", "--format=%H %cs", "--", path.name)
    wanted = {_mark(p) for p in papers}
    found: dict[str, str] = {}
    for line in log.splitlines():
        commit, _, day = line.partition(" ")
        if not _DAY.match(day):
            continue
        try:
            text = _git(folder, "show", f"{commit}:./{path.name}")
        except UsageError:
            continue  # the file was deleted in this commit
        urls = set(_URL.findall(text))
        for mark in wanted - found.keys():
            if mark in urls or (not mark.startswith("http") and mark in text):
                found[mark] = day
        if len(found) == len(wanted):
            break
    return found


def stamped(text: str, catalog: Catalog, days: dict[str, str]) -> tuple[str, int]:
    """The catalog's text with an `added` line after each dated paper's title line."""
    lines = text.split("\n")
    inserts: dict[int, str] = {}
    for _, paper in catalog.papers():
        day = days.get(_mark(paper))
        if paper.added or not day:
            continue
        at = paper.where("title")
        inserts[at.line] = " " * (paper.position.column - 1) + f'added: "{day}"'
    out = []
    for n, line in enumerate(lines, start=1):
        out.append(line)
        if n in inserts:
            out.append(inserts[n])
    return "\n".join(out), len(inserts)


def run(args: AddedArgs) -> int:
    path = catalog_path(args.catalog)
    text = read_text(path)
    catalog = parse_catalog(text, str(path), path.parent)
    todo = [p for _, p in catalog.papers() if not p.added]
    days = first_listed(path, todo) if todo else {}
    ending = line_ending(text)
    new_text, count = stamped(text.replace(ending, "\n"), catalog, days)
    if not count:
        print(f"{path}: no paper to date ({len(todo)} without `added`)", file=sys.stderr)
        return 0
    expected = [replace(p, added=p.added or days.get(_mark(p), "")) for _, p in catalog.papers()]
    try:
        got = [p for _, p in parse_catalog(new_text, str(path), path.parent).papers()]
    except CatalogError:
        got = []
    if got != expected:
        raise UsageError(
            f"cannot add dates to {path} in its layout; nothing written "
            "(expected a catalog in `readme-gen fmt`'s layout: run it first)"
        )
    write_atomic(path, with_line_ending(new_text, ending).encode("utf-8"))
    print(f"{path}: dated {count} of {len(todo)} papers from git history", file=sys.stderr)
    return 0
