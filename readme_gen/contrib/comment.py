"""The one comment the add-paper workflow keeps on an issue, and the body of the pull
request it opens: what the entry will look like in README.md, each link's verdict, the
lint findings, or what went wrong and how to fix it.

Every byte that came from the issue or from a server goes through `readme_gen.escape`: the
entry is shown in a fenced code block (a fence longer than any run of backticks in it,
control characters as escapes), everything else as inert Markdown text. Nothing from the
issue becomes a link, a mention, an image or HTML."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from readme_gen import escape

MARKER = "<!-- readme-gen:add-paper -->"
"""The first line of the workflow's comment: how the next run finds it to edit it."""
PAPER_MARKER = "<!-- readme-gen:add-paper paper={} -->"
"""A line of the pull request's body naming the paper's URL (percent-encoded, so it cannot
end the comment early): how a second issue for the same paper finds the first's PR."""
DETAIL_LIMIT = 300
TEXT_LIMIT = 500


@dataclass(frozen=True, slots=True)
class LinkVerdict:
    label: str
    url: str
    status: str
    """The link checker's status (`ok`, `broken`, `mismatch`, ...)."""
    fails: bool
    detail: str = ""
    title_found: str | None = None


@dataclass(frozen=True, slots=True)
class LintNote:
    rule: str
    name: str
    severity: str
    message: str
    blocks: bool


@dataclass(frozen=True, slots=True)
class Checked:
    """A paper that `add` could add, and what the checks said of it."""

    title: str
    section: str
    entry: str
    """The entry's lines as README.md will show them."""
    links: tuple[LinkVerdict, ...]
    lint: tuple[LintNote, ...]
    paper_url: str

    @property
    def ok(self) -> bool:
        return not any(v.fails for v in self.links) and not any(n.blocks for n in self.lint)


@dataclass(frozen=True, slots=True)
class Refused:
    """The paper could not be added: what went wrong, and how to fix it."""

    problem: str
    fix: str
    see: int | None = None
    """Another pull request (ours) that adds the paper already."""


@dataclass(frozen=True, slots=True)
class Pull:
    number: int
    url: str
    updated: bool


def _text(text: str, limit: int = TEXT_LIMIT) -> str:
    return escape.inert_markdown(text, limit=limit)


def _section(section_id: str) -> str:
    """A section's id in a code span (a catalog's ids are words), else as inert text."""
    if re.fullmatch(r"[A-Za-z0-9_.-]{1,100}", section_id):
        return f"`{section_id}`"
    return _text(section_id, 100)


def code_block(text: str) -> str:
    """`text` as a fenced code block that nothing in it can end: shown, never rendered."""
    lines = [escape.terminal(line) for line in text.split("\n")]
    longest = max((len(m) for m in re.findall(r"`+", "\n".join(lines))), default=0)
    fence = "`" * max(3, longest + 1)
    return "\n".join([f"{fence}text", *lines, fence])


def _links(links: Sequence[LinkVerdict]) -> list[str]:
    out = ["**Links** (checked now, the new entry's only):", ""]
    for v in links:
        mark = "❌" if v.fails else "✅" if v.status == "ok" else "⚠️"
        line = f"- {mark} {_text(v.label, 50)} `{v.status}`: {_text(v.url, 300)}"
        if v.detail:
            line += f" ({_text(v.detail, DETAIL_LIMIT)})"
        if v.status == "mismatch" and v.title_found and v.title_found not in v.detail:
            line += f"; the page is titled {_text(v.title_found, 200)}"
        out.append(line)
    return out


def _lint(notes: Sequence[LintNote]) -> list[str]:
    if not notes:
        return ["**Lint**: no finding on the new entry."]
    out = ["**Lint** (findings the new entry brings):", ""]
    for n in notes:
        mark = "❌" if n.blocks else "⚠️"
        out.append(f"- {mark} {_text(n.rule, 20)} {_text(n.name, 60)}: {_text(n.message)}")
    return out


def _checked(checked: Checked) -> list[str]:
    return [
        f"**Entry** for section {_section(checked.section)}, as README.md will show it:",
        "",
        code_block(checked.entry),
        "",
        *_links(checked.links),
        "",
        *_lint(checked.lint),
    ]


def _fixes(checked: Checked) -> list[str]:
    out = []
    if any(v.fails and v.status == "broken" for v in checked.links):
        out.append("- a broken link: edit the issue with a link that works")
    if any(v.fails and v.status == "mismatch" for v in checked.links):
        out.append(
            "- a link to another paper: edit the issue with the link to this paper's own page"
        )
    if any(n.blocks for n in checked.lint):
        out.append("- a lint error: edit the issue's answers (e.g. the venue) to fix it")
    return out


def comment(
    outcome: Checked | Refused,
    *,
    opens: bool,
    why: str,
    pull: Pull | None = None,
    note: str | None = None,
) -> str:
    """The comment's Markdown, starting with MARKER."""
    lines = [MARKER]
    if isinstance(outcome, Refused):
        lines += [
            "### ❌ This paper cannot be added yet",
            "",
            _text(outcome.problem, 1000),
            *(["", f"See #{outcome.see}."] if outcome.see is not None else []),
            "",
            f"**How to fix it**: {_text(outcome.fix, 1000)}",
        ]
    elif not outcome.ok:
        lines += [
            "### ❌ The checks found problems",
            "",
            *_checked(outcome),
            "",
            "**How to fix it**:",
            "",
            *_fixes(outcome),
        ]
    else:
        title = "### ✅ Ready: the checks pass"
        lines += [title, "", *_checked(outcome), ""]
        if pull is not None:
            verb = "updated" if pull.updated else "opened"
            lines.append(f"Pull request #{pull.number} {verb} ({why}).")
        elif not opens:
            lines.append(f"No pull request yet: {why}.")
    if note:
        lines += ["", f"**Note** from the issue: {_text(note, 2000)}"]
    lines += [
        "",
        "<sub>Checked by readme-gen. Edit the issue to change an answer: this comment is "
        "updated on each edit.</sub>",
    ]
    return "\n".join(lines) + "\n"


def pull_body(checked: Checked, number: int, note: str | None = None) -> str:
    """The pull request's body: the verdict, and `Closes #N` for the issue."""
    lines = [
        paper_marker(checked.paper_url),
        f'Adds "{_text(checked.title, 300)}" to section {_section(checked.section)}, '
        f"as asked in #{number}.",
        "",
        *_checked(checked),
    ]
    if note:
        lines += ["", f"**Note** from the issue: {_text(note, 2000)}"]
    lines += ["", f"Closes #{number}"]
    return "\n".join(lines) + "\n"


def paper_marker(url: str) -> str:
    """The hidden line of a pull request's body that names its paper."""
    safe = escape.safe_url(url) or ""
    return PAPER_MARKER.format(safe.replace("-->", "--%3E"))
