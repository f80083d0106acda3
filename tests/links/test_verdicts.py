"""A verdict for every link, whatever a server sends: malformed answers, typed reasons,
retries by reason within a deadline. Real servers on loopback; only sleeps are faked."""

from __future__ import annotations

import json
import socket
import threading
from pathlib import Path

import pytest

from readme_gen.links.results import Result, Status
from readme_gen.net.reasons import Reason
from tests.support.catalogs import TITLE_B
from tests.support.checks import TITLE, check, target
from tests.support.servers import MALFORMED, Handler, ok_head, page, raw, stall

HEALTHY = "A healthy paper about patches and zooming"


@pytest.mark.parametrize("kind", list(MALFORMED))
def test_a_malformed_answer_is_broken_beside_a_healthy_link(cli, tmp_path, server, kind):
    """The run finishes, writes its report, and only the bad link is broken."""
    from tests.support.catalogs import TITLE_A, write_catalog

    server.routes["/bad"] = raw(MALFORMED[kind])
    server.routes["/ok"] = lambda h, n: h.reply(200, page(TITLE_A))
    # The healthy link comes first in the report (catalog order): swap titles to match.
    write_catalog(tmp_path, server.url("/ok"), server.url("/bad"))
    result = cli("links", "--allow-private", "--format", "json", "-o", "report.json")
    assert result.code == 1, result.err
    links = json.loads((tmp_path / "report.json").read_text())["links"]
    assert [link["status"] for link in links] == ["ok", "broken"]
    assert links[1]["reason"] == "malformed-response"
    assert links[1]["detail"].startswith("malformed response")
    assert links[1]["attempts"] == 2  # a reused connection may hold junk: one more try


def test_headers_as_long_as_browsers_accept_are_fine(server, sleep):
    long = b"Content-Security-Policy: " + b"a" * 60_000 + b"\r\n"
    body = page(TITLE)
    server.routes["/csp"] = raw(ok_head(long, b"Content-Length: %d\r\n\r\n" % len(body)) + body)
    result = check(server.url("/csp"), sleep)
    assert result.status is Status.OK, result.detail


def test_a_body_after_a_head_answer_harms_no_other_link(server, sleep):
    """A HEAD answer with a body leaves junk on a kept-alive connection; the next link on
    that connection must not pay for it with a false `broken`."""

    def head_with_body(handler: Handler, nth: int) -> None:
        handler._leave()
        handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n" + b"x" * 20)
        handler.wfile.flush()

    server.routes["/head-body"] = head_with_body
    server.routes["/next"] = lambda h, n: h.reply(200, page(TITLE))
    from readme_gen.links.checker import run_check
    from readme_gen.links.settings import CheckSettings

    settings = CheckSettings(allow_private=True, timeout=5.0, verify_titles=False, per_host=1)
    results = run_check(
        [target(server.url("/head-body")), target(server.url("/next"))],
        settings,
        sleep=sleep,
        clock=sleep.clock,
    )
    assert [r.status for r in results] == [Status.OK, Status.OK], [r.detail for r in results]


@pytest.mark.parametrize(
    ("location", "why"),
    [
        (b"http://exa\x7fmple.com/", "control character"),
        (b"http://" + b"a" * 70 + b".example.com/", "over 63 octets"),
        (b"ftp://example.com/paper", "not an http(s) URL"),
    ],
)
def test_a_location_that_cannot_be_fetched_is_a_bad_redirect(server, sleep, location, why):
    server.routes["/r"] = raw(
        b"HTTP/1.1 301 Moved\r\nLocation: " + location + b"\r\nContent-Length: 0\r\n\r\n"
    )
    result = check(server.url("/r"), sleep)
    assert result.status is Status.BROKEN and result.reason is Reason.BAD_REDIRECT
    assert why in result.detail
    assert sleep.waits == []  # final: no retry


def test_a_charset_that_cannot_decode_leniently_is_read_as_utf8(server, sleep):
    body = page(TITLE)
    server.routes["/idna"] = raw(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=idna\r\n"
        b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
    )
    result = check(server.url("/idna"), sleep)
    assert result.status is Status.OK and result.title_found == TITLE


def test_a_reset_says_reset_and_is_tried_twice_more(server, sleep):
    server.routes["/reset"] = lambda h, n: h.reset()
    result = check(server.url("/reset"), sleep)  # --retries 3: the reason allows 2
    assert result.status is Status.BROKEN and result.reason is Reason.RESET
    assert result.detail.startswith("connection reset") and "timed out" not in result.detail
    assert server.recorder.count() == 3 and result.attempts == 3
    assert (
        len(sleep.waits) == 2 and 0.375 <= sleep.waits[0] < 0.625 and 0.75 <= sleep.waits[1] < 1.25
    )


def test_a_refusal_says_refused_and_is_tried_once_more(sleep):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = check(f"http://127.0.0.1:{port}/paper", sleep)
    assert result.status is Status.BROKEN and result.reason is Reason.REFUSED
    assert result.detail.startswith("connection refused"), result.detail
    assert result.attempts == 2 and len(sleep.waits) == 1


def test_a_stall_costs_two_timeouts_not_four(server, sleep):
    """--retries 3, but a read timeout earns one retry: two attempts, each ended by the
    0.4 s timeout (the server would hold them 10 s), one backoff between them, recorded."""
    server.routes["/stall"] = lambda h, n: stall(h, 10)
    result = check(server.url("/stall"), sleep, timeout=0.4)
    assert result.status is Status.BROKEN and result.reason is Reason.TIMEOUT_READ
    assert result.detail.startswith("timed out after 0.4 s"), result.detail
    assert server.recorder.count() == 2 and result.attempts == 2
    assert len(sleep.waits) == 1 and 0.375 <= sleep.waits[0] < 0.625


def test_503_twice_then_200_is_ok(server, sleep):
    server.routes["/s"] = lambda h, n: h.reply(503) if n <= 2 else h.reply(200, page(TITLE))
    result = check(server.url("/s"), sleep)
    assert result.status is Status.OK and result.reason is None
    assert server.recorder.count() == 3


def test_429_with_retry_after_costs_exactly_one_extra_request(server, sleep):
    server.routes["/r"] = lambda h, n: (
        h.reply(429, headers={"Retry-After": "1"}) if n == 1 else h.reply(200, page(TITLE))
    )
    result = check(server.url("/r"), sleep)
    assert result.status is Status.OK and server.recorder.count() == 2
    assert sleep.waits[0] == 1.0


def test_the_link_deadline_bounds_all_attempts_and_waits(server, sleep):
    """With a deadline of 1.5 s, a link whose server demands 1 s between failures gets one
    retry: a second wait would pass the deadline (on the faked clock)."""
    server.routes["/busy"] = lambda h, n: h.reply(503, headers={"Retry-After": "1"})
    result = check(server.url("/busy"), sleep, link_deadline=1.5, retries=5)
    assert result.status is Status.BROKEN and result.reason is Reason.HTTP_STATUS
    assert result.attempts == 2 and server.recorder.count() == 2


def test_a_404_is_final_and_says_so(server, sleep):
    result = check(server.url("/missing"), sleep)
    assert result.reason is Reason.HTTP_STATUS and result.http_status == 404
    assert result.attempts == 1 and sleep.waits == []


def test_a_private_address_is_typed(server):
    from readme_gen.links.checker import run_check
    from readme_gen.links.settings import CheckSettings

    (result,) = run_check([target(server.url("/p"))], CheckSettings(timeout=5.0))
    assert result.reason is Reason.PRIVATE_ADDRESS and server.recorder.count() == 0


def test_reasons_appear_in_every_text_format(cli, tmp_path, server):
    from tests.support.catalogs import TITLE_A, write_catalog

    server.routes["/ok"] = lambda h, n: h.reply(200, page(TITLE_A))
    server.routes["/gone"] = lambda h, n: h.reply(410)
    write_catalog(tmp_path, server.url("/ok"), server.url("/gone"))
    from tests.support.markdown import render, shown

    for fmt in ("text", "markdown", "github"):
        result = cli("links", "--allow-private", "--format", fmt)
        out = shown("".join(render(result.out).texts)) if fmt == "markdown" else result.out
        assert "[http-status] HTTP 410" in out, (fmt, out)


# -- CPU: title extraction never starves other links -------------------------------
def test_a_pathological_page_does_not_push_another_link_past_its_timeout(server, sleep):
    """256 KiB of `<title>` without an end, and of `<meta a`: parsing such a page on the
    event loop must not make a slow but healthy link time out. The healthy link's server
    answers only once the pathological page's verdict is reported (its page parsed), so
    the parse falls within the healthy link's attempt, whatever the machine's speed; its
    cost is benchmarked in scripts/bench_titles.py."""
    from readme_gen.links.checker import run_check
    from readme_gen.links.settings import CheckSettings

    evil = b"<html><head>" + b"<title>" * 36_000 + b"<meta a" * 4_000
    parsed = threading.Event()

    def slow(handler: Handler, nth: int) -> None:
        parsed.wait(10)  # a guard: past the timeout, the link fails either way
        handler.reply(200, page(HEALTHY))

    def reported(result: Result) -> None:
        if result.url.endswith("/evil"):
            parsed.set()

    server.routes["/evil"] = lambda h, n: h.reply(200, evil)
    server.routes["/slow"] = slow
    settings = CheckSettings(allow_private=True, timeout=1.5, retries=0)
    evil_result, slow_result = run_check(
        [target(server.url("/evil"), "Some title"), target(server.url("/slow"), HEALTHY)],
        settings,
        on_result=reported,
    )
    assert slow_result.status is Status.OK, slow_result.detail
    assert evil_result.status is Status.OK


def test_the_report_is_written_when_the_cache_cannot_be(cli, tmp_path, server):
    from tests.support.catalogs import TITLE_A, TITLE_B, write_catalog

    server.routes["/a"] = lambda h, n: h.reply(200, page(TITLE_A))
    server.routes["/b"] = lambda h, n: h.reply(200, page(TITLE_B))
    write_catalog(tmp_path, server.url("/a"), server.url("/b"))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache's folder should be")
    cache = blocker / "cache.json"
    result = cli(
        "links", "--allow-private", "--cache", str(cache), "--format", "json", "-o", "r.json"
    )
    assert result.code == 0, result.err
    assert "warning: cannot write the cache" in result.err
    assert json.loads(Path(tmp_path / "r.json").read_text())["summary"]["ok"] == 2


@pytest.mark.parametrize(
    ("flag", "value"),
    [
        ("--timeout", "nan"),
        ("--timeout", "inf"),
        ("--timeout", "-1"),
        ("--timeout", "0"),
        ("--concurrency", "0"),
        ("--per-host", "-2"),
        ("--retries", "1.5"),
        ("--link-deadline", "forever"),
    ],
)
def test_bad_flag_values_are_usage_errors(cli, tmp_path, flag, value):
    (tmp_path / "catalog.yaml").write_text("title: T\ndescription: D.\nsections: []\n")
    result = cli("links", f"{flag}={value}")
    assert result.code == 2, (result.out, result.err)
    assert flag in result.err and "Traceback" not in result.err


def test_the_settings_table_in_the_docs_is_the_code():
    from readme_gen.links.settings import defaults_table
    from tests.support.paths import REPO

    docs = (REPO / "docs" / "links.md").read_text(encoding="utf-8")
    between = docs.split("<!-- settings:begin -->\n")[1].split("<!-- settings:end -->")[0]
    assert between == defaults_table()


def test_every_setting_is_a_flag_and_a_config_key():
    import argparse

    from readme_gen.links.settings import add_flags, options, resolve

    parser = argparse.ArgumentParser()
    add_flags(parser)
    flags = {a.dest for a in parser._actions}
    for key, f, _ in options():
        assert f.name in flags
        if f.default is not None:
            assert getattr(resolve({key: f.default}, {}, env={}), f.name) == f.default


def _redirect(location: bytes) -> bytes:
    return b"HTTP/1.1 301 Moved\r\nLocation: " + location + b"\r\nContent-Length: 0\r\n\r\n"


ODD = {  # the rest of issue 9's list: (answer, status, reason)
    "a Location with a DEL byte": (_redirect(b"http://exa\x7fmple.com/"), "broken", "bad-redirect"),
    "a Location whose host fails IDNA": (
        _redirect(b"http://" + b"a" * 70 + b".example.com/"),
        "broken",
        "bad-redirect",
    ),
    "charset=idna": (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=idna\r\nContent-Length: %d\r\n\r\n%s"
        % (len(page(TITLE_B)), page(TITLE_B)),
        "ok",
        None,
    ),
}


@pytest.mark.parametrize("kind", list(ODD))
def test_an_odd_answer_gets_its_verdict_beside_a_healthy_link(cli, tmp_path, server, kind):
    from tests.support.catalogs import TITLE_A, write_catalog

    answer, status, reason = ODD[kind]
    server.routes["/odd"] = raw(answer)
    server.routes["/ok"] = lambda h, n: h.reply(200, page(TITLE_A))
    write_catalog(tmp_path, server.url("/ok"), server.url("/odd"))
    result = cli("links", "--allow-private", "--format", "json", "-o", "report.json")
    assert result.code == (0 if status == "ok" else 1), result.err
    links = json.loads((tmp_path / "report.json").read_text())["links"]
    assert [link["status"] for link in links] == ["ok", status]
    assert links[1]["reason"] == reason
