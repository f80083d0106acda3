"""Lint settings from `[tool.readme-gen.lint]`: the venue alias table and ignores.

    [tool.readme-gen.lint]
    venue-aliases = { NeurIPS = ["NIPS"] }        # replaces the built-in table
    ignore = [
      { rule = "RG105", reason = "..." },                         # a whole rule
      { rule = "RG101", url = "https://...", reason = "..." },    # one link
      { rule = "RG109", title = "...", reason = "..." },          # one paper
      { rule = "RG103", value = "NIPS", reason = "..." },         # one spelling
    ]

Every ignore needs a reason; one that matches nothing is reported, so stale ones go.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from readme_gen.errors import UsageError
from readme_gen.lint.registry import Finding, RuleOptions
from readme_gen.lint.rules import BY_CODE
from readme_gen.pyproject import unknown_setting
from readme_gen.venues import DEFAULT_VENUE_ALIASES

WHERE = "pyproject.toml [tool.readme-gen.lint]"
MATCHERS = ("url", "title", "value")


@dataclass(frozen=True, slots=True)
class Ignore:
    rule: str
    reason: str
    url: str | None = None
    title: str | None = None
    value: str | None = None

    def matches(self, finding: Finding) -> bool:
        return (
            finding.rule == self.rule
            and (self.url is None or finding.url == self.url)
            and (self.title is None or finding.title == self.title)
            and (self.value is None or finding.value == self.value)
        )

    def describe(self) -> str:
        scope = next((f"{k} {getattr(self, k)!r}" for k in MATCHERS if getattr(self, k)), "all")
        return f"{self.rule} ({scope})"


@dataclass(frozen=True, slots=True)
class LintSettings:
    options: RuleOptions
    ignores: tuple[Ignore, ...]


def resolve(table: Mapping[str, Any]) -> LintSettings:
    unknown = sorted(set(table) - {"venue-aliases", "ignore"})
    if unknown:
        raise unknown_setting("lint", unknown[0], ("venue-aliases", "ignore"))
    aliases: Mapping[str, tuple[str, ...]] = DEFAULT_VENUE_ALIASES
    if "venue-aliases" in table:
        raw = table["venue-aliases"]
        if not isinstance(raw, dict) or not all(
            isinstance(v, list) and all(isinstance(a, str) for a in v) for v in raw.values()
        ):
            raise UsageError(f"{WHERE} `venue-aliases`: expected a table of name = [spellings]")
        aliases = {str(k): tuple(v) for k, v in raw.items()}
    items = table.get("ignore", [])
    if not isinstance(items, list):
        raise UsageError(f"{WHERE} `ignore`: expected a list of {{rule = ..., reason = ...}}")
    return LintSettings(
        RuleOptions(aliases), tuple(_ignore(item, n) for n, item in enumerate(items))
    )


def _ignore(item: Any, n: int) -> Ignore:
    where = f"{WHERE} ignore[{n}]"
    if not isinstance(item, dict):
        raise UsageError(f"{where}: expected {{rule = ..., reason = ...}}")
    extra = sorted(set(item) - {"rule", "reason", *MATCHERS})
    if extra:
        raise UsageError(
            f"{where}: unknown key `{extra[0]}` (expected rule, reason, url, title, value)"
        )
    rule, reason = item.get("rule"), item.get("reason")
    if not isinstance(rule, str) or rule not in BY_CODE:
        raise UsageError(f"{where}: {_unknown_rule(rule)}")
    if not isinstance(reason, str) or not reason.strip():
        raise UsageError(f"{where}: every ignore needs a `reason`")
    fields = {k: item[k] for k in MATCHERS if k in item}
    if not all(isinstance(v, str) for v in fields.values()):
        raise UsageError(f"{where}: url, title and value must be text")
    return Ignore(rule, reason, **fields)


def _unknown_rule(rule: object) -> str:
    expected = f"expected one of {', '.join(BY_CODE)}"
    named = next((r for r in BY_CODE.values() if r.name == rule), None)
    if named:
        return f"`rule` is a code: did you mean {named.code} ({named.name})? ({expected})"
    return f"unknown `rule` {rule!r} ({expected})"
