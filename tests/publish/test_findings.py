"""The one Markdown rendering of findings: within GitHub's limits whatever the report,
worst first, and inert (rendered by cmark-gfm, nothing but our own elements and links)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readme_gen.escape import terminal
from readme_gen.links.results import FAILING_BY_DEFAULT, Result, Status, Use
from readme_gen.position import Position
from readme_gen.publish import findings
from readme_gen.publish.audit import MARKER, Audit, issue_body, summary
from readme_gen.publish.findings import ISSUE_LIMIT, SUMMARY_LIMIT, Finding
from readme_gen.publish.report import Report, to_markdown
from readme_gen.text import shorten
from tests.support.hostile import HOSTILE, HOSTILE_TEXT
from tests.support.markdown import render, shown

RUN = "https://github.com/owner/list/actions/runs/42"
HOSTILE_TITLE = "".join(HOSTILE) * 3  # ~1,000 characters of markup, mentions, controls


def audit(n: int, title: str = HOSTILE_TITLE, status: Status = Status.BROKEN) -> Audit:
    found = tuple(
        Finding(status, f"https://example.org/{i}?q=<b>|x", f"HTTP 404 {title}", ((title, i + 1),))
        for i in range(n)
    )
    return Audit({status: n, Status.OK: 7}, found)


def allowed_hrefs(text: str) -> set[str]:
    """The links readme-gen itself writes: each finding's URL, its archive, the run."""
    urls = set(re.findall(r"<(https://[^>]*)>", text))
    return urls | {RUN}


@pytest.mark.parametrize(("make", "limit"), [(issue_body, ISSUE_LIMIT), (summary, SUMMARY_LIMIT)])
def test_ten_thousand_hostile_broken_links_fit_the_limit(make, limit):
    body = make(audit(10_000), run_url=RUN)
    assert len(body.encode("utf-8")) <= limit
    assert limit - len(body.encode("utf-8")) < 10_000  # filled, not cut short
    lines = body.split("\n")
    counts = lines.index("| Status | Links |")
    assert lines[counts : counts + 4] == [
        "| Status | Links |",
        "| --- | --- |",
        "| broken | 10000 |",
        "| ok | 7 |",
    ]
    rows = [line for line in lines if line.startswith("| ") and "example.org" in line]
    more = re.search(r"^and (\d+) more: see the report attached to the run: <(.+)>$", body, re.M)
    assert more and more.group(2) == RUN
    assert len(rows) + int(more.group(1)) == 10_000
    assert rows[0].split(" | ")[2] == "1"  # the first link first
    out = render(body)
    assert set(out.tags) <= {
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "h2",
        "h3",
        "p",
        "a",
        "code",
        "!--",
    }
    assert set(out.hrefs) <= allowed_hrefs(body) and RUN in out.hrefs
    assert out.references() == []
    first = out.cells[4:8]  # after the two count rows: title, link, line, detail
    assert shown(first[0]) == shown(cell_text(HOSTILE_TITLE))
    assert first[2] == "1" and shown(first[3]).startswith("HTTP 404 @everyone")


def test_a_report_that_fits_is_whole_and_says_nothing_more():
    body = issue_body(audit(3, "A title"), run_url=RUN)
    assert "more: see the report" not in body and body.count("| A title |") == 3
    assert body.startswith(MARKER + "\n")


def test_worst_first():
    mixed = Audit(
        {},
        tuple(
            Finding(s, f"https://e.org/{s.value}", "", (("T", 1),))
            for s in (Status.BLOCKED, Status.MOVED, Status.MISMATCH, Status.BROKEN, Status.OK)
        ),
    )
    body = summary(mixed)
    order = [body.index(f"https://e.org/{s}>") for s in ("broken", "mismatch", "moved", "blocked")]
    assert order == sorted(order) and "https://e.org/ok" not in body


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(HOSTILE_TEXT, HOSTILE_TEXT, st.sampled_from(list(findings.HEADINGS))), max_size=6
    )
)
def test_any_findings_render_inert(items):
    found = tuple(
        Finding(status, f"https://e.org/{n}", detail, ((title, n + 1),))
        for n, (title, detail, status) in enumerate(items)
    )
    body = issue_body(Audit({}, found), run_url=RUN)
    out = render(body)
    assert set(out.tags) <= {
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "h3",
        "p",
        "a",
        "code",
        "!--",
    }
    assert set(out.hrefs) <= {f"https://e.org/{n}" for n in range(len(items))} | {
        f"https://web.archive.org/web/*/https://e.org/{n}" for n in range(len(items))
    } | {RUN}
    assert out.references() == []
    titles = out.cells[0::4]  # no count rows: the counts are empty
    assert [shown(t) for t in titles] == [shown(cell_text(t)) for t, _, _ in _by_status(items)]


def _by_status(items):
    return [i for s in findings.HEADINGS for i in items if i[2] is s]


def cell_text(title: str) -> str:
    """What a title cell shows: one line, controls escaped, trimmed, shortened."""
    return shorten(terminal(title).strip(" "), findings.TITLE_LIMIT)


def test_the_links_markdown_report_is_the_same_renderer_and_limit():
    title = HOSTILE_TITLE
    results = tuple(
        Result(
            f"https://example.org/{i}",
            Status.BROKEN,
            (Use(title, Position(i + 1, 18)),),
            detail="x",
        )
        for i in range(10_000)
    )
    body = to_markdown(Report(results, FAILING_BY_DEFAULT, 1.0), run=RUN)
    assert body.startswith("## Link audit\n")
    assert SUMMARY_LIMIT - 10_000 < len(body.encode("utf-8")) <= SUMMARY_LIMIT
    assert body.rstrip().endswith(f"see the report attached to the run: <{RUN}>")


def test_run_url_from_the_environment():
    env = {
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "o/r",
        "GITHUB_RUN_ID": "9",
    }
    assert findings.run_url(env) == "https://github.com/o/r/actions/runs/9"
    assert findings.run_url({**env, "GITHUB_RUN_ID": ""}) is None


def test_the_audit_issue_leads_each_detail_with_its_reason_as_the_report_does(tmp_path):
    """The issue body is rendered from the JSON report: the typed reason reaches it, in the
    same form as in the links report's own formats (and is not repeated when the detail
    already names it)."""
    import json

    from readme_gen.publish.audit import load_report

    links = [
        {
            "url": "https://e.org/a",
            "status": "broken",
            "reason": "reset",
            "detail": "connection reset: peer",
            "papers": [{"title": "A", "line": 3}],
        },
        {
            "url": "https://e.org/b",
            "status": "broken",
            "reason": "redirect-loop",
            "detail": "[redirect-loop] seen",
            "papers": [{"title": "B", "line": 4}],
        },
    ]
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"summary": {"broken": 2}, "links": links}))
    details = [f.detail for f in load_report(report).findings]
    assert details == ["[reset] connection reset: peer", "[redirect-loop] seen"]
    assert shown("".join(render(issue_body(load_report(report))).texts)).count("[reset]") == 1
