"""The drift corpus (tests/fixtures/metadata/drift_corpus.json) scored: an alarm is the
positive class, so precision is the share of alarms that are right and recall the share
of real differences caught. Shared by test_corpus.py and scripts/bench_venues.py."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.support.paths import FIXTURES

CORPUS = FIXTURES / "metadata" / "drift_corpus.json"
HOSTS = {
    "arxiv": "https://arxiv.org/abs/2211.09800",
    "openreview": "https://openreview.net/forum?id=HndgQudNb91",
    "biorxiv": "https://www.biorxiv.org/content/10.1101/2022.08.12.503749v1",
    "medrxiv": "https://www.medrxiv.org/content/10.1101/2020.04.02.20051136v1",
    "ssrn": "https://papers.ssrn.com/sol3/papers.cfm?abstract_id=4050000",
    "techrxiv": "https://www.techrxiv.org/articles/preprint/x/19000000",
    "chemrxiv": "https://chemrxiv.org/engage/chemrxiv/article-details/6200",
    "researchsquare": "https://www.researchsquare.com/article/rs-1000000/v1",
    "publisher": "https://openaccess.thecvf.com/content/CVPR2023/html/X_paper.html",
}


@dataclass(frozen=True, slots=True)
class Score:
    true_alarms: int
    false_alarms: int
    misses: int
    quiet: int
    wrong: tuple[str, ...]

    @property
    def precision(self) -> float:
        alarms = self.true_alarms + self.false_alarms
        return self.true_alarms / alarms if alarms else 1.0

    @property
    def recall(self) -> float:
        real = self.true_alarms + self.misses
        return self.true_alarms / real if real else 1.0

    def __str__(self) -> str:
        total = self.true_alarms + self.false_alarms + self.misses + self.quiet
        return (
            f"{total} cases: precision {self.precision:.3f}, recall {self.recall:.3f} "
            f"({self.false_alarms} false alarms, {self.misses} misses)"
        )


def load() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CORPUS.read_text(encoding="utf-8"))
    return data


def _score(cases: list[tuple[str, bool, bool]]) -> Score:
    """(label, alarm expected, alarm raised) per case."""
    tally = {(True, True): 0, (False, True): 0, (True, False): 0, (False, False): 0}
    wrong = []
    for label, expected, raised in cases:
        tally[(expected, raised)] += 1
        if expected != raised:
            wrong.append(f"{label}: expected {'drift' if expected else 'none'}")
    return Score(
        tally[(True, True)], tally[(False, True)], tally[(True, False)], tally[(False, False)],
        tuple(wrong),
    )  # fmt: skip


def names(same_person: Callable[[str, str], bool]) -> Score:
    return _score(
        [(f"{a} / {b}", not same, not same_person(a, b)) for a, b, same in load()["names"]]
    )


def years(metadata_drift: Callable[..., str | None]) -> Score:
    """Each year case through the link verdict's own metadata check (host recognition
    included), as `links` runs it."""
    from readme_gen.links.results import Target, Use
    from readme_gen.position import Position

    cases = []
    for case in load()["years"]:
        use = Use("T", Position(1, 1), authors=("A B",), year=case["year"], venue=case["venue"])
        target = Target(HOSTS[case["host"]], (use,))
        fields = tuple((k, v) for k, v in case["dates"])
        label = f"{case['host']} {case['dates']} vs {case['venue']} {case['year']}"
        cases.append((label, case["drift"], metadata_drift(target, fields) is not None))
    return _score(cases)
