"""Escaping, declared once: the character classes, and the two escapers built from them.

- The README's escaper (`escape_text`, `escape_block`, `escape_heading`, `escape_url`) is
  invertible. Whatever a title, author or venue contains renders on GitHub as those
  literal characters: Markdown and HTML metacharacters are backslash-escaped or written as
  entities, so catalog text can neither break the table nor inject markup, and `unescape`
  reads it back exactly: `unescape(escape_text(s)) == s` for every string (`import` relies
  on it). `unescape` also reads hand-written text the way GitHub displays it, and
  `plain_text` reads inline Markdown as words.
- The inert escaper (`terminal`, `inert_markdown`, `inert_link`, `safe_url`, `annotation`,
  `workflow_command`, `csv_cell`) is not invertible: it makes untrusted text (titles from
  catalog.yaml and remote pages, details and URLs from servers) inert for each place
  readme-gen writes it for people: GitHub Markdown (the audit issue, `links --format
  markdown`, the job summary), GitHub workflow commands (annotations), the terminal, and
  CSV cells. It puts every text on one line, shows control characters as escapes, and
  adds invisible joiners that GitHub's own linking cannot see past.

Every output layer escapes through this module, and nowhere else. Pure functions, no I/O.
"""

from __future__ import annotations

import functools
import re
from typing import Literal
from urllib.parse import quote, urlsplit

from readme_gen.position import Position
from readme_gen.text import shorten

# --- the character classes ---------------------------------------------------------------

# Every ASCII punctuation character (a character-class body): exactly the characters a
# backslash escapes in CommonMark and GFM, where the escaped character is literal text
# (`|` inside a table row included).
PUNCTUATION = r"!-/:-@\[-`{-~"
# What a terminal (or a log viewer) would act on rather than show: C0 controls (tab and
# newline included: one value, one line), DEL, C1 controls, the bidi controls that reorder
# what is displayed (Trojan Source), and the Unicode line and paragraph separators.
CONTROL = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
# Autolink and mention triggers. cmark-gfm matches the extended autolinks `www.` and
# `scheme://` while parsing, so a backslash before the `.` or the `:` breaks them. It finds
# e-mail addresses on the merged text, and GitHub links @mentions and @org/team there too
# (after cmark-gfm), so no backslash stops an `@`: each escaper puts something invisible
# beside it. In issues and comments GitHub also links `#1` and owner/repo#1, `GH-1` and
# `:emoji:` shortcodes in the text: `#`, `GH-` before a digit, and `:`.
_WWW_DOT = r"(?<=[Ww][Ww][Ww])\."
_SCHEME_COLON = r":(?=//)"
_AT = "@"
_GH_DASH = r"(?<=[Gg][Hh])-(?=[0-9])"
_REFERENCE_STARTS = "@#:"  # `@` mentions, `#` references, `:` emoji (and `scheme:`)
# A character reference as CommonMark reads it (the `;` is required).
ENTITY = r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"


# --- README Markdown, invertible ---------------------------------------------------------

# Backslash-escaped everywhere in text: CommonMark/GFM inline syntax, the table's `|`, and
# `$` (GitHub math). `<`, `>` and `&` become entities instead.
_TEXT_SPECIAL = r"\\`*_\[\]|~$<>&"
_TEXT_REPLACE = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
# An empty HTML comment (invisible on GitHub) goes before each `@`: the e-mail autolink
# finds no address across it. `unescape` removes it.
EMPTY_COMMENT = "<!---->"
_AUTOLINK = f"{_WWW_DOT}|{_SCHEME_COLON}|{_AT}"
# At the start of a block (paragraph, list item, heading text) these would open a list,
# a heading or a quote.
_BLOCK_START = re.compile(r"(?:[-+#=]|[0-9]{1,9}[.)])")
_URL_SPECIAL = re.compile(r"[\\()|]|&(?=#?[A-Za-z0-9]+;)")
_UNESCAPE = re.compile(rf"\\([{PUNCTUATION}])|{ENTITY}|{EMPTY_COMMENT}")


def _text_char(match: re.Match[str]) -> str:
    char = match.group()
    if char == _AT:
        return EMPTY_COMMENT + char
    return _TEXT_REPLACE.get(char) or "\\" + char


@functools.cache
def _special(extra: str) -> re.Pattern[str]:
    if re.fullmatch(f"[{PUNCTUATION}]*", extra) is None:
        raise ValueError(f"extra {extra!r} is not ASCII punctuation")
    return re.compile(f"[{_TEXT_SPECIAL}{re.escape(extra)}]|{_AUTOLINK}")


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


# --- the terminal --------------------------------------------------------------------------

_CONTROL = re.compile(f"[{CONTROL}]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _visible_char(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def terminal(text: str) -> str:
    """`text` on one line, every control character shown as an escape (`\\x1b`, `\\n`,
    `\\u202e`), never sent raw."""
    return _CONTROL.sub(_visible_char, text)


# --- GitHub Markdown, inert ----------------------------------------------------------------

# Every ASCII punctuation character is backslash-escaped: that stops elements, links,
# images, raw HTML, entities, emphasis, table breaks, and the `www.` and `scheme://`
# autolinks. What GitHub links after cmark-gfm, in the text, gets a WORD JOINER (U+2060, a
# zero-width character that is not part of any name): after each `@`, `#` and `:`, and
# inside `www.` and `GH-1`. It leaves nothing for them to match, and reads the same.
JOINER = "\u2060"
_INERT = re.compile(f"({_WWW_DOT})|({_GH_DASH})|[{PUNCTUATION}]")


def _inert_char(match: re.Match[str]) -> str:
    char = match.group()
    if match.group(1) is not None:
        return JOINER + "\\" + char  # www⁠\.
    if match.group(2) is not None:
        return "\\" + char + JOINER  # GH\-⁠1
    return "\\" + char + (JOINER if char in _REFERENCE_STARTS else "")


def inert_markdown(text: str, *, limit: int | None = None) -> str:
    """Inline GitHub Markdown (a table cell, a list item, a paragraph) that displays
    `text` literally, on one line, control characters as escapes, outer spaces trimmed (as
    a table cell trims them; leading ones would indent a code block elsewhere), and makes
    no element, link, image, mention, reference or emoji. `limit` shortens long text
    first (`text.shorten`)."""
    shown = terminal(text).strip(" ")
    if limit is not None:
        shown = shorten(shown, limit)
    return _INERT.sub(_inert_char, shown)


# A URL as it may stand in an autolink `<...>` or a link destination: printable ASCII
# without `<`, `>`, `\`, `|`, quotes, backtick, braces, `^` or space. Anything else is
# percent-encoded (a `%` is kept: the URL is already encoded).
_URL_SAFE = "-._~:/?#[]@!$&'()*+,;=%"


def safe_url(url: str) -> str | None:
    """`url` percent-encoded for a Markdown link, or None if it is not an http(s) URL
    with a host (then it must be shown as text, not linked)."""
    encoded = quote(url, safe=_URL_SAFE)
    try:
        parts = urlsplit(encoded)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return encoded


def inert_link(url: str, text: str | None = None, *, limit: int | None = None) -> str:
    """A link readme-gen puts there on purpose: an autolink `<url>` (or `[text](<url>)`)
    to an http(s) URL, percent-encoded so it cannot end early. Any other URL, or one
    longer than `limit` once encoded, is shown as (shortened) inert text instead."""
    safe = safe_url(url)
    if safe is None or (limit is not None and len(safe) > limit):
        return inert_markdown(url if text is None else f"{text} ({url})", limit=limit)
    return f"<{safe}>" if text is None else f"[{inert_markdown(text)}](<{safe}>)"


# --- GitHub workflow commands --------------------------------------------------------------

Level = Literal["error", "warning", "notice"]


def _command_data(text: str) -> str:
    # @actions/core escapeData; terminal() first, so no control character reaches the log
    return terminal(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _command_property(text: str) -> str:
    # @actions/core escapeProperty: `:` and `,` would end the property or the list
    return _command_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: Level, message: str, *, file: str, at: Position, title: str = "") -> str:
    """One `::error file=..,line=..,col=..::message` workflow command line."""
    props = [f"file={_command_property(file)}", f"line={at.line}", f"col={at.column}"]
    if title:
        props.append(f"title={_command_property(title)}")
    return f"::{level} {','.join(props)}::{_command_data(message)}"


def workflow_command(level: Level, message: str, *, title: str = "") -> str:
    """One `::error title=..::message` workflow command line, not tied to a file."""
    props = f" title={_command_property(title)}" if title else ""
    return f"::{level}{props}::{_command_data(message)}"


# --- CSV -----------------------------------------------------------------------------------

# OWASP "CSV Injection": a cell a spreadsheet would read as a formula (or, after a tab or a
# carriage return, as the start of one) gets a leading single quote, which spreadsheets
# read as "this cell is text". OWASP ASVS 1.2.10 adds NUL. Documented in docs/publishing.md.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\x00")


def csv_cell(text: str) -> str:
    """A CSV cell that a spreadsheet opens as text, never as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text
