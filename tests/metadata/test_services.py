"""The services client against local servers shaped like export.arxiv.org and doi.org."""

from __future__ import annotations

import asyncio
import json
import re
import threading
from urllib.parse import parse_qs, urlsplit

import pytest

from readme_gen.metadata.failure import Failure, Reason
from readme_gen.metadata.services import (
    CSL_JSON,
    ENV_ARXIV,
    ENV_DOI,
    USER_AGENT,
    Services,
    ServiceSettings,
    from_env,
)
from readme_gen.net.settings import WireSettings
from tests.support.paths import FIXTURES

FEED = (FIXTURES / "metadata" / "arxiv_feed.xml").read_bytes()
CROSSREF = (FIXTURES / "metadata" / "crossref_csl.json").read_bytes()
ATOM = "application/atom+xml; charset=utf-8"


def run(server, sleep, coro_fn, **settings):
    async def main():
        services = Services(
            ServiceSettings(
                arxiv_url=server.url("/api/query"),
                doi_url=server.url("/doi/"),
                wire=WireSettings(allow_private=True, **settings),
            ),
            sleep=sleep,
            clock=sleep.clock,
        )
        try:
            return await coro_fn(services)
        finally:
            await services.aclose()

    return asyncio.run(main())


def queries(server):
    return [parse_qs(urlsplit(h["x-path"]).query) for h in server.recorder.headers]


@pytest.fixture
def arxiv(server):
    @server.route("/api/query")
    def query(handler, nth):
        handler.server.recorder.headers[-1]["x-path"] = handler.path
        handler.reply(200, FEED, content_type=ATOM)

    return server


def test_one_request_per_batch_with_max_results_and_a_user_agent(arxiv, sleep):
    entries, failures = run(
        arxiv, sleep, lambda s: s.arxiv(["2412.10181", "1912.04488", "2412.10181"])
    )
    assert failures == []
    assert entries["2412.10181"].journal_ref.startswith("Proceedings of the IEEE/CVF")
    assert entries["1912.04488"].journal_ref == ""  # a feed entry without journal_ref
    assert arxiv.recorder.count("/api/query") == 1
    assert queries(arxiv) == [{"id_list": ["2412.10181,1912.04488"], "max_results": ["2"]}]
    assert arxiv.recorder.headers[0]["user-agent"] == USER_AGENT


def test_batches_of_a_hundred_three_seconds_apart_one_at_a_time(arxiv, sleep):
    ids = [f"2401.{i:05d}" for i in range(250)]
    run(arxiv, sleep, lambda s: s.arxiv(ids))
    assert [len(q["id_list"][0].split(",")) for q in queries(arxiv)] == [100, 100, 50]
    assert [q["max_results"] for q in queries(arxiv)] == [["100"], ["100"], ["50"]]
    assert sleep.waits == [pytest.approx(3.0), pytest.approx(3.0)]
    assert arxiv.recorder.max_in_flight["127.0.0.1"] == 1


def test_concurrent_callers_still_wait_their_turn(arxiv, sleep):
    async def both(s):
        return await asyncio.gather(s.arxiv_batch(["2412.10181"]), s.arxiv_batch(["1912.04488"]))

    run(arxiv, sleep, both)
    assert arxiv.recorder.max_in_flight["127.0.0.1"] == 1
    assert sleep.waits == [pytest.approx(3.0)]


@pytest.mark.parametrize("status", [429, 503])
def test_arxiv_429_and_503_are_retried_honouring_retry_after(server, sleep, status):
    @server.route("/api/query")
    def query(handler, nth):
        if nth <= 2:
            handler.reply(
                status, b"Rate exceeded.", {"Retry-After": "7"}, content_type="text/plain"
            )
        else:
            handler.reply(200, FEED, content_type=ATOM)

    entries = run(server, sleep, lambda s: s.arxiv_batch(["2412.10181"]))
    assert "2412.10181" in entries
    assert server.recorder.count("/api/query") == 3
    assert sleep.waits == [7.0, 7.0]


def test_without_retry_after_the_wait_backs_off(server, sleep):
    @server.route("/api/query")
    def query(handler, nth):
        handler.reply(503, b"down", content_type="text/plain")

    result = run(server, sleep, lambda s: s.arxiv_batch(["2412.10181"]))
    assert result == Failure(Reason.RATE_LIMITED, "arXiv: HTTP 503 after every retry")
    assert server.recorder.count("/api/query") == 4  # the first attempt and 3 retries
    assert sleep.waits == [0.5, 1.0, 2.0]  # the link checker's backoff: one policy


def test_a_retry_after_beyond_the_cap_is_not_waited_for(server, sleep):
    @server.route("/api/query")
    def query(handler, nth):
        handler.reply(429, b"", {"Retry-After": "3600"})

    result = run(server, sleep, lambda s: s.arxiv_batch(["2412.10181"]))
    assert result.reason is Reason.RATE_LIMITED and "3600 s" in result.detail
    assert server.recorder.count("/api/query") == 1 and sleep.waits == []


def test_arxiv_400_error_feed_is_bad_input(server, sleep):
    @server.route("/api/query")
    def query(handler, nth):
        handler.reply(
            400, (FIXTURES / "metadata" / "arxiv_error.xml").read_bytes(), content_type=ATOM
        )

    assert run(server, sleep, lambda s: s.arxiv_batch(["not-an-id"])).reason is Reason.BAD_INPUT


def test_a_hostile_feed_is_a_failure(server, sleep):
    @server.route("/api/query")
    def query(handler, nth):
        handler.reply(
            200, b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><feed/>', content_type=ATOM
        )

    assert (
        run(server, sleep, lambda s: s.arxiv_batch(["2412.10181"])).reason
        is Reason.MALFORMED_RESPONSE
    )


@pytest.fixture
def doi(server):
    """doi.org 302s to the registrar (api.crossref.org's transform), which answers CSL JSON."""
    crossref = server.url("/v1/works/10.1109/CVPR52729.2023.00708/transform", host_index=1)

    @server.route("/doi/10.1109/CVPR52729.2023.00708")
    def resolver(handler, nth):
        handler.reply(302, b"", {"Location": crossref, "Vary": "Accept"})

    @server.route("/v1/works/10.1109/CVPR52729.2023.00708/transform")
    def registrar(handler, nth):
        handler.reply(200, CROSSREF, content_type=CSL_JSON)

    return server


def test_doi_follows_the_redirect_to_the_registrar_with_the_csl_accept(doi, sleep):
    work = run(doi, sleep, lambda s: s.doi("10.1109/CVPR52729.2023.00708", known=["CVPR"]))
    assert work.venue == "CVPR" and work.year == 2023 and work.authors[0] == "Honglin Li"
    assert [(h, p) for _, h, p in doi.recorder.requests] == [
        ("127.0.0.1", "/doi/10.1109/CVPR52729.2023.00708"),
        ("127.0.0.2", "/v1/works/10.1109/CVPR52729.2023.00708/transform"),
    ]
    assert [h["accept"] for h in doi.recorder.headers] == [CSL_JSON, CSL_JSON]


def test_an_unknown_doi_is_not_found(server, sleep):
    result = run(server, sleep, lambda s: s.doi("10.9999/nothing"))
    assert result.reason is Reason.NOT_FOUND
    assert server.recorder.count() == 1


@pytest.mark.parametrize("status", [429, 503])
def test_doi_429_and_503_are_retried(server, sleep, status):
    @server.route("/doi/10.1/x")
    def resolver(handler, nth):
        if nth == 1:
            handler.reply(status, b"", {"Retry-After": "2"})
        else:
            handler.reply(
                200,
                json.dumps({"title": "T", "issued": {"date-parts": [[2024]]}}).encode(),
                content_type=CSL_JSON,
            )

    work = run(server, sleep, lambda s: s.doi("10.1/x"))
    assert work.title == "T" and work.year == 2024 and sleep.waits == [2.0]


@pytest.mark.parametrize(
    ("location", "reason", "detail"),
    [
        (
            "file:///etc/passwd",
            Reason.BAD_REDIRECT,
            "[bad-redirect] redirect to a URL that cannot be fetched: 'file:///etc/passwd' "
            "(not an http(s) URL)",
        ),
        ("/doi/10.1/loop", Reason.REDIRECT_LOOP, "[redirect-loop] redirect loop"),
        (
            "/doi/10.1/on?n={n}",
            Reason.TOO_MANY_REDIRECTS,
            "[too-many-redirects] more than 4 redirects",
        ),
    ],
)
def test_hostile_redirects_are_refused_as_links_are(server, sleep, location, reason, detail):
    @server.route("/doi/10.1/loop")
    def resolver(handler, nth):
        handler.reply(302, b"", {"Location": location.format(n=nth)})

    @server.route("/doi/10.1/on")
    def onwards(handler, nth):
        handler.reply(302, b"", {"Location": f"/doi/10.1/on?n={nth + 100}"})

    found = run(server, sleep, lambda s: s.doi("10.1/loop"), max_redirects=4)
    assert found == Failure(reason, detail)
    assert sleep.waits == []


def test_private_addresses_are_refused_unless_allowed(doi, sleep):
    async def main():
        services = Services(
            ServiceSettings(doi_url=doi.url("/doi/")), sleep=sleep, clock=sleep.clock
        )
        try:
            return await services.doi("10.1109/CVPR52729.2023.00708")
        finally:
            await services.aclose()

    result = asyncio.run(main())
    assert result == Failure(
        Reason.PRIVATE_ADDRESS,
        "[private-address] refused: 127.0.0.1 resolves to the non-public address 127.0.0.1 "
        "(--allow-private allows it)",
    )
    assert doi.recorder.count() == 0


def test_an_oversized_answer_is_not_read_to_the_end(server, sleep):
    @server.route("/doi/10.1/big")
    def resolver(handler, nth):
        handler.reply(200, b"[" + b" " * (2 * 1024 * 1024) + b"]", content_type=CSL_JSON)

    assert run(server, sleep, lambda s: s.doi("10.1/big")).reason is Reason.TOO_LARGE


def test_an_unreachable_service_is_retried_then_a_failure(sleep):
    async def main():
        settings = ServiceSettings(
            doi_url="http://127.0.0.1:9/doi/", wire=WireSettings(allow_private=True)
        )
        services = Services(settings, sleep=sleep, clock=sleep.clock)
        try:
            return await services.doi("10.1/x")
        finally:
            await services.aclose()

    result = asyncio.run(main())
    # connection refused earns one more try, as a link's does
    assert result.reason is Reason.REFUSED and sleep.waits == [0.5]


def test_base_urls_come_from_the_environment():
    settings = from_env({ENV_ARXIV: "http://127.0.0.1:1/api/query", ENV_DOI: "http://127.0.0.1:1/"})
    assert (settings.arxiv_url, settings.doi_url) == (
        "http://127.0.0.1:1/api/query",
        "http://127.0.0.1:1/",
    )
    assert from_env({ENV_ARXIV: ""}).arxiv_url == "https://export.arxiv.org/api/query"
    assert from_env({}).doi_url == "https://doi.org/"


def test_a_location_that_is_no_url_is_a_bad_redirect_not_retried(server, sleep):
    @server.route("/doi/10.1/bad")
    def resolver(handler, nth):
        handler.reply(302, b"", {"Location": "http://[::1"})

    result = run(server, sleep, lambda s: s.doi("10.1/bad"))
    assert result.reason is Reason.BAD_REDIRECT and result.detail.startswith("[bad-redirect]")
    assert server.recorder.count() == 1 and sleep.waits == []


def test_connections_go_to_the_vetted_address_as_in_links(sleep):
    """The same resolver as the link checker: the address judged is the address used. The
    vetted answer for `localhost` is preloaded as 127.0.0.2, where the only server is."""
    import socket

    from readme_gen.net.resolver import Verdict
    from tests.support.servers import ScriptedServer

    srv = ScriptedServer(("127.0.0.2",))
    try:
        srv.routes["/doi/10.1/x"] = lambda h, n: h.reply(200, CROSSREF, content_type=CSL_JSON)
        port = srv.servers[0].server_address[1]

        async def main():
            services = Services(
                ServiceSettings(
                    doi_url=f"http://localhost:{port}/doi/", wire=WireSettings(allow_private=True)
                ),
                sleep=sleep,
                clock=sleep.clock,
            )
            vetted = asyncio.get_running_loop().create_future()
            vetted.set_result(Verdict(((socket.AF_INET, socket.IPPROTO_TCP, "127.0.0.2", port),)))
            services._wire.resolver._lookups[("localhost", port)] = vetted
            try:
                return await services.doi("10.1/x")
            finally:
                await services.aclose()

        work = asyncio.run(main())
        assert not isinstance(work, Failure), work
        assert srv.recorder.requests == [("GET", "127.0.0.2", "/doi/10.1/x")]
    finally:
        srv.close()


def _bomb(size: int) -> bytes:
    """`size` zero bytes, gzipped twice: a few KB on the wire."""
    import gzip
    import zlib

    inner = zlib.compressobj(9, zlib.DEFLATED, 31)  # a gzip stream, built in pieces
    block = b"\0" * (1 << 20)
    layer = b"".join(inner.compress(block) for _ in range(size >> 20)) + inner.flush()
    return gzip.compress(layer, 9)


def test_a_gzip_inside_a_gzip_is_refused_without_being_decoded(server, sleep):
    """`Content-Encoding: gzip, gzip` of 256 MB of zeros: the body is read raw and bounded,
    then decompressed with a bound (it reached 1.24 GB RSS when decoded first)."""
    import tracemalloc

    bomb = _bomb(256 << 20)
    assert len(bomb) < 64 * 1024

    @server.route("/doi/10.1/bomb")
    def resolver(handler, nth):
        handler.reply(200, bomb, {"Content-Encoding": "gzip, gzip"}, content_type=CSL_JSON)

    tracemalloc.start()
    try:
        result = run(server, sleep, lambda s: s.doi("10.1/bomb"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.reason is Reason.TOO_LARGE and "decompressed" in result.detail
    assert peak < 32 << 20


def test_a_compressed_answer_within_the_bound_is_read(server, sleep):
    import gzip

    record = json.dumps({"title": "T", "issued": {"date-parts": [[2024]]}}).encode()

    @server.route("/doi/10.1/gz")
    def resolver(handler, nth):
        handler.reply(
            200, gzip.compress(record), {"Content-Encoding": "gzip"}, content_type=CSL_JSON
        )

    work = run(server, sleep, lambda s: s.doi("10.1/gz"))
    assert not isinstance(work, Failure) and work.title == "T"
    assert server.recorder.headers[0]["accept-encoding"] == "identity"


def test_a_server_sending_a_byte_a_second_cannot_hang_a_request(server, sleep):
    """Each read gets its byte in time, so only a deadline per attempt ends it: the
    timeout (0.3 s), once more for the retry a timeout earns, well before the body ends.
    The server sees the client hang up on both (its writes fail) before its 200 bytes are
    out; the backoff between the attempts is a recorded wait."""
    ended: list[str] = []
    done = threading.Semaphore(0)

    @server.route("/doi/10.1/slow")
    def resolver(handler, nth):
        try:
            dribble(handler)
        finally:
            done.release()

    def dribble(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", CSL_JSON)
        handler.send_header("Content-Length", "200")
        handler.end_headers()
        try:
            for _ in range(200):
                if handler.server.recorder.stop.wait(0.05):
                    ended.append("stopped")
                    return
                handler.wfile.write(b" ")
                handler.wfile.flush()
            ended.append("wrote it all")
        except (BrokenPipeError, ConnectionResetError):
            ended.append("client hung up")

    result = run(server, sleep, lambda s: s.doi("10.1/slow"), timeout=0.3)
    assert result.reason is Reason.TIMEOUT_READ, result
    assert server.recorder.count("/doi/10.1/slow") == 2
    assert sleep.waits == [0.5]  # the first backoff (the services' jitter sits mid-way)
    assert done.acquire(timeout=30) and done.acquire(timeout=30)  # a guard, not a bound
    assert ended == ["client hung up", "client hung up"]


def test_the_doi_asked_for_stays_the_works(server, sleep):
    """A record's own DOI field is the registrar's word and may name another work."""

    @server.route("/doi/10.1/asked")
    def resolver(handler, nth):
        record = {"DOI": "10.9999/another", "title": "T", "issued": {"date-parts": [[2024]]}}
        handler.reply(200, json.dumps(record).encode(), content_type=CSL_JSON)

    assert run(server, sleep, lambda s: s.doi("10.1/asked")).doi == "10.1/asked"


def test_a_value_the_catalog_would_refuse_is_dropped_and_named_by_its_source(arxiv_2999):
    """A year of 2999 in arXiv's entry used to surface as a catalog.yaml error at a line
    nobody wrote; now the draft goes without it, and the note names arXiv and the id."""
    from readme_gen.metadata.lookup import Identified, look_up

    settings = ServiceSettings(
        arxiv_url=arxiv_2999.url("/api/query"), wire=WireSettings(allow_private=True)
    )
    found = look_up("arxiv", "2412.10181", settings, aliases={}, known=())
    assert isinstance(found, Identified) and found.draft.year is None
    assert found.draft.title.startswith("Boosting the Dual-Stream")
    assert len(found.notes) == 1
    assert found.notes[0].startswith("arXiv's year for 2412.10181 is 2999, out of range")


@pytest.fixture
def arxiv_2999(server):
    # without its journal_ref, whose publication year would win over the posting's
    feed = re.sub(
        rb"<arxiv:journal_ref[^>]*>[^<]*</arxiv:journal_ref>",
        b"",
        FEED.replace(b"<published>2024-", b"<published>2999-", 1),
        count=1,
    )
    server.routes["/api/query"] = lambda h, n: h.reply(200, feed, content_type=ATOM)
    return server
