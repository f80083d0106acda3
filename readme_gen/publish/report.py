"""The link report, in each format: text, json, markdown (the job summary) and github
(workflow annotations). These are the links half of the emitters; which format a name
means, and its help, is read from their registry (readme_gen.publish.emit)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from readme_gen import escape
from readme_gen.links.results import Incomplete, Result, Status, Suggestion
from readme_gen.net.reasons import Reason
from readme_gen.position import NOWHERE, START
from readme_gen.publish import findings, located
from readme_gen.publish.located import Located


@dataclass(frozen=True, slots=True)
class Report:
    results: tuple[Result, ...]
    failing: frozenset[Status]
    elapsed: float
    catalog: str = "catalog.yaml"
    incomplete: tuple[Incomplete, ...] = ()
    """What the check could not finish (the arXiv check of preprints), said in every format."""

    def counts(self) -> dict[str, int]:
        found = Counter(r.status for r in self.results)
        return {s.value: found.get(s, 0) for s in Status}

    @property
    def failed(self) -> bool:
        return any(r.status in self.failing for r in self.results)


def why(result: Result) -> str:
    """The detail, led by the typed reason: `[reset] connection reset: ...`."""
    return findings.led_by_reason(result.reason.value if result.reason else None, result.detail)


def to_json(report: Report) -> str:
    """The stable schema documented in docs/links.md."""
    summary: dict[str, object] = {
        "total": len(report.results),
        **report.counts(),
        "failing": sum(r.status in report.failing for r in report.results),
        "cached": sum(r.cached for r in report.results),
        "elapsed_s": round(report.elapsed, 3),
        "incomplete": [
            {"what": i.what, "ids": i.count, "reason": i.reason.value, "detail": i.detail}
            for i in report.incomplete
        ],
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
            "suggestion": _suggestion(r.suggestion),
            "papers": [
                {
                    "title": u.title,
                    "label": u.label,
                    "line": u.position.line,
                    "column": u.position.column,
                }
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


def _suggestion(found: Suggestion | None) -> dict[str, object] | None:
    """A search service's suggestion (links/suggest.py), never applied by the report."""
    if found is None:
        return None
    out: dict[str, object] = {"kind": found.kind, "text": found.text}
    out.update(
        {k: v for k, v in (("venue", found.venue), ("year", found.year), ("url", found.url)) if v}
    )
    return out


# Reasons that say nothing of the link, only that no connection could be made: when every
# link fetched failed so, across several hosts, the machine is offline, not the links broken.
UNREACHABLE = frozenset(
    {
        Reason.DNS,
        Reason.DNS_TEMPORARY,
        Reason.REFUSED,
        Reason.CONNECT_FAILED,
        Reason.TIMEOUT_CONNECT,
    }
)


def offline(results: Sequence[Result]) -> bool:
    """Every link fetched (not excluded, not cached) failed to resolve or connect, on at
    least two hosts: one dead host is a broken link, every host down is no network."""
    fetched = [r for r in results if r.status is not Status.EXCLUDED and not r.cached]
    hosts = {urlsplit(r.url).hostname for r in fetched}
    return len(hosts) >= 2 and all(r.reason in UNREACHABLE for r in fetched)


def _counted(results: Sequence[Result]) -> str:
    """`dns: 3, refused: 1`: how many of each reason, in a fixed order."""
    found = Counter(r.reason.value for r in results if r.reason is not None)
    return ", ".join(f"{name}: {n}" for name, n in sorted(found.items()))


def _links(n: int) -> str:
    return f"{n} link{'s' if n != 1 else ''}"


def _summaries(status: Status, group: Sequence[Result], *, is_offline: bool) -> list[str]:
    """One line for what would otherwise be many identical blocks: the excluded links, the
    links refused for a private address, and every link when the machine is offline."""
    if status is Status.EXCLUDED:
        return [
            f"  {_links(len(group))} not checked: they match an `exclude` pattern "
            "(--exclude or [tool.readme-gen.links] exclude)"
        ]
    if status is not Status.BROKEN:
        return []
    if is_offline:
        return [
            f"  {_links(len(group))} could not be reached ({_counted(group)}): every request "
            "failed to resolve or connect, so this machine seems offline; "
            "check the network and run again"
        ]
    private = [r for r in group if r.reason is Reason.PRIVATE_ADDRESS]
    if len(private) < 2:
        return []
    return [f"  {_links(len(private))} refused: private addresses; pass --allow-private"]


def _summarised(status: Status, result: Result, *, is_offline: bool, private: int) -> bool:
    if status is Status.EXCLUDED or (status is Status.BROKEN and is_offline):
        return True
    return private >= 2 and result.reason is Reason.PRIVATE_ADDRESS


def to_text(report: Report) -> str:
    show = escape.terminal
    is_offline = offline(report.results)
    lines = []
    for status in Status.ranked():
        if status is Status.OK:
            continue
        group = [r for r in report.results if r.status is status]
        if not group:
            continue
        lines.append(f"{status.title} ({len(group)}):")
        private = sum(r.reason is Reason.PRIVATE_ADDRESS for r in group)
        for r in group:
            if _summarised(status, r, is_offline=is_offline, private=private):
                continue
            for use in r.uses:  # the detail under every paper that uses the link
                lines.append(f"  {show(report.catalog)}:{use.position}: {show(r.url)}")
                lines.append(f"      {show(use.title)}")
                if r.detail:
                    lines.append(f"      {show(why(r))}")
        lines.extend(_summaries(status, group, is_offline=is_offline))
        lines.append("")
    lines += [show(str(i)) for i in report.incomplete]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def summary_line(report: Report) -> str:
    """The text report's last line, `2000 links: 1998 ok, 2 broken (2.1 s)`: what a run
    writing another format prints on standard error."""
    counts = ", ".join(f"{n} {name}" for name, n in report.counts().items() if n)
    return f"{len(report.results)} links: {counts or 'none'} ({report.elapsed:.1f} s)"


def to_markdown(report: Report, *, run: str | None = None) -> str:
    """The job summary: the one Markdown rendering of findings (readme_gen.publish.findings)."""
    healthy = not any(r.status in report.failing or r.status.attention for r in report.results)
    return findings.render(
        Counter(r.status for r in report.results),
        [
            findings.Finding(
                r.status, r.url, why(r), tuple((u.title, u.position.line) for u in r.uses)
            )
            for r in report.results
        ],
        preamble=[
            "## Link audit",
            "",
            # Our own words and numbers (what, a count, a reason's name): no server text.
            *(line for i in report.incomplete for line in (f"> {i}", "")),
        ],
        footer=["All links are healthy."] if healthy else [],
        limit=findings.SUMMARY_LIMIT,
        run=run,
    )


def places(report: Report) -> list[Located]:
    """What the github format says of the report, place by place: each failing or suspect
    link under every paper that uses it (an error if it fails the run), then what the
    check could not finish."""
    items = []
    for r in report.results:
        if r.status in (Status.OK, Status.EXCLUDED):
            continue
        level: escape.Level = "error" if r.status in report.failing else "warning"
        for use in r.uses:
            message = f"{r.status.value}: {r.url} ({use.title}): {why(r)}"
            items.append(Located(report.catalog, use.position, level, message))
    items += [Located(report.catalog, START, "warning", str(i)) for i in report.incomplete]
    return items


def to_github(report: Report) -> str:
    lines = [located.annotation(item) for item in places(report)]
    counts = report.counts()
    lines.append("links: " + ", ".join(f"{n} {k}" for k, n in counts.items() if n))
    return "\n".join(lines) + "\n"


def failing_statuses(strict: bool) -> frozenset[Status]:
    from readme_gen.links.results import FAILING_BY_DEFAULT, FAILING_STRICT

    return FAILING_STRICT if strict else FAILING_BY_DEFAULT


def sort_results(results: Sequence[Result]) -> tuple[Result, ...]:
    return tuple(sorted(results, key=lambda r: r.uses[0].position if r.uses else NOWHERE))
