"""`readme-gen import README.md [-o catalog.yaml] [--force]`: read a README in the list's
table format and write the catalog it describes (canonical YAML layout)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from readme_gen.catalog.emit import dump_catalog
from readme_gen.catalog.load import parse_tree, read_text
from readme_gen.catalog.validate import validate
from readme_gen.commands.common import is_stdout, write_output
from readme_gen.errors import UsageError
from readme_gen.readme.parse import parse_readme


@dataclass(frozen=True, slots=True)
class ImportArgs:
    readme: Path
    output: str
    """A path, or `-` for standard output."""
    force: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("readme", type=Path, metavar="README", help="the README to read")
    parser.add_argument(
        "-o",
        "--output",
        "--catalog",
        dest="output",
        default="catalog.yaml",
        metavar="PATH",
        help="the catalog to write (default: catalog.yaml; `-` for standard output)",
    )
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")


def run(args: ImportArgs) -> int:
    catalog = parse_readme(read_text(args.readme), str(args.readme))
    text = dump_catalog(catalog)
    # What we write must load back to the same catalog; a failure here is a bug, not input.
    reread = validate(parse_tree(text, "<import>"), "<import>", Path.cwd())
    if reread != catalog:
        raise AssertionError("the written catalog does not read back as the imported one")
    if is_stdout(args.output):
        write_output(args.output, text)
        return 0
    target = Path(args.output)
    if target.exists() and not args.force:
        raise UsageError(f"{target} exists; pass --force to replace it (or -o - to print)")
    write_output(target, text)
    papers = sum(len(s.papers) for s in catalog.sections)
    print(f"wrote {target}: {papers} papers in {len(catalog.sections)} sections", file=sys.stderr)
    return 0
