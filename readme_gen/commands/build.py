"""`readme-gen build [--catalog PATH] [--output PATH] [--check]`: write README.md from the
catalog (and the further Markdown files and the issue form it has), or (`--check`) write
nothing and exit 1 with a unified diff when one is stale."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from readme_gen.catalog.load import load_catalog
from readme_gen.commands.common import (
    add_catalog_argument,
    add_check_argument,
    add_readme_output_argument,
    catalog_path,
    is_stdout,
    readme_path,
    write_output,
)
from readme_gen.errors import UsageError
from readme_gen.fsutil import read_bytes
from readme_gen.readme.issue_form import FORM_PATH, render_form
from readme_gen.readme.render import render_files


@dataclass(frozen=True, slots=True)
class BuildArgs:
    catalog: Path | None
    output: Path | None
    check: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_argument(parser)
    add_readme_output_argument(parser)
    add_check_argument(parser, "and print a diff when the README is not up to date")


def _current(path: Path) -> str | None:
    if is_stdout(path) or not os.path.lexists(path):
        return None
    return read_bytes(path).decode("utf-8", errors="surrogateescape")


def run(args: BuildArgs) -> int:
    source, target = catalog_path(args.catalog), readme_path(args.output)
    if is_stdout(target) and args.check:
        raise UsageError("--check compares with a file: --output - cannot be checked")
    if source.resolve() == target.resolve():
        raise UsageError(f"--output {target} is the catalog itself")
    catalog = load_catalog(source)
    files = render_files(catalog)
    outputs = [(target, files.pop(""))]
    outputs += [(source.parent / name, text) for name, text in files.items()]
    form = source.parent / FORM_PATH
    if form.is_file():  # the list keeps an issue form: its dropdown follows the catalog
        outputs.append((form, render_form(catalog)))
    if is_stdout(target) and len(outputs) > 1:
        raise UsageError("the catalog writes several files: --output - shows only one")
    if args.check:
        return max(_check(source, path, text) for path, text in outputs)
    for path, text in outputs:
        if _current(path) == text:
            print(f"{path} is up to date", file=sys.stderr)
        elif write_output(path, text):
            print(f"wrote {path}", file=sys.stderr)
    return 0


def _check(source: Path, target: Path, text: str) -> int:
    """0 when `target` holds `text`; else print a diff and return 1."""
    current = _current(target)
    if current == text:
        return 0
    import difflib  # only for a stale README: the hook's every run is the other branch

    diff = difflib.unified_diff(
        (current or "").splitlines(keepends=True),
        text.splitlines(keepends=True),
        fromfile=f"{target} (on disk)",
        tofile=f"{target} (from {source})",
    )
    sys.stdout.writelines(diff)
    state = "does not exist" if current is None else "is out of date"
    print(f"{target} {state}: run `readme-gen build` (or `make readme`)", file=sys.stderr)
    return 1
