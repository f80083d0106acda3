"""Why a metadata source gave no answer: a closed, typed set, so behaviour (retry, report)
hangs on the kind and never on a message's text."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Reason(enum.Enum):
    MALFORMED = "malformed"  # not the XML or JSON the service speaks, or refused (a DTD)
    TOO_LARGE = "too-large"  # over the size bound for its kind
    NOT_FOUND = "not-found"  # the service knows no such identifier (404, absent from a feed)
    RATE_LIMITED = "rate-limited"  # 429 or 503 after every retry
    HTTP_ERROR = "http-error"  # any other non-success status
    UNREACHABLE = "unreachable"  # DNS, connection, TLS or timeout
    REFUSED = "refused"  # a private address, a non-http(s) URL or too many redirects
    BAD_INPUT = "bad-input"  # the identifier asked for is not one


RETRYABLE = frozenset({Reason.RATE_LIMITED, Reason.UNREACHABLE})
"""Kinds a later run may well not see."""


@dataclass(frozen=True, slots=True)
class Failure:
    reason: Reason
    detail: str
