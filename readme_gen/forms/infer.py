"""Finding a list's forms from its entries: the dominant shapes, made into templates.

An entry is cut into tokens: links (`[text](url)`, images, badges), markup (`**`, `|`,
`<br>`, line breaks), white space and text. Its shape is the token sequence with text and
URLs left open. The most common shapes become templates; each open text gets a field name
from what it holds (a table column's header, a year, a date, a list of names, a short venue)
and text around a year or between authors and venue becomes literal. Only templates that
read their entries back byte for byte are kept (`Template.read` checks every one).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from readme_gen.forms.errors import TemplateError
from readme_gen.forms.template import Style, Template, storable

MAX_TEMPLATES = 20
MIN_SHARE = 0.005
_MARKUP = re.compile(
    r"(?:(?<=\n)|^)#{1,6} |\*\*|__|\*|\||`|<br\s*/?>|"
    r"<(?:/?(?:sub|sup|b|i|em|strong|p|div|center|span))\s*>|"
    r" ?\\\r?\n|\r?\n|\"|“|”|:[a-z_]+:|[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?",
    re.I,
)
_SPACE = re.compile(r"[ \t]+")
# `[CVPR '24] Title`: a venue and year some titles of a list open with; a venue may open
# with a digit (`[3DV '25]`) but holds a letter
_TAG = re.compile(
    r"\[((?=[0-9]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9 &-]{0,30}?) (?:'|’)?"
    r"([0-9]{2}|(?:19|20)[0-9]{2})\] (?=\S)"
)
_YEAR_END = re.compile(r"(.*?)([ ,'’]*)((?:19|20)[0-9]{2})(\.?)\Z", re.S)
_SHORT_YEAR_END = re.compile(r"(.*?)( ?['’])([0-9]{2})()\Z", re.S)
_DATES = (
    ("%Y-%m-%d", re.compile(r"(?:19|20)\d\d-\d\d-\d\d\Z")),
    ("%Y.%m.%d", re.compile(r"(?:19|20)\d\d\.\d\d\.\d\d\Z")),
    ("%Y.%-m.%-d", re.compile(r"(?:19|20)\d\d\.\d{1,2}\.\d{1,2}\Z")),
    ("%Y/%m/%d", re.compile(r"(?:19|20)\d\d/\d\d/\d\d\Z")),
    ("%-d %b %Y", re.compile(r"\d{1,2} [A-Z][a-z]{2} (?:19|20)\d\d\Z")),
    ("%b %Y", re.compile(r"[A-Z][a-z]{2} (?:19|20)\d\d\Z")),
    ("%Y-%m", re.compile(r"(?:19|20)\d\d-\d\d\Z")),
    ("%Y.%m", re.compile(r"(?:19|20)\d\d\.\d\d\Z")),
)
_HEADER_ROLES = (
    ("title", re.compile(r"title|paper name|name of paper|paper$")),
    ("authors", re.compile(r"author")),
    ("venue", re.compile(r"venue|publication|pub\.?$|conference|journal|published")),
    ("date", re.compile(r"date|time")),
    ("year", re.compile(r"year")),
    ("abbr", re.compile(r"abbr|short|model|method|name")),
    ("institution", re.compile(r"institut|affiliation|organi")),
    ("tags", re.compile(r"keyword|tag|topic|type")),
    ("note", re.compile(r"note|comment|intro|description|highlight|remark")),
    ("image", re.compile(r"image|figure|overview|framework")),
)


@dataclass(frozen=True, slots=True)
class Tok:
    kind: str
    """`lit` (fixed text), `text`, `url`, `html`, `abstract`, `link` (a shown link:
    `text` is its label, `url` its URL, `wrap` the brackets around it)."""
    text: str
    url: str = ""
    wrap: tuple[str, str] = ("", "")

    @property
    def source(self) -> str:
        if self.kind != "link":
            return self.text
        return f"{self.wrap[0]}[{self.text}]({self.url}){self.wrap[1]}"


_MARKER = re.compile(r"[ \t]*[-*+][ \t]+(?=\S)")


def tokens(text: str) -> list[Tok]:
    """`text` as tokens; joining their texts gives `text`."""
    out: list[Tok] = []
    i = 0
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            out.append(Tok("text", "".join(buffer)))
            buffer.clear()

    marker = _MARKER.match(text)
    if marker is not None:  # a list's own marker is the form's, never a field's
        out.append(Tok("lit", marker.group()))
        i = marker.end()
    while i < len(text):
        char = text[i]
        if char in "[!" and (link := _link(text, i)) is not None:
            flush()
            out.extend(link[0])
            i = link[1]
            continue

        if text.startswith("<details", i):
            end = text.find("</details>", i)
            summary = text.find("</summary>", i)
            if 0 < summary < end:
                flush()
                opening = summary + len("</summary>")
                out.append(Tok("lit", text[i:opening]))
                body = text[opening:end]
                lead = len(body) - len(body.lstrip())
                out.append(Tok("lit", body[:lead]))
                out.append(Tok("abstract", body[lead:]))
                out.append(Tok("lit", "</details>"))
                i = end + len("</details>")
                continue
        if char == "<" and (tag := re.match(r"<[a-zA-Z][^<>\n]*=[^<>\n]*>", text[i:])):
            flush()
            out.append(Tok("html", tag.group()))
            i += tag.end()
            continue
        markup = _MARKUP.match(text, i)
        if markup is not None and _inline_tag(markup.group(), buffer, text, markup.end()):
            markup = None  # `Sp<sup>2</sup>360`: markup inside a word is the word's own
        if markup is not None and markup.end() > i:
            flush()
            out.append(Tok("lit", markup.group()))
            i = markup.end()
            continue
        space = _SPACE.match(text, i)
        if space is not None and (not buffer or _next_special(text, space.end())):
            flush()
            out.append(Tok("lit", space.group()))
            i = space.end()
            continue
        buffer.append(char)
        i += 1
    flush()
    return _trailing(_wrap(_merge(out)))


_LINE_END_SPACE = re.compile(r"[ \t]+(?=\r?\n)")


def _trailing(toks: list[Tok]) -> list[Tok]:
    """Spaces that end a line after a text belong to that text: lists end their lines with
    one space, two or none from entry to entry, and Markdown shows no difference (two
    make a line break, which a field keeps as written)."""
    out: list[Tok] = []
    for tok in toks:
        space = _LINE_END_SPACE.match(tok.text) if tok.kind == "lit" else None
        if space is not None and out and out[-1].kind == "text":
            out[-1] = Tok("text", out[-1].text + space.group())
            tok = Tok("lit", tok.text[space.end() :])
        out.append(tok)
    return out


_NUMBER = re.compile(r"([0-9]{1,4})(\. )(?=\S)")
_BARE_NUMBER = re.compile(r"[0-9]{1,4}\.\Z")


def _numbers(toks: list[Tok]) -> list[Tok]:
    out: list[Tok] = []
    for tok in toks:
        if tok.kind == "text" and _BARE_NUMBER.match(tok.text):  # `12.` before a `[`
            out += [Tok("text", tok.text[:-1]), Tok("lit", ".")]
            continue
        match = _NUMBER.match(tok.text) if tok.kind == "text" else None
        if match is None or match.end() == len(tok.text):
            out.append(tok)
            continue
        out += [Tok("text", match.group(1)), Tok("lit", match.group(2))]
        out.append(Tok("text", tok.text[match.end() :]))
    return out


def _wrap(toks: list[Tok]) -> list[Tok]:
    """`[` link `]` (as in `[[Paper](url)]`): the brackets go with the link."""
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if (
            tok.kind == "link"
            and out
            and out[-1].kind == "lit"
            and out[-1].text.endswith("[")
            and i + 1 < len(toks)
            and toks[i + 1].kind == "lit"
            and toks[i + 1].text.startswith("]")
        ):
            before = out.pop()
            if before.text[:-1]:
                out.append(Tok("lit", before.text[:-1]))
            out.append(Tok("link", tok.text, tok.url, ("[", "]")))
            after = toks[i + 1].text[1:]
            if after:
                out.append(Tok("lit", after))
            i += 2
            continue
        out.append(tok)
        i += 1
    return _merge(out)


def _inline_tag(markup: str, buffer: list[str], text: str, end: int) -> bool:
    """A `<sup>`, `<sub>` or `<i>` tag between two letters or digits (`Sp<sup>2</sup>360`),
    or a closing tag after one when the word holds its opening tag: a closing tag whose
    opening stands before the word (`<sup>2024</sup>`) is the template's, not the word's."""
    if not markup.startswith("<") or "br" in markup.lower():
        return False
    before = buffer[-1] if buffer else ""
    after = text[end] if end < len(text) else ""
    if not before.isalnum():
        return False
    if markup.startswith("</"):
        name = re.match(r"</\s*([a-zA-Z]+)", markup)
        word = "".join(buffer).lower()
        opening = "<" + (name.group(1).lower() if name else "")
        return word.count(opening) > word.count("</" + opening[1:])
    return after.isalnum()


def _next_special(text: str, i: int) -> bool:
    """True when white space at `i` is followed by markup or a link, so it is layout, not
    part of a text run."""
    if i >= len(text):
        return True
    return text[i] in '[!<|*_"`\n\\' or bool(_MARKUP.match(text, i))


def _link(text: str, i: int) -> tuple[list[Tok], int] | None:
    """Tokens of the link or image starting at `i`, and where it ends."""
    image = text.startswith("![", i)
    start = i + (2 if image else 1)
    if not image and text[i] != "[":
        return None
    depth, j = 1, start
    while j < len(text) and depth:
        if text[j] == "\\":
            j += 2
            continue
        if text[j] == "[":
            depth += 1
        elif text[j] == "]":
            depth -= 1
        elif text[j] == "\n" and text[j - 1] == "\n":
            return None
        j += 1
    if depth or not text.startswith("(", j):
        return None
    close = text.find(")", j)
    inner_open = text.find("(", j + 1)
    if 0 <= inner_open < close:  # one level of parentheses inside the URL
        close = text.find(")", close + 1)
    if close < 0 or "\n" in text[j:close] or " " in text[j + 1 : close].strip():
        return None
    label = text[start : j - 1]
    url = text[j + 1 : close]
    short = 0 < len(label) <= 30 and len(label.split()) <= 4 and not re.search(r"[\[\]<*`]", label)
    if short and not image and url and not url.startswith("#"):
        return [Tok("link", label, url)], close + 1
    out = [Tok("lit", text[i:start])]
    if image:
        out.append(Tok("html", label) if label else Tok("lit", ""))
    elif "[" in label or "<" in label or "*" in label or "`" in label:
        out.extend(tokens(label))
    elif label:
        out.append(Tok("text", label))
    out.append(Tok("lit", "]("))
    # an image's source is a value of the entry, not one of its links
    out.append(Tok("src" if image else "url", url) if url else Tok("lit", ""))
    out.append(Tok("lit", ")"))
    return [t for t in out if t.text or t.kind != "lit"], close + 1


_PUNCTUATION = re.compile(r"[^\w\s]*[\s]*[^\w\s]*\Z")
_DASH = re.compile(r"[-–—] +")  # a text opening with a dash and a space: the dash is layout


def _merge(toks: list[Tok]) -> list[Tok]:
    """Adjacent literals joined; a text of punctuation alone (`:`, `).`, `][`) is literal;
    a leading entry number (`12. Title`) is a text of its own."""
    out: list[Tok] = []
    for tok in _numbers(toks):
        dash = _DASH.match(tok.text) if tok.kind == "text" else None
        if dash is not None and dash.end() < len(tok.text):  # `[Name](url) - what it is`
            out.append(Tok("lit", dash.group()))
            tok = Tok("text", tok.text[dash.end() :])
        if tok.kind == "text" and _PUNCTUATION.match(tok.text):
            tok = Tok("lit", tok.text)
        if tok.kind == "lit" and not tok.text:
            continue
        if out and tok.kind == "lit" and out[-1].kind == "lit" and not out[-1].url:
            out[-1] = Tok("lit", out[-1].text + tok.text)
        else:
            out.append(tok)
    return out


@dataclass(frozen=True, slots=True)
class Run:
    """Shown links one after another, with the text between them."""

    links: tuple[Tok, ...]
    separators: tuple[str, ...]


Unit = Tok | Run


def units(toks: Sequence[Tok]) -> list[Unit]:
    """Tokens with each run of shown links (same brackets, the same text between) as one."""
    out: list[Unit] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.kind != "link":
            out.append(tok)
            i += 1
            continue
        links, separators = [tok], []
        j = i + 1
        while True:
            if j < len(toks) and toks[j].kind == "link" and toks[j].wrap == tok.wrap:
                separators.append("")
                links.append(toks[j])
                j += 1
            elif (
                j + 1 < len(toks)
                and toks[j].kind == "lit"
                and toks[j + 1].kind == "link"
                and toks[j + 1].wrap == tok.wrap
                and (not separators or separators[0] == toks[j].text)
            ):
                separators.append(toks[j].text)
                links.append(toks[j + 1])
                j += 2
            else:
                break
        out.append(Run(tuple(links), tuple(separators)))
        i = j
    return out


def shape(us: Sequence[Unit], *, loose: bool = False) -> tuple[str, ...]:
    """The entry's token sequence with text and URLs left open; `loose`, with each run of
    white space in the form's own text as one space or one line break, and none around
    a table's pipes."""
    key = []
    for u in us:
        if isinstance(u, Run):
            key.append("\x00run" + "".join(u.links[0].wrap))
        elif u.kind == "lit":
            key.append(_RUNS.sub(_one_run, _PIPE.sub("|", u.text)) if loose else u.text)
        else:
            key.append("\x00" + u.kind)
    return tuple(key)


def _trim(us: list[Unit]) -> list[Unit]:
    """`us` without the white space that opens or ends the entry."""
    start, end = 0, len(us)
    while start < end and _blank(us[start]):
        start += 1
    while end > start and _blank(us[end - 1]):
        end -= 1
    return us[start:end]


def _blank(u: Unit) -> bool:
    return isinstance(u, Tok) and u.kind == "lit" and not u.text.strip(" \t")


_PIPE = re.compile(r"[ \t]*\|[ \t]*")  # a table's cells: `|x|` and `| x |` alike
_RUNS = re.compile(r"[ \t]*(?:\r?\n[ \t]*)+|[ \t]+")


def _one_run(run: re.Match[str]) -> str:
    return "\n" if "\n" in run.group() else " "


def _brace(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


@dataclass(frozen=True, slots=True)
class Inferred:
    templates: tuple[Template, ...]
    style: Style


def infer(texts: Sequence[str], header: str = "") -> Inferred | None:
    """The templates that read most of `texts` (entries of one kind), best first; None
    when no template reads at least two of them."""
    parsed = [units(tokens(t)) for t in texts]
    comments: dict[int, tuple[str, str, str]] = {}
    for n, us in enumerate(parsed):
        found = _comment(us)
        if found is not None:  # an entry with a comment has the shape of one without
            parsed[n], comments[n] = us[:-2], found
    groups: dict[tuple[str, ...], list[int]] = {}
    exact: dict[tuple[str, ...], int] = Counter()
    for n, us in enumerate(parsed):
        groups.setdefault(shape(_trim(us), loose=True), []).append(n)
        exact[shape(us)] += 1
    # Entries that differ only in white space share a template, which lets each keep its
    # own (`spacing: varies`); the most common spacing is the template's, and white space
    # opening or ending an entry is the slot's there.
    spacing = len(exact) > len(groups)
    if spacing:
        parsed = [_trim(us) for us in parsed]
    for members in groups.values():
        members.sort(key=lambda n: -exact[shape(parsed[n])])
    ranked = sorted(groups.values(), key=len, reverse=True)
    separator = _separator([u for us in parsed for u in us if isinstance(u, Run)])
    columns = header.split("|") if header else []
    left = set(range(len(texts)))
    chosen: list[Template] = []
    reads: list[set[int]] = []
    style: Style | None = None
    for members in ranked[: MAX_TEMPLATES * 3]:
        if len(chosen) >= MAX_TEMPLATES or not left:
            break
        if len(members) < max(2, MIN_SHARE * len(texts)) and chosen:
            break
        ends = Counter(comments[n] for n in members if n in comments)
        comment = ends.most_common(1)[0][0] if ends else None
        built = _template(
            [parsed[n] for n in members], columns, style, separator, comment, spacing=spacing
        )
        read = {n for n in left if built is not None and _reads(built[0], texts[n])}
        if len(read) < 2 and len(texts) > 2:
            # a venue badge most of the shape shows but too few of it read: as written
            built = _template(
                [parsed[n] for n in members], columns, style, separator, comment, False, spacing
            )
            read = {n for n in left if built is not None and _reads(built[0], texts[n])}
        if built is None or (len(read) < 2 and len(texts) > 2):
            continue
        template, template_style = built
        if style is None:
            style = template_style
        chosen.append(template)
        reads.append(read)
        left -= read
        rest = [n for n in members if n in left]
        badge = "shields.io/badge/" in template.text and "{venue}" in template.text
        if len(rest) >= 2 and len(chosen) < MAX_TEMPLATES and badge:
            # a shape most of whose entries show their venue in a badge: the others
            # (another badge) keep the badge as written
            rest_units = [parsed[n] for n in rest]
            again = _template(rest_units, columns, style, separator, comment, False, spacing)
            if again is not None and again[0].text != template.text:
                more = {n for n in left if _reads(again[0], texts[n])}
                if len(more) >= 2:
                    chosen.append(again[0])
                    reads.append(more)
                    left -= more
    if not chosen or style is None:
        return None
    if spacing and not _spaced_reads(chosen, reads, texts):
        # the entries merged by white space were not read after all: keep it exact
        chosen = [Template.compile(t.text, replace(t.style, spacing=False)) for t in chosen]
        style = replace(style, spacing=False)
    merged = _placeholder(chosen, reads, texts)
    if merged is not None:
        return Inferred(merged, merged[0].style)
    return Inferred(tuple(chosen), style)


def _spaced_reads(chosen: list[Template], reads: list[set[int]], texts: Sequence[str]) -> bool:
    """True when some entry a template reads writes its white space its own way."""
    for template, read in zip(chosen, reads, strict=True):
        for n in read:
            entry = template.read(texts[n])
            if entry is not None and entry.spacing:
                return True
    return False


_CELL = re.compile(r"(?<=\|)[ \t]*([^|{}\n]+?)[ \t]*(?=\|)")


def _placeholder(
    chosen: list[Template], reads: list[set[int]], texts: Sequence[str]
) -> tuple[Template, ...] | None:
    """The templates again with the list's placeholder for a cell with no value (`| - |`,
    `|null|`): when a template that writes a field or links there reads the entries of one
    that writes the placeholder as its own text, or when a field of a row holds it (`null`
    is no code), the form says `empty: null` once, and no field stores it."""
    cells = Counter(
        cell.group(1)
        for t in chosen
        for cell in _CELL.finditer(t.text)
        if _PLACEHOLDER.match(cell.group(1)) and cell.group(1).strip()
    )
    held = _held_placeholders(chosen, reads, texts)
    marks = cells + held
    if not marks:
        return None
    mark = marks.most_common(1)[0][0]
    kept = [Template.compile(t.text, replace(t.style, empty=mark)) for t in chosen]
    for template, read in reversed(list(zip(kept, reads, strict=True))):
        others = [k for k in kept if k is not template]
        if others and all(any(_reads(k, texts[n]) for k in others) for n in read):
            kept = others  # the others now read them all
    if len(kept) == len(chosen) and held[mark] < 2:
        return None
    done = set().union(*reads)
    if not all(any(_reads(k, texts[n]) for k in kept) for n in done):
        return None  # the placeholder took a value some entry writes as its own
    return tuple(kept)


def _held_placeholders(
    chosen: list[Template], reads: list[set[int]], texts: Sequence[str]
) -> Counter[str]:
    """The placeholders (`null`, `-`, `N/A`) table rows hold in a field, and how often."""
    found: Counter[str] = Counter()
    for template, read in zip(chosen, reads, strict=True):
        if not template.text.lstrip(" \t").startswith("|"):
            continue  # only a table has cells a placeholder fills
        for n in read:
            entry = template.read(texts[n])
            if entry is None:
                continue
            values = [v for name, v in entry.fields.items() if name != "title"]
            values += entry.authors[:1] if len(entry.authors) == 1 else []
            found.update(v for v in values if v.strip() and _PLACEHOLDER.match(v))
    return found


def _reads(template: Template, text: str) -> bool:
    """True when `template` reads `text` cleanly (`plausible`): a read that takes the
    list's markup into a title leaves the entry to the next template."""
    entry = template.read(text)
    return entry is not None and storable(entry)


_COMMENT = re.compile(r"(<!--[-\s]*)[^\n]*?([-\s]*-->)\Z")


def _comment(us: list[Unit]) -> tuple[str, str, str] | None:
    """A comment ending an entry after white space (`[bibtex](x.txt) <!--key-->`, a note
    of the maintainer's own that some entries have): the space, the comment's opening
    and its closing."""
    if len(us) < 3 or not isinstance(us[-1], Tok) or not isinstance(us[-2], Tok):
        return None
    space, last = us[-2], us[-1]
    match = _COMMENT.match(last.text) if last.kind == "text" else None
    if space.kind != "lit" or space.text.strip() or "\n" in space.text or match is None:
        return None
    return space.text, match.group(1), match.group(2)


def _template(
    members: list[list[Unit]],
    columns: list[str],
    style: Style | None,
    common: str | None,
    comment: tuple[str, str, str] | None = None,
    badges: bool = True,
    spacing: bool = False,
) -> tuple[Template, Style] | None:
    """The template of entries of one shape; `common` is the separator most runs of
    links use across the whole list (a run of one link does not show its own), `comment`
    the comment some of them end with (an optional part of the template)."""
    first = members[0]
    names: Counter[str] = Counter()
    out: list[str] = []
    item: str | None = style.item if style else None
    separator = style.separator if style else common
    runs = [k for k, u in enumerate(first) if isinstance(u, Run)]
    column = (
        -1 if first and isinstance(first[0], Tok) and first[0].text.lstrip().startswith("|") else 0
    )
    has_title = False
    links = 0
    for k, unit in enumerate(first):
        if isinstance(unit, Run):
            wrap = unit.links[0].wrap
            this_item = wrap[0] + "[{label}]({url})" + wrap[1]
            lead = _lead(first, k, members)
            if lead is not None and k == runs[-1] and k == len(first) - 1:
                out[-1] = _brace(first[k - 1].text[: len(first[k - 1].text) - len(lead)])  # type: ignore[union-attr]
                this_item = lead + this_item
                if item is None or item == this_item:
                    item, separator = this_item, ""
                    out.append("{links}")
                    continue
            if k == runs[-1] and (item is None or item == this_item):
                item = this_item
                if separator is None:
                    separator = _separator([m[k] for m in members])
                out.append("{links}")
            else:
                seps = (*unit.separators, "")
                out.extend(_brace(wrap[0]) + "[{label}]({url})" + _brace(wrap[1] + s) for s in seps)
            continue
        if unit.kind == "lit":
            column += unit.text.count("|")
            out.append(_brace(unit.text))
            continue
        values = [u.text for m in members if isinstance(u := m[k], Tok)]
        role = _role(unit, values, columns[column] if column < len(columns) else "", has_title)
        same = len(values) >= 3 and len(set(values)) == 1 and unit.kind == "text"
        if same and not _varies(role, unit.text):
            out.append(_brace(unit.text))  # the same in every entry: the form's own text
            continue
        before = first[k - 1] if k else None
        if role == "auto" and isinstance(before, Tok) and before.text.endswith(("(*", "(_")):
            role = "institution"
        if unit.kind == "url":
            links += 1
            out.append("{link}" if links == 1 else "{link:" + f"Link{links}" + "}")
            continue
        if role == "title":
            has_title = True
        if unit.kind == "src":
            badge = _computed(values, members) or (_venue_badge(values, names) if badges else None)
            if badge is not None:
                out.append(badge)
                continue
        out.append(_field(role, values, names))
    if comment is not None:
        space, opening, closing = comment
        field = _named("comment", names)
        out.append("{?" + _brace(space + opening) + field + _brace(closing) + "?}")
    text = "".join(out)
    shown = {link.text for m in members for u in m if isinstance(u, Run) for link in u.links}
    final_style = Style(
        link=style.link
        if style
        else next(
            name
            for name in ("Paper", "Page", "Title link", "Link")
            if name not in shown or "{link}" not in text  # a shown label is the list's own
        ),
        item=item or "[{label}]({url})",
        separator=separator if separator is not None else " ",
        authors=", ",
        spacing=spacing,
    )
    try:
        return Template.compile(text, final_style), final_style
    except TemplateError:
        return None


_PLACEHOLDER = re.compile(r"\s*(?:-+|–|—|null|none|n/?a|/|)\s*\Z", re.I)


def _varies(role: str, text: str) -> bool:
    """True when a text that is the same in every entry of a shape is still the paper's:
    a venue or a year, named by its column or by what it holds (`| arXiv |` in a group of
    preprints). A placeholder (`-`, `null`) stays the form's text: it reads as no value."""
    if _PLACEHOLDER.match(text):
        return False
    if role in ("title", "authors", "venue", "year", "date"):
        return True
    return bool(_VENUE_HINT.match(text.strip(" ,.()")) or _YEAR_END.match(text.strip()))


_LEAD = re.compile(r"[ \t]*(?:[|,;·/]|--?|–)?[ \t]*\Z")


def _lead(first: list[Unit], k: int, members: list[list[Unit]]) -> str | None:
    """The separator standing before a last run of links (` | ` in `2022 | [code](u)`),
    when it is also what stands between the links of every run: the link item then
    starts with it, so an entry with no link, one or many is written by one template."""
    before = first[k - 1] if k else None
    if not isinstance(before, Tok) or before.kind != "lit":
        return None
    match = _LEAD.search(before.text)
    lead = match.group() if match else ""
    if not lead:
        return None
    for member in members:
        run = member[k]
        if isinstance(run, Run) and any(s != lead for s in run.separators):
            return None
    return lead


def _computed(values: list[str], members: list[list[Unit]]) -> str | None:
    """A badge's source that repeats part of the entry's own link (a star badge of its
    GitHub repository): written as the template's text around `{repo}` or `{arxiv}`, so the
    value is never stored and follows the link when it changes."""
    from readme_gen.forms.template import computed

    links = [
        [(t.text, t.url) for u in m for t in (u.links if isinstance(u, Run) else (u,))
         if t.kind == "link"]
        + [("", u.text) for u in m if isinstance(u, Tok) and u.kind == "url"]
        for m in members
    ]  # fmt: skip
    for name in ("repo", "arxiv"):
        derived = [computed(name, found) for found in links]
        if any(d is None or d not in v for d, v in zip(derived, values, strict=True)):
            continue
        parts = [v.split(d, 1) for d, v in zip(derived, values, strict=True) if d]
        if len({p[0] for p in parts}) == 1 and len({p[1] for p in parts}) == 1:
            return _brace(parts[0][0]) + "{" + name + "}" + _brace(parts[0][1])
    return None


_VENUE_BADGE = re.compile(
    r"(https?://img\.shields\.io/badge/[A-Za-z]+-)([A-Za-z][A-Za-z0-9]{1,15})(['’]|%27)"
    r"([0-9]{2}|(?:19|20)[0-9]{2})((?:%20[A-Za-z0-9]+)*)(-[A-Za-z0-9]+(?:\?[^\s]*)?)\Z"
)


def _venue_badge(values: list[str], names: Counter[str]) -> str | None:
    """A badge that shows the venue and year (`.../badge/Conference-ICML'23-blue`): its
    source written around `{venue}` and `{year}`, so both are the paper's fields, and
    what some badges add after the year (`ICML'23%20Oral`) an optional `{status}`."""
    if names["venue"] or names["year"]:
        return None
    found = [m for v in values if (m := _VENUE_BADGE.match(v))]
    kinds = Counter((m[1], m[3], len(m[4]), m[6]) for m in found)
    if not kinds or kinds.most_common(1)[0][1] < 0.5 * len(values):
        return None  # the others of the shape get a template of their own (`infer`)
    kind = kinds.most_common(1)[0][0]
    first = next(m for m in found if (m[1], m[3], len(m[4]), m[6]) == kind)
    year = "{year:yy}" if len(first[4]) == 2 else "{year}"
    names.update(("venue", "year"))
    status = "{?%20" + _named("status", names) + "?}" if any(m[5] for m in found) else ""
    return _brace(first[1]) + "{venue}" + _brace(first[3]) + year + status + _brace(first[6])


def _separator(runs: list[Unit]) -> str | None:
    counts = Counter(s for r in runs if isinstance(r, Run) for s in r.separators[:1])
    return counts.most_common(1)[0][0] if counts else None


def _words(values: Sequence[str]) -> float:
    return statistics.median(len(v.split()) for v in values) if values else 0


def _role(unit: Tok, values: list[str], column: str, has_title: bool) -> str:
    if unit.kind == "abstract":
        return "abstract"
    if unit.kind in ("html", "src"):
        return "image"
    if unit.kind == "url":
        return "link"
    if column:
        for role, pattern in _HEADER_ROLES:
            if pattern.search(column):
                if role == "title" and has_title:
                    return "authors" if _namelike(values) else "note"
                return role
    if not has_title and _words(values) >= 3:
        return "title"
    return "auto"


_NAME_HINT = re.compile(r", | and |et al|\*")


def _namelike(values: Sequence[str]) -> bool:
    hits = sum(1 for v in values if _NAME_HINT.search(v) or len(v.split()) in (2, 3))
    return hits >= 0.6 * len(values)


_VENUE_HINT = re.compile(
    r"^(?:arxiv|cvpr|iccv|eccv|neurips|nips|iclr|icml|aaai|ijcai|acl|emnlp|naacl|miccai|"
    r"tpami|pami|ijcv|tip|tmlr|jmlr|wacv|bmvc|siggraph|3dv|icra|iros|corl|kdd|www|mm|"
    r"acm|ieee|tgrs|tog|tvcg|isprs|grsl|jstars|rss|arxiv preprint|openreview|blog|tech)",
    re.I,
)


def _field(role: str, values: list[str], names: Counter[str]) -> str:
    """The template text for one open text: a field, or fields with literal text between
    them (`, {venue}, {year} (`); punctuation every value starts or ends with is literal."""
    if role == "title" and not names["venue"] and not names["year"]:
        tagged = _tagged_title(values, names)
        if tagged is not None:
            return tagged
    if role not in ("title", "abstract", "image") and len(values) > 1:
        prefix = _common_affix(values, start=True)
        rest = [v[len(prefix) :] for v in values]
        suffix = _common_affix(rest, start=False)
        if suffix == "." and all(v.endswith(" al.") for v in rest):
            suffix = ""  # the period of `et al.` is the authors' own
        cores = [v[: len(v) - len(suffix)] for v in rest]
        if (prefix or suffix) and all(cores):
            return _brace(prefix) + _core(role, cores, names) + _brace(suffix)
    return _core(role, values, names)


def _tagged_title(values: list[str], names: Counter[str]) -> str | None:
    """`{?[{venue} '{year:yy}] ?}{title}` when enough titles open with a venue tag."""
    tags = [_TAG.match(v) for v in values]
    found = [t for t in tags if t]
    if len(found) < max(2, 0.1 * len(values)):
        return None
    quotes = Counter(t.group(0)[len(t.group(1)) + 1 : -len(t.group(2)) - 2] for t in found)
    quote = quotes.most_common(1)[0][0]
    short = sum(len(t.group(2)) == 2 for t in found) > len(found) / 2
    year = "{year:yy}" if short else "{year}"
    names.update(("venue", "year", "title"))
    return "{?[{venue}" + _brace(quote) + year + "] ?}{title}"


def _core(role: str, values: list[str], names: Counter[str]) -> str:
    fmt = _date_format(values) if role in ("date", "auto") else None
    if fmt:
        return _named("date", names, "{date:" + fmt + "}")
    if role == "date":
        return _named("note", names)
    if role in ("year", "venue", "auto", "abbr"):
        split = _split_year(values)
        if split is not None:
            head, sep, end = split
            left = _field_head(head, names, role)
            return left + _brace(sep) + _named("year", names) + end
        short = _split_year(values, _SHORT_YEAR_END)
        if short is not None:  # `CVPR '24`
            head, sep, _ = short
            left = _field_head(head, names, role)
            return left + _brace(sep) + _named("year", names, "{year:yy}")
    if role == "auto":
        role = _auto(values)
    return _named(role, names)


def _field_head(values: list[str], names: Counter[str], role: str) -> str:
    """What stands before a year: `{venue}`, `{authors}, {venue}` or a literal."""
    if all(not v for v in values):
        return ""
    prefix = _common_affix(values, start=True)
    suffix = _common_affix([v[len(prefix) :] for v in values], start=False)
    cores = [v[len(prefix) : len(v) - len(suffix) if suffix else None] for v in values]
    if any(not c for c in cores):
        return _named("note", names)
    if sum(", " in c for c in cores) >= 0.5 * len(cores):
        tails = [c.rpartition(", ")[2] for c in cores]
        if _words(tails) <= 3:
            return (
                _brace(prefix)
                + _named("authors", names)
                + ", "
                + _named("venue", names)
                + _brace(suffix)
            )
    inner = "venue" if _words(cores) <= 4 else "note"
    return _brace(prefix) + _named(inner, names) + _brace(suffix)


def _common_affix(values: list[str], *, start: bool) -> str:
    """The punctuation and spaces every value starts (or ends) with."""
    if not values:
        return ""
    n = 0
    while True:
        chars = {(v[n] if start else v[-1 - n]) if n < len(v) else None for v in values}
        if len(chars) != 1:
            break
        char = chars.pop()
        if char is None or char.isalnum():
            break
        n += 1
    if n == 0:
        return ""
    return values[0][:n] if start else values[0][len(values[0]) - n :]


def _split_year(
    values: list[str], pattern: re.Pattern[str] = _YEAR_END
) -> tuple[list[str], str, str] | None:
    """When most values end with a year (and a period: `arXiv 2023.`): the texts before
    it, the separator and what ends the year."""
    matches = [pattern.match(v.rstrip()) for v in values]
    hits = [m for m in matches if m]
    if len(hits) < 0.7 * len(values) or any(v != v.rstrip() for v in values):
        return None
    sep, end = Counter((m.group(2), m.group(4)) for m in hits).most_common(1)[0][0]
    return [m.group(1) for m in hits if (m.group(2), m.group(4)) == (sep, end)], sep, end


def _date_format(values: list[str]) -> str | None:
    for fmt, pattern in _DATES:
        if sum(1 for v in values if pattern.match(v)) >= 0.7 * len(values):
            return fmt
    return None


def _auto(values: list[str]) -> str:
    if all(v.isdigit() and v.isascii() for v in values):
        return "number"
    venues = sum(1 for v in values if _VENUE_HINT.match(v.strip(" ,.(")))
    if _words(values) <= 3 and venues >= 0.3 * len(values):
        return "venue"
    if _namelike(values) and _words(values) >= 2:
        return "authors"
    if _words(values) <= 2:
        return "abbr"
    return "note"


def _named(role: str, names: Counter[str], text: str | None = None) -> str:
    """`{role}`, or `{role2}` when the template has one already."""
    names[role] += 1
    if names[role] == 1:
        return text or "{" + role + "}"
    if role in ("title", "authors", "venue", "year", "date"):
        role = "note"
        names[role] += 1
    name = f"{role}{names[role]}" if names[role] > 1 else role
    return "{" + name + "}"
