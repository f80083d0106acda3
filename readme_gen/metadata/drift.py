"""What a metadata check finds: where the catalog and a source disagree, as data."""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from readme_gen.text import shorten


class Aspect(enum.Enum):
    FIRST_AUTHOR = "first-author"
    AUTHOR_COUNT = "author-count"
    YEAR = "year"
    VENUE = "venue"


@dataclass(frozen=True, slots=True)
class Drift:
    """The catalog and a source disagree. `detail` is for people ("page says 2023, catalog
    2024"); `suggestion` is a value the catalog could take (e.g. arXiv's journal_ref)."""

    aspects: tuple[Aspect, ...]
    detail: str
    suggestion: str = ""


_SPACE = re.compile(r"\s+")


def clean(text: str, *, limit: int = 120) -> str:
    """A source's text made safe to quote in a message: control, format and private-use
    characters dropped (escape sequences, bidi overrides), white space collapsed, length
    capped (`text.shorten`). Escaping for Markdown or HTML stays with each output format."""
    return shorten(printable(text), limit)


def printable(text: str) -> str:
    """`text` without control, format and private-use characters, on one line, white
    space collapsed (`clean` without its cap)."""
    kept = "".join(
        " " if c.isspace() else c for c in text if c.isspace() or unicodedata.category(c)[0] != "C"
    )
    return _SPACE.sub(" ", kept).strip()
