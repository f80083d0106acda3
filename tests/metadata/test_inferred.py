"""`add`'s fields through the venue table, each with its source."""

from __future__ import annotations

from readme_gen.catalog.edit import Draft
from readme_gen.metadata.inferred import Inferred, VenueNames, described, inferred, with_flags
from readme_gen.metadata.lookup import page_inferred
from readme_gen.metadata.page import parse_meta
from tests.support.catalogs import VALID_CATALOG
from tests.support.servers import ScriptedServer


def test_the_publication_year_wins_over_the_submission_year():
    # arXiv:2211.09800: posted in 2022, journal_ref "CVPR 2023"
    draft = Draft("InstructPix2Pix", ("Tim Brooks",), None, 2022)
    found = inferred(draft, "arXiv API", venue_text="CVPR 2023", venue_origin="arXiv journal_ref",
                     preprint_year=True)  # fmt: skip
    assert (found.draft.venue, found.draft.year) == ("CVPR", 2023)
    assert found.source("year") == 'arXiv journal_ref "CVPR 2023"'


def test_a_records_own_year_stays_and_a_missing_one_is_filled():
    draft = Draft("T", ("A B",), None, 2022)
    assert inferred(draft, "DOI record", venue_text="ECCV 2023").draft.year == 2022
    draft = Draft("T", ("A B",), None, None)
    assert inferred(draft, "DOI record", venue_text="ECCV 2023").draft.year == 2023


def test_flags_go_through_the_table_too():
    found = with_flags(Inferred(), Draft("T", ("A B",), "Proc. CVPR'23", None), VenueNames())
    assert (found.draft.venue, found.draft.year) == ("CVPR", 2023)
    assert found.source("venue") == '--venue "Proc. CVPR\'23"'
    found = with_flags(Inferred(), Draft("T", ("A B",), "CVPR 2023", 2024), VenueNames())
    assert (found.draft.venue, found.draft.year) == ("CVPR", 2024)  # --year wins


def test_every_inferred_field_is_described_with_its_source():
    page = (
        '<meta name="citation_title" content="HRDA">'
        '<meta name="citation_author" content="Hoyer, Lukas">'
        '<meta name="citation_publication_date" content="2022/10/20">'
        '<meta name="citation_conference_title" content="Computer Vision – ECCV 2022">'
    )
    found = with_flags(page_inferred(parse_meta(page), VenueNames()), Draft(), VenueNames())
    assert described(found) == [
        "title: HRDA (from landing page)",
        "authors: Lukas Hoyer (from landing page)",
        'venue: ECCV (from landing page citation_conference_title "Computer Vision – ECCV 2022")',
        "year: 2022 (from landing page citation_publication_date)",
    ]


def test_a_hostile_venue_is_described_inert():
    found = inferred(
        Draft("T", ("A",), None, 2020), "page", venue_text="\x1b[31mX\u202e" + "y" * 500
    )
    line = "\n".join(described(found))
    assert "\x1b" not in line and "\u202e" not in line and len(line) < 400


FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><entry>
<id>http://arxiv.org/abs/2211.09800v2</id><published>2022-11-17T18:58:43Z</published>
<title>InstructPix2Pix: Learning to Follow Image Editing Instructions</title>
<author><name>Tim Brooks</name></author><author><name>Aleksander Holynski</name></author>
<author><name>Alexei A. Efros</name></author>
<arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">CVPR 2023</arxiv:journal_ref>
</entry></feed>"""


def test_add_an_arxiv_paper_stores_the_venue_and_its_year(cli, tmp_path, monkeypatch):
    srv = ScriptedServer()
    srv.routes["/api/query"] = lambda h, n: h.reply(200, FEED, content_type="application/atom+xml")
    monkeypatch.setenv("READMEGEN_ARXIV_API_URL", srv.url("/api/query"))
    try:
        (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
        result = cli("add", "arXiv:2211.09800", "--allow-private")
    finally:
        srv.close()
    assert result.code == 0, result.err
    text = (tmp_path / "catalog.yaml").read_text(encoding="utf-8")
    assert "venue: CVPR\n        year: 2023\n" in text
    assert 'venue: CVPR (from arXiv journal_ref "CVPR 2023")' in result.err
    assert 'year: 2023 (from arXiv journal_ref "CVPR 2023")' in result.err
    assert "title: InstructPix2Pix" in result.err and "(from arXiv API)" in result.err
