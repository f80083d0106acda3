"""Every command's output for people goes through the inert layer: links' text and github
formats, lint's text and annotations. Hostile titles and details from a server or the
catalog keep their shape and send no control character."""

from __future__ import annotations

import re

from readme_gen.links.results import FAILING_BY_DEFAULT, Result, Status, Use
from readme_gen.position import Position
from readme_gen.publish.report import Report, to_github, to_text
from tests.support.catalogs import catalog, paper

CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
TITLE = "50% done, really:: \x1b[2J\x07\u202eevil"
DETAIL = "HTTP 404 \x1b]8;;https://evil.example\x07click\x1b]8;;\x07\r\n::error::forged"


def hostile_report() -> Report:
    results = (
        Result("https://x.org/a", Status.BROKEN, (Use(TITLE, Position(7, 18)),), detail=DETAIL),
        Result("https://x.org/b", Status.MOVED, (Use("ok", Position(9, 18)),), detail="moved"),
    )
    return Report(results, FAILING_BY_DEFAULT, 1.0, catalog="my,list::v1.yaml")


def commands(text: str) -> list[tuple[str, dict[str, str], str]]:
    """Parse workflow commands as the runner does: `::name k=v,k=v::message`."""
    out = []
    for line in text.splitlines():
        if line.startswith("::"):
            name_props, message = line[2:].split("::", 1)
            name, _, props = name_props.partition(" ")
            out.append((name, dict(p.split("=", 1) for p in props.split(",")), message))
    return out


def test_links_text_shows_control_characters_escaped():
    text = to_text(hostile_report())
    assert not CONTROL.search(text)
    assert "      50% done, really:: \\x1b[2J\\x07\\u202eevil\n" in text
    assert "\\x1b]8;;https://evil.example\\x07click" in text
    assert text.count("\n") == len(text.splitlines())  # no stray CR


def test_links_annotations_keep_their_shape():
    text = to_github(hostile_report())
    assert not CONTROL.search(text) and "\r" not in text
    found = commands(text)
    assert [(name, props) for name, props, _ in found] == [
        ("error", {"file": "my%2Clist%3A%3Av1.yaml", "line": "7", "col": "18"}),
        ("warning", {"file": "my%2Clist%3A%3Av1.yaml", "line": "9", "col": "18"}),
    ]
    assert found[0][2].startswith("broken: https://x.org/a (50%25 done, really:: \\x1b[2J")
    assert "\\r\\n::error::forged" in found[0][2]
    assert len(text.splitlines()) == 3  # two annotations and the summary line


def test_lint_annotations_and_text_are_escaped(cli, tmp_path):
    hostile = "50% off, now:: \\u202e x"  # a YAML escape: the title holds U+202E
    text = catalog(paper(hostile, "https://x.org/a"), paper("Other paper", "https://x.org/a"))
    (tmp_path / "my,list:v1.yaml").write_text(text, encoding="utf-8")
    github = cli("lint", "--catalog", "my,list:v1.yaml", "--format", "github")
    assert github.code == 1
    (name, props, message), *_ = commands(github.out)
    assert name == "error"
    assert props == {
        "file": "my%2Clist%3Av1.yaml",
        "line": "18",
        "col": "18",
        "title": "RG101 duplicate-url",
    }
    assert '"50%25 off, now:: \\u202e x"' in message
    plain = cli("lint", "--catalog", "my,list:v1.yaml")
    assert '"50% off, now:: \\u202e x"' in plain.out and "\u202e" not in plain.out
