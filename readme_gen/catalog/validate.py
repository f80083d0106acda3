"""Validation: a positioned YAML tree in, a `Catalog` out, or every problem at once.

Each problem is located at the value (or key) it concerns and says what was expected, so
`catalog.yaml:LINE:COL: message (expected ...)` is enough to fix it without reading code.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from readme_gen import fetchable
from readme_gen.catalog.model import (
    ARXIV_CATEGORY,
    BY_YEAR,
    CATALOG_ORDER,
    ORDERS,
    Appendix,
    Catalog,
    FormSpec,
    Item,
    Link,
    NewsItem,
    Paper,
    Raw,
    Section,
    See,
    Verbatim,
    display_order,
)
from readme_gen.catalog.yamltree import INT, STR, Map, Node, Scalar, Seq
from readme_gen.errors import CatalogError, Problem, did_you_mean
from readme_gen.position import Position
from readme_gen.text import shorten

if TYPE_CHECKING:
    from readme_gen.forms.template import Field

T = TypeVar("T")

ROOT_KEYS = ("title", "description", "news", "forms", "readme", "sections", "appendices")
SECTION_KEYS = (
    *("id", "title", "level", "heading", "form", "file", "order", "group", "undated"),
    "papers",
)
# An adopted list's sections only: the built-in layout always writes `### YEAR` groups.
ORDER_KEYS = ("order", "group", "undated")
PAPER_KEYS = ("title", "authors", "venue", "year", "links", "arxiv-category", "added")
# An adopted list's papers may also have these, and any field its forms declare.
MORE_PAPER_KEYS = ("date", "id", "form", "variant", "spacing")
NEWS_KEYS = ("date", "text")
APPENDIX_KEYS = ("title", "file")
FORM_KEYS = (
    "entry",
    "item",
    "separator",
    "authors",
    "last-author",
    "link",
    "between",
    "empty",
    "spacing",
    "text",
)
README_KEYS = ("preamble", "final-break")
ITEM_KEYS = ("raw", "markdown", "see")
OPTIONAL = frozenset(
    {"news", "appendices", "forms", "readme", "level", "heading", "form", "file", "papers"}
    | {"arxiv-category", "added", *ORDER_KEYS}
)
# Fields a form's template may use that are not extra fields of the paper.
TEMPLATE_NAMES = frozenset(
    {"title", "authors", "venue", "year", "date", "link", "links", "label", "url"}
)
MAX_VERBATIM = 2_000_000  # a kept block of Markdown (a README is rarely over 1 MB)
ISO_DATE = re.compile(
    r"(?:1[89]|2[0-9])[0-9]{2}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?\Z"
)
_RELATIVE_URL = re.compile(r"(?![a-zA-Z][a-zA-Z0-9+.-]*:)[^\s<>\"\x00-\x1f\x7f]*\Z")

MIN_YEAR = 1900
# The longest value each field may hold (characters), checked before the value is examined
# further; far above any real paper list, far below what a hostile file could hold.
MAX_TEXT = 2_000  # titles, authors, venues, ids, labels, dates, file names
MAX_PROSE = 20_000  # the description and a news item's text
MAX_URL = 8_192  # what common servers and browsers accept
SECTION_ID = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
# Characters that end a line for Python's str.splitlines(), GitHub and editors alike.
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Lone surrogates too (a YAML escape "\ud800" makes one): no UTF-8 file can hold them.
PLACEHOLDER = re.compile(r"[^\r\n{}]{0,40}\S[^\r\n{}]{0,40}")
SPACING = re.compile(r"[ \t]*(?:\r?\n[ \t]*)*")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
_URL_FORBIDDEN = re.compile(r'[\s<>"]')
# Most URLs are this simple: accepted without urllib's general parser.
_SIMPLE_URL = re.compile(
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::([0-9]{1,5}))?(?:[/?#][!#-;=?-~]*)?\Z"
)
_BAD_TEXT = re.compile(_LINE_BREAK.pattern[:-1] + _CONTROL.pattern[1:])
_KIND_NAMES = {
    "int": "a number",
    "float": "a number",
    "bool": "true/false",
    "null": "nothing (null)",
    "timestamp": "a date",
}


class Validator:
    """Walks the tree once, building the model and collecting problems as it goes."""

    def __init__(self, path: str, base_dir: Path, *, today: _dt.date) -> None:
        self.path = path
        self.base_dir = base_dir
        self.max_year = today.year + 1
        self.problems: list[Problem] = []
        self.adopted = False
        self.final_break = True
        self.form_names: dict[str, FormSpec] = {}
        self.extra_names: set[str] = set()
        self.keyed: dict[str, Paper] = {}

    # -- reporting -------------------------------------------------------------------
    def problem(self, position: Position, message: str, expected: str = "") -> None:
        self.problems.append(Problem(self.path, position, message, expected))

    def at(self, node: Node, message: str, expected: str = "") -> None:
        self.problem(node.position, message, expected)

    # -- shapes ----------------------------------------------------------------------
    def mapping(
        self,
        node: Node,
        what: str,
        keys: tuple[str, ...],
        required: tuple[str, ...] | None = None,
    ) -> Map | None:
        """`node` as a mapping of `keys`; every key but OPTIONAL ones (or `required`) must
        be there."""
        if not isinstance(node, Map):
            self.at(node, f"{what} must be a mapping, got {_describe(node)}", _keys_hint(keys))
            return None
        for key, position in node.keys.items():
            if key not in keys:
                self.problem(position, _unknown_key(key, what, keys), _keys_hint(keys))
        for key in keys if required is None else required:
            if key not in node.items and (required is not None or key not in OPTIONAL):
                article = "an" if key.startswith(tuple("aeiou")) else "a"  # by its sound's letter
                self.at(node, f"{what} has no `{key}`", f"{article} `{key}:` entry")
        return node

    def sequence(self, node: Node | None, what: str) -> list[Node]:
        if node is None:
            return []
        if isinstance(node, Seq):
            return node.items
        self.at(node, f"{what} must be a list, got {_describe(node)}", "a list of `- ` entries")
        return []

    def text(self, node: Node | None, what: str, limit: int = MAX_TEXT) -> str | None:
        if node is None:
            return None
        if not isinstance(node, Scalar) or node.kind != STR:
            hint = ""
            if isinstance(node, Scalar) and node.kind != "null":
                hint = f'; quote it: "{shorten(node.value)}"'
            self.at(node, f"{what} must be text, got {_describe(node)}{hint}", "a text value")
            return None
        value = str(node.value)
        if len(value) > limit:
            self.at(node, f"{what} is {len(value):,} characters long", f"at most {limit:,}")
            return None
        if not value.strip():
            self.at(node, f"{what} is empty", "non-empty text")
            return None
        if not _BAD_TEXT.search(value):
            return value
        if _LINE_BREAK.search(value):
            self.at(node, f"{what} contains a line break", "text on one line")
            return None
        bad = _CONTROL.search(value)
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            kind = "lone surrogate" if 0xD800 <= ord(bad.group()) <= 0xDFFF else "control character"
            self.at(node, f"{what} contains the {kind} {code}", "printable text")
            return None
        return value

    def url(self, node: Node, what: str) -> str | None:
        value = self.text(node, what, MAX_URL)
        if value is None:
            return None
        if self.adopted and _RELATIVE_URL.match(value):
            return value  # a file of the list's own repository (`./citations/x.bib`)
        expected = "an absolute http:// or https:// URL"
        simple = _SIMPLE_URL.match(value)
        if simple and (simple.group(1) is None or int(simple.group(1)) <= 65535):
            return self._fetchable(node, what, value, expected)
        bad = _URL_FORBIDDEN.search(value)
        if bad:
            char = "a space" if bad.group().isspace() else f"`{bad.group()}`"
            self.at(
                node, f"{what} `{shorten(value)}` contains {char}", expected + ", percent-encoded"
            )
            return None
        from urllib.parse import urlsplit

        try:
            parts = urlsplit(value)
            host = parts.hostname
            parts.port  # noqa: B018 - raises ValueError when out of range
        except ValueError as exc:
            self.at(node, f"{what} `{shorten(value)}` is not a valid URL: {exc}", expected)
            return None
        if parts.scheme not in ("http", "https") or not value.lower().startswith(parts.scheme):
            self.at(node, f"{what} `{shorten(value)}` is not an http(s) URL", expected)
            return None
        if not host:
            self.at(node, f"{what} `{shorten(value)}` has no host", expected)
            return None
        return self._fetchable(node, what, value, expected)

    def _fetchable(self, node: Node, what: str, value: str, expected: str) -> str | None:
        """The wire's own rule (`readme_gen.fetchable`), so that `build` and `lint` refuse
        what `links` could not fetch (`https://a..b/x`, a label over 63 octets)."""
        why = fetchable.problem(value)
        if why is None:
            return value
        self.at(node, f"{what} `{shorten(value)}` cannot be fetched: {why}", expected)
        return None

    def year(self, node: Node | None) -> int | None:
        if node is None:
            return None
        expected = f"a year from {MIN_YEAR} to {self.max_year}"
        if isinstance(node, Scalar) and node.kind == INT and isinstance(node.value, str):
            written = node.value.isdigit() and node.value.isascii() and node.value[0] != "0"
            if written:
                self.at(node, f"year {shorten(node.value)} is out of range", expected)
            else:
                message = f"year `{shorten(node.value)}` is not written in plain decimal digits"
                self.at(node, message, f"{expected}, digits only: no sign, leading 0, `_` or 0x/0o")
            return None
        if not isinstance(node, Scalar) or node.kind != INT or not isinstance(node.value, int):
            self.at(node, f"year must be a whole number, got {_describe(node)}", expected)
            return None
        if not MIN_YEAR <= node.value <= self.max_year:
            self.at(node, f"year {node.value} is out of range", expected)
            return None
        return node.value

    def each(self, node: Node | None, what: str, build: Callable[[Node], T | None]) -> list[T]:
        out = [build(item) for item in self.sequence(node, what)]
        return [x for x in out if x is not None]

    # -- the catalog -----------------------------------------------------------------
    def catalog(self, root: Node) -> Catalog | None:
        adopted = isinstance(root, Map) and "readme" in root.items
        required = ("title", "sections") if adopted else None
        node = self.mapping(root, "the catalog", ROOT_KEYS, required)
        if node is None:
            return None
        get = node.items.get
        title = self.text(get("title"), "the list's title")
        preamble = self.readme(get("readme"))
        self.adopted = preamble is not None
        description = (
            self.text(get("description"), "the description", MAX_PROSE)
            if "description" in node.items or not self.adopted
            else ""
        )
        forms = self.forms(get("forms"))
        self.form_names = {f.name: f for f in forms}
        self.extra_names = {
            f.name
            for spec in forms
            for text in spec.entries
            for f in _template_fields(text)
            if f.name not in TEMPLATE_NAMES
        }
        self.keyed = {}
        news = self.each(get("news"), "news", self.news_item)
        sections = self.each(get("sections"), "sections", self.section)
        appendices = self.each(get("appendices"), "appendices", self.appendix)
        self.unique_section_ids(node)
        sections = [self.resolve(s) for s in sections]
        if title is None or description is None or self.problems:
            return None
        return Catalog(
            title,
            description,
            tuple(news),
            tuple(sections),
            tuple(appendices),
            forms=tuple(forms),
            preamble=preamble,
            final_break=self.final_break,
        )

    def readme(self, node: Node | None) -> str | None:
        """`readme: {preamble: ...}`: the list is written as it was adopted."""
        if node is None:
            return None
        m = self.mapping(node, "readme", README_KEYS, ())
        if m is None:
            return ""
        final = m.items.get("final-break")
        if final is not None:
            if isinstance(final, Scalar) and isinstance(final.value, bool):
                self.final_break = final.value
            else:
                self.at(
                    final, f"final-break must be true or false, got {_describe(final)}", "`false`"
                )
        value = m.items.get("preamble")
        if value is None:
            return ""
        return self.verbatim(value, "the preamble")

    def verbatim(self, node: Node, what: str) -> str | None:
        """Markdown kept as written: any text but the characters YAML and editors refuse."""
        if not isinstance(node, Scalar) or node.kind != STR:
            self.at(node, f"{what} must be text, got {_describe(node)}", "Markdown text")
            return None
        value = str(node.value)
        if len(value) > MAX_VERBATIM:
            self.at(node, f"{what} is {len(value):,} characters long", f"at most {MAX_VERBATIM:,}")
            return None
        bad = _CONTROL.search(value.replace("\t", " ").replace("\r", " "))
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            self.at(node, f"{what} contains the control character {code}", "printable text")
            return None
        return value

    def forms(self, node: Node | None) -> list[FormSpec]:
        if node is None:
            return []
        if not isinstance(node, Map):
            self.at(node, f"forms must be a mapping, got {_describe(node)}", "`name: {entry: ...}`")
            return []
        out = []
        for name, value in node.items.items():
            spec = self.form(name, value, node.keys[name])
            if spec is not None:
                out.append(spec)
        return out

    def form(self, name: str, node: Node, where: Position) -> FormSpec | None:
        if not SECTION_ID.match(name):
            self.problem(
                where, f"form name `{shorten(name)}` is not a simple name", "e.g. `papers`"
            )
            return None
        m = self.mapping(node, f"form `{name}`", FORM_KEYS, ("entry",))
        if m is None:
            return None
        get = m.items.get
        entry = get("entry")
        entries = (
            [self.verbatim(e, "an entry template") for e in entry.items]
            if isinstance(entry, Seq)
            else [self.verbatim(entry, "the entry template")]
            if entry is not None
            else []
        )
        if entry is None or not entries or None in entries:
            return None
        words = {}
        for key in ("item", "separator", "authors", "last-author", "link", "between", "empty"):
            if key in m.items:
                value = self.verbatim(m.items[key], f"the form's `{key}`")
                if value is None:
                    return None
                words[key.replace("-", "_")] = value
        placeholder = words.get("empty")
        if placeholder is not None and not PLACEHOLDER.fullmatch(placeholder):
            self.at(m.items["empty"], "the form's `empty` must be one short line", "e.g. `-`")
            return None
        text = self.text(get("text"), "the form's `text`") if "text" in m.items else "markdown"
        if text not in ("markdown", "plain"):
            self.at(
                m.items["text"],
                f"form text `{shorten(text)}` is not known",
                "`markdown` or `plain`",
            )
            return None
        spacing = self.text(get("spacing"), "the form's `spacing`") if "spacing" in m.items else ""
        if spacing not in ("", "exact", "varies"):
            self.at(
                m.items["spacing"],
                f"form spacing `{shorten(spacing or '')}` is not known",
                "`exact` or `varies`",
            )
            return None
        spec = FormSpec(
            name,
            tuple(e for e in entries if e is not None),
            spacing=spacing == "varies",
            markdown=text == "markdown",
            position=m.position,
            **words,
        )
        from readme_gen.forms.errors import TemplateError
        from readme_gen.forms.spec import compile_form

        try:
            compile_form(spec)
        except TemplateError as exc:
            self.at(
                m.items.get("entry", m),
                f"form `{name}`: {exc}",
                "a template such as `- [{title}]({link}) {links}`",
            )
            return None
        return spec

    def news_item(self, node: Node) -> NewsItem | None:
        m = self.mapping(node, "a news item", NEWS_KEYS)
        if m is None:
            return None
        date = self.text(m.items.get("date"), "the news date")
        text = self.text(m.items.get("text"), "the news text", MAX_PROSE)
        if date is None or text is None:
            return None
        return NewsItem(date, text, m.position)

    def section(self, node: Node) -> Section | None:
        required = ("id", "title") if self.adopted else ("id", "title", "papers")
        m = self.mapping(node, "a section", SECTION_KEYS, required)
        if m is None:
            return None
        ident = self.text(m.items.get("id"), "the section id")
        if ident is not None and not SECTION_ID.match(ident):
            self.at(
                m.items["id"],
                f"section id `{shorten(ident)}` is not a simple name",
                "lowercase letters, digits, `-` and `_`, e.g. `segmentation`",
            )
            ident = None
        title = self.text(m.items.get("title"), "the section title")
        level = self.level(m.items.get("level"))
        heading = self.verbatim(m.items["heading"], "the heading") if "heading" in m.items else ""
        form = self.text(m.items.get("form"), "the section's form") if "form" in m.items else ""
        if form and form not in self.form_names:
            self.at(
                m.items["form"],
                f"no form is named `{shorten(form)}`" + did_you_mean(form, tuple(self.form_names)),
                "a form named under `forms:`",
            )
            form = None
        items: list[Item] = self.each(m.items.get("papers"), "papers", self.item)
        papers = [i for i in items if isinstance(i, Paper)]
        section_spec = self.form_names.get(form or "")
        order = self.order(m, items)
        by_year = order is not None and order[0] == BY_YEAR
        for paper in papers:
            spec = self.form_names.get(paper.form) if paper.form else section_spec
            if paper.form and (by_year or section_spec is None):
                self.problem(
                    paper.where("form"),
                    f"form `{shorten(paper.form)}`: only an entry of a section with a form, "
                    "in catalog order, may have a form of its own",
                    "no `form:` here (the section's form writes it)",
                )
            if paper.variant and (spec is None or paper.variant > len(spec.entries)):
                count = len(spec.entries) if spec else 0
                whose = "entry" if paper.form else "section"
                message = f"variant {paper.variant}: the {whose}'s form has {count} templates"
                self.problem(paper.where("variant"), message, f"a number from 1 to {count}")
            if paper.spacing:
                self.slots(paper, spec)
        file = self.markdown_file(m.items.get("file"))
        if ident is None or title is None or heading is None or form is None or level is None:
            return None
        if file is None or order is None:
            return None
        ordered = tuple(papers) if self.adopted else display_order(papers)
        return Section(
            ident,
            title,
            ordered,
            m.position,
            level=level,
            heading=heading,
            form=form,
            items=tuple(items) if self.adopted else (),
            file=file,
            order=order[0],
            group=order[1],
            undated=order[2],
        )

    def order(self, m: Map, items: list[Item]) -> tuple[str, str, str] | None:
        """A section's `order` (`catalog`, or `by-year`: in year groups, each written after
        its `group` Markdown, the entries without a year under `undated`)."""
        given = [k for k in ORDER_KEYS if k in m.items]
        if given and not self.adopted:
            self.problem(
                m.keys[given[0]],
                f"`{given[0]}` is for an adopted list's section",
                "no `order:` here: the built-in layout always groups a section by year",
            )
            return None
        node = m.items.get("order")
        order = self.text(node, "the section's order") if node is not None else CATALOG_ORDER
        if node is not None and order is not None and order not in ORDERS:
            message = f"section order `{shorten(order)}` is not known" + did_you_mean(order, ORDERS)
            self.at(node, message, "one of " + ", ".join(f"`{o}`" for o in ORDERS))
            return None
        group = self.verbatim(m.items["group"], "the group") if "group" in m.items else ""
        if group and "{year}" not in group:
            self.at(
                m.items["group"], "the group Markdown has no `{year}`", 'e.g. "\\n### {year}\\n\\n"'
            )
            group = None
        undated = self.text(m.items.get("undated"), "the undated group's name") or ""
        if order is None or group is None or ("undated" in m.items and not undated):
            return None
        for key in ("group", "undated"):
            if key in m.items and order != BY_YEAR:
                self.problem(
                    m.keys[key], f"`{key}` is for a section ordered by year", "`order: by-year`"
                )
                return None
        if order == BY_YEAR:
            entries = [n for n, i in enumerate(items) if isinstance(i, Paper | Raw | See)]
            inside = (
                [i for i in items[entries[0] : entries[-1]] if isinstance(i, Verbatim)]
                if entries
                else []
            )
            if inside:
                self.problem(
                    inside[0].position,
                    "Markdown between the entries of a section ordered by year",
                    "Markdown before its first entry or after its last (its groups are written)",
                )
                return None
        return order, group, undated

    def markdown_file(self, node: Node | None) -> str | None:
        """A further Markdown file of the list: a relative `.md` path inside its folder."""
        if node is None:
            return ""
        value = self.text(node, "the section's file")
        if value is None:
            return None
        inside = (self.base_dir / value).resolve().is_relative_to(self.base_dir.resolve())
        if (
            not value.endswith(".md")
            or Path(value).is_absolute()
            or ".." in Path(value).parts
            or not inside
        ):
            self.at(
                node,
                f"file `{shorten(value)}` is not a Markdown file in the catalog's folder",
                "a relative path such as `README_2.md`",
            )
            return None
        return value

    def level(self, node: Node | None) -> int | None:
        if node is None:
            return 2
        if isinstance(node, Scalar) and isinstance(node.value, int) and 1 <= node.value <= 6:
            return node.value
        self.at(
            node,
            f"a section level must be 1 to 6, got {_describe(node)}",
            "a heading level, 1 to 6",
        )
        return None

    def item(self, node: Node) -> Item | None:
        """A paper, or (in an adopted list) Markdown kept as written, an entry kept as
        written, or a paper listed again."""
        if isinstance(node, Map) and self.adopted and node.items.keys() & set(ITEM_KEYS):
            m = self.mapping(node, "a kept item", ITEM_KEYS, ())
            if m is None or len(m.items) != 1:
                self.at(node, "a kept item has one key", "one of `raw:`, `markdown:`, `see:`")
                return None
            [(kind, value)] = m.items.items()
            if kind == "see":
                ident = self.text(value, "the paper id")
                if ident is not None:
                    return See(Paper(ident, (), "", None, ()), value.position)
                return None
            text = self.verbatim(value, "a raw entry" if kind == "raw" else "the Markdown")
            if text is None:
                return None
            return Raw(text, value.position) if kind == "raw" else Verbatim(text, value.position)
        return self.paper(node)

    def resolve(self, section: Section) -> Section:
        """`see: id` items point at the paper of that id."""
        if not any(isinstance(i, See) for i in section.items):
            return section
        items: list[Item] = []
        for item in section.items:
            if isinstance(item, See):
                paper = self.keyed.get(item.paper.title)
                if paper is None:
                    close = list(self.keyed)
                    self.problem(
                        item.position,
                        f"no paper has the id `{shorten(item.paper.title)}`"
                        + did_you_mean(item.paper.title, tuple(close)),
                        "the `id:` of a paper in another section",
                    )
                    continue
                item = See(paper, item.position)
            items.append(item)
        from dataclasses import replace

        return replace(section, items=tuple(items))

    def paper(self, node: Node) -> Paper | None:
        if not self.adopted:
            return self.plain_paper(node)
        keys = (*PAPER_KEYS, *MORE_PAPER_KEYS, *sorted(self.extra_names))
        m = self.mapping(node, "a paper", keys, ("title",))
        if m is None:
            return None
        get = m.items.get
        title = self.text(get("title"), "the title")
        authors = self.each(get("authors"), "authors", lambda n: self.text(n, "an author"))
        venue = self.text(get("venue"), "the venue") if "venue" in m.items else ""
        year = self.year(get("year")) if "year" in m.items else None
        date = self.date(get("date")) if "date" in m.items else ""
        links = self.links(get("links")) if "links" in m.items else ()
        ident = self.text(get("id"), "the paper id") if "id" in m.items else ""
        form = self.own_form(get("form"))
        variant = self.variant(get("variant"))
        spacing = self.spacing(get("spacing"))
        category = self.category(get("arxiv-category"))
        added = self.added(get("added"))
        extra = []
        for name in m.items:
            if name in self.extra_names:
                value = self.verbatim(m.items[name], f"the `{name}`")
                if value is not None:
                    extra.append((name, value))
        if title is None or venue is None or date is None or ident is None or variant is None:
            return None
        if category is None or added is None or spacing is None or form is None:
            return None
        if "year" in m.items and year is None:
            return None
        fields = {k: v.position for k, v in m.items.items()}
        paper = Paper(
            title,
            tuple(authors),
            venue,
            year,
            links,
            m.position,
            fields,
            date=date,
            extra=tuple(extra),
            key=ident,
            variant=variant,
            form=form,
            spacing=spacing,
            category=category,
            added=added,
        )
        if ident:
            if ident in self.keyed:
                self.at(m.items["id"], f"paper id `{shorten(ident)}` is used twice", "a unique id")
            self.keyed[ident] = paper
        return paper

    def spacing(self, node: Node | None) -> tuple[tuple[int, str], ...] | None:
        """An entry's own white space, by its template's slot number: spaces and tabs, or
        line breaks with them (`{"3": "  ", "7": "\\n\\n"}`)."""
        if node is None:
            return ()
        hint = 'slot numbers and white space, e.g. `{"3": "  "}`'
        if not isinstance(node, Map):
            self.at(node, f"spacing must be a mapping, got {_describe(node)}", hint)
            return None
        out: list[tuple[int, str]] = []
        for name, value in node.items.items():
            if not (name.isascii() and name.isdigit() and len(name) <= 3):
                self.problem(node.keys[name], f"spacing slot `{shorten(name)}` is no number", hint)
                return None
            text = value.value if isinstance(value, Scalar) and value.kind == STR else None
            if not isinstance(text, str) or not SPACING.fullmatch(text):
                self.at(value, "spacing must be spaces, tabs and line breaks", hint)
                return None
            out.append((int(name), text))
        return tuple(sorted(out))

    def slots(self, paper: Paper, spec: FormSpec | None) -> None:
        """A paper's own spacing names slots its section's form has."""
        where = paper.where("spacing")
        if spec is None or not spec.spacing:
            self.problem(
                where,
                "spacing: the section's form keeps white space exact",
                "`spacing: varies` in the form",
            )
            return
        from readme_gen.forms.spec import compile_form

        templates = compile_form(spec)
        chosen = templates[paper.variant - 1 : paper.variant] if paper.variant else templates
        count = max(t.slots for t in chosen) if chosen else 0
        wrong = [n for n, _ in paper.spacing if n >= count]
        if wrong:
            message = f"spacing slot {wrong[0]}: the template has {count} slots"
            self.problem(where, message, f"a number from 0 to {count - 1}")

    def own_form(self, node: Node | None) -> str | None:
        """The form that writes the entry instead of its section's (a second table's)."""
        if node is None:
            return ""
        name = self.text(node, "the entry's form")
        if name is not None and name not in self.form_names:
            self.at(
                node,
                f"no form is named `{shorten(name)}`" + did_you_mean(name, tuple(self.form_names)),
                "a form named under `forms:`",
            )
            return None
        return name

    def variant(self, node: Node | None) -> int | None:
        """Which template of its section's form writes the paper (1-based)."""
        if node is None:
            return 0
        if isinstance(node, Scalar) and isinstance(node.value, int) and 1 <= node.value <= 99:
            return node.value
        self.at(node, f"variant must be a template's number, got {_describe(node)}", "1, 2, ...")
        return None

    def date(self, node: Node | None) -> str | None:
        value = self.text(node, "the date")
        if value is not None and not ISO_DATE.match(value):
            assert node is not None
            self.at(
                node,
                f"date `{shorten(value)}` is not YYYY, YYYY-MM or YYYY-MM-DD",
                "an ISO date such as 2024-08-09",
            )
            return None
        return value

    def added(self, node: Node | None) -> str | None:
        """The optional `added` date: a full ISO day, "" when absent."""
        if node is None:
            return ""
        value = self.text(node, "the added date")
        if value is not None and not (ISO_DATE.match(value) and len(value) == 10):
            self.at(node, f"added `{shorten(value)}` is not YYYY-MM-DD", "a day such as 2024-08-09")
            return None
        return value

    def plain_paper(self, node: Node) -> Paper | None:
        m = self.mapping(node, "a paper", PAPER_KEYS)
        if m is None:
            return None
        get = m.items.get
        title = self.text(get("title"), "the title")
        authors = self.each(get("authors"), "authors", lambda n: self.text(n, "an author"))
        if "authors" in m.items and not authors and isinstance(m.items["authors"], Seq):
            self.at(m.items["authors"], "the author list is empty", "at least one author")
        venue = self.text(get("venue"), "the venue")
        year = self.year(get("year"))
        links = self.links(get("links"))
        category = self.category(get("arxiv-category"))
        added = self.added(get("added"))
        if title is None or not authors or venue is None or year is None or not links:
            return None
        if category is None or added is None:
            return None
        fields = {k: v.position for k, v in m.items.items()}
        return Paper(
            title,
            tuple(authors),
            venue,
            year,
            links,
            m.position,
            fields,
            category=category,
            added=added,
        )

    def category(self, node: Node | None) -> str | None:
        """arXiv's primary category (`cs.CV`), or "" when the paper has none."""
        if node is None:
            return ""
        value = self.text(node, "the arXiv category")
        if value is not None and not ARXIV_CATEGORY.fullmatch(value):
            message = f"arXiv category `{shorten(value)}` is not one"
            self.at(node, message, "an arXiv category such as `cs.CV`")
            return None
        return value

    def links(self, node: Node | None) -> tuple[Link, ...]:
        if node is None:
            return ()
        if not isinstance(node, Map):
            self.at(node, f"links must be a mapping, got {_describe(node)}", "`Paper: https://...`")
            return ()
        if not node.items and not self.adopted:
            self.at(node, "links is empty", "at least one link such as `Paper: https://...`")
        out = []
        for label, value in node.items.items():
            where = node.keys[label]
            if len(label) > MAX_TEXT:
                message = f"link label is {len(label):,} characters long"
                self.problem(where, message, f"at most {MAX_TEXT:,}")
                continue
            if not label.strip() or _LINE_BREAK.search(label) or _CONTROL.search(label):
                self.problem(where, f"link label `{shorten(label)}` is not usable", "e.g. `Paper`")
                continue
            url = self.url(value, f"the `{shorten(label, 40)}` link")
            if url is not None:
                out.append(Link(label, url, value.position))
        return tuple(out)

    def appendix(self, node: Node) -> Appendix | None:
        m = self.mapping(node, "an appendix", APPENDIX_KEYS)
        if m is None:
            return None
        title = self.text(m.items.get("title"), "the appendix title")
        file = self.text(m.items.get("file"), "the appendix file")
        if title is None or file is None:
            return None
        where = m.items["file"]
        target = (self.base_dir / file).resolve()
        if Path(file).is_absolute() or not target.is_relative_to(self.base_dir.resolve()):
            self.at(
                where,
                f"appendix file `{shorten(file)}` is outside the catalog's folder",
                "a relative path",
            )
            return None
        try:
            body = target.read_bytes().decode("utf-8").strip("\n")
        except OSError as exc:
            self.at(
                where,
                f"cannot read appendix file `{shorten(file)}`: {exc.strerror}",
                "an existing file",
            )
            return None
        except UnicodeDecodeError:
            self.at(where, f"appendix file `{shorten(file)}` is not UTF-8", "a UTF-8 Markdown file")
            return None
        if not body.strip():
            self.at(where, f"appendix file `{shorten(file)}` is empty", "some Markdown")
            return None
        return Appendix(title, file, body, m.position)

    def unique_section_ids(self, root: Map) -> None:
        seen: dict[str, int] = {}
        for node in self.sequence(root.items.get("sections"), "sections"):
            ident = node.items.get("id") if isinstance(node, Map) else None
            if isinstance(ident, Scalar) and isinstance(ident.value, str):
                if ident.value in seen:
                    first = seen[ident.value]
                    message = (
                        f"section id `{shorten(ident.value)}` is used twice (first at line {first})"
                    )
                    self.at(ident, message, "a unique id per section")
                else:
                    seen[ident.value] = ident.position.line


def validate(root: Node, path: str, base_dir: Path, *, today: _dt.date | None = None) -> Catalog:
    """Build the model from a tree, or raise CatalogError listing every problem."""
    checker = Validator(path, base_dir, today=today or _dt.date.today())
    catalog = checker.catalog(root)
    if checker.problems or catalog is None:
        raise CatalogError(checker.problems)
    return catalog


def _describe(node: Node) -> str:
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, Seq):
        return "a list"
    if node.kind == STR:
        return f"the text `{shorten(node.value)}`"
    return f"{_KIND_NAMES.get(node.kind, node.kind)} (`{shorten(node.value)}`)"


def _keys_hint(keys: tuple[str, ...]) -> str:
    return "keys " + ", ".join(f"`{k}`" for k in keys)


def _unknown_key(key: str, what: str, keys: tuple[str, ...]) -> str:
    return f"unknown key `{shorten(key)}` in {what}{did_you_mean(key, keys)}"


def _template_fields(text: str) -> list[Field]:
    from readme_gen.forms.errors import TemplateError
    from readme_gen.forms.template import fields_of, parse_template

    try:
        return list(fields_of(parse_template(text)))
    except TemplateError:
        return []
