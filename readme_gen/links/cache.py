"""A cache of successful checks, so a re-run within `--max-age` sends no request.

Only `ok` results are remembered ("caching errors goes against typical CI workflows"):
a broken, blocked or moved link is checked again on every run. The key includes the paper
titles when titles are verified, so renaming a paper re-checks its link. The file is
replaced atomically, so a crash or kill mid-write leaves the previous cache readable.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from readme_gen.fsutil import write_atomic
from readme_gen.links.results import Result, Status, Target

VERSION = 1


def key(target: Target, *, verify_titles: bool) -> str:
    if not verify_titles:
        return target.url
    titles = "\n".join(sorted({u.title for u in target.uses}))
    return target.url + "#" + hashlib.sha256(titles.encode()).hexdigest()[:16]


class Cache:
    def __init__(self, path: Path, *, max_age: float, now: float) -> None:
        self.path = path
        self.max_age = max_age
        self.now = now
        self.entries: dict[str, dict[str, object]] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("version") == VERSION:
                entries = data.get("entries")
                if isinstance(entries, dict):
                    self.entries = {k: v for k, v in entries.items() if isinstance(v, dict)}
        except (OSError, ValueError):
            self.entries = {}  # no cache, or an unreadable one: start afresh

    def fresh(self, cache_key: str) -> dict[str, object] | None:
        entry = self.entries.get(cache_key)
        checked = entry.get("checked_at") if entry else None
        if isinstance(checked, (int, float)) and 0 <= self.now - checked <= self.max_age:
            return entry
        return None

    def result(self, target: Target, *, verify_titles: bool) -> Result | None:
        """The cached success for `target`, if a fresh one is remembered."""
        entry = self.fresh(key(target, verify_titles=verify_titles))
        if entry is None:
            return None
        code, final, title = (
            entry.get("http_status"),
            entry.get("final_url"),
            entry.get("title_found"),
        )
        return Result(
            target.url,
            Status.OK,
            target.uses,
            http_status=code if isinstance(code, int) and not isinstance(code, bool) else None,
            final_url=final if isinstance(final, str) else None,
            title_found=title if isinstance(title, str) else None,
            detail="cached",
            cached=True,
        )

    def remember(self, cache_key: str, result: Result) -> None:
        if result.status is Status.OK and not result.cached:
            self.entries[cache_key] = {
                "checked_at": self.now,
                "http_status": result.http_status,
                "final_url": result.final_url,
                "title_found": result.title_found,
            }

    def save(self) -> None:
        kept = {k: v for k, v in sorted(self.entries.items()) if self.fresh(k) is not None}
        text = json.dumps({"version": VERSION, "entries": kept}, indent=1, sort_keys=True)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, (text + "\n").encode("utf-8"))
