"""`readme-gen lint`: validate the catalog (every problem, located)."""

from __future__ import annotations

import argparse
import sys

from readme_gen.catalog import load_catalog
from readme_gen.commands.common import add_catalog_argument, catalog_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_argument(parser)


def run(args: argparse.Namespace) -> int:
    path = catalog_path(args)
    catalog = load_catalog(path)
    count = sum(len(s.papers) for s in catalog.sections)
    print(f"{path}: ok ({count} papers in {len(catalog.sections)} sections)", file=sys.stderr)
    return 0
