#!/usr/bin/env python3
"""Rewrite the generated tables in docs/ from the declarations they document (the tests
fail while a table and its declaration differ): `python scripts/docs_tables.py`."""

from __future__ import annotations

from pathlib import Path

from readme_gen.links.settings import defaults_table

DOCS = Path(__file__).resolve().parent.parent / "docs"


def replace_between(path: Path, name: str, table: str) -> None:
    text = path.read_text(encoding="utf-8")
    begin, end = f"<!-- {name}:begin -->\n", f"<!-- {name}:end -->"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    path.write_text(head + begin + table + end + tail, encoding="utf-8")


if __name__ == "__main__":
    replace_between(DOCS / "links.md", "settings", defaults_table())
