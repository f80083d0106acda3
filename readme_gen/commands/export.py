"""`readme-gen export --format json|bibtex|csv [--output FILE]`: the list for citing it."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from readme_gen.catalog.load import load_catalog
from readme_gen.commands.common import STDOUT, add_catalog_argument, catalog_path, write_output


@dataclass(frozen=True, slots=True)
class ExportArgs:
    catalog: Path | None
    format: str
    output: Path | None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_argument(parser)
    parser.add_argument("--format", choices=("json", "bibtex", "csv"), required=True)
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="the file to write (default, or `-`: standard output)",
    )


def run(args: ExportArgs) -> int:
    from readme_gen.publish.export import FORMATS
    from readme_gen.readme.markdown import plain_text

    text = FORMATS[args.format](load_catalog(catalog_path(args.catalog)), plain_text)
    if write_output(args.output or STDOUT, text):
        print(f"wrote {args.output}", file=sys.stderr)
    return 0
