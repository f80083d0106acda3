"""A real HTTP/1.1 server on loopback addresses, scripted per path, that records every
request and how many were in flight at once per host."""

from __future__ import annotations

import socket
import ssl
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[["Handler", int], None]


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str, str]] = []  # (method, host, path)
        self.headers: list[dict[str, str]] = []
        self.bodies: list[tuple[str, str, bytes]] = []  # (method, path, body) of writes
        self.in_flight: Counter[str] = Counter()
        self.max_in_flight: Counter[str] = Counter()
        self.total_in_flight = 0
        self.max_total = 0
        self.stop = threading.Event()

    def count(self, path: str | None = None, method: str | None = None) -> int:
        return sum(
            1
            for m, _, p in self.requests
            if (path is None or p == path) and (method is None or m == method)
        )


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _dispatch(self) -> None:
        rec = self.server.recorder
        host = self.server.server_address[0]
        path = self.path.split("?")[0]
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with rec.lock:
            if self.command in ("POST", "PATCH", "PUT", "DELETE"):
                rec.bodies.append((self.command, path, body))
            rec.requests.append((self.command, host, path))
            rec.headers.append({k.lower(): v for k, v in self.headers.items()})
            nth = sum(1 for _, h, p in rec.requests if p == path and h == host)
            rec.in_flight[host] += 1
            rec.total_in_flight += 1
            rec.max_in_flight[host] = max(rec.max_in_flight[host], rec.in_flight[host])
            rec.max_total = max(rec.max_total, rec.total_in_flight)
        self._in_flight = True
        try:
            route = self.server.routes.get(path)
            if route is None:
                self.reply(404, b"not here")
            else:
                route(self, nth)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            self._leave()

    def _leave(self) -> None:
        """The request stops being in flight when its answer starts (or it ends)."""
        if self._in_flight:
            self._in_flight = False
            rec = self.server.recorder
            with rec.lock:
                rec.in_flight[self.server.server_address[0]] -= 1
                rec.total_in_flight -= 1

    do_GET = do_HEAD = do_POST = do_PATCH = _dispatch

    def reply(
        self,
        code: int,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        content_type: str = "text/html; charset=utf-8",
    ) -> None:
        # No longer in flight before a byte of the answer leaves: the client may send its
        # next request the moment it reads this one, and must not be seen overlapping it.
        self._leave()
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def reset(self) -> None:
        """Close the connection with a TCP reset."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


# How often serve_forever looks for a shutdown request. Its default, 0.5 s, is what every
# close() waited: about 200 servers a run made that 85 s of idle time.
POLL = 0.01


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    routes: dict[str, Route]
    recorder: Recorder


class ScriptedServer:
    """Scripted servers on one or more loopback addresses, sharing routes and records."""

    def __init__(
        self, hosts: tuple[str, ...] = ("127.0.0.1",), *, tls: ssl.SSLContext | None = None
    ):
        self.routes: dict[str, Route] = {}
        self.recorder = Recorder()
        self.servers: list[_Server] = []
        self.scheme = "https" if tls else "http"
        for host in hosts:
            server = _Server((host, 0), Handler)
            if tls is not None:
                server.socket = tls.wrap_socket(server.socket, server_side=True)
            server.routes = self.routes
            server.recorder = self.recorder
            self.servers.append(server)
        self.threads = [
            threading.Thread(target=s.serve_forever, args=(POLL,), daemon=True)
            for s in self.servers
        ]
        for thread in self.threads:
            thread.start()

    def url(self, path: str, host_index: int = 0) -> str:
        host, port = self.servers[host_index].server_address[:2]
        return f"{self.scheme}://{host}:{port}{path}"

    def route(self, path: str) -> Callable[[Route], Route]:
        def register(fn: Route) -> Route:
            self.routes[path] = fn
            return fn

        return register

    def close(self) -> None:
        self.recorder.stop.set()
        for server in self.servers:
            server.shutdown()
            server.server_close()


def page(title: str, extra: str = "") -> bytes:
    return (
        f"<!doctype html><html><head><title>{title} | Site</title>"
        f'<meta name="citation_title" content="{title}">{extra}</head>'
        f"<body>{'x' * 1000}</body></html>"
    ).encode()


def stall(handler: Handler, seconds: float = 30.0) -> None:
    """Accept the request and never answer (until the server stops)."""
    handler.server.recorder.stop.wait(seconds)


def endless(handler: Handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    handler.wfile.write(b"<html><head><title>Endless")
    deadline = time.monotonic() + 20
    chunk = b"x" * 65536
    while time.monotonic() < deadline and not handler.server.recorder.stop.is_set():
        handler.wfile.write(chunk)


def raw(data: bytes):
    """A route that answers with exactly these bytes, then closes the connection."""

    def route(handler: Handler, nth: int) -> None:
        handler._leave()
        handler.wfile.write(data)
        handler.wfile.flush()
        handler.close_connection = True

    return route


def ok_head(*lines: bytes) -> bytes:
    """A 200 status line and Content-Type, then these header lines (and body) as given."""
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"".join(lines)


MALFORMED = {
    "a header line over 64 KiB": ok_head(
        b"Content-Security-Policy: " + b"a" * 70_000 + b"\r\nContent-Length: 2\r\n\r\nok"
    ),
    "tens of thousands of headers": ok_head(
        *(b"X-%d: v\r\n" % i for i in range(20_000)), b"Content-Length: 2\r\n\r\nok"
    ),
    "a header line that never ends": ok_head(b"Set-Cookie: " + b"a" * 200_000),
    "a bare CR in a header": ok_head(b"X-A: a\rb\r\nContent-Length: 2\r\n\r\nok"),
    "a NUL in a header": ok_head(b"X-A: a\x00b\r\nContent-Length: 2\r\n\r\nok"),
    "a bad status line": b"HTTP/1.1 abc OK\r\nContent-Length: 2\r\n\r\nok",
    "an HTTP/0.9 answer": b"<html><head><title>Old</title></head></html>",
}
