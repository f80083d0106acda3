"""The checker's settings, resolved once: defaults < `[tool.readme-gen.links]` < flags.

Defaults (documented in docs/links.md): 64 requests in flight, 4 per host and no minimum
interval between them, a 20 s timeout per attempt (10 s to connect), 3 retries with
exponential backoff from 1 s, `Retry-After` honoured up to 60 s, titles verified, bodies
read up to 256 KiB, 10 redirects, private addresses refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readme_gen import HOMEPAGE, __version__
from readme_gen.errors import UsageError

USER_AGENT = f"readme-gen/{__version__} (paper-list link checker; +{HOMEPAGE})"
_DURATION = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(s|m|h|d|w)?\s*\Z")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, None: 1}


def parse_duration(text: str) -> float:
    """Seconds in `30`, `90s`, `15m`, `12h`, `7d` or `2w`."""
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
class CheckSettings:
    concurrency: int = 64
    per_host: int = 4
    min_interval: float = 0.0
    timeout: float = 20.0
    connect_timeout: float = 10.0
    retries: int = 3
    backoff_base: float = 1.0
    backoff_cap: float = 30.0
    retry_after_cap: float = 60.0
    verify_titles: bool = True
    max_body: int = 256 * 1024
    max_redirects: int = 10
    user_agent: str = USER_AGENT
    accept: tuple[Accept, ...] = ()
    exclude: tuple[re.Pattern[str], ...] = ()
    allow_private: bool = False
    cache: Path | None = None
    max_age: float = 7 * 86400.0
    strict: bool = False
    github_token: str | None = field(default=None, repr=False)


_FIELDS: dict[str, tuple[str, type]] = {
    "concurrency": ("concurrency", int),
    "per-host": ("per_host", int),
    "min-interval": ("min_interval", float),
    "timeout": ("timeout", float),
    "connect-timeout": ("connect_timeout", float),
    "retries": ("retries", int),
    "retry-after-cap": ("retry_after_cap", float),
    "verify-titles": ("verify_titles", bool),
    "max-body": ("max_body", int),
    "max-redirects": ("max_redirects", int),
    "user-agent": ("user_agent", str),
    "allow-private": ("allow_private", bool),
    "cache": ("cache", Path),
    "max-age": ("max_age", float),
    "strict": ("strict", bool),
}


def _convert(key: str, value: Any, kind: type, where: str) -> Any:
    try:
        if kind is bool:
            if not isinstance(value, bool):
                raise ValueError
            return value
        if kind is float and key in (
            "max-age",
            "min-interval",
            "timeout",
            "connect-timeout",
            "retry-after-cap",
        ):
            number = parse_duration(value) if isinstance(value, str) else float(value)
        elif kind in (int, float):
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                raise ValueError
            number = kind(value)
        else:
            return kind(str(value))
    except ValueError as exc:
        detail = f": {exc}" if str(exc) else ""
        raise UsageError(f"{where} `{key}`: `{value}` is not a valid value{detail}") from None
    if number < 0 or (key in ("concurrency", "per-host") and number < 1):
        raise UsageError(f"{where} `{key}`: `{value}` is out of range (expected a positive number)")
    return number


def resolve(
    table: Mapping[str, Any], flags: Mapping[str, Any], *, env: Mapping[str, str]
) -> CheckSettings:
    """Settings from the pyproject table and the command-line flags (None = not given)."""
    where = "pyproject.toml [tool.readme-gen.links]"
    known = set(_FIELDS) | {"accept", "exclude"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise UsageError(
            f"{where}: unknown setting `{unknown[0]}` (expected one of {', '.join(sorted(known))})"
        )
    values: dict[str, Any] = {}
    for key, (name, kind) in _FIELDS.items():
        if key in table:
            values[name] = _convert(key, table[key], kind, where)
    for key, (name, kind) in _FIELDS.items():
        flag = flags.get(name)
        if flag is not None:
            values[name] = _convert(key, flag, kind, "--" + key)
    values["exclude"] = _patterns(table.get("exclude", []), where) + _patterns(
        flags.get("exclude") or [], "--exclude"
    )
    values["accept"] = _accepts(table.get("accept", {}), where)
    token = env.get("GITHUB_TOKEN")
    values["github_token"] = token or None
    return CheckSettings(**values)


def _patterns(items: Any, where: str) -> tuple[re.Pattern[str], ...]:
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise UsageError(f"{where} `exclude`: expected a list of regular expressions")
    try:
        return tuple(re.compile(i) for i in items)
    except re.error as exc:
        raise UsageError(f"{where} `exclude`: invalid regular expression: {exc}") from None


def _accepts(table: Any, where: str) -> tuple[Accept, ...]:
    """`accept = {"ieeexplore\\\\.ieee\\\\.org" = [418], ...}`: host regex -> statuses."""
    if not isinstance(table, dict):
        raise UsageError(f"{where} `accept`: expected a table of host pattern = [statuses]")
    out = []
    for pattern, statuses in table.items():
        if not isinstance(statuses, list) or not all(isinstance(s, int) for s in statuses):
            raise UsageError(f"{where} `accept.{pattern}`: expected a list of HTTP statuses")
        try:
            out.append(Accept(re.compile(pattern), frozenset(statuses)))
        except re.error as exc:
            raise UsageError(f"{where} `accept`: invalid pattern `{pattern}`: {exc}") from None
    return tuple(out)
