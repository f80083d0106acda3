"""The fast reader is an optimisation only: whatever it accepts, it reads exactly as
ruamel.yaml does (same values, same kinds, same positions); everything else it declines."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readme_gen.catalog import fastyaml
from readme_gen.catalog.emit import dump_catalog
from readme_gen.catalog.yamltree import compose
from readme_gen.errors import CatalogError
from tests.conftest import REPO
from tests.strategies import TEXT, catalogs


def test_the_real_catalog_takes_the_fast_path_and_matches_ruamel():
    text = (REPO / "catalog.yaml").read_text(encoding="utf-8")
    fast = fastyaml.parse(text)
    assert fast is not None
    assert fast == compose(text, "catalog.yaml")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_canonical_yaml_is_always_read_fast_and_identically(catalog):
    text = dump_catalog(catalog)
    fast = fastyaml.parse(text)
    assert fast is not None, text
    assert fast == compose(text, "c.yaml")


# Hand-written YAML in many shapes: the fast reader either declines or agrees with ruamel.
SNIPPETS = [
    "a: [x, \"y, z\", 'q''s'] # comment\nb: 1\n",
    'a:\n- x\n- y\nb: "q\\u00e9\\n\\x41\\U0001F600"\n',
    "k:\n  - t: 1\n    u: [ ]\n",
    "a: b: c\n",
    "a: x\n  continued\n",
    "a: 1.5\n",
    "a: 0x1F\n",
    "a: 012\n",
    "a: yes\n",
    "a: true\n",
    "a: null\n",
    "a: ~\n",
    "a:\n",
    "a: 2024-01-01\n",
    "a: '2024'\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "a: |\n  block\n",
    "a: >\n  folded\n",
    "a: {b: 1}\n",
    "a: [b, [c]]\n",
    "a: [b,]\n",
    "a: 1\na: 2\n",
    "- a\n- b\n",
    "a:\n  - b: 1\n    c: 2\n  - d\n",
    "a: x # c\n# full\n\nb: 'y' # c\n",
    "a: x#notcomment\n",
    'a: "x"y\n',
    '"quoted key": 1\n',
    "a b: c\n",
    "a:  spaced  \n",
    "a:\n    - b\n    - c\n",
    "a:\n  b:\n    c: d\n  e: f\n",
    "---\na: 1\n",
    "a: 1\n...\n",
    "a:\tb\n",
    "a: b\r\nc: d\r\n",
    'a: "unterminated\n',
    "a: 'it''s'\n",
    "a: -x\n",
    "a: [\"x\" , 'y' ]\n",
    "a: [x y, z]\n",
    "a: [x:y]\n",
    "a: @x\n",
    "a: `x`\n",
    "   a: 1\n",
    "a: 1\n  b: 2\n",
    "a:\n- b: 1\n  c: 2\n",
    'a: "\\q"\n',
    "? a\n: b\n",
    # Whole numbers: only plain decimal digits are read as a number; ruamel.yaml reads
    # every other spelling as one too, and both keep it as written (validation refuses it).
    "a: 2024\n",
    "a: 0\n",
    "a: 00\n",
    "a: 02024\n",
    "a: 03751\n",
    "a: 0o3751\n",
    "a: 0x7E9\n",
    "a: 0b101\n",
    "a: 2_024\n",
    "a: +2024\n",
    "a: -2024\n",
    "a: 123456789012345678\n",
    "a: 1234567890123456789\n",
    "a: " + "9" * 5000 + "\n",
    "a: [02024, 2024, +1, 0x1]\n",
    "- 0o17\n- 017\n",
    "a: -_\n",
    "a: +\n",
    "a: 0b\n",
    "a: 0x\n",
    "a: 0o\n",
    "a: 0b12\n",
    "a: 08\n",
    "a: 0o8\n",
    "a: 1_000.5\n",
    "a: 1e5\n",
    "a: 0x1e5\n",
    "a: [-_, _1, 1_]\n",
]


@pytest.mark.parametrize("text", SNIPPETS)
def test_hand_written_yaml_is_read_fast_only_when_identical(text):
    fast = fastyaml.parse(text)
    try:
        slow = compose(text, "x.yaml")
    except CatalogError:
        assert fast is None
        return
    assert fast is None or fast == slow


@pytest.mark.parametrize("text", SNIPPETS)
def test_crlf_line_ends_read_as_lf_ones(text):
    crlf = text.replace("\n", "\r\n")
    fast = fastyaml.parse(crlf)
    try:
        slow = compose(crlf, "x.yaml")
    except CatalogError:
        assert fast is None
        return
    assert fast == fastyaml.parse(text) or "\r" in text  # (CR CR LF: a lone CR)
    assert fast is None or fast == slow


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_a_crlf_catalog_is_read_fast_and_identically(catalog):
    text = dump_catalog(catalog).replace("\n", "\r\n")
    fast = fastyaml.parse(text)
    assert fast is not None
    assert fast == compose(text, "c.yaml")


@pytest.mark.parametrize("text", ["a: 1\rb: 2\n", "a: 1\nb: 2\r", "a: 'x\r\n  y'\r\n"])
def test_a_lone_cr_is_left_to_ruamel(text):
    assert fastyaml.parse(text) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c d", '"e"']), TEXT), min_size=1, max_size=4))
def test_arbitrary_scalars_in_any_style(pairs):
    for key, value in pairs:
        for line in (f"{key}: {value}\n", f"{key}: [{value}]\n", f"- {key}: {value}\n"):
            fast = fastyaml.parse(line)
            if fast is None:
                continue
            assert fast == compose(line, "x.yaml"), line


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2024", 2024),
        ("0", 0),
        ("02024", "02024"),
        ("03751", "03751"),
        ("0x7E9", "0x7E9"),
        ("0o3751", "0o3751"),
        ("2_024", "2_024"),
        ("+2024", "+2024"),
        ("-2024", "-2024"),
        ("1" * 19, "1" * 19),
    ],
)
def test_a_whole_number_not_in_plain_digits_keeps_its_text(written, value):
    for text in (f"a: {written}\n", f"a: [{written}]\n"):
        tree = compose(text, "x.yaml")
        node = tree.items["a"]
        scalar = node.items[0] if hasattr(node, "items") and isinstance(node.items, list) else node
        assert (scalar.kind, scalar.value) == ("int", value)
        fast = fastyaml.parse(text)
        assert fast is None or fast == tree
        # Every spelling stays on the fast path (an error costs no reparse), but a leading
        # `-` (a block indicator) that the fast reader leaves to ruamel.yaml.
        assert fast == tree or written.startswith("-")
