"""Why a link or a request is not plainly ok: one closed set, shared by the link checker
(its results) and the metadata services (their failures)."""

from __future__ import annotations

import enum


class Reason(enum.Enum):
    """Why a link is not plainly ok. Retry decisions hang on this, never on a message's
    text or an exception's class name (see `retry.retry_limit`)."""

    HTTP_STATUS = "http-status"  # the server answered with a status that is not ok
    TIMEOUT_CONNECT = "timeout-connect"
    TIMEOUT_READ = "timeout-read"
    REFUSED = "refused"  # nothing listens: the connection was refused
    RESET = "reset"  # the connection was reset or closed before a whole answer
    CONNECT_FAILED = "connect-failed"  # another network error (unreachable, ...)
    DNS = "dns"  # the host does not resolve
    DNS_TEMPORARY = "dns-temporary"  # the resolver failed, not the name
    TLS = "tls"
    REDIRECT_LOOP = "redirect-loop"
    TOO_MANY_REDIRECTS = "too-many-redirects"
    BAD_REDIRECT = "bad-redirect"  # a Location that is not a fetchable http(s) URL
    BAD_URL = "bad-url"  # the catalog's URL itself cannot be fetched
    MALFORMED_RESPONSE = "malformed-response"  # too large or too broken to parse
    PRIVATE_ADDRESS = "private-address"
    RATE_LIMITED = "rate-limited"  # asked to wait longer than we will
    BOT_CHALLENGE = "bot-challenge"  # a Cloudflare challenge or a 202 placeholder
    TITLE_MISMATCH = "title-mismatch"
    PERMANENT_REDIRECT = "permanent-redirect"
    METADATA = "metadata"  # the page's authors or year differ from the catalog's
    PUBLISHED = "published"  # arXiv knows a publication the catalog does not name
    EXCLUDED = "excluded"
    MISSING_FILE = "missing-file"  # a link to a file of the list's repository that is not there
    INTERNAL_ERROR = "internal-error"  # a bug in readme-gen, confined to this link
