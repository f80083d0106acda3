"""When to try a request again, and how long to wait: pure rules (like lychee's retry.rs),
shared by the link checker and the metadata services. No I/O here."""

from __future__ import annotations

import email.utils
import math

from readme_gen.net.reasons import Reason

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRYABLE = frozenset({408, 429}) | frozenset(range(500, 600))


def retryable(code: int) -> bool:
    """5xx, 408 and 429 may pass on a later attempt; 404, 410 and other 4xx will not."""
    return code in RETRYABLE


def retry_limit(reason: Reason | None, code: int | None, *, retries: int) -> int:
    """How many more attempts a failure of `reason` (with HTTP `code`, if any) earns: the
    reason's own rule (`Reason.retries`), capped by --retries."""
    if reason is None or (reason is Reason.HTTP_STATUS and (code is None or not retryable(code))):
        return 0
    return min(retries, reason.retries)


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
