"""`links --fix-venues`: the venues found for preprints (`venue_finder`) written into the
catalog text, venue and year at their exact positions, every other byte kept."""

from __future__ import annotations

from collections.abc import Sequence

from readme_gen.catalog.model import Catalog, Paper
from readme_gen.links.results import Result, Status
from readme_gen.position import Position


def venue_changes(
    catalog: Catalog, results: Sequence[Result]
) -> tuple[list[tuple[Position, str | int]], list[tuple[Paper, Result]]]:
    """(scalar changes, (paper, the result naming its venue) for each paper changed). A
    paper without a venue or year field has nowhere to write to: left for a person."""
    by_link = {link.position: paper for _, paper in catalog.papers() for link in paper.links}
    changes: list[tuple[Position, str | int]] = []
    fixed: list[tuple[Paper, Result]] = []
    seen: set[Position] = set()
    for result in results:
        found = result.suggestion
        if result.status is not Status.DRIFT or found is None or found.kind != "venue":
            continue
        for use in result.uses:
            paper = by_link.get(use.position)
            if paper is None or paper.position in seen or "venue" not in paper.fields:
                continue
            seen.add(paper.position)
            changes.append((paper.where("venue"), found.venue))
            if found.year and "year" in paper.fields and found.year != paper.year:
                changes.append((paper.where("year"), found.year))
            fixed.append((paper, result))
    return changes, fixed
