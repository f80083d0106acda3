"""Checking URLs concurrently: HEAD or a capped GET, manual redirects, retries, limits.

Distinct URLs are started as room frees up, hosts taking turns (`schedule.Feeder`). A
request holds a slot of the global limit and of its host's gate (`gate.HostGate`: a few in
flight, an optional minimum interval, pauses the host asks for) only while it is on the
wire; waits between retries hold nothing. Redirects are followed by hand so that every hop is
checked against the safety rules and the chain is kept. tenacity drives the retries:
exponential backoff with jitter, or the server's Retry-After when it gives one (up to a
cap; a longer demand makes the link `blocked`, not broken).
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import random
import socket
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import httpx

if TYPE_CHECKING:
    from tenacity import RetryCallState

from readme_gen.links import policy
from readme_gen.links.cookies import CookieChain
from readme_gen.links.gate import Clock, HostGate, Sleep
from readme_gen.links.results import Result, Status, Target, Use
from readme_gen.links.schedule import Feeder
from readme_gen.links.settings import CheckSettings
from readme_gen.links.titles import can_name_a_paper, parse_meta, same_paper
from readme_gen.links.transport import Address, loop_factory, open_transport

GITHUB_HOSTS = frozenset({"github.com", "api.github.com"})


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one attempt (a request and its redirects) ended with."""

    status: Status
    code: int | None = None
    final_url: str | None = None
    redirects: tuple[tuple[int, str], ...] = ()
    detail: str = ""
    retry: bool = False
    wait: float | None = None  # the server's Retry-After, when it gave one
    page: str | None = None  # a capped prefix of an HTML body


class Checker:
    def __init__(
        self,
        settings: CheckSettings,
        *,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
    ) -> None:
        self.settings = settings
        self.sleep = sleep
        self.clock = clock
        self._in_flight = asyncio.Semaphore(settings.concurrency)
        self._gates: dict[str, HostGate] = {}
        self._transport: httpx.AsyncBaseTransport | None = None
        self._headers = {
            "User-Agent": settings.user_agent,
            "Accept-Encoding": "identity",
            "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
        }
        self._timeouts = {
            "connect": settings.connect_timeout,
            "read": settings.timeout,
            "write": settings.timeout,
            "pool": settings.timeout,
        }
        # (host, port) -> why it must not be fetched (None: it may) and the addresses
        # judged; connections go to those very addresses (see transport.open_transport).
        self._addresses: dict[tuple[str, int], asyncio.Task[tuple[str | None, list[Address]]]] = {}
        self._random = random.Random()

    async def check(
        self, targets: Sequence[Target], on_result: Callable[[Result], None] | None = None
    ) -> list[Result]:
        """One result per target, in the targets' order.

        Targets are started as room frees up (see `schedule.Feeder`), never all at once:
        the first request goes out at once and memory does not grow with the catalog."""
        s = self.settings
        feeder = Feeder(
            enumerate(targets),
            lambda item: _host(item[1].url),
            per_key=s.per_host,
            total=s.concurrency,
        )
        results: list[Result | None] = [None] * len(targets)

        async def run(host: str, index: int, target: Target) -> None:
            async def pause(seconds: float) -> None:  # a retry delay makes room for others
                feeder.park(host)
                start()
                try:
                    await self.sleep(seconds)
                finally:
                    feeder.resume(host)

            try:
                result = await self.check_one(target, pause=pause)
            finally:
                feeder.finish(host)
            results[index] = result
            if on_result is not None:
                on_result(result)
            start()

        def start() -> None:
            while (taken := feeder.take()) is not None:
                host, (index, target) = taken
                group.create_task(run(host, index, target))

        try:
            async with asyncio.TaskGroup() as group:
                start()
        finally:
            await self.aclose()
        return [r for r in results if r is not None]

    async def aclose(self) -> None:
        if self._transport is not None:
            await self._transport.aclose()
            self._transport = None

    async def check_one(self, target: Target, *, pause: Sleep | None = None) -> Result:
        started = time.perf_counter()
        if any(p.search(target.url) for p in self.settings.exclude):
            return Result(
                target.url, Status.EXCLUDED, target.uses, detail="excluded by configuration"
            )
        outcome = await self.attempt(target.url)
        attempts = 1
        if outcome.retry and self.settings.retries:
            outcome, attempts = await self._retry(target.url, outcome, pause or self.sleep)
        if outcome.retry:  # retries exhausted: what was transient is now the verdict
            detail = f"{outcome.detail} (after {attempts} attempts)"
            outcome = replace(outcome, retry=False, detail=detail)
        return self._result(
            target, outcome, attempts, round((time.perf_counter() - started) * 1000)
        )

    async def _retry(self, url: str, first: Outcome, pause: Sleep) -> tuple[Outcome, int]:
        """Attempts 2..retries+1, driven by tenacity after a first transient failure (healthy
        links, the vast majority, never pay for the retry machinery)."""
        pending = [first]

        async def again() -> Outcome:
            if pending:  # tenacity's first call replays the failure we already have
                return pending.pop()
            return await self.attempt(url)

        from tenacity import AsyncRetrying, retry_if_result, stop_after_attempt

        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.settings.retries + 1),
            wait=self._wait,
            retry=retry_if_result(lambda outcome: outcome.retry),
            sleep=pause,
            retry_error_callback=lambda state: state.outcome.result() if state.outcome else None,
        )
        outcome: Outcome = await retrying(again)
        return outcome, int(retrying.statistics.get("attempt_number", 1))

    def _wait(self, state: RetryCallState) -> float:
        outcome = state.outcome.result() if state.outcome else None
        if isinstance(outcome, Outcome) and outcome.wait is not None:
            return outcome.wait
        s = self.settings
        return policy.backoff(
            state.attempt_number,
            base=s.backoff_base,
            cap=s.backoff_cap,
            jitter=self._random.random(),
        )

    # -- one attempt -----------------------------------------------------------------
    async def attempt(self, url: str) -> Outcome:
        redirects: list[tuple[int, str]] = []
        cookies = CookieChain()
        seen = {(url, cookies.state())}
        current = url
        try:
            async with asyncio.timeout(self.settings.timeout):
                for _ in range(self.settings.max_redirects + 1):
                    refusal = await self.guard(current)
                    if refusal is not None:
                        return refusal
                    code, headers, page = await self.fetch(current, cookies)
                    location = headers.get("location")
                    if code in policy.REDIRECTS and location:
                        try:
                            target = urljoin(current, location.strip())
                        except ValueError as exc:  # e.g. an unclosed IPv6 bracket
                            detail = f"redirect to a URL that is not valid: {location} ({exc})"
                            return Outcome(Status.BROKEN, code, current, tuple(redirects), detail)
                        redirects.append((code, target))
                        visit = (target, cookies.state())
                        if visit in seen:
                            return Outcome(
                                Status.BROKEN, code, target, tuple(redirects), "redirect loop"
                            )
                        seen.add(visit)
                        current = target
                        continue
                    return self._final(code, headers, current, tuple(redirects), page)
                return Outcome(
                    Status.BROKEN,
                    None,
                    current,
                    tuple(redirects),
                    f"more than {self.settings.max_redirects} redirects",
                )
        except TimeoutError:
            timeout = f"timed out after {self.settings.timeout:g} s"
            return Outcome(Status.BROKEN, None, current, tuple(redirects), timeout, retry=True)
        except httpx.HTTPError as exc:
            return _transport_failure(exc, current, tuple(redirects))

    def _final(
        self,
        code: int,
        headers: dict[str, str],
        url: str,
        redirects: tuple[tuple[int, str], ...],
        page: str | None,
    ) -> Outcome:
        host = _host(url)
        for accept in self.settings.accept:
            if accept.host.search(host) and code in accept.statuses:
                return Outcome(
                    Status.OK,
                    code,
                    url,
                    redirects,
                    f"HTTP {code} accepted by configuration",
                    page=page,
                )
        if policy.retryable(code):
            wait = policy.retry_after(headers.get("retry-after"), now=time.time())
            gate = self._gates.get(host)
            if gate is not None and wait is not None and wait <= self.settings.retry_after_cap:
                # The host as a whole asked for air: its other links wait too. (A longer
                # demand makes the link blocked; stalling the whole run for it would not.)
                gate.pause(wait)
            if wait is not None and wait > self.settings.retry_after_cap:
                return Outcome(
                    Status.BLOCKED,
                    code,
                    url,
                    redirects,
                    f"HTTP {code}: rate-limited, asked to wait {wait:.0f} s "
                    f"(more than {self.settings.retry_after_cap:g} s)",
                )
            if not policy.is_cloudflare_challenge(code, headers):
                status, detail = policy.classify(code, headers)
                return Outcome(status, code, url, redirects, detail, retry=True, wait=wait)
        status, detail = policy.classify(code, headers)
        return Outcome(status, code, url, redirects, detail, page=page)

    async def guard(self, url: str) -> Outcome | None:
        """Refuse what must not be fetched: non-http(s), unresolvable or private hosts."""
        try:  # a redirect's Location is the server's word: it may be any text
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            return Outcome(Status.BROKEN, None, url, detail=f"not a valid URL: {url} ({exc})")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return Outcome(Status.BROKEN, None, url, detail=f"not an http(s) URL: {url}")
        reason, _ = await self._vet(parts.hostname, port)
        if reason is None:
            return None
        return Outcome(
            Status.BROKEN,
            None,
            url,
            detail=reason,
            retry=reason.startswith("DNS lookup failed temporarily"),
        )

    def _vet(self, host: str, port: int) -> asyncio.Task[tuple[str | None, list[Address]]]:
        """One lookup per host and port, shared by every link and hop that needs it."""
        host = host.lower()
        task = self._addresses.get((host, port))
        if task is None:
            task = self._addresses[(host, port)] = asyncio.ensure_future(self._resolve(host, port))
        return task

    async def vetted(self, host: str, port: int) -> list[Address]:
        """The addresses a connection to `host` may use: those the safety rules judged, never
        a second DNS answer that could differ (DNS rebinding)."""
        reason, addresses = await self._vet(host, port)
        if reason is not None:
            raise OSError(reason)
        return addresses

    async def _resolve(self, host: str, port: int) -> tuple[str | None, list[Address]]:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, port, type=socket.SOCK_STREAM
            )
        except socket.gaierror as exc:
            if exc.errno == socket.EAI_AGAIN:
                self._addresses.pop((host, port), None)
                return f"DNS lookup failed temporarily for {host}", []
            return f"DNS: {host} does not resolve ({exc.strerror})", []
        addresses = [
            (int(family), proto, str(sockaddr[0]), int(sockaddr[1]))
            for family, _, proto, _, sockaddr in infos
        ]
        if not self.settings.allow_private:
            for _, _, ip, _ in addresses:
                address = ipaddress.ip_address(ip.split("%")[0])
                if not address.is_global:
                    return (
                        f"refused: {host} resolves to the non-public address {address} "
                        "(--allow-private allows it)"
                    ), []
        return None, addresses

    async def fetch(self, url: str, cookies: CookieChain) -> tuple[int, dict[str, str], str | None]:
        """One request (two when HEAD proves nothing): status, headers, HTML prefix."""
        s = self.settings
        host = _host(url)
        gate = self._gates.get(host)
        if gate is None:
            gate = self._gates[host] = HostGate(s.per_host, s.min_interval, self.sleep, self.clock)
        transport = self._transport or self._open()
        headers = dict(self._headers)
        if s.github_token and host in GITHUB_HOSTS:
            headers["Authorization"] = f"Bearer {s.github_token}"
        method = "GET" if s.verify_titles else "HEAD"
        async with gate, self._in_flight:  # the host's turn first: never idle a global slot
            code, response_headers, page = await self._send(
                transport, method, url, headers, cookies
            )
            if method == "HEAD" and code in policy.HEAD_UNRELIABLE:
                code, response_headers, page = await self._send(
                    transport, "GET", url, headers, cookies
                )
        return code, response_headers, page

    async def _send(
        self,
        transport: httpx.AsyncBaseTransport,
        method: str,
        url: str,
        headers: dict[str, str],
        cookies: CookieChain,
    ) -> tuple[int, dict[str, str], str | None]:
        # Straight to httpx's transport API: an AsyncClient's cookie jar, auth, redirects
        # and event hooks would cost a third of the time per request and none of them is
        # wanted (cookies live in one redirect chain; redirects are followed hop by hop).
        request = httpx.Request(
            method, url, headers=headers, extensions={"timeout": self._timeouts}
        )
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
                page = await self._read_prefix(response, _charset(content_type), whole=small)
            return response.status_code, found, page
        finally:
            await response.aclose()

    async def _read_prefix(self, response: httpx.Response, charset: str, *, whole: bool) -> str:
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
        data = b"".join(chunks)[:limit]
        try:
            return data.decode(charset, errors="replace")
        except LookupError:  # an unknown charset name
            return data.decode("utf-8", errors="replace")

    def _open(self) -> httpx.AsyncBaseTransport:
        self._transport = open_transport(self.settings, self.vetted)
        return self._transport

    # -- verdict ---------------------------------------------------------------------
    def _result(self, target: Target, outcome: Outcome, attempts: int, elapsed_ms: int) -> Result:
        status, detail, title_found = outcome.status, outcome.detail, None
        if status is Status.OK:
            page = outcome.page if self.settings.verify_titles else None
            found = parse_meta(page).best_title if page else None
            wrong: list[Use] = []
            if found is not None:
                source, title_found = found
                if can_name_a_paper(title_found, source=source):
                    wrong = [
                        u
                        for u in target.uses
                        if not same_paper(u.title, title_found, source=source)
                    ]
            moved = policy.moved_to(outcome.redirects)
            if wrong:
                status, detail = Status.MISMATCH, _mismatch(wrong, title_found or "")
            elif moved is not None:
                status, detail = Status.MOVED, f"moved permanently to {moved}"
        return Result(
            url=target.url,
            status=status,
            uses=target.uses,
            http_status=outcome.code,
            final_url=outcome.final_url,
            redirects=outcome.redirects,
            attempts=attempts,
            elapsed_ms=elapsed_ms,
            title_found=title_found,
            detail=detail,
        )


@functools.lru_cache(maxsize=4096)
def _host_of(netloc_url: str) -> str:
    return (urlsplit(netloc_url).hostname or "").lower()


def _host(url: str) -> str:
    """The lower-cased host of `url` (parsed once per scheme and authority)."""
    end = url.find("/", url.find("//") + 2)
    return _host_of(url if end < 0 else url[:end])


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return "utf-8"


def _transport_failure(
    exc: httpx.HTTPError, url: str, redirects: tuple[tuple[int, str], ...]
) -> Outcome:
    """A request that got no answer: TLS errors are final; the rest may pass on retry."""
    if _is_tls(exc):
        return Outcome(Status.BROKEN, None, url, redirects, f"TLS error: {_short(_root(exc))}")
    if isinstance(exc, httpx.TimeoutException):
        return Outcome(Status.BROKEN, None, url, redirects, "timed out", retry=True)
    if isinstance(exc, httpx.ConnectError):
        detail = f"connection failed: {_short(exc)}"
    elif isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        detail = f"connection reset: {_short(exc)}"
    else:
        detail = _short(exc)
    return Outcome(Status.BROKEN, None, url, redirects, detail, retry=True)


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _root(exc: BaseException) -> BaseException:
    return _chain(exc)[-1]


def _is_tls(exc: BaseException) -> bool:
    names = ("SSL", "Certificate")
    return any(
        isinstance(e, ssl.SSLError) or any(n in type(e).__name__ for n in names)
        for e in _chain(exc)
    )


def _mismatch(wrong: list[Use], found: str) -> str:
    names = "; ".join(f'"{u.title}" (line {u.line})' for u in wrong)
    return f'this link points to another paper: "{found}", not {names}'


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:200]


def run_check(
    targets: Sequence[Target],
    settings: CheckSettings,
    *,
    on_result: Callable[[Result], None] | None = None,
    sleep: Sleep | None = None,
    clock: Clock | None = None,
) -> list[Result]:
    """Check `targets` on a fresh event loop. `sleep` and `clock` are for tests: waits that
    take no time, on a clock that they move."""

    async def main() -> list[Result]:
        checker = Checker(settings, sleep=sleep or asyncio.sleep, clock=clock or time.monotonic)
        return await checker.check(targets, on_result)

    with asyncio.Runner(loop_factory=loop_factory()) as runner:
        return runner.run(main())


def fetch_page(url: str, settings: CheckSettings) -> Outcome:
    """One landing page through the checker's client and safety rules (redirects followed,
    body capped): its outcome, with `page` holding the HTML prefix when it was HTML."""

    async def main() -> Outcome:
        checker = Checker(replace(settings, verify_titles=True))
        try:
            return await checker.attempt(url)
        finally:
            await checker.aclose()

    with asyncio.Runner(loop_factory=loop_factory()) as runner:
        return runner.run(main())
