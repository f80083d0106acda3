"""Statuses are declared once (`links.results.Status`): their rank, headings and whether
they fail a run; every report lists them in that one order."""

from __future__ import annotations

from readme_gen.links.results import FAILING_BY_DEFAULT, FAILING_STRICT, Result, Status, Use
from readme_gen.position import Position
from readme_gen.publish import audit, findings
from readme_gen.publish.report import Report, to_markdown, to_text


def one_of_each() -> tuple[Result, ...]:
    return tuple(
        Result(f"https://example.org/{s.value}", s, (Use(f"Paper {s.value}", Position(n + 1, 9)),))
        for n, s in enumerate(Status)
    )


def test_every_status_carries_its_rank_and_headings():
    ranks = [s.rank for s in Status]
    assert sorted(ranks) == list(range(len(Status)))
    for status in Status:
        assert status.title and status.action
    assert Status.ranked()[0] is Status.BROKEN and Status.ranked()[-1] is Status.OK


def test_what_fails_a_run_is_the_statuses_own_word():
    assert {s for s in Status if s.fails} == FAILING_BY_DEFAULT == {Status.BROKEN, Status.MISMATCH}
    assert FAILING_BY_DEFAULT < FAILING_STRICT
    assert Status.OK not in FAILING_STRICT and Status.EXCLUDED not in FAILING_STRICT
    assert audit.ATTENTION == (Status.BROKEN, Status.MISMATCH, Status.MOVED, Status.DRIFT)


def test_the_text_report_and_the_markdown_list_statuses_in_one_order():
    report = Report(one_of_each(), FAILING_BY_DEFAULT, 1.0)
    text = to_text(report)
    shown = [s for s in Status.ranked() if f"{s.title} (1):" in text]
    assert shown == [s for s in Status.ranked() if s is not Status.OK]
    assert [text.index(f"{s.title} (1):") for s in shown] == sorted(
        text.index(f"{s.title} (1):") for s in shown
    )
    markdown = to_markdown(report)
    headed = [s for s in findings.HEADINGS if f"### {s.action}" in markdown]
    assert headed == list(findings.HEADINGS)
    places = [markdown.index(f"### {s.action}") for s in headed]
    assert places == sorted(places)
    # the count table too
    counted = [markdown.index(f"| {s.value} | 1 |") for s in Status.ranked()]
    assert counted == sorted(counted)


def test_the_site_reads_the_reports_statuses():
    """The site may not import the link checker (it reads the JSON report as input), so it
    spells the statuses; they must be the checker's."""
    from readme_gen.site.health import STATUSES

    assert set(STATUSES) == {s.value for s in Status}
    assert tuple(s.value for s in Status.ranked()) == STATUSES
