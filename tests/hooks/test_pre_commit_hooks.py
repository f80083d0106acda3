"""The hooks this project ships, run by the real pre-commit in a temporary git repository
that holds a paper list: `pre-commit try-repo <this repository> <hook>` and one real
`git commit` with the hook installed. Slow (pre-commit builds the hook's environment from
the package index once per session), so everything shares one PRE_COMMIT_HOME."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from readme_gen.catalog.load import load_catalog
from readme_gen.readme.render import render
from tests.support.catalogs import VALID_CATALOG
from tests.support.paths import REPO
from tests.support.precommit import GIT, env, git, pre_commit


@pytest.fixture
def paper_list(tmp_path: Path) -> Path:
    folder = tmp_path / "list"
    folder.mkdir()
    git(folder, "init", "-q")
    (folder / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    (folder / "README.md").write_text("a stale README\n", encoding="utf-8")
    git(folder, "add", ".")
    git(folder, "commit", "-qm", "a paper list")
    return folder


def test_build_hook_regenerates_a_stale_readme_and_fails_then_passes(paper_list, home):
    first = pre_commit(paper_list, home, "try-repo", str(REPO), "readme-gen-build", "--all-files")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    expected = render(load_catalog(paper_list / "catalog.yaml"))
    assert (paper_list / "README.md").read_text(encoding="utf-8") == expected
    second = pre_commit(paper_list, home, "try-repo", str(REPO), "readme-gen-build", "--all-files")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout


def test_lint_hook_fails_with_the_located_message(paper_list, home):
    bad = VALID_CATALOG.replace("authors:", "autors:")
    (paper_list / "catalog.yaml").write_text(bad, encoding="utf-8")
    result = pre_commit(paper_list, home, "try-repo", str(REPO), "readme-gen-lint", "--all-files")
    assert result.returncode == 1
    assert (
        "catalog.yaml:8:9: unknown key `autors` in a paper; did you mean `authors`?"
        in result.stdout
    )
    assert (paper_list / "catalog.yaml").read_text(encoding="utf-8") == bad


def test_a_real_commit_with_the_hook_installed(paper_list, home):
    head = git(REPO, "rev-parse", "HEAD").stdout.strip()
    (paper_list / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: {head}\n    hooks:\n"
        "      - id: readme-gen-build\n      - id: readme-gen-lint\n",
        encoding="utf-8",
    )
    (paper_list / "README.md").write_text(
        render(load_catalog(paper_list / "catalog.yaml")), "utf-8"
    )
    git(paper_list, "add", ".")
    git(paper_list, "commit", "-qm", "hooks", "--no-verify")
    installed = pre_commit(paper_list, home, "install")
    assert installed.returncode == 0, installed.stderr

    changed = VALID_CATALOG.replace('"A paper"', '"A renamed paper"')
    (paper_list / "catalog.yaml").write_text(changed, encoding="utf-8")
    git(paper_list, "add", "catalog.yaml")
    refused = subprocess.run(
        [*GIT, "commit", "-qm", "rename"],
        cwd=paper_list,
        env=env(home),
        capture_output=True,
        text=True,
    )
    assert refused.returncode != 0
    assert "A renamed paper <br>" in (paper_list / "README.md").read_text(encoding="utf-8")
    git(paper_list, "add", "README.md")
    accepted = subprocess.run(
        [*GIT, "commit", "-qm", "rename"],
        cwd=paper_list,
        env=env(home),
        capture_output=True,
        text=True,
    )
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert git(paper_list, "status", "--porcelain").stdout == ""


def _sync_hook(folder: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return pre_commit(folder, home, "try-repo", str(REPO), "readme-gen-sync")


def test_sync_hook_carries_a_readme_edit_over_then_passes(paper_list, home):
    readme = paper_list / "README.md"
    built = render(load_catalog(paper_list / "catalog.yaml"))
    readme.write_text(built, encoding="utf-8")
    git(paper_list, "commit", "-qam", "built")
    comment = "# a comment the sync keeps\n"
    catalog = paper_list / "catalog.yaml"
    catalog.write_text(comment + VALID_CATALOG, encoding="utf-8")
    git(paper_list, "commit", "-qam", "a comment")

    readme.write_text(built.replace("A paper <br>", "A paper, edited <br>"), encoding="utf-8")
    git(paper_list, "add", "README.md")
    first = _sync_hook(paper_list, home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    text = catalog.read_text(encoding="utf-8")
    assert text == comment + VALID_CATALOG.replace('"A paper"', '"A paper, edited"')
    git(paper_list, "add", "catalog.yaml")
    second = _sync_hook(paper_list, home)
    assert second.returncode == 0, second.stdout + second.stderr


def test_sync_hook_refuses_when_both_changed_and_disagree(paper_list, home):
    readme = paper_list / "README.md"
    built = render(load_catalog(paper_list / "catalog.yaml"))
    readme.write_text(built, encoding="utf-8")
    git(paper_list, "commit", "-qam", "built")
    readme.write_text(built.replace("A paper <br>", "From the README <br>"), encoding="utf-8")
    catalog = paper_list / "catalog.yaml"
    changed = VALID_CATALOG.replace('"A paper"', '"From the catalog"')
    catalog.write_text(changed, encoding="utf-8")
    git(paper_list, "add", ".")
    result = _sync_hook(paper_list, home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "both README.md and catalog.yaml changed, and they disagree" in result.stdout
    assert "readme-gen build" in result.stdout and "git restore" in result.stdout
    assert catalog.read_text(encoding="utf-8") == changed  # nothing written
