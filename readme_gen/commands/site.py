"""`readme-gen site [--output DIR] [--report report.json] [--repository OWNER/NAME]
[--url URL]`: write the list's web page (index.html, site.js, site.css, feed.xml).

Everything is read and checked before anything is written; the files are then replaced
together. The repository for "report a problem" is --repository, else `[tool.readme-gen]
repository`, else the GitHub repository of `git remote get-url origin`, else none.
"""

from __future__ import annotations

import argparse
import datetime
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from readme_gen.catalog.load import load_catalog
from readme_gen.commands.common import add_catalog_argument, catalog_path
from readme_gen.errors import UsageError
from readme_gen.fsutil import write_together
from readme_gen.pyproject import load_pyproject, tool_table

TODAY: Callable[[], datetime.date] = datetime.date.today
"""The clock the link report's age is measured with; tests set it."""
_REMOTE = re.compile(
    r"(?:https://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com/)"
    r"([A-Za-z0-9-]+/[A-Za-z0-9._-]+?)(?:\.git)?/?\Z"
)


@dataclass(frozen=True, slots=True)
class SiteArgs:
    catalog: Path | None
    output: Path
    report: Path | None
    repository: str | None
    url: str | None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_argument(parser)
    parser.add_argument(
        "--output", "-o", type=Path, default=Path("site"), metavar="DIR", help="default: site/"
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="FILE",
        help="a link report (`links --format json`) for each link's status",
    )
    parser.add_argument(
        "--repository",
        metavar="OWNER/NAME",
        help="the GitHub repository for 'report a problem' "
        "(default: [tool.readme-gen] repository, else git's origin)",
    )
    parser.add_argument(
        "--url", metavar="URL", help="where the site is published (the feed's links)"
    )


def _from_git() -> str:
    try:
        done = subprocess.run(
            ["git", "remote", "get-url", "origin"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    match = _REMOTE.match(done.stdout.strip()) if done.returncode == 0 else None
    return match.group(1) if match else ""


def repository(given: str | None) -> str:
    from readme_gen.site.build import REPOSITORY

    if given is not None:
        if not REPOSITORY.match(given):
            raise UsageError(f"--repository {given[:80]!r} is not OWNER/NAME")
        return given
    configured = tool_table().get("repository")
    if configured is not None:
        if not isinstance(configured, str) or not REPOSITORY.match(configured):
            pyproject = load_pyproject()
            assert pyproject is not None
            raise pyproject.error(
                f"`tool.readme-gen.repository` must be OWNER/NAME, got {configured!r:.80}",
                ("repository",),
                '"owner/name"',
            )
        return configured
    return _from_git()


def _url(given: str | None, repo: str) -> str:
    from readme_gen.escape import safe_url

    if given is not None:
        if safe_url(given) != given:
            raise UsageError(f"--url {given[:80]!r} is not an http(s) URL")
        return given
    if repo:  # GitHub Pages' address of a project site
        owner, name = repo.split("/")
        return f"https://{owner.lower()}.github.io/{name}/"
    return ""


def run(args: SiteArgs) -> int:
    from readme_gen.site.build import Options, build
    from readme_gen.site.health import Health, read_report

    catalog = load_catalog(catalog_path(args.catalog))
    health = read_report(args.report) if args.report is not None else Health()
    repo = repository(args.repository)
    options = Options(TODAY(), repo, _url(args.url, repo), health)
    files = build(catalog, options)
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"--output {args.output} is a file, not a folder")
    args.output.mkdir(parents=True, exist_ok=True)
    write_together([(args.output / name, data) for name, data in files.items()])
    size = sum(map(len, files.values()))
    print(f"wrote {args.output}/ ({len(files)} files, {size:,} bytes)", file=sys.stderr)
    return 0
