"""Errors that carry enough structure for the entry point to print a located message.

Only bad input and misuse raise; a broken link or a lint finding is data, not an exception.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file, located for ``file:line:col`` messages."""

    path: str
    line: int
    column: int
    message: str
    expected: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        tail = f" (expected {self.expected})" if self.expected else ""
        return f"{where}: {self.message}{tail}"


class ReadmeGenError(Exception):
    """Base of every error the entry point turns into a message and an exit code."""

    exit_code = 2


class UsageError(ReadmeGenError):
    """A bad flag, a missing file, a malformed configuration."""


class CatalogError(ReadmeGenError):
    """One or more problems in an input file; all of them, sorted by position."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.column))
        super().__init__("\n".join(str(p) for p in self.problems))
