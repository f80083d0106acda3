"""Cookies within one redirect chain, and nowhere else."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

# The bytes of a cookie are kept as they came: each byte one code point (latin-1), from
# the Set-Cookie header to the Cookie header, so none is re-encoded on the way.
_BYTES = "latin-1"
# RFC 6265bis 5.6: a cookie whose name or value holds a control character other than a
# tab is ignored entirely, and so is one whose name and value pass 4,096 bytes (what
# browsers do).
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")
MAX_COOKIE = 4096


def _kept(name: str, value: str | None) -> bool:
    """Whether a browser would keep the cookie and this wire can send it back as it came:
    no control character, at most MAX_COOKIE bytes, and bytes that are UTF-8 (ASCII or
    UTF-8 text: what servers send). aiohttp writes a header as UTF-8 text, so other bytes
    (a lone latin-1 0xE9) cannot go back byte for byte: such a cookie is not sent at all
    rather than sent altered."""
    both = name + (value or "")
    if len(both) > MAX_COOKIE or _CONTROL.search(both):
        return False
    try:
        both.encode(_BYTES).decode("utf-8")
    except UnicodeError:
        return False
    return True


class CookieChain:
    """Cookies set along one attempt's redirect chain, sent on its later hops only.

    Some publishers (Springer, among others) redirect a first visit through a cookie check
    and back: without the cookie that looks like a redirect loop, a false "broken". The
    cookies live and die with one attempt: none is carried to another link or a retry.
    Made only when a response sets one (most chains never do), so httpx's cookie jar is
    imported, and its request and response objects built, only then.

    A cookie goes back byte for byte as it was set, non-ASCII bytes included (as browsers
    and curl do; RFC 6265's cookie-octets are ASCII, servers send UTF-8 anyway); one a
    browser would ignore (`_kept`) is dropped when it is set."""

    __slots__ = ("_jar",)

    def __init__(self) -> None:
        self._jar: httpx.Cookies | None = None

    def header(self, url: str) -> bytes | None:
        """The Cookie header a request to `url` carries, if any: its bytes, as they were
        set (httpx would encode a text value as ASCII, and refuse any other)."""
        if self._jar is None:
            return None
        import httpx

        request = httpx.Request("GET", url)
        request.headers.encoding = _BYTES
        self._jar.set_cookie_header(request)
        for name, value in request.headers.raw:
            if name.lower() == b"cookie":
                return value
        return None

    def take_from(self, url: str, code: int, raw: list[tuple[bytes, bytes]]) -> None:
        """Remember what an answer from `url` (its status and raw headers) sets."""
        import httpx

        if self._jar is None:
            self._jar = httpx.Cookies()
        response = httpx.Response(code, headers=raw, request=httpx.Request("GET", url))
        response.headers.encoding = _BYTES  # not httpx's guess: UTF-8 if it decodes
        self._jar.extract_cookies(response)
        for cookie in list(self._jar.jar):
            if not _kept(cookie.name, cookie.value):
                self._jar.jar.clear(cookie.domain, cookie.path, cookie.name)

    def state(self) -> frozenset[tuple[str, str, str, str | None]]:
        """What a revisit would send: a URL seen again with other cookies is no loop."""
        if self._jar is None:
            return frozenset()
        return frozenset((c.domain, c.path, c.name, c.value) for c in self._jar.jar)
