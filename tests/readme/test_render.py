"""The README format, byte for byte, and catalog text that cannot inject markup."""

from __future__ import annotations

import dataclasses
import re

from readme_gen.catalog.load import load_catalog
from readme_gen.catalog.model import Appendix, Catalog, Link, Paper, Section
from readme_gen.readme.render import render, row
from tests.support.golden import EXPECTED
from tests.support.paths import REPO


def repo_catalog() -> Catalog:
    return load_catalog(REPO / "catalog.yaml")


def test_golden_without_appendices_is_exactly_the_expected_readme():
    catalog = dataclasses.replace(repo_catalog(), appendices=())
    assert render(catalog) == EXPECTED


def test_repo_readme_is_the_expected_list_plus_only_the_allowed_additions():
    catalog = repo_catalog()
    assert catalog.appendices, "the maintainers' guide comes from the catalog"
    text = render(catalog)
    toc_end = "  - [High-resolution Image Segmentation](#high-resolution-image-segmentation)\n"
    head, _, tail = EXPECTED.partition(toc_end)
    extra_toc = "".join(
        f"  - [{a.title}](#{a.title.lower().replace(' ', '-').replace(chr(39), '')})\n"
        for a in catalog.appendices
    )
    assert text.startswith(head + toc_end + extra_toc + tail)
    rest = text[len(head + toc_end + extra_toc + tail) :]
    assert rest.startswith("\n## ")
    assert [line[3:] for line in rest.splitlines() if line.startswith("## ")] == [
        a.title for a in catalog.appendices
    ]
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_render_is_deterministic_and_pure(tmp_path):
    catalog = repo_catalog()
    assert render(catalog) == render(catalog)
    assert list(tmp_path.iterdir()) == []


def test_years_newest_first_and_catalog_order_within_a_year():
    def paper(title: str, year: int) -> Paper:
        return Paper(title, ("A",), "V", year, (Link("Paper", "https://x.org/"),))

    from readme_gen.catalog.model import display_order

    papers = display_order([paper("old", 2019), paper("new-1", 2024), paper("new-2", 2024)])
    section = Section("s", "S", papers)
    text = render(Catalog("T", "D", (), (section,)))
    order = re.findall(r"^### (\d+)|\| (\S+) <br>", text, re.M)
    assert [y or t for y, t in order] == ["2024", "new-1", "new-2", "2019", "old"]


def test_duplicate_headings_get_github_suffixes_in_contents():
    section = Section("a", "Same", ())
    text = render(Catalog("Same", "D", (), (section, dataclasses.replace(section, id="b"))))
    assert (
        "- [Same](#same)\n  - [Contents](#contents)\n  - [Same](#same-1)\n  - [Same](#same-2)"
        in text
    )


def test_appendix_is_listed_and_rendered_after_the_tables():
    appendix = Appendix("Maintainers' guide", "g.md", "Run `make readme`.\n\n### Set up\nmore")
    text = render(Catalog("T", "D", (), (Section("s", "S", ()),), (appendix,)))
    assert "  - [Maintainers' guide](#maintainers-guide)\n" in text
    assert text.endswith(
        "## S\n\n## Maintainers' guide\n\nRun `make readme`.\n\n### Set up\nmore\n"
    )


HOSTILE = "a|b <b>x</b> & *y* _z_ [l](u) `c` # ~s~ $m$ \\"


def cells(line: str) -> list[str]:
    """Cells of a table row the way GFM splits them: at pipes not escaped by a backslash."""
    return re.split(r"(?<!\\)\|", line.strip())[1:-1]


def test_hostile_text_cannot_break_the_table_or_inject_markup():
    paper = Paper(
        "#" + HOSTILE,
        ("X, Y", "Z; W"),
        "V|" + HOSTILE,
        2024,
        (Link("P|x", "https://x.org/a(b)|c"),),
    )
    line = row(paper)
    assert len(cells(line)) == 3
    assert "<b>" not in line and "</b>" not in line
    assert "&lt;b&gt;x&lt;/b&gt; &amp; \\*y\\* \\_z\\_ \\[l\\](u) \\`c\\`" in line
    assert "| \\#a\\|b" in line  # a leading `#` and the pipe, escaped
    assert "X\\, Y, Z\\; W" in line  # commas inside an author stay inside it
    assert "[P\\|x](https://x.org/a\\(b\\)\\|c)" in line


def test_surrounding_whitespace_is_kept_as_character_references():
    paper = Paper(" padded ", ("A",), "V", 2024, (Link("Paper", "https://x.org/"),))
    assert "| &#32;padded&#32; <br>" in row(paper)


def test_bare_urls_www_and_e_mail_in_titles_and_authors_stay_text():
    """GFM would autolink them; rendered by cmark-gfm, the row's only link is the paper's."""
    from tests.support.markdown import render as gfm

    title = "See https://evil.example/x, www.evil.example or HTTP://x.y and mail@evil.example"
    authors = ("Ann (ann@uni.edu)", "www.bob.org", "ftp://c.d")
    paper = Paper(title, authors, "CVPR", 2024, (Link("Paper", "https://x.org/p"),))
    text = render(Catalog("T", "D", (), (Section("s", "S", (paper,)),)))
    table = text[text.index("| **Pub.**") :]
    out = gfm(table)
    assert out.hrefs == ["https://x.org/p"]
    assert title in "".join(out.cells)
    assert "Ann (ann@uni.edu), www.bob.org, ftp://c.d" in "".join(out.cells)
