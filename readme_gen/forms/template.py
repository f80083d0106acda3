"""A form's entry template, compiled once into a renderer and a parser over the same segments.

Template syntax, the same in both directions:

- literal text is written as is; `{{` and `}}` are literal braces;
- `{name}` is a text field (`title`, `venue`, `note`, or any name the list uses);
- `{authors}` is the author list, joined with the form's separators;
- `{year}` four digits; `{date:FORMAT}` a date written with `%Y %m %d %b %B` and `%-m %-d`
  (no zero padding), stored as ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`;
- `{link}` the URL of the paper's next link (its label is the form's `link` name, not shown);
- `{label}` and `{url}` the next link's shown label and its URL (`[{label}]({url})`), and
  `{links}` every remaining link, each written with the form's link item and joined with its
  separator;
- `{?...?}` an optional part, written only when every field in it has a value;
- `{repo}` and `{arxiv}` are computed, never stored: the `owner/name` of the entry's GitHub
  link and the id of its arXiv link (a star badge `.../github/stars/{repo}.svg`).

Parsing is a regular expression built from the same segments and is only trusted when
rendering the parsed fields gives back the entry byte for byte (`Template.read`), so a
parser quirk can mislabel a field but never change the README.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from readme_gen import identifiers
from readme_gen.forms.errors import TemplateError

if TYPE_CHECKING:
    from readme_gen.forms.dates import DateFormat


def date_format(spec: str) -> DateFormat:
    """The compiled date format (imported when a template has a date: start-up pays
    nothing for lists without one)."""
    from readme_gen.forms.dates import compiled

    return compiled(spec or "%Y-%m-%d")


# Values computed from an entry's links: the part of the URL a badge repeats.
COMPUTED = {
    "repo": re.compile(
        r"https?://github\.com/(?P<value>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?(?:[/?#]|\Z)"
    ),
    "arxiv": re.compile(rf"https?://arxiv\.org/(?:abs|pdf)/(?P<value>{identifiers.ARXIV_NEW})"),
}


COMPUTED_VALUE = {"repo": r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", "arxiv": identifiers.ARXIV_NEW}


def computed(name: str, links: Sequence[tuple[str, str]]) -> str | None:
    """The value of computed field `name` for an entry with these links, or None."""
    pattern = COMPUTED[name]
    for _, url in links:
        match = pattern.match(url)
        if match is not None:
            return match.group("value")
    return None


# Fields whose values hold no white space of their own to trade with a slot
UNSPACED = frozenset({"link", "url", "year", "date", "repo", "arxiv", "links", "label"})
# What the list's placeholder never stands for: the title, a link's parts, a computed value.
NO_PLACEHOLDER = frozenset({"title", "link", "label", "url", "repo", "arxiv"})

MAX_ENTRY = 20_000
"""Entries longer than this are kept as written without trying the parser (a bound on the
regular expression's work on hostile input)."""

TEXT_FIELD = r"[^\n]+?"
BLOCK_FIELD = r"[\s\S]+?"
BLOCK_FIELDS = frozenset({"abstract"})
URL = r"[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*"
YEAR = r"(?:1[89]|2[0-9])[0-9]{2}"
# Fields that carry no separators of their own: a venue or an abbreviation never holds a
# comma, so a comma after it belongs to the template (authors take the rest).
NARROW = r"[^\n,;()\[\]]+?"
NARROW_FIELDS = frozenset({"venue", "abbr"})
# In a table row: no unescaped pipe (`\|` is a cell's own)
CELL_FIELD = r"(?:[^\n|\\]|\\[^\n])+?"
CELL_NARROW = r"(?:[^\n,;()\[\]|\\]|\\[^\n])+?"


# NamedTuples: a template's parts are made once, and a dataclass costs 0.4 ms of start-up
class Literal(NamedTuple):
    text: str


class Field(NamedTuple):
    name: str
    spec: str = ""


class Optional(NamedTuple):
    parts: tuple[Segment, ...]


class Space(NamedTuple):
    """White space a form with `spacing: varies` lets entries write their own way: `text`
    is the template's, `slot` the slot's number (an entry stores only the ones it writes
    otherwise). A slot holding a line break matches one or more, with the spaces around."""

    text: str
    slot: int


Segment = Literal | Field | Optional | Space


@dataclass(frozen=True, slots=True)
class Entry:
    """What a form reads from one entry: text fields (as written), authors, and links as
    (label, url) pairs in the order they stand."""

    fields: Mapping[str, str]
    authors: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()
    spacing: Mapping[int, str] = field(default_factory=dict)
    """White space the entry writes otherwise than its template, by slot (`Space`)."""


# What a title, an author or a venue never holds: a read that puts one in it took the
# list's markup for the field (a catch-all field swallowing the links, a template without
# the list marker); the rebuild cannot tell, since any text writes itself back.
# Escaped markup (`\](`, an empty `<!---->` breaking an @mention) is text, and a link to
# a place on the page (`[x](#y)`) is no column of the list's.
_MARKUP_IN_FIELD = re.compile(
    r"(?<!\\)\]\((?!#)|(?<!\\)!\[|<!--(?!-->)|(?<!\\)\| \[|\A\s*(?:[-*+] |[0-9]{1,4}\. )"
    r"|https?://|\bwww\."
)
# Fields that may hold Markdown of their own (a note's link, an abstract's markup); every
# other field (title, venue, an abbreviation, a column of the list's) holds none.
_FREE = ("note", "abstract", "comment", "image", "number")
# a tag of the list's (`**[ViT]** Title`, `Title (**ICCV**)`) is not the paper's title
_TAG_IN_TITLE = re.compile(r"\*\*\[|\]\*\*|\(\*\*")


def plausible(entry: Entry) -> bool:
    """True when the fields read (all but a note, an abstract, a comment, an image) hold
    no markup of the list's own: no link, image, comment, column of links, list marker or
    bare URL, no tag in the title, and no further badge in an image's text or source."""
    values = [v for k, v in entry.fields.items() if not k.startswith(_FREE)] + list(entry.authors)
    if _TAG_IN_TITLE.search(entry.fields.get("title", "")):
        return False
    images = (v for k, v in entry.fields.items() if k.startswith("image"))
    if any("](" in v or "![" in v for v in images):
        return False  # an image's text or source took in the next badge
    return not any(_MARKUP_IN_FIELD.search(value) for value in values if value)


def storable(entry: Entry) -> bool:
    """True when the catalog can hold what was read: a title, at least one link, each
    with a label and a URL, no label twice (a mapping holds the links), and no markup of
    the list's in the fields (`plausible`)."""
    labels = [label for label, _ in entry.links]
    if not entry.fields.get("title", "").strip() or not labels or len(set(labels)) < len(labels):
        return False
    if any(not url or not label.strip() for label, url in entry.links):
        return False
    return plausible(entry)


@dataclass(frozen=True, slots=True)
class Style:
    """The parts of a form shared by its templates."""

    link: str = "Paper"
    """The label stored for a link the entry shows without a label (`[{title}]({link})`)."""
    item: str = "[{label}]({url})"
    """How `{links}` writes one link."""
    separator: str = " "
    """Between two links of `{links}`."""
    authors: str = ", "
    """Between two authors."""
    last_author: str = ""
    """Before the last author, when the list writes one (`, and `); else `authors`."""
    spacing: bool = False
    """White space may vary from entry to entry (`spacing: varies`): each run of it in a
    template, and each line's start and end, is a slot an entry may write its own way."""
    empty: str = ""
    """The list's placeholder for a field or a `{links}` with no value (`-`, `null`),
    written in its place outside optional parts; "" when the list has none."""


def parse_template(text: str) -> tuple[Segment, ...]:
    """The segments of a template; TemplateError for unbalanced braces or empty names."""
    return _segments(text, 0, inner=False)[0]


def _segments(text: str, start: int, *, inner: bool) -> tuple[tuple[Segment, ...], int]:
    out: list[Segment] = []
    buffer: list[str] = []
    i = start
    while i < len(text):
        char = text[i]
        if text.startswith("{{", i) or text.startswith("}}", i):
            buffer.append(char)
            i += 2
        elif inner and text.startswith("?}", i):
            break
        elif text.startswith("{?", i):
            _flush(buffer, out)
            opened = i
            inside, i = _segments(text, i + 2, inner=True)
            if not text.startswith("?}", i):
                raise TemplateError("`{?` opens an optional part that no `?}` closes", opened + 1)
            if not any(isinstance(p, Field | Optional) for p in inside):
                raise TemplateError("an optional part needs a field", opened + 1)
            out.append(Optional(inside))
            i += 2
        elif char == "{":
            close = text.find("}", i)
            if close < 0:
                raise TemplateError("`{` opens a field that no `}` closes", i + 1)
            name, _, spec = text[i + 1 : close].partition(":")
            if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
                raise TemplateError(f"`{{{name}}}` is not a field name", i + 1)
            _flush(buffer, out)
            out.append(Field(name, spec))
            i = close + 1
        elif char == "}":
            raise TemplateError("a lone `}` (write `}}` for a literal brace)", i + 1)
        else:
            buffer.append(char)
            i += 1
    if inner and i >= len(text):
        raise TemplateError("`{?` opens an optional part that no `?}` closes", start - 1)
    _flush(buffer, out)
    return tuple(out), i


def _flush(buffer: list[str], out: list[Segment]) -> None:
    if buffer:
        out.append(Literal("".join(buffer)))
        buffer.clear()


def unparse(parts: Sequence[Segment]) -> str:
    """The template text of `parts` (`parse_template`'s inverse)."""
    out = []
    for part in parts:
        if isinstance(part, Literal):
            out.append(part.text.replace("{", "{{").replace("}", "}}"))
        elif isinstance(part, Field):
            out.append("{" + part.name + (":" + part.spec if part.spec else "") + "}")
        elif isinstance(part, Space):
            out.append(part.text)
        else:
            out.append("{?" + unparse(part.parts) + "?}")
    return "".join(out)


_RUN = re.compile(r"[ \t]*(?:\r?\n[ \t]*)+|[ \t]+")
SPACE_LINE = r"[ \t]*(?:\r?\n[ \t]*)+"
SPACE_INLINE = r"[ \t]*"


def spaced(parts: Sequence[Segment]) -> tuple[Segment, ...]:
    """`parts` with every white-space run of their literals a `Space` slot, and a slot (of
    no text of its own) opening and closing the template where no run does, numbered in
    order."""
    body = _split_runs(parts)
    if not (body and isinstance(body[0], Space)):
        body.insert(0, Space("", 0))
    if not isinstance(body[-1], Space):
        body.append(Space("", 0))
    count = 0

    def number(parts: Sequence[Segment]) -> tuple[Segment, ...]:
        nonlocal count
        out: list[Segment] = []
        for part in parts:
            if isinstance(part, Space):
                out.append(Space(part.text, count))
                count += 1
            elif isinstance(part, Optional):
                out.append(Optional(number(part.parts)))
            else:
                out.append(part)
        return tuple(out)

    return number(body)


def _split_runs(parts: Sequence[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for part in parts:
        if isinstance(part, Optional):
            out.append(Optional(tuple(_split_runs(part.parts))))
        elif not isinstance(part, Literal):
            out.append(part)
        else:
            at = 0
            for run in _RUN.finditer(part.text):
                if run.start() > at:
                    out.append(Literal(part.text[at : run.start()]))
                out.append(Space(run.group(), 0))
                at = run.end()
            if at < len(part.text):
                out.append(Literal(part.text[at:]))
    return out


def slots_of(parts: Sequence[Segment]) -> Iterator[Space]:
    for part in parts:
        if isinstance(part, Space):
            yield part
        elif isinstance(part, Optional):
            yield from slots_of(part.parts)


def fields_of(parts: Sequence[Segment]) -> Iterator[Field]:
    for part in parts:
        if isinstance(part, Field):
            yield part
        elif isinstance(part, Optional):
            yield from fields_of(part.parts)


@dataclass(slots=True)
class _Cursor:
    """Links are consumed in order while rendering."""

    links: Sequence[tuple[str, str]]
    next: int = 0
    empty_links: bool = True


class Missing(Exception):
    """A field the template needs has no value (inside an optional part: leave it out)."""


@dataclass(frozen=True)
class Template:
    """One entry template of a form, compiled."""

    text: str
    style: Style = field(default_factory=Style)
    parts: tuple[Segment, ...] = ()
    groups: tuple[Field, ...] = ()
    _regex: re.Pattern[str] | None = None
    _item: re.Pattern[str] | None = None
    _item_groups: tuple[Field, ...] = ()

    @classmethod
    def compile(cls, text: str, style: Style | None = None) -> Template:
        style = style or Style()
        parts = parse_template(text)
        if style.spacing:
            parts = spaced(parts)
        item_parts = parse_template(style.item)
        names = {f.name for f in fields_of(item_parts)}
        if names != {"label", "url"}:
            raise TemplateError("a link item has exactly `{label}` and `{url}`", 1)
        for f in fields_of(parts):
            if f.name == "date":
                date_format(f.spec)  # raises TemplateError when malformed
        item_fields: list[Field] = []
        item = re.compile(_regex(item_parts, style, item_fields), re.S)
        found: list[Field] = []
        # a table row's fields stop at its pipes: cells cannot trade text, which bounds
        # the matcher's work on a hostile row (`| a | a | ...`) to linear
        cells = text.lstrip(" \t").startswith("|")
        regex = re.compile(_regex(parts, style, found, cells=cells), re.S)
        return cls(text, style, parts, tuple(found), regex, item, tuple(item_fields))

    # -- rendering --------------------------------------------------------------------

    def render(self, entry: Entry, *, empty_links: bool = True) -> str | None:
        """The entry written in this template; None when the template cannot write it (a
        field it needs is empty, or links are left over; with `empty_links` False, also
        when `{links}` would write no link: another template may write a placeholder)."""
        cursor = _Cursor(entry.links, empty_links=empty_links)
        try:
            text = self._render(self.parts, entry, cursor)
        except Missing:
            return None
        return text if cursor.next == len(entry.links) else None

    def _render(
        self, parts: Sequence[Segment], entry: Entry, cursor: _Cursor, *, optional: bool = False
    ) -> str:
        out: list[str] = []
        for part in parts:
            if isinstance(part, Literal):
                out.append(part.text)
            elif isinstance(part, Space):
                out.append(_space(part, entry))
            elif isinstance(part, Optional):
                mark = cursor.next
                try:
                    out.append(self._render(part.parts, entry, cursor, optional=True))
                except Missing:
                    cursor.next = mark
            elif self.style.empty and not optional and part.name not in NO_PLACEHOLDER:
                try:
                    out.append(self._field(part, entry, cursor))
                except Missing:
                    out.append(self.style.empty)
            else:
                out.append(self._field(part, entry, cursor))
        return "".join(out)

    def _field(self, part: Field, entry: Entry, cursor: _Cursor) -> str:
        name = part.name
        if name == "link":
            if cursor.next >= len(cursor.links):
                raise Missing
            label, url = cursor.links[cursor.next]
            if label != (part.spec or self.style.link):
                raise Missing
            cursor.next += 1
            return url
        if name == "links":
            rest = cursor.links[cursor.next :]
            if not rest and (not cursor.empty_links or self.style.empty):
                raise Missing
            cursor.next = len(cursor.links)
            return self.style.separator.join(self._item_text(label, url) for label, url in rest)
        if name in ("label", "url"):
            if cursor.next >= len(cursor.links):
                raise Missing
            label, url = cursor.links[cursor.next]
            if name == "label":
                return label
            cursor.next += 1
            return url
        if name == "authors":
            if not entry.authors:
                raise Missing
            return self.join_authors(entry.authors)
        if name in COMPUTED:
            value = computed(name, entry.links)
            if value is None:
                raise Missing
            return value
        value = entry.fields.get(name, "")
        if not value:
            raise Missing
        if name == "date":
            return date_format(part.spec).write(value)
        if name == "year" and part.spec == "yy":
            return value[-2:]
        return value

    @property
    def slots(self) -> int:
        """How many white-space slots the template has (0 unless `spacing: varies`)."""
        return sum(1 for _ in slots_of(self.parts))

    def _item_text(self, label: str, url: str) -> str:
        return self.style.item.replace("{label}", label).replace("{url}", url)

    def join_authors(self, authors: Sequence[str]) -> str:
        if self.style.last_author and len(authors) > 1:
            return self.style.authors.join(authors[:-1]) + self.style.last_author + authors[-1]
        return self.style.authors.join(authors)

    # -- parsing ----------------------------------------------------------------------

    def read(self, text: str) -> Entry | None:
        """The fields of `text` when this template writes it exactly, else None."""
        if len(text) > MAX_ENTRY or self._regex is None:
            return None
        match = self._regex.fullmatch(text)
        if match is None:
            return None
        entry = self._entry(match)
        if entry is None or self.render(entry) != text:
            return None
        return entry

    def _entry(self, match: re.Match[str]) -> Entry | None:
        fields: dict[str, str] = {}
        links: list[tuple[str, str]] = []
        authors: tuple[str, ...] = ()
        label: str | None = None
        spacing: dict[int, str] = {}
        if self.style.spacing:
            for slot in slots_of(self.parts):
                value = match.group(f"s{slot.slot}")
                if value is not None and value != slot.text:
                    spacing[slot.slot] = value
        for n, part in enumerate(self.groups):
            value = match.group(f"f{n}")
            if value is None:
                continue
            name, spec = part.name, part.spec
            if name == "link":
                links.append((spec or self.style.link, value))
            elif name == "links":
                found = self._split_links(value)
                if found is None:
                    return None
                links.extend(found)
            elif name == "label":
                label = value
            elif name == "url":
                if label is None:
                    return None
                links.append((label, value))
                label = None
            elif name == "authors":
                authors = self.split_authors(value)
            elif name in COMPUTED:
                continue  # derived from the links; rendering checks it agrees
            elif name == "year" and spec == "yy":
                fields["year"] = f"20{value}"  # `'24`: this century's lists
            elif name == "date":
                iso = date_format(spec).read(value)
                if iso is None:
                    return None
                fields["date"] = iso
            else:
                if name in fields and fields[name] != value:
                    return None
                fields[name] = value
        return Entry(fields, authors, tuple(links), spacing)

    def _split_links(self, text: str) -> list[tuple[str, str]] | None:
        assert self._item is not None
        found: list[tuple[str, str]] = []
        i = 0
        separator = self.style.separator
        while i < len(text):
            if found:
                if not text.startswith(separator, i):
                    return None
                i += len(separator)
            match = self._item.match(text, i)
            if match is None or match.end() == i:
                return None
            values = {f.name: match.group(f"f{n}") for n, f in enumerate(self._item_groups)}
            found.append((values["label"], values["url"]))
            i = match.end()
        return found

    def split_authors(self, text: str) -> tuple[str, ...]:
        last = self.style.last_author
        if last and last in text:
            head, _, tail = text.rpartition(last)
            return (*head.split(self.style.authors), tail)
        return tuple(text.split(self.style.authors))


def _regex(
    parts: Sequence[Segment],
    style: Style,
    found: list[Field] | None,
    *,
    optional: bool = False,
    cells: bool = False,
) -> str:
    """The pattern of `parts`; each field is a group `f<N>` where N indexes `found` (None:
    no groups, for the link item inside `{links}`). Where the list has a placeholder, a
    field outside optional parts reads it as no value (tried first: `-` is no venue)."""
    out: list[str] = []
    for n, part in enumerate(parts):
        if isinstance(part, Literal):
            out.append(re.escape(part.text))
        elif isinstance(part, Space):
            out.append(f"(?P<s{part.slot}>{space_regex(part.text)})")
        elif isinstance(part, Optional):
            inner = _regex(part.parts, style, found, optional=True, cells=cells)
            out.append("(?:" + inner + ")?")
        elif found is None:
            out.append(f"(?:{_field_regex(part, style, cells)})")
        else:
            pattern = _field_regex(part, style, cells)
            if style.spacing and part.name not in UNSPACED:
                # white space at a field's edge beside a slot is the slot's, so that a run
                # of it has one reading (else a row of spaces costs polynomial time)
                before = parts[n - 1] if n else None
                after = parts[n + 1] if n + 1 < len(parts) else None
                if not isinstance(before, Literal | Field):
                    pattern = rf"(?!\s){pattern}"
                if not isinstance(after, Literal | Field):
                    pattern = rf"{pattern}(?<!\s)"
            group = f"(?P<f{len(found)}>{pattern})"
            if style.empty and not optional and part.name not in NO_PLACEHOLDER:
                group = f"(?:{re.escape(style.empty)}|{group})"
            out.append(group)
            found.append(part)
    return "".join(out)


def space_regex(text: str) -> str:
    """What a slot whose template text is `text` matches: line breaks where it holds one."""
    return SPACE_LINE if "\n" in text else SPACE_INLINE


def _space(part: Space, entry: Entry) -> str:
    """A slot's white space: the entry's own, or the template's."""
    value = entry.spacing.get(part.slot)
    if value is None:
        return part.text
    if re.fullmatch(space_regex(part.text), value) is None:
        raise Missing  # white space of the other kind (a line break in a table row)
    return value


def _field_regex(part: Field, style: Style, cells: bool = False) -> str:
    name = part.name
    if name in COMPUTED:
        return COMPUTED_VALUE[name]
    if name in ("link", "url"):
        return URL
    if name == "year":
        return r"[0-9]{2}" if part.spec == "yy" else YEAR
    if name == "date":
        return date_format(part.spec).regex
    if name == "label":
        return r"[^\n\[\]]*?"
    if name == "links":
        item = _regex(parse_template(style.item), style, None)
        return f"(?:{item}(?:{re.escape(style.separator)}{item})*)?"
    if name in NARROW_FIELDS:
        return CELL_NARROW if cells else NARROW
    if name in BLOCK_FIELDS and not cells:
        return BLOCK_FIELD
    return CELL_FIELD if cells else TEXT_FIELD
