"""Where the browser tests find Chromium: Debian's `chromium` (or READMEGEN_CHROMIUM),
driven by Playwright for Python; without either they skip, saying so in the header."""

from __future__ import annotations

import importlib.util
import os
import shutil

CHROMIUM = os.environ.get("READMEGEN_CHROMIUM") or shutil.which("chromium") or ""
PLAYWRIGHT = importlib.util.find_spec("playwright") is not None


def missing() -> str:
    """Why the browser tests cannot run here; "" when they can."""
    if not CHROMIUM:
        return "no Chromium (apt-get install chromium, or set READMEGEN_CHROMIUM)"
    if not PLAYWRIGHT:
        return "Playwright for Python is not installed (pip install -e '.[dev]')"
    return ""


def header() -> str:
    why = missing()
    if why:
        return f"browser tests: SKIPPED, {why}"
    return f"browser tests: Chromium at {CHROMIUM}"
