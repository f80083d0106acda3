"""Markdown source as the plain text it displays: an adopted list's field values are
Markdown as written (`**bold**`, `\\_`, `[text](url)`, `&amp;`), and the page shows them as
text, never as markup. Raw HTML in the source stays literal text (the page escapes it)."""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

# What Markdown could act on: escapes, emphasis, code, links, HTML, entities, tables, and
# a block marker (list, heading, quote, thematic break) at the start of a line.
_MARKUP = re.compile(r"[\\*_`\[\]<>&!~|]|^[ \t]*(?:[-+*#>=]|[0-9]+[.)])", re.M)


@functools.cache
def _parser() -> MarkdownIt:
    # commonmark with raw HTML on: an inline tag is then one token whose text is kept as
    # written (shown escaped), rather than split into `<`, `b`, `>` text pieces
    return MarkdownIt("commonmark", {"html": True})


def _inline(children: list[Token]) -> str:
    out = []
    for token in children:
        if token.type in ("text", "code_inline", "html_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif token.type == "image":
            out.append(_inline(token.children or []))
    return "".join(out)


def plain(source: str) -> str:
    """The text a Markdown value displays, its blocks (paragraphs, list items) one a line."""
    if not _MARKUP.search(source):
        return source  # nothing Markdown could act on: the common case, kept fast
    lines = []
    for token in _parser().parse(source):
        if token.type == "inline":
            lines.append(_inline(token.children or []))
        elif token.type in ("code_block", "fence", "html_block"):
            lines.append(token.content.rstrip("\n"))
    return "\n".join(line for line in lines if line)
