"""The one Markdown rendering of link findings: `links --format markdown`, the job summary
(`audit-issue --markdown`) and the audit issue's body are all this, with a different
preamble and size limit.

Counts by status first, then the links that need attention, worst first, as many as fit
in the limit, then "and N more" with the run's URL. Every byte from the catalog or a
server goes through `readme_gen.escape`. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from readme_gen import escape
from readme_gen.links.results import Status

# GitHub refuses an issue body over 65,536 characters, and truncates a step summary over
# 1 MiB. Sizes are counted in UTF-8 bytes: never fewer than characters or UTF-16 units,
# so the limits hold however GitHub counts.
ISSUE_LIMIT = 65_536
SUMMARY_LIMIT = 1024 * 1024
# A cell never takes a whole body: the longest title or detail shown, in characters.
TITLE_LIMIT = 300
DETAIL_LIMIT = 500
URL_LIMIT = 2000

# Worst first, in the one order (`Status.rank`): what fails the audit, then what the catalog
# should follow, then what could not be verified.
HEADINGS: dict[Status, str] = {
    s: s.action for s in Status.ranked() if s not in (Status.EXCLUDED, Status.OK)
}
TABLE_HEAD = ("| Paper | Link | Line | Detail |", "| --- | --- | --- | --- |")


@dataclass(frozen=True, slots=True)
class Finding:
    """One checked link as the Markdown shows it."""

    status: Status
    url: str
    detail: str
    papers: tuple[tuple[str, int], ...]  # (title, catalog.yaml line) of each use


def led_by_reason(reason: str | None, detail: str) -> str:
    """A finding's detail led by its typed reason, `[reset] connection reset: ...` (once:
    a detail already led by it stays as it is), as every format of the link report
    writes it."""
    if not reason or detail.startswith(f"[{reason}]"):
        return detail
    return f"[{reason}] {detail}"


def run_url(environ: Mapping[str, str]) -> str | None:
    """The workflow run's page, from the variables GitHub Actions sets, else None."""
    parts = [
        environ.get(k, "") for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID")
    ]
    if not all(parts):
        return None
    server, repository, run_id = parts
    return f"{server.rstrip('/')}/{repository}/actions/runs/{run_id}"


def _rows(finding: Finding) -> list[str]:
    detail = escape.inert_markdown(finding.detail, limit=DETAIL_LIMIT)
    if finding.status is Status.BROKEN and escape.safe_url(finding.url) is not None:
        # a web address only: a missing file of the repository has no archived copy
        archive = escape.inert_link(
            f"https://web.archive.org/web/*/{finding.url}", "archived copies", limit=URL_LIMIT
        )
        detail = f"{detail} ({archive})" if detail else archive
    link = escape.inert_link(finding.url, limit=URL_LIMIT)
    return [
        f"| {escape.inert_markdown(title, limit=TITLE_LIMIT)} | {link} | {line} | {detail} |"
        for title, line in finding.papers or (("?", 0),)
    ]


def _size(lines: Sequence[str]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for line in lines)


def render(
    counts: Mapping[Status, int],
    findings: Sequence[Finding],
    *,
    preamble: Sequence[str],
    footer: Sequence[str] = (),
    limit: int,
    run: str | None = None,
) -> str:
    """The Markdown, at most `limit` UTF-8 bytes (the preamble and footer are ours and
    short); `run` is linked from the "and N more" line when links are left out, and from
    a closing line when none is."""
    head = [*preamble, "| Status | Links |", "| --- | --- |"]
    head += [f"| {s.value} | {counts.get(s, 0)} |" for s in Status.ranked() if counts.get(s, 0)]
    listed = [f for s in HEADINGS for f in findings if f.status is s]
    tail = ["", *footer] if footer else []
    more = _more(len(listed), run)
    budget = limit - _size(head) - _size(tail) - _size(["", more])
    body: list[str] = []
    shown, group = 0, None
    for finding in listed:
        rows = _rows(finding)
        if finding.status is not group:
            rows = ["", f"### {HEADINGS[finding.status]}", "", *TABLE_HEAD, *rows]
        cost = _size(rows)
        if cost > budget:
            break
        budget -= cost
        body += rows
        shown, group = shown + 1, finding.status
    if shown < len(listed):
        body += ["", _more(len(listed) - shown, run)]
    elif run and listed:  # everything fits: still say where the whole report is
        body += [
            "",
            f"The full report is attached to the run: {escape.inert_link(run, limit=URL_LIMIT)}",
        ]
    return "\n".join(head + body + tail) + "\n"


def _more(n: int, run: str | None) -> str:
    where = f": {escape.inert_link(run, limit=URL_LIMIT)}" if run else ""
    return f"and {n} more: see the report attached to the run{where}"
