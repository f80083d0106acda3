"""pyproject.toml: every problem is a ConfigError located as pyproject.toml:LINE:COL, and
the file is read once per run."""

from __future__ import annotations

import pytest

import readme_gen.pyproject
from tests.support.catalogs import VALID_CATALOG


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("[tool.readme-gen]\noutput = \n", "pyproject.toml:2:10: invalid TOML: Invalid value"),
        ('[tool.readme-gen]\noutput = "x\n', "pyproject.toml:2:"),
        ("[tool.readme-gen\n", "pyproject.toml:1:"),
        ('x = """never closed\n', "pyproject.toml:1:"),
        ("[tool]\n\n[tool.readme-gen]\nlinks = 3\n", "pyproject.toml:4:1: `tool.readme-gen.links`"),
        ('[tool]\n"readme-gen" = 1\n', "pyproject.toml:2:1: `tool.readme-gen` is not a table"),
        ('tool.readme-gen.links = "no"\n', "pyproject.toml:1:1: `tool.readme-gen.links`"),
        ("[tool.readme-gen]\n  catalog = 3\n", "pyproject.toml:2:3: `tool.readme-gen.catalog`"),
        (
            '[tool."readme-gen"]\nname = 1\noutput = ""\n',
            "pyproject.toml:3:1: `tool.readme-gen.output`",
        ),
        ("[tool.readme-gen]\noutput = [1]\n", "must be a file path, got [1]"),
    ],
)
def test_configuration_problems_are_located(cli, tmp_path, toml, expected):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    result = cli("links") if "links" in toml else cli("build")
    assert result.code == 2
    assert expected in result.err
    assert "readme-gen: invalid configuration; nothing was written" in result.err
    assert "problem" not in result.err  # not reported as a catalog problem
    assert not (tmp_path / "README.md").exists()


def test_not_utf8_is_located_at_the_byte(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_bytes(b"[tool.readme-gen]\n# caf\xe9\n")
    result = cli("build")
    assert result.code == 2
    assert "pyproject.toml:2:6: byte 0xe9 is not UTF-8 (expected UTF-8 text)" in result.err


def test_a_huge_value_is_quoted_short(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.readme-gen]\noutput = [{'1, ' * 100_000}1]\n", encoding="utf-8"
    )
    result = cli("build")
    assert result.code == 2 and "must be a file path" in result.err
    assert len(result.err) < 400


def test_pyproject_is_read_once_per_run_and_again_when_it_changes(cli, tmp_path, monkeypatch):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.readme-gen]\noutput = "OUT.md"\n\n[tool.readme-gen.lint]\n', encoding="utf-8"
    )
    reads = []
    real = readme_gen.pyproject.read_bytes

    def counting(path, **kwargs):
        reads.append(path)
        return real(path, **kwargs)

    monkeypatch.setattr(readme_gen.pyproject, "read_bytes", counting)
    assert cli("build").code == 0  # catalog path, output path
    assert (tmp_path / "OUT.md").exists()
    assert cli("lint").code == 0  # lint table, catalog path
    assert len(reads) == 1
    (tmp_path / "pyproject.toml").write_text(
        '[tool.readme-gen]\noutput = "OTHER.md"\n', encoding="utf-8"
    )
    assert cli("build").code == 0
    assert (tmp_path / "OTHER.md").exists()
    assert len(reads) == 2


def test_a_table_in_place_is_returned(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        "[tool.readme-gen.links]\nretries = 1\n", encoding="utf-8"
    )
    assert readme_gen.pyproject.tool_table("links", start=tmp_path) == {"retries": 1}
    assert readme_gen.pyproject.tool_table("lint", start=tmp_path) == {}


@pytest.mark.parametrize(
    ("toml", "command", "expected"),
    [
        (
            "[tool.readme-gen.links]\nallow-private = true\n  concurency = 8\n",
            "links",
            "pyproject.toml:3:3: unknown setting `concurency` in [tool.readme-gen.links]; "
            "did you mean `concurrency`? (expected one of accept, ",
        ),
        (
            "[tool.readme-gen]\nlinks.timout = 3\n",
            "links",
            "pyproject.toml:2:1: unknown setting `timout` in [tool.readme-gen.links]; "
            "did you mean `timeout`?",
        ),
        (
            '[tool.readme-gen.lint]\n\n"venue-alias" = {}\n',
            "lint",
            "pyproject.toml:3:1: unknown setting `venue-alias` in [tool.readme-gen.lint]; "
            "did you mean `venue-aliases`? (expected one of ignore, venue-aliases)",
        ),
    ],
)
def test_an_unknown_setting_is_located_with_the_closest_name(
    cli, tmp_path, toml, command, expected
):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    result = cli(command)
    assert result.code == 2 and expected in result.err, result.err
    assert "Traceback" not in result.err
