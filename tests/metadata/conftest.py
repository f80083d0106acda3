from __future__ import annotations

import pytest

from tests.support.clock import FakeSleep
from tests.support.servers import Recorder, ScriptedServer


@pytest.fixture(scope="module")
def _servers():
    # two loopback hosts: 127.0.0.1 plays doi.org / export.arxiv.org, 127.0.0.2 the
    # registrar doi.org redirects to (api.crossref.org). One pair per module, the routes and
    # records fresh for each test.
    srv = ScriptedServer(("127.0.0.1", "127.0.0.2"))
    yield srv
    srv.close()


@pytest.fixture
def server(_servers):
    """The module's servers with no routes and a fresh record of requests."""
    _servers.routes.clear()
    _servers.recorder = Recorder()
    for each in _servers.servers:
        each.recorder = _servers.recorder
    return _servers


@pytest.fixture
def sleep():
    return FakeSleep()
