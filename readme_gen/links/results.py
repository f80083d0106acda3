"""What a check finds: a closed set of statuses, a closed set of reasons, and one frozen
`Result` per URL."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from readme_gen.net.reasons import Reason
from readme_gen.position import Position


class Status(enum.Enum):
    OK = "ok"
    MOVED = "moved"  # a permanent redirect (301, 308): the catalog should use the target
    MISMATCH = "mismatch"  # the page names another paper
    DRIFT = "drift"  # the link works, but the page's metadata disagrees with the catalog's
    BLOCKED = "blocked"  # the host refuses automated clients; not known to be broken
    BROKEN = "broken"
    EXCLUDED = "excluded"  # by configuration; not fetched


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
class Suggestion:
    """A value the catalog could take, found by a search service; shown in every report,
    applied only when asked (`links --fix-venues`)."""

    kind: str  # "venue" (a preprint's publication), "page" (for a mismatch), "snapshot"
    text: str  # for people: 'venue CVPR, year 2023 (Semantic Scholar)'
    venue: str = ""
    year: int = 0
    url: str = ""


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
    suggestion: Suggestion | None = None


@dataclass(frozen=True, slots=True)
class Incomplete:
    """A part of the check that could not finish, and is said so in every report: how many
    items it left unchecked, and why ("preprint check incomplete: 120 ids (rate-limited)")."""

    what: str
    count: int
    reason: Reason
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.what} incomplete: {self.count} ids ({self.reason.value})"


FAILING_BY_DEFAULT = frozenset({Status.BROKEN, Status.MISMATCH})
FAILING_STRICT = FAILING_BY_DEFAULT | {Status.BLOCKED, Status.MOVED, Status.DRIFT}
