"""What a lint rule is: `Rule(code, name, severity, summary, check)`, declared once.

A check looks at the catalog and yields `Hit`s (what is wrong, and where); it never states
its own code, name or severity. `Rule.findings` attaches them, so each lives only in the
rule's declaration (`readme_gen.lint.rules.RULES`), as in ruff's and flake8's registries.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol

from readme_gen.catalog.model import Catalog
from readme_gen.position import Position


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Hit:
    """One problem a check found, before the registry names its rule."""

    message: str
    position: Position
    title: str = ""  # the paper concerned, for per-entry ignores
    url: str = ""
    value: str = ""  # the offending value (a venue, an author), for per-value ignores


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    name: str
    severity: Severity
    message: str
    position: Position
    title: str = ""
    url: str = ""
    value: str = ""


@dataclass(frozen=True, slots=True)
class RuleOptions:
    """The settings a check may read (from `[tool.readme-gen.lint]`)."""

    aliases: Mapping[str, tuple[str, ...]]


class Check(Protocol):
    def __call__(self, catalog: Catalog, options: RuleOptions, /) -> Iterable[Hit]: ...


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    check: Check

    def findings(self, catalog: Catalog, options: RuleOptions) -> Iterator[Finding]:
        for hit in self.check(catalog, options):
            yield Finding(
                self.code,
                self.name,
                self.severity,
                hit.message,
                hit.position,
                hit.title,
                hit.url,
                hit.value,
            )
