"""From the model to the URLs to check: each distinct URL once, with all of its uses."""

from __future__ import annotations

import subprocess
from pathlib import Path

from readme_gen.catalog.load import parse_catalog
from readme_gen.catalog.model import Catalog
from readme_gen.errors import CatalogError, UsageError
from readme_gen.links.results import Target, Use


def collect(catalog: Catalog) -> list[Target]:
    """Distinct URLs in catalog order (by first use), each with every paper using it."""
    uses: dict[str, list[Use]] = {}
    for _, paper in catalog.papers():
        for link in paper.links:
            use = Use(
                paper.title,
                link.position,
                link.label,
                authors=tuple(paper.authors),
                year=paper.year or 0,
                venue=paper.venue,
            )
            uses.setdefault(link.url, []).append(use)
    targets = [Target(url, tuple(found)) for url, found in uses.items()]
    return sorted(targets, key=lambda t: t.uses[0].position)


def changed_since(targets: list[Target], catalog_path: Path, ref: str) -> list[Target]:
    """The targets with a use (URL and paper title) that `ref`'s catalog did not have."""
    old = _catalog_at(catalog_path, ref)
    if old is None:
        return targets
    before = {(link.url, paper.title) for _, paper in old.papers() for link in paper.links}
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
