"""The checker against real HTTP servers on 127.0.0.1: statuses, request counts, limits."""

from __future__ import annotations

import asyncio
import email.utils
import socket
import ssl
import threading
from collections import Counter

import pytest
import trustme

from readme_gen.links.checker import Checker, run_check
from readme_gen.links.gate import HostGate
from readme_gen.links.results import Result, Status, Target, Use
from readme_gen.links.settings import CheckSettings
from readme_gen.net.reasons import Reason
from readme_gen.net.resolver import Verdict
from readme_gen.position import Position
from tests.support.checks import TITLE, check, target
from tests.support.dns import LocalDNS
from tests.support.servers import Handler, ScriptedServer, endless, page, stall


def test_healthy_link_costs_exactly_one_request(server, sleep):
    server.routes["/ok"] = lambda h, n: h.reply(200, page(TITLE))
    result = check(server.url("/ok"), sleep)
    assert result.status is Status.OK
    assert result.title_found == TITLE and result.http_status == 200
    assert server.recorder.requests == [("GET", "127.0.0.1", "/ok")]
    assert result.attempts == 1 and sleep.waits == []


def test_without_title_verification_a_head_suffices(server, sleep):
    server.routes["/ok"] = lambda h, n: h.reply(200, page(TITLE))
    assert check(server.url("/ok"), sleep, verify_titles=False).status is Status.OK
    assert server.recorder.requests == [("HEAD", "127.0.0.1", "/ok")]


@pytest.mark.parametrize("head_code", [405, 404, 403, 400, 501])
def test_head_refused_then_get(server, sleep, head_code):
    server.routes["/p"] = lambda h, n: h.reply(head_code if h.command == "HEAD" else 200, b"ok")
    result = check(server.url("/p"), sleep, verify_titles=False)
    assert result.status is Status.OK
    assert [m for m, _, _ in server.recorder.requests] == ["HEAD", "GET"]


def test_permanent_redirect_chain_is_moved_with_its_target(server, sleep):
    server.routes["/old"] = lambda h, n: h.reply(301, headers={"Location": "/newer"})
    server.routes["/newer"] = lambda h, n: h.reply(308, headers={"Location": server.url("/new")})
    server.routes["/new"] = lambda h, n: h.reply(200, page(TITLE))
    result = check(server.url("/old"), sleep)
    assert result.status is Status.MOVED
    assert result.final_url == server.url("/new")
    assert result.redirects == ((301, server.url("/newer")), (308, server.url("/new")))
    assert f"moved permanently to {server.url('/new')}" in result.detail
    assert server.recorder.count() == 3


def test_temporary_redirect_is_fine(server, sleep):
    server.routes["/tmp"] = lambda h, n: h.reply(302, headers={"Location": "/here"})
    server.routes["/here"] = lambda h, n: h.reply(200, page(TITLE))
    result = check(server.url("/tmp"), sleep)
    assert result.status is Status.OK and result.redirects == ((302, server.url("/here")),)


def test_redirect_loop_is_broken_without_retrying(server, sleep):
    server.routes["/a"] = lambda h, n: h.reply(302, headers={"Location": "/b"})
    server.routes["/b"] = lambda h, n: h.reply(302, headers={"Location": "/a"})
    result = check(server.url("/a"), sleep)
    assert result.status is Status.BROKEN and result.detail == "redirect loop"
    assert server.recorder.count() == 2


@pytest.mark.parametrize(("code", "word"), [(404, "not found"), (410, "gone")])
def test_not_found_and_gone_are_broken_at_once(server, sleep, code, word):
    server.routes["/x"] = lambda h, n: h.reply(code)
    result = check(server.url("/x"), sleep)
    assert result.status is Status.BROKEN and word in result.detail
    assert server.recorder.count() == 1 and sleep.waits == []


def test_429_with_retry_after_seconds_is_honoured(server, sleep):
    server.routes["/r"] = lambda h, n: (
        h.reply(429, headers={"Retry-After": "7"}) if n == 1 else h.reply(200, page(TITLE))
    )
    result = check(server.url("/r"), sleep)
    assert result.status is Status.OK and result.attempts == 2
    assert sleep.waits == [7.0]
    assert server.recorder.count() == 2


def test_429_with_retry_after_http_date_is_honoured(server, sleep):
    """The date is read against the checker's calendar clock, injected and fixed: the wait
    is exactly the 30 s to it, however long the test takes."""
    now = 1_700_000_000.0
    when = email.utils.formatdate(now + 30, usegmt=True)
    server.routes["/r"] = lambda h, n: (
        h.reply(429, headers={"Retry-After": when}) if n == 1 else h.reply(200, page(TITLE))
    )

    async def scenario() -> Result:
        settings = CheckSettings(allow_private=True, timeout=5.0)
        checker = Checker(settings, sleep=sleep, clock=sleep.clock, wall=lambda: now)
        try:
            return await checker.check_one(target(server.url("/r")))
        finally:
            await checker.aclose()

    result = asyncio.run(scenario())
    assert result.status is Status.OK and result.attempts == 2
    assert sleep.waits == [30.0]
    assert server.recorder.count() == 2


def test_retry_after_beyond_the_cap_is_blocked_not_broken(server, sleep):
    server.routes["/r"] = lambda h, n: h.reply(429, headers={"Retry-After": "3600"})
    result = check(server.url("/r"), sleep)
    assert result.status is Status.BLOCKED and "rate-limited" in result.detail
    assert server.recorder.count() == 1 and sleep.waits == []


def test_503_twice_then_200_is_ok_after_backoff(server, sleep):
    server.routes["/s"] = lambda h, n: h.reply(503) if n <= 2 else h.reply(200, page(TITLE))
    result = check(server.url("/s"), sleep)
    assert result.status is Status.OK and result.attempts == 3
    assert server.recorder.count() == 3
    assert (
        len(sleep.waits) == 2 and 0.375 <= sleep.waits[0] < 0.625 and 0.75 <= sleep.waits[1] < 1.25
    )


def test_5xx_that_persists_is_broken_after_the_retries(server, sleep):
    server.routes["/s"] = lambda h, n: h.reply(500)
    result = check(server.url("/s"), sleep, retries=2)
    assert result.status is Status.BROKEN and "after 3 attempts" in result.detail
    assert server.recorder.count() == 3


def test_a_response_that_never_completes_times_out(server, sleep):
    """The server holds each request for 30 s: only the 0.3 s timeout can end an attempt
    (it says so), and the one retry's backoff is a recorded wait, not a real one."""
    server.routes["/stall"] = lambda h, n: stall(h)
    result = check(server.url("/stall"), sleep, timeout=0.3, retries=1)
    assert result.status is Status.BROKEN and result.reason is Reason.TIMEOUT_READ
    assert result.detail.startswith("timed out after 0.3 s"), result.detail
    assert server.recorder.count() == 2 and result.attempts == 2
    assert len(sleep.waits) == 1 and 0.375 <= sleep.waits[0] < 0.625


def test_a_connection_reset_is_retried_then_broken(server, sleep):
    server.routes["/reset"] = lambda h, n: h.reset()
    result = check(server.url("/reset"), sleep, retries=2)
    assert result.status is Status.BROKEN
    assert server.recorder.count() == 3 and len(sleep.waits) == 2


def test_an_endless_body_is_read_only_up_to_the_cap(server, sleep):
    """The body never ends (the server writes for 20 s): the checker stops reading at the
    cap and hangs up, which the server sees as its writes failing, long before it runs out."""
    ended: list[str] = []
    done = threading.Event()

    def route(handler: Handler, nth: int) -> None:
        try:
            endless(handler)
            ended.append("wrote to the end")
        except (BrokenPipeError, ConnectionResetError):
            ended.append("client hung up")
        finally:
            done.set()

    server.routes["/endless"] = route
    result = check(server.url("/endless"), sleep, max_body=100_000)
    assert result.status is Status.OK
    assert server.recorder.count() == 1 and sleep.waits == []
    assert done.wait(30)  # only a guard against hanging: the route ends either way
    assert ended == ["client hung up"]


def test_cloudflare_challenge_is_blocked_not_broken(server, sleep):
    server.routes["/cf"] = lambda h, n: h.reply(403, b"challenge", {"cf-mitigated": "challenge"})
    result = check(server.url("/cf"), sleep)
    assert result.status is Status.BLOCKED and "Cloudflare" in result.detail
    assert server.recorder.count() == 1


@pytest.mark.parametrize("code", [401, 403, 418, 999])
def test_hosts_refusing_bots_are_blocked(server, sleep, code):
    server.routes["/b"] = lambda h, n: h.reply(code)
    assert check(server.url("/b"), sleep).status is Status.BLOCKED


def test_a_page_naming_another_paper_is_a_mismatch(server, sleep):
    server.routes["/p"] = lambda h, n: h.reply(200, page("Recurrent Models of Visual Attention"))
    result = check(server.url("/p"), sleep)
    assert result.status is Status.MISMATCH
    assert result.title_found == "Recurrent Models of Visual Attention"
    assert (
        'this link points to another paper: "Recurrent Models of Visual Attention"' in result.detail
    )


def test_a_site_name_in_the_title_tag_proves_nothing(server, sleep):
    """A page with no meta tags and a <title> of a few words ("IEEE Xplore") is not called
    another paper: only a title that could name one can make a link a mismatch."""
    server.routes["/site"] = lambda h, n: h.reply(200, b"<html><head><title>IEEE Xplore</title>")
    server.routes["/other"] = lambda h, n: h.reply(
        200, b"<html><head><title>Recurrent Models of Visual Attention</title>"
    )
    site = check(server.url("/site"), sleep)
    assert site.status is Status.OK and site.title_found == "IEEE Xplore"
    assert check(server.url("/other"), sleep).status is Status.MISMATCH


def test_a_202_placeholder_is_blocked_not_checked_for_a_title(server, sleep):
    server.routes["/p"] = lambda h, n: h.reply(202, b"<html><head><title>Please wait</title>")
    result = check(server.url("/p"), sleep)
    assert result.status is Status.BLOCKED and "placeholder" in result.detail
    assert result.title_found is None
    assert server.recorder.count() == 1 and sleep.waits == []


def test_one_url_serving_two_papers_names_the_wrong_one(server, sleep):
    server.routes["/shared"] = lambda h, n: h.reply(200, page(TITLE))
    shared = Target(
        server.url("/shared"),
        (Use(TITLE, Position(10, 18)), Use("Another Paper Entirely", Position(20, 18))),
    )
    result = run_check(
        [shared],
        CheckSettings(allow_private=True),
        sleep=sleep,
        clock=sleep.clock if sleep else None,
    )[0]
    assert result.status is Status.MISMATCH
    assert (
        '"Another Paper Entirely" (line 20)' in result.detail and "(line 10)" not in result.detail
    )


def test_connections_go_to_the_vetted_address_not_a_second_dns_answer():
    """DNS rebinding: the safety rules judge an address, so the connection must use that
    address. The checker's vetted answer for `localhost` is preloaded as 127.0.0.2 (where
    the server listens), while the system resolves it to 127.0.0.1 (where nothing does):
    the link answers only if the connection used the vetted address."""
    srv = ScriptedServer(("127.0.0.2",))
    try:
        srv.routes["/p"] = lambda h, n: h.reply(200, page(TITLE))
        port = srv.servers[0].server_address[1]
        settings = CheckSettings(allow_private=True, timeout=5.0)

        async def scenario() -> Result:
            checker = Checker(settings)
            vetted = asyncio.get_running_loop().create_future()
            vetted.set_result(Verdict(((socket.AF_INET, socket.IPPROTO_TCP, "127.0.0.2", port),)))
            checker.resolver._lookups[("localhost", port)] = vetted
            try:
                return await checker.check_one(target(f"http://localhost:{port}/p"))
            finally:
                await checker.aclose()

        result = asyncio.run(scenario())
        assert result.status is Status.OK, result.detail
        assert srv.recorder.requests == [("GET", "127.0.0.2", "/p")]
    finally:
        srv.close()


def test_dns_failure_is_broken_without_a_request(server, sleep):
    """A name the (local) resolver does not know: broken, no request, no retry."""
    server.routes["/paper"] = lambda h, n: h.reply(200, page(TITLE))
    dns = LocalDNS({"known.example": "127.0.0.1"})

    async def scenario() -> list[Result]:
        checker = Checker(CheckSettings(allow_private=True, timeout=5.0), sleep=sleep)
        checker.resolver.getaddrinfo = dns
        port = server.servers[0].server_address[1]
        try:
            return [
                await checker.check_one(target(f"http://{host}:{port}/paper"))
                for host in ("no-such-host.example", "known.example")
            ]
        finally:
            await checker.aclose()

    missing, known = asyncio.run(scenario())
    assert missing.status is Status.BROKEN and "does not resolve" in missing.detail
    assert known.status is Status.OK  # the same server, reached by a name it knows
    assert [h for h, _ in dns.asked] == ["no-such-host.example", "known.example"]
    assert server.recorder.count() == 1 and sleep.waits == []


def test_self_signed_certificate_is_a_tls_error():
    authority = trustme.CA()
    context = authority.server_context() if hasattr(authority, "server_context") else None
    if context is None:
        import ssl

        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        authority.issue_cert("127.0.0.1").configure_cert(context)
    srv = ScriptedServer(tls=context)
    try:
        srv.routes["/"] = lambda h, n: h.reply(200, page(TITLE))
        result = check(srv.url("/"), None, retries=0)
        assert result.status is Status.BROKEN and "TLS" in result.detail
    finally:
        srv.close()


def test_private_addresses_are_refused_by_default(server):
    server.routes["/ok"] = lambda h, n: h.reply(200, page(TITLE))
    result = run_check([target(server.url("/ok"))], CheckSettings())[0]
    assert result.status is Status.BROKEN and "non-public address 127.0.0.1" in result.detail
    assert server.recorder.count() == 0


class Batches:
    """A route that holds the requests to each host and answers them `size` at a time:
    each waits until its batch (the next `size` to arrive, or the `total` left) has all
    arrived. A client that keeps `size` in flight fills each batch at once; one that
    allowed more would be seen with more in flight, one that allowed fewer would leave
    a batch waiting (up to 10 s, a guard) with fewer. No timing either way."""

    def __init__(self, size: int, total: int) -> None:
        self.size, self.total = size, total
        self.arrived: Counter[str] = Counter()
        self.ready = threading.Condition()

    def __call__(self, handler: Handler, nth: int) -> None:
        host = handler.server.server_address[0]
        with self.ready:
            self.arrived[host] += 1
            batch_end = min(self.total, -(-self.arrived[host] // self.size) * self.size)
            self.ready.notify_all()
            self.ready.wait_for(lambda: self.arrived[host] >= batch_end, timeout=10)
        handler.reply(200, b"ok", content_type="text/plain")


def test_the_per_host_limit_holds_on_every_host():
    srv = ScriptedServer(("127.0.0.1", "127.0.0.2", "127.0.0.3"))
    try:
        targets = []
        batches = Batches(3, total=10)  # ten links a host
        for i in range(30):
            srv.routes[f"/p{i}"] = batches
            targets.append(target(srv.url(f"/p{i}", i % 3)))
        results = run_check(targets, CheckSettings(allow_private=True, per_host=3))
        assert {r.status for r in results} == {Status.OK}
        assert dict(srv.recorder.max_in_flight) == {f"127.0.0.{i}": 3 for i in (1, 2, 3)}
        assert srv.recorder.count() == 30
    finally:
        srv.close()


def test_the_minimum_interval_spaces_requests_to_one_host_only(sleep):
    """On the injected clock (no real waiting): each host's four requests need three
    intervals, 0.9 s. The fake clock adds up every wait, so two hosts waiting side by side
    move it at most 1.8 s; eight requests through one gate would need seven, 2.1 s."""
    srv = ScriptedServer(("127.0.0.1", "127.0.0.2"))
    try:
        targets = []
        for i in range(4):
            for host in (0, 1):
                srv.routes[f"/p{i}"] = lambda h, n: h.reply(200, b"ok")
                targets.append(target(srv.url(f"/p{i}", host)))
        settings = CheckSettings(allow_private=True, per_host=4, min_interval=0.3)
        started = sleep.now
        results = run_check(targets, settings, sleep=sleep, clock=sleep.clock)
        assert {r.status for r in results} == {Status.OK}
        assert (
            sorted(h for _, h, _ in srv.recorder.requests) == ["127.0.0.1"] * 4 + ["127.0.0.2"] * 4
        )
        assert sleep.waits and all(0 < w <= 0.3 + 1e-9 for w in sleep.waits)
        assert 0.9 - 1e-9 <= sleep.now - started < 2.0, sleep.now - started
    finally:
        srv.close()


def test_a_host_gate_lets_requests_in_an_interval_apart_on_its_clock(sleep):
    """The gate itself: four requests at once, each let in 0.3 s (of the injected clock)
    after the one before; another host's gate lets its first in at once."""
    gate, other = HostGate(4, 0.3, sleep, sleep.clock), HostGate(4, 0.3, sleep, sleep.clock)
    entered: list[tuple[str, float]] = []

    async def one(name: str, g: HostGate) -> None:
        async with g:
            entered.append((name, sleep.now))

    async def scenario() -> None:
        await asyncio.gather(*(one("a", gate) for _ in range(4)))
        await one("b", other)

    asyncio.run(scenario())
    times = [t - 1000.0 for name, t in entered if name == "a"]
    assert times == pytest.approx([0.0, 0.3, 0.6, 0.9])
    assert entered[-1] == ("b", pytest.approx(1000.9))  # no wait of its own


def test_a_429_holds_back_the_whole_host_for_its_retry_after(server, sleep):
    """The host is asking for air, not just for that link: its next link waits out the
    pause too. On the injected clock: /a earns no retry (--retries 0), so the only wait
    that can come is the host's pause, taken by /b, which reaches the server only once
    the clock has moved past the 7 s asked."""
    seen_at: dict[str, float] = {}

    def answer(handler: Handler, nth: int) -> None:
        seen_at[handler.path] = sleep.now  # the injected clock, when the request arrives
        if handler.path == "/a":
            handler.reply(429, headers={"Retry-After": "7"})
        else:
            handler.reply(200, page(TITLE))

    server.routes["/a"] = server.routes["/b"] = answer
    settings = CheckSettings(allow_private=True, per_host=1, retries=0, timeout=5.0)
    targets = [target(server.url("/a")), target(server.url("/b"))]
    results = run_check(targets, settings, sleep=sleep, clock=sleep.clock)
    assert [r.status for r in results] == [Status.BLOCKED, Status.OK]
    assert results[0].attempts == 1 and "rate-limited" in results[0].detail
    assert [p for _, _, p in server.recorder.requests] == ["/a", "/b"]
    assert sleep.waits == [7.0]  # /b's, the pause /a's answer put on the host
    assert seen_at == {"/a": 1000.0, "/b": 1007.0}


def test_a_429_retried_on_one_link_holds_the_host_once(server, sleep):
    """The link that met the 429 waits its Retry-After and passes. On the injected clock
    its retry's wait and the host's pause are the same second: one wait is recorded, and
    the host's other link is not made to wait the pause again after it."""
    server.routes["/a"] = lambda h, n: (
        h.reply(429, headers={"Retry-After": "1"}) if n == 1 else h.reply(200, page(TITLE))
    )
    server.routes["/b"] = lambda h, n: h.reply(200, page(TITLE))
    settings = CheckSettings(allow_private=True, per_host=1, timeout=5.0)
    targets = [target(server.url("/a")), target(server.url("/b"))]
    results = run_check(targets, settings, sleep=sleep, clock=sleep.clock)
    assert [r.status for r in results] == [Status.OK, Status.OK]
    paths = [p for _, _, p in server.recorder.requests]
    assert paths[0] == "/a" and sorted(paths) == ["/a", "/a", "/b"]
    assert sleep.waits == [1.0] and sleep.now == 1001.0


def test_a_retry_after_beyond_the_cap_does_not_stall_the_host(server, sleep):
    """Asked for an hour (over the 60 s cap): the link is blocked, and nothing waits, the
    host's next link included: not an hour, not the cap either (no wait is recorded)."""
    server.routes["/a"] = lambda h, n: h.reply(429, headers={"Retry-After": "3600"})
    server.routes["/b"] = lambda h, n: h.reply(200, page(TITLE))
    settings = CheckSettings(allow_private=True, per_host=1, timeout=5.0)
    targets = [target(server.url("/a")), target(server.url("/b"))]
    results = run_check(targets, settings, sleep=sleep, clock=sleep.clock)
    assert [r.status for r in results] == [Status.BLOCKED, Status.OK]
    assert [p for _, _, p in server.recorder.requests] == ["/a", "/b"]
    assert sleep.waits == [] and sleep.now == 1000.0


def test_the_global_limit_holds():
    srv = ScriptedServer(("127.0.0.1",))
    try:
        targets = []
        batches = Batches(4, total=30)
        for i in range(30):
            srv.routes[f"/p{i}"] = batches
            targets.append(target(srv.url(f"/p{i}")))
        run_check(targets, CheckSettings(allow_private=True, per_host=10, concurrency=4))
        assert srv.recorder.max_total == 4
        assert srv.recorder.count() == 30
    finally:
        srv.close()


@pytest.mark.parametrize(
    "location", ["http://127.0.0.1:99999/x", "http://[::1/x", "ftp://127.0.0.1/x"]
)
def test_a_redirect_to_an_impossible_url_is_broken_not_a_crash(server, sleep, location):
    server.routes["/r"] = lambda h, n: h.reply(302, headers={"Location": location})
    result = check(server.url("/r"), sleep)
    assert result.status is Status.BROKEN
    assert "URL" in result.detail and location in result.detail
    assert server.recorder.count() == 1 and sleep.waits == []


def test_a_slow_host_does_not_hold_up_the_others():
    """Links start in turns across hosts: a catalog dominated by one slow publisher does
    not make the other hosts' links wait behind it. The slow host answers only once the
    checker has reported all three of the fast host's links (or, should they never come,
    after 10 s): the order is the scheduler's, not a race against a real delay."""
    srv = ScriptedServer(("127.0.0.1", "127.0.0.2"))
    released = threading.Event()

    def slow(handler: Handler, nth: int) -> None:
        released.wait(10)
        handler.reply(200, b"ok")

    try:
        targets = []
        for i in range(8):
            srv.routes[f"/slow{i}"] = slow
            targets.append(target(srv.url(f"/slow{i}", 0)))
        for i in range(3):
            srv.routes[f"/fast{i}"] = lambda h, n: h.reply(200, b"ok")
            targets.append(target(srv.url(f"/fast{i}", 1)))
        finished: list[str] = []

        def on_result(result: Result) -> None:
            finished.append(result.url)
            if sum("/fast" in url for url in finished) == 3:
                released.set()

        settings = CheckSettings(allow_private=True, per_host=2, concurrency=4)
        results = run_check(targets, settings, on_result=on_result)
        assert [r.url for r in results] == [t.url for t in targets]  # reported in order
        assert {r.status for r in results} == {Status.OK}
        assert all("/fast" in url for url in finished[:3])
        assert srv.recorder.max_in_flight["127.0.0.1"] == 2  # the slow host had its share
    finally:
        released.set()
        srv.close()


def test_a_retry_delay_makes_room_for_other_links(server):
    """With one request allowed in flight, a link waiting out a retry delay does not keep
    the next link from starting. The delay is a fake: it records the backoff asked for,
    then lasts until the server has answered the other link (at most 10 s, a guard); had
    the waiting link kept its place, /ok could not go first."""
    ok_served = threading.Event()

    def ok(handler: Handler, nth: int) -> None:
        handler.reply(200, b"ok")
        ok_served.set()

    server.routes["/flaky"] = lambda h, n: h.reply(503) if n == 1 else h.reply(200, b"ok")
    server.routes["/ok"] = ok
    waits: list[float] = []

    async def until_ok_served(seconds: float) -> None:
        waits.append(seconds)
        await asyncio.to_thread(ok_served.wait, 10)

    settings = CheckSettings(allow_private=True, concurrency=1, per_host=1, timeout=5.0)
    targets = [target(server.url("/flaky")), target(server.url("/ok"))]
    results = run_check(targets, settings, sleep=until_ok_served)
    assert [r.status for r in results] == [Status.OK, Status.OK]
    assert [p for _, _, p in server.recorder.requests] == ["/flaky", "/ok", "/flaky"]
    assert len(waits) == 1 and 0.375 <= waits[0] < 0.625  # the first backoff
    assert server.recorder.max_total == 1


def test_links_start_as_room_frees_up_not_all_at_once(server):
    """Memory does not grow with the catalog: no more tasks are alive than requests may be
    in flight (plus the event loop's own few)."""
    for i in range(200):
        server.routes[f"/p{i}"] = lambda h, n: h.reply(200, b"ok")
    alive: list[int] = []
    settings = CheckSettings(allow_private=True, concurrency=8, per_host=8)
    targets = [target(server.url(f"/p{i}")) for i in range(200)]
    results = run_check(targets, settings, on_result=lambda r: alive.append(_tasks()))
    assert len(results) == 200 and {r.status for r in results} == {Status.OK}
    assert max(alive) <= 8 + 3


def _tasks() -> int:
    return len(asyncio.all_tasks())


def _cookie_check(h, n):
    """A publisher's first-visit cookie check (Springer): bounce through /check and back."""
    if "check=1" in (h.headers.get("Cookie") or ""):
        h.reply(200, page(TITLE))
    else:
        h.reply(302, headers={"Location": "/check?return=/article"})


def test_a_cookie_check_along_the_redirect_chain_passes(server, sleep):
    server.routes["/article"] = _cookie_check
    server.routes["/check"] = lambda h, n: h.reply(
        302, headers={"Location": "/article", "Set-Cookie": "check=1; Path=/"}
    )
    result = check(server.url("/article"), sleep)
    assert result.status is Status.OK and result.title_found == TITLE
    assert [p for _, _, p in server.recorder.requests] == ["/article", "/check", "/article"]
    assert [h.get("cookie") for h in server.recorder.headers] == [None, None, "check=1"]
    # the next link starts with no cookie, even on the same host
    server.recorder.headers.clear()
    second = check(server.url("/article"), sleep)
    assert second.status is Status.OK
    assert server.recorder.headers[0].get("cookie") is None


def test_a_redirect_loop_is_still_a_loop_when_it_sets_cookies(server, sleep):
    server.routes["/a"] = lambda h, n: h.reply(
        302, headers={"Location": "/b", "Set-Cookie": "seen=1; Path=/"}
    )
    server.routes["/b"] = lambda h, n: h.reply(302, headers={"Location": "/a"})
    result = check(server.url("/a"), sleep)
    assert result.status is Status.BROKEN and result.detail == "redirect loop"
    assert server.recorder.count() == 3  # /a, /b, /a with the cookie: /b again would repeat
    assert sleep.waits == []


def test_a_cookie_is_not_sent_to_another_host_in_the_chain():
    srv = ScriptedServer(("127.0.0.1", "127.0.0.2"))
    try:
        srv.routes["/start"] = lambda h, n: h.reply(
            302, headers={"Location": srv.url("/next", 1), "Set-Cookie": "s=1; Path=/"}
        )
        srv.routes["/next"] = lambda h, n: h.reply(200, b"ok", content_type="text/plain")
        result = run_check([target(srv.url("/start", 0))], CheckSettings(allow_private=True))[0]
        assert result.status is Status.OK
        assert [h.get("cookie") for h in srv.recorder.headers] == [None, None]
    finally:
        srv.close()


def test_no_cookie_is_carried_to_another_link(server, sleep):
    server.routes["/set"] = lambda h, n: h.reply(
        200, b"x", {"Set-Cookie": "session=abc; Path=/"}, content_type="text/plain"
    )
    server.routes["/other"] = lambda h, n: h.reply(200, b"x", content_type="text/plain")
    settings = CheckSettings(allow_private=True, concurrency=1)
    run_check(
        [target(server.url("/set")), target(server.url("/other"))],
        settings,
        sleep=sleep,
        clock=sleep.clock if sleep else None,
    )
    assert all("cookie" not in h for h in server.recorder.headers)
    assert len(server.recorder.headers) == 2


def test_user_agent_names_the_tool(server, sleep):
    server.routes["/ok"] = lambda h, n: h.reply(200, page(TITLE))
    check(server.url("/ok"), sleep)
    assert server.recorder.headers[0]["user-agent"].startswith("readme-gen/")


def test_excluded_and_accepted_by_configuration(server, sleep):
    import re

    from readme_gen.links.settings import Accept

    server.routes["/teapot"] = lambda h, n: h.reply(418)
    assert check(server.url("/x"), sleep, exclude=(re.compile("/x$"),)).status is Status.EXCLUDED
    accepted = check(
        server.url("/teapot"), sleep, accept=(Accept(re.compile(r"^127\."), frozenset({418})),)
    )
    assert accepted.status is Status.OK
    assert server.recorder.count("/x") == 0


def _pinned(checker: Checker, host: str, port: int, to: int) -> None:
    """The test resolver: `host`:`port` is vetted as 127.0.0.1:`to`, where a server is."""
    vetted = asyncio.get_running_loop().create_future()
    vetted.set_result(Verdict(((socket.AF_INET, socket.IPPROTO_TCP, "127.0.0.1", to),)))
    checker.resolver._lookups[(host, port)] = vetted


def test_a_github_token_goes_to_github_over_tls_on_the_default_port_only():
    """GITHUB_TOKEN reaches https://github.com (a local TLS server with a certificate for
    github.com and example.org, pinned as github.com:443 by the test resolver), and
    neither another host on the same server nor github.com over plain HTTP."""
    import aiohttp.connector

    authority = trustme.CA()
    authority.configure_trust(aiohttp.connector._SSL_CONTEXT_VERIFIED)  # the client's trust
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("github.com", "example.org").configure_cert(context)
    tls, plain = ScriptedServer(tls=context), ScriptedServer()
    try:
        for srv in (tls, plain):
            srv.routes["/x"] = lambda h, n: h.reply(200, page(TITLE))
        tls_port = tls.servers[0].server_address[1]
        plain_port = plain.servers[0].server_address[1]
        urls = [
            "https://github.com/x",
            "https://example.org/x",
            f"http://github.com:{plain_port}/x",
        ]

        async def scenario() -> list[Result]:
            checker = Checker(CheckSettings(github_token="secret-token", timeout=5.0))
            _pinned(checker, "github.com", 443, tls_port)
            _pinned(checker, "example.org", 443, tls_port)
            _pinned(checker, "github.com", plain_port, plain_port)
            try:
                return [await checker.check_one(target(url)) for url in urls]
            finally:
                await checker.aclose()

        results = asyncio.run(scenario())
        assert [r.status for r in results] == [Status.OK] * 3, [r.detail for r in results]
        sent = [h.get("authorization") for h in tls.recorder.headers]
        assert sent == ["Bearer secret-token", None]  # github.com, then example.org
        assert [h.get("authorization") for h in plain.recorder.headers] == [None]
    finally:
        tls.close()
        plain.close()


def _cookie_bounce(server: ScriptedServer, set_cookie: bytes) -> None:
    """/start sets `set_cookie` (raw bytes, as the server sends them) on a redirect to
    /next, which answers the paper's page whatever cookie comes."""
    header = set_cookie.decode("latin-1")  # http.server writes headers back as latin-1
    server.routes["/start"] = lambda h, n: h.reply(
        302, headers={"Location": "/next", "Set-Cookie": header}
    )
    server.routes["/next"] = lambda h, n: h.reply(200, page(TITLE))


def _sent_cookie(server: ScriptedServer) -> bytes | None:
    """The Cookie header /next received, as bytes (http.server reads headers as latin-1)."""
    (next_hop,) = [
        h
        for (_, _, p), h in zip(server.recorder.requests, server.recorder.headers, strict=True)
        if p == "/next"
    ]
    cookie = next_hop.get("cookie")
    return None if cookie is None else cookie.encode("latin-1")


@pytest.mark.parametrize(
    "value", [b"caf\xc3\xa9", "\u65e5\u672c".encode(), b"\xf0\x9f\x8d\xaa=x", b"a b,c"]
)
def test_a_cookie_of_non_ascii_bytes_is_sent_back_byte_for_byte(server, sleep, value):
    """UTF-8 in a cookie (outside RFC 6265's cookie-octets, but what servers send and
    browsers and curl return as received): the next hop gets exactly the bytes."""
    _cookie_bounce(server, b"session=" + value + b"; Path=/")
    result = check(server.url("/start"), sleep)
    assert result.status is Status.OK, result.detail
    assert [p for _, _, p in server.recorder.requests] == ["/start", "/next"]
    assert _sent_cookie(server) == b"session=" + value


@pytest.mark.parametrize(
    ("set_cookie", "sent"),
    [
        (b"lone=caf\xe9", None),  # latin-1, not UTF-8: aiohttp cannot send it unaltered
        (b"ctl=a\x01b", None),  # a control character: browsers ignore the cookie
        (b"esc=\x1b[31m", None),
        (b"del=a\x7fb", None),
        (b"big=" + b"v" * 10_240, None),  # over 4,096 bytes: browsers ignore it too
        (b"tab=a\tb", b"tab=a\tb"),  # a tab is allowed
        (b"fine=" + b"v" * 4_000, b"fine=" + b"v" * 4_000),
    ],
    ids=["latin-1", "control", "escape", "delete", "10-kib", "tab", "4000-bytes"],
)
def test_a_hostile_cookie_never_breaks_the_link(server, sleep, set_cookie, sent):
    """Whatever a Set-Cookie holds, the link gets its verdict (ok) and nothing raises: a
    cookie a browser would ignore, or one that cannot go back as it came, is not sent."""
    _cookie_bounce(server, set_cookie + b"; Path=/")
    result = check(server.url("/start"), sleep)
    assert result.status is Status.OK, result.detail
    assert [p for _, _, p in server.recorder.requests] == ["/start", "/next"]
    assert _sent_cookie(server) == sent


def test_a_dropped_cookie_leaves_the_others_sent(server, sleep):
    def start(handler: Handler, nth: int) -> None:
        handler._leave()
        handler.send_response(302)
        handler.send_header("Location", "/next")
        handler.send_header("Content-Length", "0")
        handler.send_header("Set-Cookie", "bad=caf\xe9; Path=/")  # latin-1 bytes
        handler.send_header("Set-Cookie", "good=caf\xc3\xa9; Path=/")  # UTF-8 bytes
        handler.end_headers()

    server.routes["/start"] = start
    server.routes["/next"] = lambda h, n: h.reply(200, page(TITLE))
    result = check(server.url("/start"), sleep)
    assert result.status is Status.OK, result.detail
    assert _sent_cookie(server) == b"good=caf\xc3\xa9"
