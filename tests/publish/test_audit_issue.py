"""`readme-gen audit-issue` against a local server that serves the few GitHub REST
endpoints it uses: open, update, close, nothing to do, pagination, API errors."""

from __future__ import annotations

import json

import pytest

from readme_gen.publish.audit import MARKER
from tests.support.github import REPO, FakeGitHub
from tests.support.servers import ScriptedServer

LABELLED = [{"name": "bug"}, {"name": "link-audit"}]


def report(tmp_path, *statuses: str):
    links = [
        {
            "url": f"https://example.org/{n}",
            "status": s,
            "http_status": 404 if s == "broken" else 200,
            "final_url": None,
            "redirects": [],
            "attempts": 1,
            "elapsed_ms": 5,
            "title_found": None,
            "detail": f"detail {n}",
            "papers": [{"title": f"Paper {n}", "line": 10 + n, "column": 18}],
        }
        for n, s in enumerate(statuses)
    ]
    counts = {
        s: statuses.count(s) for s in ("ok", "moved", "mismatch", "blocked", "broken", "excluded")
    }
    path = tmp_path / "report.json"
    path.write_text(
        json.dumps({"summary": {"total": len(links), **counts}, "links": links}), "utf-8"
    )
    return path


@pytest.fixture
def github(monkeypatch):
    fake = FakeGitHub()
    monkeypatch.setenv("GITHUB_API_URL", fake.url)
    monkeypatch.setenv("GITHUB_TOKEN", "t0ken")
    yield fake
    fake.server.close()


def run(cli, path):
    return cli("audit-issue", "--report", str(path), "--repo", REPO)


def test_opens_one_issue_when_links_fail(cli, tmp_path, github):
    result = run(cli, report(tmp_path, "ok", "broken", "blocked"))
    assert result.code == 0, result.err
    assert result.out.startswith("opened #1: Link audit: 1 broken")
    issue = github.issues[1]
    assert issue["labels"] == [{"name": "link-audit"}]
    assert issue["body"].startswith(MARKER)
    assert "| Paper 1 | <https://example.org/1> | 11 | detail 1" in issue["body"]
    assert "Could not verify" in issue["body"]  # blocked is listed, apart from broken
    assert github.server.recorder.headers[0]["authorization"] == "Bearer t0ken"


def test_updates_the_existing_issue_instead_of_opening_another(cli, tmp_path, github):
    run(cli, report(tmp_path, "broken"))
    result = run(cli, report(tmp_path, "broken", "moved"))
    assert result.code == 0
    assert "updated #1: Link audit: 1 broken, 1 moved" in result.out
    assert len(github.issues) == 1 and github.comments == []
    assert github.issues[1]["title"] == "Link audit: 1 broken, 1 moved"
    again = run(cli, report(tmp_path, "broken", "moved"))
    assert again.out.strip() == "#1 is up to date"
    assert github.writes()[-1] == ("PATCH", f"/repos/{REPO}/issues/1")
    assert len(github.writes()) == 2


def test_closes_with_a_comment_when_all_is_healthy(cli, tmp_path, github):
    run(cli, report(tmp_path, "broken"))
    result = run(cli, report(tmp_path, "ok", "blocked"))
    assert result.code == 0 and "closed #1" in result.out
    assert github.issues[1]["state"] == "closed"
    assert github.comments[0][0] == 1 and "healthy again" in github.comments[0][1]
    assert github.writes()[-2:] == [
        ("POST", f"/repos/{REPO}/issues/1/comments"),
        ("PATCH", f"/repos/{REPO}/issues/1"),
    ]


def test_nothing_to_do(cli, tmp_path, github):
    result = run(cli, report(tmp_path, "ok", "blocked", "excluded"))
    assert result.code == 0 and "nothing to do" in result.out
    assert github.writes() == []


def test_paginated_list_finds_the_issue_on_a_later_page(cli, tmp_path, monkeypatch):
    fake = FakeGitHub(
        issues=[
            {"number": n, "state": "open", "title": "other", "body": "", "labels": LABELLED}
            for n in (1, 2, 3, 4)
        ]
    )
    monkeypatch.setenv("GITHUB_API_URL", fake.url)
    monkeypatch.setenv("GITHUB_TOKEN", "t")
    try:
        result = run(cli, report(tmp_path, "mismatch"))
        assert result.code == 0
        gets = [r for r in fake.server.recorder.requests if r[0] == "GET"]
        assert len(gets) == 3  # pages of 2: #1 #2, #3 #4, the pull request
        assert "updated #1" in result.out and "keeping #1, the oldest" in result.err
        assert [n for n, i in fake.issues.items() if i["title"].startswith("Link audit")] == [1]
    finally:
        fake.server.close()


def test_an_api_error_is_a_message_and_nothing_is_half_done(cli, tmp_path, github):
    run(cli, report(tmp_path, "broken"))
    github.fail[("POST", f"/repos/{REPO}/issues/1/comments")] = 403
    result = run(cli, report(tmp_path, "ok"))
    assert result.code == 2
    assert (
        "GitHub API: POST /repos/owner/list/issues/1/comments answered 403: Resource not "
        "accessible by integration" in result.err
    )
    assert "issues: write" in result.err and "Traceback" not in result.err
    assert github.issues[1]["state"] == "open"  # not closed without its comment
    github.fail[("GET", f"/repos/{REPO}/issues")] = 500
    listing = run(cli, report(tmp_path, "broken", "broken"))
    assert listing.code == 2 and "answered 500" in listing.err
    assert len(github.issues) == 1


def test_missing_token_bad_repo_and_bad_report(cli, tmp_path, github, monkeypatch):
    path = report(tmp_path, "broken")
    monkeypatch.delenv("GITHUB_TOKEN")
    assert "GITHUB_TOKEN is not set" in run(cli, path).err
    assert cli("audit-issue", "--report", str(path), "--repo", "nope").code == 2
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("GITHUB_TOKEN", "t")
    bad = run(cli, tmp_path / "bad.json")
    assert bad.code == 2 and "bad.json:1:2: not JSON" in bad.err
    assert github.server.recorder.requests == []


def test_dry_run_changes_nothing(cli, tmp_path, github):
    result = cli(
        "audit-issue", "--report", str(report(tmp_path, "broken")), "--repo", REPO, "--dry-run"
    )
    assert result.code == 0 and "dry run: would open an issue" in result.out
    assert github.writes() == []


def test_markdown_only_needs_no_repository_or_token(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    path = report(tmp_path, "ok", "broken")
    result = cli("audit-issue", "--report", str(path), "--markdown", "summary.md")
    assert result.code == 0
    assert "| Paper 1 | <https://example.org/1> | 11 |" in (tmp_path / "summary.md").read_text(
        "utf-8"
    )
    healthy = cli("audit-issue", "--report", str(report(tmp_path, "ok")), "--markdown", "s2.md")
    assert healthy.code == 0 and "All links are healthy" in (tmp_path / "s2.md").read_text("utf-8")


def serve(github, method, path, reply):
    """Answer `method path` with `reply(handler)` instead of the fake's own route."""
    route = github.server.routes[path]

    def scripted(h, nth):
        if h.command == method:
            reply(h)
        else:
            route(h, nth)

    github.server.routes[path] = scripted


ISSUES = f"/repos/{REPO}/issues"


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (
            lambda h: h.reply(200, b"<html><body>Sign in</body></html>"),
            "GET /repos/owner/list/issues answered 200 with text/html; charset=utf-8 that is "
            "not JSON: <html><body>Sign in</body></html>",
        ),
        (
            lambda h: h.reply(200, b'[{"number": 1', content_type="application/json"),
            'answered 200 with application/json that is not JSON: [{"number": 1',
        ),
        (
            lambda h: h.reply(200, b'{"items": []}', content_type="application/json"),
            "GET /repos/owner/list/issues: expected a list of issues",
        ),
        (
            lambda h: h.reply(200, b'[{"title": "no number"}]', content_type="application/json"),
            "GET issues: expected an issue with a number, got {'title': 'no number'}",
        ),
        (
            lambda h: h.reply(200, b'[{"number": "1"}]', content_type="application/json"),
            "expected an issue with a number",
        ),
        (
            lambda h: h.reply(200, b'["x"]', content_type="application/json"),
            "expected an issue with a number, got 'x'",
        ),
        (
            lambda h: h.reply(302, b"", {"Location": "https://evil.example/login"}),
            "GET /repos/owner/list/issues answered 302, a redirect to "
            "`https://evil.example/login` (check GITHUB_API_URL",
        ),
        (
            lambda h: h.reply(404, b'{"message": "Not Found"}', content_type="application/json"),
            "answered 404: Not Found (is --repo OWNER/NAME right, and can GITHUB_TOKEN see it?)",
        ),
        (
            lambda h: h.reply(500, b"\x1b[31m<h1>oops</h1>\x07"),
            "answered 500: \\x1b[31m<h1>oops</h1>\\x07",
        ),
    ],
)
def test_an_unexpected_answer_is_a_clear_error(cli, tmp_path, github, reply, message):
    serve(github, "GET", ISSUES, reply)
    result = run(cli, report(tmp_path, "broken"))
    assert result.code == 2, result.err
    assert message in result.err
    assert "Traceback" not in result.err and "bug" not in result.err
    assert "\x1b" not in result.err and github.writes() == []


def test_a_created_issue_without_a_number_is_a_clear_error(cli, tmp_path, github):
    serve(
        github,
        "POST",
        ISSUES,
        lambda h: h.reply(201, b'{"title": "x"}', content_type="application/json"),
    )
    result = run(cli, report(tmp_path, "broken"))
    assert result.code == 2 and "POST issues: expected an issue with a number" in result.err


@pytest.mark.parametrize("where", ["another host", "another port", "another scheme"])
def test_the_token_never_follows_a_next_link_elsewhere(cli, tmp_path, github, where):
    other = ScriptedServer(("127.0.0.2",) if where == "another host" else ("127.0.0.1",))
    other.routes[ISSUES] = lambda h, n: h.reply(200, b"[]", content_type="application/json")
    try:
        elsewhere = other.url(ISSUES + "?page=2")
        if where == "another scheme":
            elsewhere = github.server.url(ISSUES + "?page=2").replace("http:", "https:")
        serve(
            github,
            "GET",
            ISSUES,
            lambda h: h.reply(
                200, b"[]", {"Link": f'<{elsewhere}>; rel="next"'}, "application/json"
            ),
        )
        result = run(cli, report(tmp_path, "broken"))
        assert result.code == 2
        assert "refusing to follow" in result.err and "the token is only sent there" in result.err
        assert other.recorder.requests == [] and github.writes() == []
    finally:
        other.close()


def test_a_relative_next_link_stays_on_the_api(cli, tmp_path, github):
    pages = []

    def listing(h):
        pages.append(h.path)
        link = (
            {"Link": '<?page=2&labels=link-audit&state=open>; rel="next"'} if not pages[1:] else {}
        )
        h.reply(200, b"[]", link, "application/json")

    serve(github, "GET", ISSUES, listing)
    result = run(cli, report(tmp_path, "broken"))
    assert (
        result.code == 0
        and len(pages) == 2
        and pages[1].endswith("page=2&labels=link-audit&state=open")
    )


def test_only_issues_that_carry_the_label_are_edited_or_closed(cli, tmp_path, monkeypatch):
    # An API that ignores the `labels` filter: unrelated issues come back too.
    fake = FakeGitHub(
        issues=[
            {"number": 1, "state": "open", "title": "Unrelated", "body": "b", "labels": []},
            {"number": 2, "state": "open", "title": "Other", "labels": [{"name": "bug"}]},
        ]
    )
    monkeypatch.setenv("GITHUB_API_URL", fake.url)
    monkeypatch.setenv("GITHUB_TOKEN", "t")
    try:
        opened = run(cli, report(tmp_path, "broken"))
        assert opened.code == 0 and opened.out.startswith("opened #3")
        healthy = run(cli, report(tmp_path, "ok"))
        assert healthy.code == 0 and healthy.out.strip() == "closed #3"
        assert [fake.issues[n]["state"] for n in (1, 2, 3)] == ["open", "open", "closed"]
        assert (fake.issues[1]["title"], fake.issues[1]["body"]) == ("Unrelated", "b")
        assert [n for n, _ in fake.comments] == [3]
    finally:
        fake.server.close()


@pytest.mark.parametrize("api", ["ftp://api.example", "not a url", "http://"])
def test_a_bad_api_url_is_a_usage_error(cli, tmp_path, monkeypatch, api):
    monkeypatch.setenv("GITHUB_API_URL", api)
    monkeypatch.setenv("GITHUB_TOKEN", "t")
    result = run(cli, report(tmp_path, "broken"))
    assert result.code == 2 and "GITHUB_API_URL" in result.err


def test_a_nested_or_endless_report_is_a_clear_error(cli, tmp_path, github):
    """Deeply nested JSON raised RecursionError (exit 3); /dev/zero was read until memory
    ran out."""
    nested = tmp_path / "nested.json"
    nested.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    found = run(cli, nested)
    assert found.code == 2 and "nested too deeply" in found.err
    endless = tmp_path / "endless.json"
    endless.symlink_to("/dev/zero")
    found = run(cli, endless)
    assert found.code == 2 and "not a regular file" in found.err
    assert github.server.recorder.requests == []
