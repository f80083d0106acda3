"""Preprints that were published: for arXiv links of papers the catalog lists as arXiv (or
with no venue), ask the arXiv API (one request per 100 ids, 3 s apart) whether arXiv
knows a journal reference or a DOI; if it does, and arXiv's title names the catalog's
paper, the link's verdict is `drift`, with the publication as the suggestion.

The phase has a budget (`preprint_budget`); ids it could not ask about are reported, not
dropped (`results.Incomplete`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from readme_gen.links.gate import Sleep
from readme_gen.links.results import Incomplete, Result, Status
from readme_gen.links.settings import CheckSettings
from readme_gen.links.titles import same_paper
from readme_gen.metadata.arxiv import arxiv_id, published_drift, says_preprint
from readme_gen.metadata.failure import Failure
from readme_gen.metadata.services import Services, ServiceSettings
from readme_gen.net.reasons import Reason

WHAT = "preprint check"


def candidates(results: list[Result]) -> dict[str, list[int]]:
    """arXiv id -> the indices of the ok results whose papers the catalog calls preprints."""
    found: dict[str, list[int]] = {}
    for index, result in enumerate(results):
        if result.status is not Status.OK:
            continue
        known = arxiv_id(result.url) if "arxiv" in result.url.lower() else None
        if known and any(says_preprint(u.venue) for u in result.uses):
            found.setdefault(known, []).append(index)
    return found


def service_settings(settings: CheckSettings) -> ServiceSettings:
    """The metadata services' settings a link check implies: its own wire settings."""
    return ServiceSettings(arxiv_url=settings.arxiv_api_url, wire=settings)


async def published(
    results: list[Result], settings: CheckSettings, *, sleep: Sleep, clock: Callable[[], float]
) -> tuple[list[Result], tuple[Incomplete, ...]]:
    """`results` with each listed preprint that arXiv knows was published made `drift`, and
    what could not be asked. A batch arXiv cannot answer changes no verdict: the links
    themselves were checked."""
    wanted = candidates(results)
    if not wanted:
        return results, ()
    services = Services(
        service_settings(settings),
        sleep=sleep,
        clock=clock,
        until=clock() + settings.preprint_budget,
    )
    try:
        entries, failures = await services.arxiv(wanted)
    finally:
        await services.aclose()
    out = list(results)
    for known, indices in wanted.items():
        entry = entries.get(known)
        if entry is None:
            continue
        for index in indices:
            result = out[index]
            use = next(u for u in result.uses if says_preprint(u.venue))
            # arXiv's entry for another paper (a mistyped id, a hostile mirror) must not
            # lend it its venue: the titles must name the same paper.
            if not same_paper(use.title, entry.title, source="citation_title"):
                continue
            drift = published_drift(use.venue, entry)
            if drift is not None:
                detail = f"{drift.detail}; suggested venue: {drift.suggestion}"
                out[index] = replace(
                    result, status=Status.DRIFT, reason=Reason.PUBLISHED, detail=detail
                )
    return out, incomplete(failures)


def incomplete(failures: list[Failure]) -> tuple[Incomplete, ...]:
    """One line per reason: how many ids its failures left unasked."""
    counts: dict[Reason, list[Failure]] = {}
    for failure in failures:
        counts.setdefault(failure.reason, []).append(failure)
    return tuple(
        Incomplete(WHAT, sum(len(f.about) or 1 for f in found), reason, found[0].detail)
        for reason, found in counts.items()
    )
