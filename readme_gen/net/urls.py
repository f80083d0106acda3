"""URLs as the checker meets them: the host a URL names, and whether a URL (the catalog's,
or a server's Location header, which may be any bytes) can be fetched at all."""

from __future__ import annotations

import functools
import re
from urllib.parse import urljoin, urlsplit

from readme_gen.fetchable import endpoint, origin, problem

__all__ = ["endpoint", "follow", "host_of", "location_url", "problem"]


@functools.lru_cache(maxsize=4096)
def _host_of(origin: str) -> str:
    return (urlsplit(origin).hostname or "").lower()


def host_of(url: str) -> str:
    """The lower-cased host of `url` (parsed once per scheme and authority)."""
    return _host_of(origin(url))


def location_url(location: str) -> str:
    """A Location header's value as the URL the server meant. Header values are bytes and
    reach us decoded as Latin-1, so a raw UTF-8 `/café` arrives as `/cafÃ©`: its bytes are
    read as UTF-8 again, and outside the host (left for IDNA) every non-ASCII character is
    percent-encoded as its UTF-8 bytes, as browsers send it (`/caf%C3%A9`). Bytes that are
    not UTF-8 are percent-encoded as they came."""
    if location.isascii():
        return location
    try:
        text = location.encode("latin-1").decode("utf-8")
    except UnicodeEncodeError:  # already decoded text, not bytes read as Latin-1
        text = location
    except UnicodeDecodeError:
        return _percent(location.encode("latin-1"))
    authority = _AUTHORITY.match(text)
    host_end = authority.end() if authority else 0
    encoded = text[host_end:].encode("utf-8", errors="surrogatepass")
    return text[:host_end] + _percent(encoded)


# `scheme://host:port` or `//host:port` at the start of a URL reference.
_AUTHORITY = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*:)?//[^/?#]*")


def _percent(raw: bytes) -> str:
    return "".join(chr(b) if b < 0x80 else f"%{b:02X}" for b in raw)


def follow(base: str, location: str) -> tuple[str, str | None]:
    """The URL a redirect's Location leads to from `base`, and why it cannot be fetched
    (None when it can)."""
    location = location_url(location.strip(" \t\r\n"))
    try:
        target = urljoin(base, location)
    except ValueError as exc:  # e.g. an unclosed IPv6 bracket
        return location, str(exc)
    return target, problem(target)
