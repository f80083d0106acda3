"""`readme-gen section add ID --title TEXT`: add an empty section at the end of the
catalog's sections, keeping every other byte of catalog.yaml (comments included), and
rebuild README.md.

The section is inserted as text after the last line of the `sections:` block, at the
indentation its items use, then the catalog is read back and must be the old one with the
new section last; anything else is refused before writing. Both files change or neither,
and only if catalog.yaml still holds what was read.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from readme_gen.catalog.load import parse_catalog, read_text
from readme_gen.catalog.model import Catalog, Section
from readme_gen.catalog.newline import line_ending, with_line_ending
from readme_gen.commands.common import (
    add_catalog_argument,
    add_readme_output_argument,
    catalog_path,
    is_stdout,
    readme_path,
    write_output,
)
from readme_gen.errors import CatalogError, UsageError
from readme_gen.escape import terminal
from readme_gen.fsutil import read_bytes, unchanged, write_atomic, write_together
from readme_gen.text import shorten

_SECTIONS = re.compile(r"sections:[ \t]*(#.*)?\n?\Z")
_ITEM = re.compile(r"([ \t]*)- ")
LAYOUT = "a block list under `sections:`, as `readme-gen fmt` writes it"


@dataclass(frozen=True, slots=True)
class SectionArgs:
    catalog: Path | None
    action: str
    section_id: str
    title: str
    output: Path | None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help="add an empty section at the end, rebuild README.md",
        description="Add an empty section at the end of the catalog's sections; rebuild README.md.",
    )
    add.add_argument(
        "section_id",
        metavar="ID",
        help="the section's id: lower-case letters, digits, - and _ (e.g. super-resolution); "
        "`add --section ID` files papers under it",
    )
    add.add_argument("--title", required=True, help="the section's heading in README.md")
    add_catalog_argument(add)
    add_readme_output_argument(add)


def run(args: SectionArgs) -> int:
    from readme_gen.catalog.edit import UNUSABLE
    from readme_gen.catalog.validate import SECTION_ID

    path, readme = catalog_path(args.catalog), readme_path(args.output)
    if not is_stdout(readme) and path.resolve() == readme.resolve():
        raise UsageError(f"--output {readme} is the catalog itself")
    if not SECTION_ID.match(args.section_id):
        raise UsageError(
            f"section id `{terminal(shorten(args.section_id, 80))}` is not a simple name "
            "(expected lower-case letters, digits, - and _, starting with a letter or digit)"
        )
    title = args.title.strip()
    bad = UNUSABLE.search(title)
    if not title or bad:
        what = f"holds the character U+{ord(bad.group()):04X}" if bad else "is empty"
        raise UsageError(f"--title {what} (expected printable text)")
    text = read_text(path)
    read = read_bytes(path)
    catalog = parse_catalog(text, str(path), path.parent)
    taken = next((s for s in catalog.sections if s.id == args.section_id), None)
    if taken is not None:
        raise UsageError(
            f"section `{args.section_id}` already exists at {path}:{taken.position.line} "
            f"(expected a new id; not one of {', '.join(s.id for s in catalog.sections)})"
        )
    ending = line_ending(text)
    new_text = insert_section(text.replace(ending, "\n"), args.section_id, title, str(path))
    new_catalog = _read_back(new_text, catalog, Section(args.section_id, title, ()), path)
    from readme_gen.readme.render import render

    built = render(new_catalog)
    catalog_bytes = with_line_ending(new_text, ending).encode("utf-8")
    with unchanged(path, read):
        if is_stdout(readme):
            write_atomic(path, catalog_bytes)
        else:
            write_together([(path, catalog_bytes), (readme, built.encode("utf-8"))])
    if is_stdout(readme):
        write_output(readme, built)
    line = new_catalog.sections[-1].position.line
    print(
        f"added section `{args.section_id}` ({path}:{line}); rebuilt {readme}. Next: "
        f"`readme-gen add URL --section {args.section_id}`",
        file=sys.stderr,
    )
    return 0


def insert_section(text: str, section_id: str, title: str, path: str) -> str:
    """`text` with an empty section after the last line of its `sections:` block."""
    from readme_gen.catalog.emit import scalar

    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if _SECTIONS.match(line)), None)
    if start is None:
        raise UsageError(f"{path}: no `sections:` list to add to (expected {LAYOUT})")
    end, indent = start + 1, None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():  # the next root key ends the block
            break
        match = _ITEM.match(line)
        if indent is None and match:
            indent = match.group(1)
        end = i + 1
    if indent is None:
        indent = "  "
    if not lines[end - 1].endswith("\n"):  # the file's last line, without a break
        lines[end - 1] += "\n"
    block = (
        f"{indent}- id: {scalar(section_id)}\n"
        f"{indent}  title: {scalar(title)}\n"
        f"{indent}  papers: []\n"
    )
    return "".join([*lines[:end], block, *lines[end:]])


def _read_back(text: str, before: Catalog, section: Section, path: Path) -> Catalog:
    """The new catalog, refused unless it is `before` with `section` last."""
    try:
        after = parse_catalog(text, str(path), path.parent)
    except CatalogError as exc:
        detail = terminal(exc.problems[0].message)
        raise UsageError(
            f"cannot add the section to {path}: the catalog would read as invalid ({detail}); "
            f"nothing written (expected {LAYOUT})"
        ) from None
    expected = replace(before, sections=(*before.sections, section))
    if after != expected:
        raise UsageError(
            f"cannot add the section to {path}: the edit did not land as the last section "
            f"alone; nothing written (expected {LAYOUT})"
        )
    return after
