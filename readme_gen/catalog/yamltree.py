"""A YAML document as a small tree of positioned nodes, the input of validation.

One reader: libyaml's event parser (PyYAML's `CSafeLoader`; PyYAML's pure-Python parser
where libyaml is missing, same events, slower), and `compose` here, which builds the tree
from its events and produces every syntax-error message. Only the parser is PyYAML's:
its composer calls a Python resolver once per scalar (3.4 s for 10,000 papers), and that
resolver is YAML 1.1's (`no`, `on` are booleans), so plain scalars are resolved here by
YAML 1.2's rules (`plain_kind`). Building from events means aliases are never expanded
(anchors are refused), every duplicate key is reported, not just the first, and nesting
deeper than MAX_DEPTH is refused as soon as it is read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from readme_gen.errors import CatalogError, Problem
from readme_gen.position import NOWHERE, START, Position
from readme_gen.text import shorten

# The scalar kinds YAML 1.2 resolves a plain scalar to.
STR, INT, FLOAT, BOOL, NULL, TIMESTAMP = "str", "int", "float", "bool", "null", "timestamp"

# Collections inside collections: the catalog itself needs 6 (root, sections, a section,
# papers, a paper, its links or authors). Deeper nesting is refused where it is read.
MAX_DEPTH = 16


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
_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})
# The one spelling of a whole number the catalog accepts: plain decimal digits, 18 at
# most. YAML reads 02024, +2024, 2_024, 0x7E9 and 0o3751 as numbers too; such a scalar
# keeps its text as written (kind INT, a str value) so validation can refuse it, quoting
# it as written. A longer number is no year, and int() of thousands of digits is slow
# (and refused over 4,300).
MAX_INT_DIGITS = 18
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = frozenset({"~", "null", "Null", "NULL"})
_NUMBER_START = frozenset("-+.0123456789")
_MAYBE_NOT_TEXT = frozenset("tTfF~nN") | _NUMBER_START
# Every character an int, float or timestamp can hold: anything else is text.
_NUMBER_CHARS = frozenset("0123456789_+-.:eEoObBxXabcdefABCDEFinfINFnaNAtTzZ \t")
_SKIP = "\x00"  # pending key that was rejected: drop its value (YAML text has no NUL)


@functools.cache
def _number_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """YAML 1.2's float, int and timestamp (the regexes of ruamel.yaml's version 1.2
    resolver, which read the catalog before). Compiled on first use: whole numbers in
    plain digits, the only numbers a valid catalog holds, need none of them."""
    float_ = r"""(?x)(?:
          [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        | [-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        | [-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        | [-+]?\.(?:inf|Inf|INF)
        | \.(?:nan|NaN|NAN)
        )\Z"""
    int_ = r"(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)\Z"
    timestamp = r"""(?x)(?:
          [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        | [0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
          (?:[Tt]|[\ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
          (?:[\ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?
        )\Z"""
    return re.compile(float_), re.compile(int_), re.compile(timestamp)


def plain_kind(text: str) -> str:
    """The kind YAML 1.2 resolves an untagged plain scalar to."""
    if not text:
        return NULL
    first = text[0]
    if first not in _MAYBE_NOT_TEXT:
        return STR  # most keys and values
    if text.isdigit() and text.isascii():
        return INT  # a year
    if text in _BOOLS:
        return BOOL
    if text in _NULLS:
        return NULL
    if first not in _NUMBER_START or not _NUMBER_CHARS.issuperset(text):
        return STR
    float_, int_, timestamp = _number_patterns()
    if float_.match(text):
        return FLOAT
    if first != "." and int_.match(text):
        return INT
    if first not in "+-." and timestamp.match(text):
        return TIMESTAMP
    return STR


def _plain_decimal(text: str) -> bool:
    return (
        text.isdigit()
        and text.isascii()
        and len(text) <= MAX_INT_DIGITS
        and (text[0] != "0" or text == "0")
    )


def scalar_value(text: str, kind: str) -> str | int | float | bool | None:
    """The Python value of a resolved YAML 1.2 scalar (an int not written in plain decimal
    digits keeps its text: see MAX_INT_DIGITS)."""
    if kind == INT:
        return int(text) if _plain_decimal(text) else text
    if kind == FLOAT:
        low = text.lower().replace("_", "")
        return float(low.replace(".inf", "inf").replace(".nan", "nan"))
    if kind == BOOL:
        return text.lower() == "true"  # (as YAML 1.2 reads it, or tagged `!!bool`)
    if kind == NULL:
        return None
    return text


def compose(text: str, path: str, *, pure: bool = False) -> Node:
    """Read any YAML text into a node tree; raise CatalogError with every problem found.
    libyaml reads it unless `pure` (or libyaml is missing): then PyYAML's Python parser,
    which gives the same events, and its own wording of syntax errors."""
    import yaml

    loader = yaml.SafeLoader if pure else getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    problems: list[Problem] = []
    try:
        return _build(yaml.parse(text, Loader=loader), text, path, problems)
    except yaml.MarkedYAMLError as exc:
        problems.extend(_syntax_problems(exc, text, path))
    except yaml.YAMLError as exc:
        # A reader error (a character YAML refuses; `screen` refuses them all first)
        # carries an offset, not a mark: libyaml's counts UTF-8 bytes.
        offset = getattr(exc, "position", None)
        where = START
        if isinstance(offset, int):
            c_offset = loader is not yaml.SafeLoader
            where = Position.at_offset(text.encode() if c_offset else text, offset)
        message = f"invalid YAML: {shorten(str(exc).splitlines()[0])}"
        problems.append(Problem(path, where, message, "valid YAML"))
    except UnicodeEncodeError as exc:  # a lone surrogate, which `screen` refuses first
        where = Position.at_offset(text, exc.start)
        problems.append(Problem(path, where, "invalid YAML: not Unicode text", "valid YAML"))
    raise CatalogError(problems) from None


def _build(events: Iterable[Any], text: str, path: str, problems: list[Problem]) -> Node:
    """The tree of a YAML event stream. One loop with local state, no call per event
    beyond the parser's: it runs once per event (200,000 for 10,000 papers)."""
    import yaml

    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    document_start = yaml.DocumentStartEvent
    stack: list[tuple[Seq | Map | None, str | None]] = []  # (collection, key) open before
    top: Seq | Map | None = None  # the open collection
    key: str | None = None  # in a mapping: the pending key, None when a key comes next
    root: Node | None = None
    documents = 0
    node: Node

    new = tuple.__new__  # a Position without NamedTuple's Python-level __new__

    def problem(mark: Any, message: str, expected: str) -> None:
        problems.append(Problem(path, Position(mark.line + 1, mark.column + 1), message, expected))

    event: Any = None
    try:
        for event in events:
            kind = type(event)
            if kind is scalar_event:  # three events in four
                mark, value = event.start_mark, event.value
                if event.tag is None and (
                    not event.implicit[0] or (value and value[0] not in _MAYBE_NOT_TEXT)
                ):  # quoted, or plain text at a glance: most scalars
                    node = Scalar(value, STR, new(Position, (mark.line + 1, mark.column + 1)))
                else:
                    node = _scalar(event, problem)
                if event.anchor is not None:
                    problem(mark, f"YAML anchor `&{event.anchor}` is not allowed", _NO_ANCHORS)
            elif kind in ends:
                top, key = stack.pop()
                continue
            elif kind is mapping_start or kind is sequence_start:
                mark = event.start_mark
                if len(stack) >= MAX_DEPTH:  # one entry per open collection
                    problem(mark, _TOO_DEEP, _LAYOUT)
                    raise CatalogError(problems)
                position = Position(mark.line + 1, mark.column + 1)
                node = Map({}, {}, position) if kind is mapping_start else Seq([], position)
                if event.tag is not None and event.tag not in _COLLECTION_TAGS:
                    problem(mark, f"YAML tag `{_written(event.tag)}` {_UNSUPPORTED}", _PLAIN)
                if event.anchor is not None:
                    problem(mark, f"YAML anchor `&{event.anchor}` is not allowed", _NO_ANCHORS)
            elif kind is alias_event:
                mark = event.start_mark
                problem(mark, f"YAML alias `*{event.anchor}` is not allowed", _WRITTEN_OUT)
                node = Scalar(None, NULL, Position(mark.line + 1, mark.column + 1))
            else:
                if kind is document_start:
                    documents += 1
                    if documents > 1:
                        problem(event.start_mark, _SECOND, "one document per catalog")
                continue
            # Attach the node to the open collection.
            if key is not None:  # a mapping's value
                if key != _SKIP and isinstance(top, Map):  # (it is: it holds a key)
                    top.items[key] = node
                key = None
            elif isinstance(top, Map):  # the node is a key
                name = node.value if isinstance(node, Scalar) and node.kind == STR else None
                if not isinstance(name, str):
                    problem(mark, "a mapping key must be text", "a key such as `title:`")
                    key = _SKIP
                elif name in top.keys:
                    first = top.keys[name].line
                    problem(mark, f"duplicate key `{name}` (first at line {first})", _ONCE)
                    key = _SKIP
                else:
                    top.keys[name] = node.position
                    key = name
            elif top is not None:
                top.items.append(node)
            else:
                root = node
            if not isinstance(node, Scalar):
                stack.append((top, key))
                top, key = node, None
    except yaml.MarkedYAMLError as exc:
        if exc.problem != "exceeded maximum nesting depth":
            raise
        # libyaml's own limit (1,000), met in its look-ahead before the events that open
        # the 17th collection: found in the text from the last event on.
        from readme_gen.catalog.screen import too_deep

        opened = [entry[0] for entry in stack[1:]] + ([top] if top is not None else [])
        start = _at(event.end_mark if event is not None else exc.problem_mark)
        positions = [c.position for c in opened if c is not None]
        where = too_deep(text, start, _at(exc.problem_mark), positions, MAX_DEPTH)
        problems.append(Problem(path, where, _TOO_DEEP, _LAYOUT))
        raise CatalogError(problems) from None
    if problems:
        raise CatalogError(problems)
    if root is None:
        raise CatalogError([Problem(path, START, "the file is empty", "a catalog mapping")])
    return root


_UNSUPPORTED, _PLAIN = "is not supported", "plain values"
_WRITTEN_OUT, _NO_ANCHORS = "the value written out", "plain values, no anchors"
_ONCE, _SECOND = "each key once", "a second YAML document"
_TOO_DEEP = f"collections nested more than {MAX_DEPTH} deep"
_LAYOUT = "the catalog's layout: sections, papers, and each paper's fields"


def _scalar(event: Any, problem: Any) -> Scalar:
    value, tag = event.value, event.tag
    mark = event.start_mark
    if tag is None:
        # Plain: YAML 1.2's rules; quoted: text.
        kind = plain_kind(value) if event.implicit[0] else STR
    elif tag == "!":
        kind = STR  # YAML's non-specific tag: text, however it is written
    else:
        kind = _TAG_KINDS.get(tag, "")
        if not kind:
            problem(mark, f"YAML tag `{_written(tag)}` {_UNSUPPORTED}", _PLAIN)
            kind = STR
    if kind == STR:
        return Scalar(value, STR, Position(mark.line + 1, mark.column + 1))
    try:
        resolved = scalar_value(value, kind)
    except ValueError:
        problem(mark, f"`{shorten(value)}` is not a valid {kind}", f"a {kind}")
        resolved, kind = value, STR
    return Scalar(resolved, kind, Position(mark.line + 1, mark.column + 1))


def _written(tag: str) -> str:
    return shorten(tag.replace("tag:yaml.org,2002:", "!!"))


# libyaml's "did not find expected X" in the words of the messages around it.
_EXPECTED = {
    "key": "a key",
    "'-' indicator": "a `- ` list item",
    "node content": "a value",
}


def _syntax_problems(exc: Any, text: str, path: str) -> list[Problem]:
    """Where a syntax error is, as the writer would look for it: an unclosed quote is
    named where it opens, not where the parser ran out of text."""
    from readme_gen.catalog.screen import unclosed_quotes

    context, context_mark = exc.context, exc.context_mark
    if context == "while scanning a quoted scalar" and context_mark is not None:
        return [Problem(path, _at(context_mark), _UNCLOSED, "a closing quote")]
    mark = exc.problem_mark or context_mark
    problem = str(exc.problem or context)
    if mark is not None:
        problem = _worded(problem, text, mark)
    message = f"invalid YAML: {shorten(problem)}"
    what = _CONTEXTS.get(str(context))
    if exc.problem and what and context_mark is not None and _at(context_mark) != _at(mark):
        where = f"line {context_mark.line + 1}, column {context_mark.column + 1}"
        message += f", reading the {what} that starts at {where}"
    if mark is None:
        return [Problem(path, START, message, "valid YAML")]
    out = [Problem(path, _at(mark), message, "valid YAML")]
    opened = unclosed_quotes(text, mark.line + 1)
    if opened is not None and opened.line < mark.line + 1:
        out.append(Problem(path, opened, _UNCLOSED_BEFORE, "a closing quote on that line"))
    return out


# What a parser's context ("while parsing a flow sequence") was reading, for the message.
_CONTEXTS = {
    "while parsing a block mapping": "block mapping",
    "while parsing a block collection": "block collection",
    "while parsing a flow sequence": "[...] list",
    "while parsing a flow mapping": "{...} mapping",
    "while parsing a block node": "value",
    "while parsing a flow node": "value",
    "while parsing a node": "value",
    "while scanning a simple key": "key",
    "while scanning a plain scalar": "value",
    "while scanning a block scalar": "block value",
    "while parsing a quoted scalar": "quoted value",
    "while scanning a double-quoted scalar": "quoted value",
}


def _worded(problem: str, text: str, mark: Any) -> str:
    """libyaml's terse problems made specific: what was expected and what was found
    there (the pure-Python parser's wording already says both)."""
    for lead in ("did not find expected ", "could not find expected "):
        if problem.startswith(lead):
            wanted = problem.removeprefix(lead)
            found = _found(text, mark, 20)
            return f"expected {_EXPECTED.get(wanted, wanted)}, but found {found}"
    if problem in ("found character that cannot start any token", "found unknown escape character"):
        head, _, tail = problem.partition(" character")
        return f"{head} character {_found(text, mark, 2 if 'escape' in head else 1)}{tail}"
    return problem


def _found(text: str, mark: Any, size: int) -> str:
    """What the text holds at a mark: up to `size` characters of its line, quoted; or the
    end of the line or of the file."""
    lines = text.split("\n", mark.line + 1)
    line = lines[mark.line].rstrip("\r") if mark.line < len(lines) else ""
    rest = line[mark.column :].rstrip()
    if rest:
        return f"'{rest[:size]}…'" if len(rest) > size > 2 else f"'{rest[:size]}'"
    if mark.line + 1 < len(lines) and lines[mark.line + 1].strip():
        return "the end of the line"
    return "the end of the file"


_UNCLOSED = "a quoted value starts here and is never closed"
_UNCLOSED_BEFORE = (
    "a quoted value starts here and is not closed on its line; YAML reads on to the next quote"
)


def _at(mark: Any) -> Position:
    """The position of a PyYAML mark (0-based line and column)."""
    return Position(mark.line + 1, mark.column + 1)
