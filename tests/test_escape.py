"""Both escapers (readme_gen/escape.py). The README's is exactly inverted by `unescape`,
for any text, and renders on GitHub as the text itself. The inert one: untrusted text
rendered by cmark-gfm shows literally and makes nothing; annotations keep their shape; the
terminal gets no control character; CSV no formula."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from readme_gen import escape
from readme_gen.position import Position
from tests.support.hostile import HOSTILE, HOSTILE_TEXT
from tests.support.markdown import render, shown
from tests.support.strategies import TEXT


def table(cell: str) -> str:
    return f"| Paper | Detail |\n| --- | --- |\n| {cell} | x |\n"


TABLE_TAGS = ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"]


# --- the README's escaper: invertible ----------------------------------------------------

# Each `extra` a caller passes (authors: `,;`; headings: `#`), and more punctuation.
EXTRA = st.sampled_from(["", ",;", "#", ",", "-.", "!\"'()"])
README_SAMPLES = [
    "www.x.org http://a.b/c mail@x.org",
    "  padded\t",
    "&amp; &#64; &lt;b&gt; <!----> \\*",
    "#1. - + = 2) \u00a0",
    "\udc00\ud800 \x00\x85\u2028",
]


@given(st.one_of(st.text(), HOSTILE_TEXT), EXTRA)
@example("".join(HOSTILE), ",;")
@example(" ".join(README_SAMPLES), "#")
def test_unescape_inverts_the_readme_escaper_for_any_text(text, extra):
    assert escape.unescape(escape.escape_text(text, extra=extra)) == text
    assert escape.unescape(escape.escape_block(text, extra=extra)) == text
    assert escape.unescape(escape.escape_heading(text)) == text


def test_the_readme_escaper_takes_only_ascii_punctuation_as_extra():
    with pytest.raises(ValueError, match="not ASCII punctuation"):
        escape.escape_text("x", extra="a")


@given(st.one_of(TEXT, st.sampled_from(HOSTILE).filter(lambda s: "\n" not in s)))
@example("See https://evil.example/x, www.evil.example or mail@evil.example")
@example(" ".join(README_SAMPLES[:4]))
def test_readme_text_renders_as_itself_and_makes_nothing(text):
    cell = escape.escape_text(text, extra=",;")
    out = render(table(cell))
    assert [t for t in out.tags if t != "!--"] == TABLE_TAGS  # `<!---->` before an `@`
    assert out.hrefs == []
    assert out.cells[0] == text.replace("\x00", "\ufffd")
    heading = render(f"## {escape.escape_heading(text)}\n")
    assert [t for t in heading.tags if t != "!--"] == ["h2"] and heading.hrefs == []


# --- the inert escaper --------------------------------------------------------------------


@given(HOSTILE_TEXT)
@example("".join(HOSTILE))
@example("a@b.co #1 www.x.co http://x.y :+1: @a/b GH-1")
def test_markdown_cell_is_literal_and_makes_nothing(text):
    out = render(table(escape.inert_markdown(text)))
    assert out.tags == TABLE_TAGS  # no element, link, image or raw HTML; the row unbroken
    assert out.hrefs == []
    assert shown(out.cells[0]) == shown(escape.terminal(text)).strip(" ")
    assert out.references() == []


@given(st.one_of(st.text(), HOSTILE_TEXT), st.one_of(st.none(), st.integers(1, 40)))
@example("- [x](http://t) @a #1", None)
@example("@" + "\u0301" * 5, 3)
@example("  \u3000 ", None)
def test_inert_text_makes_nothing_where_a_block_starts_nor_once_shortened(text, limit):
    # As a list item and as a paragraph of its own (the audit issue's lines), shortened:
    # only the elements of our own template, no link, and nothing GitHub would link.
    inert = escape.inert_markdown(text, limit=limit)
    assert limit is None or len(shown(inert.replace("\\", ""))) <= limit
    item, paragraph = render(f"- {inert}\n"), render(f"{inert}\n")
    assert item.tags == ["ul", "li"]
    assert paragraph.tags == (["p"] if inert else [])
    for out in (item, paragraph):
        assert out.hrefs == [] and out.references() == []


@given(st.text(), HOSTILE_TEXT)
@example("https://x.org/a", "".join(HOSTILE))
def test_a_link_of_ours_labelled_with_any_text_is_the_only_link(url, label):
    out = render(table(escape.inert_link(url, label)))
    safe = escape.safe_url(url)
    assert out.hrefs == ([] if safe is None else [safe])
    assert [t for t in out.tags if t != "a"] == TABLE_TAGS and out.references() == []


def test_the_cell_is_one_line_with_control_characters_visible():
    cell = escape.inert_markdown("a\nb\x1b[2Jc\u202ed\x00")
    assert "\n" not in cell and "\x1b" not in cell
    assert render(table(cell)).cells[0] == "a\\nb\\x1b[2Jc\\u202ed\\x00"


def test_a_long_text_is_shortened_before_escaping():
    cell = escape.inert_markdown("<" * 1000, limit=10)
    assert render(table(cell)).cells[0] == "<" * 9 + "…"


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://example.org/a_b%20c#f", "https://example.org/a_b%20c#f"),
        ("https://x.org/a>b<img src=x>", "https://x.org/a%3Eb%3Cimg%20src=x%3E"),
        ("https://x.org/a|b", "https://x.org/a%7Cb"),
        ("https://x.org/a\\b`c", "https://x.org/a%5Cb%60c"),
        ("https://x.org/\n@everyone", "https://x.org/%0A@everyone"),
        ("HTTP://x.org/é", "HTTP://x.org/%C3%A9"),
    ],
)
def test_a_link_of_ours_is_one_link_to_the_encoded_url(url, href):
    out = render(table(escape.inert_link(url)))
    assert out.tags == [*TABLE_TAGS[:-2], "td", "a", "td"]
    assert out.hrefs == [href]
    labelled = render(table(escape.inert_link(url, "archived <b>copies</b>")))
    assert labelled.hrefs == [href] and labelled.cells[0] == "archived <b>copies</b>"


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "//evil.example/x", "https://", "x"]
)
def test_anything_but_an_http_url_is_text(url):
    out = render(table(escape.inert_link(url)))
    assert out.hrefs == [] and out.tags == TABLE_TAGS
    assert shown(out.cells[0]) == url


@given(st.text())
def test_any_url_is_one_http_link_or_text(url):
    out = render(table(escape.inert_link(url)))
    assert out.tags.count("a") == len(out.hrefs) <= 1
    assert all(h.lower().startswith(("http://", "https://")) for h in out.hrefs)
    assert out.tags.count("tr") == 2  # the row is not broken


def _unescape_command(text: str) -> str:
    # @actions/toolkit's command parser, in reverse of escapeData / escapeProperty
    for code, char in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(code, char)
    return text


@given(st.text(), st.text(), st.text())
@example("50% :: done\r\n::error::x", "a,b:c.yaml", "RG1 x,y::z")
def test_an_annotation_keeps_its_shape(message, file, title):
    line = escape.annotation("error", message, file=file, at=Position(3, 4), title=title)
    assert "\n" not in line and "\r" not in line
    head, props, body = line.split("::", 2)
    assert head == "" and props.startswith("error ")
    pairs = [p.split("=", 1) for p in props.removeprefix("error ").split(",")]
    assert [k for k, _ in pairs] == ["file", "line", "col"] + (["title"] if title else [])
    values = {k: _unescape_command(v) for k, v in pairs}
    assert values["file"] == escape.terminal(file) and values["line"] == "3"
    assert values.get("title", "") == escape.terminal(title)
    assert _unescape_command(body) == escape.terminal(message)


CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@given(st.text())
def test_the_terminal_never_gets_a_control_character(text):
    out = escape.terminal(text)
    assert not CONTROL.search(out)
    assert CONTROL.sub("", text) == "".join(c for c in text if not CONTROL.match(c))
    if not CONTROL.search(text):
        assert out == text


def test_terminal_escapes():
    assert escape.terminal("a\x1b[31mb\x07\tc\n\u202e\x85\x7f") == (
        "a\\x1b[31mb\\x07\\tc\\n\\u202e\\x85\\x7f"
    )


@pytest.mark.parametrize(
    ("cell", "out"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\x00=1", "'\x00=1"),
        ("A title = 1", "A title = 1"),
        ("", ""),
    ],
)
def test_csv_cells_never_start_a_formula(cell, out):
    assert escape.csv_cell(cell) == out
