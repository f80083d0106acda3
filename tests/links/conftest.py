from __future__ import annotations

import pytest

from tests.links.server import ScriptedServer


@pytest.fixture
def server():
    srv = ScriptedServer()
    yield srv
    srv.close()


class FakeSleep:
    """Records the waits the checker asks for instead of sleeping (the only mock)."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def sleep():
    return FakeSleep()
