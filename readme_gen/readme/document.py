"""A hand-written README cut into pieces that cover every byte once: headings, candidate
entries (table rows, list items, paragraphs, heading blocks) and the text between them.

markdown-it-py finds the blocks and their source lines; every piece is then a slice of the
original text, so writing the pieces back in order gives the README byte for byte whatever
the parser thought of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*\Z")
_DETAILS = re.compile(r"\s*<details[^>]*>\s*(?:<summary[^>]*>(.*?)</summary>)?", re.I | re.S)
_TAGS = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    title: str
    """The heading's text as written (Markdown source)."""
    text: str
    """The heading's line(s), without the final line break."""
    line: int


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: str
    """What sort of block it is, with what tells its entries apart from others':
    `row:<header>`, `item:<marker>`, `para`, `block:<level>`."""
    text: str
    """The entry's lines, without the final line break."""
    line: int


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    line: int


Piece = Heading | Candidate | Text


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def lines_of(text: str) -> list[str]:
    """Lines with their breaks, so that joining them gives `text`. A line ends where
    CommonMark (and so markdown-it and GitHub) ends one: at `\\n`, `\\r\\n` or `\\r`, and
    nowhere else (`str.splitlines` also breaks at VT, FF, U+0085, U+2028 ..., which a README
    holds as text: the parser's line numbers and ours would part)."""
    return _LINE.findall(text)


def breaks(text: str) -> int:
    """How many line breaks `text` holds (as `lines_of` counts them)."""
    return len(lines_of(text)) - (0 if not text or text[-1] in "\r\n" else 1)


def split(text: str) -> list[Piece]:
    """Every piece of `text`, in order; `"".join(p.text + break)` gives `text` back (see
    `join`)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.core.ruler.disable(["inline", "text_join"], ignoreInvalid=True)
    tokens = md.parse(text)
    lines = [line for line in lines_of(text) if line]
    starts: dict[int, tuple[str, int, int]] = {}  # first line -> (kind, end line, level)
    _mark(tokens, lines, starts)
    return _blocks(list(_pieces(lines, starts)))


MIN_BLOCKS = 5


def _blocks(pieces: list[Piece]) -> list[Piece]:
    """Entries written as a heading and what follows it (`### Title`, authors, an abstract,
    links): where most headings of one level each stand over a few blocks with a link and
    no heading of their own, each such heading and its body is one candidate entry."""
    spans: dict[int, list[tuple[int, int]]] = {}
    heads = [n for n, p in enumerate(pieces) if isinstance(p, Heading)]
    for n, end in zip(heads, [*heads[1:], len(pieces)], strict=False):
        heading = pieces[n]
        assert isinstance(heading, Heading)
        last = end
        while (
            last > n + 1
            and isinstance(pieces[last - 1], Text)
            and not pieces[last - 1].text.strip()
        ):
            last -= 1
        body = "".join(p.text for p in pieces[n + 1 : last])
        inner = [p for p in pieces[n + 1 : last] if isinstance(p, Candidate)]
        if (
            "](http" in body
            and body.count("\n") < 200
            and all(not p.kind.startswith("row:") for p in inner)
            and sum(p.kind.startswith("item:") for p in inner) <= 3
        ):
            spans.setdefault(heading.level, []).append((n, last))
    chosen: dict[int, int] = {}
    for level, found in spans.items():
        total = sum(1 for p in pieces if isinstance(p, Heading) and p.level == level)
        if len(found) >= MIN_BLOCKS and len(found) >= 0.5 * total:
            chosen.update(found)
    if not chosen:
        return pieces
    out: list[Piece] = []
    n = 0
    while n < len(pieces):
        if n not in chosen:
            out.append(pieces[n])
            n += 1
            continue
        end = chosen[n]
        heading = pieces[n]
        assert isinstance(heading, Heading)
        text = "".join(p.text for p in pieces[n:end])
        core = text.rstrip("\r\n")
        out.append(Candidate(f"block:{heading.level}", core, heading.line))
        if core != text:
            out.append(Text(text[len(core) :], heading.line + breaks(core) + 1))
        n = end
    return out


def _mark(tokens: list[Token], lines: list[str], starts: dict[int, tuple[str, int, int]]) -> None:
    """Record where each candidate and heading starts and ends (0-based, end exclusive)."""
    header = ""
    stack: list[tuple[int, int]] = []  # open list items: (start, end)
    for i, token in enumerate(tokens):
        kind, level = token.type, token.level
        span = token.map
        if kind == "heading_open" and span and not stack:
            starts[span[0]] = ("heading", span[1], int(token.tag[1]))
        elif kind == "thead_open" and span:
            header = _cells(lines[span[0]])
            starts[span[0]] = ("text", span[1] + 1, 0)
        elif kind == "tr_open" and span and tokens[i - 1].type in ("tbody_open", "tr_close"):
            starts[span[0]] = (f"row:{header}", span[1], 0)
        elif kind == "list_item_open" and span:
            marker = token.markup or "-"
            indent = len(lines[span[0]]) - len(lines[span[0]].lstrip(" "))
            starts[span[0]] = (f"item:{indent}{marker}", span[1], 0)
            stack.append((span[0], span[1]))
        elif kind == "list_item_close" and stack:
            stack.pop()
        elif kind == "paragraph_open" and span and level == 0:
            starts[span[0]] = ("para", span[1], 0)
        elif (
            kind == "html_block"
            and span
            and level == 0
            and details_title(token.content)
            and "</details>" not in token.content.lower()
        ):
            # `<details><summary>Topic</summary>` opening what follows: a section one level
            # below the heading it stands under (`_pieces` sets the level); a block that
            # closes itself (an abstract folded away) is part of what stands around it
            starts[span[0]] = ("details", span[1], 0)


def _cells(line: str) -> str:
    """A table header's cells as a key: lower-cased text without markup."""
    cells = line.strip().strip("|").split("|")
    return "|".join(_TAGS.sub("", c).strip(" *_`").lower() for c in cells)


def _pieces(lines: list[str], starts: dict[int, tuple[str, int, int]]) -> Iterator[Piece]:
    """Walk the lines: a candidate runs from its start to the next start or its own end,
    whichever comes first (a list item's own lines stop where its nested list begins)."""
    i = 0
    text: list[str] = []
    text_line = 1
    ordered = sorted(starts)
    nexts = dict(zip(ordered, [*ordered[1:], len(lines)], strict=False))  # none: no block
    under = 1  # the level of the last heading: a <details> section is one below it
    while i < len(lines):
        start = starts.get(i)
        if start is None:
            if not text:
                text_line = i + 1
            text.append(lines[i])
            i += 1
            continue
        kind, end, level = start
        end = min(end, nexts[i])
        # a block's trailing blank lines belong to the text after it
        while end > i + 1 and not lines[end - 1].strip():
            end -= 1
        if text and kind != "text":  # (a details block's text goes with it, below)
            yield Text("".join(text), text_line)
            text = []
        body = "".join(lines[i:end])
        stripped = body.removesuffix("\n").removesuffix("\r")
        if kind == "details":
            yield Heading(min(under + 1, 6), details_title(stripped) or "Details", stripped, i + 1)
            text = [body[len(stripped) :]] if body != stripped else []
            text_line = end
        elif kind == "heading":
            match = HEADING.match(stripped)
            title = (match.group(2) or "") if match else stripped.lstrip("#").strip()
            under = level
            yield Heading(level, title, stripped, i + 1)
            text = [body[len(stripped) :]] if body != stripped else []
            text_line = end
        elif kind == "text":
            if not text:
                text_line = i + 1
            text.append(body)
        else:
            yield Candidate(kind, stripped, i + 1)
            if body != stripped:
                text = [body[len(stripped) :]]
                text_line = end
        i = end
    if text:
        yield Text("".join(text), text_line)


def details_title(text: str) -> str | None:
    """The summary of a `<details><summary>...</summary>` block opening a section, or None."""
    match = _DETAILS.match(text)
    if match is None or match.group(1) is None:
        return None
    return _TAGS.sub("", match.group(1)).strip() or None
