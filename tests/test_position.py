"""The one position type: 1-based, ordered, and computed from an offset the same way for
text and for bytes that are not valid UTF-8."""

from __future__ import annotations

import pytest

from readme_gen.errors import Problem
from readme_gen.position import NOWHERE, START, Position


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("abc", 0, Position(1, 1)),
        ("abc", 2, Position(1, 3)),
        ("ab\ncd", 2, Position(1, 3)),  # the line break itself ends line 1
        ("ab\ncd", 3, Position(2, 1)),
        ("a\n\n\nxyz", 6, Position(4, 3)),
        ("é\nxé!", 4, Position(2, 3)),  # characters, not bytes
    ],
)
def test_at_offset_counts_lines_and_columns_from_one(
    text: str, offset: int, expected: Position
) -> None:
    assert Position.at_offset(text, offset) == expected


def test_at_offset_in_bytes_counts_bytes() -> None:
    data = "é\nxé".encode() + b"\xff"
    assert Position.at_offset(data, data.index(b"\xff")) == Position(2, 4)


def test_positions_order_by_line_then_column_and_print_as_line_colon_column() -> None:
    assert sorted([Position(2, 1), Position(1, 9), Position(1, 2)]) == [
        Position(1, 2),
        Position(1, 9),
        Position(2, 1),
    ]
    assert str(Position(12, 3)) == "12:3"
    assert Position(1, 1) == START


def test_a_problem_prints_file_line_column_and_omits_a_missing_position() -> None:
    assert (
        str(Problem("c.yaml", Position(3, 4), "bad", "good")) == "c.yaml:3:4: bad (expected good)"
    )
    assert str(Problem("c.yaml", NOWHERE, "bad")) == "c.yaml: bad"
