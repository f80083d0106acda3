"""`readme-gen lint`: every rule on a small catalog, ignores with reasons, formats, codes."""

from __future__ import annotations

import json

import pytest

from tests.support.catalogs import catalog, paper
from tests.support.paths import REPO

CASES = [
    (
        "RG101",
        catalog(paper("One paper", "https://x.org/a"), paper("Other paper", "https://x.org/a")),
        'catalog.yaml:18:18: RG101 error duplicate-url: https://x.org/a is also the link of "One paper" (line 7)',
    ),
    (
        "RG102",
        catalog(paper("Same Paper", "https://x.org/a"), paper("same paper!", "https://x.org/b")),
        'catalog.yaml:13:16: RG102 error duplicate-paper: "same paper!" is already listed at line 7',
    ),
    (
        "RG103",
        catalog(paper("A", "https://x.org/a", venue="NIPS")),
        "catalog.yaml:9:16: RG103 warning venue-alias: venue `NIPS` is also spelled `NeurIPS`",
    ),
    (
        "RG103",
        catalog(
            paper("A", "https://x.org/a", venue="ECCV"), paper("B", "https://x.org/b", venue="eccv")
        ),
        "catalog.yaml:15:16: RG103 warning venue-alias: venue `eccv` is also spelled `ECCV`",
    ),
    (
        "RG104",
        catalog(paper("A", "https://arxiv.org/abs/2412.10181", year=2023)),
        "catalog.yaml:10:15: RG104 error impossible-year: year 2023 is before the arXiv posting (2024)",
    ),
    (
        "RG104",
        catalog(
            paper("A", "https://openaccess.thecvf.com/content/CVPR2022/html/A.html", year=2023)
        ),
        "catalog.yaml:10:15: RG104 error impossible-year: year 2023 but the link is of 2022",
    ),
    (
        "RG105",
        catalog(paper("A", "http://x.org/a")),
        "catalog.yaml:12:18: RG105 warning insecure-http",
    ),
    (
        "RG106",
        catalog(paper("A", "https://arxiv.org/pdf/2412.10181")),
        "catalog.yaml:12:18: RG106 warning arxiv-pdf",
    ),
    (
        "RG107",
        catalog(paper("A", "https://x.org/a", authors='["Ann Author; Bob Author"]')),
        "catalog.yaml:8:18: RG107 error author-string: `Ann Author; Bob Author` looks like several",
    ),
    (
        "RG108",
        catalog(paper(" Padded", "https://x.org/a")),
        "catalog.yaml:7:16: RG108 warning surrounding-space: title ` Padded`",
    ),
    (
        "RG109",
        catalog(paper("A TITLE IN CAPITAL LETTERS", "https://x.org/a")),
        "catalog.yaml:7:16: RG109 warning all-caps-title",
    ),
    (
        "RG110",
        catalog(
            paper("A", "https://x.org/a"),
            extra_section="  - id: two\n    title: Two\n    papers: []\n",
        ),
        "catalog.yaml:13:5: RG110 warning empty-section: section `two` has no papers",
    ),
    (
        "RG111",
        catalog(
            paper(
                "No pains, more gains",
                "https://openaccess.thecvf.com/content_CVPR_2025/html/Chen_No_pains_more_gains_CVPR_2025_paper.html",
                year=2025,
                authors="[Rong Qin, Xin Liu]",
            )
        ),
        "catalog.yaml:8:18: RG111 error url-first-author: first author `Rong Qin` is not the name the URL starts with (`Chen`): https://openaccess.thecvf.com/content_CVPR_2025/html/Chen_No_pains",
    ),
    (
        "RG112",
        catalog(paper("A", "https://x.org/a", venue='"Proc. CVPR\'23"')),
        "catalog.yaml:9:16: RG112 warning venue-form: venue `Proc. CVPR'23` contains a year: "
        "write venue `CVPR` and year 2023",
    ),
    (
        "RG112",
        catalog(
            paper(
                "A",
                "https://x.org/a",
                venue="Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition",
            )
        ),
        "catalog.yaml:9:16: RG112 warning venue-form: venue `Proceedings of the IEEE/CVF "
        "Conference on Computer Vision and Pattern Recognition` is a full proceedings or "
        "journal title: write `CVPR`",
    ),
]


@pytest.mark.parametrize(
    ("rule", "text", "line"), CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)]
)
def test_each_rule_finds_its_problem_with_its_location(cli, tmp_path, rule, text, line):
    (tmp_path / "catalog.yaml").write_text(text, encoding="utf-8")
    result = cli("lint")
    assert line in result.out, result.out
    assert result.code == (1 if " error " in line else 0)


def test_a_clean_catalog_has_no_findings(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(catalog(paper("A paper", "https://x.org/a")), "utf-8")
    result = cli("lint")
    assert (result.code, result.out) == (0, "")


def test_ignores_need_a_reason_and_unused_ones_are_reported(cli, tmp_path):
    text = catalog(paper("One paper", "https://x.org/a"), paper("Other paper", "https://x.org/a"))
    (tmp_path / "catalog.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.readme-gen.lint]\nignore = [{rule = "RG101", url = "https://x.org/a"}]\n', "utf-8"
    )
    missing = cli("lint")
    assert missing.code == 2 and "ignore[0]: every ignore needs a `reason`" in missing.err
    (tmp_path / "pyproject.toml").write_text(
        "[tool.readme-gen.lint]\nignore = [\n"
        '  {rule = "RG101", url = "https://x.org/a", reason = "two editions"},\n'
        '  {rule = "RG109", title = "Nothing", reason = "stale"},\n]\n',
        "utf-8",
    )
    result = cli("lint")
    assert result.code == 0
    assert "RG101" not in result.out.split("unused")[0]
    assert "pyproject.toml: unused lint ignore RG109 (title 'Nothing'): remove it" in result.out
    (tmp_path / "pyproject.toml").write_text(
        '[tool.readme-gen.lint]\nignore = [{rule = "RG999", reason = "x"}]\n', "utf-8"
    )
    assert cli("lint").code == 2


def test_alias_table_is_configurable(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(
        catalog(paper("A", "https://x.org/a", venue="RAL")), "utf-8"
    )
    assert "RG103" not in cli("lint").out
    (tmp_path / "pyproject.toml").write_text(
        '[tool.readme-gen.lint]\nvenue-aliases = {"RA-L" = ["RAL"]}\n', "utf-8"
    )
    assert "venue `RAL` is also spelled `RA-L`" in cli("lint").out


def test_json_and_github_formats(cli, tmp_path):
    text = catalog(paper("One paper", "https://x.org/a"), paper("Other paper", "https://x.org/a"))
    (tmp_path / "catalog.yaml").write_text(text, encoding="utf-8")
    data = json.loads(cli("lint", "--format", "json").out)
    assert data["summary"] == {"errors": 1, "warnings": 0, "ignored": 0}
    assert data["findings"][0] == {
        "rule": "RG101",
        "name": "duplicate-url",
        "severity": "error",
        "message": data["findings"][0]["message"],
        "line": 18,
        "column": 18,
    }
    github = cli("lint", "--format", "github")
    assert github.out.startswith(
        "::error file=catalog.yaml,line=18,col=18,title=RG101 duplicate-url::"
    )


def test_the_real_catalog_lints_clean_with_its_recorded_ignores(cli):
    result = cli("lint", cwd=REPO)
    assert result.code == 0, result.out
    assert result.out == ""
    assert "37 papers, 0 errors, 0 warnings, 5 ignored" in result.err
