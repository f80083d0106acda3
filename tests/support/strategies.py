"""Hypothesis strategies for valid catalogs over arbitrary Unicode text."""

from __future__ import annotations

from hypothesis import strategies as st

from readme_gen.catalog.model import Catalog, Link, NewsItem, Paper, Section, display_order

# Every character a one-line field may hold (no line breaks, no other control characters,
# no lone surrogates), with Markdown/HTML/YAML metacharacters made frequent.
_SPECIAL = st.sampled_from(
    [
        *list("|<>&*_[]`#\\,;:-+!~$=()'\" \t@"),
        *["<br>", "&amp;", "1.", "\xa0", "<!---->", "www.", "WWW.", "http://", "a@b.co"],
    ]
)
_ANY = st.characters(
    codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), include_characters="\t"
)
TEXT = (
    st.lists(st.one_of(_ANY, _SPECIAL), min_size=1, max_size=12)
    .map("".join)
    .filter(lambda s: bool(s.strip()))
)
_URL_CHARS = st.sampled_from([*list("abcXYZ019-._~!$&'()*+,;=:@/?#%[]|\\^{}`"), "é", "ü"])
URL = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}/{path}",
    st.sampled_from(["http", "https"]),
    st.sampled_from(
        ["example.org", "arxiv.org", "x-y.co.uk", "openaccess.thecvf.com", "127.0.0.1"]
    ),
    st.lists(_URL_CHARS, max_size=20).map("".join),
)
LINKS = st.lists(st.tuples(TEXT, URL), min_size=1, max_size=3, unique_by=lambda t: t[0]).map(
    lambda items: tuple(Link(label, url) for label, url in items)
)
PAPER = st.builds(
    Paper,
    title=TEXT,
    authors=st.lists(TEXT, min_size=1, max_size=4).map(tuple),
    venue=TEXT,
    year=st.integers(1900, 2026),
    links=LINKS,
)


def _sections(draw: st.DrawFn) -> tuple[Section, ...]:
    count = draw(st.integers(0, 3))
    ids = draw(st.permutations(["recognition", "segmentation", "a-1", "b_2"]))[:count]
    return tuple(
        Section(ident, draw(TEXT), display_order(draw(st.lists(PAPER, max_size=4))))
        for ident in ids
    )


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    news = draw(st.lists(st.builds(NewsItem, date=TEXT, text=TEXT), max_size=2))
    return Catalog(draw(TEXT), draw(TEXT), tuple(news), _sections(draw))


# Text a hand-written README may hold anywhere: every line break CommonMark knows and those
# it does not (VT, FF, NEL, LS, PS), controls, a BOM, Markdown's own characters.
_README_SPECIAL = st.sampled_from(
    [
        *list("\n\r\t\x0b\x0c\x00\x1c\x85\u2028\u2029\ufeff|[]()*_`#-\\<> "),
        *["\r\n", "\n\n", "- ", "| a |", "](http://x.example/)", "## ", "<details>", "```"],
    ]
)
INSERTED = st.lists(
    st.one_of(_README_SPECIAL, st.characters(codec="utf-8", exclude_categories=("Cs",))),
    min_size=1,
    max_size=8,
).map("".join)
"""Arbitrary text to put into a README (anything UTF-8 can hold)."""
