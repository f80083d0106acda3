"""`fmt` on adopted lists: the layout `import` wrote is left as it is (and said so), so the
catalog stays valid and the README builds back identical."""

from __future__ import annotations

import pytest

from tests.support.adopted_lists import SHAPES, adopt_into


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_fmt_leaves_an_adopted_catalog_as_it_is(cli, tmp_path, shape, ending):
    path = adopt_into(tmp_path, SHAPES[shape]())
    text = "# kept: a comment of ours\n" + path.read_text(encoding="utf-8")
    path.write_bytes(text.replace("\n", ending).encode("utf-8"))
    before = path.read_bytes()
    check = cli("fmt", "--check", cwd=tmp_path)
    assert check.code == 0, check.out + check.err
    assert "an adopted list: fmt leaves the layout" in check.err
    result = cli("fmt", cwd=tmp_path)
    assert result.code == 0 and "Traceback" not in result.err
    assert path.read_bytes() == before
    assert cli("build", "--check", cwd=tmp_path).code == 0
