"""`readme-gen lint [--format text|json|github]`: validate the catalog, then run the lint
rules (readme_gen.lint.rules) minus the ignores configured in pyproject.toml.

Exit codes: 0 no error-severity finding, 1 findings of severity error, 2 invalid catalog
or configuration.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
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
    from readme_gen.lint.options import Ignore
    from readme_gen.lint.registry import Finding


@dataclass(frozen=True, slots=True)
class LintArgs:
    catalog: Path | None
    format: str
    check: bool
    """Accepted so that `build --check`, `fmt --check` and `lint --check` read alike: lint
    never writes."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_argument(parser)
    add_format_argument(
        parser,
        {
            "text": "`file:line:col: ...` per finding",
            "json": "on standard output",
            "github": "workflow annotations",
        },
        "text",
    )
    add_check_argument(parser, "on errors (lint never writes: accepted as build and fmt take it)")


def run(args: LintArgs) -> int:
    from readme_gen import escape as inert
    from readme_gen.lint.options import resolve
    from readme_gen.lint.registry import Severity
    from readme_gen.lint.rules import run_rules

    settings = resolve(tool_table("lint"))
    path = catalog_path(args.catalog)
    catalog = load_catalog(path)
    findings, used = [], set()
    for finding in run_rules(catalog, settings.options):
        matched = [i for i in settings.ignores if i.matches(finding)]
        used.update(matched)
        if not matched:
            findings.append(finding)
    unused = [i for i in settings.ignores if i not in used]
    errors = sum(f.severity is Severity.ERROR for f in findings)
    ignored = len(settings.ignores) - len(unused)
    if args.format == "json":
        _print_json(findings, unused, errors=errors, ignored=ignored)
    else:
        _print_lines(findings, unused, str(path), github=args.format == "github")
    papers = sum(len(s.papers) for s in catalog.sections)
    print(
        f"{inert.terminal(str(path))}: {papers} papers, {errors} errors, "
        f"{len(findings) - errors} warnings, "
        f"{ignored} ignored",
        file=sys.stderr,
    )
    return 1 if errors else 0


def _print_json(
    findings: Sequence[Finding], unused: Sequence[Ignore], *, errors: int, ignored: int
) -> None:
    data = {
        "summary": {"errors": errors, "warnings": len(findings) - errors, "ignored": ignored},
        "findings": [
            {
                "rule": f.rule,
                "name": f.name,
                "severity": f.severity.value,
                "message": f.message,
                "line": f.position.line,
                "column": f.position.column,
            }
            for f in findings
        ],
        "unused_ignores": [i.describe() for i in unused],
    }
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _print_lines(
    findings: Sequence[Finding], unused: Sequence[Ignore], name: str, *, github: bool
) -> None:
    """One line per finding: `file:line:col: ...` for people, or a GitHub annotation."""
    from readme_gen import escape as inert
    from readme_gen.lint.registry import Severity

    show = inert.terminal
    for f in findings:
        if github:
            level: inert.Level = "error" if f.severity is Severity.ERROR else "warning"
            title = f"{f.rule} {f.name}"
            print(inert.annotation(level, f.message, file=name, at=f.position, title=title))
        else:
            where = f"{show(name)}:{f.position}"
            print(f"{where}: {f.rule} {f.severity.value} {f.name}: {show(f.message)}")
    for ignore in unused:
        print(f"pyproject.toml: unused lint ignore {show(ignore.describe())}: remove it")
