from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from readme_gen.catalog.load import load_catalog
from readme_gen.cli import main
from readme_gen.readme.render import render
from tests.support.catalogs import VALID_CATALOG
from tests.support.paths import REPO
from tests.support.precommit import git


def pytest_report_header() -> str:
    from tests.support.browser import header

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


@pytest.fixture
def paper_list(tmp_path, monkeypatch):
    """A list whose README is in sync; the working directory, as in an Action job
    (tests/test_action.py, tests/site/test_pages.py)."""
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    (tmp_path / "README.md").write_text(render(load_catalog(tmp_path / "catalog.yaml")), "utf-8")
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_TOKEN", "GITHUB_API_URL"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture(scope="session")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """PRE_COMMIT_HOME for every test that runs the real pre-commit: one per session, since
    pre-commit builds the hook environment from the package index."""
    if git(REPO, "status", "--porcelain").stdout.strip():
        pytest.skip(
            "the hooks are tested from a clean checkout (commit first): pre-commit "
            "would rebuild the hook environment for every uncommitted state"
        )
    return tmp_path_factory.mktemp("pre-commit-home")
