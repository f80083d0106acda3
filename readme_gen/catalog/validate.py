"""Validation: a positioned YAML tree in, a `Catalog` out, or every problem at once.

Each problem is located at the value (or key) it concerns and says what was expected, so
`catalog.yaml:LINE:COL: message (expected ...)` is enough to fix it without reading code.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from readme_gen.catalog.model import (
    Appendix,
    Catalog,
    Link,
    NewsItem,
    Paper,
    Section,
    display_order,
)
from readme_gen.catalog.yamltree import INT, STR, Map, Node, Scalar, Seq
from readme_gen.errors import CatalogError, Problem, did_you_mean, shorten
from readme_gen.position import Position

T = TypeVar("T")

ROOT_KEYS = ("title", "description", "news", "sections", "appendices")
SECTION_KEYS = ("id", "title", "papers")
PAPER_KEYS = ("title", "authors", "venue", "year", "links")
NEWS_KEYS = ("date", "text")
APPENDIX_KEYS = ("title", "file")
OPTIONAL = frozenset({"news", "appendices"})

MIN_YEAR = 1900
# The longest value each field may hold (characters), checked before the value is examined
# further; far above any real paper list, far below what a hostile file could hold.
MAX_TEXT = 2_000  # titles, authors, venues, ids, labels, dates, file names
MAX_PROSE = 20_000  # the description and a news item's text
MAX_URL = 8_192  # what common servers and browsers accept
SECTION_ID = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
# Characters that end a line for Python's str.splitlines(), GitHub and editors alike.
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Lone surrogates too (a YAML escape "\ud800" makes one): no UTF-8 file can hold them.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
_URL_FORBIDDEN = re.compile(r'[\s<>"]')
# Most URLs are this simple: accepted without urllib's general parser.
_SIMPLE_URL = re.compile(
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::([0-9]{1,5}))?(?:[/?#][!#-;=?-~]*)?\Z"
)
_BAD_TEXT = re.compile(_LINE_BREAK.pattern[:-1] + _CONTROL.pattern[1:])
_KIND_NAMES = {
    "int": "a number",
    "float": "a number",
    "bool": "true/false",
    "null": "nothing (null)",
    "timestamp": "a date",
}


class Validator:
    """Walks the tree once, building the model and collecting problems as it goes."""

    def __init__(self, path: str, base_dir: Path, *, today: _dt.date) -> None:
        self.path = path
        self.base_dir = base_dir
        self.max_year = today.year + 1
        self.problems: list[Problem] = []

    # -- reporting -------------------------------------------------------------------
    def problem(self, position: Position, message: str, expected: str = "") -> None:
        self.problems.append(Problem(self.path, position, message, expected))

    def at(self, node: Node, message: str, expected: str = "") -> None:
        self.problem(node.position, message, expected)

    # -- shapes ----------------------------------------------------------------------
    def mapping(self, node: Node, what: str, keys: tuple[str, ...]) -> Map | None:
        if not isinstance(node, Map):
            self.at(node, f"{what} must be a mapping, got {_describe(node)}", _keys_hint(keys))
            return None
        for key, position in node.keys.items():
            if key not in keys:
                self.problem(position, _unknown_key(key, what, keys), _keys_hint(keys))
        for key in keys:
            if key not in node.items and key not in OPTIONAL:
                self.at(node, f"{what} has no `{key}`", f"a `{key}:` entry")
        return node

    def sequence(self, node: Node | None, what: str) -> list[Node]:
        if node is None:
            return []
        if isinstance(node, Seq):
            return node.items
        self.at(node, f"{what} must be a list, got {_describe(node)}", "a list of `- ` entries")
        return []

    def text(self, node: Node | None, what: str, limit: int = MAX_TEXT) -> str | None:
        if node is None:
            return None
        if not isinstance(node, Scalar) or node.kind != STR:
            hint = ""
            if isinstance(node, Scalar) and node.kind != "null":
                hint = f'; quote it: "{shorten(node.value)}"'
            self.at(node, f"{what} must be text, got {_describe(node)}{hint}", "a text value")
            return None
        value = str(node.value)
        if len(value) > limit:
            self.at(node, f"{what} is {len(value):,} characters long", f"at most {limit:,}")
            return None
        if not value.strip():
            self.at(node, f"{what} is empty", "non-empty text")
            return None
        if not _BAD_TEXT.search(value):
            return value
        if _LINE_BREAK.search(value):
            self.at(node, f"{what} contains a line break", "text on one line")
            return None
        bad = _CONTROL.search(value)
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            kind = "lone surrogate" if 0xD800 <= ord(bad.group()) <= 0xDFFF else "control character"
            self.at(node, f"{what} contains the {kind} {code}", "printable text")
            return None
        return value

    def url(self, node: Node, what: str) -> str | None:
        value = self.text(node, what, MAX_URL)
        if value is None:
            return None
        simple = _SIMPLE_URL.match(value)
        if simple and (simple.group(1) is None or int(simple.group(1)) <= 65535):
            return value
        expected = "an absolute http:// or https:// URL"
        bad = _URL_FORBIDDEN.search(value)
        if bad:
            char = "a space" if bad.group().isspace() else f"`{bad.group()}`"
            self.at(
                node, f"{what} `{shorten(value)}` contains {char}", expected + ", percent-encoded"
            )
            return None
        from urllib.parse import urlsplit

        try:
            parts = urlsplit(value)
            host = parts.hostname
            parts.port  # noqa: B018 - raises ValueError when out of range
        except ValueError as exc:
            self.at(node, f"{what} `{shorten(value)}` is not a valid URL: {exc}", expected)
            return None
        if parts.scheme not in ("http", "https") or not value.lower().startswith(parts.scheme):
            self.at(node, f"{what} `{shorten(value)}` is not an http(s) URL", expected)
            return None
        if not host:
            self.at(node, f"{what} `{shorten(value)}` has no host", expected)
            return None
        return value

    def year(self, node: Node | None) -> int | None:
        if node is None:
            return None
        expected = f"a year from {MIN_YEAR} to {self.max_year}"
        if isinstance(node, Scalar) and node.kind == INT and isinstance(node.value, str):
            written = node.value.isdigit() and node.value.isascii() and node.value[0] != "0"
            if written:
                self.at(node, f"year {shorten(node.value)} is out of range", expected)
            else:
                message = f"year `{shorten(node.value)}` is not written in plain decimal digits"
                self.at(node, message, f"{expected}, digits only: no sign, leading 0, `_` or 0x/0o")
            return None
        if not isinstance(node, Scalar) or node.kind != INT or not isinstance(node.value, int):
            self.at(node, f"year must be a whole number, got {_describe(node)}", expected)
            return None
        if not MIN_YEAR <= node.value <= self.max_year:
            self.at(node, f"year {node.value} is out of range", expected)
            return None
        return node.value

    def each(self, node: Node | None, what: str, build: Callable[[Node], T | None]) -> list[T]:
        out = [build(item) for item in self.sequence(node, what)]
        return [x for x in out if x is not None]

    # -- the catalog -----------------------------------------------------------------
    def catalog(self, root: Node) -> Catalog | None:
        node = self.mapping(root, "the catalog", ROOT_KEYS)
        if node is None:
            return None
        get = node.items.get
        title = self.text(get("title"), "the list's title")
        description = self.text(get("description"), "the description", MAX_PROSE)
        news = self.each(get("news"), "news", self.news_item)
        sections = self.each(get("sections"), "sections", self.section)
        appendices = self.each(get("appendices"), "appendices", self.appendix)
        self.unique_section_ids(node)
        if title is None or description is None or self.problems:
            return None
        return Catalog(title, description, tuple(news), tuple(sections), tuple(appendices))

    def news_item(self, node: Node) -> NewsItem | None:
        m = self.mapping(node, "a news item", NEWS_KEYS)
        if m is None:
            return None
        date = self.text(m.items.get("date"), "the news date")
        text = self.text(m.items.get("text"), "the news text", MAX_PROSE)
        if date is None or text is None:
            return None
        return NewsItem(date, text, m.position)

    def section(self, node: Node) -> Section | None:
        m = self.mapping(node, "a section", SECTION_KEYS)
        if m is None:
            return None
        ident = self.text(m.items.get("id"), "the section id")
        if ident is not None and not SECTION_ID.match(ident):
            self.at(
                m.items["id"],
                f"section id `{shorten(ident)}` is not a simple name",
                "lowercase letters, digits, `-` and `_`, e.g. `segmentation`",
            )
            ident = None
        title = self.text(m.items.get("title"), "the section title")
        papers = self.each(m.items.get("papers"), "papers", self.paper)
        if ident is None or title is None:
            return None
        return Section(ident, title, display_order(papers), m.position)

    def paper(self, node: Node) -> Paper | None:
        m = self.mapping(node, "a paper", PAPER_KEYS)
        if m is None:
            return None
        get = m.items.get
        title = self.text(get("title"), "the title")
        authors = self.each(get("authors"), "authors", lambda n: self.text(n, "an author"))
        if "authors" in m.items and not authors and isinstance(m.items["authors"], Seq):
            self.at(m.items["authors"], "the author list is empty", "at least one author")
        venue = self.text(get("venue"), "the venue")
        year = self.year(get("year"))
        links = self.links(get("links"))
        if title is None or not authors or venue is None or year is None or not links:
            return None
        fields = {k: v.position for k, v in m.items.items()}
        return Paper(title, tuple(authors), venue, year, links, m.position, fields)

    def links(self, node: Node | None) -> tuple[Link, ...]:
        if node is None:
            return ()
        if not isinstance(node, Map):
            self.at(node, f"links must be a mapping, got {_describe(node)}", "`Paper: https://...`")
            return ()
        if not node.items:
            self.at(node, "links is empty", "at least one link such as `Paper: https://...`")
        out = []
        for label, value in node.items.items():
            where = node.keys[label]
            if len(label) > MAX_TEXT:
                message = f"link label is {len(label):,} characters long"
                self.problem(where, message, f"at most {MAX_TEXT:,}")
                continue
            if not label.strip() or _LINE_BREAK.search(label) or _CONTROL.search(label):
                self.problem(where, f"link label `{shorten(label)}` is not usable", "e.g. `Paper`")
                continue
            url = self.url(value, f"the `{shorten(label, 40)}` link")
            if url is not None:
                out.append(Link(label, url, value.position))
        return tuple(out)

    def appendix(self, node: Node) -> Appendix | None:
        m = self.mapping(node, "an appendix", APPENDIX_KEYS)
        if m is None:
            return None
        title = self.text(m.items.get("title"), "the appendix title")
        file = self.text(m.items.get("file"), "the appendix file")
        if title is None or file is None:
            return None
        where = m.items["file"]
        target = (self.base_dir / file).resolve()
        if Path(file).is_absolute() or not target.is_relative_to(self.base_dir.resolve()):
            self.at(
                where,
                f"appendix file `{shorten(file)}` is outside the catalog's folder",
                "a relative path",
            )
            return None
        try:
            body = target.read_bytes().decode("utf-8").strip("\n")
        except OSError as exc:
            self.at(
                where,
                f"cannot read appendix file `{shorten(file)}`: {exc.strerror}",
                "an existing file",
            )
            return None
        except UnicodeDecodeError:
            self.at(where, f"appendix file `{shorten(file)}` is not UTF-8", "a UTF-8 Markdown file")
            return None
        if not body.strip():
            self.at(where, f"appendix file `{shorten(file)}` is empty", "some Markdown")
            return None
        return Appendix(title, file, body, m.position)

    def unique_section_ids(self, root: Map) -> None:
        seen: dict[str, int] = {}
        for node in self.sequence(root.items.get("sections"), "sections"):
            ident = node.items.get("id") if isinstance(node, Map) else None
            if isinstance(ident, Scalar) and isinstance(ident.value, str):
                if ident.value in seen:
                    first = seen[ident.value]
                    message = (
                        f"section id `{shorten(ident.value)}` is used twice (first at line {first})"
                    )
                    self.at(ident, message, "a unique id per section")
                else:
                    seen[ident.value] = ident.position.line


def validate(root: Node, path: str, base_dir: Path, *, today: _dt.date | None = None) -> Catalog:
    """Build the model from a tree, or raise CatalogError listing every problem."""
    checker = Validator(path, base_dir, today=today or _dt.date.today())
    catalog = checker.catalog(root)
    if checker.problems or catalog is None:
        raise CatalogError(checker.problems)
    return catalog


def _describe(node: Node) -> str:
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, Seq):
        return "a list"
    if node.kind == STR:
        return f"the text `{shorten(node.value)}`"
    return f"{_KIND_NAMES.get(node.kind, node.kind)} (`{shorten(node.value)}`)"


def _keys_hint(keys: tuple[str, ...]) -> str:
    return "keys " + ", ".join(f"`{k}`" for k in keys)


def _unknown_key(key: str, what: str, keys: tuple[str, ...]) -> str:
    return f"unknown key `{shorten(key)}` in {what}{did_you_mean(key, keys)}"
