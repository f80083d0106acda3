"""The pure rules that turn what an attempt found into a link's `Result`: does the page name
the catalog's paper, did the link move for good. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass

from readme_gen.links import policy
from readme_gen.links.results import Result, Status, Target, Use
from readme_gen.links.titles import can_name_a_paper, same_paper
from readme_gen.metadata.compare import page_drift
from readme_gen.metadata.page import parse_meta
from readme_gen.net.reasons import Reason
from readme_gen.venues import preprint_host


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one attempt (a request and its redirects) ended with."""

    status: Status
    reason: Reason | None = None
    code: int | None = None
    final_url: str | None = None
    redirects: tuple[tuple[int, str], ...] = ()
    detail: str = ""
    wait: float | None = None  # the server's Retry-After, when it gave one
    page: str | None = None  # a capped prefix of an HTML body


def verdict(
    target: Target, outcome: Outcome, *, attempts: int, elapsed_ms: int, verify_titles: bool
) -> Result:
    status, reason, detail, title_found = outcome.status, outcome.reason, outcome.detail, None
    if status is Status.OK:
        page = outcome.page if verify_titles else None
        meta = parse_meta(page) if page else None
        found = meta.best_title if meta else None
        wrong: list[Use] = []
        if found is not None:
            source, title_found = found
            if can_name_a_paper(title_found, source=source):
                wrong = [
                    u for u in target.uses if not same_paper(u.title, title_found, source=source)
                ]
        moved = policy.moved_to(outcome.redirects)
        if wrong:
            status, reason = Status.MISMATCH, Reason.TITLE_MISMATCH
            detail = mismatch(wrong, title_found or "")
        elif moved is not None:
            status, reason = Status.MOVED, Reason.PERMANENT_REDIRECT
            detail = f"moved permanently to {moved}"
        elif meta is not None and (drift := metadata_drift(target, meta.fields)):
            status, reason, detail = Status.DRIFT, Reason.METADATA, drift
    return Result(
        url=target.url,
        status=status,
        uses=target.uses,
        http_status=outcome.code,
        final_url=outcome.final_url,
        redirects=outcome.redirects,
        attempts=attempts,
        elapsed_ms=elapsed_ms,
        title_found=title_found,
        detail=detail,
        reason=reason,
    )


def metadata_drift(target: Target, fields: tuple[tuple[str, str], ...]) -> str | None:
    """Where the page's Highwire (or Dublin Core, PRISM) tags disagree with the authors and
    year of a paper using this link: "page lists 5 authors, first Chen; catalog lists 7,
    first Qin". A preprint server's dates are the preprint's, not the publication's."""
    preprint = preprint_host(target.url) is not None
    for use in target.uses:
        if not use.authors or not use.year:
            continue
        drift = page_drift(fields, use.authors, use.year, preprint=preprint, venue=use.venue)
        if drift is not None:
            return (
                f"{drift.detail} (line {use.position.line})"
                if len(target.uses) > 1
                else drift.detail
            )
    return None


def mismatch(wrong: list[Use], found: str) -> str:
    names = "; ".join(f'"{u.title}" (line {u.position.line})' for u in wrong)
    return f'this link points to another paper: "{found}", not {names}'
