from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from readme_gen.cli import main

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

VALID_CATALOG = """\
title: Test list
description: Papers about tests.
sections:
  - id: one
    title: Section One
    papers:
      - title: "A paper"
        authors: [Ann Author, Bob Author]
        venue: CVPR
        year: 2024
        links:
          Paper: https://example.org/a
"""


def pytest_report_header() -> str:
    from tests.site.browser import header

    return header()  # one visible line: do the site's browser tests run here?


@dataclasses.dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path):
    """Run `readme-gen ARGS` in-process with tmp_path as the working directory."""

    def run(*args: str, cwd: Path | None = None) -> Run:
        monkeypatch.chdir(cwd or tmp_path)
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes: to prove a failed run changed nothing."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
