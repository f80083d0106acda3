"""Exports of the list for people who cite it: JSON, CSV and BibTeX. Pure functions of the
model, deterministic (catalog order, display order within sections).

BibTeX keys are stable and unique: the first author's family name, the year and the first
significant word of the title, ASCII-folded (`qin2025pains`); when two papers would share a
key, the later ones in catalog order get `a`, `b`, ... Journals (`venues.full_venue`) become
`@article` with `journal`, preprints `@misc` with `eprint`, everything else `@inproceedings`
with `booktitle`, venues under their full names. Special characters are escaped so the file
compiles with bibtex and biber (braces included, which they count whatever precedes them),
and titles are braced so their capitals survive.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import unicodedata

from readme_gen.catalog.edit import arxiv_id_of, doi_of_url
from readme_gen.catalog.model import Catalog, Paper
from readme_gen.publish import inert
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


def rows(catalog: Catalog) -> list[dict[str, object]]:
    return [
        {
            "section": section.id,
            "title": p.title,
            "authors": list(p.authors),
            "venue": p.venue,
            "year": p.year,
            "links": {link.label: link.url for link in p.links},
        }
        for section, p in catalog.papers()
    ]


def to_json(catalog: Catalog) -> str:
    return json.dumps(rows(catalog), indent=2, ensure_ascii=False) + "\n"


def to_csv(catalog: Catalog) -> str:
    """One row per paper. Safe to open in a spreadsheet: every cell is quoted (a `;` or
    tab in a value cannot start a new cell whatever separator the spreadsheet guesses), and
    a cell that would start a formula gets a leading `'` (publish/inert.csv_cell)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(["section", "title", "authors", "venue", "year", "links"])
    for section, p in catalog.papers():
        links = " ".join(f"{link.label}={link.url}" for link in p.links)
        cells = [section.id, p.title, "; ".join(p.authors), p.venue, str(p.year), links]
        writer.writerow([inert.csv_cell(cell) for cell in cells])
    return out.getvalue()


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def family_name(author: str) -> str:
    """`Ann Smith` -> smith; `Smith, Ann` -> smith; `Ann Smith Jr.` -> smith (ASCII-folded)."""
    if "," in author:
        head = author.split(",")[0].split()
        return _ascii(head[-1]) if head else ""
    words = [_ascii(w) for w in author.split()]
    words = [w for w in words if w and w not in _SUFFIXES]
    return words[-1] if words else ""


def base_key(paper: Paper) -> str:
    family = family_name(paper.authors[0]) if paper.authors else ""
    words = [_ascii(w) for w in re.findall(r"[^\W_]+", paper.title)]
    word = next((w for w in words if w and w not in _STOPWORDS), words[0] if words else "")
    return f"{family or 'anon'}{paper.year}{word}"


def keys(catalog: Catalog) -> list[str]:
    """One unique key per paper, in catalog order."""
    out, seen = [], set()
    for _, paper in catalog.papers():
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
# A DOI as it may stand in a `doi` field: the characters DOIs use, no brace, backslash,
# `%`, `#` or space (a DOI with one is left out rather than escaped: it is an identifier).
_DOI = re.compile(r"10\.[-A-Za-z0-9._;()/:<>\[\]+]+\Z")


def entry_fields(paper: Paper) -> tuple[str, list[tuple[str, str]]]:
    """The entry type and its fields, values as they go between the field's braces.
    A preprint (venue arXiv, or none and an arXiv link) is `@misc` with `eprint` and
    `archivePrefix`; a venue the table knows gets its full name, as `journal` or
    `booktitle`; a DOI link gives `doi`. (arXiv's `primaryClass` is not in the catalog.)"""
    eprint = next((e for e in map(arxiv_id_of, (x.url for x in paper.links)) if e), None)
    doi = next((d for d in map(doi_of_url, (x.url for x in paper.links)) if d), None)
    fields = [
        ("title", f"{{{escape(paper.title)}}}"),
        ("author", " and ".join(_author(a) for a in paper.authors)),
    ]
    if paper.venue.strip().lower() in _PREPRINT_VENUES and eprint:
        kind = "misc"
        fields.append(("howpublished", "arXiv preprint"))
    else:
        kind_name, name = _full_venue(paper.venue) or ("conference", paper.venue)
        journal = kind_name == "journal"
        kind = "article" if journal else "inproceedings"
        fields.append(("journal" if journal else "booktitle", escape(name)))
    fields.append(("year", str(paper.year)))
    if doi and _DOI.match(doi):
        fields.append(("doi", doi))
    if eprint:
        fields += [("eprint", eprint), ("archivePrefix", "arXiv")]
    fields.append(("url", _url(paper.links[0].url)))
    return kind, fields


def bibtex_entries(catalog: Catalog) -> list[str]:
    """One entry per paper, in `catalog.papers()` order (the site copies them one by one)."""
    entries = []
    for key, (_, p) in zip(keys(catalog), catalog.papers(), strict=True):
        kind, fields = entry_fields(p)
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return entries


def to_bibtex(catalog: Catalog) -> str:
    return "\n".join(bibtex_entries(catalog))


FORMATS = {"json": to_json, "csv": to_csv, "bibtex": to_bibtex}
