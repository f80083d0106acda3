"""`readme-gen lint [--format FORMAT]`: validate the catalog, then run the lint
rules (readme_gen.lint.rules) minus the ignores configured in pyproject.toml.

Exit codes: 0 no error-severity finding, 1 findings of severity error, 2 invalid catalog
or configuration.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readme_gen.catalog.load import load_catalog
from readme_gen.commands.common import (
    add_catalog_argument,
    add_check_argument,
    add_format_argument,
    catalog_path,
)
from readme_gen.pyproject import tool_table

if TYPE_CHECKING:
    from readme_gen.escape import Level
    from readme_gen.lint.registry import Finding
    from readme_gen.publish.located import Located


@dataclass(frozen=True, slots=True)
class LintArgs:
    catalog: Path | None
    format: str
    check: bool
    """Accepted so that `build --check`, `fmt --check` and `lint --check` read alike: lint
    never writes."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from readme_gen.publish.emit import choices

    add_catalog_argument(parser)
    add_format_argument(parser, choices("lint"), "text")
    add_check_argument(parser, "on errors (lint never writes: accepted as build and fmt take it)")


def run(args: LintArgs) -> int:
    from readme_gen import escape
    from readme_gen.lint.options import resolve
    from readme_gen.lint.rules import run_rules
    from readme_gen.publish.emit import LintFindings, write_lint

    settings = resolve(tool_table("lint"))
    path = catalog_path(args.catalog)
    catalog = load_catalog(path)
    kept, used = [], set()
    for finding in run_rules(catalog, settings.options):
        matched = [i for i in settings.ignores if i.matches(finding)]
        used.update(matched)
        if not matched:
            kept.append(located(finding, str(path)))
    unused = tuple(i.describe() for i in settings.ignores if i not in used)
    found = LintFindings(tuple(kept), unused, ignored=len(settings.ignores) - len(unused))
    sys.stdout.write(write_lint(found, args.format))
    papers = sum(len(s.papers) for s in catalog.sections)
    print(
        f"{escape.terminal(str(path))}: {papers} papers, {found.errors} errors, "
        f"{len(kept) - found.errors} warnings, "
        f"{found.ignored} ignored",
        file=sys.stderr,
    )
    return 1 if found.errors else 0


def located(finding: Finding, file: str) -> Located:
    """A lint finding as the emitters take it (readme_gen.publish.located)."""
    from readme_gen.lint.registry import Severity
    from readme_gen.publish.located import Located

    level: Level = "error" if finding.severity is Severity.ERROR else "warning"
    return Located(file, finding.position, level, finding.message, finding.rule, finding.name)
