"""The cache of successes: hostile files start it afresh, concurrent runs merge."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from readme_gen.links.cache import VERSION, Cache
from readme_gen.links.results import Result, Status, Use
from readme_gen.position import Position

OK = Result("u", Status.OK, (Use("t", Position(1, 1)),))


def test_a_deeply_nested_cache_starts_afresh(tmp_path):
    path = tmp_path / "cache.json"
    path.write_text("[" * 100_000 + "]" * 100_000)  # RecursionError in json.loads
    assert Cache(path, max_age=60, now=time.time()).entries == {}


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_cache_that_is_a_device_is_refused_not_read(tmp_path):
    path = tmp_path / "cache.json"
    path.symlink_to("/dev/zero")  # read to the end, it ended in MemoryError
    assert Cache(path, max_age=60, now=time.time()).entries == {}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_cache_that_is_a_fifo_does_not_block(tmp_path):
    path = tmp_path / "cache.json"
    os.mkfifo(path)
    assert Cache(path, max_age=60, now=time.time()).entries == {}


def test_runs_at_the_same_time_keep_each_others_entries(tmp_path):
    """Both read the cache before either writes: the last writer used to drop the other's
    30 new entries."""
    path = tmp_path / "cache.json"
    now = time.time()
    first, second = (Cache(path, max_age=60, now=now) for _ in range(2))
    for i in range(30):
        first.remember(f"https://a.example/{i}", OK)
        second.remember(f"https://b.example/{i}", OK)
    first.save()
    second.save()
    entries = json.loads(path.read_text())["entries"]
    assert len(entries) == 60


def test_the_newer_check_of_a_link_wins(tmp_path):
    path = tmp_path / "cache.json"
    now = time.time()
    old = {"checked_at": now - 30, "http_status": 200, "final_url": None, "title_found": "old"}
    path.write_text(json.dumps({"version": VERSION, "entries": {"k": old}}))
    stale = Cache(path, max_age=60, now=now - 10)  # loaded before another run rechecked
    newer = {**old, "checked_at": now - 5, "title_found": "new"}
    path.write_text(json.dumps({"version": VERSION, "entries": {"k": newer}}))
    stale.save()
    assert json.loads(path.read_text())["entries"]["k"]["title_found"] == "new"
