"""What adopting a list puts in the fields, not only that the README builds back: a
template that ends in a catch-all field rebuilds any entry, so each test here names the
values read (lists of our own, in the shapes real lists use)."""

from __future__ import annotations

from readme_gen.catalog.model import Paper, Raw
from readme_gen.forms.template import Entry, plausible
from readme_gen.readme.adopt import adopt
from readme_gen.readme.render import render
from tests.support import shapes


def _papers(text: str) -> tuple[list[Paper], list[Raw]]:
    catalog, _ = adopt(text, title="x")
    assert render(catalog) == text
    items = [i for s in catalog.sections for i in s.items]
    return [i for i in items if isinstance(i, Paper)], [i for i in items if isinstance(i, Raw)]


def _surname(authors: str) -> str:
    return authors.split(", ")[0].split()[-1] + " et al."


def bullets_with_keys() -> str:
    """Shape B as lists with a citation file per paper write it: some entries end with a
    comment naming the paper's key, a few show no venue and year."""
    out = ["# Papers", "", "## Recognition", ""]
    for n, (title, authors, venue, year, url, code) in enumerate(shapes.PAPERS):
        links = (f" | [github]({code})" if code else "") + f" | [bibtex](./citations/{n}.txt)"
        key = f" <!---{_surname(authors).split()[0]}{year[2:]}-->" if n % 2 else ""
        out.append(f"- [{title}]({url}), {_surname(authors)}, {venue} {year}{links}{key}")
    out += [
        f"- [{title}]({url}), {_surname(authors)}"
        for title, authors, *_, url, _ in shapes.PAPERS[:3]
    ]
    return "\n".join(out) + "\n"


def test_an_entry_ending_in_a_comment_reads_its_venue_year_and_links():
    papers, raw = _papers(bullets_with_keys())
    assert not raw
    second = next(p for p in papers if p.title == shapes.PAPERS[1][0] and p.year)
    assert (second.authors, second.venue, second.year) == (("Gupta et al.",), "TMLR", 2024)
    assert [link.label for link in second.links] == ["Paper", "bibtex"]
    assert dict(second.extra)["comment"] == "Gupta24"
    first = next(p for p in papers if p.title == shapes.PAPERS[0][0] and p.year)
    assert [(link.label, link.url) for link in first.links][1] == ("github", shapes.PAPERS[0][5])
    assert sum(1 for p in papers if p.venue and p.year) == len(shapes.PAPERS)


def test_a_catch_all_never_takes_the_venue_and_links_into_the_authors():
    papers, _ = _papers(bullets_with_keys())
    for paper in papers:
        assert all("](" not in a and "<!--" not in a and "| [" not in a for a in paper.authors)
        assert paper.authors[0].endswith("et al.")


def test_a_list_marker_is_the_forms_never_the_titles():
    out = ["# Papers", "", "## Recognition", ""]
    for n, (title, _a, venue, _y, url, code) in enumerate(shapes.PAPERS):
        lead = f"**[{venue}]** " if n % 3 == 0 else ""
        out.append(f"- {lead}{title} [[paper]({url})] [[code]({code or url})]")
    papers, raw = _papers("\n".join(out) + "\n")
    assert not raw and len(papers) == len(shapes.PAPERS)
    assert {p.title for p in papers} == {title for title, *_ in shapes.PAPERS}


def test_a_read_holding_the_lists_markup_is_not_clean():
    assert plausible(Entry({"title": "A title", "venue": "CVPR"}, ("A. Park",)))
    # escaped markup is the title's text, and a link to the page itself no column of links
    assert plausible(Entry({"title": r"A \[link\](https\://x.example) \| <!---->@team"}))
    assert plausible(Entry({"title": "Differentiable Selection [x](#y)"}))
    for fields, authors in (
        ({"title": "- A title"}, ()),
        ({"title": "* A title"}, ()),
        ({"title": "![Star](https://img.shields.io/x.svg)](u) A title"}, ()),
        ({"title": "A title"}, ("Park et al.", "CVPR 2022 | [github](https://github.com/a/b)")),
        ({"title": "A title"}, ("Park <!---key-->",)),
        ({"title": "A title", "venue": "see https://a.example"}, ()),
        ({"title": "**[ViT]** A title"}, ()),
        ({"title": "A title (**ICCV**)"}, ()),
        ({"title": "A title", "image": "Star](https://img.shields.io/s.svg)](u)[![Publish"}, ()),
    ):
        assert not plausible(Entry(fields, authors))


def test_a_venue_and_year_ending_in_a_period_are_two_fields():
    text = shapes.blocks().replace("TMLR 2024.", "TMLR 2024", 1)
    text = text.replace("CVPR 2022.", "arXiv 2022.", 1)
    papers, raw = _papers(text)
    assert len(papers) + len(raw) == len(shapes.PAPERS)
    by_title = {p.title: p for p in papers}
    assert (by_title[shapes.PAPERS[4][0]].venue, by_title[shapes.PAPERS[4][0]].year) == (
        "arXiv",
        2022,
    )
    for paper in papers:
        assert paper.venue and paper.year and not paper.venue.endswith(("2022.", "."))


def test_a_link_then_a_dash_and_a_description():
    out = ["# Tools", "", "## Viewers", ""]
    for title, *_, url, code in shapes.PAPERS:
        out.append(f"- [{title.split(':')[0][:20]}]({code or url}) - {title}")
    papers, raw = _papers("\n".join(out) + "\n")
    assert not raw
    assert {p.title for p in papers} == {title for title, *_ in shapes.PAPERS}


def test_a_column_the_same_in_every_entry_of_a_shape_is_still_a_field():
    lines = shapes.table().split("\n")
    text = "\n".join(
        line.replace(" | TMLR | ", " | arXiv | ")
        .replace(" | Medical Image Analysis | ", " | arXiv | ")
        .replace(" | MIDL | ", " | arXiv | ")
        for line in lines
    )
    papers, raw = _papers(text)
    assert not raw and len(papers) == len(shapes.PAPERS)
    uncoded = [p for p in papers if len(p.links) == 1]
    assert len(uncoded) == 3 and {p.venue for p in uncoded} == {"arXiv"}
    assert all(p.date for p in papers)
    # `-` where a paper has no code is the form's: no value, no link
    assert [link.label for link in uncoded[0].links] == ["Paper"]


def badge_table() -> str:
    """Shape T as lists that show the venue in a badge write it: some rows open with a star
    badge of the code, some with none, one badge says more than the venue."""
    out = ["# Efficient papers", "", "| Title & Authors | Links |", "|:--|:--:|"]
    for n, (title, authors, venue, year, url, code) in enumerate(shapes.PAPERS):
        shown = venue if " " not in venue else "MedIA"
        status = "%20Oral" if n == 3 else ""
        badge = f"[![Publish](https://img.shields.io/badge/Conference-{shown}'{year[2:]}{status}-blue)]()"
        if code and n % 2:
            repo = code.removeprefix("https://github.com/")
            star = f"[![Star](https://img.shields.io/github/stars/{repo}.svg?style=social&label=Star)]({code})"
            badge = star + badge
        out.append(f"|{badge}<br>[{title}]({url}) <br> {authors} |[Paper]({url})|")
    return "\n".join(out) + "\n"


def test_a_badge_that_shows_the_venue_gives_the_venue_and_the_year():
    papers, raw = _papers(badge_table())
    assert not raw and len(papers) == len(shapes.PAPERS)
    for paper, (title, authors, venue, year, *_) in zip(papers, shapes.PAPERS, strict=True):
        assert paper.title == title and "![" not in paper.title
        assert paper.authors == tuple(authors.split(", "))
        assert (paper.venue, paper.year) == (venue if " " not in venue else "MedIA", int(year))
    assert dict(papers[3].extra)["status"] == "Oral"
