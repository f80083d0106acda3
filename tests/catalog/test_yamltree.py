"""The one YAML reader (`yamltree.compose`, libyaml's events): the tree it builds, where
each node is, YAML 1.2's reading of plain scalars, what it refuses, how syntax errors are
worded; and PyYAML's pure-Python parser, used where libyaml is missing, gives the same tree."""

from __future__ import annotations

import sys

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readme_gen.catalog.emit import dump_catalog
from readme_gen.catalog.yamltree import MAX_DEPTH, Map, Node, Scalar, Seq, compose, plain_kind
from readme_gen.errors import CatalogError
from readme_gen.position import NOWHERE, Position
from tests.support.paths import REPO
from tests.support.strategies import TEXT, catalogs

FIXTURES = sorted((REPO / "tests" / "fixtures" / "catalogs").glob("*/*.yaml"))
CATALOGS = [REPO / "catalog.yaml", *FIXTURES]


def problems(text: str, **options: bool) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        compose(text, "x.yaml", **options)
    return [str(p) for p in caught.value.problems]


def nodes(node: Node, text_lines: list[str]) -> list[tuple[str, Node | str, str]]:
    """(kind, node or key, the source from its position on) of every node and key."""

    def source(line: int, column: int) -> str:
        return text_lines[line - 1][column - 1 :]

    out: list[tuple[str, Node | str, str]] = [("node", node, source(*node.position))]
    if isinstance(node, Map):
        for key, value in node.items.items():
            out.append(("key", key, source(*node.keys[key])))
            out.extend(nodes(value, text_lines))
    elif isinstance(node, Seq):
        for item in node.items:
            out.extend(nodes(item, text_lines))
    return out


def assert_positions(tree: Node, text: str) -> None:
    """Every node and key is where the text writes it."""
    lines = text.splitlines()
    for kind, node, src in nodes(tree, lines):
        if kind == "key":
            assert isinstance(node, str)
            assert src.startswith((node, '"', "'")), (node, src)
        elif isinstance(node, Map):
            first = next(iter(node.keys.values()), None)
            assert src.startswith("{") or first == node.position, src
        elif isinstance(node, Seq):
            assert src.startswith(("[", "-")), src
        elif node.kind == "null":
            assert not src.strip() or src.startswith(("~", "null", "#", " #")), src
        elif node.kind == "str" and src[:1] not in ("'", '"', "|", ">"):
            assert isinstance(node.value, str) and src.startswith(node.value.split()[0]), src
        elif node.kind != "str":
            assert src.lower().startswith(str(node.value).lower()), (node, src)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_every_node_of_the_catalogs_is_where_the_text_has_it(path):
    text = path.read_text(encoding="utf-8")
    tree = compose(text, path.name)
    assert_positions(tree, text)
    # CRLF line ends (which `add` and `fmt` keep) read as LF ones.
    assert compose(text.replace("\n", "\r\n"), path.name) == tree


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_the_pure_python_parser_gives_the_same_tree(path):
    text = path.read_text(encoding="utf-8")
    assert repr(compose(text, path.name, pure=True)) == repr(compose(text, path.name))


def test_without_libyaml_the_pure_python_parser_reads(monkeypatch):
    text = (REPO / "catalog.yaml").read_text(encoding="utf-8")
    with_libyaml = compose(text, "catalog.yaml")
    monkeypatch.delattr(yaml, "CSafeLoader")
    assert repr(compose(text, "catalog.yaml")) == repr(with_libyaml)
    assert problems("a: [b\n")[0].startswith("x.yaml:2:1: invalid YAML: ")


def pure_or_none(text: str) -> Node | None:
    """PyYAML's pure-Python parser's tree, None where it refuses the text. Its scanner is
    YAML 1.1's where libyaml's is 1.2's: it refuses a few texts libyaml reads (a tab
    after `:`, `?` inside a plain value in `[...]`, `|#`); where both read a text, they
    must read it alike. The repository's catalog and the fixtures both must read."""
    try:
        return compose(text, "x.yaml", pure=True)
    except CatalogError:
        return None


def empty_values_unplaced(node: Node) -> Node:
    """The tree with every empty value's position cleared: inside `[...]` PyYAML's parser
    places one at the next token, libyaml right after its `:`."""
    if isinstance(node, Map):
        items = {k: empty_values_unplaced(v) for k, v in node.items.items()}
        return Map(items, node.keys, node.position)
    if isinstance(node, Seq):
        return Seq([empty_values_unplaced(v) for v in node.items], node.position)
    if node.kind == "null" and node.value is None:
        return Scalar(None, "null", NOWHERE)
    return node


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_canonical_yaml_reads_alike_in_both_parsers_and_in_place(catalog):
    text = dump_catalog(catalog)
    tree = compose(text, "c.yaml")
    pure = pure_or_none(text)
    assert pure is None or repr(pure) == repr(tree)
    assert_positions(tree, text)


def test_the_load_path_imports_no_ruamel():
    import subprocess

    code = (
        "import sys; from pathlib import Path; from readme_gen.catalog.load import load_catalog; "
        "load_catalog(Path('catalog.yaml')); "
        "assert not [m for m in sys.modules if m.startswith('ruamel')], 'ruamel imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)


# YAML 1.2's plain scalars (PyYAML's own resolver is YAML 1.1's: `no` is false there).
@pytest.mark.parametrize(
    ("written", "kind", "value"),
    [
        ("no", "str", "no"),
        ("on", "str", "on"),
        ("yes", "str", "yes"),
        ("Off", "str", "Off"),
        ("y", "str", "y"),
        ("true", "bool", True),
        ("FALSE", "bool", False),
        ("~", "null", None),
        ("null", "null", None),
        ("", "null", None),
        ("1.5", "float", 1.5),
        ("1e5", "float", 1e5),
        (".inf", "float", float("inf")),
        ("2024-01-01", "timestamp", "2024-01-01"),
        ("2024", "int", 2024),
        ("0", "int", 0),
        # Whole numbers not in plain digits keep their text, for validation to refuse.
        ("02024", "int", "02024"),
        ("03751", "int", "03751"),
        ("0x7E9", "int", "0x7E9"),
        ("0o3751", "int", "0o3751"),
        ("2_024", "int", "2_024"),
        ("+2024", "int", "+2024"),
        ("-2024", "int", "-2024"),
        ("1" * 19, "int", "1" * 19),
        ("9" * 5000, "int", "9" * 5000),
        # YAML 1.1 spellings that 1.2 reads as text.
        ("0b101x", "str", "0b101x"),
        ("1:20", "str", "1:20"),
        ("_1", "str", "_1"),
        ("=", "str", "="),
        ("<<", "str", "<<"),
    ],
)
def test_plain_scalars_are_read_by_yaml_1_2(written, kind, value):
    flow = [f"a: [{written}]\n"] if written else []  # (`[]` is an empty list)
    for text in (f"a: {written}\n", *flow, f"- {written}\n"):
        tree = compose(text, "x.yaml")
        node = tree.items["a"] if isinstance(tree, Map) else tree
        scalar = node.items[0] if isinstance(node, Seq) else node
        assert isinstance(scalar, Scalar)
        assert (scalar.kind, scalar.value) == (kind, value), text


@pytest.mark.parametrize("written", ["'2024'", '"no"', "'true'", '"~"', "''", '"1.5"'])
def test_quoted_scalars_are_text(written):
    tree = compose(f"a: {written}\nb: [{written}]\n", "x.yaml")
    assert isinstance(tree, Map)
    values = [tree.items["a"], *tree.items["b"].items]  # type: ignore[union-attr]
    assert [(v.kind, v.value) for v in values] == [("str", written[1:-1])] * 2  # type: ignore[union-attr]


_PLAIN = st.one_of(
    st.text(st.sampled_from("0123456789_-+.eExXoObB:aAfFiInNul~ TtZ/"), max_size=12),
    st.sampled_from([".inf", "-.Inf", ".NaN", ".nan", "2024-1-2 3:04:05.6 +1", "0x1F", "1e5"]),
)


@settings(max_examples=2000, deadline=None)
@given(_PLAIN)
def test_plain_kind_is_the_yaml_1_2_resolvers(text):
    """The same kinds as ruamel.yaml's YAML 1.2 resolver, which read the catalog before
    (its `merge` and `value` types aside: `<<` and `=` are text in YAML 1.2's core schema)."""
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver

    text = text.strip()
    tag = str(VersionedResolver(version=(1, 2)).resolve(ScalarNode, text, (True, False)))
    assert plain_kind(text) == tag.rsplit(":", 1)[1]


def test_every_duplicate_key_is_reported():
    assert problems("a: 1\nb: 2\na: 3\nc:\n  d: 1\n  d: 2\na: 4\n") == [
        "x.yaml:3:1: duplicate key `a` (first at line 1) (expected each key once)",
        "x.yaml:6:3: duplicate key `d` (first at line 5) (expected each key once)",
        "x.yaml:7:1: duplicate key `a` (first at line 1) (expected each key once)",
    ]


def test_anchors_and_aliases_are_refused_and_never_expanded():
    assert problems("a: &x [1, 2]\nb: *x\nc: &y {d: 1}\n") == [
        "x.yaml:1:4: YAML anchor `&x` is not allowed (expected plain values, no anchors)",
        "x.yaml:2:4: YAML alias `*x` is not allowed (expected the value written out)",
        "x.yaml:3:4: YAML anchor `&y` is not allowed (expected plain values, no anchors)",
    ]
    # An alias bomb costs nothing: nothing is expanded.
    bomb = "a: &a [x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}]\n" for p, c in zip("ab", "bc", strict=True)
    )
    assert len(problems(bomb)) == 7


def test_tags_other_than_yamls_own_are_refused():
    assert problems("a: !x 1\nb: !!python/tuple [1]\nc: !map {d: 1}\n") == [
        "x.yaml:1:4: YAML tag `!x` is not supported (expected plain values)",
        "x.yaml:2:4: YAML tag `!!python/tuple` is not supported (expected plain values)",
        "x.yaml:3:4: YAML tag `!map` is not supported (expected plain values)",
    ]
    tree = compose("a: !!str 1\nb: !!int '7'\n", "x.yaml")
    assert isinstance(tree, Map)
    assert [(n.kind, n.value) for n in tree.items.values()] == [("str", "1"), ("int", 7)]  # type: ignore[union-attr]
    assert problems("a: !!float x\n") == ["x.yaml:1:4: `x` is not a valid float (expected a float)"]


def test_keys_must_be_text_and_a_second_document_is_refused():
    assert problems("1: a\n[b]: c\n") == [
        "x.yaml:1:1: a mapping key must be text (expected a key such as `title:`)",
        "x.yaml:2:1: a mapping key must be text (expected a key such as `title:`)",
    ]
    assert problems("a: 1\n---\nb: 2\n") == [
        "x.yaml:2:1: a second YAML document (expected one document per catalog)"
    ]
    assert problems("# only a comment\n") == [
        "x.yaml:1:1: the file is empty (expected a catalog mapping)"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "a: " + "[" * 10_000 + "\n",  # never closed: refused before the error at the end
        "- " * 10_000 + "x\n",
    ],
)
def test_nesting_is_refused_where_it_goes_past_the_limit(text):
    found = problems(text)
    assert len(found) == 1 and f"collections nested more than {MAX_DEPTH} deep" in found[0]
    # The 16th `[` after the root mapping; the 17th `- `.
    column = 3 + MAX_DEPTH if text.startswith("a") else 2 * MAX_DEPTH + 1
    assert found[0].startswith(f"x.yaml:1:{column}: ")


def test_the_limit_itself_is_fine():
    compose("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n", "x.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: [b, c\nd: e\n",
            "x.yaml:2:2: invalid YAML: expected ',' or ']', but found ': e', reading the "
            "[...] list that starts at line 1, column 4 (expected valid YAML)",
        ),
        (
            "a: {b: [c}\n",
            "x.yaml:1:10: invalid YAML: expected ',' or ']', but found '}', reading the "
            "[...] list that starts at line 1, column 8 (expected valid YAML)",
        ),
        (
            'a:\n  b: "x"y\n',
            "x.yaml:2:9: invalid YAML: expected a key, but found 'y', reading the block "
            "mapping that starts at line 2, column 3 (expected valid YAML)",
        ),
        (
            "a:\n  - b\n  c: d\n",
            "x.yaml:3:3: invalid YAML: expected a `- ` list item, but found 'c: d', reading "
            "the block collection that starts at line 2, column 3 (expected valid YAML)",
        ),
        (
            "a: @x\n",
            "x.yaml:1:4: invalid YAML: found character '@' that cannot start any token "
            "(expected valid YAML)",
        ),
        (
            'a: "\\q"\n',
            "x.yaml:1:5: invalid YAML: found unknown escape character '\\q', reading the "
            "quoted value that starts at line 1, column 4 (expected valid YAML)",
        ),
        (
            "a: 1\n  b: 2\n",
            "x.yaml:2:4: invalid YAML: mapping values are not allowed in this context "
            "(expected valid YAML)",
        ),
        (
            "a: b\nc d\ne: f\n",
            "x.yaml:3:1: invalid YAML: expected ':', but found 'e: f', reading the key that "
            "starts at line 2, column 1 (expected valid YAML)",
        ),
        (
            "a: [b\n",
            "x.yaml:2:1: invalid YAML: expected ',' or ']', but found the end of the file, "
            "reading the [...] list that starts at line 1, column 4 (expected valid YAML)",
        ),
    ],
    ids=[
        "flow-list",
        "flow-in-flow",
        "after-quote",
        "list-item",
        "token",
        "escape",
        "indent",
        "key",
        "end",
    ],
)
def test_syntax_errors_say_what_was_expected_and_what_was_found(text, expected):
    assert problems(text) == [expected]
    assert problems(text.replace("\n", "\r\n")) == [expected]


def test_the_pure_python_parser_locates_errors_too():
    """Its own words (PyYAML's, as ruamel.yaml's were), at the same places."""
    for text in ("a: [b, c\nd: e\n", 'a:\n  b: "x"y\n', "a: @x\n", "a: 1\n  b: 2\n"):
        fast, pure = problems(text), problems(text, pure=True)
        assert [p.split(": invalid")[0] for p in fast] == [p.split(": invalid")[0] for p in pure]


def test_an_unclosed_quote_is_named_where_it_opens():
    assert problems('a: "b\nc: d\n') == [
        "x.yaml:1:4: a quoted value starts here and is never closed (expected a closing quote)"
    ]


def test_a_value_left_empty_is_placed_after_its_key():
    """Where the writer left it: on the key's line, not at the next key."""
    tree = compose("a:\nb: 1\n", "x.yaml")
    assert isinstance(tree, Map)
    assert tree.items["a"] == Scalar(None, "null", Position(1, 3))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b c", '"e"']), TEXT), min_size=1, max_size=4))
def test_arbitrary_scalars_read_alike_in_both_parsers(pairs):
    for key, value in pairs:
        for line in (f"{key}: {value}\n", f"{key}: [{value}]\n", f"- {key}: {value}\n"):
            try:
                fast = repr(empty_values_unplaced(compose(line, "x.yaml")))
            except CatalogError:
                continue
            pure = pure_or_none(line)
            assert pure is None or repr(empty_values_unplaced(pure)) == fast, line
