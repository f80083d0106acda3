"""`export` on adopted lists: no year (a date gives it, and the month), no authors or
venue, the list's own fields, Markdown values as plain text, links to the repository."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import bibtexparser
import pytest

from readme_gen.escape import plain_text
from readme_gen.publish.citations import to_bibtex
from readme_gen.readme.adopt import take
from tests.support import shapes
from tests.support.adopted_lists import SHAPES, adopt_into, with_local_links, with_notes
from tests.support.bibtex import braced


def bibtex(text: str):
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    return {e.key: {f.key: f.value for f in e.fields} for e in library.entries}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_shape_exports_without_none_or_empty_fields(cli, tmp_path, shape):
    adopt_into(tmp_path, SHAPES[shape]())
    for fmt in ("json", "csv", "bibtex"):
        result = cli("export", "--format", fmt, cwd=tmp_path)
        assert result.code == 0, result.err
        assert "None" not in result.out
    entries = bibtex(cli("export", "--format", "bibtex", cwd=tmp_path).out)
    assert len(entries) == 8
    for fields in entries.values():
        assert all(value.strip("{}") for value in fields.values())  # no `author = {}`
        assert fields["year"] in {p[3] for p in shapes.PAPERS}


def test_the_date_gives_year_and_month(cli, tmp_path):
    adopt_into(tmp_path, SHAPES["table"]())
    out = cli("export", "--format", "bibtex", cwd=tmp_path).out
    entries = bibtex(out)
    first = entries["anon2025pains"]
    assert (first["year"], first["month"]) == ("2025", "jan")
    assert "  month = jan,\n" in out  # BibTeX's month macro, unbraced
    assert "author" not in first
    assert [kind for kind, _, _ in braced(out)] == ["inproceedings", "article", "article"] + [
        "inproceedings"
    ] * 4 + ["inproceedings"]
    rows = list(csv.DictReader(io.StringIO(cli("export", "--format", "csv", cwd=tmp_path).out)))
    assert (rows[0]["year"], rows[0]["date"]) == ("2025", "2025-01-10")
    data = json.loads(cli("export", "--format", "json", cwd=tmp_path).out)
    assert (data[0]["year"], data[0]["date"]) == (2025, "2025-01-10")


def test_the_list_s_own_fields_and_markdown_values(cli, tmp_path):
    adopt_into(tmp_path, with_notes())
    rows = list(csv.DictReader(io.StringIO(cli("export", "--format", "csv", cwd=tmp_path).out)))
    assert list(rows[0]) == [
        "section",
        "title",
        "authors",
        "venue",
        "year",
        "links",
        "date",
        "note",
    ]
    assert rows[1]["note"] == "Streams gradients through R&D *tiles*"  # unescaped, no markup
    assert rows[2]["note"] == "Attention over whole slides"  # a link becomes its text
    assert rows[2]["title"].startswith("Gigapixel end-to-end")  # no `**`
    assert rows[7]["title"] == "Hard-Attention for Scalable Image Classification"
    entries = bibtex(cli("export", "--format", "bibtex", cwd=tmp_path).out)
    assert entries["anon2024pushing"]["note"] == r"Streams gradients through R\&D *tiles*"
    assert (
        entries["anon2023gigapixel"]["title"]
        == "{Gigapixel end-to-end training using streaming and attention}"
    )
    data = json.loads(cli("export", "--format", "json", cwd=tmp_path).out)
    assert data[0]["fields"] == {"note": "Recycles **sub-salient** patches"}  # as written
    assert data[2]["title"].startswith("**Gigapixel**")


def test_an_abstract_goes_to_bibtex_as_plain_text():
    adoption = take(with_notes(), title="x", path="README.md", header="")
    section = adoption.catalog.sections[0]
    first = replace(section.papers[0], extra=(("abstract", "We *recycle*\n\npatches."),))
    catalog = replace(adoption.catalog, sections=(replace(section, papers=(first,)),))
    fields = bibtex(to_bibtex(catalog, plain_text))["anon2025pains"]
    assert fields["abstract"] == "We recycle patches."


def test_links_to_the_repository_s_files_are_no_url(cli, tmp_path):
    text = with_local_links().replace(
        "(https://openaccess.thecvf.com/b.html)", "(./papers/tsft.pdf)"
    )
    adopt_into(tmp_path, text)
    out = cli("export", "--format", "bibtex", cwd=tmp_path).out
    assert "./" not in out and "README_2" not in out
    entries = bibtex(out)
    assert entries["li2023task"]["url"] == "https://github.com/h/tsft"  # the first web link
    data = json.loads(cli("export", "--format", "json", cwd=tmp_path).out)
    assert data[3]["links"]["Paper"] == "./papers/tsft.pdf"  # JSON: the data as it is
