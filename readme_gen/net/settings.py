"""The wire's settings, declared once: the link checker's `CheckSettings` is a
`WireSettings`, and the metadata services take one, so a request to arXiv or doi.org
and a link's request obey the same timeouts, retries and redirect limit, read from the
same `[tool.readme-gen.links]` table (`links.settings.resolve`).

A setting is a dataclass field with its help, kind and unit (`option(...)`): flags, the
pyproject reader and the docs table derive from that."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["count", "seconds", "bytes", "switch", "text", "path"]


@dataclass(frozen=True, slots=True)
class Option:
    """How a setting is written and explained: its kind, help, unit and lowest value."""

    help: str
    kind: Kind
    minimum: float = 0
    metavar: str = ""


def option(default: Any, help: str, kind: Kind, *, minimum: float = 0, metavar: str = "") -> Any:
    return field(default=default, metadata={"option": Option(help, kind, minimum, metavar)})


@dataclass(frozen=True, slots=True)
class WireSettings:
    timeout: float = option(20.0, "time limit of one attempt", "seconds", minimum=0.001)
    connect_timeout: float = option(10.0, "time limit to connect", "seconds", minimum=0.001)
    retries: int = option(3, "retries of transient failures at most (see docs)", "count")
    link_deadline: float = option(
        60.0, "time limit of all attempts and waits of one link", "seconds", minimum=0.001
    )
    retry_after_cap: float = option(
        60.0, "longest Retry-After honoured; a longer one makes the link blocked", "seconds"
    )
    max_redirects: int = option(10, "redirects followed at most", "count")
    allow_private: bool = option(
        False,
        "allow loopback and private addresses, for the links and for the metadata services "
        "(arXiv, DOI, Semantic Scholar, DBLP, Wayback): tests, intranets",
        "switch",
    )
    # Not options: the backoff's first wait and its ceiling (a jitter spreads each wait
    # to within a quarter either side).
    backoff_base: float = 0.5
    backoff_cap: float = 30.0
