"""A thing said about a place in a file, whichever command found it: a lint finding, or a
link's result for one paper that uses it. `commands/lint.py` builds these from lint
findings, `publish/report.py` from link results; the emitters (readme_gen.publish.emit)
write them, so each format writes a place the same way for both.
"""

from __future__ import annotations

from dataclasses import dataclass

from readme_gen import escape
from readme_gen.position import Position


@dataclass(frozen=True, slots=True)
class Located:
    file: str
    at: Position
    level: escape.Level
    message: str
    code: str = ""
    """What said it: a lint rule's code (`RG101`); empty for a link."""
    name: str = ""
    """The rule's name (`duplicate-url`); empty for a link."""

    @property
    def title(self) -> str:
        """The annotation's title: `RG101 duplicate-url`, or none."""
        return " ".join(part for part in (self.code, self.name) if part)


def annotation(item: Located) -> str:
    """`item` as one GitHub workflow annotation line: the one place one is built."""
    return escape.annotation(item.level, item.message, file=item.file, at=item.at, title=item.title)
