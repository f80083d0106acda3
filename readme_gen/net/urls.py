"""URLs as the checker meets them: the host a URL names, and whether a URL (the catalog's,
or a server's Location header, which may be any bytes) can be fetched at all."""

from __future__ import annotations

import functools
import re
from urllib.parse import urljoin, urlsplit

# C0 controls, space and DEL: a browser strips them from the ends of a Location and
# refuses them inside a host; here any of them inside the URL makes it unfetchable.
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def _origin(url: str) -> str:
    """`url` up to the path: its scheme and authority (and, when it has no path, its query
    or fragment, which parse to the same host). What the host and port depend on."""
    end = url.find("/", url.find("//") + 2)
    return url if end < 0 else url[:end]


@functools.lru_cache(maxsize=4096)
def _host_of(origin: str) -> str:
    return (urlsplit(origin).hostname or "").lower()


def host_of(url: str) -> str:
    """The lower-cased host of `url` (parsed once per scheme and authority)."""
    return _host_of(_origin(url))


def endpoint(url: str) -> tuple[str, int] | str:
    """Where `url` would be fetched from, (host, port), or why it cannot be: it must be an
    http(s) URL with a host that encodes to DNS labels (IDNA, at most 63 octets each), a
    valid port and no control characters. Parsed once per scheme and authority (a
    catalog's links share a few dozen), for the safety rules and the address lookup
    alike."""
    if _CONTROL.search(url):
        return "it holds a control character or a space"
    return _endpoint(_origin(url))


@functools.lru_cache(maxsize=4096)
def _endpoint(origin: str) -> tuple[str, int] | str:
    try:
        parts = urlsplit(origin)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:  # e.g. an impossible port
        return str(exc)
    if parts.scheme not in ("http", "https"):
        return "not an http(s) URL"
    host = parts.hostname
    if not host:
        return "no host"
    # Anything else the HTTP client refuses to send is named when it refuses (a `bad-url`,
    # or a `bad-redirect` on a redirect's hop): parsing every URL twice would cost ~11 us
    # of each link's ~200.
    return _host_problem(host) or (host, port)


def problem(url: str) -> str | None:
    """Why `url` cannot be fetched, or None when it can (see `endpoint`)."""
    found = endpoint(url)
    return found if isinstance(found, str) else None


def _host_problem(host: str) -> str | None:
    if host.startswith("[") or ":" in host:  # an IPv6 literal: urlsplit checked it
        return None
    try:
        encoded = host.encode("idna") if not host.isascii() else host.encode("ascii")
    except UnicodeError:
        return f"the host {host!r} is not a valid internationalised domain name"
    labels = encoded.rstrip(b".").split(b".")
    if len(encoded) > 253 or any(len(label) > 63 or not label for label in labels):
        return "the host is not a valid domain name (a label is empty or over 63 octets)"
    return None


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
