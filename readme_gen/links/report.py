"""Formatting results: text, json, markdown (the audit issue's body) and github
(workflow annotations), behind one small protocol and a name -> formatter registry."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from readme_gen.links.results import Result, Status

ORDER = (Status.BROKEN, Status.MISMATCH, Status.BLOCKED, Status.MOVED, Status.EXCLUDED, Status.OK)
TITLES = {
    Status.BROKEN: "Broken",
    Status.MISMATCH: "Pointing to another paper",
    Status.BLOCKED: "Could not verify (the host blocks automated clients)",
    Status.MOVED: "Moved permanently (update the catalog)",
    Status.EXCLUDED: "Excluded by configuration",
    Status.OK: "OK",
}


@dataclass(frozen=True, slots=True)
class Report:
    results: tuple[Result, ...]
    failing: frozenset[Status]
    elapsed: float
    catalog: str = "catalog.yaml"

    def counts(self) -> dict[str, int]:
        found = Counter(r.status for r in self.results)
        return {s.value: found.get(s, 0) for s in Status}

    @property
    def failed(self) -> bool:
        return any(r.status in self.failing for r in self.results)


Formatter = Callable[[Report], str]


def why(result: Result) -> str:
    """The detail, led by the typed reason: `[reset] connection reset: ...`."""
    if result.reason is None or result.reason.value in result.detail[:40]:
        return result.detail
    return f"[{result.reason.value}] {result.detail}"


def to_json(report: Report) -> str:
    """The stable schema documented in docs/links.md."""
    summary: dict[str, object] = {
        "total": len(report.results),
        **report.counts(),
        "failing": sum(r.status in report.failing for r in report.results),
        "cached": sum(r.cached for r in report.results),
        "elapsed_s": round(report.elapsed, 3),
    }
    links = [
        {
            "url": r.url,
            "status": r.status.value,
            "http_status": r.http_status,
            "final_url": r.final_url,
            "redirects": [{"status": code, "url": url} for code, url in r.redirects],
            "attempts": r.attempts,
            "elapsed_ms": r.elapsed_ms,
            "title_found": r.title_found,
            "reason": r.reason.value if r.reason else None,
            "detail": r.detail,
            "cached": r.cached,
            "papers": [
                {"title": u.title, "label": u.label, "line": u.line, "column": u.column}
                for u in r.uses
            ],
        }
        for r in report.results
    ]
    # One link per line: easy to grep and to diff, and written by json's C encoder
    # (`indent` would switch to its pure-Python encoder, ~3x slower on a big catalog).
    items = ",\n".join(f"    {_ENCODE(link)}" for link in links)
    body = f"[\n{items}\n  ]" if links else "[]"
    return f'{{\n  "summary": {_ENCODE(summary)},\n  "links": {body}\n}}\n'


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def to_text(report: Report) -> str:
    lines = []
    for status in ORDER[:-1]:
        group = [r for r in report.results if r.status is status]
        if not group:
            continue
        lines.append(f"{TITLES[status]} ({len(group)}):")
        for r in group:
            for use in r.uses:
                lines.append(f"  {report.catalog}:{use.line}:{use.column}: {r.url}")
                lines.append(f"      {use.title}")
            if r.detail:
                lines.append(f"      {why(r)}")
        lines.append("")
    counts = report.counts()
    summary = ", ".join(f"{n} {name}" for name, n in counts.items() if n)
    lines.append(f"{len(report.results)} links: {summary or 'none'} ({report.elapsed:.1f} s)")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(report: Report) -> str:
    counts = report.counts()
    out = ["## Link audit", "", "| Status | Links |", "| --- | --- |"]
    out += [f"| {s.value} | {counts[s.value]} |" for s in ORDER if counts[s.value]]
    for status in ORDER[:-2]:
        group = [r for r in report.results if r.status is status]
        if not group:
            continue
        out += [
            "",
            f"### {TITLES[status]}",
            "",
            "| Paper | Link | Line | Detail |",
            "| --- | --- | --- | --- |",
        ]
        for r in group:
            detail = why(r)
            if status is Status.BROKEN:
                detail += f" ([archived copies](https://web.archive.org/web/*/{r.url}))"
            for use in r.uses:
                out.append(f"| {_cell(use.title)} | <{r.url}> | {use.line} | {_cell(detail)} |")
    if not any(r.status in report.failing or r.status is Status.MOVED for r in report.results):
        out += ["", "All links are healthy."]
    return "\n".join(out) + "\n"


def _escape_annotation(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def to_github(report: Report) -> str:
    lines = []
    for r in report.results:
        if r.status in (Status.OK, Status.EXCLUDED):
            continue
        level = "error" if r.status in report.failing else "warning"
        for use in r.uses:
            message = _escape_annotation(f"{r.status.value}: {r.url} ({use.title}): {why(r)}")
            lines.append(
                f"::{level} file={report.catalog},line={use.line},col={use.column}::{message}"
            )
    counts = report.counts()
    lines.append("links: " + ", ".join(f"{n} {k}" for k, n in counts.items() if n))
    return "\n".join(lines) + "\n"


FORMATTERS: dict[str, Formatter] = {
    "text": to_text,
    "json": to_json,
    "markdown": to_markdown,
    "github": to_github,
}


def format_report(report: Report, name: str) -> str:
    return FORMATTERS[name](report)


def failing_statuses(strict: bool) -> frozenset[Status]:
    from readme_gen.links.results import FAILING_BY_DEFAULT, FAILING_STRICT

    return FAILING_STRICT if strict else FAILING_BY_DEFAULT


def sort_results(results: Sequence[Result]) -> tuple[Result, ...]:
    return tuple(
        sorted(results, key=lambda r: (r.uses[0].line, r.uses[0].column) if r.uses else (0, 0))
    )
