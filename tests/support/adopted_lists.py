"""Adopted lists of our own for the commands' tests: each of the three shapes
(tests/support/shapes.py), and variants with what real lists do (a paper under two topics,
links to files of the list's own repository, a paper without a year)."""

from __future__ import annotations

import difflib
from pathlib import Path

from readme_gen.readme.adopt import take
from tests.support import shapes

SHAPES = {"bullets": shapes.bullets, "table": shapes.table, "blocks": shapes.blocks}
"""Each shape, and the id of the section its papers are in."""
SECTION = {"bullets": "recognition", "table": "high-resolution-papers", "blocks": "recognition"}

REPEATED_LINE = (
    f"- [{shapes.PAPERS[0][0]}]({shapes.PAPERS[0][4]}), {shapes.PAPERS[0][1]}, "
    f"{shapes.PAPERS[0][2]} {shapes.PAPERS[0][3]} | [code]({shapes.PAPERS[0][5]})"
)


def repeated() -> str:
    """Bullets with the first paper listed again, as written, under "Whole slides"."""
    text = shapes.bullets()
    head, tail = text.split("### Whole slides\n\n", 1)
    return f"{head}### Whole slides\n\n{REPEATED_LINE}\n{tail}"


def with_local_links() -> str:
    """Bullets whose papers also link files of the repository: a citation file, another
    README's anchor, and one that is missing."""
    text = shapes.bullets()
    for code, local in (
        ("https://github.com/h/tsft", "./citations/tsft.txt"),
        ("https://github.com/j/dps", "README_2.md#dps"),
        ("https://github.com/f/zoom", "./citations/missing.txt"),
    ):
        text = text.replace(f"[code]({code})", f"[code]({code}) | [cite]({local})")
    return text


def adopt_into(folder: Path, text: str) -> Path:
    """README.md and the catalog.yaml `init` would write for it; the catalog's path."""
    adoption = take(text, title="x", path="README.md", header="")
    (folder / "README.md").write_bytes(text.encode("utf-8"))
    path = folder / "catalog.yaml"
    path.write_bytes(adoption.yaml.encode("utf-8"))
    return path


NOTES = (
    "Recycles **sub-salient** patches",
    "Streams `gradients` through R&amp;D \\*tiles\\*",
    "Attention over [whole slides](https://example.org/slides)",
    "Fine-tunes *task* heads",
    "Zooms in on tiny objects",
    "Selects patches differentiably",
    "Clusters <br> instances",
    "Hard attention, one glimpse at a time",
)


def with_notes() -> str:
    """A table of the list's own columns: a note per paper written in Markdown, a date,
    no authors; one title with Markdown in it."""
    out = ["# Notes", "", "| Title | Venue | Date | Note | Code |", "|---|---|---|---|---|"]
    for n, (title, _authors, venue, year, url, code) in enumerate(shapes.PAPERS):
        shown = title.replace("Gigapixel", "**Gigapixel**").replace("Hard-", "Hard\\-")
        code = code or f"https://github.com/x/{n}"
        out.append(
            f"| [{shown}]({url}) | {venue} | {year}-{n + 1:02d} | {NOTES[n]} | [code]({code}) |"
        )
    return "\n".join(out) + "\n"


def inserted(before: str, after: str) -> tuple[int, list[str]]:
    """Where `after` has lines `before` does not (0-based line of `before`), and those
    lines; fails unless that is the only difference."""
    a, b = before.split("\n"), after.split("\n")
    changes = [
        op
        for op in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    assert len(changes) == 1 and changes[0][0] == "insert", changes
    _, at, _, start, end = changes[0]
    return at, b[start:end]


DATASETS = (
    ("CAMELYON16", "Diagnostic assessment of deep learning for lymph node metastases", "2017"),
    (
        "PANDA",
        "Artificial intelligence for diagnosis and Gleason grading of prostate cancer",
        "2022",
    ),
    ("DeepGlobe", "A challenge to parse the Earth through satellite images", "2018"),
)


def two_tables() -> str:
    """One section with two tables of their own columns: the models, then (after a line of
    prose) the datasets they are trained on, as some lists keep a dataset table beside."""
    out = ["# Models", "", "## Recognition", "", "| Model | Paper | Code |", "|:--|:--|:--|"]
    for n, (title, _authors, _venue, _year, url, code) in enumerate(shapes.PAPERS[:5]):
        code_cell = f"[code]({code})" if code else "-"
        out.append(f"| M{n} | [{title}]({url}) | {code_cell} |")
    out += ["", "The datasets they use:", "", "| Dataset | Paper | Year |", "|---|---|---|"]
    for n, (name, title, year) in enumerate(DATASETS):
        out.append(f"| {name} | [{title}](https://example.org/data/{n}) | {year} |")
    out += ["", "## License", "", "CC0", ""]
    return "\n".join(out)
