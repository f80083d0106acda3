"""The issue event a workflow run was started by, read from the payload file GitHub
Actions writes (`$GITHUB_EVENT_PATH`): only the fields the add-paper workflow uses, each
checked for its type. The body and title stay data: they are only ever read from here,
never passed through a shell or a workflow expression."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readme_gen import escape
from readme_gen.errors import UsageError

MAX_EVENT = 16 * 2**20
"""Bytes of an event payload at most (an issue's body is at most 65,536 characters)."""
_REPO = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_BRANCH = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,199}")


@dataclass(frozen=True, slots=True)
class IssueEvent:
    action: str
    """`opened`, `edited`, `labeled`, ..."""
    number: int
    title: str
    body: str
    state: str
    labels: frozenset[str]
    author_association: str
    """GitHub's word for the issue author's relation to the repository (`OWNER`,
    `MEMBER`, `COLLABORATOR`, `CONTRIBUTOR`, `NONE`, ...)."""
    repo: str
    """owner/name"""
    default_branch: str
    added_label: str | None = None
    """The label a `labeled` event added."""
    is_pull_request: bool = False


def _fail(path: Path, what: str) -> UsageError:
    return UsageError(f"{escape.terminal(str(path))}: {what} (expected a GitHub `issues` event)")


def read_event(path: Path) -> IssueEvent:
    """The event in `path`, or a UsageError saying what is wrong with it."""
    try:
        with path.open("rb") as f:
            data = f.read(MAX_EVENT + 1)
    except OSError as exc:
        raise _fail(path, f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_EVENT:
        raise _fail(path, f"over {MAX_EVENT:,} bytes")
    try:
        event = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _fail(path, f"not JSON: {escape.terminal(str(exc))[:200]}") from None
    return parse_event(event, path)


def _get(data: Any, key: str, kind: type, path: Path, where: str) -> Any:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise _fail(path, f"`{where}{key}` is missing or not a {kind.__name__}")
    return value


def parse_event(event: Any, path: Path) -> IssueEvent:
    issue = _get(event, "issue", dict, path, "")
    repository = _get(event, "repository", dict, path, "")
    number = _get(issue, "number", int, path, "issue.")
    if number < 1:
        raise _fail(path, "`issue.number` is not a positive number")
    repo = _get(repository, "full_name", str, path, "repository.")
    if not _REPO.fullmatch(repo):
        shown = escape.terminal(repo)[:100]
        raise _fail(path, f"`repository.full_name` `{shown}` is not OWNER/NAME")
    branch = _get(repository, "default_branch", str, path, "repository.")
    if not _BRANCH.fullmatch(branch) or ".." in branch:
        raise _fail(path, "`repository.default_branch` is not a branch name readme-gen uses")
    body = issue.get("body")
    labels = issue.get("labels")
    names = {
        label.get("name")
        for label in (labels if isinstance(labels, list) else [])
        if isinstance(label, dict) and isinstance(label.get("name"), str)
    }
    added = event.get("label")
    added_name = added.get("name") if isinstance(added, dict) else None
    association = issue.get("author_association")
    title, state, action = issue.get("title"), issue.get("state"), event.get("action")
    return IssueEvent(
        action=action if isinstance(action, str) else "",
        number=number,
        title=title if isinstance(title, str) else "",
        body=body if isinstance(body, str) else "",
        state=state if isinstance(state, str) else "",
        labels=frozenset(n for n in names if isinstance(n, str)),
        author_association=association if isinstance(association, str) else "",
        repo=repo,
        default_branch=branch,
        added_label=added_name if isinstance(added_name, str) else None,
        is_pull_request="pull_request" in issue,
    )
