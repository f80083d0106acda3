"""`fmt`: catalog.yaml in the one canonical layout, comments and blank lines kept.

The layout is `readme_gen.catalog.emit`'s: keys in a fixed order, two-space indentation with
list items under their key, flow-style author lists, titles double-quoted and any other
text plain unless YAML would misread it (then double-quoted). ruamel.yaml's round-trip mode
carries the comments; only layout changes, never a value (`format_text` checks that the
result loads to the same catalog).

An adopted list (`readme-gen init` on a hand-written README) is left as it is: its layout is
import's own (`emit.dump_adopted`: literal blocks with indentation indicators, Markdown kept
byte for byte), which a round trip through ruamel.yaml would not keep, and a change of one
byte there is a change of the README.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readme_gen.catalog.emit import key as key_style
from readme_gen.catalog.emit import scalar
from readme_gen.catalog.load import parse_catalog

ORDER = {
    "root": ("title", "description", "news", "sections", "appendices"),
    "section": ("id", "title", "papers"),
    "paper": ("title", "authors", "venue", "year", "added", "links"),
    "news": ("date", "text"),
    "appendix": ("title", "file"),
}


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 1_000_000
    yaml.preserve_quotes = False
    return yaml


def _text(value: Any, *, flow: bool = False, always_quote: bool = False) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if not isinstance(value, str):
        return value
    if always_quote or scalar(value, flow=flow) != value:
        return DoubleQuotedScalarString(value)
    return str(value)


def _reorder(mapping: Any, order: tuple[str, ...]) -> None:
    for name in order:
        if name in mapping:
            mapping.move_to_end(name)
    extra = [k for k in mapping if k not in order]
    for name in extra:  # unknown keys cannot be here (validated), but keep them last
        mapping.move_to_end(name)


def _paper(paper: Any) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    _reorder(paper, ORDER["paper"])
    for name in ("title", "venue"):
        paper[name] = _text(paper[name], always_quote=name == "title")
    if "added" in paper:  # a date: quoted, as emit writes it
        paper["added"] = _text(paper["added"], always_quote=True)
    authors = CommentedSeq(_text(a, flow=True) for a in paper["authors"])
    authors.fa.set_flow_style()
    paper["authors"] = authors
    links = paper["links"]
    renamed = CommentedMap()
    for label, url in links.items():
        renamed[_text(label) if key_style(label) != label else label] = _text(url)
    if list(renamed.items()) != list(links.items()) or any(
        type(k) is not type(j) for k, j in zip(renamed, links, strict=True)
    ):
        paper["links"] = renamed
    else:
        for label in list(links):
            links[label] = _text(links[label])
    paper["links"].fa.set_block_style()


@dataclass(frozen=True, slots=True)
class Formatted:
    text: str
    adopted: bool = False
    """An adopted list's catalog: `text` is the text as it was (see the module's note)."""


ADOPTED_NOTE = "an adopted list: fmt leaves the layout `readme-gen import` wrote as it is"


def format_text(text: str, path: str, base_dir: Path) -> Formatted:
    """The canonical form of a valid catalog's text (CatalogError if it is not valid)."""
    before = parse_catalog(text, path, base_dir)
    if before.adopted:
        return Formatted(text, adopted=True)
    yaml = _yaml()
    data = yaml.load(text)
    _reorder(data, ORDER["root"])
    for name in ("title", "description"):
        data[name] = _text(data[name])
    for item in data.get("news") or []:
        _reorder(item, ORDER["news"])
        for name in ORDER["news"]:
            item[name] = _text(item[name])
    for section in data.get("sections") or []:
        _reorder(section, ORDER["section"])
        section["id"], section["title"] = _text(section["id"]), _text(section["title"])
        for paper in section.get("papers") or []:
            _paper(paper)
    for appendix in data.get("appendices") or []:
        _reorder(appendix, ORDER["appendix"])
        for name in ORDER["appendix"]:
            appendix[name] = _text(appendix[name])
    out = io.StringIO()
    yaml.dump(data, out)
    result = out.getvalue()
    if parse_catalog(result, path, base_dir) != before:  # layout only, never a value
        raise AssertionError("fmt would change the catalog's content")
    return Formatted(result)
