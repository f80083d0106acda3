"""Rewriting permanently moved URLs in the catalog text, at their exact positions, so
comments and the layout of everything else stay byte for byte. It takes plain values
(where, the old URL, the new one); which moves to fix is the link checker's business.

A target the catalog's own URL rules refuse (markup, a line separator, an overlong URL),
or an edit that does not read back as exactly the intended change, is skipped, not
written: the other moves are still fixed.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from readme_gen.catalog.emit import quoted, scalar
from readme_gen.catalog.load import parse_catalog
from readme_gen.catalog.model import Catalog, Item, Paper, See
from readme_gen.catalog.validate import Validator
from readme_gen.catalog.yamltree import STR, Scalar
from readme_gen.errors import CatalogError
from readme_gen.position import START, Position


@dataclass(frozen=True, slots=True)
class Move:
    """One use of a moved URL: where it stands in catalog.yaml, and where it now lives."""

    position: Position
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Fixed:
    text: str
    """The new catalog text (the old one when nothing could be fixed)."""
    catalog: Catalog
    fixed: tuple[Move, ...]
    skipped: tuple[tuple[Move, str], ...]
    """Each move left as it was, and why."""


def refused(url: str) -> str | None:
    """Why the catalog would refuse `url` as a link (its validator's own rules), or None."""
    validator = Validator("<target>", Path(), today=_dt.date.today())
    validator.url(Scalar(url, STR, START), "the target")
    return validator.problems[0].message if validator.problems else None


def fix(text: str, moves: list[Move], path: str, base_dir: Path) -> Fixed:
    """`text` with every move that can be written rewritten. Each target is checked first;
    then the edit is read back and must be the old catalog with those links changed and
    nothing else. If the moves together do not read back so, each is tried alone."""
    before = parse_catalog(text, path, base_dir)
    skipped: list[tuple[Move, str]] = []
    writable = []
    for move in moves:
        problem = refused(move.new)
        if problem is None:
            writable.append(move)
        else:
            skipped.append((move, f"the target cannot be written: {problem}"))
    result = _apply(text, before, writable, path, base_dir)
    if result is None:
        alone = [m for m in writable if _apply(text, before, [m], path, base_dir) is not None]
        skipped += [(m, _UNEDITABLE) for m in writable if m not in alone]
        writable = alone
        result = _apply(text, before, writable, path, base_dir)
        if result is None:  # each alone, but not together: fix none rather than guess
            skipped += [(m, _UNEDITABLE) for m in writable]
            writable, result = [], (text, before)
    new_text, catalog = result
    return Fixed(new_text, catalog, tuple(writable), tuple(skipped))


_UNEDITABLE = "its line's layout cannot be edited in place (run `readme-gen fmt` first)"


def _apply(
    text: str, before: Catalog, moves: list[Move], path: str, base_dir: Path
) -> tuple[str, Catalog] | None:
    """The rewritten text and its catalog, or None when it does not read back as `before`
    with exactly these links changed."""
    if not moves:
        return text, before
    try:
        new_text = rewrite(text, moves)
        after = parse_catalog(new_text, path, base_dir)
    except (CatalogError, ValueError):
        return None
    return (new_text, after) if after == _expected(before, moves) else None


def _expected(before: Catalog, moves: list[Move]) -> Catalog:
    targets = {(m.position, m.old): m.new for m in moves}

    def moved(paper: Paper) -> Paper:
        links = tuple(
            replace(link, url=targets.get((link.position, link.url), link.url))
            for link in paper.links
        )
        return replace(paper, links=links)

    def item(it: Item) -> Item:  # an adopted list holds its papers among its items too
        if isinstance(it, Paper):
            return moved(it)
        return See(moved(it.paper), it.position) if isinstance(it, See) else it

    sections = tuple(
        replace(
            section,
            papers=tuple(moved(p) for p in section.papers),
            items=tuple(item(i) for i in section.items),
        )
        for section in before.sections
    )
    return replace(before, sections=sections)


def _token_end(line: str, start: int) -> int:
    """End of the YAML scalar starting at `start`: quoted, or plain up to a comment (in a
    flow collection, also up to a `,`, `}` or `]`)."""
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
    body = line.rstrip("\n")
    cut = body.find(" #", start)
    end = len(body) if cut < 0 else cut
    if _in_flow(line, start):
        ends = [i for i in (body.find(c, start, end) for c in ",}]") if i >= 0]
        end = min(ends, default=end)
    return len(line[:end].rstrip())


def _in_flow(line: str, start: int) -> bool:
    """Whether `start` is inside a flow collection opened on this line (quotes skipped)."""
    depth, quote = 0, ""
    for char in line[:start]:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
    return depth > 0


def rewrite(text: str, moves: list[Move]) -> str:
    """`text` with the scalar at each move's position replaced by its new URL."""
    return rewrite_scalars(text, [(move.position, move.new) for move in moves])


def rewrite_scalars(
    text: str, changes: Sequence[tuple[Position, str | int]], *, keep_quotes: bool = False
) -> str:
    """`text` with the scalar at each position replaced by the given text (or number,
    such as a year, written as a number); every other byte kept. `keep_quotes`: a value
    written double-quoted stays double-quoted (a title, as the catalog writes titles)."""
    lines = text.splitlines(keepends=True)
    for (line, column), value in sorted(changes, key=lambda c: c[0], reverse=True):
        current = lines[line - 1]
        start = column - 1
        end = _token_end(current, start)
        flow = _in_flow(current, start)
        if not isinstance(value, str):
            written = str(value)
        elif keep_quotes and current[start : start + 1] == '"':
            written = quoted(value)
        else:
            written = scalar(value, flow=flow)
        lines[line - 1] = current[:start] + written + current[end:]
    return "".join(lines)
