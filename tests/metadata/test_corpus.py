"""The drift rules against the corpus of realistic pairs (tests/metadata/corpus.py)."""

from __future__ import annotations

from readme_gen.links.verdict import metadata_drift
from readme_gen.metadata.names import same_person
from tests.metadata import corpus


def test_the_corpus_is_large_enough():
    data = corpus.load()
    assert len(data["names"]) + len(data["years"]) >= 150


def test_names_no_false_alarm_no_miss():
    score = corpus.names(same_person)
    assert score.wrong == (), score


def test_years_no_false_alarm_no_miss():
    score = corpus.years(metadata_drift)
    assert score.wrong == (), score
