"""GitHub's heading anchors, as github-slugger computes them.

github-slugger (Flet/github-slugger, script/generate-regex.mjs) removes every character of
the general categories Other_Number, Close/Final/Initial/Open/Other/Dash_Punctuation,
Symbol, Control, Private_Use, Format, Unassigned and Separator, except characters with the
Alphabetic property, the space and `-`; it lowercases first and then turns each space into
`-` (no collapsing: `Date & Time` -> `date--time`). `Slugger` de-duplicates like its
`BananaSlug.slug`: `a`, `a-1`, `a-2`, and a heading whose own slug was already generated as
a suffix moves on (`echo`, `echo`, `echo 1` -> `echo`, `echo-1`, `echo-1-1`).

github-slugger's tables are Unicode 13.0; Python's `unicodedata` may be newer, which only
matters for characters assigned after 13.0.
"""

from __future__ import annotations

import unicodedata

_REMOVED = frozenset(
    {"No", "Pe", "Pf", "Pi", "Ps", "Po", "Pd", "Sm", "Sc", "Sk", "So", "Cc", "Co", "Cf", "Cn"}
    | {"Zs", "Zl", "Zp"}
)
# Characters of the removed categories that are Alphabetic (Other_Alphabetic symbols such as
# circled letters), which github-slugger keeps.
_ALPHABETIC_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))
# Fast path for the ASCII range: what survives, as a translate table.
_ASCII_DROP = {c: None for c in range(128) if chr(c) not in " -_" and not chr(c).isalnum()}


def _kept(char: str) -> bool:
    if char in " -":
        return True
    if unicodedata.category(char) not in _REMOVED:
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _ALPHABETIC_SYMBOLS)


def slug(text: str) -> str:
    """The anchor GitHub gives a heading whose text is `text` (before de-duplication)."""
    lowered = text.lower()
    if lowered.isascii():
        kept = lowered.translate(_ASCII_DROP)
    else:
        kept = "".join(c for c in lowered if _kept(c))
    return kept.replace(" ", "-")


class Slugger:
    """Anchors for the headings of one document, in document order."""

    def __init__(self) -> None:
        self._occurrences: dict[str, int] = {}

    def slug(self, text: str) -> str:
        result = original = slug(text)
        while result in self._occurrences:
            self._occurrences[original] += 1
            result = f"{original}-{self._occurrences[original]}"
        self._occurrences[result] = 0
        return result
