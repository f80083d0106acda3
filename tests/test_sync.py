"""`readme-gen sync`: README edits become catalog edits, in place, comments kept; what
does not read as entries is refused, located, and nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from readme_gen.catalog.load import load_catalog
from readme_gen.catalog.model import Verbatim
from readme_gen.readme.render import render
from tests.support.adopted_lists import SECTION, SHAPES, adopt_into
from tests.support.paths import FIXTURES

CATALOG = """\
# yaml-language-server: $schema=schema/catalog.schema.json
title: Test list
description: Papers about tests.
sections:
  - id: one
    title: Section One
    papers:
      # the seed paper: keep it first
      - title: "A paper"
        authors: [Ann Author, Bob Author]
        venue: CVPR
        year: 2024  # the camera-ready year
        links:
          Paper: https://example.org/a
      - title: "B paper"
        authors: [Cy Author]
        venue: ICCV
        year: 2023
        arxiv-category: cs.CV
        links:
          Paper: https://example.org/b
  - id: two
    title: Section Two
    papers:
      - title: "C paper"
        authors: [Di Author]
        venue: ECCV
        year: 2022
        added: "2024-01-02"
        links:
          Paper: https://example.org/c
          Code: https://github.com/x/c
"""
COMMENTS = (
    "      # the seed paper: keep it first\n",
    "        year: 2024  # the camera-ready year\n",
)


@pytest.fixture
def listed(tmp_path: Path) -> Path:
    (tmp_path / "catalog.yaml").write_text(CATALOG, encoding="utf-8")
    (tmp_path / "README.md").write_text(render(load_catalog(tmp_path / "catalog.yaml")), "utf-8")
    return tmp_path


def edit(folder: Path, old: str, new: str) -> None:
    path = folder / "README.md"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def yaml(folder: Path) -> str:
    return (folder / "catalog.yaml").read_text(encoding="utf-8")


def readme(folder: Path) -> str:
    return (folder / "README.md").read_text(encoding="utf-8")


def synced(cli, folder: Path, *args: str):
    result = cli("sync", *args, cwd=folder)
    assert result.code == 0, result.err
    assert cli("build", "--check", cwd=folder).code == 0
    assert cli("sync", "--check", cwd=folder).code == 0  # idempotent: nothing left to do
    return result


def row(title: str, authors: str, venue: str, year: int, links: str) -> str:
    return (
        f"| {venue}<br><sup>{year}</sup> | {title} <br> <sub><sub>{authors}</sub></sub> | {links} |"
    )


def test_a_readme_in_sync_changes_nothing(cli, listed):
    result = cli("sync", "--check", cwd=listed)
    assert result.code == 0 and result.out == ""
    assert "in sync" in result.err
    assert cli("sync", cwd=listed).code == 0
    assert yaml(listed) == CATALOG


def test_a_field_edit_rewrites_only_its_values_comments_kept(cli, listed):
    edit(
        listed,
        "A paper <br> <sub><sub>Ann Author, Bob Author",
        "A better paper <br> <sub><sub>Ann Author, Bo Author",
    )
    edit(listed, "CVPR<br><sup>2024", "CVPR Workshops<br><sup>2024")
    result = synced(cli, listed, "--diff")
    after = yaml(listed)
    expected = (
        CATALOG.replace('"A paper"', '"A better paper"')
        .replace("Bob Author]", "Bo Author]")
        .replace("venue: CVPR\n", "venue: CVPR Workshops\n")
    )
    assert after == expected
    for comment in COMMENTS:
        assert comment in after
    assert '-      - title: "A paper"\n' in result.out
    assert '+      - title: "A better paper"\n' in result.out
    assert "changed `A better paper`: title, authors, venue" in result.err
    paper = load_catalog(listed / "catalog.yaml").sections[0].papers[0]
    assert (paper.title, paper.authors, paper.venue) == (
        "A better paper",
        ("Ann Author", "Bo Author"),
        "CVPR Workshops",
    )


def test_an_edited_link_and_year_keep_the_paper(cli, listed):
    edit(listed, "[Paper](https://example.org/b)", "[Paper](https://example.org/b2)")
    edit(listed, "ICCV<br><sup>2023", "ICCV<br><sup>2021")
    synced(cli, listed)
    after = yaml(listed)
    assert "          Paper: https://example.org/b2\n" in after
    assert "        year: 2021\n        arxiv-category: cs.CV\n" in after  # the rest kept


def test_a_new_entry_goes_where_the_readme_has_it(cli, listed):
    new = row(
        "New paper", "Eve Author, Fay Author", "NeurIPS", 2024, "[Paper](https://example.org/n)"
    )
    text = readme(listed)
    first = row("A paper", "Ann Author, Bob Author", "CVPR", 2024, "[Paper](https://example.org/a)")
    (listed / "README.md").write_text(text.replace(first, first + "\n" + new), encoding="utf-8")
    result = synced(cli, listed)
    assert "added `New paper` to `Section One`" in result.err
    after = yaml(listed)
    assert after.startswith(CATALOG.split('      - title: "B paper"')[0])
    assert '          Paper: https://example.org/a\n      - title: "New paper"\n' in after
    titles = [p.title for p in load_catalog(listed / "catalog.yaml").sections[0].papers]
    assert titles == ["A paper", "New paper", "B paper"]


def test_a_removed_entry_is_removed_and_a_section_emptied_keeps_papers(cli, listed):
    text = readme(listed)
    lines = [line for line in text.split("\n") if "example.org/c" not in line]
    (listed / "README.md").write_text("\n".join(lines), encoding="utf-8")
    result = synced(cli, listed)
    assert "removed `C paper` from `Section Two`" in result.err
    after = yaml(listed)
    assert "C paper" not in after and "    papers: []\n" in after
    for comment in COMMENTS:
        assert comment in after


def test_a_paper_moved_to_another_section_takes_its_lines(cli, listed):
    text = readme(listed)
    lines = text.split("\n")
    b_row = next(line for line in lines if "example.org/b)" in line)
    lines.remove(b_row)
    c_at = next(n for n, line in enumerate(lines) if "example.org/c)" in line)
    lines[c_at:c_at] = [
        "",
        "### 2023",
        "| **Pub.** | **Title** | **Links** |",
        "| --- | --- | --- |",
        b_row,
    ]
    (listed / "README.md").write_text("\n".join(lines), encoding="utf-8")
    result = cli("sync", cwd=listed)
    assert result.code == 0, result.err
    assert "moved `B paper` to `Section Two`" in result.err
    catalog = load_catalog(listed / "catalog.yaml")
    assert [p.title for p in catalog.sections[0].papers] == ["A paper"]
    assert [p.title for p in catalog.sections[1].papers] == ["B paper", "C paper"]
    assert "        arxiv-category: cs.CV\n" in yaml(listed)  # carried as written
    assert cli("sync", "--check", cwd=listed).code == 0
    assert cli("build", "--check", cwd=listed).code == 0


def test_check_exits_1_with_the_diff_and_writes_nothing(cli, listed, tmp_path):
    edit(listed, "B paper <br>", "B paper, revised <br>")
    before = readme(listed)
    summary = tmp_path / "summary.md"
    result = cli("sync", "--check", "--summary", str(summary), cwd=listed)
    assert result.code == 1
    assert '+      - title: "B paper, revised"' in result.out
    assert yaml(listed) == CATALOG and readme(listed) == before
    shown = summary.read_text(encoding="utf-8")
    assert "```diff\n" in shown and '+      - title: "B paper, revised"' in shown


def test_prose_in_a_paper_table_is_a_located_error_and_nothing_is_written(cli, listed):
    edit(listed, "| --- | --- | --- |\n", "| --- | --- | --- |\nSome prose about the papers\n")
    before = readme(listed)
    line = before.split("\n").index("Some prose about the papers") + 1
    result = cli("sync", cwd=listed)
    assert result.code == 2
    assert (
        f"README.md:{line}:1: text in a paper section, which the catalog cannot hold" in result.err
    )
    assert "(expected a table row" in result.err
    assert yaml(listed) == CATALOG and readme(listed) == before


def test_a_broken_row_is_a_located_error(cli, listed):
    edit(listed, "| [Paper](https://example.org/b) |", "|")
    result = cli("sync", "--check", cwd=listed)
    assert result.code == 2
    assert "README.md:" in result.err and "a table row with 2 cells" in result.err
    assert yaml(listed) == CATALOG


def test_a_new_section_is_refused(cli, listed):
    (listed / "README.md").write_text(readme(listed) + "\n## Section Three\n\n### 2020\n", "utf-8")
    result = cli("sync", cwd=listed)
    assert result.code == 2, result.err
    assert yaml(listed) == CATALOG


def test_canonical_differences_are_a_note(cli, listed):
    edit(listed, "<sub><sub>Cy Author</sub></sub>", "<sup><sub>Cy Author</sub></sup>")
    result = cli("sync", cwd=listed)
    assert result.code == 0, result.err
    assert "note: README.md is rebuilt in readme-gen's own form" in result.err
    assert yaml(listed) == CATALOG
    assert cli("build", "--check", cwd=listed).code == 0


def test_a_fixture_catalog(cli, tmp_path):
    shutil.copy(FIXTURES / "catalogs" / "valid" / "two-links.yaml", tmp_path / "catalog.yaml")
    text = render(load_catalog(tmp_path / "catalog.yaml"))
    (tmp_path / "README.md").write_text(text, encoding="utf-8")
    assert cli("sync", "--check", cwd=tmp_path).code == 0


HOSTILE = [
    "&a *a !!python/object:os.system",
    '"quoted" title: with - dash',
    "- title: injected",
    "@someone <script>alert(1)</script> [x](javascript:alert(1))",
    "right\u202eto left",
]


@pytest.mark.parametrize("title", HOSTILE)
def test_hostile_titles_are_literal_text(cli, listed, title):
    from readme_gen.escape import escape_text

    edit(listed, "C paper <br>", f"{escape_text(title)} <br>")
    result = cli("sync", cwd=listed)
    assert "Traceback" not in result.err
    if result.code == 0:
        catalog = load_catalog(listed / "catalog.yaml")
        assert catalog.sections[1].papers[0].title == title
    else:
        assert result.code == 2 and "README.md:" in result.err
        assert yaml(listed) == CATALOG


def test_a_megabyte_line_is_refused_located(cli, listed):
    edit(listed, "C paper <br>", "C" * 1_000_000 + " <br>")
    result = cli("sync", cwd=listed)
    assert result.code == 2
    assert "README.md:" in result.err and "Traceback" not in result.err
    assert yaml(listed) == CATALOG


# --- adopted lists -----------------------------------------------------------------------


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_an_adopted_list_in_sync_changes_nothing(cli, tmp_path, shape):
    adopt_into(tmp_path, SHAPES[shape]())
    before = yaml(tmp_path)
    assert cli("sync", "--check", cwd=tmp_path).code == 0
    assert yaml(tmp_path) == before


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_an_adopted_title_edit_is_one_line_of_the_catalog(cli, tmp_path, shape):
    adopt_into(tmp_path, SHAPES[shape]())
    before = yaml(tmp_path)
    edit(tmp_path, "Differentiable Patch Selection", "Differentiable Patch Choice")
    result = synced(cli, tmp_path, "--diff")
    after = yaml(tmp_path)
    assert after == before.replace("Differentiable Patch Selection", "Differentiable Patch Choice")
    assert result.out.count("\n-  ") == 1 and result.out.count("\n+  ") == 1


def test_an_adopted_list_new_entry_removal_and_prose(cli, tmp_path):
    text = SHAPES["bullets"]()
    adopt_into(tmp_path, text)
    lines = text.split("\n")
    at = next(n for n, line in enumerate(lines) if "Efficient Classification" in line)
    new = "- [A New Paper](https://example.org/new), Ann Smith, Bo Li, ICCV 2024"
    lines.insert(at, new)
    lines = [line for line in lines if "Hard-Attention" not in line]
    edited = "\n".join(lines).replace("Contributions welcome!", "Contributions are welcome!")
    (tmp_path / "README.md").write_text(edited, encoding="utf-8")
    result = synced(cli, tmp_path)
    assert readme(tmp_path) == edited  # the README is the list's as written
    assert "added `A New Paper`" in result.err and "removed `Hard-Attention" in result.err
    catalog = load_catalog(tmp_path / "catalog.yaml")
    section = next(s for s in catalog.sections if s.id == SECTION["bullets"])
    titles = [p.title for p in section.papers]
    assert titles[titles.index("A New Paper") + 1].startswith("Efficient Classification")
    kept = [i.text for s in catalog.sections for i in s.items if isinstance(i, Verbatim)]
    assert any("Contributions are welcome!" in text for text in kept)  # prose: kept


def test_an_adopted_broken_row_is_located(cli, tmp_path):
    text = SHAPES["table"]()
    adopt_into(tmp_path, text)
    before = yaml(tmp_path)
    lines = text.split("\n")
    at = next(n for n, line in enumerate(lines) if "Efficient Classification" in line)
    lines.insert(at, "a sentence about these papers")
    (tmp_path / "README.md").write_text("\n".join(lines), encoding="utf-8")
    result = cli("sync", cwd=tmp_path)
    assert result.code == 2, result.err
    assert f"README.md:{at + 1}:1: this entry of section" in result.err
    assert yaml(tmp_path) == before


def test_the_summary_fence_holds_backticks_and_controls(cli, listed, tmp_path):
    edit(listed, "B paper <br>", "B ```` paper \u202e <br>")
    summary = tmp_path / "summary.md"
    result = cli("sync", "--check", "--summary", str(summary), cwd=listed)
    assert result.code == 1, result.err
    shown = summary.read_text(encoding="utf-8")
    assert "\n`````diff\n" in shown and shown.endswith("\n`````\n")
    assert "\u202e" not in shown and "\\u202e" in shown


def test_summary_needs_check(cli, listed, tmp_path):
    assert cli("sync", "--summary", str(tmp_path / "s.md"), cwd=listed).code == 2


def test_an_adopted_move_keeps_the_catalogs_comments(cli, tmp_path):
    text = SHAPES["bullets"]()
    path = adopt_into(tmp_path, text)
    comment = "  # topics, in the README's order\n"
    path.write_text(path.read_text("utf-8").replace("sections:\n", "sections:\n" + comment, 1))
    lines = text.split("\n")
    moved = next(line for line in lines if "Efficient Classification" in line)
    lines.remove(moved)
    lines.insert(lines.index("### Whole slides") + 2, moved)
    edited = "\n".join(lines)
    (tmp_path / "README.md").write_text(edited, encoding="utf-8")
    result = synced(cli, tmp_path)
    assert "moved `Efficient Classification" in result.err
    assert readme(tmp_path) == edited and comment in yaml(tmp_path)
    catalog = load_catalog(path)
    slides = next(s for s in catalog.sections if s.id == "whole-slides")
    assert slides.papers[0].title.startswith("Efficient Classification")


def test_a_first_paper_in_an_empty_section_of_a_fixture_catalog(cli, tmp_path):
    shutil.copy(FIXTURES / "catalogs" / "valid" / "empty-section.yaml", tmp_path / "catalog.yaml")
    (tmp_path / "README.md").write_text(render(load_catalog(tmp_path / "catalog.yaml")), "utf-8")
    table = "### 2019\n| **Pub.** | **Title** | **Links** |\n| --- | --- | --- |\n"
    new = row("New", "Eve Author", "NeurIPS", 2019, "[Paper](https://example.org/n)")
    edit(tmp_path, "## One\n", f"## One\n\n{table}{new}\n")
    result = synced(cli, tmp_path)
    assert "added `New` to `One`" in result.err
    assert '    papers:\n      - title: "New"\n' in yaml(tmp_path)


def test_the_description_is_rewritten_in_place_and_escaping_is_a_note(cli, listed):
    edit(listed, "Papers about tests.", "Papers about tests & more: yes")
    result = synced(cli, listed)
    assert "changed the list's description" in result.err
    assert yaml(listed) == CATALOG.replace(
        "description: Papers about tests.", 'description: "Papers about tests & more: yes"'
    )
    assert "note: README.md is rebuilt" in result.err  # the README writes `&amp;`


def test_a_second_paragraph_before_the_contents_is_refused(cli, listed):
    edit(listed, "Papers about tests.\n", "Papers about tests.\nAnd a second paragraph.\n")
    result = cli("sync", cwd=listed)
    assert result.code == 2
    assert "README.md:3:1: `And a second paragraph.` is text the catalog cannot hold" in result.err
    assert yaml(listed) == CATALOG


def test_news_edits_are_refused(cli, tmp_path):
    shutil.copy(FIXTURES / "catalogs" / "valid" / "news.yaml", tmp_path / "catalog.yaml")
    (tmp_path / "README.md").write_text(render(load_catalog(tmp_path / "catalog.yaml")), "utf-8")
    before = yaml(tmp_path)
    edit(tmp_path, ":loudspeaker: [", ":loudspeaker: [x")
    result = cli("sync", cwd=tmp_path)
    assert result.code == 2 and "the news changed" in result.err
    assert yaml(tmp_path) == before


def test_a_reorder_within_a_year_moves_the_lines(cli, listed):
    same_year = CATALOG.replace("year: 2023", "year: 2024")
    (listed / "catalog.yaml").write_text(same_year, encoding="utf-8")
    (listed / "README.md").write_text(render(load_catalog(listed / "catalog.yaml")), "utf-8")
    lines = readme(listed).split("\n")
    at = next(n for n, line in enumerate(lines) if "example.org/a)" in line)
    lines[at], lines[at + 1] = lines[at + 1], lines[at]
    (listed / "README.md").write_text("\n".join(lines), encoding="utf-8")
    result = synced(cli, listed)
    assert "moved `B paper` within `Section One`" in result.err
    titles = [p.title for p in load_catalog(listed / "catalog.yaml").sections[0].papers]
    assert titles == ["B paper", "A paper"]
    assert COMMENTS[0] in yaml(listed)


NOTE_HOSTILE = [
    "&a *b !!python/object/apply:os.system ['ls']",
    "x<br>- title: y",
    "@org/team <script>x</script>",
    "bidi \u202e\u2066 here",
]


@pytest.mark.parametrize("note", NOTE_HOSTILE)
def test_hostile_markdown_fields_of_an_adopted_list_are_literal(cli, tmp_path, note):
    from readme_gen.catalog.model import Paper
    from tests.support.adopted_lists import NOTES, with_notes

    text = with_notes()
    adopt_into(tmp_path, text)
    edited = text.replace(NOTES[3], note)
    (tmp_path / "README.md").write_text(edited, encoding="utf-8")
    result = synced(cli, tmp_path)
    assert "Traceback" not in result.err
    catalog = load_catalog(tmp_path / "catalog.yaml")
    notes = [i.get("note") for s in catalog.sections for i in s.items if isinstance(i, Paper)]
    assert note in notes and readme(tmp_path) == edited


def test_a_megabyte_cell_of_an_adopted_list_is_refused(cli, tmp_path):
    from tests.support.adopted_lists import NOTES, with_notes

    text = with_notes()
    adopt_into(tmp_path, text)
    before = yaml(tmp_path)
    (tmp_path / "README.md").write_text(text.replace(NOTES[3], "N" * 1_000_000), "utf-8")
    result = cli("sync", cwd=tmp_path)
    assert result.code == 2 and "README.md:" in result.err
    assert yaml(tmp_path) == before


def test_a_url_the_catalog_refuses_is_located_in_the_readme(cli, listed):
    edit(listed, "(https://example.org/b)", "(javascript:alert(1))")
    line = next(n for n, t in enumerate(readme(listed).split("\n"), 1) if "javascript" in t)
    result = cli("sync", cwd=listed)
    assert result.code == 2
    assert f"README.md:{line}:1: the catalog refuses this entry: the `Paper` link" in result.err
    assert yaml(listed) == CATALOG


def test_entries_that_no_longer_read_in_their_form_are_refused(cli, tmp_path):
    text = SHAPES["bullets"]()
    adopt_into(tmp_path, text)
    before = yaml(tmp_path)
    # every entry's link gone: the list's items are prose now, and would be lost as papers
    head, body = text.split("## Recognition", 1)
    edited = head + "## Recognition" + body.replace("](http", "](#http")
    (tmp_path / "README.md").write_text(edited, encoding="utf-8")
    result = cli("sync", cwd=tmp_path)
    assert result.code == 2, result.err
    assert "no longer read as its form `list`" in result.err
    assert yaml(tmp_path) == before


def test_the_diff_applies_to_the_catalog_it_was_made_from(cli, listed, tmp_path):
    import subprocess

    lines = readme(listed).split("\n")
    b_row = next(line for line in lines if "example.org/b)" in line)
    lines.remove(b_row)
    c_at = next(n for n, line in enumerate(lines) if "example.org/c)" in line)
    head = ["", "### 2023", "| **Pub.** | **Title** | **Links** |", "| --- | --- | --- |"]
    lines[c_at:c_at] = [*head, b_row.replace("B paper", "B moved paper")]
    lines = [line.replace("A paper <br>", "A retitled paper <br>") for line in lines]
    (listed / "README.md").write_text("\n".join(lines), encoding="utf-8")
    result = cli("sync", "--check", cwd=listed)
    assert result.code == 1, result.err
    patch = tmp_path / "catalog.diff"
    patch.write_text(result.out, encoding="utf-8")
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "catalog.yaml").write_text(CATALOG, encoding="utf-8")
    done = subprocess.run(
        ["git", "apply", str(patch)],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert cli("sync", cwd=listed).code == 0
    assert (copy / "catalog.yaml").read_text(encoding="utf-8") == yaml(listed)


def test_sync_twice_is_sync_once(cli, listed):
    edit(listed, "B paper <br>", "B paper, again <br>")
    edit(listed, "<sub><sub>Cy Author</sub></sub>", "<sup><sub>Cy Author</sub></sup>")
    assert cli("sync", cwd=listed).code == 0
    once = (yaml(listed), readme(listed))
    second = cli("sync", cwd=listed)
    assert second.code == 0 and "in sync" in second.err and "wrote" not in second.err
    assert (yaml(listed), readme(listed)) == once


def _git(folder: Path, *args: str) -> None:
    from tests.support.precommit import git

    git(folder, *args)


def test_hook_mode_passes_when_both_changed_and_agree_and_refuses_otherwise(cli, listed):
    _git(listed, "init", "-q")
    _git(listed, "add", ".")
    _git(listed, "commit", "-qm", "a list")
    (listed / "catalog.yaml").write_text(CATALOG.replace('"B paper"', '"B2"'), "utf-8")
    assert cli("build", cwd=listed).code == 0
    assert cli("sync", "--hook", cwd=listed).code == 0  # both changed, and they agree
    edit(listed, "B2 <br>", "B3 <br>")
    refused = cli("sync", "--hook", cwd=listed)
    assert refused.code == 1
    assert "both README.md and catalog.yaml changed, and they disagree" in refused.err
    assert '"B2"' in yaml(listed)


def test_hook_mode_outside_git_is_a_usage_error(cli, listed, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(listed.parent))
    edit(listed, "B paper <br>", "B paper, again <br>")
    result = cli("sync", "--hook", cwd=listed)
    assert result.code == 2 and "not in a git repository" in result.err
    assert yaml(listed) == CATALOG
