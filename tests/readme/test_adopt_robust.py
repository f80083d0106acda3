"""`init` and `import` on READMEs whose bytes are odd: every line end CommonMark knows (and
the characters `str.splitlines` breaks at, which it does not), controls, a BOM, nothing but
whitespace. Each README is adopted byte for byte or refused with a located exit 2 that
writes nothing: never exit 3, never a traceback."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readme_gen.catalog.emit import dump_catalog as real_dump
from readme_gen.catalog.load import parse_catalog
from readme_gen.readme.adopt import take
from readme_gen.readme.document import lines_of, split
from readme_gen.readme.parse import parse_readme
from readme_gen.readme.render import render
from tests.support import shapes
from tests.support.files import snapshot
from tests.support.golden import EXPECTED
from tests.support.strategies import INSERTED

LOCATED = re.compile(r"readme-gen: error: README\.md:\d+:\d+: ")
TITLE = "Efficient Classification"  # the start of a title in every shape


def _init(cli, folder: Path, text: str):
    (folder / "README.md").write_bytes(text.encode("utf-8"))
    before = snapshot(folder)
    result = cli("init", "--format", "json", cwd=folder)
    assert result.code in (0, 2), result.err
    assert "Traceback" not in result.err and "this is a bug" not in result.err
    if result.code == 0:
        assert json.loads(result.out)["identical"] is True
        assert cli("build", "--check", cwd=folder).code == 0
        assert cli("build", cwd=folder).code == 0
        assert (folder / "README.md").read_bytes() == text.encode("utf-8")
    else:
        assert LOCATED.search(result.err) or "README.md: no entries found" in result.err
        assert "nothing was written" in result.err
        assert snapshot(folder) == before
        assert json.loads(result.out)["identical"] is False
    return result


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("mixed CRLF and LF", shapes.bullets().replace("\n", "\r\n", 7)),
        ("LS in a title", shapes.bullets().replace(TITLE, "Efficient\u2028Classification")),
        ("PS in a title", shapes.table().replace(TITLE, "Efficient\u2029Classification")),
        ("NEL in a title", shapes.bullets().replace(TITLE, "Efficient\x85Classification")),
        ("VT in a title", shapes.blocks().replace(TITLE, "Efficient\x0bClassification")),
        ("FF in a title", shapes.bullets().replace(TITLE, "Efficient\x0cClassification")),
        ("a BOM", "\ufeff" + shapes.bullets()),
    ],
)
def test_odd_line_ends_and_separators_are_adopted_byte_for_byte(cli, tmp_path, name, text):
    result = _init(cli, tmp_path, text)
    assert result.code == 0, (name, result.err)


@pytest.mark.parametrize("make", [shapes.bullets, shapes.table, shapes.blocks])
def test_cr_only_line_ends_are_refused_located_not_a_bug(cli, tmp_path, make):
    """Entries are written with `\\n` or `\\r\\n`: a README ended by lone CRs is refused
    where the first run of entries ends, with what was expected."""
    result = _init(cli, tmp_path, make().replace("\n", "\r"))
    if result.code == 2:
        assert "lone CR" in result.err and "expected line ends" in result.err


def test_blocks_ended_in_two_ways_are_refused_naming_both(cli, tmp_path):
    """Blocks whose gaps end `\\r\\n` and whose last run ends `\\n`: the form writes one
    line end after a run, so this is refused where that run ends, naming a line of each."""
    result = _init(cli, tmp_path, shapes.blocks().replace("\n", "\r\n", 9))
    assert result.code == 2
    assert "ends with `\\n`, line 1 with `\\r\\n`; expected one line end" in result.err


def test_a_nul_is_refused_where_it_is(cli, tmp_path):
    text = shapes.bullets().replace(TITLE, "Efficient\x00Classification")
    result = _init(cli, tmp_path, text)
    line = next(n for n, ln in enumerate(text.split("\n"), start=1) if "\x00" in ln)
    assert result.code == 2
    assert f"README.md:{line}:{text.split(chr(10))[line - 1].index(chr(0)) + 1}: " in result.err
    assert "U+0000 cannot be kept in a catalog (expected printable text" in result.err


@pytest.mark.parametrize("text", ["", " \n\t\n  ", "\r\n\r\n", "\n"])
def test_a_readme_of_only_whitespace_has_no_entries(cli, tmp_path, text):
    result = _init(cli, tmp_path, text)
    assert result.code == 2 and "no entries found" in result.err


def test_lines_are_cut_where_commonmark_cuts_them():
    text = "a\nb\r\nc\rd\x0be\x0cf\x85g\u2028h\u2029i\x1cj"
    assert lines_of(text) == ["a\n", "b\r\n", "c\r", "d\x0be\x0cf\x85g\u2028h\u2029i\x1cj"]
    assert lines_of("") == [] and lines_of("\r\r\n") == ["\r", "\r\n"]
    # every piece starts at the line markdown-it gives it
    text = shapes.bullets().replace(TITLE, "Efficient\u2028Classification")
    pieces = split(text)
    entry = next(p for p in pieces if "\u2028" in p.text)
    assert entry.line == next(n for n, ln in enumerate(text.split("\n"), 1) if "\u2028" in ln)


def _skewed(*args, **kwargs):
    """dump_catalog with an emission bug: one title written otherwise than it is."""
    return real_dump(*args, **kwargs).replace("Task-Specific", "Task-Generic", 1)


@pytest.mark.parametrize("command", [("init",), ("import", "README.md")])
def test_what_would_not_build_back_is_refused_at_the_first_differing_line(
    cli, tmp_path, monkeypatch, command
):
    """The proof builds from the YAML exactly as it would be written: an emission bug
    (here made on purpose) is a refusal naming the line, not a wrong catalog."""
    monkeypatch.setattr("readme_gen.catalog.emit.dump_catalog", _skewed)
    text = shapes.bullets()
    (tmp_path / "README.md").write_bytes(text.encode("utf-8"))
    before = snapshot(tmp_path)
    result = cli(*command, "--format", "json", cwd=tmp_path)
    line = next(n for n, ln in enumerate(text.split("\n"), 1) if "Task-Specific" in ln)
    assert result.code == 2, result.err
    assert f"README.md:{line}:1: the catalog would not build this README back" in result.err
    assert "[Task-Generic Fine-Tuning" in result.err and "nothing was written" in result.err
    assert snapshot(tmp_path) == before
    summary = json.loads(result.out)
    assert summary["identical"] is False and summary["entries"] == len(shapes.PAPERS) + 1


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    shape=st.sampled_from([shapes.bullets, shapes.table, shapes.blocks]),
    where=st.floats(0, 1),
    inserted=INSERTED,
)
def test_any_text_inserted_is_adopted_byte_for_byte_or_refused_located(cli, shape, where, inserted):
    text = shape()
    at = int(where * len(text))
    with tempfile.TemporaryDirectory() as folder:
        _init(cli, Path(folder), text[:at] + inserted + text[at:])


@pytest.mark.parametrize("text", ["", " \n\t\n  ", "\r\n\r\n", "\n"])
def test_a_readme_of_only_whitespace_is_one_piece_of_text(text):
    assert "".join(p.text for p in split(text)) == text


ODD = "- Efficient: #1 of \"the\" \t'best' 𝔘𝔫𝔦 &amp; [x] {y} ? *z*  "


@pytest.mark.parametrize("make", [shapes.bullets, shapes.table, shapes.blocks])
def test_values_yaml_writes_oddly_are_proven_from_the_yaml(cli, tmp_path, make):
    """A title with `: `, `#`, a leading `- `, quotes, a tab, characters beyond the BMP and
    trailing spaces: what is proven is the YAML as written, read back by the loader."""
    text = make().replace(TITLE, ODD + TITLE)
    adoption = take(text, title="x", path="README.md", header="")
    assert adoption.summary.identical
    assert render(parse_catalog(adoption.yaml, "catalog.yaml", tmp_path)) == text
    assert _init(cli, tmp_path, text).code == 0


def test_the_built_in_layout_counts_the_fields_it_has(cli, tmp_path):
    """A README in the built-in layout: each field counted where a paper has it (the
    layout writes no dates), not every field set to the number of entries."""
    result = _init(cli, tmp_path, EXPECTED)
    summary = json.loads(result.out)
    assert result.code == 0 and summary["identical"] is True
    papers = [paper for _, paper in parse_readme(EXPECTED).papers()]
    assert summary["entries"] == summary["parsed"] == len(papers) > 30
    assert summary["fields"] == {
        "title": len(papers),
        "authors": sum(bool(p.authors) for p in papers),
        "venue": sum(bool(p.venue) for p in papers),
        "year": sum(p.year is not None for p in papers),
        "date": 0,
        "links": len(papers),
    }


def test_an_adopted_list_counts_only_the_fields_it_has(cli, tmp_path):
    (tmp_path / "README.md").write_bytes(shapes.table().encode("utf-8"))
    summary = json.loads(cli("import", "README.md", "--format", "json", cwd=tmp_path).out)
    assert summary["fields"]["authors"] == 0  # the table has no authors column
    assert summary["fields"]["date"] == summary["parsed"] == len(shapes.PAPERS)


def test_import_to_standard_output_prints_the_summary_on_standard_error(cli, tmp_path):
    (tmp_path / "README.md").write_bytes(shapes.bullets().encode("utf-8"))
    result = cli("import", "README.md", "-o", "-", "--format", "json", cwd=tmp_path)
    assert result.code == 0, result.err
    assert render(parse_catalog(result.out, "catalog.yaml", tmp_path)) == shapes.bullets()
    summary = json.loads(result.err)
    assert summary["identical"] is True and summary["entries"] == len(shapes.PAPERS) + 1
    assert not (tmp_path / "catalog.yaml").exists()


@pytest.mark.parametrize("command", [("init",), ("import", "README.md"), ("import", "-o", "-")])
def test_a_refusal_still_prints_the_summary_not_identical(cli, tmp_path, command):
    args = [*command, "README.md"] if command[-1] == "-" else list(command)
    text = shapes.bullets().replace(TITLE, "Efficient\x00Classification")
    (tmp_path / "README.md").write_bytes(text.encode("utf-8"))
    before = snapshot(tmp_path)
    result = cli(*args, "--format", "json", cwd=tmp_path)
    assert result.code == 2 and LOCATED.search(result.err)
    summary = json.loads(result.out)
    assert summary["identical"] is False and summary["entries"] == len(shapes.PAPERS) + 1
    assert list(summary) == ["entries", "parsed", "raw", "fields", "identical"]
    assert snapshot(tmp_path) == before


def test_no_entries_prints_a_summary_of_nothing(cli, tmp_path):
    (tmp_path / "README.md").write_bytes(b"# A list\n\nNo papers yet.\n")
    result = cli("import", "README.md", "--format", "json", cwd=tmp_path)
    assert result.code == 2 and "no entries found" in result.err
    assert json.loads(result.out) == {
        "entries": 0,
        "parsed": 0,
        "raw": 0,
        "fields": dict.fromkeys(["title", "authors", "venue", "year", "date", "links"], 0),
        "identical": False,
    }
