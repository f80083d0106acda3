"""Writing a `Catalog` as YAML in the one canonical layout that catalog.yaml uses.

Key order is fixed, indentation is two spaces, author lists are flow style, titles are
always double-quoted, and any other scalar is plain unless YAML would read it as something
other than the same text, in which case it is double-quoted with escapes: everything
written here reads back (`readme_gen.catalog.load`) as the catalog it was written from.
"""

from __future__ import annotations

import re

from readme_gen.catalog.model import Catalog, FormSpec, Paper, Raw, Section, See

# Plain scalars that YAML 1.2 reads as something other than text, or might: these are
# quoted (a superset of what `yamltree.plain_kind` reads as not text, so a plain scalar
# written here always reads back as the same text).
_NOT_TEXT = re.compile(
    r"""(?x)^(?:
      true|True|TRUE|false|False|FALSE|~|null|Null|NULL|<<|=|
    | [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    | [-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    | [-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
    | [-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?[0-9_]+ | [-+]?0x[0-9a-fA-F_]+
    | [0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?.*
    )$"""
)
SCHEMA_COMMENT = "# yaml-language-server: $schema=schema/catalog.schema.json\n"

# A conservative subset of YAML plain scalars: printable, no indicator at the start, no
# `: ` or ` #` inside, no surrounding spaces. In flow context also no flow indicators.
_PLAIN_BLOCK = re.compile(
    r"[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*[^\s:])?\Z"
)
_PLAIN_FLOW = re.compile(
    r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]"
    r"(?:[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff,\[\]{}:#'\"]*[^\s:,\[\]{}#'\"])?\Z"
)
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\t": "\\t",
    "\n": "\\n",
    "\r": "\\r",
    "\x00": "\\0",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}
_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]')


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    known = _ESCAPES.get(char)
    if known is not None:
        return known
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def scalar(text: str, *, flow: bool = False) -> str:
    """`text` as a plain scalar when that reads back as the same text, else double-quoted."""
    pattern = _PLAIN_FLOW if flow else _PLAIN_BLOCK
    if (
        pattern.match(text)
        and not _NEEDS_ESCAPE.search(text)
        and " #" not in text
        and ": " not in text
        and not _NOT_TEXT.match(text)
    ):
        return text
    return quoted(text)


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_ .()/+'-]*[A-Za-z0-9_.()/+'-])?\Z")


def key(text: str) -> str:
    """A mapping key: plain when it is a simple word-like label, else quoted."""
    plain = _PLAIN_KEY.match(text) and not _NOT_TEXT.match(text)
    return text if plain else quoted(text)


def dump_paper(paper: Paper, indent: str) -> str:
    authors = ", ".join(scalar(a, flow=True) for a in paper.authors)
    links = "".join(f"{indent}    {key(link.label)}: {scalar(link.url)}\n" for link in paper.links)
    return (
        f"{indent}- title: {quoted(paper.title)}\n"
        f"{indent}  authors: [{authors}]\n"
        f"{indent}  venue: {scalar(paper.venue)}\n"
        f"{indent}  year: {paper.year}\n"
        + (f"{indent}  arxiv-category: {scalar(paper.category)}\n" if paper.category else "")
        + (f"{indent}  added: {quoted(paper.added)}\n" if paper.added else "")
        + f"{indent}  links:\n{links}"
    )


# A literal block scalar keeps multi-line Markdown readable; only for text it reads back as
# exactly: no line that is white space alone (YAML trims it), no character YAML escapes.
_BLOCK_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]|^[ \t]+$", re.M
)


def text_value(text: str, indent: str) -> str:
    """A value that may span lines: a literal block (`|2-`) indented under `indent`, or
    a scalar on one line."""
    if "\n" not in text or _BLOCK_UNSAFE.search(text) or not text.strip("\n"):
        return scalar(text)
    body = text.rstrip("\n")
    trailing = len(text) - len(body)
    chomp = "-" if trailing == 0 else "" if trailing == 1 else "+"
    pad = indent + "  "
    lines = [pad + line if line else "" for line in body.split("\n")]
    lines += [""] * (trailing - 1)
    return f"|2{chomp}\n" + "\n".join(lines)


def dump_form(spec: FormSpec) -> str:
    out = [f"  {key(spec.name)}:\n"]
    if len(spec.entries) == 1:
        out.append(f"    entry: {text_value(spec.entries[0], '    ')}\n")
    else:
        out.append("    entry:\n")
        out.extend(f"      - {text_value(e, '      ')}\n" for e in spec.entries)
    defaults = FormSpec(spec.name, spec.entries)
    for name in ("item", "separator", "authors", "last_author", "link", "between", "empty"):
        value = getattr(spec, name)
        if value != getattr(defaults, name):
            out.append(f"    {name.replace('_', '-')}: {quoted(value)}\n")
    if spec.spacing:
        out.append("    spacing: varies\n")
    if not spec.markdown:
        out.append("    text: plain\n")
    return "".join(out)


def dump_adopted_paper(paper: Paper, indent: str) -> str:
    inner = indent + "  "
    out = [f"{indent}- title: {quoted(paper.title)}\n"]
    if paper.authors:
        authors = ", ".join(scalar(a, flow=True) for a in paper.authors)
        out.append(f"{inner}authors: [{authors}]\n")
    if paper.venue:
        out.append(f"{inner}venue: {scalar(paper.venue)}\n")
    if paper.year is not None:
        out.append(f"{inner}year: {paper.year}\n")
    if paper.date:
        out.append(f"{inner}date: {quoted(paper.date)}\n")
    if paper.key:
        out.append(f"{inner}id: {scalar(paper.key)}\n")
    if paper.form:
        out.append(f"{inner}form: {scalar(paper.form)}\n")
    if paper.variant:
        out.append(f"{inner}variant: {paper.variant}\n")
    if paper.spacing:
        slots = ", ".join(f'"{n}": {quoted(text)}' for n, text in paper.spacing)
        out.append(f"{inner}spacing: {{{slots}}}\n")
    if paper.category:
        out.append(f"{inner}arxiv-category: {scalar(paper.category)}\n")
    if paper.added:
        out.append(f"{inner}added: {quoted(paper.added)}\n")
    out.extend(f"{inner}{key(name)}: {text_value(value, inner)}\n" for name, value in paper.extra)
    if paper.links:
        out.append(f"{inner}links:\n")
        out.extend(f"{inner}  {key(ln.label)}: {scalar(ln.url)}\n" for ln in paper.links)
    return "".join(out)


def dump_adopted_section(section: Section) -> str:
    out = [f"  - id: {scalar(section.id)}\n    title: {scalar(section.title)}\n"]
    if section.level != 2:
        out.append(f"    level: {section.level}\n")
    if section.heading:
        out.append(f"    heading: {text_value(section.heading, '    ')}\n")
    if section.form:
        out.append(f"    form: {scalar(section.form)}\n")
    if section.file:
        out.append(f"    file: {scalar(section.file)}\n")
    if section.by_year:
        out.append(f"    order: {section.order}\n")
    if section.group:
        out.append(f"    group: {text_value(section.group, '    ')}\n")
    if section.undated:
        out.append(f"    undated: {scalar(section.undated)}\n")
    if not section.items:
        return "".join(out)
    out.append("    papers:\n")
    for item in section.items:
        if isinstance(item, Paper):
            out.append(dump_adopted_paper(item, "      "))
        elif isinstance(item, See):
            out.append(f"      - see: {scalar(item.paper.key)}\n")
        else:
            kind = "raw" if isinstance(item, Raw) else "markdown"
            out.append(f"      - {kind}: {text_value(item.text, '        ')}\n")
    return "".join(out)


def dump_adopted(catalog: Catalog, header: str) -> str:
    """An adopted list: its forms, its preamble and every section's items, in order."""
    out = [header, f"title: {scalar(catalog.title)}\n"]
    if catalog.description:
        out.append(f"description: {scalar(catalog.description)}\n")
    if catalog.forms:
        out.append("forms:\n")
        out.extend(dump_form(f) for f in catalog.forms)
    out.append("readme:\n")
    out.append(f"  preamble: {text_value(catalog.preamble or '', '  ')}\n")
    if not catalog.final_break:
        out.append("  final-break: false\n")
    out.append("sections:\n" if catalog.sections else "sections: []\n")
    out.extend(dump_adopted_section(s) for s in catalog.sections)
    return "".join(out)


def dump_catalog(catalog: Catalog, *, header: str = SCHEMA_COMMENT) -> str:
    """The whole catalog as canonical YAML text."""
    if catalog.adopted:
        return dump_adopted(catalog, header)
    out = [
        header,
        f"title: {scalar(catalog.title)}\n",
        f"description: {scalar(catalog.description)}\n",
    ]
    if catalog.news:
        out.append("news:\n")
        for item in catalog.news:
            out.append(f"  - date: {scalar(item.date)}\n    text: {scalar(item.text)}\n")
    out.append("sections:\n" if catalog.sections else "sections: []\n")
    for section in catalog.sections:
        out.append(f"  - id: {scalar(section.id)}\n    title: {scalar(section.title)}\n")
        if not section.papers:
            out.append("    papers: []\n")
            continue
        out.append("    papers:\n")
        out.extend(dump_paper(p, "      ") for p in section.papers)
    if catalog.appendices:
        out.append("appendices:\n")
        for appendix in catalog.appendices:
            out.append(f"  - title: {scalar(appendix.title)}\n    file: {scalar(appendix.file)}\n")
    return "".join(out)
