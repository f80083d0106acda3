"""Link health for the page, read defensively from the JSON report `links --format json`
writes (docs/links.md). The file is input like any other: a malformed one is refused,
located (`report.json:LINE:COL: ...`), and nothing is written.

When a link was checked: the report's `checked_at` (a link's, else the summary's) when it
has one, else the day the file was last written."""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from readme_gen.errors import CatalogError, Problem
from readme_gen.fsutil import read_bytes
from readme_gen.position import START, Position

# The report's statuses, in their one order (links.results.Status: the site may not import
# the checker; tests/links/test_statuses.py keeps the two equal).
STATUSES = ("broken", "mismatch", "moved", "drift", "blocked", "excluded", "ok")
MAX_REPORT = 256 * 1024 * 1024  # far above a 10,000-paper report (~5 MB)
MAX_URL = 8_192
STALE_AFTER = _dt.timedelta(days=14)
_DAY = re.compile(r"([12][0-9]{3}-[01][0-9]-[0-3][0-9])(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?\Z")


@dataclass(frozen=True, slots=True)
class Health:
    """Each checked URL's status and the day it was checked."""

    statuses: dict[str, tuple[str, str]] = field(default_factory=dict)
    """URL -> (status, ISO day checked)."""
    checked: str = ""
    """The report's day (the oldest link's when they differ); "" without a report."""

    def stale(self, today: _dt.date) -> bool:
        return bool(self.checked) and today - _dt.date.fromisoformat(self.checked) > STALE_AFTER


def _day(value: object) -> str | None:
    if isinstance(value, str):
        match = _DAY.match(value)
        if match:
            try:
                return _dt.date.fromisoformat(match.group(1)).isoformat()
            except ValueError:
                return None
    return None


def read_report(path: Path) -> Health:
    name = str(path)

    def refuse(message: str, expected: str, at: Position = START) -> CatalogError:
        return CatalogError([Problem(name, at, message, expected)])

    data = read_bytes(path)
    if len(data) > MAX_REPORT:
        raise refuse(f"the report is {len(data)} bytes", f"at most {MAX_REPORT}")
    try:
        report = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise refuse(f"byte {exc.start} is not UTF-8", "a UTF-8 JSON file") from None
    except json.JSONDecodeError as exc:
        at = Position(exc.lineno, exc.colno)
        raise refuse(f"not JSON: {exc.msg}", "the JSON `links --format json` writes", at) from None
    except RecursionError:
        raise refuse("nested too deeply", "the JSON `links --format json` writes") from None
    if not isinstance(report, dict) or not isinstance(report.get("links"), list):
        raise refuse("no `links` list", 'an object with "summary" and "links"')
    summary = report.get("summary")
    default = _day(summary.get("checked_at")) if isinstance(summary, dict) else None
    if default is None:
        default = _dt.datetime.fromtimestamp(path.stat().st_mtime, _dt.UTC).date().isoformat()
    statuses: dict[str, tuple[str, str]] = {}
    for n, link in enumerate(report["links"]):
        # `links --format json` writes one link a line after two lines of head
        at = Position(n + 3, 5)
        if not isinstance(link, dict):
            raise refuse(f"links[{n}] is not an object", '{"url": ..., "status": ...}', at)
        url, status = link.get("url"), link.get("status")
        if not isinstance(url, str) or not isinstance(status, str):
            raise refuse(f"links[{n}] has no text `url` and `status`", "both, as text", at)
        if status not in STATUSES:
            raise refuse(f"links[{n}]: unknown status {status[:40]!r}", ", ".join(STATUSES), at)
        if len(url) <= MAX_URL:  # a longer one is in no catalog
            statuses[url] = (status, _day(link.get("checked_at")) or default)
    checked = min((day for _, day in statuses.values()), default=default)
    return Health(statuses, checked)
