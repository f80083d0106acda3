"""An adopted list's README, written as the list itself writes it: its preamble, each
section's heading, and its items in order, every entry in its section's form (or in its
own, a second table's); a section ordered `by-year` writes its entries in year groups,
each under its heading."""

from __future__ import annotations

from collections.abc import Mapping

from readme_gen.catalog.model import (
    UNDATED,
    Catalog,
    EntryItem,
    FormSpec,
    Paper,
    Raw,
    Section,
    See,
    Verbatim,
    entry_forms,
    year_groups_of,
)
from readme_gen.escape import escape_text, escape_url
from readme_gen.forms.spec import compile_form
from readme_gen.forms.template import Entry


def entry_of(paper: Paper, *, markdown: bool = True) -> Entry:
    """The fields a template writes, from the paper: as they are (Markdown as the list
    writes it), or (`markdown` False) plain text escaped so that it renders literally."""
    text, names, url = (_same, _same, _same) if markdown else (escape_text, _names, escape_url)
    fields = {"title": text(paper.title)}
    if paper.venue:
        fields["venue"] = text(paper.venue)
    if paper.year is not None:
        fields["year"] = str(paper.year)
    if paper.date:
        fields["date"] = paper.date
    fields.update((k, text(v)) for k, v in paper.extra)
    links = tuple((text(ln.label), url(ln.url)) for ln in paper.links)
    return Entry(fields, tuple(names(a) for a in paper.authors), links, dict(paper.spacing))


def _same(value: str) -> str:
    return value


def _names(value: str) -> str:
    return escape_text(value, extra=",;")


def entry_text(spec: FormSpec, paper: Paper) -> str | None:
    """The paper in the first of the form's templates that can write it, or None."""
    entry = entry_of(paper, markdown=spec.markdown)
    templates = compile_form(spec)
    if 0 < paper.variant <= len(templates):
        return templates[paper.variant - 1].render(entry)
    for empty_links in (False, True):
        for template in templates:
            text = template.render(entry, empty_links=empty_links)
            if text is not None:
                return text
    return None


def heading_text(section: Section) -> str:
    return section.heading or "#" * section.level + " " + section.title


def line_end(spec: FormSpec | None) -> str:
    """The line break that ends a run of entries (the one its separator uses)."""
    return "\r\n" if spec is not None and spec.between.startswith("\r\n") else "\n"


class UnwritableError(ValueError):
    """A paper that none of its section's templates can write."""

    def __init__(self, section: Section, paper: Paper) -> None:
        super().__init__(f"`{paper.title}` in section `{section.id}`")
        self.section = section
        self.paper = paper


def render_written(catalog: Catalog) -> str:
    """The README itself (sections that go to other files are in `render_files`)."""
    return render_files(catalog)[""]


def render_files(catalog: Catalog) -> dict[str, str]:
    """Every Markdown file the catalog writes, by path ("" for the README itself): a large
    list can go on in further files, a section or a group of sections each."""
    forms = {f.name: f for f in catalog.forms}
    files: dict[str, list[str]] = {"": [catalog.preamble or ""]}
    out = files[""]
    for section in catalog.sections:
        if section.file:
            out = files.setdefault(section.file, [])
        out.append(section_text(section, forms))
    texts = {path: "".join(parts) for path, parts in files.items()}
    if not catalog.final_break:
        last = next(reversed(texts))
        texts[last] = texts[last].removesuffix("\n").removesuffix("\r")
    return texts


def section_text(section: Section, forms: Mapping[str, FormSpec]) -> str:
    """One section as the list writes it: its heading, then its items. A run of entries
    (entries with nothing between them but their form's separator) is in the form of its
    entries: the section's, or a second table's own (`Paper.form`)."""
    spec = forms.get(section.form)
    if section.by_year:
        return _grouped_text(section, spec)
    out = [heading_text(section)]
    run: FormSpec | None = None  # the form of the run being written
    in_run = False
    for item, name in zip(section.items, entry_forms(section), strict=True):
        if isinstance(item, Verbatim):
            if in_run:
                out.append(line_end(run))
            out.append(item.text)
            in_run = False
            continue
        form = forms.get(name) if name else spec
        if in_run:
            out.append(form.between if form is not None else "\n")
        out.append(_item_text(section, form, item))
        in_run, run = True, form
    if in_run:
        out.append(line_end(run))
    return "".join(out)


def group_text(section: Section, spec: FormSpec | None, year: int | None) -> str:
    """What a `by-year` section writes before one group's entries: its `group` (by default
    a blank line, a heading one level below the section's, a blank line), every `{year}`
    in it the group's year, or for the last group (entries without a year) `undated`."""
    end = line_end(spec)
    template = section.group or end + "#" * min(section.level + 1, 6) + " {year}" + end + end
    return template.replace("{year}", str(year) if year is not None else section.undated or UNDATED)


def _grouped_text(section: Section, spec: FormSpec | None) -> str:
    """A `by-year` section: its heading, the Markdown before its first entry, each year's
    group (`group_text`, then its entries in a run), the Markdown after its last entry."""
    entries = [n for n, item in enumerate(section.items) if not isinstance(item, Verbatim)]
    first, last = (entries[0], entries[-1] + 1) if entries else (len(section.items),) * 2
    out = [heading_text(section)]
    out += [_verbatim(item) for item in section.items[:first]]
    between = spec.between if spec is not None else "\n"
    for year, group in year_groups_of(section):
        out.append(group_text(section, spec, year))
        out.append(between.join(_item_text(section, spec, entry) for entry in group))
        out.append(line_end(spec))
    out += [_verbatim(item) for item in section.items[last:]]
    return "".join(out)


def _verbatim(item: EntryItem | Verbatim) -> str:
    assert isinstance(item, Verbatim), "validation keeps a by-year section's Markdown outside"
    return item.text


def _item_text(section: Section, spec: FormSpec | None, item: Paper | Raw | See) -> str:
    if isinstance(item, Raw):
        return item.text
    paper = item.paper if isinstance(item, See) else item
    text = entry_text(spec, paper) if spec is not None else None
    if text is None:
        raise UnwritableError(section, paper)
    return text


def sections_by_file(catalog: Catalog) -> dict[str, list[Section]]:
    """The sections each file holds, in order ("" for the README itself)."""
    out: dict[str, list[Section]] = {"": []}
    current = ""
    for section in catalog.sections:
        current = section.file or current
        out.setdefault(current, []).append(section)
    return out


def heading_offsets(
    text: str, sections: list[Section], built_in: bool
) -> list[tuple[Section, int]]:
    """Where each section's heading starts in `text`, in bytes."""
    found: list[tuple[Section, int]] = []
    at = 0
    for section in sections:
        heading = ("## " + section.title) if built_in else heading_text(section)
        index = text.find(heading, at)
        if index < 0:
            continue
        found.append((section, len(text[:index].encode("utf-8"))))
        at = index + len(heading)
    return found
