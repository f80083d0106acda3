"""The locks CI installs from name every dependency pyproject.toml declares: a dependency
added without `make lock` would be missing from CI's install, and the suite would pass
here and fail there."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tests.support.paths import REPO


def _name(requirement: str) -> str:
    found = re.split(r"[\s<>=!~;\[]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", found).lower()  # PEP 503


def _locked(path: str) -> set[str]:
    text = (REPO / path).read_text(encoding="utf-8")
    return {
        m.group(1).lower().replace("_", "-")
        for m in re.finditer(r"^([A-Za-z0-9_.-]+)==", text, re.M)
    }


@pytest.mark.parametrize(
    ("lock", "extra"), [("requirements/runtime.txt", None), ("requirements/dev.txt", "dev")]
)
def test_every_declared_dependency_is_locked(lock, extra):
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = list(project["dependencies"])
    if extra:
        declared += project["optional-dependencies"][extra]
    wanted = {_name(r) for r in declared if "sys_platform == 'win32'" not in r}
    missing = wanted - _locked(lock)
    assert not missing, f"run `make lock`: {sorted(missing)} not in {lock}"


def test_the_distribution_name_is_declared_once_and_used_everywhere():
    """`readme-gen` on the package index is another project: ours installs as
    `readme-gen-papers` and still gives the `readme-gen` command."""

    from readme_gen import DISTRIBUTION

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["name"] == DISTRIBUTION == "readme-gen-papers"
    assert project["scripts"] == {"readme-gen": "readme_gen.cli:entry"}
    for path in [
        *root.joinpath("docs").glob("*.md"),
        *root.joinpath("readme_gen", "templates", "init").iterdir(),
        root / "action.yml",
        *root.joinpath(".github", "workflows").glob("*.yml"),
        root / "templates" / "maintainers-guide.md",
    ]:
        text = path.read_text("utf-8")
        assert "pip install readme-gen " not in text and "pip install readme-gen\n" not in text, (
            path
        )
        assert (
            "pip install readme-gen==" not in text and "pypi.org/project/readme-gen/" not in text
        ), path
