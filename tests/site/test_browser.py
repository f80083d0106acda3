"""The page in a real browser (Debian's Chromium through Playwright), opened from file://:
without scripts, search, facets, sorting, the URL state, copying BibTeX, hostile titles,
axe-core, a phone's width and dark mode."""

from __future__ import annotations

import dataclasses

import pytest

from readme_gen.catalog.model import Catalog, Section
from readme_gen.publish.citations import bibtex_entries
from tests.support.site import (
    AXE,
    HOSTILE_TITLES,
    adopted_catalog,
    hostile_catalog,
    small_catalog,
    write_site,
)


@pytest.fixture
def index(tmp_path):
    return write_site(tmp_path / "site", small_catalog(), repository="o/r")


def titles(page) -> list[str]:
    return page.eval_on_selector_all(
        "li.paper:not([hidden])",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.querySelector('.title').textContent)",
    )


def test_without_javascript_every_paper_is_there_and_no_control_is(open_page, index):
    page = open_page(index, javascript=False)
    assert titles(page) == [
        "Zebra segmentation",
        "Alpha masks",
        "Boxes everywhere",
        "Müller detects",
    ]
    assert not page.is_visible("#q")
    assert page.text_content("h2") == "Segmentation"
    assert page.get_attribute("li.paper a[href^='https']", "href") == "https://example.org/z"


def test_no_request_leaves_the_folder_and_no_script_error(open_page, index):
    page = open_page(index)
    page.wait_for_load_state("load")
    folder = index.parent.as_uri()
    assert page.requests and all(url.startswith(folder) for url in page.requests), page.requests
    assert page.errors == []


def test_search_as_you_type_over_title_author_and_venue(open_page, index):
    page = open_page(index)
    page.fill("#q", "zebra")
    assert titles(page) == ["Zebra segmentation"]
    assert page.text_content("#count") == "1 of 4 papers"
    page.fill("#q", "muller")  # diacritics folded: Müller
    assert titles(page) == ["Müller detects"]
    page.fill("#q", "eccv")
    assert titles(page) == ["Alpha masks"]
    page.fill("#q", "no such paper")
    assert titles(page) == [] and page.text_content("#count") == "0 of 4 papers"
    assert not page.is_visible("h2")  # sections without a match are hidden too


@pytest.mark.parametrize(
    ("facet", "value", "expected"),
    [
        ("section", "1", ["Boxes everywhere", "Müller detects"]),
        ("venue", "CVPR", ["Zebra segmentation", "Boxes everywhere"]),
        ("year", "2022", ["Alpha masks"]),
    ],
)
def test_each_facet_filters_and_counts(open_page, index, facet, value, expected):
    page = open_page(index)
    page.select_option(f"#f-{facet}", value)
    assert titles(page) == expected
    # the other facets count what this one lets through
    venue_labels = page.eval_on_selector_all("#f-venue option", "os => os.map(o => o.textContent)")
    if facet == "section":
        assert venue_labels == ["All", "CVPR (1)", "ECCV (0)", "NeurIPS (1)"]


def test_the_tag_facet_of_an_adopted_list(open_page, tmp_path):
    page = open_page(write_site(tmp_path / "s", adopted_catalog()))
    assert page.eval_on_selector_all("#f-tag option", "os => os.map(o => o.value)") == [
        "",
        "medical",
        "segmentation",
    ]
    page.select_option("#f-tag", "medical")
    assert titles(page) == ["Bold title _x_"]
    page.fill("#q", "BT")  # an extra field of the list's own
    assert titles(page) == ["Bold title _x_"]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("newest", ["Zebra segmentation", "Boxes everywhere", "Alpha masks", "Müller detects"]),
        ("oldest", ["Müller detects", "Alpha masks", "Boxes everywhere", "Zebra segmentation"]),
        ("title", ["Alpha masks", "Boxes everywhere", "Müller detects", "Zebra segmentation"]),
        ("", ["Zebra segmentation", "Alpha masks", "Boxes everywhere", "Müller detects"]),
    ],
)
def test_sorting(open_page, index, order, expected):
    page = open_page(index)
    page.select_option("#sort", "title")
    page.select_option("#sort", order)
    assert titles(page) == expected


def test_report_a_problem_is_prefilled_when_used_and_its_markdown_stays_inert(open_page, tmp_path):
    from urllib.parse import parse_qs, urlsplit

    title = "@octocat see #1 [x](https://evil.example) \u202e&?=%"
    page = open_page(
        write_site(
            tmp_path / "s", hostile_catalog(title), repository="o/r", url="https://o.github.io/r/"
        )
    )
    page.focus("a.issue")
    parts = urlsplit(page.get_attribute("a.issue", "href"))
    assert (parts.netloc, parts.path) == ("github.com", "/o/r/issues/new")
    query = parse_qs(parts.query, strict_parsing=True)
    pid = page.get_attribute("li.paper", "id")
    assert query["body"] == [f"Paper: https://o.github.io/r/#{pid}\n\nWhat is wrong: "]
    assert query["title"] == [
        "Problem with: @\u2060octocat see #\u20601 [x](https://evil.example) &?=%"
    ]


def test_the_state_is_in_the_url_and_a_reload_restores_it(open_page, index):
    page = open_page(index)
    page.fill("#q", "e")
    page.select_option("#f-venue", "CVPR")
    page.select_option("#sort", "oldest")
    url = page.url
    assert url.endswith("#q=e&venue=CVPR&sort=oldest")
    expected = titles(page)
    assert expected == ["Boxes everywhere", "Zebra segmentation"]
    shared = open_page(index)
    shared.goto(url)
    shared.reload()
    assert titles(shared) == expected
    assert shared.input_value("#q") == "e" and shared.input_value("#f-venue") == "CVPR"
    assert shared.input_value("#sort") == "oldest"
    shared.click("#clear")
    assert shared.url == index.as_uri() and len(titles(shared)) == 4


def test_a_permalink_to_a_filtered_out_paper_shows_it(open_page, index):
    page = open_page(index)
    target = page.get_attribute("li.paper:nth-of-type(2)", "id")
    page.fill("#q", "zebra")
    page.evaluate("id => { location.hash = id }", target)
    page.wait_for_function("() => document.getElementById('q').value === ''")
    assert page.is_visible(f"[id='{target}']")


def test_a_long_list_lays_out_a_page_of_papers_at_a_time(open_page, tmp_path):
    from readme_gen.catalog.model import Catalog, Section
    from tests.support.site import paper

    many = tuple(
        paper(f"Paper {n:04}", f"https://example.org/{n}", 2000 + n % 20) for n in range(450)
    )
    index = write_site(tmp_path / "s", Catalog("Long", "", (), (Section("s", "S", many),)))
    page = open_page(index)
    assert len(titles(page)) == 200
    assert page.text_content("#count") == "450 of 450 papers (the first 200 shown)"
    page.click("#more")
    # the count and the button change with the list; wait for them rather than race a layout
    page.wait_for_function("document.getElementById('count').textContent === '450 of 450 papers'")
    page.wait_for_selector("#more", state="hidden")
    assert len(titles(page)) == 450
    page.fill("#q", "paper 044")
    assert titles(page) == ["Paper 0044", *(f"Paper {n:04}" for n in range(440, 450))]
    # a permalink to a paper past the first 200 shows it
    fresh = open_page(index)
    fresh.goto(index.as_uri() + "#" + page.get_attribute("li.paper:last-child", "id"))
    fresh.reload()
    assert "Paper 0449" in titles(fresh)


def test_copy_bibtex_copies_exactly_the_exported_entry(open_page, chromium, index):
    page = open_page(index)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click("li.paper:nth-of-type(2) button.copy")
    page.wait_for_function("() => document.getElementById('copied').textContent !== ''")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == bibtex_entries(small_catalog())[1]


@pytest.mark.parametrize("title", HOSTILE_TITLES, ids=range(len(HOSTILE_TITLES)))
def test_hostile_titles_stay_literal_in_the_page_and_in_search(open_page, tmp_path, title):
    catalog = hostile_catalog(title)
    safe = small_catalog().sections[0]
    catalog = dataclasses.replace(catalog, sections=(*catalog.sections, safe))
    page = open_page(write_site(tmp_path / "s", catalog, repository="o/r"))
    count = page.evaluate("document.querySelectorAll('*').length")
    page.fill("#q", title[:200])
    assert titles(page) == [title]
    page.fill("#q", "")
    page.click("li.paper button.copy")
    assert page.dialogs == [] and page.errors == []
    assert page.evaluate("document.querySelectorAll('*').length") == count
    assert page.evaluate("document.querySelectorAll('script, img, iframe, b, i').length") == 2


def test_axe_core_finds_no_violation_light_dark_and_on_a_phone(open_page, tmp_path):
    source = AXE.read_text(encoding="utf-8")
    index = write_site(tmp_path / "s", small_catalog(), repository="o/r")
    adopted = write_site(tmp_path / "a", adopted_catalog())
    for path, dark, width in ((index, False, 1000), (index, True, 375), (adopted, False, 1000)):
        page = open_page(path, dark=dark, width=width, axe=True)
        page.add_script_tag(content=source)  # injected by the test, never shipped
        result = page.evaluate(
            "axe.run(document).then(r => [r.passes.length,"
            " r.violations.map(v => v.id + ': ' + v.help)])"
        )
        assert result[0] > 20 and result[1] == [], (path, dark, width, result)


def test_readable_at_375_px_and_dark_by_preference(open_page, index):
    page = open_page(index, width=375)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    dark = open_page(index, dark=True).evaluate("getComputedStyle(document.body).backgroundColor")
    assert light == "rgb(255, 255, 255)" and dark != light


def test_keyboard_reaches_every_control_and_each_has_a_label(open_page, index):
    page = open_page(index)
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate("document.activeElement.id || document.activeElement.className")
        )
    for control in ("q", "f-section", "f-venue", "f-year", "sort", "clear"):
        assert control in reached, reached
    unlabeled = page.evaluate(
        "Array.from(document.querySelectorAll('input, select')).filter(e => !e.labels.length).length"
    )
    assert unlabeled == 0


def test_an_empty_list_still_works(open_page, tmp_path):
    page = open_page(write_site(tmp_path / "s", Catalog("Empty", "", (), (Section("s", "S", ()),))))
    assert page.text_content("#count") == "0 of 0 papers" and page.errors == []
