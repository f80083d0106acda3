"""A section with two tables of their own columns (models, then the datasets they use):
each table is read by its own form, every command keeps both, and a new entry goes in the
section's own table."""

from __future__ import annotations

import re

import pytest

from readme_gen.catalog.load import load_catalog, parse_catalog
from readme_gen.errors import CatalogError
from readme_gen.readme.adopt import take
from readme_gen.readme.render import render
from tests.support.adopted_lists import DATASETS, adopt_into, inserted, two_tables
from tests.support.markdown import html


def _section(catalog):
    return next(s for s in catalog.sections if s.id == "recognition")


def test_each_table_of_a_section_is_read_by_its_own_form(cli, tmp_path):
    text = two_tables()
    (tmp_path / "README.md").write_text(text, encoding="utf-8")
    result = cli("init", "--format", "json", cwd=tmp_path)
    assert result.code == 0, result.err
    assert '"parsed": 8, "raw": 0' in result.out and '"identical": true' in result.out
    catalog = load_catalog(tmp_path / "catalog.yaml")
    forms = {f.name: f.entries for f in catalog.forms}
    assert forms == {
        "table": ("| {abbr} | [{title}]({link}) | {links} |",),
        "table2": ("| {abbr} | [{title}]({link}) | {year} |",),
    }
    section = _section(catalog)
    assert section.form == "table"
    assert [p.form for p in section.papers] == [""] * 5 + ["table2"] * 3
    datasets = section.papers[5:]
    assert [(p.get("abbr"), p.title, p.year) for p in datasets] == [
        (name, title, int(year)) for name, title, year in DATASETS
    ]
    assert cli("build", "--check", cwd=tmp_path).code == 0
    assert cli("fmt", "--check", cwd=tmp_path).code == 0
    assert cli("lint", cwd=tmp_path).code == 0


def test_the_written_catalog_reads_back_and_builds_the_same_bytes(tmp_path):
    adoption = take(two_tables(), title="x", path="README.md", header="")
    back = parse_catalog(adoption.yaml, "catalog.yaml", tmp_path)
    assert back == adoption.catalog
    assert render(back) == two_tables()


def test_a_new_entry_goes_in_the_sections_own_table_not_the_last_one(cli, tmp_path):
    text = two_tables()
    path = adopt_into(tmp_path, text)
    result = cli(
        "add",
        "https://example.org/new",
        *("--title", "A New Model", "--field", "abbr=M9", "--section", "recognition"),
        cwd=tmp_path,
    )
    assert result.code == 0, result.err
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    at, lines = inserted(text, readme)
    assert lines == ["| M9 | [A New Model](https://example.org/new) | - |"]
    assert text.split("\n")[at - 1].startswith("| M4 |")  # after the last model
    # as GitHub shows it: the models' table has the new row, the datasets' is unchanged
    shown = html(readme)
    models, datasets = shown.split("<table>")[1:3]
    assert models.count("<tr>") == 7 and "A New Model" in models  # the header, 5 + 1 rows
    assert datasets.count("<tr>") == 4 and "A New Model" not in datasets
    section = _section(load_catalog(path))
    assert [p.title for p in section.papers][5] == "A New Model"
    assert section.papers[5].form == ""
    assert cli("build", "--check", cwd=tmp_path).code == 0


def test_an_edit_of_a_dataset_row_syncs_into_the_catalog(cli, tmp_path):
    text = two_tables()
    path = adopt_into(tmp_path, text)
    edited = text.replace("| PANDA | [Artificial", "| PANDA-2 | [Artificial")
    (tmp_path / "README.md").write_text(edited, encoding="utf-8")
    result = cli("sync", cwd=tmp_path)
    assert result.code == 0, result.err
    catalog = load_catalog(path)
    panda = _section(catalog).papers[6]
    assert (panda.get("abbr"), panda.form) == ("PANDA-2", "table2")
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == edited


def _without_prose_between(yaml: str) -> str:
    """The catalog with the Markdown between the two tables taken out."""
    return re.sub(
        r"      - markdown: \|2\n\n {10}The datasets.*?\|---\|---\|---\|\n", "", yaml, flags=re.S
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda y: y.replace("form: table2", "form: tabel2", 1),
            "no form is named `tabel2`; did you mean `table2`?",
        ),
        (
            lambda y: y.replace("form: table2", "form: [table2]", 1),
            "the entry's form",
        ),
        (
            lambda y: _without_prose_between(
                y.replace("    form: table\n", "    form: table\n    order: by-year\n", 1)
            ),
            "only an entry of a section with a form, in catalog order, may have a form of its own",
        ),
    ],
)
def test_an_entrys_form_that_cannot_hold_is_refused_where_it_is(tmp_path, change, message):
    adoption = take(two_tables(), title="x", path="README.md", header="")
    broken = change(adoption.yaml)
    assert broken != adoption.yaml
    with pytest.raises(CatalogError) as info:
        parse_catalog(broken, "catalog.yaml", tmp_path)
    problem = next(str(p) for p in info.value.problems if message in str(p))
    assert problem.startswith("catalog.yaml:")  # file:line:col
