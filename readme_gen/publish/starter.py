"""What `readme-gen init` writes that depends on the adopter's own list: the maintainers'
guide with examples from its catalog (`maintaining_text`), the catalog's `$schema` line
(`schema_comment`), the default description (`description`) and the `.gitignore` line for
the link cache (`gitignore_text`). The rest of init's templates are the same for every list.

The guide's template (templates/init/MAINTAINING.md) writes its list-specific examples as
placeholders that read well unfilled (`SECTION-ID`, `VENUE`); `maintaining_text` fills them
and leaves the release tokens (`@REF@`, `@VERSION@`, ...) to init's `render_template`.
"""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources

from readme_gen import HOMEPAGE
from readme_gen.catalog.model import Catalog

CACHE_PATTERN = ".readme-gen-cache*"
"""The link cache (`links --cache`, the action's and the hooks' default file)."""
# A venue shown in the guide's shell example: a plain word, never markup or shell syntax.
_PLAIN_VENUE = re.compile(r"[A-Za-z][A-Za-z0-9.+-]{0,31}")
_LEADING = re.compile(r"^(?:awesome|papers? (?:about|on)|a list of)\s+", re.I)


def maintaining_text(catalog: Catalog) -> str:
    """MAINTAINING.md with its examples taken from `catalog`: its first section's id and
    its most used venue (the placeholders stay when the catalog has none)."""
    text = resources.files("readme_gen").joinpath("templates", "init", "MAINTAINING.md")
    guide = text.read_text("utf-8")
    listed = [s for s in catalog.sections if s.papers or s.form] or list(catalog.sections)
    if listed:  # the first section that lists papers (an adopted list opens with prose)
        guide = guide.replace("SECTION-ID", listed[0].id)
    venues = Counter(p.venue for _, p in catalog.papers() if _PLAIN_VENUE.fullmatch(p.venue))
    if venues:
        # the most used; ties by name, so the guide is the same on every run
        venue = min(venues, key=lambda v: (-venues[v], v))
        guide = guide.replace("--venue VENUE", f"--venue {venue}")
    return guide


def schema_comment(ref: str) -> str:
    """The catalog's first line: editors validate it against the schema of the release the
    list uses (an adopter's repository has no schema/ folder of its own)."""
    raw = HOMEPAGE.replace("https://github.com/", "https://raw.githubusercontent.com/")
    return f"# yaml-language-server: $schema={raw}/{ref}/schema/catalog.schema.json\n"


def description(title: str) -> str:
    """A new list's description, which reads as a sentence whatever the title:
    "Awesome Diffusion Models" gives "A curated list of papers on Diffusion Models."."""
    topic = _LEADING.sub("", title.strip()).strip() or title.strip()
    return f"A curated list of papers on {topic}."


def gitignore_text(existing: str | None) -> str:
    """`.gitignore` with the link cache ignored: `existing` (None: no file) with the line
    added at its end, unchanged when a line already names it."""
    lines = (existing or "").splitlines()
    if CACHE_PATTERN in (line.strip() for line in lines):
        return existing or ""
    head = (existing or "").rstrip("\n")
    comment = "# readme-gen's link cache (readme-gen links --cache)"
    return f"{head}\n\n{comment}\n{CACHE_PATTERN}\n" if head else f"{comment}\n{CACHE_PATTERN}\n"
