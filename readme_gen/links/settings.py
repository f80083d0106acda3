"""The checker's settings, each declared once, resolved once: defaults <
`[tool.readme-gen.links]` < flags.

Every setting is one field of `CheckSettings` with its default, help, kind and unit (its
`option(...)` metadata). The command-line flags (`add_flags`), the pyproject reader
(`resolve`) and the defaults table in docs/links.md (`defaults_table`, checked by a test)
all derive from those fields, so a setting is added or changed in one place.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readme_gen import HOMEPAGE, __version__
from readme_gen.errors import UsageError
from readme_gen.metadata import (
    ARXIV_API_URL,
    DBLP_URL,
    ENV_ARXIV,
    ENV_DBLP,
    ENV_S2,
    ENV_S2_KEY,
    ENV_WAYBACK,
    S2_API_URL,
    WAYBACK_URL,
)
from readme_gen.net.settings import Kind, Option, WireSettings, option
from readme_gen.pyproject import unknown_setting

USER_AGENT = f"readme-gen/{__version__} (paper-list link checker; +{HOMEPAGE})"
_DURATION = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(s|m|h|d|w)?\s*\Z")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, None: 1}


def parse_duration(text: str) -> float:
    """Seconds in `30`, `1.5`, `90s`, `15m`, `12h`, `7d` or `2w`."""
    match = _DURATION.match(str(text))
    if not match:
        raise ValueError(f"`{text}` is not a duration (expected e.g. 30s, 15m, 12h, 7d)")
    return float(match.group(1)) * _UNITS[match.group(2)]


@dataclass(frozen=True, slots=True)
class Accept:
    """Statuses that count as fine for hosts matching a pattern (e.g. a publisher's 418)."""

    host: re.Pattern[str]
    statuses: frozenset[int]


@dataclass(frozen=True, slots=True)
class CheckSettings(WireSettings):
    """The wire's settings (timeouts, retries, redirects: `net.settings.WireSettings`,
    shared with the metadata services) and the link checker's own."""

    concurrency: int = option(64, "requests in flight at most", "count", minimum=1)
    per_host: int = option(4, "requests in flight to one host at most", "count", minimum=1)
    min_interval: float = option(0.0, "minimum time between requests to one host", "seconds")
    verify_titles: bool = option(
        True, "compare landing pages' titles, authors and years with the catalog's", "switch"
    )
    check_published: bool = option(
        True, "ask the arXiv API whether papers listed as arXiv preprints were published", "switch"
    )
    find_venues: bool = option(
        True,
        "ask Semantic Scholar (then DBLP) for the venue of papers listed as arXiv preprints",
        "switch",
    )
    fix_venues: bool = option(
        False, "write the venues found into catalog.yaml and rebuild README.md", "switch"
    )
    suggest: bool = option(
        False,
        "suggest the right page for a mismatch (arXiv, Semantic Scholar) and an archived "
        "copy for a broken link (the Wayback Machine)",
        "switch",
    )
    max_searches: int = option(
        50, "requests to the search services per run at most (venues, suggestions)", "count"
    )
    preprint_budget: float = option(
        300.0, "time limit of the whole arXiv check of preprints", "seconds", minimum=0.001
    )
    max_body: int = option(256 * 1024, "bytes of an HTML page read at most", "bytes", minimum=1)
    user_agent: str = option(USER_AGENT, "the User-Agent header", "text")
    cache: Path | None = option(None, "remember successes in this file", "path", metavar="PATH")
    max_age: float = option(7 * 86400.0, "how long a cached success counts", "seconds")
    strict: bool = option(False, "blocked and moved links fail too", "switch")
    # Not options of their own kind: lists and tables (see `resolve`), and the token,
    # which comes from the environment only.
    accept: tuple[Accept, ...] = ()
    exclude: tuple[re.Pattern[str], ...] = ()
    arxiv_api_url: str = ARXIV_API_URL  # READMEGEN_ARXIV_API_URL overrides it
    s2_api_url: str = S2_API_URL  # READMEGEN_S2_API_URL
    dblp_url: str = DBLP_URL  # READMEGEN_DBLP_URL
    wayback_url: str = WAYBACK_URL  # READMEGEN_WAYBACK_URL
    s2_api_key: str | None = field(default=None, repr=False)  # SEMANTIC_SCHOLAR_API_KEY
    github_token: str | None = field(default=None, repr=False)


def options() -> list[tuple[str, dataclasses.Field[Any], Option]]:
    """(config key, field, option) of every declared setting, in declaration order."""
    return [
        (f.name.replace("_", "-"), f, f.metadata["option"])
        for f in dataclasses.fields(CheckSettings)
        if "option" in f.metadata
    ]


def add_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per setting, `--per-host` for `per-host`; values are checked by `resolve`."""
    for key, f, opt in options():
        if opt.kind == "switch":
            action: Any = argparse.BooleanOptionalAction if f.default else "store_true"
            help = f"{opt.help} (default on)" if f.default else opt.help
            parser.add_argument(f"--{key}", dest=f.name, action=action, default=None, help=help)
            continue
        metavar = opt.metavar or {"seconds": "SECONDS", "bytes": "BYTES", "text": "TEXT"}.get(
            opt.kind, "N"
        )
        shown = describe(f.default, opt.kind)
        help = f"{opt.help} (default {shown})" if shown != "none" else opt.help
        parser.add_argument(f"--{key}", dest=f.name, metavar=metavar, default=None, help=help)


def describe(value: Any, kind: Kind) -> str:
    """A default as the docs write it."""
    if value is None:
        return "none"
    if kind == "switch":
        return "on" if value else "off"
    if kind == "seconds":
        for unit in ("d", "h"):
            if value >= _UNITS[unit] and value % _UNITS[unit] == 0:
                return f"{value / _UNITS[unit]:g}{unit}"
        return f"{value:g}s"
    return str(value)


def defaults_table() -> str:
    """The Markdown table of settings that docs/links.md carries (a test keeps it equal)."""
    rows = ["| setting | flag | default | meaning |", "| --- | --- | --- | --- |"]
    for key, f, opt in options():
        default = describe(f.default, opt.kind)
        if f.name == "user_agent":
            default = "readme-gen/VERSION (...)"
        rows.append(f"| `{key}` | `--{key}` | {default} | {opt.help} |")
    return "\n".join(rows) + "\n"


def convert(key: str, value: Any, opt: Option, where: str) -> Any:
    """One setting's value from the config file or a flag, checked against its kind."""

    def bad(detail: str = "") -> UsageError:
        tail = f": {detail}" if detail else ""
        return UsageError(f"{where} `{key}`: `{value}` is not a valid value{tail}")

    if opt.kind == "switch":
        if not isinstance(value, bool):
            raise bad("expected true or false")
        return value
    if opt.kind in ("text", "path"):
        if not isinstance(value, (str, Path)):
            raise bad("expected a string")
        return Path(value) if opt.kind == "path" else str(value)
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise bad()
    try:
        if opt.kind == "seconds":
            number: float = parse_duration(value) if isinstance(value, str) else float(value)
        elif isinstance(value, float) and not value.is_integer():
            raise ValueError
        else:
            number = int(value)
    except ValueError as exc:
        raise bad(str(exc) if opt.kind == "seconds" else "expected a whole number") from None
    if not math.isfinite(number) or number < opt.minimum:
        lowest = "at least 1" if opt.minimum >= 1 else "a positive number"
        raise UsageError(f"{where} `{key}`: `{value}` is out of range (expected {lowest})")
    return number


def resolve(
    table: Mapping[str, Any], flags: Mapping[str, Any], *, env: Mapping[str, str]
) -> CheckSettings:
    """Settings from the pyproject table and the command-line flags (None = not given)."""
    where = "pyproject.toml [tool.readme-gen.links]"
    declared = options()
    known = {key for key, _, _ in declared} | {"accept", "exclude"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise unknown_setting("links", unknown[0], known)
    values: dict[str, Any] = {}
    for key, f, opt in declared:
        if key in table:
            values[f.name] = convert(key, table[key], opt, where)
        if flags.get(f.name) is not None:
            values[f.name] = convert(key, flags[f.name], opt, f"--{key}")
    values["exclude"] = _patterns(table.get("exclude", []), where) + _patterns(
        flags.get("exclude") or [], "--exclude"
    )
    values["accept"] = _accepts(table.get("accept", {}), where)
    values["github_token"] = env.get("GITHUB_TOKEN") or None
    values["arxiv_api_url"] = env.get(ENV_ARXIV) or ARXIV_API_URL
    values["s2_api_url"] = env.get(ENV_S2) or S2_API_URL
    values["dblp_url"] = env.get(ENV_DBLP) or DBLP_URL
    values["wayback_url"] = env.get(ENV_WAYBACK) or WAYBACK_URL
    values["s2_api_key"] = env.get(ENV_S2_KEY) or None
    return CheckSettings(**values)


def _patterns(items: Any, where: str) -> tuple[re.Pattern[str], ...]:
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise UsageError(f"{where} `exclude`: expected a list of regular expressions")
    try:
        return tuple(re.compile(i) for i in items)
    except re.error as exc:
        raise UsageError(f"{where} `exclude`: invalid regular expression: {exc}") from None


def _accepts(table: Any, where: str) -> tuple[Accept, ...]:
    """`accept = {"ieeexplore\\\\.ieee\\\\.org" = [418]}`: host regex -> statuses."""
    if not isinstance(table, dict):
        raise UsageError(f"{where} `accept`: expected a table of host pattern = [statuses]")
    out = []
    for pattern, statuses in table.items():
        if not isinstance(statuses, list) or not all(
            isinstance(s, int) and not isinstance(s, bool) for s in statuses
        ):
            raise UsageError(f"{where} `accept.{pattern}`: expected a list of HTTP statuses")
        try:
            out.append(Accept(re.compile(pattern), frozenset(statuses)))
        except re.error as exc:
            raise UsageError(f"{where} `accept`: invalid pattern `{pattern}`: {exc}") from None
    return tuple(out)
