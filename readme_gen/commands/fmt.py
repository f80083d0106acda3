"""`readme-gen fmt [--check] [-o README]`: rewrite catalog.yaml in its canonical layout
(comments kept) and rebuild README.md from it, as `add` does, so that `build --check`
passes right after; `--check` writes nothing and exits 1 with a diff when the catalog is
not formatted."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from readme_gen.catalog.load import parse_catalog, read_text
from readme_gen.catalog.newline import line_ending, with_line_ending
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
from readme_gen.fsutil import read_bytes, write_together


@dataclass(frozen=True, slots=True)
class FmtArgs:
    catalog: Path | None
    output: Path | None
    check: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_argument(parser)
    add_readme_output_argument(parser)
    add_check_argument(parser, "and print a diff when the catalog is not formatted")


def run(args: FmtArgs) -> int:
    from readme_gen.catalog.layout import ADOPTED_NOTE, format_text
    from readme_gen.readme.render import render

    path, readme = catalog_path(args.catalog), readme_path(args.output)
    if not is_stdout(readme) and path.resolve() == readme.resolve():
        raise UsageError(f"--output {readme} is the catalog itself")
    text = read_text(path)
    ending = line_ending(text)
    result = format_text(text.replace(ending, "\n"), str(path), path.parent)
    formatted = with_line_ending(result.text, ending)
    if result.adopted:
        print(f"{path}: {ADOPTED_NOTE}", file=sys.stderr)
    if args.check:
        if formatted == text:
            return 0
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
    built = render(parse_catalog(text, str(path), path.parent)).encode("utf-8")
    changes = [] if formatted == text else [(path, formatted.encode("utf-8"))]
    stale = not is_stdout(readme) and (not os.path.lexists(readme) or read_bytes(readme) != built)
    if stale:
        changes.append((readme, built))
    if changes:  # both files or neither: a README out of step is what this prevents
        write_together(changes)
    if is_stdout(readme):
        write_output(readme, built.decode("utf-8"))
    said = [f"formatted {path}" if formatted != text else f"{path} is formatted"]
    if stale:
        said.append(f"rebuilt {readme}")
    print("; ".join(said), file=sys.stderr)
    return 0
