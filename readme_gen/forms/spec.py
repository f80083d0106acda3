"""A form as a catalog declares it, and its compiled templates."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from readme_gen.forms.template import Style, Template
from readme_gen.position import NOWHERE, Position


@dataclass(frozen=True, slots=True)
class FormSpec:
    """A form as the catalog declares it (`readme_gen.forms.template` compiles it)."""

    name: str
    entries: tuple[str, ...]
    """Templates, the first one used for new entries."""
    item: str = "[{label}]({url})"
    separator: str = " "
    authors: str = ", "
    last_author: str = ""
    link: str = "Paper"
    between: str = "\n"
    """What stands between two entries of one run (a line break; a blank line for blocks)."""
    empty: str = ""
    """The list's placeholder for a field or links with no value (`-`, `null`); "": none."""
    spacing: bool = False
    """White space may vary from entry to entry (`spacing: varies`); each entry keeps its own."""
    markdown: bool = True
    """Field values are Markdown written as is (adopted lists); else plain text, escaped."""
    position: Position = field(default=NOWHERE, compare=False)

    @property
    def style(self) -> Style:
        return Style(
            link=self.link,
            item=self.item,
            separator=self.separator,
            authors=self.authors,
            last_author=self.last_author,
            spacing=self.spacing,
            empty=self.empty,
        )


def compile_form(spec: FormSpec) -> tuple[Template, ...]:
    """The form's templates, compiled (TemplateError for a malformed one)."""
    return _compiled(spec.entries, spec.style)


@functools.cache
def _compiled(entries: tuple[str, ...], style: Style) -> tuple[Template, ...]:
    return tuple(Template.compile(text, style) for text in entries)
