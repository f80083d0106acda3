"""The list's names for venues and the other spellings of them (lint's RG103, and the
venue a DOI record or arXiv's journal_ref maps to); `[tool.readme-gen.lint] venue-aliases`
replaces the table."""

from __future__ import annotations

DEFAULT_VENUE_ALIASES: dict[str, tuple[str, ...]] = {
    "NeurIPS": ("NIPS",),
    "ACM MM": ("MM", "ACMMM"),
    "TPAMI": ("PAMI", "T-PAMI"),
}

# The full names citation managers expect, by the list's name for a venue: (kind, name),
# kind "conference" (BibTeX booktitle) or "journal". A handful for now; the venue table
# (branch `venues`) is to replace this with its own.
FULL_VENUES: dict[str, tuple[str, str]] = {
    "CVPR": (
        "conference",
        "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition",
    ),
    "ICCV": (
        "conference",
        "Proceedings of the IEEE/CVF International Conference on Computer Vision",
    ),
    "ECCV": ("conference", "Proceedings of the European Conference on Computer Vision"),
    "NeurIPS": ("conference", "Advances in Neural Information Processing Systems"),
    "ICLR": ("conference", "International Conference on Learning Representations"),
    "ICML": ("conference", "Proceedings of the International Conference on Machine Learning"),
    "AAAI": ("conference", "Proceedings of the AAAI Conference on Artificial Intelligence"),
    "ACM MM": ("conference", "Proceedings of the ACM International Conference on Multimedia"),
    "TPAMI": ("journal", "IEEE Transactions on Pattern Analysis and Machine Intelligence"),
    "IJCV": ("journal", "International Journal of Computer Vision"),
    "TIP": ("journal", "IEEE Transactions on Image Processing"),
    "TMLR": ("journal", "Transactions on Machine Learning Research"),
    "JMLR": ("journal", "Journal of Machine Learning Research"),
    "IRAL": ("journal", "IEEE Robotics and Automation Letters"),
    "RA-L": ("journal", "IEEE Robotics and Automation Letters"),
    "Medical Image Analysis": ("journal", "Medical Image Analysis"),
    "Pattern Recognition": ("journal", "Pattern Recognition"),
}


def full_venue(name: str) -> tuple[str, str] | None:
    """(kind, full name) of a venue the list names (or spells another way, per
    DEFAULT_VENUE_ALIASES); None when the table does not know it."""
    found = FULL_VENUES.get(name)
    if found is None:
        canonical = next((k for k, v in DEFAULT_VENUE_ALIASES.items() if name in v), None)
        found = FULL_VENUES.get(canonical) if canonical else None
    return found
