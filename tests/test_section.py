"""`readme-gen section add`: a new empty section, every other byte of the catalog kept,
README.md rebuilt; a bad or taken id, a bad title or an unusual layout writes nothing."""

from __future__ import annotations

import pytest

from readme_gen.catalog.load import load_catalog
from tests.support.catalogs import VALID_CATALOG
from tests.support.files import snapshot

COMMENTED = (
    VALID_CATALOG.replace("sections:\n", "sections:  # newest topics last\n")
    + "  # more sections to come\n\n# appendices later\n"
)


def test_adds_an_empty_section_last_keeping_every_other_byte(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(COMMENTED, encoding="utf-8")
    result = cli("section", "add", "super-resolution", "--title", "Super: Resolution")
    assert result.code == 0, result.err
    assert result.err.startswith("added section `super-resolution` (catalog.yaml:13); rebuilt")
    text = (tmp_path / "catalog.yaml").read_text(encoding="utf-8")
    block = '  - id: super-resolution\n    title: "Super: Resolution"\n    papers: []\n'
    head = VALID_CATALOG.replace("sections:\n", "sections:  # newest topics last\n")
    assert text == head + block + "  # more sections to come\n\n# appendices later\n"
    catalog = load_catalog(tmp_path / "catalog.yaml")
    assert [s.id for s in catalog.sections] == ["one", "super-resolution"]
    assert "Super: Resolution" in (tmp_path / "README.md").read_text(encoding="utf-8")
    assert cli("build", "--check").code == 0
    added = cli(
        "add", "https://example.org/n", "--section", "super-resolution",
        "--title", "New", "--author", "Ann", "--venue", "ICCV", "--year", "2023",
    )  # fmt: skip
    assert added.code == 0, added.err
    assert load_catalog(tmp_path / "catalog.yaml").sections[1].papers[0].title == "New"


def test_crlf_and_a_missing_final_line_break(cli, tmp_path):
    text = VALID_CATALOG.rstrip("\n").replace("\n", "\r\n")
    (tmp_path / "catalog.yaml").write_bytes(text.encode())
    assert cli("section", "add", "two", "--title", "Two").code == 0
    written = (tmp_path / "catalog.yaml").read_bytes()
    assert written == (text + "\r\n  - id: two\r\n    title: Two\r\n    papers: []\r\n").encode()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["one", "--title", "Again"], "section `one` already exists at catalog.yaml:4"),
        (["Bad Id", "--title", "X"], "section id `Bad Id` is not a simple name (expected"),
        (["two", "--title", "A\x1b[31m"], "--title holds the character U+001B"),
        (["two", "--title", "  "], "--title is empty"),
    ],
)
def test_refused_ids_and_titles_write_nothing(cli, tmp_path, argv, message):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    before = snapshot(tmp_path)
    result = cli("section", "add", *argv)
    assert result.code == 2
    assert message in result.err and "Traceback" not in result.err
    assert snapshot(tmp_path) == before


def test_a_flow_list_of_sections_is_refused(cli, tmp_path):
    flow = "title: T\ndescription: D.\nsections: [{id: one, title: One, papers: []}]\n"
    (tmp_path / "catalog.yaml").write_text(flow, encoding="utf-8")
    result = cli("section", "add", "two", "--title", "Two")
    assert result.code == 2
    assert "no `sections:` list to add to (expected a block list" in result.err
    assert not (tmp_path / "README.md").exists()
