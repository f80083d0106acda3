"""The one fetch path of the link checker and the metadata services: vet a URL, send,
follow redirects hop by hop (each hop vetted again), classify what went wrong, and try
again by one tenacity policy.

`Wire.send` is one request on the wire, its body read raw and bounded; `Wire.follow` one
attempt (a request and its redirects) within a time budget, ending in a `Reply`, never an
exception; `Wire.retrying` the attempts after a first failure, as many as its reason earns
(`retry.retry_limit`), spaced by the server's Retry-After or a jittered backoff, all
within a deadline. What an answer means (a link's status, a service's failure) is the
caller's.
"""

from __future__ import annotations

import asyncio
import random
import time
import zlib
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

import httpx

from readme_gen.net import failures, retry, urls
from readme_gen.net.cookies import CookieChain
from readme_gen.net.reasons import Reason
from readme_gen.net.resolver import Resolver
from readme_gen.net.settings import WireSettings
from readme_gen.net.transport import AiohttpTransport

if TYPE_CHECKING:
    from tenacity import RetryCallState

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]
# A request's headers: built once per client and reused (see Wire.send).
Headers = httpx.Headers
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Body:
    """How much of an answer's body to read: at most `limit` bytes; with `stop`, no further
    than the chunk holding it (`</head>`) unless the body is known to fit. Without
    `prefix`, only a whole body will do: one declared longer is not read at all."""

    limit: int
    stop: bytes | None = None
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Hop:
    """One answer: status, headers (names lower-cased, the last of a repeated name), and
    what was read of the body (raw: as the server sent it)."""

    code: int
    headers: dict[str, str]
    body: bytes | None = None
    over: bool = False  # the body was longer than the limit (`body` holds its start)


@dataclass(frozen=True, slots=True)
class Reply:
    """How one attempt ended: the final answer (`code`, any status but a followed
    redirect), or why there was none (`reason`)."""

    url: str  # the last URL asked
    redirects: tuple[tuple[int, str], ...] = ()
    code: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes | None = None
    over: bool = False
    reason: Reason | None = None
    detail: str = ""


Send = Callable[[str, CookieChain, float], Awaitable[Hop]]
"""One hop: the URL, the chain's cookies, the seconds left."""


class Wire:
    """One session, one resolver (vetted addresses, pinned for the connection), shared by
    every request of a run; `sleep`, `clock` and `jitter` are injected for tests."""

    def __init__(
        self,
        settings: WireSettings,
        *,
        limit: int,
        per_host: int,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
        jitter: Callable[[], float] | None = None,
    ) -> None:
        self.settings = settings
        self.resolver = Resolver(allow_private=settings.allow_private)
        self.sleep = sleep
        self.clock = clock
        self._jitter = jitter or random.Random().random
        self._limit, self._per_host = limit, per_host
        self._transport: AiohttpTransport | None = None

    async def aclose(self) -> None:
        if self._transport is not None:
            await self._transport.aclose()
            self._transport = None

    # -- one request -------------------------------------------------------------------
    async def send(
        self,
        method: str,
        url: str,
        headers: Headers,
        cookies: CookieChain,
        *,
        budget: float,
        body: Callable[[int, dict[str, str]], Body | None] | None = None,
        content: bytes | None = None,
    ) -> Hop:
        """One request; `body` says, from the status and headers, how much of the body to
        read (None: none). `headers` are built once by the caller and copied only to add a
        cookie: httpx would encode a dict's headers anew for every request (~35 µs each).
        Exceptions pass through: `failures.classify` names them."""
        transport = self._transport or self._open()
        cookie = cookies.header(url)
        if cookie is not None:  # bytes as they were set, beside the others as encoded
            headers = Headers([*headers.raw, (b"Cookie", cookie)])
        connect = min(self.settings.connect_timeout, budget)
        timeout = {"connect": connect, "read": budget, "write": budget, "pool": budget}
        request = httpx.Request(
            method, url, headers=headers, content=content, extensions={"timeout": timeout}
        )
        response = await transport.handle_async_request(request)
        try:
            raw = response.headers.raw
            # Decoded once, latin-1 as HTTP/1.1 allows; names lower-cased.
            found = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in raw}
            if "set-cookie" in found:
                cookies.take_from(url, response.status_code, raw)
            wanted = body(response.status_code, found) if body is not None else None
            if wanted is None:
                return Hop(response.status_code, found)
            data, over = await _read(response, wanted, found.get("content-length", ""))
            return Hop(response.status_code, found, data, over)
        finally:
            await response.aclose()

    def _open(self) -> AiohttpTransport:
        self._transport = AiohttpTransport(
            self.resolver.addresses, limit=self._limit, per_host=self._per_host
        )
        return self._transport

    # -- one attempt -------------------------------------------------------------------
    async def vet(self, url: str, unfetchable: Reason) -> Reply | None:
        """Refuse what must not be fetched: not a valid http(s) URL (`unfetchable`), a host
        that does not resolve, or one that resolves to a non-public address (unless
        allowed)."""
        where = urls.endpoint(url)
        if isinstance(where, str):
            return Reply(url, reason=unfetchable, detail=f"{url[:200]!r}: {where}")
        found = await self.resolver.vet(*where)
        if found.refusal is None:
            return None
        return Reply(url, reason=found.refusal, detail=found.detail)

    async def follow(self, url: str, send: Send, *, budget: float) -> Reply:
        """One request and its redirects, each hop vetted, within `budget` seconds."""
        redirects: list[tuple[int, str]] = []
        cookies = CookieChain()
        seen: set[tuple[str, frozenset[tuple[str, str, str, str | None]]]] | None = None
        current = url
        limit = asyncio.timeout(budget)
        try:
            async with limit:
                refusal = await self.vet(current, Reason.BAD_URL)
                for _ in range(self.settings.max_redirects + 1):
                    if refusal is not None:
                        return _with(refusal, redirects)
                    hop = await send(current, cookies, budget)
                    location = hop.headers.get("location")
                    if hop.code not in retry.REDIRECTS or not location:
                        return Reply(
                            current, tuple(redirects), hop.code, hop.headers, hop.body, hop.over
                        )
                    target, problem = urls.follow(current, location)  # any bytes: vet them
                    if problem is not None:
                        shown = repr(location[:200])
                        return Reply(
                            current,
                            tuple(redirects),
                            hop.code,
                            reason=Reason.BAD_REDIRECT,
                            detail=f"{Reason.BAD_REDIRECT.what}: {shown} ({problem})",
                        )
                    redirects.append((hop.code, target))
                    if seen is None:  # most links never redirect: no set for them
                        seen = {(url, frozenset())}
                    visit = (target, cookies.state())
                    if visit in seen:
                        return Reply(
                            target,
                            tuple(redirects),
                            hop.code,
                            reason=Reason.REDIRECT_LOOP,
                            detail=Reason.REDIRECT_LOOP.what,
                        )
                    seen.add(visit)
                    current = target
                    refusal = await self.vet(current, Reason.BAD_REDIRECT)
                detail = f"more than {self.settings.max_redirects} redirects"
                return Reply(
                    current, tuple(redirects), reason=Reason.TOO_MANY_REDIRECTS, detail=detail
                )
        except TimeoutError as exc:
            if not limit.expired():
                return _failed(current, redirects, exc)
            cut = " (the deadline)" if budget < self.settings.timeout else ""
            detail = f"timed out after {budget:.3g} s{cut}"
            return Reply(current, tuple(redirects), reason=Reason.TIMEOUT_READ, detail=detail)
        except Exception as exc:  # a transport failure, or an answer too broken to parse
            return _failed(current, redirects, exc)

    def budget(self, deadline: float) -> float:
        """One attempt's time limit: the timeout, or what is left of the deadline."""
        return max(0.001, min(self.settings.timeout, deadline - self.clock()))

    # -- attempts 2.. ------------------------------------------------------------------
    async def retrying(
        self,
        first: T,
        again: Callable[[], Awaitable[T]],
        *,
        earned: Callable[[T], int],
        wait: Callable[[T], float | None],
        deadline: float,
        pause: Sleep | None = None,
    ) -> tuple[T, int]:
        """Attempts after a `first` failure, driven by tenacity: as many as the latest
        failure `earned`, each after the server's `wait` or a jittered backoff, none
        started that could not end before `deadline`. The last outcome, and how many
        attempts it took."""
        from tenacity import AsyncRetrying, retry_if_result

        pending = [first]

        async def call() -> T:
            if pending:  # tenacity's first call replays the failure we already have
                return pending.pop()
            return await again()

        def stop(state: RetryCallState) -> bool:
            outcome: T = state.outcome.result() if state.outcome else first
            if state.attempt_number > earned(outcome):
                return True
            return self.clock() + state.upcoming_sleep >= deadline  # no time left to try

        def spacing(state: RetryCallState) -> float:
            outcome: T = state.outcome.result() if state.outcome else first
            asked = wait(outcome)
            if asked is not None:
                return asked
            s = self.settings
            return retry.backoff(
                state.attempt_number, base=s.backoff_base, cap=s.backoff_cap, jitter=self._jitter()
            )

        retrying = AsyncRetrying(
            stop=stop,
            wait=spacing,
            retry=retry_if_result(lambda outcome: earned(outcome) > 0),
            sleep=pause or self.sleep,
            retry_error_callback=lambda state: state.outcome.result() if state.outcome else first,
        )
        outcome: T = await retrying(call)
        return outcome, int(retrying.statistics.get("attempt_number", 1))


def _with(refusal: Reply, redirects: list[tuple[int, str]]) -> Reply:
    return Reply(refusal.url, tuple(redirects), reason=refusal.reason, detail=refusal.detail)


def _failed(url: str, redirects: list[tuple[int, str]], exc: BaseException) -> Reply:
    reason, detail = failures.classify(exc)
    if reason is Reason.BAD_URL and redirects:  # the URL a server redirected to
        reason = Reason.BAD_REDIRECT
    if reason in (Reason.BAD_URL, Reason.BAD_REDIRECT) and url not in detail:
        detail = f"{detail} ({url[:200]!r})"  # httpx's parser does not name the URL
    return Reply(url, tuple(redirects), reason=reason, detail=detail)


async def _read(response: httpx.Response, body: Body, length: str) -> tuple[bytes, bool]:
    """At most `body.limit` raw bytes, and whether there was more. A body of known length
    within the limit is read to its end, so that the connection can be reused."""
    declared = int(length) if length.isdigit() else None
    if declared is not None and declared > body.limit and not body.prefix:
        return b"", True
    whole = declared is not None and declared <= body.limit
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_raw():
        chunks.append(chunk)
        size += len(chunk)
        if size > body.limit:
            return b"".join(chunks)[: body.limit], True
        if body.stop is not None and not whole and body.stop in chunk.lower():
            break
    return b"".join(chunks), False


def decoded(data: bytes, encoding: str, limit: int) -> bytes | tuple[Reason, str]:
    """`data` undone of its Content-Encoding (gzip, deflate, each layer in turn), or why
    not: each layer is decompressed with a bound, so a small bomb stays small."""
    for layer in reversed([e.strip().lower() for e in encoding.split(",") if e.strip()]):
        if layer == "identity":
            continue
        if layer not in ("gzip", "x-gzip", "deflate"):
            return Reason.MALFORMED_RESPONSE, f"is in an unknown encoding {layer[:40]!r}"
        # 32 + 15: a zlib or gzip header, whichever it is; -15: raw deflate, a common
        # mistake for `deflate`.
        for wbits in (47, -15) if layer == "deflate" else (47,):
            unpack = zlib.decompressobj(wbits)
            try:
                out = unpack.decompress(data, limit + 1)
                break
            except zlib.error:
                continue
        else:
            return Reason.MALFORMED_RESPONSE, f"is not valid {layer}"
        if len(out) > limit or unpack.unconsumed_tail:
            return Reason.TOO_LARGE, f"is over {limit} bytes once decompressed"
        data = out
    return data
