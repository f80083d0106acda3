"""One emitter per output format (text, json, markdown, github), for every command that
writes one: what it writes of lint's findings and of a links report, and what each
command's `--format` help says of it. The commands take their `--format` choices from
`EMITTERS` (`choices`), so a format is declared here once.

Both commands hand the emitters neutral values: lint its findings as `Located` items
(`LintFindings`, built by commands/lint.py), links its `Report`, whose place-by-place
items are `Located` too (`report.places`). Both commands' GitHub annotations are built
by one function, `located.annotation`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from readme_gen import escape
from readme_gen.publish import findings, located, report
from readme_gen.publish.located import Located

Subject = Literal["lint", "links"]
"""What is written: lint's findings, or a links report."""


@dataclass(frozen=True, slots=True)
class LintFindings:
    """What lint found, in neutral terms: the findings left after the ignores, and the
    ignores that matched nothing (described, `RG101 for "A paper"`)."""

    items: tuple[Located, ...]
    unused: tuple[str, ...]
    ignored: int

    @property
    def errors(self) -> int:
        return sum(item.level == "error" for item in self.items)


LintWriter = Callable[[LintFindings], str]
LinksWriter = Callable[[report.Report], str]


@dataclass(frozen=True, slots=True)
class Emitter:
    """One output format: its writer for each subject it serves, and what the `--format`
    help says it writes there (`help` names exactly the subjects with a writer)."""

    name: str
    help: Mapping[Subject, str]
    lint: LintWriter | None = None
    links: LinksWriter | None = None

    def __post_init__(self) -> None:
        served = {s for s, w in (("lint", self.lint), ("links", self.links)) if w is not None}
        if set(self.help) != served:
            raise ValueError(f"format {self.name}: help for {sorted(self.help)}, writes {served}")


def _unused_lines(found: LintFindings) -> list[str]:
    show = escape.terminal
    return [f"pyproject.toml: unused lint ignore {show(u)}: remove it" for u in found.unused]


def _lines(lines: Sequence[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


def lint_text(found: LintFindings) -> str:
    """`file:line:col: RG101 error duplicate-url: message`, one line per finding."""
    show = escape.terminal
    return _lines(
        [
            f"{show(i.file)}:{i.at}: {i.code} {i.level} {i.name}: {show(i.message)}"
            for i in found.items
        ]
        + _unused_lines(found)
    )


def lint_json(found: LintFindings) -> str:
    """`summary`, `findings`, `unused_ignores`: scripts read it, so fields may be added,
    never renamed or removed (as the links schema in docs/links.md)."""
    data = {
        "summary": {
            "errors": found.errors,
            "warnings": len(found.items) - found.errors,
            "ignored": found.ignored,
        },
        "findings": [
            {
                "rule": i.code,
                "name": i.name,
                "severity": i.level,
                "message": i.message,
                "line": i.at.line,
                "column": i.at.column,
            }
            for i in found.items
        ],
        "unused_ignores": list(found.unused),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def lint_github(found: LintFindings) -> str:
    """One workflow annotation per finding; unused ignores as text lines."""
    return _lines([located.annotation(i) for i in found.items] + _unused_lines(found))


def links_markdown(given: report.Report) -> str:
    # The run's URL, for "and N more: see the report attached to the run", is read from
    # the environment GitHub Actions sets (commands/links.py could pass it in instead).
    return report.to_markdown(given, run=findings.run_url(os.environ))


EMITTERS: dict[str, Emitter] = {
    e.name: e
    for e in (
        Emitter(
            "text",
            {"lint": "`file:line:col: ...` per finding", "links": "grouped by status"},
            lint=lint_text,
            links=report.to_text,
        ),
        Emitter(
            "json",
            {"lint": "on standard output", "links": "the schema in docs/links.md"},
            lint=lint_json,
            links=report.to_json,
        ),
        Emitter("markdown", {"links": "the job summary"}, links=links_markdown),
        Emitter(
            "github",
            {"lint": "workflow annotations", "links": "workflow annotations"},
            lint=lint_github,
            links=report.to_github,
        ),
    )
}


def choices(subject: Subject) -> dict[str, str]:
    """The formats `subject` can be written in, name -> what its `--format` help says."""
    return {e.name: e.help[subject] for e in EMITTERS.values() if subject in e.help}


def write_lint(found: LintFindings, name: str) -> str:
    writer = EMITTERS[name].lint
    if writer is None:
        raise ValueError(f"lint is not written as {name}")
    return writer(found)


def write_links(given: report.Report, name: str) -> str:
    writer = EMITTERS[name].links
    if writer is None:
        raise ValueError(f"a links report is not written as {name}")
    return writer(given)
