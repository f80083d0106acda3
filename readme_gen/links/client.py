"""One request on the wire: the host's gate and a global slot, HEAD or a capped GET, the
response's status, headers and (for HTML) a prefix of its body.

A request holds a slot of the global limit and of its host's gate (`gate.HostGate`: a few
in flight, an optional minimum interval, pauses the host asks for) only while it is on the
wire. Exceptions pass through: `failures.classify` names them.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import httpx

from readme_gen.links import policy
from readme_gen.links.cookies import CookieChain
from readme_gen.links.gate import Clock, HostGate, Sleep
from readme_gen.links.settings import CheckSettings
from readme_gen.net import failures
from readme_gen.net.reasons import Reason
from readme_gen.net.resolver import Resolver
from readme_gen.net.transport import open_transport
from readme_gen.net.urls import host_of

GITHUB_HOSTS = frozenset({"github.com", "api.github.com"})


@dataclass(frozen=True, slots=True)
class Answer:
    """What a server answered: status, headers (names lower-cased), an HTML prefix."""

    code: int
    headers: dict[str, str]
    page: str | None = None


class Client:
    def __init__(
        self,
        settings: CheckSettings,
        resolver: Resolver,
        *,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
    ) -> None:
        self.settings = settings
        self._resolver = resolver
        self._sleep = sleep
        self._clock = clock
        self._in_flight = asyncio.Semaphore(settings.concurrency)
        self._gates: dict[str, HostGate] = {}
        self._transport: httpx.AsyncBaseTransport | None = None
        self._headers = {
            "User-Agent": settings.user_agent,
            "Accept-Encoding": "identity",
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
        }

    def gate(self, host: str) -> HostGate:
        gate = self._gates.get(host)
        if gate is None:
            s = self.settings
            gate = self._gates[host] = HostGate(
                s.per_host, s.min_interval, self._sleep, self._clock
            )
        return gate

    async def fetch(self, url: str, cookies: CookieChain, *, budget: float) -> Answer:
        """One request (two when a HEAD answer proves nothing or is malformed), within
        `budget` seconds of waiting for the network."""
        s = self.settings
        host = host_of(url)
        transport = self._transport or self._open()
        headers = dict(self._headers)
        if s.github_token and host in GITHUB_HOSTS:
            headers["Authorization"] = f"Bearer {s.github_token}"
        timeouts = {
            "connect": min(s.connect_timeout, budget),
            "read": budget,
            "write": budget,
            "pool": budget,
        }
        method = "GET" if s.verify_titles else "HEAD"
        async with self.gate(host), self._in_flight:  # the host first: never idle a slot
            if method == "HEAD":
                try:
                    answer = await self._send(transport, method, url, headers, timeouts, cookies)
                except Exception as exc:  # e.g. a body sent with the HEAD answer
                    if failures.classify(exc)[0] is not Reason.MALFORMED_RESPONSE:
                        raise
                else:
                    if answer.code not in policy.HEAD_UNRELIABLE:
                        return answer
            return await self._send(transport, "GET", url, headers, timeouts, cookies)

    async def _send(
        self,
        transport: httpx.AsyncBaseTransport,
        method: str,
        url: str,
        headers: dict[str, str],
        timeouts: dict[str, float],
        cookies: CookieChain,
    ) -> Answer:
        # Straight to httpx's transport API: an AsyncClient's cookie jar, auth, redirects
        # and event hooks would cost a third of the time per request and none of them is
        # wanted (cookies live in one redirect chain; redirects are followed hop by hop).
        request = httpx.Request(method, url, headers=headers, extensions={"timeout": timeouts})
        cookies.add_to(request)
        response = await transport.handle_async_request(request)
        try:
            # Decoded once: httpx.Headers decodes every header again on each lookup.
            found = {
                k.decode("latin-1").lower(): v.decode("latin-1") for k, v in response.headers.raw
            }
            if "set-cookie" in found:
                cookies.take_from(response)
            page = None
            content_type = found.get("content-type", "")
            if (
                method == "GET"
                and self.settings.verify_titles
                and "html" in content_type
                and response.status_code < 300
            ):
                length = found.get("content-length", "")
                small = length.isdigit() and int(length) <= self.settings.max_body
                page = await self._read_prefix(response, charset(content_type), whole=small)
            return Answer(response.status_code, found, page)
        finally:
            await response.aclose()

    async def _read_prefix(self, response: httpx.Response, encoding: str, *, whole: bool) -> str:
        """At most max_body bytes of the body: never a whole PDF, never an endless body.
        A small body of known length is read to its end (up to the cap) so that the
        connection can be reused; otherwise reading stops at `</head>`."""
        limit = self.settings.max_body
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_raw():
            chunks.append(chunk)
            size += len(chunk)
            if size >= limit or (not whole and b"</head>" in chunk.lower()):
                break
        return decode(b"".join(chunks)[:limit], encoding)

    def _open(self) -> httpx.AsyncBaseTransport:
        s = self.settings
        self._transport = open_transport(
            self._resolver.addresses, limit=s.concurrency, per_host=s.per_host
        )
        return self._transport

    async def aclose(self) -> None:
        if self._transport is not None:
            await self._transport.aclose()
            self._transport = None


def charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return "utf-8"


def decode(data: bytes, encoding: str) -> str:
    """`data` as text in the server's charset, or UTF-8 when that charset is unknown, not a
    text encoding, or cannot replace what it cannot decode (`idna`)."""
    try:
        return data.decode(encoding, errors="replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        return data.decode("utf-8", errors="replace")
