"""git and the real pre-commit, run in temporary repositories with one shared PRE_COMMIT_HOME."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GIT = [
    "git",
    "-c",
    "user.name=Test",
    "-c",
    "user.email=test@example.org",
    "-c",
    "commit.gpgsign=false",
    "-c",
    "init.defaultBranch=main",
]


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GIT, *args], cwd=cwd, check=check, capture_output=True, text=True)


def env(home: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_"))}
    return {**clean, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}


def pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env(home),
        capture_output=True,
        text=True,
    )
