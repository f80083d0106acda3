"""One link checked against a local server, as the checker tests do it."""

from __future__ import annotations

from readme_gen.links.checker import run_check
from readme_gen.links.results import Target, Use
from readme_gen.links.settings import CheckSettings
from readme_gen.position import Position

TITLE = "Learning to Zoom: a Saliency-Based Sampling Layer for Neural Networks"


def target(url: str, title: str = TITLE, line: int = 7) -> Target:
    return Target(url, (Use(title, Position(line, 18)),))


def check(url: str, sleep=None, title: str = TITLE, **options):
    settings = CheckSettings(allow_private=True, timeout=options.pop("timeout", 5.0), **options)
    return run_check(
        [target(url, title)], settings, sleep=sleep, clock=sleep.clock if sleep else None
    )[0]
