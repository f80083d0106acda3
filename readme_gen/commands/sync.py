"""`readme-gen sync [--catalog PATH] [--readme PATH] [--check] [--diff] [--summary PATH]
[--hook]`: README edits become catalog edits.

README.md is read back into entries (the reader `import` uses), compared with catalog.yaml,
and each entry that changed (a field, a new entry, one removed, one moved to another
section) is edited into catalog.yaml in place, comments and layout kept
(`readme_gen.readme.sync`). README.md is then rebuilt from the new catalog; where the
rebuild writes what the contributor wrote in the generator's own form (its escaping, its
order), a note says so. What the catalog cannot hold is refused, located, exit 2, nothing
written.

`--check` writes nothing and exits 1 with the catalog's diff when the README has edits the
catalog does not (CI); `--summary PATH` then appends that diff, made inert, to a Markdown
file (`$GITHUB_STEP_SUMMARY`). `--hook` is the pre-commit hook's mode: when catalog.yaml
changed too (git), the two must already agree, else it refuses and says which to keep."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from readme_gen.catalog.load import parse_catalog, read_text
from readme_gen.commands.common import add_catalog_argument, catalog_path, readme_path
from readme_gen.errors import CatalogError, Problem, UsageError
from readme_gen.fsutil import write_atomic
from readme_gen.position import Position
from readme_gen.readme.render import render
from readme_gen.readme.sync import canonical_differences, lost_text, plan_sync

NOTES = 3
"""How many canonical differences a note shows."""


@dataclass(frozen=True, slots=True)
class SyncArgs:
    catalog: Path | None
    readme: Path | None
    check: bool
    diff: bool
    summary: Path | None
    hook: bool


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_catalog_argument(parser)
    parser.add_argument(
        "--readme",
        type=Path,
        metavar="PATH",
        help="the README that was edited (default: README.md, or [tool.readme-gen] output)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 and print the catalog's diff when the README has edits "
        "the catalog does not",
    )
    parser.add_argument(
        "--diff", action="store_true", help="print the unified diff of the catalog on stdout"
    )
    parser.add_argument(
        "--summary",
        type=Path,
        metavar="PATH",
        help="with --check: append the catalog change, as Markdown with the diff made inert, "
        "to PATH (CI: $GITHUB_STEP_SUMMARY)",
    )
    parser.add_argument(
        "--hook",
        action="store_true",
        help="the pre-commit hook: when git shows the catalog changed too, only check that "
        "the two agree",
    )


def _changed_in_git(path: Path) -> bool:
    """Whether git shows `path` changed (staged or not) since the last commit."""
    try:
        done = subprocess.run(
            ["git", "status", "--porcelain", "--", path.name],
            cwd=path.parent.resolve(),
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise UsageError(f"--hook: cannot run git: {exc}") from None
    if done.returncode != 0:
        raise UsageError(f"--hook: {path.parent} is not in a git repository")
    return bool(done.stdout.strip())


def run(args: SyncArgs) -> int:
    source, target = catalog_path(args.catalog), readme_path(args.readme)
    if args.summary is not None and not args.check:
        raise UsageError("--summary goes with --check (it describes what would change)")
    text = read_text(source)
    readme = read_text(target)
    if args.hook and _changed_in_git(source) and _changed_in_git(target):
        current = parse_catalog(text, str(source), source.parent)
        if current.adopted and any(s.file for s in current.sections):
            return 0
        if render(current) == readme:
            return 0  # both changed, and they agree: nothing to carry over
        print(
            f"readme-gen sync: both {target} and {source} changed, and they disagree: keep "
            f"one. To keep {source}'s, run `readme-gen build` (it rewrites {target} from the "
            f"catalog). To keep {target}'s, restore the catalog (`git restore --staged "
            f"--worktree {source}`) and commit again: the hook then carries the README's "
            "edits over.",
            file=sys.stderr,
        )
        return 1
    old = parse_catalog(text, str(source), source.parent)
    if old.adopted and any(s.file for s in old.sections):
        raise UsageError(
            f"{source}: this list goes on in further Markdown files; sync reads {target} only "
            "(edit the catalog itself)"
        )
    synced = plan_sync(readme, str(target), text, str(source), source.parent, loaded=old)
    rebuilt = render(synced.catalog)
    lost = lost_text(readme, rebuilt, synced.catalog.adopted)
    if lost is not None:
        line, written = lost
        raise CatalogError(
            [
                Problem(
                    str(target),
                    Position(line, 1),
                    f"`{_short(written)}` is text the catalog cannot hold",
                    "entries in the list's form, or an edit of catalog.yaml itself",
                )
            ]
        )
    changed = synced.text != text
    # a/ and b/, as git writes them: `git apply` takes the suggestion as it is
    name = source.as_posix()
    before, after = (name, name) if source.is_absolute() else (f"a/{name}", f"b/{name}")
    diff = synced.diff(text, before, after)
    from readme_gen.escape import terminal

    for change in synced.changes:
        print(terminal(change), file=sys.stderr)
    _notes(readme, rebuilt, target)
    if args.check:
        if not changed:
            print(f"{source} is in sync with {target}", file=sys.stderr)
            return 0
        sys.stdout.writelines(diff)
        if args.summary is not None:
            _summary(args.summary, diff, source, target)
        print(
            f"{target} has edits {source} does not: run `readme-gen sync` to carry them over",
            file=sys.stderr,
        )
        return 1
    if args.diff:
        sys.stdout.writelines(diff)
    if changed:
        write_atomic(source, synced.text.encode("utf-8"))
        print(f"wrote {source}", file=sys.stderr)
    else:
        print(f"{source} is in sync with {target}", file=sys.stderr)
    if rebuilt != readme:
        write_atomic(target, rebuilt.encode("utf-8"))
        print(f"wrote {target}", file=sys.stderr)
    return 0


def _short(text: str) -> str:
    from readme_gen.escape import terminal
    from readme_gen.text import shorten

    return shorten(terminal(text.strip()), 80)


def _notes(readme: str, rebuilt: str, target: Path) -> None:
    found = list(canonical_differences(readme, rebuilt))
    if not found:
        return
    shown = "; ".join(f"line {n}: `{_short(t)}`" for n, t in found[:NOTES])
    more = f" and {len(found) - NOTES} more" if len(found) > NOTES else ""
    print(
        f"note: {target} is rebuilt in readme-gen's own form: {len(found)} line(s) written "
        f"otherwise ({shown}{more})",
        file=sys.stderr,
    )


def _fence(text: str) -> str:
    """A backtick fence longer than any run of backticks in `text`: nothing in it can
    close the block, and inside it nothing renders (no link, mention, HTML)."""
    runs = [len(r) for r in re.findall(r"`+", text)]
    return "`" * max(3, max(runs, default=0) + 1)


def _summary(path: Path, diff: list[str], source: Path, target: Path) -> None:
    from readme_gen.escape import terminal

    body = "".join(terminal(line.rstrip("\n")) + "\n" for line in diff)
    fence = _fence(body)
    text = (
        f"### {target.name} edits, as a change of {source.name}\n\n"
        f"This pull request edits {target.name}, which is generated from {source.name}. "
        f"`readme-gen sync` carries the edits over; this is the change it makes to "
        f"{source.name} (commit it with the README):\n\n"
        f"{fence}diff\n{body}{fence}\n"
    )
    with path.open("a", encoding="utf-8") as out:
        out.write(text)
