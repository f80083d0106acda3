"""The emitters (readme_gen.publish.emit): one per format, for lint and links alike. The
commands' `--format` flags are read from their registry, and both commands' annotations
are built by one function, `located.annotation`."""

from __future__ import annotations

import argparse
import importlib
from typing import get_args

import pytest

from readme_gen.cli import COMMANDS
from readme_gen.commands.lint import located as lint_located
from readme_gen.links.results import FAILING_BY_DEFAULT, Result, Status, Use
from readme_gen.lint.registry import Finding, Severity
from readme_gen.position import Position
from readme_gen.publish import emit, located
from readme_gen.publish.report import Report
from tests.support.catalogs import catalog, paper

HOSTILE = "50% done,\r\n::error file=x,line=1::forged \x1b[2J"


def _format_flag(command: str) -> argparse.Action:
    parser = argparse.ArgumentParser()
    importlib.import_module(COMMANDS[command][0]).add_arguments(parser)
    (action,) = (a for a in parser._actions if "--format" in a.option_strings)
    return action


@pytest.mark.parametrize("subject", get_args(emit.Subject))
def test_each_commands_format_choices_and_help_are_the_registrys(subject):
    assert subject in COMMANDS  # a subject is the command that writes it
    flag = _format_flag(subject)
    assert tuple(flag.choices or ()) == tuple(emit.choices(subject))
    help_text = " ".join((flag.help or "").split())
    for name, says in emit.choices(subject).items():
        assert f"{name}: {says}" in help_text, (subject, name)


def test_every_emitter_serves_what_its_help_names_and_nothing_else():
    assert list(emit.EMITTERS) == ["text", "json", "markdown", "github"]
    for name, emitter in emit.EMITTERS.items():
        assert emitter.name == name
        served = {s for s in get_args(emit.Subject) if getattr(emitter, s) is not None}
        assert set(emitter.help) == served, name
    with pytest.raises(ValueError, match="format odd"):
        emit.Emitter("odd", {"lint": "said, never written"})
    with pytest.raises(ValueError, match="lint is not written as markdown"):
        emit.write_lint(emit.LintFindings((), (), 0), "markdown")


@pytest.mark.parametrize("name", list(emit.choices("lint")))
def test_every_lint_format_writes_the_findings(name):
    finding = Finding("RG101", "duplicate-url", Severity.ERROR, "seen twice", Position(3, 5))
    found = emit.LintFindings((lint_located(finding, "catalog.yaml"),), ("RG105",), 0)
    text = emit.write_lint(found, name)
    assert "seen twice" in text and "RG105" in text and text.endswith("\n")


def _report(title: str) -> Report:
    use = Use(title, Position(7, 18))
    return Report((Result("https://x.org/a", Status.BROKEN, (use,)),), FAILING_BY_DEFAULT, 1.0)


def _messages(text: str) -> list[str]:
    return [line.split("::", 2)[2] for line in text.splitlines() if line.startswith("::")]


def test_lint_and_links_annotate_through_the_same_function(monkeypatch, cli, tmp_path):
    seen: list[located.Located] = []
    real = located.annotation

    def spy(item: located.Located) -> str:
        seen.append(item)
        return real(item)

    monkeypatch.setattr(located, "annotation", spy)
    text = catalog(paper("One paper", "https://x.org/a"), paper("Other paper", "https://x.org/a"))
    (tmp_path / "catalog.yaml").write_text(text, encoding="utf-8")
    lint = cli("lint", "--format", "github").out
    links = emit.write_links(_report("A paper"), "github")
    assert [(i.code, i.level) for i in seen] == [("RG101", "error"), ("", "error")]
    assert [real(i) for i in seen] == [*lint.splitlines(), links.splitlines()[0]]


def test_a_hostile_message_is_escaped_alike_for_lint_and_links():
    finding = Finding("RG101", "duplicate-url", Severity.ERROR, HOSTILE, Position(3, 5))
    found = emit.LintFindings((lint_located(finding, "catalog.yaml"),), (), 0)
    (lint,) = _messages(emit.write_lint(found, "github"))
    (links,) = _messages(emit.write_links(_report(HOSTILE), "github"))
    assert lint == "50%25 done,\\r\\n::error file=x,line=1::forged \\x1b[2J"
    assert links == f"broken: https://x.org/a ({lint}): "
