"""The typed model of a paper list: what catalog.yaml says, independent of YAML and Markdown.

Every stage downstream (render, links, lint, export) reads these frozen records and nothing
else. Positions (1-based line and column in catalog.yaml) ride along for messages but do not
take part in equality, so a catalog read from YAML equals the same catalog imported from a
README.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from readme_gen.position import NOWHERE, Position

_NO_FIELDS: Mapping[str, Position] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Link:
    """One labelled link of a paper, e.g. ``Paper: https://...``."""

    label: str
    url: str
    position: Position = field(default=NOWHERE, compare=False)
    """Where the URL value stands in catalog.yaml."""


@dataclass(frozen=True, slots=True)
class Paper:
    title: str
    authors: tuple[str, ...]
    venue: str
    year: int
    links: tuple[Link, ...]
    position: Position = field(default=NOWHERE, compare=False)
    """Where the paper's mapping starts (its first key)."""
    fields: Mapping[str, Position] = field(
        default_factory=lambda: _NO_FIELDS, compare=False, repr=False
    )
    """Where each field's value stands, by field name (``title``, ``authors``, ...)."""

    def where(self, name: str) -> Position:
        """The position of field ``name``, or of the paper when the field has none."""
        return self.fields.get(name, self.position)


@dataclass(frozen=True, slots=True)
class Section:
    """A ``##`` section of the list. ``papers`` is in display order: newest year first,
    catalog order within a year (a stable sort of what catalog.yaml lists)."""

    id: str
    title: str
    papers: tuple[Paper, ...]
    position: Position = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class NewsItem:
    date: str
    text: str
    position: Position = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class Appendix:
    """An extra ``##`` section after the last table (e.g. the maintainers' guide), whose
    Markdown body comes from a template file next to the catalog."""

    title: str
    file: str
    body: str
    position: Position = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class Catalog:
    title: str
    description: str
    news: tuple[NewsItem, ...]
    sections: tuple[Section, ...]
    appendices: tuple[Appendix, ...] = ()

    def papers(self) -> list[tuple[Section, Paper]]:
        """Every paper with its section, in display order."""
        return [(s, p) for s in self.sections for p in s.papers]


def display_order(papers: list[Paper]) -> tuple[Paper, ...]:
    """Newest year first; catalog order within a year (``sorted`` is stable)."""
    return tuple(sorted(papers, key=lambda p: -p.year))
