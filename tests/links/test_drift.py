"""Metadata that is checked: the landing page's authors and year against the catalog's,
and arXiv's word on whether a listed preprint was published. Real servers on loopback."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from readme_gen.links.checker import run_check
from readme_gen.links.preprints import published
from readme_gen.links.results import Result, Status, Target, Use
from readme_gen.links.settings import CheckSettings
from readme_gen.net.reasons import Reason
from readme_gen.position import Position
from tests.support.catalogs import TITLE_A, TITLE_B, write_catalog
from tests.support.checks import TITLE, check
from tests.support.paths import FIXTURES

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
    (result,) = run_check(
        [target], CheckSettings(allow_private=True), sleep=sleep, clock=sleep.clock
    )
    assert result.status is Status.OK, result.detail


def test_a_page_with_another_year_is_drift(server, sleep):
    server.routes["/p"] = lambda h, n: h.reply(200, highwire(TITLE, ["Ann Author"], "2021/01/01"))
    use = Use(TITLE, Position(7, 18), authors=("Ann Author",), year=2024)
    (result,) = run_check(
        [Target(server.url("/p"), (use,))],
        CheckSettings(allow_private=True),
        sleep=sleep,
        clock=sleep.clock,
    )
    assert result.status is Status.DRIFT and result.reason is Reason.METADATA
    assert result.detail == "page says 2021, catalog 2024"


def test_a_page_year_with_no_catalog_year_to_compare_is_no_drift(server, sleep):
    server.routes["/p"] = lambda h, n: h.reply(200, highwire(TITLE, ["Ann Author"], "2021/01/01"))
    result = check(server.url("/p"), sleep)  # a target with no authors and no year
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


BOOSTING = (
    "Boosting the Dual-Stream Architecture in Ultra-High Resolution Segmentation with "
    "Resolution-Biased Uncertainty Estimation"
)  # arXiv's title for 2412.10181 in the fixture feed


def _preprint_result(url: str, venue: str, title: str = BOOSTING) -> Result:
    use = Use(title, Position(3, 5), authors=("Ann Author",), year=2024, venue=venue)
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
    out, incomplete = asyncio.run(published(results, settings, sleep=sleep, clock=sleep.clock))
    assert incomplete == ()
    assert [r.status for r in out] == [Status.DRIFT, Status.OK, Status.OK, Status.OK]
    assert out[0].reason is Reason.PUBLISHED
    assert "arXiv lists a publication" in out[0].detail and "suggested venue" in out[0].detail
    assert len(seen) == 1 and "2412.10181" in seen[0] and "1912.04488" in seen[0]


def test_an_arxiv_api_that_fails_changes_no_verdict(server, sleep):
    server.routes["/api/query"] = lambda h, n: h.reply(503)
    settings = CheckSettings(allow_private=True, arxiv_api_url=server.url("/api/query"), retries=1)
    results = [_preprint_result("https://arxiv.org/abs/2412.10181", "arXiv")]
    out, incomplete = asyncio.run(published(results, settings, sleep=sleep, clock=sleep.clock))
    assert out == results and server.recorder.count() == 2
    assert [str(i) for i in incomplete] == ["preprint check incomplete: 1 ids (rate-limited)"]


def test_the_arxiv_api_is_not_asked_without_candidates(server, sleep):
    settings = CheckSettings(allow_private=True, arxiv_api_url=server.url("/api/query"))
    results = [_preprint_result("https://arxiv.org/abs/2412.10181", "CVPR")]
    found = asyncio.run(published(results, settings, sleep=sleep, clock=sleep.clock))
    assert found == (results, ()) and server.recorder.count() == 0


def test_the_arxiv_api_url_comes_from_the_environment():
    from readme_gen.links.settings import resolve

    env = {"READMEGEN_ARXIV_API_URL": "http://127.0.0.1:9/api/query"}
    assert resolve({}, {}, env=env).arxiv_api_url == "http://127.0.0.1:9/api/query"
    assert resolve({}, {}, env={}).arxiv_api_url == "https://export.arxiv.org/api/query"


def test_an_arxiv_entry_for_another_paper_lends_it_no_venue(server, sleep):
    """2412.10181 in the catalog names another paper than arXiv's entry does (a mistyped
    id): arXiv's journal_ref is that paper's venue, not a suggestion for this one."""
    server.routes["/api/query"] = lambda h, n: h.reply(200, FEED, content_type=ATOM)
    settings = CheckSettings(allow_private=True, arxiv_api_url=server.url("/api/query"))
    results = [_preprint_result("https://arxiv.org/abs/2412.10181", "arXiv", TITLE)]
    out, _ = asyncio.run(published(results, settings, sleep=sleep, clock=sleep.clock))
    assert out == results


def _ids(n: int) -> list[Result]:
    return [_preprint_result(f"https://arxiv.org/abs/2401.{i:05d}", "arXiv") for i in range(n)]


def test_a_rate_limited_storm_stops_after_one_batch_and_is_reported(server, sleep):
    """500 preprints under a 503 storm: one batch and its retries, not five."""
    server.routes["/api/query"] = lambda h, n: h.reply(503)
    settings = CheckSettings(allow_private=True, arxiv_api_url=server.url("/api/query"))
    out, incomplete = asyncio.run(published(_ids(500), settings, sleep=sleep, clock=sleep.clock))
    assert server.recorder.count() == 4  # the first attempt and 3 retries
    assert [str(i) for i in incomplete] == ["preprint check incomplete: 500 ids (rate-limited)"]
    assert all(r.status is Status.OK for r in out)


def test_a_refused_id_is_left_out_and_the_rest_asked_again(server, sleep):
    bad = "2401.00007"

    @server.route("/api/query")
    def query(handler, nth):
        if bad in handler.path:
            error = f"<feed xmlns='http://www.w3.org/2005/Atom'><entry><summary>incorrect id format for {bad}</summary></entry></feed>"
            handler.reply(400, error.encode(), content_type=ATOM)
        else:
            handler.reply(200, FEED, content_type=ATOM)

    settings = CheckSettings(allow_private=True, arxiv_api_url=server.url("/api/query"))
    _, incomplete = asyncio.run(published(_ids(150), settings, sleep=sleep, clock=sleep.clock))
    assert server.recorder.count() == 3  # 100 refused, 99 again, then the other 50
    assert [str(i) for i in incomplete] == ["preprint check incomplete: 1 ids (bad-input)"]
    assert bad in incomplete[0].detail


def test_the_preprint_phase_keeps_to_its_budget(server, sleep):
    """Batches are 3 s apart (on the faked clock): with 4 s, the third is not asked."""
    server.routes["/api/query"] = lambda h, n: h.reply(200, FEED, content_type=ATOM)
    settings = CheckSettings(
        allow_private=True, arxiv_api_url=server.url("/api/query"), preprint_budget=4
    )
    _, incomplete = asyncio.run(published(_ids(300), settings, sleep=sleep, clock=sleep.clock))
    assert server.recorder.count() == 2
    assert [str(i) for i in incomplete] == ["preprint check incomplete: 100 ids (timeout-read)"]


def test_a_feed_in_an_encoding_python_refuses_is_reported_not_raised(server, sleep):
    """encoding="bogus" raised LookupError past parse_feed: `links` exited 3 after
    checking every link, with no report and no cache."""
    feed = b'<?xml version="1.0" encoding="bogus"?><feed xmlns="http://www.w3.org/2005/Atom"/>'
    server.routes["/api/query"] = lambda h, n: h.reply(200, feed, content_type=ATOM)
    settings = CheckSettings(allow_private=True, arxiv_api_url=server.url("/api/query"))
    results = [_preprint_result("https://arxiv.org/abs/2412.10181", "arXiv")]
    out, incomplete = asyncio.run(published(results, settings, sleep=sleep, clock=sleep.clock))
    assert out == results
    assert [str(i) for i in incomplete] == ["preprint check incomplete: 1 ids (malformed-response)"]


@given(
    url=st.text(min_size=1, max_size=60).filter(lambda u: "arxiv" not in u.lower()),
    venue=st.sampled_from(["arXiv", "", "arXiv preprint", "CoRR", "CVPR"]),
    status=st.sampled_from(list(Status)),
)
def test_only_an_ok_arxiv_link_can_be_a_preprint_candidate(url, venue, status):
    """check_all skips both preprint phases (and their imports) when no ok result has
    `arxiv` in its URL: that holds only while `candidates` needs exactly that."""
    from readme_gen.links.preprints import candidates

    assert candidates([replace(_preprint_result(url, venue), status=status)]) == {}
    arxiv = _preprint_result("https://arxiv.org/abs/2412.10181", venue)
    if status is not Status.OK:
        assert candidates([replace(arxiv, status=status)]) == {}
