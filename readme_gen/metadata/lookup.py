"""What `add` learns of a paper: from its identifier, a DOI through DOI content negotiation
(CSL JSON) or an arXiv id through the arXiv API; else from its landing page's meta tags
(Highwire `citation_title`; `citation_author`, or OpenReview's single `citation_authors`
joined by "; "; `citation_publication_date`, `citation_date` or `citation_online_date`;
`citation_conference_title` or `citation_journal_title`; `citation_arxiv_id`; then
`og:title`), which `add` reads through the link checker."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from readme_gen.catalog.edit import Draft
from readme_gen.catalog.validate import MIN_YEAR
from readme_gen.metadata.arxiv import arxiv_id
from readme_gen.metadata.csl import doi_of
from readme_gen.metadata.failure import Failure, Reason
from readme_gen.metadata.inferred import Inferred, VenueNames, inferred
from readme_gen.metadata.page import PageMeta
from readme_gen.metadata.services import Services, ServiceSettings
from readme_gen.net import transport


@dataclass(frozen=True, slots=True)
class Identified:
    """A paper found by its identifier: where it lives, and what the service says of it."""

    url: str
    found: Inferred
    source: str  # "doi" or "arxiv", for messages
    notes: tuple[str, ...] = ()
    """What the service said that is not used, and why, naming the source."""

    @property
    def draft(self) -> Draft:
        return self.found.draft


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

    names = VenueNames.of(aliases, known)

    async def main() -> Identified | Failure:
        services = Services(settings)
        try:
            if kind == "doi":
                work = await services.doi(value, aliases=aliases, known=known)
                if isinstance(work, Failure):
                    return work
                draft = Draft(work.title or None, work.authors, work.venue or None, work.year)
                container = work.container_titles[0] if work.container_titles else ""
                found = inferred(
                    draft,
                    "DOI record",
                    venue_origin=f'DOI record container-title "{container}"',
                    names=names,
                )
                return _plausible(Identified(f"https://doi.org/{value}", found, "doi"), value)
            entries, failures = await services.arxiv([value])
            entry = entries.get(value)
            if entry is None:
                return (
                    failures[0]
                    if failures
                    else Failure(Reason.NOT_FOUND, f"arXiv knows no {value}")
                )
            # published: the list names the venue (journal_ref) and its year, not the
            # preprint's posting year
            venue = None if entry.journal_ref else "arXiv"
            draft = Draft(entry.title or None, entry.authors, venue, entry.year, entry.category)
            found = inferred(
                draft,
                "arXiv API",
                venue_text=entry.journal_ref or None,
                venue_origin="arXiv journal_ref",
                year_origin="arXiv API (first posted)",
                preprint_year=True,
                names=names,
            )
            return _plausible(Identified(f"https://arxiv.org/abs/{value}", found, "arxiv"), value)
        finally:
            await services.aclose()

    return transport.run(main())


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
    inferred = found.found
    kept = tuple((f, s) for f, s in inferred.sources if f != "year")
    without = replace(inferred, draft=replace(inferred.draft, year=None), sources=kept)
    return replace(found, found=without, notes=(*found.notes, note))


def from_meta(meta: PageMeta, names: VenueNames | None = None) -> Draft:
    return page_inferred(meta, names or VenueNames()).draft


def page_inferred(meta: PageMeta, names: VenueNames) -> Inferred:
    """What a landing page's meta tags say, each field with the tag it came from."""
    tag = next(
        (n for n in ("citation_publication_date", "citation_date", "citation_online_date")
         if meta.get(n)),
        "",
    )  # fmt: skip
    year_match = re.search(r"(19|20)[0-9]{2}", meta.get(tag) or "") if tag else None
    venue_tag = next(
        (n for n in ("citation_conference_title", "citation_journal_title") if meta.get(n)), ""
    )
    arxiv = bool(meta.get("citation_arxiv_id") or meta.get("citation_archive_id"))
    title = meta.citation_title or meta.og_title
    draft = Draft(
        title=" ".join(title.split()) if title else None,
        authors=tuple(person(a) for a in meta.authors),
        venue="arXiv" if arxiv and not venue_tag else None,
        year=int(year_match.group()) if year_match else None,
    )
    return inferred(
        draft,
        "landing page",
        venue_text=meta.get(venue_tag) if venue_tag else None,
        venue_origin=f"landing page {venue_tag or 'citation_arxiv_id'}",
        year_origin=f"landing page {tag}",
        # a posting or online-first date gives way to the venue's own year
        preprint_year=arxiv or tag == "citation_online_date",
        names=names,
    )


def person(name: str) -> str:
    """`Qin, Rong` (Highwire's usual form) -> `Rong Qin`; other forms as they are."""
    name = " ".join(name.split())
    family, sep, given = name.partition(",")
    if sep and given.strip() and "," not in given:
        return f"{given.strip()} {family.strip()}"
    return name
