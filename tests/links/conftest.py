from __future__ import annotations

import pytest

from tests.support.clock import FakeSleep
from tests.support.servers import ScriptedServer


@pytest.fixture
def server():
    srv = ScriptedServer()
    yield srv
    srv.close()


@pytest.fixture
def sleep():
    return FakeSleep()
