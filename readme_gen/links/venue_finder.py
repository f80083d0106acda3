"""The venue of a preprint, found for it: for arXiv links of papers the catalog lists as
arXiv (or with no venue) that arXiv itself knows no publication of, ask Semantic Scholar's
paper batch (500 ids a request), then DBLP's search for those it does not place. A find
counts only when the title matches and the authors overlap (`metadata.found.is_paper`);
it makes the link `drift`, with the venue and the published record's year as the
suggestion (applied by `links --fix-venues` only)."""

from __future__ import annotations

from dataclasses import replace

from readme_gen.links.preprints import candidates
from readme_gen.links.results import Result, Status, Suggestion, Use
from readme_gen.metadata.arxiv import says_preprint
from readme_gen.metadata.drift import clean
from readme_gen.metadata.failure import Failure
from readme_gen.metadata.found import Record, is_paper, published_venue
from readme_gen.metadata.inferred import VenueNames
from readme_gen.metadata.scholar import BATCH
from readme_gen.metadata.search import Searches
from readme_gen.net.reasons import Reason
from readme_gen.venues import full_venue


def _listed(result: Result) -> Use:
    """The use that lists the paper as a preprint (`candidates` made sure there is one)."""
    return next(u for u in result.uses if says_preprint(u.venue))


def _suggestion(venue: str, year: int, source: str) -> Suggestion:
    shown = f"venue {venue}" + (f", year {year}" if year else "")
    return Suggestion("venue", f"{clean(shown, limit=160)} ({source})", venue, year)


def venue_suggestion(record: Record, use: Use, names: VenueNames) -> Suggestion | None:
    """What the catalog could say of `use`'s paper, if `record` is that paper, published in
    a venue the list or the venue table knows: a venue text no table names (a full title
    of a venue not in the table, a service's garbage) is not suggested, since applying it
    would write what RG112 flags."""
    named = published_venue(record, names) if is_paper(record, use.title, use.authors) else None
    if named is None or not named.recognised:
        return None
    return _suggestion(named.venue, record.year or named.year or 0, record.source)


def _conference(venue: str) -> bool:
    """Whether the venue is a conference (a journal's year is its publication's); one the
    table does not hold, a list's own name, may be either."""
    entry = full_venue(venue)
    return entry is None or entry[0] == "conference"


def first_published(found: list[Suggestion]) -> Suggestion | None:
    """Of several publications of one paper, the first: a conference paper precedes its
    journal extension (same title, part of the authors), which a search may rank first."""
    return min(found, key=lambda s: s.year or 9999) if found else None


async def _dblp(searches: Searches, use: Use, names: VenueNames) -> list[Suggestion]:
    hits = await searches.dblp(use.title)
    found = [venue_suggestion(h, use, names) for h in ([] if isinstance(hits, Failure) else hits)]
    return [s for s in found if s is not None]


async def _suggest(
    record: Record | None, use: Use, searches: Searches, names: VenueNames
) -> Suggestion | None:
    """Semantic Scholar's record first, then DBLP. Semantic Scholar often gives the arXiv
    posting year for a paper published the next year; when its year is the posting year,
    DBLP's record of the same venue, where there is one, gives the proceedings' year."""
    suggestion = venue_suggestion(record, use, names) if record is not None else None
    if record is None or suggestion is None:
        return first_published(await _dblp(searches, use, names)) if searches.has_budget() else None
    doubtful = not suggestion.year or (
        suggestion.year == use.year and _conference(suggestion.venue)
    )
    if doubtful and searches.has_budget():
        same = [s for s in await _dblp(searches, use, names) if s.venue == suggestion.venue]
        confirmed = first_published(same)
        if confirmed is not None and confirmed.year != suggestion.year:
            return _suggestion(suggestion.venue, confirmed.year, f"{record.source}; year from DBLP")
    return suggestion


async def find_venues(results: list[Result], searches: Searches, names: VenueNames) -> list[Result]:
    wanted = candidates(results)
    if not wanted:
        return results
    ids = list(wanted)
    records: dict[str, Record] = {}
    for start in range(0, len(ids), BATCH):
        found = await searches.scholar_batch(ids[start : start + BATCH])
        if not isinstance(found, Failure):
            records.update(found)
    out = list(results)
    for known, indices in wanted.items():
        use = _listed(out[indices[0]])
        suggestion = await _suggest(records.get(known), use, searches, names)
        if suggestion is None:
            continue
        for index in indices:
            result = out[index]
            listed = _listed(result).venue.strip() or "no venue"
            detail = f"a publication is known: {suggestion.text}; catalog says {clean(listed)}"
            out[index] = replace(
                result,
                status=Status.DRIFT,
                reason=Reason.PUBLISHED,
                detail=f"{detail}; suggested: {suggestion.text}",
                suggestion=suggestion,
            )
    return out
