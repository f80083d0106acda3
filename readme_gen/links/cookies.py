"""Cookies within one redirect chain, and nowhere else."""

from __future__ import annotations

import httpx


class CookieChain:
    """Cookies set along one attempt's redirect chain, sent on its later hops only.

    Some publishers (Springer, among others) redirect a first visit through a cookie check
    and back: without the cookie that looks like a redirect loop, a false "broken". The
    cookies live and die with one attempt: none is carried to another link or a retry.
    Made only when a response sets one (most chains never do)."""

    __slots__ = ("_jar",)

    def __init__(self) -> None:
        self._jar: httpx.Cookies | None = None

    def add_to(self, request: httpx.Request) -> None:
        if self._jar is not None:
            self._jar.set_cookie_header(request)

    def take_from(self, response: httpx.Response) -> None:
        if self._jar is None:
            self._jar = httpx.Cookies()
        self._jar.extract_cookies(response)

    def state(self) -> frozenset[tuple[str, str, str, str | None]]:
        """What a revisit would send: a URL seen again with other cookies is no loop."""
        if self._jar is None:
            return frozenset()
        return frozenset((c.domain, c.path, c.name, c.value) for c in self._jar.jar)
