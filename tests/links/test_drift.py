"""Metadata that is checked: the landing page's authors and year against the catalog's,
and arXiv's word on whether a listed preprint was published. Real servers on loopback."""

from __future__ import annotations

import asyncio
import json

from readme_gen.links.preprints import published
from readme_gen.links.results import Result, Status, Target, Use
from readme_gen.links.settings import CheckSettings
from readme_gen.net.reasons import Reason
from readme_gen.position import Position
from tests.conftest import FIXTURES
from tests.links.test_checker import TITLE, check
from tests.links.test_links_command import TITLE_A, TITLE_B, write_catalog

FEED = (FIXTURES / "metadata" / "arxiv_feed.xml").read_bytes()
ATOM = "application/atom+xml; charset=utf-8"


def highwire(title: str, authors: list[str], date: str) -> bytes:
    tags = "".join(f'<meta name="citation_author" content="{a}">' for a in authors)
    return (
        f'<html><head><meta name="citation_title" content="{title}">{tags}'
        f'<meta name="citation_publication_date" content="{date}"></head><body></body></html>'
    ).encode()


def test_a_page_listing_other_authors_is_drift(server, sleep):
    page = highwire(TITLE, ["Wei Chen", "Rong Qin", "A Third", "A Fourth", "A Fifth"], "2025/06/10")
    server.routes["/p"] = lambda h, n: h.reply(200, page)
    target = Target(
        server.url("/p"),
        (
            Use(
                TITLE,
                Position(7, 18),
                authors=("Rong Qin", *[f"Author {i}" for i in range(6)]),
                year=2025,
            ),
        ),
    )
    from readme_gen.links.checker import run_check

    (result,) = run_check(
        [target], CheckSettings(allow_private=True), sleep=sleep, clock=sleep.clock
    )
    assert result.status is Status.DRIFT and result.reason is Reason.METADATA
    assert result.detail.startswith("page lists 5 authors, first Chen; catalog lists 7, first Qin")


def test_the_same_authors_in_another_form_are_no_drift(server, sleep):
    page = highwire(TITLE, ["Qin, Rong", "Müller, J."], "2025")
    server.routes["/p"] = lambda h, n: h.reply(200, page)
    target = Target(
        server.url("/p"),
        (Use(TITLE, Position(7, 18), authors=("Rong Qin", "Jürgen Muller"), year=2025),),
    )
    from readme_gen.links.checker import run_check

    (result,) = run_check(
        [target], CheckSettings(allow_private=True), sleep=sleep, clock=sleep.clock
    )
    assert result.status is Status.OK, result.detail


def test_a_page_with_another_year_is_drift(server, sleep):
    server.routes["/p"] = lambda h, n: h.reply(200, highwire(TITLE, ["Ann Author"], "2021/01/01"))
    result = check(server.url("/p"), sleep)  # the catalog's authors are unknown here
    assert result.status is Status.OK  # nothing to compare with: no drift claimed


def test_drift_fails_the_run_only_with_strict(cli, tmp_path, server):
    server.routes["/a"] = lambda h, n: h.reply(200, highwire(TITLE_A, ["Zed Other"], "2024"))
    server.routes["/b"] = lambda h, n: h.reply(200, highwire(TITLE_B, ["Bob Author"], "2023"))
    write_catalog(tmp_path, server.url("/a"), server.url("/b"))
    result = cli("links", "--allow-private", "--format", "json")
    assert result.code == 0, result.err
    links = json.loads(result.out)["links"]
    assert [link["status"] for link in links] == ["drift", "ok"]
    assert links[0]["reason"] == "metadata" and "Other" in links[0]["detail"]
    assert cli("links", "--allow-private", "--strict").code == 1
    for fmt in ("text", "github", "markdown"):
        assert "Other" in cli("links", "--allow-private", "--format", fmt).out


def _preprint_result(url: str, venue: str) -> Result:
    use = Use(TITLE, Position(3, 5), authors=("Ann Author",), year=2024, venue=venue)
    return Result(url, Status.OK, (use,))


def test_arxiv_preprints_that_were_published_are_drift(server, sleep):
    seen = []

    @server.route("/api/query")
    def query(handler, nth):
        seen.append(handler.path)
        handler.reply(200, FEED, content_type=ATOM)

    settings = CheckSettings(allow_private=True, arxiv_api_url=server.url("/api/query"))
    results = [
        _preprint_result("https://arxiv.org/abs/2412.10181", "arXiv"),
        _preprint_result("https://arxiv.org/abs/1912.04488", ""),  # arXiv knows no journal
        _preprint_result("https://arxiv.org/pdf/2412.10181v2", "CVPR"),  # already a venue
        _preprint_result("https://example.org/paper", "arXiv"),  # not an arXiv link
    ]
    out = asyncio.run(published(results, settings, sleep=sleep, clock=sleep.clock))
    assert [r.status for r in out] == [Status.DRIFT, Status.OK, Status.OK, Status.OK]
    assert out[0].reason is Reason.PUBLISHED
    assert "arXiv lists a publication" in out[0].detail and "suggested venue" in out[0].detail
    assert len(seen) == 1 and "2412.10181" in seen[0] and "1912.04488" in seen[0]


def test_an_arxiv_api_that_fails_changes_no_verdict(server, sleep):
    server.routes["/api/query"] = lambda h, n: h.reply(503)
    settings = CheckSettings(allow_private=True, arxiv_api_url=server.url("/api/query"), retries=1)
    results = [_preprint_result("https://arxiv.org/abs/2412.10181", "arXiv")]
    out = asyncio.run(published(results, settings, sleep=sleep, clock=sleep.clock))
    assert out == results and server.recorder.count() == 2


def test_the_arxiv_api_is_not_asked_without_candidates(server, sleep):
    settings = CheckSettings(allow_private=True, arxiv_api_url=server.url("/api/query"))
    results = [_preprint_result("https://arxiv.org/abs/2412.10181", "CVPR")]
    assert asyncio.run(published(results, settings, sleep=sleep, clock=sleep.clock)) == results
    assert server.recorder.count() == 0


def test_the_arxiv_api_url_comes_from_the_environment():
    from readme_gen.links.settings import resolve

    env = {"READMEGEN_ARXIV_API_URL": "http://127.0.0.1:9/api/query"}
    assert resolve({}, {}, env=env).arxiv_api_url == "http://127.0.0.1:9/api/query"
    assert resolve({}, {}, env={}).arxiv_api_url == "https://export.arxiv.org/api/query"
