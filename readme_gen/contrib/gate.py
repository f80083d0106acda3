"""Who may have a pull request opened from an issue: decided from what GitHub says of the
issue's author and labels, never from the issue's text.

A pull request is opened when the issue's author is the repository's owner, a member of
its organisation or a collaborator (`author_association`), or when the issue carries the
approval label, which only people with triage access or more can add. Anyone else's
issue is checked and answered with the comment all the same.

An approval is of the answers a maintainer saw: when the author edits an approved issue,
the pull request is neither updated nor closed (it keeps what was approved) until a
maintainer approves the new answers by adding the label again (remove it, add it)."""

from __future__ import annotations

from dataclasses import dataclass

from readme_gen.contrib.event import IssueEvent

TRUSTED = frozenset({"OWNER", "MEMBER", "COLLABORATOR"})
APPROVAL_LABEL = "add-paper:approved"


@dataclass(frozen=True, slots=True)
class Gate:
    opens: bool
    """A pull request may be opened."""
    why: str
    """For people: why it may, or what would let it."""
    hold: bool = False
    """Leave an open pull request as it is (an approved issue edited since)."""


def gate(event: IssueEvent, approval_label: str = APPROVAL_LABEL) -> Gate:
    if event.author_association in TRUSTED:
        role = event.author_association.lower()
        return Gate(True, f"the issue's author is the repository's {role}")
    if approval_label in event.labels and event.action == "edited":
        return Gate(
            False,
            "the issue was edited after a maintainer approved it: the pull request keeps the "
            f"approved answers until a maintainer removes the `{approval_label}` label and "
            "adds it again",
            hold=True,
        )
    if approval_label in event.labels:
        return Gate(True, f"a maintainer approved it (the `{approval_label}` label)")
    return Gate(
        False,
        f"a maintainer opens the pull request by adding the `{approval_label}` label",
    )
