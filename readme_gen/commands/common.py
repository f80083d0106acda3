"""Arguments and helpers that several commands share."""

from __future__ import annotations

import argparse
from pathlib import Path

from readme_gen.config import tool_table


def add_catalog_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalog",
        type=Path,
        default=None,
        metavar="PATH",
        help="the catalog file (default: catalog.yaml, or [tool.readme-gen] catalog)",
    )


def catalog_path(args: argparse.Namespace) -> Path:
    """--catalog, else `[tool.readme-gen] catalog`, else catalog.yaml."""
    if args.catalog is not None:
        return Path(args.catalog)
    return Path(str(tool_table().get("catalog", "catalog.yaml")))


def readme_path(output: Path | None) -> Path:
    """--output, else `[tool.readme-gen] output`, else README.md."""
    if output is not None:
        return Path(output)
    return Path(str(tool_table().get("output", "README.md")))
