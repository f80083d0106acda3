"""One hop of a link's check: the host's gate and a global slot, HEAD or a capped GET on
the wire (`net.fetch.Wire.send`), and (for HTML) a prefix of the body.

A request holds a slot of the global limit and of its host's gate (`gate.HostGate`: a few
in flight, an optional minimum interval, pauses the host asks for) only while it is on the
wire. Exceptions pass through: `failures.classify` names them.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from readme_gen.links import policy
from readme_gen.links.gate import HostGate
from readme_gen.links.settings import CheckSettings
from readme_gen.net import failures
from readme_gen.net.cookies import CookieChain
from readme_gen.net.fetch import Body, Headers, Hop, Wire
from readme_gen.net.reasons import Reason
from readme_gen.net.urls import host_of

GITHUB_HOSTS = frozenset({"github.com", "api.github.com"})


def gets_token(url: str) -> bool:
    """Whether a request to `url` may carry GITHUB_TOKEN: a GitHub host, over TLS, on the
    default port. Never over plain HTTP, where anyone on the path reads it."""
    if host_of(url) not in GITHUB_HOSTS:
        return False
    try:
        parts = urlsplit(url)
        return parts.scheme == "https" and parts.port in (None, 443)
    except ValueError:
        return False


class Client:
    def __init__(self, settings: CheckSettings, wire: Wire) -> None:
        self.settings = settings
        self.wire = wire
        self._in_flight = asyncio.Semaphore(settings.concurrency)
        self._gates: dict[str, HostGate] = {}
        self._headers = Headers(
            {
                "User-Agent": settings.user_agent,
                "Accept-Encoding": "identity",
                "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
            }
        )
        self._page = Body(settings.max_body, b"</head>", prefix=True)

    def gate(self, host: str) -> HostGate:
        gate = self._gates.get(host)
        if gate is None:
            s = self.settings
            gate = self._gates[host] = HostGate(
                s.per_host, s.min_interval, self.wire.sleep, self.wire.clock
            )
        return gate

    async def hop(self, url: str, cookies: CookieChain, budget: float) -> Hop:
        """One request (two when a HEAD answer proves nothing or is malformed), within
        `budget` seconds of waiting for the network."""
        s = self.settings
        headers = self._headers
        if s.github_token and gets_token(url):
            headers = headers.copy()
            headers["Authorization"] = f"Bearer {s.github_token}"
        send = self.wire.send
        async with self.gate(host_of(url)), self._in_flight:  # the host first: never idle a slot
            if not s.verify_titles:
                try:
                    answer = await send("HEAD", url, headers, cookies, budget=budget)
                except Exception as exc:  # e.g. a body sent with the HEAD answer
                    if failures.classify(exc)[0] is not Reason.MALFORMED_RESPONSE:
                        raise
                else:
                    if answer.code not in policy.HEAD_UNRELIABLE:
                        return answer
            return await send("GET", url, headers, cookies, budget=budget, body=self._body)

    def _body(self, code: int, headers: dict[str, str]) -> Body | None:
        """A page's start, for its title and meta tags: only of an HTML success."""
        if self.settings.verify_titles and code < 300 and "html" in headers.get("content-type", ""):
            return self._page
        return None


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
