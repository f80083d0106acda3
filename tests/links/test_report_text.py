"""The text report says a repeated thing once: links refused for a private address, the
excluded links, and an offline machine; a link shared by papers has its detail under each."""

from __future__ import annotations

import socket

from readme_gen.links.results import FAILING_BY_DEFAULT, Result, Status, Use
from readme_gen.net.reasons import Reason
from readme_gen.position import Position
from readme_gen.publish.report import Report, offline, to_text
from tests.support.catalogs import TITLE_A, TITLE_B, write_catalog
from tests.support.servers import page


def broken(n: int, reason: Reason, detail: str, host: str = "example.org") -> Result:
    use = Use(f"Paper {n}", Position(n + 1, 18))
    return Result(f"https://{host}/{n}", Status.BROKEN, (use,), detail=detail, reason=reason)


def text(*results: Result) -> str:
    return to_text(Report(results, FAILING_BY_DEFAULT, 1.0))


def test_links_refused_as_private_are_one_line():
    detail = "refused: h resolves to the non-public address 10.0.0.1 (--allow-private allows it)"
    results = [broken(n, Reason.PRIVATE_ADDRESS, detail) for n in range(42)]
    out = text(*results, broken(50, Reason.HTTP_STATUS, "HTTP 404"))
    assert out.count("non-public") == 0
    assert "  42 links refused: private addresses; pass --allow-private\n" in out
    assert "catalog.yaml:51:18: https://example.org/50" in out  # the others stay listed
    assert out.startswith("Broken (43):\n")


def test_one_private_link_is_shown_as_it_is():
    out = text(broken(0, Reason.PRIVATE_ADDRESS, "refused: private"), broken(1, Reason.DNS, "x"))
    assert "catalog.yaml:1:18: https://example.org/0" in out and "refused: private" in out
    assert "links refused" not in out


def test_excluded_links_are_summarised():
    excluded = [
        Result(f"https://e.org/{n}", Status.EXCLUDED, (Use("P", Position(n + 1, 18)),))
        for n in range(5)
    ]
    out = text(*excluded)
    assert "Excluded by configuration (5):\n  5 links not checked: they match an `exclude`" in out
    assert "https://e.org/" not in out


def test_a_shared_link_has_its_detail_under_every_paper():
    uses = (Use("First paper", Position(8, 18)), Use("Second paper", Position(15, 18)))
    shared = Result("https://e.org/x", Status.BROKEN, uses, detail="HTTP 404", reason=None)
    lines = text(shared).splitlines()
    first, second = lines.index("      First paper"), lines.index("      Second paper")
    assert lines[first + 1] == lines[second + 1] == "      HTTP 404"


def test_offline_needs_every_fetched_link_unreachable_on_two_hosts():
    a = broken(0, Reason.DNS, "DNS: a does not resolve", host="a.example")
    b = broken(1, Reason.CONNECT_FAILED, "unreachable", host="b.example")
    same_host = broken(2, Reason.DNS, "DNS: a does not resolve", host="a.example")
    ok = Result("https://c.example/", Status.OK, (Use("P", Position(1, 1)),))
    assert offline([a, b])
    assert not offline([a, same_host])  # one dead host is a broken link
    assert not offline([a, b, ok])
    assert not offline([a, broken(3, Reason.HTTP_STATUS, "HTTP 404", host="d.example")])
    out = text(a, b)
    assert "  2 links could not be reached (connect-failed: 1, dns: 1): every request" in out
    assert "this machine seems offline" in out and "a.example/0" not in out


def _closed_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def test_links_offline_says_so_end_to_end(cli, tmp_path):
    # Nothing listens on these ports of two loopback hosts: every connection is refused.
    a, b = (f"http://{h}:{_closed_port(h)}/p" for h in ("127.0.0.2", "127.0.0.3"))
    write_catalog(tmp_path, a, b)
    result = cli("links", "--allow-private", "--retries", "0")
    assert result.code == 1
    assert "2 links could not be reached (refused: 2)" in result.out
    assert "this machine seems offline" in result.out


def test_links_refused_as_private_end_to_end(cli, tmp_path, server):
    server.routes["/a"] = lambda h, n: h.reply(200, page(TITLE_A))
    server.routes["/b"] = lambda h, n: h.reply(200, page(TITLE_B))
    write_catalog(tmp_path, server.url("/a"), server.url("/b"))
    result = cli("links")
    assert result.code == 1
    assert "  2 links refused: private addresses; pass --allow-private\n" in result.out
    assert server.recorder.count() == 0
