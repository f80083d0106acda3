"""The arXiv API's Atom feed, read as hostile XML."""

from __future__ import annotations

import pytest

from readme_gen.metadata.arxiv import (
    MAX_FEED,
    Entry,
    arxiv_id,
    batches,
    parse_feed,
    published_drift,
)
from readme_gen.metadata.drift import Aspect
from readme_gen.metadata.failure import Failure, Reason
from tests.support.paths import FIXTURES

FEED = (FIXTURES / "metadata" / "arxiv_feed.xml").read_bytes()


def test_parses_the_real_shape():
    entries = parse_feed(FEED)
    assert list(entries) == ["2412.10181", "1912.04488", "hep-th/9901001"]
    boosting = entries["2412.10181"]
    assert boosting.title == (
        "Boosting the Dual-Stream Architecture in Ultra-High Resolution "
        "Segmentation with Resolution-Biased Uncertainty Estimation"
    )
    assert boosting.authors == ("Rong Qin", "Xin Liu", "Jufeng Yang")
    assert boosting.year == 2024
    assert boosting.journal_ref.startswith("Proceedings of the IEEE/CVF Conference")
    assert boosting.doi == "10.1109/CVPR52734.2025.01234"
    assert boosting.category == "cs.CV"


@pytest.mark.parametrize("term", ["cs.CV\n::warning::x", "cs.CV&lt;script&gt;", "x" * 40, ""])
def test_a_category_that_is_none_is_not_kept(term):
    feed = FEED.replace(b'term="cs.CV"', b'term="' + term.encode() + b'"', 1)
    entries = parse_feed(feed)
    assert isinstance(entries, dict) and entries["2412.10181"].category == ""


def test_without_journal_ref_and_arxivs_own_doi_is_no_publication():
    zoom = parse_feed(FEED)["1912.04488"]
    assert zoom.journal_ref == "" and zoom.doi == ""
    assert published_drift("arXiv", zoom) is None


def test_character_references_and_old_ids():
    old = parse_feed(FEED)["hep-th/9901001"]
    assert old.authors == ("José García Márquez",)
    assert old.year == 1999


def test_an_error_entry_is_no_entry():
    assert parse_feed((FIXTURES / "metadata" / "arxiv_error.xml").read_bytes()) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2412.10181", "2412.10181"),
        ("2412.10181v2", "2412.10181"),
        ("arXiv:2412.10181", "2412.10181"),
        ("arXiv: 1412.0001", "1412.0001"),
        ("https://arxiv.org/abs/2412.10181", "2412.10181"),
        ("http://arxiv.org/abs/2412.10181v3", "2412.10181"),
        ("https://arxiv.org/pdf/2412.10181v1.pdf", "2412.10181"),
        ("https://export.arxiv.org/abs/1501.00001", "1501.00001"),
        ("hep-th/9901001", "hep-th/9901001"),
        ("math.GT/0309136v2", "math/0309136"),
        ("https://arxiv.org/abs/2412.10181?x=1", None),
        ("https://evil.example/abs/2412.10181", None),
        ("10.1109/CVPR.2025.1", None),
        ("", None),
    ],
)
def test_arxiv_id(text, expected):
    assert arxiv_id(text) == expected


def test_batches_are_distinct_and_at_most_a_hundred():
    ids = [f"2401.{i:05d}" for i in range(250)] + ["2401.00000"]
    chunks = list(batches(ids))
    assert [len(c) for c in chunks] == [100, 100, 50]
    assert chunks[0][0] == "2401.00000" and [i for c in chunks for i in c] == list(
        dict.fromkeys(ids)
    )
    assert list(batches([])) == []


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2412.10181</id><title>&lol3;</title></entry></feed>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2412.10181</id><title>&x;</title></entry></feed>"""


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (BOMB, Reason.MALFORMED_RESPONSE),
        (EXTERNAL, Reason.MALFORMED_RESPONSE),
        (
            BOMB.decode()
            .replace('version="1.0"?', 'version="1.0" encoding="UTF-16"?')
            .encode("utf-16"),
            Reason.MALFORMED_RESPONSE,
        ),
        (b"<!DOCTYPE html><html></html>", Reason.MALFORMED_RESPONSE),
        (b"<html><body>Rate exceeded.</body></html>", Reason.MALFORMED_RESPONSE),
        (b"", Reason.MALFORMED_RESPONSE),
        (b"\xff\xfe\x00garbage", Reason.MALFORMED_RESPONSE),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>", Reason.MALFORMED_RESPONSE),
        (b" " * (MAX_FEED + 1), Reason.TOO_LARGE),
    ],
)
def test_hostile_feeds_are_refused_as_data(data, reason):
    result = parse_feed(data)
    assert isinstance(result, Failure)
    assert result.reason is reason


def test_the_dtd_is_named_in_the_refusal():
    assert parse_feed(BOMB) == Failure(
        Reason.MALFORMED_RESPONSE, "the arXiv feed declares a DTD (refused)"
    )


def test_missing_fields_and_markup_inside_text():
    feed = b"""<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
    <entry><id>http://arxiv.org/abs/2401.00001v1</id></entry>
    <entry><id>http://arxiv.org/abs/2401.00002</id><published>never</published>
      <title>A <b>bold</b> title</title><author><name></name></author><author><name>\x41 B</name></author>
      <arxiv:journal_ref>  CVPR\t2024 </arxiv:journal_ref></entry>
    <entry><id>http://arxiv.org/abs/2401.00002</id><title>duplicate</title></entry>
    </feed>"""
    entries = parse_feed(feed)
    assert entries["2401.00001"] == Entry("2401.00001", "", (), None)
    second = entries["2401.00002"]
    assert second.title == "A"  # text of <title> up to its first child element
    assert second.authors == ("A B",) and second.year is None and second.journal_ref == "CVPR 2024"


def entry(journal_ref="", doi=""):
    return Entry("2412.10181", "t", ("Rong Qin",), 2024, journal_ref, doi)


def test_published_drift_suggests_the_journal_ref():
    drift = published_drift("arXiv", entry("CVPR 2025", "10.1109/x"))
    assert drift.aspects == (Aspect.VENUE,)
    assert (
        drift.detail == "arXiv lists a publication: CVPR 2025 (doi:10.1109/x); catalog says arXiv"
    )
    assert drift.suggestion == "CVPR 2025"


def test_published_drift_with_only_a_doi_or_no_venue():
    drift = published_drift("", entry(doi="10.1016/j.media.2023.102881"))
    assert drift.detail == "arXiv lists a publication: doi:10.1016/j.media.2023.102881; no venue"
    assert drift.suggestion == "https://doi.org/10.1016/j.media.2023.102881"


@pytest.mark.parametrize("venue", ["CVPR", "Medical Image Analysis", "NIPS"])
def test_a_published_venue_is_no_drift(venue):
    assert published_drift(venue, entry("CVPR 2025")) is None


@pytest.mark.parametrize("venue", ["arXiv", "ARXIV", " arxiv preprint ", "CoRR", ""])
def test_preprint_venues(venue):
    assert published_drift(venue, entry("CVPR 2025")) is not None
    assert published_drift(venue, entry()) is None


def test_hostile_journal_ref_is_quoted_clean():
    drift = published_drift("arXiv", entry("\x1b]8;;http://evil\x07CVPR\u202e" + "x" * 300))
    assert "\x1b" not in drift.detail and "\u202e" not in drift.suggestion
    assert len(drift.suggestion) <= 120


@pytest.mark.parametrize("encoding", ["bogus", "UTF-9", "big5", "shift_jis", "utf-7"])
def test_an_encoding_expat_cannot_use_is_a_failure_not_an_exception(encoding):
    data = (
        f'<?xml version="1.0" encoding="{encoding}"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"></feed>'
    ).encode("ascii")
    result = parse_feed(data)
    assert isinstance(result, Failure) and result.reason is Reason.MALFORMED_RESPONSE
    assert "encoding" in result.detail


def test_service_text_is_cleaned_where_it_is_read():
    """A C1 control, a bidi override or an endless value never reach a draft, a report
    or the catalog."""
    opening = b'<arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">'
    feed = FEED.replace(opening, opening + b"\xc2\x85CVPR\xe2\x80\xae " + b"y" * 5000, 1)
    found = parse_feed(feed)
    assert not isinstance(found, Failure)
    journal = found["2412.10181"].journal_ref
    assert journal.startswith("CVPR y")
    assert "\x85" not in journal and "\u202e" not in journal
    assert len(journal) <= 2000
