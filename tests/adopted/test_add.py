"""`add` on adopted lists: the new paper is written in its section's form, after the
section's last entry, and the README changes by exactly that entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from readme_gen.catalog.load import load_catalog
from readme_gen.readme.adopt import take
from readme_gen.readme.written import entry_text
from tests.support.adopted_lists import SECTION, SHAPES, adopt_into, inserted, with_notes
from tests.support.files import snapshot

NEW = ("--title", "A New Paper", "--author", "Ann Smith", "--author", "Bo Li", "--venue", "ICCV")
ENTRY = {
    "bullets": ["- [A New Paper](https://example.org/new), Ann Smith, Bo Li, ICCV 2024"],
    "table": ["| [**A New Paper**](https://example.org/new) | ICCV | 2024-03-05 | - |"],
    "blocks": [
        "**A New Paper** \\",
        "*Ann Smith, Bo Li* \\",
        "ICCV 2024. [[Paper](https://example.org/new)] \\",
        "5 Mar 2024",
        "",
    ],
}


def add(cli, folder: Path, *args: str):
    return cli("add", "https://example.org/new", *NEW, *args, cwd=folder)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_readme_gets_exactly_the_new_entry_after_the_last_one(cli, tmp_path, shape):
    text = SHAPES[shape]()
    path = adopt_into(tmp_path, text)
    yaml_before = path.read_text(encoding="utf-8")
    result = add(
        cli, tmp_path, "--year", "2024", "--date", "2024-03-05", "--section", SECTION[shape]
    )
    assert result.code == 0, result.err
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    _, lines = inserted(text, readme)
    assert lines == ENTRY[shape]
    catalog = load_catalog(path)
    section = next(s for s in catalog.sections if s.id == SECTION[shape])
    assert section.papers[-1].title == "A New Paper"
    spec = catalog.forms[0]
    last = entry_text(spec, section.papers[-2])  # the section's last entry before
    new = "\n".join(line for line in ENTRY[shape] if line)
    assert last is not None and readme == text.replace(last, last + spec.between + new, 1)
    _, yaml_lines = inserted(yaml_before, path.read_text(encoding="utf-8"))
    assert yaml_lines[0] == '      - title: "A New Paper"'
    # the list's own form: importing the new README gives the catalog `add` wrote
    # read back from the README: the same catalog, but for the day it was added (the
    # catalog's alone: a README does not show it)
    from dataclasses import replace

    undated = replace(section, papers=(*section.papers[:-1], replace(section.papers[-1], added="")))
    assert section.papers[-1].added  # add stamps the day (the site's feed)
    reread = take(readme, title="x", path="README.md", header="").catalog
    assert next(s for s in reread.sections if s.id == SECTION[shape]).papers == undated.papers
    assert cli("build", "--check", cwd=tmp_path).code == 0


def test_a_new_entry_goes_after_one_kept_as_written(cli, tmp_path):
    text = SHAPES["bullets"]()
    adopt_into(tmp_path, text)
    assert add(cli, tmp_path, "--year", "2020", "--section", "whole-slides").code == 0
    at, lines = inserted(text, (tmp_path / "README.md").read_text(encoding="utf-8"))
    assert text.split("\n")[at - 1].startswith("- [An entry that breaks the pattern]")
    assert lines == ["- [A New Paper](https://example.org/new), Ann Smith, Bo Li, ICCV 2020"]


def test_a_table_without_authors_stores_none_and_needs_a_date_first(cli, tmp_path):
    adopt_into(tmp_path, SHAPES["table"]())
    before = snapshot(tmp_path)
    table = ("add", "https://example.org/new", "--title", "T", "--venue", "ICCV")
    refused = cli(*table, cwd=tmp_path)
    assert refused.code == 2
    assert "whose entries show title, venue, date: pass --date YYYY-MM-DD" in refused.err
    assert snapshot(tmp_path) == before  # refused before any request: nothing written
    assert cli(*table, "--date", "2024-05", cwd=tmp_path).code == 2
    assert snapshot(tmp_path) == before  # the form writes whole dates: it would not read back
    ok = cli(*table, "--date", "2024-05-01", cwd=tmp_path)
    assert ok.code == 0, ok.err
    added = load_catalog(tmp_path / "catalog.yaml").sections[0].papers[-1]
    assert (added.authors, added.year, added.date) == ((), None, "2024-05-01")


def test_a_field_of_the_list_s_own(cli, tmp_path):
    text = with_notes()
    adopt_into(tmp_path, text)
    args = ("--year", "2024", "--date", "2024-09", "--section", "notes")
    missing = add(cli, tmp_path, *args)
    assert missing.code == 2 and "pass --field note=..." in missing.err
    unknown = add(cli, tmp_path, *args, "--field", "abbr=X")
    assert unknown.code == 2 and "expected one of: note" in unknown.err
    result = add(cli, tmp_path, *args, "--field", "note=Our *own* note")
    assert result.code == 0, result.err
    _, lines = inserted(text, (tmp_path / "README.md").read_text(encoding="utf-8"))
    assert lines == [
        "| [A New Paper](https://example.org/new) | ICCV | 2024-09 | Our *own* note |  |"
    ]


@pytest.mark.parametrize("section", ["license", "table-of-contents"])
def test_a_section_that_is_no_list_is_refused_with_the_sections_that_are(cli, tmp_path, section):
    adopt_into(tmp_path, SHAPES["bullets"]())
    before = snapshot(tmp_path)
    result = add(cli, tmp_path, "--year", "2024", "--section", section)
    assert result.code == 2 and "Traceback" not in result.err
    assert (
        "catalog.yaml:" in result.err and f"section `{section}` is no list of entries" in result.err
    )
    assert "(expected one of recognition, whole-slides)" in result.err
    assert snapshot(tmp_path) == before


def test_a_title_with_markup_stays_literal_text(cli, tmp_path):
    text = SHAPES["bullets"]()
    adopt_into(tmp_path, text)
    hostile = "A [link](https://evil.example) | <b>x</b> *y* @team"
    result = cli(
        "add",
        "https://example.org/new",
        "--title",
        hostile,
        "--author",
        "Ann Smith",
        "--venue",
        "ICCV",
        "--year",
        "2024",
        "--section",
        "recognition",
        cwd=tmp_path,
    )
    assert result.code == 0, result.err
    _, lines = inserted(text, (tmp_path / "README.md").read_text(encoding="utf-8"))
    assert lines == [
        r"- [A \[link\](https\://evil.example) \| &lt;b&gt;x&lt;/b&gt; \*y\* <!---->@team]"
        "(https://example.org/new), Ann Smith, ICCV 2024"
    ]


def test_a_list_whose_white_space_varies_keeps_each_row_s_and_add_writes_the_template_s(
    cli, tmp_path
):
    from tests.support import shapes

    text = shapes.table()
    rows = [line for line in text.split("\n") if line.startswith("| [**")]
    odd = {rows[1]: rows[1].replace(" | ", "|", 1), rows[3]: rows[3] + "  "}
    for old, new in odd.items():
        text = text.replace(old, new, 1)
    path = adopt_into(tmp_path, text)
    yaml = path.read_text(encoding="utf-8")
    assert "    spacing: varies\n" in yaml and '    empty: "-"\n' in yaml
    assert yaml.count("      - raw:") == 0 and yaml.count("        spacing: {") == 2
    assert cli("build", "--check", cwd=tmp_path).code == 0
    result = add(
        cli, tmp_path, "--year", "2024", "--date", "2024-03-05", "--section", SECTION["table"]
    )
    assert result.code == 0, result.err
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert inserted(text, readme)[1] == ENTRY["table"]  # the form's own spacing
    assert all(new in readme for new in odd.values())  # each row's own, as it was
