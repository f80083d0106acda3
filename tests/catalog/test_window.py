"""Where the fast reader declines, ruamel.yaml reads only a window of the text (the lines
from the entry it declined on, after the few that keep the enclosing collections open).
Whatever ruamel.yaml says of the window it must say of the whole file: the same problems,
at the same places, in the same words; and where the window reads without a problem, its
tree joined to the fast reader's must be the whole file's. These tests compare the two on
every hand-written snippet of test_fastyaml.py (and more multi-line ones) embedded at the
start, in the middle and at the end of a generated catalog, and on random edits of
generated catalogs."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readme_gen.catalog import fastyaml
from readme_gen.catalog.emit import dump_catalog
from readme_gen.catalog.load import parse_tree
from readme_gen.catalog.model import Catalog, Link, NewsItem, Paper, Section
from readme_gen.catalog.yamltree import compose
from readme_gen.errors import CatalogError
from tests.catalog.test_fastyaml import SNIPPETS
from tests.conftest import snapshot
from tests.strategies import catalogs


def generated(papers: int) -> str:
    """A catalog in the canonical layout: news, three sections, `papers` papers."""
    sections = []
    per = -(-papers // 3)
    for s in range(3):
        items = tuple(
            Paper(
                f"Paper {n}: a title",
                (f"A. Author{n}", "B. Other"),
                "CVPR",
                2000 + n % 25,
                (Link("Paper", f"https://example.org/{n}"), Link("Code", f"https://c.org/{n}")),
            )
            for n in range(s * per, min(papers, (s + 1) * per))
        )
        sections.append(Section(f"s{s}", f"Section {s}", items))
    news = (NewsItem("01/2025", "Hi."), NewsItem("02/2025", "Again."))
    return dump_catalog(Catalog("Generated", "Papers.", news, tuple(sections)))


CATALOG = generated(12)
LINES = CATALOG.split("\n")
# The line of `title:` in the first, a middle and the last paper.
PAPER_LINES = [i for i, line in enumerate(LINES) if line.startswith("      - title:")]
PLACES = {"start": PAPER_LINES[0], "middle": PAPER_LINES[6], "end": PAPER_LINES[-1]}


def outcome(text: str, **whole: str) -> list[str] | None:
    """Every problem ruamel.yaml reports, as printed; None when it reads the text."""
    try:
        compose(text, "catalog.yaml", **whole)
    except CatalogError as exc:
        return [str(p) for p in exc.problems]
    return None


def embed(snippet: str, place: str, style: str) -> str:
    """`snippet` in the catalog: as a paper's field values (`fields`), as the value of a
    new field (`nested`), or at column 0 between two papers (`raw`)."""
    at = PLACES[place]
    indent = {"fields": 8, "nested": 10, "raw": 0}[style]
    lines = [" " * indent + line if line else line for line in snippet.split("\n")]
    if lines and lines[-1] == "":
        lines.pop()
    if style == "nested":
        lines.insert(0, "        extra:")
        at += 2  # after the paper's title and authors
    elif style == "fields":
        at += 1
    return "\n".join(LINES[:at] + lines + LINES[at:])


def assert_window_agrees(text: str) -> fastyaml.Declined | None:
    """The window's problems are the whole file's; with none, the joined tree is the
    whole file's (compared by repr, so that key order counts)."""
    read = fastyaml.read(text)
    if not isinstance(read, fastyaml.Declined):
        assert outcome(text) is None
        return None
    window = read.window(text)
    assert window.count("\n") == text.count("\n")
    windowed = outcome(window, whole=text)
    whole = outcome(text)
    assert windowed == whole
    if whole is None:  # the fast reader's part and the window's make the whole tree
        assert repr(read.complete(compose(window, "catalog.yaml"))) == repr(
            compose(text, "catalog.yaml")
        )
    return read


def test_the_catalog_is_read_fast():
    assert fastyaml.parse(CATALOG) is not None
    assert len(PAPER_LINES) == 12


# More texts the fast reader declines, valid ones among them: multi-line values, whose
# first line it had read, and lists of such.
MORE = [
    "- x\n  continued\n",
    "k:\n  - x\n    more\n  - y\n",
    "k:\n- x\n  more\n",
    "a: [b,\n  c]\n",
    "a: 'x\n  y'\n",
    'a: "x\n  y"\n',
    "a: >-\n  x\n",
    "k:\n  - a: |\n      x\n    b: 1\n",
    "- a: 1\n  b: x\n    y\n",
    # A list of mappings, then an item the fast reader declines: the mapping before it is
    # finished, its last value a block the window does not see.
    "k:\n  - a: 1\n    b:\n      c: 2\n  - 'x\n    y'\n",
    "k:\n- a: 1\n  b:\n    c: [2]\n- |\n  x\n",
]


@pytest.mark.parametrize("style", ["fields", "nested", "raw"])
@pytest.mark.parametrize("place", ["start", "middle", "end"])
@pytest.mark.parametrize("snippet", SNIPPETS + MORE)
def test_every_snippet_anywhere_gives_the_whole_files_problems(snippet, place, style):
    assert_window_agrees(embed(snippet, place, style))


@pytest.mark.parametrize(
    ("snippet", "place", "style"),
    [
        ("a: b: c\n", "end", "fields"),
        ("a: x\n  continued\n", "middle", "nested"),
        ("a:\tb\n", "end", "fields"),
        ('a: "unterminated\n', "middle", "fields"),
        ("a: 1\n  b: 2\n", "start", "nested"),
        ("- a\n- b\n", "middle", "raw"),
    ],
)
def test_errors_are_read_from_the_paper_they_are_in(snippet, place, style):
    """Not a window of the whole file: one that starts inside the paper with the error,
    after the lines that keep the enclosing collections open."""
    text = embed(snippet, place, style)
    read = assert_window_agrees(text)
    assert read is not None
    title = PLACES[place] + 1  # the line of the paper's title
    assert title <= read.resume <= title + 4
    window = read.window(text).split("\n")
    kept = [n for n in range(1, read.resume) if window[n - 1]]
    assert kept == list(read.kept)
    assert len(kept) < 20  # the root's keys, the section's keys, the paper's first lines


def test_the_window_keeps_what_the_enclosing_collections_need():
    """Keys of open mappings stay (a duplicate after the window is still one), and the
    first line of each open collection stays (messages name where it starts)."""
    text = CATALOG.replace(
        'title: "Paper 11: a title"', 'title: "Paper 11: a title"\n         x: 1'
    )
    read = fastyaml.read(text)
    assert isinstance(read, fastyaml.Declined)
    assert read.resume == PLACES["end"] + 1
    assert [LINES[n - 1] for n in read.kept] == [
        "title: Generated",
        "description: Papers.",
        "news:",
        "sections:",
        "  - id: s0",  # where `sections` starts
        "  - id: s2",  # the open section and its keys
        "    title: Section 2",
        "    papers:",
        '      - title: "Paper 8: a title"',  # where its `papers` start
    ]
    found = outcome(text)
    assert found is not None and "that starts at line" in found[0]
    assert outcome(read.window(text), whole=text) == found


def test_a_duplicate_key_after_the_window_is_still_reported():
    text = generated(12).replace('title: "Paper 11: a title"', 'title: "Paper 11\n  x: 1')
    text = text.rstrip("\n") + "\ndescription: again\n"
    assert_window_agrees(text)
    text = embed("a: |\n  block\n", "end", "fields") + "description: again\n"
    assert_window_agrees(text)


# Edits a writer makes by mistake: a stray character, a lost or extra space of indent, a
# lost quote or bracket, a tab, a line lost or pasted twice.
_EDITS = st.sampled_from(["insert", "delete", "indent", "dedent", "tab", "drop", "copy"])
_MULTI_LINE = ["|\n  x", ">-\n    y", "'x\n  y'", '"x\n   y"', "[a,\n  b]", "{a: 1}", "&a x"]
_CHARS = st.sampled_from(
    [*":-#\"'[]{},&*!|>%@` \tx", "- ", ": ", " #", "? ", "\n  ", "\n- ", *_MULTI_LINE]
)


def edited(text: str, data: st.DataObject) -> str:
    lines = text.split("\n")
    number = data.draw(st.integers(0, len(lines) - 1))
    line = lines[number]
    edit = data.draw(_EDITS)
    at = data.draw(st.integers(0, len(line)))
    if edit == "insert":
        line = line[:at] + data.draw(_CHARS) + line[at:]
    elif edit == "delete":
        line = line[:at] + line[at + 1 :]
    elif edit == "indent":
        line = " " + line
    elif edit == "dedent":
        line = line.removeprefix(" ")
    elif edit == "tab":
        line = line[:at] + "\t" + line[at:]
    elif edit == "copy":
        line = line + "\n" + line
    else:
        line = ""
    lines[number] = line
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(catalogs().map(dump_catalog), st.just(CATALOG)), st.integers(1, 3), st.data())
def test_random_edits_anywhere_give_the_whole_files_problems(text, edits, data):
    for _ in range(edits):
        text = edited(text, data)
    assert_window_agrees(text)


def _reads(text: str) -> bool:
    try:
        compose(text, "x.yaml")
    except CatalogError:
        return False
    return True


VALID_SNIPPETS = [s for s in SNIPPETS + MORE if _reads(s)]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(VALID_SNIPPETS),
            st.integers(0, 11),
            st.sampled_from(["nested", "fields", "item"]),
        ),
        min_size=1,
        max_size=3,
    ),
    st.booleans(),
)
def test_valid_values_the_fast_reader_declines_join_into_the_whole_tree(inserts, crlf):
    """Valid YAML the fast reader leaves to ruamel.yaml (multi-line values, block scalars,
    anchors...) in any papers: the joined tree is the whole read's."""
    text = CATALOG
    for n, (snippet, paper, style) in enumerate(inserts):
        lines = text.split("\n")
        at = [i for i, line in enumerate(lines) if line.startswith("      - title:")][paper]
        body = snippet.rstrip("\n").split("\n")
        if style == "nested":
            block = [f"        extra{n}:", *("          " + line for line in body)]
            at += 1
        elif style == "fields":
            block = ["        " + line for line in body]
            at += 1
        else:  # a list item of its own before the paper
            block = ["      - " + body[0], *("        " + line for line in body[1:])]
        text = "\n".join(lines[:at] + block + lines[at:])
    if crlf:
        text = text.replace("\n", "\r\n")
    assert_window_agrees(text)


def test_parse_tree_reports_what_ruamel_reports_for_the_whole_file():
    text = embed("a: b: c\n", "end", "fields")
    with pytest.raises(CatalogError) as caught:
        parse_tree(text, "catalog.yaml")
    assert [str(p) for p in caught.value.problems] == outcome(text)


@pytest.mark.parametrize("place", ["start", "middle", "end"])
def test_a_declined_but_valid_text_reads_as_a_whole(place):
    text = embed("a: |\n  block\n", place, "fields")
    read = fastyaml.read(text)
    assert isinstance(read, fastyaml.Declined) and read.resume == PLACES[place] + 2
    assert repr(parse_tree(text, "catalog.yaml")) == repr(compose(text, "catalog.yaml"))


def _window_reads_only_the_end(text: str) -> None:
    """What makes a late error cheap, asserted on the mechanism rather than timed (speed
    lives in scripts/bench_build.py): ruamel.yaml is handed the text from the last paper
    on, with only the few lines that keep its collections open before it."""
    read = fastyaml.read(text)
    assert isinstance(read, fastyaml.Declined)
    lines = text.count("\n")
    assert read.resume > lines - 10  # the window starts in the last paper
    before = read.window(text).split("\n")[: read.resume - 1]
    assert sum(1 for line in before if line.strip()) <= 20  # of ~7,000: the rest is blank


def test_a_late_block_scalar_costs_no_whole_read():
    text = generated(1_000)
    end = text.rindex("venue: ")
    text = text[:end] + "venue: |\n          X\n" + text[text.index("\n", end) + 1 :]
    _window_reads_only_the_end(text)
    assert repr(parse_tree(text, "catalog.yaml")) == repr(compose(text, "catalog.yaml"))


def test_an_error_in_the_last_of_many_papers_costs_no_whole_read():
    text = generated(1_000)
    end = text.rindex("venue: ")
    text = text[:end] + "venue:\tX\n"
    _window_reads_only_the_end(text)
    with pytest.raises(CatalogError) as caught:
        parse_tree(text, "catalog.yaml")
    assert [str(p) for p in caught.value.problems] == outcome(text)


def test_lines_before_the_window_are_searched_for_an_opened_quote():
    """A URL such as `x,'a` reads as a plain value but looks like an opened quote to the
    message that names where a quote was left open: the whole file is searched, as a
    whole read would."""
    text = CATALOG.replace("https://example.org/0\n", "https://example.org/,'a\n")
    text = text.replace('title: "Paper 11: a title"', 'title: "Paper 11: a title"\n  x: 1')
    read = fastyaml.read(text)
    assert isinstance(read, fastyaml.Declined) and read.resume > PLACES["start"]
    found = outcome(text)
    assert found is not None and any("a quoted value starts here" in p for p in found)
    assert outcome(read.window(text), whole=text) == found


def test_a_tab_in_a_sections_first_title_is_read_through_the_window():
    """The fast reader stops at the tab's line, before it knows that line starts the
    section's `papers` list: the list is the window's alone."""
    text = CATALOG.replace('"Paper 4: a title"', '"\tPaper 4: a title"')
    read = fastyaml.read(text)
    assert isinstance(read, fastyaml.Declined)
    assert LINES[read.resume - 1].startswith('      - title: "Paper 4')
    assert assert_window_agrees(text) == read


@pytest.mark.parametrize("paper", ["Paper 4", "Paper 9", "Paper 11"])
def test_a_list_the_fast_reader_ended_at_an_unreadable_line_goes_on_in_the_window(paper):
    """A tab in a later paper's title: the fast reader ends the `papers` list at that line
    (it cannot read it), YAML goes on with it. The tree must hold every paper (a join
    that took the fast reader's list as finished lost the papers from there on)."""
    text = CATALOG.replace(f'"{paper}: a title"', f'"\t{paper}: a title"')
    assert assert_window_agrees(text) is not None
    tree = parse_tree(text, "catalog.yaml")
    papers = [p for s in tree.items["sections"].items for p in s.items["papers"].items]
    assert len(papers) == 12


@pytest.mark.parametrize("place", ["start", "end"])
@pytest.mark.parametrize("snippet", SNIPPETS + MORE)
def test_crlf_catalogs_too(snippet, place):
    """A catalog with CRLF line ends (which `add` and `fmt` keep) goes the same ways."""
    assert_window_agrees(embed(snippet, place, "fields").replace("\n", "\r\n"))


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("        venue: CVPR\n        year: 2011", "        venue:\tCVPR\n        year: 2011"),
        ("        venue: CVPR\n        year: 2011", "         venue: CVPR\n        year: 2011"),
        ('"Paper 6: a title"', '"Paper 6: a title'),
    ],
    ids=["tab", "indent", "unclosed-quote"],
)
def test_build_reports_a_late_error_as_a_whole_read_would(cli, tmp_path, old, new, newline):
    """Through the command: exit 2, ruamel.yaml's located message for the whole file,
    nothing written."""
    text = CATALOG.replace(old, new)
    assert text != CATALOG
    (tmp_path / "catalog.yaml").write_bytes(text.replace("\n", newline).encode())
    before = snapshot(tmp_path)
    result = cli("build")
    assert result.code == 2
    expected = outcome(text.replace("\n", newline))
    assert expected is not None
    assert result.err.splitlines()[: len(expected)] == expected
    assert snapshot(tmp_path) == before
