"""Settings from pyproject.toml's `[tool.readme-gen]` table.

Resolution order everywhere: built-in defaults < `[tool.readme-gen]` (and its sub-tables,
e.g. `[tool.readme-gen.links]`) < command-line flags. Commands resolve their settings once
into a frozen object and pass it down; nothing reads configuration later.

pyproject.toml is read and parsed once per run (cached by path and file state), however
many settings a command resolves. Every problem in it is a `ConfigError` located as
`pyproject.toml:LINE:COL`; `Pyproject.position` finds a key's line for semantic errors.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readme_gen.errors import ConfigError, Problem, did_you_mean
from readme_gen.fsutil import read_bytes
from readme_gen.position import START, Position
from readme_gen.text import shorten

PYPROJECT = "pyproject.toml"
TOOL = ("tool", "readme-gen")
_TOML_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)")
_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_KEY_LINE = re.compile(rf"({_PART}(?:\s*\.\s*{_PART})*)\s*=")
_KEY_PART = re.compile(r"""\s*(?:([A-Za-z0-9_-]+)|"([^"\n]*)"|'([^'\n]*)')\s*(?:\.|\Z)""")


@dataclass(frozen=True, slots=True)
class Pyproject:
    """A parsed pyproject.toml, with its text for locating keys."""

    name: str
    text: str
    data: dict[str, Any]

    def table(self, *names: str) -> dict[str, Any]:
        """`[tool.readme-gen]` or a sub-table; {} when absent, ConfigError when not a table."""
        table: Any = self.data
        for depth, name in enumerate((*TOOL, *names), start=1):
            table = table.get(name, {})
            if not isinstance(table, dict):
                keys = (*TOOL, *names)[:depth]
                raise self.error(f"`{'.'.join(keys)}` is not a table", keys[2:], "a [table]")
        return dict(table)

    def position(self, keys: tuple[str, ...]) -> Position:
        """The position of `tool.readme-gen.<keys>`, or of the nearest enclosing table
        written in the file; the start of the file when none is. Best effort: a
        line-by-line scan."""
        wanted = (*TOOL, *keys)
        best = START
        table: tuple[str, ...] = ()
        for number, raw in enumerate(self.text.splitlines(), start=1):
            line = raw.strip()
            column = len(raw) - len(raw.lstrip()) + 1
            if line.startswith("["):
                table = _key_path(line.lstrip("[").split("]")[0])
                if table == wanted:
                    return Position(number, column)
                if table and wanted[: len(table)] == table:
                    best = Position(number, column)
                continue
            match = _KEY_LINE.match(line)
            if match:
                full = (*table, *_key_path(match.group(1)))
                if full[: len(wanted)] == wanted or (
                    len(full) < len(wanted) and wanted[: len(full)] == full
                ):
                    return Position(number, column)
        return best

    def error(self, message: str, keys: tuple[str, ...], expected: str = "") -> ConfigError:
        """A ConfigError located at `tool.readme-gen.<keys>`."""
        return ConfigError([Problem(self.name, self.position(keys), message, expected)])


def find_pyproject(start: Path | None = None) -> Path | None:
    """pyproject.toml in `start` (default: the working directory), if there is one."""
    candidate = (start or Path.cwd()) / PYPROJECT
    return candidate if candidate.is_file() else None


def load_pyproject(start: Path | None = None) -> Pyproject | None:
    """The parsed pyproject.toml of `start` (default: the working directory), or None."""
    path = find_pyproject(start)
    if path is None:
        return None
    name = PYPROJECT if start is None else str(path)
    stat = path.stat()
    return _parse(path, name, (stat.st_mtime_ns, stat.st_size, stat.st_ino))


def tool_table(*names: str, start: Path | None = None) -> dict[str, Any]:
    """`[tool.readme-gen]` or a sub-table such as `tool_table("links")`; {} when absent.

    A malformed pyproject.toml or a sub-table that is not a table is a ConfigError.
    """
    pyproject = load_pyproject(start)
    return {} if pyproject is None else pyproject.table(*names)


def tool_path(key: str, default: str, *, start: Path | None = None) -> Path:
    """A path setting of `[tool.readme-gen]` (`catalog`, `output`), else `default`."""
    pyproject = load_pyproject(start)
    if pyproject is None:
        return Path(default)
    value = pyproject.table().get(key, default)
    if not isinstance(value, str) or not value.strip() or "\0" in value:
        raise pyproject.error(
            f"`tool.readme-gen.{key}` must be a file path, got {value!r:.80}", (key,), '"a/path"'
        )
    return Path(value)


def unknown_setting(
    table: str, key: str, known: Iterable[str], *, start: Path | None = None
) -> ConfigError:
    """The error for an unknown key of `[tool.readme-gen.<table>]`, located at the key in
    pyproject.toml (at the start of the file when there is none), naming the closest
    known key as the catalog's messages do."""
    known = sorted(known)
    message = f"unknown setting `{shorten(key)}` in [tool.readme-gen.{table}]"
    message += did_you_mean(key, known)
    expected = f"one of {', '.join(known)}"
    pyproject = load_pyproject(start)
    if pyproject is None:
        return ConfigError([Problem(PYPROJECT, START, message, expected)])
    return pyproject.error(message, (table, key), expected)


@functools.lru_cache(maxsize=8)
def _parse(path: Path, name: str, _state: tuple[int, int, int]) -> Pyproject:
    # `_state` (mtime, size, inode) is part of the cache key: a rewritten file is read again.
    import tomllib

    data = read_bytes(path, label=name)
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        where = Position.at_offset(data, exc.start)
        message = f"byte 0x{data[exc.start]:02x} is not UTF-8"
        raise ConfigError([Problem(name, where, message, "UTF-8 text")]) from None
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_AT.search(str(exc))
        if match and match.group(1):
            where = Position(int(match.group(1)), int(match.group(2)))
        else:
            where = Position(text.count("\n") + (0 if text.endswith("\n") else 1) or 1, 1)
        message = _TOML_AT.sub("", str(exc))
        raise ConfigError([Problem(name, where, f"invalid TOML: {message}")]) from None
    return Pyproject(name, text, parsed)


def _key_path(key: str) -> tuple[str, ...]:
    """`tool."readme-gen".links` -> ("tool", "readme-gen", "links")."""
    parts, at = [], 0
    key = key.strip()
    while at < len(key):
        match = _KEY_PART.match(key, at)
        if match is None:
            return ()
        parts.append(next(g for g in match.groups() if g is not None))
        at = match.end()
    return tuple(parts)
