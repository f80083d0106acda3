"""`readme-gen links`: check every paper link (or those changed since a git ref).

Exit codes: 0 nothing failing, 1 failing links (broken or mismatch; with --strict also
blocked and moved), 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readme_gen.catalog.load import gc_paused, load_catalog
from readme_gen.commands.common import (
    STDOUT,
    add_catalog_argument,
    add_format_argument,
    add_output_argument,
    catalog_path,
    readme_path,
    write_output,
)
from readme_gen.escape import terminal
from readme_gen.fsutil import write_together
from readme_gen.pyproject import tool_table
from readme_gen.text import shorten

if TYPE_CHECKING:
    from readme_gen.links.cache import Cache
    from readme_gen.links.results import Incomplete, Result, Target
    from readme_gen.links.settings import CheckSettings


@dataclass(frozen=True, slots=True)
class LinksArgs:
    catalog: Path | None
    changed_since: str | None
    fix_redirects: bool
    format: str
    output: Path | None
    flags: Mapping[str, Any]
    """The settings flags (`links.settings.add_flags`, and --exclude) by setting name,
    None where not given: `links.settings.resolve` reads them."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from readme_gen.links.settings import add_flags
    from readme_gen.publish.emit import choices

    add_catalog_argument(parser)
    add_flags(parser)  # one flag per declared setting (links/settings.py)
    add = parser.add_argument
    add("--exclude", action="append", metavar="REGEX", help="skip URLs matching REGEX")
    add(
        "--changed-since",
        metavar="GIT_REF",
        help="check only links added or changed since REF; `auto`: what a pre-push hook pushes "
        "(pre-commit's PRE_COMMIT_FROM_REF), else HEAD",
    )
    add(
        "--fix-redirects",
        action="store_true",
        help="rewrite permanently moved URLs in the catalog to their targets, rebuild README.md",
    )
    add_format_argument(parser, choices("links"), "text")
    add_output_argument(parser, "the report to write")


def run(args: LinksArgs) -> int:
    from readme_gen.links.cache import Cache
    from readme_gen.links.collect import local_results
    from readme_gen.links.settings import resolve
    from readme_gen.publish.emit import write_links
    from readme_gen.publish.report import Report, failing_statuses, sort_results, summary_line

    settings = resolve(tool_table("links"), args.flags, env=os.environ)
    path = catalog_path(args.catalog)
    targets = _targets(path, args.changed_since)
    started = time.perf_counter()
    cache = None
    if settings.cache:
        cache = Cache(settings.cache, max_age=settings.max_age, now=time.time())
    targets, local = local_results(targets, readme_path(None).parent, settings.exclude)
    checked, incomplete = _check(targets, settings, cache)
    results = sort_results([*local, *checked])
    if args.fix_redirects:
        results = _fix_redirects(path, results)
    if settings.fix_venues:
        results = _fix_venues(path, results)
    elapsed = time.perf_counter() - started
    report = Report(results, failing_statuses(settings.strict), elapsed, str(path), incomplete)
    with gc_paused():  # thousands of small acyclic objects: see gc_paused
        text = write_links(report, args.format)
    if write_output(args.output or STDOUT, text):
        print(f"wrote {args.output}", file=sys.stderr)
    if args.output and args.format != "text":
        sys.stderr.write(summary_line(report) + "\n")
    if cache is not None:  # after the report: a cache that cannot be written loses no verdict
        try:
            cache.save()
        except OSError as exc:
            print(
                f"readme-gen: warning: cannot write the cache {settings.cache}: "
                f"{exc.strerror or exc}; the report is complete",
                file=sys.stderr,
            )
    return 1 if report.failed else 0


def _targets(path: Path, changed: str | None) -> list[Target]:
    from readme_gen.escape import plain_text
    from readme_gen.links.collect import changed_since, collect

    targets = collect(load_catalog(path), plain_text)
    if changed:
        ref = (os.environ.get("PRE_COMMIT_FROM_REF") or "HEAD") if changed == "auto" else changed
        targets = changed_since(targets, path, ref, plain_text)
    return targets


def _check(
    targets: list[Target], settings: CheckSettings, cache: Cache | None
) -> tuple[list[Result], tuple[Incomplete, ...]]:
    """Every target's result: cached successes, then the rest checked (a live progress line
    on a terminal, a line now and then elsewhere); new successes are remembered in the
    cache (in memory)."""
    from readme_gen.links.cache import key
    from readme_gen.links.checker import check_all
    from readme_gen.publish.progress import LogProgress, Progress
    from readme_gen.publish.report import failing_statuses

    verify = settings.verify_titles
    cached: list[Result] = []
    to_check: list[Target] = []
    for target in targets:
        hit = cache.result(target, verify_titles=verify) if cache else None
        if hit is None:
            to_check.append(target)
        else:
            cached.append(hit)
    live = sys.stderr.isatty() and not os.environ.get("CI")
    kind = Progress if live else LogProgress  # off a terminal: a whole line now and then
    progress = kind(len(to_check), sys.stderr, failing_statuses(settings.strict))
    done = check_all(to_check, settings, on_result=progress.step)
    checked = done.results
    progress.done()
    if cache is not None:
        for target, result in zip(to_check, checked, strict=True):
            cache.remember(key(target, verify_titles=verify), result)
    return [*cached, *checked], done.incomplete


def _fix_venues(path: Path, results: tuple[Result, ...]) -> tuple[Result, ...]:
    """Write the venues found for preprints into the catalog, rebuild the README; the
    fixed links are reported as ok."""
    from dataclasses import replace

    from readme_gen.catalog.fix import rewrite_scalars as rewrite
    from readme_gen.catalog.load import parse_catalog, read_text
    from readme_gen.links.fix_venues import venue_changes
    from readme_gen.links.results import Status
    from readme_gen.readme.render import render

    text = read_text(path)
    changes, fixed = venue_changes(parse_catalog(text, str(path), path.parent), results)
    for paper, result in fixed:
        what = result.suggestion.text if result.suggestion else ""
        print(f"{path}:{paper.where('venue')}: {terminal(what)}", file=sys.stderr)
    if not changes:
        print("no venue found to fix", file=sys.stderr)
        return results
    text = rewrite(text, changes)
    catalog = parse_catalog(text, str(path), path.parent)
    readme = readme_path(None)
    write_together([(path, text.encode("utf-8")), (readme, render(catalog).encode("utf-8"))])
    print(f"fixed the venue of {len(fixed)} paper(s) in {path}; rebuilt {readme}", file=sys.stderr)
    done = {id(r) for _, r in fixed}
    return tuple(
        replace(r, status=Status.OK, detail=f"fixed: {r.suggestion.text}")
        if id(r) in done and r.suggestion is not None
        else r
        for r in results
    )


def _fix_redirects(path: Path, results: tuple[Result, ...]) -> tuple[Result, ...]:
    """Rewrite moved URLs in the catalog (every use), rebuild the README, say what changed;
    the fixed links are reported as ok. A target the catalog cannot hold stays moved."""
    from dataclasses import replace

    from readme_gen.catalog.fix import Move, fix
    from readme_gen.catalog.load import read_text
    from readme_gen.links.policy import moved_target
    from readme_gen.links.results import Status
    from readme_gen.readme.render import render

    moves = []
    for result in results:
        target = moved_target(result)
        if target is not None:
            moves += [Move(use.position, result.url, target) for use in result.uses]
    if not moves:
        print("no permanently moved link to fix", file=sys.stderr)
        return results
    done = fix(read_text(path), moves, str(path), path.parent)
    for move in done.fixed:
        moved = terminal(f"{move.old} -> {shorten(move.new, 300)}")  # the server's word
        print(f"{path}:{move.position}: {moved}", file=sys.stderr)
    for move, why in done.skipped:
        shown = terminal(f"{move.old} -> {shorten(move.new, 300)}: not fixed, {why}")
        print(f"{path}:{move.position}: {shown}", file=sys.stderr)
    fixed = {m.old for m in done.fixed} - {m.old for m, _ in done.skipped}
    if fixed:
        readme = readme_path(None)
        # Both files or neither: a README out of step with its catalog is what this prevents.
        catalog_bytes = done.text.encode("utf-8")
        write_together([(path, catalog_bytes), (readme, render(done.catalog).encode("utf-8"))])
        print(f"fixed {len(fixed)} moved link(s) in {path}; rebuilt {readme}", file=sys.stderr)
    return tuple(
        replace(r, status=Status.OK, detail=f"fixed: now {r.final_url}") if r.url in fixed else r
        for r in results
    )
