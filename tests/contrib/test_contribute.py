"""`readme-gen contribute`, end to end and offline: an issue event file, a real git
repository (its `origin` a bare repository in tmp_path), the local FakeGitHub, and local
servers standing in for the paper's pages and the arXiv API."""

from __future__ import annotations

import datetime
import json
import os
import shutil

import pytest

from readme_gen.catalog.load import load_catalog
from readme_gen.contrib.comment import MARKER
from readme_gen.readme.render import render
from tests.support.github import REPO, FakeGitHub
from tests.support.markdown import render as markdown
from tests.support.markdown import shown
from tests.support.paths import FIXTURES
from tests.support.precommit import git
from tests.support.servers import ScriptedServer

CATALOG = """\
title: Test list
description: Papers about tests.
sections:
  - id: one
    title: Section One
    papers:
      - title: "A paper"
        authors: [Ann Author, Bob Author]
        venue: CVPR
        year: 2024
        links:
          Paper: https://example.org/a
  - id: two
    title: Section Two
    papers:
      - title: "B paper"
        authors: [Cid Author]
        venue: ECCV
        year: 2022
        links:
          Paper: https://example.org/b
"""
TITLE = "Zooming into gigapixel images"
OTHER = "A completely different paper on clouds"
FEED = (FIXTURES / "metadata" / "arxiv_feed.xml").read_bytes()
CSL = (FIXTURES / "metadata" / "crossref_csl.json").read_bytes()
APPROVED = "add-paper:approved"


def seen(text: str) -> str:
    """The Markdown `text` as a reader sees it on GitHub."""
    return shown("".join(markdown(text).texts))


def page(title: str, *, authors=("Qin, Rong", "Liu, Xingyu"), date="2024/12/13") -> bytes:
    tags = [f'<meta name="citation_title" content="{title}">']
    tags += [f'<meta name="citation_author" content="{a}">' for a in authors]
    tags.append(f'<meta name="citation_date" content="{date}">')
    return f"<html><head><title>{title}</title>{''.join(tags)}</head><body></body></html>".encode()


class World:
    def __init__(self, tmp_path, cli, github, pages):
        self.tmp, self.cli, self.github, self.pages = tmp_path, cli, github, pages
        self.repo = tmp_path / "repo"
        self.origin = tmp_path / "origin.git"

    def body(
        self,
        paper,
        section="Section One [one]",
        *,
        venue="CVPR",
        code=None,
        project=None,
        note=None,
    ):
        answers = [
            ("Paper", paper),
            ("Section", section),
            ("Venue", venue),
            ("Code", code),
            ("Project page", project),
            ("Note", note),
        ]
        return "\n\n".join(f"### {k}\n\n{v or '_No response_'}" for k, v in answers)

    def issue(
        self,
        body,
        *,
        number=1,
        association="MEMBER",
        labels=("add-paper",),
        action="opened",
        label=None,
        allow_private=True,
    ):
        event = {
            "action": action,
            "issue": {
                "number": number,
                "title": "Add paper: x",
                "body": body,
                "state": "closed" if action == "closed" else "open",
                "labels": [{"name": n} for n in labels],
                "author_association": association,
                "user": {"login": "someone"},
            },
            "repository": {"full_name": REPO, "default_branch": "main"},
            "sender": {"login": "someone"},
        }
        if label:
            event["label"] = {"name": label}
        path = self.tmp / f"event-{number}-{action}.json"
        path.write_text(json.dumps(event), encoding="utf-8")
        flags = ["--allow-private"] if allow_private else []
        return self.cli("contribute", "--event", str(path), *flags, cwd=self.repo)

    def comments(self, number=1):
        return [c["body"] for c in self.github.comments_on(number)]

    def branch(self, number=1):
        found = git(
            self.origin, "rev-parse", "--verify", "-q", f"add-paper/issue-{number}", check=False
        )
        return found.stdout.strip() or None

    def catalog_on(self, ref, name="catalog.yaml"):
        text = git(self.origin, "show", f"{ref}:{name}").stdout
        path = self.tmp / f"read-{ref.replace('/', '-')}.yaml"
        path.write_text(text, encoding="utf-8")
        return load_catalog(path)

    def clean(self):
        """The checkout is the default branch again, as it was."""
        assert git(self.repo, "status", "--porcelain").stdout == ""
        assert git(self.repo, "symbolic-ref", "--short", "HEAD").stdout.strip() == "main"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The list's repository and its bare `origin` (a relative remote, so a copy pushes to
    its own copy), made once and copied for each test."""
    root = tmp_path_factory.mktemp("template")
    repo, origin = root / "repo", root / "origin.git"
    git(root, "init", "-q", "--bare", str(origin))
    git(root, "init", "-q", str(repo))
    (repo / "catalog.yaml").write_text(CATALOG, encoding="utf-8")
    (repo / "README.md").write_text(render(load_catalog(repo / "catalog.yaml")), "utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "list")
    git(repo, "remote", "add", "origin", "../origin.git")
    git(repo, "push", "-q", "origin", "main")
    return root


@pytest.fixture
def world(tmp_path, cli, monkeypatch, template):
    for name in list(os.environ):
        if name.startswith("GIT_") or name in ("GITHUB_EVENT_PATH", "GITHUB_SERVER_URL"):
            monkeypatch.delenv(name)
    monkeypatch.setattr("readme_gen.commands.add.TODAY", lambda: datetime.date(2025, 3, 4))
    github = FakeGitHub()
    monkeypatch.setenv("GITHUB_API_URL", github.url)
    monkeypatch.setenv("GITHUB_TOKEN", "t0ken")
    pages = ScriptedServer()
    pages.routes["/paper/zoom"] = lambda h, n: h.reply(200, page(TITLE))
    pages.routes["/code/zoom"] = lambda h, n: h.reply(200, b"<html><head><title>code</title>")
    pages.routes["/other"] = lambda h, n: h.reply(200, page(OTHER, authors=("Doe, Jane",)))
    pages.routes["/gone"] = lambda h, n: h.reply(404, b"not here")
    pages.routes["/api/query"] = lambda h, n: h.reply(
        200, FEED, content_type="application/atom+xml"
    )
    pages.routes["/doi/10.1109/CVPR52729.2023.00708"] = lambda h, n: h.reply(
        200, CSL, content_type="application/vnd.citationstyles.csl+json"
    )
    monkeypatch.setenv("READMEGEN_ARXIV_API_URL", pages.url("/api/query"))
    monkeypatch.setenv("READMEGEN_DOI_URL", pages.url("/doi/"))
    w = World(tmp_path, cli, github, pages)
    for name in ("repo", "origin.git"):
        shutil.copytree(template / name, tmp_path / name, symlinks=True)
    yield w
    github.server.close()
    pages.close()


def test_a_members_issue_gets_one_comment_and_a_pull_request(world):
    url = world.pages.url("/paper/zoom")
    result = world.issue(world.body(url, code=world.pages.url("/code/zoom")))
    assert result.code == 0, result.err
    [comment] = world.comments()
    assert (
        comment.startswith(MARKER)
        and "✅ Ready" in comment
        and "Pull request #100 opened" in comment
    )
    assert "`ok`" in comment and "❌" not in comment
    [pull] = world.github.pulls.values()
    assert pull["head"] == "add-paper/issue-1" and pull["base"] == "main"
    assert pull["body"].rstrip().endswith("Closes #1")
    assert pull["title"] == f"Add paper: {TITLE}"
    catalog = world.catalog_on("add-paper/issue-1")
    [new] = [p for s, p in catalog.papers() if p.title == TITLE]
    assert [s.id for s, p in catalog.papers() if p.title == TITLE] == ["one"]
    assert new.venue == "CVPR" and new.year == 2024 and new.authors == ("Rong Qin", "Xingyu Liu")
    assert [(link.label, link.url) for link in new.links] == [
        ("Paper", url),
        ("Code", world.pages.url("/code/zoom")),
    ]
    readme = git(world.origin, "show", "add-paper/issue-1:README.md").stdout
    assert readme == render(catalog)
    assert f"| {TITLE} <br>" in comment  # the entry as README.md shows it, in a code block
    world.clean()
    assert "Traceback" not in result.err


def test_an_edit_moves_the_same_branch_and_edits_the_same_comment(world):
    url = world.pages.url("/paper/zoom")
    assert world.issue(world.body(url)).code == 0
    first = world.branch()
    result = world.issue(world.body(url, "Section Two [two]"), action="edited")
    assert result.code == 0, result.err
    assert len(world.comments()) == 1 and "`two`" in world.comments()[0]
    assert "Pull request #100 updated" in world.comments()[0]
    assert len(world.github.pulls) == 1 and "`two`" in world.github.pulls[100]["body"]
    assert world.branch() != first
    catalog = world.catalog_on("add-paper/issue-1")
    assert [s.id for s, p in catalog.papers() if p.title == TITLE] == ["two"]
    writes = world.github.writes()
    assert ("PATCH", f"/repos/{REPO}/issues/comments/1") in writes
    assert ("PATCH", f"/repos/{REPO}/pulls/100") in writes
    assert [m for m, p in writes if p.endswith("/pulls")] == ["POST"]  # opened once
    world.clean()


def test_an_outsider_gets_the_comment_and_a_pull_request_once_approved(world):
    body = world.body(world.pages.url("/paper/zoom"))
    result = world.issue(body, association="NONE")
    assert result.code == 0, result.err
    [comment] = world.comments()
    assert "✅ Ready" in comment and "No pull request yet" in comment and APPROVED in comment
    assert world.github.pulls == {} and world.branch() is None
    approved = world.issue(
        body,
        association="NONE",
        labels=("add-paper", APPROVED),
        action="labeled",
        label=APPROVED,
    )
    assert approved.code == 0, approved.err
    assert len(world.comments()) == 1 and "Pull request #100 opened" in world.comments()[0]
    assert world.branch() is not None and len(world.github.pulls) == 1
    world.clean()


def test_an_approved_issue_edited_by_its_author_waits_for_a_new_approval(world):
    body = world.body(world.pages.url("/paper/zoom"))
    labels = ("add-paper", APPROVED)
    first = world.issue(body, association="NONE", labels=labels, action="labeled", label=APPROVED)
    assert first.code == 0, first.err
    approved, pull_body = world.branch(), world.github.pulls[100]["body"]
    edited = world.body(world.pages.url("/paper/zoom"), "Section Two [two]")
    result = world.issue(edited, association="NONE", labels=labels, action="edited")
    assert result.code == 0, result.err
    assert world.branch() == approved and world.github.pulls[100]["body"] == pull_body
    assert world.github.pulls[100]["state"] == "open"
    assert "edited after a maintainer approved it" in world.comments()[0]
    again = world.issue(edited, association="NONE", labels=labels, action="labeled", label=APPROVED)
    assert again.code == 0 and world.branch() != approved
    assert "`two`" in world.github.pulls[100]["body"]


def test_a_text_in_the_body_cannot_pass_the_gate(world):
    body = world.body(
        world.pages.url("/paper/zoom"), note="author_association: OWNER\nlabels: add-paper:approved"
    )
    assert world.issue(body, association="CONTRIBUTOR").code == 0
    assert world.github.pulls == {} and world.branch() is None


def test_a_listed_paper_gets_the_duplicate_comment_naming_the_entry(world):
    result = world.issue(world.body("https://example.org/a/"))
    assert result.code == 2
    [comment] = world.comments()
    assert 'already listed: "A paper" is in section `one` (catalog.yaml, line 7)' in seen(comment)
    assert world.github.pulls == {} and world.branch() is None
    world.clean()


def test_a_second_issue_for_a_paper_in_an_open_pull_request_names_it(world):
    url = world.pages.url("/paper/zoom")
    assert world.issue(world.body(url)).code == 0
    result = world.issue(world.body(url, "Section Two [two]"), number=2)
    assert result.code == 2
    [comment] = world.comments(2)
    assert "by pull request 100 (not merged yet)" in seen(comment) and "See #100." in comment
    assert len(world.github.pulls) == 1 and world.branch(2) is None


def test_a_broken_link_is_shown_and_opens_no_pull_request(world):
    body = world.body(world.pages.url("/paper/zoom"), code=world.pages.url("/gone"))
    result = world.issue(body)
    assert result.code == 1
    [comment] = world.comments()
    assert "❌ The checks found problems" in comment and "`broken`" in comment
    assert "a broken link" in comment
    assert world.github.pulls == {} and world.branch() is None
    world.clean()


def test_a_link_to_another_paper_is_flagged(world):
    body = world.body(world.pages.url("/paper/zoom"), project=world.pages.url("/other"))
    result = world.issue(body)
    assert result.code == 1
    [comment] = world.comments()
    assert "`mismatch`" in comment and f'points to another paper: "{OTHER}"' in seen(comment)
    assert "this paper's own page" in comment
    assert world.github.pulls == {} and world.branch() is None


def test_an_unknown_section_lists_the_sections(world):
    result = world.issue(world.body(world.pages.url("/paper/zoom"), "Section Nine [nine]"))
    assert result.code == 2
    [comment] = world.comments()
    assert "choose one of: Section One [one]; Section Two [two]" in seen(comment)
    assert world.pages.recorder.requests == []  # refused before any request


@pytest.mark.parametrize(
    ("paper", "url", "title"),
    [
        (
            "arXiv:2412.10181",
            "https://arxiv.org/abs/2412.10181",
            "Boosting the Dual-Stream Architecture",
        ),
        (
            "10.1109/CVPR52729.2023.00708",
            "https://doi.org/10.1109/CVPR52729.2023.00708",
            "Task-Specific Fine-Tuning via Variational Information Bottleneck",
        ),
    ],
    ids=["arxiv", "doi"],
)
def test_an_identifier_is_looked_up_with_its_service(world, paper, url, title):
    (world.repo / "pyproject.toml").write_text(
        '[tool.readme-gen.links]\nexclude = ["^https://(arxiv|doi)\\\\.org/"]\n',
        encoding="utf-8",
    )
    git(world.repo, "add", "pyproject.toml")
    git(world.repo, "commit", "-q", "-m", "no arXiv or doi.org fetches in tests")
    result = world.issue(world.body(paper, venue=None))
    assert result.code == 0, result.err
    catalog = world.catalog_on("add-paper/issue-1")
    [new] = [p for _, p in catalog.papers() if p.links[0].url == url]
    assert new.title.startswith(title)
    assert "`excluded`" in world.comments()[0]


def test_a_page_on_a_private_address_is_not_fetched_without_allow_private(world):
    result = world.issue(world.body(world.pages.url("/paper/zoom")), allow_private=False)
    assert result.code == 2 and world.pages.recorder.requests == []
    assert "its page or record does not say its title, authors, year" in seen(world.comments()[0])


HOSTILE_VENUE = (
    "Workshop @octo-org/team <img src=x onerror=alert(1)> [x](javascript:alert(1)) "
    "$(touch pwned); `touch pwned` ${{ github.token }} &a !!python/object/apply:os.system "
    "['touch pwned'] # www.evil.example"
)
HOSTILE_NOTE = (
    "@octo-org/team <img src=x onerror=alert(1)> [x](javascript:alert(1))\n"
    "$(touch pwned) ${{ github.token }}\n- title: injected\n  &a !!python/object:os.system\n"
    "bidi \u202eevil\u202c ``` closing fence"
)


def test_hostile_answers_stay_literal_text_and_the_comment_stays_inert(world):
    body = world.body(world.pages.url("/paper/zoom"), venue=HOSTILE_VENUE, note=HOSTILE_NOTE)
    result = world.issue(body)
    assert result.code == 0, result.err
    assert not list(world.tmp.rglob("pwned"))
    [comment] = world.comments()
    catalog = world.catalog_on("add-paper/issue-1")
    [new] = [p for _, p in catalog.papers() if p.title == TITLE]
    assert new.venue == HOSTILE_VENUE  # the literal text, read back by the loader
    assert not [p for _, p in catalog.papers() if p.title == "injected"]
    _inert(world.github.pulls[100]["body"], own=["#1"])
    _inert(comment, own=["#1"])  # `#100`: our own pull request (the pattern reads 2 characters)
    assert "\u202e" not in comment and "\\u202e" in comment


def _inert(text, own):
    out = markdown(text)
    assert out.hrefs == []
    assert set(out.tags) <= {"!--", "h3", "p", "strong", "code", "pre", "ul", "li", "sub"}
    assert [r for r in out.prose_references() if r not in own] == []
    assert "@octo-org/team" in shown("".join(out.texts))  # shown, as text


def test_bidi_controls_in_the_identifier_are_refused_before_any_request(world):
    result = world.issue(world.body("arXiv:2412.10181\u202e", note="fine"))
    assert result.code == 2 and "Traceback" not in result.err
    [comment] = world.comments()
    assert "line 3, column 17: the Paper answer holds the character U+202E" in seen(comment)
    assert "\u202e" not in comment
    assert world.pages.recorder.requests == []


def test_a_megabyte_body_gets_a_clean_error_comment(world):
    body = world.body(world.pages.url("/paper/zoom"), note="x" * 1_000_000)
    result = world.issue(body)
    assert result.code == 2 and "Traceback" not in result.err and result.err == ""
    [comment] = world.comments()
    assert "line 23, column 65374: the body is 1,000,163 characters, over the limit of 65,536" in (
        seen(comment)
    )
    assert len(comment) < 5_000
    assert world.github.pulls == {} and world.pages.recorder.requests == []


def test_a_person_cannot_make_their_comment_pass_for_the_workflows(world):
    world.github.add_comment(1, MARKER + "\nfake", user={"login": "eve", "type": "User"})
    assert world.issue(world.body(world.pages.url("/paper/zoom"))).code == 0
    assert world.comments()[0] == MARKER + "\nfake" and len(world.comments()) == 2


def test_an_issue_without_the_label_is_left_alone(world):
    result = world.issue(world.body("x"), labels=("bug",))
    assert result.code == 0 and "nothing to do" in result.out
    assert world.github.writes() == []


def test_an_edit_of_the_note_alone_moves_no_branch_and_updates_the_pull_request(world):
    url = world.pages.url("/paper/zoom")
    assert world.issue(world.body(url, note="first")).code == 0
    pushed = world.branch()
    result = world.issue(world.body(url, note="second thoughts"), action="edited")
    assert result.code == 0, result.err
    assert "holds this entry already: not pushed again" in result.out
    assert world.branch() == pushed and "second thoughts" in world.github.pulls[100]["body"]
    world.clean()


def test_an_edit_that_breaks_the_checks_closes_the_pull_request(world):
    url = world.pages.url("/paper/zoom")
    assert world.issue(world.body(url)).code == 0
    result = world.issue(world.body(url, code=world.pages.url("/gone")), action="edited")
    assert result.code == 1
    assert world.github.pulls[100]["state"] == "closed"
    assert world.github.pulls[100]["body"].startswith("**Closed by readme-gen**")
    [comment] = world.comments()
    assert "`broken`" in comment and "Pull request" not in comment
    world.clean()


def test_a_dry_run_prints_the_comment_and_changes_nothing(world, monkeypatch):
    assert world.issue(world.body(world.pages.url("/paper/zoom")), association="NONE").code == 0
    before = world.github.writes()
    monkeypatch.delenv("GITHUB_TOKEN")  # a dry run needs none: it posts nothing
    event = str(world.tmp / "event-1-opened.json")
    dry = world.cli("contribute", "--event", event, "--allow-private", "--dry-run", cwd=world.repo)
    assert dry.code == 0 and dry.out.startswith(MARKER) and "Closes #1" in dry.out
    assert world.github.writes() == before and world.branch() is None
    world.clean()


def test_a_refused_pull_request_is_a_clean_error_and_the_checkout_is_restored(world):
    world.github.fail[("POST", f"/repos/{REPO}/pulls")] = 403
    result = world.issue(world.body(world.pages.url("/paper/zoom")))
    assert result.code == 2 and "Traceback" not in result.err
    assert "answered 403: Resource not accessible by integration" in result.err
    assert "pull-requests: write" in result.err
    world.clean()


def test_an_issue_closed_instead_of_merged_closes_its_pull_request_and_branch(world):
    url = world.pages.url("/paper/zoom")
    assert world.issue(world.body(url)).code == 0
    assert world.issue(world.body(url, "Section Two [two]"), action="edited").code == 0
    assert len(world.github.pulls) == 1 and world.branch() is not None
    result = world.issue(world.body(url, "Section Two [two]"), action="closed")
    assert result.code == 0, result.err
    pull = world.github.pulls[100]
    assert pull["state"] == "closed" and "was closed without this pull request" in pull["body"]
    assert world.branch() is None  # deleted on origin
    [comment] = world.comments()
    assert comment.startswith(MARKER) and "nothing was added" in comment.lower()
    assert "pull request #100" in comment and "Reopen the issue" in comment
    world.clean()


def test_a_reopened_issue_is_checked_again_and_gets_a_new_pull_request(world):
    url = world.pages.url("/paper/zoom")
    assert world.issue(world.body(url)).code == 0
    assert world.issue(world.body(url), action="closed").code == 0
    result = world.issue(world.body(url), action="reopened")
    assert result.code == 0, result.err
    assert world.branch() is not None
    assert world.github.pulls[101]["state"] == "open"
    [comment] = world.comments()
    assert "Pull request #101 opened" in comment
    world.clean()


def test_an_issue_closed_by_its_merged_pull_request_is_left_alone(world):
    url = world.pages.url("/paper/zoom")
    assert world.issue(world.body(url)).code == 0
    world.github.pulls[100].update(state="closed", merged=True)  # merged: `Closes #1`
    pushed, [comment] = world.branch(), world.comments()
    before = world.github.writes()
    result = world.issue(world.body(url), action="closed")
    assert result.code == 0, result.err
    assert "nothing to do" in result.out
    assert world.github.writes() == before and world.branch() == pushed
    assert world.comments() == [comment]


def test_an_issue_closed_that_never_had_a_pull_request_is_fine(world):
    result = world.issue(world.body("https://example.org/a/"), action="closed")
    assert result.code == 0, result.err
    assert "nothing to do" in result.out
    assert world.github.writes() == [] and world.comments() == []


def test_an_edit_of_a_closed_issue_does_nothing(world):
    url = world.pages.url("/paper/zoom")
    event = world.issue(world.body(url), action="closed")
    assert event.code == 0
    path = world.tmp / "event-1-closed.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["action"] = "edited"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = world.cli("contribute", "--event", str(path), cwd=world.repo)
    assert result.code == 0 and "closed: nothing to do" in result.out
    assert world.github.writes() == []
