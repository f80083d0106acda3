"""The papers as the page and the feed show them: a permalink id each, the text each
field displays, and the BibTeX entry `export --format bibtex` writes for it.

A permalink must survive a corrected title, so it comes from the paper's stored key (`id:`)
when it is a plain word, else from its first link (`url_key`: the same page under
another spelling of its URL keeps the id). Papers that share a first link (a list may
list one URL twice) get `-2`, `-3`, ... in catalog order. A paper with neither key nor link
(possible in an adopted list) falls back to its section and title."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from readme_gen.catalog.edit import url_key
from readme_gen.catalog.model import Catalog, Paper
from readme_gen.publish.citations import bibtex_entries
from readme_gen.site.plain import plain

_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}\Z")
TAG_FIELDS = ("tags", "tag", "keywords")
_TAG_SPLIT = re.compile(r"\s*[,;]\s*")


@dataclass(frozen=True, slots=True)
class Entry:
    paper: Paper
    id: str
    section: int
    """The index of its section in `catalog.sections`."""
    title: str
    authors: tuple[str, ...]
    venue: str
    extra: tuple[tuple[str, str], ...]
    tags: tuple[str, ...]
    bibtex: str

    @property
    def when(self) -> str:
        """The date the list gives, else the year; "" for neither (sorts last)."""
        return self.paper.date or (str(self.paper.year) if self.paper.year else "")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def base_id(paper: Paper, section_id: str) -> str:
    if paper.key and _KEY.match(paper.key) and not paper.key.startswith("p-"):
        return paper.key
    if paper.links:
        return "p-" + _digest(url_key(paper.links[0].url))
    return "p-" + _digest(f"{section_id}\n{paper.title}")


def entries(catalog: Catalog) -> list[Entry]:
    """One entry per paper, in `catalog.papers()` order."""
    text = plain if catalog.adopted else str
    index = {id(s): n for n, s in enumerate(catalog.sections)}
    out, seen = [], set()
    pairs = catalog.papers()
    for (section, paper), bib in zip(pairs, bibtex_entries(catalog), strict=True):
        ident = base = base_id(paper, section.id)
        n = 1
        while ident in seen:
            n += 1
            ident = f"{base}-{n}"
        seen.add(ident)
        extra = tuple((name, text(value)) for name, value in paper.extra)
        tags = tuple(
            tag
            for name, value in extra
            if name.lower() in TAG_FIELDS
            for tag in _TAG_SPLIT.split(value.replace("|", " ").strip())
            if tag
        )
        out.append(
            Entry(
                paper,
                ident,
                index[id(section)],
                text(paper.title),
                tuple(text(a) for a in paper.authors),
                text(paper.venue),
                extra,
                tags,
                bib,
            )
        )
    return out
