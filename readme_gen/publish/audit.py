"""The scheduled link audit's issue: from a `readme-gen links --format json` report to what
the one open `link-audit` issue should say, and whether it should exist at all.

Pure: no network. `readme_gen.publish.github` talks to GitHub; the command wires the two.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readme_gen.errors import UsageError
from readme_gen.fsutil import read_regular
from readme_gen.links.results import Status
from readme_gen.publish.findings import (
    ISSUE_LIMIT,
    SUMMARY_LIMIT,
    Finding,
    led_by_reason,
    render,
)

MARKER = "<!-- readme-gen:link-audit -->"
MAX_REPORT = 256 * 1024 * 1024  # a report of 100,000 links is ~50 MB
# What keeps the issue open: failing links, permanent moves and metadata drift (the catalog
# should follow).
ATTENTION = tuple(s for s in Status.ranked() if s.attention)
_BY_NAME = {s.value: s for s in Status}
STATUS_NAMES = ", ".join(_BY_NAME)


@dataclass(frozen=True, slots=True)
class Audit:
    counts: dict[Status, int]
    findings: tuple[Finding, ...]

    @property
    def needs_issue(self) -> bool:
        return any(f.status in ATTENTION for f in self.findings)

    def title(self) -> str:
        parts = [f"{self.counts.get(s, 0)} {s.value}" for s in ATTENTION if self.counts.get(s, 0)]
        return "Link audit: " + (", ".join(parts) if parts else "all links healthy")


def load_report(path: Path) -> Audit:
    """Read and check a JSON report; a malformed one is a clear usage error."""
    try:
        data = json.loads(read_regular(path, MAX_REPORT).decode("utf-8"))
    except RecursionError:
        raise UsageError(f"{path}: not a link report (nested too deeply)") from None
    except FileNotFoundError:
        raise UsageError(
            f"{path}: no such report (run `readme-gen links --format json -o {path}`)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the report: {exc}") from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None
    links = data.get("links") if isinstance(data, dict) else None
    summary = data.get("summary") if isinstance(data, dict) else None
    if not isinstance(links, list) or not isinstance(summary, dict):
        raise UsageError(f"{path}: not a link report (expected `summary` and `links`)")
    findings = []
    for n, item in enumerate(links):
        findings.append(_finding(item, f"{path}: links[{n}]"))
    counts = {s: n for s in Status if type(n := summary.get(s.value, 0)) is int and n > 0}
    return Audit(counts, tuple(findings))


def _finding(item: Any, where: str) -> Finding:
    if not isinstance(item, dict):
        raise UsageError(f"{where}: expected an object")
    status, url = item.get("status"), item.get("url")
    if not isinstance(status, str) or status not in _BY_NAME or not isinstance(url, str):
        raise UsageError(f"{where}: expected `url` and a `status` of {STATUS_NAMES}")
    papers = []
    for paper in item.get("papers") or []:
        if isinstance(paper, dict) and isinstance(paper.get("title"), str):
            line = paper.get("line")
            papers.append((paper["title"], line if type(line) is int else 0))
    detail, reason = item.get("detail"), item.get("reason")
    detail = led_by_reason(
        reason if isinstance(reason, str) else None, detail if isinstance(detail, str) else ""
    )
    return Finding(_BY_NAME[status], url, detail, tuple(papers))


def issue_body(audit: Audit, *, run_url: str | None = None) -> str:
    """The issue's Markdown: counts, then the links that need attention, worst first,
    within GitHub's limit on an issue body."""
    return render(
        audit.counts,
        audit.findings,
        preamble=[MARKER, "The weekly link audit found links that need attention.", ""],
        footer=[
            "This issue is kept up to date by `readme-gen audit-issue`: it is updated on "
            "every audit and closed when every link is healthy again."
        ],
        limit=ISSUE_LIMIT,
        run=run_url,
    )


def summary(audit: Audit, *, run_url: str | None = None) -> str:
    """The job summary's Markdown, within GitHub's limit on a step summary."""
    return render(
        audit.counts,
        audit.findings,
        preamble=["## Link audit", ""],
        footer=[] if audit.needs_issue else ["All links are healthy."],
        limit=SUMMARY_LIMIT,
        run=run_url,
    )


CLOSING_COMMENT = "All links are healthy again (link audit); closing. " + MARKER
