"""`readme-gen add URL|DOI|arXiv:ID [--section ID] [--venue V] [--year Y] [--title T]
[--author NAME ...] [--link LABEL=URL ...]`: add a paper from its identifier (DOI content
negotiation, the arXiv API), else its landing page, and the flags; refuse duplicates, keep
every other byte of catalog.yaml, rebuild README.md.

With --title, --author, --venue and --year it works offline. On a terminal it asks for
what is still missing; otherwise it fails, listing the missing fields.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readme_gen.catalog.load import parse_catalog, read_text
from readme_gen.catalog.newline import line_ending, with_line_ending
from readme_gen.commands.common import (
    add_catalog_argument,
    catalog_path,
    is_stdout,
    readme_path,
    write_output,
)
from readme_gen.errors import UsageError
from readme_gen.fsutil import write_atomic, write_together
from readme_gen.publish.inert import terminal

if TYPE_CHECKING:
    from readme_gen.catalog.edit import Draft
    from readme_gen.catalog.model import Catalog, Section
    from readme_gen.links.settings import CheckSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_argument(parser)
    parser.add_argument(
        "url",
        help="the paper's landing page, DOI (10.xxxx/yyy or a doi.org URL) or arXiv id "
        "(arXiv:2412.10181, or an arXiv URL)",
    )
    parser.add_argument("--section", metavar="ID", help="the section's id (e.g. segmentation)")
    parser.add_argument("--title")
    parser.add_argument("--author", action="append", metavar="NAME", help="repeat per author")
    parser.add_argument("--venue")
    parser.add_argument("--year", type=int)
    parser.add_argument(
        "--link",
        action="append",
        default=[],
        metavar="LABEL=URL",
        help="another link, e.g. Code=https://github.com/...",
    )
    parser.add_argument(
        "--allow-private",
        action="store_true",
        help="allow loopback and private addresses (tests, intranets)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar="PATH",
        help="the README to rebuild (default: README.md; `-`: standard output)",
    )


@dataclass(frozen=True, slots=True)
class AddArgs:
    catalog: Path | None
    url: str
    section: str | None
    title: str | None
    author: list[str] | None
    venue: str | None
    year: int | None
    link: list[str]
    allow_private: bool
    output: Path | None


def run(args: AddArgs) -> int:
    from readme_gen.catalog.edit import duplicate_of, insert, paper_from

    path = catalog_path(args.catalog)
    readme = readme_path(args.output)
    if not is_stdout(readme) and path.resolve() == readme.resolve():
        raise UsageError(f"--output {readme} is the catalog itself")
    text = read_text(path)
    catalog = parse_catalog(text, str(path), path.parent)
    links = [_link(item) for item in args.link]
    url, draft, section = _describe(args, catalog, path)
    paper = paper_from(draft, url, links)
    existing = duplicate_of(catalog, paper)
    if existing is not None:
        raise UsageError(f'already listed: "{existing.title}" at {path}:{existing.position.line}')
    ending = line_ending(text)
    new_text = insert(text.replace(ending, "\n"), catalog, section, paper)
    new_catalog = parse_catalog(new_text, str(path), path.parent)
    _write(path, with_line_ending(new_text, ending).encode("utf-8"), readme, new_catalog)
    added = next(p for _, p in new_catalog.papers() if p.title == paper.title)
    print(
        f'added "{paper.title}" to `{section.id}` ({path}:{added.position.line}); rebuilt {readme}',
        file=sys.stderr if is_stdout(readme) else sys.stdout,
    )
    return 0


def _describe(args: AddArgs, catalog: Catalog, path: Path) -> tuple[str, Draft, Section]:
    """The paper's URL, what is known of it (flags over the service or the page, then the
    terminal's answers) and its section."""
    from readme_gen.catalog.edit import Draft, merge

    given = Draft(args.title, tuple(args.author or ()), args.venue, args.year)
    url, found = _identify(args.url, catalog, given, allow_private=args.allow_private)
    if not url.lower().startswith(("http://", "https://")):
        raise UsageError(f"`{args.url}` is not an http(s) URL, a DOI or an arXiv id")
    if given.missing() and found == Draft():
        found = _fetch(url, allow_private=args.allow_private)
    section_id = args.section or (catalog.sections[0].id if len(catalog.sections) == 1 else None)
    draft, section_id = _complete(merge(found, given), section_id, [s.id for s in catalog.sections])
    section = next((s for s in catalog.sections if s.id == section_id), None)
    if section is None:
        ids = ", ".join(s.id for s in catalog.sections)
        raise UsageError(f"no section `{section_id}` in {path} (expected one of {ids})")
    return url, draft, section


def _write(path: Path, catalog_bytes: bytes, readme: Path, catalog: Catalog) -> None:
    """Everything is rendered before anything is written; then both files change or neither."""
    from readme_gen.readme.render import render

    readme_text = render(catalog)
    if is_stdout(readme):
        write_atomic(path, catalog_bytes)
        write_output(readme, readme_text)
    else:
        write_together([(path, catalog_bytes), (readme, readme_text.encode("utf-8"))])


def _link(item: str) -> tuple[str, str]:
    label, sep, url = item.partition("=")
    if not sep or not label.strip() or not url.strip():
        raise UsageError(f"--link `{item}`: expected LABEL=URL")
    return label.strip(), url.strip()


def _identify(
    text: str, catalog: Catalog, given: Draft, *, allow_private: bool
) -> tuple[str, Draft]:
    """The paper's URL, and what its DOI's CSL JSON or the arXiv API says of it (nothing
    when `text` is a plain URL, the flags already say everything, or the service fails)."""
    from readme_gen.catalog.edit import Draft, canonical_url
    from readme_gen.metadata.lookup import identifier, look_up

    found = identifier(text)
    if found is None:
        return canonical_url(text), Draft()
    kind, value = found
    url = f"https://doi.org/{value}" if kind == "doi" else f"https://arxiv.org/abs/{value}"
    if not given.missing():
        return url, Draft()
    from readme_gen.config import tool_table
    from readme_gen.lint.config import resolve
    from readme_gen.metadata.failure import Failure
    from readme_gen.metadata.services import ServiceSettings, from_env

    wire = _wire(allow_private=allow_private)
    settings = from_env(os.environ, ServiceSettings(wire=wire))
    aliases = resolve(tool_table("lint")).options.aliases
    known = sorted({p.venue for _, p in catalog.papers()})
    answer = look_up(kind, value, settings, aliases=aliases, known=known)
    if isinstance(answer, Failure):
        shown = terminal(answer.detail)
        print(
            f"note: could not look up {value}: {shown}; reading the landing page", file=sys.stderr
        )
        return url, Draft()
    for note in answer.notes:
        print(f"note: {terminal(note)}", file=sys.stderr)
    return answer.url, answer.draft


def _wire(*, allow_private: bool) -> CheckSettings:
    """The wire's settings (timeouts, retries, redirects) as `links` reads them, from
    `[tool.readme-gen.links]`: the services and the landing page obey them too."""
    from readme_gen.config import tool_table
    from readme_gen.links.settings import resolve

    flags = {"allow_private": True if allow_private else None}
    return resolve(tool_table("links"), flags, env=os.environ)


def _fetch(url: str, *, allow_private: bool) -> Draft:
    from readme_gen.catalog.edit import Draft
    from readme_gen.links.checker import fetch_page
    from readme_gen.links.results import Status
    from readme_gen.metadata.lookup import from_meta
    from readme_gen.metadata.page import parse_meta

    outcome = fetch_page(url, _wire(allow_private=allow_private))
    if outcome.status is not Status.OK or not outcome.page:
        detail = outcome.detail or "not an HTML page"
        print(f"note: could not read {url}: {detail}; using the flags only", file=sys.stderr)
        return Draft()
    return from_meta(parse_meta(outcome.page))


def _complete(draft: Draft, section: str | None, sections: list[str]) -> tuple[Draft, str | None]:
    from readme_gen.catalog.edit import Draft

    missing = draft.missing() + ([] if section else ["section"])
    if not missing:
        return draft, section
    if not sys.stdin.isatty():
        flags = ", ".join(
            f"--{name.rstrip('s') if name == 'authors' else name}" for name in missing
        )
        raise UsageError(
            f"missing {', '.join(missing)}: pass {flags} (or run on a terminal to be asked)"
        )
    answers = {}
    for name in missing:
        hint = (
            f" ({', '.join(sections)})"
            if name == "section"
            else (" (separated by ;)" if name == "authors" else "")
        )
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
        answers.get("title") or draft.title, authors, answers.get("venue") or draft.venue, year
    )
    if completed.missing():
        raise UsageError(f"still missing {', '.join(completed.missing())}")
    return completed, answers.get("section") or section
