"""The few git commands the add-paper workflow runs: always `git` with an argument list,
never a shell, so no answer of an issue can become a command.

Pushing authenticates the way actions/checkout does, with an `http.<server>/.extraheader`
for the token, given through git's environment (`GIT_CONFIG_COUNT`), so the token is in
neither the command line nor the repository's config."""

from __future__ import annotations

import base64
import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from readme_gen import escape
from readme_gen.errors import ReadmeGenError
from readme_gen.text import shorten

AUTHOR = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")
"""The author and committer of the workflow's commits."""


class GitError(ReadmeGenError):
    """A git command failed."""


def _env(token: str | None, server: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_CONFIG_")}
    env["GIT_TERMINAL_PROMPT"] = "0"
    if token and server:
        basic = base64.b64encode(f"x-access-token:{token}".encode()).decode("ascii")
        env["GIT_CONFIG_COUNT"] = "1"
        env["GIT_CONFIG_KEY_0"] = f"http.{server.rstrip('/')}/.extraheader"
        env["GIT_CONFIG_VALUE_0"] = f"AUTHORIZATION: basic {basic}"
    return env


def git(root: Path, *args: str, env: Mapping[str, str] | None = None) -> str:
    """Run `git ARGS` in `root`; its standard output, or a GitError with its message."""
    command: Sequence[str] = [
        "git",
        "-c",
        f"user.name={AUTHOR[0]}",
        "-c",
        f"user.email={AUTHOR[1]}",
        "-c",
        "commit.gpgsign=false",
        *args,
    ]
    try:
        done = subprocess.run(
            command,
            cwd=root,
            env=dict(env) if env is not None else _env(None, None),
            capture_output=True,
            text=True,
            errors="replace",
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"git {args[0]}: {escape.terminal(str(exc))}") from None
    if done.returncode != 0:
        said = escape.terminal(shorten(done.stderr.strip() or done.stdout.strip(), 500))
        raise GitError(f"git {args[0]} failed ({done.returncode}): {said}")
    return done.stdout


def current(root: Path) -> str:
    """The checked-out branch's name, else the commit (a detached HEAD)."""
    try:
        return git(root, "symbolic-ref", "-q", "--short", "HEAD").strip()
    except GitError:
        return git(root, "rev-parse", "HEAD").strip()


def _remote_tree(root: Path, remote: str, branch: str, env: Mapping[str, str]) -> str | None:
    """The tree of `branch` on `remote`, or None when it has no such branch."""
    if not git(root, "ls-remote", remote, f"refs/heads/{branch}", env=env).strip():
        return None
    git(root, "fetch", "-q", "--no-tags", remote, f"refs/heads/{branch}", env=env)
    return git(root, "rev-parse", "FETCH_HEAD^{tree}").strip()


def commit_and_push(
    root: Path,
    *,
    branch: str,
    files: Sequence[str],
    message: str,
    remote: str,
    token: str | None,
    server: str | None,
) -> bool:
    """Commit `files` (changed in the working tree) on `branch`, started afresh from the
    checked-out commit, force-push it to `remote` unless the branch there holds the same
    files already, and check the starting point out again. True when it pushed."""
    env = _env(token, server)
    back = current(root)
    git(root, "checkout", "-q", "-B", branch)
    try:
        git(root, "add", "--", *files)
        git(root, "commit", "-q", "--no-verify", "-m", message)
        tree = git(root, "rev-parse", "HEAD^{tree}").strip()
        if _remote_tree(root, remote, branch, env) == tree:
            return False  # an edit that changes nothing the entry shows moves nothing
        git(root, "push", "--quiet", "--force", remote, f"HEAD:refs/heads/{branch}", env=env)
        return True
    finally:
        git(root, "checkout", "-q", "-f", back)


def delete_branch(
    root: Path, *, branch: str, remote: str, token: str | None, server: str | None
) -> bool:
    """Delete `branch` on `remote` (`git push --delete`); False when it has no such branch
    (deleted already, by a maintainer or GitHub's "delete head branches")."""
    env = _env(token, server)
    if not git(root, "ls-remote", remote, f"refs/heads/{branch}", env=env).strip():
        return False
    git(root, "push", "--quiet", remote, "--delete", f"refs/heads/{branch}", env=env)
    return True
