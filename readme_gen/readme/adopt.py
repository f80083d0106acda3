"""A hand-written README adopted as it is: its entries read by the forms found in it, and
everything else kept as written, so that building the catalog gives the README back byte
for byte (`readme_gen.readme.written`).

The pieces come from `readme.document`, the forms from `forms.infer`. An entry is a paper
only when its form writes it back exactly; an entry no form writes is kept as written
(`Raw`), and a block that is no entry at all (prose, a TOC, a table head) is kept as
Markdown (`Verbatim`).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from readme_gen.catalog.model import (
    Catalog,
    FormSpec,
    Item,
    Link,
    Paper,
    Raw,
    Section,
    See,
    Verbatim,
)
from readme_gen.errors import CatalogError, UsageError
from readme_gen.escape import plain_text
from readme_gen.forms.infer import infer
from readme_gen.forms.spec import compile_form
from readme_gen.forms.template import Entry, Field, fields_of, parse_template, storable
from readme_gen.position import Position
from readme_gen.readme.document import Candidate, Heading, Piece, Text, lines_of, split
from readme_gen.readme.grouping import group_years
from readme_gen.readme.written import entry_text, line_end

FIELDS = ("title", "authors", "venue", "year", "date", "links")
MIN_ENTRIES = 3
"""Fewer candidates of one kind than this (outside tables) are prose, not entries."""
_LINKED = re.compile(r"\]\((?!#)[^)\s]")
_KNOWN = frozenset({"title", "venue", "year", "date"})


@dataclass
class Summary:
    """What an import found: `import --format json` prints it."""

    entries: int = 0
    parsed: int = 0
    raw: int = 0
    fields: Counter[str] = field(default_factory=Counter)
    identical: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "entries": self.entries,
            "parsed": self.parsed,
            "raw": self.raw,
            "fields": {name: self.fields[name] for name in FIELDS},
            "identical": self.identical,
        }


def is_entry(text: str) -> bool:
    """A candidate that reads as an entry: it links somewhere other than the page itself."""
    return bool(_LINKED.search(text))


def plain(markdown: str) -> str:
    """A heading's text as a reader sees it (`escape.plain_text`)."""
    return plain_text(markdown) or "Untitled"


def section_id(title: str, taken: set[str]) -> str:
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    base = "-".join(re.findall(r"[a-z0-9]+", folded))[:60].strip("-") or "section"
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    taken.add(ident)
    return ident


def find_forms(pieces: list[Piece]) -> dict[str, FormSpec]:
    """A form for each kind of entry the README has (a table's columns, a list's marker
    and indent, paragraphs, heading blocks)."""
    kinds: dict[str, list[str]] = {}
    gaps: dict[str, Counter[str]] = {}
    previous: Candidate | None = None
    for n, piece in enumerate(pieces):
        if isinstance(piece, Candidate) and is_entry(piece.text):
            kinds.setdefault(piece.kind, []).append(piece.text)
            if previous is not None and previous.kind == piece.kind and n >= 2:
                gap = pieces[n - 1]
                if isinstance(gap, Text) and pieces[n - 2] is previous:
                    gaps.setdefault(piece.kind, Counter())[gap.text] += 1
            previous = piece
        elif not isinstance(piece, Text):
            previous = None
    forms: dict[str, FormSpec] = {}
    names: Counter[str] = Counter()
    for kind, texts in kinds.items():
        if len(texts) < MIN_ENTRIES and not kind.startswith("row:"):
            continue  # a paragraph or two with a link is prose, not a list of papers
        header = kind.removeprefix("row:") if kind.startswith("row:") else ""
        found = infer(texts, header)
        if found is None:
            continue
        base = {"row": "table", "item": "list", "para": "blocks", "block": "entries"}[
            kind.split(":")[0]
        ]
        names[base] += 1
        name = base if names[base] == 1 else f"{base}{names[base]}"
        between = gaps[kind].most_common(1)[0][0] if kind in gaps else "\n"
        style = found.style
        forms[kind] = FormSpec(
            name,
            tuple(t.text for t in found.templates),
            item=style.item,
            separator=style.separator,
            authors=style.authors,
            last_author=style.last_author,
            link=style.link,
            between=between,
            spacing=style.spacing,
            empty=style.empty,
        )
    return forms


def paper_of(entry: Entry, line: int) -> Paper | None:
    if not storable(entry):
        return None
    fields = entry.fields
    title = fields["title"]
    year = fields.get("year")
    extra = tuple((k, v) for k, v in fields.items() if k not in _KNOWN)
    links = tuple(Link(label, url) for label, url in entry.links)
    return Paper(
        title,
        entry.authors,
        fields.get("venue", ""),
        int(year) if year else None,
        links,
        Position(line, 1),
        date=fields.get("date", ""),
        extra=extra,
        spacing=tuple(sorted(entry.spacing.items())),
    )


def read_entry(spec: FormSpec, text: str, line: int) -> Paper | None:
    """The paper `text` is, when the form writes that paper back as `text` exactly."""
    for number, template in enumerate(compile_form(spec), start=1):
        entry = template.read(text)
        if entry is None:
            continue
        paper = paper_of(entry, line)
        if paper is None:
            continue
        if entry_text(spec, paper) == text:
            return paper
        # another template would write it first: the paper says which one writes it
        return replace(paper, variant=number)
    return None


@dataclass
class _Open:
    heading: Heading
    raw: str
    form: FormSpec | None
    items: list[Item] = field(default_factory=list)
    in_run: bool = False
    run: FormSpec | None = None
    """The form of the run of entries being read: the section's, or a second table's."""

    @property
    def between(self) -> str:
        return self.run.between if self.run is not None else "\n"


class _NotAdoptable(Exception):
    """The pieces cannot be put in the model (a bug of ours, reported as a difference)."""


class _Builder:
    def __init__(self, forms: dict[str, FormSpec], refused: set[int]) -> None:
        self.forms = forms
        self.refused = refused  # lines whose entries the catalog refused: kept as written
        self.preamble: list[str] = []
        self.sections: list[_Open] = []
        self.summary = Summary()

    def verbatim(self, text: str, line: int) -> None:
        if not self.sections:
            self.preamble.append(text)
            return
        current = self.sections[-1]
        if current.in_run:
            end = line_end(current.run)
            if not text.startswith(end):
                raise _NotAdoptable(line)
            text = text[len(end) :]
            current.in_run = False
        if not text:
            return
        if current.items and isinstance(current.items[-1], Verbatim):
            last = current.items[-1]
            current.items[-1] = Verbatim(last.text + text, last.position)
        else:
            current.items.append(Verbatim(text, Position(line, 1)))

    def heading(self, piece: Heading, form: FormSpec | None) -> None:
        self.sections.append(_Open(piece, piece.text, form))

    def entry(self, piece: Candidate, gap: Text | None) -> bool:
        """Take a candidate as an entry (and the gap before it, when it is what the form
        puts between two entries); False when it stays Markdown."""
        if not self.sections or piece.kind not in self.forms:
            return False
        if not piece.kind.startswith("row:") and not is_entry(piece.text):
            return False  # every row of a paper table is an entry; elsewhere, a link tells
        current = self.sections[-1]
        form = current.form
        if piece.kind.startswith("row:") and current.form is not None:
            # A table with columns of its own (a dataset table below the models) is read
            # by its own form; each entry names it.
            form = self.forms[piece.kind]
        if current.in_run and gap is not None and gap.text == current.between:
            gap = None  # the run goes on
        if gap is not None:
            self.verbatim(gap.text, gap.line)
            if current.items and not isinstance(current.items[-1], Verbatim):
                # a line break alone ends the run: an empty item marks where
                current.items.append(Verbatim("", Position(gap.line, 1)))
        if not current.in_run:
            current.run = form
        self.summary.entries += 1
        paper = None
        if form is not None and piece.line not in self.refused:
            paper = read_entry(form, piece.text, piece.line)
            if paper is not None and form is not current.form:
                paper = replace(paper, form=form.name)
        if paper is not None:
            current.items.append(paper)
            self.summary.parsed += 1
            self.summary.fields.update(name for name in FIELDS if _has(paper, name))
        else:
            current.items.append(Raw(piece.text, Position(piece.line, 1)))
            self.summary.raw += 1
        current.in_run = True
        return True


def _has(paper: Paper, name: str) -> bool:
    value = getattr(paper, name)
    return value is not None and value != "" and value != ()


def _section_forms(pieces: list[Piece], forms: dict[str, FormSpec]) -> list[FormSpec | None]:
    """Each section's form: that of the kind most of its entries are (in order of
    headings; entries before the first heading belong to no section)."""
    out: list[FormSpec | None] = []
    counts: Counter[str] | None = None
    for piece in [*pieces, None]:
        if piece is None or isinstance(piece, Heading):
            if counts is not None:
                best = next((k for k, _ in counts.most_common() if k in forms), None)
                out.append(forms[best] if best is not None else None)
            counts = Counter()
        elif (
            isinstance(piece, Candidate)
            and counts is not None
            and piece.kind in forms
            and (piece.kind.startswith("row:") or is_entry(piece.text))
        ):
            counts[piece.kind] += 1
    return out


def adopt(
    text: str,
    *,
    title: str,
    refused: set[int] | None = None,
    known: tuple[FormSpec, ...] = (),
) -> tuple[Catalog, Summary]:
    """The catalog a README is, and what was found in it. A form found that has the name
    of one in `known` (the catalog's own, for `sync`) reads as that one: the README is
    read by the forms the catalog declares, not by what its entries look like today."""
    pieces = split(text)
    declared = {f.name: f for f in known}
    forms = {kind: declared.get(f.name, f) for kind, f in find_forms(pieces).items()}
    section_forms = iter(_section_forms(pieces, forms))
    builder = _Builder(forms, refused or set())
    gap: Text | None = None
    for piece in pieces:
        if isinstance(piece, Text):
            gap = piece
            continue
        if isinstance(piece, Heading):
            if gap is not None:
                builder.verbatim(gap.text, gap.line)
                gap = None
            builder.heading(piece, next(section_forms))
            continue
        if builder.entry(piece, gap):
            gap = None
            continue
        if gap is not None:
            builder.verbatim(gap.text, gap.line)
            gap = None
        builder.verbatim(piece.text, piece.line)
    if gap is not None:
        builder.verbatim(gap.text, gap.line)
    catalog = group_years(_catalog(builder, title))  # `### 2024` groups: by year
    if builder.sections and builder.sections[-1].in_run and not text.endswith("\n"):
        catalog = replace(catalog, final_break=False)
    return catalog, builder.summary


def _repeats(opened: list[_Open]) -> None:
    """A paper listed again, in another section of the same form, becomes a `See` of the first:
    stored once, its links checked once. The first gets an `id` for it."""
    first: dict[tuple[str, object], tuple[_Open, int]] = {}
    keys: set[str] = set()
    for open_ in opened:
        for n, item in enumerate(open_.items):
            if not isinstance(item, Paper) or open_.form is None:
                continue
            # `item` names its own form, if any: a See is written in the same one
            seen = first.get((open_.form.name, item))
            if seen is None:
                first[(open_.form.name, item)] = (open_, n)
                continue
            owner, at = seen
            if owner is open_:
                continue  # twice in one section is a slip, for lint to name (RG102)
            original = owner.items[at]
            assert isinstance(original, Paper)
            if not original.key:
                original = replace(original, key=section_id(original.title, keys))
                owner.items[at] = original
            open_.items[n] = See(original, item.position)


_YEAR_HEADING = re.compile(r"(?:19|20)[0-9]{2}\Z")


def _heading_years(builder: _Builder) -> None:
    """Under a `### 2022` heading, a paper whose form writes no year of its own has the
    heading's: the list shows its year there (kept in the catalog, the README unchanged)."""
    stack: list[tuple[int, int | None]] = []  # (level, the year its heading names)
    dated = {  # whether a form writes a year of its own
        f.name: any(n.name in ("year", "date") for text in f.entries for n in _fields(text))
        for f in builder.forms.values()
    }
    for open_ in builder.sections:
        level = open_.heading.level
        while stack and stack[-1][0] >= level:
            stack.pop()
        own = plain(open_.heading.title)
        named = int(own) if _YEAR_HEADING.match(own) else None
        stack.append((level, named))
        year = next((y for _, y in reversed(stack) if y is not None), None)
        if year is None or open_.form is None:
            continue
        section_dated = dated[open_.form.name]
        items: list[Item] = []
        for item in open_.items:
            if (
                isinstance(item, Paper)
                and item.year is None
                and not (dated[item.form] if item.form else section_dated)
            ):
                item = replace(item, year=year)
                builder.summary.fields["year"] += 1
            items.append(item)
        open_.items = items


def _fields(template: str) -> list[Field]:
    return list(fields_of(parse_template(template)))


def _catalog(builder: _Builder, title: str) -> Catalog:
    taken: set[str] = set()
    sections = []
    _heading_years(builder)
    _repeats(builder.sections)
    named = {i.form for s in builder.sections for i in s.items if isinstance(i, Paper)}
    used = [
        f
        for f in builder.forms.values()
        if f.name in named or any(s.form is f for s in builder.sections)
    ]
    h1 = next((s for s in builder.sections if s.heading.level == 1), None)
    for open_ in builder.sections:
        name = plain(open_.heading.title)
        canonical = "#" * open_.heading.level + " " + name
        heading = "" if open_.raw == canonical else open_.raw
        papers = tuple(i for i in open_.items if isinstance(i, Paper))
        sections.append(
            Section(
                section_id(name, taken),
                name,
                papers,
                Position(open_.heading.line, 1),
                level=open_.heading.level,
                heading=heading,
                form=open_.form.name if open_.form is not None else "",
                items=tuple(open_.items),
            )
        )
    catalog_title = plain(h1.heading.title) if h1 is not None else title
    return Catalog(
        catalog_title,
        "",
        (),
        tuple(sections),
        forms=tuple(used),
        preamble="".join(builder.preamble),
    )


def first_difference(a: str, b: str) -> tuple[int, str, str]:
    """The first line where `a` and `b` differ (1-based), and each one's line there (lines
    as CommonMark ends them, `document.lines_of`)."""
    la, lb = lines_of(a), lines_of(b)
    for n, (x, y) in enumerate(zip(la, lb, strict=False), start=1):
        if x != y:
            return n, x, y
    n = min(len(la), len(lb)) + 1
    return n, la[n - 1] if n <= len(la) else "", lb[n - 1] if n <= len(lb) else ""


MAX_ROUNDS = 5


@dataclass(frozen=True, slots=True)
class Adoption:
    catalog: Catalog
    summary: Summary
    yaml: str
    """The catalog as written to catalog.yaml; it reads back as `catalog`."""


class NotAdopted(UsageError):
    """`take`'s refusal (exit 2, nothing written), with what was found: `summary`, its
    `identical` false, for `--format json`."""

    def __init__(self, message: str, summary: Summary) -> None:
        super().__init__(message)
        self.summary = summary


class _Unreadable(Exception):
    """The catalog written for a README does not read back (its problems, in the YAML)."""

    def __init__(self, error: CatalogError, summary: Summary) -> None:
        super().__init__(str(error))
        self.error, self.summary = error, summary


def adopt_checked(text: str, *, title: str, header: str) -> Adoption:
    """`adopt`, with every entry the catalog's own rules refuse (an empty link, a value
    too long) kept as written instead, so that what is written reads back as it is.
    `_Unreadable` when it still does not (a character no catalog holds, say)."""
    from readme_gen.catalog.emit import dump_catalog

    refused: set[int] = set()
    error, summary = CatalogError([]), Summary()
    for _ in range(MAX_ROUNDS):
        catalog, summary = adopt(text, title=title, refused=refused)
        yaml = dump_catalog(catalog, header=header)
        try:
            read_back(yaml)
        except CatalogError as exc:
            error = exc
            lines = _entry_lines(catalog, yaml, [p.position.line for p in exc.problems])
            if not lines - refused:
                break
            refused |= lines
            continue
        return Adoption(catalog, summary, yaml)
    raise _Unreadable(error, summary)


def read_back(yaml: str) -> Catalog:
    """The catalog `yaml` is, read by the one loader every command uses."""
    from readme_gen.catalog.load import parse_catalog

    return parse_catalog(yaml, "<import>", Path.cwd())


def _entry_lines(catalog: Catalog, yaml: str, problem_lines: list[int]) -> set[int]:
    """The README lines of the papers whose YAML holds a problem line."""
    starts = [
        n for n, line in enumerate(yaml.split("\n"), start=1) if line.startswith("      - title: ")
    ]
    papers = [i for s in catalog.sections for i in s.items if isinstance(i, Paper)]
    import bisect

    found = set()
    for line in problem_lines:
        k = bisect.bisect_right(starts, line) - 1
        if 0 <= k < len(papers):
            found.add(papers[k].position.line)
    return found


# What a catalog cannot hold (`catalog.screen`, `catalog.validate`): a README holding one
# is refused at it, by name
_UNHELD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def with_bom(path: Path, text: str) -> str:
    """The README's text as `read_text` gave it, with the byte order mark it may begin with
    put back: the README is kept byte for byte, the mark included."""
    from readme_gen.fsutil import read_bytes

    return "\ufeff" + text if read_bytes(path).startswith(codecs.BOM_UTF8) else text


def take(text: str, *, title: str, path: str, header: str) -> Adoption:
    """The catalog to write for README `text`, proven: the YAML exactly as it will be
    written, read back by the loader and built, gives `text` back byte for byte. A README
    in the built-in layout gives the built-in catalog; any other is adopted as written.
    `NotAdopted` (exit 2) with one located diagnosis when no entry is found, when the
    README cannot be adopted, or when the rebuild would differ; nothing is written then."""
    from readme_gen.catalog.emit import dump_catalog
    from readme_gen.readme.parse import parse_readme

    try:
        builtin = parse_readme(text, path)
    except CatalogError:
        builtin = None
    if builtin is not None and builtin.papers():
        papers = builtin.papers()
        found = Counter(name for _, p in papers for name in FIELDS if _has(p, name))
        summary = Summary(len(papers), len(papers), 0, found)
        adoption = Adoption(builtin, summary, dump_catalog(builtin, header=header))
        try:
            same = _rebuilt(adoption.yaml) == text
        except Exception:  # not the built-in layout after all: adopted as written below
            same = False
        if same:
            summary.identical = True
            return adoption
    try:
        adoption = adopt_checked(text, title=title, header=header)
    except _Unreadable as exc:
        raise NotAdopted(_unheld(text, path, exc.error), exc.summary) from None
    except (_NotAdoptable, CatalogError) as exc:  # located; anything else is a bug (exit 3)
        raise NotAdopted(_failed(text, path, exc), Summary()) from None
    summary = adoption.summary
    if summary.entries == 0:
        raise NotAdopted(
            f"{path}: no entries found: no table row, list item or paragraph links to a paper "
            "(a list whose entries have no links cannot be adopted); nothing was written",
            summary,
        )
    try:
        rebuilt = _rebuilt(adoption.yaml)
    except _NotAdoptable as exc:
        raise NotAdopted(_failed(text, path, exc), summary) from None
    if rebuilt is None:  # adopt_checked read it back: only a bug of ours gets here
        raise NotAdopted(_failed(text, path, ValueError("the catalog does not read back")), summary)
    if rebuilt != text:
        line, was, now = first_difference(text, rebuilt)
        raise NotAdopted(
            f"{path}:{line}:1: the catalog would not build this README back (line {line} would "
            f"read {_quote(now)} instead of {_quote(was)}); found {summary.entries} entries, "
            f"{summary.parsed} read as fields; nothing was written{_line_ends(text)}",
            summary,
        )
    summary.identical = True
    return adoption


def _rebuilt(yaml: str) -> str | None:
    """The README the written catalog builds (None when it does not read back)."""
    from readme_gen.readme.render import render

    try:
        return render(read_back(yaml))
    except CatalogError:
        return None


def _unheld(text: str, path: str, error: CatalogError) -> str:
    """Where the README holds what a catalog cannot, and what it is."""
    found = _UNHELD.search(text)
    if found is None:
        problem = error.problems[0] if error.problems else None
        what = problem.message if problem is not None else str(error)
        return (
            f"{path}:1:1: the catalog written for this README does not read back ({what}); "
            "nothing was written"
        )
    where = _position(text, found.start())
    return (
        f"{path}:{where}: U+{ord(found.group()):04X} cannot be kept in a catalog (expected "
        "printable text, line breaks and tabs; remove it or retype the line); nothing was "
        "written"
    )


def _failed(text: str, path: str, exc: Exception) -> str:
    """Where adopting the README failed, and how."""
    from readme_gen.text import shorten

    if isinstance(exc, _NotAdoptable) and exc.args:
        line = exc.args[0]
        what = "the text after a run of entries does not begin with the line break they end with"
    else:
        line = 1
        what = shorten(f"{type(exc).__name__}: {exc}".removesuffix(": "))
    return (
        f"{path}:{line}:1: this README cannot be adopted as written (at line {line}, {what}); "
        f"nothing was written{_line_ends(text)}"
    )


def _line_ends(text: str) -> str:
    """A hint when the README ends its lines in more than one way: entries are written
    with one line break, `\\n` or `\\r\\n`."""
    ends = [line[len(line.rstrip("\r\n")) :] for line in lines_of(text)]
    if "\r" in ends:
        return (
            f" (line {ends.index(chr(13)) + 1} ends with a lone CR; expected line ends `\\n` "
            "or `\\r\\n`, which readme-gen writes)"
        )
    if "\n" in ends and "\r\n" in ends:
        lf, crlf = ends.index("\n") + 1, ends.index("\r\n") + 1
        return (
            f" (line {lf} ends with `\\n`, line {crlf} with `\\r\\n`; expected one line end "
            "throughout)"
        )
    return ""


def _position(text: str, offset: int) -> Position:
    """Where `offset` is in `text`, its lines ended as CommonMark ends them."""
    before = lines_of(text[:offset])
    if not before or before[-1][-1:] in ("\r", "\n"):
        return Position(len(before) + 1, 1)
    return Position(len(before), len(before[-1]) + 1)


def _quote(line: str) -> str:
    from readme_gen.text import shorten

    return "`" + shorten(line.rstrip("\r\n") or "(end of file)") + "`"
