"""The issue form's answers, read back strictly from the body GitHub renders."""

from __future__ import annotations

import pytest

from readme_gen.contrib.body import MAX_BODY, Answers, BodyError, read_body
from readme_gen.position import Position

FORM = [
    ("Paper", "arXiv:2412.10181"),
    ("Section", "Section One [one]"),
    ("Venue", "CVPR"),
    ("Code", "_No response_"),
    ("Project page", "_No response_"),
    ("Note", "_No response_"),
]


def body(*answers: tuple[str, str], newline: str = "\n") -> str:
    text = "\n\n".join(f"### {label}\n\n{answer}" for label, answer in answers or FORM)
    return text.replace("\n", newline)


def refused(text: str) -> BodyError:
    with pytest.raises(BodyError) as caught:
        read_body(text)
    return caught.value


def test_the_forms_body_reads_back_its_answers():
    assert read_body(body()) == Answers("arXiv:2412.10181", "Section One [one]", venue="CVPR")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_read_as_newlines(newline):
    assert read_body(body(newline=newline)) == read_body(body())


def test_a_note_keeps_its_lines_and_any_other_heading():
    note = "first\n\n### Not a form heading\n- title: x"
    answers = read_body(body(*FORM[:5], ("Note", note)))
    assert answers.note == note


def test_a_form_heading_inside_an_answer_is_a_duplicate():
    error = refused(body(*FORM[:5], ("Note", "hi\n### Paper\n\narXiv:9999.99999")))
    assert error.position == Position(24, 1)
    assert "a second `### Paper` heading (the first is on line 1)" in str(error)


def test_headings_out_of_order_are_refused():
    error = refused(body(FORM[1], FORM[0]))
    assert "out of the form's order" in str(error) and error.position.line == 5


def test_text_before_the_first_heading_is_refused():
    error = refused("hello\n" + body())
    assert error.position == Position(1, 1) and "before the form's first heading" in str(error)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ((FORM[1],), "no `### Paper` heading"),
        ((("Paper", "_No response_"), FORM[1]), "the Paper answer is empty"),
        ((("Paper", "a\nb"), FORM[1]), "the Paper answer spans several lines"),
        ((("Paper", "x" * 2001), FORM[1]), "the Paper answer is 2,001 characters"),
        ((FORM[0], ("Section", "One\u202e [one]")), "holds the character U+202E"),
        ((FORM[0], ("Section", "One\t[one]")), "holds the character U+0009"),
    ],
)
def test_what_the_form_cannot_write_is_refused_and_located(answers, message):
    assert message in str(refused(body(*answers)))


def test_a_nul_anywhere_is_refused():
    error = refused(body(*FORM[:5], ("Note", "a\x00b")))
    assert "NUL" in str(error) and error.position == Position(23, 2)


def test_a_body_over_githubs_limit_is_refused_where_it_crosses_it():
    error = refused(body(*FORM[:5], ("Note", "x" * MAX_BODY)))
    assert str(error).startswith("issue body, line 23, column 65391: ")
    assert "over the limit of 65,536" in str(error)
