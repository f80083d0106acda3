"""Exit codes and messages of the entry point."""

from __future__ import annotations

import argparse
import dataclasses
import importlib
from typing import get_type_hints

import pytest

import readme_gen.commands.build
from readme_gen.cli import COMMANDS, REST, arguments
from readme_gen.commands import build, links
from tests.support.catalogs import VALID_CATALOG


def test_help_and_version(cli):
    assert cli("--help").code == 0
    result = cli("--version")
    assert result.code == 0 and result.out.startswith("readme-gen ")


@pytest.mark.parametrize("argv", [[], ["nope"], ["build", "--bogus"], ["build", "--check=1"]])
def test_usage_errors_exit_2(cli, argv):
    result = cli(*argv)
    assert result.code == 2
    assert "usage: readme-gen" in result.err


def test_an_unexpected_error_is_one_message_and_exit_3(cli, tmp_path, monkeypatch):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")

    def broken(catalog):
        raise RuntimeError("boom")

    monkeypatch.setattr(readme_gen.commands.build, "render_files", broken)
    result = cli("build")
    assert result.code == 3
    assert result.err.startswith("readme-gen: unexpected error: RuntimeError: boom\nhint: ")
    assert "Traceback" not in result.err
    assert not (tmp_path / "README.md").exists()
    monkeypatch.setenv("READMEGEN_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli("build")


def test_lint_reports_a_valid_catalog(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    result = cli("lint")
    assert result.code == 0
    assert "catalog.yaml: 1 papers, 0 errors, 0 warnings, 0 ignored" in result.err


# -- typed command arguments ---------------------------------------------------------------


def _command_parser(name: str):
    module = importlib.import_module(COMMANDS[name][0])
    parser = argparse.ArgumentParser()
    module.add_arguments(parser)
    return module, parser


def _actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """The parser's actions and those of its sub-commands (`section add`)."""
    found = []
    for action in parser._actions:
        found.append(action)
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found += _actions(sub)
    return found


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_takes_a_frozen_dataclass_with_one_field_per_flag(name):
    module, parser = _command_parser(name)
    kind = get_type_hints(module.run)["args"]
    assert dataclasses.is_dataclass(kind) and kind.__dataclass_params__.frozen
    fields = {f.name for f in dataclasses.fields(kind)}
    dests = {a.dest for a in _actions(parser) if a.dest != "help"}
    if REST in fields:  # `links`: the settings flags, and only they, go into one mapping
        from readme_gen.links.settings import options

        settings = {f.name for _, f, _ in options()} | {"exclude"}
        assert dests - (fields - {REST}) == settings
    else:
        assert fields == dests


def test_arguments_fill_the_dataclass_by_field_name_and_gather_the_rest():
    parsed = argparse.Namespace(catalog=None, output="-", check=True, command="build", run=None)
    assert arguments(build.run, parsed) == build.BuildArgs(None, "-", True)
    _, parser = _command_parser("links")
    typed = arguments(links.run, parser.parse_args(["--timeout", "5", "--exclude", "x"]))
    assert typed.format == "text" and typed.fix_redirects is False
    assert typed.flags["timeout"] == "5" and typed.flags["exclude"] == ["x"]
    assert typed.flags["concurrency"] is None and "format" not in typed.flags


def test_a_flag_without_a_field_is_a_bug_found_at_once():
    parsed = argparse.Namespace(catalog=None, output=None, check=False, surprise=1)
    with pytest.raises(TypeError, match="BuildArgs has no field for surprise"):
        arguments(build.run, parsed)


# -- every flag explained, shared flags declared once ---------------------------------------

# Flags of the commands this branch does not own, each with the change that removes it
# (commands/common.py declares what they should use). A gap fixed must leave this list.
PENDING_HELP: set[tuple[str, str]] = set()
SHARED = {
    "--catalog": ("--catalog",),
    "--output": ("--output", "-o"),
    "--check": ("--check",),
    "--allow-private": ("--allow-private",),
}


def _flags(name: str) -> list[argparse.Action]:
    _, parser = _command_parser(name)
    return [a for a in _actions(parser) if a.option_strings and a.dest != "help"]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_flag_has_a_help_text(name):
    missing = {
        (name, a.option_strings[0]) for a in _flags(name) if not a.help or not a.help.strip()
    }
    assert missing == {p for p in PENDING_HELP if p[0] == name}, (
        "give these flags a help text (or remove them from PENDING_HELP)"
    )


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_shared_flags_are_spelled_alike_everywhere(name):
    for action in _flags(name):
        for flag, spellings in SHARED.items():
            if flag in action.option_strings and name not in ("add", "import"):  # not ours
                assert tuple(action.option_strings) == spellings, (name, action.option_strings)


def test_the_format_flag_always_has_a_default_and_lists_its_choices():
    for name in sorted(COMMANDS):
        for action in _flags(name):
            if "--format" in action.option_strings:
                assert not action.required, name
                shown = (action.help or "").lower()
                assert all(str(choice) in shown for choice in action.choices or ()), name


def test_allow_private_says_it_covers_the_metadata_services(cli):
    result = cli("links", "--help")
    assert "arXiv, DOI" in " ".join(result.out.split())
