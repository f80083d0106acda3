"""`readme-gen import`: the original list, the canonical list, and the law
`import(render(c)) == c` over arbitrary Unicode catalogs."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings

from readme_gen.catalog.emit import dump_catalog
from readme_gen.catalog.load import load_catalog, parse_catalog
from readme_gen.catalog.model import Catalog
from readme_gen.readme.parse import parse_readme, section_id
from readme_gen.readme.render import render
from tests.support.files import snapshot
from tests.support.paths import FIXTURES, REPO
from tests.support.strategies import catalogs


def readme_view(catalog: Catalog) -> Catalog:
    """What a README carries: no appendix files; section ids are derived from titles."""
    taken: set[str] = set()
    sections = tuple(
        dataclasses.replace(s, id=section_id(s.title, taken)) for s in catalog.sections
    )
    return dataclasses.replace(catalog, sections=sections, appendices=())


def test_the_original_hand_written_list_imports_to_catalog_yaml():
    original = (FIXTURES / "README.original.md").read_text(encoding="utf-8")
    imported = parse_readme(original)
    catalog = load_catalog(REPO / "catalog.yaml")
    assert imported == dataclasses.replace(catalog, appendices=())
    assert [len(s.papers) for s in imported.sections] == [16, 21]


def test_quirks_of_the_original_are_read_as_github_shows_them():
    original = (FIXTURES / "README.original.md").read_text(encoding="utf-8")
    papers = {p.title: p for s in parse_readme(original).sections for p in s.papers}
    # `<sup><sub>` instead of `<sub><sub>`, and the closing tags
    assert (
        papers[
            "No pains, more gains: Recycling sub-salient patches for efficient "
            "high-resolution image recognition"
        ].authors[-1]
        == "Jufeng Yang"
    )
    # unclosed `<sub><sub>` at the end of the cell
    assert (
        papers[
            "Pushing the Limits of Gradient Descent for Efficient Learning on Large Images"
        ].authors[-1]
        == "Dilip K. Prasad"
    )
    # `;` between authors
    isd = next(p for t, p in papers.items() if t.startswith("ISDNet"))
    assert isd.authors[:2] == ("Shaohua Guo", "Liang Liu")
    # a leading space inside the authors' tags; no space before the closing pipe
    ppn = next(p for t, p in papers.items() if t.startswith("Patch Proposal Network"))
    assert ppn.authors[0] == "Tong Wu"
    assert next(
        p for t, p in papers.items() if t.startswith("Efficient Classification")
    ).authors == ("Fanjie Kong", "Ricardo Henao")


def test_import_command_writes_a_catalog_that_builds_the_expected_readme(cli, tmp_path):
    (tmp_path / "README.original.md").write_bytes((FIXTURES / "README.original.md").read_bytes())
    result = cli("import", "README.original.md", "-o", "catalog.yaml", "--canonical")
    assert result.code == 0, result.err
    assert "37 papers in 2 sections" in result.err
    assert cli("build", "--output", "OUT.md").code == 0
    assert (tmp_path / "OUT.md").read_text(encoding="utf-8") == (
        FIXTURES / "README.expected.md"
    ).read_text(encoding="utf-8")


def test_import_refuses_to_overwrite_without_force(cli, tmp_path):
    (tmp_path / "README.md").write_bytes((FIXTURES / "README.expected.md").read_bytes())
    (tmp_path / "catalog.yaml").write_text("# my catalog\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = cli("import", "README.md")
    assert result.code == 2
    assert "catalog.yaml exists; pass --force" in result.err
    assert snapshot(tmp_path) == before
    assert cli("import", "README.md", "--force").code == 0


def test_import_reports_unreadable_rows_with_their_line(cli, tmp_path):
    text = (FIXTURES / "README.expected.md").read_text(encoding="utf-8")
    text = text.replace(
        "| TMLR<br><sup>2024</sup> | Pushing the Limits of Gradient Descent for "
        "Efficient Learning on Large Images <br>",
        "| TMLR | Pushing <br>",
        1,
    )
    text = text.replace("[Paper](https://openreview.net/forum?id=HndgQudNb91)", "no link")
    (tmp_path / "README.md").write_text(text, encoding="utf-8")
    result = cli("import", "README.md", "-o", "-", "--canonical")
    assert result.code == 2
    assert "README.md:30:" not in result.err  # the year comes from `### 2024` above it
    assert "README.md:102:" in result.err and "no `[Label](URL)` link" in result.err
    assert not (tmp_path / "catalog.yaml").exists()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_law_import_of_render_is_the_catalog(catalog):
    assert parse_readme(render(catalog)) == readme_view(catalog)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog=catalogs())
def test_law_canonical_yaml_loads_back_to_the_catalog(catalog, tmp_path_factory):
    text = dump_catalog(catalog)
    assert parse_catalog(text, "c.yaml", tmp_path_factory.getbasetemp()) == catalog
