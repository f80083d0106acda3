"""One template, two directions: what `render` writes, `read` gives back, byte for byte."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readme_gen.forms.dates import DateFormat
from readme_gen.forms.errors import TemplateError
from readme_gen.forms.template import (
    MAX_ENTRY,
    Entry,
    Style,
    Template,
    parse_template,
    unparse,
)

BULLET = Template.compile(
    "- [{title}]({link}), {authors}, {venue} {year}{links}",
    Style(item=" | [{label}]({url})", separator=""),
)
BLOCK = Template.compile(
    "**{title}** \\\n*{authors}* \\\n{venue} {year}. {links} \\\n{date:%-d %b %Y}",
    Style(item="[[{label}]({url})]"),
)
ROW = Template.compile("|**{abbr}**|**{title}**|{venue}{year}|[{label}]({url})|[{label}]({url})|")


def test_a_bullet_reads_into_fields_and_writes_back() -> None:
    text = (
        "- [Efficient Classification of Very Large Images with Tiny Objects]"
        "(https://openaccess.thecvf.com/x.html), Fanjie Kong, Ricardo Henao, CVPR 2022"
        " | [code](https://github.com/a/b) | [bibtex](./citations/kong.txt)"
    )
    entry = BULLET.read(text)
    assert entry is not None
    assert (
        entry.fields["title"] == "Efficient Classification of Very Large Images with Tiny Objects"
    )
    assert entry.authors == ("Fanjie Kong", "Ricardo Henao")
    assert (entry.fields["venue"], entry.fields["year"]) == ("CVPR", "2022")
    assert entry.links == (
        ("Paper", "https://openaccess.thecvf.com/x.html"),
        ("code", "https://github.com/a/b"),
        ("bibtex", "./citations/kong.txt"),
    )
    assert BULLET.render(entry) == text


def test_a_multi_line_block_with_a_date() -> None:
    text = (
        "**Gigapixel end-to-end training using streaming and attention** \\\n"
        "*Stephan Dooper, Hans Pinckaers* \\\n"
        "arXiv 2023. [[Paper](https://arxiv.org/abs/2301.00001)] [[Github](https://github.com/x/y)] \\\n"
        "2 Oct 2023"
    )
    entry = BLOCK.read(text)
    assert entry is not None
    assert entry.fields["date"] == "2023-10-02"
    assert [label for label, _ in entry.links] == ["Paper", "Github"]
    assert BLOCK.render(entry) == text


def test_a_table_row_with_shown_labels() -> None:
    text = "|**DPS**|**Differentiable Patch Selection for Image Recognition**|CVPR2021|[DPS](https://a.example/p)|[link](https://github.com/c/d)|"
    entry = ROW.read(text)
    assert entry is not None
    assert entry.fields == {
        "abbr": "DPS",
        "title": "Differentiable Patch Selection for Image Recognition",
        "venue": "CVPR",
        "year": "2021",
    }
    assert entry.links == (("DPS", "https://a.example/p"), ("link", "https://github.com/c/d"))
    assert ROW.render(entry) == text


@pytest.mark.parametrize(
    "text",
    [
        "- [Title](https://a.example), Kong, CVPR 2022 |[code](https://b.example)",  # spacing
        "- [Title](https://a.example) Kong, CVPR 2022",  # a missing comma
        "- [Title](https://a.example), Kong, CVPR 22",  # not a year
        "* [Title](https://a.example), Kong, CVPR 2022",  # another marker
        "- [Title](https://a.example), Kong, CVPR 2022\n",  # a trailing line break
    ],
)
def test_an_entry_the_template_does_not_write_is_not_read(text: str) -> None:
    assert BULLET.read(text) is None


def test_render_refuses_what_it_cannot_write() -> None:
    assert BULLET.render(Entry({"title": "T", "venue": "CVPR", "year": "2022"}, ("A",), ())) is None
    assert BULLET.render(Entry({"title": "T"}, ("A",), (("Paper", "https://a.example"),))) is None
    written = BULLET.render(
        Entry(
            {"title": "T", "venue": "V", "year": "2020"}, ("A",), (("Paper", "https://a.example"),)
        )
    )
    assert written == "- [T](https://a.example), A, V 2020"


def test_an_optional_part_is_written_only_with_its_fields() -> None:
    template = Template.compile("- {title}{? ({venue})?} [{label}]({url})")
    with_venue = "- Title of it (CVPR) [paper](https://a.example)"
    without = "- Title of it [paper](https://a.example)"
    for text in (with_venue, without):
        entry = template.read(text)
        assert entry is not None
        assert template.render(entry) == text
    assert template.read(without).fields == {"title": "Title of it"}  # type: ignore[union-attr]


def test_the_last_author_separator() -> None:
    template = Template.compile("{title}, {authors}.", Style(authors=", ", last_author=", and "))
    entry = template.read("Some title, Ann Lee, Bo Chen, and Cy Diaz.")
    assert entry is not None and entry.authors == ("Ann Lee", "Bo Chen", "Cy Diaz")
    assert template.render(entry) == "Some title, Ann Lee, Bo Chen, and Cy Diaz."


@pytest.mark.parametrize(
    ("template", "column"),
    [("- {title", 3), ("- title}", 8), ("{?{title}", 1), ("{? x ?}", 1), ("{Title}", 1)],
)
def test_a_malformed_template_says_where(template: str, column: int) -> None:
    with pytest.raises(TemplateError) as info:
        Template.compile(template)
    assert info.value.column == column


def test_a_link_item_needs_label_and_url() -> None:
    with pytest.raises(TemplateError):
        Template.compile("{title} {links}", Style(item="[{url}]"))


@pytest.mark.parametrize(
    "template",
    [
        "- [{title}]({link}), {authors}, {venue} {year}{links}",
        "{{literal}} {title}{? ({venue})?}",
        "| {date:%Y-%m-%d} | {note} |",
    ],
)
def test_unparse_gives_the_template_back(template: str) -> None:
    assert unparse(parse_template(template)) == template


def test_a_huge_entry_is_not_parsed() -> None:
    text = "- [" + "a" * MAX_ENTRY + "](https://a.example), K, CVPR 2022"
    assert BULLET.read(text) is None


def test_hostile_text_costs_little() -> None:
    # many near-literals for the lazy fields to try: still one linear-ish pass
    text = "- [" + "], " * 3000 + "](https://a.example)" + ", ," * 2000
    assert BULLET.read(text) is None


_field_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip() == s and "\n" not in s)


@given(title=_field_text, venue=_field_text, authors=st.lists(_field_text, min_size=1, max_size=4))
def test_whatever_is_read_writes_back_exactly(title: str, venue: str, authors: list[str]) -> None:
    entry = Entry(
        {"title": title, "venue": venue, "year": "2021"},
        tuple(authors),
        (("Paper", "https://a.example/x"),),
    )
    text = BULLET.render(entry)
    assert text is not None
    read = BULLET.read(text)
    if read is not None:  # fields may be cut elsewhere, but never the bytes
        assert BULLET.render(read) == text


@pytest.mark.parametrize(
    ("spec", "text", "iso"),
    [
        ("%Y-%m-%d", "2024-08-09", "2024-08-09"),
        ("%-d %b %Y", "2 Oct 2023", "2023-10-02"),
        ("%Y.%-m.%-d", "2021.1.30", "2021-01-30"),
        ("%b %Y", "Mar 2025", "2025-03"),
        ("%Y", "2020", "2020"),
    ],
)
def test_dates_read_and_write(spec: str, text: str, iso: str) -> None:
    fmt = DateFormat(spec)
    assert fmt.read(text) == iso
    assert fmt.write(iso) == text


@pytest.mark.parametrize("text", ["2023-02-30", "2023-13-01", "02 Oct 2023"])
def test_impossible_or_other_dates_are_not_read(text: str) -> None:
    assert DateFormat("%Y-%m-%d").read(text) is None or text == "02 Oct 2023"
    assert DateFormat("%-d %b %Y").read("02 Oct 2023") is None


@pytest.mark.parametrize("spec", ["%d %m", "%Q", "%m-%d"])
def test_a_date_format_needs_a_year_and_known_codes(spec: str) -> None:
    with pytest.raises(TemplateError):
        DateFormat(spec)


def test_a_computed_badge_follows_the_link_and_is_never_stored() -> None:
    template = Template.compile(
        "| ![Star](https://img.shields.io/github/stars/{repo}.svg) [**{title}**]({link}) | {links} |"
    )
    text = (
        "| ![Star](https://img.shields.io/github/stars/q/npmg.svg) [**A title here**](https://a.example/p)"
        " | [Github](https://github.com/q/npmg) |"
    )
    entry = template.read(text)
    assert entry is not None and "repo" not in entry.fields
    moved = Entry(entry.fields, (), (entry.links[0], ("Github", "https://github.com/new/place")))
    assert "stars/new/place.svg" in (template.render(moved) or "")
    wrong = text.replace("stars/q/npmg", "stars/someone/else")
    assert template.read(wrong) is None  # a badge of another repository is no computed value
    no_code = Entry(entry.fields, (), entry.links[:1])
    assert template.render(no_code) is None


def test_an_arxiv_id_is_computed_from_the_arxiv_link() -> None:
    template = Template.compile(
        "- {title} [![arXiv](https://img.shields.io/badge/arXiv-{arxiv}-b31b1b)]({link})"
    )
    text = "- A title here [![arXiv](https://img.shields.io/badge/arXiv-2412.10181-b31b1b)](https://arxiv.org/abs/2412.10181)"
    entry = template.read(text)
    assert entry is not None and template.render(entry) == text


# -- spacing: varies ----------------------------------------------------------------------
CELLS = Template.compile("| [{title}]({link}) | {venue} | {links} |", Style(spacing=True))


def test_white_space_the_template_writes_is_stored_as_nothing() -> None:
    entry = CELLS.read("| [A](https://a.org) | CVPR | [code](https://c.org) |")
    assert entry is not None and entry.spacing == {}
    assert CELLS.slots == 8  # each run, and the row's start and end


@pytest.mark.parametrize(
    "text",
    [
        "|[A](https://a.org)|CVPR|[code](https://c.org)|",
        "| [A](https://a.org)  | CVPR\t| [code](https://c.org) | ",
        " | [A](https://a.org) | CVPR | [code](https://c.org) |",
    ],
)
def test_an_entry_s_own_white_space_comes_back_byte_for_byte(text: str) -> None:
    entry = CELLS.read(text)
    assert entry is not None
    assert entry.fields == {"title": "A", "venue": "CVPR"}  # no space in a field
    assert entry.spacing and CELLS.render(entry) == text


def test_a_line_break_where_the_template_has_none_cannot_be_written() -> None:
    entry = Entry({"title": "A", "venue": "CVPR"}, (), (("Paper", "https://a.org"),), {2: "\n"})
    assert CELLS.render(entry) is None
    assert CELLS.read("| [A](https://a.org)\n| CVPR | |") is None


def test_a_line_break_slot_takes_one_or_more_line_breaks() -> None:
    block = Template.compile("**{title}**\n{authors}\n\n  {links}", Style(spacing=True))
    text = "**A**  \nAnn, Bo\n\n\n [x](https://x.org)"
    entry = block.read(text)
    assert entry is not None and entry.authors == ("Ann", "Bo")
    assert block.render(entry) == text
    assert block.read("**A** Ann, Bo [x](https://x.org)") is None  # a line break is one


def test_without_spacing_white_space_stays_exact() -> None:
    exact = Template.compile("| [{title}]({link}) | {venue} |")
    assert exact.read("|[A](https://a.org) | CVPR |") is None
    assert exact.slots == 0


# -- the list's placeholder ---------------------------------------------------------------
DASHED = Template.compile(
    "| [{title}]({link}) | {venue} | {links} |{?{note}?}", Style(empty="-", separator=" ")
)


def test_a_placeholder_reads_as_no_value_and_is_written_for_none() -> None:
    entry = DASHED.read("| [A](https://a.org) | - | - |")
    assert entry is not None
    assert entry.fields == {"title": "A"} and entry.links == (("Paper", "https://a.org"),)
    assert DASHED.render(Entry({"title": "B"}, (), (("Paper", "https://b.org"),))) == (
        "| [B](https://b.org) | - | - |"
    )


def test_a_value_is_still_a_value_and_an_optional_part_writes_no_placeholder() -> None:
    entry = DASHED.read("| [A](https://a.org) | CVPR | [code](https://c.org) |")
    assert entry is not None and entry.fields["venue"] == "CVPR"
    assert len(entry.links) == 2 and "note" not in entry.fields
    written = DASHED.render(entry)
    assert written == "| [A](https://a.org) | CVPR | [code](https://c.org) |"


def test_the_title_is_never_a_placeholder() -> None:
    assert DASHED.render(Entry({}, (), (("Paper", "https://a.org"),))) is None
    entry = DASHED.read("| [-](https://a.org) | - | - |")
    assert entry is not None and entry.fields["title"] == "-"


_ROW_TEXT = "| {abbr} | {title} | {venue} | {note} | {links} |"


@pytest.mark.parametrize("spacing", [False, True], ids=["exact", "spacing-varies"])
@pytest.mark.parametrize(
    "text",
    [
        "| " + "a | " * 4_900 + "x",  # cells the fields could trade: 4 fields, ~5,000 pipes
        "|" + " " * 19_000 + "|",  # white space a slot and a field could share
        "| " + "\\| " * 6_000,  # escaped pipes are a cell's own text
    ],
    ids=["pipes", "spaces", "escaped"],
)
def test_a_hostile_row_costs_one_pass(text: str, spacing: bool) -> None:
    # Before a row's fields stopped at its pipes, and before a field left the white space
    # at its edges to the slots beside it, each of these took minutes (polynomial
    # backtracking); this test would stall the suite rather than pass.
    assert len(text) <= MAX_ENTRY
    row = Template.compile(_ROW_TEXT, Style(spacing=spacing))
    assert row.read(text) is None


def test_a_hostile_block_of_white_space_costs_one_pass() -> None:
    block = Template.compile(
        "### {number}. {title}\n**Authors**: {authors}\n<details>\n{abstract}</details>\n\n  {links}",
        Style(separator=" | ", spacing=True),
    )
    head = "### 1. a\n**Authors**: b\n<details>\n"
    assert block.read(head + " \n" * 9_000) is None
    assert block.read("- [a](u), " + " " * 19_000 + "x") is None
    good = head + "An abstract.\n</details>\n\n   [x](https://x.org)"
    entry = block.read(good)
    assert entry is not None and entry.fields["abstract"] == "An abstract.\n"
