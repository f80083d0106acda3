"""The list's names for venues and the other spellings of them (lint's RG103, and the
venue a DOI record or arXiv's journal_ref maps to); `[tool.readme-gen.lint] venue-aliases`
replaces the table."""

from __future__ import annotations

DEFAULT_VENUE_ALIASES: dict[str, tuple[str, ...]] = {
    "NeurIPS": ("NIPS",),
    "ACM MM": ("MM", "ACMMM"),
    "TPAMI": ("PAMI", "T-PAMI"),
}
