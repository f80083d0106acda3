"""Check settings pointed at the fake scholarly services, and how found venues score."""

from __future__ import annotations

from dataclasses import replace

from readme_gen.links.settings import CheckSettings


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
