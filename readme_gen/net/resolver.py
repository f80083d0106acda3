"""Which addresses a link may be fetched from: one DNS lookup per host and port, judged by
the safety rules, and handed to the connection itself (never a second, possibly different,
DNS answer: DNS rebinding)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from readme_gen.net.reasons import Reason

Address = tuple[int, int, str, int]
"""(family, protocol, IP address, port): one address a host resolved to."""

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_IPV4_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")  # ::ffff:0:a.b.c.d (SIIT)
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")  # ::a.b.c.d, deprecated but routable


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 form carries, for the forms that reach it: IPv4-mapped,
    NAT64, 6to4, IPv4-translated and IPv4-compatible."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64 or address in _IPV4_TRANSLATED or address in _NAT64_LOCAL:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in _IPV4_COMPATIBLE and int(address) > 1:  # not :: or ::1
        return ipaddress.IPv4Address(int(address))
    return None


def is_public(ip: str) -> bool:
    """Whether `ip` is a public address. An IPv6 form that embeds an IPv4 address is judged
    by that IPv4 address: Python 3.11's `is_global` calls some of them public."""
    address = ipaddress.ip_address(ip.split("%")[0])
    if isinstance(address, ipaddress.IPv6Address):
        inner = embedded_ipv4(address)
        if inner is not None:
            return inner.is_global
    return address.is_global


@dataclass(frozen=True, slots=True)
class Verdict:
    """A host's lookup: the addresses it may be fetched from, or why it may not."""

    addresses: tuple[Address, ...] = ()
    refusal: Reason | None = None
    detail: str = ""


AddrInfo = tuple[int, int, int, str, tuple[Any, ...]]
"""One answer of getaddrinfo: (family, type, protocol, canonical name, socket address)."""
GetAddrInfo = Callable[[str, int], Awaitable[Sequence[AddrInfo]]]


async def _system_getaddrinfo(host: str, port: int) -> Sequence[AddrInfo]:
    loop = asyncio.get_running_loop()
    return await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)


class Resolver:
    """One lookup per (host, port), shared by every link and hop that needs it.
    `getaddrinfo` is the system's; tests set a local one that answers without a network."""

    def __init__(self, *, allow_private: bool, getaddrinfo: GetAddrInfo | None = None) -> None:
        self._allow_private = allow_private
        self._lookups: dict[tuple[str, int], asyncio.Task[Verdict]] = {}
        self.getaddrinfo = getaddrinfo or _system_getaddrinfo

    def vet(self, host: str, port: int) -> asyncio.Task[Verdict]:
        host = host.lower()
        task = self._lookups.get((host, port))
        if task is None:
            task = self._lookups[(host, port)] = asyncio.ensure_future(self._lookup(host, port))
        return task

    async def addresses(self, host: str, port: int) -> list[Address]:
        """What a connection to `host` may use (the transport's resolver asks here)."""
        verdict = await self.vet(host, port)
        if verdict.refusal is not None:
            raise OSError(verdict.detail)
        return list(verdict.addresses)

    async def _lookup(self, host: str, port: int) -> Verdict:
        try:
            infos = await self.getaddrinfo(host, port)
        except socket.gaierror as exc:
            if exc.errno == socket.EAI_AGAIN:
                self._lookups.pop((host, port), None)  # not the name's fault: ask again
                return Verdict(
                    refusal=Reason.DNS_TEMPORARY, detail=f"DNS lookup failed temporarily for {host}"
                )
            return Verdict(
                refusal=Reason.DNS, detail=f"DNS: {host} does not resolve ({exc.strerror})"
            )
        addresses = tuple(
            (int(family), proto, str(sockaddr[0]), int(sockaddr[1]))
            for family, _, proto, _, sockaddr in infos
        )
        if not self._allow_private:
            for _, _, ip, _ in addresses:
                if not is_public(ip):
                    return Verdict(
                        refusal=Reason.PRIVATE_ADDRESS,
                        detail=f"refused: {host} resolves to the non-public address {ip} "
                        "(--allow-private allows it)",
                    )
        return Verdict(addresses)
