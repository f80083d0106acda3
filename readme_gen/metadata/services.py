"""Fetching from the arXiv API and DOI content negotiation, politely.

One request in flight per service; arXiv requests at least `arxiv_interval` (3 s, its API
terms) apart, 100 ids each. Every request goes the link checker's way, `net.fetch.Wire`:
each hop vetted (http(s) only, no private address unless allowed, connections to the very
addresses judged), the body read raw and bounded (and only then decompressed, with a
bound), failures classified, retried by the same rules (`net.retry`: 429 and 5xx honouring
`Retry-After` up to a cap, transient network failures), within the wire's timeout per
attempt and `link_deadline` per request, and within the budget `until` of the whole
phase. A failure's typed reason leads its detail (`[reset] connection reset: ...`). Every
failure is a typed `Failure`, never an exception.

`Services.get` is the one fetch path for any further service's client.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import quote, urlencode

from readme_gen import HOMEPAGE, __version__
from readme_gen.metadata import ARXIV_API_URL, DOI_URL, ENV_ARXIV, ENV_DOI
from readme_gen.metadata.arxiv import MAX_FEED, Entry, batches, parse_feed
from readme_gen.metadata.csl import MAX_CSL, Work, parse_csl
from readme_gen.metadata.failure import Failure, Reason
from readme_gen.net import retry
from readme_gen.net.cookies import CookieChain
from readme_gen.net.fetch import Body, Headers, Hop, Reply, Wire, decoded
from readme_gen.net.settings import WireSettings
from readme_gen.venues import DEFAULT_VENUE_ALIASES

CSL_JSON = "application/vnd.citationstyles.csl+json"
USER_AGENT = f"readme-gen/{__version__} (paper-list metadata check; +{HOMEPAGE})"
Sleep = Callable[[float], Awaitable[None]]
_REFUSED_ID = re.compile(rb"incorrect id format for ([^<\s]{1,64})")


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    arxiv_url: str = ARXIV_API_URL
    doi_url: str = DOI_URL
    user_agent: str = USER_AGENT
    arxiv_interval: float = 3.0
    wire: WireSettings = field(default_factory=WireSettings)
    """Timeouts, retries, redirects: the link checker's (`[tool.readme-gen.links]`)."""


def from_env(env: Mapping[str, str], base: ServiceSettings | None = None) -> ServiceSettings:
    """`base` with the services' URLs taken from READMEGEN_ARXIV_API_URL and
    READMEGEN_DOI_URL where they are set (as GITHUB_API_URL is for the audit)."""
    settings = base or ServiceSettings()
    return replace(
        settings,
        arxiv_url=env.get(ENV_ARXIV) or settings.arxiv_url,
        doi_url=env.get(ENV_DOI) or settings.doi_url,
    )


@dataclass(frozen=True, slots=True)
class Answer:
    """A service's answer: its status, its whole body (decompressed), the final URL."""

    status: int
    body: bytes
    url: str


class Services:
    """An async client for the services; `sleep` and `clock` are injected for tests;
    `until` (on `clock`) is the budget of everything asked of it: no request starts after
    it, and none runs past it."""

    def __init__(
        self,
        settings: ServiceSettings,
        *,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        until: float | None = None,
    ) -> None:
        self.settings = settings
        self._sleep = sleep
        self._clock = clock
        self._until = until
        # One request at a time per service: there is nothing to spread, so the backoff's
        # jitter sits in the middle and the waits are the plain doubling.
        self._wire = Wire(
            settings.wire, limit=2, per_host=1, sleep=sleep, clock=clock, jitter=lambda: 0.5
        )
        self._arxiv_lock = asyncio.Lock()
        self._doi_lock = asyncio.Lock()
        self._arxiv_last: float | None = None

    async def aclose(self) -> None:
        await self._wire.aclose()

    def out_of_time(self) -> bool:
        return self._until is not None and self._clock() >= self._until

    async def arxiv_batch(self, ids: list[str]) -> dict[str, Entry] | Failure:
        """One request for up to 100 ids; ids arXiv does not know are absent."""
        query = urlencode({"id_list": ",".join(ids), "max_results": str(len(ids))})
        async with self._arxiv_lock:
            if self._arxiv_last is not None:
                wait = self._arxiv_last + self.settings.arxiv_interval - self._clock()
                if wait > 0:
                    await self._sleep(wait)
            try:
                answer = await self.get(f"{self.settings.arxiv_url}?{query}", {}, MAX_FEED)
            finally:
                self._arxiv_last = self._clock()
        if isinstance(answer, Failure):
            return answer
        if answer.status == 400:  # arXiv's answer to a malformed id, an error feed
            named = _REFUSED_ID.search(answer.body)
            bad = named.group(1).decode("ascii", "replace") if named else ""
            if bad in ids:
                return Failure(Reason.BAD_INPUT, f"arXiv refused the id {bad} (HTTP 400)", (bad,))
            return Failure(Reason.BAD_INPUT, "arXiv refused an id in the batch (HTTP 400)")
        if answer.status != 200:
            return _status_failure(answer.status, "arXiv")
        return parse_feed(answer.body)

    async def arxiv(self, ids: Iterable[str]) -> tuple[dict[str, Entry], list[Failure]]:
        """Every batch in turn: the entries found, and why the others were not (each
        failure names its ids in `about`). A refused batch is asked again without the id
        arXiv names (halved when it names none); a batch still rate-limited after its
        retries, or the budget spent, ends the work: the rest would fare no better."""
        entries: dict[str, Entry] = {}
        failures: list[Failure] = []
        queue = list(batches(ids))
        while queue:
            batch = queue.pop(0)
            if self.out_of_time():
                rest = tuple(i for b in [batch, *queue] for i in b)
                failures.append(Failure(Reason.TIMEOUT_READ, "out of time", rest))
                break
            found = await self.arxiv_batch(batch)
            if not isinstance(found, Failure):
                entries.update(found)
            elif found.reason is Reason.BAD_INPUT and len(batch) > 1:
                if len(found.about) == 1:
                    failures.append(found)
                    queue.insert(0, [i for i in batch if i != found.about[0]])
                else:
                    half = len(batch) // 2
                    queue[:0] = [batch[:half], batch[half:]]
            elif found.reason is Reason.RATE_LIMITED:
                rest = tuple(i for b in [batch, *queue] for i in b)
                failures.append(replace(found, about=rest))
                break
            else:
                failures.append(replace(found, about=tuple(batch)))
        return entries, failures

    async def doi(
        self,
        doi: str,
        *,
        aliases: Mapping[str, tuple[str, ...]] = DEFAULT_VENUE_ALIASES,
        known: Iterable[str] = (),
    ) -> Work | Failure:
        """The CSL JSON record of a DOI, following doi.org's redirect to the registrar. The
        DOI asked for stays the work's: the record's own `DOI` field is the registrar's
        word, and may name another work."""
        url = self.settings.doi_url.rstrip("/") + "/" + quote(doi, safe="/:;()")
        async with self._doi_lock:
            answer = await self.get(url, {"Accept": CSL_JSON}, MAX_CSL)
        if isinstance(answer, Failure):
            return answer
        if answer.status != 200:
            return _status_failure(answer.status, f"doi.org for {doi}")
        work = parse_csl(answer.body, aliases=aliases, known=known)
        return work if isinstance(work, Failure) else replace(work, doi=doi)

    async def fetch(
        self, url: str, headers: dict[str, str], limit: int, *, content: bytes | None = None
    ) -> Answer | Failure:
        """For the other services' clients (Semantic Scholar, DBLP, the Wayback Machine):
        a POST of `content` when given, else a GET; the same wire, retries and bounds."""
        return await self.get(url, headers, limit, content=content)

    async def get(
        self, url: str, headers: dict[str, str], limit: int, *, content: bytes | None = None
    ) -> Answer | Failure:
        """A GET (a POST of `content`) on the wire, with its retries: the last answer (any
        status, its body whole and at most `limit` bytes) or why there was none."""
        s = self.settings.wire
        deadline = self._clock() + s.link_deadline
        if self._until is not None:
            deadline = min(deadline, self._until)
        if deadline <= self._clock():
            return Failure(Reason.TIMEOUT_READ, "[timeout-read] out of time: the budget is spent")
        sent = Headers(
            {"User-Agent": self.settings.user_agent, "Accept-Encoding": "identity", **headers}
        )
        body = Body(limit)

        async def hop(target: str, cookies: CookieChain, budget: float) -> Hop:
            return await self._wire.send(
                "GET" if content is None else "POST",
                target,
                sent,
                cookies,
                budget=budget,
                body=lambda code, found: body,
                content=content,
            )

        async def attempt() -> Reply:
            return await self._wire.follow(url, hop, budget=self._wire.budget(deadline))

        reply = await attempt()
        if self._earned(reply):
            reply, _ = await self._wire.retrying(
                reply, attempt, earned=self._earned, wait=_wait, deadline=deadline
            )
        return self._answer(reply, limit)

    def _earned(self, reply: Reply) -> int:
        retries = self.settings.wire.retries
        if reply.reason is not None:
            return retry.retry_limit(reply.reason, None, retries=retries)
        wait = _wait(reply)
        if reply.code is None or (wait is not None and wait > self.settings.wire.retry_after_cap):
            return 0
        return retry.retry_limit(Reason.HTTP_STATUS, reply.code, retries=retries)

    def _answer(self, reply: Reply, limit: int) -> Answer | Failure:
        if reply.reason is not None or reply.code is None:
            reason = reply.reason or Reason.INTERNAL_ERROR
            return Failure(reason, f"[{reason.value}] {reply.detail}")
        wait = _wait(reply)
        cap = self.settings.wire.retry_after_cap
        if retry.retryable(reply.code) and wait is not None and wait > cap:
            return Failure(
                Reason.RATE_LIMITED,
                f"HTTP {reply.code}: the service asks to wait {wait:.0f} s "
                f"(over the {cap:.0f} s cap)",
            )
        if reply.over:
            return Failure(Reason.TOO_LARGE, f"the answer from {reply.url} is over {limit} bytes")
        data = decoded(reply.body or b"", reply.headers.get("content-encoding", ""), limit)
        if isinstance(data, tuple):
            reason, problem = data
            return Failure(reason, f"the answer from {reply.url} {problem}")
        return Answer(reply.code, data, reply.url)


def _wait(reply: Reply) -> float | None:
    if reply.code is None or not retry.retryable(reply.code):
        return None
    return retry.retry_after(reply.headers.get("retry-after"), now=time.time())


def _status_failure(status: int, service: str) -> Failure:
    if status == 404:
        return Failure(Reason.NOT_FOUND, f"{service}: HTTP 404, not found")
    if status in (429, 503):
        return Failure(Reason.RATE_LIMITED, f"{service}: HTTP {status} after every retry")
    return Failure(Reason.HTTP_STATUS, f"{service}: HTTP {status}")
