"""A section of an adopted list ordered by year (`order: by-year`): its entries written in
year groups, newest first, each under its heading; `add` puts a paper in its year's group;
`import` reads a topic's `### 2024` headings as such a section, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from readme_gen.catalog.load import load_catalog, parse_catalog
from readme_gen.errors import CatalogError
from readme_gen.readme.adopt import take
from readme_gen.readme.render import render
from tests.support.adopted_lists import inserted
from tests.support.markdown import html
from tests.support.markdown import render as cmark

FORMS = """\
title: Grouped
forms:
  list:
    entry: "- [{title}]({link}), {authors}, {venue}"
readme:
  preamble: "# Grouped\\n\\nPapers by topic and year.\\n\\n"
sections:
"""

SECTION = """\
  - id: recognition
    title: Recognition
    form: list
    order: by-year
"""

PAPERS = """\
    papers:
      - markdown: "\\n"
      - title: "Tiny Objects"
        authors: [Fanjie Kong]
        venue: CVPR
        year: 2022
        links:
          Paper: https://a.example/kong
      - title: "Recycling Patches"
        authors: [Rong Qin]
        venue: CVPR
        year: 2025
        links:
          Paper: https://a.example/qin
      - raw: "- [An odd entry](https://a.example/odd) (workshop)"
      - title: "No Year Yet"
        authors: [Ann Smith]
        venue: arXiv
        links:
          Paper: https://a.example/smith
      - title: "Streaming Attention"
        authors: [Stephan Dooper]
        venue: MedIA
        year: 2022
        links:
          Paper: https://a.example/dooper
      - markdown: "\\n"
  - id: license
    title: License
    papers:
      - markdown: "\\n\\nCC0.\\n"
"""

README = """\
# Grouped

Papers by topic and year.

## Recognition

### 2025

- [Recycling Patches](https://a.example/qin), Rong Qin, CVPR
- [An odd entry](https://a.example/odd) (workshop)

### 2022

- [Tiny Objects](https://a.example/kong), Fanjie Kong, CVPR
- [Streaming Attention](https://a.example/dooper), Stephan Dooper, MedIA

### Undated

- [No Year Yet](https://a.example/smith), Ann Smith, arXiv

## License

CC0.
"""


def catalog(section: str = SECTION, papers: str = PAPERS):
    return parse_catalog(FORMS + section + papers, "catalog.yaml", Path.cwd())


def test_groups_are_newest_first_in_catalog_order_a_raw_entry_staying_with_the_one_before():
    assert render(catalog()) == README


def test_papers_without_a_year_are_the_last_group_under_its_undated_name():
    text = render(catalog(SECTION + "    undated: Preprints\n"))
    assert text == README.replace("### Undated", "### Preprints")


def test_the_group_markdown_is_the_lists_own_a_table_head_repeated_under_each_heading():
    table = catalog(SECTION + '    group: "\\n#### Year {year}\\n\\n| Paper |\\n| --- |\\n"\n')
    text = render(table)
    assert "\n#### Year 2025\n\n| Paper |\n| --- |\n- [Recycling" in text
    assert text.count("| Paper |\n| --- |\n") == 3


def test_catalog_order_is_the_default_and_writes_the_entries_as_listed():
    listed = catalog(SECTION.replace("    order: by-year\n", ""))
    text = render(listed)
    assert "###" not in text
    assert text.index("Tiny Objects") < text.index("Recycling Patches")


def test_the_group_headings_render_as_headings_on_github():
    shown = cmark(README)
    assert shown.tags.count("h3") == 3
    page = html(README)
    for year in ("2025", "2022", "Undated"):
        assert f"<h3>{year}</h3>" in page


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("    order: newest\n", "section order `newest` is not known (expected one of `catalog`"),
        ('    group: "### Year"\n', "the group Markdown has no `{year}`"),
        ("    order: catalog\n    undated: Older\n", "`undated` is for a section ordered by year"),
    ],
)
def test_a_bad_setting_is_a_located_error(extra, message):
    section = SECTION.replace("    order: by-year\n", "") if "order" in extra else SECTION
    with pytest.raises(CatalogError) as caught:
        catalog(section + extra)
    [problem] = caught.value.problems
    assert message in str(problem)
    assert problem.position.line == (FORMS + section + extra).count("\n")  # the key's line


def test_markdown_between_the_entries_is_refused_where_it_stands():
    papers = PAPERS.replace('      - raw: "', '      - markdown: "\\nA note.\\n"\n      - raw: "')
    with pytest.raises(CatalogError) as caught:
        catalog(papers=papers)
    [problem] = caught.value.problems
    assert "Markdown between the entries of a section ordered by year" in problem.message


def test_an_unknown_order_exits_2_with_the_place(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(FORMS + SECTION.replace("by-year", "yearly") + PAPERS)
    result = cli("build", "--check")
    assert result.code == 2
    assert "catalog.yaml:11:12: section order `yearly` is not known" in result.err
    assert "(expected one of `catalog`, `by-year`)" in result.err


def written(tmp_path, text: str = FORMS + SECTION + PAPERS):
    (tmp_path / "catalog.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "README.md").write_text(render(load_catalog(tmp_path / "catalog.yaml")), "utf-8")
    return (tmp_path / "README.md").read_text(encoding="utf-8")


def add(cli, tmp_path, *args: str):
    new = ("--title", "A New Paper", "--author", "Bo Li", "--venue", "ICCV")
    return cli("add", "https://a.example/new", *new, "--section", "recognition", *args)


def test_add_puts_the_paper_last_in_its_years_group_one_line(cli, tmp_path):
    before = written(tmp_path)
    result = add(cli, tmp_path, "--year", "2022")
    assert result.code == 0, result.err
    after = (tmp_path / "README.md").read_text(encoding="utf-8")
    at, lines = inserted(before, after)
    assert lines == ["- [A New Paper](https://a.example/new), Bo Li, ICCV"]
    assert before.split("\n")[at - 1].startswith("- [Streaming Attention]")
    paper = load_catalog(tmp_path / "catalog.yaml").sections[0].papers[-1]
    assert (paper.title, paper.year) == ("A New Paper", 2022)
    assert cli("build", "--check").code == 0


def test_add_opens_a_group_for_a_new_year_with_its_heading(cli, tmp_path):
    before = written(tmp_path)
    assert add(cli, tmp_path, "--year", "2024").code == 0
    after = (tmp_path / "README.md").read_text(encoding="utf-8")
    _, lines = inserted(before, after)
    assert len(lines) == 4  # the heading, the entry and a blank line after each
    new = "### 2024\n\n- [A New Paper](https://a.example/new), Bo Li, ICCV\n\n"
    assert after == before.replace("### 2022\n", new + "### 2022\n", 1)


def test_add_needs_a_year_in_a_section_ordered_by_year(cli, tmp_path, monkeypatch):
    written(tmp_path)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    result = add(cli, tmp_path, "--link", "Code=https://github.com/b/new")
    assert result.code == 2
    assert "missing year" in result.err


GROUPED_LIST = """\
# Grouped

## Recognition

### 2025

- [Recycling Patches](https://a.example/qin), Rong Qin, CVPR
- [Sub-salient Patches](https://a.example/qin2), Xin Liu, CVPR

### 2022

- [Tiny Objects](https://a.example/kong), Fanjie Kong, CVPR
- [Streaming Attention](https://a.example/dooper), Stephan Dooper, MedIA

## Detection

### 2021

- [Hard Attention](https://a.example/hard), Athanasios Papadopoulos, NeurIPS
"""

GROUPED_TABLE = """\
# Grouped

## Recognition

### 2025

| Title | Venue | Paper |
|:--|:--:|:--:|
| Recycling Patches | CVPR | [paper](https://a.example/qin) |
| Sub-salient Patches | CVPR | [paper](https://a.example/qin2) |

### 2022

| Title | Venue | Paper |
|:--|:--:|:--:|
| Tiny Objects | CVPR | [paper](https://a.example/kong) |

## License

CC0.
"""


@pytest.mark.parametrize("text", [GROUPED_LIST, GROUPED_TABLE], ids=["list", "table"])
def test_import_reads_year_headings_as_a_section_ordered_by_year(text):
    adopted = take(text, title="x", path="README.md", header="").catalog
    recognition = next(s for s in adopted.sections if s.id == "recognition")
    assert recognition.by_year
    assert [p.year for p in recognition.papers] == [2025, 2025, 2022, 2022][
        : len(recognition.papers)
    ]
    assert not any(s.title in ("2025", "2022", "2021") for s in adopted.sections)
    assert render(adopted) == text
    # and back: the README it builds imports as the same catalog
    assert take(render(adopted), title="x", path="README.md", header="").catalog == adopted


def test_the_table_head_is_in_the_group_markdown():
    adopted = take(GROUPED_TABLE, title="x", path="README.md", header="").catalog
    recognition = next(s for s in adopted.sections if s.id == "recognition")
    assert recognition.group == "\n### {year}\n\n| Title | Venue | Paper |\n|:--|:--:|:--:|\n"


@pytest.mark.parametrize("text", [GROUPED_LIST, GROUPED_TABLE], ids=["list", "table"])
def test_a_catalog_ordered_by_year_round_trips_through_its_readme(tmp_path, text):
    # the catalog as catalog.yaml holds it (read back from what import writes)
    (tmp_path / "catalog.yaml").write_text(
        take(text, title="x", path="README.md", header="").yaml, encoding="utf-8"
    )
    ours = load_catalog(tmp_path / "catalog.yaml")
    assert any(s.by_year for s in ours.sections)
    assert take(render(ours), title="x", path="README.md", header="").catalog == ours


def test_year_headings_that_would_not_write_back_stay_sections_of_their_own():
    # a raw entry first under a later year would join the year before: not grouped
    text = GROUPED_LIST.replace(
        "### 2022\n\n",
        "### 2022\n\n- **Odd** entry <https://a.example/odd>, [x](https://a.example/x)\n",
    )
    adopted = take(text, title="x", path="README.md", header="").catalog
    assert not any(s.by_year for s in adopted.sections if s.id == "recognition")
    assert any(s.title == "2022" for s in adopted.sections)
    assert render(adopted) == text


def test_the_web_page_lists_a_section_ordered_by_year_as_its_readme_does():
    import datetime as dt

    from readme_gen.site.build import Options, build

    page = build(catalog(), Options(today=dt.date(2025, 6, 1)))["index.html"].decode()
    shown = page.split('<script type="application/json"')[0]
    order = ["Recycling Patches", "An odd entry", "Tiny Objects", "Streaming Attention"]
    assert [shown.index(t) for t in order] == sorted(shown.index(t) for t in order)
    assert shown.index("Streaming Attention") < shown.index("No Year Yet")
