"""Every catalog message is located (file:line:col), bounded in size, and the checks that
run before the YAML parsers refuse hostile input cheaply."""

from __future__ import annotations

from pathlib import Path

import pytest

from readme_gen.catalog.load import parse_catalog
from readme_gen.catalog.screen import MAX_LINE
from readme_gen.catalog.yamltree import MAX_DEPTH
from readme_gen.errors import CatalogError
from tests.support.catalogs import VALID_CATALOG
from tests.support.files import snapshot

TWO = VALID_CATALOG + (
    '      - title: "B paper"\n        authors: [Ann Author]\n        venue: ECCV\n'
    "        year: 2023\n        links:\n          Paper: https://example.org/b\n"
)


def problems(text: str) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        parse_catalog(text, "catalog.yaml", Path())
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x00", "control character U+0000 (NUL)"),
        ("\x01", "control character U+0001"),
        ("\x1b", "control character U+001B (ESC)"),
        ("\x7f", "control character U+007F (DEL)"),
        ("\x80", "control character U+0080"),
        ("\x9b", "control character U+009B"),
        ("\x0b", "control character U+000B (VT)"),
        ("\x0c", "control character U+000C (FF)"),
        ("\x85", "line break U+0085 (NEL)"),
        ("\u2028", "line break U+2028 (LINE SEPARATOR)"),
        ("\ufffe", "character U+FFFE"),
    ],
)
@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("venue: CVPR", "venue: CV{}PR", "9:18"),
        ('"A paper"', '"A {}paper"', "7:19"),
        ("[Ann Author,", "[Ann {}Author,", "8:23"),
        ("Papers about tests.", "Papers # a {}comment", "2:25"),
    ],
)
def test_a_refused_character_is_located_wherever_it_is(char, name, old, new, where):
    found = problems(VALID_CATALOG.replace(old, new.format(char)))
    assert found == [
        f"catalog.yaml:{where}: the {name} is not allowed in a catalog "
        "(expected printable text; remove it or retype the line)"
    ]


def test_every_refused_character_is_listed(cli, tmp_path):
    text = VALID_CATALOG.replace("CVPR", "C\x1bV\x00PR").replace("Test list", "Test\x7f list")
    (tmp_path / "catalog.yaml").write_text(text, encoding="utf-8")
    before = snapshot(tmp_path)
    result = cli("build")
    assert result.code == 2
    assert [line.split(": the")[0] for line in result.err.splitlines()[:3]] == [
        "catalog.yaml:1:12",
        "catalog.yaml:9:17",
        "catalog.yaml:9:19",
    ]
    assert snapshot(tmp_path) == before


def test_an_unclosed_quote_is_named_where_it_opens():
    at_the_end = problems(VALID_CATALOG.replace('"A paper"', '"A paper'))
    assert at_the_end == [
        "catalog.yaml:7:16: a quoted value starts here and is never closed "
        "(expected a closing quote)"
    ]
    found = problems(TWO.replace('"A paper"', '"A paper'))
    assert found == [
        "catalog.yaml:7:16: a quoted value starts here and is not closed on its line; YAML "
        "reads on to the next quote (expected a closing quote on that line)",
        "catalog.yaml:13:17: invalid YAML: expected a key, but found 'B paper\"', "
        "reading the block mapping that starts at line 7, column 9 (expected valid YAML)",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("[Ann Author, Bob Author]", "[Ann Author, Bob Author", "catalog.yaml:9:14: "),
        ("[Ann Author, Bob Author]", "[Ann Author, [Bob]", "catalog.yaml:9:"),
        ("[Ann Author, Bob Author]", "[Ann Author, Bob}", "catalog.yaml:8:34: "),
        ("Paper: https://example.org/a", "Paper: {a: [b}", "catalog.yaml:12:24: "),
    ],
)
def test_errors_in_flow_collections_name_both_ends(old, new, expected):
    found = problems(VALID_CATALOG.replace(old, new))
    assert found[0].startswith(expected)
    assert "that starts at line" in found[0]


# A syntax error after the hostile part: reported only if a parser read that far. The
# cost of refusing is benchmarked, not timed here: scripts/bench_build.py (hostile inputs).
LATER_SYNTAX_ERROR = "\nlater: [unclosed\n"


def test_a_huge_line_is_refused_before_parsing_and_not_echoed():
    """The screen refuses the line: no YAML parser reads the text (the syntax error after
    it goes unreported), and the message does not repeat the line."""
    text = VALID_CATALOG.replace('"A paper"', '"' + "x" * (MAX_LINE + 10) + '"')
    found = problems(text + LATER_SYNTAX_ERROR)
    assert problems(text) == found
    assert found == [
        f"catalog.yaml:7:1: line 7 is {MAX_LINE + 27:,} characters long "
        f"(expected at most {MAX_LINE:,} characters a line, one value per line)"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "a: " + "{b: " * 10_000 + "}" * 10_000 + "\n",
        "a:\n" + "".join(" " * (2 * n) + f"k{n}:\n" for n in range(1, 40)) + "   x: 1\n",
        "a:\n  " + "- " * 50 + "x\n",
        "a: [\n" + "[\n" * 100 + "]\n" * 101,
    ],
    ids=["flow-lists", "flow-maps", "block-maps", "compact-lists", "multi-line-flow"],
)
def test_deep_nesting_is_refused_before_parsing(text):
    """Refused where the 17th collection opens: the parse stops there, so a syntax error
    after the nesting is never reached (and the 10,000-deep rest never read)."""
    found = problems(text + LATER_SYNTAX_ERROR)
    assert problems(text) == found
    assert len(found) == 1
    assert f"collections nested more than {MAX_DEPTH} deep" in found[0]
    assert found[0].startswith("catalog.yaml:1:") or found[0].startswith("catalog.yaml:")


@pytest.mark.parametrize(
    "value",
    [
        '"[[[[[[[[[[[[[[[[[[[[[[[[[[["',
        "'{{{{{{{{{{{{{{{{{{{{{{{{{{'",
        "a [[[[[[[[[[[[[[[[[[[[[[[[[[[ title",
        '"x" # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
    ],
)
def test_brackets_in_text_and_comments_are_not_nesting(value):
    text = VALID_CATALOG.replace('"A paper"', value)
    catalog = parse_catalog(text, "catalog.yaml", Path())
    assert catalog.sections[0].papers[0].title in value


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        (
            '"A paper"',
            '"{}"',
            "7:16",
            "the title is 2,001 characters long (expected at most 2,000)",
        ),
        ("CVPR", "{}", "9:16", "the venue is 2,001 characters long"),
        ("Ann Author,", "{},", "8:19", "an author is 2,001 characters long"),
        ("https://example.org/a", "https://example.org/{}", "12:18", "is 8,193 characters long"),
        ("Papers about tests.", "{}", "2:14", "the description is 2,001"),
    ],
)
def test_an_oversized_value_is_refused_and_not_echoed(old, new, where, message):
    size = 8_193 if "example" in old else 2_001
    if "description" in message:
        size = 20_001
        message = "the description is 20,001 characters long (expected at most 20,000)"
    found = problems(
        VALID_CATALOG.replace(old, new.format("x" * (size - (20 if "example" in old else 0))))
    )
    assert len(found) == 1 and found[0].startswith(f"catalog.yaml:{where}: ")
    assert message in found[0]
    assert len(found[0]) < 200


def test_messages_quote_at_most_80_characters_of_a_value():
    long = "y" * 5_000
    for old, new in [
        ("year: 2024", f"year: {long}"),
        ("Paper: https://example.org/a", f"Paper: ftp://{long}"),
        ("id: one", f"id: One{long}"),
        ("venue: CVPR", f"venue: 1{'0' * 1_000}.5"),
        ("Paper:", f"{'P' * 2_500}:"),
    ]:
        found = problems(VALID_CATALOG.replace(old, new))
        assert all(len(p) < 300 for p in found), found
