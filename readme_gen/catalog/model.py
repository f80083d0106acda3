"""The typed model of a paper list: what catalog.yaml says, independent of YAML and Markdown.

A list kept in the built-in format has sections of papers; a list adopted as it was written
(`readme-gen init` on a hand-written README) also keeps, in order, everything that is not an
entry (`Verbatim`) and the entries that fit none of its forms (`Raw`), and names the forms
its entries are written in (`FormSpec`).

Every stage downstream (render, links, lint, export) reads these frozen records and nothing
else. Positions (1-based line and column in catalog.yaml) ride along for messages but do not
take part in equality, so a catalog read from YAML equals the same catalog imported from a
README.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from readme_gen.forms.spec import FormSpec
from readme_gen.position import NOWHERE, Position

__all__ = ["FormSpec"]

_NO_FIELDS: Mapping[str, Position] = MappingProxyType({})
ARXIV_CATEGORY = re.compile(r"[a-z]{2,8}(?:-[a-z]{2,4})?(?:\.[A-Za-z]{2,4})?")
"""An arXiv category as arXiv writes it (`cs.CV`, `eess.IV`, `hep-th`)."""


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
    """"" when the list gives none."""
    year: int | None
    links: tuple[Link, ...]
    position: Position = field(default=NOWHERE, compare=False)
    """Where the paper's mapping starts (its first key)."""
    fields: Mapping[str, Position] = field(
        default_factory=lambda: _NO_FIELDS, compare=False, repr=False
    )
    """Where each field's value stands, by field name (``title``, ``authors``, ...)."""
    date: str = ""
    """ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; "" when the list gives none."""
    extra: tuple[tuple[str, str], ...] = ()
    """The list's own fields (`abbr`, `note`, `institution`, ...), in the order written."""
    key: str = ""
    """The paper's `id`, by which another section lists it again (`see:`)."""
    variant: int = 0
    """Which of its form's templates writes it (1-based); 0: the first that can."""
    form: str = ""
    """The form that writes the entry when it is not its section's: a second table in the
    section, with columns of its own (a model table, then a dataset table); "" for the
    section's form."""
    spacing: tuple[tuple[int, str], ...] = ()
    """White space the entry writes otherwise than its template (a form whose `spacing`
    varies), by slot number, in slot order."""
    category: str = ""
    """arXiv's primary category (`cs.CV`), for BibTeX's `primaryClass`; "" when unknown."""
    added: str = ""
    """ISO `YYYY-MM-DD`: when the paper joined the list (the site's feed); "" when unknown."""

    def where(self, name: str) -> Position:
        """The position of field ``name``, or of the paper when the field has none."""
        return self.fields.get(name, self.position)

    def get(self, name: str) -> str:
        """An extra field's value, "" when absent."""
        return next((value for key, value in self.extra if key == name), "")

    @property
    def known_year(self) -> int | None:
        """The year, else the date's (an adopted list may give only a date), else None."""
        return self.year if self.year is not None else int(self.date[:4]) if self.date else None


@dataclass(frozen=True, slots=True)
class Verbatim:
    """Markdown kept exactly as written: prose, a TOC, a table head, blank lines."""

    text: str
    position: Position = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class Raw:
    """An entry that fits none of the list's forms, kept as written (lint points at it)."""

    text: str
    position: Position = field(default=NOWHERE, compare=False)


@dataclass(frozen=True, slots=True)
class See:
    """A paper listed again in another section: written in this section's form, stored once."""

    paper: Paper
    position: Position = field(default=NOWHERE, compare=False)


Item = Paper | Verbatim | Raw | See
EntryItem = Paper | Raw | See
"""An entry of an adopted section: what a form writes, or kept as written."""

CATALOG_ORDER = "catalog"
BY_YEAR = "by-year"
ORDERS = (CATALOG_ORDER, BY_YEAR)
"""A section's `order:` values (the first is the default)."""
UNDATED = "Undated"
"""The default heading text of a `by-year` section's last group: its entries without a year."""


@dataclass(frozen=True, slots=True)
class Section:
    """A ``##`` section of the list. In the built-in layout ``papers`` is in display order:
    newest year first, catalog order within a year (a stable sort of what catalog.yaml
    lists); in an adopted list it is catalog order (`listed` gives the README's)."""

    id: str
    title: str
    papers: tuple[Paper, ...]
    position: Position = field(default=NOWHERE, compare=False)
    level: int = 2
    heading: str = ""
    """The heading as written, when it is not `#`*level + " " + title."""
    form: str = ""
    """The name of the form its entries are written in; "" for the built-in one."""
    items: tuple[Item, ...] = ()
    """For an adopted list: everything in the section in order (papers among the rest)."""
    file: str = ""
    """The Markdown file this section starts (relative to the catalog); the sections after
    it follow in that file until another names one. "" for the README itself."""
    order: str = "catalog"
    """How an adopted list writes the section's entries: `catalog` (as listed) or `by-year`
    (in groups under year headings, newest first, as the built-in layout does)."""
    group: str = ""
    """For `by-year`: the Markdown written before each group's entries, `{year}` standing for
    its year (`"\n### {year}\n\n"`, a table's head after it); "" for `group_text`'s default."""
    undated: str = ""
    """For `by-year`: what `{year}` writes for the last group, of entries without a year;
    "" for `UNDATED`."""

    @property
    def by_year(self) -> bool:
        return self.order == BY_YEAR


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
    forms: tuple[FormSpec, ...] = ()
    preamble: str | None = None
    """For an adopted list: the README's text before its first heading. None: the README
    is written in the built-in layout (title, description, news, contents)."""
    final_break: bool = True
    """False when an adopted README ends with an entry and no line break after it."""

    def papers(self) -> list[tuple[Section, Paper]]:
        """Every paper with its section, in display order; a paper listed again in another
        section (`See`) counts once, under its first section."""
        return [(s, p) for s in self.sections for p in s.papers]

    def raws(self) -> list[tuple[Section, Raw]]:
        """The entries kept as written, with their sections."""
        return [(s, i) for s in self.sections for i in s.items if isinstance(i, Raw)]

    @property
    def adopted(self) -> bool:
        return self.preamble is not None

    def writes_markdown(self, section: Section) -> bool:
        """Whether the section's values are Markdown as written (an adopted list's form),
        not plain text: formats that are not Markdown take their plain text."""
        return any(f.name == section.form and f.markdown for f in self.forms)


def display_order(papers: list[Paper]) -> tuple[Paper, ...]:
    """Newest year first; catalog order within a year (``sorted`` is stable); papers
    without a year last."""
    return tuple(sorted(papers, key=lambda p: -(p.year or 0)))


def entry_year(entry: EntryItem) -> int | None:
    """The year an entry is grouped under: its paper's (or its date's); None for an entry
    kept as written, which has no fields."""
    if isinstance(entry, Raw):
        return None
    paper = entry.paper if isinstance(entry, See) else entry
    return paper.known_year


def year_groups_of(section: Section) -> list[tuple[int | None, list[EntryItem]]]:
    """A `by-year` section's entries in groups: newest year first, catalog order within a
    year, entries without a year last. An entry kept as written (`raw:`) has no year of its
    own: it stays with the entry before it (the one after it, when it comes first), so that
    it keeps its place; with no entry of a year around it, it is undated."""
    entries = [i for i in section.items if not isinstance(i, Verbatim)]
    keys = [entry_year(e) for e in entries]
    known = [not isinstance(e, Raw) for e in entries]
    last: int | None = next((k for k, ok in zip(keys, known, strict=True) if ok), None)
    for n, entry in enumerate(entries):
        if isinstance(entry, Raw):
            keys[n] = last
        else:
            last = keys[n]
    groups: dict[int | None, list[EntryItem]] = {}
    for year, entry in zip(keys, entries, strict=True):
        groups.setdefault(year, []).append(entry)
    return sorted(groups.items(), key=lambda group: -(group[0] or 0))


def listed(section: Section) -> tuple[Item, ...]:
    """An adopted section's entries in the order its README lists them (its year groups',
    for `by-year`), with its other items (Markdown) as they stand when it is in catalog order."""
    if not section.by_year:
        return section.items
    return tuple(entry for _, group in year_groups_of(section) for entry in group)


def entry_forms(section: Section) -> list[str | None]:
    """The form that writes each of a section's items, by name: "" for the section's own, a
    second table's for an entry that names it (`Paper.form`), None for Markdown. An entry
    kept as written belongs to the run of entries it stands in."""
    out: list[str | None] = []
    run: str | None = None  # the form of the run the items are in; None between runs
    for item in section.items:
        if isinstance(item, Verbatim):
            out.append(None)
            run = None
            continue
        paper = item.paper if isinstance(item, See) else item
        run = paper.form if isinstance(paper, Paper) else (run or "")
        out.append(run)
    return out
