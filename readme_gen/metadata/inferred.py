"""What `add` infers of a paper, field by field, and where each field came from: every venue
through the one venue table (`readme_gen.venues.name_venue`), a year written in the venue
text moved to the year field. The publication's year wins over a preprint's posting year:
arXiv's `journal_ref` "CVPR 2023" on a paper posted in 2022 gives CVPR, 2023."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from readme_gen.catalog.edit import Draft
from readme_gen.metadata.drift import clean
from readme_gen.venues import DEFAULT_VENUE_ALIASES, name_venue

FIELDS = ("title", "authors", "venue", "year")


@dataclass(frozen=True, slots=True)
class Inferred:
    """A draft and, per field it fills, where its value came from ("arXiv journal_ref
    'CVPR 2023'", "--venue")."""

    draft: Draft = field(default_factory=Draft)
    sources: tuple[tuple[str, str], ...] = ()

    def source(self, field: str) -> str:
        return next((s for f, s in self.sources if f == field), "")


@dataclass(frozen=True, slots=True)
class VenueNames:
    """What venue names resolve against: the alias table and the venues the list uses."""

    aliases: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType(DEFAULT_VENUE_ALIASES)
    )
    known: tuple[str, ...] = ()

    @classmethod
    def of(cls, aliases: Mapping[str, tuple[str, ...]], known: Iterable[str]) -> VenueNames:
        return cls(aliases, tuple(sorted(set(known))))


def _quoted(text: str) -> str:
    return f'"{clean(text, limit=80)}"'


def inferred(
    draft: Draft,
    origin: str,
    *,
    venue_text: str | None = None,
    venue_origin: str = "",
    year_origin: str = "",
    preprint_year: bool = False,
    names: VenueNames | None = None,
) -> Inferred:
    """`draft` (as a source gave it) with its venue text normalised and the sources named.

    `venue_text` is the raw venue (a journal_ref, a container title, a meta tag); its year
    wins over the draft's when `preprint_year` (the draft's year is a posting date) and fills
    a missing one otherwise."""
    names = names or VenueNames()
    sources = {f: origin for f in ("title", "authors") if getattr(draft, f)}
    venue, year = draft.venue, draft.year
    if year:
        sources["year"] = year_origin or origin
    if venue_text:
        named = name_venue(venue_text, aliases=names.aliases, known=names.known)
        venue = named.venue
        sources["venue"] = f"{venue_origin or origin} {_quoted(venue_text)}"
        if named.year and (preprint_year or not year):
            year = named.year
            sources["year"] = f"{venue_origin or origin} {_quoted(venue_text)}"
    elif venue:
        sources["venue"] = venue_origin or origin
    found = replace(draft, venue=venue or None, year=year)
    return Inferred(found, tuple((f, sources[f]) for f in FIELDS if f in sources))


def with_flags(found: Inferred, given: Draft, names: VenueNames) -> Inferred:
    """The flags over what was found; `--venue "CVPR 2023"` is CVPR, and 2023 unless
    `--year` says otherwise."""
    venue, year = given.venue, given.year
    sources = dict(found.sources)
    for name in ("title", "authors"):
        if getattr(given, name):
            sources[name] = "--author" if name == "authors" else f"--{name}"
    if venue:
        named = name_venue(venue, aliases=names.aliases, known=names.known)
        venue = named.venue
        written = f"--venue {_quoted(given.venue or '')}"
        sources["venue"] = "--venue" if venue == given.venue else written
        if named.year and not year:
            year = named.year
            sources["year"] = written
    if given.year:
        sources["year"] = "--year"
    draft = Draft(
        given.title or found.draft.title,
        given.authors or found.draft.authors,
        venue or found.draft.venue,
        year or found.draft.year,
        found.draft.category,
    )
    return Inferred(draft, tuple((f, sources[f]) for f in FIELDS if f in sources))


def described(found: Inferred) -> list[str]:
    """One line per field that was inferred (not given by a flag), for `add` to print."""
    lines = []
    for name, source in found.sources:
        if source.startswith("--") and " " not in source:
            continue
        value = getattr(found.draft, name)
        shown = "; ".join(value) if isinstance(value, tuple) else str(value)
        lines.append(f"{name}: {clean(shown, limit=100)} (from {source})")
    return lines
