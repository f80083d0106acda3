"""DBLP's publication search (`/search/publ/api?q=...&format=json&h=N`), read as hostile
JSON: `result.hits.hit[].info` with `title` (ending in a full stop), `authors.author` (one
object or a list; homonyms carry a number, "Wei Chen 0001"), `venue` (a string or a list),
`year`, `type`, `ee` (the publisher's page). arXiv's copies (venue CoRR, type "Informal
and Other Publications") name no publication and are skipped."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from readme_gen.metadata.failure import Failure, Reason
from readme_gen.metadata.found import MAX_AUTHORS, MAX_JSON, Record, load_json, text, year
from readme_gen.metadata.services import Services, _status_failure

SOURCE = "DBLP"
HITS = 10
_HOMONYM = re.compile(r"\s+\d{4}$")
_INFORMAL = "informal"


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value is not None else []


def _author(item: Any) -> str:
    name = text(item.get("text")) if isinstance(item, dict) else text(item)
    return _HOMONYM.sub("", name)


def record(info: Any) -> Record | None:
    if not isinstance(info, dict):
        return None
    kind = text(info.get("type")).casefold()
    venue = next((text(v) for v in _list(info.get("venue")) if text(v)), "")
    if _INFORMAL in kind or venue.casefold() == "corr":
        return None
    authors = info.get("authors")
    listed = _list(authors.get("author")) if isinstance(authors, dict) else []
    ee = next((text(v) for v in _list(info.get("ee")) if text(v).startswith("https://")), "")
    return Record(
        SOURCE,
        text(info.get("title")).rstrip("."),
        tuple(n for n in map(_author, listed[:MAX_AUTHORS]) if n),
        venue,
        year(info.get("year")),
        ee,
    )


def parse_search(data: bytes) -> list[Record] | Failure:
    document = load_json(data, SOURCE)
    if isinstance(document, Failure):
        return document
    result = document.get("result") if isinstance(document, dict) else None
    hits = result.get("hits") if isinstance(result, dict) else None
    if not isinstance(hits, dict):
        return Failure(Reason.MALFORMED_RESPONSE, "the DBLP answer has no result.hits")
    found = [record(h.get("info")) for h in _list(hits.get("hit"))[:HITS] if isinstance(h, dict)]
    return [r for r in found if r is not None]


async def search(services: Services, base: str, title: str) -> list[Record] | Failure:
    """The publications DBLP finds for a title (most relevant first)."""
    query = urlencode({"q": title[:300], "format": "json", "h": str(HITS)})
    answer = await services.fetch(f"{base}?{query}", {}, MAX_JSON)
    if isinstance(answer, Failure):
        return answer
    if answer.status != 200:
        return _status_failure(answer.status, SOURCE)
    return parse_search(answer.body)
