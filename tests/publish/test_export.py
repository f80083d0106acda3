"""`readme-gen export`: JSON, CSV and BibTeX that a BibTeX parser reads back."""

from __future__ import annotations

import csv
import io
import json

import bibtexparser
import pytest

from readme_gen.catalog.load import load_catalog
from readme_gen.catalog.model import Catalog, Link, Paper, Section
from readme_gen.publish.citations import keys, to_bibtex
from readme_gen.venues import full_venue
from tests.support.bibtex import braced
from tests.support.paths import REPO


def parse(text: str):
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    return library


def bib_fields(entry) -> dict[str, str]:
    return {f.key.lower(): f.value for f in entry.fields}


def test_bibtex_of_the_real_list_parses_with_unique_stable_keys(cli):
    result = cli("export", "--format", "bibtex", cwd=REPO)
    assert result.code == 0
    library = parse(result.out)
    entries = library.entries
    assert len(entries) == 37
    assert len({e.key for e in entries}) == 37
    first = entries[0]
    assert (first.key, first.entry_type) == ("qin2025pains", "inproceedings")
    assert first.fields_dict["booktitle"].value == full_venue("CVPR")[1]  # type: ignore[index]
    assert "Conference on Computer Vision and Pattern Recognition" in full_venue("CVPR")[1]  # type: ignore[index]
    assert first.fields_dict["author"].value.split(" and ")[:2] == ["Rong Qin", "Xin Liu"]
    tmlr = next(e for e in entries if e.key == "gupta2024pushing")
    assert tmlr.entry_type == "article"
    assert tmlr.fields_dict["journal"].value == "Transactions on Machine Learning Research"
    assert braced(result.out) == [(e.entry_type, e.key, bib_fields(e)) for e in entries]
    assert cli("export", "--format", "bibtex", cwd=REPO).out == result.out  # deterministic


def paper(title: str, authors: tuple[str, ...], year: int = 2024, venue: str = "CVPR") -> Paper:
    return Paper(title, authors, venue, year, (Link("Paper", "https://x.org/a_b%20c#frag"),))


def test_special_characters_are_escaped_and_read_back():
    hostile = paper("50% of {all} C# & $x_i^2$ ~ paths\\ (TeX)", ("Müller, Jr.", "Ann and Bob"))
    catalog = Catalog("T", "D", (), (Section("s", "S", (hostile,)),))
    library = parse(to_bibtex(catalog))
    fields = library.entries[0].fields_dict
    assert fields["title"].value == (
        r"{50\% of \textbraceleft{}all\textbraceright{} C\# \& \$x\_i\textasciicircum{}2\$ "
        r"\textasciitilde{} "
        r"paths\textbackslash{} (TeX)}"
    )
    assert fields["author"].value == "{Müller, Jr.} and {Ann and Bob}"
    assert library.entries[0].key == "muller202450"


def test_family_names_come_from_metadata_names():
    """One home for person names: the key's family name keeps its particles."""
    from readme_gen.metadata.names import bibtex_key_name as family_name

    assert family_name("Jean-Baptiste Cordonnier") == "cordonnier"
    assert family_name("Smith, Ann") == "smith"
    assert family_name("Martin Luther King Jr.") == "king"
    assert family_name("François Fleuret") == "fleuret"
    assert family_name("Jeroen van der Laak") == "vanderlaak"


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


def test_the_format_follows_the_output_suffix_else_json(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_bytes((REPO / "catalog.yaml").read_bytes())
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "maintainers-guide.md").write_text("guide", encoding="utf-8")
    assert cli("export", "-o", "list.bib").code == 0
    assert (tmp_path / "list.bib").read_text(encoding="utf-8").startswith("@inproceedings{")
    assert cli("export", "-o", "list.CSV").code == 0
    assert (tmp_path / "list.CSV").read_text(encoding="utf-8").startswith('"section"')
    assert json.loads(cli("export").out)[0]["title"]


def test_csv_cells_never_start_a_formula_and_every_cell_is_quoted():
    formula = paper('=HYPERLINK("https://evil.example","x")', ("+1 Ann", "-Bob", "@SUM(A1)"))
    tab = paper("\t=1+1", ("Ann",), venue="-2+3")
    catalog = Catalog("T", "D", (), (Section("=s", "S", (formula, tab)),))
    from readme_gen.publish.citations import to_csv

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
    from tests.support.catalogs import VALID_CATALOG

    text = VALID_CATALOG.replace('"A paper"', '"A \\ud800 paper"')
    (tmp_path / "catalog.yaml").write_text(text, encoding="utf-8")
    result = cli(*command)
    assert result.code == 2, result.err
    # libyaml refuses the escape itself; the validator refuses a surrogate any other way in
    assert result.err.startswith("catalog.yaml:7:")
    assert (
        "the title contains the lone surrogate U+D800" in result.err
        or "invalid Unicode character escape code" in result.err
    )
    assert "Traceback" not in result.err


FORGED = "A}} @misc(forged, title = {Nobody listed this}) x {"


@pytest.mark.parametrize(
    "hostile",
    [FORGED, "{unbalanced", "closes} early", "\\}", "@misc{inside, title={x}}"],
)
def test_braces_in_any_field_cannot_end_an_entry_or_forge_one(hostile):
    """BibTeX counts braces whatever precedes them: `\\{` escaped nothing for it."""
    p = Paper(
        hostile,
        (f"Ann {hostile}", "Bob Two"),
        f"Venue {hostile}",
        2024,
        (Link("Paper", "https://x.org/{a}"),),
    )
    catalog = Catalog("T", "D", (), (Section("s", "S", (p, paper("Next", ("Cy Dee",)))),))
    text = to_bibtex(catalog)
    read = braced(text)
    assert [(kind, key) for kind, key, _ in read] == [
        ("inproceedings", keys(catalog)[0]),
        ("inproceedings", "dee2024next"),
    ]
    assert set(read[0][2]) == {"title", "author", "booktitle", "year", "url"}
    library = parse(text)
    assert [e.key for e in library.entries] == [k for _, k, _ in read]
    title = library.entries[0].fields_dict["title"].value
    assert "{" not in title[1:-1].replace("{}", "") and "}" not in title[1:-1].replace("{}", "")


def test_the_braced_reader_sees_what_backslash_escapes_would_forge():
    """The reader itself: the old `\\}` escape lets this title close its entry."""
    old = "@inproceedings{k,\n  title = {{A\\}\\} @misc(forged, title = {x}) x}},\n}\n"
    assert [k for _, k, _ in braced(old)] == ["k", "forged"]


def _bib(p: Paper) -> tuple[str, dict[str, str]]:
    catalog = Catalog("T", "D", (), (Section("s", "S", (p,)),))
    text = to_bibtex(catalog)
    ((kind, _, fields),) = braced(text)
    (entry,) = parse(text).entries
    assert (entry.entry_type, bib_fields(entry)) == (kind, fields)
    return kind, fields


def test_preprints_are_misc_with_eprint_and_archive_prefix():
    links = (Link("Paper", "https://arxiv.org/pdf/2412.10181v2"),)
    kind, fields = _bib(Paper("Boosting", ("Rong Qin",), "arXiv", 2024, links))
    assert kind == "misc"
    assert fields["eprint"] == "2412.10181" and fields["archiveprefix"] == "arXiv"
    assert "booktitle" not in fields and "journal" not in fields
    assert fields["url"] == "https://arxiv.org/pdf/2412.10181v2"


def test_a_doi_link_gives_doi_and_known_venues_their_full_names():
    links = (
        Link("Paper", "https://doi.org/10.1109/TPAMI.2023.1234"),
        Link("arXiv", "https://arxiv.org/abs/2301.00001"),
    )
    kind, fields = _bib(Paper("Deep", ("Ann One",), "PAMI", 2023, links))
    assert kind == "article"
    assert fields["journal"] == "IEEE Transactions on Pattern Analysis and Machine Intelligence"
    assert fields["doi"] == "10.1109/TPAMI.2023.1234" and fields["eprint"] == "2301.00001"
    kind, fields = _bib(paper("Zoom", ("Ann One",), venue="NIPS"))
    assert (kind, fields["booktitle"]) == (
        "inproceedings",
        "Advances in Neural Information Processing Systems",
    )
    kind, fields = _bib(paper("Zoom", ("Ann One",), venue="Workshop {X}"))
    assert fields["booktitle"] == r"Workshop \textbraceleft{}X\textbraceright{}"
    hostile = (Link("Paper", "https://doi.org/10.1/x%7D%20y"),)
    assert "doi" not in _bib(Paper("T", ("A B",), "CVPR", 2023, hostile))[1]
