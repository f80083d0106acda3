"""`links` on adopted lists (each shape): links to the repository's own files are looked
up, not fetched; a paper listed twice is checked once; papers without a year or authors
are checked like the rest; `--fix-redirects` edits the one scalar and the README rebuilds
byte for byte but for the fixed URL."""

from __future__ import annotations

import json

import pytest

from tests.support import shapes
from tests.support.adopted_lists import SHAPES, adopt_into, repeated, with_local_links
from tests.support.servers import page


def tags(authors: str, year: str) -> str:
    """The meta tags the drift check reads: authors and a date."""
    named = "".join(f'<meta name="citation_author" content="{a}">' for a in authors.split(", "))
    return named + f'<meta name="citation_date" content="{year}/01/01">'


def served(server, text: str, *, years: dict[int, str] | None = None) -> str:
    """`text` with each paper's links pointing at the test server, which serves the paper's
    page there (its authors, and its year or the one `years` gives by paper number)."""
    for n, (title, authors, _venue, year, url, code) in enumerate(shapes.PAPERS):
        meta = tags(authors, (years or {}).get(n, year))
        server.routes[f"/p{n}"] = lambda h, _n, t=title, x=meta: h.reply(200, page(t, x))
        server.routes[f"/c{n}"] = lambda h, _n, t=title: h.reply(200, page(t))
        text = text.replace(f"({url})", f"({server.url(f'/p{n}')})")
        if code:
            text = text.replace(f"({code})", f"({server.url(f'/c{n}')})")
    server.routes["/odd"] = lambda h, _n: h.reply(200, page("An entry that breaks the pattern"))
    return text.replace("(https://a.example/odd)", f"({server.url('/odd')})")


def report(cli, *args: str):
    result = cli("links", "--allow-private", "--format", "json", *args)
    assert "Traceback" not in result.err
    return result.code, {link["url"]: link for link in json.loads(result.out)["links"]}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_shape_is_checked(cli, tmp_path, server, shape):
    adopt_into(tmp_path, served(server, SHAPES[shape]()))
    code, links = report(cli)
    assert code == 0, links
    assert len(links) >= len(shapes.PAPERS)
    assert {link["status"] for link in links.values()} == {"ok"}


def test_links_to_the_repository_s_files_are_looked_up_not_fetched(cli, tmp_path, server):
    text = served(server, with_local_links()).replace(
        "(./citations/tsft.txt)", "(./citations/tsft.txt) | [up](../outside.txt)"
    )
    adopt_into(tmp_path, text)
    (tmp_path / "citations").mkdir()
    (tmp_path / "citations" / "tsft.txt").write_text("@misc{x}", encoding="utf-8")
    (tmp_path / "README_2.md").write_text("# More\n", encoding="utf-8")
    code, links = report(cli)
    assert code == 1  # the missing file is a broken link
    assert links["./citations/tsft.txt"]["status"] == "ok"
    assert links["README_2.md#dps"]["status"] == "ok"
    missing = links["./citations/missing.txt"]
    assert (missing["status"], missing["reason"]) == ("broken", "missing-file")
    assert "no file citations/missing.txt" in missing["detail"]
    assert missing["papers"][0]["title"] == shapes.PAPERS[4][0]
    assert links["../outside.txt"]["status"] == "excluded"
    fetched = [path for _, _, path in server.recorder.requests]
    assert not [p for p in fetched if "citations" in p or "README_2" in p or "outside" in p]
    text_report = cli("links", "--allow-private")
    assert "catalog.yaml:" in text_report.out and "./citations/missing.txt" in text_report.out


def test_an_exclude_pattern_still_excludes_a_local_link(cli, tmp_path, server):
    adopt_into(tmp_path, served(server, with_local_links()))
    code, links = report(cli, "--exclude", r"^\./citations/")
    assert links["./citations/missing.txt"]["status"] == "excluded"
    assert links["README_2.md#dps"]["status"] == "broken"  # no README_2.md here
    assert code == 1


def test_a_paper_listed_twice_is_checked_once(cli, tmp_path, server):
    adopt_into(tmp_path, served(server, repeated()))
    code, links = report(cli)
    assert code == 0
    assert server.recorder.count("/p0") == 1 and server.recorder.count("/c0") == 1
    # stored once (`see:` in the second section), so the report names it once
    assert len(links[server.url("/p0")]["papers"]) == 1


def dated() -> str:
    """A table of titles, authors and dates: no year column."""
    out = ["# Dated", "", "| Title | Authors | Date |", "|---|---|---|"]
    for n, (title, authors, _venue, year, url, _code) in enumerate(shapes.PAPERS):
        out.append(f"| [{title}]({url}) | {authors} | {year}-{n + 1:02d}-01 |")
    return "\n".join(out) + "\n"


def test_a_paper_dated_but_without_a_year_is_compared_by_its_date(cli, tmp_path, server):
    adopt_into(tmp_path, served(server, dated(), years={3: "2019"}))
    assert "year:" not in (tmp_path / "catalog.yaml").read_text(encoding="utf-8")
    code, links = report(cli, "--strict")
    assert code == 1
    drifted = [link for link in links.values() if link["status"] == "drift"]
    assert [link["url"] for link in drifted] == [server.url("/p3")]
    assert "2019" in drifted[0]["detail"] and "2023" in drifted[0]["detail"]
    # the table without authors: nothing to compare, no crash
    adopt_into(tmp_path, served(server, SHAPES["table"]()))
    code, links = report(cli)
    assert code == 0 and {link["status"] for link in links.values()} == {"ok"}


def test_fix_redirects_edits_the_one_scalar_and_the_readme_rebuilds(cli, tmp_path, server):
    for shape in sorted(SHAPES):
        folder = tmp_path / shape
        folder.mkdir()
        text = served(server, SHAPES[shape]())
        old, new = server.url("/p2"), server.url("/p2-moved")
        server.routes["/p2"] = lambda h, _n, to=new: h.reply(301, headers={"Location": to})
        server.routes["/p2-moved"] = lambda h, _n: h.reply(200, page(shapes.PAPERS[2][0]))
        catalog = adopt_into(folder, text)
        before = catalog.read_text(encoding="utf-8")
        result = cli("links", "--allow-private", "--fix-redirects", cwd=folder)
        assert result.code == 0, result.err
        assert catalog.read_text(encoding="utf-8") == before.replace(old, new), result.err
        assert before.count(old) == 1
        readme = (folder / "README.md").read_bytes()
        assert readme == text.replace(old, new).encode("utf-8")
        assert cli("build", "--check", cwd=folder).code == 0


def test_the_audit_issue_reads_an_adopted_list_s_report(cli, tmp_path, server):
    moved_to = server.url("/p1-moved")
    server.routes["/p1-moved"] = lambda h, _n: h.reply(200, page(shapes.PAPERS[1][0]))
    text = served(server, with_local_links())
    server.routes["/p1"] = lambda h, _n: h.reply(301, headers={"Location": moved_to})
    server.routes["/p3"] = lambda h, _n: h.reply(404)
    text = text.replace(shapes.PAPERS[5][0], r"Differentiable \*Patch\* Selection [x](#y)")
    adopt_into(tmp_path, text)
    out = cli("links", "--allow-private", "--format", "json", "-o", "report.json")
    assert out.code == 1, out.err
    result = cli("audit-issue", "--report", "report.json", "--markdown", "-")
    assert result.code == 0, result.err
    body = result.out
    assert "| broken | 4 |" in body and "| moved | 1 |" in body
    # a missing file: its path as text (no link, no archive), led by its reason
    missing = next(row for row in body.splitlines() if "citations\\/missing" in row)
    assert missing.startswith("| Efficient Classification of Very Large Images with Tiny Objects |")
    assert "| \\.\\/citations\\/missing\\.txt |" in missing
    assert "[missing\\-file\\] no file citations" in missing and "archive" not in missing
    assert f"<{server.url('/p3')}>" in body and "archived copies" in body  # a web link has one
    # a Markdown title is shown as its words, not its markup
    assert "| Differentiable \\*Patch\\* Selection x | <" in body
    assert "\\\\" not in body
