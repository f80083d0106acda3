"""A cache of successful checks, so a re-run within `--max-age` sends no request.

Only `ok` results are remembered ("caching errors goes against typical CI workflows"):
a broken, blocked or moved link is checked again on every run. The key includes the paper
titles when titles are verified, so renaming a paper re-checks its link. The file is
replaced atomically, so a crash or kill mid-write leaves the previous cache readable; it
is read again just before, under a lock where the system has one, and merged (the newer
check of a link wins), so runs at the same time keep each other's entries.

A cache that is not a regular file, is over `MAX_CACHE` bytes, or is not the JSON it
should be (nested too deeply, say) is no cache: the run starts afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from readme_gen.fsutil import read_regular, write_atomic
from readme_gen.links.results import Result, Status, Target

VERSION = 1
MAX_CACHE = 64 * 1024 * 1024  # 100,000 entries are ~20 MB
Entries = dict[str, dict[str, object]]


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
        self.entries: Entries = read_entries(path)

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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(self.path):
            for k, theirs in read_entries(self.path).items():  # another run's, meanwhile
                ours = self.entries.get(k)
                if ours is None or _checked(theirs) > _checked(ours):
                    self.entries[k] = theirs
            # Not stale; newer than this run's start is fine (a run that started later).
            kept = {
                k: v
                for k, v in sorted(self.entries.items())
                if abs(self.now - _checked(v)) <= self.max_age
            }
            text = json.dumps({"version": VERSION, "entries": kept}, indent=1, sort_keys=True)
            write_atomic(self.path, (text + "\n").encode("utf-8"))


def read_entries(path: Path) -> Entries:
    """The entries of the cache at `path`; none when there is no cache, or none that can
    be trusted to be one (see the module's docstring)."""
    try:
        data = json.loads(read_regular(path, MAX_CACHE))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return {}
    entries = data.get("entries")
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(v, dict)}


def _checked(entry: dict[str, object]) -> float:
    when = entry.get("checked_at")
    return float(when) if isinstance(when, (int, float)) and not isinstance(when, bool) else 0.0


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An advisory lock beside the cache, held from reading it to replacing it (none on
    systems without flock: the merge just before the replace still keeps most)."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    try:
        fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
