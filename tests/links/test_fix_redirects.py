"""`links --fix-redirects` against hostile Location headers (issue 19 item 7): a target the
catalog cannot hold is reported as moved, not fixed, and the healthy moves are still fixed;
a flow-style `links: {...}` line is edited in place; a raw UTF-8 Location is the URL the
server meant. And `catalog.fix`, the catalog's half, on plain values."""

from __future__ import annotations

from pathlib import Path

import pytest

from readme_gen.catalog.fix import Move, fix, refused
from readme_gen.catalog.load import load_catalog
from readme_gen.position import Position
from tests.support.catalogs import TITLE_A, TITLE_B, write_catalog
from tests.support.servers import page


def moved(server, old: str, location: str, served: list[str], title: str) -> None:
    server.routes[old] = lambda h, n: h.reply(301, headers={"Location": location})
    for path in served:
        server.routes[path] = lambda h, n: h.reply(200, page(title))


@pytest.mark.parametrize(
    ("location", "served"),
    [
        ('/x"<>', ['/x"<>', "/x%22%3C%3E"]),
        ("/" + "a" * 9_000, ["/" + "a" * 9_000]),
    ],
    ids=["markup", "9000-characters"],
)
def test_a_target_the_catalog_refuses_stays_moved_and_the_rest_is_fixed(
    cli, tmp_path, server, location, served
):
    moved(server, "/a", location, served, TITLE_A)
    moved(server, "/b", "/b-new", ["/b-new"], TITLE_B)
    path = write_catalog(tmp_path, server.url("/a"), server.url("/b"))
    before = path.read_text(encoding="utf-8")
    result = cli("links", "--allow-private", "--fix-redirects", "--format", "json")
    assert result.code == 0, result.err
    assert path.read_text(encoding="utf-8") == before.replace(
        server.url("/b"), server.url("/b-new")
    )
    assert f"catalog.yaml:12:18: {server.url('/a')} -> " in result.err
    assert "not fixed, the target cannot be written" in result.err
    assert "fixed 1 moved link(s)" in result.err
    assert '"status": "moved"' in result.out and TITLE_B in (tmp_path / "README.md").read_text()


def test_a_flow_style_links_line_is_edited_in_place(cli, tmp_path, server):
    moved(server, "/a", "/a-new", ["/a-new", "/code"], TITLE_A)
    server.routes["/b"] = lambda h, n: h.reply(200, page(TITLE_B))
    path = write_catalog(tmp_path, server.url("/a"), server.url("/b"))
    flow = path.read_text(encoding="utf-8").replace(
        f"links:\n          Paper: {server.url('/a')}\n",
        f"links: {{Paper: {server.url('/a')}, Code: {server.url('/code')}}}  # flow\n",
    )
    path.write_text(flow, encoding="utf-8")
    result = cli("links", "--allow-private", "--fix-redirects")
    assert result.code == 0, result.err
    assert path.read_text(encoding="utf-8") == flow.replace(
        f"Paper: {server.url('/a')},", f'Paper: "{server.url("/a-new")}",'
    )  # quoted: emit's flow scalars are conservative about `:`


def test_a_raw_utf8_location_is_the_url_the_server_meant(cli, tmp_path, server):
    # the header's bytes are UTF-8; http.server writes a str header as Latin-1
    raw = "/café".encode().decode("latin-1")
    moved(server, "/a", raw, ["/caf%C3%A9"], TITLE_A)
    server.routes["/b"] = lambda h, n: h.reply(200, page(TITLE_B))
    path = write_catalog(tmp_path, server.url("/a"), server.url("/b"))
    result = cli("links", "--allow-private", "--fix-redirects")
    assert result.code == 0, result.err
    assert f"Paper: {server.url('/caf%C3%A9')}\n" in path.read_text(encoding="utf-8")
    assert "Ã" not in path.read_text(encoding="utf-8")


def test_refused_applies_the_catalogs_own_url_rules():
    assert refused("https://example.org/ok?a=(1)") is None
    for hostile in ('https://x.org/"<>', "https://x.org/\u2028", "https://x.org/" + "a" * 9000):
        assert refused(hostile) is not None, hostile


def test_fix_takes_plain_values_and_skips_what_it_cannot_write(tmp_path):
    path = write_catalog(tmp_path, "https://example.org/a", "https://example.org/b")
    text = path.read_text(encoding="utf-8")
    moves = [
        Move(Position(12, 18), "https://example.org/a", "https://example.org/\u2028"),
        Move(Position(18, 18), "https://example.org/b", "https://example.org/b2"),
    ]
    done = fix(text, moves, "catalog.yaml", Path(tmp_path))
    assert done.text == text.replace("/b\n", "/b2\n")
    assert [m.new for m in done.fixed] == ["https://example.org/b2"]
    assert [m.old for m, _ in done.skipped] == ["https://example.org/a"]
    path.write_text(done.text, encoding="utf-8")
    assert load_catalog(path) == done.catalog


def test_location_url_percent_encodes_outside_the_host():
    from readme_gen.net.urls import location_url

    as_latin1 = "https://bücher.de/ä?q=é".encode().decode("latin-1")
    assert location_url(as_latin1) == "https://bücher.de/%C3%A4?q=%C3%A9"
    assert location_url("/caf\xe9") == "/caf%E9"  # not UTF-8: the bytes as they came
    assert location_url("/plain?a=1") == "/plain?a=1"
