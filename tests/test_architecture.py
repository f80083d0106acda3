"""Imports point one way (docs/architecture.md), read from the source with `ast`: every
import counts, the lazy ones inside functions and under TYPE_CHECKING included."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "readme_gen"
# The modules at the top of the package that every layer may use; they use only each other.
BASE = {"", "position", "errors", "text", "escape", "fsutil", "config", "venues"}
# layer -> the layers it must not import. `cli` and `__main__` are the entry point; the
# commands are reached only through cli's table of module names (importlib), never imported.
ABOVE_ALL = {"site", "contrib", "commands", "cli"}
FORBIDDEN: dict[str, set[str]] = {
    "forms": {"catalog", "net", "readme", "links", "lint", "publish", "metadata", *ABOVE_ALL},
    "catalog": {"net", "readme", "links", "lint", "publish", "metadata", *ABOVE_ALL},
    "net": {"catalog", "readme", "links", "lint", "publish", "metadata", *ABOVE_ALL},
    "readme": {"net", "links", "lint", "publish", "metadata", *ABOVE_ALL},
    "lint": {"net", "links", "publish", "metadata", *ABOVE_ALL},
    "metadata": {"readme", "links", "lint", "publish", *ABOVE_ALL},
    "links": {"readme", "lint", "publish", *ABOVE_ALL},
    "publish": {"readme", "lint", *ABOVE_ALL},
    "site": {"net", "readme", "links", "lint", "metadata", "contrib", "commands", "cli"},
    "contrib": {"site", "commands", "cli"},
    "commands": {"cli"},
}
# The command modules the others import: the shared helpers, and `add`, whose whole path
# (`add_paper`) the `contribute` command runs.
SHARED_BY_COMMANDS = {"commands.common", "commands.add"}
# A layer's exceptions: single modules of a layer it may not import, that import only the
# base themselves. Person names live in metadata.names alone; lint's author rule reads them.
MAY: dict[str, set[str]] = {"lint": {"metadata.names"}}
# Known arrows against the rules, each with the change that removes it.
PENDING: set[tuple[str, str]] = set()


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every readme_gen module `path` imports, relative to the package (`catalog.model`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: a relative import; write readme_gen.…")
        names = (
            [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else [f"{node.module}.{a.name}" for a in node.names]
            if isinstance(node, ast.ImportFrom) and node.module
            else []
        )
        for name in names:
            if name == "readme_gen" or name.startswith("readme_gen."):
                found.add(name.removeprefix("readme_gen").removeprefix("."))
    return {_known(name) for name in found}


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _known(name: str) -> str:
    """`catalog.model.Paper` -> `catalog.model`: the longest prefix that is a module."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


GRAPH = {module: _imports(path) for module, path in MODULES.items()}


def _layer(module: str) -> str:
    head = module.partition(".")[0]
    return "" if module in BASE else head


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_module_imports_only_what_its_layer_may(module):
    layer = _layer(module)
    wrong = sorted(
        target
        for target in GRAPH[module]
        if (module, target) not in PENDING
        and target not in MAY.get(layer, set())
        and (
            _layer(target) in FORBIDDEN.get(layer, set())
            or (layer == "" and _layer(target) != "")  # the base uses only the base
            or (target == "cli" and module != "__main__")
            or (
                layer == target.partition(".")[0] == "commands" and target not in SHARED_BY_COMMANDS
            )
        )
    )
    assert not wrong, f"readme_gen.{module} imports {wrong} (see docs/architecture.md)"


@pytest.mark.parametrize("layer", sorted(MAY))
def test_an_exception_to_the_layers_imports_only_the_base(layer):
    for module in MAY[layer]:
        assert {t for t in GRAPH[module] if _layer(t) != ""} == set(), module


def test_no_import_cycle_between_modules():
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycle = " -> ".join([*path[path.index(module) :], module])
            raise AssertionError(f"import cycle: {cycle}")
        if module in done:
            return
        for target in sorted(GRAPH[module] - {module, ""}):
            visit(target, [*path, module])
        done.add(module)

    for module in sorted(MODULES):
        visit(module, [])


def test_the_rules_see_the_imports_they_judge():
    # The walker itself: lazy imports inside functions and `from x import module` count.
    assert "catalog.load" in GRAPH["commands.build"]
    assert "links.checker" in GRAPH["commands.links"]  # imported inside a function
    assert "escape" in GRAPH["publish.report"]  # `from readme_gen import escape`
    assert "catalog.model" in GRAPH["catalog.validate"]


def test_nothing_below_the_commands_prints_or_exits():
    calls = []
    for module, path in MODULES.items():
        if module in ("cli", "__main__") or module.startswith("commands"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = ast.unparse(node.func)
                if name in ("print", "exit", "sys.exit", "os._exit", "input"):
                    calls.append(f"readme_gen.{module}:{node.lineno}: {name}()")
    assert not calls


def test_the_package_page_links_every_docs_page_and_the_guide_the_architecture():
    docs = PACKAGE.parent / "docs"
    page = (docs / "package.md").read_text(encoding="utf-8")
    pages = sorted(p.name for p in docs.glob("*.md") if p.name != "package.md")
    assert "architecture.md" in pages
    # PyPI shows this page: links must be absolute, to the repository's docs/.
    assert [p for p in pages if f"/blob/main/docs/{p})" not in page] == []
    guide = (PACKAGE.parent / "templates" / "maintainers-guide.md").read_text(encoding="utf-8")
    assert "(docs/architecture.md)" in guide
