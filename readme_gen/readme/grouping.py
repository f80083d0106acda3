"""A topic whose papers a hand-written list groups under year headings (`## Topic`, then
`### 2024`, `### 2023`), adopted as one section ordered by year (`order: by-year`), its
papers carrying the year of their heading: a paper added later lands in its year's group.

Only when the section writes back exactly what the headings did, byte for byte; otherwise
the year headings stay sections of their own, as before.
"""

from __future__ import annotations

import re
from dataclasses import replace

from readme_gen.catalog.model import BY_YEAR, Catalog, FormSpec, Item, Section, Verbatim
from readme_gen.readme.written import UnwritableError, group_text, heading_text, section_text

_YEAR = re.compile(r"(?:19|20)[0-9]{2}\Z")


def group_years(catalog: Catalog) -> Catalog:
    """`catalog` with each run of year sections under a topic made one section of the
    topic, ordered by year, wherever that writes the same Markdown."""
    forms = {f.name: f for f in catalog.forms}
    sections = catalog.sections
    out: list[Section] = []
    n = 0
    while n < len(sections):
        parent = sections[n]
        end = n + 1
        while end < len(sections) and sections[end].level > parent.level:
            end += 1
        grouped = _grouped(parent, list(sections[n + 1 : end]), forms) if end > n + 1 else None
        out.append(grouped or parent)
        n = end if grouped is not None else n + 1
    if len(out) == len(sections):
        return catalog
    return replace(catalog, sections=tuple(out))


def _split(items: tuple[Item, ...]) -> tuple[str, list[Item], str] | None:
    """The Markdown before a section's first entry, its entries, the Markdown after its last
    one; None when Markdown stands between two entries, or there is no entry."""
    at = [n for n, item in enumerate(items) if not isinstance(item, Verbatim)]
    if not at or any(isinstance(i, Verbatim) for i in items[at[0] : at[-1]]):
        return None
    lead = "".join(i.text for i in items[: at[0]] if isinstance(i, Verbatim))
    trail = "".join(i.text for i in items[at[-1] + 1 :] if isinstance(i, Verbatim))
    return lead, list(items[at[0] : at[-1] + 1]), trail


def _grouped(
    parent: Section, children: list[Section], forms: dict[str, FormSpec]
) -> Section | None:
    """The topic `parent` ordered by year, when `children` are its year groups."""
    if parent.file or parent.by_year or not all(isinstance(i, Verbatim) for i in parent.items):
        return None
    form = children[0].form
    spec = forms.get(form)
    if spec is None or parent.form not in ("", form):
        return None
    heads: set[str] = set()
    splits = []
    for child in children:
        year = child.title
        heading = heading_text(child)
        if (
            child.form != form
            or child.file
            or child.level != children[0].level
            or not _YEAR.match(year)
            or heading.count(year) != 1
        ):
            return None
        found = _split(child.items)
        if found is None or any(p.form for p in child.papers):
            return None  # a year's entries are all in the section's one form
        heads.add(heading.replace(year, "{year}"))
        splits.append(found)
    leads = {lead for lead, _, _ in splits}
    gaps = {trail for _, _, trail in splits[:-1]}
    if len(heads) != 1 or len(leads) != 1 or len(gaps) > 1:
        return None
    above = "".join(i.text for i in parent.items if isinstance(i, Verbatim))
    end = "\r\n" if spec.between.startswith("\r\n") else "\n"
    gap = gaps.pop() if gaps else (end if above.endswith(end + end) else "")
    if not above.endswith(gap) or not above[: len(above) - len(gap)]:
        return None
    group = gap + heads.pop() + leads.pop()
    items: list[Item] = [Verbatim(above[: len(above) - len(gap)], parent.items[0].position)]
    for _, entries, _ in splits:
        items += entries
    if splits[-1][2]:
        items.append(Verbatim(splits[-1][2], children[-1].items[-1].position))
    grouped = replace(
        parent,
        papers=tuple(p for child in children for p in child.papers),
        form=form,
        items=tuple(items),
        order=BY_YEAR,
        group=group,
    )
    if group_text(replace(grouped, group=""), spec, 2000) == group_text(grouped, spec, 2000):
        grouped = replace(grouped, group="")  # the default: catalog.yaml need not say it
    try:
        written = section_text(grouped, forms)
        before = "".join(section_text(s, forms) for s in (parent, *children))
    except UnwritableError:
        return None
    return grouped if written == before else None
