"""Pure rules of the checker: what a response means, what to retry, how long to wait.

No I/O here, so every rule is tested without a network (like lychee's retry.rs).
"""

from __future__ import annotations

import email.utils
import math
from collections.abc import Mapping

from readme_gen.links.results import Reason, Status

PERMANENT_REDIRECTS = frozenset({301, 308})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# HEAD answers that do not prove anything: some servers refuse or mis-handle HEAD.
HEAD_UNRELIABLE = frozenset({400, 403, 404, 405, 501})
# Hosts answering these refuse automated clients; the link may well be fine.
BLOCKING = frozenset({401, 403, 418, 999})
RETRYABLE = frozenset({408, 429}) | frozenset(range(500, 600))


def retryable(code: int) -> bool:
    """5xx, 408 and 429 may pass on a later attempt; 404, 410 and other 4xx will not."""
    return code in RETRYABLE


# How often each transient cause is tried again (capped by --retries). A server that is
# down or stalls rarely recovers within seconds, so one more try settles it; a 5xx or a
# 429 often does, after a short wait. Anything absent here is final at once.
RETRIES: dict[Reason, int] = {
    Reason.HTTP_STATUS: 1_000,  # only retryable codes reach here: --retries decides
    Reason.RESET: 2,
    Reason.TIMEOUT_READ: 1,
    Reason.TIMEOUT_CONNECT: 1,
    Reason.REFUSED: 1,
    Reason.DNS_TEMPORARY: 1,
    Reason.CONNECT_FAILED: 1,
    Reason.MALFORMED_RESPONSE: 1,  # a reused connection can hold an earlier answer's junk
}


def retry_limit(reason: Reason | None, code: int | None, *, retries: int) -> int:
    """How many more attempts a failure of `reason` (with HTTP `code`, if any) earns."""
    if reason is None or (reason is Reason.HTTP_STATUS and (code is None or not retryable(code))):
        return 0
    return min(retries, RETRIES.get(reason, 0))


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


def retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - now)


def backoff(attempt: int, *, base: float, cap: float, jitter: float) -> float:
    """Exponential backoff: base, 2*base, 4*base... capped, spread by `jitter` in [0, 1) to
    within a quarter either side, so that links failing together do not retry together."""
    delay = min(cap, base * math.pow(2, attempt - 1))
    return delay * (0.75 + 0.5 * jitter)


def moved_to(redirects: tuple[tuple[int, str], ...]) -> str | None:
    """Where a URL permanently moved: the end of its leading run of 301/308 redirects."""
    target = None
    for code, location in redirects:
        if code not in PERMANENT_REDIRECTS:
            break
        target = location
    return target
