"""feed.xml read by a real feed parser; `added` validated, stamped, and filled from git."""

from __future__ import annotations

import dataclasses
import os
import subprocess

import feedparser
import pytest

from readme_gen.catalog.load import load_catalog
from readme_gen.catalog.model import Catalog, Section
from readme_gen.site.build import Options, build
from readme_gen.site.entries import entries
from tests.support.catalogs import VALID_CATALOG
from tests.support.files import snapshot
from tests.support.site import HOSTILE_TITLES, TODAY, paper


def feed(catalog: Catalog, **options) -> feedparser.FeedParserDict:
    files = build(catalog, Options(TODAY, **options))
    parsed = feedparser.parse(files["feed.xml"])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def dated(*added: str) -> Catalog:
    papers = tuple(
        paper(f"Paper {n}", f"https://example.org/{n}", added=day) for n, day in enumerate(added)
    )
    return Catalog("List", "D", (), (Section("s", "S", papers),))


def test_newest_additions_first_and_undated_papers_left_out():
    parsed = feed(dated("2024-01-02", "", "2025-06-30", "2024-11-11"), repository="o/r")
    assert [e.title for e in parsed.entries] == ["Paper 2", "Paper 3", "Paper 0"]
    assert parsed.entries[0].published.startswith("2025-06-30")
    assert parsed.feed.updated.startswith("2025-06-30")


def test_an_entry_id_survives_a_corrected_title_and_a_new_address():
    catalog = dated("2024-01-02")
    fixed = dataclasses.replace(
        catalog,
        sections=(
            dataclasses.replace(
                catalog.sections[0],
                papers=(dataclasses.replace(catalog.sections[0].papers[0], title="Fixed"),),
            ),
        ),
    )
    one = feed(catalog, repository="o/r").entries[0]
    two = feed(fixed, repository="o/r", url="https://lists.example/x/").entries[0]
    assert one.id == two.id and one.id.startswith("urn:uuid:")
    assert two.link == "https://lists.example/x/#" + entries(fixed)[0].id


@pytest.mark.parametrize("title", HOSTILE_TITLES, ids=range(len(HOSTILE_TITLES)))
def test_hostile_titles_stay_text_in_the_feed(title):
    catalog = dated("2024-01-02")
    section = catalog.sections[0]
    hostile = dataclasses.replace(section.papers[0], title=title + "\x00\x1b")
    catalog = dataclasses.replace(
        catalog, sections=(dataclasses.replace(section, papers=(hostile,)),)
    )
    entry = feed(catalog).entries[0]
    assert entry.title_detail.type == "text/plain"
    assert entry.title == title + "\ufffd\ufffd"  # what XML cannot hold, replaced


def test_the_page_links_its_feed():
    html = build(dated("2024-01-02"), Options(TODAY))["index.html"].decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="feed.xml"' in html


# -- the `added` field ---------------------------------------------------------------------
def test_added_is_read_written_back_by_fmt_and_refused_when_not_a_day(cli, tmp_path):
    text = VALID_CATALOG.replace(
        "        year: 2024\n", '        year: 2024\n        added: "2024-03-05"\n'
    )
    (tmp_path / "catalog.yaml").write_text(text, encoding="utf-8")
    assert load_catalog(tmp_path / "catalog.yaml").sections[0].papers[0].added == "2024-03-05"
    assert cli("fmt", "--check").code == 0  # the canonical layout writes it as it was
    for bad in ("2024-03", "2024-13-01", "yesterday"):
        (tmp_path / "catalog.yaml").write_text(text.replace("2024-03-05", bad), encoding="utf-8")
        before = snapshot(tmp_path)
        result = cli("build")
        assert result.code == 2
        assert f"catalog.yaml:11:16: added `{bad}` is not YYYY-MM-DD" in result.err, result.err
        assert snapshot(tmp_path) == before


def git(folder, *args, day=None):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    if day:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T12:00:00+00:00"
    subprocess.run(["git", "-C", str(folder), *args], check=True, env=env, capture_output=True)


NEW = """      - title: "B paper"
        authors: [Bea Two]
        venue: ICCV
        year: 2023
        links:
          Paper: https://example.org/b
"""


def test_added_from_git_dates_each_paper_by_the_commit_that_first_listed_it(cli, tmp_path):
    catalog = tmp_path / "catalog.yaml"
    git(tmp_path, "init", "-q")
    catalog.write_text(VALID_CATALOG, encoding="utf-8")
    git(tmp_path, "add", "catalog.yaml")
    git(tmp_path, "commit", "-qm", "one", day="2023-04-05")
    # the title corrected later: the paper is still the one first listed in April 2023
    catalog.write_text(
        VALID_CATALOG.replace("A paper", "A corrected paper") + NEW, encoding="utf-8"
    )
    git(tmp_path, "commit", "-qam", "two", day="2024-02-29")
    result = cli("added", "--from-git")
    assert result.code == 0, result.err
    papers = {p.title: p.added for _, p in load_catalog(catalog).papers()}
    assert papers == {"A corrected paper": "2023-04-05", "B paper": "2024-02-29"}
    text = catalog.read_text(encoding="utf-8")
    assert text == (VALID_CATALOG.replace("A paper", "A corrected paper") + NEW).replace(
        '- title: "A corrected paper"\n',
        '- title: "A corrected paper"\n        added: "2023-04-05"\n',
    ).replace('- title: "B paper"\n', '- title: "B paper"\n        added: "2024-02-29"\n')
    # once: a second run dates nothing and changes nothing
    assert cli("added", "--from-git").code == 0
    assert catalog.read_text(encoding="utf-8") == text


def test_added_from_git_outside_a_repository_is_an_error_not_a_traceback(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    before = snapshot(tmp_path)
    result = cli("added", "--from-git")
    assert result.code == 2 and "git log failed" in result.err, result.err
    assert snapshot(tmp_path) == before


def test_a_layout_the_line_edit_cannot_keep_is_refused(cli, tmp_path):
    flow = VALID_CATALOG.replace(
        '      - title: "A paper"\n        authors: [Ann Author, Bob Author]\n        venue: CVPR\n        year: 2024\n        links:\n          Paper: https://example.org/a\n',
        '      - {title: "A paper", authors: [Ann Author], venue: CVPR, year: 2024, links: {Paper: "https://example.org/a"}}\n',
    )
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text(flow, encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "catalog.yaml")
    git(tmp_path, "commit", "-qm", "one", day="2023-04-05")
    result = cli("added", "--from-git")
    assert result.code == 2 and "run it first" in result.err, result.err
    assert catalog.read_text(encoding="utf-8") == flow
