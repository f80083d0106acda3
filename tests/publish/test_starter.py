"""What init writes from the adopter's own list: the guide's examples, the schema line,
the description, the .gitignore line."""

from __future__ import annotations

from pathlib import Path

from readme_gen.catalog.load import parse_catalog
from readme_gen.catalog.model import Catalog, Link, Paper, Section
from readme_gen.publish.starter import (
    description,
    gitignore_text,
    maintaining_text,
    schema_comment,
)


def paper(venue: str) -> Paper:
    return Paper("T", ("A",), venue, 2024, (Link("Paper", "https://e.org/"),))


def catalog(*venues: str, section: str = "diffusion") -> Catalog:
    papers = tuple(paper(v) for v in venues)
    return Catalog("T", "D", (), (Section(section, "S", papers), Section("other", "O", ())))


def test_the_guide_takes_its_examples_from_the_adopters_catalog():
    guide = maintaining_text(catalog("NeurIPS", "ICLR", "NeurIPS"))
    assert "readme-gen add URL --section diffusion --venue NeurIPS\n" in guide
    assert "2412.10181" not in guide and "CVPR" not in guide  # this list's own examples
    assert "@REF@" in guide  # the release tokens are init's to fill


def test_the_guide_keeps_placeholders_for_what_the_catalog_lacks():
    empty = Catalog("T", "D", (), ())
    assert "--section SECTION-ID --venue VENUE" in maintaining_text(empty)


def test_a_venue_that_is_not_a_plain_word_never_reaches_the_shell_example():
    guide = maintaining_text(catalog("```\n$(rm -rf ~)", "A `b`", "x" * 40))
    assert "--venue VENUE" in guide and "rm -rf" not in guide


def test_a_tie_between_venues_is_broken_by_name():
    assert "--venue CVPR\n" in maintaining_text(catalog("ICCV", "CVPR"))


def test_the_description_reads_as_a_sentence():
    assert description("Awesome Diffusion Models for Vision") == (
        "A curated list of papers on Diffusion Models for Vision."
    )
    assert description("papers about zooming") == "A curated list of papers on zooming."
    assert description("Awesome") == "A curated list of papers on Awesome."


def test_the_schema_line_names_the_release_and_a_catalog_keeps_it(tmp_path):
    line = schema_comment("v1.2.3")
    assert line.startswith("# yaml-language-server: $schema=https://raw.githubusercontent.com/")
    assert line.endswith("/v1.2.3/schema/catalog.schema.json\n")
    text = line + "title: T\ndescription: D.\nsections:\n  - id: a\n    title: A\n    papers: []\n"
    assert parse_catalog(text, "c.yaml", Path(tmp_path)).sections[0].id == "a"


def test_gitignore_gains_the_cache_line_once():
    fresh = gitignore_text(None)
    assert fresh.endswith(".readme-gen-cache*\n")
    kept = gitignore_text("node_modules/\n")
    assert kept.startswith("node_modules/\n\n#") and kept.endswith(".readme-gen-cache*\n")
    assert gitignore_text(kept) == kept
    assert (
        gitignore_text("x")
        == "x\n\n# readme-gen's link cache (readme-gen links --cache)\n.readme-gen-cache*\n"
    )
