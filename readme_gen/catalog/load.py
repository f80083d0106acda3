"""Loading catalog.yaml: bytes -> text -> positioned tree -> validated `Catalog`.

The fast reader (`readme_gen.catalog.fastyaml`) handles the plain layout the catalog is written in
without importing ruamel.yaml; anything it is unsure of goes to ruamel.yaml's parser, which
also produces every syntax error message. Both give the same tree, so validation and its
line numbers do not depend on which one ran.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import gc
from collections.abc import Iterator
from pathlib import Path

from readme_gen.catalog import fastyaml
from readme_gen.catalog.model import Catalog
from readme_gen.catalog.screen import screen
from readme_gen.catalog.validate import validate
from readme_gen.catalog.yamltree import Node, compose
from readme_gen.errors import CatalogError, Problem
from readme_gen.fsutil import read_bytes
from readme_gen.position import START, Position


def read_text(path: Path, *, label: str | None = None) -> str:
    """A UTF-8 file's text (a leading BOM dropped); located errors for anything else."""
    name = label or str(path)
    data = read_bytes(path, label=name)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        where = Position.at_offset(data, exc.start)
        message = f"byte 0x{data[exc.start]:02x} is not UTF-8"
        raise CatalogError([Problem(name, where, message, "UTF-8 text")]) from None


def _check_not_empty(text: str, path: str) -> None:
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        expected = "a mapping with `title:`, `sections:` ..."
        raise CatalogError([Problem(path, START, "the catalog is empty", expected)])


def parse_tree(text: str, path: str) -> Node:
    """The positioned tree of a YAML text: the fast reader when it can, ruamel otherwise."""
    _check_not_empty(text, path)
    screen(text, path)
    return _tree(text, path)


def _tree(text: str, path: str) -> Node:
    """The fast reader's tree; where it declines, ruamel.yaml first reads only from the
    entry it declined on (`fastyaml.Declined.window`), so an error late in a large catalog
    is reported, with the very message a whole read gives, at about the cost of the fast
    read (figures in scripts/bench_build.py). A window that reads without error completes
    the fast reader's tree, so a late construct it declines (a block scalar, say) costs
    no whole slow read either."""
    read = fastyaml.read(text)
    if not isinstance(read, fastyaml.Declined):
        return read
    if read.resume <= 1:
        return compose(text, path)
    tree = read.complete(compose(read.window(text), path, whole=text))
    return tree if tree is not None else compose(text, path)


def parse_catalog(
    text: str, path: str, base_dir: Path, *, today: _dt.date | None = None
) -> Catalog:
    """Validate catalog text. The fast reader's tree is the one ruamel.yaml would give,
    positions included (tests/catalog/test_fastyaml.py), so its problems are reported as
    they are: an error in a large catalog costs no second, slower parse."""
    _check_not_empty(text, path)
    screen(text, path)
    with gc_paused():
        return validate(_tree(text, path), path, base_dir, today=today)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: reading a catalog allocates hundreds of thousands
    of small acyclic objects, and collections triggered by them would cost up to half of
    the load time (measured: 10,000 papers 1.09 s -> 0.62 s) while freeing nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_catalog(path: Path, *, label: str | None = None, today: _dt.date | None = None) -> Catalog:
    """Read and validate a catalog file. Raises CatalogError (every problem) or UsageError."""
    name = label or str(path)
    return parse_catalog(read_text(path, label=name), name, path.parent, today=today)
