"""The site as files: every paper in the HTML, values escaped, ids stable, the link report
read defensively, bad input refused with nothing written."""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser

import pytest

from readme_gen.catalog.model import Catalog, Section
from readme_gen.publish.citations import to_bibtex
from readme_gen.site.build import Options, build
from readme_gen.site.entries import entries
from tests.support.catalogs import VALID_CATALOG
from tests.support.files import snapshot
from tests.support.paths import REPO
from tests.support.site import (
    HOSTILE_TITLES,
    TODAY,
    adopted_catalog,
    hostile_catalog,
    paper,
    small_catalog,
)


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of <pre> and headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._keep = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._keep += tag in ("h3", "pre")
        if tag in ("h3", "pre"):
            self.text.append("")

    def handle_endtag(self, tag):
        self._keep -= tag in ("h3", "pre")

    def handle_data(self, data):
        if self._keep:
            self.text[-1] += data


def parsed(html: str) -> Elements:
    found = Elements()
    found.feed(html)
    return found


def index(catalog: Catalog, **options) -> str:
    options.setdefault("today", TODAY)
    return build(catalog, Options(**options))["index.html"].decode()


@pytest.mark.parametrize("title", HOSTILE_TITLES, ids=range(len(HOSTILE_TITLES)))
def test_hostile_values_stay_text_and_only_http_links_are_links(title):
    html = index(hostile_catalog(title), repository="o/r")
    found = parsed(html)
    tags = [t for t, _ in found.tags]
    assert tags.count("script") == 2  # site.js and the JSON block
    assert title in page_data(html)["bib"][0] or "\\" in title or "{" in title
    assert not {"img", "b", "i", "iframe"} & set(tags)
    assert title in found.text  # the heading shows it exactly
    hrefs = [a["href"] for t, a in found.tags if t == "a" and a.get("href")]
    assert all(h.startswith(("https://", "#", "feed.xml")) for h in hrefs), hrefs
    assert not any(k.startswith("on") for _, a in found.tags for k in a)


def test_the_json_block_cannot_end_its_script_element():
    from readme_gen.site.build import _data_json

    value = {"x": "</script><script>alert(1)</script><!-- &amp;"}
    text = _data_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value
    data = page_data(index(hostile_catalog("</script><b>")))
    assert data["total"] == 1 and "</script><b>" in data["bib"][0]


def _health(url: str, day: str):
    from readme_gen.site.health import Health

    return Health({url: ("ok", day)}, day)


def test_every_paper_is_in_the_html_with_its_fields_and_links():
    catalog = small_catalog()
    html = index(catalog)
    for _, p in catalog.papers():
        assert f">{p.title}</h3>" in html
        assert ", ".join(p.authors) in html
        assert f'href="{p.links[0].url}"' in html
    main = html.split('<main id="list">')[1]
    assert main.index("Segmentation") < main.index("Zebra") < main.index("Detection")


def page_data(html: str) -> dict:
    block = html.split('<script type="application/json" id="site-data">')[1]
    return json.loads(block.split("</script>", 1)[0])


def test_the_bibtex_the_page_holds_is_what_export_writes_in_page_order():
    catalog = small_catalog()
    assert "\n".join(page_data(index(catalog))["bib"]) == to_bibtex(catalog)


def test_a_permalink_survives_a_corrected_title_and_shared_links_stay_unique():
    one = paper("Teh title", "https://arxiv.org/abs/2412.10181")
    fixed = dataclasses.replace(one, title="The title")
    twin = paper("Another paper, same link", "http://arxiv.org/pdf/2412.10181v2")
    ids = [e.id for e in entries(Catalog("T", "D", (), (Section("s", "S", (one, twin)),)))]
    again = [e.id for e in entries(Catalog("T", "D", (), (Section("s", "S", (fixed, twin)),)))]
    assert ids == again
    assert ids[1] == ids[0] + "-2"  # same page under another spelling of its URL
    keyed = dataclasses.replace(one, key="vit2021")
    assert entries(Catalog("T", "D", (), (Section("s", "S", (keyed,)),)))[0].id == "vit2021"


def test_report_a_problem_links_to_a_new_issue_of_the_repository_only():
    html = index(small_catalog(), repository="owner/name")
    # one link without scripts; the script gives each paper its own, prefilled
    issues = {a["href"] for t, a in parsed(html).tags if a.get("class") == "issue-list"}
    assert issues == {"https://github.com/owner/name/issues/new"}
    assert 'class="issue-list"' not in index(small_catalog())
    assert page_data(html)["repository"] == "owner/name"


def test_the_link_report_gives_each_link_its_status_and_says_when_it_is_old(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    report = {
        "summary": {"total": 1, "checked_at": "2026-01-10T03:00:00Z"},
        "links": [{"url": "https://example.org/a", "status": "moved"}],
    }
    (tmp_path / "report.json").write_text(json.dumps(report), encoding="utf-8")
    assert cli("site", "--report", "report.json", "--repository", "o/r").code == 0
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<span class="health h-moved">moved, checked 2026-01-10</span>' in html
    assert '<strong id="stale" hidden>' in html or '<strong id="stale">' in html
    fresh = index(small_catalog(), health=_health("https://example.org/z", "2026-01-10"))
    old = index(small_catalog(), health=_health("https://example.org/z", "2025-12-31"))
    assert '<strong id="stale" hidden>' in fresh
    assert '<strong id="stale">' in old  # 15 days before TODAY


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ('{"links": [', "report.json:1:12:", "not JSON"),
        ("[]", "report.json:1:1:", "no `links` list"),
        ('{"links": [\n\n 3]}', "report.json:3:5:", "links[0] is not an object"),
        ('{"links": [{"url": "u", "status": "<b>"}]}', "report.json:3:5:", "unknown status"),
        ('{"links": [{"url": 1, "status": "ok"}]}', "report.json:3:5:", "no text `url`"),
        (b"\xff\xfe", "report.json:1:1:", "not UTF-8"),
        ("[" * 100_000, "report.json:1:1:", "nested too deeply"),
    ],
)
def test_a_malformed_report_is_refused_located_and_nothing_is_written(
    cli, tmp_path, text, where, message
):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    data = text if isinstance(text, bytes) else text.encode()
    (tmp_path / "report.json").write_bytes(data)
    before = snapshot(tmp_path)
    result = cli("site", "--report", "report.json")
    assert result.code == 2
    assert result.err.startswith(where) and message in result.err, result.err
    assert "Traceback" not in result.err
    assert snapshot(tmp_path) == before


def test_a_bad_repository_is_refused(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    result = cli("site", "--repository", "o/r?x=<script>")
    assert result.code == 2 and "is not OWNER/NAME" in result.err
    (tmp_path / "pyproject.toml").write_text('[tool.readme-gen]\nrepository = "a b"\n')
    result = cli("site")
    assert result.code == 2 and result.err.startswith("pyproject.toml:2:1:"), result.err
    assert not (tmp_path / "site").exists()


def test_the_repository_comes_from_git_origin(cli, tmp_path):
    import subprocess

    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(
        ["git", "-C", str(tmp_path), "remote", "add", "origin", "git@github.com:Own-er/list.git"],
        check=True,
    )
    assert cli("site").code == 0
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/Own-er/list/issues/new"' in html


def test_the_build_is_deterministic_and_the_seed_list_is_small():
    from readme_gen.catalog.load import load_catalog

    seed = load_catalog(REPO / "catalog.yaml")
    one = build(seed, Options(TODAY))
    assert one == build(seed, Options(TODAY))
    assert sum(map(len, one.values())) <= 60_000


def test_an_adopted_list_shows_its_markdown_as_text_with_its_own_fields():
    html = index(adopted_catalog())
    found = parsed(html)
    shown = html.split("</h1>")[1].split('<script type="application/json"')[0]
    assert "Bold title _x_" in shown and "**" not in shown
    assert "<dt>abbr</dt><dd>BT</dd>" in html
    assert 'data-tags="segmentation|medical"' in html
    assert "a &lt;i&gt;note&lt;/i&gt;" in html
    assert '<li class="see">See <a href="#bt">' in html
    assert '<li class="raw"><p>- odd *entry*</p></li>' in html  # kept as written
    assert "intro" not in html  # prose between entries is the README's, not the page's
    assert "./citations/x.bib" in html and 'href="./citations' not in html
    headings = [t for t, _ in found.tags if re.fullmatch(r"h[1-6]", t)]
    assert headings[:5] == ["h1", "h2", "h3", "h3", "h4"]  # nested by level, none skipped
