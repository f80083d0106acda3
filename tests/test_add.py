"""`readme-gen add` against a local server serving landing pages shaped like arXiv's, CVF
open access', OpenReview's and Springer's; exact before/after text of catalog.yaml."""

from __future__ import annotations

import datetime

import pytest

from readme_gen.catalog.edit import canonical_url, url_key
from tests.support.catalogs import VALID_CATALOG
from tests.support.files import snapshot
from tests.support.paths import FIXTURES
from tests.support.servers import ScriptedServer


def meta(**tags: str | list[str]) -> bytes:
    out = []
    for name, values in tags.items():
        for value in values if isinstance(values, list) else [values]:
            out.append(f'<meta name="{name}" content="{value}">')
    return f"<html><head><title>x</title>{''.join(out)}</head><body></body></html>".encode()


PAGES = {
    "/abs/2412.10181": meta(  # arXiv
        citation_title="Boosting the dual-stream architecture in ultra-high resolution segmentation",
        citation_author=["Qin, Rong", "Liu, Xingyu"],
        citation_date="2024/12/13",
        citation_arxiv_id="2412.10181",
    ),
    "/content/CVPR2025/html/X.html": meta(  # CVF open access
        citation_title="No pains, more gains",
        citation_author=["Chen, Wei", "Qin, Rong"],
        citation_publication_date="2025",
        citation_conference_title="Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
    ),
    "/forum": meta(  # OpenReview: all authors in one tag
        citation_title="Learning to Downsample for Segmentation of Ultra-High Resolution Images",
        citation_authors="Chen Jin; Ryutaro Tanno; Thomy Mertzanidou",
        citation_online_date="2022/01/28",
        citation_conference_title="International Conference on Learning Representations",
    ),
    "/chapter/10.1007/978-3-031-20056-4_22": meta(  # Springer
        citation_title="HRDA: Context-Aware High-Resolution Domain-Adaptive Semantic Segmentation",
        citation_author=["Lukas Hoyer", "Dengxin Dai", "Luc Van Gool"],
        citation_publication_date="2022/10/20",
        citation_conference_title="Computer Vision – ECCV 2022",
    ),
}


ADDED = "2025-03-04"


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """`add` stamps `added` with today's date: a fixed day here."""
    monkeypatch.setattr("readme_gen.commands.add.TODAY", lambda: datetime.date(2025, 3, 4))


@pytest.fixture
def pages():
    srv = ScriptedServer()
    for path, body in PAGES.items():
        srv.routes[path] = lambda h, n, body=body: h.reply(200, body)
    yield srv
    srv.close()


def entry(title, authors, venue, year, url):
    return (
        f'      - title: "{title}"\n        authors: [{", ".join(authors)}]\n'
        f'        venue: {venue}\n        year: {year}\n        added: "{ADDED}"\n'
        f"        links:\n          Paper: {url}\n"
    )


@pytest.mark.parametrize(
    ("path", "flags", "expected"),
    [
        (
            "/abs/2412.10181",
            [],
            (
                "Boosting the dual-stream architecture in ultra-high resolution segmentation",
                ["Rong Qin", "Xingyu Liu"],
                "arXiv",
                2024,
            ),
        ),
        (
            "/content/CVPR2025/html/X.html",
            ["--venue", "CVPR"],
            ("No pains, more gains", ["Wei Chen", "Rong Qin"], "CVPR", 2025),
        ),
        (
            "/forum?id=HndgQudNb91",
            ["--venue", "ICLR"],
            (
                "Learning to Downsample for Segmentation of Ultra-High Resolution Images",
                ["Chen Jin", "Ryutaro Tanno", "Thomy Mertzanidou"],
                "ICLR",
                2022,
            ),
        ),
        (
            "/chapter/10.1007/978-3-031-20056-4_22",
            [],
            (
                "HRDA: Context-Aware High-Resolution Domain-Adaptive Semantic Segmentation",
                ["Lukas Hoyer", "Dengxin Dai", "Luc Van Gool"],
                "ECCV",  # "Computer Vision – ECCV 2022", through the venue table
                2022,
            ),
        ),
    ],
    ids=["arxiv", "cvf", "openreview", "springer"],
)
def test_add_from_a_landing_page_inserts_exactly_one_entry(
    cli, tmp_path, pages, path, flags, expected
):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    url = pages.url(path)
    result = cli("add", url, "--allow-private", *flags)
    assert result.code == 0, result.err
    title, authors, venue, year = expected
    new = entry(title, authors, venue, year, url)
    if year > 2024:  # newest first: before the 2024 paper
        expected_text = VALID_CATALOG.replace(
            '      - title: "A paper"', new + '      - title: "A paper"'
        )
    else:
        expected_text = VALID_CATALOG + new
    text = (tmp_path / "catalog.yaml").read_text(encoding="utf-8")
    assert text == expected_text
    assert f"| {title} <br>" in (tmp_path / "README.md").read_text(encoding="utf-8")


def test_flags_alone_work_offline_and_keep_comments(cli, tmp_path):
    before = (
        VALID_CATALOG.replace("    papers:\n", "    papers:   # newest first\n") + "# the end\n"
    )
    (tmp_path / "catalog.yaml").write_text(before, encoding="utf-8")
    result = cli(
        "add",
        "https://arxiv.org/pdf/2307.00711v2",
        "--title",
        "Guided Patch-Grouping",
        "--author",
        "Deyi Ji",
        "--author",
        "Feng Zhao",
        "--venue",
        "IJCAI",
        "--year",
        "2023",
        "--link",
        "Code=https://github.com/x/y",
    )
    assert result.code == 0, result.err
    new = (
        entry(
            "Guided Patch-Grouping",
            ["Deyi Ji", "Feng Zhao"],
            "IJCAI",
            2023,
            "https://arxiv.org/abs/2307.00711",
        )
        + "          Code: https://github.com/x/y\n"
    )
    after = (tmp_path / "catalog.yaml").read_text(encoding="utf-8")
    assert after == before.replace("# the end\n", new + "# the end\n")


def test_duplicates_are_refused_naming_the_entry(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    before = snapshot(tmp_path)
    same_url = cli(
        "add",
        "http://example.org/a/",
        "--title",
        "X",
        "--author",
        "Y",
        "--venue",
        "V",
        "--year",
        "2020",
    )
    assert same_url.code == 2 and 'already listed: "A paper" at catalog.yaml:7' in same_url.err
    same_title = cli(
        "add",
        "https://example.org/z",
        "--title",
        "a PAPER!",
        "--author",
        "Y",
        "--venue",
        "V",
        "--year",
        "2020",
    )
    assert same_title.code == 2 and "already listed" in same_title.err
    assert snapshot(tmp_path) == before


def test_missing_fields_off_a_terminal_fail_listing_them(cli, tmp_path, pages):
    """A page that gives nothing (a local 404, not a name the system resolver must refuse)."""
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    before = snapshot(tmp_path)
    result = cli("add", pages.url("/nothing-here"), "--allow-private", "--title", "T")
    assert result.code == 2
    assert "missing authors, venue, year: pass --author, --venue, --year" in result.err
    assert snapshot(tmp_path) == before


def test_url_normalisation():
    assert (
        canonical_url("https://arxiv.org/pdf/2412.10181v3.pdf")
        == "https://arxiv.org/abs/2412.10181"
    )
    assert canonical_url("http://arxiv.org/abs/2412.10181v1") == "https://arxiv.org/abs/2412.10181"
    same = {
        url_key(u)
        for u in (
            "https://arxiv.org/abs/2412.10181",
            "http://arxiv.org/pdf/2412.10181v2",
            "https://www.arxiv.org/abs/2412.10181/",
        )
    }
    assert len(same) == 1
    assert url_key("https://X.org/p/") == url_key("http://x.org/p")


def test_on_a_terminal_missing_fields_are_asked_for(tmp_path):
    import os
    import pty
    import subprocess
    import sys
    import time
    from pathlib import Path

    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    master, slave = pty.openpty()
    exe = str(Path(sys.executable).with_name("readme-gen"))
    proc = subprocess.Popen(
        [exe, "add", "https://example.org/new", "--title", "Asked paper"],
        cwd=tmp_path,
        stdin=slave,
        stdout=slave,
        stderr=slave,
    )
    os.close(slave)
    transcript = b""
    answers = iter([b"Ann One; Bob Two\n", b"ICCV\n", b"2023\n"])
    deadline = time.monotonic() + 20
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            chunk = os.read(master, 1024)
        except OSError:
            break
        transcript += chunk
        if chunk.rstrip().endswith(b":"):
            os.write(master, next(answers, b"\n"))
    proc.wait(timeout=10)
    os.close(master)
    text = transcript.decode(errors="replace")
    assert "authors (separated by ;):" in text and "venue:" in text and "year:" in text
    assert proc.returncode == 0, text
    catalog = (tmp_path / "catalog.yaml").read_text(encoding="utf-8")
    expected = VALID_CATALOG + entry(
        "Asked paper", ["Ann One", "Bob Two"], "ICCV", 2023, "https://example.org/new"
    )
    # another process: stamped by the real clock
    assert catalog == expected.replace(ADDED, datetime.date.today().isoformat())


# -- add by identifier: DOI content negotiation and the arXiv API ---------------------
CSL = (FIXTURES / "metadata" / "crossref_csl.json").read_bytes()
FEED = (FIXTURES / "metadata" / "arxiv_feed.xml").read_bytes()


@pytest.fixture
def services(monkeypatch):
    """Local servers shaped like doi.org (a 302 to the registrar's CSL JSON) and
    export.arxiv.org, found through READMEGEN_DOI_URL and READMEGEN_ARXIV_API_URL."""
    srv = ScriptedServer(("127.0.0.1", "127.0.0.2"))
    seen: list[dict[str, str]] = []

    def doi(handler, nth):
        seen.append({"path": handler.path, "accept": handler.headers.get("Accept", "")})
        target = srv.url("/registrar" + handler.path.removeprefix("/doi"), 1)
        handler.reply(302, headers={"Location": target})

    def registrar(handler, nth):
        seen.append({"path": handler.path, "accept": handler.headers.get("Accept", "")})
        handler.reply(200, CSL, content_type="application/vnd.citationstyles.csl+json")

    srv.routes["/doi/10.1109/CVPR52729.2023.00708"] = doi
    srv.routes["/registrar/10.1109/CVPR52729.2023.00708"] = registrar
    srv.routes["/api/query"] = lambda h, n: (
        seen.append({"path": h.path}),
        h.reply(200, FEED, content_type="application/atom+xml"),
    )
    monkeypatch.setenv("READMEGEN_DOI_URL", srv.url("/doi/"))
    monkeypatch.setenv("READMEGEN_ARXIV_API_URL", srv.url("/api/query"))
    srv.seen = seen
    yield srv
    srv.close()


@pytest.mark.parametrize(
    "given", ["10.1109/CVPR52729.2023.00708", "https://doi.org/10.1109/CVPR52729.2023.00708"]
)
def test_add_by_doi_uses_csl_json(cli, tmp_path, services, given):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    result = cli("add", given, "--allow-private")
    assert result.code == 0, result.err
    text = (tmp_path / "catalog.yaml").read_text(encoding="utf-8")
    assert "Task-Specific Fine-Tuning via Variational Information Bottleneck" in text
    assert "venue: CVPR\n        year: 2023\n" in text  # container-title through the aliases
    assert "Paper: https://doi.org/10.1109/CVPR52729.2023.00708\n" in text
    assert all(s["accept"] == "application/vnd.citationstyles.csl+json" for s in services.seen)
    assert len(services.seen) == 2  # doi.org, then the registrar it redirects to


@pytest.mark.parametrize(
    "given", ["arXiv:2412.10181", "https://arxiv.org/pdf/2412.10181v2", "2412.10181"]
)
def test_add_by_arxiv_id_uses_the_arxiv_api(cli, tmp_path, services, given):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    result = cli("add", given, "--allow-private")
    assert result.code == 0, result.err
    text = (tmp_path / "catalog.yaml").read_text(encoding="utf-8")
    assert "Boosting the Dual-Stream Architecture in Ultra-High Resolution" in text
    assert "venue: CVPR\n" in text  # arXiv's journal_ref names the publication
    assert "Paper: https://arxiv.org/abs/2412.10181\n" in text
    assert "arxiv-category: cs.CV\n" in text  # BibTeX's primaryClass
    assert len(services.seen) == 1 and "id_list=2412.10181" in services.seen[0]["path"]
    bibtex = cli("export", "--format", "bibtex").out
    assert "primaryClass = {cs.CV}" in bibtex or "primaryclass = {cs.CV}" in bibtex.lower()


def test_a_service_that_keeps_failing_is_a_note_not_a_crash(cli, tmp_path, services):
    services.routes["/api/query"] = lambda h, n: h.reply(503, headers={"Retry-After": "0"})
    before = snapshot(tmp_path)
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    before = snapshot(tmp_path)
    result = cli("add", "arXiv:2412.10181", "--allow-private")
    assert result.code == 2  # then the landing page (unreachable here), then missing fields
    assert "could not look up 2412.10181" in result.err and "Traceback" not in result.err
    assert snapshot(tmp_path) == before


def test_flags_that_say_everything_need_no_service(cli, tmp_path, services):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    flags = ["--title", "T", "--author", "A B", "--venue", "CVPR", "--year", "2023"]
    result = cli("add", "arXiv:2412.10181", *flags)
    assert result.code == 0, result.err
    assert services.seen == []
    assert "Paper: https://arxiv.org/abs/2412.10181\n" in (tmp_path / "catalog.yaml").read_text()


def test_a_malformed_landing_page_is_a_note_not_a_crash(cli, tmp_path):
    """A server answering garbage (here a header line over 64 KiB) used to end `add` with
    exit 3; now the page is unreadable, the flags decide, and nothing is written."""
    from tests.support.servers import MALFORMED, raw

    srv = ScriptedServer()
    srv.routes["/bad"] = raw(MALFORMED["a header line over 64 KiB"])
    try:
        (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
        before = snapshot(tmp_path)
        result = cli("add", srv.url("/bad"), "--allow-private")
        assert result.code == 2 and "Traceback" not in result.err
        assert "could not read" in result.err and "malformed response" in result.err
        assert snapshot(tmp_path) == before
    finally:
        srv.close()


# -- issue 19 item 5: a change made while `add` runs is never lost ---------------------
def _page_of(title: str) -> bytes:
    return meta(
        citation_title=title,
        citation_author=["Ann One"],
        citation_publication_date="2023",
        citation_conference_title="ICCV",
    )


def test_two_adds_at_once_lose_no_paper(tmp_path):
    """Two real processes read the catalog, then both wait on the server until each has
    asked for its page (a barrier): both edit the same old text. One writes; the other
    sees the catalog changed and fails, and no written paper is lost."""
    import subprocess
    import sys
    import threading
    from pathlib import Path

    barrier = threading.Barrier(2, timeout=30)
    srv = ScriptedServer()

    def route(title):
        def answer(handler, nth):
            barrier.wait()
            handler.reply(200, _page_of(title))

        return answer

    srv.routes["/p1"] = route("First concurrent paper")
    srv.routes["/p2"] = route("Second concurrent paper")
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    exe = str(Path(sys.executable).with_name("readme-gen"))
    try:
        procs = [
            subprocess.Popen(
                [exe, "add", srv.url(p), "--allow-private"],
                cwd=tmp_path,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for p in ("/p1", "/p2")
        ]
        outcomes = [(p.wait(timeout=60), p.communicate()[1]) for p in procs]
    finally:
        srv.close()
    codes = sorted(code for code, _ in outcomes)
    assert codes == [0, 2], outcomes
    loser = next(err for code, err in outcomes if code == 2)
    assert "changed since this run read it" in loser and "Traceback" not in loser
    text = (tmp_path / "catalog.yaml").read_text(encoding="utf-8")
    written = [t for t in ("First", "Second") if f"{t} concurrent paper" in text]
    assert len(written) == 1 and '"A paper"' in text
    assert f"{written[0]} concurrent paper" in (tmp_path / "README.md").read_text("utf-8")


def test_an_editor_saving_during_add_keeps_its_edit(cli, tmp_path):
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text(VALID_CATALOG, encoding="utf-8")
    edited = VALID_CATALOG + "# saved by an editor while add waited for the page\n"
    srv = ScriptedServer()

    def save_then_answer(handler, nth):
        catalog.write_text(edited, encoding="utf-8")
        handler.reply(200, _page_of("Page paper"))

    srv.routes["/p"] = save_then_answer
    try:
        result = cli("add", srv.url("/p"), "--allow-private")
    finally:
        srv.close()
    assert result.code == 2 and "changed since this run read it" in result.err
    assert catalog.read_text(encoding="utf-8") == edited
    assert not (tmp_path / "README.md").exists()


# -- issue 19 item 6: add edits only inside the section's own node ----------------------
FLAGS = ["--title", "New paper", "--author", "Ann One", "--venue", "ICCV", "--year", "2023"]
HEAD = "title: T\ndescription: D\nsections:\n"
BLOCK_SECTION = (
    "  - id: u\n    title: Block\n    papers:\n"
    '      - title: "Old paper"\n        authors: [X Y]\n        venue: CVPR\n'
    "        year: 2020\n        links:\n          Paper: https://example.org/old\n"
)


@pytest.mark.parametrize(
    "sections",
    [
        "  - {id: t, title: Flow, papers: []}\n" + BLOCK_SECTION,
        BLOCK_SECTION + "  - {id: t, title: Flow, papers: []}\n",
        BLOCK_SECTION
        + "  - id: t\n    title: Flow papers\n    papers: [{title: Old, authors: [X Y], "
        "venue: CVPR, year: 2020, links: {Paper: 'https://example.org/f'}}]\n",
    ],
    ids=["flow-section-first", "flow-section-last", "flow-papers"],
)
def test_a_layout_add_cannot_edit_is_refused_asking_for_fmt(cli, tmp_path, sections):
    (tmp_path / "catalog.yaml").write_text(HEAD + sections, encoding="utf-8")
    before = snapshot(tmp_path)
    result = cli("add", "https://example.org/new", "--section", "t", *FLAGS)
    assert result.code == 2, result.err
    assert "run `readme-gen fmt` first" in result.err and "Traceback" not in result.err
    assert snapshot(tmp_path) == before


def test_wide_item_indentation_gets_a_valid_entry_in_its_own_section(cli, tmp_path):
    wide = BLOCK_SECTION.replace("      - title:", "      -   title:").replace(
        "\n        ", "\n          "
    )
    other = "  - id: z\n    title: Last\n    papers: []\n"
    (tmp_path / "catalog.yaml").write_text(HEAD + wide + other, encoding="utf-8")
    result = cli("add", "https://example.org/new", "--section", "u", *FLAGS)
    assert result.code == 0, result.err
    from readme_gen.catalog.load import load_catalog

    catalog = load_catalog(tmp_path / "catalog.yaml")
    assert [p.title for p in catalog.sections[0].papers] == ["New paper", "Old paper"]
    assert catalog.sections[1].papers == ()
    assert "to `u` (catalog.yaml:7)" in result.out


# -- issue 20 item 2: cheap checks before any request ----------------------------------
TWO_SECTIONS = VALID_CATALOG + "  - id: two\n    title: Section Two\n    papers: []\n"


@pytest.mark.parametrize(
    ("catalog", "flags", "message"),
    [
        (
            VALID_CATALOG,
            ["--section", "nope"],
            "no section `nope` in catalog.yaml (expected one of one)",
        ),
        (TWO_SECTIONS, [], "missing section: pass --section ID (expected one of one, two)"),
        (TWO_SECTIONS, ["--section", "zwei"], "(expected one of one, two)"),
        (VALID_CATALOG.replace("https://example.org/a", "@URL@"), [], 'already listed: "A paper"'),
    ],
    ids=["unknown-section", "missing-section", "unknown-of-two", "duplicate-url"],
)
def test_cheap_checks_come_before_any_request(cli, tmp_path, pages, catalog, flags, message):
    url = pages.url("/abs/2412.10181")
    (tmp_path / "catalog.yaml").write_text(
        catalog.replace("@URL@", url.replace("http://", "https://") + "/"), encoding="utf-8"
    )
    result = cli("add", url, "--allow-private", *flags)
    assert result.code == 2 and message in result.err, result.err
    assert pages.recorder.requests == []


@pytest.mark.parametrize(
    ("listed", "given"),
    [
        ("https://dx.doi.org/10.1109/cvpr52729.2023.00708", "10.1109/CVPR52729.2023.00708"),
        ("http://arxiv.org/pdf/2412.10181v2", "arXiv:2412.10181"),
    ],
)
def test_a_listed_identifier_is_refused_before_asking_the_service(
    cli, tmp_path, services, listed, given
):
    (tmp_path / "catalog.yaml").write_text(
        VALID_CATALOG.replace("https://example.org/a", listed), encoding="utf-8"
    )
    result = cli("add", given, "--allow-private")
    assert result.code == 2 and 'already listed: "A paper" at catalog.yaml:7' in result.err
    assert services.seen == [] and services.recorder.requests == []


# -- issue 19 item 12: what the catalog refuses never reaches it -----------------------
def test_a_record_with_a_lone_surrogate_or_controls_is_cleaned(cli, tmp_path, services):
    import json

    record = json.loads(CSL)
    record["title"] = "Task\ud800-Specific \x1b[31mFine-Tuning"
    services.routes["/registrar/10.1109/CVPR52729.2023.00708"] = lambda h, n: h.reply(
        200, json.dumps(record).encode(), content_type="application/vnd.citationstyles.csl+json"
    )
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    result = cli("add", "10.1109/CVPR52729.2023.00708", "--allow-private")
    assert result.code == 0, result.err
    assert '"Task-Specific [31mFine-Tuning"' in (tmp_path / "catalog.yaml").read_text("utf-8")


def test_a_flag_with_a_control_character_is_refused_by_name(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    before = snapshot(tmp_path)
    flags = ["--title", "Bad\ud800", "--author", "A B", "--venue", "V", "--year", "2020"]
    result = cli("add", "https://example.org/new", *flags)
    assert result.code == 2 and "--title holds the character U+D800" in result.err
    assert snapshot(tmp_path) == before


def test_add_obeys_the_wire_settings_in_the_links_table(cli, tmp_path, services):
    """`add` reads `[tool.readme-gen.links]` as `links` does: with no redirect allowed,
    doi.org's 302 to the registrar is not followed (it used to be, whatever the table)."""
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        "[tool.readme-gen.links]\nmax-redirects = 0\n", encoding="utf-8"
    )
    result = cli("add", "10.1109/CVPR52729.2023.00708", "--allow-private")
    assert "could not look up" in result.err and "too-many-redirects" in result.err
    assert len(services.seen) == 1  # doi.org only: the registrar was never asked
