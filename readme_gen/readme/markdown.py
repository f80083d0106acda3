"""Markdown escaping for catalog text, and its exact inverse for `import`.

Whatever a title, author or venue contains renders on GitHub as those literal characters:
Markdown and HTML metacharacters are backslash-escaped or written as entities, so catalog
text can neither break the table nor inject markup. `unescape(escape_*(s)) == s` for every
one-line string; `unescape` also reads hand-written text the way GitHub displays it.
"""

from __future__ import annotations

import functools
import re

# Backslash-escaped everywhere in text: CommonMark/GFM inline syntax, the table's `|`, and
# `$` (GitHub math). `<`, `>` and `&` become entities instead.
_TEXT_SPECIAL = re.compile(r"[\\`*_\[\]|~$<>&]")
_TEXT_REPLACE = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
# GFM autolinks `www.`, `scheme://` and e-mail addresses inside text; a title or an author
# stays literal text. cmark-gfm matches `www.` and `://` while parsing, so escaping the `.`
# or the `:` breaks them; it finds e-mail addresses on the merged text, so an empty HTML
# comment (invisible on GitHub) goes before each `@`. `unescape` reverses both exactly.
_AUTOLINK = r"|(?<=[Ww][Ww][Ww])\.|:(?=//)|@"
EMPTY_COMMENT = "<!---->"
# At the start of a block (paragraph, list item, heading text) these would open a list,
# a heading or a quote.
_BLOCK_START = re.compile(r"(?:[-+#=]|[0-9]{1,9}[.)])")
_URL_SPECIAL = re.compile(r"[\\()|]|&(?=#?[A-Za-z0-9]+;)")
# A character reference as CommonMark reads it (the `;` is required).
ENTITY = r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])|" + ENTITY + "|" + EMPTY_COMMENT)


def _text_char(match: re.Match[str]) -> str:
    char = match.group()
    if char == "@":
        return EMPTY_COMMENT + char
    return _TEXT_REPLACE.get(char) or "\\" + char


@functools.cache
def _special(extra: str) -> re.Pattern[str]:
    chars = _TEXT_SPECIAL.pattern[:-1] + re.escape(extra) + "]"
    return re.compile(chars + _AUTOLINK)


def escape_text(text: str, *, extra: str = "") -> str:
    """Inline text (a table cell, link text): every character renders as itself.
    `extra` lists more ASCII punctuation to backslash-escape (`,;` between author names).
    Leading and trailing white space, which Markdown would trim, become character
    references."""
    special = _special(extra)
    core = text.strip()
    if core == text:
        out = special.sub(_text_char, text)
    else:
        start = text.index(core[0]) if core else len(text)
        end = start + len(core)
        out = (
            "".join(f"&#{ord(c)};" for c in text[:start])
            + special.sub(_text_char, core)
            + "".join(f"&#{ord(c)};" for c in text[end:])
        )
    if out.startswith("#"):
        out = "\\" + out
    return out


def escape_block(text: str, *, extra: str = "") -> str:
    """Text that starts a block (paragraph, list item): no list, heading or quote opens."""
    out = escape_text(text, extra=extra)
    match = _BLOCK_START.match(out)
    if match:
        end = match.end()
        out = out[: end - 1] + "\\" + out[end - 1 :]
    return out


def escape_heading(text: str) -> str:
    """Heading text: also no closing `#` sequence."""
    return escape_block(text, extra="#")


def escape_url(url: str) -> str:
    """A link destination inside a table cell."""
    return _URL_SPECIAL.sub(lambda m: "\\" + m.group(), url)


def _unescape_one(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return match.group(1)
    entity = match.group(2)
    if entity is None:  # the empty comment: GitHub shows nothing
        return ""
    if entity.startswith("#"):
        code = int(entity[2:], 16) if entity[1] in "xX" else int(entity[1:])
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return "\ufffd"
        return chr(code)
    from html.entities import html5  # 2,000 names: only when a README has an entity

    return html5.get(entity + ";", match.group())


def unescape(text: str) -> str:
    """What GitHub displays for Markdown source `text`: backslash escapes and entity
    references resolved (CommonMark rules: an entity needs its `;`)."""
    if "\\" not in text and "&" not in text and "<" not in text:
        return text
    return _UNESCAPE.sub(_unescape_one, text)


# What `plain_text` drops: images, then (after links became their text) raw HTML tags,
# emphasis and code markers. A backslash escape or an entity is matched first, so an
# escaped `\*` stays a star.
_IMAGE = re.compile(r"(?<!\\)!\[[^\]]*\]\([^)]*\)")
_LINKED_TEXT = re.compile(r"(?<!\\)\[([^\]]*)\]\([^)]*\)")
_PLAIN = re.compile(_UNESCAPE.pattern + r"|(<[^>]*>)|\*\*|__|[*`]")


def _plain_one(match: re.Match[str]) -> str:
    if match.group(3) is not None:  # a tag: `<br>` and the like separate words
        return " "
    return _unescape_one(match)  # an escape, an entity; "" for a marker


def plain_text(text: str) -> str:
    """Inline Markdown as the words a reader sees, for formats that are not Markdown
    (BibTeX, CSV): links as their text, no images, tags, emphasis or code markers,
    escapes and entities resolved, white space collapsed."""
    text = _LINKED_TEXT.sub(lambda m: m.group(1), _IMAGE.sub("", text))
    return " ".join(_PLAIN.sub(_plain_one, text).split())
