"""One test per class of bad input: the message, its line and column, exit code 2, and no
file changed (README.md and catalog.yaml byte for byte, no stray files)."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.catalogs import VALID_CATALOG
from tests.support.files import snapshot
from tests.support.paths import REPO


def bad(old: str, new: str) -> str:
    assert old in VALID_CATALOG
    return VALID_CATALOG.replace(old, new, 1)


CASES = [
    # (id, catalog text, expected "line:col: message" fragments)
    (
        "yaml-syntax",
        bad("[Ann Author, Bob Author]", "[Ann Author, Bob Author"),
        ["9:14: invalid YAML: expected ',' or ']'"],
    ),
    (
        "duplicate-key",
        bad("        venue: CVPR\n", "        venue: CVPR\n        venue: ECCV\n"),
        ["10:9: duplicate key `venue` (first at line 9)"],
    ),
    (
        "missing-field",
        bad("        venue: CVPR\n", ""),
        ["7:9: a paper has no `venue` (expected a `venue:` entry)"],
    ),
    (
        "missing-field-an",
        bad("        authors: [Ann Author, Bob Author]\n", ""),
        ["7:9: a paper has no `authors` (expected an `authors:` entry)"],
    ),
    (
        "mistyped-year",
        bad("year: 2024", 'year: "2024"'),
        ["10:15: year must be a whole number, got the text `2024`"],
    ),
    (
        "mistyped-title",
        bad('title: "A paper"', "title: 1984"),
        ['7:16: the title must be text, got a number (`1984`); quote it: "1984"'],
    ),
    (
        "mistyped-authors",
        bad("[Ann Author, Bob Author]", "Ann Author"),
        ["8:18: authors must be a list, got the text `Ann Author`"],
    ),
    (
        "unknown-key",
        bad("authors:", "autors:"),
        [
            "8:9: unknown key `autors` in a paper; did you mean `authors`?",
            "7:9: a paper has no `authors`",
        ],
    ),
    ("empty-string", bad('title: "A paper"', 'title: ""'), ["7:16: the title is empty"]),
    ("blank-author", bad("Bob Author]", '"  "]'), ["8:31: an author is empty"]),
    (
        "year-too-old",
        bad("year: 2024", "year: 1899"),
        ["10:15: year 1899 is out of range (expected a year from 1900 to"],
    ),
    ("year-future", bad("year: 2024", "year: 2999"), ["10:15: year 2999 is out of range"]),
    (
        "url-javascript",
        bad("https://example.org/a", "javascript:alert(1)"),
        ["12:18: the `Paper` link `javascript:alert(1)` is not an http(s) URL"],
    ),
    (
        "url-file",
        bad("https://example.org/a", "file:///etc/passwd"),
        ["12:18: the `Paper` link `file:///etc/passwd` is not an http(s) URL"],
    ),
    (
        "url-relative",
        bad("https://example.org/a", "papers/a.pdf"),
        ["12:18: the `Paper` link `papers/a.pdf` is not an http(s) URL"],
    ),
    ("url-no-host", bad("https://example.org/a", "https:///a"), ["12:18: the `Paper` link"]),
    (
        "url-empty-label",
        bad("https://example.org/a", "https://a..b/x"),
        [
            "12:18: the `Paper` link `https://a..b/x` cannot be fetched: the host is not a valid "
            "domain name (a label is empty or over 63 octets)"
        ],
    ),
    (
        "url-long-label",
        bad("https://example.org/a", f"https://{'a' * 64}.org/x"),
        ["12:18: the `Paper` link `https://aaaa"],
    ),
    (
        "url-space",
        bad("https://example.org/a", '"https://example.org/a b"'),
        ["12:18: the `Paper` link `https://example.org/a b` contains a space"],
    ),
    (
        "newline",
        bad('title: "A paper"', 'title: "A\\npaper"'),
        ["7:16: the title contains a line break (expected text on one line)"],
    ),
    (
        "control-char",
        bad('title: "A paper"', 'title: "A\\x07paper"'),
        ["7:16: the title contains the control character U+0007"],
    ),
    (
        "anchor-alias",
        bad("venue: CVPR", "venue: &v CVPR").replace("year: 2024", "year: *v"),
        ["9:16: YAML anchor `&v` is not allowed", "10:15: YAML alias `*v` is not allowed"],
    ),
    (
        "tag",
        bad("venue: CVPR", "venue: !!python/object:os.system CVPR"),
        ["9:16: YAML tag `!!python/object:os.system` is not supported"],
    ),
    ("root-not-mapping", "- just\n- a list\n", ["1:1: the catalog must be a mapping, got a list"]),
    (
        "section-not-list",
        bad("    papers:\n", "    papers: none\n").split("      - title")[0],
        ["6:13: papers must be a list"],
    ),
    (
        "bad-section-id",
        bad("id: one", "id: Section One"),
        ["4:9: section id `Section One` is not a simple name"],
    ),
    (
        "empty-links",
        bad("        links:\n          Paper: https://example.org/a\n", "        links: {}\n"),
        ["11:16: links is empty"],
    ),
    ("second-document", VALID_CATALOG + "---\ntitle: again\n", ["13:1: a second YAML document"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_catalog_is_reported_located_and_nothing_changes(cli, tmp_path, text, expected):
    (tmp_path / "catalog.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "README.md").write_text("the old README\n", encoding="utf-8")
    before = snapshot(tmp_path)

    result = cli("build")

    assert result.code == 2
    for fragment in expected:
        assert f"catalog.yaml:{fragment}" in result.err, result.err
    assert "Traceback" not in result.err
    assert "nothing was written" in result.err
    assert snapshot(tmp_path) == before


def test_every_problem_is_reported_at_once_in_file_order(cli, tmp_path):
    text = (
        VALID_CATALOG.replace("authors:", "autors:")
        .replace("year: 2024", "year: 3000")
        .replace("https://example.org/a", "ftp://example.org/a")
    )
    (tmp_path / "catalog.yaml").write_text(text, encoding="utf-8")
    result = cli("lint")
    lines = [line for line in result.err.splitlines() if line.startswith("catalog.yaml:")]
    assert [line.split(":")[1] for line in lines] == ["7", "8", "10", "12"]
    assert result.code == 2


def test_not_utf8_is_located_at_the_bad_byte(cli, tmp_path):
    data = VALID_CATALOG.encode().replace(b"Bob Author", b"Bob Aut\xf6r")
    (tmp_path / "catalog.yaml").write_bytes(data)
    result = cli("build")
    assert result.code == 2
    assert "catalog.yaml:8:38: byte 0xf6 is not UTF-8 (expected UTF-8 text)" in result.err
    assert not (tmp_path / "README.md").exists()


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_catalog(cli, tmp_path, text):
    (tmp_path / "catalog.yaml").write_text(text, encoding="utf-8")
    result = cli("build")
    assert result.code == 2
    assert "catalog.yaml:1:1: the catalog is empty" in result.err
    assert not (tmp_path / "README.md").exists()


def test_alias_bomb_is_rejected_without_expanding(cli, tmp_path):
    # The "billion laughs": expanded, 9 levels of 10 aliases would be 10**9 strings.
    lines = ['a0: &a0 "lol"']
    for n in range(1, 10):
        refs = ", ".join([f"*a{n - 1}"] * 10)
        lines.append(f"a{n}: &a{n} [{refs}]")
    (tmp_path / "catalog.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = cli("build")
    assert result.code == 2
    assert "catalog.yaml:1:5: YAML anchor `&a0` is not allowed" in result.err
    assert "catalog.yaml:2:10: YAML alias `*a0` is not allowed" in result.err
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    assert grown_kib < 200_000


def test_missing_catalog_is_a_usage_error(cli, tmp_path):
    result = cli("build", "--catalog", "nope.yaml")
    assert result.code == 2
    assert result.err.strip() == "readme-gen: error: cannot read nope.yaml: no such file"


def test_malformed_pyproject_is_located(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.readme-gen]\noutput = \n", encoding="utf-8")
    result = cli("build")
    assert result.code == 2
    assert "pyproject.toml:2:" in result.err and "invalid TOML" in result.err
    assert not (tmp_path / "README.md").exists()


def test_next_year_is_allowed_and_uses_the_clock(tmp_path):
    import datetime as dt

    from readme_gen.catalog.load import parse_catalog
    from readme_gen.errors import CatalogError

    text = bad("year: 2024", "year: 2031")
    catalog = parse_catalog(text, "c.yaml", tmp_path, today=dt.date(2030, 6, 1))
    assert catalog.sections[0].papers[0].year == 2031
    with pytest.raises(CatalogError, match="year 2031 is out of range"):
        parse_catalog(text, "c.yaml", tmp_path, today=dt.date(2029, 6, 1))


def test_appendix_file_problems_are_located(cli, tmp_path):
    text = VALID_CATALOG + "appendices:\n  - title: Guide\n    file: ../outside.md\n"
    (tmp_path / "catalog.yaml").write_text(text, encoding="utf-8")
    result = cli("build")
    assert "catalog.yaml:15:11: appendix file `../outside.md` is outside" in result.err
    (tmp_path / "catalog.yaml").write_text(text.replace("../outside.md", "guide.md"), "utf-8")
    result = cli("build")
    assert "catalog.yaml:15:11: cannot read appendix file `guide.md`" in result.err
    assert result.code == 2


def test_unwritable_output_is_a_clear_error(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    result = cli("build", "--output", str(Path("no-such-dir") / "README.md"))
    assert result.code == 2
    assert result.err.startswith("readme-gen: error: cannot write no-such-dir/README.md")


_URL_CHARS = "abcXYZ019-._~:/?#[]@!$&'()*+,;=%"


@given(
    st.sampled_from(["http", "https", "HTTP", "ftp"]),
    st.text(alphabet="abz09.-:", max_size=12),
    st.text(alphabet=_URL_CHARS, max_size=16),
)
def test_the_quick_url_check_agrees_with_the_general_one(scheme, authority, rest):
    """Most URLs are accepted by a regular expression without urllib's parser; it must never
    accept what the general rules refuse."""
    from urllib.parse import urlsplit

    from readme_gen.catalog.validate import _SIMPLE_URL

    url = f"{scheme}://{authority}{rest}"
    simple = _SIMPLE_URL.match(url)
    if not simple or (simple.group(1) and int(simple.group(1)) > 65535):
        return
    parts = urlsplit(url)
    assert parts.scheme in ("http", "https") and url.startswith(parts.scheme)
    assert parts.hostname
    assert parts.port is None or 0 <= parts.port <= 65535


def test_a_url_with_a_port_is_accepted_and_an_impossible_port_refused(tmp_path):
    from readme_gen.catalog.load import parse_catalog
    from readme_gen.errors import CatalogError

    text = VALID_CATALOG.replace("https://", "https://example.org:8443/x?u=", 1)
    catalog = parse_catalog(text, "catalog.yaml", tmp_path)
    assert any(":8443/" in link.url for _, p in catalog.papers() for link in p.links)
    for port in ("99999", "123456"):
        text = VALID_CATALOG.replace("https://", f"https://example.org:{port}/x?u=", 1)
        with pytest.raises(CatalogError, match="is not a valid URL: Port out of range"):
            parse_catalog(text, "catalog.yaml", tmp_path)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("02024", "year `02024` is not written in plain decimal digits"),
        ("03751", "year `03751` is not written in plain decimal digits"),
        ("0x7E9", "year `0x7E9` is not written in plain decimal digits"),
        ("0o3751", "year `0o3751` is not written in plain decimal digits"),
        ("2_024", "year `2_024` is not written in plain decimal digits"),
        ("+2024", "year `+2024` is not written in plain decimal digits"),
        ("-2024", "year `-2024` is not written in plain decimal digits"),
        ("1899", "year 1899 is out of range"),
        ("9" * 30, "year 999999999999999999999999999999 is out of range"),
        ("9" * 500, "is out of range"),
    ],
)
def test_a_year_is_plain_decimal_digits_in_range(cli, tmp_path, written, message):
    (tmp_path / "catalog.yaml").write_text(bad("year: 2024", f"year: {written}"), "utf-8")
    result = cli("build")
    assert result.code == 2
    assert result.err.startswith("catalog.yaml:10:15: year ")
    assert message in result.err
    assert "(expected a year from 1900 to " in result.err
    if "plain" in message:
        assert "digits only: no sign, leading 0, `_` or 0x/0o)" in result.err
    assert len(result.err) < 400


@given(
    st.sampled_from(["http", "https", "HTTP"]),
    st.builds(
        lambda labels, port: ".".join(labels) + port,
        st.lists(st.text(alphabet="abz09-é", max_size=66), min_size=1, max_size=4),
        st.sampled_from(["", ":80", ":99999", ":"]),
    ),
    st.text(alphabet=_URL_CHARS, max_size=16),
)
def test_the_validator_accepts_only_what_the_wire_can_fetch(scheme, authority, rest):
    """One URL rule: a link the catalog accepts is one `links` can fetch; one the wire would
    refuse (`readme_gen.fetchable`) never passes `build` and `lint`."""
    import json

    from readme_gen import fetchable
    from readme_gen.catalog.load import parse_catalog
    from readme_gen.errors import CatalogError

    url = f"{scheme}://{authority}{rest}"
    text = VALID_CATALOG.replace("https://example.org/a", json.dumps(url), 1)
    assert text != VALID_CATALOG
    try:
        parse_catalog(text, "catalog.yaml", Path())  # reads no file: a URL, no path
    except CatalogError:
        return
    assert fetchable.problem(url) is None, url


SPACED = (REPO / "tests/fixtures/catalogs/valid/adopted-spacing.yaml").read_text(encoding="utf-8")
SPACING = '        spacing: {"1": "", "6": "  ", "7": " "}\n'


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    spacing: varies\n",
            "    spacing: exact\n",
            "22:18: spacing: the section's form keeps",
        ),
        (
            "    spacing: varies\n",
            "    spacing: loose\n",
            "6:14: form spacing `loose` is not known",
        ),
        (SPACING, '        spacing: {"9": " "}\n', "22:18: spacing slot 9: the template has 8"),
        (SPACING, '        spacing: {"x": " "}\n', "22:19: spacing slot `x` is no number"),
        (SPACING, '        spacing: {"1": "<b>"}\n', "22:24: spacing must be spaces, tabs"),
        (SPACING, "        spacing: [1]\n", "22:18: spacing must be a mapping"),
        (
            "    spacing: varies\n",
            '    spacing: varies\n    empty: "\\n"\n',
            "7:12: the form's `empty`",
        ),
    ],
)
def test_an_entry_s_white_space_and_the_placeholder_are_checked(cli, tmp_path, old, new, expected):
    assert old in SPACED
    (tmp_path / "catalog.yaml").write_text(SPACED.replace(old, new, 1), encoding="utf-8")
    (tmp_path / "README.md").write_text("the old README\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = cli("build")
    assert result.code == 2
    assert f"catalog.yaml:{expected}" in result.err, result.err
    assert "Traceback" not in result.err and snapshot(tmp_path) == before
