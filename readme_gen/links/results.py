"""What a check finds: a closed set of statuses, a closed set of reasons, and one frozen
`Result` per URL."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from readme_gen.net.reasons import Reason
from readme_gen.position import Position


class Status(enum.Enum):
    """A link's verdict. Each member carries, declared once in `_KINDS`: its `rank` (its
    place there, the one display order, worst first: what fails a run, then what the catalog
    should follow, then what could not be verified), its `title` (a heading in the text report), its
    `action` (a heading in the Markdown findings and the audit issue: what to do), whether
    it `fails` a run by default and under `--strict`, and whether it keeps the audit issue
    open (`attention`)."""

    OK = "ok"
    MOVED = "moved"  # a permanent redirect (301, 308): the catalog should use the target
    MISMATCH = "mismatch"  # the page names another paper
    DRIFT = "drift"  # the link works, but the page's metadata disagrees with the catalog's
    BLOCKED = "blocked"  # the host refuses automated clients; not known to be broken
    BROKEN = "broken"
    EXCLUDED = "excluded"  # by configuration; not fetched

    @property
    def rank(self) -> int:
        return _RANKED.index(self)

    @property
    def title(self) -> str:
        return _KINDS[self].title

    @property
    def action(self) -> str:
        return _KINDS[self].action

    @property
    def fails(self) -> bool:
        return _KINDS[self].fails

    @property
    def fails_strict(self) -> bool:
        return _KINDS[self].fails_strict

    @property
    def attention(self) -> bool:
        return _KINDS[self].attention

    @classmethod
    def ranked(cls) -> tuple[Status, ...]:
        """Every status in the one display order."""
        return _RANKED


@dataclass(frozen=True, slots=True)
class _Kind:
    title: str
    action: str
    fails: bool = False
    fails_strict: bool = False
    attention: bool = False


# In the one display order: a status's rank is its place here.
_KINDS: dict[Status, _Kind] = {
    Status.BROKEN: _Kind(
        "Broken",
        "Broken: fix or replace the link (an archived copy may help)",
        fails=True,
        fails_strict=True,
        attention=True,
    ),
    Status.MISMATCH: _Kind(
        "Pointing to another paper",
        "Pointing to another paper",
        fails=True,
        fails_strict=True,
        attention=True,
    ),
    Status.MOVED: _Kind(
        "Moved permanently (update the catalog)",
        "Moved permanently: update catalog.yaml (`readme-gen links --fix-redirects`)",
        fails_strict=True,
        attention=True,
    ),
    Status.DRIFT: _Kind(
        "Metadata differs from the catalog (authors, year or venue)",
        "Metadata differs: check the authors, year or venue in catalog.yaml",
        fails_strict=True,
        attention=True,
    ),
    Status.BLOCKED: _Kind(
        "Could not verify (the host blocks automated clients)",
        "Could not verify: the host blocks automated clients (not counted as broken)",
        fails_strict=True,
    ),
    Status.EXCLUDED: _Kind("Excluded by configuration", "Excluded by configuration"),
    Status.OK: _Kind("OK", "OK"),
}
_RANKED = tuple(_KINDS)


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


FAILING_BY_DEFAULT = frozenset(s for s in Status if s.fails)
FAILING_STRICT = frozenset(s for s in Status if s.fails_strict)
