"""How the workflow's git authenticates its push: the token in git's environment, as an
extra header for the server only, never on a command line."""

from __future__ import annotations

import base64
import os

import pytest

from readme_gen.contrib import git


def test_the_token_goes_in_an_extraheader_for_the_server_only(monkeypatch):
    monkeypatch.setenv("GIT_CONFIG_COUNT", "5")  # a stale setting is not inherited
    monkeypatch.setenv("GIT_CONFIG_KEY_4", "core.sshCommand")
    env = git._env("t0ken", "https://github.com/")
    assert env["GIT_CONFIG_COUNT"] == "1" and "GIT_CONFIG_KEY_4" not in env
    assert env["GIT_CONFIG_KEY_0"] == "http.https://github.com/.extraheader"
    basic = base64.b64encode(b"x-access-token:t0ken").decode()
    assert env["GIT_CONFIG_VALUE_0"] == f"AUTHORIZATION: basic {basic}"
    assert env["GIT_TERMINAL_PROMPT"] == "0"


def test_without_a_token_or_a_server_no_header_is_set(monkeypatch):
    monkeypatch.delenv("GIT_CONFIG_COUNT", raising=False)
    assert "GIT_CONFIG_COUNT" not in git._env(None, "https://github.com")
    assert "GIT_CONFIG_COUNT" not in git._env("t0ken", None)


def test_a_failing_git_command_is_a_git_error_with_its_message(tmp_path, monkeypatch):
    for name in [n for n in os.environ if n.startswith("GIT_")]:
        monkeypatch.delenv(name)  # a hook's GIT_DIR would name a repository
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    with pytest.raises(git.GitError) as caught:
        git.git(tmp_path, "rev-parse", "HEAD")
    assert str(caught.value).startswith("git rev-parse failed (128): ")
    assert "not a git repository" in str(caught.value)
