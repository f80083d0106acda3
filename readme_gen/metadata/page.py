"""What a landing page's head says of its paper: the meta tags (Highwire `citation_*`,
Open Graph, Dublin Core, PRISM) and the `<title>`, read in one linear pass.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PageMeta:
    citation_title: str | None = None
    og_title: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    """Every `<meta name|property=... content=...>` in order, names lowercased."""

    @property
    def best_title(self) -> tuple[str, str] | None:
        """(source, title): citation_title, else og:title, else <title>."""
        for source, value in (
            ("citation_title", self.citation_title),
            ("og:title", self.og_title),
            ("title", self.title),
        ):
            if value and value.strip():
                return source, value.strip()
        return None

    def get(self, name: str) -> str | None:
        return next((v for k, v in self.fields if k == name), None)

    def get_all(self, name: str) -> list[str]:
        return [v for k, v in self.fields if k == name]


# The scanner's pieces: each is matched at a known position and consumes at least one
# character, so a page is read once, front to back (no backtracking over the document).
_RAW_TEXT_NAMES = ("script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes")
_TAG_NAME = re.compile(r"(/?)([A-Za-z][^\s/>]*)")
_SPACE = re.compile(r"[\s/]*")
_ATTR_NAME = re.compile(r"[^\s\"'>/=]+")
_EQUALS = re.compile(r"\s*=\s*")
_UNQUOTED = re.compile(r"[^\s>]*")
# Where the scanner stops: a comment, or a tag that matters to the head's meta data. Other
# tags are passed over by `str.find` (a page of 80,000 `<b>` costs nothing); their quoted
# attributes are not read, which only matters for a page that hides markup in them.
_STOPS = (b"<!--", b"<meta", b"</head", b"<body", *(b"<" + n.encode() for n in _RAW_TEXT_NAMES))
_STOP_PATTERNS = tuple(
    re.compile(re.escape(stop) + (b"" if stop == b"<!--" else rb"(?=[\s/>]|\Z)")) for stop in _STOPS
)
_ANY_STOP = re.compile(
    "|".join(re.escape(s.decode()) + ("" if s == b"<!--" else r"(?=[\s/>]|\Z)") for s in _STOPS),
    re.I | re.A,
)
_SMALL = 16 * 1024
# A real head has a few hundred tags (a paper with many authors: one meta tag each); past
# this many, the page is read no further, so no page costs more than a few milliseconds.
MAX_TAGS = 2000
# The common case in one step: a tag whose attributes are all well formed (a match or
# nothing; anything unusual takes the careful path, `_attributes`).
_PLAIN_TAG = re.compile(
    r"""((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>"""
)
_PLAIN_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
# Elements whose content is text, not markup: a `<meta>` inside a script's string or a
# style sheet is not a tag, and neither is anything inside a comment.
_CLOSERS = {name: re.compile(rf"</{name}[\s/>]", re.I) for name in _RAW_TEXT_NAMES}


def parse_meta(document: str) -> PageMeta:
    """The meta tags and title of an HTML document's head (or of a prefix of it).

    One linear pass, not a full HTML parser: landing pages are checked by the thousand
    and only a few tags matter. It follows the HTML tokenizer where that decides which of
    those tags are real: comments, `<script>`, `<style>` and other raw-text elements are
    skipped, quoted attribute values may hold `>`, and a quote or tag left open runs to the
    end. The head ends at `</head>` or `<body>`, or after `MAX_TAGS` tags that matter. Any
    256 KiB page takes a few milliseconds (scripts/bench_titles.py)."""
    fields, title = _scan(document)
    first = dict(reversed(fields))
    authors = [v for k, v in fields if k == "citation_author"]
    if not authors and first.get("citation_authors"):
        authors = [a.strip() for a in first["citation_authors"].split(";") if a.strip()]
    return PageMeta(
        citation_title=first.get("citation_title"),
        og_title=first.get("og:title"),
        title=" ".join(html.unescape(title).split()) or None if title is not None else None,
        authors=tuple(authors),
        fields=tuple(fields),
    )


def _scan(doc: str) -> tuple[list[tuple[str, str]], str | None]:
    fields: list[tuple[str, str]] = []
    title: str | None = None
    pos = 0
    stops = _Stops(doc) if len(doc) > _SMALL else _SmallStops(doc)
    for _ in range(MAX_TAGS):
        lt = stops.next(pos)
        if lt < 0:
            break
        if doc.startswith("<!--", lt):
            end = doc.find("-->", lt + 4)
            if end < 0:
                break
            pos = end + 3
            continue
        tag = _TAG_NAME.match(doc, lt + 1)
        if tag is None:  # cannot be: a stop starts with a tag name
            break
        name = tag.group(2).lower()
        if tag.group(1) or name == "body":  # `</head` or `<body`: the head is over
            break
        # Bounded, so that a tag that is not plain costs little before the careful path.
        plain = _PLAIN_TAG.match(doc, tag.end(), tag.end() + 4096)
        if plain is not None:
            pos = plain.end()
            attrs = _plain_attributes(plain.group(1)) if name == "meta" else {}
        else:
            parsed = _attributes(doc, tag.end())
            if parsed is None:  # the document ends inside the tag
                break
            attrs, pos = parsed
        if name == "meta":
            key = attrs.get("name") or attrs.get("property")
            if key and "content" in attrs:
                content = attrs["content"]
                content = html.unescape(content) if "&" in content else content
                fields.append((key.lower(), content.strip()))
        elif name in _CLOSERS:
            close = _CLOSERS[name].search(doc, pos)
            if close is None:  # the rest of the document is this element's text
                break
            if name == "title" and title is None:
                title = doc[pos : close.start()]
            pos = close.start()
    return fields, title


class _SmallStops:
    """`_Stops` for a small page: one search with all the stops in one pattern (whose cost
    per `<` would add up on a large page, but is less than `_Stops`' set-up on a small one)."""

    def __init__(self, doc: str) -> None:
        self._doc = doc

    def next(self, pos: int) -> int:
        found = _ANY_STOP.search(self._doc, pos)
        return found.start() if found else -1


class _Stops:
    """The next place at or after a position where one of `_STOPS` begins (any case, and
    followed by the end of a tag name): one search per kind of stop, on an ASCII-lowered
    copy that keeps every character's position."""

    def __init__(self, doc: str) -> None:
        self._low = doc.encode("ascii", "replace").lower()
        self._next = {rx: rx.search(self._low) for rx in _STOP_PATTERNS}

    def next(self, pos: int) -> int:
        best = -1
        for rx, found in self._next.items():
            if found is not None and found.start() < pos:
                found = self._next[rx] = rx.search(self._low, pos)
            if found is not None and (best < 0 or found.start() < best):
                best = found.start()
        return best


def _plain_attributes(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for name, double, single, bare in _PLAIN_ATTR.findall(text):
        attrs.setdefault(name.lower(), double or single or bare)
    return attrs


def _attributes(doc: str, pos: int) -> tuple[dict[str, str], int] | None:
    """A tag's attributes from `pos` (the first occurrence of a name wins) and the
    position after its `>`; None when the document ends first."""
    attrs: dict[str, str] = {}
    size = len(doc)
    if doc.find(">", pos) < 0:  # no `>` left: this tag can never end, whatever its quotes
        return None
    while True:
        pos = _SPACE.match(doc, pos).end()  # type: ignore[union-attr]  # matches always
        if pos >= size:
            return None
        if doc[pos] == ">":
            return attrs, pos + 1
        name = _ATTR_NAME.match(doc, pos)
        if name is None:  # a stray quote or `=`: the tokenizer takes it into a name
            pos += 1
            continue
        pos = name.end()
        equals = _EQUALS.match(doc, pos)
        value = ""
        if equals is not None:
            pos = equals.end()
            if pos >= size:
                return None
            quote = doc[pos]
            if quote in "\"'":
                close = doc.find(quote, pos + 1)
                if close < 0:
                    return None
                value, pos = doc[pos + 1 : close], close + 1
            else:
                unquoted = _UNQUOTED.match(doc, pos)
                value = unquoted.group() if unquoted else ""
                pos = unquoted.end() if unquoted else pos
        attrs.setdefault(name.group().lower(), value)
