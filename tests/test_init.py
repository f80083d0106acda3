"""`readme-gen init`: an empty folder or a README in the list's format becomes a list kept by
readme-gen; it overwrites nothing (all targets checked first, all-or-nothing writes); and end
to end in a real git repository: init, build, build --check, lint, then this repository's
hooks through `pre-commit try-repo`."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from ruamel.yaml import YAML

from readme_gen import HOMEPAGE, __version__
from readme_gen.catalog.load import load_catalog
from readme_gen.commands.init import CATALOG, TEMPLATES
from readme_gen.readme.issue_form import FORM_PATH
from readme_gen.readme.parse import parse_readme
from readme_gen.readme.render import render
from tests.support.catalogs import VALID_CATALOG
from tests.support.files import snapshot
from tests.support.paths import FIXTURES, REPO
from tests.support.precommit import git, pre_commit

ACTION = HOMEPAGE.removeprefix("https://github.com/")
TARGETS = [CATALOG, *TEMPLATES.values(), FORM_PATH]


def workflow(folder, name):
    return YAML(typ="safe").load((folder / ".github" / "workflows" / name).read_text("utf-8"))


def test_an_empty_folder_becomes_a_list_that_builds_and_lints(cli, tmp_path):
    folder = tmp_path / "my-list"
    folder.mkdir()
    result = cli("init", cwd=folder)
    assert result.code == 0, result.err
    assert sorted(snapshot(folder)) == sorted([*TARGETS, ".gitignore"])
    catalog = (folder / CATALOG).read_text("utf-8")
    # the schema of the release the list uses (an adopter has no schema/ folder of its own)
    assert catalog.startswith("# yaml-language-server: $schema=https://raw.githubusercontent.com/")
    assert "\ntitle: my-list\n" in catalog
    assert ".readme-gen-cache" in (folder / ".gitignore").read_text("utf-8")
    assert cli("build", cwd=folder).code == 0
    assert cli("build", "--check", cwd=folder).code == 0
    assert cli("lint", cwd=folder).code == 0


def test_a_readme_in_the_list_format_is_imported(cli, tmp_path):
    original = (FIXTURES / "README.original.md").read_text("utf-8")
    (tmp_path / "README.md").write_text(original, "utf-8")
    result = cli("init", cwd=tmp_path)
    assert result.code == 0, result.err
    assert "catalog.yaml is imported from README.md" in result.err
    assert cli("build", cwd=tmp_path).code == 0
    assert cli("build", "--check", cwd=tmp_path).code == 0
    rebuilt = parse_readme((tmp_path / "README.md").read_text("utf-8"))
    assert rebuilt == parse_readme(original)
    assert sum(len(s.papers) for s in rebuilt.sections) > 30


def test_the_workflows_and_hooks_use_this_release_of_the_action(cli, tmp_path):
    assert cli("init", cwd=tmp_path).code == 0
    check, audit = workflow(tmp_path, "readme-gen.yml"), workflow(tmp_path, "link-audit.yml")
    [check_step] = [s for s in check["jobs"]["check"]["steps"] if s["uses"].startswith(ACTION)]
    assert check_step == {
        "uses": f"{ACTION}@v{__version__}",
        "with": {"command": "check", "catalog": "catalog.yaml"},
    }
    [audit_step] = [s for s in audit["jobs"]["audit"]["steps"] if s["uses"].startswith(ACTION)]
    assert audit_step["with"]["command"] == "audit"
    assert audit["permissions"] == {}
    assert audit["jobs"]["audit"]["permissions"] == {"contents": "read", "issues": "write"}
    hooks = YAML(typ="safe").load((tmp_path / ".pre-commit-config.yaml").read_text("utf-8"))
    assert hooks["repos"][0]["repo"] == HOMEPAGE
    assert hooks["repos"][0]["rev"] == f"v{__version__}"
    hook_ids = {
        h["id"] for h in YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text())
    }
    assert {h["id"] for h in hooks["repos"][0]["hooks"]} <= hook_ids
    for name in TARGETS:
        assert not re.search(r"@[A-Z]+@", (tmp_path / name).read_text("utf-8")), name


def test_init_writes_the_add_paper_workflow_with_the_action_at_the_release(cli, tmp_path):
    assert cli("init", "--ref", "v9.8.7", cwd=tmp_path).code == 0
    flow = workflow(tmp_path, "add-paper.yml")
    assert flow["on"]["issues"]["types"] == ["opened", "edited", "labeled", "closed", "reopened"]
    [job] = flow["jobs"].values()
    [step] = [s for s in job["steps"] if s["uses"].startswith(ACTION)]
    assert step["uses"] == f"{ACTION}@v9.8.7"  # the release, not the list's own checkout
    assert step["with"]["command"] == "contribute"
    assert not any("run" in s for s in job["steps"])  # nothing of the issue reaches a shell
    text = (tmp_path / ".github/workflows/add-paper.yml").read_text("utf-8")
    assert "github.event.issue.body" not in text and "github.event.issue.title" not in text
    assert (tmp_path / FORM_PATH).exists()  # the form whose issues it reads


def test_ref_chooses_the_release(cli, tmp_path):
    assert cli("init", "--ref", "v9.8.7", cwd=tmp_path).code == 0
    assert "@v9.8.7\n" in (tmp_path / ".github/workflows/readme-gen.yml").read_text("utf-8")


@pytest.mark.parametrize("ref", ["", "v1 ; rm -rf /", "main\n  evil: 1", "${{ github.token }}"])
def test_a_ref_that_could_change_the_workflows_is_refused(cli, tmp_path, ref):
    result = cli("init", "--ref", ref, cwd=tmp_path)
    assert result.code == 2
    assert "is not a tag or commit" in result.err
    assert snapshot(tmp_path) == {}


@pytest.mark.parametrize("existing", TARGETS)
def test_refuses_to_overwrite_anything_and_writes_nothing(cli, tmp_path, existing):
    (tmp_path / existing).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / existing).write_text("mine\n", "utf-8")
    before = snapshot(tmp_path)
    result = cli("init", cwd=tmp_path)
    assert result.code == 2
    assert f"{existing} already exists; init overwrites nothing, so it wrote nothing" in result.err
    assert snapshot(tmp_path) == before


def test_a_dangling_symlink_counts_as_existing(cli, tmp_path):
    (tmp_path / "MAINTAINING.md").symlink_to(tmp_path / "nowhere")
    assert cli("init", cwd=tmp_path).code == 2
    assert not (tmp_path / CATALOG).exists()


@pytest.mark.parametrize("link", [".github", ".github/workflows"])
def test_a_symlinked_folder_pointing_outside_is_refused(cli, tmp_path, link):
    """A symlinked `.github` made init write the workflows wherever it pointed."""
    folder, outside = tmp_path / "list", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    (folder / link).parent.mkdir(parents=True, exist_ok=True)
    (folder / link).symlink_to(outside, target_is_directory=True)
    result = cli("init", cwd=folder)
    assert result.code == 2 and "a folder on the way is a link to outside" in result.err
    assert ".github/workflows/readme-gen.yml" in result.err
    assert snapshot(outside) == {} and not (folder / CATALOG).exists()


def test_a_failed_write_removes_what_this_run_wrote(cli, tmp_path):
    (tmp_path / ".github").write_text("a file where the folder should be\n", "utf-8")
    before = snapshot(tmp_path)
    result = cli("init", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("readme-gen: error: cannot write ")
    assert "Traceback" not in result.err
    assert snapshot(tmp_path) == before


def test_a_readme_without_the_list_format_is_refused_not_replaced(cli, tmp_path):
    (tmp_path / "README.md").write_text("# A list\n\n| a | b |\n|---|---|\n| x | y |\n", "utf-8")
    before = snapshot(tmp_path)
    result = cli("init", cwd=tmp_path)
    assert result.code == 2
    assert "README.md: no entries found" in result.err and "nothing was written" in result.err
    assert snapshot(tmp_path) == before


def test_a_row_without_a_link_is_kept_as_written_and_the_readme_builds_back(cli, tmp_path):
    original = (FIXTURES / "README.original.md").read_text("utf-8")
    row = "| TMLR<br><sup>2024</sup> | Pushing the Limits"
    broken = original.replace("[Paper](https://openreview.net/forum?id=6dS1jhdemD)", "no link")
    (tmp_path / "README.md").write_text(broken, "utf-8")
    result = cli("init", "--format", "json", cwd=tmp_path)
    assert result.code == 0, result.err
    summary = json.loads(result.out)
    assert summary["identical"] is True and summary["entries"] == 37
    assert summary["parsed"] + summary["raw"] == 37
    catalog = (tmp_path / "catalog.yaml").read_text("utf-8")
    kept = next(line for line in catalog.splitlines() if row in line)
    assert kept.lstrip().startswith("- raw: ") and "no link" in kept
    lint = cli("lint", cwd=tmp_path)
    assert "RG113" in lint.out + lint.err and "kept-as-written" in lint.out + lint.err
    assert cli("build", "--check", cwd=tmp_path).code == 0
    assert (tmp_path / "README.md").read_text("utf-8") == broken


def readme_gen(cwd, *args):
    done = subprocess.run(
        [sys.executable, "-m", "readme_gen", *args], cwd=cwd, capture_output=True, text=True
    )
    return done.returncode, done.stdout + done.stderr


def test_end_to_end_in_a_git_repository_with_the_hooks(tmp_path, home):
    folder = tmp_path / "list"
    folder.mkdir()
    git(folder, "init", "-q")
    (tmp_path / "source.yaml").write_text(VALID_CATALOG, "utf-8")
    (folder / "README.md").write_text(render(load_catalog(tmp_path / "source.yaml")), "utf-8")
    git(folder, "add", ".")
    git(folder, "commit", "-qm", "the hand-written list")

    code, out = readme_gen(folder, "init")
    assert code == 0, out
    code, out = readme_gen(folder, "build")
    assert code == 0, out
    assert readme_gen(folder, "build", "--check")[0] == 0
    assert readme_gen(folder, "lint")[0] == 0
    git(folder, "add", ".")
    git(folder, "commit", "-qm", "readme-gen init")

    for hook in ("readme-gen-build", "readme-gen-lint"):
        result = pre_commit(folder, home, "try-repo", str(REPO), hook, "--all-files")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Passed" in result.stdout
    assert git(folder, "status", "--porcelain").stdout == ""

    # and the hook does its job in the adopted list: a catalog edit rebuilds the README
    catalog = (folder / CATALOG).read_text("utf-8")
    (folder / CATALOG).write_text(catalog.replace("A paper", "A renamed paper"), "utf-8")
    git(folder, "add", CATALOG)  # pre-commit sets unstaged changes aside while hooks run
    result = pre_commit(folder, home, "try-repo", str(REPO), "readme-gen-build", "--all-files")
    assert result.returncode == 1
    assert "files were modified by this hook" in result.stdout
    assert "A renamed paper <br>" in (folder / "README.md").read_text("utf-8"), result.stdout


def test_an_existing_gitignore_gets_one_line_and_keeps_the_rest(cli, tmp_path):
    (tmp_path / ".gitignore").write_text("*.pyc\n", "utf-8")
    assert cli("init", cwd=tmp_path).code == 0
    assert (tmp_path / ".gitignore").read_text("utf-8").startswith("*.pyc\n")
    assert ".readme-gen-cache" in (tmp_path / ".gitignore").read_text("utf-8")


def test_maintaining_names_the_lists_own_section(cli, tmp_path):
    (tmp_path / "README.md").write_text(
        "# L\n\n## Robots\n\n"
        + "".join(
            f"- [Paper number {n} on robots](https://a.example/{n}), A B, ICRA 2024\n"
            for n in range(4)
        ),
        "utf-8",
    )
    assert cli("init", cwd=tmp_path).code == 0
    text = (tmp_path / "MAINTAINING.md").read_text("utf-8")
    assert "--section robots" in text and "2412.10181" not in text
