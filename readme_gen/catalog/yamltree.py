"""A YAML document as a small tree of positioned nodes, the input of validation.

Two readers produce the same tree: `readme_gen.catalog.fastyaml` for the plain layout catalog.yaml
is written in (fast, no ruamel import), and `compose` here, built on ruamel.yaml's event
parser, for everything else and for every error message. Composing from events means
aliases are never expanded (an alias bomb costs nothing: anchors are rejected), and every
duplicate key is reported, not just the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from readme_gen.errors import CatalogError, Problem, shorten
from readme_gen.position import NOWHERE, START, Position

# The scalar kinds YAML 1.2 resolves a plain scalar to (ruamel.yaml's resolver, version 1.2).
STR, INT, FLOAT, BOOL, NULL, TIMESTAMP = "str", "int", "float", "bool", "null", "timestamp"


@dataclass(slots=True)
class Scalar:
    value: str | int | float | bool | None
    kind: str
    position: Position


@dataclass(slots=True)
class Seq:
    items: list[Node]
    position: Position


@dataclass(slots=True)
class Map:
    items: dict[str, Node]
    keys: dict[str, Position] = field(default_factory=dict)
    """Position of each key, for messages about the key itself (unknown, duplicate)."""
    position: Position = NOWHERE


Node = Scalar | Seq | Map

_TAG_KINDS = {
    "tag:yaml.org,2002:str": STR,
    "tag:yaml.org,2002:int": INT,
    "tag:yaml.org,2002:float": FLOAT,
    "tag:yaml.org,2002:bool": BOOL,
    "tag:yaml.org,2002:null": NULL,
    "tag:yaml.org,2002:timestamp": TIMESTAMP,
}
# Plain scalars that YAML 1.2 (ruamel.yaml's resolver) reads as something other than text.
NOT_TEXT = re.compile(
    r"""(?x)^(?:
      true|True|TRUE|false|False|FALSE|~|null|Null|NULL|<<|=|
    | [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    | [-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    | [-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
    | [-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?[0-9_]+ | [-+]?0x[0-9a-fA-F_]+
    | [0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?.*
    )$"""
)
# The one spelling of a whole number the catalog accepts. YAML reads 02024, +2024, 2_024,
# 0x7E9 and 0o3751 as numbers too; such a scalar keeps its text as written (kind INT, a str
# value) so validation can refuse it, quoting it as written. 18 digits at most: a longer
# number is no year, and int() of thousands of digits is slow (and refused over 4,300).
PLAIN_INT = re.compile(r"(?:0|[1-9][0-9]{0,17})\Z")
# Every plain scalar ruamel.yaml's YAML 1.2 resolver reads as an int (its regex, for texts
# starting with a sign or a digit).
INT_SPELLING = re.compile(r"[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+")
_SKIP = "\x00"  # pending key that was rejected: drop its value (YAML text has no NUL)


def scalar_value(text: str, kind: str) -> str | int | float | bool | None:
    """The Python value of a resolved YAML 1.2 scalar (an int not written in plain decimal
    digits keeps its text: see PLAIN_INT)."""
    if kind == INT:
        return int(text) if PLAIN_INT.match(text) else text
    if kind == FLOAT:
        low = text.lower().replace("_", "")
        return float(low.replace(".inf", "inf").replace(".nan", "nan"))
    if kind == BOOL:
        return text.lower() == "true"
    if kind == NULL:
        return None
    return text


def compose(text: str, path: str, *, whole: str | None = None) -> Node:
    """Read any YAML text into a node tree; raise CatalogError with every problem found.
    `whole` is the file when `text` is a window of it (`fastyaml.Declined.window`): the
    lines before the error are looked at there."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.events import (
        AliasEvent,
        CollectionEndEvent,
        DocumentStartEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )
    from ruamel.yaml.nodes import ScalarNode

    yaml = YAML(typ="safe", pure=True)
    resolver = yaml.resolver
    problems: list[Problem] = []
    stack: list[tuple[Seq | Map, str | None]] = []  # open collection, pending mapping key
    root: Node | None = None
    documents = 0

    def problem(mark: Any, message: str, expected: str = "") -> None:
        problems.append(Problem(path, _at(mark), message, expected))

    def attach(node: Node, mark: Any) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent, key = stack[-1]
        if isinstance(parent, Seq):
            parent.items.append(node)
        elif key is None:  # this node is a key
            name = node.value if isinstance(node, Scalar) and node.kind == STR else None
            if not isinstance(name, str):
                problem(mark, "a mapping key must be text", "a key such as `title:`")
                stack[-1] = (parent, _SKIP)
            elif name in parent.keys:
                first = parent.keys[name].line
                problem(mark, f"duplicate key `{name}` (first at line {first})", "each key once")
                stack[-1] = (parent, _SKIP)
            else:
                parent.keys[name] = node.position
                stack[-1] = (parent, name)
        else:
            if key != _SKIP:
                parent.items[key] = node
            stack[-1] = (parent, None)

    try:
        for event in yaml.parse(text):
            mark = event.start_mark
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    problem(mark, "a second YAML document", "one document per catalog")
            anchor = getattr(event, "anchor", None)
            if isinstance(event, AliasEvent):
                problem(mark, f"YAML alias `*{anchor}` is not allowed", "the value written out")
                attach(Scalar(None, NULL, _at(mark)), mark)
                continue
            if anchor and isinstance(event, (ScalarEvent, MappingStartEvent, SequenceStartEvent)):
                problem(mark, f"YAML anchor `&{anchor}` is not allowed", "plain values, no anchors")
            if isinstance(event, ScalarEvent):
                attach(_scalar(event, resolver, ScalarNode, problem), mark)
            elif isinstance(event, MappingStartEvent):
                node: Seq | Map = Map({}, {}, _at(mark))
                attach(node, mark)
                stack.append((node, None))
            elif isinstance(event, SequenceStartEvent):
                node = Seq([], _at(mark))
                attach(node, mark)
                stack.append((node, None))
            elif isinstance(event, CollectionEndEvent):
                stack.pop()
            elif isinstance(event, StreamEndEvent):
                break
    except MarkedYAMLError as exc:
        problems.extend(_syntax_problems(exc, text if whole is None else whole, path))
        raise CatalogError(problems) from None
    except YAMLError as exc:
        # A reader error (a character YAML refuses) carries an offset, not a mark.
        offset = getattr(exc, "position", None)
        where = Position.at_offset(text, offset) if isinstance(offset, int) else START
        message = f"invalid YAML: {shorten(str(exc).splitlines()[0])}"
        problems.append(Problem(path, where, message, "valid YAML"))
        raise CatalogError(problems) from None
    if problems:
        raise CatalogError(problems)
    if root is None:
        raise CatalogError([Problem(path, START, "the file is empty", "a catalog mapping")])
    return root


def _syntax_problems(exc: Any, text: str, path: str) -> list[Problem]:
    """Where a syntax error is, as the writer would look for it: an unclosed quote is
    named where it opens, not where the parser ran out of text."""
    from readme_gen.catalog.screen import unclosed_quotes

    context, context_mark = exc.context, exc.context_mark
    if context == "while scanning a quoted scalar" and context_mark is not None:
        return [Problem(path, _at(context_mark), _UNCLOSED, "a closing quote")]
    mark = exc.problem_mark or context_mark
    message = f"invalid YAML: {shorten(str(exc.problem or context))}"
    if exc.problem and context and context_mark is not None and context.startswith("while "):
        what = context.removeprefix("while parsing a ").replace("flow sequence", "[...] list")
        what = "reading the " + what.replace("flow mapping", "{...} mapping")
        where = f"line {context_mark.line + 1}, column {context_mark.column + 1}"
        message += f", {what} that starts at {where}"
    if mark is None:
        return [Problem(path, START, message, "valid YAML")]
    out = [Problem(path, _at(mark), message, "valid YAML")]
    opened = unclosed_quotes(text, mark.line + 1)
    if opened is not None and opened.line < mark.line + 1:
        out.append(Problem(path, opened, _UNCLOSED_BEFORE, "a closing quote on that line"))
    return out


_UNCLOSED = "a quoted value starts here and is never closed"
_UNCLOSED_BEFORE = (
    "a quoted value starts here and is not closed on its line; YAML reads on to the next quote"
)


def _at(mark: Any) -> Position:
    """The position of a ruamel.yaml mark (0-based line and column)."""
    return Position(mark.line + 1, mark.column + 1)


def _scalar(event: Any, resolver: Any, node_type: Any, problem: Any) -> Scalar:
    tag = event.tag
    if tag in (None, "!"):
        tag = resolver.resolve(node_type, event.value, event.implicit)
    elif tag.startswith("!!"):
        tag = "tag:yaml.org,2002:" + tag[2:]
    kind = _TAG_KINDS.get(str(tag))
    if kind is None:
        written = str(event.tag).replace("tag:yaml.org,2002:", "!!")
        problem(event.start_mark, f"YAML tag `{written}` is not supported", "plain values")
        kind = STR
    try:
        value = scalar_value(event.value, kind)
    except ValueError:
        problem(event.start_mark, f"`{event.value}` is not a valid {kind}", f"a {kind}")
        value, kind = event.value, STR
    return Scalar(value, kind, _at(event.start_mark))
