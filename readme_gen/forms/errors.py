"""The one error of the forms layer."""

from __future__ import annotations


class TemplateError(ValueError):
    """A template that cannot be compiled; `column` is 1-based within the template text."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column
