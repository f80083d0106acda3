"""The Wayback Machine's availability API (`/wayback/available?url=...`): the closest
snapshot of a page, `archived_snapshots.closest` with `available`, `url`, `timestamp`
and `status`, read as hostile JSON. Only an available snapshot that answered 200, at a
web.archive.org address, is taken."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from readme_gen.metadata.failure import Failure
from readme_gen.metadata.found import load_json, text
from readme_gen.metadata.services import Services, _status_failure

SOURCE = "the Wayback Machine"
MAX_ANSWER = 64 * 1024  # one snapshot's description is ~300 bytes
_SNAPSHOT = re.compile(r"https?://web\.archive\.org/web/\d{4,14}/\S+")


@dataclass(frozen=True, slots=True)
class Snapshot:
    url: str
    timestamp: str  # YYYYMMDDhhmmss


def parse_available(data: bytes) -> Snapshot | Failure | None:
    document = load_json(data, SOURCE, MAX_ANSWER)
    if isinstance(document, Failure):
        return document
    snapshots = document.get("archived_snapshots") if isinstance(document, dict) else None
    closest = snapshots.get("closest") if isinstance(snapshots, dict) else None
    if not isinstance(closest, dict) or closest.get("available") is not True:
        return None
    url, stamp = text(closest.get("url")), text(closest.get("timestamp"))
    if text(closest.get("status")) != "200" or not _SNAPSHOT.fullmatch(url):
        return None
    return Snapshot(url.replace("http://", "https://", 1), stamp if stamp.isdigit() else "")


async def closest(services: Services, base: str, url: str) -> Snapshot | Failure | None:
    answer = await services.fetch(f"{base}?{urlencode({'url': url[:2000]})}", {}, MAX_ANSWER)
    if isinstance(answer, Failure):
        return answer
    if answer.status != 200:
        return _status_failure(answer.status, SOURCE)
    return parse_available(answer.body)
