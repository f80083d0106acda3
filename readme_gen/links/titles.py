"""Which paper a landing page names, and whether that is the catalog's paper.

Publishers' pages carry Highwire meta tags (`citation_title`); `og:title` and `<title>`
are fallbacks. Comparison ignores case, punctuation, white space, Unicode forms and a
site suffix such as " | OpenReview".
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

from readme_gen.text import normalise


@dataclass(frozen=True, slots=True)
class PageMeta:
    citation_title: str | None = None
    og_title: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    """Every `<meta name|property=... content=...>` in order, names lowercased."""

    @property
    def best_title(self) -> tuple[str, str] | None:
        """(source, title): citation_title, else og:title, else <title>."""
        for source, value in (
            ("citation_title", self.citation_title),
            ("og:title", self.og_title),
            ("title", self.title),
        ):
            if value and value.strip():
                return source, value.strip()
        return None

    def get(self, name: str) -> str | None:
        return next((v for k, v in self.fields if k == name), None)

    def get_all(self, name: str) -> list[str]:
        return [v for k, v in self.fields if k == name]


_HEAD_END = re.compile(r"</head\s*>|<body[\s>]", re.I)
_META = re.compile(r"<meta\s([^>]*)>", re.I)
_ATTR = re.compile(r"""([A-Za-z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)


def parse_meta(document: str) -> PageMeta:
    """The meta tags and title of an HTML document's head (or of a prefix of it).

    Regular expressions over the head only, not a full HTML parser: landing pages are
    checked by the thousand and only a few tags matter."""
    end = _HEAD_END.search(document)
    head = document[: end.start()] if end else document
    fields = []
    for tag in _META.finditer(head):
        attrs = {
            m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
            for m in _ATTR.finditer(tag.group(1))
        }
        name = attrs.get("name") or attrs.get("property")
        if name and "content" in attrs:
            fields.append((name.lower(), html.unescape(attrs["content"]).strip()))
    title_match = _TITLE.search(head)
    title = " ".join(html.unescape(title_match.group(1)).split()) if title_match else None
    first = dict(reversed(fields))
    authors = [v for k, v in fields if k == "citation_author"]
    if not authors and first.get("citation_authors"):
        authors = [a.strip() for a in first["citation_authors"].split(";") if a.strip()]
    return PageMeta(
        citation_title=first.get("citation_title"),
        og_title=first.get("og:title"),
        title=title or None,
        authors=tuple(authors),
        fields=tuple(fields),
    )


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
