"""`render(catalog) -> str`: the README, byte for byte, with no I/O and no clock.

The format is the hand-written list's, with every row in one canonical form:

    | VENUE<br><sup>YEAR</sup> | TITLE <br> <sub><sub>AUTHOR, AUTHOR</sub></sub> | [Paper](URL) |

Sections in catalog order, `### YEAR` groups newest first, papers in catalog order within a
year; the Contents list links GitHub's own heading anchors (see `readme_gen.readme.slug`).
"""

from __future__ import annotations

from collections.abc import Iterator

from readme_gen.catalog.model import Catalog, FormSpec, Paper, Section
from readme_gen.escape import (
    escape_block,
    escape_heading,
    escape_text,
    unescape,
)
from readme_gen.readme.slug import Slugger
from readme_gen.readme.written import entry_text

RULE = "-" * 86
TABLE_HEAD = "| **Pub.** | **Title** | **Links** |\n| --- | --- | --- |"
NEWS_ICON = ":loudspeaker:"


# The built-in layout's row is a form like any adopted list's, declared once: the same
# template writes it and (`readme_gen.forms`) would read it back.
ROW = FormSpec(
    "pubs",
    ("| {venue}<br><sup>{year}</sup> | {title} <br> <sub><sub>{authors}</sub></sub> | {links} |",),
    markdown=False,
)


def row(paper: Paper) -> str:
    """One table row in the canonical form."""
    text = entry_text(ROW, paper)
    if text is None:  # validation requires what the row needs: a bug, not input
        raise AssertionError(f"the built-in row cannot write {paper.title!r}")
    return text


def year_groups(section: Section) -> Iterator[tuple[int | None, list[Paper]]]:
    """Consecutive papers of one year (papers are already in display order)."""
    group: list[Paper] = []
    for paper in section.papers:
        if group and group[0].year != paper.year:
            yield group[0].year, group
            group = []
        group.append(paper)
    if group:
        yield group[0].year, group


def _anchors(catalog: Catalog) -> dict[str, str]:
    """Anchor of the title, Contents, each section and appendix, keyed `title`, `contents`,
    `s<N>`, `a<N>`; every heading is counted in document order, as GitHub does."""
    slugger = Slugger()
    anchors = {"title": slugger.slug(catalog.title), "contents": slugger.slug("Contents")}
    for n, section in enumerate(catalog.sections):
        anchors[f"s{n}"] = slugger.slug(section.title)
        for year, _ in year_groups(section):
            slugger.slug(str(year))
    for n, appendix in enumerate(catalog.appendices):
        anchors[f"a{n}"] = slugger.slug(appendix.title)
        for line in appendix.body.splitlines():
            heading = _heading_text(line)
            if heading is not None:
                slugger.slug(heading)
    return anchors


def _heading_text(line: str) -> str | None:
    """The text of an ATX heading line in a Markdown template, else None."""
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3 or not stripped.startswith("#"):
        return None
    hashes = len(stripped) - len(stripped.lstrip("#"))
    rest = stripped[hashes:]
    if hashes > 6 or (rest and not rest.startswith((" ", "\t"))):
        return None
    text = rest.strip()
    trimmed = text.rstrip("#")
    if trimmed != text and (not trimmed or trimmed.endswith((" ", "\t"))):
        text = trimmed.strip()
    return unescape(text)


def render_files(catalog: Catalog) -> dict[str, str]:
    """The README ("") and every further Markdown file the catalog writes, by path."""
    if catalog.adopted:
        from readme_gen.readme.written import render_files as written

        return written(catalog)
    return {"": render(catalog)}


def render(catalog: Catalog) -> str:
    """The whole README for `catalog`."""
    if catalog.adopted:
        from readme_gen.readme.written import render_written

        return render_written(catalog)
    anchors = _anchors(catalog)
    out = [f"# {escape_heading(catalog.title)}", escape_block(catalog.description)]
    out += [f"- {escape_block(s.title)}" for s in catalog.sections]
    out += ["", ""]
    for item in catalog.news:
        out += [f"{NEWS_ICON} [{escape_text(item.date)}] {escape_text(item.text)}", ""]
    if catalog.news:
        out.append("")
    out += [RULE, "", "## Contents", f"- [{escape_text(catalog.title)}](#{anchors['title']})"]
    out.append(f"  - [Contents](#{anchors['contents']})")
    out += [
        f"  - [{escape_text(s.title)}](#{anchors[f's{n}']})" for n, s in enumerate(catalog.sections)
    ]
    out += [
        f"  - [{escape_text(a.title)}](#{anchors[f'a{n}']})"
        for n, a in enumerate(catalog.appendices)
    ]
    out += ["", RULE]
    for section in catalog.sections:
        out += ["", f"## {escape_heading(section.title)}"]
        for year, papers in year_groups(section):
            out += ["", f"### {year}", TABLE_HEAD]
            out += [row(p) for p in papers]
    for appendix in catalog.appendices:
        out += ["", f"## {escape_heading(appendix.title)}", "", appendix.body]
    return "\n".join(out) + "\n"
