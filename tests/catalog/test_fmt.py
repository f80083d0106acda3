"""`readme-gen fmt`: the canonical layout, comments and blank lines kept, idempotent."""

from __future__ import annotations

from tests.support.files import snapshot
from tests.support.paths import REPO

MESSY = """\
# My list. Keep this comment.
description: 'Papers.'
title: "Test list"   # the title
sections:
  # first section
  - title: Section One
    id: one
    papers:
      # newest first
      - venue: "CVPR"
        title: A paper
        year: 2024
        authors:
          - Ann Author
          - 'Bob: Author'
        links: {Paper: "https://example.org/a"}

      - title: 'Another: one'   # quoted for the colon
        authors: [Carla Author]
        venue: ECCV
        year: 2023
        links:
          Paper: https://example.org/b
          "Code": https://github.com/x/y
"""

FORMATTED = """\
# My list. Keep this comment.
title: Test list     # the title
description: Papers.
sections:
  # first section
  - id: one
    title: Section One
    papers:
      # newest first
      - title: "A paper"
        authors: [Ann Author, "Bob: Author"]
        venue: CVPR
        year: 2024
        links:
          Paper: https://example.org/a

      - title: "Another: one"   # quoted for the colon
        authors: [Carla Author]
        venue: ECCV
        year: 2023
        links:
          Paper: https://example.org/b
          Code: https://github.com/x/y
"""


def test_fmt_rewrites_to_the_canonical_layout_keeping_comments(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(MESSY, encoding="utf-8")
    check = cli("fmt", "--check")
    assert check.code == 1 and check.out.startswith("--- catalog.yaml (on disk)")
    assert (tmp_path / "catalog.yaml").read_text(encoding="utf-8") == MESSY
    assert cli("fmt").code == 0
    assert (tmp_path / "catalog.yaml").read_text(encoding="utf-8") == FORMATTED


def test_fmt_is_idempotent(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(FORMATTED, encoding="utf-8")
    assert cli("build").code == 0
    before = snapshot(tmp_path)
    assert cli("fmt", "--check").code == 0
    assert cli("fmt").code == 0
    assert snapshot(tmp_path) == before


def test_the_real_catalog_is_formatted(cli):
    result = cli("fmt", "--check", cwd=REPO)
    assert result.code == 0, result.out


def test_fmt_refuses_an_invalid_catalog_and_writes_nothing(cli, tmp_path):
    bad = FORMATTED.replace("authors: [Carla Author]", "autors: [Carla Author]")
    (tmp_path / "catalog.yaml").write_text(bad, encoding="utf-8")
    result = cli("fmt")
    assert result.code == 2 and "unknown key `autors`" in result.err
    assert (tmp_path / "catalog.yaml").read_text(encoding="utf-8") == bad


def test_fmt_rebuilds_the_readme_so_build_check_passes_right_after(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(MESSY, encoding="utf-8")
    (tmp_path / "README.md").write_text("stale\n", encoding="utf-8")
    result = cli("fmt")
    assert result.code == 0
    assert result.err == "formatted catalog.yaml; rebuilt README.md\n"
    assert cli("build", "--check").code == 0
    (tmp_path / "README.md").write_text("stale again\n", encoding="utf-8")
    again = cli("fmt")  # a formatted catalog, a stale README: the README is rebuilt
    assert again.err == "catalog.yaml is formatted; rebuilt README.md\n"
    assert cli("build", "--check").code == 0


def test_fmt_check_writes_no_readme(cli, tmp_path):
    (tmp_path / "catalog.yaml").write_text(FORMATTED, encoding="utf-8")
    assert cli("fmt", "--check").code == 0
    assert not (tmp_path / "README.md").exists()
