"""Render Markdown with cmark-gfm (GitHub's own renderer, through the `cmarkgfm` package)
and read back what a reader would get: the elements, the links, and the text.

GitHub links @mentions, #references, GH-1 and :emoji: in the rendered HTML text, after
cmark-gfm; cmark-gfm does not. So `references` finds, in the text nodes, what GitHub
would link: the rule the inert layer must leave nothing for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options

from readme_gen.escape import JOINER

# What GitHub would turn into a link, a mention or an emoji in a text node:
# `@` then a name character (mentions, @org/team, e-mail autolinks), `#` then a digit or
# a letter (#1, owner/repo#1, and to be safe #name), `GH-` then a digit, `:` then a
# shortcode character (:smile:), and the autolink triggers `www.` and `://`.
REFERENCE = re.compile(r"@[A-Za-z0-9_]|#[A-Za-z0-9]|(?i:gh-[0-9])|:[A-Za-z0-9_+-]|(?i:www\.)|://")


@dataclass
class Rendered:
    tags: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # text nodes outside our <a>, in order
    cells: list[str] = field(default_factory=list)  # text of each <td>
    prose: list[str] = field(default_factory=list)  # text nodes outside links and code

    def prose_references(self) -> list[str]:
        """What GitHub would link outside code (it links nothing inside code)."""
        return [m.group() for t in self.prose for m in REFERENCE.finditer(t)]

    def references(self) -> list[str]:
        return [m.group() for t in self.texts for m in REFERENCE.finditer(t)]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Rendered()
        self.cell: list[str] | None = None
        self.in_link = 0  # GitHub links nothing more inside a link
        self.in_code = 0  # nor inside code

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.tags.append(tag)
        self.out.hrefs += [v or "" for k, v in attrs if k in ("href", "src")]
        if tag == "td":
            self.cell = []
        self.in_link += tag == "a"
        self.in_code += tag in ("code", "pre")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self.cell is not None:
            self.out.cells.append("".join(self.cell))
            self.cell = None
        self.in_link -= tag == "a"
        self.in_code -= tag in ("code", "pre")

    def handle_data(self, data: str) -> None:
        if not self.in_link:
            self.out.texts.append(data)
            if not self.in_code:
                self.out.prose.append(data)
        if self.cell is not None:
            self.cell.append(data)

    def handle_comment(self, data: str) -> None:
        self.out.tags.append("!--")


def html(markdown: str) -> str:
    # Unsafe: raw HTML is kept, so any that slipped through shows up as an element.
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def render(markdown: str) -> Rendered:
    reader = _Reader()
    reader.feed(html(markdown))
    reader.close()
    return reader.out


def shown(text: str) -> str:
    """Text as a reader sees it: the invisible joiners the inert layer adds removed."""
    return text.replace(JOINER, "")
