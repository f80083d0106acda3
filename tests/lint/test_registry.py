"""The rule registry: each rule declared once, the docs table in step with it, ignores
validated against it."""

from __future__ import annotations

import re

import pytest

from readme_gen.errors import UsageError
from readme_gen.lint.options import resolve
from readme_gen.lint.registry import Severity
from readme_gen.lint.rules import BY_CODE, RULES
from tests.support.paths import REPO


def test_codes_and_names_are_unique_and_well_formed():
    assert len(BY_CODE) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    for rule in RULES:
        assert re.fullmatch(r"RG1\d\d", rule.code), rule
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name), rule
        assert rule.summary and rule.summary == rule.summary.strip(), rule
        assert isinstance(rule.severity, Severity)
    assert [r.code for r in RULES] == sorted(r.code for r in RULES)


def registry_table() -> list[str]:
    return [f"| {r.code} | {r.name} | {r.severity.value} | {r.summary} |" for r in RULES]


def test_the_docs_table_matches_the_registry():
    docs = (REPO / "docs" / "lint.md").read_text(encoding="utf-8")
    documented = [line for line in docs.splitlines() if re.match(r"\| RG\d", line)]
    expected = registry_table()
    assert documented == expected, "docs/lint.md's rules table should read:\n" + "\n".join(expected)


def ignore(rule: object) -> dict[str, object]:
    return {"ignore": [{"rule": rule, "reason": "because"}]}


@pytest.mark.parametrize("rule", [r.code for r in RULES])
def test_every_registered_code_can_be_ignored(rule):
    assert resolve(ignore(rule)).ignores[0].rule == rule


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("RG999", "ignore[0]: unknown `rule` 'RG999' (expected one of RG101, RG102,"),
        ("rg101", "unknown `rule` 'rg101'"),
        (101, "unknown `rule` 101"),
        (None, "unknown `rule` None"),
        ("duplicate-url", "`rule` is a code: did you mean RG101 (duplicate-url)?"),
    ],
)
def test_an_ignore_must_name_a_registered_code(rule, message):
    with pytest.raises(UsageError) as raised:
        resolve(ignore(rule))
    assert message in str(raised.value)
    assert ", ".join(BY_CODE) in str(raised.value)


def test_a_rule_attaches_its_code_name_and_severity_to_what_its_check_reports():
    from readme_gen.catalog.model import Catalog
    from readme_gen.lint.registry import Finding, Hit, Rule, RuleOptions
    from readme_gen.position import Position

    def check(catalog: Catalog, options: RuleOptions) -> list[Hit]:
        return [Hit("wrong", Position(3, 4), "T", "https://u", "v")]

    rule = Rule("RG199", "made-up", Severity.WARNING, "a made-up rule", check)
    catalog = Catalog("t", "d", (), ())
    assert list(rule.findings(catalog, RuleOptions({}))) == [
        Finding(
            "RG199", "made-up", Severity.WARNING, "wrong", Position(3, 4), "T", "https://u", "v"
        )
    ]
