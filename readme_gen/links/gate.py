"""One host's turn: how many requests may be in flight to it, how far apart, and when it
has asked for a pause."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]


class HostGate:
    """One host's turn: at most `limit` requests in flight, `interval` seconds apart, and
    none at all while the host has asked for a pause (Retry-After)."""

    def __init__(
        self,
        limit: int,
        interval: float,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
    ) -> None:
        self._slots = asyncio.Semaphore(limit)
        self._interval = interval
        self._sleep = sleep
        self._clock = clock
        self._lock = asyncio.Lock()
        self._next = 0.0  # the earliest start of the next request (minimum interval)
        self._resume_at = 0.0  # the end of a pause the host asked for

    async def __aenter__(self) -> None:
        await self._slots.acquire()
        if self._interval or self._resume_at:
            async with self._lock:
                now = self._clock()
                start = max(self._next, self._resume_at)
                if now < start:
                    await self._sleep(start - now)
                    now = start
                if now >= self._resume_at:
                    self._resume_at = 0.0  # the pause is over: back to the quick path
                self._next = now + self._interval

    async def __aexit__(self, *exc: object) -> None:
        self._slots.release()

    def paused_for(self) -> float:
        """Seconds left of a pause the host asked for (0 when there is none)."""
        return max(0.0, self._resume_at - self._clock()) if self._resume_at else 0.0

    def pause(self, seconds: float) -> None:
        """Hold every new request to this host for `seconds` (a Retry-After it sent)."""
        self._resume_at = max(self._resume_at, self._clock() + seconds)
