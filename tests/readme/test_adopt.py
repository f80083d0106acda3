"""Adopting a list as it is written: `import` and `init` keep every byte of the README,
read its entries into fields by the forms found in it, and prove the rebuild first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readme_gen.catalog.load import parse_catalog
from readme_gen.catalog.model import See
from readme_gen.errors import CatalogError
from readme_gen.readme.adopt import adopt, take
from readme_gen.readme.render import render
from tests.support import shapes
from tests.support.files import snapshot

SHAPES = {"bullets": shapes.bullets, "table": shapes.table, "blocks": shapes.blocks}


def _readme(tmp_path, text: str) -> None:
    (tmp_path / "README.md").write_bytes(text.encode("utf-8"))


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_init_adopts_each_shape_and_the_readme_builds_back(cli, tmp_path, shape):
    text = SHAPES[shape]()
    _readme(tmp_path, text)
    result = cli("init", "--format", "json", cwd=tmp_path)
    assert result.code == 0, result.err
    summary = json.loads(result.out)
    assert summary["identical"] is True
    assert summary["parsed"] >= len(shapes.PAPERS)
    assert summary["fields"]["title"] == summary["parsed"]
    assert summary["fields"]["links"] == summary["parsed"]
    assert cli("build", "--check", cwd=tmp_path).code == 0
    assert cli("build", cwd=tmp_path).code == 0
    assert (tmp_path / "README.md").read_bytes() == text.encode("utf-8")
    assert cli("lint", cwd=tmp_path).code in (0, 1)


def test_the_summary_names_every_field():
    adoption = take(shapes.bullets(), title="x", path="README.md", header="")
    summary = adoption.summary.as_json()
    assert list(summary) == ["entries", "parsed", "raw", "fields", "identical"]
    assert list(summary["fields"]) == ["title", "authors", "venue", "year", "date", "links"]
    assert summary["entries"] == len(shapes.PAPERS) + 1
    assert summary["raw"] == 1  # the entry that breaks the pattern
    assert summary["fields"]["authors"] == summary["fields"]["year"] == len(shapes.PAPERS)


def test_prose_sections_tables_and_the_toc_are_kept_as_written():
    catalog, _ = adopt(shapes.table(), title="x")
    assert catalog.preamble is not None and catalog.preamble.startswith('<p align="center">')
    citation = next(s for s in catalog.sections if s.title == "Citation")
    assert "@misc{list, title={A list}}" in citation.items[0].text  # type: ignore[union-attr]
    bullets, _ = adopt(shapes.bullets(), title="x")
    toc = next(s for s in bullets.sections if s.title == "Table of Contents")
    assert not toc.papers and "- [Recognition](#recognition)" in toc.items[0].text  # type: ignore[union-attr]
    assert [(s.level, s.title) for s in bullets.sections][-2:] == [
        (3, "Whole slides"),
        (2, "License"),
    ]


def test_the_written_catalog_reads_back_equal(tmp_path):
    for make in SHAPES.values():
        adoption = take(make(), title="x", path="README.md", header="")
        back = parse_catalog(adoption.yaml, "catalog.yaml", tmp_path)
        assert back == adoption.catalog
        assert render(back) == make()


def test_fields_of_a_bullet():
    catalog, _ = adopt(shapes.bullets(), title="x")
    paper = catalog.sections[2].papers[0]
    assert paper.title == shapes.PAPERS[0][0]
    assert paper.authors == ("Rong Qin", "Xin Liu", "Xingyu Liu")
    assert (paper.venue, paper.year) == ("CVPR", 2025)
    assert [(ln.label, ln.url) for ln in paper.links] == [
        ("Paper", shapes.PAPERS[0][4]),
        ("code", shapes.PAPERS[0][5]),
    ]


def test_a_table_row_reads_its_date():
    catalog, _ = adopt(shapes.table(), title="x")
    paper = catalog.sections[0].papers[0]
    assert paper.date == "2025-01-10" and paper.venue == "CVPR"


@pytest.mark.parametrize("ending", ["", "\n\n\n"])
def test_the_end_of_the_file_is_kept(ending):
    text = shapes.bullets().rstrip("\n").rsplit("\n## License", 1)[0].rstrip("\n") + ending
    adoption = take(text, title="x", path="README.md", header="")
    assert render(adoption.catalog) == text


def test_crlf_line_ends_are_kept():
    text = shapes.blocks().replace("\n", "\r\n")
    adoption = take(text, title="x", path="README.md", header="")
    assert render(adoption.catalog) == text
    assert adoption.summary.parsed == len(shapes.PAPERS)


def test_a_readme_with_no_entries_writes_nothing(cli, tmp_path):
    _readme(
        tmp_path,
        "# A list\n\nSome words, and [a link](#here).\n\n| a | b |\n|---|---|\n| x | y |\n",
    )
    before = snapshot(tmp_path)
    for args in (("init",), ("import", "README.md")):
        result = cli(*args, cwd=tmp_path)
        assert result.code == 2
        assert "no entries found" in result.err and "Traceback" not in result.err
        assert snapshot(tmp_path) == before


def test_import_prints_one_line_not_one_per_row(cli, tmp_path):
    _readme(tmp_path, shapes.blocks())
    result = cli("import", "README.md", cwd=tmp_path)
    assert result.code == 0
    assert result.err.count("\n") == 1
    assert "entries: 8 read as fields, 0 kept as written" in result.err


def test_import_json_goes_to_stdout(cli, tmp_path):
    _readme(tmp_path, shapes.table())
    result = cli("import", "README.md", "--format", "json", cwd=tmp_path)
    assert result.code == 0
    assert json.loads(result.out)["identical"] is True
    assert (tmp_path / "catalog.yaml").exists()


def test_hostile_bytes_stay_literal_and_the_rebuild_still_holds(tmp_path):
    hostile = "<script>alert(1)</script> \u202e bidi @mention ${{ x }} &amp; `code`"
    text = shapes.bullets().replace("Efficient Classification", hostile, 1)
    adoption = take(text, title="x", path="README.md", header="")
    assert render(parse_catalog(adoption.yaml, "c.yaml", tmp_path)) == text


def test_a_paper_in_the_built_in_layout_gives_the_built_in_catalog():
    from tests.support.golden import EXPECTED  # the golden README

    adoption = take(EXPECTED, title="x", path="README.md", header="")
    assert not adoption.catalog.adopted


def test_a_paper_listed_in_two_sections_is_stored_once():
    text = shapes.bullets().replace(
        "## License", "## Again\n\n" + shapes.bullets().splitlines()[10] + "\n\n## License"
    )
    adoption = take(text, title="x", path="README.md", header="")
    sees = [i for s in adoption.catalog.sections for i in s.items if isinstance(i, See)]
    assert len(sees) == 1 and sees[0].paper.key
    assert "      - see: " in adoption.yaml
    assert render(adoption.catalog) == text
    titles = [p.title for _, p in adoption.catalog.papers()]
    assert len(titles) == len(set(titles))  # its links are checked once


def test_a_variant_beyond_the_form_is_refused(tmp_path):
    adoption = take(shapes.bullets(), title="x", path="README.md", header="")
    broken = adoption.yaml.replace(
        '      - title: "No pains', '      - variant: 9\n        title: "No pains', 1
    )
    assert broken != adoption.yaml
    with pytest.raises(CatalogError) as info:
        parse_catalog(broken, "catalog.yaml", tmp_path)
    assert "variant 9: the section's form has" in str(info.value.problems[0])


def _big_list(sections: int, per_section: int) -> str:
    out = ["# A long list", ""]
    for s in range(sections):
        out += [f"## Topic {s}", ""]
        for n in range(per_section):
            out.append(
                f"- [A paper on topic {s}, number {n}, with a long enough title to count]"
                f"(https://arxiv.org/abs/2401.{s:02d}{n:03d}), Ann Lee, Bo Chen, CVPR 2024"
                f" | [code](https://github.com/a/b{s}x{n})"
            )
        out.append("")
    return "\n".join(out)


def test_a_readme_past_what_github_shows_is_an_error_naming_the_last_section_shown(cli, tmp_path):
    text = _big_list(6, 520)  # about 100 KB a section
    assert len(text.encode()) > 512_000
    _readme(tmp_path, text)
    assert cli("init", cwd=tmp_path).code == 0
    result = cli("lint", cwd=tmp_path)
    assert result.code == 1
    output = result.out + result.err
    assert "RG115" in output and "GitHub shows only the first 512,000" in output
    assert "the last section it shows is `Topic 5`" in output


def test_a_large_list_goes_on_in_further_files(cli, tmp_path):
    text = _big_list(6, 520)
    _readme(tmp_path, text)
    assert cli("init", cwd=tmp_path).code == 0
    catalog = (tmp_path / "catalog.yaml").read_text("utf-8")
    split = catalog.replace(
        "    title: Topic 4\n", "    title: Topic 4\n    file: README_2.md\n", 1
    )
    (tmp_path / "catalog.yaml").write_text(split, "utf-8")
    assert cli("build", cwd=tmp_path).code == 0
    first = (tmp_path / "README.md").read_text("utf-8")
    second = (tmp_path / "README_2.md").read_text("utf-8")
    assert first + second == text
    assert second.startswith("## Topic 4")
    assert cli("build", "--check", cwd=tmp_path).code == 0
    (tmp_path / "README_2.md").write_text(second + "x", "utf-8")
    assert cli("build", "--check", cwd=tmp_path).code == 1
    assert "RG115" not in (lambda r: r.out + r.err)(cli("lint", cwd=tmp_path))


def test_a_readme_near_the_limit_is_a_warning(cli, tmp_path):
    text = _big_list(5, 580)
    size = len(text.encode())
    assert 0.9 * 512_000 <= size <= 512_000, size
    _readme(tmp_path, text)
    assert cli("init", cwd=tmp_path).code == 0
    result = cli("lint", cwd=tmp_path)
    assert "RG114" in result.out + result.err and "RG115" not in result.out + result.err


def test_a_section_file_outside_the_folder_is_refused(tmp_path):
    adoption = take(shapes.bullets(), title="x", path="README.md", header="")
    broken = adoption.yaml.replace(
        "    title: License\n", "    title: License\n    file: ../x.md\n"
    )
    with pytest.raises(CatalogError) as info:
        parse_catalog(broken, "catalog.yaml", tmp_path)
    assert "is not a Markdown file in the catalog's folder" in str(info.value.problems[0])


def test_details_blocks_are_sections_nested_under_their_heading():
    text = (
        shapes.bullets()
        .replace("### Whole slides\n\n", "<details open>\n<summary>Whole slides</summary>\n\n", 1)
        .replace("\n## License", "\n</details>\n\n## License", 1)
    )
    adoption = take(text, title="x", path="README.md", header="")
    nested = next(s for s in adoption.catalog.sections if s.title == "Whole slides")
    assert nested.level == 3 and nested.heading.startswith("<details open>\n<summary>")
    assert len(nested.papers) == 3
    assert render(adoption.catalog) == text


def test_a_year_heading_gives_its_papers_their_year():
    text = shapes.bullets().replace("### Whole slides", "### 2021")
    lines = [line for line in text.splitlines() if line.startswith("- [")]
    undated = [line.rsplit(", ", 1)[0] for line in lines]  # the entries without venue/year
    for old, new in zip(lines, undated, strict=True):
        text = text.replace(old, new)
    adoption = take(text, title="x", path="README.md", header="")
    section = next(s for s in adoption.catalog.sections if s.title == "2021")
    assert section.papers and all(p.year == 2021 for p in section.papers)
    assert render(adoption.catalog) == text
    assert render(parse_catalog(adoption.yaml, "catalog.yaml", Path())) == text
