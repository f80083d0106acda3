"""The progress line: what it shows, how often it is drawn, and where it appears at all
(on a terminal, as a real pseudo-terminal shows; never in a pipe or under CI)."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from readme_gen.links.results import FAILING_BY_DEFAULT, FAILING_STRICT, Result, Status, Use
from readme_gen.position import Position
from readme_gen.publish.progress import Progress
from tests.support.catalogs import TITLE_A, TITLE_B, write_catalog
from tests.support.servers import page


class Clock:
    """The only mock: time."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def result(status: Status = Status.OK) -> Result:
    return Result("https://example.org/", status, (Use("A paper", Position(7, 18)),))


def test_the_line_shows_bar_count_failing_and_rate():
    clock, out = Clock(), io.StringIO()
    progress = Progress(4, out, FAILING_BY_DEFAULT, clock=clock)
    clock.now += 1.0
    progress.step(result(Status.BROKEN))
    clock.now += 1.0
    progress.step(result())
    assert out.getvalue().split("\r")[-1] == (
        "[###############...............] 2/4  failing: 1  1 links/s"
    )


def test_redrawn_at_most_every_interval_and_always_at_the_end():
    clock, out = Clock(), io.StringIO()
    progress = Progress(1000, out, FAILING_BY_DEFAULT, clock=clock, interval=0.1)
    for _ in range(1000):
        clock.now += 0.001  # 1,000 links in one second
        progress.step(result())
    frames = out.getvalue().split("\r")[1:]
    assert 10 <= len(frames) <= 12
    assert frames[-1].startswith("[##############################] 1000/1000")


def test_failing_follows_strict_mode():
    for statuses, expected in ((FAILING_BY_DEFAULT, 1), (FAILING_STRICT, 3)):
        progress = Progress(3, io.StringIO(), statuses, clock=Clock())
        for status in (Status.BROKEN, Status.BLOCKED, Status.MOVED):
            progress.step(result(status))
        assert progress.failing == expected


def test_done_clears_the_line():
    clock, out = Clock(), io.StringIO()
    progress = Progress(1, out, FAILING_BY_DEFAULT, clock=clock)
    progress.step(result())
    drawn = out.getvalue()
    progress.done()
    assert out.getvalue() == drawn + "\r" + " " * (len(drawn) - 1) + "\r"


def _run_links(folder: Path, *, tty: bool, ci: bool) -> bytes:
    """`readme-gen links` as a real process, its stderr on a pseudo-terminal or a pipe."""
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci:
        env["CI"] = "true"
    command = [sys.executable, "-m", "readme_gen", "links", "--allow-private"]
    if not tty:
        done = subprocess.run(command, cwd=folder, env=env, capture_output=True, timeout=60)
        return done.stderr
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=follower
        )
    finally:
        os.close(follower)
    data = b""
    try:
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # EIO: the process closed the terminal
                break
            if not chunk:
                break
            data += chunk
    finally:
        os.close(leader)
        proc.wait(timeout=60)
    return data


@pytest.mark.parametrize(
    ("tty", "ci", "shown"), [(True, False, True), (True, True, False), (False, False, False)]
)
def test_shown_on_a_terminal_only_and_never_under_ci(server, tmp_path, tty, ci, shown):
    server.routes["/a"] = lambda h, n: h.reply(200, page(TITLE_A))
    server.routes["/b"] = lambda h, n: h.reply(200, page(TITLE_B))
    write_catalog(tmp_path, server.url("/a"), server.url("/b"))
    err = _run_links(tmp_path, tty=tty, ci=ci)
    assert ("2/2  failing: 0" in err.decode()) is shown
    assert (b"\r[" in err) is shown
    assert server.recorder.count() == 2


# -- off a terminal: whole lines now and then ----------------------------------------------


def _logged(total: int, step: float, failing_every: int = 0) -> list[str]:
    from readme_gen.publish.progress import LogProgress

    clock, out = Clock(), io.StringIO()
    progress = LogProgress(total, out, FAILING_BY_DEFAULT, clock=clock)
    for n in range(1, total + 1):
        clock.now += step
        failed = failing_every and n % failing_every == 0
        progress.step(result(Status.BROKEN if failed else Status.OK))
    progress.done()
    assert "\r" not in out.getvalue()
    return out.getvalue().splitlines()


def test_off_a_terminal_a_line_at_every_tenth_once_past_the_first_10_s():
    lines = _logged(1000, 0.03125)  # 1,000 links in 31.25 s: a tenth every 3.125 s
    counts = [int(line.split()[1].split("/")[0]) for line in lines]
    assert counts == [320, 400, 500, 600, 700, 800, 900, 1000]  # 320: the first 10 s
    assert lines[-1] == "links: 1000/1000 checked (100%), failing: 0, 31 s"


def test_off_a_terminal_a_line_every_10_s_when_links_are_slow():
    lines = _logged(1000, 1.0, failing_every=5)  # a link a second: a tenth is 100 s
    assert lines[:2] == [
        "links: 10/1000 checked (1%), failing: 2, 10 s",
        "links: 20/1000 checked (2%), failing: 4, 20 s",
    ]
    assert len(lines) == 100


def test_off_a_terminal_a_short_run_stays_quiet():
    assert _logged(100, 0.05) == []  # 5 s in all
