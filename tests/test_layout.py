"""Test modules do not import each other: what more than one needs lives in tests/support
(read from the source with `ast`, lazy imports inside functions included). A package's own
data module (tests/metadata/venue_corpus.py) may stay with the package that uses it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
SUPPORT = "tests.support"


def _module(path: Path) -> str:
    parts = path.relative_to(TESTS.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _existing(name: str) -> bool:
    path = TESTS.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imported(tree: ast.AST) -> set[str]:
    """Every `tests.…` module the tree imports: `from tests.x import y` imports the module
    tests.x.y when there is one, else tests.x."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "tests"}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names if node.module.split(".")[0] == "tests" else ():
                sub = f"{node.module}.{alias.name}"
                found.add(sub if _existing(sub) else node.module)
    return found


def problems(path: Path, source: str) -> list[str]:
    """Why `path` (a module under tests/) imports what it must not; [] when it does not."""
    here = _module(path)
    package = here.rsplit(".", 1)[0]
    found = []
    for name in sorted(n for n in _imported(ast.parse(source)) if _existing(n)):
        leaf = name.rsplit(".", 1)[-1]
        if name == SUPPORT or name.startswith(SUPPORT + "."):
            continue
        if here.startswith(SUPPORT + "."):
            found.append(f"{here} imports {name}: tests/support imports only tests/support")
        elif leaf.startswith("test_") or leaf == "conftest":
            found.append(f"{here} imports the test module {name} (move what it shares)")
        elif name.rsplit(".", 1)[0] != package and name != package:
            found.append(f"{here} imports {name} from another package (move it to {SUPPORT})")
    return found


def _test_modules() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if "fixtures" not in p.parts)


def test_test_modules_import_only_tests_support_and_their_own_package_data():
    found = [why for p in _test_modules() for why in problems(p, p.read_text(encoding="utf-8"))]
    assert found == []


@pytest.mark.parametrize(
    ("where", "source", "why"),
    [
        ("links/test_a.py", "from tests.links.test_checker import check", "test module"),
        ("links/test_a.py", "def f():\n    from tests.links import test_checker", "test module"),
        ("site/test_a.py", "import tests.site.conftest", "test module"),
        ("links/test_a.py", "from tests.metadata import venue_corpus", "another package"),
        ("support/x.py", "from tests.metadata import venue_corpus", "only tests/support"),
    ],
)
def test_the_rule_sees_each_kind_of_import_between_test_modules(where, source, why):
    found = problems(TESTS / where, source)
    assert len(found) == 1 and why in found[0], found


def test_the_rule_allows_support_and_a_package_own_data():
    source = "from tests.support.servers import page\nfrom tests.metadata import venue_corpus\n"
    assert problems(TESTS / "metadata" / "test_a.py", source) == []
