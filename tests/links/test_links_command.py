"""`readme-gen links` end to end: formats, exit codes, cache, --changed-since, config."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from tests.support.catalogs import TITLE_A, TITLE_B, write_catalog
from tests.support.servers import page


def test_json_report_schema_and_exit_code_for_a_broken_link(cli, tmp_path, server):
    server.routes["/a"] = lambda h, n: h.reply(200, page(TITLE_A))
    server.routes["/b"] = lambda h, n: h.reply(404)
    write_catalog(tmp_path, server.url("/a"), server.url("/b"))
    result = cli("links", "--allow-private", "--format", "json")
    assert result.code == 1
    report = json.loads(result.out)
    assert report["summary"]["total"] == 2
    assert report["summary"]["ok"] == 1 and report["summary"]["broken"] == 1
    assert {"elapsed_s", "failing"} <= set(report["summary"])
    broken = report["links"][1]
    assert set(broken) >= {
        "url",
        "status",
        "http_status",
        "final_url",
        "redirects",
        "attempts",
        "elapsed_ms",
        "title_found",
        "detail",
        "papers",
    }
    assert broken["status"] == "broken" and broken["http_status"] == 404
    assert broken["papers"] == [{"title": TITLE_B, "label": "Paper", "line": 18, "column": 18}]


def test_text_and_github_formats_locate_the_catalog_line(cli, tmp_path, server):
    server.routes["/a"] = lambda h, n: h.reply(200, page(TITLE_A))
    server.routes["/b"] = lambda h, n: h.reply(410)
    write_catalog(tmp_path, server.url("/a"), server.url("/b"))
    text = cli("links", "--allow-private")
    assert text.code == 1
    assert f"catalog.yaml:18:18: {server.url('/b')}" in text.out and TITLE_B in text.out
    github = cli("links", "--allow-private", "--format", "github")
    assert f"::error file=catalog.yaml,line=18,col=18::broken: {server.url('/b')}" in github.out


def test_blocked_passes_by_default_and_fails_with_strict(cli, tmp_path, server):
    server.routes["/a"] = lambda h, n: h.reply(200, page(TITLE_A))
    server.routes["/b"] = lambda h, n: h.reply(418)
    write_catalog(tmp_path, server.url("/a"), server.url("/b"))
    assert cli("links", "--allow-private").code == 0
    assert cli("links", "--allow-private", "--strict").code == 1


def test_markdown_report_to_a_file(cli, tmp_path, server):
    server.routes["/a"] = lambda h, n: h.reply(200, page(TITLE_A))
    server.routes["/b"] = lambda h, n: h.reply(404)
    write_catalog(tmp_path, server.url("/a"), server.url("/b"))
    result = cli("links", "--allow-private", "--format", "markdown", "--output", "report.md")
    assert result.code == 1 and result.out == ""
    body = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert body.startswith("## Link audit")
    assert f"| {TITLE_B} | <{server.url('/b')}> | 18 |" in body
    assert "web.archive.org" in body


def test_cache_second_run_sends_nothing_and_failures_are_not_cached(cli, tmp_path, server):
    server.routes["/a"] = lambda h, n: h.reply(200, page(TITLE_A))
    server.routes["/b"] = lambda h, n: h.reply(404)
    write_catalog(tmp_path, server.url("/a"), server.url("/b"))
    assert cli("links", "--allow-private", "--cache", "cache.json").code == 1
    assert server.recorder.count("/a") == 1
    second = cli("links", "--allow-private", "--cache", "cache.json", "--format", "json")
    assert server.recorder.count("/a") == 1  # the success was remembered
    assert server.recorder.count("/b") == 2  # the failure was not
    assert json.loads(second.out)["summary"]["cached"] == 1
    expired = cli("links", "--allow-private", "--cache", "cache.json", "--max-age", "0s")
    assert expired.code == 1 and server.recorder.count("/a") == 2


def test_cache_survives_a_kill_mid_write(tmp_path):
    cache = tmp_path / "cache.json"
    script = f"""
import time
from pathlib import Path
from readme_gen.links.cache import Cache
from readme_gen.links.results import Result, Status, Use
from readme_gen.position import Position
from tests.support.catalogs import TITLE_A, TITLE_B, write_catalog
c = Cache(Path({str(cache)!r}), max_age=1e9, now=time.time())
n = 0
while True:
    for i in range(2000):
        c.remember(f"https://example.org/{{n}}/{{i}}", Result("u", Status.OK, (Use("t", Position(1, 1)),)))
    c.save()
    n += 1
"""
    for delay in (0.3, 0.6, 0.9, 1.2):
        proc = subprocess.Popen([sys.executable, "-c", script])
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if cache.exists():
            data = json.loads(cache.read_text(encoding="utf-8"))  # never half-written
            assert data["version"] == 1 and len(data["entries"]) % 2000 == 0


def test_changed_since_checks_only_new_or_changed_links(cli, tmp_path, server):
    server.routes["/a"] = lambda h, n: h.reply(200, page(TITLE_A))
    server.routes["/b"] = lambda h, n: h.reply(200, page(TITLE_B))
    server.routes["/b2"] = lambda h, n: h.reply(200, page(TITLE_B))
    write_catalog(tmp_path, server.url("/a"), server.url("/b"))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "catalog.yaml"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "init"], cwd=tmp_path, check=True)
    write_catalog(tmp_path, server.url("/a"), server.url("/b2"))
    result = cli("links", "--allow-private", "--changed-since", "HEAD", "--format", "json")
    assert result.code == 0
    assert [link["url"] for link in json.loads(result.out)["links"]] == [server.url("/b2")]
    assert server.recorder.count("/a") == 0 and server.recorder.count("/b2") == 1
    bad = cli("links", "--changed-since", "no-such-ref")
    assert bad.code == 2 and "`no-such-ref` is not a git commit" in bad.err


def test_malformed_configuration_and_flags_are_clear_errors(cli, tmp_path):
    write_catalog(tmp_path, "https://example.org/a", "https://example.org/b")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.readme-gen.links]\nconcurrency = "lots"\n', encoding="utf-8"
    )
    result = cli("links")
    assert result.code == 2
    assert "[tool.readme-gen.links] `concurrency`: `lots` is not a valid value" in result.err
    (tmp_path / "pyproject.toml").write_text("[tool.readme-gen.links]\nconcurency = 3\n", "utf-8")
    assert "unknown setting `concurency`" in cli("links").err
    (tmp_path / "pyproject.toml").unlink()
    assert cli("links", "--per-host", "0").code == 2
    assert cli("links", "--bogus").code == 2
    missing = cli("links", "--catalog", "nope.yaml")
    assert missing.code == 2 and "nope.yaml: no such file" in missing.err


def test_settings_from_pyproject_apply(cli, tmp_path, server):
    server.routes["/a"] = lambda h, n: h.reply(200, page(TITLE_A))
    server.routes["/b"] = lambda h, n: h.reply(418)
    write_catalog(tmp_path, server.url("/a"), server.url("/b"))
    (tmp_path / "pyproject.toml").write_text(
        "[tool.readme-gen.links]\nallow-private = true\nstrict = true\n"
        '[tool.readme-gen.links.accept]\n"^127\\\\." = [418]\n',
        encoding="utf-8",
    )
    result = cli("links", "--format", "json")
    assert result.code == 0, result.out
    assert json.loads(result.out)["summary"]["ok"] == 2


def test_fix_redirects_rewrites_moved_urls_keeping_everything_else(cli, tmp_path, server):
    server.routes["/old"] = lambda h, n: h.reply(301, headers={"Location": "/new?a=1&b=(2)"})
    server.routes["/new"] = lambda h, n: h.reply(200, page(TITLE_A))
    server.routes["/tmp"] = lambda h, n: h.reply(302, headers={"Location": "/b-here"})
    server.routes["/b-here"] = lambda h, n: h.reply(200, page(TITLE_B))
    path = write_catalog(tmp_path, server.url("/old"), server.url("/tmp"))
    before = path.read_text(encoding="utf-8").replace(
        f"Paper: {server.url('/old')}\n", f"Paper: {server.url('/old')}   # moved?\n"
    )
    path.write_text(before, encoding="utf-8")
    result = cli("links", "--allow-private", "--fix-redirects")
    assert result.code == 0, result.out + result.err
    after = path.read_text(encoding="utf-8")
    assert after == before.replace(server.url("/old"), server.url("/new?a=1&b=(2)"))
    assert (
        f"catalog.yaml:12:18: {server.url('/old')} -> {server.url('/new?a=1&b=(2)')}" in result.err
    )
    assert server.url("/new?a=1&b=\\(2\\)") in (tmp_path / "README.md").read_text(encoding="utf-8")
    again = cli("links", "--allow-private", "--fix-redirects")
    assert "no permanently moved link to fix" in again.err
    assert path.read_text(encoding="utf-8") == after
