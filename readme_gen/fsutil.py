"""Reading and writing files: atomic replacement, and every OSError turned into a
`FileError` that names the file and what failed.

A written file is replaced atomically: a reader or a crash never sees it half-written.
The temporary file sits beside the target as `.NAME.readme-gen-PID-XXXX.tmp` (matched by
the repository's .gitignore), and the next write to the same target removes those a
killed run left behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from readme_gen.errors import FileAction, FileError

TEMP_MARK = ".readme-gen-"
_TEMP_PID = re.compile(r"([0-9]+)-[^/]*\.tmp\Z")


def read_bytes(path: Path, *, label: str | None = None) -> bytes:
    """A file's bytes; FileError naming it (as `label`, if given) for anything the
    system refuses."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise _error(Path(path), FileAction.READ, exc, label) from None


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; OSError for anything else: a
    device or a FIFO (a symlink to /dev/zero would be read until memory ran out; a FIFO
    would block) or a longer file (EFBIG)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        data = file.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"over {limit:,} bytes", str(path))
    return data


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, keeping its permissions; FileError (and the
    old file untouched) when the system refuses."""
    with staged(path, data) as stage:
        stage.commit()


@dataclass(slots=True)
class Stage:
    """New content written and flushed beside its target, waiting to be renamed over it."""

    target: Path
    temp: Path
    committed: bool = False

    def commit(self) -> None:
        try:
            self.temp.replace(self.target)
        except OSError as exc:
            raise _error(self.target, FileAction.WRITE, exc) from None
        self.committed = True


@contextlib.contextmanager
def staged(path: Path, data: bytes) -> Iterator[Stage]:
    """Write `data` to a temporary file beside `path` and flush it to disk; the caller
    commits it (rename over `path`). Whatever is not committed is removed on exit. Staging
    several files first and renaming them last keeps a group of files in step."""
    path = Path(path)
    remove_stale_temps(path)
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{path.name}{TEMP_MARK}{os.getpid()}-", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise _error(path, FileAction.WRITE, exc) from None
    stage = Stage(path, Path(name))
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        _copy_mode(path, stage.temp)
    except OSError as exc:
        _discard(stage.temp)
        raise _error(path, FileAction.WRITE, exc) from None
    try:
        yield stage
    finally:
        if not stage.committed:
            _discard(stage.temp)


def _discard(temp: Path) -> None:
    with contextlib.suppress(OSError):
        temp.unlink()


def remove_stale_temps(path: Path) -> None:
    """Remove temporary files beside `path` left by a run that no longer exists."""
    prefix = f".{path.name}{TEMP_MARK}"
    try:
        names = [p.name for p in path.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return  # the write itself will report the folder's problem
    for name in names:
        match = _TEMP_PID.match(name, len(prefix))
        if match and not _alive(int(match.group(1))):
            with contextlib.suppress(OSError):
                (path.parent / name).unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # exists under another user, or not a pid: leave the file alone
    return True


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _copy_mode(target: Path, temp: Path) -> None:
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    temp.chmod(mode)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _error(path: Path, action: FileAction, exc: OSError, label: str | None = None) -> FileError:
    name = label or str(path)
    if exc.errno == errno.ENOENT and not path.parent.is_dir():
        return FileError(name, action, f"no folder {path.parent}")
    if exc.errno == errno.ENOENT:
        return FileError(name, action, "no such file")
    if exc.errno == errno.EISDIR or path.is_dir():
        return FileError(name, action, "is a directory, not a file")
    return FileError.from_os(name, action, exc)


def write_together(files: Sequence[tuple[Path, bytes]]) -> None:
    """Replace several files so that all of them change or none does.

    Every new content, and the old content of every existing target, is staged on disk
    before the first rename. If a later rename fails, the files already replaced get their
    old content back by rename too, which needs no disk space; then the error is raised."""
    with contextlib.ExitStack() as stack:
        new = [stack.enter_context(staged(path, data)) for path, data in files]
        backups: list[Stage | None] = []
        for path, _ in files:
            old = read_bytes(path) if os.path.lexists(path) else None
            backups.append(None if old is None else stack.enter_context(staged(path, old)))
        done: list[tuple[Path, Stage | None]] = []
        try:
            for stage, backup in zip(new, backups, strict=True):
                stage.commit()
                done.append((stage.target, backup))
        except FileError:
            for target, backup in reversed(done):
                with contextlib.suppress(OSError, FileError):
                    if backup is None:
                        target.unlink()
                    else:
                        backup.commit()
            raise


@contextlib.contextmanager
def unchanged(path: Path, read: bytes) -> Iterator[None]:
    """Hold the folder's advisory lock while the caller replaces `path`, once it is checked
    to still hold the bytes `read` at the start: a concurrent run (or an editor saving)
    between the read and the write would otherwise lose its change. FileError, and nothing
    written, when it changed. The lock is on the folder itself, so no lock file is left."""
    path = Path(path)
    with _folder_lock(path.parent):
        now = read_bytes(path) if os.path.lexists(path) else None
        if now != read:
            raise FileError(
                path,
                FileAction.WRITE,
                "it changed since this run read it (another run, or an editor saving); "
                "nothing was written, run again",
            )
        yield


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # not POSIX: the check alone, without the lock
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise _error(folder, FileAction.WRITE, exc) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
