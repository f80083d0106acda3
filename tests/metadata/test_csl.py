"""DOI content negotiation's CSL JSON, read as hostile JSON."""

from __future__ import annotations

import json

import pytest

from readme_gen.metadata.csl import MAX_CSL, Work, parse_csl, venue_name
from readme_gen.metadata.failure import Failure, Reason
from tests.support.paths import FIXTURES

CROSSREF = (FIXTURES / "metadata" / "crossref_csl.json").read_bytes()


def csl(**record) -> bytes:
    return json.dumps(record).encode()


def test_a_crossref_record():
    work = parse_csl(CROSSREF, known=["CVPR", "ECCV"])
    assert work.title.startswith("Task-Specific Fine-Tuning via Variational Information Bottleneck")
    assert work.authors[:2] == ("Honglin Li", "Chenglu Zhu") and len(work.authors) == 8
    assert work.year == 2023
    assert work.doi == "10.1109/CVPR52729.2023.00708"
    assert work.container_titles == (
        "2023 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
    )
    assert work.venue == "CVPR"


def test_a_journal_with_list_titles_and_literal_names():
    work = parse_csl(
        csl(
            title=["Gigapixel end-to-end training using streaming and attention"],
            author=[
                {"family": "Dooper", "given": "Stephan"},
                {"literal": "The CAMELYON Consortium"},
                {"family": "Litjens"},
            ],
            **{
                "container-title": ["Medical Image Analysis"],
                "issued": {"date-parts": [["2023", "10"]]},
            },
        ),
        known=["Medical Image Analysis", "CVPR"],
    )
    assert work == Work(
        "Gigapixel end-to-end training using streaming and attention",
        ("Stephan Dooper", "The CAMELYON Consortium", "Litjens"),
        2023,
        ("Medical Image Analysis",),
        "",
        "Medical Image Analysis",
    )


@pytest.mark.parametrize(
    ("titles", "known", "venue"),
    [
        (["IEEE Transactions on Pattern Analysis and Machine Intelligence", "PAMI"], [], "TPAMI"),
        (["Advances in Neural Information Processing Systems (NIPS)"], [], "NeurIPS"),
        (["Proceedings of the 31st ACM International Conference on Multimedia (MM)"], [], "ACM MM"),
        (["2021 IEEE/CVF International Conference on Computer Vision (ICCV)"], ["ICCV"], "ICCV"),
        # the built-in table knows the field's venues; a year leaves the name
        (["2021 IEEE/CVF International Conference on Computer Vision (ICCV)"], [], "ICCV"),
        (["2021 IEEE Symposium on Foo Things"], [], "IEEE Symposium on Foo Things"),
        (["Computer Vision – ECCV 2022", "Lecture Notes in Computer Science"], [], "ECCV"),
        (["medical image analysis"], ["Medical Image Analysis"], "Medical Image Analysis"),
        (["Lecture Notes in Computer Science"], ["ECCV"], "Lecture Notes in Computer Science"),
        ([], ["CVPR"], ""),
    ],
)
def test_venue_name(titles, known, venue):
    assert venue_name(titles, known=known) == venue


def test_venue_name_uses_the_configured_alias_table():
    assert venue_name(["NIPS"], aliases={"NIPS": ("NeurIPS",)}) == "NIPS"


@pytest.mark.parametrize(
    ("issued", "year"),
    [
        ({"date-parts": [[2023, 6, 1]]}, 2023),
        ({"date-parts": [["2023"]]}, 2023),
        ({"date-parts": [[None]]}, None),
        ({"date-parts": [[True]]}, None),
        ({"date-parts": [[99999]]}, None),
        ({"date-parts": [[-2023]]}, None),
        ({"date-parts": [[2023.5]]}, None),
        ({"date-parts": "2023"}, None),
        ({"date-parts": []}, None),
        ({"date-parts": [[]]}, None),
        ({"raw": "Summer 2021"}, 2021),
        ("2023", None),
        (None, None),
    ],
)
def test_year_from_issued(issued, year):
    assert parse_csl(csl(issued=issued)).year == year


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", Reason.MALFORMED_RESPONSE),
        (b"<html>Not found</html>", Reason.MALFORMED_RESPONSE),
        (b"[1, 2]", Reason.MALFORMED_RESPONSE),
        (b'"a string"', Reason.MALFORMED_RESPONSE),
        (b"null", Reason.MALFORMED_RESPONSE),
        (b"\xff\xfe\xfa", Reason.MALFORMED_RESPONSE),
        (b"[" * 100_000 + b"]" * 100_000, Reason.MALFORMED_RESPONSE),
        (b'{"issued": {"date-parts": [[' + b"9" * 5000 + b"]]}}", Reason.MALFORMED_RESPONSE),
        (b'{"title": "' + b"x" * MAX_CSL + b'"}', Reason.TOO_LARGE),
    ],
)
def test_hostile_documents_are_failures_not_exceptions(data, reason):
    result = parse_csl(data)
    assert isinstance(result, Failure) and result.reason is reason


def test_wrong_types_are_skipped():
    work = parse_csl(
        csl(
            title={"a": 1},
            author=[1, None, "Rong Qin", {"family": ["x"]}, {"given": 5, "family": "Qin"}, {}],
            DOI=12,
            **{"container-title": {"x": 1}, "short-container-title": [1, "CVPR"]},
        ),
        known=["CVPR"],
    )
    assert work == Work("", ("x", "Qin"), None, ("CVPR",), "", "CVPR")
    assert parse_csl(csl(author="Rong Qin")).authors == ()


def test_oversized_values_are_capped():
    work = parse_csl(csl(title="t " * 200_000, author=[{"family": f"A{i}"} for i in range(6000)]))
    if isinstance(work, Failure):
        pytest.fail(work.detail)
    assert len(work.title) <= 2000 and len(work.authors) == 5000


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        ("10.1109/CVPR52729.2023.00708", "10.1109/CVPR52729.2023.00708"),
        ("doi:10.1016/j.media.2023.102881", "10.1016/j.media.2023.102881"),
        ("https://doi.org/10.1007/978-3-031-19803-8_41", "10.1007/978-3-031-19803-8_41"),
        ("http://dx.doi.org/10.1109/TPAMI.2020.3019563", "10.1109/TPAMI.2020.3019563"),
        ("https://evil.example/10.1109/x", None),
        ("10.1109/with space", None),
        ("2412.10181", None),
        ("", None),
    ],
)
def test_doi_of(text, doi):
    from readme_gen.metadata.csl import doi_of

    assert doi_of(text) == doi


@pytest.mark.parametrize(
    "issued",
    [
        {"date-parts": [["²⁰²³"]]},  # superscript digits: isdigit() but not int()
        {"date-parts": [["٢٠٢٣"]]},  # Arabic-Indic digits: not how a year is written
        {"raw": "²⁰²³"},
    ],
)
def test_a_year_in_other_digits_is_no_year_and_no_exception(issued):
    assert parse_csl(csl(issued=issued)).year is None


def test_record_text_is_cleaned_where_it_is_read():
    work = parse_csl(
        json.dumps(
            {
                "title": "A\u0085B\u202e\ud800C" + "x" * 3000,
                "author": [{"given": "Ann\u200f", "family": "Lee\x1b[31m"}],
            }
        ).encode("utf-8", "surrogatepass")
    )
    assert work.title.startswith("A BC") and len(work.title) <= 2000
    assert work.authors == ("Ann Lee[31m",)
