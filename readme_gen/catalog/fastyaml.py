"""A fast reader for the plain YAML layout catalog.yaml is written in.

It understands block mappings and sequences, flow sequences of scalars, plain, single- and
double-quoted one-line scalars and comments, and nothing else: for anything it is not sure
of (anchors, tags, block scalars, multi-line scalars, flow mappings, duplicate keys, plain
scalars YAML would read as numbers other than whole numbers, tabs, syntax errors...) it
declines, and the caller falls back to ruamel.yaml (`readme_gen.catalog.yamltree.compose`),
which is the reference: for every text this module accepts, it yields the same tree,
positions included (tests/catalog/test_fastyaml.py checks that property). It imports only `re`,
so reading a catalog does not pay ruamel.yaml's start-up cost.

When it declines, it says where (`Declined`): ruamel.yaml then need read only from the
entry it stopped in, so an error at the end of a large catalog costs no whole slow read
(tests/catalog/test_window.py checks that the messages are the whole read's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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


@dataclass(frozen=True, slots=True)
class Declined:
    """How far the fast reader got before declining a text: ruamel.yaml need read only
    from line `resume` on, after the lines `kept` (see `window`)."""

    resume: int
    """First line of the entry the fast reader was in when it declined."""
    kept: tuple[int, ...]
    """Lines before `resume` that open the collections still open there, and the keys
    those mappings already hold: with them, a YAML parser is in the same state at
    `resume` as after the whole text before it."""

    open: tuple[Map | Seq, ...] = field(default=(), compare=False, repr=False)
    """The collections open at `resume`, outermost first, as far as the fast reader read
    them: with the window's tree, they make the whole text's (`complete`)."""

    def window(self, text: str) -> str:
        """`text` with every line before `resume` blanked but the `kept` ones. A YAML
        parser reads it from `resume` on exactly as the whole text, same positions and
        same errors, since all it skips are complete entries the fast reader accepted."""
        if self.resume <= 1:
            return text
        lines = text.split("\n")
        head = [""] * (self.resume - 1)
        for number in self.kept:
            head[number - 1] = lines[number - 1]
        return "\n".join(head + lines[self.resume - 1 :])

    def complete(self, window: Node) -> Node | None:
        """The whole text's tree: the fast reader's entries before `resume` and the window's
        from `resume` on (the window's nodes before it stand for lines it did not see).
        None if the two do not fit, which the equal states at `resume` rule out."""
        return _join(self.open, 0, window, self.resume) if self.open else window


def _join(open_: tuple[Map | Seq, ...], depth: int, window: Node, resume: int) -> Node | None:
    """`open_[depth]` completed from its counterpart in the window: its own entries before
    `resume`, the window's from `resume` on, and the entry being read joined likewise."""
    fast = open_[depth]
    child = open_[depth + 1] if depth + 1 < len(open_) else None
    if isinstance(fast, Map) and isinstance(window, Map):
        items: dict[str, Node] = {}
        keys: dict[str, Position] = {}
        last = next(reversed(fast.keys), None)
        for key, position in fast.keys.items():
            if position[0] >= resume:
                continue
            value = fast.items.get(key)
            if key == last and (value is None or value is child):
                # The entry being read: its value goes on past `resume`, or (not read
                # yet) starts there.
                value = window.items.get(key)
                if value is not None and child is not None:
                    value = _join(open_, depth + 1, value, resume)
            if value is None:
                return None
            items[key], keys[key] = value, position
        for key, position in window.keys.items():
            if position[0] >= resume:
                items[key], keys[key] = window.items[key], position
        return Map(items, keys, fast.position)
    if isinstance(fast, Seq) and isinstance(window, Seq):
        seq = [item for item in fast.items if item.position.line < resume and item is not child]
        for item in window.items:
            if item.position.line >= resume:
                seq.append(item)
            elif child is not None and item.position.line == child.position.line:
                joined = _join(open_, depth + 1, item, resume)
                if joined is None:
                    return None
                seq.append(joined)
            # else: a kept first line, standing for items already in `fast`
        return Seq(seq, fast.position)
    return None


def parse(text: str) -> Node | None:
    """The tree of `text`, or None when ruamel.yaml must read it."""
    tree = read(text)
    return tree if not isinstance(tree, Declined) else None


def read(text: str) -> Node | Declined:
    """The tree of `text`, or where ruamel.yaml must take over."""
    # A CRLF line end is one line break to YAML, as LF is: without the CRs, the same tree
    # at the same positions (`add` and `fmt` keep a catalog's CRLF; ruamel.yaml read such
    # a catalog 15 times slower). A lone CR, also a line break, stops the fast reader.
    parser = _Parser(text.replace("\r\n", "\n") if "\r" in text else text)
    try:
        return parser.document()
    except (_Bail, IndexError, ValueError, OverflowError):
        return parser.declined()


# A line no parse accepts, put where the fast reader must stop (its indent kept, so the
# collections it closes are closed as they would be).
_STOP = "\x00"


class _Parser:
    def __init__(self, text: str) -> None:
        # (line number, indent, content) of every line that holds something, up to the
        # first line the fast reader cannot read (which becomes a _STOP line).
        unsupported = _UNSUPPORTED.search(text)
        raws = text[: unsupported.start() if unsupported else len(text)].split("\n")
        stop = len(raws) if unsupported else 0  # the line holding that character
        self.lines: list[tuple[int, int, str]] = []
        for number, raw in enumerate(raws, start=1):
            content = raw.lstrip(" ")
            if number == stop or raw.startswith(("---", "...", "%")):
                self.lines.append((number, len(raw) - len(content), _STOP))
                break
            if not content or content[0] == "#":
                continue
            self.lines.append((number, len(raw) - len(content), content.rstrip(" ")))
        self.count = len(self.lines)
        self.plain_keys: set[str] = set()  # plain keys already seen to be valid
        self.open: list[Map | Seq] = []  # collections being read, outermost first
        self.at = 0  # the line a collection's loop is at

    def declined(self) -> Declined:
        """Where to resume: the last entry of the innermost collection still open or, if
        that entry's value is a block it has finished, the line it stopped at."""
        if not self.open:
            return Declined(1, ())
        chain = list(self.open)
        inner = chain[-1]
        resume, last = inner.position.line, None
        if isinstance(inner, Map) and inner.keys:
            key = next(reversed(inner.keys))
            resume, last = inner.keys[key][0], inner.items.get(key)
        elif isinstance(inner, Seq) and inner.items:
            last = inner.items[-1]
            resume = last.position.line
        if isinstance(last, Map) or (isinstance(last, Seq) and last.position.line > resume):
            # A block the fast reader finished: resume where it stopped, and keep the
            # block's start as for an open one (so the entry's value stays given, and a
            # list YAML goes on with past a line the fast reader could not read goes on).
            chain.append(last)
            resume = self.lines[self.at][0]
        # A collection that starts at `resume` or later is the window's alone (the fast
        # reader may even have taken the line it stopped at for the start of one).
        open_ = tuple(node for node in chain if node.position.line < resume)
        kept: set[int] = set()
        for node in open_:
            kept.add(node.position.line)
            if isinstance(node, Map):
                kept.update(line for line, _ in node.keys.values())
        return Declined(resume, tuple(sorted(line for line in kept if line < resume)), open_)

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
        self.open.append(node)
        items, keys, lines, count = node.items, node.keys, self.lines, self.count
        while index < count:
            self.at = index
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
        self.open.pop()
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
        self.open.append(node)
        while index < count:
            self.at = index
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
        self.open.pop()
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
