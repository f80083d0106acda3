"""The GitHub client's comment and pull request methods, against the local FakeGitHub:
every page read, the head filter checked again, failures a GitHubError with a message."""

from __future__ import annotations

import pytest

from readme_gen.publish.github import GitHub, GitHubError
from tests.support.github import REPO, FakeGitHub
from tests.support.servers import ScriptedServer


@pytest.fixture
def fake():
    github = FakeGitHub()
    yield github
    github.server.close()


@pytest.fixture
def client(fake):
    api = GitHub(fake.url, "t0ken", REPO)
    yield api
    api.close()


def test_comments_are_read_from_every_page(fake, client):
    fake.add_comment(3, "comment 0")  # the bot's
    for n in range(1, 5):
        fake.add_comment(3, f"comment {n}", user={"login": "p", "type": "User"})
    fake.add_comment(4, "another issue's")
    comments = client.comments(3)
    assert [c.body for c in comments] == [f"comment {n}" for n in range(5)]
    assert [c.bot for c in comments] == [True, False, False, False, False]
    assert fake.server.recorder.count(f"/repos/{REPO}/issues/3/comments") == 3  # 2 a page


def test_a_comment_is_created_then_edited(fake, client):
    created = client.create_comment(2, "first")
    assert created.bot and created.id == 1
    client.edit_comment(created.id, "second")
    assert [c.body for c in client.comments(2)] == ["second"]
    assert fake.writes() == [
        ("POST", f"/repos/{REPO}/issues/2/comments"),
        ("PATCH", f"/repos/{REPO}/issues/comments/1"),
    ]


def test_pull_requests_are_opened_found_by_head_and_updated(fake, client):
    first = client.create_pull(title="t", head="add-paper/issue-1", base="main", body="b")
    client.create_pull(title="t", head="add-paper/issue-2", base="main", body="b")
    client.create_pull(title="t", head="other", base="main", body="b")
    assert [p.number for p in client.open_pulls()] == [100, 101, 102]  # two pages
    [found] = client.open_pulls(head="add-paper/issue-1")
    assert found == first and found.url.endswith("/pull/100")
    client.update_pull(found.number, body="new")
    assert fake.pulls[100]["body"] == "new"


def test_the_head_filter_is_not_trusted():
    srv = ScriptedServer()
    srv.routes[f"/repos/{REPO}/pulls"] = lambda h, n: h.reply(
        200,
        b'[{"number": 7, "head": {"ref": "someone-else"}, "body": ""}]',
        None,
        content_type="application/json",
    )
    api = GitHub(srv.url(""), "t", REPO)
    try:
        assert api.open_pulls(head="add-paper/issue-1") == []
        assert [p.number for p in api.open_pulls()] == [7]
    finally:
        api.close()
        srv.close()


def test_a_refused_edit_is_a_github_error_with_the_hint(fake, client):
    fake.add_comment(1, "x")
    fake.fail[("PATCH", f"/repos/{REPO}/issues/comments/1")] = 403
    with pytest.raises(GitHubError) as caught:
        client.edit_comment(1, "y")
    assert "answered 403: Resource not accessible by integration" in str(caught.value)
    assert "pull-requests: write" in str(caught.value)


def test_an_answer_of_the_wrong_shape_is_a_github_error():
    srv = ScriptedServer()
    srv.routes[f"/repos/{REPO}/issues/1/comments"] = lambda h, n: h.reply(
        200, b'[{"body": "no id"}]', content_type="application/json"
    )
    srv.routes[f"/repos/{REPO}/pulls"] = lambda h, n: h.reply(
        200, b'{"not": "a list"}', content_type="application/json"
    )
    api = GitHub(srv.url(""), "t", REPO)
    try:
        with pytest.raises(GitHubError, match="expected a comment with an id"):
            api.comments(1)
        with pytest.raises(GitHubError, match="expected a list of pull requests"):
            api.open_pulls()
    finally:
        api.close()
        srv.close()
