"""arXiv ids and DOIs, declared once (`readme_gen.identifiers`): every layer that reads one
(catalog edits, lint, metadata, export, forms) gets the same answer."""

from __future__ import annotations

import pytest

from readme_gen import identifiers
from readme_gen.catalog.edit import arxiv_id_of
from readme_gen.metadata.arxiv import arxiv_id
from readme_gen.metadata.csl import doi_of


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2412.10181", "2412.10181"),
        ("2412.10181v2", "2412.10181"),
        ("arXiv:2412.10181", "2412.10181"),
        ("https://arxiv.org/abs/2412.10181v3", "2412.10181"),
        ("http://export.arxiv.org/pdf/2412.10181.pdf", "2412.10181"),
        ("https://arxiv.org/abs/math.GT/0309136", "math/0309136"),
        ("math/0309136v1", "math/0309136"),
        ("hep-th/9901001", "hep-th/9901001"),
        ("2412.101", None),
        ("https://arxiv.org/abs/2412.10181?x", None),
        ("https://example.org/abs/2412.10181", None),
    ],
)
def test_arxiv_ids_in_every_written_form(written, expected):
    assert identifiers.arxiv_id(written) == expected
    assert arxiv_id(written) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/abs/2412.10181", "2412.10181"),
        ("https://www.arxiv.org/pdf/2412.10181v2.pdf", "2412.10181"),
        ("https://export.arxiv.org/abs/2412.10181", "2412.10181"),  # edit used to refuse it
        ("https://arxiv.org/abs/math.GT/0309136", "math/0309136"),  # and this
        ("2412.10181", None),  # a bare id is no URL
        ("arXiv:2412.10181", None),
    ],
)
def test_an_arxiv_url_names_the_same_id_everywhere(url, expected):
    assert identifiers.arxiv_id_of_url(url) == expected
    assert arxiv_id_of(url) == expected
    if expected is not None:
        assert arxiv_id(url) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("10.1109/CVPR52729.2023.00708", "10.1109/CVPR52729.2023.00708"),
        ("doi:10.1007/978-3-319-24574-4_28", "10.1007/978-3-319-24574-4_28"),
        ("https://doi.org/10.48550/arXiv.2412.10181", "10.48550/arXiv.2412.10181"),
        ("https://dx.doi.org/10.1145/3592433", "10.1145/3592433"),
        ("10.12/x", None),  # a registrant code has 4 to 9 digits
        ("11.1109/x", None),
    ],
)
def test_dois_in_every_written_form(written, expected):
    assert identifiers.doi(written) == expected
    assert doi_of(written) == expected
    assert identifiers.is_doi(expected or "") is (expected is not None)


def test_arxivs_own_doi_names_the_preprint():
    assert identifiers.names_preprint("10.48550/arXiv.2412.10181")
    assert not identifiers.names_preprint("10.1109/CVPR52729.2023.00708")


def test_the_posting_year_and_versioned_links():
    assert identifiers.arxiv_posted("https://arxiv.org/abs/2101.00001") == 2021
    assert identifiers.arxiv_posted("https://arxiv.org/abs/math/0309136") is None
    assert identifiers.arxiv_versioned("https://arxiv.org/abs/2101.00001v2")
    assert identifiers.arxiv_versioned("https://arxiv.org/pdf/2101.00001")
    assert not identifiers.arxiv_versioned("https://arxiv.org/abs/2101.00001")
