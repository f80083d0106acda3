"""The static site, a pure function of the catalog: file name -> bytes.

`index.html` holds every paper, so the page reads without JavaScript; `site.js` adds search,
facets, sorting and copying BibTeX over that same HTML (it reads the papers from the DOM
and a small JSON block, never from the network, so the page works from file://). Every
value is text: escaped for HTML here, set with `textContent` by the script, never parsed as
markup. The Content-Security-Policy allows our own script and style files only.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

from readme_gen import escape
from readme_gen.catalog.model import Catalog, Paper, Raw, Section, See, listed
from readme_gen.site.entries import Entry, entries
from readme_gen.site.feed import atom
from readme_gen.site.health import Health
from readme_gen.site.plain import plain

ASSETS = ("site.js", "site.css")
REPOSITORY = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}\Z")


@dataclass(frozen=True, slots=True)
class Options:
    today: _dt.date
    """For the link report's age, said at build time (the script says it again at view time)."""
    repository: str = ""
    """`owner/name` on GitHub, for "report a problem"; "" leaves the link out."""
    url: str = ""
    """Where the site is published (the feed's links); "" when unknown."""
    health: Health = field(default_factory=Health)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def _asset(name: str) -> str:
    return (resources.files("readme_gen.site") / "assets" / name).read_text(encoding="utf-8")


def _data_json(value: object) -> str:
    """JSON inside `<script type="application/json">`: no `<` can end the element early."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _links(paper: Paper, health: Health, adopted: bool) -> str:
    items = []
    for link in paper.links:
        label = esc(plain(link.label) if adopted else link.label)
        safe = escape.safe_url(link.url)
        shown = (
            f'<a href="{esc(safe)}">{label}</a>'
            if safe
            else f'{label}: <span class="url">{esc(link.url)}</span>'
        )
        found = health.statuses.get(link.url)
        if found:
            status, day = found
            shown += f' <span class="health h-{status}">{status}, checked {day}</span>'
        items.append(f"<li>{shown}</li>")
    return f'<ul class="links">{"".join(items)}</ul>' if items else ""


def _extra(entry: Entry) -> str:
    rows, abstract = [], ""
    for name, value in entry.extra:
        if name.lower() == "abstract":
            abstract = (
                f'<details class="abstract"><summary>Abstract</summary>'
                f'<p class="s">{esc(value)}</p></details>'
            )
        else:
            rows.append(f"<div><dt>{esc(name)}</dt><dd>{esc(value)}</dd></div>")
    listed = f'<dl class="extra s">{"".join(rows)}</dl>' if rows else ""
    return listed + abstract


def _paper(entry: Entry, level: int, options: Options, adopted: bool) -> str:
    p = entry.paper
    attrs = {
        "id": entry.id,
        "data-section": str(entry.section),
        "data-venue": entry.venue,
        "data-when": entry.when,  # the year facet is its first four digits
    }
    if entry.tags:
        attrs["data-tags"] = "|".join(entry.tags)
    attributes = "".join(f' {k}="{esc(v)}"' for k, v in attrs.items())
    meta = " ".join(
        part
        for part in (
            f'<bdi class="venue s">{esc(entry.venue)}</bdi>' if entry.venue else "",
            f'<span class="when">{esc(entry.when)}</span>' if entry.when else "",
        )
        if part
    )
    # "Report a problem" per paper is the script's (it prefills the issue); without
    # scripts the page has one link to a new issue (REPORT): 100 bytes a paper saved
    issue = ""
    h = min(level, 6)
    return (
        f'<li class="paper"{attributes}>'
        f'<h{h} class="title s">{esc(entry.title)}</h{h}>'
        + (f'<p class="authors s">{esc(", ".join(entry.authors))}</p>' if entry.authors else "")
        + (f'<p class="meta">{meta}</p>' if meta else "")
        + _extra(entry)
        + _links(p, options.health, adopted)
        + f'<p class="actions"><a class="permalink" href="#{esc(entry.id)}">Permalink</a>{issue}'
        ' <button type="button" class="copy" hidden>Copy BibTeX</button></p></li>'
    )


def _depths(sections: tuple[Section, ...]) -> list[int]:
    """Each section's nesting depth (0: top), by level as Markdown nests headings; a
    skipped level (## then ####) nests one deeper, not two, so headings never skip."""
    out: list[int] = []
    stack: list[int] = []
    for section in sections:
        while stack and stack[-1] >= section.level:
            stack.pop()
        out.append(len(stack))
        stack.append(section.level)
    return out


def _sections(
    catalog: Catalog, found: list[Entry], options: Options, shown: list[Entry]
) -> Iterator[str]:
    """The sections' HTML; `shown` gets the entries in the order the page lists them."""
    by_paper = {id(e.paper): e for e in found}
    depths = _depths(catalog.sections)
    open_depths: list[int] = []
    text = plain if catalog.adopted else str
    for n, (section, depth) in enumerate(zip(catalog.sections, depths, strict=True)):
        while open_depths and open_depths[-1] >= depth:
            open_depths.pop()
            yield "</section>"
        open_depths.append(depth)
        title = text(section.title)
        h = min(depth + 2, 6)
        yield f'<section class="sec" aria-labelledby="s{n}"><h{h} id="s{n}">{esc(title)}</h{h}>'
        items = listed(section) if catalog.adopted else section.papers
        rows = []
        for item in items:
            if isinstance(item, Paper) and id(item) in by_paper:
                shown.append(by_paper[id(item)])
                rows.append(_paper(shown[-1], h + 1, options, catalog.adopted))
            elif isinstance(item, See) and id(item.paper) in by_paper:
                target = by_paper[id(item.paper)]
                rows.append(
                    f'<li class="see">See <a href="#{esc(target.id)}">{esc(target.title)}</a></li>'
                )
            elif isinstance(item, Raw):
                rows.append(f'<li class="raw"><p>{esc(item.text.strip())}</p></li>')
        if rows:
            yield f'<ol class="papers">{"".join(rows)}</ol>'
    yield "</section>" * len(open_depths)


def _facet(name: str, label: str, values: Counter[str], shown: dict[str, str] | None) -> str:
    if not values:
        return ""
    if name == "year":
        order = sorted(values, reverse=True)
    elif shown is not None:
        order = list(shown)
    else:
        order = sorted(values, key=lambda v: (-values[v], v.casefold(), v))
    options = "".join(
        f'<option value="{esc(v)}">{esc((shown or {}).get(v, v))} ({values[v]})</option>'
        for v in order
    )
    return (
        f'<div class="field"><label for="f-{name}">{label}</label>'
        f'<select id="f-{name}" data-facet="{name}"><option value="">All</option>'
        f"{options}</select></div>"
    )


def _facets(catalog: Catalog, found: list[Entry]) -> str:
    text = plain if catalog.adopted else str
    with_papers = Counter(str(e.section) for e in found)
    sections = {
        str(n): text(s.title) for n, s in enumerate(catalog.sections) if str(n) in with_papers
    }
    return "\n".join(
        _facet(*args)
        for args in (
            ("section", "Section", with_papers, sections),
            ("venue", "Venue", Counter(e.venue for e in found if e.venue), None),
            ("year", "Year", Counter(e.when[:4] for e in found if e.when), None),
            ("tag", "Tag", Counter(t for e in found for t in e.tags), None),
        )
    )


def _health(options: Options) -> str:
    checked = options.health.checked
    if not checked:
        return ""
    hidden = "" if options.health.stale(options.today) else " hidden"
    return (
        f' Links checked on <time datetime="{checked}">{checked}</time>.'
        f' <strong id="stale"{hidden}>The link report is older than two weeks.</strong>'
    )


def page(catalog: Catalog, found: list[Entry], options: Options) -> str:
    text = plain if catalog.adopted else str
    description = text(catalog.description) if catalog.description else ""
    shown: list[Entry] = []
    sections = "".join(_sections(catalog, found, options, shown))
    data = {
        "checked": options.health.checked,
        "total": len(found),
        "repository": options.repository,
        "url": options.url,
        # each paper's BibTeX, in page order: the copy button's text, off the DOM
        "bib": [e.bibtex for e in shown],
    }
    slots = {
        "TITLE": esc(text(catalog.title)),
        "DESCRIPTION": f'<p class="description">{esc(description)}</p>' if description else "",
        "TOTAL": str(len(found)),
        "HEALTH": _health(options),
        "FACETS": _facets(catalog, found),
        "SECTIONS": sections,
        "DATA": _data_json(data),
        "REPORT": (
            f' <a class="issue-list" href="https://github.com/{esc(options.repository)}'
            '/issues/new">Report a problem</a>.'
            if options.repository
            else ""
        ),
    }
    return re.sub(r"@([A-Z]+)@", lambda m: slots[m.group(1)], _asset("page.html"))


def build(catalog: Catalog, options: Options) -> dict[str, bytes]:
    """Every file of the site, by name."""
    found = entries(catalog)
    files = {name: _asset(name) for name in ASSETS}
    files["index.html"] = page(catalog, found, options)
    files["feed.xml"] = atom(catalog, found, repository=options.repository, url=options.url)
    return {name: text.encode("utf-8") for name, text in sorted(files.items())}
