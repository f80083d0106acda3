"""Which link to start next: one queue per host, taken in turn.

A check does not start a task per link up front: ten thousand tasks would each run their
first step before the first request went out, and would sit in memory for the whole run.
Links are started as room frees up instead, at most `per_host` of one host and `total` in
all at a time, hosts taken round-robin so that a catalog dominated by one publisher
never leaves the other hosts' turns idle. A link that is waiting out a retry delay is
set aside (`park`) and makes room for another; the limits on the wire are the checker's
gates, not this queue's, so a link that wakes up again may run over these counts.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class Feeder(Generic[T]):
    """Items grouped by key (a host), handed out round-robin within limits."""

    def __init__(
        self, items: Iterable[T], key: Callable[[T], str], *, per_key: int, total: int
    ) -> None:
        if per_key < 1 or total < 1:
            raise ValueError("limits must be at least 1")
        self._per_key = per_key
        self._total = total
        self._queues: dict[str, deque[T]] = {}
        for item in items:
            self._queues.setdefault(key(item), deque()).append(item)
        self._turns: deque[str] = deque(self._queues)  # keys with items and room, in turn
        self._running: dict[str, int] = dict.fromkeys(self._queues, 0)
        self._total_running = 0

    def take(self) -> tuple[str, T] | None:
        """The next item to start and its key, or None while the limits leave no room."""
        if self._total_running >= self._total or not self._turns:
            return None
        key = self._turns.popleft()
        queue = self._queues[key]
        item = queue.popleft()
        self._running[key] += 1
        self._total_running += 1
        if queue and self._running[key] < self._per_key:
            self._turns.append(key)
        return key, item

    def park(self, key: str) -> None:
        """An item of `key` stops counting (it is waiting, not working)."""
        self._running[key] -= 1
        self._total_running -= 1
        if self._queues[key] and self._running[key] == self._per_key - 1:
            self._turns.append(key)  # it had no room; now it has

    def resume(self, key: str) -> None:
        """A parked item counts again (it may run over the limits: the gates hold)."""
        self._running[key] += 1
        self._total_running += 1
        if self._running[key] >= self._per_key and key in self._turns:
            self._turns.remove(key)

    def step_aside(self, key: str) -> None:
        """An item of `key` waits for its host (a pause the host asked for): it frees its
        place in the total, not its host's, so other hosts' items start meanwhile."""
        self._total_running -= 1

    def step_back(self, key: str) -> None:
        self._total_running += 1

    def finish(self, key: str) -> None:
        """An item of `key` is done."""
        self.park(key)
