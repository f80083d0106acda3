"""Whether the paper a landing page names is the catalog's paper.

Publishers' pages carry Highwire meta tags (`citation_title`); `og:title` and `<title>`
are fallbacks (`readme_gen.metadata.page` reads them). Comparison ignores case,
punctuation, white space, Unicode forms and a site suffix such as " | OpenReview".
"""

from __future__ import annotations

import difflib

from readme_gen.text import normalise


def can_name_a_paper(page_title: str, *, source: str) -> bool:
    """Whether a page's title is specific enough to call the link wrong. Meta tags name the
    paper by design; a `<title>` of fewer than four words is a site's name or a placeholder
    ("IEEE Xplore", "Just a moment..."), which proves nothing either way."""
    return source != "title" or len(normalise(page_title).split()) >= 4


def same_paper(catalog_title: str, page_title: str, *, source: str) -> bool:
    """Whether the page's title names the catalog's paper (tolerant; a clear mismatch only
    when they really differ)."""
    if catalog_title == page_title:
        return True
    ours, theirs = normalise(catalog_title), normalise(page_title)
    if not ours or not theirs:
        return True
    if ours == theirs:
        return True
    if source == "title" and (theirs.startswith(ours) or ours in theirs):
        return True  # "Title | Site", "Site: Title"
    if theirs.startswith(ours) or ours.startswith(theirs):
        return min(len(ours), len(theirs)) >= 20  # a subtitle dropped on one side
    return difflib.SequenceMatcher(None, ours, theirs).ratio() >= 0.85
