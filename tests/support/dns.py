"""A local resolver: names answered from a table, any other name "does not resolve", so
no test depends on the system resolver (or a network) to refuse a name."""

from __future__ import annotations

import socket


class LocalDNS:
    """`getaddrinfo` for readme_gen.net.resolver.Resolver: each name in `table` resolves to
    its IPv4 address (on the port asked); every lookup is recorded in `asked`."""

    def __init__(self, table: dict[str, str] | None = None) -> None:
        self.table = dict(table or {})
        self.asked: list[tuple[str, int]] = []

    async def __call__(self, host: str, port: int):
        self.asked.append((host, port))
        ip = self.table.get(host)
        if ip is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (ip, port))]
