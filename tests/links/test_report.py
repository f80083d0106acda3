"""The JSON report: valid for any text, one link per line (easy to grep and to diff)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from readme_gen.links.results import FAILING_BY_DEFAULT, Result, Status, Use
from readme_gen.position import Position
from readme_gen.publish.report import Report, to_json


def result(n: int, title: str = "A paper", detail: str = "") -> Result:
    return Result(
        f"https://example.org/{n}",
        Status.OK,
        (Use(title, Position(n + 1, 18)),),
        http_status=200,
        redirects=((301, f"https://example.org/{n}/"),),
        detail=detail,
    )


def test_an_empty_report():
    text = to_json(Report((), FAILING_BY_DEFAULT, 0.5))
    assert json.loads(text)["links"] == []
    assert text.endswith('"links": []\n}\n')


def test_one_link_per_line():
    text = to_json(Report(tuple(result(n) for n in range(3)), FAILING_BY_DEFAULT, 0.5))
    lines = text.split("\n")
    assert lines[0] == "{" and lines[1].startswith('  "summary": {"total": 3, "ok": 3')
    assert lines[2] == '  "links": ['
    assert [json.loads(line.strip().rstrip(","))["url"] for line in lines[3:6]] == [
        "https://example.org/0",
        "https://example.org/1",
        "https://example.org/2",
    ]
    assert lines[6:] == ["  ]", "}", ""]


@given(st.lists(st.tuples(st.text(), st.text()), max_size=5))
def test_any_text_round_trips(texts):
    results = tuple(result(n, title, detail) for n, (title, detail) in enumerate(texts))
    text = to_json(Report(results, FAILING_BY_DEFAULT, 1.0))
    data = json.loads(text)
    assert [(link["papers"][0]["title"], link["detail"]) for link in data["links"]] == texts
    assert len(text.split("\n")) == (len(texts) + 6 if texts else 5)  # no text breaks a line


def test_an_unfinished_preprint_check_is_said_in_every_format():
    from readme_gen.links.results import Incomplete
    from readme_gen.net.reasons import Reason
    from readme_gen.publish.emit import write_links

    said = "preprint check incomplete: 120 ids (rate-limited)"
    unfinished = (Incomplete("preprint check", 120, Reason.RATE_LIMITED, "HTTP 503"),)
    report = Report((result(0),), FAILING_BY_DEFAULT, 0.5, incomplete=unfinished)
    for name in ("text", "markdown", "github"):
        assert said in write_links(report, name), name
    summary = json.loads(to_json(report))["summary"]
    assert summary["incomplete"] == [
        {"what": "preprint check", "ids": 120, "reason": "rate-limited", "detail": "HTTP 503"}
    ]
    assert json.loads(to_json(Report((), FAILING_BY_DEFAULT, 0.5)))["summary"]["incomplete"] == []
