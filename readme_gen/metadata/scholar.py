"""Semantic Scholar's Graph API, read as hostile JSON: the paper batch
(`POST /paper/batch?fields=...` with `{"ids": ["ARXIV:2106.01234", ...]}`, up to 500 ids,
answered by a list in the ids' order, `null` for an unknown id) and the title match
(`GET /paper/search/match?query=...`, `{"data": [paper]}`, 404 when nothing matches).
An API key from SEMANTIC_SCHOLAR_API_KEY goes in the `x-api-key` header."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote, urlencode

from readme_gen import identifiers
from readme_gen.metadata.failure import Failure, Reason
from readme_gen.metadata.found import MAX_AUTHORS, MAX_JSON, Record, load_json, text, year
from readme_gen.metadata.services import Services, _status_failure
from readme_gen.venues import preprint_server, side_volume

BATCH = 500  # the endpoint's limit
FIELDS = "title,venue,year,authors,externalIds,publicationVenue,journal"
SOURCE = "Semantic Scholar"
_PAPER_ID = re.compile(r"[0-9a-f]{40}")


def _headers(key: str | None) -> dict[str, str]:
    return {"x-api-key": key} if key else {}


def record(item: Any) -> Record | None:
    """One paper object, or None when it is not one."""
    if not isinstance(item, dict):
        return None
    listed = item.get("authors")
    authors = listed[:MAX_AUTHORS] if isinstance(listed, list) else []
    names = [text(a.get("name")) for a in authors if isinstance(a, dict)]
    external = item.get("externalIds")
    ids: dict[str, Any] = external if isinstance(external, dict) else {}
    venue_object = item.get("publicationVenue")
    named = text(venue_object.get("name")) if isinstance(venue_object, dict) else ""
    written = text(item.get("venue"))
    journal_object = item.get("journal")
    journal = text(journal_object.get("name")) if isinstance(journal_object, dict) else ""
    # `publicationVenue` is the series: for a workshop paper, the main conference, while
    # `venue` names the workshop. A journal may be named only in `journal.name`.
    venue = written if side_volume(written) else named or written
    if not venue or preprint_server(venue):
        venue = journal if journal and not preprint_server(journal) else venue
    doi, arxiv, paper = text(ids.get("DOI")), text(ids.get("ArXiv")), text(item.get("paperId"))
    url = ""
    if identifiers.is_doi(doi) and not identifiers.names_preprint(doi):
        url = f"https://doi.org/{doi}"
    elif arxiv:
        url = f"https://arxiv.org/abs/{quote(arxiv, safe='./')}"
    elif _PAPER_ID.fullmatch(paper):
        url = f"https://www.semanticscholar.org/paper/{paper}"
    return Record(
        SOURCE,
        text(item.get("title")),
        tuple(n for n in names if n),
        venue,
        year(item.get("year")),
        url,
        arxiv,
    )


def parse_batch(data: bytes, ids: Sequence[str]) -> dict[str, Record] | Failure:
    """Records by arXiv id; an id the answer does not describe (null, or another id in its
    place) is absent."""
    items = load_json(data, SOURCE)
    if isinstance(items, Failure):
        return items
    if not isinstance(items, list):
        return Failure(Reason.MALFORMED_RESPONSE, "the Semantic Scholar batch answer is not a list")
    found: dict[str, Record] = {}
    for wanted, item in zip(ids, items, strict=False):
        paper = record(item)
        if paper is not None and paper.arxiv_id.lower() == wanted.lower():
            found[wanted] = paper
    return found


def parse_match(data: bytes) -> list[Record] | Failure:
    document = load_json(data, SOURCE)
    if isinstance(document, Failure):
        return document
    items = document.get("data") if isinstance(document, dict) else None
    if not isinstance(items, list):
        detail = "the Semantic Scholar match answer has no data list"
        return Failure(Reason.MALFORMED_RESPONSE, detail)
    return [r for r in map(record, items[:10]) if r is not None]


async def batch(
    services: Services, base: str, ids: Sequence[str], *, key: str | None
) -> dict[str, Record] | Failure:
    """One request for up to 500 arXiv ids."""
    url = f"{base.rstrip('/')}/paper/batch?{urlencode({'fields': FIELDS})}"
    body = json.dumps({"ids": [f"ARXIV:{i}" for i in ids[:BATCH]]}).encode()
    headers = {"Content-Type": "application/json", **_headers(key)}
    answer = await services.fetch(url, headers, MAX_JSON, content=body)
    if isinstance(answer, Failure):
        return answer
    if answer.status != 200:
        return _status_failure(answer.status, SOURCE)
    return parse_batch(answer.body, ids[:BATCH])


async def match(
    services: Services, base: str, title: str, *, key: str | None
) -> list[Record] | Failure:
    """The papers Semantic Scholar matches to a title (none: an empty list)."""
    query = urlencode({"query": title[:300], "fields": FIELDS})
    answer = await services.fetch(
        f"{base.rstrip('/')}/paper/search/match?{query}", _headers(key), MAX_JSON
    )
    if isinstance(answer, Failure):
        return answer
    if answer.status == 404:  # "Title match not found"
        return []
    if answer.status != 200:
        return _status_failure(answer.status, SOURCE)
    return parse_match(answer.body)
