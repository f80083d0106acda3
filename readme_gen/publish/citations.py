"""Exports of the list for people who cite it: JSON, CSV and BibTeX. Pure functions of the
model, deterministic (catalog order, display order within sections).

BibTeX keys are stable and unique: the first author's family name, the year and the first
significant word of the title, ASCII-folded (`qin2025pains`); when two papers would share a
key, the later ones in catalog order get `a`, `b`, ... Journals (`venues.full_venue`) become
`@article` with `journal`, preprints `@misc` with `eprint`, everything else `@inproceedings`
with `booktitle`, venues under their full names. Special characters are escaped so the file
compiles with bibtex and biber (braces included, which they count whatever precedes them),
and titles are braced so their capitals survive.

An adopted list's papers may lack a year (a date may give it, and BibTeX's `month`),
authors or a venue, carry the list's own fields (`note`, `abstract`, ...: JSON and CSV
export them all, BibTeX `note` and `abstract`), and link files of the list's repository
(no `url` for those). Its values are Markdown as written: JSON keeps them, CSV and BibTeX
take their plain text (`plain`, escape.plain_text, passed in by the command).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from readme_gen import identifiers
from readme_gen.catalog.edit import arxiv_id_of, doi_of_url, local_path
from readme_gen.catalog.model import Catalog, Paper, Section
from readme_gen.escape import csv_cell
from readme_gen.metadata.names import bibtex_key_name
from readme_gen.venues import full_venue

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "on",
        "of",
        "for",
        "in",
        "to",
        "with",
        "and",
        "via",
        "towards",
        "toward",
        "from",
        "by",
        "at",
        "is",
        "are",
        "no",
        "not",
    ]
)
# BibTeX and biber count braces whatever precedes them: `\{` is no escape for them, and
# one unbalanced brace ends a field (or the entry) early, so a title such as
# `A}} @misc(forged, ...)` would make an entry nobody listed. A brace becomes a command.
_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
# full_venue folds every spelling in the venue table per call (~0.4 ms): once per venue
# name, a 10,000-paper export takes 0.1 s instead of 4.
_full_venue = functools.lru_cache(maxsize=4096)(full_venue)


Plain = Callable[[str], str]
"""Markdown text to the words a reader sees (escape.plain_text)."""


def _same(text: str) -> str:
    return text


def papers(catalog: Catalog, plain: Plain = _same) -> list[tuple[Section, Paper]]:
    """Every paper with its section, its values as plain text where its section's form
    writes Markdown (an adopted list's values are Markdown as written)."""
    return [
        (section, _plain_paper(paper, plain) if catalog.writes_markdown(section) else paper)
        for section, paper in catalog.papers()
    ]


def _plain_paper(paper: Paper, plain: Plain) -> Paper:
    return replace(
        paper,
        title=plain(paper.title),
        authors=tuple(plain(a) for a in paper.authors),
        venue=plain(paper.venue),
        extra=tuple((name, plain(value)) for name, value in paper.extra),
    )


def extra_names(catalog: Catalog) -> list[str]:
    """The list's own field names, in order of first use."""
    return list(dict.fromkeys(name for _, p in catalog.papers() for name, _ in p.extra))


def rows(catalog: Catalog) -> list[dict[str, object]]:
    """The papers as JSON objects; an adopted list's also with `date` and its own fields
    (`fields`), values as written."""
    out: list[dict[str, object]] = []
    for section, p in catalog.papers():
        row: dict[str, object] = {
            "section": section.id,
            "title": p.title,
            "authors": list(p.authors),
            "venue": p.venue,
            "year": p.known_year,
            "links": {link.label: link.url for link in p.links},
        }
        if catalog.adopted:
            row["date"] = p.date or None
            row["fields"] = dict(p.extra)
        out.append(row)
    return out


def to_json(catalog: Catalog, plain: Plain = _same) -> str:
    """Values as catalog.yaml holds them (`plain` is unused: JSON readers get the text)."""
    return json.dumps(rows(catalog), indent=2, ensure_ascii=False) + "\n"


def to_csv(catalog: Catalog, plain: Plain = _same) -> str:
    """One row per paper; an adopted list's also with `date` and a column per field of
    its own. Safe to open in a spreadsheet: every cell is quoted (a `;` or
    tab in a value cannot start a new cell whatever separator the spreadsheet guesses), and
    a cell that would start a formula gets a leading `'` (`escape.csv_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    own = extra_names(catalog) if catalog.adopted else []
    dated = ["date"] if catalog.adopted else []
    writer.writerow(["section", "title", "authors", "venue", "year", "links", *dated, *own])
    for section, p in papers(catalog, plain):
        links = " ".join(f"{link.label}={link.url}" for link in p.links)
        year = "" if p.known_year is None else str(p.known_year)
        cells = [section.id, p.title, "; ".join(p.authors), p.venue, year, links]
        cells += [p.date] if catalog.adopted else []
        cells += [p.get(name) for name in own]
        writer.writerow([csv_cell(cell) for cell in cells])
    return out.getvalue()


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def base_key(paper: Paper) -> str:
    # metadata.names is the one home of person names: particles kept (`vanderlaak`)
    family = bibtex_key_name(paper.authors[0]) if paper.authors else ""
    words = [_ascii(w) for w in re.findall(r"[^\W_]+", paper.title)]
    word = next((w for w in words if w and w not in _STOPWORDS), words[0] if words else "")
    year = "" if paper.known_year is None else paper.known_year
    return f"{family or 'anon'}{year}{word}"


def keys(catalog: Catalog, plain: Plain = _same) -> list[str]:
    """One unique key per paper, in catalog order."""
    out, seen = [], set()
    for _, paper in papers(catalog, plain):
        key = base = base_key(paper)
        suffix = 0
        while key in seen:
            key = base + _letters(suffix)
            suffix += 1
        seen.add(key)
        out.append(key)
    return out


def _letters(n: int) -> str:
    """a, b, ..., z, aa, ab, ..."""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def escape(text: str) -> str:
    return _SPECIAL.sub(lambda m: _ESCAPES[m.group()], text)


def _author(name: str) -> str:
    # braces keep a name containing " and " or a comma as one author
    escaped = escape(name)
    return f"{{{escaped}}}" if " and " in name or "," in name else escaped


def _url(url: str) -> str:
    return url.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


_PREPRINT_VENUES = frozenset({"", "arxiv", "arxiv preprint", "corr"})
# What a DOI may hold in a `doi` field: the characters DOIs use, no brace, backslash, `%`,
# `#` or space (a DOI with one is left out rather than escaped: it is an identifier).
_BIBTEX_DOI_CHARS = re.compile(r"[-A-Za-z0-9._;()/:<>\[\]+]+\Z")


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# The list's own fields BibTeX has a field for.
_BIBTEX_FIELDS = ("note", "abstract")


def entry_fields(paper: Paper) -> tuple[str, list[tuple[str, str]]]:
    """The entry type and its fields, values as they go between the field's braces.
    A preprint (venue arXiv, or none and an arXiv link) is `@misc` with `eprint` and
    `archivePrefix`; a venue the table knows gets its full name, as `journal` or
    `booktitle`; a DOI link gives `doi`; `primaryClass` is the paper's `arxiv-category`
    (which `add` stores from arXiv).
    What an adopted list's paper lacks is left out (no venue and no arXiv link: `@misc`);
    its date gives `month`."""
    web = [x.url for x in paper.links if local_path(x.url) is None]
    eprint = next((e for e in map(arxiv_id_of, web) if e), None)
    doi = next((d for d in map(doi_of_url, web) if d), None)
    fields = [("title", f"{{{escape(paper.title)}}}")]
    if paper.authors:
        fields.append(("author", " and ".join(_author(a) for a in paper.authors)))
    if paper.venue.strip().lower() in _PREPRINT_VENUES and eprint:
        kind = "misc"
        fields.append(("howpublished", "arXiv preprint"))
    elif not paper.venue.strip():
        kind = "misc"
    else:
        kind_name, name = _full_venue(paper.venue) or ("conference", paper.venue)
        journal = kind_name == "journal"
        kind = "article" if journal else "inproceedings"
        fields.append(("journal" if journal else "booktitle", escape(name)))
    if paper.known_year is not None:
        fields.append(("year", str(paper.known_year)))
    if len(paper.date) >= 7:
        fields.append(("month", _MONTHS[int(paper.date[5:7]) - 1]))
    if doi and identifiers.is_doi(doi) and _BIBTEX_DOI_CHARS.match(doi):
        fields.append(("doi", doi))
    if eprint:
        fields += [("eprint", eprint), ("archivePrefix", "arXiv")]
        if paper.category:
            fields.append(("primaryClass", paper.category))
    if web:
        fields.append(("url", _url(web[0])))
    fields += [(name, escape(paper.get(name))) for name in _BIBTEX_FIELDS if paper.get(name)]
    return kind, fields


def bibtex_entries(catalog: Catalog, plain: Plain = _same) -> list[str]:
    """One entry per paper, in `catalog.papers()` order (the site copies them one by one)."""
    entries = []
    listed = papers(catalog, plain)
    for key, (_, p) in zip(keys(catalog, plain), listed, strict=True):
        kind, fields = entry_fields(p)
        body = ",\n".join(
            f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
            for name, value in fields  # a month is BibTeX's own macro (`oct`), unbraced
        )
        entries.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return entries


def to_bibtex(catalog: Catalog, plain: Plain = _same) -> str:
    return "\n".join(bibtex_entries(catalog, plain))


FORMATS = {"json": to_json, "csv": to_csv, "bibtex": to_bibtex}
