"""A paper as a search service describes it (Semantic Scholar, DBLP, arXiv's search), and
whether it is the catalog's paper: the normalised titles equal and the authors overlap
(`names.same_person`), so a near-duplicate title by other authors is not taken."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from readme_gen.metadata.drift import printable
from readme_gen.metadata.failure import Failure, Reason
from readme_gen.metadata.inferred import VenueNames
from readme_gen.metadata.names import same_person
from readme_gen.text import normalise
from readme_gen.venues import Named, name_venue, preprint_server

MAX_JSON = 2 * 1024 * 1024  # 500 records with authors are ~1 MB
MAX_TEXT = 1000
MAX_AUTHORS = 500


@dataclass(frozen=True, slots=True)
class Record:
    source: str  # "Semantic Scholar", "DBLP", "arXiv", for messages
    title: str
    authors: tuple[str, ...]
    venue: str = ""
    year: int | None = None
    url: str = ""  # its landing page, when the service gives one
    arxiv_id: str = ""


def load_json(data: bytes, what: str, limit: int = MAX_JSON) -> Any:
    """The document, or a `Failure` when it is oversized, malformed or too deep."""
    if len(data) > limit:
        return Failure(Reason.TOO_LARGE, f"the {what} answer is over {limit} bytes")
    try:
        return json.loads(data)
    except RecursionError:
        return Failure(Reason.MALFORMED_RESPONSE, f"the {what} answer is nested too deeply")
    except ValueError as exc:
        detail = f"the {what} answer is not JSON ({str(exc)[:80]})"
        return Failure(Reason.MALFORMED_RESPONSE, detail)


_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-_])")  # ANSI/VT escape sequences


def text(value: Any) -> str:
    """A string field: escape sequences and control, format and private-use characters
    dropped, one line, capped; anything else is empty."""
    if not isinstance(value, str):
        return ""
    return printable(_ESCAPE.sub("", value[: MAX_TEXT * 4]))[:MAX_TEXT]


def _greek(title: str) -> str:
    """Greek letters by name, so that "α-Blending" and "$\\alpha$-Blending" fold alike."""
    return "".join(
        f" {unicodedata.name(c).split()[-1].lower()} " if "GREEK" in unicodedata.name(c, "") else c
        for c in title
    )


def year(value: Any) -> int | None:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 1800 <= value <= 2999:
        return value
    return None


def same_title(a: str, b: str) -> bool:
    """Equal once case, accents, punctuation and space are folded (DBLP ends titles with
    a full stop; services differ in dashes and quotes)."""
    na, nb = normalise(_greek(a)), normalise(_greek(b))
    return bool(na) and na == nb


def authors_overlap(ours: Sequence[str], theirs: Sequence[str]) -> bool:
    """At least half of the shorter list (one at least) are the same people."""
    if not ours or not theirs:
        return False
    shorter, longer = sorted((list(ours[:MAX_AUTHORS]), list(theirs[:MAX_AUTHORS])), key=len)
    found = sum(any(same_person(a, b) for b in longer) for a in shorter)
    return found >= max(1, math.ceil(len(shorter) / 2))


def is_paper(record: Record, title: str, authors: Sequence[str]) -> bool:
    """Whether `record` describes the catalog's paper (`title`, `authors`)."""
    return same_title(record.title, title) and authors_overlap(authors, record.authors)


def published_venue(record: Record, names: VenueNames) -> Named | None:
    """The venue a record names, through the venue table; None for none or a preprint
    server (arXiv, CoRR...), which names no publication."""
    if not record.venue or preprint_server(record.venue):
        return None
    named = name_venue(record.venue, aliases=names.aliases, known=names.known)
    return named if named.venue and not preprint_server(named.venue) else None
