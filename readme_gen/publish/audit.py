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

MARKER = "<!-- readme-gen:link-audit -->"
# What keeps the issue open: failing links, and permanent moves (the catalog should follow).
ATTENTION = ("broken", "mismatch", "moved")
STATUSES = ("ok", "moved", "mismatch", "blocked", "broken", "excluded")


@dataclass(frozen=True, slots=True)
class Finding:
    status: str
    url: str
    detail: str
    papers: tuple[tuple[str, int], ...]  # (title, line)
    final_url: str | None


@dataclass(frozen=True, slots=True)
class Audit:
    counts: dict[str, int]
    findings: tuple[Finding, ...]

    @property
    def needs_issue(self) -> bool:
        return any(f.status in ATTENTION for f in self.findings)

    def title(self) -> str:
        parts = [f"{self.counts.get(s, 0)} {s}" for s in ATTENTION if self.counts.get(s, 0)]
        return "Link audit: " + (", ".join(parts) if parts else "all links healthy")


def load_report(path: Path) -> Audit:
    """Read and check a JSON report; a malformed one is a clear usage error."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
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
    counts = {s: int(summary.get(s, 0)) for s in STATUSES if isinstance(summary.get(s, 0), int)}
    return Audit(counts, tuple(findings))


def _finding(item: Any, where: str) -> Finding:
    if not isinstance(item, dict):
        raise UsageError(f"{where}: expected an object")
    status, url = item.get("status"), item.get("url")
    if status not in STATUSES or not isinstance(url, str):
        raise UsageError(f"{where}: expected `url` and a `status` of {', '.join(STATUSES)}")
    papers = []
    for paper in item.get("papers") or []:
        if isinstance(paper, dict) and isinstance(paper.get("title"), str):
            papers.append((paper["title"], int(paper.get("line") or 0)))
    final = item.get("final_url")
    return Finding(
        status,
        url,
        str(item.get("detail") or ""),
        tuple(papers),
        final if isinstance(final, str) else None,
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def issue_body(audit: Audit, *, run_url: str | None = None) -> str:
    """The issue's Markdown: counts, then each link that needs attention, by status."""
    lines = [MARKER, "The weekly link audit found links that need attention.", ""]
    lines += ["| Status | Links |", "| --- | --- |"]
    lines += [f"| {s} | {audit.counts.get(s, 0)} |" for s in STATUSES if audit.counts.get(s, 0)]
    headings = {
        "broken": "Broken: fix or replace the link (an archived copy may help)",
        "mismatch": "Pointing to another paper",
        "moved": "Moved permanently: update catalog.yaml (`readme-gen links --fix-redirects`)",
        "blocked": "Could not verify: the host blocks automated clients (not counted as broken)",
    }
    for status, heading in headings.items():
        group = [f for f in audit.findings if f.status == status]
        if not group:
            continue
        lines += [
            "",
            f"### {heading}",
            "",
            "| Paper | catalog.yaml line | Link | Detail |",
            "| --- | --- | --- | --- |",
        ]
        for f in group:
            detail = f.detail
            if status == "broken":
                detail += f" ([archived copies](https://web.archive.org/web/*/{f.url}))"
            for title, line in f.papers or (("?", 0),):
                lines.append(f"| {_cell(title)} | {line} | <{f.url}> | {_cell(detail)} |")
    lines += [
        "",
        "This issue is kept up to date by `readme-gen audit-issue`: it is updated on "
        "every audit and closed when every link is healthy again.",
    ]
    if run_url:
        lines.append(f"Latest run: {run_url}")
    return "\n".join(lines) + "\n"


CLOSING_COMMENT = "All links are healthy again (link audit); closing. " + MARKER
