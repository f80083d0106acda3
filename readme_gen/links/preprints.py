"""Preprints that were published: for arXiv links of papers the catalog lists as arXiv (or
with no venue), ask the arXiv API (one request per 100 ids, 3 s apart) whether arXiv
knows a journal reference or a DOI; if it does, the link's verdict is `drift`, with the
publication as the suggestion."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from readme_gen.links.gate import Sleep
from readme_gen.links.results import Result, Status
from readme_gen.links.settings import CheckSettings
from readme_gen.metadata.arxiv import arxiv_id, published_drift, says_preprint
from readme_gen.metadata.services import Services, ServiceSettings
from readme_gen.net.reasons import Reason


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


async def published(
    results: list[Result], settings: CheckSettings, *, sleep: Sleep, clock: Callable[[], float]
) -> list[Result]:
    """`results` with each listed preprint that arXiv knows was published made `drift`.
    A batch arXiv cannot answer changes nothing: the links themselves were checked."""
    wanted = candidates(results)
    if not wanted:
        return results
    services = Services(
        ServiceSettings(arxiv_url=settings.arxiv_api_url, wire=settings),
        sleep=sleep,
        clock=clock,
    )
    try:
        entries, _ = await services.arxiv(wanted)
    finally:
        await services.aclose()
    out = list(results)
    for known, indices in wanted.items():
        entry = entries.get(known)
        if entry is None:
            continue
        for index in indices:
            result = out[index]
            venue = next(u.venue for u in result.uses if says_preprint(u.venue))
            drift = published_drift(venue, entry)
            if drift is not None:
                detail = f"{drift.detail}; suggested venue: {drift.suggestion}"
                out[index] = replace(
                    result, status=Status.DRIFT, reason=Reason.PUBLISHED, detail=detail
                )
    return out
