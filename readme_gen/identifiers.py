"""Paper identifiers, declared once: arXiv ids (new style `2412.10181`, old style
`math/0309136`, with or without a version) and DOIs, in every form they are written
(bare, `arXiv:`/`doi:` prefixed, as abs/PDF or doi.org URLs). At the top of the package so
that the catalog, lint, metadata and export layers share one rule without importing each
other."""

from __future__ import annotations

import re

ARXIV_NEW = r"[0-9]{4}\.[0-9]{4,5}"
# an archive, an optional subject class (`math.GT`: no part of the id), seven digits
ARXIV_OLD = r"[a-z][a-z-]*(?:\.[A-Za-z]{2})?/[0-9]{7}"
_ARXIV_HOST = r"(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/"
_ARXIV_TAIL = r"(?:v[0-9]+)?(?:\.pdf)?/?"
# Patterns as text, compiled on first use by `re`'s own cache: `build --check`, which runs in
# every contributor's pre-commit, uses none of them, and compiling them all is ~2 ms of it.
_ARXIV_WRITTEN = rf"(?:arxiv:\s*|{_ARXIV_HOST})?({ARXIV_NEW}|{ARXIV_OLD}){_ARXIV_TAIL}"
_ARXIV_URL = (
    rf"https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/({ARXIV_NEW}|{ARXIV_OLD}){_ARXIV_TAIL}"
)
_ARXIV_POSTED = r"arxiv\.org/(?:abs|pdf)/([0-9]{2})([0-9]{2})\.[0-9]{4,5}"
_ARXIV_VERSIONED = rf"arxiv\.org/(?:pdf/\S+|abs/{ARXIV_NEW}v[0-9]+)"

DOI = r"10\.[0-9]{4,9}/\S+"
_DOI_WRITTEN = rf"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?({DOI})"
ARXIV_DOI = "10.48550/"  # arXiv's own DataCite DOIs name the preprint, not a publication


def _bare(found: str) -> str:
    # old style: "math.GT/0309136" is "math/0309136"
    return found if "/" not in found else re.sub(r"\.[a-z]{2}/", "/", found.lower())


def arxiv_id(text: str) -> str | None:
    """The bare, unversioned id in `2412.10181v2`, `arXiv:2412.10181` or an abs/PDF URL."""
    match = re.fullmatch(_ARXIV_WRITTEN, text.strip(), re.I)
    return _bare(match.group(1)) if match else None


def arxiv_id_of_url(url: str) -> str | None:
    """The id an arXiv abs or PDF URL names (not a bare id), unversioned."""
    match = re.fullmatch(_ARXIV_URL, url.strip(), re.I)
    return _bare(match.group(1)) if match else None


def arxiv_posted(url: str) -> int | None:
    """The year a new-style arXiv URL says its paper was posted (`2101.00001`: 2021)."""
    match = re.search(_ARXIV_POSTED, url, re.I)
    return 2000 + int(match.group(1)) if match else None


def arxiv_versioned(url: str) -> bool:
    """Whether an arXiv URL names a PDF or one version rather than the abstract page."""
    return re.search(_ARXIV_VERSIONED, url, re.I) is not None


def doi(text: str) -> str | None:
    """The DOI in `10.xxxx/yyy`, `doi:10.xxxx/yyy` or a `https://doi.org/...` URL."""
    match = re.fullmatch(_DOI_WRITTEN, text.strip(), re.I)
    return match.group(1) if match else None


def is_doi(text: str) -> bool:
    """Whether `text` is a bare DOI (`10.xxxx/yyy`)."""
    return re.fullmatch(DOI, text) is not None


def names_preprint(doi_value: str) -> bool:
    """Whether a DOI is arXiv's own (it names the preprint, not a publication)."""
    return doi_value.lower().startswith(ARXIV_DOI)
