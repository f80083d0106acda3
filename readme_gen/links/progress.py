"""The live progress line on a terminal: a bar, checked/total, failing so far, the rate.

Redrawn at most every `interval` seconds (ten thousand links must not mean ten thousand
writes to the terminal), always once more at the end; `done` clears it so the report
starts on a clean line. Only the entry point decides whether to show it (a terminal and
not under CI).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from typing import TextIO

from readme_gen.links.results import Result, Status

WIDTH = 30


class Progress:
    def __init__(
        self,
        total: int,
        stream: TextIO,
        failing: Collection[Status],
        *,
        clock: Callable[[], float] = time.monotonic,
        interval: float = 0.1,
    ) -> None:
        self.total = total
        self.count = 0
        self.failing = 0
        self._stream = stream
        self._failing_statuses = failing
        self._clock = clock
        self._interval = interval
        self._started = clock()
        self._drawn = float("-inf")
        self._width = 0

    def step(self, result: Result) -> None:
        self.count += 1
        if result.status in self._failing_statuses:
            self.failing += 1
        now = self._clock()
        if now - self._drawn >= self._interval or self.count == self.total:
            self._drawn = now
            self._draw(now)

    def line(self, now: float) -> str:
        filled = WIDTH * self.count // max(self.total, 1)
        elapsed = now - self._started
        rate = f"  {self.count / elapsed:.0f} links/s" if elapsed > 0 else ""
        return (
            f"[{'#' * filled}{'.' * (WIDTH - filled)}] {self.count}/{self.total}"
            f"  failing: {self.failing}{rate}"
        )

    def _draw(self, now: float) -> None:
        text = self.line(now)
        pad = " " * max(self._width - len(text), 0)  # cover a longer previous line
        self._width = len(text)
        self._stream.write(f"\r{text}{pad}")
        self._stream.flush()

    def done(self) -> None:
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
