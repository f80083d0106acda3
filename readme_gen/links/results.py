"""What a check finds: a closed set of statuses, a closed set of reasons, and one frozen
`Result` per URL."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from readme_gen.position import Position


class Status(enum.Enum):
    OK = "ok"
    MOVED = "moved"  # a permanent redirect (301, 308): the catalog should use the target
    MISMATCH = "mismatch"  # the page names another paper
    DRIFT = "drift"  # the link works, but the page's metadata disagrees with the catalog's
    BLOCKED = "blocked"  # the host refuses automated clients; not known to be broken
    BROKEN = "broken"
    EXCLUDED = "excluded"  # by configuration; not fetched


class Reason(enum.Enum):
    """Why a link is not plainly ok. Retry decisions hang on this, never on a message's
    text or an exception's class name (see `policy.retry_limit`)."""

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
    INTERNAL_ERROR = "internal-error"  # a bug in readme-gen, confined to this link


@dataclass(frozen=True, slots=True)
class Use:
    """One place a URL is used: the paper's title and the URL's position in the catalog."""

    title: str
    position: Position
    label: str = "Paper"
    # The paper's metadata, to compare with what the landing page and arXiv say.
    authors: tuple[str, ...] = ()
    year: int = 0
    venue: str = ""


@dataclass(frozen=True, slots=True)
class Target:
    """A distinct URL to check, with every use of it in catalog order."""

    url: str
    uses: tuple[Use, ...]


@dataclass(frozen=True, slots=True)
class Result:
    url: str
    status: Status
    uses: tuple[Use, ...]
    http_status: int | None = None
    final_url: str | None = None
    redirects: tuple[tuple[int, str], ...] = ()
    """(status code, location) of every redirect followed, in order."""
    attempts: int = 0
    elapsed_ms: int = 0
    title_found: str | None = None
    detail: str = ""
    reason: Reason | None = None
    """Why the link is not plainly ok (None for ok)."""
    cached: bool = field(default=False, compare=False)


FAILING_BY_DEFAULT = frozenset({Status.BROKEN, Status.MISMATCH})
FAILING_STRICT = FAILING_BY_DEFAULT | {Status.BLOCKED, Status.MOVED, Status.DRIFT}
