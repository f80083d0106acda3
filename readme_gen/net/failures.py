"""What went wrong when a request got no usable answer, as a `Reason` and a short detail.

aiohttp raises its own exceptions wrapped around the socket's or the TLS layer's (our httpx
transport passes them on unwrapped; httpx raises its own only for a URL it cannot parse),
so the cause is read from the whole chain, deepest first, by type and errno: never by
message text.
"""

from __future__ import annotations

import errno
import ssl

import aiohttp
import httpx
from aiohttp import http_exceptions

from readme_gen.net.reasons import Reason

_REFUSED = {errno.ECONNREFUSED}
_RESET = {errno.ECONNRESET, errno.EPIPE, errno.ECONNABORTED}
_MALFORMED = (
    http_exceptions.HttpProcessingError,
    aiohttp.ClientResponseError,  # raised for answers the parser rejects
    aiohttp.ClientPayloadError,
)


def chain(exc: BaseException) -> list[BaseException]:
    """`exc` and its causes, outermost first."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _reason_of(exc: BaseException) -> Reason | None:
    if isinstance(exc, (ssl.SSLError, ssl.CertificateError, aiohttp.ClientSSLError)):
        return Reason.TLS
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return Reason.DNS
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return Reason.TIMEOUT_CONNECT
    if isinstance(exc, aiohttp.SocketTimeoutError | TimeoutError):
        return Reason.TIMEOUT_READ
    if isinstance(exc, ConnectionRefusedError):
        return Reason.REFUSED
    if isinstance(exc, ConnectionResetError | aiohttp.ServerDisconnectedError | BrokenPipeError):
        return Reason.RESET
    if isinstance(exc, OSError) and exc.errno is not None:
        if exc.errno in _REFUSED:
            return Reason.REFUSED
        if exc.errno in _RESET:
            return Reason.RESET
        return Reason.CONNECT_FAILED
    if isinstance(exc, _MALFORMED):
        return Reason.MALFORMED_RESPONSE
    if isinstance(
        exc, aiohttp.InvalidURL | httpx.InvalidURL | httpx.UnsupportedProtocol | UnicodeError
    ):
        return Reason.BAD_URL
    if isinstance(exc, aiohttp.ClientConnectionError):
        return Reason.CONNECT_FAILED
    return None


def classify(exc: BaseException) -> tuple[Reason, str]:
    """The reason for a failed request, from the deepest cause that names one, and a
    one-line detail. Anything unrecognised is a bug of ours, confined to its link."""
    causes = chain(exc)
    for cause in reversed(causes):
        reason = _reason_of(cause)
        if reason is not None:
            return reason, f"{reason.what}: {short(cause)}"
    return Reason.INTERNAL_ERROR, f"internal error: {type(exc).__name__}: {short(exc)}"


def short(exc: BaseException) -> str:
    """The first line of an exception's message, at most 200 characters, without the
    request dump aiohttp puts in some messages."""
    if isinstance(exc, aiohttp.ClientResponseError | http_exceptions.HttpProcessingError):
        text = str(exc.message).strip() or type(exc).__name__
    else:
        text = str(exc) or type(exc).__name__
    lines = text.splitlines() or [type(exc).__name__]
    return lines[0][:200]
