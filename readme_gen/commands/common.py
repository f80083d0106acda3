"""Arguments and helpers that several commands share.

The rule for shared flags, declared here once: `--catalog PATH` is always the catalog;
`-o/--output PATH` is always the file the command writes (`-`: standard output) — the
README for build, fmt and add, the report for links, the export for export, the catalog for
import; `--format NAME` always chooses how that output is written, always has a default,
and lists its choices; `--check` always writes nothing and exits 1 when something would
change (or, for lint, which writes nothing anyway, on errors). Every flag has a help text
(tests/test_cli.py walks every command's parser).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path

from readme_gen.fsutil import write_atomic
from readme_gen.pyproject import tool_path

STDOUT = "-"


def add_catalog_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalog",
        type=Path,
        default=None,
        metavar="PATH",
        help="the catalog file (default: catalog.yaml, or [tool.readme-gen] catalog)",
    )


def add_output_argument(
    parser: argparse.ArgumentParser, what: str, default: str | None = None
) -> None:
    """`-o/--output PATH`: the file the command writes; `what` says which, `default` where
    (None: standard output)."""
    where = (
        f"default: {default}; `-`: standard output"
        if default
        else "default, or `-`: standard output"
    )
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        default=None,
        metavar="PATH",
        help=f"{what} ({where})",
    )


def add_readme_output_argument(parser: argparse.ArgumentParser) -> None:
    """`-o/--output` of the commands that write README.md from the catalog."""
    add_output_argument(parser, "the README to write", "README.md, or [tool.readme-gen] output")


def add_format_argument(
    parser: argparse.ArgumentParser,
    formats: Mapping[str, str],
    default: str | None,
    *,
    shown: str | None = None,
) -> None:
    """`--format NAME`: how the output is written, one of `formats` (name -> what it is);
    `shown` words a default that is chosen later (None)."""
    choices = "; ".join(f"{name}: {meaning}" for name, meaning in formats.items())
    parser.add_argument(
        "--format",
        choices=tuple(formats),
        default=default,
        help=f"how the output is written ({choices}; default: {shown or default})",
    )


def add_check_argument(parser: argparse.ArgumentParser, what: str) -> None:
    """`--check`: write nothing; exit 1 when something would change (`what` says when)."""
    parser.add_argument("--check", action="store_true", help=f"write nothing; exit 1 {what}")


def add_allow_private_argument(parser: argparse.ArgumentParser) -> None:
    """`--allow-private`, worded once: the link setting's help (links/settings.py)."""
    from readme_gen.links.settings import options

    (help,) = (opt.help for key, _, opt in options() if key == "allow-private")
    parser.add_argument("--allow-private", action="store_true", help=help)


def add_paper_arguments(parser: argparse.ArgumentParser) -> None:
    """What a paper is, given on the command line (`add`); each overrides what is found."""
    parser.add_argument(
        "--title", help="the paper's title (default: what the page or service says)"
    )
    parser.add_argument(
        "--author", action="append", metavar="NAME", help="an author, in order; repeat per author"
    )
    parser.add_argument(
        "--venue", help="where it was published, e.g. CVPR (default: found, else asked)"
    )
    parser.add_argument(
        "--year", type=int, help="the year it was published (default: found, else asked)"
    )


def catalog_path(given: Path | None) -> Path:
    """--catalog, else `[tool.readme-gen] catalog`, else catalog.yaml."""
    if given is not None:
        return Path(given)
    return tool_path("catalog", "catalog.yaml")


def readme_path(output: Path | None) -> Path:
    """--output, else `[tool.readme-gen] output`, else README.md."""
    if output is not None:
        return Path(output)
    return tool_path("output", "README.md")


def is_stdout(path: Path | str | None) -> bool:
    """`-` names standard output wherever a command writes a file."""
    return path is not None and str(path) == STDOUT


def write_output(path: Path | str, text: str) -> bool:
    """Write `text` to the file `path` atomically, or to standard output for `-`.
    True when a file was written (the caller says so on stderr)."""
    if is_stdout(path):
        sys.stdout.write(text)
        sys.stdout.flush()
        return False
    write_atomic(Path(path), text.encode("utf-8"))
    return True
