"""A landing page's meta tags against the catalog: first author, author count and year.

Pages declare authors and dates in Highwire tags (`citation_author`, `citation_date`...),
OpenReview in one `citation_authors` joined by "; ", Dublin Core in `dc.creator` and
`dc.date`, PRISM in `prism.publicationdate`. The rules are in docs/metadata.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readme_gen.metadata.drift import Aspect, Drift, clean
from readme_gen.metadata.names import family_name, fold, same_person
from readme_gen.venues import preprint_server

Fields = Sequence[tuple[str, str]]
"""(lower-cased meta name, content) pairs in page order, as `PageMeta.fields` holds them."""

PUBLISHED = (
    "citation_publication_date",
    "citation_date",
    "citation_year",
    "citation_cover_date",
    "prism.publicationdate",
    "prism.coverdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
)
"""Meta names that date the publication, most specific first."""
ONLINE = ("citation_online_date", "prism.onlinedate")
"""Meta names that date an online-first version."""
READS = frozenset({"citation_author", "citation_authors", "dc.creator", *PUBLISHED, *ONLINE})
"""Every meta name a comparison reads: a page with none of them has nothing to compare."""
PREPRINT_LEAD = 2
"""Years a preprint may precede its venue (posted, then reviewed for a year or two)."""
PREPRINT_LAG = 1
"""Years a preprint may follow its venue (posted after acceptance, or the camera-ready)."""
LISTED_PREPRINT_SPREAD = 1
"""Years between a listed preprint's year and its server's date (a v2 in the next January)."""
MAX_AUTHORS = 5000  # a physics collaboration lists ~3000; past this a page is not credible
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|2[01]\d\d)(?!\d)")
_ET_AL = re.compile(r"\s*(?:,?\s*et\.?\s+al\.?|and others|others|\.\.\.|…)\s*\Z", re.I)


def page_authors(fields: Fields) -> list[str]:
    """The page's authors: every `citation_author`, else OpenReview's `citation_authors`,
    else every `dc.creator` (one source only: pages often repeat the list in several)."""
    found = [v.strip() for k, v in fields if k == "citation_author" and v.strip()]
    if not found:
        joined = next((v for k, v in fields if k == "citation_authors" and v.strip()), "")
        found = [a.strip() for a in joined.split(";") if a.strip()]
    if not found:
        found = [v.strip() for k, v in fields if k == "dc.creator" and v.strip()]
    return found[:MAX_AUTHORS]


def _years(fields: Fields, names: tuple[str, ...]) -> list[int]:
    """The year of each date under `names`, in the order of `names`."""
    out = []
    for name in names:
        for key, value in fields:
            match = _YEAR.search(value[:100]) if key == name else None
            if match:
                out.append(int(match.group(1)))
    return out


def truncated(authors: Sequence[str]) -> tuple[list[str], bool]:
    """The named authors, and whether the list ends with "et al." (or "others")."""
    names = list(authors)
    if names and _ET_AL.search(names[-1]):
        rest = _ET_AL.sub("", names[-1]).strip(" ,")
        names = names[:-1] + ([rest] if rest else [])
        return names, True
    return names, False


def _authors_drift(page: list[str], catalog: Sequence[str]) -> tuple[list[Aspect], str]:
    page, page_cut = truncated(page)
    ours, our_cut = truncated(catalog)
    if not page or not ours:
        return [], ""
    aspects = []
    if not same_person(page[0], ours[0]):
        aspects.append(Aspect.FIRST_AUTHOR)
    # one listed author may be a page naming only the first; "et al." is no count
    if len(page) > 1 and not page_cut and not our_cut and len(page) != len(ours):
        aspects.append(Aspect.AUTHOR_COUNT)
    if not aspects:
        return [], ""
    theirs, mine = family_name(page[0]), family_name(ours[0])
    if Aspect.FIRST_AUTHOR in aspects and (fold(theirs) == fold(mine) or not theirs or not mine):
        theirs, mine = page[0], ours[0]  # "Xin Liu" and "Xingyu Liu" differ past the family
    count = f"{len(page)} author{'s' if len(page) != 1 else ''}{' et al.' if page_cut else ''}"
    first = "first " if len(page) > 1 or page_cut else ""
    ours_count = f"{len(ours)}{' et al.' if our_cut else ''}"
    detail = (
        f"page lists {count}, {first}{clean(theirs, limit=60)}; "
        f"catalog lists {ours_count}, first {clean(mine, limit=60)}"
    )
    return aspects, detail


def _year_drift(fields: Fields, year: int, *, preprint: bool, listed_preprint: bool) -> str:
    published, online = _years(fields, PUBLISHED), _years(fields, ONLINE)
    every = published + online
    if not every or year in every:
        return ""
    if preprint and listed_preprint:  # the list's venue is the server itself
        if any(abs(year - y) <= LISTED_PREPRINT_SPREAD for y in every):
            return ""
    elif preprint and any(-PREPRINT_LAG <= year - y <= PREPRINT_LEAD for y in every):
        return ""  # a preprint precedes its publication by a year or two, or just follows it
    if not published and year - 1 in online:
        return ""  # online first, in print the next year
    return f"page says {(published or online)[0]}, catalog {year}"


def page_drift(
    fields: Fields,
    authors: Sequence[str],
    year: int,
    *,
    preprint: bool = False,
    venue: str = "",
) -> Drift | None:
    """Where the page's meta tags disagree with the catalog's authors and year, or None.

    `preprint` marks a preprint server's page (arXiv, OpenReview, bioRxiv...: see
    `venues.PREPRINT_HOSTS`): its dates are the preprint's, so the catalog's year may be a
    year or two later, or one earlier; unless the catalog's `venue` is a preprint server
    itself, when the two years are the same posting's."""
    if not any(name in READS for name, _ in fields):  # most pages, checked by the thousand
        return None
    aspects, detail = _authors_drift(page_authors(fields), authors)
    details = [detail] if detail else []
    listed = preprint_server(venue) is not None
    year_detail = _year_drift(fields, year, preprint=preprint, listed_preprint=listed)
    if year_detail:
        aspects.append(Aspect.YEAR)
        details.append(year_detail)
    if not aspects:
        return None
    return Drift(tuple(aspects), "; ".join(details))
