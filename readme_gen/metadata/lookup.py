"""What `add` learns of a paper: from its identifier, a DOI through DOI content negotiation
(CSL JSON) or an arXiv id through the arXiv API; else from its landing page's meta tags
(Highwire `citation_title`; `citation_author`, or OpenReview's single `citation_authors`
joined by "; "; `citation_publication_date`, `citation_date` or `citation_online_date`;
`citation_conference_title` or `citation_journal_title`; `citation_arxiv_id`; then
`og:title`), which `add` reads through the link checker."""

from __future__ import annotations

import asyncio
import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from readme_gen.catalog.edit import Draft
from readme_gen.catalog.validate import MIN_YEAR
from readme_gen.metadata.arxiv import arxiv_id
from readme_gen.metadata.csl import doi_of, venue_name
from readme_gen.metadata.failure import Failure, Reason
from readme_gen.metadata.page import PageMeta
from readme_gen.metadata.services import Services, ServiceSettings


@dataclass(frozen=True, slots=True)
class Identified:
    """A paper found by its identifier: where it lives, and what the service says of it."""

    url: str
    draft: Draft
    source: str  # "doi" or "arxiv", for messages
    notes: tuple[str, ...] = ()
    """What the service said that is not used, and why, naming the source."""


def identifier(text: str) -> tuple[str, str] | None:
    """("doi", "10.1109/...") or ("arxiv", "2412.10181") when `text` names one (a bare DOI,
    a doi.org URL, `arXiv:ID`, a bare new-style id, an arXiv abs/pdf URL); else None."""
    text = text.strip()
    lowered = text.lower()
    if lowered.startswith("arxiv:") or "arxiv.org/" in lowered or _bare_arxiv(text):
        found = arxiv_id(text)
        if found:
            return "arxiv", found
    if lowered.startswith(("10.", "doi:", "https://doi.org/", "http://doi.org/")):
        doi = doi_of(text)
        if doi:
            return "doi", doi
    return None


def _bare_arxiv(text: str) -> bool:
    head, dot, tail = text.partition(".")
    return bool(dot) and head.isdigit() and len(head) == 4 and tail.split("v")[0].isdigit()


def look_up(
    kind: str,
    value: str,
    settings: ServiceSettings,
    *,
    aliases: Mapping[str, tuple[str, ...]],
    known: Iterable[str],
) -> Identified | Failure:
    """Ask the service for `value` (one request, with the services' retries)."""

    async def main() -> Identified | Failure:
        services = Services(settings)
        try:
            if kind == "doi":
                work = await services.doi(value, aliases=aliases, known=known)
                if isinstance(work, Failure):
                    return work
                draft = Draft(work.title or None, work.authors, work.venue or None, work.year)
                return _plausible(Identified(f"https://doi.org/{value}", draft, "doi"), value)
            entries, failures = await services.arxiv([value])
            entry = entries.get(value)
            if entry is None:
                return (
                    failures[0]
                    if failures
                    else Failure(Reason.NOT_FOUND, f"arXiv knows no {value}")
                )
            venue = "arXiv"
            if entry.journal_ref:  # published: the list names the venue, not the preprint
                venue = venue_name([entry.journal_ref], aliases=aliases, known=known)
            draft = Draft(entry.title or None, entry.authors, venue, entry.year)
            return _plausible(Identified(f"https://arxiv.org/abs/{value}", draft, "arxiv"), value)
        finally:
            await services.aclose()

    return asyncio.run(main())


_SOURCE = {"doi": "the DOI record", "arxiv": "arXiv"}


def _plausible(found: Identified, value: str, *, today: _dt.date | None = None) -> Identified:
    """`found` without a value the catalog would refuse, and a note naming where it came
    from: the catalog's own error would point at a line nobody wrote. (Service text is
    cleaned where it is read: `arxiv`, `csl`.)"""
    latest = (today or _dt.date.today()).year + 1
    year = found.draft.year
    if year is None or MIN_YEAR <= year <= latest:
        return found
    note = (
        f"{_SOURCE[found.source]}'s year for {value} is {year}, out of range "
        f"(expected {MIN_YEAR} to {latest}): not used"
    )
    return replace(found, draft=replace(found.draft, year=None), notes=(*found.notes, note))


def from_meta(meta: PageMeta) -> Draft:
    date = (
        meta.get("citation_publication_date")
        or meta.get("citation_date")
        or meta.get("citation_online_date")
        or ""
    )
    year_match = re.search(r"(19|20)[0-9]{2}", date)
    venue = meta.get("citation_conference_title") or meta.get("citation_journal_title")
    if not venue and (meta.get("citation_arxiv_id") or meta.get("citation_archive_id")):
        venue = "arXiv"
    title = meta.citation_title or meta.og_title
    return Draft(
        title=" ".join(title.split()) if title else None,
        authors=tuple(person(a) for a in meta.authors),
        venue=" ".join(venue.split()) if venue else None,
        year=int(year_match.group()) if year_match else None,
    )


def person(name: str) -> str:
    """`Qin, Rong` (Highwire's usual form) -> `Rong Qin`; other forms as they are."""
    name = " ".join(name.split())
    family, sep, given = name.partition(",")
    if sep and given.strip() and "," not in given:
        return f"{given.strip()} {family.strip()}"
    return name
