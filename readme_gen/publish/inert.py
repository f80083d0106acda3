"""Untrusted text made inert for each place readme-gen writes it for people: GitHub
Markdown (the audit issue, `links --format markdown`, the job summary), GitHub workflow
commands (annotations), the terminal, and CSV cells.

Titles come from catalog.yaml and from remote pages, details and URLs from servers: any of
them may hold markup, mentions, control characters or a spreadsheet formula. Every output
layer escapes through this one module, and nowhere else. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import quote, urlsplit

from readme_gen.position import Position
from readme_gen.text import shorten

# What a terminal (or a log viewer) would act on rather than show: C0 controls (tab and
# newline included: one value, one line), DEL, C1 controls, the bidi controls that reorder
# what is displayed (Trojan Source), and the Unicode line and paragraph separators.
_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _visible_char(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def terminal(text: str) -> str:
    """`text` on one line, every control character shown as an escape (`\\x1b`, `\\n`,
    `\\u202e`), never sent raw."""
    return _CONTROL.sub(_visible_char, text)


# --- GitHub Markdown ---------------------------------------------------------------------

# Every ASCII punctuation character: backslash-escaped, it is literal text in CommonMark and
# GFM, including `|` inside a table row. That stops elements, links, images, raw HTML,
# entities, emphasis, table breaks, and the `www.` and `scheme://` autolinks (cmark-gfm
# matches those while parsing, so an escaped `.` or `:` splits the trigger).
_MD_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
# GitHub links some patterns in the rendered HTML text, after cmark-gfm: e-mail autolinks
# (matched on the merged text, so escaping does not stop them), @mentions and @org/team,
# #1 and owner/repo#1 references, GH-1, and :emoji: shortcodes. A WORD JOINER (U+2060, a
# zero-width character that is not part of any name) after each `@`, `#` and `:` and
# inside `www.` and `GH-` leaves nothing for them to match, and reads the same.
JOINER = "\u2060"
_MD_REFERENCES = re.compile(r"(?<=\\[@#:])|(?i:(?<=www)(?=\\\.)|(?<=gh\\-)(?=[0-9]))")


def markdown(text: str, *, limit: int | None = None) -> str:
    """Inline GitHub Markdown (a table cell, a list item) that displays `text` literally,
    on one line, control characters as escapes, and makes no element, link, image,
    mention, reference or emoji. `limit` shortens long text first (`text.shorten`)."""
    shown = terminal(text)
    if limit is not None:
        shown = shorten(shown, limit)
    escaped = _MD_PUNCTUATION.sub(r"\\\g<0>", shown)
    return _MD_REFERENCES.sub(JOINER, escaped)


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


def markdown_link(url: str, text: str | None = None, *, limit: int | None = None) -> str:
    """A link readme-gen puts there on purpose: an autolink `<url>` (or `[text](<url>)`)
    to an http(s) URL, percent-encoded so it cannot end early. Any other URL, or one
    longer than `limit` once encoded, is shown as (shortened) text instead."""
    safe = safe_url(url)
    if safe is None or (limit is not None and len(safe) > limit):
        return markdown(url if text is None else f"{text} ({url})", limit=limit)
    return f"<{safe}>" if text is None else f"[{markdown(text)}](<{safe}>)"


# --- GitHub workflow commands ------------------------------------------------------------

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


# --- CSV ---------------------------------------------------------------------------------

# OWASP "CSV Injection": a cell a spreadsheet would read as a formula (or, after a tab or a
# carriage return, as the start of one) gets a leading single quote, which spreadsheets
# read as "this cell is text". OWASP ASVS 1.2.10 adds NUL. Documented in docs/publishing.md.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\x00")


def csv_cell(text: str) -> str:
    """A CSV cell that a spreadsheet opens as text, never as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text
