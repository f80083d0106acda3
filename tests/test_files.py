"""Every command that writes a file: a missing folder, a read-only target and a full disk
are one clear message naming the file, exit 2, no traceback, and the old files unchanged.

A missing folder is real; the read-only target and the full disk are OSErrors injected
into the system calls (the tests run as root, so chmod would not refuse anything); one
test also fills a real, tiny tmpfs where this machine allows mounting one.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readme_gen import fsutil
from tests.support.catalogs import VALID_CATALOG
from tests.support.files import snapshot

ADD_FLAGS = ("--title", "New", "--author", "Ann", "--venue", "ICCV", "--year", "2023")
UNFORMATTED = VALID_CATALOG.replace("description: Papers about tests.", "description: 'Papers.'")


def _prepare(cli, folder: Path) -> None:
    (folder / "catalog.yaml").write_text(UNFORMATTED, encoding="utf-8")
    assert cli("build", cwd=folder).code == 0
    (folder / "report.json").write_text('{"summary": {}, "links": []}', encoding="utf-8")


# command -> (argv writing `target`, the file it writes). `{t}` is the target's name.
COMMANDS = {
    "build": (("build", "--output", "{t}"), "README.md"),
    "import": (("import", "README.md", "--force", "-o", "{t}"), "catalog.yaml"),
    "export": (("export", "--format", "json", "-o", "{t}"), "papers.json"),
    "add": (("add", "https://example.org/new", *ADD_FLAGS, "--output", "{t}"), "README.md"),
    "audit-issue": (("audit-issue", "--report", "report.json", "--markdown", "{t}"), "a.md"),
    "links": (("links", "--exclude", ".", "--format", "json", "-o", "{t}"), "report.json"),
}


def _argv(command: str, target: str) -> list[str]:
    argv, _ = COMMANDS[command]
    return [a.replace("{t}", target) for a in argv]


def _assert_clean_failure(result, name: str, reason: str) -> None:
    assert result.code == 2, result.err
    assert f"readme-gen: error: cannot write {name}: {reason}" in result.err
    assert "Traceback" not in result.err and "bug" not in result.err


@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_folder_is_named(cli, tmp_path, command):
    _prepare(cli, tmp_path)
    before = snapshot(tmp_path)
    result = cli(*_argv(command, "no-such-dir/out.txt"))
    _assert_clean_failure(result, "no-such-dir/out.txt", "no folder no-such-dir")
    assert snapshot(tmp_path) == before


def _refuse(monkeypatch, call: str, code: int) -> None:
    """Make `os.<call>` fail with `code` for files in the test's folder (temp files only
    for os.write: any descriptor above stderr)."""
    real = getattr(os, call)

    def refused(*args, **kwargs):
        first = args[0]
        if (isinstance(first, int) and first > 2) or (
            not isinstance(first, int) and Path(first).name.startswith(".")
        ):
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, call, refused)


@pytest.mark.parametrize("command", [*COMMANDS, "fmt"])
@pytest.mark.parametrize(
    ("call", "code"),
    [("replace", errno.EROFS), ("replace", errno.EPERM), ("write", errno.ENOSPC)],
    ids=["read-only-fs", "eperm", "disk-full"],
)
def test_a_refused_write_keeps_the_old_file(cli, tmp_path, monkeypatch, command, call, code):
    _prepare(cli, tmp_path)
    if command == "fmt":
        argv, name = ["fmt"], "catalog.yaml"
    else:
        name = COMMANDS[command][1]
        argv = _argv(command, name)
    if command == "build":
        (tmp_path / "README.md").write_text("old\n", encoding="utf-8")
    before = snapshot(tmp_path)
    _refuse(monkeypatch, call, code)
    result = cli(*argv)
    monkeypatch.undo()
    # `add` writes the catalog too; whichever it names, both are unchanged.
    named = name if command != "add" else "catalog.yaml"
    _assert_clean_failure(result, named, os.strerror(code))
    assert snapshot(tmp_path) == before  # no temp file left either


def test_add_restores_the_catalog_when_the_readme_rename_fails(cli, tmp_path, monkeypatch):
    _prepare(cli, tmp_path)
    before = snapshot(tmp_path)
    real, calls = os.replace, []

    def second_fails(src, dst, **kwargs):
        calls.append(Path(dst).name)
        if Path(dst).name == "README.md":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", second_fails)
    result = cli("add", "https://example.org/new", *ADD_FLAGS)
    monkeypatch.undo()
    _assert_clean_failure(result, "README.md", "No space left on device")
    assert calls == ["catalog.yaml", "README.md", "catalog.yaml"]  # written, then restored
    assert snapshot(tmp_path) == before


def test_add_with_a_missing_readme_folder_changes_nothing(cli, tmp_path):
    _prepare(cli, tmp_path)
    before = snapshot(tmp_path)
    result = cli("add", "https://example.org/new", *ADD_FLAGS, "--output", "gone/README.md")
    _assert_clean_failure(result, "gone/README.md", "no folder gone")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_dash_means_standard_output(cli, tmp_path, command):
    _prepare(cli, tmp_path)
    result = cli(*_argv(command, "-"))
    assert result.code == 0, result.err
    assert not (tmp_path / "-").exists()
    assert result.out.strip()
    if command == "build":
        assert result.out == (tmp_path / "README.md").read_text(encoding="utf-8")


def test_build_check_refuses_standard_output(cli, tmp_path):
    _prepare(cli, tmp_path)
    result = cli("build", "--check", "-o", "-")
    assert result.code == 2 and "--output - cannot be checked" in result.err


def test_a_stray_oserror_is_exit_2_naming_the_file(cli, tmp_path, monkeypatch):
    import readme_gen.commands.build

    _prepare(cli, tmp_path)

    def unreadable(path):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(readme_gen.commands.build, "load_catalog", unreadable)
    result = cli("build")
    assert result.code == 2
    assert result.err == "readme-gen: error: catalog.yaml: Permission denied\n"


def test_a_stale_temp_file_from_a_killed_run_is_removed_by_the_next_write(tmp_path):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    stale = tmp_path / f".README.md.readme-gen-{dead.stdout.strip()}-abc123.tmp"
    alive = tmp_path / f".README.md.readme-gen-{os.getpid()}-def456.tmp"
    other = tmp_path / f".other.md.readme-gen-{dead.stdout.strip()}-abc123.tmp"
    for path in (stale, alive, other):
        path.write_text("half", encoding="utf-8")
    fsutil.write_atomic(tmp_path / "README.md", b"new\n")
    assert (tmp_path / "README.md").read_bytes() == b"new\n"
    assert not stale.exists()
    assert alive.exists() and other.exists()  # a running writer's, another file's


def test_gitignore_covers_the_temp_files(tmp_path):
    from tests.support.paths import REPO

    name = f".README.md{fsutil.TEMP_MARK}123-abc.tmp"
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "-q", name], cwd=REPO, check=False
    )
    assert ignored.returncode == 0


def test_a_full_tmpfs_keeps_the_old_readme(cli, tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (the injected ENOSPC tests cover this)")
    try:
        (tmp_path / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
        (mount / "README.md").write_text("old\n", encoding="utf-8")
        (mount / "filler").write_bytes(b"x" * 4096)
        big = VALID_CATALOG.replace("Papers about tests.", "Papers. " * 2000)
        (tmp_path / "catalog.yaml").write_text(big, encoding="utf-8")
        result = cli("build", "--output", str(mount / "README.md"))
        _assert_clean_failure(result, str(mount / "README.md"), "No space left on device")
        assert (mount / "README.md").read_text(encoding="utf-8") == "old\n"
        assert sorted(p.name for p in mount.iterdir()) == ["README.md", "filler"]
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_add_and_fmt_keep_crlf_line_endings(cli, tmp_path):
    crlf = UNFORMATTED.replace("\n", "\r\n").encode("utf-8")
    (tmp_path / "catalog.yaml").write_bytes(crlf)
    assert cli("fmt").code == 0
    formatted = (tmp_path / "catalog.yaml").read_bytes()
    expected = VALID_CATALOG.replace("Papers about tests.", "Papers.")
    assert formatted == expected.replace("\n", "\r\n").encode("utf-8")
    assert cli("fmt", "--check").code == 0
    assert cli("add", "https://example.org/new", *ADD_FLAGS).code == 0
    added = (tmp_path / "catalog.yaml").read_bytes()
    assert b"https://example.org/new\r\n" in added
    assert (
        added.count(b"\n") == added.count(b"\r\n") == formatted.count(b"\n") + 7
    )  # 7 lines: the entry, `added` included
