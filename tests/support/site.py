"""Catalogs and site files for the site tests."""

from __future__ import annotations

import datetime
from pathlib import Path

from readme_gen.catalog.model import Catalog, Link, Paper, Raw, Section, See, Verbatim
from readme_gen.site.build import Options, build

TODAY = datetime.date(2026, 1, 15)
AXE = Path(__file__).resolve().parents[1] / "site" / "vendor" / "axe.min.js"


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


HOSTILE_TITLES = [
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    '"><img src=x onerror=alert(3)>',
    "a|b <b>x</b> & *y* _z_ [l](javascript:alert(4)) `c` # ~s~ $m$ \\",
    "\u202eevil\u202c bidi \u2066isolate\u2069 @mention ${{ x }} &amp;",
    "A" * 10_240,
]


def hostile_catalog(title: str) -> Catalog:
    links = (
        Link("Paper", "https://example.org/h"),
        Link("Bad", "javascript:alert(5)"),
        Link("Data", "data:text/html,<script>alert(6)</script>"),
    )
    hostile = Paper(title, ("Eve <i>Evil</i>",), "V<b>", 2024, links)
    return Catalog("T", "D", (), (Section("s", "S", (hostile,)),))


def adopted_catalog() -> Catalog:
    keyed = Paper(
        "**Bold** title \\_x\\_",
        (),
        "",
        None,
        (Link("[code]", "https://github.com/a/b"), Link("local", "./citations/x.bib")),
        date="2023-05",
        extra=(("abbr", "`BT`"), ("tags", "segmentation, *medical*"), ("note", "a <i>note</i>")),
        key="bt",
    )
    other = Paper("Other", ("A B",), "ICCV", 2021, (Link("Paper", "https://x.example/o"),))
    sections = (
        Section("top", "Top", (keyed,), level=1, items=(Verbatim("intro\n"), keyed)),
        Section("sub", "Sub", (other,), level=3, items=(other, See(keyed), Raw("- odd *entry*"))),
    )
    return Catalog("**List**", "D", (), sections, preamble="")
