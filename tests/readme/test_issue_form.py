"""The "add a paper" issue form, generated from the catalog: its dropdown is the catalog's
sections, `build` keeps it so, `build --check` fails when it drifts, and `init` writes it.
Hostile section titles cannot break the YAML or add keys."""

from __future__ import annotations

import yaml

from readme_gen.catalog.load import parse_catalog
from readme_gen.readme.issue_form import FORM_PATH, render_form, section_of, section_options
from tests.support.catalogs import VALID_CATALOG

TWO = (
    VALID_CATALOG
    + """\
  - id: two
    title: Section Two
    papers:
      - title: "B paper"
        authors: [Cy Author]
        venue: ICCV
        year: 2023
        links:
          Paper: https://example.org/b
"""
)


def catalog_of(text, tmp_path):
    return parse_catalog(text, "catalog.yaml", tmp_path)


def test_the_form_asks_for_the_paper_and_offers_the_sections(tmp_path):
    form = yaml.safe_load(render_form(catalog_of(TWO, tmp_path)))
    assert form["labels"] == ["add-paper"]
    fields = {f["id"]: f for f in form["body"]}
    assert list(fields) == ["paper", "section", "venue", "code", "project", "note"]
    assert fields["paper"]["validations"]["required"] is True
    assert fields["section"]["type"] == "dropdown"
    assert fields["section"]["attributes"]["options"] == [
        "Section One [one]",
        "Section Two [two]",
    ]
    assert all(not fields[k]["validations"]["required"] for k in ("venue", "code", "note"))


def test_an_answer_maps_back_to_one_section(tmp_path):
    catalog = catalog_of(TWO, tmp_path)
    for label, section_id in section_options(catalog):
        assert section_of(label, catalog) == section_id
        assert section_of(f"  {label}\n", catalog) == section_id
    assert section_of("Section One", catalog) is None  # without its id: not an option
    assert section_of("Section Three [three]", catalog) is None


def test_hostile_titles_stay_text(tmp_path):
    hostile = 'Seg: "quoted" # not a comment ${{ github.token }} {{x}} @team\\u202e'
    text = TWO.replace("title: Section Two", f"title: {yaml.safe_dump(hostile).strip()}")
    text = text.replace("---\n", "")
    catalog = catalog_of(text, tmp_path)
    form = yaml.safe_load(render_form(catalog))
    options = form["body"][1]["attributes"]["options"]
    assert options[1] == f"{catalog.sections[1].title} [two]"
    assert set(form) == {"name", "description", "title", "labels", "body"}


def test_the_same_catalog_gives_the_same_bytes(tmp_path):
    assert render_form(catalog_of(TWO, tmp_path)) == render_form(catalog_of(TWO, tmp_path))


def test_build_keeps_the_form_and_check_fails_when_it_drifts(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(TWO, "utf-8")
    assert cli("build").code == 0
    assert not (tmp_path / FORM_PATH).exists()  # a list without a form gets none
    (tmp_path / FORM_PATH).parent.mkdir(parents=True)
    (tmp_path / FORM_PATH).write_text("", "utf-8")  # a list that keeps one
    assert cli("build").code == 0
    assert "Section Two [two]" in (tmp_path / FORM_PATH).read_text("utf-8")
    assert cli("build", "--check").code == 0
    (tmp_path / "catalog.yaml").write_text(TWO.replace("Section Two", "Renamed"), "utf-8")
    stale = cli("build", "--check")
    assert stale.code == 1
    assert f"{FORM_PATH} is out of date" in stale.err
    assert '-        - "Section Two [two]"' in stale.out
    assert '+        - "Renamed [two]"' in stale.out
    assert cli("build").code == 0
    assert cli("build", "--check").code == 0


def test_init_writes_the_form_for_a_new_list(cli, tmp_path):
    folder = tmp_path / "my-list"
    folder.mkdir()
    assert cli("init", cwd=folder).code == 0
    form = yaml.safe_load((folder / FORM_PATH).read_text("utf-8"))
    assert form["body"][1]["attributes"]["options"]
    assert cli("build", cwd=folder).code == 0
    assert cli("build", "--check", cwd=folder).code == 0
