"""`readme-gen export [--format json|bibtex|csv] [--output FILE]`: the list for citing it.
The format, when not given, follows the output's suffix (`.bib`, `.csv`, `.json`)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from readme_gen.catalog.load import load_catalog
from readme_gen.commands.common import (
    STDOUT,
    add_catalog_argument,
    add_format_argument,
    add_output_argument,
    catalog_path,
    write_output,
)

FORMATS = {"json": "the papers as data", "bibtex": "a bibliography", "csv": "a spreadsheet"}
SUFFIXES = {".json": "json", ".bib": "bibtex", ".bibtex": "bibtex", ".csv": "csv"}
FROM_SUFFIX = "by the output's suffix (.bib, .csv, .json), else json"


@dataclass(frozen=True, slots=True)
class ExportArgs:
    catalog: Path | None
    format: str | None
    output: Path | None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_argument(parser)
    add_format_argument(parser, FORMATS, None, shown=FROM_SUFFIX)
    add_output_argument(parser, "the file to write")


def run(args: ExportArgs) -> int:
    from readme_gen.escape import plain_text
    from readme_gen.publish.citations import FORMATS as WRITERS

    name = args.format or SUFFIXES.get(Path(args.output or STDOUT).suffix.lower(), "json")
    text = WRITERS[name](load_catalog(catalog_path(args.catalog)), plain_text)
    if write_output(args.output or STDOUT, text):
        print(f"wrote {args.output}", file=sys.stderr)
    return 0
