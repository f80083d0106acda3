"""Text helpers shared by every layer: title folding (catalog edits, links and lint compare
titles) and `shorten`, the one way a long text is cut for a message or a cell.

They live at the top of the package so that the catalog layer need not import the network
layer, nor lint reach into links, for one pure function.
"""

from __future__ import annotations

import html
import re
import unicodedata

# How much of a value a message quotes, unless it says otherwise.
QUOTE_LIMIT = 80
# What never begins the cut-off part: it belongs to the character before it.
_JOINS_BACKWARD = re.compile("[\u200c\u200d\ufe00-\ufe0f\U000e0100-\U000e01ef\udc00-\udfff]")


def normalise(title: str) -> str:
    """Case, accents' forms, punctuation and white space folded away."""
    folded = unicodedata.normalize("NFKC", html.unescape(title)).casefold()
    return " ".join(re.findall(r"\w+", folded))


def _splits(text: str, cut: int) -> bool:
    """Whether cutting `text` before index `cut` would split a character from what goes
    with it: a combining mark, a variation selector, a zero-width (non-)joiner or what it
    joins, the low half of a surrogate pair."""
    first, last = text[cut], text[cut - 1]
    return (
        unicodedata.category(first)[0] == "M"
        or _JOINS_BACKWARD.match(first) is not None
        or last == "\u200d"
    )


def shorten(value: object, limit: int = QUOTE_LIMIT) -> str:
    """`value` as text of at most `limit` characters (code points; `limit` >= 1): the text
    itself if it fits, else its beginning and `…`. The cut never separates a character from
    its combining marks, variation selectors or zero-width joiner sequence, nor the halves
    of a surrogate pair, and white space before the `…` is dropped. A message never echoes
    a whole (possibly megabytes long) value, nor a cell a whole title."""
    text = str(value)
    if len(text) <= limit:
        return text
    cut = limit - 1
    while cut > 0 and _splits(text, cut):
        cut -= 1
    return text[:cut].rstrip() + "…"
