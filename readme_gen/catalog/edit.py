"""Adding a paper, the catalog's half: what is known of it (`Draft`), duplicate detection,
and insertion into the catalog text that leaves every other byte of the file as it was.
(What a landing page or a service says of it is `readme_gen.metadata.lookup`'s.)

The new entry is rendered
by `readme_gen.catalog.emit` at the section's indentation and inserted before the first paper
of an older year (the file stays newest first), or after the section's last paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import urlsplit, urlunsplit

from readme_gen.catalog.emit import dump_paper
from readme_gen.catalog.model import Catalog, Link, Paper, Section
from readme_gen.text import normalise

_ARXIV = re.compile(
    r"^https?://(?:www\.)?arxiv\.org/(?:abs|pdf)/([0-9]{4}\.[0-9]{4,5}|[a-z-]+/[0-9]{7})(?:v[0-9]+)?(?:\.pdf)?/?$",
    re.I,
)


def canonical_url(url: str) -> str:
    """The landing page a link should use: an arXiv PDF or versioned URL becomes its
    abstract page."""
    match = _ARXIV.match(url.strip())
    return f"https://arxiv.org/abs/{match.group(1)}" if match else url.strip()


def url_key(url: str) -> str:
    """URLs that name the same page compare equal: arXiv abs/pdf/vN, http/https, host case,
    a trailing slash."""
    url = canonical_url(url)
    parts = urlsplit(url)
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", parts.netloc.lower().removeprefix("www."), path, parts.query, ""))


@dataclass(frozen=True, slots=True)
class Draft:
    """What is known so far of the paper to add."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    venue: str | None = None
    year: int | None = None

    def missing(self) -> list[str]:
        return [
            name
            for name, value in (
                ("title", self.title),
                ("authors", self.authors),
                ("venue", self.venue),
                ("year", self.year),
            )
            if not value
        ]


def merge(found: Draft, given: Draft) -> Draft:
    """Flags win over the page."""
    return Draft(
        title=given.title or found.title,
        authors=given.authors or found.authors,
        venue=given.venue or found.venue,
        year=given.year or found.year,
    )


def duplicate_of(catalog: Catalog, paper: Paper) -> Paper | None:
    keys = {url_key(link.url) for link in paper.links}
    title = normalise(paper.title)
    for _, existing in catalog.papers():
        if normalise(existing.title) == title or keys & {url_key(x.url) for x in existing.links}:
            return existing
    return None


def insert(text: str, catalog: Catalog, section: Section, paper: Paper) -> str:
    """`text` with `paper` added to `section`, every other line unchanged."""
    lines = text.splitlines(keepends=True)
    if not text.endswith("\n"):
        lines[-1] += "\n"
    in_file = sorted(section.papers, key=lambda p: p.position.line)
    if not in_file:
        return _insert_into_empty(lines, section, paper)
    indent = " " * (in_file[0].position.column - 3)
    entry = dump_paper(paper, indent)
    older = next((p for p in in_file if p.year < paper.year), None)
    if older is not None:
        at = older.position.line - 1
        while (
            at > 0
            and lines[at - 1].strip().startswith("#")
            and _indent(lines[at - 1]) >= len(indent)
        ):
            at -= 1  # keep a comment above the older paper attached to it
        return "".join(lines[:at]) + entry + "".join(lines[at:])
    at = _end_of_block(lines, in_file[-1].position.line - 1, len(indent))
    return "".join(lines[:at]) + entry + "".join(lines[at:])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _end_of_block(lines: list[str], start: int, dash: int) -> int:
    """The index after the list item starting at `start` (its last non-blank line)."""
    end = start + 1
    last = start
    while end < len(lines):
        stripped = lines[end].strip()
        if stripped and not stripped.startswith("#"):
            if _indent(lines[end]) <= dash:
                break
            last = end
        end += 1
    return last + 1


def _insert_into_empty(lines: list[str], section: Section, paper: Paper) -> str:
    start = section.position.line - 1
    for n in range(start, len(lines)):
        match = re.match(r"^(\s*)papers:\s*\[\s*\]\s*(#.*)?$", lines[n])
        if match:
            indent = match.group(1)
            comment = f"  {match.group(2)}" if match.group(2) else ""
            lines[n] = f"{indent}papers:{comment}\n" + dump_paper(paper, indent + "  ")
            return "".join(lines)
    raise ValueError(f"no `papers: []` found for section `{section.id}`")


def paper_from(draft: Draft, url: str, extra_links: list[tuple[str, str]]) -> Paper:
    assert draft.title and draft.venue and draft.year and draft.authors
    links = (Link("Paper", canonical_url(url)), *(Link(k, v) for k, v in extra_links))
    return Paper(draft.title, draft.authors, draft.venue, draft.year, links)


__all__ = [
    "Draft",
    "canonical_url",
    "duplicate_of",
    "insert",
    "merge",
    "paper_from",
    "replace",
    "url_key",
]
