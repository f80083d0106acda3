"""A suggestion for every bad link, and the venue of preprints (`venue_finder`), asked of
the search services after the links are checked, within one bounded budget
(`max_searches`). A mismatch gets the page whose title and authors match, from arXiv's
search, then Semantic Scholar's title match; a broken link the Wayback Machine's closest
snapshot. Suggestions are shown in the report (its detail and, in JSON, `suggestion`),
never applied silently."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from readme_gen.links.gate import Sleep
from readme_gen.links.preprints import service_settings
from readme_gen.links.results import Result, Status, Suggestion
from readme_gen.links.settings import CheckSettings
from readme_gen.links.venue_finder import find_venues
from readme_gen.metadata.drift import clean
from readme_gen.metadata.failure import Failure
from readme_gen.metadata.found import is_paper
from readme_gen.metadata.inferred import VenueNames
from readme_gen.metadata.search import Searches, SearchSettings, open_searches
from readme_gen.venues import DEFAULT_VENUE_ALIASES


def search_settings(settings: CheckSettings) -> SearchSettings:
    return SearchSettings(
        s2_url=settings.s2_api_url,
        dblp_url=settings.dblp_url,
        wayback_url=settings.wayback_url,
        s2_key=settings.s2_api_key,
        max_requests=settings.max_searches,
    )


async def searched(
    results: list[Result],
    settings: CheckSettings,
    *,
    sleep: Sleep,
    clock: Callable[[], float],
    names: VenueNames | None = None,
) -> list[Result]:
    """`results` with venues found for preprints (`find_venues`) and suggestions for bad
    links (`suggest`), as the settings ask."""
    searches = open_searches(
        service_settings(settings), search_settings(settings), sleep=sleep, clock=clock
    )
    try:
        if settings.find_venues:
            # the list's own venue names, as its links' uses carry them
            known = names or VenueNames.of(
                DEFAULT_VENUE_ALIASES, {u.venue for r in results for u in r.uses}
            )
            results = await find_venues(results, searches, known)
        if settings.suggest:
            results = await suggestions(results, searches)
    finally:
        await searches.services.aclose()
    return results


async def page_for(result: Result, searches: Searches) -> Suggestion | None:
    """The page of the paper a mismatched link should name: arXiv's search, then Semantic
    Scholar's title match; the first record whose title and authors match."""
    use = result.uses[0]
    for ask in (searches.arxiv_title, searches.scholar_match):
        if not searches.has_budget():
            return None
        found = await ask(use.title)
        for record in [] if isinstance(found, Failure) else found:
            if record.url and record.url != result.url and is_paper(record, use.title, use.authors):
                return Suggestion(
                    "page", f"{clean(record.url, limit=300)} ({record.source})", url=record.url
                )
    return None


async def snapshot_for(result: Result, searches: Searches) -> Suggestion | None:
    found = await searches.snapshot(result.url)
    if found is None or isinstance(found, Failure):
        return None
    when = (
        f"{found.timestamp[:4]}-{found.timestamp[4:6]}-{found.timestamp[6:8]}"
        if len(found.timestamp) >= 8
        else ""
    )
    shown = f"archived copy {clean(found.url, limit=300)}" + (f" of {when}" if when else "")
    return Suggestion("snapshot", shown, url=found.url)


async def suggestions(results: list[Result], searches: Searches) -> list[Result]:
    out = list(results)
    for index, result in enumerate(results):
        if not searches.has_budget():
            break
        if result.status is Status.MISMATCH and result.uses:
            suggestion = await page_for(result, searches)
        elif result.status is Status.BROKEN:
            suggestion = await snapshot_for(result, searches)
        else:
            continue
        if suggestion is not None:
            detail = (
                f"{result.detail}; suggested: {suggestion.text}"
                if result.detail
                else f"suggested: {suggestion.text}"
            )
            out[index] = replace(result, detail=detail, suggestion=suggestion)
    return out
