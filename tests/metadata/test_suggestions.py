"""A suggestion for every bad link: the right page for a mismatch (arXiv's search, then
Semantic Scholar's title match), an archived copy for a broken link (the Wayback
Machine); shown in every report format, applied only by `--fix-venues` (venues)."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from pathlib import Path

import pytest

from readme_gen.catalog.fix import rewrite_scalars as rewrite
from readme_gen.catalog.load import parse_catalog
from readme_gen.links.fix_venues import venue_changes
from readme_gen.links.results import Result, Status, Suggestion, Use
from readme_gen.links.suggest import searched
from readme_gen.net.reasons import Reason
from readme_gen.position import Position
from readme_gen.publish.emit import write_links
from readme_gen.publish.report import Report
from tests.support.scholarly import Library, S2Paper, serve
from tests.support.servers import ScriptedServer
from tests.support.venues import settings

MISMATCHED = Use(
    "Segment Anything",
    Position(9, 18),
    authors=("Alexander Kirillov", "Eric Mintun"),
    year=2023,
    venue="ICCV",
)


@pytest.fixture
def services():
    lib = Library()
    lib.arxiv.append(
        S2Paper("2304.02643", "Segment Anything", ["Alexander Kirillov", "Eric Mintun"], year=2023)
    )
    lib.arxiv.append(S2Paper("2404.00001", "Segment Anything", ["Other Person"], year=2024))
    lib.s2["2304.02643"] = S2Paper(
        "2304.02643", "Mask R-CNN", ["Kaiming He", "Ross Girshick"], doi="10.1109/ICCV.2017.322"
    )
    lib.snapshots["https://x.org/gone"] = (
        "http://web.archive.org/web/20200102030405/https://x.org/gone"
    )
    srv = ScriptedServer()
    env = serve(srv, lib)
    yield srv, env
    srv.close()


def suggest(results, env, sleep, **changes):
    check = settings(env, find_venues=False, suggest=True, **changes)
    return asyncio.run(searched(results, check, sleep=sleep, clock=sleep.clock))


def test_a_mismatch_gets_the_page_whose_title_and_authors_match(services, sleep):
    _srv, env = services
    wrong = Result(
        "https://x.org/other",
        Status.MISMATCH,
        (MISMATCHED,),
        detail="this link points to another paper",
    )
    [found] = suggest([wrong], env, sleep)
    assert found.suggestion == Suggestion(
        "page", "https://arxiv.org/abs/2304.02643 (arXiv)", url="https://arxiv.org/abs/2304.02643"
    )
    assert found.status is Status.MISMATCH  # never applied
    assert found.detail.endswith("; suggested: https://arxiv.org/abs/2304.02643 (arXiv)")


def test_semantic_scholar_when_arxiv_has_nothing(services, sleep):
    srv, env = services
    use = Use(
        "Mask R-CNN",
        Position(9, 18),
        authors=("Kaiming He", "Piotr Dollár", "Ross Girshick"),
        year=2017,
    )
    wrong = Result("https://x.org/other", Status.MISMATCH, (use,))
    [found] = suggest([wrong], env, sleep)
    assert found.suggestion.url == "https://doi.org/10.1109/ICCV.2017.322"
    assert (
        srv.recorder.count("/api/query") == 1
        and srv.recorder.count("/graph/v1/paper/search/match") == 1
    )


def test_a_broken_link_gets_the_closest_snapshot(services, sleep):
    _srv, env = services
    broken = Result(
        "https://x.org/gone",
        Status.BROKEN,
        (MISMATCHED,),
        detail="HTTP 404",
        reason=Reason.HTTP_STATUS,
    )
    [found] = suggest([broken], env, sleep)
    assert found.suggestion.url == "https://web.archive.org/web/20200102030405/https://x.org/gone"
    assert (
        "archived copy https://web.archive.org/web/20200102030405/https://x.org/gone of 2020-01-02"
        in found.detail
    )


def test_no_snapshot_no_suggestion_and_ok_links_cost_nothing(services, sleep):
    srv, env = services
    results = [
        Result("https://x.org/never", Status.BROKEN, (MISMATCHED,)),
        Result("https://x.org/fine", Status.OK, (MISMATCHED,)),
    ]
    assert suggest(results, env, sleep) == results
    assert srv.recorder.count() == 1


def test_suggestions_are_bounded_per_run(services, sleep):
    srv, env = services
    results = [Result(f"https://x.org/{n}", Status.BROKEN, (MISMATCHED,)) for n in range(20)]
    suggest(results, env, sleep, max_searches=3)
    assert srv.recorder.count() == 3


def test_suggestions_are_asked_for_venue_finding_is_on_fixing_is_asked_for():
    from readme_gen.links.settings import CheckSettings

    assert CheckSettings().suggest is False and CheckSettings().find_venues is True
    assert CheckSettings().fix_venues is False


def test_every_report_format_shows_the_suggestion():
    hostile = "https://web.archive.org/web/2020/https://x.org/a?<script>@everyone`|"
    s = Suggestion("snapshot", f"archived copy {hostile}", url=hostile)
    result = Result(
        "https://x.org/a",
        Status.BROKEN,
        (MISMATCHED,),
        detail=f"HTTP 404; suggested: {s.text}",
        reason=Reason.HTTP_STATUS,
        suggestion=s,
    )
    report = Report((result,), frozenset({Status.BROKEN}), 1.0, "catalog.yaml")
    data = json.loads(write_links(report, "json"))
    assert data["links"][0]["suggestion"] == {"kind": "snapshot", "text": s.text, "url": hostile}
    from readme_gen.escape import inert_markdown

    for name, escape in (("text", str), ("markdown", inert_markdown), ("github", str)):
        shown = write_links(report, name)
        assert escape("suggested: archived copy") in shown, name
    markdown = write_links(report, "markdown")
    assert "<script>" not in markdown and "@everyone" not in markdown


CATALOG = """\
title: T
description: D.
sections:
  - id: one
    title: One
    papers:
      - title: "InstructPix2Pix"  # keep this comment
        authors: [Tim Brooks]
        venue: arXiv
        year: 2022
        links:
          Paper: https://arxiv.org/abs/2211.09800
"""


def test_fix_venues_writes_venue_and_year_at_their_places():
    catalog = parse_catalog(CATALOG, "catalog.yaml", Path())
    use = Use(
        "InstructPix2Pix", Position(12, 18), authors=("Tim Brooks",), year=2022, venue="arXiv"
    )
    found = Suggestion("venue", "venue CVPR, year 2023 (Semantic Scholar)", "CVPR", 2023)
    result = Result("https://arxiv.org/abs/2211.09800", Status.DRIFT, (use,), suggestion=found)
    changes, fixed = venue_changes(catalog, [result])
    text = rewrite(CATALOG, changes)
    assert text == CATALOG.replace("venue: arXiv", "venue: CVPR").replace(
        "year: 2022", "year: 2023"
    )
    assert parse_catalog(text, "catalog.yaml", Path()).sections[0].papers[0].year == 2023
    assert [p.title for p, _ in fixed] == ["InstructPix2Pix"]
    # a suggestion of another kind, or a result that is not drift, changes nothing
    other = replace(result, suggestion=replace(found, kind="page"))
    assert venue_changes(catalog, [other, replace(result, status=Status.OK)]) == ([], [])


def test_fix_venues_through_the_command(tmp_path, monkeypatch, capsys):
    from readme_gen.commands.links import _fix_venues

    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalog.yaml").write_text(CATALOG, encoding="utf-8")
    use = Use(
        "InstructPix2Pix", Position(12, 18), authors=("Tim Brooks",), year=2022, venue="arXiv"
    )
    found = Suggestion("venue", "venue CVPR, year 2023 (Semantic Scholar)", "CVPR", 2023)
    result = Result("https://arxiv.org/abs/2211.09800", Status.DRIFT, (use,), suggestion=found)
    [after] = _fix_venues(tmp_path / "catalog.yaml", (result,))
    assert after.status is Status.OK
    assert "venue: CVPR" in (tmp_path / "catalog.yaml").read_text()
    assert (
        "| CVPR" in (tmp_path / "README.md").read_text()
        or "CVPR" in (tmp_path / "README.md").read_text()
    )
    assert "fixed the venue of 1 paper(s)" in capsys.readouterr().err


def test_the_audit_issue_shows_the_suggestion(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    s = Suggestion("snapshot", "archived copy https://web.archive.org/web/2020/https://x.org/a")
    result = Result(
        "https://x.org/a",
        Status.BROKEN,
        (MISMATCHED,),
        detail=f"HTTP 404; suggested: {s.text}",
        reason=Reason.HTTP_STATUS,
        suggestion=s,
    )
    report = Report((result,), frozenset({Status.BROKEN}), 1.0, "catalog.yaml")
    (tmp_path / "report.json").write_text(write_links(report, "json"), "utf-8")
    done = cli("audit-issue", "--report", "report.json", "--markdown", "summary.md")
    assert done.code == 0, done.err
    from readme_gen.escape import inert_markdown

    assert inert_markdown("suggested: archived copy") in (tmp_path / "summary.md").read_text(
        "utf-8"
    )
