"""From the model to the URLs to check: each distinct URL once, with all of its uses.

An adopted list also links files of its own repository (`./citations/x.txt`,
`README_2.md#x`): those are not fetched but looked up next to the README
(`local_results`): ok when the file is there, broken when it is not; a path that leaves
the README's folder is not looked up (excluded), and an anchor is not checked.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

from readme_gen.catalog.edit import local_path
from readme_gen.catalog.load import parse_catalog
from readme_gen.catalog.model import Catalog
from readme_gen.errors import CatalogError, UsageError
from readme_gen.links.results import Result, Status, Target, Use
from readme_gen.net.reasons import Reason


def _same(text: str) -> str:
    return text


def collect(catalog: Catalog, plain: Callable[[str], str] = _same) -> list[Target]:
    """Distinct URLs in catalog order (by first use), each with every paper using it. An
    adopted list's titles are Markdown: `plain` (escape.plain_text, passed in by
    the command) gives the words compared with the page's title and shown in reports."""
    uses: dict[str, list[Use]] = {}
    for section, paper in catalog.papers():
        title = plain(paper.title) if catalog.writes_markdown(section) else paper.title
        for link in paper.links:
            use = Use(
                title,
                link.position,
                link.label,
                authors=tuple(paper.authors),
                year=paper.known_year or 0,
                venue=paper.venue,
            )
            uses.setdefault(link.url, []).append(use)
    targets = [Target(url, tuple(found)) for url, found in uses.items()]
    return sorted(targets, key=lambda t: t.uses[0].position)


def local_results(
    targets: list[Target], folder: Path, exclude: tuple[re.Pattern[str], ...] = ()
) -> tuple[list[Target], list[Result]]:
    """The targets to fetch, and the verdicts on the links to files of the repository
    (relative to `folder`, the README's), in the order given. A link an `exclude` pattern
    matches stays with the targets: the checker excludes it, as any other."""
    remote: list[Target] = []
    local: list[Result] = []
    for target in targets:
        path = local_path(target.url)
        if path is None or any(p.search(target.url) for p in exclude):
            remote.append(target)
        else:
            local.append(_local_result(target, path, folder))
    return remote, local


def _local_result(target: Target, path: str, folder: Path) -> Result:
    shown = path or "the README itself"
    # GitHub reads a leading `/` from the repository's top, which is the README's folder
    # when the README is at the top (the usual case); `..` may not climb out of it.
    relative = os.path.normpath(path.lstrip("/") or ".")
    if relative == ".." or relative.startswith(("../", "/")):
        detail = f"not checked: {shown} is outside the README's folder"
        return Result(
            target.url, Status.EXCLUDED, target.uses, detail=detail, reason=Reason.EXCLUDED
        )
    try:
        found = (folder / relative).exists()
    except (OSError, ValueError) as exc:  # a name too long for the file system, say
        found, shown = False, f"{shown} ({exc.__class__.__name__})"
    if found:
        return Result(target.url, Status.OK, target.uses, detail=f"file {shown} exists")
    return Result(
        target.url,
        Status.BROKEN,
        target.uses,
        detail=f"no file {shown} in the repository",
        reason=Reason.MISSING_FILE,
    )


def changed_since(
    targets: list[Target], catalog_path: Path, ref: str, plain: Callable[[str], str] = _same
) -> list[Target]:
    """The targets with a use (URL and paper title) that `ref`'s catalog did not have
    (titles as `collect` gives them, with the same `plain`)."""
    old = _catalog_at(catalog_path, ref)
    if old is None:
        return targets
    before = {(t.url, use.title) for t in collect(old, plain) for use in t.uses}
    return [t for t in targets if any((t.url, u.title) not in before for u in t.uses)]


def _catalog_at(path: Path, ref: str) -> Catalog | None:
    """The catalog as it was at git `ref`; None when it did not exist there (all is new)."""
    folder = path.resolve().parent
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
            cwd=folder,
            capture_output=True,
            check=True,
        )
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, which is not installed") from None
    except subprocess.CalledProcessError:
        raise UsageError(f"--changed-since: `{ref}` is not a git commit here") from None
    relative = path.resolve().relative_to(Path(top).resolve()).as_posix()
    shown = subprocess.run(["git", "show", f"{ref}:{relative}"], cwd=folder, capture_output=True)
    if shown.returncode != 0:
        return None
    try:
        return parse_catalog(
            shown.stdout.decode("utf-8", errors="replace"), f"{ref}:{relative}", folder
        )
    except CatalogError:
        return None  # the old catalog was invalid: treat every link as changed
