"""`readme-gen add URL|DOI|arXiv:ID [--section ID] [--venue V] [--year Y] [--title T]
[--author NAME ...] [--link LABEL=URL ...]`: add a paper from its identifier (DOI content
negotiation, the arXiv API), else its landing page, and the flags; refuse duplicates, keep
every other byte of catalog.yaml, rebuild README.md.

What needs no network is checked first: a listed URL, DOI or arXiv id, and the section.
The edit is read back before it is written, and written only if catalog.yaml still holds
what was read (another `add`, or an editor saving meanwhile, keeps its change).

With --title, --author, --venue and --year it works offline. On a terminal it asks for
what is still missing; otherwise it fails, listing the missing fields.

In an adopted list (`readme-gen init` on a hand-written README) the section's form says
which fields an entry needs (a table without authors needs none; --date and --field give
what no service knows, a date or the list's own columns); the entry goes after the
section's last one, and the README gets exactly that entry, written in the list's form. In
a section ordered `by-year` a year is needed too: the entry goes last in its year's group,
under a new group heading when the year has none yet.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from readme_gen.catalog.load import parse_catalog, read_text
from readme_gen.catalog.newline import line_ending, with_line_ending
from readme_gen.commands.common import (
    add_allow_private_argument,
    add_catalog_argument,
    add_paper_arguments,
    add_readme_output_argument,
    catalog_path,
    is_stdout,
    readme_path,
    write_output,
)
from readme_gen.errors import CatalogError, Problem, UsageError
from readme_gen.escape import terminal
from readme_gen.fsutil import read_bytes, unchanged, write_atomic, write_together

if TYPE_CHECKING:
    from readme_gen.catalog.edit import Draft
    from readme_gen.catalog.model import Catalog, FormSpec, Paper, Section
    from readme_gen.links.settings import CheckSettings
    from readme_gen.metadata.inferred import Inferred, VenueNames


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_argument(parser)
    parser.add_argument(
        "url",
        help="the paper's landing page, DOI (10.xxxx/yyy or a doi.org URL) or arXiv id "
        "(arXiv:2412.10181, or an arXiv URL)",
    )
    parser.add_argument("--section", metavar="ID", help="the section's id (e.g. segmentation)")
    add_paper_arguments(parser)
    parser.add_argument(
        "--date", metavar="YYYY[-MM[-DD]]", help="the date, for a list whose entries show one"
    )
    parser.add_argument(
        "--field",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a field of the list's own form (e.g. note=...), for an adopted list; "
        "Markdown, as the list writes it",
    )
    parser.add_argument(
        "--link",
        action="append",
        default=[],
        metavar="LABEL=URL",
        help="another link, e.g. Code=https://github.com/...",
    )
    add_allow_private_argument(parser)
    add_readme_output_argument(parser)


@dataclass(frozen=True, slots=True)
class AddArgs:
    catalog: Path | None
    url: str
    section: str | None
    title: str | None
    author: list[str] | None
    venue: str | None
    year: int | None
    date: str | None
    field: list[str]
    link: list[str]
    allow_private: bool
    output: Path | None


TODAY: Callable[[], datetime.date] = datetime.date.today
"""The clock that stamps a new paper's `added` (the site's feed); tests set it."""


@dataclass(frozen=True, slots=True)
class Added:
    """What `add_paper` wrote: the paper as catalog.yaml now holds it (its position set),
    its section, and the catalog and README written."""

    paper: Paper
    section: str
    path: Path
    readme: Path
    catalog: Catalog


class Duplicate(UsageError):
    """The paper is listed already: `existing`, in section `section`."""

    def __init__(self, message: str, existing: Paper, section: str) -> None:
        super().__init__(message)
        self.existing = existing
        self.section = section


def run(args: AddArgs) -> int:
    done = add_paper(args)
    print(
        f'added "{terminal(done.paper.title)}" to `{done.section}` '
        f"({done.path}:{done.paper.position.line}); rebuilt {done.readme}",
        file=sys.stderr if is_stdout(done.readme) else sys.stdout,
    )
    return 0


def add_paper(args: AddArgs) -> Added:
    """`add`'s whole path, up to the files written (the `contribute` command runs it too):
    bad input is a UsageError (a `Duplicate` for a listed paper), nothing written then."""
    from readme_gen.catalog.edit import duplicate_of, paper_from

    path = catalog_path(args.catalog)
    readme = readme_path(args.output)
    if not is_stdout(readme) and path.resolve() == readme.resolve():
        raise UsageError(f"--output {readme} is the catalog itself")
    read, text = _read(path)
    catalog = parse_catalog(text, str(path), path.parent)
    links = [_link(item) for item in args.link]
    url, draft, section = _describe(args, catalog, path, links)
    if catalog.adopted:
        paper = _adopted_paper(args, catalog, section, draft, url, links)
    else:
        paper = paper_from(draft, url, links)
    paper = replace(paper, added=TODAY().isoformat())
    _refuse_duplicate(
        catalog, path, duplicate_of(catalog, [x.url for x in paper.links], paper.title)
    )
    new_text, new_catalog = _added(text, catalog, section, paper, path)
    added = next(
        p for p in new_catalog.sections[catalog.sections.index(section)].papers if p == paper
    )
    _write(path, read, new_text.encode("utf-8"), readme, new_catalog)
    return Added(added, section.id, path, readme, new_catalog)


def _read(path: Path) -> tuple[bytes, str]:
    """The catalog's bytes (to tell, at the write, whether it changed since) and its text."""
    text = read_text(path)
    read = read_bytes(path)
    if read.decode("utf-8", errors="replace").removeprefix("\ufeff") != text:
        raise UsageError(f"{path} changed while it was read; run again")
    return read, text


def _added(
    text: str, catalog: Catalog, section: Section, paper: Paper, path: Path
) -> tuple[str, Catalog]:
    """The new catalog text, read back and checked to be the old catalog with the paper in
    its section and nothing else changed; anything else is refused before writing."""
    from readme_gen.catalog.edit import FMT_FIRST, insert, insert_adopted, landed, landed_adopted

    ending = line_ending(text)
    edit = insert_adopted if catalog.adopted else insert
    new_text = edit(text.replace(ending, "\n"), section, paper, str(path))
    try:
        new_catalog = parse_catalog(new_text, str(path), path.parent)
    except CatalogError as exc:
        problem = exc.problems[0]
        raise UsageError(
            f"cannot add this paper to {path}: the new entry would read as invalid "
            f"({terminal(problem.message)}); nothing written (expected {FMT_FIRST})"
        ) from None
    check = landed_adopted if catalog.adopted else landed
    if not check(catalog, new_catalog, section.id, paper):
        raise UsageError(
            f"cannot add this paper to {path}: the edit did not land in section `{section.id}` "
            f"alone; nothing written (expected {FMT_FIRST})"
        )
    return with_line_ending(new_text, ending), new_catalog


def _describe(
    args: AddArgs, catalog: Catalog, path: Path, links: list[tuple[str, str]]
) -> tuple[str, Draft, Section]:
    """The paper's URL, what is known of it (flags over the service or the page, then the
    terminal's answers) and its section. What needs no network (a duplicate URL or
    identifier, the section) is checked before any request; every field inferred is
    printed with where it came from."""
    from readme_gen.catalog.edit import canonical_url, clean, duplicate_of
    from readme_gen.metadata.inferred import Inferred, described, with_flags
    from readme_gen.metadata.lookup import identifier

    given = _given(args)
    found_id = identifier(args.url)
    url = canonical_url(args.url) if found_id is None else _identifier_url(*found_id)
    if not url.lower().startswith(("http://", "https://")):
        raise UsageError(f"`{terminal(args.url)}` is not an http(s) URL, a DOI or an arXiv id")
    urls = [url, *(link_url for _, link_url in links)]
    _refuse_duplicate(catalog, path, duplicate_of(catalog, urls, given.title))
    section = _section(args.section, catalog, path)
    needed = _needed(args, catalog, section)
    names = _venue_names(catalog)
    found = Inferred()
    if given.missing(needed) and found_id is not None:
        url, found = _look_up(*found_id, names, allow_private=args.allow_private)
    if given.missing(needed) and not found.sources:
        found = _fetch(url, names, allow_private=args.allow_private)
    settled = with_flags(found, given, names)
    for line in described(settled):  # every inferred field, and where it came from
        print(terminal(line), file=sys.stderr)
    return url, _complete(clean(settled.draft), needed), section


def _form(catalog: Catalog, section: Section) -> FormSpec:
    return next(f for f in catalog.forms if f.name == section.form)


def _needed(args: AddArgs, catalog: Catalog, section: Section) -> tuple[str, ...]:
    """The fields a service or the terminal must give: all of them for the built-in
    layout; for an adopted list, those its section's form needs. What only a flag gives
    (a date, the list's own fields) is checked here, before any request."""
    from readme_gen.catalog.edit import DRAFT_FIELDS, form_fields
    from readme_gen.catalog.validate import ISO_DATE

    if not catalog.adopted:
        return DRAFT_FIELDS
    spec = _form(catalog, section)
    needs, writes = form_fields(spec)
    if args.date is not None and not ISO_DATE.match(args.date):
        raise UsageError(f"--date `{terminal(args.date)}` is not a date (expected YYYY-MM-DD)")
    own = dict(_own_fields(args.field, writes))
    if section.by_year and not {"year", "date"} & set(needs):
        needs = [*needs, "year"]  # its year group: the README shows the year in its heading
    if "date" in needs and args.date:
        needs = [n for n in needs if n != "year"]  # the date gives the year
    flags_only = [
        "--date YYYY-MM-DD" if n == "date" else f"--field {n}=..."
        for n in needs
        if n not in DRAFT_FIELDS and not (args.date if n == "date" else own.get(n))
    ]
    if flags_only:
        raise UsageError(
            f"section `{section.id}` is written in form `{spec.name}`, whose entries show "
            f"{', '.join(needs)}: pass {', '.join(flags_only)}"
        )
    return tuple(n for n in needs if n in DRAFT_FIELDS)


def _own_fields(items: list[str], writes: list[str]) -> list[tuple[str, str]]:
    """--field NAME=VALUE pairs, each a field the form writes (and not a link)."""
    from readme_gen.catalog.edit import DRAFT_FIELDS, UNUSABLE

    own = [n for n in writes if n not in DRAFT_FIELDS and n != "date"]
    out = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not value.strip():
            raise UsageError(f"--field `{terminal(item)}`: expected NAME=VALUE")
        if name not in own:
            shown = ", ".join(own) or "none"
            raise UsageError(
                f"--field `{terminal(name)}`: the form writes no such field "
                f"(expected one of: {shown})"
            )
        if UNUSABLE.search(value):
            raise UsageError(f"--field {name} holds a control character (expected printable text)")
        out.append((name, value.strip()))
    return out


def _adopted_paper(
    args: AddArgs,
    catalog: Catalog,
    section: Section,
    draft: Draft,
    url: str,
    links: list[tuple[str, str]],
) -> Paper:
    """The paper in its section's form, proven: its entry reads back as the paper, as
    `import` would read it, so the README and the catalog agree."""
    from readme_gen.catalog.edit import adopted_paper, form_fields
    from readme_gen.escape import escape_text
    from readme_gen.readme.adopt import read_entry
    from readme_gen.readme.written import entry_text

    spec = _form(catalog, section)
    _, writes = form_fields(spec)
    own = tuple(_own_fields(args.field, writes))
    if spec.markdown:  # its values are Markdown: a title from a page stays literal text
        draft = replace(
            draft,
            title=escape_text(draft.title or ""),
            authors=tuple(escape_text(a) for a in draft.authors),
            venue=escape_text(draft.venue) if draft.venue else draft.venue,
        )
    grouped = section.by_year
    paper = adopted_paper(spec, draft, url, links, date=args.date or "", own=own, keep_year=grouped)
    text = entry_text(spec, paper)
    read = read_entry(spec, text, 1) if text is not None else None
    if grouped and read is not None and read.year is None and not read.date:
        read = replace(read, year=paper.year)  # as `import` reads it: from its group's heading
    if read != paper:
        raise UsageError(
            f"section `{section.id}`'s form `{spec.name}` cannot write this paper so that it "
            f"reads back (expected what its entries show: {', '.join(writes)}, "
            "and only the links it writes)"
        )
    return paper


def _venue_names(catalog: Catalog) -> VenueNames:
    from readme_gen.lint.options import resolve
    from readme_gen.metadata.inferred import VenueNames
    from readme_gen.pyproject import tool_table

    aliases = resolve(tool_table("lint")).options.aliases
    return VenueNames.of(aliases, (p.venue for _, p in catalog.papers()))


def _identifier_url(kind: str, value: str) -> str:
    return f"https://doi.org/{value}" if kind == "doi" else f"https://arxiv.org/abs/{value}"


def _given(args: AddArgs) -> Draft:
    """The flags' values; one the catalog would refuse is bad input, named by its flag."""
    from readme_gen.catalog.edit import UNUSABLE, Draft

    for flag, value in (
        ("--title", args.title),
        ("--venue", args.venue),
        *(("--author", a) for a in args.author or ()),
    ):
        bad = UNUSABLE.search(value or "")
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            raise UsageError(f"{flag} holds the character {code} (expected printable text)")
    return Draft(args.title, tuple(args.author or ()), args.venue, args.year)


def _refuse_duplicate(catalog: Catalog, path: Path, existing: Paper | None) -> None:
    if existing is not None:
        title = terminal(existing.title)
        section = next(s.id for s, p in catalog.papers() if p is existing)
        raise Duplicate(
            f'already listed: "{title}" at {path}:{existing.position.line} (section `{section}`)',
            existing,
            section,
        )


def _section(wanted: str | None, catalog: Catalog, path: Path) -> Section:
    """The section asked for (on a terminal, asked when there are several and no
    --section); a missing or unknown one lists the section ids. In an adopted list, only
    a section whose entries a form writes takes a paper."""
    from readme_gen.catalog.edit import takes_entries

    formed = [s for s in catalog.sections if not catalog.adopted or takes_entries(s)]
    ids = [s.id for s in formed]
    if wanted is None and len(ids) == 1:
        wanted = ids[0]
    if wanted is None and sys.stdin.isatty():
        wanted = input(f"section ({', '.join(ids)}): ").strip()
    expected = f"one of {', '.join(ids)}" if ids else f"a section in {path} first"
    if not wanted:
        raise UsageError(f"missing section: pass --section ID (expected {expected})")
    section = next((s for s in catalog.sections if s.id == wanted), None)
    if section is None:
        raise UsageError(f"no section `{terminal(wanted)}` in {path} (expected {expected})")
    if section not in formed:
        what = f"section `{section.id}` is no list of entries (it is prose or a contents list)"
        raise CatalogError([Problem(str(path), section.position, what, expected)])
    return section


def _write(path: Path, read: bytes, catalog_bytes: bytes, readme: Path, catalog: Catalog) -> None:
    """Everything is rendered before anything is written; then both files change or neither,
    and only if the catalog still holds what was `read` (another `add`, or an editor saving
    meanwhile, would otherwise lose its change)."""
    from readme_gen.readme.render import render

    readme_text = render(catalog)
    with unchanged(path, read):
        if is_stdout(readme):
            write_atomic(path, catalog_bytes)
        else:
            write_together([(path, catalog_bytes), (readme, readme_text.encode("utf-8"))])
    if is_stdout(readme):
        write_output(readme, readme_text)


def _link(item: str) -> tuple[str, str]:
    label, sep, url = item.partition("=")
    if not sep or not label.strip() or not url.strip():
        raise UsageError(f"--link `{item}`: expected LABEL=URL")
    return label.strip(), url.strip()


def _look_up(
    kind: str, value: str, names: VenueNames, *, allow_private: bool
) -> tuple[str, Inferred]:
    """The paper's URL, and what its DOI's CSL JSON or the arXiv API says of it (nothing
    when the service fails: then the landing page is read)."""
    from readme_gen.metadata.failure import Failure
    from readme_gen.metadata.inferred import Inferred
    from readme_gen.metadata.lookup import look_up
    from readme_gen.metadata.services import ServiceSettings, from_env

    url = _identifier_url(kind, value)
    settings = from_env(os.environ, ServiceSettings(wire=wire(allow_private=allow_private)))
    answer = look_up(kind, value, settings, aliases=names.aliases, known=names.known)
    if isinstance(answer, Failure):
        shown = terminal(answer.detail)
        print(
            f"note: could not look up {value}: {shown}; reading the landing page", file=sys.stderr
        )
        return url, Inferred()
    for note in answer.notes:
        print(f"note: {terminal(note)}", file=sys.stderr)
    return answer.url, answer.found


def wire(*, allow_private: bool) -> CheckSettings:
    """The wire's settings (timeouts, retries, redirects) as `links` reads them, from
    `[tool.readme-gen.links]`: the services and the landing page obey them too."""
    from readme_gen.links.settings import resolve
    from readme_gen.pyproject import tool_table

    flags = {"allow_private": True if allow_private else None}
    return resolve(tool_table("links"), flags, env=os.environ)


def _fetch(url: str, names: VenueNames, *, allow_private: bool) -> Inferred:
    from readme_gen.links.checker import fetch_page
    from readme_gen.links.results import Status
    from readme_gen.metadata.inferred import Inferred
    from readme_gen.metadata.lookup import page_inferred
    from readme_gen.metadata.page import parse_meta

    outcome = fetch_page(url, wire(allow_private=allow_private))
    if outcome.status is not Status.OK or not outcome.page:
        detail = outcome.detail or "not an HTML page"
        print(f"note: could not read {url}: {detail}; using the flags only", file=sys.stderr)
        return Inferred()
    return page_inferred(parse_meta(outcome.page), names)


def _complete(draft: Draft, needed: tuple[str, ...]) -> Draft:
    from readme_gen.catalog.edit import Draft

    missing = draft.missing(needed)
    if not missing:
        return draft
    if not sys.stdin.isatty():
        flags = ", ".join(
            f"--{name.rstrip('s') if name == 'authors' else name}" for name in missing
        )
        raise UsageError(
            f"missing {', '.join(missing)}: pass {flags} (or run on a terminal to be asked)"
        )
    answers = {}
    for name in missing:
        hint = " (separated by ;)" if name == "authors" else ""
        answers[name] = input(f"{name}{hint}: ").strip()
    try:
        year = int(answers["year"]) if "year" in answers else draft.year
    except ValueError:
        raise UsageError(f"year `{answers['year']}` is not a number") from None
    authors = (
        tuple(a.strip() for a in answers["authors"].split(";") if a.strip())
        if "authors" in answers
        else draft.authors
    )
    completed = Draft(
        answers.get("title") or draft.title,
        authors,
        answers.get("venue") or draft.venue,
        year,
        draft.category,
    )
    if completed.missing(needed):
        raise UsageError(f"still missing {', '.join(completed.missing(needed))}")
    return completed
