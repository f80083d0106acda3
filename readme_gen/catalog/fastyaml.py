"""A fast reader for the plain YAML layout catalog.yaml is written in.

It understands block mappings and sequences, flow sequences of scalars, plain, single- and
double-quoted one-line scalars and comments, and nothing else: for anything it is not sure
of (anchors, tags, block scalars, multi-line scalars, flow mappings, duplicate keys, plain
scalars YAML would read as numbers other than whole numbers, tabs, syntax errors...) it
returns None and the caller falls back to ruamel.yaml (`readme_gen.catalog.yamltree.compose`),
which is the reference: for every text this module accepts, it yields the same tree,
positions included (tests/catalog/test_fastyaml.py checks that property). It imports only `re`,
so reading a catalog does not pay ruamel.yaml's start-up cost.
"""

from __future__ import annotations

import re

from readme_gen.catalog.yamltree import (
    INT,
    INT_SPELLING,
    NOT_TEXT,
    PLAIN_INT,
    STR,
    Map,
    Node,
    Scalar,
    Seq,
)
from readme_gen.position import Position

# Characters whose YAML handling is subtle (line breaks other than \n, controls, BOMs,
# tabs): leave such texts to ruamel.yaml.
_UNSUPPORTED = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_PLAIN_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_ .()/+'-]*?):(?: +|\Z)")
_INDICATOR = frozenset("-?:,[]{}#&*!|>'\"%@`")
# The unrolled loop: a run of plain characters per step, not one regex group per character
# (the alternation form cost ~137 bytes of backtracking state per character).
_DQ_BODY = re.compile(r'([^"\\]*(?:\\.[^"\\]*)*)"')
_DQ_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_FLOW_ITEM_END = re.compile(r"[,\]]")
_FLOW_SIMPLE_BAD = re.compile(r"[\"'#\[\]{}:]")
# NOT_TEXT can match only a value starting with one of these (or an empty one).
_MAYBE_NOT_TEXT = frozenset("tTfFnN~<=-+.0123456789")
_INT_START = frozenset("-+0123456789")


class _Bail(Exception):
    """Not certain: let ruamel.yaml read this text."""


def parse(text: str) -> Node | None:
    """The tree of `text`, or None when ruamel.yaml must read it."""
    if "\r" in text or _UNSUPPORTED.search(text):
        return None
    try:
        return _Parser(text).document()
    except (_Bail, IndexError, ValueError, OverflowError):
        return None


class _Parser:
    def __init__(self, text: str) -> None:
        # (line number, indent, content) of every line that holds something.
        self.lines: list[tuple[int, int, str]] = []
        for number, raw in enumerate(text.split("\n"), start=1):
            content = raw.lstrip(" ")
            if not content or content[0] == "#":
                continue
            if raw.startswith(("---", "...", "%")):
                raise _Bail
            self.lines.append((number, len(raw) - len(content), content.rstrip(" ")))
        self.count = len(self.lines)
        self.plain_keys: set[str] = set()  # plain keys already seen to be valid

    def document(self) -> Node:
        if not self.lines or self.lines[0][1] != 0:
            raise _Bail
        node, index = self.block(0, 0)
        if index != self.count:
            raise _Bail
        return node

    def block(self, index: int, indent: int) -> tuple[Node, int]:
        content = self.lines[index][2]
        if content == "-" or content.startswith("- "):
            return self.sequence(index, indent)
        return self.mapping(index, indent)

    def mapping(self, index: int, indent: int) -> tuple[Map, int]:
        number = self.lines[index][0]
        node = Map({}, {}, Position(number, indent + 1))
        items, keys, lines, count = node.items, node.keys, self.lines, self.count
        while index < count:
            number, line_indent, content = lines[index]
            if line_indent != indent:
                if line_indent > indent:
                    raise _Bail
                break
            key, rest = self.key(content)
            if key in items:
                raise _Bail  # ruamel.yaml reports duplicates with both positions
            keys[key] = Position(number, indent + 1)
            index += 1
            if rest:
                column = indent + 1 + len(content) - len(rest)
                items[key] = self.inline(rest, number, column)
                if index < count and lines[index][1] > indent:
                    raise _Bail  # a continuation line: multi-line plain scalar or an error
                continue
            if index < count:
                next_indent, next_content = lines[index][1], lines[index][2]
                if next_indent > indent:
                    items[key], index = self.block(index, next_indent)
                    continue
                if next_indent == indent and (next_content == "-" or next_content.startswith("- ")):
                    items[key], index = self.sequence(index, indent)
                    continue
            raise _Bail  # an empty value (null): rare, and ruamel.yaml places it exactly
        return node, index

    def key(self, content: str) -> tuple[str, str]:
        """The key of a `key: value` line and what follows it (comment removed)."""
        colon = content.find(":")
        if colon > 0 and content[:colon] in self.plain_keys:
            after = content[colon + 1 :]
            if not after or after[0] == " ":
                rest = after.lstrip(" ")
                return content[:colon], "" if rest.startswith("#") else rest
        if content[0] == '"':
            value, after = self.double_quoted(content, 0)
            if not after.startswith(":") or after[1:2] not in ("", " "):
                raise _Bail
            rest = after[1:].lstrip(" ")
            key = value
        else:
            match = _PLAIN_KEY.match(content)
            if match is None:
                raise _Bail
            key, rest = match.group(1), content[match.end() :]
            if key.endswith(" ") or NOT_TEXT.match(key):
                raise _Bail
            self.plain_keys.add(key)
        if rest.startswith("#"):
            rest = ""
        return key, rest

    def sequence(self, index: int, indent: int) -> tuple[Seq, int]:
        lines, count = self.lines, self.count
        node = Seq([], Position(lines[index][0], indent + 1))
        while index < count:
            number, line_indent, content = lines[index]
            if line_indent != indent or not (content == "-" or content.startswith("- ")):
                if line_indent > indent:
                    raise _Bail
                break
            rest = content[1:].lstrip(" ")
            if not rest or rest[0] == "#":
                raise _Bail  # item on the following lines: not our layout
            item_indent = indent + len(content) - len(rest)
            if rest.startswith("- ") or rest == "-":
                raise _Bail
            if (rest[0] not in "\"'[{" and _PLAIN_KEY.match(rest)) or (
                rest[0] == '"' and self.is_key(rest)
            ):
                lines[index] = (number, item_indent, rest)
                item, index = self.mapping(index, item_indent)
                node.items.append(item)
                continue
            node.items.append(self.inline(rest, number, item_indent + 1))
            index += 1
            if index < count and lines[index][1] > indent:
                raise _Bail
        return node, index

    def is_key(self, content: str) -> bool:
        _, after = self.double_quoted(content, 0)
        return after.startswith(":") and after[1:2] in ("", " ")

    # -- scalars -------------------------------------------------------------------------
    def inline(self, text: str, line: int, column: int) -> Node:
        """A value on the rest of a line: quoted, a flow sequence, or plain."""
        first = text[0]
        if first == '"':
            value, after = self.double_quoted(text, 0)
            self.end_of_value(after)
            return Scalar(value, STR, Position(line, column))
        if first == "'":
            value, after = self.single_quoted(text, 0)
            self.end_of_value(after)
            return Scalar(value, STR, Position(line, column))
        if first == "[":
            return self.flow_sequence(text, line, column)
        if first in _INDICATOR:
            raise _Bail
        cut = text.find(" #")
        value = text if cut < 0 else text[:cut].rstrip(" ")
        if ": " in value or value.endswith(":"):
            raise _Bail
        return self.plain(value, line, column)

    @staticmethod
    def plain(value: str, line: int, column: int) -> Scalar:
        if value[0] in _MAYBE_NOT_TEXT and NOT_TEXT.match(value):
            if PLAIN_INT.match(value):
                return Scalar(int(value), INT, Position(line, column))
            if value[0] in _INT_START and INT_SPELLING.fullmatch(value):
                return Scalar(value, INT, Position(line, column))  # kept as written: see PLAIN_INT
            raise _Bail
        return Scalar(value, STR, Position(line, column))

    @staticmethod
    def end_of_value(after: str) -> None:
        rest = after.lstrip(" ")
        if rest and (rest[0] != "#" or rest == after):
            raise _Bail

    @staticmethod
    def double_quoted(text: str, start: int) -> tuple[str, str]:
        match = _DQ_BODY.match(text, start + 1)
        if match is None:
            raise _Bail  # unterminated on this line: multi-line or an error
        body = match.group(1)
        if "\\" in body:
            body = _DQ_ESCAPE.sub(_unescape, body)
        return body, text[match.end() :]

    @staticmethod
    def single_quoted(text: str, start: int) -> tuple[str, str]:
        i = start + 1
        while True:
            j = text.find("'", i)
            if j < 0:
                raise _Bail
            if text.startswith("''", j):
                i = j + 2
                continue
            return text[start + 1 : j].replace("''", "'"), text[j + 1 :]

    def flow_sequence(self, text: str, line: int, column: int) -> Seq:
        node = Seq([], Position(line, column))
        if text[-1] == "]" and not _FLOW_SIMPLE_BAD.search(text, 1, len(text) - 1):
            return self.simple_flow_sequence(node, text, line, column)
        i = 1
        while True:
            while text.startswith(" ", i):
                i += 1
            if text.startswith("]", i) and not node.items:
                i += 1
                break
            item_column = column + i
            first = text[i]
            if first == '"':
                value, after = self.double_quoted(text, i)
                node.items.append(Scalar(value, STR, Position(line, item_column)))
                i = len(text) - len(after)
            elif first == "'":
                value, after = self.single_quoted(text, i)
                node.items.append(Scalar(value, STR, Position(line, item_column)))
                i = len(text) - len(after)
            else:
                if first in _INDICATOR:
                    raise _Bail
                end = _FLOW_ITEM_END.search(text, i)
                if end is None:
                    raise _Bail
                raw = text[i : end.start()].rstrip(" ")
                if not raw or any(c in raw for c in ":#[]{}\"'"):
                    raise _Bail
                node.items.append(self.plain(raw, line, item_column))
                i = end.start()
            while text.startswith(" ", i):
                i += 1
            if text.startswith(",", i):
                i += 1
                continue
            if text.startswith("]", i):
                i += 1
                break
            raise _Bail
        self.end_of_value(text[i:])
        return node

    def simple_flow_sequence(self, node: Seq, text: str, line: int, column: int) -> Seq:
        """`[a, b, c]` of plain items with no quotes, comments or nesting."""
        inner = text[1:-1]
        if not inner.strip(" "):
            return node
        offset = column + 1
        for raw in inner.split(","):
            item = raw.strip(" ")
            if not item or item[0] in _INDICATOR:
                raise _Bail
            node.items.append(self.plain(item, line, offset + len(raw) - len(raw.lstrip(" "))))
            offset += len(raw) + 1
        return node


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if len(code) > 1:
        return chr(int(code[1:], 16))
    if code not in _ESCAPES:
        raise _Bail
    return _ESCAPES[code]
