"""`readme-gen import README.md [-o catalog.yaml] [--force] [--format text|json]`: read a
README, in the built-in layout or in any list's own form, and write the catalog it is.

What is written is proven first: the catalog is read back and built, and must give the
README byte for byte; otherwise nothing is written (exit 2, with where the first
difference is)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from readme_gen.catalog.emit import SCHEMA_COMMENT, dump_catalog
from readme_gen.catalog.load import parse_tree, read_text
from readme_gen.catalog.validate import validate
from readme_gen.commands.common import is_stdout, write_output
from readme_gen.errors import UsageError
from readme_gen.readme.adopt import NotAdopted, Summary, take, with_bom
from readme_gen.readme.parse import parse_readme


@dataclass(frozen=True, slots=True)
class ImportArgs:
    readme: Path
    output: str
    """A path, or `-` for standard output."""
    force: bool
    format: str
    canonical: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "readme",
        type=Path,
        metavar="README",
        help="the README to read: the built-in table layout, or any list's own tables, "
        "bullets or multi-line entries (their forms are found from the entries)",
    )
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
    parser.add_argument(
        "--canonical",
        action="store_true",
        help="read a README in the built-in table layout and write it in that layout's one "
        "canonical form (irregular rows rewritten; the README is then rebuilt, not kept)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="the summary on standard error as a sentence (text, default) or as JSON on "
        "standard output (on standard error with `-o -`): entries, parsed, raw, fields, "
        "identical (false, and exit 2, when the README cannot be adopted as written)",
    )


def describe(summary: Summary) -> str:
    return (
        f"{summary.entries} entries: {summary.parsed} read as fields, {summary.raw} kept as "
        "written (`readme-gen lint` points at them); the catalog builds the README back "
        "byte for byte"
    )


def run(args: ImportArgs) -> int:
    name = str(args.readme)
    target = None if is_stdout(args.output) else Path(args.output)
    if target is not None and target.exists() and not args.force:
        raise UsageError(f"{target} exists; pass --force to replace it (or -o - to print)")
    text = read_text(args.readme, label=name)
    title = args.readme.resolve().parent.name or "Papers"
    if args.canonical:
        return _canonical(text, name, args.output, target)
    try:
        adoption = take(with_bom(args.readme, text), title=title, path=name, header=SCHEMA_COMMENT)
    except NotAdopted as exc:
        if args.format == "json":  # what was found, `identical` false; nothing written
            print(json.dumps(exc.summary.as_json()))
        raise
    write_output(args.output, adoption.yaml)
    if args.format == "json":
        # standard output holds the catalog with `-o -`: the summary goes to standard error
        print(json.dumps(adoption.summary.as_json()), file=sys.stdout if target else sys.stderr)
    elif target is not None:
        print(f"wrote {target}: {describe(adoption.summary)}", file=sys.stderr)
    return 0


def _canonical(text: str, name: str, output: str, target: Path | None) -> int:
    """The built-in layout's importer: every row read into the canonical form."""
    catalog = parse_readme(text, name)
    yaml = dump_catalog(catalog)
    # What we write must load back to the same catalog; a failure here is a bug, not input.
    if validate(parse_tree(yaml, "<import>"), "<import>", Path.cwd()) != catalog:
        raise AssertionError("the written catalog does not read back as the imported one")
    write_output(output, yaml)
    if target is not None:
        papers = sum(len(s.papers) for s in catalog.sections)
        print(
            f"wrote {target}: {papers} papers in {len(catalog.sections)} sections", file=sys.stderr
        )
    return 0
