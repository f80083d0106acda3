"""DOI content negotiation's CSL JSON (`Accept: application/vnd.citationstyles.csl+json`),
read as hostile JSON: wrong types and missing fields are skipped, oversized or malformed
documents become a `Failure`; no exception escapes."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from readme_gen import identifiers
from readme_gen.metadata.drift import clean
from readme_gen.metadata.failure import Failure, Reason
from readme_gen.venues import DEFAULT_VENUE_ALIASES, venue_name

MAX_CSL = 1024 * 1024  # a record with 3000 authors is ~400 KB
MAX_TEXT = 2000
MAX_AUTHORS = 5000


@dataclass(frozen=True, slots=True)
class Work:
    title: str
    authors: tuple[str, ...]
    year: int | None
    container_titles: tuple[str, ...]
    doi: str
    venue: str
    """The container title as the list names its venue (`readme_gen.venues.venue_name`)."""


def _text(value: Any) -> str:
    """A string field (CSL allows a list of strings for some) as the catalog could hold
    it: control, format (bidi) and surrogate characters dropped, one line, capped."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), "")
    return clean(value, limit=MAX_TEXT) if isinstance(value, str) else ""


def _texts(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(t for t in (_text(v) for v in items[:20]) if t)


def _author(item: Any) -> str:
    if not isinstance(item, dict):
        return ""
    literal = _text(item.get("literal")) or _text(item.get("name"))
    given, family = _text(item.get("given")), _text(item.get("family"))
    return literal or " ".join(p for p in (given, family) if p)


def _year(issued: Any) -> int | None:
    """The first year in `issued.date-parts` (ints, or digit strings as DataCite writes them)."""
    if not isinstance(issued, dict):
        return None
    parts = issued.get("date-parts")
    first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else []
    value = first[0] if first else None
    # ASCII digits only: "²⁰²³" is digits to isdigit() and not a number to int().
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{4}\s*", value):
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 2999:
        return value
    raw = re.search(r"(?<![0-9])([12][0-9]{3})(?![0-9])", _text(issued.get("raw")))
    return int(raw.group(1)) if raw else None


def parse_csl(
    data: bytes,
    *,
    aliases: Mapping[str, tuple[str, ...]] = DEFAULT_VENUE_ALIASES,
    known: Iterable[str] = (),
) -> Work | Failure:
    """The work a CSL JSON record describes, or why it cannot be read."""
    if len(data) > MAX_CSL:
        return Failure(Reason.TOO_LARGE, f"the CSL JSON is over {MAX_CSL} bytes")
    try:
        record = json.loads(data)
    except RecursionError:
        return Failure(Reason.MALFORMED_RESPONSE, "the CSL JSON is nested too deeply")
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, a 5000-digit number
        return Failure(Reason.MALFORMED_RESPONSE, f"not JSON ({str(exc)[:80]})")
    if not isinstance(record, dict):
        return Failure(Reason.MALFORMED_RESPONSE, "the CSL JSON is not an object")
    raw_authors = record.get("author")
    authors = raw_authors[:MAX_AUTHORS] if isinstance(raw_authors, list) else []
    containers = _texts(record.get("container-title")) + _texts(record.get("short-container-title"))
    return Work(
        title=_text(record.get("title")),
        authors=tuple(a for a in map(_author, authors) if a),
        year=_year(record.get("issued")),
        container_titles=containers,
        doi=_text(record.get("DOI")),
        venue=venue_name(containers, aliases=aliases, known=known),
    )


def doi_of(text: str) -> str | None:
    """The DOI in `10.xxxx/yyy`, `doi:10.xxxx/yyy` or a `https://doi.org/...` URL."""
    return identifiers.doi(text)
