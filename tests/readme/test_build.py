"""`readme-gen build`: writing, --check, settings, and atomicity under kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from readme_gen.catalog.load import load_catalog
from readme_gen.readme.render import render
from tests.support.catalogs import VALID_CATALOG
from tests.support.files import snapshot
from tests.support.paths import REPO


def test_build_writes_then_leaves_an_up_to_date_readme_untouched(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    first = cli("build")
    assert first.code == 0 and "wrote README.md" in first.err
    readme = tmp_path / "README.md"
    expected = render(load_catalog(tmp_path / "catalog.yaml"))
    assert readme.read_text(encoding="utf-8") == expected
    stamp = readme.stat().st_mtime_ns
    again = cli("build")
    assert again.code == 0 and "README.md is up to date" in again.err
    assert readme.stat().st_mtime_ns == stamp


def test_check_in_sync_is_silent_and_exits_0(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    cli("build")
    result = cli("build", "--check")
    assert (result.code, result.out, result.err) == (0, "", "")


def test_check_stale_prints_a_diff_exits_1_and_writes_nothing(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    cli("build")
    (tmp_path / "catalog.yaml").write_text(
        VALID_CATALOG.replace('"A paper"', '"A better paper"'), encoding="utf-8"
    )
    before = snapshot(tmp_path)
    result = cli("build", "--check")
    assert result.code == 1
    assert result.out.startswith("--- README.md (on disk)\n+++ README.md (from catalog.yaml)\n")
    assert "\n-| CVPR<br><sup>2024</sup> | A paper <br>" in result.out
    assert "\n+| CVPR<br><sup>2024</sup> | A better paper <br>" in result.out
    assert "README.md is out of date: run `readme-gen build`" in result.err
    assert snapshot(tmp_path) == before


def test_check_without_a_readme_exits_1_and_creates_nothing(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    result = cli("build", "--check")
    assert result.code == 1 and "README.md does not exist" in result.err
    assert not (tmp_path / "README.md").exists()


def test_paths_from_flags_and_from_pyproject(cli, tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "list.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    assert cli("build", "--catalog", "data/list.yaml", "--output", "OUT.md").code == 0
    assert (tmp_path / "OUT.md").exists()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.readme-gen]\ncatalog = "data/list.yaml"\noutput = "docs.md"\n', encoding="utf-8"
    )
    assert cli("build").code == 0
    assert (tmp_path / "docs.md").read_bytes() == (tmp_path / "OUT.md").read_bytes()


def test_output_may_not_be_the_catalog(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    result = cli("build", "--output", "catalog.yaml")
    assert result.code == 2 and "is the catalog itself" in result.err
    assert (tmp_path / "catalog.yaml").read_text(encoding="utf-8") == VALID_CATALOG


def test_the_repository_readme_is_in_sync(cli):
    result = cli("build", "--check", cwd=REPO)
    assert result.code == 0, result.out


def test_console_script_and_module_entry_points(tmp_path):
    (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
    exe = Path(sys.executable).with_name("readme-gen")
    for argv in ([str(exe)], [sys.executable, "-m", "readme_gen"]):
        done = subprocess.run([*argv, "build"], cwd=tmp_path, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        stale = subprocess.run(
            [*argv, "build", "--check", "--output", "X.md"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        assert stale.returncode == 1 and stale.stdout.startswith("--- X.md")
        bad = subprocess.run(
            [*argv, "build", "--bogus"], cwd=tmp_path, capture_output=True, text=True
        )
        assert bad.returncode == 2 and "unrecognized arguments: --bogus" in bad.stderr


def _big_catalog(papers: int) -> str:
    entries = "".join(
        f'      - title: "Paper number {n} on very large images"\n'
        f"        authors: [Ann Author, Bob Author, Carla Author]\n"
        f"        venue: CVPR\n        year: {2000 + n % 25}\n"
        f"        links:\n          Paper: https://example.org/papers/{n}\n"
        for n in range(papers)
    )
    return (
        "title: Big\ndescription: Many papers.\nsections:\n  - id: all\n    title: All\n"
        f"    papers:\n{entries}"
    )


def test_a_build_killed_at_any_moment_never_leaves_a_partial_readme(tmp_path):
    (tmp_path / "catalog.yaml").write_text(_big_catalog(20_000), encoding="utf-8")
    readme = tmp_path / "README.md"
    old = "the previous README\n" * 1000
    new = render(load_catalog(tmp_path / "catalog.yaml"))
    exe = str(Path(sys.executable).with_name("readme-gen"))
    killed_before_done = 0
    for delay in (0.05, 0.3, 0.6, 0.9, 1.2, 1.5):
        readme.write_text(old, encoding="utf-8")
        proc = subprocess.Popen([exe, "build"], cwd=tmp_path, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        content = readme.read_text(encoding="utf-8")
        assert content in (old, new), f"partial README after {delay}s"
        killed_before_done += content == old
    assert killed_before_done, "at least one kill should land before the README is replaced"
    readme.write_text(old, encoding="utf-8")
    subprocess.run([exe, "build"], cwd=tmp_path, stderr=subprocess.DEVNULL, check=True)
    assert readme.read_text(encoding="utf-8") == new
