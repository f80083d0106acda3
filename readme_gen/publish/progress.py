"""Progress of a links run: on a terminal, a live line (a bar, checked/total, failing so
far, the rate); elsewhere (CI logs, pipes), a plain line now and then.

The live line is redrawn at most every `interval` seconds (ten thousand links must not mean
ten thousand writes to the terminal), always once more at the end; `done` clears it so the
report starts on a clean line. Off a terminal a redraw cannot be undone, so `LogProgress`
writes a whole line at every tenth of the links or every 10 s, whichever comes first (as
pip and pytest do in CI), and none in a run's first 10 s: a short run stays quiet. The
command chooses which one by whether stderr is a terminal.
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
        if self._due(now):
            self._drawn = now
            self._draw(now)

    def _due(self, now: float) -> bool:
        return now - self._drawn >= self._interval or self.count == self.total

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


class LogProgress(Progress):
    """A line at every tenth of the links or every `every` seconds, after `quiet` seconds."""

    def __init__(
        self,
        total: int,
        stream: TextIO,
        failing: Collection[Status],
        *,
        clock: Callable[[], float] = time.monotonic,
        every: float = 10.0,
        quiet: float = 10.0,
    ) -> None:
        super().__init__(total, stream, failing, clock=clock, interval=every)
        self._quiet = quiet
        self._drawn = self._started
        self._tenth = 0

    def _due(self, now: float) -> bool:
        tenth = 10 * self.count // max(self.total, 1)
        newer, self._tenth = tenth > self._tenth, max(tenth, self._tenth)
        if now - self._started < self._quiet:
            return False
        return newer or now - self._drawn >= self._interval

    def line(self, now: float) -> str:
        share = 100 * self.count // max(self.total, 1)
        return (
            f"links: {self.count}/{self.total} checked ({share}%), failing: {self.failing}, "
            f"{now - self._started:.0f} s"
        )

    def _draw(self, now: float) -> None:
        self._stream.write(self.line(now) + "\n")
        self._stream.flush()

    def done(self) -> None:
        """Nothing to clear: every line is whole."""
