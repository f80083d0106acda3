"""Fetching from the arXiv API and DOI content negotiation, politely.

One request in flight per service; arXiv requests at least `arxiv_interval` (3 s, its API
terms) apart, 100 ids each; 429, 503 (and other 5xx) retried, honouring `Retry-After` up
to a cap; redirects followed by hand so that every hop is vetted by the link checker's own
rules (`net.urls`, `net.resolver`: http(s) only, no private address unless allowed,
and connections go to the very addresses judged, through the checker's transport). A
failure on the wire is named by `net.failures` (its typed reason leads the detail:
`[reset] connection reset: ...`). Every failure is a typed `Failure`, never an exception.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from urllib.parse import quote, urlencode

import httpx

from readme_gen import HOMEPAGE, __version__
from readme_gen.metadata import ARXIV_API_URL, DOI_URL, ENV_ARXIV, ENV_DOI
from readme_gen.metadata.arxiv import MAX_FEED, Entry, batches, parse_feed
from readme_gen.metadata.csl import MAX_CSL, Work, parse_csl
from readme_gen.metadata.failure import Failure, Reason
from readme_gen.net import failures, retry, urls
from readme_gen.net.reasons import Reason as Why
from readme_gen.net.resolver import Resolver
from readme_gen.net.transport import open_transport
from readme_gen.venues import DEFAULT_VENUE_ALIASES

CSL_JSON = "application/vnd.citationstyles.csl+json"
USER_AGENT = f"readme-gen/{__version__} (paper-list metadata check; +{HOMEPAGE})"
Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    arxiv_url: str = ARXIV_API_URL
    doi_url: str = DOI_URL
    user_agent: str = USER_AGENT
    arxiv_interval: float = 3.0
    timeout: float = 20.0
    retries: int = 3
    backoff_base: float = 1.0
    backoff_cap: float = 30.0
    retry_after_cap: float = 60.0
    max_redirects: int = 5
    allow_private: bool = False


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
class _Answer:
    status: int
    body: bytes
    url: str


class Services:
    """An async client for both services; `sleep` and `clock` are injected for tests."""

    def __init__(
        self,
        settings: ServiceSettings,
        *,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._sleep = sleep
        self._clock = clock
        self._resolver = Resolver(allow_private=settings.allow_private)
        self._client = httpx.AsyncClient(
            timeout=settings.timeout,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": settings.user_agent},
            transport=open_transport(self._resolver.addresses, limit=2, per_host=1),
        )
        self._arxiv_lock = asyncio.Lock()
        self._doi_lock = asyncio.Lock()
        self._arxiv_last: float | None = None

    async def aclose(self) -> None:
        await self._client.aclose()

    async def arxiv_batch(self, ids: list[str]) -> dict[str, Entry] | Failure:
        """One request for up to 100 ids; ids arXiv does not know are absent."""
        query = urlencode({"id_list": ",".join(ids), "max_results": str(len(ids))})
        async with self._arxiv_lock:
            if self._arxiv_last is not None:
                wait = self._arxiv_last + self.settings.arxiv_interval - self._clock()
                if wait > 0:
                    await self._sleep(wait)
            try:
                answer = await self._get(f"{self.settings.arxiv_url}?{query}", {}, MAX_FEED)
            finally:
                self._arxiv_last = self._clock()
        if isinstance(answer, Failure):
            return answer
        if answer.status == 400:  # arXiv's answer to a malformed id, an error feed
            return Failure(Reason.BAD_INPUT, "arXiv refused an id in the batch (HTTP 400)")
        if answer.status != 200:
            return _status_failure(answer.status, "arXiv")
        return parse_feed(answer.body)

    async def arxiv(self, ids: Iterable[str]) -> tuple[dict[str, Entry], list[Failure]]:
        """Every batch in turn: the entries found, and each failed batch's reason."""
        entries: dict[str, Entry] = {}
        failures: list[Failure] = []
        for batch in batches(ids):
            found = await self.arxiv_batch(batch)
            if isinstance(found, Failure):
                failures.append(found)
            else:
                entries.update(found)
        return entries, failures

    async def doi(
        self,
        doi: str,
        *,
        aliases: Mapping[str, tuple[str, ...]] = DEFAULT_VENUE_ALIASES,
        known: Iterable[str] = (),
    ) -> Work | Failure:
        """The CSL JSON record of a DOI, following doi.org's redirect to the registrar."""
        url = self.settings.doi_url.rstrip("/") + "/" + quote(doi, safe="/:;()")
        async with self._doi_lock:
            answer = await self._get(url, {"Accept": CSL_JSON}, MAX_CSL)
        if isinstance(answer, Failure):
            return answer
        if answer.status != 200:
            return _status_failure(answer.status, f"doi.org for {doi}")
        return parse_csl(answer.body, aliases=aliases, known=known)

    async def fetch(
        self, url: str, headers: dict[str, str], limit: int, *, content: bytes | None = None
    ) -> _Answer | Failure:
        """One request with the services' retries, redirects and bounds: a POST of
        `content` when given, else a GET (for the other services' clients: Semantic
        Scholar, DBLP, the Wayback Machine)."""
        return await self._get(url, headers, limit, content=content)

    async def _get(
        self, url: str, headers: dict[str, str], limit: int, *, content: bytes | None = None
    ) -> _Answer | Failure:
        """A GET (a POST of `content`) with retries; the last answer (any status) or why
        there was none."""
        attempt = 0
        while True:
            attempt += 1
            answer = await self._follow(url, headers, limit, content)
            if isinstance(answer, Failure):
                if answer.reason is not Reason.UNREACHABLE or attempt > self.settings.retries:
                    return answer
                await self._sleep(self._backoff(attempt))
                continue
            status, wait = answer[0].status, answer[1]
            if not retry.retryable(status) or attempt > self.settings.retries:
                return answer[0]
            if wait is not None and wait > self.settings.retry_after_cap:
                return Failure(
                    Reason.RATE_LIMITED,
                    f"HTTP {status}: the service asks to wait {wait:.0f} s "
                    f"(over the {self.settings.retry_after_cap:.0f} s cap)",
                )
            await self._sleep(wait if wait is not None else self._backoff(attempt))

    def _backoff(self, attempt: int) -> float:
        s = self.settings
        return retry.backoff(
            attempt, base=s.backoff_base, cap=s.backoff_cap, jitter=0.5
        )  # the middle: no spread

    async def _follow(
        self, url: str, headers: dict[str, str], limit: int, content: bytes | None = None
    ) -> tuple[_Answer, float | None] | Failure:
        """One request and its redirects, each hop vetted: the final answer and its
        Retry-After in seconds."""
        for _ in range(self.settings.max_redirects + 1):
            refused = await self._vet(url)
            if refused is not None:
                return refused
            try:
                method = "GET" if content is None else "POST"
                async with self._client.stream(
                    method, url, headers=headers, content=content
                ) as response:
                    if response.status_code in retry.REDIRECTS:
                        location = response.headers.get("location", "")
                        if not location:
                            return Failure(
                                Reason.HTTP_ERROR, f"HTTP {response.status_code} without a Location"
                            )
                        url, problem = urls.follow(url, location)  # the server's word: any text
                        if problem is not None:
                            shown = repr(location[:200])
                            return Failure(Reason.REFUSED, f"[bad-redirect] {shown}: {problem}")
                        continue
                    body = await _read(response, limit)
                    wait = retry.retry_after(response.headers.get("retry-after"), now=time.time())
            except Exception as exc:  # on the wire: named by the link checker's rules
                why, detail = failures.classify(exc)
                if why is Why.BAD_URL:  # httpx reads a redirect's Location as it arrives;
                    why = Why.BAD_REDIRECT  # the URL asked for passed `_vet`
                return Failure(_KINDS.get(why, Reason.UNREACHABLE), f"[{why.value}] {detail}")
            if body is None:
                return Failure(Reason.TOO_LARGE, f"the answer from {url} is over {limit} bytes")
            return _Answer(response.status_code, body, url), wait
        return Failure(Reason.REFUSED, f"more than {self.settings.max_redirects} redirects")

    async def _vet(self, url: str) -> Failure | None:
        """Refuse what the link checker refuses: not a fetchable http(s) URL, a host that
        does not resolve, or one that resolves to a non-public address (unless allowed)."""
        where = urls.endpoint(url)
        if isinstance(where, str):
            return Failure(Reason.REFUSED, f"[bad-url] {url[:200]!r}: {where}")
        verdict = await self._resolver.vet(*where)
        if verdict.refusal is None:
            return None
        kind = Reason.REFUSED if verdict.refusal is Why.PRIVATE_ADDRESS else Reason.UNREACHABLE
        return Failure(kind, f"[{verdict.refusal.value}] {verdict.detail}")


# What a failure on the wire means for the caller: only what may pass is retried.
_KINDS = {Why.MALFORMED_RESPONSE: Reason.MALFORMED, Why.BAD_REDIRECT: Reason.REFUSED}


async def _read(response: httpx.Response, limit: int) -> bytes | None:
    """The body, or None as soon as it is over `limit` bytes (read no further)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _status_failure(status: int, service: str) -> Failure:
    if status == 404:
        return Failure(Reason.NOT_FOUND, f"{service}: HTTP 404, not found")
    if status in (429, 503):
        return Failure(Reason.RATE_LIMITED, f"{service}: HTTP {status} after every retry")
    return Failure(Reason.HTTP_ERROR, f"{service}: HTTP {status}")
