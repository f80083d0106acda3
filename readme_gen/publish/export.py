"""Exports of the list for people who cite it: JSON, CSV and BibTeX. Pure functions of the
model, deterministic (catalog order, display order within sections).

BibTeX keys are stable and unique: the first author's family name, the year and the first
significant word of the title, ASCII-folded (`qin2025pains`); when two papers would share a
key, the later ones in catalog order get `a`, `b`, ... Journals (a documented table) become
`@article` with `journal`, everything else `@inproceedings` with `booktitle`. Special
characters are escaped so the file compiles with bibtex and biber, and titles are braced so
their capitals survive.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata

from readme_gen.catalog.model import Catalog, Paper
from readme_gen.publish import inert

JOURNALS = frozenset(
    {
        "TPAMI",
        "IJCV",
        "TIP",
        "TNNLS",
        "TMM",
        "TCSVT",
        "TGRS",
        "TMI",
        "TMLR",
        "JMLR",
        "RA-L",
        "IRAL",
        "Medical Image Analysis",
        "Pattern Recognition",
        "Nature",
        "Science",
        "Nature Communications",
        "Remote Sensing",
    }
)
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
_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL = re.compile(r"[\\{}&%$#_~^]")


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


def to_bibtex(catalog: Catalog) -> str:
    entries = []
    for key, (_, p) in zip(keys(catalog), catalog.papers(), strict=True):
        journal = p.venue in JOURNALS
        kind, venue_field = ("article", "journal") if journal else ("inproceedings", "booktitle")
        fields = [
            ("title", f"{{{escape(p.title)}}}"),
            ("author", " and ".join(_author(a) for a in p.authors)),
            (venue_field, escape(p.venue)),
            ("year", str(p.year)),
            ("url", _url(p.links[0].url)),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return "\n".join(entries)


FORMATS = {"json": to_json, "csv": to_csv, "bibtex": to_bibtex}
