"""Text folding shared by the layers that compare titles (catalog edits, links, lint).

It lives at the top of the package so that the catalog layer need not import the network
layer, nor lint reach into links, for one pure function.
"""

from __future__ import annotations

import html
import re
import unicodedata


def normalise(title: str) -> str:
    """Case, accents' forms, punctuation and white space folded away."""
    folded = unicodedata.normalize("NFKC", html.unescape(title)).casefold()
    return " ".join(re.findall(r"\w+", folded))
