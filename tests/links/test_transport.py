"""Requests travel as httpx's requests and answers over aiohttp's engine
(`net.transport.AiohttpTransport`), against a real server on loopback: bodies raw and
streamed, headers as sent, connections reused, aiohttp's exceptions passed on unwrapped."""

from __future__ import annotations

import asyncio
import gzip
import socket

import httpx
import pytest

from readme_gen.net import failures
from readme_gen.net import transport as loop
from readme_gen.net.fetch import Headers, Wire
from readme_gen.net.reasons import Reason
from readme_gen.net.resolver import Resolver
from readme_gen.net.settings import WireSettings
from readme_gen.net.transport import AiohttpTransport
from tests.support.servers import ScriptedServer


@pytest.fixture
def server():
    srv = ScriptedServer()
    yield srv
    srv.close()


def transport() -> AiohttpTransport:
    return AiohttpTransport(Resolver(allow_private=True).addresses, limit=10, per_host=2)


async def exchange(request: httpx.Request) -> tuple[httpx.Response, bytes]:
    t = transport()
    try:
        response = await t.handle_async_request(request)
        body = b"".join([chunk async for chunk in response.aiter_raw()])
        await response.aclose()
        return response, body
    finally:
        await t.aclose()


def test_an_answer_is_an_httpx_response_with_its_body_raw(server):
    packed = gzip.compress(b"<title>x</title>" * 100)
    server.routes["/g"] = lambda h, n: h.reply(
        200, packed, headers={"Content-Encoding": "gzip", "X-Twice": "a"}
    )
    response, body = asyncio.run(exchange(httpx.Request("GET", server.url("/g"))))
    assert isinstance(response, httpx.Response)
    assert response.status_code == 200
    assert body == packed  # not decompressed: the wire undoes it, bounded
    assert response.headers["content-encoding"] == "gzip"


def test_the_request_carries_the_wires_headers_and_body(server):
    server.routes["/p"] = lambda h, n: h.reply(200, b"{}")
    request = httpx.Request(
        "POST", server.url("/p"), headers={"X-Api-Key": "k", "User-Agent": "ua"}, content=b'{"a":1}'
    )
    asyncio.run(exchange(request))
    sent = server.recorder.headers[-1]
    assert sent["x-api-key"] == "k" and sent["user-agent"] == "ua"
    assert sent["content-length"] == "7"  # aiohttp's own, once
    assert server.recorder.bodies[-1] == ("POST", "/p", b'{"a":1}')


def test_a_closed_answer_hands_its_connection_back(server):
    server.routes["/a"] = lambda h, n: h.reply(200, b"ok")

    async def twice() -> None:
        t = transport()
        try:
            for _ in range(3):
                response = await t.handle_async_request(httpx.Request("GET", server.url("/a")))
                await response.aread()
                await response.aclose()
        finally:
            await t.aclose()

    asyncio.run(twice())
    assert server.recorder.count("/a") == 3
    assert server.recorder.max_total == 1


def test_aiohttps_exceptions_pass_through_with_their_cause():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed: nothing listens
    with pytest.raises(Exception) as caught:
        asyncio.run(exchange(httpx.Request("GET", f"http://127.0.0.1:{port}/")))
    assert not isinstance(caught.value, httpx.HTTPError)  # not re-wrapped by httpx
    assert failures.classify(caught.value)[0] is Reason.REFUSED


def test_the_wire_sends_through_the_transport(server, monkeypatch):
    server.routes["/w"] = lambda h, n: h.reply(200, b"hello")
    seen: list[httpx.Request] = []
    original = AiohttpTransport.handle_async_request

    async def spy(self: AiohttpTransport, request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return await original(self, request)

    monkeypatch.setattr(AiohttpTransport, "handle_async_request", spy)

    async def go():
        wire = Wire(WireSettings(allow_private=True), limit=4, per_host=2)
        try:
            reply = await wire.follow(
                server.url("/w"),
                lambda url, cookies, budget: wire.send(
                    "GET", url, Headers(), cookies, budget=budget
                ),
                budget=5,
            )
        finally:
            await wire.aclose()
        return reply

    reply = asyncio.run(go())
    assert reply.code == 200
    assert [str(r.url) for r in seen] == [server.url("/w")]
    assert seen[0].extensions["timeout"]["read"] == 5


def test_a_runs_result_is_never_formatted():
    """asyncio.Runner formats the SIGINT handler it puts back, which holds the main task,
    whose repr holds its result: 2,000 link results were formatted twice per run."""
    formatted = []

    class Results:
        def __repr__(self) -> str:
            formatted.append(1)
            return "Results()"

    async def main() -> Results:
        await asyncio.sleep(0)
        return Results()

    result = loop.run(main())
    assert isinstance(result, Results)
    assert formatted == []
