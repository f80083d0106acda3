"""A catalog's line ending, so that edits (`add`, `fmt`, `links --fix-redirects`) keep it:
a CRLF file stays CRLF."""

from __future__ import annotations


def line_ending(text: str) -> str:
    """The file's line ending, as its first line break writes it ("\\n" when there is none)."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def with_line_ending(text: str, ending: str) -> str:
    """`text` (written with "\\n") with every line break written as `ending`."""
    return text if ending == "\n" else text.replace("\n", ending)
