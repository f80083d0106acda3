"""Check settings pointed at the fake scholarly services, preprint results to find venues
for, the run that finds them, and how found venues score."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

from readme_gen.links.results import Result, Status, Use
from readme_gen.links.settings import CheckSettings
from readme_gen.links.suggest import searched
from readme_gen.position import Position


def preprint(case: Any, line: int) -> Result:
    """A checked arXiv link of a corpus case (`arxiv`, `title`, `authors`, `posted`) that
    the catalog lists as arXiv."""
    use = Use(case.title, Position(line, 1), authors=case.authors, year=case.posted, venue="arXiv")
    return Result(f"https://arxiv.org/abs/{case.arxiv}", Status.OK, (use,))


def run(results, check, sleep):
    return asyncio.run(searched(results, check, sleep=sleep, clock=sleep.clock))


def settings(env: dict[str, str], **changes: object) -> CheckSettings:
    base = CheckSettings(
        allow_private=True,
        arxiv_api_url=env["READMEGEN_ARXIV_API_URL"],
        s2_api_url=env["READMEGEN_S2_API_URL"],
        dblp_url=env["READMEGEN_DBLP_URL"],
        wayback_url=env["READMEGEN_WAYBACK_URL"],
        max_searches=500,
    )
    return replace(base, **changes)


def score(results, cases):
    """(precision, recall) of the venues found against the cases' truth."""
    right = wrong = missed = 0
    for result, case in zip(results, cases, strict=True):
        found = result.suggestion
        got = (found.venue, found.year) if found else None
        if got is not None and got == case.truth:
            right += 1
        elif got is not None:
            wrong += 1
        elif case.truth is not None:
            missed += 1
    precision = right / (right + wrong) if right + wrong else 1.0
    recall = right / (right + missed) if right + missed else 1.0
    return precision, recall


def outcomes(results, cases):
    """Per case of a corpus whose truth is a set of acceptable venues and a year (the
    held-out one): 'right', 'wrong' (a venue or year no maintainer would write), 'missed'
    or 'none' (nothing found, rightly)."""
    out = []
    for result, case in zip(results, cases, strict=True):
        found = result.suggestion
        if found is None:
            out.append("missed" if case.truth else "none")
        elif case.truth and found.venue in case.truth[0] and found.year == case.truth[1]:
            out.append("right")
        else:
            out.append("wrong")
    return out


def score_sets(results, cases) -> tuple[float, float]:
    """(precision, recall) by `outcomes`."""
    got = outcomes(results, cases)
    right, wrong, missed = (got.count(k) for k in ("right", "wrong", "missed"))
    precision = right / (right + wrong) if right + wrong else 1.0
    recall = right / (right + missed) if right + missed else 1.0
    return precision, recall
