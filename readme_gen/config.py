"""Settings from pyproject.toml's `[tool.readme-gen]` table.

Resolution order everywhere: built-in defaults < `[tool.readme-gen]` (and its sub-tables,
e.g. `[tool.readme-gen.links]`) < command-line flags. Commands resolve their settings once
into a frozen object and pass it down; nothing reads configuration later.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from readme_gen.errors import CatalogError, Problem

PYPROJECT = "pyproject.toml"


def find_pyproject(start: Path | None = None) -> Path | None:
    """pyproject.toml in `start` (default: the working directory), if there is one."""
    candidate = (start or Path.cwd()) / PYPROJECT
    return candidate if candidate.is_file() else None


def tool_table(*names: str, start: Path | None = None) -> dict[str, Any]:
    """`[tool.readme-gen]` or a sub-table such as `tool_table("links")`; {} when absent.

    A malformed pyproject.toml or a sub-table that is not a table is a located error.
    """
    path = find_pyproject(start)
    if path is None:
        return {}
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, column = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise CatalogError([Problem(str(path), line, column, f"invalid TOML: {message}")]) from None
    except UnicodeDecodeError:
        raise CatalogError([Problem(str(path), 0, 0, "not UTF-8", "UTF-8 text")]) from None
    table: Any = data.get("tool", {}).get("readme-gen", {})
    where = "tool.readme-gen"
    for name in names:
        if not isinstance(table, dict):
            break
        table = table.get(name, {})
        where += f".{name}"
    if not isinstance(table, dict):
        raise CatalogError([Problem(str(path), 0, 0, f"`{where}` is not a table", "a [table]")])
    return table
