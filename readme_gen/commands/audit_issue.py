"""`readme-gen audit-issue --report report.json --repo OWNER/NAME`: keep exactly one open
issue labelled `link-audit` in step with the latest link report.

Opens it when links are failing or moved, updates its title and body on later runs (no
duplicates, no comment spam), and closes it with a short comment once all is healthy.
Reads GITHUB_TOKEN and honours GITHUB_API_URL as GitHub Actions sets them.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readme_gen.commands.common import write_output
from readme_gen.errors import UsageError
from readme_gen.publish import findings
from readme_gen.publish.audit import CLOSING_COMMENT, Audit, issue_body, load_report, summary

if TYPE_CHECKING:
    from readme_gen.publish.github import GitHub, Issue


@dataclass(frozen=True, slots=True)
class AuditIssueArgs:
    report: Path
    repo: str | None
    markdown: Path | None
    label: str
    run_url: str | None
    dry_run: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--report",
        type=Path,
        required=True,
        metavar="FILE",
        help="a `readme-gen links --format json` report",
    )
    parser.add_argument(
        "--repo", metavar="OWNER/NAME", help="the repository (required unless only --markdown)"
    )
    parser.add_argument(
        "--markdown",
        type=Path,
        metavar="FILE",
        help="also write the report as Markdown here (for the job summary; `-`: standard output)",
    )
    parser.add_argument("--label", default="link-audit", help="the issue's label (link-audit)")
    parser.add_argument(
        "--run-url",
        default=None,
        metavar="URL",
        help="link to the workflow run, shown in the issue (default: from GITHUB_SERVER_URL, "
        "GITHUB_REPOSITORY and GITHUB_RUN_ID when set)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would change; change nothing"
    )


def run(args: AuditIssueArgs) -> int:
    """Plan from the report, then act; with --dry-run only say what would change."""
    from readme_gen.publish.github import DEFAULT_API, GitHub

    audit = load_report(args.report)
    run_url = args.run_url or findings.run_url(os.environ)
    if args.markdown is not None:
        write_output(args.markdown, summary(audit, run_url=run_url))
        if args.repo is None:
            return 0
    if args.repo is None:
        raise UsageError("--repo OWNER/NAME is required (or only --markdown FILE)")
    if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", args.repo):
        raise UsageError(f"--repo `{args.repo}` is not OWNER/NAME")
    token = os.environ.get("GITHUB_TOKEN")
    if not token:
        raise UsageError(
            "GITHUB_TOKEN is not set (in a workflow: env: GITHUB_TOKEN: ${{ github.token }})"
        )
    api = os.environ.get("GITHUB_API_URL") or DEFAULT_API
    github = GitHub(api, token, args.repo)
    try:
        issues = github.open_issues(args.label)
        if audit.needs_issue:
            _open_or_update(github, issues, audit, run_url, args)
        elif not issues:
            print("all links healthy; no open audit issue: nothing to do")
        else:
            for issue in issues:
                plan = f"close #{issue.number} with a comment"
                _act(plan, functools.partial(_close, github, issue.number), args.dry_run)
        return 0
    finally:
        github.close()


def _act(plan: str, action: Callable[[], str], dry_run: bool) -> None:
    print(f"dry run: would {plan}" if dry_run else action())


def _close(github: GitHub, number: int) -> str:
    # Comment first: if that fails, the issue stays open and the next run tries again.
    github.comment(number, CLOSING_COMMENT)
    github.update_issue(number, state="closed", state_reason="completed")
    return f"closed #{number}"


def _open_or_update(
    github: GitHub, issues: list[Issue], audit: Audit, run_url: str | None, args: AuditIssueArgs
) -> None:
    """Open the issue, or bring the oldest open one up to date (the others are named)."""
    body, title = issue_body(audit, run_url=run_url), audit.title()
    if not issues:

        def create() -> str:
            created = github.create_issue(title, body, args.label)
            return f"opened #{created.number}: {title}"

        _act(f"open an issue: {title}", create, args.dry_run)
        return
    keep, extra = issues[0], issues[1:]
    number = keep.number
    if extra:
        numbers = ", ".join(f"#{i.number}" for i in extra)
        print(
            f"note: {len(extra)} more open `{args.label}` issue(s) ({numbers}); "
            f"keeping #{number}, the oldest",
            file=sys.stderr,
        )
    if keep.body == body and keep.title == title:
        print(f"#{number} is up to date")
        return

    def update() -> str:
        github.update_issue(number, title=title, body=body)
        return f"updated #{number}: {title}"

    _act(f"update #{number}: {title}", update, args.dry_run)
