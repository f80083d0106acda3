"""This repository's two pre-commit configs: the list's hooks and the tool's development
hooks, both valid and both local, so that a first commit needs no network."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from tests.support.paths import REPO

CONFIGS = (".pre-commit-config.yaml", ".pre-commit-config.dev.yaml")


@pytest.mark.parametrize("name", CONFIGS)
def test_valid_and_local_only(name):
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", name],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    config = yaml.safe_load((REPO / name).read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]  # nothing to fetch


def test_the_lists_hooks_are_the_shipped_ones_and_the_dev_hooks_apart():
    shipped = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = {name: [h["id"] for r in yaml.safe_load((REPO / name).read_text("utf-8"))["repos"]
                  for h in r["hooks"]] for name in CONFIGS}  # fmt: skip
    assert ids[".pre-commit-config.yaml"] == [hook["id"] for hook in shipped]
    assert ids[".pre-commit-config.dev.yaml"] == ["ruff", "ruff-format"]
