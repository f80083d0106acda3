"""`lint` on adopted lists: papers without a year, venue or authors, a paper listed under
two topics, prose and contents sections, links to the repository's own files."""

from __future__ import annotations

from dataclasses import replace

import pytest

from readme_gen.catalog.emit import dump_catalog
from readme_gen.catalog.model import Verbatim
from readme_gen.readme.adopt import take
from tests.support import shapes
from tests.support.adopted_lists import REPEATED_LINE, SHAPES, adopt_into, repeated


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_shape_lints_without_an_error(cli, tmp_path, shape):
    adopt_into(tmp_path, SHAPES[shape]())
    result = cli("lint", "--format", "json", cwd=tmp_path)
    assert result.code == 0, result.out + result.err
    assert '"severity": "error"' not in result.out
    assert "Traceback" not in result.err


def test_a_paper_listed_again_in_another_section_is_one_paper(cli, tmp_path):
    adopt_into(tmp_path, repeated())
    result = cli("lint", cwd=tmp_path)
    assert result.code == 0, result.out
    assert "RG102" not in result.out and "RG101" not in result.out


def test_the_same_title_with_other_links_is_still_a_duplicate(cli, tmp_path):
    other = REPEATED_LINE.replace("https://github.com/q/npmg", "https://github.com/q/other")
    head, tail = repeated().rsplit(REPEATED_LINE, 1)  # the copy under "Whole slides"
    adopt_into(tmp_path, head + other + tail)
    result = cli("lint", cwd=tmp_path)
    assert result.code == 1
    assert "RG102 error duplicate-paper" in result.out


def test_a_paper_twice_in_one_section_is_still_a_duplicate(cli, tmp_path):
    text = shapes.bullets().replace(REPEATED_LINE, f"{REPEATED_LINE}\n{REPEATED_LINE}")
    adopt_into(tmp_path, text)
    result = cli("lint", cwd=tmp_path)
    assert result.code == 1
    assert "RG102 error duplicate-paper" in result.out


def test_a_table_of_contents_is_no_empty_section_but_an_emptied_one_is(cli, tmp_path):
    adopt_into(tmp_path, shapes.bullets())
    assert "RG110" not in cli("lint", cwd=tmp_path).out  # the contents list, prose: not empty
    adoption = take(shapes.bullets(), title="x", path="README.md", header="")
    sections = tuple(
        replace(s, papers=(), items=(Verbatim("\n\n"),)) if s.id == "whole-slides" else s
        for s in adoption.catalog.sections
    )
    emptied = replace(adoption.catalog, sections=sections)
    (tmp_path / "catalog.yaml").write_text(dump_catalog(emptied, header=""), encoding="utf-8")
    out = cli("lint", cwd=tmp_path).out
    assert "RG110 warning empty-section: section `whole-slides` has no papers" in out
    assert out.count("RG110") == 1


def test_a_date_stands_for_the_year_and_no_year_is_no_contradiction(cli, tmp_path):
    # the table gives dates only: the date's year is the paper's year
    cvf = "https://openaccess.thecvf.com/content/CVPR2022/html/Kong_Efficient_CVPR_2022_paper.html"
    text = shapes.table().replace("https://openaccess.thecvf.com/c.html", cvf)
    adopt_into(tmp_path, text)
    assert "RG104" not in cli("lint", cwd=tmp_path).out  # dated 2022-05-14
    adopt_into(tmp_path, text.replace("2022-05-14", "2021-05-14"))
    result = cli("lint", cwd=tmp_path)
    assert "RG104 error impossible-year: year 2021 but the link is of 2022" in result.out


def test_links_to_the_repository_s_own_files_are_not_web_addresses(cli, tmp_path):
    local = "./content_CVPR_2019/cordonnier.pdf"  # reads like a CVF path of another year
    text = shapes.bullets().replace(
        "[code](https://github.com/j/dps)", f"[code](https://github.com/j/dps) | [pdf]({local})"
    )
    adopt_into(tmp_path, text)
    out = cli("lint", cwd=tmp_path).out
    assert "RG104" not in out and "RG105" not in out and "RG111" not in out
