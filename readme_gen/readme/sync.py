"""README edits become catalog edits (`readme-gen sync`): the README is read back into
entries by the reader `import` uses (the built-in layout's, or an adopted list's own forms,
those the catalog declares), compared with the catalog entry by entry, and the entries that
changed are edited into catalog.yaml's text in place: only their lines, every comment and
every other byte kept.

Entries are matched to the catalog's papers by a stable key: the same fields, else the URL
of the first link (`edit.url_key`), else the folded title; so an edited title is a change
of one paper, not a removal and an addition. Within each section the entries are then
aligned (difflib) with the catalog's: what is equal stays (its changed fields rewritten),
what is new is inserted where the README has it, what is gone is removed; a paper removed
from one section and inserted in another has moved (its lines are carried over as written).

What does not read as entries is refused, located in the README, rather than lost: a row
or an item its form does not read, text in a built-in paper section, a section the catalog
does not have. The result is proven before it is returned: the new text must load as the
catalog the README describes (every value read back by the project's own loader).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from readme_gen.catalog.edit import end_of_block, indent_of, url_key
from readme_gen.catalog.emit import dump_adopted_paper, dump_paper, scalar, text_value
from readme_gen.catalog.fix import rewrite_scalars
from readme_gen.catalog.load import parse_catalog
from readme_gen.catalog.model import Catalog, Item, Paper, Raw, Section, See, Verbatim
from readme_gen.errors import CatalogError, Problem
from readme_gen.position import Position
from readme_gen.readme.adopt import adopt
from readme_gen.readme.parse import ROW_FORMAT, parse_readme
from readme_gen.readme.render import RULE
from readme_gen.readme.written import heading_text
from readme_gen.text import normalise, shorten

CATALOG_FIRST = "an edit of catalog.yaml itself (sync carries entries over, not this)"


@dataclass(frozen=True, slots=True)
class Synced:
    text: str
    """The new catalog text (the old one when the README says nothing new)."""
    catalog: Catalog
    """`text`, loaded."""
    changes: tuple[str, ...]
    """What changed, one line each (`changed`, `added`, `removed`, `moved`)."""
    edits: tuple[tuple[int, int, str], ...] = ()
    """The edits of the old text's lines: (start, end, the new text), 0-based, in order."""

    def diff(self, before: str, fromfile: str, tofile: str, context: int = 3) -> list[str]:
        """The unified diff of `before` (the old text) and `text`, from the edits
        themselves: no line matching over the whole file (a large catalog's lines repeat)."""
        return unified_diff(before, self.edits, fromfile, tofile, context)


# ---------------------------------------------------------------- reading the README


def read_readme(text: str, path: str, old: Catalog) -> Catalog:
    """The catalog the README describes, read as `import` reads it: the built-in layout
    by its one reader, an adopted list by the forms its catalog declares."""
    if old.adopted:
        catalog, _ = adopt(text, title=old.title, known=old.forms)
        _refuse_unread(catalog, old, path)
        return catalog
    _refuse_prose(text, path, old)
    return parse_readme(text, path)


def _refuse_unread(new: Catalog, old: Catalog, path: str) -> None:
    """An entry its form does not read (a broken row, prose run into a list item) that
    the catalog did not already keep as written: refused, not kept as it is."""
    kept = Counter(i.text for _, i in old.raws())
    forms = {f.name: f for f in old.forms}
    problems = []
    for section, raw in new.raws():
        if kept[raw.text] > 0:
            kept[raw.text] -= 1
            continue
        spec = forms.get(section.form)
        expected = f"an entry written `{spec.entries[0]}`" if spec else "an entry of the list"
        problems.append(
            Problem(
                path,
                Position(raw.position.line, 1),
                f"this entry of section `{section.title}` does not read as a paper of its form",
                expected,
            )
        )
    if problems:
        raise CatalogError(problems)


_YEAR = re.compile(r"### [0-9]{4}\Z")


def _refuse_prose(text: str, path: str, old: Catalog) -> None:
    """Text in a paper section of the built-in layout: no model holds it (the reader
    would take the section for an appendix). Appendices come from their own files."""
    appendices = {f"## {a.title}" for a in old.appendices}
    lines = text.splitlines()
    started = False
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped in appendices:
            return
        if line.startswith("## ") and stripped != "## Contents":
            started = True
            continue
        if not started or not stripped or _YEAR.match(stripped) or stripped == RULE:
            continue
        if stripped.startswith("|"):
            continue
        raise CatalogError(
            [
                Problem(
                    path,
                    Position(number, 1),
                    "text in a paper section, which the catalog cannot hold",
                    f"a table row {ROW_FORMAT}, a `### YEAR` heading or a blank line",
                )
            ]
        )


# ---------------------------------------------------------------- matching entries


def _fold(paper: Paper) -> str:
    return normalise(paper.title)


def _link(paper: Paper) -> str:
    return url_key(paper.links[0].url) if paper.links else ""


def _shown(paper: Paper, adopted: bool) -> Paper:
    """What the README shows of a paper (what the catalog alone holds set aside)."""
    if adopted:
        return replace(paper, key="", category="", added="")
    return replace(paper, category="", added="", date="", extra=(), key="", variant=0)


def match(old: list[Paper], new: list[Paper], adopted: bool) -> dict[int, int]:
    """new index -> old index: the same shown fields first, then the first link's URL,
    then the folded title; each old paper at most once."""
    found: dict[int, int] = {}
    taken: set[int] = set()
    for key in (lambda p: _shown(p, adopted), _link, _fold):
        index: dict[object, list[int]] = {}
        for n, paper in enumerate(old):
            if n not in taken and key(paper) not in ("", None):
                index.setdefault(key(paper), []).append(n)
        for n, paper in enumerate(new):
            if n in found:
                continue
            candidates = index.get(key(paper), [])
            if candidates:
                found[n] = candidates.pop(0)
                taken.add(found[n])
    return found


def merged(old: Paper, new: Paper, adopted: bool) -> Paper:
    """The old paper with what the README shows of it taken from the README."""
    both = replace(
        old, title=new.title, authors=new.authors, venue=new.venue, year=new.year, links=new.links
    )
    if not adopted:
        return both
    return replace(
        both,
        date=new.date,
        extra=new.extra,
        variant=new.variant,
        form=new.form,
        spacing=new.spacing,
        key=old.key or new.key,
    )


# ---------------------------------------------------------------- the catalog's text


@dataclass
class _Edit:
    start: int
    """0-based line where the replaced lines start."""
    end: int
    """0-based line after them (== start: an insertion)."""
    text: str
    order: int
    readme_line: int = 0
    """The README line the new text comes from (to locate what the catalog refuses)."""


def _dash(lines: list[str], line: int) -> int | None:
    found = re.match(r"( *)- ", lines[line])
    return len(found.group(1)) if found else None


@dataclass
class _Plan:
    lines: list[str]
    adopted: bool
    path: str
    in_place: bool = True
    """Changed values rewritten where they stand (else: a changed paper written anew)."""
    edits: list[_Edit] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)

    def add(self, start: int, end: int, text: str, readme_line: int = 0) -> None:
        self.edits.append(_Edit(start, end, text, len(self.edits), readme_line))

    def span(self, item: Item) -> tuple[int, int, int]:
        """(start, end, dash column) of an item's lines in the catalog."""
        start = item.position.line - 1
        dash = _dash(self.lines, start)
        if dash is None:
            raise _layout(self.path, item.position, "an item that is not in a block list")
        end = end_of_block(self.lines, start, dash)
        if isinstance(item, Verbatim | Raw):  # a literal block's last lines may be blank
            while end < len(self.lines) and not self.lines[end].strip():
                end += 1
        return start, end, dash

    def dump(self, item: Item, indent: str) -> str:
        if isinstance(item, Paper):
            return (dump_adopted_paper if self.adopted else dump_paper)(item, indent)
        if isinstance(item, See):
            return f"{indent}- see: {scalar(item.paper.key)}\n"
        kind = "raw" if isinstance(item, Raw) else "markdown"
        return f"{indent}- {kind}: {text_value(item.text, indent + '  ')}\n"

    def apply(self) -> tuple[str, list[tuple[int, int, int]]]:
        """The edited text, and for each edit with a README line the new text's lines
        (start, end, README line) it wrote."""
        out: list[str] = []
        spans = []
        at = 0
        written = 0  # lines in `out`
        for edit in sorted(self.edits, key=_in_order):
            kept = self.lines[at : edit.start]
            out.extend(kept)
            written += len(kept)
            out.append(edit.text)
            count = edit.text.count("\n")
            if edit.readme_line:
                spans.append((written + 1, written + count, edit.readme_line))
            written += count
            at = max(at, edit.end)
        out.extend(self.lines[at:])
        return "".join(out), spans


def _in_order(edit: _Edit) -> tuple[int, int]:
    return edit.start, edit.order


def _layout(path: str, at: Position, what: str) -> CatalogError:
    return CatalogError(
        [
            Problem(
                path, at, f"{what}, which sync cannot edit in place", "run `readme-gen fmt` first"
            )
        ]
    )


def _scalar_edits(plan: _Plan, old: Paper, new: Paper, start: int, end: int) -> str | None:
    """The paper's lines with only its changed one-line values rewritten, or None when a
    change is not of that kind (the paper is then written anew)."""
    changes: list[tuple[Position, str | int]] = []
    for name in ("title", "venue", "year", "date"):
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if name not in old.fields or after in ("", None):
            return None
        changes.append((old.where(name), after))
    if old.links != new.links:
        if [ln.label for ln in old.links] != [ln.label for ln in new.links]:
            return None
        changes += [
            (a.position, b.url) for a, b in zip(old.links, new.links, strict=True) if a != b
        ]
    if (old.extra, old.key, old.variant, old.form, old.spacing) != (
        new.extra,
        new.key,
        new.variant,
        new.form,
        new.spacing,
    ):
        return None
    block = plan.lines[start:end]
    if old.authors != new.authors:
        where = old.fields.get("authors")
        if where is None or not new.authors:
            return None
        line = block[where.line - 1 - start]
        opening = where.column - 1
        close = line.find("]", opening)
        if line[opening : opening + 1] != "[" or close < 0 or "#" in line[opening:close]:
            return None
        names = ", ".join(scalar(a, flow=True) for a in new.authors)
        block[where.line - 1 - start] = line[:opening] + f"[{names}]" + line[close + 1 :]
    rebased = [(Position(p.line - start, p.column), v) for p, v in changes]
    if any(p.line < 1 or p.line > len(block) for p, _ in rebased):
        return None
    try:
        return rewrite_scalars("".join(block), rebased, keep_quotes=True)
    except ValueError:
        return None


# ---------------------------------------------------------------- aligning sections


Token = tuple[str, object]


def _section_key(section: Section, adopted: bool) -> str:
    return heading_text(section) if adopted else section.title


def _items(section: Section, adopted: bool) -> tuple[Item, ...]:
    return section.items if adopted else section.papers


def _first_template(catalog: Catalog, form: str) -> str:
    return next((f.entries[0] for f in catalog.forms if f.name == form), form)


def _pair_sections(old: Catalog, new: Catalog, path: str) -> list[tuple[Section, Section]]:
    keys_old = [_section_key(s, old.adopted) for s in old.sections]
    keys_new = [_section_key(s, old.adopted) for s in new.sections]
    if keys_old == keys_new:
        pairs = list(zip(old.sections, new.sections, strict=True))
        for was, now in pairs:
            if was.form and was.papers and now.form != was.form:
                # its entries no longer read as a list (too few left, or all rewritten):
                # they would become Markdown kept as written, and the papers be lost
                raise CatalogError(
                    [
                        Problem(
                            path,
                            Position(now.position.line, 1),
                            f"the entries of section `{was.title}` no longer read as its "
                            f"form `{was.form}`",
                            f"entries written `{_first_template(old, was.form)}`",
                        )
                    ]
                )
        return pairs
    unknown = next((s for s in new.sections if _section_key(s, old.adopted) not in keys_old), None)
    if unknown is not None:
        heading = shorten(_section_key(unknown, old.adopted))
        what = f"a section catalog.yaml does not have (`{heading}`)"
        at = Position(unknown.position.line, 1)
    else:
        gone = next(k for k in keys_old if keys_new.count(k) < keys_old.count(k))
        what = f"the section `{shorten(gone)}` is missing or out of its place"
        at = Position(1, 1)
    expected = "the catalog's sections: add, rename or remove one with `readme-gen section`"
    raise CatalogError([Problem(path, at, what, expected)])


def plan_sync(
    readme: str,
    readme_path: str,
    text: str,
    catalog_path: str,
    base_dir: Path,
    *,
    loaded: Catalog | None = None,
) -> Synced:
    """The catalog text the README asks for (see the module's note). A changed paper's
    values are rewritten where they stand; should that not read back as the README's
    entries (a layout the rewrite does not know), each changed paper is written anew.
    `loaded`: `text`, already loaded."""
    old = loaded if loaded is not None else parse_catalog(text, catalog_path, base_dir)
    new = read_readme(readme, readme_path, old)
    try:
        return _sync(old, new, readme_path, text, catalog_path, base_dir, in_place=True)
    except _NotLanded:
        pass
    try:
        return _sync(old, new, readme_path, text, catalog_path, base_dir, in_place=False)
    except _NotLanded:
        raise AssertionError("sync's edit does not read back as the README's entries") from None


class _NotLanded(Exception):
    """The edited text does not load as the catalog the README describes."""


def _sync(
    old: Catalog,
    new: Catalog,
    readme_path: str,
    text: str,
    catalog_path: str,
    base_dir: Path,
    *,
    in_place: bool,
) -> Synced:
    adopted = old.adopted
    pairs = _pair_sections(old, new, readme_path)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    plan = _Plan(lines, adopted, catalog_path, in_place)
    problems = _top(plan, old, new, readme_path)
    if problems:
        raise CatalogError(problems)

    old_papers = [p for _, p in old.papers()]
    new_papers = [p for _, p in new.papers()]
    found = match(old_papers, new_papers, adopted)
    old_index = {id(p): n for n, p in enumerate(old_papers)}
    new_index = {id(p): n for n, p in enumerate(new_papers)}

    def old_of(paper: Paper) -> int:
        n = old_index.get(id(paper))
        return n if n is not None else next(k for k, p in enumerate(old_papers) if p == paper)

    def token_old(item: Item) -> Token:
        if isinstance(item, Paper):
            return ("p", old_of(item))
        if isinstance(item, See):
            return ("s", old_of(item.paper))
        return ("r" if isinstance(item, Raw) else "v", item.text)

    def token_new(item: Item) -> Token:
        if isinstance(item, Paper | See):
            paper = item.paper if isinstance(item, See) else item
            n = new_index[id(paper)]
            kind = "s" if isinstance(item, See) else "p"
            return (kind, found[n]) if n in found else ("n" + kind, n)
        return ("r" if isinstance(item, Raw) else "v", item.text)

    placed = {token_new(p) for _, p in new.papers()}
    origin: dict[int, Paper] = {}

    def expected(item: Item) -> Item:
        if isinstance(item, Paper | See):
            paper = item.paper if isinstance(item, See) else item
            n = new_index[id(paper)]
            target = merged(old_papers[found[n]], paper, adopted) if n in found else paper
            if isinstance(item, See):
                return See(target)
            if n in found:
                origin[id(target)] = old_papers[found[n]]
            return target
        return item

    wanted: list[tuple[Section, list[Item]]] = []
    for old_section, new_section in pairs:
        items_old = _items(old_section, adopted)
        items_new = _items(new_section, adopted)
        want = [expected(i) for i in items_new]
        wanted.append((old_section, want))
        before = [token_old(i) for i in items_old]
        after = [token_new(i) for i in items_new]
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                for k in range(i2 - i1):
                    _change(plan, items_old[i1 + k], want[j1 + k], items_new[j1 + k])
                    origin.pop(id(want[j1 + k]), None)
                continue
            for k in range(i1, i2):
                item = items_old[k]
                start, end, _ = plan.span(item)
                plan.add(start, end, "")
                if before[k][0] != "p" or before[k] not in placed:
                    plan.changes.append(f"removed {_what(item)} from `{old_section.title}`")
            if j1 < j2:
                _insert(plan, old_section, items_old, i1, i2, items_new[j1:j2], want[j1:j2], origin)
        if items_old and not items_new:
            _emptied(plan, old_section)
    if not plan.edits:
        return Synced(text, old, ())

    new_text, spans = plan.apply()
    try:
        after_catalog = parse_catalog(new_text, catalog_path, base_dir)
    except CatalogError as exc:
        raise _in_readme(exc, spans, readme_path) from None
    if not _landed(old, new, after_catalog, wanted):
        raise _NotLanded
    edits = tuple((e.start, e.end, e.text) for e in sorted(plan.edits, key=_in_order))
    return Synced(new_text, after_catalog, tuple(plan.changes), edits)


def _what(item: Item) -> str:
    if isinstance(item, Paper):
        return f"`{item.title}`"
    if isinstance(item, See):
        return f"`{item.paper.title}` (listed again)"
    return "Markdown" if isinstance(item, Verbatim) else "an entry kept as written"


def _change(plan: _Plan, old: Item, want: Item, new: Item) -> None:
    """An entry that stayed in its place: its changed fields rewritten."""
    if not isinstance(old, Paper) or not isinstance(want, Paper):
        return
    if replace(want, fields=old.fields, position=old.position) == old:
        return
    start, end, dash = plan.span(old)
    block = _scalar_edits(plan, old, want, start, end) if plan.in_place else None
    if block is None:
        comments = "".join(line for line in plan.lines[start:end] if line.strip().startswith("#"))
        block = comments + plan.dump(want, " " * dash)
    plan.add(start, end, block, new.position.line)
    names = _changed(old, want)
    plan.changes.append(f"changed `{want.title}`: {', '.join(names) or 'its form'}")


def _changed(old: Paper, new: Paper) -> list[str]:
    """The names of the fields the README changed."""
    names = [n for n in _FIELDS if getattr(old, n) != getattr(new, n)]
    mine = dict(old.extra)
    names += [k for k, v in new.extra if mine.get(k) != v]
    names += [k for k in mine if k not in dict(new.extra)]
    return names


_FIELDS = ("title", "authors", "venue", "year", "date", "links")


def _insert(
    plan: _Plan,
    section: Section,
    items_old: Sequence[Item],
    i1: int,
    i2: int,
    new_items: Sequence[Item],
    wants: Sequence[Item],
    origin: dict[int, Paper],
) -> None:
    """New entries where the README has them: after the old item before them (after the
    ones they replace), else before the section's first item, else into an empty list.
    A paper the catalog has elsewhere (moved) takes its lines along as they are written,
    when it is unchanged and at the same indentation."""
    if i2 > i1:
        _, at, dash = plan.span(items_old[i2 - 1])
    elif i1 > 0:
        _, at, dash = plan.span(items_old[i1 - 1])
    elif items_old:
        at, _, dash = plan.span(items_old[0])
        while at > 0 and plan.lines[at - 1].strip().startswith("#"):
            at -= 1  # a comment above the first item stays with it
    else:
        at, dash = _empty_list(plan, section)
    indent = " " * dash
    for item, want in zip(new_items, wants, strict=True):
        text = plan.dump(want, indent)
        line = item.position.line if isinstance(item, Paper) else 0
        source = origin.get(id(want))
        if source is not None and isinstance(want, Paper):
            start, end, was = plan.span(source)
            same = replace(want, fields=source.fields, position=source.position) == source
            if same and was == dash:
                text = "".join(plan.lines[start:end])
            within = any(item is source for item in items_old)
            where = "within" if within else "to"
            names = _changed(source, want)
            also = f" (and changed its {', '.join(names)})" if names else ""
            plan.changes.append(f"moved `{want.title}` {where} `{section.title}`{also}")
        elif isinstance(want, Paper):
            plan.changes.append(f"added `{want.title}` to `{section.title}`")
        elif not isinstance(want, Verbatim) or want.text.strip():
            plan.changes.append(f"added {_what(want)} to `{section.title}`")
        plan.add(at, at, text, line)


_EMPTY = re.compile(r"^( *)papers:[ \t]*\[[ \t]*\][ \t]*(#.*)?\n?$")
_PAPERS = re.compile(r"^( *)papers:[ \t]*(#.*)?\n?$")


def _section_lines(plan: _Plan, section: Section) -> range:
    start = section.position.line - 1
    dash = _dash(plan.lines, start)
    if dash is None:
        raise _layout(plan.path, section.position, f"section `{section.id}` is not a block mapping")
    return range(start, end_of_block(plan.lines, start, dash))


def _papers_key(plan: _Plan, section: Section, key: re.Pattern[str], what: str) -> tuple[int, str]:
    """The line of `section`'s `papers` key that `key` matches (at the section's key column),
    and its trailing comment (`  # ...`, or "")."""
    key_column = section.position.column - 1
    for n in _section_lines(plan, section):
        line = (
            plan.lines[n]
            if n > section.position.line - 1
            else " " * key_column + plan.lines[n][key_column:]
        )
        found = key.match(line)
        if found and len(found.group(1)) == key_column:
            return n, f"  {found.group(2)}" if found.group(2) else ""
    raise _layout(plan.path, section.position, f"section `{section.id}` has no `{what}` line")


def _empty_list(plan: _Plan, section: Section) -> tuple[int, int]:
    """Where a section with no entries takes its first: its `papers: []` line becomes
    `papers:`, the entries under it."""
    n, comment = _papers_key(plan, section, _EMPTY, "papers: []")
    key_column = section.position.column - 1
    plan.add(n, n + 1, f"{plan.lines[n][:key_column]}papers:{comment}\n")
    return n + 1, key_column + 2


def _emptied(plan: _Plan, section: Section) -> None:
    """A section whose every entry is gone keeps `papers: []`."""
    n, comment = _papers_key(plan, section, _PAPERS, "papers:")
    key_column = section.position.column - 1
    plan.add(n, n + 1, f"{plan.lines[n][:key_column]}papers: []{comment}\n")


def _top(plan: _Plan, old: Catalog, new: Catalog, path: str) -> list[Problem]:
    """What stands outside the sections: an adopted list's preamble (rewritten), the
    built-in layout's title and description (rewritten when on one line) and news."""
    problems = []
    if old.adopted:
        if new.preamble != old.preamble:
            _preamble(plan, new.preamble or "", path)
        if new.final_break != old.final_break:
            problems.append(
                Problem(path, Position(1, 1), "the README's last line break changed", CATALOG_FIRST)
            )
        return problems
    for name in ("title", "description"):
        value = getattr(new, name)
        if value != getattr(old, name) and not _top_scalar(plan, name, value):
            problems.append(
                Problem(path, Position(1, 1), f"the list's {name} changed", CATALOG_FIRST)
            )
    if new.news != old.news:
        at = next(
            (n.position for n, o in zip(new.news, old.news, strict=False) if n != o), Position(1, 1)
        )
        problems.append(Problem(path, at, "the news changed", CATALOG_FIRST))
    return problems


def _top_scalar(plan: _Plan, name: str, value: str) -> bool:
    for n, line in enumerate(plan.lines):
        found = re.match(rf"{name}:[ \t]+(?=\S)", line)
        if found is None:
            continue
        if n + 1 < len(plan.lines) and plan.lines[n + 1][:1] in (" ", "\t"):
            return False  # a value on more lines than one
        edited = rewrite_scalars(line, [(Position(1, found.end() + 1), value)])
        plan.add(n, n + 1, edited)
        plan.changes.append(f"changed the list's {name}")
        return True
    return False


def _preamble(plan: _Plan, value: str, path: str) -> None:
    for n, line in enumerate(plan.lines):
        if re.match(r"  preamble:", line):
            end = n + 1
            while end < len(plan.lines) and (
                not plan.lines[end].strip() or indent_of(plan.lines[end]) > 2
            ):
                end += 1
            while end > n + 1 and not plan.lines[end - 1].strip():
                end -= 1
            plan.add(n, end, f"  preamble: {text_value(value, '  ')}\n")
            plan.changes.append("changed the text before the first heading")
            return
    raise _layout(path, Position(1, 1), "the catalog has no `readme: preamble:` of its own")


def _in_readme(exc: CatalogError, spans: list[tuple[int, int, int]], readme: str) -> CatalogError:
    """The catalog's refusal of a new value, located at the README entry it came from."""
    out = []
    for problem in exc.problems:
        line = problem.position.line
        origin = next((r for a, b, r in spans if a <= line <= b), None)
        if origin is None:
            out.append(problem)
        else:
            out.append(
                Problem(
                    readme,
                    Position(origin, 1),
                    f"the catalog refuses this entry: {problem.message}",
                    problem.expected,
                )
            )
    return CatalogError(out)


def _landed(
    old: Catalog, new: Catalog, after: Catalog, wanted: list[tuple[Section, list[Item]]]
) -> bool:
    """Whether the edited catalog is what the README says, and nothing else changed."""
    if [s.id for s in after.sections] != [s.id for s in old.sections]:
        return False
    if old.adopted:
        if after.preamble != new.preamble:
            return False
        for section, (_, want) in zip(after.sections, wanted, strict=True):
            if list(section.items) != want:
                return False
        return True
    if (after.title, after.description, after.news) != (new.title, new.description, new.news):
        return False
    for section, (_, want) in zip(after.sections, wanted, strict=True):
        if Counter(section.papers) != Counter(want):
            return False
    return after.appendices == old.appendices


def canonical_differences(written: str, rebuilt: str) -> Iterator[tuple[int, str]]:
    """The README lines (1-based, as written) the rebuild writes otherwise."""
    a, b = written.splitlines(), rebuilt.splitlines()
    for op, i1, i2, _, _ in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            for n in range(i1, i2):
                yield n + 1, a[n]


_GENERATED = re.compile(r"\s*(?:[-*] .*|#{2,3} .*|\|.*|-{3,}|)\Z")
"""Lines the built-in layout writes itself (rows, headings, the contents, rules): written
otherwise, the rebuild writes them in its own form. Any other line would be lost."""


def lost_text(written: str, rebuilt: str, adopted: bool) -> tuple[int, str] | None:
    """The first README line (1-based) whose text the rebuilt README would not hold, or
    None. An adopted list is rebuilt byte for byte; the built-in layout writes its rows,
    headings and contents in its own form, but keeps every other line."""
    read = set() if adopted else _read_lines(written)
    for line, text in canonical_differences(written, rebuilt):
        if adopted or not (_GENERATED.match(text) or line in read):
            return line, text
    if adopted and written != rebuilt:
        return len(rebuilt.splitlines()) + 1, "(end of file)"
    return None


def _read_lines(written: str) -> set[int]:
    """The lines of the built-in layout's preamble its reader takes (`parse.preamble`):
    the title, the description (its first line of text) and the news."""
    read = set()
    described = False
    for number, line in enumerate(written.splitlines(), start=1):
        stripped = line.strip()
        if line.startswith("## "):
            break
        if line.startswith("# ") or stripped.startswith(":loudspeaker:"):
            read.add(number)
        elif stripped and not described and not _GENERATED.match(stripped):
            read.add(number)
            described = True
    return read


def _trimmed(old: list[str], new: list[str]) -> tuple[int, int]:
    """How many lines `old` and `new` share at their start and (after that) at their end."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return head, tail


def unified_diff(
    before: str,
    edits: Sequence[tuple[int, int, str]],
    fromfile: str,
    tofile: str,
    context: int = 3,
) -> list[str]:
    """A unified diff (as `difflib.unified_diff` writes one) of `before` and `before` with
    `edits` applied: (start, end, text) replacing lines start..end, sorted, not overlapping."""
    lines = before.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    changes: list[tuple[int, int, list[str]]] = []
    for start, end, text in edits:
        new = text.splitlines(keepends=True)
        head, tail = _trimmed(lines[start:end], new)
        if end - start - head - tail or len(new) - head - tail:
            changes.append((start + head, end - tail, new[head : len(new) - tail]))
    groups: list[list[tuple[int, int, list[str]]]] = []
    for change in changes:
        if groups and change[0] - max(c[1] for c in groups[-1]) <= 2 * context:
            groups[-1].append(change)
        else:
            groups.append([change])
    if not groups:
        return []
    out = [f"--- {fromfile}\n", f"+++ {tofile}\n"]
    delta = 0
    for group in groups:
        first = max(0, group[0][0] - context)
        last = min(len(lines), max(c[1] for c in group) + context)
        body: list[str] = []
        at = first
        added = removed = 0
        for start, end, new in group:
            body += [" " + line for line in lines[at:start]]
            body += ["-" + line for line in lines[start:end]]
            body += ["+" + line for line in new]
            removed += end - start
            added += len(new)
            at = max(at, end)
        body += [" " + line for line in lines[at:last]]
        old_count = last - first
        new_count = old_count - removed + added
        old_from = first + 1 if old_count else first
        new_from = first + delta + 1 if new_count else first + delta
        out.append(f"@@ -{_range(old_from, old_count)} +{_range(new_from, new_count)} @@\n")
        out += body
        delta += added - removed
    return out


def _range(start: int, count: int) -> str:
    return str(start) if count == 1 else f"{start},{count}"
