"""Pure rules of the checker: what a final answer means for a link, and where a link
moved for good. (When to retry and how long to wait: `readme_gen.net.retry`.)

No I/O here, so every rule is tested without a network (like lychee's retry.rs).
"""

from __future__ import annotations

from collections.abc import Mapping

from readme_gen.links.results import Result, Status
from readme_gen.net.reasons import Reason

PERMANENT_REDIRECTS = frozenset({301, 308})
# HEAD answers that do not prove anything: some servers refuse or mis-handle HEAD.
HEAD_UNRELIABLE = frozenset({400, 403, 404, 405, 501})
# Hosts answering these refuse automated clients; the link may well be fine.
BLOCKING = frozenset({401, 403, 418, 999})


def is_cloudflare_challenge(code: int, headers: Mapping[str, str]) -> bool:
    return code in (403, 503) and "cf-mitigated" in headers


def classify(code: int, headers: Mapping[str, str]) -> tuple[Status, Reason | None, str]:
    """The status of a final (non-redirect) answer, its reason and a human detail."""
    if is_cloudflare_challenge(code, headers):
        detail = "a Cloudflare challenge: the host blocks automated clients"
        return Status.BLOCKED, Reason.BOT_CHALLENGE, detail
    if code == 202:  # "accepted", not the page: a placeholder served to automated clients
        detail = "HTTP 202: the host answered with a placeholder, not the page"
        return Status.BLOCKED, Reason.BOT_CHALLENGE, detail
    if 200 <= code < 300:
        return Status.OK, None, ""
    if code in BLOCKING:
        return (
            Status.BLOCKED,
            Reason.HTTP_STATUS,
            f"HTTP {code}: the host refuses automated clients",
        )
    if code == 429:
        return Status.BLOCKED, Reason.HTTP_STATUS, "HTTP 429: rate-limited"
    if code in (404, 410):
        detail = f"HTTP {code}: {'not found' if code == 404 else 'gone'}"
        return Status.BROKEN, Reason.HTTP_STATUS, detail
    return Status.BROKEN, Reason.HTTP_STATUS, f"HTTP {code}"


def moved_to(redirects: tuple[tuple[int, str], ...]) -> str | None:
    """Where a URL permanently moved: the end of its leading run of 301/308 redirects."""
    target = None
    for code, location in redirects:
        if code not in PERMANENT_REDIRECTS:
            break
        target = location
    return target


def moved_target(result: Result) -> str | None:
    """Where a `moved` link now lives (what `links --fix-redirects` would write): the end
    of its leading run of 301/308 redirects."""
    return moved_to(result.redirects) if result.status is Status.MOVED else None
