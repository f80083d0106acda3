"""Rewriting permanently moved URLs in the catalog text, at their exact positions, so
comments and the layout of everything else stay byte for byte."""

from __future__ import annotations

from collections.abc import Sequence

from readme_gen.catalog.emit import scalar
from readme_gen.links import policy
from readme_gen.links.results import Result, Status
from readme_gen.position import Position


def moved_target(result: Result) -> str | None:
    """Where a `moved` link now lives: the end of its leading run of 301/308 redirects."""
    return policy.moved_to(result.redirects) if result.status is Status.MOVED else None


def _token_end(line: str, start: int) -> int:
    """End of the YAML scalar starting at `start` (quoted, or plain up to a comment)."""
    quote = line[start] if start < len(line) else ""
    if quote in "\"'":
        i = start + 1
        while i < len(line):
            if quote == '"' and line[i] == "\\":
                i += 2
                continue
            if line[i] == quote:
                if quote == "'" and line[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                return i + 1
            i += 1
        raise ValueError("unterminated quoted scalar")
    cut = line.find(" #", start)
    end = len(line.rstrip("\n")) if cut < 0 else cut
    return len(line[:end].rstrip())


def rewrite(text: str, changes: Sequence[tuple[Position, str | int]]) -> str:
    """`text` with the scalar at each position replaced by the given URL (or text; a
    number, such as a year, is written as a number)."""
    lines = text.splitlines(keepends=True)
    for (line, column), value in sorted(changes, key=lambda c: c[0], reverse=True):
        current = lines[line - 1]
        start = column - 1
        end = _token_end(current, start)
        written = scalar(value) if isinstance(value, str) else str(value)
        lines[line - 1] = current[:start] + written + current[end:]
    return "".join(lines)
