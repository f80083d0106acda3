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
from readme_gen.forms.spec import compile_form
from readme_gen.forms.template import Entry
from readme_gen.readme.slug import Slugger
from readme_gen.readme.written import entry_text

RULE = "-" * 86
TABLE_HEAD = "| **Pub.** | **Title** | **Links** |\n| --- | --- | --- |"
NEWS_ICON = ":loudspeaker:"


# The built-in layout is forms like any adopted list's, each declared once: the same
# template writes its lines and (`readme_gen.forms`) would read them back. The row is a
# paper's; the others are the title block's, the news', the Contents' and a year group's.
ROW = FormSpec(
    "pubs",
    ("| {venue}<br><sup>{year}</sup> | {title} <br> <sub><sub>{authors}</sub></sub> | {links} |",),
    markdown=False,
)
TITLE = FormSpec("title", ("# {title}",))
SUMMARY = FormSpec("summary", ("- {title}",))
NEWS = FormSpec("news", (NEWS_ICON + " [{when}] {text}",))
CONTENTS = FormSpec("contents", ("{?{indent}?}- [{title}](#{?{anchor}?})",))
SECTION = FormSpec("section", ("## {title}",))
GROUP = FormSpec("group", ("### {year}\n" + TABLE_HEAD,))


def line(spec: FormSpec, **fields: str) -> str:
    """One line of the layout, its values already Markdown (escaped by the caller)."""
    text = compile_form(spec)[0].render(Entry(fields))
    if text is None:  # every field of these templates is given: a bug, not input
        raise AssertionError(f"the layout's {spec.name} cannot write {fields!r}")
    return text


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
    out = [line(TITLE, title=escape_heading(catalog.title)), escape_block(catalog.description)]
    out += [line(SUMMARY, title=escape_block(s.title)) for s in catalog.sections]
    out += ["", ""]
    for item in catalog.news:
        out += [line(NEWS, when=escape_text(item.date), text=escape_text(item.text)), ""]
    if catalog.news:
        out.append("")
    contents = [("", catalog.title, anchors["title"]), ("  ", "Contents", anchors["contents"])]
    contents += [("  ", s.title, anchors[f"s{n}"]) for n, s in enumerate(catalog.sections)]
    contents += [("  ", a.title, anchors[f"a{n}"]) for n, a in enumerate(catalog.appendices)]
    out += [RULE, "", line(SECTION, title="Contents")]
    out += [line(CONTENTS, indent=i, title=escape_text(t), anchor=a) for i, t, a in contents]
    out += ["", RULE]
    for section in catalog.sections:
        out += ["", line(SECTION, title=escape_heading(section.title))]
        for year, papers in year_groups(section):
            out += ["", line(GROUP, year=str(year))]
            out += [row(p) for p in papers]
    for appendix in catalog.appendices:
        out += ["", line(SECTION, title=escape_heading(appendix.title)), "", appendix.body]
    return "\n".join(out) + "\n"
