"""Reading a README in the list's table format back into a `Catalog`.

Tolerates what hand-written lists contain (`<sup><sub>` for `<sub><sub>`, unclosed tags,
missing spaces around `<br>`, `;` between authors) and is the exact inverse of
`readme_gen.readme.render`: `parse_readme(render(c))` equals `c` except for what a README does not
carry, namely section ids (derived here from each section's title, see `section_id`) and
appendix template files (extra `##` sections after the tables are not papers and are skipped).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from readme_gen.catalog.model import (
    Catalog,
    Link,
    NewsItem,
    Paper,
    Section,
    display_order,
)
from readme_gen.errors import CatalogError, Problem
from readme_gen.escape import ENTITY, unescape
from readme_gen.position import Position

_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*\Z")
_NEWS = re.compile(r":loudspeaker:[ \t]*\[((?:\\.|[^\]\\])*)\][ \t]*(.*)\Z")
_VENUE = re.compile(
    r"(?P<venue>.*?)\s*<br\s*/?>\s*<su[bp]>\s*(?P<year>[0-9]{4})\s*(?:</su[bp]>\s*)*\Z", re.I
)
_BR = re.compile(r"\s*<br\s*/?>\s*", re.I)
_TAG = re.compile(r"</?su[bp]\s*>", re.I)
_LINK = re.compile(r"\[((?:\\.|[^\\\]])*)\]\(((?:\\.|[^\\)])*)\)")
_RULE = re.compile(r"\s*([-*_])(?:\s*\1){2,}\s*\Z")
_TABLE_HEAD = re.compile(r"\|?\s*(\*\*Pub\.\*\*|:?-{3,}:?)\s*\|", re.I)
ROW_FORMAT = (
    "`| VENUE<br><sup>YEAR</sup> | TITLE <br> <sub><sub>AUTHORS</sub></sub> | [Paper](URL) |`"
)


_ENTITY = re.compile(ENTITY)


def split_unescaped(text: str, separators: str) -> list[str]:
    """Split at any of `separators` that is not backslash-escaped or part of an entity
    reference such as `&lt;`."""
    parts, current, i = [], [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        entity = _ENTITY.match(text, i) if char == "&" else None
        if entity:
            current.append(entity.group())
            i = entity.end()
            continue
        if char in separators:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


def section_id(title: str, taken: set[str]) -> str:
    """A section id for a README heading: its last word, ASCII-folded and lowercased
    (`High-resolution Image Segmentation` -> `segmentation`), made unique with -2, -3..."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9][a-z0-9_]*", folded)
    base = words[-1] if words else "section"
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    taken.add(ident)
    return ident


@dataclass
class _Section:
    title: str
    line: int
    papers: list[Paper] = field(default_factory=list)
    prose: bool = False  # non-table content: an appendix, not a paper section


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.title: str | None = None
        self.description: str | None = None
        self.news: list[NewsItem] = []
        self.sections: list[_Section] = []
        self.year: int | None = None
        self.toc_seen = False
        self.in_toc = False
        self.appendices_started = False

    def problem(self, line: int, column: int, message: str, expected: str = "") -> None:
        self.problems.append(Problem(self.path, Position(line, column), message, expected))

    def feed(self, number: int, line: str) -> None:
        heading = _HEADING.match(line)
        if heading:
            self.heading(number, len(heading.group(1)), unescape(heading.group(2)))
            return
        stripped = line.strip()
        current = self.sections[-1] if self.sections else None
        if not stripped or _RULE.match(stripped) or (self.in_toc and stripped.startswith("-")):
            return
        if current is None:
            self.preamble(number, stripped)
        elif stripped.startswith("|"):
            if not _TABLE_HEAD.match(stripped):
                self.row(number, stripped, current)
        else:
            current.prose = True

    def heading(self, number: int, level: int, text: str) -> None:
        self.in_toc = False
        if level == 1 and self.title is None:
            self.title = text
        elif level == 2 and text == "Contents" and not self.toc_seen:
            self.toc_seen = self.in_toc = True
        elif level == 2:
            self.close_section()
            self.sections.append(_Section(text, number))
            self.year = None
        elif level == 3 and self.sections and re.fullmatch(r"[0-9]{4}", text):
            self.year = int(text)
        elif self.sections:
            self.sections[-1].prose = True

    def close_section(self) -> None:
        if self.sections and (self.sections[-1].prose or self.appendices_started):
            self.appendices_started = True
            self.sections.pop()

    def preamble(self, number: int, text: str) -> None:
        news = _NEWS.match(text)
        if news:
            date, body = unescape(news.group(1)), unescape(news.group(2).strip())
            self.news.append(NewsItem(date, body, Position(number, 1)))
        elif self.description is None and self.title is not None:
            self.description = unescape(text)

    def row(self, number: int, text: str, section: _Section) -> None:
        cells = split_unescaped(text.strip().removeprefix("|").removesuffix("|"), "|")
        if len(cells) != 3:
            self.problem(number, 1, f"a table row with {len(cells)} cells", ROW_FORMAT)
            return
        venue_cell, title_cell, links_cell = (c.strip() for c in cells)
        venue_match = _VENUE.match(venue_cell)
        venue, year = (
            (venue_match.group("venue"), int(venue_match.group("year")))
            if venue_match
            else (venue_cell, self.year)
        )
        if year is None:
            self.problem(number, 3, f"no year in `{venue_cell}` nor a `### YEAR` above", ROW_FORMAT)
            return
        parts = _BR.split(title_cell, maxsplit=1)
        if len(parts) != 2:
            self.problem(
                number, len(cells[0]) + 3, "no `<br>` between title and authors", ROW_FORMAT
            )
            return
        authors = [unescape(a.strip()) for a in split_unescaped(_TAG.sub("", parts[1]), ",;")]
        links = tuple(
            Link(unescape(m.group(1)), unescape(m.group(2)), Position(number, 1))
            for m in _LINK.finditer(links_cell)
        )
        if not links:
            self.problem(number, len(text) - len(links_cell), "no `[Label](URL)` link", ROW_FORMAT)
            return
        paper = Paper(
            unescape(parts[0].strip()),
            tuple(a for a in authors if a),
            unescape(venue.strip()),
            year,
            links,
            Position(number, 1),
        )
        section.papers.append(paper)

    def catalog(self) -> Catalog:
        self.close_section()
        if self.title is None:
            self.problem(1, 1, "no `# Title` heading", "the list's title as a level-1 heading")
        if self.description is None:
            self.problem(1, 1, "no description paragraph after the title", "a line of text")
        if self.problems or self.title is None or self.description is None:
            raise CatalogError(self.problems)
        taken: set[str] = set()
        sections = tuple(
            Section(
                section_id(s.title, taken), s.title, display_order(s.papers), Position(s.line, 1)
            )
            for s in self.sections
        )
        return Catalog(self.title, self.description, tuple(self.news), sections)


def parse_readme(text: str, path: str = "README.md") -> Catalog:
    """The catalog a README describes; CatalogError lists every row it could not read."""
    reader = _Reader(path)
    for number, line in enumerate(text.splitlines(), start=1):
        reader.feed(number, line)
    return reader.catalog()
