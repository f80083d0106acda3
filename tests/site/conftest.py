from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from readme_gen.catalog.model import Catalog, Link, Paper, Section
from readme_gen.site.build import Options, build
from tests.site.browser import CHROMIUM, missing

TODAY = datetime.date(2026, 1, 15)
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"


def paper(title: str, url: str, year: int = 2024, venue: str = "CVPR", **kw) -> Paper:
    authors = kw.pop("authors", ("Ann Author", "Bob Author"))
    return Paper(title, authors, venue, year, (Link("Paper", url),), **kw)


def small_catalog() -> Catalog:
    """Two sections, three venues, four years: enough for every facet and order."""
    return Catalog(
        "Test list",
        "Papers about tests.",
        (),
        (
            Section(
                "seg",
                "Segmentation",
                (
                    paper("Zebra segmentation", "https://example.org/z", 2025, "CVPR"),
                    paper("Alpha masks", "https://example.org/a", 2022, "ECCV"),
                ),
            ),
            Section(
                "det",
                "Detection",
                (
                    paper("Boxes everywhere", "https://example.org/b", 2024, "CVPR"),
                    paper(
                        "Müller detects",
                        "https://example.org/m",
                        2019,
                        "NeurIPS",
                        authors=("Jürgen Müller",),
                    ),
                ),
            ),
        ),
    )


def write_site(folder: Path, catalog: Catalog, **options) -> Path:
    options.setdefault("today", TODAY)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in build(catalog, Options(**options)).items():
        (folder / name).write_bytes(data)
    return folder / "index.html"


# Per module, not per session: Playwright's sync API keeps an event loop running while it is
# open, and the tests after these run their own (asyncio.run) in the same thread.
@pytest.fixture(scope="module")
def chromium():
    why = missing()
    if why:
        pytest.skip(f"browser tests skipped: {why}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def open_page(chromium):
    """Open a site's index.html from the file system; every request the page makes is
    recorded (only our own files may be asked for), every dialog fails the test."""
    contexts = []

    def opener(
        index: Path, *, javascript: bool = True, width: int = 1000, dark: bool = False, axe=False
    ):
        context = chromium.new_context(
            bypass_csp=axe,  # only to inject axe-core, which the page's policy would refuse
            java_script_enabled=javascript,
            viewport={"width": width, "height": 800},
            color_scheme="dark" if dark else "light",
        )
        contexts.append(context)
        page = context.new_page()
        page.requests = []  # type: ignore[attr-defined]
        page.dialogs = []  # type: ignore[attr-defined]
        page.errors = []  # type: ignore[attr-defined]
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.goto(index.as_uri())
        return page

    yield opener
    for context in contexts:
        context.close()
