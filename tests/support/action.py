"""scripts/action.py loaded as a module, and a paper list set up as in a job."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tests.support.paths import REPO

_spec = importlib.util.spec_from_file_location("action", REPO / "scripts" / "action.py")
assert _spec and _spec.loader
action = importlib.util.module_from_spec(_spec)
sys.modules["action"] = action
_spec.loader.exec_module(action)


def env(folder: Path, **inputs: str) -> dict[str, str]:
    (folder / "summary.md").touch()
    return {
        "GITHUB_STEP_SUMMARY": str(folder / "summary.md"),
        "GITHUB_OUTPUT": str(folder / "output.txt"),
        "RUNNER_TEMP": str(folder / "temp"),
        **{f"INPUT_{k.upper()}": v for k, v in inputs.items()},
    }


def summary(folder: Path) -> str:
    return (folder / "summary.md").read_text(encoding="utf-8")
