"""A fake sleep with its own clock: the only mocks the tests use."""

from __future__ import annotations


class FakeSleep:
    """Records the waits the checker asks for instead of sleeping, and moves a clock of its
    own by them (the only mocks: a sleep and a clock)."""

    def __init__(self) -> None:
        self.waits: list[float] = []
        self.now = 1000.0

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now
