"""A strict reader of an "add a paper" issue's body, as GitHub renders an issue form's
answers: one `### <label>` heading per field, in the form's order, each followed by its
answer (`_No response_` for an empty optional one).

The body is anyone's text, possibly written through the API rather than the form: it is
read as data and never evaluated. What the form cannot produce is refused with its line
and column: a body over GitHub's own size limit, a NUL, text before the first heading, a
heading twice or out of order (an answer holding a line that reads as one of the form's
headings), a one-line answer over several lines, and control characters (bidi controls
included) in a one-line answer. A note may span lines and hold anything but NUL: it is
shown to people only, made inert where it is shown."""

from __future__ import annotations

import re
from dataclasses import dataclass

from readme_gen.errors import ReadmeGenError
from readme_gen.position import Position
from readme_gen.readme.issue_form import LABELS, MULTILINE

MAX_BODY = 65_536
"""Characters of a body at most: GitHub's own limit for an issue's body, so a longer one
was not written through the form."""
MAX_ANSWER = 2_000
"""Characters of a one-line answer at most (a URL, an id, a venue, a section's label)."""
NO_RESPONSE = "_No response_"
REQUIRED = ("paper", "section")

# What a one-line answer must not hold: C0 controls (tab included), DEL, C1 controls, the
# bidi controls that reorder what is displayed, line and paragraph separators, surrogates
# and noncharacters.
_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufffe\uffff]"
)
_HEADING = re.compile(r"### (.*)")
_BY_LABEL = {label: field_id for field_id, label in LABELS}
_LABEL_OF = dict(LABELS)
_ORDER = [field_id for field_id, _ in LABELS]


class BodyError(ReadmeGenError):
    """The body is not what the form writes: `position` says where, `message` what."""

    def __init__(self, position: Position, message: str) -> None:
        super().__init__(f"issue body, line {position.line}, column {position.column}: {message}")
        self.position = position
        self.message = message


@dataclass(frozen=True, slots=True)
class Answers:
    """The form's answers, as given (stripped); None for an empty optional one."""

    paper: str
    section: str
    venue: str | None = None
    code: str | None = None
    project: str | None = None
    note: str | None = None


def label(field_id: str) -> str:
    """The form's label of a field (`project` -> `Project page`)."""
    return _LABEL_OF[field_id]


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def read_body(body: str) -> Answers:
    """The answers in `body`, or a BodyError naming the first thing the form cannot have
    written."""
    if len(body) > MAX_BODY:
        raise BodyError(
            Position.at_offset(body, MAX_BODY),
            f"the body is {len(body):,} characters, over the limit of {MAX_BODY:,} "
            "(GitHub's own, so the form did not write it); nothing was read",
        )
    nul = body.find("\x00")
    if nul >= 0:
        raise BodyError(Position.at_offset(body, nul), "the body holds a NUL character")
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    found: dict[str, tuple[int, list[str]]] = {}  # field id -> (heading's line, its lines)
    current: list[str] | None = None
    last = -1
    for number, line in enumerate(lines, 1):
        heading = _HEADING.fullmatch(line.rstrip())
        field_id = _BY_LABEL.get(heading.group(1).strip()) if heading else None
        if field_id is None:
            if current is None and line.strip():
                raise BodyError(
                    Position(number, 1),
                    "text before the form's first heading (expected `### Paper`, as the "
                    "issue form writes it)",
                )
            if current is not None:
                current.append(line)
            continue
        if field_id in found:
            first = found[field_id][0]
            raise BodyError(
                Position(number, 1),
                f"a second `### {label(field_id)}` heading (the first is on line {first}): "
                "an answer cannot hold a line that reads as one of the form's headings",
            )
        if _ORDER.index(field_id) < last:
            raise BodyError(
                Position(number, 1),
                f"`### {label(field_id)}` out of the form's order "
                f"(expected {', '.join(label(f) for f in _ORDER)})",
            )
        last = _ORDER.index(field_id)
        current = []
        found[field_id] = (number, current)
    answers: dict[str, str | None] = {}
    for field_id in _ORDER:
        if field_id not in found:
            if field_id in REQUIRED:
                raise BodyError(
                    Position(len(lines), 1),
                    f"no `### {label(field_id)}` heading: the form's required "
                    f"{label(field_id)} is missing",
                )
            answers[field_id] = None
            continue
        heading_line, answer_lines = found[field_id]
        answers[field_id] = _answer(field_id, heading_line, answer_lines)
    paper, section = answers.pop("paper"), answers.pop("section")
    assert paper is not None and section is not None
    return Answers(paper, section, **answers)


def _answer(field_id: str, heading_line: int, lines: list[str]) -> str | None:
    """One field's answer: its lines without the blank ones around them."""
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    end = len(lines)
    while end > start and not lines[end - 1].strip():
        end -= 1
    first = heading_line + 1 + start  # the answer's first line in the body
    kept = lines[start:end]
    answer = "\n".join(kept).strip()
    if not answer or answer == NO_RESPONSE:
        if field_id in REQUIRED:
            raise BodyError(
                Position(heading_line, 1),
                f"the {label(field_id)} answer is empty (the form requires it)",
            )
        return None
    if field_id in MULTILINE:
        return answer
    if len(kept) > 1:
        raise BodyError(
            Position(first + 1, 1),
            f"the {label(field_id)} answer spans several lines (expected one line)",
        )
    if len(answer) > MAX_ANSWER:
        raise BodyError(
            Position(first, MAX_ANSWER + 1),
            f"the {label(field_id)} answer is {len(answer):,} characters "
            f"(expected at most {MAX_ANSWER:,})",
        )
    bad = _CONTROL.search(kept[0])
    if bad:
        raise BodyError(
            Position(first, bad.start() + 1),
            f"the {label(field_id)} answer holds the character {_code(bad.group())}, a control "
            "character (expected printable text; bidi controls reorder what is displayed)",
        )
    return answer
