from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.browser import CHROMIUM, missing


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
