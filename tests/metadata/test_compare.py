"""Page meta tags against the catalog: first author, author count, year."""

from __future__ import annotations

import pytest

from readme_gen.metadata.compare import page_authors, page_drift, truncated
from readme_gen.metadata.drift import Aspect, Drift, clean
from readme_gen.metadata.page import parse_meta

NO_PAINS = [
    "Rong Qin",
    "Xin Liu",
    "Xingyu Liu",
    "Jiaxuan Liu",
    "Jinglei Shi",
    "Liang Lin",
    "Jufeng Yang",
]


def authors(*names: str, tag: str = "citation_author") -> list[tuple[str, str]]:
    return [(tag, n) for n in names]


def test_the_issue_example():
    fields = [
        ("citation_title", "No pains, more gains"),
        *authors("Chen, Wei", "Qin, Rong", "Liu, Xin", "Shi, Jinglei", "Yang, Jufeng"),
        ("citation_publication_date", "2025"),
    ]
    assert page_drift(fields, NO_PAINS, 2025) == Drift(
        (Aspect.FIRST_AUTHOR, Aspect.AUTHOR_COUNT),
        "page lists 5 authors, first Chen; catalog lists 7, first Qin",
    )


def test_a_cvf_page_through_the_checker_parser():
    html = (
        """<html><head><title>CVPR 2025 Open Access Repository</title>
    <meta name="citation_title" content="No pains, more gains">
    """
        + "".join(
            f'<meta name="citation_author" content="{a}">'
            for a in [
                "Qin, Rong",
                "Liu, Xin",
                "Liu, Xingyu",
                "Liu, Jiaxuan",
                "Shi, Jinglei",
                "Lin, Liang",
                "Yang, Jufeng",
            ]
        )
        + """
    <meta name="citation_publication_date" content="2025">
    <meta name="citation_conference_title" content="CVPR"></head><body></body></html>"""
    )
    assert page_drift(parse_meta(html).fields, NO_PAINS, 2025) is None
    assert page_drift(parse_meta(html).fields, NO_PAINS, 2024) == Drift(
        (Aspect.YEAR,), "page says 2025, catalog 2024"
    )


def test_the_same_authors_written_differently_agree():
    fields = authors("QIN, R.", "Liu, X.", "Liu, X.", "Liu, J.", "Shi, J.", "Lin, L.", "Yang, J.")
    assert page_drift(fields, NO_PAINS, 2025) is None


def test_only_the_count_differs():
    fields = authors("Rong Qin", "Xin Liu")
    assert page_drift(fields, NO_PAINS, 2025) == Drift(
        (Aspect.AUTHOR_COUNT,), "page lists 2 authors, first Qin; catalog lists 7, first Qin"
    )


def test_same_family_different_person_names_both_in_full():
    drift = page_drift(authors("Xin Liu"), ["Xingyu Liu", "Rong Qin"], 2025)
    assert drift == Drift(
        (Aspect.FIRST_AUTHOR,), "page lists 1 author, Xin Liu; catalog lists 2, first Xingyu Liu"
    )


def test_a_page_naming_only_the_first_author_is_no_count():
    assert page_drift(authors("Qin, Rong"), NO_PAINS, 2025) is None


def test_et_al_in_the_catalog_is_no_count():
    assert page_drift(authors("Rong Qin", "Xin Liu"), ["Rong Qin", "et al."], 2025) is None
    assert page_drift(authors("Rong Qin", "Xin Liu"), ["Rong Qin et al."], 2025) is None
    drift = page_drift(authors("Wei Chen", "Xin Liu"), ["Rong Qin", "et al."], 2025)
    assert drift == Drift(
        (Aspect.FIRST_AUTHOR,),
        "page lists 2 authors, first Chen; catalog lists 1 et al., first Qin",
    )


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["A", "B"], (["A", "B"], False)),
        (["A", "et al."], (["A"], True)),
        (["A et al"], (["A"], True)),
        (["A", "B", "others"], (["A", "B"], True)),
        (["A", "…"], (["A"], True)),
        ([], ([], False)),
    ],
)
def test_truncated(names, expected):
    assert truncated(names) == expected


def test_openreview_joins_authors_with_semicolons():
    fields = [("citation_authors", "Deepak K. Gupta; Gowreesh Mago; Arnav Chavan; Dilip K. Prasad")]
    assert page_authors(fields) == [
        "Deepak K. Gupta",
        "Gowreesh Mago",
        "Arnav Chavan",
        "Dilip K. Prasad",
    ]
    catalog = ["Deepak K. Gupta", "Gowreesh Mago", "Arnav Chavan", "Dilip K. Prasad"]
    assert page_drift(fields, catalog, 2024) is None
    assert page_drift(fields, catalog[1:], 2024).aspects == (
        Aspect.FIRST_AUTHOR,
        Aspect.AUTHOR_COUNT,
    )


def test_dublin_core_creators_when_no_highwire_tags():
    fields = [
        ("dc.creator", "Pinckaers, Hans"),
        ("dc.creator", "van Ginneken, Bram"),
        ("dc.date", "2020-08-25"),
    ]
    assert page_drift(
        fields, ["Hans Pinckaers", "Bram van Ginneken", "Geert Litjens"], 2020
    ).aspects == (Aspect.AUTHOR_COUNT,)


def test_highwire_wins_over_dublin_core():
    fields = [*authors("Hans Pinckaers"), ("dc.creator", "Someone Else"), ("dc.creator", "Another")]
    assert page_authors(fields) == ["Hans Pinckaers"]


def test_no_authors_on_the_page_no_author_drift():
    assert page_drift([("citation_title", "x")], NO_PAINS, 2025) is None


@pytest.mark.parametrize(
    ("fields", "year", "preprint", "detail"),
    [
        ([("citation_date", "2023/06/18")], 2023, False, None),
        ([("citation_date", "2023/06/18")], 2024, False, "page says 2023, catalog 2024"),
        (
            [("citation_publication_date", "18 June 2022")],
            2023,
            False,
            "page says 2022, catalog 2023",
        ),
        ([("prism.publicationdate", "2021-01-01")], 2021, False, None),
        ([("dc.date", "2019")], 2020, False, "page says 2019, catalog 2020"),
        # online first, printed the next year: either year is right
        (
            [("citation_online_date", "2022/12/01"), ("citation_publication_date", "2023/02")],
            2022,
            False,
            None,
        ),
        (
            [("citation_online_date", "2022/12/01"), ("citation_publication_date", "2023/02")],
            2023,
            False,
            None,
        ),
        ([("citation_online_date", "2022/12/01")], 2023, False, None),
        ([("citation_online_date", "2022/12/01")], 2024, False, "page says 2022, catalog 2024"),
        # the publication date is named first even when the online date comes first on the page
        (
            [("citation_online_date", "2020"), ("citation_publication_date", "2021")],
            2019,
            False,
            "page says 2021, catalog 2019",
        ),
        # a preprint's date precedes the venue's year by one or two, or follows it by one
        ([("citation_date", "2024/12/13")], 2025, True, None),
        ([("citation_date", "2023/03/01")], 2025, True, None),
        ([("citation_date", "2022/03/01")], 2025, True, "page says 2022, catalog 2025"),
        ([("citation_date", "2024/12/13")], 2023, True, None),  # posted after the venue
        ([("citation_date", "2024/12/13")], 2022, True, "page says 2024, catalog 2022"),
        ([("citation_date", "2024/12/13")], 2025, False, "page says 2024, catalog 2025"),
        # no year in the date: nothing to compare
        ([("citation_date", "soon")], 2025, False, None),
        ([("citation_date", "20250101")], 2025, False, None),
        ([], 2025, False, None),
    ],
)
def test_year(fields, year, preprint, detail):
    drift = page_drift(fields, [], year, preprint=preprint)
    assert (drift.detail if drift else None) == detail
    if drift:
        assert drift.aspects == (Aspect.YEAR,)


@pytest.mark.parametrize(
    ("year", "venue", "detail"),
    [
        (2025, "arXiv", "page says 2015, catalog 2025"),  # issue 19's miss
        (2016, "arXiv", None),  # a v2 the next January
        (2015, "bioRxiv", None),
        (2017, "arXiv", "page says 2015, catalog 2017"),
        (2017, "ICCV", None),  # the venue two years after the posting
    ],
)
def test_a_listed_preprint_is_dated_by_its_own_posting(year, venue, detail):
    drift = page_drift([("citation_date", "2015/06/01")], [], year, preprint=True, venue=venue)
    assert (drift.detail if drift else None) == detail


def test_authors_and_year_both_reported():
    fields = [*authors("Wei Chen"), ("citation_date", "2023")]
    assert page_drift(fields, ["Rong Qin"], 2025).detail == (
        "page lists 1 author, Chen; catalog lists 1, first Qin; page says 2023, catalog 2025"
    )


def test_hostile_values_are_quoted_clean_and_short():
    evil = "\x1b[31m<b>@everyone</b>\u202e\n" + "x" * 500
    drift = page_drift(authors(evil, "B"), ["Rong Qin"], 2025)
    assert drift is not None
    assert "\x1b" not in drift.detail and "\u202e" not in drift.detail and "\n" not in drift.detail
    assert len(drift.detail) < 200


def test_oversized_pages_are_bounded():
    many = authors(*[f"Author {i}" for i in range(20_000)])
    drift = page_drift(many, ["Author 0"], 2025)
    assert drift.detail.startswith("page lists 5000 authors")
    assert page_drift([("citation_date", "9" * 100_000 + " 2023")], [], 2025) is None


def test_clean():
    assert clean("a\tb\x00c\u200bd  e") == "a bcd e"
    assert clean("x" * 10, limit=5) == "xxxx…"
