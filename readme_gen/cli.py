"""The entry point: parses the command line, runs one command, maps errors to exit codes.

Exit codes everywhere: 0 fine, 1 findings (stale README, failing links, lint problems),
2 bad input or usage, 3 unexpected error. Only this module and the command modules print.
Commands are imported lazily, one per run, so `readme-gen build --check` (which runs in
every contributor's pre-commit) never pays for the HTTP stack or ruamel.yaml.

A command declares its flags once, in `add_arguments`, and the frozen dataclass its `run`
takes (e.g. `BuildArgs`); `arguments` fills that dataclass from the parsed flags by field
name, so commands never see argparse's Namespace.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol, get_type_hints

from readme_gen import HOMEPAGE, __version__
from readme_gen.errors import CatalogError, ConfigError, ReadmeGenError

REST = "flags"
"""A dataclass field of this name takes every parsed flag no other field names, by name
(`links`: the flags generated from the declared link settings)."""


class Command(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...
    def run(self, args: Any) -> int: ...  # args: the dataclass named in its signature


# name -> (module, one-line help). Adding a command is one line here plus its module.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("readme_gen.commands.init", "make this folder a paper list kept by readme-gen"),
    "build": ("readme_gen.commands.build", "write README.md from the catalog, or --check it"),
    "import": ("readme_gen.commands.import_readme", "read a README in the list's format"),
    "lint": ("readme_gen.commands.lint", "validate and lint the catalog"),
    "links": ("readme_gen.commands.links", "check every paper link"),
    "add": ("readme_gen.commands.add", "add a paper from its landing page and flags"),
    "sync": ("readme_gen.commands.sync", "carry README.md edits over to catalog.yaml, or --check"),
    "fmt": ("readme_gen.commands.fmt", "rewrite the catalog in its canonical layout"),
    "section": ("readme_gen.commands.section", "add a section: section add ID --title TEXT"),
    "export": ("readme_gen.commands.export", "export the list as json, bibtex or csv"),
    "site": ("readme_gen.commands.site", "write the list's web page and feed"),
    "added": ("readme_gen.commands.added", "fill each paper's `added` date from git history"),
    "audit-issue": (
        "readme_gen.commands.audit_issue",
        "keep the link audit's one issue up to date",
    ),
    "contribute": (
        "readme_gen.commands.contribute",
        "turn an add-paper issue into a checked pull request (in a workflow)",
    ),
}


def _parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readme-gen",
        description="Keep a curated paper list as data: catalog.yaml -> README.md.",
        epilog=f"Documentation: {HOMEPAGE}",
    )
    parser.add_argument("--version", action="version", version=f"readme-gen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    chosen = next((a for a in argv if not a.startswith("-")), None)
    for name, (module, summary) in COMMANDS.items():
        p = sub.add_parser(name, help=summary, description=summary[0].upper() + summary[1:] + ".")
        if name == chosen:
            command: Command = importlib.import_module(module)
            command.add_arguments(p)
            p.set_defaults(run=command.run)
    return parser


def arguments(run: Callable[[Any], int], parsed: argparse.Namespace) -> object:
    """The typed arguments `run` takes (the dataclass in its signature), filled from the
    parsed flags by field name. A flag no field takes is a bug in the command's
    declaration, found here (and by tests/test_cli.py for every command)."""
    kind = get_type_hints(run)["args"]
    values = {k: v for k, v in vars(parsed).items() if k not in ("command", "run")}
    names = [f.name for f in dataclasses.fields(kind)]
    given = {name: values.pop(name) for name in names if name != REST}
    if REST in names:
        given[REST], values = values, {}
    if values:
        raise TypeError(f"{kind.__name__} has no field for {', '.join(sorted(values))}")
    return kind(**given)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code. Never lets a traceback reach the user."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        parsed = _parser(args_list).parse_args(args_list)
        code: int = parsed.run(arguments(parsed.run, parsed))
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2
    except CatalogError as exc:
        print(exc, file=sys.stderr)
        n = len(exc.problems)
        print(
            f"readme-gen: {n} problem{'s' if n != 1 else ''}; nothing was written", file=sys.stderr
        )
        return exc.exit_code
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        print("readme-gen: invalid configuration; nothing was written", file=sys.stderr)
        return exc.exit_code
    except ReadmeGenError as exc:
        print(f"readme-gen: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("readme-gen: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:  # the environment refused something no helper wrapped: exit 2
        if os.environ.get("READMEGEN_DEBUG"):
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"readme-gen: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # the one catch-all: turn a bug into a message, exit 3
        if os.environ.get("READMEGEN_DEBUG"):
            raise
        print(
            f"readme-gen: unexpected error: {type(exc).__name__}: {exc}\n"
            f"hint: this is a bug in readme-gen; rerun with READMEGEN_DEBUG=1 for the "
            f"traceback and report it at {HOMEPAGE}/issues",
            file=sys.stderr,
        )
        return 3
    return code


def entry() -> None:
    """The console script: run, flush, and exit without tearing down the heap. A large
    catalog is hundreds of thousands of objects; freeing them one by one at interpreter
    exit would only delay the exit code. Every file is written and closed by then.

    Start-up imports a few thousand functions and classes that live until exit; with the
    cyclic collector's default threshold (700 allocations) they set off dozens of
    collections that free nothing (~8 ms of `readme-gen links`' start-up, measured). A
    short-lived batch process can afford a larger young generation (as mypy does)."""
    gc.set_threshold(50_000, 20, 20)
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)
