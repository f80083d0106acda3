"""How requests travel: httpx's client API over aiohttp's HTTP engine, on uvloop where it
is installed.

Requests and answers are httpx's (`httpx.Request`, `httpx.Response`), carried by
`AiohttpTransport`, an httpx transport over one aiohttp session: aiohttp's engine sends
about twice the requests per second of httpx's own transport on one core
(scripts/bench_links.py). The wire (net/fetch) calls the transport itself, not through
`httpx.AsyncClient.send`: redirects, cookies, retries and body decoding are the wire's own,
and the client parses a redirect's Location even when told not to follow it, raising on
the hostile ones the wire must vet and report (`bad-redirect`)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from readme_gen.net.resolver import Address

MAX_HEADER_LINE = 64 * 1024
MAX_HEADERS = 1024
if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    import aiohttp

Lookup = Callable[[str, int], Awaitable[list[Address]]]
T = TypeVar("T")


def open_session(lookup: Lookup, *, limit: int, per_host: int) -> aiohttp.ClientSession:
    """aiohttp's HTTP engine: on one core it sends about twice the requests per second of
    httpx's own transport (scripts/bench_links.py). One session for every host (the
    checker's gates hold the limits; the connector's are a backstop). It stores no cookie,
    so none is carried from one link to another."""
    import aiohttp
    from aiohttp.abc import AbstractResolver, ResolveResult

    class Vetted(AbstractResolver):
        """Hostnames resolve to the addresses `lookup` vetted: the safety rules judge the
        very addresses connected to, not an earlier DNS answer (DNS rebinding). IP
        literals never reach a resolver; the checker judges those itself."""

        async def resolve(
            self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
        ) -> list[ResolveResult]:
            numeric = socket.AI_NUMERICHOST | socket.AI_NUMERICSERV
            return [
                ResolveResult(hostname=host, host=ip, port=p, family=f, proto=proto, flags=numeric)
                for f, proto, ip, p in await lookup(host, port)
                if not family or f == family
            ]

        async def close(self) -> None:
            pass

    connector = aiohttp.TCPConnector(
        resolver=Vetted(),
        limit=limit,
        limit_per_host=per_host,
        keepalive_timeout=15,
        # aiohttp's default verifying context (the system's trust store), loaded once
        # when aiohttp is imported: a context of our own would load it again (~20 ms).
        ssl=True,
    )
    client = aiohttp.ClientSession(
        connector=connector,
        cookie_jar=aiohttp.DummyCookieJar(),
        trust_env=False,
        # Browsers accept header lines far longer than aiohttp's 8 KiB default (real
        # sites send large Content-Security-Policy and Set-Cookie headers). Past these
        # bounds an answer is malformed: the link's verdict, not the run's end.
        max_line_size=MAX_HEADER_LINE,
        max_field_size=MAX_HEADER_LINE,
        max_headers=MAX_HEADERS,
    )
    # aiohttp silently resends an idempotent request once when the connection drops;
    # retries are tenacity's job, counted and spaced, so turn that off. There is no
    # public switch; tests/links count the requests a reset costs and catch a change.
    if hasattr(client, "_retry_connection"):
        client._retry_connection = False
    return client


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop where it is installed (Linux, macOS): it roughly halves the event loop's cost
    per request; the standard loop elsewhere."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def run(main: Coroutine[Any, Any, T]) -> T:
    """`main` run to its end on a fresh event loop (uvloop where installed).

    Its result travels outside the loop's main task. Leaving the run, `asyncio.Runner`
    puts back the SIGINT handler it replaced, a partial holding that task, and the signal
    module formats the handler into an error message it throws away; a task's repr holds
    its result's. A run's 2,000 link results were formatted twice for nothing (~25 ms
    each time, measured)."""
    box: list[T] = []

    async def held() -> None:
        box.append(await main)

    with asyncio.Runner(loop_factory=_loop_factory()) as runner:
        runner.run(held())
    return box[0]


# Headers httpx's request carries that aiohttp writes itself, from the URL and the body.
_OWN = frozenset({b"host", b"content-length", b"transfer-encoding"})


class _Body(httpx.AsyncByteStream):
    """An answer's body as aiohttp reads it: raw (not decompressed), chunk by chunk; closing
    it hands the connection back to the pool."""

    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self._response = response

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._response.content.iter_any()  # no generator of our own around it

    async def aclose(self) -> None:
        self._response.release()


class AiohttpTransport(httpx.AsyncBaseTransport):
    """httpx's transport API over one aiohttp session (opened on first use). aiohttp's
    exceptions pass through unwrapped, so `net.failures` reads their causes by type."""

    def __init__(self, lookup: Lookup, *, limit: int, per_host: int) -> None:
        self._lookup, self._limit, self._per_host = lookup, limit, per_host
        self._session: aiohttp.ClientSession | None = None
        self._timeouts: dict[tuple[float, float], aiohttp.ClientTimeout] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._session or self._start()
        headers = [(k, v) for k, v in request.headers.raw if k.lower() not in _OWN]
        response = await session.request(
            request.method,
            str(request.url),
            # aiohttp writes a header's text as UTF-8: handed the UTF-8 reading of the
            # bytes, it writes those very bytes (a cookie's non-ASCII ones, as they were
            # set). Bytes that are not UTF-8 cannot go out unaltered: they raise here
            # (net.cookies keeps no such cookie; the other headers are ASCII).
            headers=[(k.decode("latin-1"), v.decode("utf-8")) for k, v in headers],
            data=request.content or None,
            allow_redirects=False,
            auto_decompress=False,  # raw bytes, bounded by the reader: never a bomb
            timeout=self._timeout(request.extensions.get("timeout", {})),
        )
        return httpx.Response(
            response.status,
            headers=list(response.raw_headers),
            stream=_Body(response),
            request=request,
        )

    def _start(self) -> aiohttp.ClientSession:
        self._session = open_session(self._lookup, limit=self._limit, per_host=self._per_host)
        return self._session

    def _timeout(self, given: dict[str, float | None]) -> aiohttp.ClientTimeout:
        connect, read = given.get("connect") or 10.0, given.get("read") or 30.0
        timeout = self._timeouts.get((connect, read))
        if timeout is None:
            import aiohttp

            timeout = aiohttp.ClientTimeout(sock_connect=connect, sock_read=read, connect=read)
            if len(self._timeouts) < 64:  # budgets cut by a deadline are all different
                self._timeouts[(connect, read)] = timeout
        return timeout

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
