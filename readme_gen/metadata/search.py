"""The search services a link check asks after the links themselves: Semantic Scholar,
DBLP, arXiv's search and the Wayback Machine, over the metadata services' wire
(`Services.fetch`: retries, 429 and Retry-After, redirects vetted, bodies bounded).

Each service is paced (one request in flight, `interval` seconds apart) and a run asks at
most `max_requests` of them in all, so a catalog of thousands costs a bounded number."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlencode

from readme_gen.metadata import DBLP_URL, S2_API_URL, WAYBACK_URL, dblp, scholar, wayback
from readme_gen.metadata.arxiv import MAX_FEED, parse_feed
from readme_gen.metadata.failure import Failure, Reason
from readme_gen.metadata.found import Record
from readme_gen.metadata.services import Services, ServiceSettings, _status_failure
from readme_gen.metadata.wayback import Snapshot
from readme_gen.text import normalise

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class SearchSettings:
    s2_url: str = S2_API_URL
    dblp_url: str = DBLP_URL
    wayback_url: str = WAYBACK_URL
    s2_key: str | None = field(default=None, repr=False)
    interval: float = 1.0  # Semantic Scholar's and DBLP's pace for unauthenticated clients
    max_requests: int = 50


class _Pace:
    """One request at a time, `interval` seconds apart."""

    def __init__(self, interval: float, sleep: Sleep, clock: Callable[[], float]) -> None:
        self._lock = asyncio.Lock()
        self._interval, self._sleep, self._clock = interval, sleep, clock
        self._last: float | None = None

    async def run(self, request: Awaitable[T]) -> T:
        async with self._lock:
            if self._last is not None:
                wait = self._last + self._interval - self._clock()
                if wait > 0:
                    await self._sleep(wait)
            try:
                return await request
            finally:
                self._last = self._clock()


class Searches:
    """The search services of one run; `requests` counts what was asked."""

    def __init__(
        self,
        services: Services,
        settings: SearchSettings,
        *,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.services, self.settings = services, settings
        self.requests = 0
        self._paces = {
            name: _Pace(settings.interval, sleep, clock) for name in ("s2", "dblp", "wb")
        }
        self._arxiv = _Pace(services.settings.arxiv_interval, sleep, clock)

    def has_budget(self, n: int = 1) -> bool:
        return self.requests + n <= self.settings.max_requests

    async def _ask(self, pace: _Pace, request: Callable[[], Awaitable[T]]) -> T | Failure:
        if not self.has_budget():
            return Failure(
                Reason.RATE_LIMITED, f"over this run's {self.settings.max_requests} searches"
            )
        self.requests += 1
        return await pace.run(request())

    async def scholar_batch(self, ids: Sequence[str]) -> dict[str, Record] | Failure:
        s = self.settings
        return await self._ask(
            self._paces["s2"], lambda: scholar.batch(self.services, s.s2_url, ids, key=s.s2_key)
        )

    async def scholar_match(self, title: str) -> list[Record] | Failure:
        s = self.settings
        return await self._ask(
            self._paces["s2"], lambda: scholar.match(self.services, s.s2_url, title, key=s.s2_key)
        )

    async def dblp(self, title: str) -> list[Record] | Failure:
        return await self._ask(
            self._paces["dblp"], lambda: dblp.search(self.services, self.settings.dblp_url, title)
        )

    async def snapshot(self, url: str) -> Snapshot | Failure | None:
        base = self.settings.wayback_url
        return await self._ask(self._paces["wb"], lambda: wayback.closest(self.services, base, url))

    async def arxiv_title(self, title: str) -> list[Record] | Failure:
        """arXiv's search for a title (`search_query=ti:"..."`), at arXiv's pace."""
        return await self._ask(self._arxiv, lambda: _arxiv_title(self.services, title))


async def _arxiv_title(services: Services, title: str) -> list[Record] | Failure:
    words = normalise(title)[:300]  # no quotes or operators of the query syntax survive
    query = urlencode({"search_query": f'ti:"{words}"', "max_results": "5"})
    answer = await services.fetch(f"{services.settings.arxiv_url}?{query}", {}, MAX_FEED)
    if isinstance(answer, Failure):
        return answer
    if answer.status != 200:
        return _status_failure(answer.status, "arXiv")
    entries = parse_feed(answer.body)
    if isinstance(entries, Failure):
        return entries
    return [
        Record(
            "arXiv",
            e.title,
            e.authors,
            "arXiv",
            e.year,
            f"https://arxiv.org/abs/{e.arxiv_id}",
            e.arxiv_id,
        )
        for e in entries.values()
    ]


def open_searches(
    service_settings: ServiceSettings,
    settings: SearchSettings,
    *,
    sleep: Sleep = asyncio.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Searches:
    return Searches(
        Services(service_settings, sleep=sleep, clock=clock), settings, sleep=sleep, clock=clock
    )
