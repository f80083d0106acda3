"""`readme-gen fmt [--check]`: rewrite catalog.yaml in its canonical layout (comments kept);
`--check` writes nothing and exits 1 with a diff when the file is not formatted."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from readme_gen.catalog.load import read_text
from readme_gen.catalog.newline import line_ending, with_line_ending
from readme_gen.commands.common import add_catalog_argument, catalog_path
from readme_gen.fsutil import write_atomic


@dataclass(frozen=True, slots=True)
class FmtArgs:
    catalog: Path | None
    check: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_argument(parser)
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if not formatted"
    )


def run(args: FmtArgs) -> int:
    from readme_gen.catalog.fmt import ADOPTED_NOTE, format_text

    path = catalog_path(args.catalog)
    text = read_text(path)
    ending = line_ending(text)
    result = format_text(text.replace(ending, "\n"), str(path), path.parent)
    formatted = with_line_ending(result.text, ending)
    if result.adopted:
        print(f"{path}: {ADOPTED_NOTE}", file=sys.stderr)
    if formatted == text:
        return 0
    if args.check:
        import difflib

        sys.stdout.writelines(
            difflib.unified_diff(
                text.splitlines(keepends=True),
                formatted.splitlines(keepends=True),
                fromfile=f"{path} (on disk)",
                tofile=f"{path} (formatted)",
            )
        )
        print(f"{path} is not formatted: run `readme-gen fmt`", file=sys.stderr)
        return 1
    write_atomic(path, formatted.encode("utf-8"))
    print(f"formatted {path}", file=sys.stderr)
    return 0
