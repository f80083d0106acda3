"""The lint checks, and `RULES`: the one declaration of each rule's code, name, severity
and summary (docs/lint.md lists them; a test keeps the two in step)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from readme_gen import identifiers
from readme_gen.catalog.edit import local_path, takes_entries
from readme_gen.catalog.model import Catalog, Link, Paper, Raw, Section, See
from readme_gen.lint.authors import names_first_author, url_file_stem
from readme_gen.lint.registry import Finding, Hit, Rule, RuleOptions, Severity
from readme_gen.position import Position
from readme_gen.text import normalise
from readme_gen.venues import name_venue


def _papers(catalog: Catalog) -> Iterator[tuple[Section, Paper]]:
    # catalog order by position, not display order, so "first" means first in the file
    pairs = catalog.papers()
    return iter(sorted(pairs, key=lambda sp: (sp[1].position.line, sp[1].position.column)))


def _web_links(paper: Paper) -> Iterator[Link]:
    """The links that are web addresses: the rules that read a URL's host or path have
    nothing to say of a file of the list's own repository (`./citations/x.txt`)."""
    return (link for link in paper.links if local_path(link.url) is None)


def _listed_again(seen: tuple[Section, Paper], section: Section, paper: Paper) -> bool:
    """The same paper (title and links) in another section: adopted lists do this on
    purpose (a paper under each of its topics); it is one paper, listed twice."""
    first_section, first = seen
    return (
        first_section is not section
        and normalise(first.title) == normalise(paper.title)
        and first.links == paper.links
    )


def duplicate_url(catalog: Catalog, _options: RuleOptions) -> Iterator[Hit]:
    first: dict[str, Paper] = {}
    for _section, paper in _papers(catalog):
        for link in paper.links:
            seen = first.setdefault(link.url, paper)
            if seen is not paper and normalise(seen.title) != normalise(paper.title):
                yield Hit(
                    f'{link.url} is also the link of "{seen.title}" (line {seen.position.line})',
                    link.position,
                    paper.title,
                    link.url,
                )


def duplicate_paper(catalog: Catalog, _options: RuleOptions) -> Iterator[Hit]:
    first: dict[str, tuple[Section, Paper]] = {}
    for section, paper in _papers(catalog):
        found = first.setdefault(normalise(paper.title), (section, paper))
        seen = found[1]
        if seen is not paper and not _listed_again(found, section, paper):
            yield Hit(
                f'"{paper.title}" is already listed at line {seen.position.line}',
                paper.where("title"),
                paper.title,
            )


def venue_alias(catalog: Catalog, options: RuleOptions) -> Iterator[Hit]:
    canonical = {
        alias.casefold(): name for name, spelled in options.aliases.items() for alias in spelled
    }
    spellings: dict[str, str] = {}
    for _section, paper in _papers(catalog):
        key = paper.venue.casefold()
        if key in canonical and canonical[key] != paper.venue:
            yield Hit(
                f"venue `{paper.venue}` is also spelled `{canonical[key]}`; use one name",
                paper.where("venue"),
                paper.title,
                value=paper.venue,
            )
            continue
        other = spellings.setdefault(key, paper.venue)
        if other != paper.venue:
            yield Hit(
                f"venue `{paper.venue}` is also spelled `{other}`; use one spelling",
                paper.where("venue"),
                paper.title,
                value=paper.venue,
            )


def venue_form(catalog: Catalog, options: RuleOptions) -> Iterator[Hit]:
    spelled = {s.casefold() for name, same in options.aliases.items() for s in (name, *same)}
    for _section, paper in _papers(catalog):
        named = name_venue(paper.venue, aliases=options.aliases)
        if named.year is not None:
            yield Hit(
                f"venue `{paper.venue}` contains a year: write venue `{named.venue}` and "
                f"year {named.year}",
                paper.where("venue"),
                paper.title,
                value=paper.venue,
            )
        elif (
            named.recognised
            and named.venue != paper.venue
            and paper.venue.casefold() not in spelled  # an alias: RG103's
            and len(paper.venue) > len(named.venue) + 6
        ):
            yield Hit(
                f"venue `{paper.venue}` is a full proceedings or journal title: "
                f"write `{named.venue}`",
                paper.where("venue"),
                paper.title,
                value=paper.venue,
            )


_URL_YEAR = re.compile(
    r"(?:content_?(?:CVPR|ICCV|ECCV|WACV)_?|/(?:CVPR|ICCV|WACV)(?=\d{4}/)|/paper(?:_files/paper)?/)((?:19|20)\d{2})",
    re.I,
)


def impossible_year(catalog: Catalog, _options: RuleOptions) -> Iterator[Hit]:
    for _section, paper in _papers(catalog):
        year = paper.known_year
        if year is None:
            continue  # an adopted list's paper without a year or a date: nothing to contradict
        for link in _web_links(paper):
            posted = identifiers.arxiv_posted(link.url)
            if posted is not None and year < posted:
                yield Hit(
                    f"year {year} is before the arXiv posting ({posted}) of {link.url}",
                    paper.where("year"),
                    paper.title,
                    link.url,
                )
            named = _URL_YEAR.search(link.url)
            if named and int(named.group(1)) != year:
                yield Hit(
                    f"year {year} but the link is of {named.group(1)}: {link.url}",
                    paper.where("year"),
                    paper.title,
                    link.url,
                )


def insecure_http(catalog: Catalog, _options: RuleOptions) -> Iterator[Hit]:
    for _section, paper in _papers(catalog):
        for link in _web_links(paper):
            if link.url.lower().startswith("http://"):
                yield Hit(
                    f"http:// link: use https:// ({link.url})",
                    link.position,
                    paper.title,
                    link.url,
                )


def arxiv_pdf(catalog: Catalog, _options: RuleOptions) -> Iterator[Hit]:
    for _section, paper in _papers(catalog):
        for link in _web_links(paper):
            if identifiers.arxiv_versioned(link.url):
                yield Hit(
                    f"link the arXiv abstract page, not a PDF or a version: {link.url}",
                    link.position,
                    paper.title,
                    link.url,
                )


def author_string(catalog: Catalog, _options: RuleOptions) -> Iterator[Hit]:
    for _section, paper in _papers(catalog):
        for author in paper.authors:
            if ";" in author or " and " in author:
                yield Hit(
                    f"`{author}` looks like several authors: list each one",
                    paper.where("authors"),
                    paper.title,
                )


def surrounding_space(catalog: Catalog, _options: RuleOptions) -> Iterator[Hit]:
    for _section, paper in _papers(catalog):
        values = [("title", paper.title), ("venue", paper.venue)] + [
            ("authors", a) for a in paper.authors
        ]
        for field, value in values:
            if value != value.strip():
                yield Hit(
                    f"{field} `{value}` has leading or trailing spaces",
                    paper.where(field),
                    paper.title,
                )


def all_caps_title(catalog: Catalog, _options: RuleOptions) -> Iterator[Hit]:
    for _section, paper in _papers(catalog):
        letters = [c for c in paper.title if c.isalpha()]
        if len(letters) >= 12 and all(c.isupper() for c in letters):
            yield Hit(
                "the title is in capitals; write it in its published case",
                paper.where("title"),
                paper.title,
            )


def empty_section(catalog: Catalog, _options: RuleOptions) -> Iterator[Hit]:
    for section in catalog.sections:
        if catalog.adopted and not takes_entries(section):
            continue  # prose, a contents list: no list of papers to be empty
        if not section.papers and not any(isinstance(i, See | Raw) for i in section.items):
            yield Hit(
                f"section `{section.id}` has no papers",
                section.position,
            )


def url_first_author(catalog: Catalog, _options: RuleOptions) -> Iterator[Hit]:
    for _section, paper in _papers(catalog):
        if not paper.authors:
            continue
        first = paper.authors[0]
        for link in _web_links(paper):
            stem = url_file_stem(link.url)
            if stem is not None and names_first_author(first, stem) is False:
                yield Hit(
                    f"first author `{first}` is not the name the URL starts with "
                    f"(`{stem.split('_')[0]}`): {link.url}",
                    paper.where("authors"),
                    paper.title,
                    link.url,
                    first,
                )


GITHUB_SHOWS = 512_000
"""GitHub renders only this many bytes of a README; the rest is cut off without a word."""
NEAR_LIMIT = 0.9


def _sizes(catalog: Catalog) -> Iterator[tuple[str, int, str, list[tuple[Section, int]]]]:
    from readme_gen.readme.render import render_files
    from readme_gen.readme.written import heading_offsets, sections_by_file

    by_file = sections_by_file(catalog) if catalog.adopted else {"": list(catalog.sections)}
    for path, text in render_files(catalog).items():
        size = len(text.encode("utf-8"))
        offsets = heading_offsets(text, by_file.get(path, []), not catalog.adopted)
        yield path or "README.md", size, text, offsets


def readme_over_limit(catalog: Catalog, _options: RuleOptions) -> Iterator[Hit]:
    for name, size, _text, offsets in _sizes(catalog):
        if size <= GITHUB_SHOWS:
            continue
        shown = [s for s, at in offsets if at < GITHUB_SHOWS]
        cut = next((s for s, at in offsets if at >= GITHUB_SHOWS), None)
        last = f"the last section it shows is `{shown[-1].title}`" if shown else "no section"
        where = cut or (shown[-1] if shown else None)
        yield Hit(
            f"{name} would be {size:,} bytes; GitHub shows only the first {GITHUB_SHOWS:,}: "
            f"{last}, the rest is cut off (give the sections after it `file: README_2.md`)",
            where.position if where is not None else Position(1, 1),
            value=name,
        )


def readme_near_limit(catalog: Catalog, _options: RuleOptions) -> Iterator[Hit]:
    for name, size, _text, offsets in _sizes(catalog):
        if NEAR_LIMIT * GITHUB_SHOWS <= size <= GITHUB_SHOWS:
            last = offsets[-1][0] if offsets else None
            yield Hit(
                f"{name} would be {size:,} bytes, {size / GITHUB_SHOWS:.0%} of the "
                f"{GITHUB_SHOWS:,} GitHub shows; plan a split (`file:` on a section)",
                last.position if last is not None else Position(1, 1),
                value=name,
            )


def kept_as_written(catalog: Catalog, _options: RuleOptions) -> Iterator[Hit]:
    for section, raw in catalog.raws():
        first = raw.text.split("\n", 1)[0]
        shown = first if len(first) <= 60 else first[:57] + "..."
        form = f"form `{section.form}`" if section.form else "a form"
        yield Hit(
            f"entry kept as written, not read into fields (it fits no template of {form}): {shown}",
            raw.position,
            value=first,
        )


RULES: tuple[Rule, ...] = (
    Rule(
        "RG101",
        "duplicate-url",
        Severity.ERROR,
        "the same URL on two different papers",
        duplicate_url,
    ),
    Rule(
        "RG102",
        "duplicate-paper",
        Severity.ERROR,
        "the same paper twice (normalised title)",
        duplicate_paper,
    ),
    Rule(
        "RG103",
        "venue-alias",
        Severity.WARNING,
        "a venue spelled two ways (alias table, letter case)",
        venue_alias,
    ),
    Rule(
        "RG104",
        "impossible-year",
        Severity.ERROR,
        "the year contradicts the URL (arXiv id, CVF path)",
        impossible_year,
    ),
    Rule(
        "RG105",
        "insecure-http",
        Severity.WARNING,
        "http:// where https:// is the norm",
        insecure_http,
    ),
    Rule(
        "RG106",
        "arxiv-pdf",
        Severity.WARNING,
        "an arXiv PDF or versioned link, not the abstract page",
        arxiv_pdf,
    ),
    Rule(
        "RG107",
        "author-string",
        Severity.ERROR,
        "several authors in one string (`;` or ` and `)",
        author_string,
    ),
    Rule(
        "RG108",
        "surrounding-space",
        Severity.WARNING,
        "leading or trailing white space",
        surrounding_space,
    ),
    Rule("RG109", "all-caps-title", Severity.WARNING, "a title in capitals", all_caps_title),
    Rule("RG110", "empty-section", Severity.WARNING, "a section without papers", empty_section),
    Rule(
        "RG111",
        "url-first-author",
        Severity.ERROR,
        "a CVF or ECVA URL named after someone other than the first author",
        url_first_author,
    ),
    Rule(
        "RG112",
        "venue-form",
        Severity.WARNING,
        "a venue written as a full proceedings title, or with a year in it",
        venue_form,
    ),
    Rule(
        "RG113",
        "kept-as-written",
        Severity.WARNING,
        "an entry of an adopted list that no form reads (kept byte for byte)",
        kept_as_written,
    ),
    Rule(
        "RG114",
        "readme-near-limit",
        Severity.WARNING,
        "a README at 90 % or more of the 512,000 bytes GitHub shows",
        readme_near_limit,
    ),
    Rule(
        "RG115",
        "readme-over-limit",
        Severity.ERROR,
        "a README past the 512,000 bytes GitHub shows (names the last section shown)",
        readme_over_limit,
    ),
)
BY_CODE: Mapping[str, Rule] = {rule.code: rule for rule in RULES}


def run_rules(catalog: Catalog, options: RuleOptions) -> list[Finding]:
    found = [f for rule in RULES for f in rule.findings(catalog, options)]
    return sorted(found, key=lambda f: (f.position.line, f.position.column, f.rule))
