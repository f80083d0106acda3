"""`readme-gen init [--title TEXT] [--ref TAG]`: make the current folder a paper list kept by
readme-gen, in one step.

Writes catalog.yaml (imported from README.md when there is one, else a list with one empty
section), a workflow that checks every push and pull request, the weekly link audit, the
Pages site, the "add a paper" issue form and the workflow that turns its issues into pull
requests, a .pre-commit-config.yaml using this project's hooks, and a short maintainers'
guide. The workflows and the hooks use this release of readme-gen (its version tag) unless
--ref says otherwise. Overwrites nothing: every target is checked before any is written, and
a failed write removes what this run wrote.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from readme_gen import DISTRIBUTION, HOMEPAGE, __version__
from readme_gen.catalog.emit import dump_catalog
from readme_gen.catalog.load import parse_catalog, parse_tree, read_text
from readme_gen.catalog.model import Catalog, Section
from readme_gen.catalog.validate import validate
from readme_gen.errors import UsageError
from readme_gen.fsutil import write_atomic
from readme_gen.publish.starter import description, gitignore_text, maintaining_text, schema_comment
from readme_gen.readme.adopt import NotAdopted, Summary, take, with_bom
from readme_gen.readme.issue_form import FORM_PATH, render_form

# template (in readme_gen/templates/init) -> where it goes
TEMPLATES: dict[str, str] = {
    "readme-gen.yml": ".github/workflows/readme-gen.yml",
    "link-audit.yml": ".github/workflows/link-audit.yml",
    "pages.yml": ".github/workflows/pages.yml",
    "add-paper.yml": ".github/workflows/add-paper.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "MAINTAINING.md": "MAINTAINING.md",
}
CATALOG = "catalog.yaml"
README = "README.md"
GITIGNORE = ".gitignore"


@dataclass(frozen=True, slots=True)
class InitArgs:
    title: str | None
    ref: str
    format: str


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--title", help="the list's title when there is no README.md (default: the folder's name)"
    )
    parser.add_argument(
        "--ref",
        default=f"v{__version__}",
        metavar="TAG",
        help=f"the readme-gen release the workflows and hooks use (default: v{__version__})",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="what was imported from README.md, as a sentence on standard error (text, "
        "default) or as JSON on standard output: entries, parsed, raw, fields, identical "
        "(false, and exit 2, when the README cannot be adopted as written)",
    )


def starter(title: str) -> Catalog:
    """The catalog of a new, empty list."""
    section = Section(id="papers", title="Papers", papers=())
    return Catalog(title=title, description=description(title), news=(), sections=(section,))


def catalog_text(
    folder: Path, title: str | None, ref: str = f"v{__version__}"
) -> tuple[str, str, Summary | None]:
    """The catalog's YAML, where it came from (for the closing message), and what was
    imported. A README is adopted as it is written, and only when building the catalog
    gives it back byte for byte (`readme.adopt.take`)."""
    readme = folder / README
    name = title or folder.resolve().name
    if readme.exists():
        text = with_bom(readme, read_text(readme))
        adoption = take(text, title=name, path=README, header=schema_comment(ref))
        s = adoption.summary
        source = (
            f"imported from {README} ({s.entries} entries: {s.parsed} read as fields, "
            f"{s.raw} kept as written; it builds {README} back byte for byte)"
        )
        return adoption.yaml, source, s
    catalog = starter(name)
    source = "a new list"
    text = dump_catalog(catalog, header=schema_comment(ref))
    # What we write must load back to the same catalog; a failure here is a bug, not input.
    if validate(parse_tree(text, "<init>"), "<init>", folder) != catalog:
        raise AssertionError("the written catalog does not read back as the imported one")
    return text, source, None


def render_template(name: str, ref: str, text: str | None = None) -> str:
    """A template of readme_gen/templates/init (or `text`, already read) with its
    placeholders filled."""
    if text is None:
        text = resources.files("readme_gen").joinpath("templates", "init", name).read_text("utf-8")
    repository = HOMEPAGE.removeprefix("https://github.com/")
    for token, value in (
        ("@ACTION@", f"{repository}@{ref}"),
        ("@REPOSITORY@", HOMEPAGE),
        ("@REF@", ref),
        ("@VERSION@", __version__),
        ("@DISTRIBUTION@", DISTRIBUTION),
        ("@CATALOG@", CATALOG),
    ):
        text = text.replace(token, value)
    return text


def write_all(folder: Path, files: dict[str, str]) -> None:
    """Write every file, or none: on a failure, remove the files and folders this run made."""
    made: list[Path] = []
    try:
        for relative, text in files.items():
            target = folder / relative
            missing = [p for p in (target.parent, *target.parent.parents) if not p.exists()]
            target.parent.mkdir(parents=True, exist_ok=True)
            made.extend(reversed(missing))
            write_atomic(target, text.encode("utf-8"))
            made.append(target)
    except OSError as exc:
        for path in reversed(made):
            with contextlib.suppress(OSError):
                if path.is_dir():
                    path.rmdir()
                else:
                    path.unlink()
        raise UsageError(f"cannot write {exc.filename or folder}: {exc.strerror}") from None


def refuse_outside(folder: Path, targets: list[str]) -> None:
    """Refuse a target whose folder resolves outside `folder`: a symlinked `.github` (say)
    would have init write to wherever it points."""
    root = folder.resolve()
    outside = [t for t in targets if not (folder / t).parent.resolve().is_relative_to(root)]
    if outside:
        raise UsageError(
            f"{', '.join(outside)}: a folder on the way is a link to outside {folder}; "
            "init wrote nothing (expected real folders inside the repository)"
        )


def run(args: InitArgs) -> int:
    folder = Path.cwd()
    if not args.ref or any(c.isspace() or c in "\"'`$@#:" for c in args.ref):
        raise UsageError(f"--ref `{args.ref}` is not a tag or commit")
    targets = [CATALOG, *TEMPLATES.values(), FORM_PATH]
    existing = [t for t in targets if (folder / t).exists() or (folder / t).is_symlink()]
    if existing:
        raise UsageError(
            f"{', '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; "
            "init overwrites nothing, so it wrote nothing (move them aside first)"
        )
    refuse_outside(folder, targets)
    try:
        text, source, summary = catalog_text(folder, args.title, args.ref)
    except NotAdopted as exc:
        if args.format == "json":  # what was found, `identical` false; nothing written
            print(json.dumps(exc.summary.as_json()))
        raise
    files = {CATALOG: text}
    files.update({target: render_template(name, args.ref) for name, target in TEMPLATES.items()})
    catalog = parse_catalog(text, CATALOG, folder)
    # MAINTAINING.md's examples are the adopter's own: its first section, its venues
    files["MAINTAINING.md"] = render_template("MAINTAINING.md", args.ref, maintaining_text(catalog))
    # the "add a paper" issue form, its dropdown the adopter's sections (build keeps it so)
    files[FORM_PATH] = render_form(catalog)
    ignore = folder / GITIGNORE
    before = read_text(ignore) if ignore.is_file() else None
    ignored = gitignore_text(before)
    if before is None:
        files[GITIGNORE] = ignored
    write_all(folder, files)
    if before is not None and ignored != before:
        try:  # the link cache is ignored: one line added at the end of the adopter's file
            write_atomic(ignore, ignored.encode("utf-8"))
        except OSError as exc:
            undo(folder, list(files))
            raise UsageError(f"cannot write {ignore}: {exc.strerror}") from None
        files[GITIGNORE] = ignored
    for relative in files:
        print(f"wrote {relative}", file=sys.stderr)
    if args.format == "json":
        empty = Summary(identical=True)
        print(json.dumps((summary or empty).as_json()))
    print(
        f"{CATALOG} is {source}. Next: `readme-gen build` writes {README}; commit everything; "
        "`pre-commit install` runs the hooks at each commit (see MAINTAINING.md).",
        file=sys.stderr,
    )
    return 0


def undo(folder: Path, written: list[str]) -> None:
    """Remove the files this run wrote (after a later write failed)."""
    for relative in written:
        with contextlib.suppress(OSError):
            (folder / relative).unlink()
