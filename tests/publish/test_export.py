"""`readme-gen export`: JSON, CSV and BibTeX that a BibTeX parser reads back."""

from __future__ import annotations

import csv
import io
import json

import bibtexparser
import pytest

from readme_gen.catalog.load import load_catalog
from readme_gen.catalog.model import Catalog, Link, Paper, Section
from readme_gen.publish.export import keys, to_bibtex
from tests.conftest import REPO


def parse(text: str):
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    return library


def test_bibtex_of_the_real_list_parses_with_unique_stable_keys(cli):
    result = cli("export", "--format", "bibtex", cwd=REPO)
    assert result.code == 0
    library = parse(result.out)
    entries = library.entries
    assert len(entries) == 37
    assert len({e.key for e in entries}) == 37
    first = entries[0]
    assert (first.key, first.entry_type) == ("qin2025pains", "inproceedings")
    assert first.fields_dict["booktitle"].value == "CVPR"
    assert first.fields_dict["author"].value.split(" and ")[:2] == ["Rong Qin", "Xin Liu"]
    tmlr = next(e for e in entries if e.key == "gupta2024pushing")
    assert tmlr.entry_type == "article" and tmlr.fields_dict["journal"].value == "TMLR"
    assert cli("export", "--format", "bibtex", cwd=REPO).out == result.out  # deterministic


def paper(title: str, authors: tuple[str, ...], year: int = 2024, venue: str = "CVPR") -> Paper:
    return Paper(title, authors, venue, year, (Link("Paper", "https://x.org/a_b%20c#frag"),))


def test_special_characters_are_escaped_and_read_back():
    hostile = paper("50% of {all} C# & $x_i^2$ ~ paths\\ (TeX)", ("Müller, Jr.", "Ann and Bob"))
    catalog = Catalog("T", "D", (), (Section("s", "S", (hostile,)),))
    library = parse(to_bibtex(catalog))
    fields = library.entries[0].fields_dict
    assert fields["title"].value == (
        r"{50\% of \{all\} C\# \& \$x\_i\textasciicircum{}2\$ \textasciitilde{} "
        r"paths\textbackslash{} (TeX)}"
    )
    assert fields["author"].value == "{Müller, Jr.} and {Ann and Bob}"
    assert library.entries[0].key == "muller202450"


def test_family_names():
    from readme_gen.publish.export import family_name

    assert family_name("Jean-Baptiste Cordonnier") == "cordonnier"
    assert family_name("Smith, Ann") == "smith"
    assert family_name("Martin Luther King Jr.") == "king"
    assert family_name("François Fleuret") == "fleuret"


def test_colliding_keys_get_letter_suffixes_in_catalog_order():
    papers = tuple(paper("Zoom in", ("Ann Smith",)) for _ in range(3))
    catalog = Catalog("T", "D", (), (Section("s", "S", papers),))
    assert keys(catalog) == ["smith2024zoom", "smith2024zooma", "smith2024zoomb"]


def test_json_and_csv_carry_every_field(cli):
    data = json.loads(cli("export", "--format", "json", cwd=REPO).out)
    catalog = load_catalog(REPO / "catalog.yaml")
    assert len(data) == 37
    assert data[0]["title"] == catalog.sections[0].papers[0].title
    assert data[0]["links"] == {"Paper": catalog.sections[0].papers[0].links[0].url}
    rows = list(csv.DictReader(io.StringIO(cli("export", "--format", "csv", cwd=REPO).out)))
    assert len(rows) == 37 and rows[-1]["section"] == "segmentation"
    assert rows[0]["authors"].split("; ")[0] == "Rong Qin"


def test_output_file_and_bad_format(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_bytes((REPO / "catalog.yaml").read_bytes())
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "maintainers-guide.md").write_text("guide", encoding="utf-8")
    assert cli("export", "--format", "bibtex", "--output", "list.bib").code == 0
    assert (tmp_path / "list.bib").read_text(encoding="utf-8").startswith("@inproceedings{")
    assert cli("export", "--format", "ris").code == 2


def test_csv_cells_never_start_a_formula_and_every_cell_is_quoted():
    formula = paper('=HYPERLINK("https://evil.example","x")', ("+1 Ann", "-Bob", "@SUM(A1)"))
    tab = paper("\t=1+1", ("Ann",), venue="-2+3")
    catalog = Catalog("T", "D", (), (Section("=s", "S", (formula, tab)),))
    from readme_gen.publish.export import to_csv

    text = to_csv(catalog)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][:5] == [
        "'=s",
        '\'=HYPERLINK("https://evil.example","x")',
        "'+1 Ann; -Bob; @SUM(A1)",
        "CVPR",
        "2024",
    ]
    assert rows[2][1:4] == ["'\t=1+1", "Ann", "'-2+3"]
    assert all(line.startswith('"') and line.endswith('"') for line in text.splitlines())
    # nothing else changes: a spreadsheet shows the value, the quote marks it as text
    assert rows[1][5] == "Paper=https://x.org/a_b%20c#frag"


@pytest.mark.parametrize("command", [["lint"], ["build"], ["export", "--format", "bibtex"]])
def test_a_lone_surrogate_is_refused_where_control_characters_are(cli, tmp_path, command):
    """A YAML escape `"\\ud800"` makes a string no UTF-8 file can hold: it passed lint,
    then `build` and every export ended with exit 3."""
    from tests.conftest import VALID_CATALOG

    text = VALID_CATALOG.replace('"A paper"', '"A \\ud800 paper"')
    (tmp_path / "catalog.yaml").write_text(text, encoding="utf-8")
    result = cli(*command)
    assert result.code == 2, result.err
    assert "catalog.yaml:7:16: the title contains the lone surrogate U+D800" in result.err
