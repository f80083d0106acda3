"""Exit codes and messages of the entry point."""

from __future__ import annotations

import pytest

import readme_gen.commands.build
from tests.conftest import VALID_CATALOG


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

    monkeypatch.setattr(readme_gen.commands.build, "render", broken)
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
