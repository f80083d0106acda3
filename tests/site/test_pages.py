"""Publishing: `init` writes the Pages workflow, the action's `site` command, the repo's own
workflow (both linted by `make lint`: actionlint, zizmor --pedantic)."""

from __future__ import annotations

from ruamel.yaml import YAML

from readme_gen import __version__
from tests.support.action import action, env, summary
from tests.support.paths import REPO

PINNED = {
    "actions/upload-pages-artifact": "56afc609e74202658d3ffba0e8f6dda462b719fa",
    "actions/deploy-pages": "d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e",
}


def steps(workflow, job):
    return {s.get("name", s.get("uses", "")): s for s in workflow["jobs"][job]["steps"]}


def test_init_writes_the_pages_workflow_using_this_release(cli, tmp_path):
    assert cli("init", "--title", "T").code == 0
    flow = YAML(typ="safe").load((tmp_path / ".github/workflows/pages.yml").read_text("utf-8"))
    assert flow["permissions"] == {}
    assert set(flow["on"]) == {"push", "pull_request", "workflow_run", "workflow_dispatch"}
    build = steps(flow, "build")["Build the site"]
    assert build["uses"].endswith(f"@v{__version__}") and build["with"]["command"] == "site"
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert flow["jobs"]["build"]["permissions"] == {"contents": "read", "actions": "read"}
    uses = [s["uses"] for job in flow["jobs"].values() for s in job["steps"] if "uses" in s]
    for name, sha in PINNED.items():
        assert f"{name}@{sha}" in uses


def test_the_repository_publishes_its_own_list_the_same_way():
    own = (REPO / ".github/workflows/pages.yml").read_text("utf-8")
    template = (REPO / "readme_gen/templates/init/pages.yml").read_text("utf-8")
    body = template.split("\nname: Pages\n", 1)[1]
    expected = body.replace(
        "uses: @ACTION@",
        "uses: ./ # zizmor: ignore[self-repository] (./ is the documented local-action form)",
    ).replace("@CATALOG@", "catalog.yaml")
    assert own.split("\nname: Pages\n", 1)[1] == expected


def test_the_action_builds_the_site_into_its_output(paper_list):
    inputs = env(paper_list, command="site", args="--repository o/r")
    assert action.main(inputs) == 0
    site = paper_list / "temp" / "readme-gen-site"
    assert (site / "index.html").is_file() and (site / "feed.xml").is_file()
    assert f"site={site}\n" in (paper_list / "output.txt").read_text("utf-8")
    assert "### Site: passed (exit 0)" in summary(paper_list)
    bad = env(paper_list, command="site", args="--report missing.json")
    assert action.main(bad) == 2
