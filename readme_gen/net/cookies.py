"""Cookies within one redirect chain, and nowhere else."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx


class CookieChain:
    """Cookies set along one attempt's redirect chain, sent on its later hops only.

    Some publishers (Springer, among others) redirect a first visit through a cookie check
    and back: without the cookie that looks like a redirect loop, a false "broken". The
    cookies live and die with one attempt: none is carried to another link or a retry.
    Made only when a response sets one (most chains never do), so httpx's cookie jar is
    imported, and its request and response objects built, only then."""

    __slots__ = ("_jar",)

    def __init__(self) -> None:
        self._jar: httpx.Cookies | None = None

    def header(self, url: str) -> str | None:
        """The Cookie header a request to `url` carries, if any."""
        if self._jar is None:
            return None
        import httpx

        request = httpx.Request("GET", url)
        self._jar.set_cookie_header(request)
        found: str | None = request.headers.get("cookie")
        return found

    def take_from(self, url: str, code: int, raw: list[tuple[bytes, bytes]]) -> None:
        """Remember what an answer from `url` (its status and raw headers) sets."""
        import httpx

        if self._jar is None:
            self._jar = httpx.Cookies()
        self._jar.extract_cookies(
            httpx.Response(code, headers=raw, request=httpx.Request("GET", url))
        )

    def state(self) -> frozenset[tuple[str, str, str, str | None]]:
        """What a revisit would send: a URL seen again with other cookies is no loop."""
        if self._jar is None:
            return frozenset()
        return frozenset((c.domain, c.path, c.name, c.value) for c in self._jar.jar)
