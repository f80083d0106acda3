#!/usr/bin/env python3
"""The run step of the readme-gen GitHub Action (action.yml): runs the chosen command with the
action's own readme-gen, writes the job summary, and exits with the command's code.

Inputs come from the environment (INPUT_COMMAND, INPUT_CATALOG, INPUT_CACHE, INPUT_ARGS,
INPUT_TOKEN), never from text spliced into a shell line: a catalog path or an extra argument
is data, not code. Extra arguments are split like a shell would (quotes), never evaluated.

    check   README.md in sync (`build --check`), then `lint`; extra arguments go to lint
    lint    `lint` (annotations on the catalog, the findings in the summary)
    links   `links` with the cache; the report in the summary; exit 1 on failing links
    audit   `links`, then `audit-issue` keeps the one link-audit issue up to date; failing
            links are the issue's business, so the step fails only on a real error (exit >= 2)
    site    `site` into $RUNNER_TEMP/readme-gen-site (the `site` output, for Pages); extra
            arguments go to it (e.g. `--report FILE`)
    contribute  `contribute` on the `issues` event ($GITHUB_EVENT_PATH) with the token: an
            "add a paper" issue becomes a checked pull request; extra arguments go to it

Exit codes are readme-gen's: 0 fine, 1 findings, 2 bad input, 3 a bug.
"""

from __future__ import annotations

import enum
import os
import re
import secrets
import shlex
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from readme_gen.escape import terminal, workflow_command

# A job summary is at most 1 MiB per step (GitHub's limit); a runaway output stays well below.
SUMMARY_LIMIT = 64 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Command(enum.Enum):
    CHECK = "check"
    LINT = "lint"
    LINKS = "links"
    AUDIT = "audit"
    SITE = "site"
    CONTRIBUTE = "contribute"


@dataclass(frozen=True)
class Inputs:
    command: Command
    catalog: str
    cache: str
    args: tuple[str, ...]
    report: Path
    site: Path


class InputError(Exception):
    """A bad action input: reported as `::error::` and exit 2."""


def parse_inputs(env: Mapping[str, str]) -> Inputs:
    name = env.get("INPUT_COMMAND", "check").strip()
    try:
        command = Command(name)
    except ValueError:
        choices = ", ".join(c.value for c in Command)
        raise InputError(f"command `{name}` is not one of {choices}") from None
    try:
        args = tuple(shlex.split(env.get("INPUT_ARGS", "")))
    except ValueError as exc:
        raise InputError(f"args: {exc} (quote like a shell: 'two words')") from None
    catalog = env.get("INPUT_CATALOG", "").strip() or "catalog.yaml"
    cache = env.get("INPUT_CACHE", "").strip() or ".readme-gen-cache.json"
    # Outside the workspace, so a report never lands in the list's own files.
    report = Path(env.get("RUNNER_TEMP") or ".") / "readme-gen-report.json"
    site = Path(env.get("RUNNER_TEMP") or ".") / "readme-gen-site"
    return Inputs(command, catalog, cache, args, report, site)


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def readme_gen(*args: str, token: str = "") -> Outcome:
    """One `readme-gen` run with this interpreter's readme-gen (the action's own install).
    Only the runs that need it (audit-issue, contribute) get the token."""
    env = {k: v for k, v in os.environ.items() if k not in ("INPUT_TOKEN", "GITHUB_TOKEN")}
    if token:
        env["GITHUB_TOKEN"] = token
    done = subprocess.run(
        [sys.executable, "-m", "readme_gen", *args],
        capture_output=True,
        text=True,
        errors="replace",
        env=env,
        check=False,
    )
    return Outcome(done.returncode, done.stdout, done.stderr)


def fenced(text: str) -> str:
    """`text` as a Markdown code block that no content can close early or turn into markup:
    the fence is longer than any run of backticks inside; control characters are dropped;
    a runaway output is cut, saying so."""
    text = _CONTROL.sub("", text)
    if len(text) > SUMMARY_LIMIT:
        cut = len(text) - SUMMARY_LIMIT
        text = text[:SUMMARY_LIMIT] + f"\n… {cut} more characters (see the job log)"
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text.rstrip()}\n{fence}\n"


def _verdict(code: int) -> str:
    return {0: "passed", 1: "found problems"}.get(code, "failed")


def section(title: str, outcome: Outcome) -> str:
    body = (outcome.out + outcome.err).strip()
    block = fenced(body) if body else ""
    return f"### {title}: {_verdict(outcome.code)} (exit {outcome.code})\n\n{block}\n"


def run_check(inputs: Inputs) -> tuple[int, str]:
    catalog = ("--catalog", inputs.catalog)
    build = readme_gen("build", "--check", *catalog)
    lint = readme_gen("lint", *catalog, *inputs.args)
    summary = section("README.md in sync", build) + section("Lint", lint)
    _annotate(inputs, lint.code)
    return max(build.code, lint.code), summary


def run_lint(inputs: Inputs) -> tuple[int, str]:
    lint = readme_gen("lint", "--catalog", inputs.catalog, *inputs.args)
    _annotate(inputs, lint.code)
    return lint.code, section("Lint", lint)


def _annotate(inputs: Inputs, code: int) -> None:
    """Findings as annotations on the catalog's lines (lint's own `github` format)."""
    if code == 1:
        github = readme_gen("lint", "--catalog", inputs.catalog, *inputs.args, "--format", "github")
        sys.stdout.write(github.out)  # lint's own annotations, escaped by readme_gen/escape


def run_site(inputs: Inputs) -> tuple[int, str]:
    site = readme_gen(
        "site", "--catalog", inputs.catalog, "--output", str(inputs.site), *inputs.args
    )
    relay(site.err, sys.stderr)
    return site.code, section("Site", site)


def run_contribute(inputs: Inputs, env: Mapping[str, str]) -> tuple[int, str]:
    """The issue of the event (read by `contribute` from $GITHUB_EVENT_PATH, never from an
    input) checked, commented on, and its pull request opened, updated or closed."""
    contribute = readme_gen(
        "contribute", "--catalog", inputs.catalog, *inputs.args, token=env.get("INPUT_TOKEN", "")
    )
    relay(contribute.out, sys.stdout)
    relay(contribute.err, sys.stderr)
    return contribute.code, section("Add a paper", contribute)


def run_links(inputs: Inputs, env: Mapping[str, str]) -> tuple[int, str]:
    inputs.report.parent.mkdir(parents=True, exist_ok=True)
    links = readme_gen(
        "links",
        "--catalog",
        inputs.catalog,
        "--cache",
        inputs.cache,
        *inputs.args,
        "--format",
        "json",
        "--output",
        str(inputs.report),
    )
    relay(links.err, sys.stderr)
    if links.code > 1:
        return links.code, section("Links", links)
    markdown = inputs.report.with_suffix(".md")
    rendered = readme_gen(
        "audit-issue", "--report", str(inputs.report), "--markdown", str(markdown)
    )
    if rendered.code != 0:
        return max(rendered.code, 2), section("Link report", rendered)
    summary = markdown.read_text(encoding="utf-8")
    if inputs.command is Command.LINKS:
        return links.code, summary
    repo = env.get("GITHUB_REPOSITORY", "")
    run_url = "{}/{}/actions/runs/{}".format(
        env.get("GITHUB_SERVER_URL", "https://github.com"), repo, env.get("GITHUB_RUN_ID", "")
    )
    issue = readme_gen(
        "audit-issue",
        "--report",
        str(inputs.report),
        "--repo",
        repo,
        "--run-url",
        run_url,
        token=env.get("INPUT_TOKEN", ""),
    )
    relay(issue.out, sys.stdout)
    relay(issue.err, sys.stderr)
    return issue.code, summary


def main(env: Mapping[str, str] | None = None) -> int:
    env = os.environ if env is None else env
    try:
        inputs = parse_inputs(env)
    except InputError as exc:
        print(workflow_command("error", str(exc), title="readme-gen action"))
        return 2
    if inputs.command in (Command.LINKS, Command.AUDIT):
        code, summary = run_links(inputs, env)
    elif inputs.command is Command.CHECK:
        code, summary = run_check(inputs)
    elif inputs.command is Command.SITE:
        code, summary = run_site(inputs)
    elif inputs.command is Command.CONTRIBUTE:
        code, summary = run_contribute(inputs, env)
    else:
        code, summary = run_lint(inputs)
    _write_summary(env, f"## readme-gen {inputs.command.value}\n\n{summary}")
    _write_output(env, "report", str(inputs.report))
    _write_output(env, "site", str(inputs.site))
    print(terminal(f"readme-gen {inputs.command.value}: {_verdict(code)} (exit {code})"))
    return code


def relay(text: str, stream: TextIO) -> None:
    """A run's output into the job log, where the runner would act on any line that reads
    as a workflow command (an argument or a server's text may hold a newline and
    `::warning::`): between `::stop-commands::` and its one-time token, nothing is."""
    if text:
        token = secrets.token_hex(16)
        stream.write(f"::stop-commands::{token}\n{text.rstrip()}\n::{token}::\n")


def _write_summary(env: Mapping[str, str], text: str) -> None:
    path = env.get("GITHUB_STEP_SUMMARY")
    if path:
        with Path(path).open("a", encoding="utf-8") as handle:
            handle.write(text.rstrip() + "\n")
    else:
        relay(text, sys.stdout)


def _write_output(env: Mapping[str, str], name: str, value: str) -> None:
    path = env.get("GITHUB_OUTPUT")
    if path and "\n" not in value:
        with Path(path).open("a", encoding="utf-8") as handle:
            handle.write(f"{name}={value}\n")


if __name__ == "__main__":
    sys.exit(main())
