"""`shorten`, the one cut of a long text (readme_gen/text.py): at most `limit` characters,
the text itself when it fits, else a prefix marked with `…`, never splitting a character
from what belongs to it."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from readme_gen.text import QUOTE_LIMIT, shorten

# Base characters mixed with what belongs to the one before: combining marks, variation
# selectors, zero-width joiners (emoji sequences), and spaces before a cut.
_PARTS = st.one_of(
    st.text(max_size=3),
    st.sampled_from(["e\u0301", "\u0301\u0327", "👩\u200d💻", "❤\ufe0f", " ", "  x"]),
)


def _belongs_to_previous(char: str) -> bool:
    return unicodedata.category(char)[0] == "M" or char in "\u200c\u200d\ufe0f\ufe0e"


@given(st.lists(_PARTS, max_size=30).map("".join), st.integers(1, 60))
@example("x" * 10, 5)
@example("e\u0301" * 5, 4)
@example("ab 👩\u200d💻", 5)
@example("ab \u0301xyz", 4)
def test_shorten_cuts_within_the_limit_and_marks_the_cut(text, limit):
    out = shorten(text, limit)
    assert len(out) <= limit
    if len(text) <= limit:
        assert out == text
        return
    assert out.endswith("…")
    kept = out.removesuffix("…")
    assert text.startswith(kept) and kept == kept.rstrip()
    if kept:  # what follows the kept part never belongs to its last character
        assert not _belongs_to_previous(text[len(kept)]) and kept[-1] != "\u200d"


def test_shorten_quotes_any_value_and_by_default_a_message_s_worth():
    assert shorten(12345, 3) == "12…"
    assert shorten("x" * 1000) == "x" * (QUOTE_LIMIT - 1) + "…"
    assert shorten("word  and more", 7) == "word…"
    assert shorten("e\u0301e\u0301e\u0301", 4) == "e\u0301…"
