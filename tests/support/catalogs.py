"""Catalogs as YAML text, for tests that write a catalog.yaml."""

from __future__ import annotations

from pathlib import Path

VALID_CATALOG = """\
title: Test list
description: Papers about tests.
sections:
  - id: one
    title: Section One
    papers:
      - title: "A paper"
        authors: [Ann Author, Bob Author]
        venue: CVPR
        year: 2024
        links:
          Paper: https://example.org/a
"""


TITLE_A = "A paper about zooming"
TITLE_B = "Another paper about patches"


def write_catalog(folder: Path, url_a: str, url_b: str) -> Path:
    """catalog.yaml in `folder` with two papers, TITLE_A at `url_a` and TITLE_B at `url_b`."""
    text = f"""\
title: Test list
description: Papers.
sections:
  - id: one
    title: One
    papers:
      - title: "{TITLE_A}"
        authors: [Ann Author]
        venue: CVPR
        year: 2024
        links:
          Paper: {url_a}
      - title: "{TITLE_B}"
        authors: [Bob Author]
        venue: ECCV
        year: 2023
        links:
          Paper: {url_b}
"""
    path = folder / "catalog.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def paper(title, url, *, venue="CVPR", year=2024, authors="[Ann Author]"):
    """One paper as catalog.yaml text, for `catalog`."""
    return (
        f'      - title: "{title}"\n        authors: {authors}\n        venue: {venue}\n'
        f"        year: {year}\n        links:\n          Paper: {url}\n"
    )


def catalog(*papers, extra_section=""):
    return (
        "title: T\ndescription: D.\nsections:\n  - id: one\n    title: One\n    papers:\n"
        + "".join(papers)
        + extra_section
    )
