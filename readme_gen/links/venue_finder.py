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


def _listed(result: Result) -> Use:
    """The use that lists the paper as a preprint (`candidates` made sure there is one)."""
    return next(u for u in result.uses if says_preprint(u.venue))


def venue_suggestion(record: Record, use: Use, names: VenueNames) -> Suggestion | None:
    """What the catalog could say of `use`'s paper, if `record` is that paper, published."""
    named = published_venue(record, names) if is_paper(record, use.title, use.authors) else None
    if named is None:
        return None
    year = record.year or named.year or 0
    shown = f"venue {named.venue}" + (f", year {year}" if year else "")
    return Suggestion("venue", f"{clean(shown, limit=160)} ({record.source})", named.venue, year)


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
        suggestion = venue_suggestion(records[known], use, names) if known in records else None
        if suggestion is None and searches.has_budget():
            hits = await searches.dblp(use.title)
            for hit in [] if isinstance(hits, Failure) else hits:
                suggestion = venue_suggestion(hit, use, names)
                if suggestion is not None:
                    break
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
