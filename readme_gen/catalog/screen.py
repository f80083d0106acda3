"""Checks on a catalog's raw text before the YAML parser sees it: characters YAML refuses
or editors count differently, and lines too long to be a catalog line. Each is one linear
scan that allocates little, so a hostile file is refused with a located message in
milliseconds, before any tree is built.

Also, once parsing has failed: `unclosed_quotes`, the line where a quoted value opens and
is not closed, which is where the mistake is, not where the parser gave up; and
`too_deep`, the bracket where nesting went too deep when libyaml's own limit stopped it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from readme_gen.errors import CatalogError, Problem
from readme_gen.position import Position

# The longest line a catalog needs: a maximal value (validate.MAX_PROSE) with its key,
# quotes and escapes. Longer lines are refused before parsing: libyaml reads them, but a
# 10 MB line of short values took 3.1 s and 435 MB to read (refused here: 0.06 s, 45 MB),
# and a 10 MB title 0.59 s and 98 MB (here 0.07 s, 47 MB).
MAX_LINE = 100_000
MAX_REPORTED = 20  # problems of one kind listed before giving up

# Characters YAML does not allow in a document (outside its printable set), plus the line
# breaks that YAML 1.1 readers, Python and editors count differently (NEL, LS, PS).
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BS",
    0x0B: "VT",
    0x0C: "FF",
    0x1B: "ESC",
    0x7F: "DEL",
    0x85: "NEL",
    0x2028: "LINE SEPARATOR",
    0x2029: "PARAGRAPH SEPARATOR",
}
_FLOW_OPEN = frozenset("[{")
_SPECIAL = re.compile(r"[\[\]{}#\"']")


def screen(text: str, path: str) -> None:
    """Raise CatalogError (located) for what no catalog contains: refused characters,
    over-long lines, nesting deeper than MAX_DEPTH."""
    problems = _characters(text, path)
    if not problems:
        problems = _long_lines(text, path)
    if problems:
        raise CatalogError(problems)


def _characters(text: str, path: str) -> list[Problem]:
    problems = []
    for match in _REFUSED.finditer(text):
        code = ord(match.group())
        name = _NAMES.get(code, "a control character")
        what = f"U+{code:04X} ({name})" if code in _NAMES else f"U+{code:04X}"
        kind = (
            "line break"
            if code in (0x85, 0x2028, 0x2029)
            else "control character"
            if code < 0xA0
            else "character"
        )
        problems.append(
            Problem(
                path,
                Position.at_offset(text, match.start()),
                f"the {kind} {what} is not allowed in a catalog",
                "printable text; remove it or retype the line",
            )
        )
        if len(problems) == MAX_REPORTED:
            break
    return problems


def _long_lines(text: str, path: str) -> list[Problem]:
    if len(text) <= MAX_LINE or max(map(len, text.split("\n"))) <= MAX_LINE:
        return []  # (split and max run in C: 3 ms for 10,000 papers, the loop below 13)
    problems = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > MAX_LINE:
            line = text.count("\n", 0, start) + 1
            problems.append(
                Problem(
                    path,
                    Position(line, 1),
                    f"line {line} is {end - start:,} characters long",
                    f"at most {MAX_LINE:,} characters a line, one value per line",
                )
            )
            if len(problems) == MAX_REPORTED:
                break
        start = end + 1
    return problems


def too_deep(
    text: str, start: Position, end: Position, opened: list[Position], limit: int
) -> Position:
    """Where nesting first goes past `limit` from `start` to `end` (text a parser refused
    as nested too deep, with the collections that start at `opened` open at `start`): the
    bracket that opens one collection too many; `end` if none is found."""
    lines = text.split("\n", end.line)
    block = sum(1 for p in opened if lines[p.line - 1][p.column - 1 : p.column] not in _FLOW_OPEN)
    flow = len(opened) - block
    for number in range(start.line, min(end.line, len(lines)) + 1):
        begin = start.column - 1 if number == start.line else 0
        flow, column = _flow_depth(lines[number - 1], begin, flow, block, limit)
        if column:
            return Position(number, column)
    return end


def _flow_depth(line: str, start: int, flow: int, block: int, limit: int) -> tuple[int, int]:
    """The flow depth after `line`, and the column where block + flow depth first exceeds
    `limit` (0 if it does not). A bracket counts where a value can start, or anywhere
    inside a flow collection (where plain text cannot hold one)."""
    for i, char, token_start, block_start in _marks(line, start):
        if char in _FLOW_OPEN and (token_start if flow else block_start):
            flow += 1
            if block + flow > limit:
                return flow, i + 1
        elif char in "]}" and flow:
            flow -= 1
    return flow, 0


def _marks(line: str, start: int) -> Iterator[tuple[int, str, bool, bool]]:
    """(index, character, whether a value can start there inside a flow collection, and
    outside one) of each bracket outside quotes and comments; an unclosed quote ends the
    scan with (index, quote, True, True). Only the few special characters are visited, so
    a long line costs a regex scan, not a Python loop."""
    for match in _SPECIAL.finditer(line, start):
        i = match.start()
        if i < start:
            continue  # inside a quoted value already skipped
        char = match.group()
        k = i - 1
        while k >= start and line[k] in " \t":
            k -= 1  # only the spaces just before: linear over the line
        prev = line[k] if k >= start else ""
        block_start = not prev or (prev in ":-?" and k < i - 1)
        token_start = block_start or prev in "[{,"
        if char == "#":
            if i == 0 or line[i - 1] in " \t":
                return
            continue
        if char in "\"'":
            if not token_start:
                continue
            end = _quote_end(line, i)
            if end < 0:
                yield i, char, True, True
                return
            start = end  # later matches before `end` are inside the quotes
            continue
        yield i, char, token_start, block_start


def _quote_end(line: str, i: int) -> int:
    """The index after the quote closing the one at `i`, or -1."""
    quote, j = line[i], i + 1
    while True:
        j = line.find(quote, j)
        if j < 0:
            return -1
        if quote == "'" and line.startswith("''", j):
            j += 2
            continue
        slashes = 0
        while quote == '"' and line[j - 1 - slashes] == "\\":
            slashes += 1
        if slashes % 2:
            j += 1
            continue
        return j + 1


def unclosed_quotes(text: str, before_line: int) -> Position | None:
    """The position of the first quoted value opened and not closed on its line, up to
    line `before_line`; None when there is none."""
    for number, raw in enumerate(text.split("\n", before_line)[:before_line], start=1):
        if '"' not in raw and "'" not in raw:
            continue
        start = len(raw) - len(raw.lstrip(" "))
        for i, char, _, _ in _marks(raw, start):
            if char in "\"'":
                return Position(number, i + 1)
    return None
