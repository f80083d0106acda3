"""Adding a paper, the catalog's half: what is known of it (`Draft`), duplicate detection,
and insertion into the catalog text that leaves every other byte of the file as it was.
(What a landing page or a service says of it is `readme_gen.metadata.lookup`'s.)

The new entry is rendered
by `readme_gen.catalog.emit` at the section's indentation and inserted before the first paper
of an older year (the file stays newest first), or after the section's last paper.

In an adopted list the new paper holds what its section's form writes (`adopted_paper`),
and goes after the section's last entry, before the Markdown that follows it
(`insert_adopted`): the README gets one entry more, after the last one, in the list's form.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import unquote, urlsplit, urlunsplit

from readme_gen import identifiers
from readme_gen.catalog.emit import dump_adopted_paper, dump_paper
from readme_gen.catalog.model import (
    ARXIV_CATEGORY,
    Catalog,
    FormSpec,
    Link,
    Paper,
    Raw,
    Section,
    See,
    Verbatim,
    entry_forms,
)
from readme_gen.errors import CatalogError, Problem
from readme_gen.forms.spec import compile_form
from readme_gen.forms.template import Field, fields_of
from readme_gen.position import Position
from readme_gen.text import normalise

FMT_FIRST = "the layout `readme-gen fmt` writes: run `readme-gen fmt` first"
_DOI_HOSTS = frozenset({"doi.org", "dx.doi.org"})
# What the catalog refuses in a text value (validate.py, screen.py): controls, line
# breaks, lone surrogates, noncharacters. A remote record's are dropped, a flag's refused.
UNUSABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def arxiv_id_of(url: str) -> str | None:
    """The arXiv id (without version) an arXiv abs or PDF URL names, else None."""
    return identifiers.arxiv_id_of_url(url)


def doi_of_url(url: str) -> str | None:
    """The DOI a doi.org (or dx.doi.org) URL names, percent-decoded, else None."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    if parts.scheme.lower() in ("http", "https") and host in _DOI_HOSTS and path.startswith("/10."):
        return unquote(path[1:])
    return None


_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


def local_path(url: str) -> str | None:
    """The file of the list's own repository a relative link names (`./citations/x.txt`,
    `README_2.md#x`: `citations/x.txt`, `README_2.md`; "" for `#x`, the README itself),
    percent-decoded, without query or fragment; None for a URL with a scheme or a host
    (`//host/x` is a web address on GitHub too)."""
    if _SCHEME.match(url) or url.startswith("//"):
        return None
    path = unquote(url.split("#", 1)[0].split("?", 1)[0])
    while path.startswith("./"):
        path = path[2:]
    return path


def canonical_url(url: str) -> str:
    """The landing page a link should use: an arXiv PDF or versioned URL becomes its
    abstract page."""
    found = arxiv_id_of(url)
    return f"https://arxiv.org/abs/{found}" if found else url.strip()


def url_key(url: str) -> str:
    """URLs that name the same page compare equal: arXiv abs/pdf/vN, http/https, host case,
    a trailing slash; a DOI's doi.org and dx.doi.org URLs, whatever the DOI's case."""
    doi = doi_of_url(url)
    if doi is not None:
        return "doi:" + doi.lower()  # DOIs are case-insensitive
    parts = urlsplit(canonical_url(url))
    path = parts.path.rstrip("/") or "/"
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit(("https", host, path, parts.query, ""))


DRAFT_FIELDS = ("title", "authors", "venue", "year")
"""What a service or a page may tell of a paper; a built-in entry needs all of them."""
_LINK_FIELDS = frozenset({"link", "links", "label", "url"})


@dataclass(frozen=True, slots=True)
class Draft:
    """What is known so far of the paper to add."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    venue: str | None = None
    year: int | None = None
    category: str = ""
    """arXiv's primary category, when the paper came from arXiv (BibTeX `primaryClass`)."""

    def missing(self, needed: Iterable[str] = DRAFT_FIELDS) -> list[str]:
        """The `needed` fields (all, for the built-in layout) that have no value."""
        wanted = set(needed)
        return [
            name
            for name, value in (
                ("title", self.title),
                ("authors", self.authors),
                ("venue", self.venue),
                ("year", self.year),
            )
            if name in wanted and not value
        ]


def merge(found: Draft, given: Draft) -> Draft:
    """Flags win over the page."""
    return Draft(
        title=given.title or found.title,
        authors=given.authors or found.authors,
        venue=given.venue or found.venue,
        year=given.year or found.year,
        category=found.category,
    )


def clean(found: Draft) -> Draft:
    """A remote record's values without what the catalog refuses (see UNUSABLE), spaces
    collapsed: a hostile record cannot make `add` write a catalog that does not load."""

    def text(value: str | None) -> str | None:
        return " ".join(UNUSABLE.sub("", value).split()) or None if value else value

    authors = tuple(a for a in (text(a) for a in found.authors) if a)
    category = found.category if ARXIV_CATEGORY.fullmatch(found.category) else ""
    return Draft(text(found.title), authors, text(found.venue), found.year, category)


def duplicate_of(catalog: Catalog, urls: Iterable[str], title: str | None = None) -> Paper | None:
    """The listed paper with one of these URLs (by `url_key`) or this title, if any."""
    keys = {url_key(url) for url in urls}
    wanted = normalise(title) if title else None
    for _, existing in catalog.papers():
        if normalise(existing.title) == wanted or keys & {url_key(x.url) for x in existing.links}:
            return existing
    return None


def insert(text: str, section: Section, paper: Paper, path: str) -> str:
    """`text` with `paper` added to `section`, every other line unchanged. Only the
    section's own lines are edited; a layout this cannot edit in place (a flow-style
    section or paper list) is a CatalogError asking for `readme-gen fmt` first."""
    lines = text.splitlines(keepends=True)
    if not text.endswith("\n"):
        lines[-1] += "\n"
    start = section.position.line - 1
    dash = _item_dash(lines, section.position)
    if dash is None:
        raise _layout(path, section.position, f"section `{section.id}` is not a block mapping")
    end = end_of_block(lines, start, dash)
    in_file = sorted(section.papers, key=lambda p: p.position.line)
    if not in_file:
        return _insert_into_empty(lines, start, end, section, paper, path)
    dashes = {_item_dash(lines, p.position) for p in in_file}
    if len(dashes) != 1 or None in dashes:
        where = in_file[0].position
        raise _layout(path, where, f"the papers of section `{section.id}` are not a block list")
    indent = " " * next(d for d in dashes if d is not None)
    entry = dump_paper(paper, indent)
    older = next((p for p in in_file if (p.year or 0) < (paper.year or 0)), None)
    if older is not None:
        at = older.position.line - 1
        while (
            at > start
            and lines[at - 1].strip().startswith("#")
            and indent_of(lines[at - 1]) >= len(indent)
        ):
            at -= 1  # keep a comment above the older paper attached to it
    else:
        at = end_of_block(lines, in_file[-1].position.line - 1, len(indent))
    return "".join(lines[:at]) + entry + "".join(lines[at:])


def _item_dash(lines: list[str], at: Position) -> int | None:
    """The column (0-based) of the `- ` that opens the block mapping starting at `at`, or
    None when that mapping is not a block mapping that is an item of a block list."""
    line = lines[at.line - 1]
    match = re.match(r"( *)- +\Z", line[: at.column - 1])
    if match is None or line[at.column - 1 : at.column] in ("{", "[", ""):
        return None
    return len(match.group(1))


def _layout(path: str, at: Position, what: str) -> CatalogError:
    return CatalogError([Problem(path, at, f"{what}, which add cannot edit in place", FMT_FIRST)])


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def end_of_block(lines: list[str], start: int, dash: int) -> int:
    """The index after the list item starting at `start` (its last non-blank line)."""
    end = start + 1
    last = start
    while end < len(lines):
        stripped = lines[end].strip()
        if stripped and not stripped.startswith("#"):
            if indent_of(lines[end]) <= dash:
                break
            last = end
        end += 1
    return last + 1


def _insert_into_empty(
    lines: list[str], start: int, end: int, section: Section, paper: Paper, path: str
) -> str:
    key_column = section.position.column - 1
    for n in range(start, end):
        line = lines[n] if n > start else " " * key_column + lines[n][key_column:]
        match = re.match(r"^( *)papers:[ \t]*\[[ \t]*\][ \t]*(#.*)?$", line)
        if match and len(match.group(1)) == key_column:
            indent = lines[n][:key_column]
            comment = f"  {match.group(2)}" if match.group(2) else ""
            lines[n] = f"{indent}papers:{comment}\n" + dump_paper(paper, " " * key_column + "  ")
            return "".join(lines)
    where = section.position
    raise _layout(path, where, f"section `{section.id}` has no `papers: []` line of its own")


def landed(before: Catalog, after: Catalog, section_id: str, paper: Paper) -> bool:
    """Whether `after` is `before` with `paper` added to section `section_id` and nothing
    else changed: checked on the re-read text before anything is written."""
    same = (before.title, before.description, before.news, before.appendices)
    if same != (after.title, after.description, after.news, after.appendices):
        return False
    if [s.id for s in before.sections] != [s.id for s in after.sections]:
        return False
    for old, new in zip(before.sections, after.sections, strict=True):
        wanted = (*old.papers, paper) if old.id == section_id else old.papers
        if old.title != new.title or Counter(wanted) != Counter(new.papers):
            return False
    return True


def form_fields(spec: FormSpec) -> tuple[list[str], list[str]]:
    """The fields (not links) a form writes: those its first template, the one for new
    entries, cannot do without, and every one any of its templates writes."""
    templates = compile_form(spec)
    first = [p.name for p in templates[0].parts if isinstance(p, Field)]
    every = [f.name for t in templates for f in fields_of(t.parts)]
    needed = [n for n in dict.fromkeys(first) if n not in _LINK_FIELDS]
    return needed, [n for n in dict.fromkeys(every) if n not in _LINK_FIELDS]


def adopted_paper(
    spec: FormSpec,
    draft: Draft,
    url: str,
    extra_links: list[tuple[str, str]],
    *,
    date: str = "",
    own: tuple[tuple[str, str], ...] = (),
    keep_year: bool = False,
) -> Paper:
    """The paper to add to a section of `spec`'s form: only the fields the form writes
    (a list without authors gets none), the first link under the form's own label; a
    year the form writes may come from the date. With `keep_year`, the paper keeps its year
    though the form writes none (a section ordered by year shows it in a group heading),
    unless a date the form writes gives it."""
    _, writes = form_fields(spec)
    year = draft.year or (int(date[:4]) if date else None)
    dated = bool(date) and "date" in writes
    links = (Link(spec.link, canonical_url(url)), *(Link(k, v) for k, v in extra_links))
    return Paper(
        draft.title or "",
        draft.authors if "authors" in writes else (),
        (draft.venue or "") if "venue" in writes else "",
        year if "year" in writes or (keep_year and not dated) else None,
        links,
        date=date if "date" in writes else "",
        extra=tuple((k, v) for k, v in own if k in writes),
        category=draft.category,
    )


def takes_entries(section: Section) -> bool:
    """Whether a section of an adopted list is a list of entries: it has a form, and it has
    entries, or nothing but blank lines (a list emptied). Prose, or a contents list whose
    lines look like entries, is not (`add` refuses it, lint finds it no empty section)."""
    if not section.form:
        return False
    if any(isinstance(item, Paper | Raw | See) for item in section.items):
        return True
    return not any(isinstance(i, Verbatim) and i.text.strip() for i in section.items)


def entry_end(section: Section) -> int:
    """Where a new entry goes among the section's items: after its last entry (a paper,
    one kept as written, one listed again) in the section's own form, not in a second
    table's, before the Markdown after it; after everything when it has no entry yet."""
    forms = entry_forms(section)
    ends = [n + 1 for n, form in enumerate(forms) if form is not None]
    own = [n + 1 for n, form in enumerate(forms) if form == ""]
    return (own or ends or [len(section.items)])[-1]


def insert_adopted(text: str, section: Section, paper: Paper, path: str) -> str:
    """`text` with `paper` added to the adopted `section` (see `entry_end`), in the
    layout `import` writes (`emit.dump_adopted_paper`), every other line unchanged."""
    lines = text.splitlines(keepends=True)
    if not text.endswith("\n"):
        lines[-1] += "\n"
    at = entry_end(section)
    if at == 0:
        where = section.position
        raise _layout(path, where, f"section `{section.id}` has nothing under its heading")
    start = section.items[at - 1].position  # on its `- ` line: a key's, or a kept value's
    found = re.match(r"( *)- ", lines[start.line - 1])
    if found is None:
        raise _layout(path, start, f"the items of section `{section.id}` are not a block list")
    dash = len(found.group(1))
    end = end_of_block(lines, start.line - 1, dash)
    entry = dump_adopted_paper(paper, " " * dash)
    return "".join(lines[:end]) + entry + "".join(lines[end:])


def landed_adopted(before: Catalog, after: Catalog, section_id: str, paper: Paper) -> bool:
    """Whether `after` is `before` with `paper` among section `section_id`'s items where
    `entry_end` puts it, and nothing else changed."""
    sections = []
    for section in before.sections:
        if section.id == section_id:
            at = entry_end(section)
            items = (*section.items[:at], paper, *section.items[at:])
            papers = tuple(i for i in items if isinstance(i, Paper))
            section = replace(section, papers=papers, items=items)
        sections.append(section)
    return replace(before, sections=tuple(sections)) == after


def paper_from(draft: Draft, url: str, extra_links: list[tuple[str, str]]) -> Paper:
    assert draft.title and draft.venue and draft.year and draft.authors
    links = (Link("Paper", canonical_url(url)), *(Link(k, v) for k, v in extra_links))
    return Paper(
        draft.title, draft.authors, draft.venue, draft.year, links, category=draft.category
    )


__all__ = [
    "DRAFT_FIELDS",
    "Draft",
    "adopted_paper",
    "arxiv_id_of",
    "canonical_url",
    "clean",
    "doi_of_url",
    "duplicate_of",
    "entry_end",
    "form_fields",
    "insert",
    "insert_adopted",
    "landed",
    "landed_adopted",
    "local_path",
    "merge",
    "paper_from",
    "replace",
    "takes_entries",
    "url_key",
]
