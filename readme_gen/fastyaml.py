"""Placeholder replaced below."""
from __future__ import annotations

from readme_gen.yamltree import Node


def parse(text: str) -> Node | None:
    return None
