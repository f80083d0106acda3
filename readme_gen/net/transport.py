"""How requests travel: aiohttp's HTTP engine, on uvloop where it is installed.

The wire speaks to aiohttp's session directly. Through httpx's transport API (httpx-aiohttp)
each request was parsed and built twice, as an httpx.Request and then by aiohttp, and each
answer wrapped in an httpx.Response: a quarter of the CPU time of a run of 2,000 healthy
links (scripts/bench_links.py). httpx stays the GitHub API's client (publish/github)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from readme_gen.net.resolver import Address

MAX_HEADER_LINE = 64 * 1024
MAX_HEADERS = 1024
if TYPE_CHECKING:
    import aiohttp

Lookup = Callable[[str, int], Awaitable[list[Address]]]


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


def loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop where it is installed (Linux, macOS): it roughly halves the event loop's cost
    per request; the standard loop elsewhere."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop
