"""`readme-gen contribute --event $GITHUB_EVENT_PATH`: turn an "add a paper" issue (the
issue form's answers) into a checked pull request, and keep one comment on the issue that
says what was checked.

The answers are read from the event's payload file, never from a shell or a workflow
expression (`contrib.body`, strictly). The paper is added by `add`'s own path
(`commands.add.add_paper`) to the checked-out catalog.yaml and README.md; then the new
entry's links are checked (titles verified) and the catalog linted (the findings the new
entry brings). The comment (found again by its hidden marker, edited in place) shows the
entry as README.md will, each link's verdict and the lint findings, or what went wrong and
how to fix it.

When all is well and the gate allows it (`contrib.gate`: the issue's author is an owner,
member or collaborator, or the issue carries the approval label), catalog.yaml and
README.md are committed on `add-paper/issue-<N>`, started afresh from the checked-out
commit and force-pushed (unless the branch holds the same files already), and the branch's
pull request is opened or updated, its body ending `Closes #N`. An edit that no longer
passes, or whose gate no longer opens, closes that pull request; an approved issue edited
by its author leaves it as it is until a maintainer approves again (`contrib.gate`).

An issue closed while its pull request is open (closed instead of merged) has that pull
request closed, its branch deleted and the comment saying nothing was added; one closed by
its merged pull request (`Closes #N`), or that never had one, is left as it is. A reopened
issue is checked as a new one.

Exit codes: 0 checked (the comment says so; a pull request opened or updated when the gate
allows), a closed issue seen to, or nothing to do (not an add-paper issue); 1 the checks
found problems (a broken or wrong-paper link, a lint error: the comment says which); 2 the
answers cannot be used (a body the form did not write, an unknown section, a paper listed
already, one `add` refuses: the comment says how to fix it), or bad usage, an unreadable
event, a GitHub API or git failure (no comment then). Reads GITHUB_TOKEN and honours
GITHUB_API_URL and GITHUB_SERVER_URL as GitHub Actions sets them.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from readme_gen import escape
from readme_gen.commands.common import add_allow_private_argument, add_catalog_argument
from readme_gen.errors import CatalogError, UsageError
from readme_gen.text import shorten

if TYPE_CHECKING:
    from readme_gen.catalog.model import Catalog
    from readme_gen.commands.add import Added
    from readme_gen.contrib.comment import Checked, LinkVerdict, LintNote, Pull, Refused
    from readme_gen.contrib.event import IssueEvent
    from readme_gen.publish.github import GitHub

BRANCH = "add-paper/issue-{}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_argument(parser)
    parser.add_argument(
        "--event",
        type=Path,
        metavar="FILE",
        help="the issue event's payload (default: $GITHUB_EVENT_PATH)",
    )
    parser.add_argument(
        "--repo",
        metavar="OWNER/NAME",
        help="the repository (default: the event's repository)",
    )
    parser.add_argument(
        "--approval-label",
        default="add-paper:approved",
        metavar="LABEL",
        help="the label by which a maintainer lets anyone's issue become a pull request "
        "(add-paper:approved)",
    )
    parser.add_argument(
        "--remote", default="origin", help="the git remote to push the branch to (origin)"
    )
    add_allow_private_argument(parser)
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="check, and print the comment and the pull request's body; commit, push and "
        "post nothing (catalog.yaml and README.md are put back as they were)",
    )


@dataclass(frozen=True, slots=True)
class ContributeArgs:
    catalog: Path | None
    event: Path | None
    repo: str | None
    approval_label: str
    remote: str
    allow_private: bool
    dry_run: bool


def run(args: ContributeArgs) -> int:
    from readme_gen.contrib.event import read_event
    from readme_gen.readme.issue_form import LABEL

    given = args.event or os.environ.get("GITHUB_EVENT_PATH")
    if not given:
        raise UsageError("no event: pass --event FILE (in a workflow: $GITHUB_EVENT_PATH)")
    event = read_event(Path(given))
    skip = _skip(event, LABEL, args.approval_label)
    if skip:
        print(f"#{event.number}: {skip}: nothing to do")
        return 0
    github = None if args.dry_run else _github(args.repo or event.repo)
    try:
        if event.action == "closed":
            return _closed(github, event, args)
        return _contribute(github, event, args)
    finally:
        if github is not None:
            github.close()


def _contribute(github: GitHub | None, event: IssueEvent, args: ContributeArgs) -> int:
    from readme_gen.contrib.comment import Checked, comment, pull_body
    from readme_gen.contrib.gate import gate

    allowed = gate(event, args.approval_label)
    note = _note(event)
    outcome, code, work = _check(event, args)
    pull: Pull | None = None
    retracted: list[int] = []
    try:
        if isinstance(outcome, Checked) and outcome.ok and github is not None:
            other = _other_pull(github, event, outcome)
            if other is not None:
                outcome, code = other, 2
            elif allowed.opens and work is not None:
                pull = _publish(github, event, outcome, work, args)
    finally:
        if work is not None:
            _restore(work)
    if github is not None and pull is None and not allowed.hold:
        retracted = _retract(github, event)
    text = comment(outcome, opens=allowed.opens, why=allowed.why, pull=pull, note=note)
    if github is None:
        sys.stdout.write(text)
        if isinstance(outcome, Checked) and outcome.ok:
            sys.stdout.write("\n---\n" + pull_body(outcome, event.number, note))
        return code
    print(_upsert_comment(github, event.number, text))
    if pull is not None:
        verb = "updated" if pull.updated else "opened"
        print(f"{verb} pull request #{pull.number} for #{event.number}")
    for number in retracted:
        print(f"closed pull request #{number}: #{event.number} no longer passes its checks")
    return code


def _skip(event: IssueEvent, label: str, approval: str) -> str | None:
    """Why this event needs no run, or None."""
    if event.is_pull_request:
        return "a pull request"
    if label not in event.labels:
        return f"no `{label}` label"
    if event.state == "closed" and event.action != "closed":
        return "closed"
    if event.action == "labeled" and event.added_label not in (label, approval):
        return f"labelled `{escape.terminal(event.added_label or '')}`"
    return None


def _github(repo: str) -> GitHub:
    from readme_gen.publish.github import DEFAULT_API, GitHub

    if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", repo):
        raise UsageError(f"--repo `{escape.terminal(repo)}` is not OWNER/NAME")
    token = os.environ.get("GITHUB_TOKEN")
    if not token:
        raise UsageError(
            "GITHUB_TOKEN is not set (in a workflow: env: GITHUB_TOKEN: ${{ github.token }})"
        )
    return GitHub(os.environ.get("GITHUB_API_URL") or DEFAULT_API, token, repo)


def _note(event: IssueEvent) -> str | None:
    from readme_gen.contrib.body import BodyError, read_body

    try:
        return read_body(event.body).note
    except BodyError:
        return None


def _refused(problem: str, fix: str) -> Refused:
    from readme_gen.contrib.comment import Refused

    return Refused(problem, fix)


EDIT = "edit the issue (its answers are read again on each edit)"


def _check(event: IssueEvent, args: ContributeArgs) -> tuple[Checked | Refused, int, _Work | None]:
    """What the answers give: the paper added and checked (the files written, to commit or
    restore), or why not. Bad input is a Refused, never an exception."""
    from readme_gen.catalog.load import load_catalog
    from readme_gen.commands.add import AddArgs, Duplicate, add_paper
    from readme_gen.commands.common import catalog_path
    from readme_gen.contrib.body import BodyError, read_body
    from readme_gen.readme.issue_form import section_of, section_options

    try:
        answers = read_body(event.body)
    except BodyError as exc:
        fix = (
            f"{EDIT} so that it holds only the form's answers under its headings, or open a "
            "new issue with the `Add a paper` form"
        )
        return _refused(str(exc), fix), 2, None
    path = catalog_path(args.catalog)
    catalog = load_catalog(path)
    section = section_of(answers.section, catalog)
    if section is None:
        labels = "; ".join(label for label, _ in section_options(catalog))
        return (
            _refused(
                f"unknown section: `{answers.section}` is none of the list's sections",
                f"{EDIT} and choose one of: {labels}",
            ),
            2,
            None,
        )
    links = []
    for field, label in (("code", "Code"), ("project", "Project")):
        value = getattr(answers, field)
        if value is None:
            continue
        if not _http_url(value):
            return (
                _refused(
                    f"the {label} answer `{value}` is not an http(s) URL",
                    f"{EDIT} with the page's address (https://...), or leave it empty",
                ),
                2,
                None,
            )
        links.append(f"{label}={value}")
    before = _snapshot(path, catalog)
    add = AddArgs(
        catalog=path,
        url=answers.paper,
        section=section,
        title=None,
        author=None,
        venue=answers.venue,
        year=None,
        date=None,
        field=[],
        link=links,
        allow_private=args.allow_private,
        output=None,
    )
    try:
        added = add_paper(add)
    except Duplicate as exc:
        listed = exc.existing
        return (
            _refused(
                f'already listed: "{listed.title}" is in section `{exc.section}` '
                f"({path}, line {listed.position.line})",
                "nothing to add: the list has this paper (close the issue, or edit it to "
                "name another paper)",
            ),
            2,
            None,
        )
    except (UsageError, CatalogError) as exc:
        return _refused(*_add_refused(str(exc))), 2, None
    work = _Work(added, before)
    try:
        checked = _checked(added, before, args)
    except BaseException:
        _restore(work)
        raise
    return checked, 0 if checked.ok else 1, work


_MISSING = re.compile(r"missing ([a-z, ]+): pass ")


def _add_refused(message: str) -> tuple[str, str]:
    """What `add` refused, worded for the issue (it speaks of flags and a terminal)."""
    answer = (
        "the Paper answer takes an arXiv id (arXiv:2412.10181), a DOI (10.1109/...) or "
        "the URL of the paper's own page"
    )
    missing = _MISSING.match(message)
    if missing:
        fields = missing.group(1)
        venue = " (or give the Venue answer)" if "venue" in fields else ""
        return (
            f"the paper could not be added: its page or record does not say its {fields}",
            f"{EDIT} with its arXiv id or DOI, whose records say{venue}; {answer}",
        )
    return f"the paper could not be added: {message}", f"{EDIT}: {answer}"


@dataclass(frozen=True, slots=True)
class _Before:
    catalog_bytes: bytes
    readme_bytes: bytes | None
    readme: Path
    catalog: Catalog


def _snapshot(path: Path, catalog: Catalog) -> _Before:
    from readme_gen.commands.common import readme_path

    readme = readme_path(None)
    readme_bytes = readme.read_bytes() if readme.exists() else None
    return _Before(path.read_bytes(), readme_bytes, readme, catalog)


@dataclass(frozen=True, slots=True)
class _Work:
    """The paper `add` wrote into the working tree, and the two files as they were."""

    added: Added
    before: _Before


def _restore(work: _Work) -> None:
    """catalog.yaml and README.md as they were before `add` (committed on the branch by
    then, or not to be committed)."""
    from readme_gen.fsutil import write_atomic, write_together

    before = work.before
    if before.readme_bytes is None:
        write_atomic(work.added.path, before.catalog_bytes)
        before.readme.unlink(missing_ok=True)
    else:
        write_together(
            [(work.added.path, before.catalog_bytes), (before.readme, before.readme_bytes)]
        )


def _http_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in value


def _checked(added: Added, before: _Before, args: ContributeArgs) -> Checked:
    from readme_gen.contrib.comment import Checked

    old = (before.readme_bytes or b"").decode("utf-8", errors="replace").splitlines()
    new = added.readme.read_text(encoding="utf-8").splitlines()
    entry = [
        line
        for tag, _, _, j1, j2 in difflib.SequenceMatcher(
            None, old, new, autojunk=False
        ).get_opcodes()
        if tag in ("insert", "replace")
        for line in new[j1:j2]
    ]
    return Checked(
        title=added.paper.title,
        section=added.section,
        entry="\n".join(entry),
        links=_link_verdicts(added, args),
        lint=_lint_notes(before.catalog, added.catalog),
        paper_url=added.paper.links[0].url,
    )


def _link_verdicts(added: Added, args: ContributeArgs) -> tuple[LinkVerdict, ...]:
    """The new entry's links, checked as `links` checks them (titles verified; what fails
    is what fails `links`, `strict` included), and only those: no preprint, venue or page
    search."""
    from dataclasses import replace

    from readme_gen.commands.add import wire
    from readme_gen.contrib.comment import LinkVerdict
    from readme_gen.escape import plain_text
    from readme_gen.links.checker import run_check
    from readme_gen.links.collect import collect

    mine = {link.url for link in added.paper.links}
    targets = [t for t in collect(added.catalog, plain_text) if t.url in mine]
    settings = replace(
        wire(allow_private=args.allow_private),
        verify_titles=True,
        check_published=False,
        find_venues=False,
        suggest=False,
        cache=None,
    )
    results = {r.url: r for r in run_check(targets, settings)}
    verdicts = []
    for link in added.paper.links:
        result = results.get(link.url)
        if result is None:
            continue
        verdicts.append(
            LinkVerdict(
                link.label,
                link.url,
                result.status.value,
                result.status.fails_strict if settings.strict else result.status.fails,
                result.detail,
                result.title_found,
            )
        )
    return tuple(verdicts)


def _lint_notes(before: Catalog, after: Catalog) -> tuple[LintNote, ...]:
    """The lint findings the new entry brings (those the catalog had before are not its)."""
    from readme_gen.contrib.comment import LintNote
    from readme_gen.lint.options import resolve
    from readme_gen.lint.registry import Severity
    from readme_gen.lint.rules import run_rules
    from readme_gen.pyproject import tool_table

    settings = resolve(tool_table("lint"))

    def found(catalog: Catalog) -> list[tuple[str, str, Severity, str]]:
        return [
            (f.rule, f.name, f.severity, f.message)
            for f in run_rules(catalog, settings.options)
            if not any(i.matches(f) for i in settings.ignores)
        ]

    old = found(before)
    notes = []
    for item in found(after):
        if item in old:
            old.remove(item)
            continue
        rule, name, severity, message = item
        notes.append(
            LintNote(rule, name, severity.value, message, blocks=severity is Severity.ERROR)
        )
    return tuple(notes)


def _other_pull(github: GitHub, event: IssueEvent, checked: Checked) -> Refused | None:
    """Another issue's open pull request adding the same paper (found by the marker its
    body holds), as a Refused naming it; None when there is none."""
    from readme_gen.contrib.comment import Refused, paper_marker

    marker = paper_marker(checked.paper_url)
    mine = BRANCH.format(event.number)
    for pull in github.open_pulls():
        if pull.head.startswith(BRANCH.format("")) and pull.head != mine and marker in pull.body:
            return Refused(
                f'"{checked.title}" is being added already, by pull request {pull.number} '
                "(not merged yet)",
                "nothing to add: follow that pull request (close this issue, or edit it to "
                "name another paper)",
                see=pull.number,
            )
    return None


def _publish(
    github: GitHub, event: IssueEvent, checked: Checked, work: _Work, args: ContributeArgs
) -> Pull:
    """Commit the two files on the issue's branch, push it, open or update its PR."""
    from readme_gen.contrib.comment import Pull, pull_body
    from readme_gen.contrib.git import commit_and_push

    catalog = work.added.path.resolve()
    root = catalog.parent
    branch = BRANCH.format(event.number)
    title = f"Add paper: {escape.terminal(shorten(checked.title, 200))}"
    files = [str(catalog), str(work.before.readme.resolve())]
    pushed = commit_and_push(
        root,
        branch=branch,
        files=files,
        message=f"{title} (#{event.number})\n\nAsked for in #{event.number}.",
        remote=args.remote,
        token=os.environ.get("GITHUB_TOKEN"),
        server=os.environ.get("GITHUB_SERVER_URL"),
    )
    if not pushed:
        print(f"{branch} holds this entry already: not pushed again")
    body = pull_body(checked, event.number, _note(event))
    existing = github.open_pulls(head=branch)
    if existing:
        pull = github.update_pull(existing[0].number, title=title, body=body)
        return Pull(pull.number, pull.url, updated=True)
    pull = github.create_pull(title=title, head=branch, base=event.default_branch, body=body)
    return Pull(pull.number, pull.url, updated=False)


RETRACTED = (
    "**Closed by readme-gen**: issue #{} was edited and no longer passes its checks (its "
    "comment says why). Once it does again, a new pull request is opened.\n\n---\n\n"
)


def _retract(github: GitHub, event: IssueEvent) -> list[int]:
    """Close the issue's open pull request, if any: its branch holds answers the issue no
    longer gives, or that no longer pass (a pull request is only kept for a passing issue
    whose gate is open)."""
    closed = []
    for pull in github.open_pulls(head=BRANCH.format(event.number)):
        github.update_pull(
            pull.number, state="closed", body=RETRACTED.format(event.number) + pull.body
        )
        closed.append(pull.number)
    return closed


CLOSED = (
    "### Closed: nothing was added\n\n"
    "Issue #{issue} was closed before its pull request was merged: readme-gen closed pull "
    "request #{pulls} and deleted its branch `{branch}`. Nothing was added to the list. "
    "Reopen the issue to have it checked again."
)
CLOSED_PULL = (
    "**Closed by readme-gen**: issue #{} was closed without this pull request being merged; "
    "nothing was added.\n\n---\n\n"
)


def _closed(github: GitHub | None, event: IssueEvent, args: ContributeArgs) -> int:
    """The issue was closed. Closed by its own pull request's merge (`Closes #N`), or one
    that never had a pull request (a duplicate, say): nothing to do, the comment stays as
    it is. Closed while its pull request is still open (closed instead of merged): close
    that pull request, delete its branch, and say so in the comment."""
    from readme_gen.commands.common import catalog_path
    from readme_gen.contrib.comment import MARKER
    from readme_gen.contrib.git import delete_branch

    branch = BRANCH.format(event.number)
    if github is None:
        print(f"#{event.number}: closed: would close the open pull request of {branch}, if any")
        return 0
    pulls = github.open_pulls(head=branch)
    if not pulls:
        print(f"#{event.number}: closed, and {branch} has no open pull request: nothing to do")
        return 0
    for pull in pulls:
        github.update_pull(
            pull.number, state="closed", body=CLOSED_PULL.format(event.number) + pull.body
        )
        print(f"closed pull request #{pull.number}: #{event.number} was closed")
    deleted = delete_branch(
        catalog_path(args.catalog).resolve().parent,  # the repository, as _publish has it
        branch=branch,
        remote=args.remote,
        token=os.environ.get("GITHUB_TOKEN"),
        server=os.environ.get("GITHUB_SERVER_URL"),
    )
    if deleted:
        print(f"deleted {branch}")
    numbers = ", #".join(str(p.number) for p in pulls)
    text = "\n".join(
        [
            MARKER,
            CLOSED.format(issue=event.number, pulls=numbers, branch=branch),
            "",
            "<sub>Checked by readme-gen.</sub>",
        ]
    )
    print(_upsert_comment(github, event.number, text + "\n"))
    return 0


def _upsert_comment(github: GitHub, number: int, text: str) -> str:
    """Edit the workflow's comment on the issue (a bot's comment starting with the marker),
    or post it."""
    from readme_gen.contrib.comment import MARKER

    mine = [c for c in github.comments(number) if c.bot and c.body.startswith(MARKER)]
    if mine:
        if mine[0].body == text:
            return f"#{number}: the comment is up to date"
        github.edit_comment(mine[0].id, text)
        return f"#{number}: updated the comment"
    github.create_comment(number, text)
    return f"#{number}: commented"
