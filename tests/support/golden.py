"""The golden README: the exact output format for the repository catalog."""

from __future__ import annotations

from tests.support.paths import FIXTURES

EXPECTED = (FIXTURES / "README.expected.md").read_text(encoding="utf-8")
