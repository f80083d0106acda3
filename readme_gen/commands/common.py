"""Arguments and helpers that several commands share."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from readme_gen.config import tool_path
from readme_gen.fsutil import write_atomic

STDOUT = "-"


def add_catalog_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalog",
        type=Path,
        default=None,
        metavar="PATH",
        help="the catalog file (default: catalog.yaml, or [tool.readme-gen] catalog)",
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
