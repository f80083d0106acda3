"""Why a link or a request is not plainly ok: one closed set, shared by the link checker
(its results) and the metadata services (their failures). Each member carries its text and
its retry rule, as lychee's `ErrorKind` does (lychee-lib's retry.rs): what a reason means
is said once, here."""

from __future__ import annotations

import enum

BY_STATUS = 1_000
"""The retry rule of an HTTP status: only retryable codes are tried again, as often as
--retries allows (see `retry.retry_limit`)."""


class Reason(enum.Enum):
    """Why a link or a request is not plainly ok. Retry decisions hang on this, never on a
    message's text or an exception's class name (see `retry.retry_limit`).

    `value` is the name reports print; `what` the words a detail starts with; `retries`
    how many more attempts a failure of this kind earns at most. A server that is down or
    stalls rarely recovers within seconds, so one more try settles it; a 5xx or a 429
    often does, after a short wait. A zero is final at once."""

    what: str
    retries: int

    def __new__(cls, value: str, what: str, retries: int = 0) -> Reason:
        member = object.__new__(cls)
        member._value_ = value
        member.what = what
        member.retries = retries
        return member

    HTTP_STATUS = ("http-status", "HTTP status", BY_STATUS)
    TIMEOUT_CONNECT = ("timeout-connect", "timed out connecting", 1)
    TIMEOUT_READ = ("timeout-read", "timed out waiting for the answer", 1)
    REFUSED = ("refused", "connection refused", 1)  # nothing listens
    RESET = ("reset", "connection reset", 2)  # reset or closed before a whole answer
    CONNECT_FAILED = ("connect-failed", "connection failed", 1)  # unreachable, ...
    DNS = ("dns", "DNS lookup failed")  # the host does not resolve
    DNS_TEMPORARY = ("dns-temporary", "DNS lookup failed temporarily", 1)  # the resolver
    TLS = ("tls", "TLS error")
    REDIRECT_LOOP = ("redirect-loop", "redirect loop")
    TOO_MANY_REDIRECTS = ("too-many-redirects", "too many redirects")
    BAD_REDIRECT = ("bad-redirect", "redirect to a URL that cannot be fetched")
    BAD_URL = ("bad-url", "not a valid URL")  # the URL asked for cannot be fetched
    # Too broken to parse; one more try, as a reused connection can hold an earlier
    # answer's junk.
    MALFORMED_RESPONSE = ("malformed-response", "malformed response", 1)
    TOO_LARGE = ("too-large", "the answer is over the size limit")
    PRIVATE_ADDRESS = ("private-address", "refused: a non-public address")
    RATE_LIMITED = ("rate-limited", "rate-limited")  # asked to wait longer than we will
    BOT_CHALLENGE = ("bot-challenge", "the host blocks automated clients")
    NOT_FOUND = ("not-found", "not found")  # a service knows no such identifier
    BAD_INPUT = ("bad-input", "not a valid identifier")  # a service refused what was asked
    TITLE_MISMATCH = ("title-mismatch", "the page names another paper")
    PERMANENT_REDIRECT = ("permanent-redirect", "moved permanently")
    METADATA = ("metadata", "the page's metadata differs")  # authors or year
    PUBLISHED = ("published", "arXiv lists a publication")  # one the catalog does not name
    EXCLUDED = ("excluded", "excluded by configuration")
    MISSING_FILE = ("missing-file", "a file of the list's repository that is not there")
    INTERNAL_ERROR = ("internal-error", "internal error")  # a bug of ours, confined
