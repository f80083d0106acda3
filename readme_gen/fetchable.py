"""What a fetchable URL is: an http(s) URL with a host that encodes to DNS labels, a valid
port and no control characters. One rule for the catalog's validator (`build` and `lint`
refuse what `links` could not fetch) and for the wire (net/urls), so it lives at the top
of the package: the catalog layer does not import the network layer."""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

# C0 controls, space and DEL: a browser strips them from the ends of a Location and
# refuses them inside a host; here any of them inside the URL makes it unfetchable.
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def origin(url: str) -> str:
    """`url` up to the path: its scheme and authority (and, when it has no path, its query
    or fragment, which parse to the same host). What the host and port depend on."""
    end = url.find("/", url.find("//") + 2)
    return url if end < 0 else url[:end]


def endpoint(url: str) -> tuple[str, int] | str:
    """Where `url` would be fetched from, (host, port), or why it cannot be: it must be an
    http(s) URL with a host that encodes to DNS labels (IDNA, at most 63 octets each), a
    valid port and no control characters. Parsed once per scheme and authority (a
    catalog's links share a few dozen), for the safety rules and the address lookup
    alike."""
    if _CONTROL.search(url):
        return "it holds a control character or a space"
    return _endpoint(origin(url))


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
