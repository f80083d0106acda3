"""`readme-gen links`: check every paper link (or those changed since a git ref).

Exit codes: 0 nothing failing, 1 failing links (broken or mismatch; with --strict also
blocked and moved), 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from readme_gen.catalog.load import gc_paused, load_catalog
from readme_gen.commands.common import (
    STDOUT,
    add_catalog_argument,
    catalog_path,
    readme_path,
    write_output,
)
from readme_gen.config import tool_table
from readme_gen.errors import UsageError
from readme_gen.fsutil import write_atomic

if TYPE_CHECKING:
    from readme_gen.links.results import Result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_argument(parser)
    add = parser.add_argument
    add("--concurrency", type=int, metavar="N", help="requests in flight at most (default 64)")
    add("--per-host", type=int, metavar="N", help="requests in flight per host (default 4)")
    add("--min-interval", metavar="SECONDS", help="minimum time between requests to one host")
    add("--timeout", type=float, metavar="SECONDS", help="time limit per attempt (default 20)")
    add("--connect-timeout", type=float, metavar="SECONDS", help="time limit to connect (10)")
    add("--retries", type=int, metavar="N", help="retries of transient failures (default 3)")
    add(
        "--verify-titles",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="compare landing pages' titles with the catalog's (default: on)",
    )
    add("--cache", type=Path, metavar="PATH", help="remember successes in this file")
    add("--max-age", metavar="DURATION", help="how long a cached success counts (default 7d)")
    add(
        "--changed-since",
        metavar="GIT_REF",
        help="check only links added or changed since REF; `auto`: what a pre-push hook pushes "
        "(pre-commit's PRE_COMMIT_FROM_REF), else HEAD",
    )
    add(
        "--allow-private",
        action="store_true",
        default=None,
        help="allow loopback and private addresses (tests, intranets)",
    )
    add("--strict", action="store_true", default=None, help="blocked and moved links fail too")
    add("--exclude", action="append", metavar="REGEX", help="skip URLs matching REGEX")
    add(
        "--fix-redirects",
        action="store_true",
        help="rewrite permanently moved URLs in the catalog to their targets, rebuild README.md",
    )
    add("--format", choices=("text", "json", "markdown", "github"), default="text")
    add("--output", "-o", type=Path, metavar="FILE", help="write the report here")


def run(args: argparse.Namespace) -> int:
    from readme_gen.links.cache import Cache, key
    from readme_gen.links.checker import run_check
    from readme_gen.links.collect import changed_since, collect
    from readme_gen.links.progress import Progress
    from readme_gen.links.report import Report, failing_statuses, format_report, sort_results
    from readme_gen.links.results import Result, Status
    from readme_gen.links.settings import resolve

    flags = {
        name: getattr(args, name)
        for name in (
            "concurrency",
            "per_host",
            "min_interval",
            "timeout",
            "connect_timeout",
            "retries",
            "verify_titles",
            "cache",
            "max_age",
            "allow_private",
            "strict",
            "exclude",
        )
    }
    settings = resolve(tool_table("links"), flags, env=os.environ)
    path = catalog_path(args)
    catalog = load_catalog(path)
    targets = collect(catalog)
    if args.changed_since:
        ref = args.changed_since
        if ref == "auto":
            ref = os.environ.get("PRE_COMMIT_FROM_REF") or "HEAD"
        targets = changed_since(targets, path, ref)
    started = time.perf_counter()
    cache = (
        Cache(settings.cache, max_age=settings.max_age, now=time.time()) if settings.cache else None
    )
    cached: list[Result] = []
    to_check = []
    for target in targets:
        entry = cache.fresh(key(target, verify_titles=settings.verify_titles)) if cache else None
        if entry is None:
            to_check.append(target)
            continue
        final = entry.get("final_url")
        title = entry.get("title_found")
        cached.append(
            Result(
                target.url,
                Status.OK,
                target.uses,
                http_status=_int(entry.get("http_status")),
                final_url=final if isinstance(final, str) else None,
                title_found=title if isinstance(title, str) else None,
                detail="cached",
                cached=True,
            )
        )
    failing = failing_statuses(settings.strict)
    progress = None
    if sys.stderr.isatty() and not os.environ.get("CI"):
        progress = Progress(len(to_check), sys.stderr, failing)
    checked = run_check(to_check, settings, on_result=progress.step if progress else None)
    if progress:
        progress.done()
    if cache is not None:
        for target, result in zip(to_check, checked, strict=True):
            cache.remember(key(target, verify_titles=settings.verify_titles), result)
        try:
            cache.save()
        except OSError as exc:
            raise UsageError(f"cannot write the cache {settings.cache}: {exc.strerror}") from None
    results = sort_results([*cached, *checked])
    if args.fix_redirects:
        results = _fix_redirects(path, results)
    report = Report(results, failing, time.perf_counter() - started, str(path))
    with gc_paused():  # thousands of small acyclic objects: see gc_paused
        text = format_report(report, args.format)
    if write_output(args.output or STDOUT, text):
        print(f"wrote {args.output}", file=sys.stderr)
    if args.output and args.format != "text":
        sys.stderr.write(format_report(report, "text").splitlines()[-1] + "\n")
    return 1 if report.failed else 0


def _fix_redirects(path: Path, results: tuple[Result, ...]) -> tuple[Result, ...]:
    """Rewrite moved URLs in the catalog (every use), rebuild the README, say what changed;
    the fixed links are reported as ok."""
    from dataclasses import replace

    from readme_gen.catalog.load import parse_catalog, read_text
    from readme_gen.links.fix import moved_target, rewrite
    from readme_gen.links.results import Status
    from readme_gen.readme.render import render

    changes, fixed = [], set()
    for result in results:
        target = moved_target(result)
        if target is None:
            continue
        fixed.add(result.url)
        for use in result.uses:
            changes.append((use.line, use.column, target))
            print(f"{path}:{use.line}:{use.column}: {result.url} -> {target}", file=sys.stderr)
    if not changes:
        print("no permanently moved link to fix", file=sys.stderr)
        return results
    text = rewrite(read_text(path), changes)
    catalog = parse_catalog(text, str(path), path.parent)
    write_atomic(path, text.encode("utf-8"))
    readme = readme_path(None)
    write_atomic(readme, render(catalog).encode("utf-8"))
    print(f"fixed {len(fixed)} moved link(s) in {path}; rebuilt {readme}", file=sys.stderr)
    return tuple(
        replace(r, status=Status.OK, detail=f"fixed: now {r.final_url}") if r.url in fixed else r
        for r in results
    )


def _int(value: object) -> int | None:
    return value if isinstance(value, int) else None
