"""Venues found for preprints, against local servers shaped like Semantic Scholar and DBLP
serving a corpus of realistic records (tests/metadata/venue_corpus.py)."""

from __future__ import annotations

import json

import pytest

from readme_gen.links.results import Result, Status, Use
from readme_gen.metadata.dblp import parse_search
from readme_gen.metadata.failure import Failure, Reason
from readme_gen.metadata.found import authors_overlap, is_paper, same_title
from readme_gen.metadata.scholar import parse_batch, parse_match
from readme_gen.metadata.wayback import parse_available
from readme_gen.position import Position
from readme_gen.venues import full_venue
from tests.metadata import venue_corpus
from tests.support.scholarly import Library, S2Paper, serve
from tests.support.servers import ScriptedServer
from tests.support.venues import preprint, run, score, settings


@pytest.fixture
def corpus_servers():
    srv = ScriptedServer()
    env = serve(srv, venue_corpus.library())
    yield srv, env
    srv.close()


def test_the_corpus_is_realistic_and_large_enough():
    assert venue_corpus.records() >= 50
    assert len(venue_corpus.cases()) >= 40


def test_venues_found_on_the_corpus(corpus_servers, sleep):
    srv, env = corpus_servers
    cases = venue_corpus.cases()
    results = run([preprint(c, n + 1) for n, c in enumerate(cases)], settings(env), sleep)
    precision, recall = score(results, cases)
    assert precision == 1.0
    assert recall == 1.0
    for result, case in zip(results, cases, strict=True):
        if case.truth:
            assert result.status is Status.DRIFT and result.reason.value == "published"
            assert f"suggested: venue {case.truth[0]}, year {case.truth[1]}" in result.detail
        else:
            assert result.status is Status.OK and result.suggestion is None
    # one batch for every id; DBLP for the papers Semantic Scholar does not place, and to
    # confirm the year of those it places in their posting year (it often gives that year)
    assert srv.recorder.count("/graph/v1/paper/batch", "POST") == 1
    unplaced = len(cases) - len(venue_corpus.S2_PLACES) - 1  # YOLOv7 is placed too
    posting_year = sum(
        p == y and full_venue(v)[0] == "conference"
        for _a, _t, _au, p, v, y, _pv in venue_corpus.S2_PLACES
    )
    assert srv.recorder.count("/search/publ/api") == unplaced + posting_year


def test_the_batch_names_arxiv_ids_and_the_fields(corpus_servers, sleep):
    srv, env = corpus_servers
    case = venue_corpus.cases()[0]
    run([preprint(case, 1)], settings(env), sleep)
    _method, _path, body = srv.recorder.bodies[0]
    assert json.loads(body) == {"ids": [f"ARXIV:{case.arxiv}"]}
    query = next(p for m, _, p in srv.recorder.requests if m == "POST")
    assert query == "/graph/v1/paper/batch"
    assert srv.recorder.headers[0].get("x-api-key") is None


def test_the_api_key_comes_from_the_environment(corpus_servers, sleep):
    from readme_gen.links.settings import resolve

    srv, env = corpus_servers
    check = resolve({}, {}, env={**env, "SEMANTIC_SCHOLAR_API_KEY": "k3y"})
    assert check.s2_api_url == env["READMEGEN_S2_API_URL"] and check.s2_api_key == "k3y"
    assert "k3y" not in repr(check)
    from dataclasses import replace

    run([preprint(venue_corpus.cases()[0], 1)], replace(check, allow_private=True), sleep)
    assert srv.recorder.headers[0]["x-api-key"] == "k3y"


def test_429_with_retry_after_is_waited_for(corpus_servers, sleep):
    srv, env = corpus_servers
    real = srv.routes["/graph/v1/paper/batch"]

    def limited(handler, nth):
        if nth == 1:
            handler.reply(429, b"{}", headers={"Retry-After": "7"})
        else:
            real(handler, nth)

    srv.routes["/graph/v1/paper/batch"] = limited
    results = run([preprint(venue_corpus.cases()[0], 1)], settings(env), sleep)
    assert 7 in sleep.waits
    assert results[0].suggestion is not None and results[0].suggestion.venue == "CVPR"


def test_a_service_that_fails_changes_no_verdict(sleep):
    srv = ScriptedServer()
    try:
        env = serve(srv, Library())
        srv.routes["/graph/v1/paper/batch"] = lambda h, n: h.reply(500, b"oops")
        srv.routes["/search/publ/api"] = lambda h, n: h.reply(200, b"not json")
        results = [preprint(venue_corpus.cases()[0], 1)]
        assert run(results, settings(env, retries=0), sleep) == results
    finally:
        srv.close()


def test_the_budget_bounds_the_requests(corpus_servers, sleep):
    srv, env = corpus_servers
    cases = venue_corpus.cases()
    run([preprint(c, n + 1) for n, c in enumerate(cases)], settings(env, max_searches=5), sleep)
    assert len(srv.recorder.requests) == 5


def test_papers_with_a_venue_are_not_asked_about(corpus_servers, sleep):
    srv, env = corpus_servers
    case = venue_corpus.cases()[0]
    result = preprint(case, 1)
    listed = Result(result.url, Status.OK, (Use(case.title, Position(1, 1), venue="CVPR"),))
    assert run([listed], settings(env), sleep) == [listed]
    assert srv.recorder.requests == []


# -- the services' answers, read as hostile JSON ---------------------------------------
@pytest.mark.parametrize(
    "body",
    [b"", b"null", b"{}", b"[", b"[" * 100_000, b'"x"', b"1" * 5000, b"\xff\xfe", b"x" * 3_000_000],
)
def test_malformed_answers_are_failures_never_exceptions(body):
    for parse in (lambda d: parse_batch(d, ["1"]), parse_match, parse_search, parse_available):
        found = parse(body)
        assert isinstance(found, (Failure, list, dict)) or found is None


def test_wrong_types_are_skipped():
    items = [
        {"title": 5, "authors": "x", "externalIds": {"ArXiv": "1"}, "year": "soon"},
        {
            "title": "T",
            "authors": [{"name": None}, 3, {"name": "A B"}],
            "externalIds": {"ArXiv": "2"},
            "year": True,
        },
        None,
    ]
    found = parse_batch(json.dumps(items).encode(), ["1", "2", "3"])
    assert found["1"].title == "" and found["1"].authors == () and found["1"].year is None
    assert found["2"].authors == ("A B",) and found["2"].year is None
    assert "3" not in found


def test_a_record_for_another_id_is_refused():
    items = [S2Paper("9999.99999", "T", ["A"]).json()]
    assert parse_batch(json.dumps(items).encode(), ["1111.11111"]) == {}


def test_dblp_one_author_is_an_object_and_homonyms_lose_their_number():
    hit = {
        "info": {
            "title": "T.",
            "authors": {"author": {"text": "Wei Chen 0001"}},
            "venue": ["CVPR", "x"],
            "year": "2023",
            "type": "Conference and Workshop Papers",
        }
    }
    found = parse_search(json.dumps({"result": {"hits": {"hit": [hit]}}}).encode())
    assert found[0].title == "T" and found[0].authors == ("Wei Chen",) and found[0].venue == "CVPR"
    assert found[0].year == 2023


def test_wayback_takes_only_an_available_200_snapshot_at_the_archive():
    def closest(**c):
        return json.dumps({"archived_snapshots": {"closest": c}}).encode()

    good = "http://web.archive.org/web/20200101000000/https://x.org/a"
    assert parse_available(
        closest(available=True, url=good, timestamp="20200101000000", status="200")
    ).url.startswith("https://web.archive.org/")
    assert parse_available(closest(available=True, url=good, timestamp="1", status="404")) is None
    assert parse_available(closest(available=False, url=good, timestamp="1", status="200")) is None
    assert parse_available(closest(available=True, url="javascript:alert(1)", status="200")) is None
    assert parse_available(b'{"archived_snapshots": {}}') is None
    assert isinstance(parse_available(b"x" * 100_000), Failure)
    assert parse_available(b"x" * 100_000).reason is Reason.TOO_LARGE


def test_the_matching_rule():
    assert same_title("Mask R-CNN", "Mask R-CNN.") and same_title(
        "A  ConvNet for the 2020s", "a convnet for the 2020s"
    )
    assert not same_title("", "") and not same_title("Mask R-CNN", "Mask R-CNN 2")
    assert authors_overlap(
        ["Kaiming He", "Ross Girshick"],
        ["K. He", "Georgia Gkioxari", "Piotr Dollár", "Ross B. Girshick"],
    )
    assert not authors_overlap(
        ["Peng Li", "Hao Chen Liu"], ["Zhuang Liu", "Hanzi Mao", "Chao-Yuan Wu"]
    )
    assert not authors_overlap([], ["A"])
    from readme_gen.metadata.found import Record

    record = Record("DBLP", "Segment Anything", ("Wei Zhang", "Lei Wang"), "ICASSP", 2024)
    assert not is_paper(record, "Segment Anything", ["Alexander Kirillov", "Eric Mintun"])
