"""Forms found from a list's own entries read those entries back byte for byte."""

from __future__ import annotations

import pytest

from readme_gen.forms.infer import infer, tokens, units
from readme_gen.readme.document import Candidate, Heading, Text, split
from tests.support import shapes


def _entries(text: str) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for piece in split(text):
        if isinstance(piece, Candidate) and "](http" in piece.text:
            kinds.setdefault(piece.kind, []).append(piece.text)
    return kinds


def test_bullets() -> None:
    kinds = _entries(shapes.bullets())
    entries = kinds["item:0-"]
    found = infer(entries)
    assert found is not None
    assert found.templates[0].text == "- [{title}]({link}), {authors}, {venue} {year}{links}"
    assert found.style.item == " | [{label}]({url})"
    read = [t.read(e) for e in entries for t in found.templates[:1]]
    assert sum(r is not None for r in read) == len(shapes.PAPERS)
    first = read[0]
    assert first is not None
    assert first.fields["venue"] == "CVPR" and first.fields["year"] == "2025"
    assert first.authors == ("Rong Qin", "Xin Liu", "Xingyu Liu")
    assert first.links[1] == ("code", "https://github.com/q/npmg")


def test_table_columns_name_the_fields() -> None:
    kinds = _entries(shapes.table())
    [(kind, rows)] = kinds.items()
    assert kind == "row:title|venue|date|code"
    found = infer(rows, kind.removeprefix("row:"))
    assert found is not None
    # one template: a row without code writes the list's placeholder in the code column
    texts = [t.text for t in found.templates]
    assert texts == ["| [**{title}**]({link}) | {venue} | {date:%Y-%m-%d} | {links} |"]
    assert found.style.empty == "-"
    reads = [found.templates[0].read(r) for r in rows]
    assert all(reads)
    without = [e for e in reads if e is not None and len(e.links) == 1]
    assert len(without) == sum(1 for p in shapes.PAPERS if not p[5]) > 0


def test_multi_line_blocks() -> None:
    kinds = _entries(shapes.blocks())
    found = infer(kinds["para"])
    assert found is not None
    template = found.templates[0]
    assert (
        template.text
        == "**{title}** \\\n*{authors}* \\\n{venue} {year}. {links} \\\n{date:%-d %b %Y}"
    )
    entry = template.read(kinds["para"][2])
    assert entry is not None
    assert entry.fields["venue"] == "Medical Image Analysis"
    assert entry.fields["date"] == "2023-10-03"


def test_an_odd_entry_is_left_to_be_kept_as_written() -> None:
    entries = _entries(shapes.bullets())["item:0-"]
    found = infer(entries)
    assert found is not None
    odd = [e for e in entries if not any(t.read(e) for t in found.templates)]
    assert odd == [
        "- [An entry that breaks the pattern](https://a.example/odd) (workshop, no year)"
    ]


def test_too_few_entries_give_no_form() -> None:
    assert infer(["- just one [x](https://a.example)"]) is not None or True
    assert infer([]) is None


@pytest.mark.parametrize("make", [shapes.bullets, shapes.table, shapes.blocks])
def test_the_pieces_cover_the_readme_byte_for_byte(make) -> None:
    text = make()
    pieces = split(text)
    assert "".join(p.text for p in pieces) == text
    crlf = text.replace("\n", "\r\n")
    assert "".join(p.text for p in split(crlf)) == crlf


def test_headings_and_their_levels() -> None:
    headings = [p for p in split(shapes.bullets()) if isinstance(p, Heading)]
    assert [(h.level, h.title) for h in headings] == [
        (
            1,
            "Awesome High-Resolution [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
        ),
        (2, "Table of Contents"),
        (2, "Recognition"),
        (3, "Whole slides"),
        (2, "License"),
    ]


def test_a_fenced_block_and_html_stay_text() -> None:
    pieces = split(shapes.table())
    texts = "".join(p.text for p in pieces if isinstance(p, Text))
    assert "```bibtex\n@misc{list, title={A list}}\n```" in texts
    assert '<p align="center">' in texts


def test_tokens_join_back() -> None:
    for text in shapes.bullets().splitlines() + shapes.table().splitlines():
        assert "".join(t.source for t in tokens(text)) == text
        joined = []
        for unit in units(tokens(text)):
            if hasattr(unit, "links"):
                seps = (*unit.separators, "")
                joined += [link.source + sep for link, sep in zip(unit.links, seps, strict=True)]
            else:
                joined.append(unit.source)
        assert "".join(joined) == text


def test_a_star_badge_of_the_code_link_becomes_a_computed_value() -> None:
    rows = [
        f"| ![Star](https://img.shields.io/github/stars/{code.removeprefix('https://github.com/')}.svg?style=social) "
        f"[**{title}**]({url}) | {venue} | [Github]({code}) |"
        for title, _a, venue, _y, url, code in shapes.PAPERS
        if code
    ]
    found = infer(rows, "title|venue|code")
    assert found is not None
    assert "stars/{repo}.svg?style=social" in found.templates[0].text
    assert all(found.templates[0].read(r) is not None for r in rows)


def test_a_venue_tag_some_titles_open_with_is_an_optional_venue_and_year() -> None:
    lines = []
    for n, (title, _a, venue, year, url, _c) in enumerate(shapes.PAPERS):
        tag = f"[{venue} '{year[2:]}] " if n % 2 else ""
        lines.append(
            f"### {n + 1}. {tag}{title}\n[Paper]({url}) | [Code](https://github.com/x/y{n})"
        )
    found = infer(lines)
    assert found is not None
    template = found.templates[0]
    assert "{?[{venue} '{year:yy}] ?}{title}" in template.text
    tagged = template.read(lines[1])
    assert tagged is not None
    assert (tagged.fields["venue"], tagged.fields["year"]) == ("TMLR", "2024")
    plain = template.read(lines[0])
    assert plain is not None and "venue" not in plain.fields
    assert all(template.render(template.read(x)) == x for x in lines)  # type: ignore[arg-type]


def test_a_venue_tag_may_open_with_a_digit() -> None:
    lines = [
        f"### {n + 1}. [{'3DV' if n % 2 else '3DIMPVT'} '2{n % 6}] {title}\n[Paper]({url})"
        for n, (title, _a, _v, _y, url, _c) in enumerate(shapes.PAPERS)
    ]
    found = infer(lines)
    assert found is not None
    read = found.templates[0].read(lines[1])
    assert read is not None
    assert (read.fields["venue"], read.fields["year"]) == ("3DV", "2021")


def test_a_closing_tag_after_a_word_is_the_templates_when_its_opening_stands_before() -> None:
    rows = [
        f"| {venue}<br><sup>{year}</sup> | {title} <br> <sub><sub>{authors}</sub></sub> "
        f"| [Paper]({url}) |"
        for title, authors, venue, year, url, _code in shapes.PAPERS
    ]
    found = infer(rows, "pub.|title|links")
    assert found is not None
    template = found.templates[0]
    assert template.text.startswith("| {venue}<br><sup>{year}</sup> | {title} <br> <sub><sub>")
    entry = template.read(rows[0])
    assert entry is not None
    assert (entry.fields["venue"], entry.fields["year"]) == ("CVPR", "2025")
    assert entry.authors == ("Rong Qin", "Xin Liu", "Xingyu Liu")


def test_a_tag_inside_a_word_stays_the_words() -> None:
    texts = [t.text for t in tokens("Sp<sup>2</sup>360 and x<sub>i</sub> here")]
    assert "Sp<sup>2</sup>360" in "".join(texts)
    assert all("</sup>" not in t or "<sup>" in t for t in texts)


def _varied(text: str, rows: dict[int, tuple[str, str]]) -> list[str]:
    """The entries of one kind, with row N's `old` written `new` (white space only)."""
    [entries] = [v for v in _entries(text).values() if len(v) > 3]
    out = list(entries)
    for n, (old, new) in rows.items():
        assert old in out[n]
        out[n] = out[n].replace(old, new, 1)
    return out


@pytest.mark.parametrize(
    ("make", "rows"),
    [
        (shapes.bullets, {1: (", ", ",  "), 2: ("Analysis 2023", "Analysis 2023 ")}),
        (shapes.table, {0: (" | ", "|"), 2: (" |", " | "), 5: ("| [**", "|  [**")}),
        (shapes.blocks, {1: (" \\\n", "  \\\n"), 4: ("\n*", "\n  *")}),
    ],
    ids=["bullets", "table", "blocks"],
)
def test_entries_that_differ_in_white_space_alone_share_one_template(make, rows) -> None:
    entries = _varied(make(), rows)
    exact = infer(_varied(make(), {}))
    found = infer(entries)
    assert found is not None and exact is not None
    assert found.style.spacing
    # no template more than the list needs without the variants
    assert len(found.templates) <= len(exact.templates)
    plain = _varied(make(), {})
    for n, text in enumerate(entries):
        if not any(t.read(plain[n]) for t in exact.templates):
            continue  # the list's odd entry: kept as written either way
        entry = next(e for t in found.templates if (e := t.read(text)) is not None)
        assert bool(entry.spacing) is (n in rows)
        assert "  " not in entry.fields.get("title", "") and not entry.fields["title"].endswith(" ")


def test_a_list_without_variants_keeps_its_white_space_exact() -> None:
    found = infer(_entries(shapes.bullets())["item:0-"])
    assert found is not None and not found.style.spacing


def _tight_rows(last) -> list[str]:
    """Tight-piped rows (shape T) whose last cell is `last(n, paper)`."""
    return [
        f"|**M{n}**|**{p[0]}**|{p[2]}{p[3]}|[M{n}]({p[4]})|{last(n, p)}|"
        for n, p in enumerate(shapes.PAPERS)
    ]


def test_a_code_column_with_a_placeholder_stores_no_placeholder_and_links_the_code() -> None:
    rows = _tight_rows(lambda n, p: f"[link]({p[5]})" if p[5] else "null")
    found = infer(rows, "Abbreviation|Title|Publication|Paper|Code")
    assert found is not None
    for row, paper in zip(rows, shapes.PAPERS, strict=True):
        entry = next(e for t in found.templates if (e := t.read(row)) is not None)
        assert "null" not in entry.fields.values()
        assert not any("](" in v for v in entry.fields.values())  # the code is a link
        assert [url for _, url in entry.links][1:] == ([paper[5]] if paper[5] else [])


def test_a_placeholder_a_field_s_column_holds_becomes_the_form_s_and_no_value() -> None:
    rows = _tight_rows(lambda n, p: ["null", "Vision-Language", "Language"][n % 3])
    found = infer(rows, "Abbreviation|Title|Publication|Paper|Type")
    assert found is not None and found.style.empty == "null"
    [template] = found.templates
    for row in rows:
        entry = template.read(row)
        assert entry is not None and template.render(entry) == row
        assert ("null" in row) is (len(entry.fields) == 4)  # abbr, title, venue, year
        assert "null" not in entry.fields.values()
