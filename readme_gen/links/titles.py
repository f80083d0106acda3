"""Which paper a landing page names, and whether that is the catalog's paper.

Publishers' pages carry Highwire meta tags (`citation_title`); `og:title` and `<title>`
are fallbacks. Comparison ignores case, punctuation, white space, Unicode forms and a
site suffix such as " | OpenReview".
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser


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


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[str, str]] = []
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            name = values.get("name") or values.get("property") or ""
            if name and "content" in values:
                self.fields.append((name.lower(), values["content"]))
        elif tag == "title" and self.title is None:
            self.title_parts = []
        elif tag == "body":
            self.done = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title = "".join(self.title_parts)
            self.title_parts = None
        elif tag == "head":
            self.done = True

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)


def parse_meta(document: str) -> PageMeta:
    """The meta tags and title of an HTML document's head (or of a prefix of it)."""
    parser = _HeadParser()
    try:
        parser.feed(document)
        parser.close()
    except (AssertionError, ValueError):  # a malformed prefix: keep what was read
        pass
    fields = tuple(parser.fields)
    get = dict(reversed(fields)).get
    authors = [v for k, v in fields if k == "citation_author"]
    if not authors and get("citation_authors"):
        authors = [a.strip() for a in str(get("citation_authors")).split(";") if a.strip()]
    return PageMeta(
        citation_title=get("citation_title"),
        og_title=get("og:title"),
        title=html.unescape(parser.title).strip() if parser.title else None,
        authors=tuple(authors),
        fields=fields,
    )


def normalise(title: str) -> str:
    """Case, accents' forms, punctuation and white space folded away."""
    folded = unicodedata.normalize("NFKC", html.unescape(title)).casefold()
    return " ".join(re.findall(r"\w+", folded))


def same_paper(catalog_title: str, page_title: str, *, source: str) -> bool:
    """Whether the page's title names the catalog's paper (tolerant; a clear mismatch only
    when they really differ)."""
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
