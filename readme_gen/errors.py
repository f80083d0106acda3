"""Errors that carry enough structure for the entry point to print a located message.

Only bad input and misuse raise; a broken link or a lint finding is data, not an exception.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from readme_gen.position import Position


def did_you_mean(key: str, known: Iterable[str]) -> str:
    """`; did you mean `x`?` naming the known key closest to a misspelt one, or ``."""
    import difflib

    close = difflib.get_close_matches(key[:100], list(known), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file, located for ``file:line:col`` messages."""

    path: str
    position: Position
    message: str
    expected: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.position}" if self.position.line else self.path
        tail = f" (expected {self.expected})" if self.expected else ""
        return f"{where}: {self.message}{tail}"


class ReadmeGenError(Exception):
    """Base of every error the entry point turns into a message and an exit code."""

    exit_code = 2


class UsageError(ReadmeGenError):
    """A bad flag, a missing file, a malformed configuration."""


class ProblemsError(ReadmeGenError):
    """One or more located problems in an input file; all of them, sorted by position."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.position))
        super().__init__("\n".join(str(p) for p in self.problems))


class CatalogError(ProblemsError):
    """Problems in the catalog (or another input the command reads, such as a README)."""


class ConfigError(ProblemsError):
    """Problems in pyproject.toml (its syntax or the `[tool.readme-gen]` tables)."""


class FileAction(enum.Enum):
    READ = "read"
    WRITE = "write"


class FileError(ReadmeGenError):
    """The environment refused a file operation (missing folder, full disk, read-only
    file...): not bad input and not a bug, so exit 2 with the file and the reason."""

    def __init__(self, path: str | Path, action: FileAction, reason: str) -> None:
        self.path, self.action, self.reason = str(path), action, reason
        super().__init__(f"cannot {action.value} {self.path}: {reason}")

    @classmethod
    def from_os(cls, path: str | Path, action: FileAction, exc: OSError) -> FileError:
        """The error for an OSError met while reading or writing `path`."""
        return cls(path, action, exc.strerror or str(exc) or type(exc).__name__)
