"""The lint rules. Each is a function from the catalog to findings; a finding is data.

| id    | name               | severity | what |
| RG101 | duplicate-url      | error    | the same URL on two different papers |
| RG102 | duplicate-paper    | error    | the same paper twice (normalised title) |
| RG103 | venue-alias        | warning  | a venue spelled two ways (alias table, letter case) |
| RG104 | impossible-year    | error    | the year contradicts the URL (arXiv id, CVF path) |
| RG105 | insecure-http      | warning  | http:// where https:// is the norm |
| RG106 | arxiv-pdf          | warning  | an arXiv PDF or versioned link, not the abstract page |
| RG107 | author-string      | error    | several authors in one string (`;` or ` and `) |
| RG108 | surrounding-space  | warning  | leading or trailing white space |
| RG109 | all-caps-title     | warning  | a title in capitals |
| RG110 | empty-section      | warning  | a section without papers |
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from readme_gen.catalog.model import Catalog, Paper, Position, Section
from readme_gen.text import normalise


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    name: str
    severity: Severity
    message: str
    position: Position
    title: str = ""  # the paper concerned, for per-entry ignores
    url: str = ""
    value: str = ""  # the offending value (a venue, an author), for per-value ignores


DEFAULT_VENUE_ALIASES: dict[str, tuple[str, ...]] = {
    "NeurIPS": ("NIPS",),
    "ACM MM": ("MM", "ACMMM"),
    "TPAMI": ("PAMI", "T-PAMI"),
}


def _papers(catalog: Catalog) -> Iterator[tuple[Section, Paper]]:
    # catalog order by position, not display order, so "first" means first in the file
    pairs = catalog.papers()
    return iter(sorted(pairs, key=lambda sp: (sp[1].position.line, sp[1].position.column)))


def duplicate_url(catalog: Catalog, **_: object) -> Iterator[Finding]:
    first: dict[str, Paper] = {}
    for _section, paper in _papers(catalog):
        for link in paper.links:
            seen = first.setdefault(link.url, paper)
            if seen is not paper and normalise(seen.title) != normalise(paper.title):
                yield Finding(
                    "RG101",
                    "duplicate-url",
                    Severity.ERROR,
                    f'{link.url} is also the link of "{seen.title}" (line {seen.position.line})',
                    link.position,
                    paper.title,
                    link.url,
                )


def duplicate_paper(catalog: Catalog, **_: object) -> Iterator[Finding]:
    first: dict[str, Paper] = {}
    for _section, paper in _papers(catalog):
        seen = first.setdefault(normalise(paper.title), paper)
        if seen is not paper:
            yield Finding(
                "RG102",
                "duplicate-paper",
                Severity.ERROR,
                f'"{paper.title}" is already listed at line {seen.position.line}',
                paper.where("title"),
                paper.title,
            )


def venue_alias(
    catalog: Catalog, *, aliases: Mapping[str, tuple[str, ...]], **_: object
) -> Iterator[Finding]:
    canonical = {alias.casefold(): name for name, spelled in aliases.items() for alias in spelled}
    spellings: dict[str, str] = {}
    for _section, paper in _papers(catalog):
        key = paper.venue.casefold()
        if key in canonical and canonical[key] != paper.venue:
            yield Finding(
                "RG103",
                "venue-alias",
                Severity.WARNING,
                f"venue `{paper.venue}` is also spelled `{canonical[key]}`; use one name",
                paper.where("venue"),
                paper.title,
                value=paper.venue,
            )
            continue
        other = spellings.setdefault(key, paper.venue)
        if other != paper.venue:
            yield Finding(
                "RG103",
                "venue-alias",
                Severity.WARNING,
                f"venue `{paper.venue}` is also spelled `{other}`; use one spelling",
                paper.where("venue"),
                paper.title,
                value=paper.venue,
            )


_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/(\d{2})(\d{2})\.\d{4,5}")
_URL_YEAR = re.compile(
    r"(?:content_?(?:CVPR|ICCV|ECCV|WACV)_?|/(?:CVPR|ICCV|WACV)(?=\d{4}/)|/paper(?:_files/paper)?/)((?:19|20)\d{2})",
    re.I,
)


def impossible_year(catalog: Catalog, **_: object) -> Iterator[Finding]:
    for _section, paper in _papers(catalog):
        for link in paper.links:
            arxiv = _ARXIV.search(link.url)
            if arxiv:
                posted = 2000 + int(arxiv.group(1))
                if paper.year < posted:
                    yield Finding(
                        "RG104",
                        "impossible-year",
                        Severity.ERROR,
                        f"year {paper.year} is before the arXiv posting ({posted}) of {link.url}",
                        paper.where("year"),
                        paper.title,
                        link.url,
                    )
            named = _URL_YEAR.search(link.url)
            if named and int(named.group(1)) != paper.year:
                yield Finding(
                    "RG104",
                    "impossible-year",
                    Severity.ERROR,
                    f"year {paper.year} but the link is of {named.group(1)}: {link.url}",
                    paper.where("year"),
                    paper.title,
                    link.url,
                )


def insecure_http(catalog: Catalog, **_: object) -> Iterator[Finding]:
    for _section, paper in _papers(catalog):
        for link in paper.links:
            if link.url.lower().startswith("http://"):
                yield Finding(
                    "RG105",
                    "insecure-http",
                    Severity.WARNING,
                    f"http:// link: use https:// ({link.url})",
                    link.position,
                    paper.title,
                    link.url,
                )


_ARXIV_PDF = re.compile(r"arxiv\.org/(?:pdf/[^\s]+|abs/\d{4}\.\d{4,5}v\d+)", re.I)


def arxiv_pdf(catalog: Catalog, **_: object) -> Iterator[Finding]:
    for _section, paper in _papers(catalog):
        for link in paper.links:
            if _ARXIV_PDF.search(link.url):
                yield Finding(
                    "RG106",
                    "arxiv-pdf",
                    Severity.WARNING,
                    f"link the arXiv abstract page, not a PDF or a version: {link.url}",
                    link.position,
                    paper.title,
                    link.url,
                )


def author_string(catalog: Catalog, **_: object) -> Iterator[Finding]:
    for _section, paper in _papers(catalog):
        for author in paper.authors:
            if ";" in author or " and " in author:
                yield Finding(
                    "RG107",
                    "author-string",
                    Severity.ERROR,
                    f"`{author}` looks like several authors: list each one",
                    paper.where("authors"),
                    paper.title,
                )


def surrounding_space(catalog: Catalog, **_: object) -> Iterator[Finding]:
    for _section, paper in _papers(catalog):
        values = [("title", paper.title), ("venue", paper.venue)] + [
            ("authors", a) for a in paper.authors
        ]
        for field, value in values:
            if value != value.strip():
                yield Finding(
                    "RG108",
                    "surrounding-space",
                    Severity.WARNING,
                    f"{field} `{value}` has leading or trailing spaces",
                    paper.where(field),
                    paper.title,
                )


def all_caps_title(catalog: Catalog, **_: object) -> Iterator[Finding]:
    for _section, paper in _papers(catalog):
        letters = [c for c in paper.title if c.isalpha()]
        if len(letters) >= 12 and all(c.isupper() for c in letters):
            yield Finding(
                "RG109",
                "all-caps-title",
                Severity.WARNING,
                "the title is in capitals; write it in its published case",
                paper.where("title"),
                paper.title,
            )


def empty_section(catalog: Catalog, **_: object) -> Iterator[Finding]:
    for section in catalog.sections:
        if not section.papers:
            yield Finding(
                "RG110",
                "empty-section",
                Severity.WARNING,
                f"section `{section.id}` has no papers",
                section.position,
            )


RULES: tuple[Callable[..., Iterator[Finding]], ...] = (
    duplicate_url,
    duplicate_paper,
    venue_alias,
    impossible_year,
    insecure_http,
    arxiv_pdf,
    author_string,
    surrounding_space,
    all_caps_title,
    empty_section,
)
RULE_IDS = {f"RG1{n:02d}" for n in range(1, 11)}


def run_rules(catalog: Catalog, *, aliases: Mapping[str, tuple[str, ...]]) -> list[Finding]:
    found = [f for rule in RULES for f in rule(catalog, aliases=aliases)]
    return sorted(found, key=lambda f: (f.position.line, f.position.column, f.rule))
