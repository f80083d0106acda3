"""`init` and `import` on READMEs whose bytes are odd: every line end CommonMark knows (and
the characters `str.splitlines` breaks at, which it does not), controls, a BOM, nothing but
whitespace. Each README is adopted byte for byte or refused with a located exit 2 that
writes nothing: never exit 3, never a traceback."""

from __future__ import annotations

import pytest

from readme_gen.readme.document import lines_of, split
from tests.support import shapes

TITLE = "Efficient Classification"  # the start of a title in every shape


def test_lines_are_cut_where_commonmark_cuts_them():
    text = "a\nb\r\nc\rd\x0be\x0cf\x85g\u2028h\u2029i\x1cj"
    assert lines_of(text) == ["a\n", "b\r\n", "c\r", "d\x0be\x0cf\x85g\u2028h\u2029i\x1cj"]
    assert lines_of("") == [] and lines_of("\r\r\n") == ["\r", "\r\n"]
    # every piece starts at the line markdown-it gives it
    text = shapes.bullets().replace(TITLE, "Efficient\u2028Classification")
    pieces = split(text)
    entry = next(p for p in pieces if "\u2028" in p.text)
    assert entry.line == next(n for n, ln in enumerate(text.split("\n"), 1) if "\u2028" in ln)


@pytest.mark.parametrize("text", ["", " \n\t\n  ", "\r\n\r\n", "\n"])
def test_a_readme_of_only_whitespace_is_one_piece_of_text(text):
    assert "".join(p.text for p in split(text)) == text
