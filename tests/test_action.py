"""scripts/action.py, the GitHub Action's run step, on real paper lists in tmp_path: each
command's exit code, the job summary, annotations, bad inputs, and the audit against a local
server serving GitHub's issue endpoints. action.yml itself is linted by `make lint`
(actionlint, zizmor --pedantic); here, that it runs this script with the inputs it declares."""

from __future__ import annotations

import json
import re

import pytest
from ruamel.yaml import YAML

from tests.support.action import action, env, summary
from tests.support.catalogs import VALID_CATALOG
from tests.support.github import REPO as AUDIT_REPO
from tests.support.github import FakeGitHub
from tests.support.paths import REPO
from tests.support.servers import ScriptedServer, page


def test_action_yml_passes_every_input_the_script_reads():
    spec = YAML(typ="safe").load((REPO / "action.yml").read_text(encoding="utf-8"))
    described = set(re.findall(r"[a-z]+", spec["inputs"]["command"]["description"]))
    assert described >= {c.value for c in action.Command}
    run = next(s for s in spec["runs"]["steps"] if s.get("id") == "run")
    read = set(re.findall(r'"(INPUT_[A-Z]+)"', (REPO / "scripts" / "action.py").read_text()))
    assert read <= set(run["env"]), read - set(run["env"])
    assert run["run"].endswith('/scripts/action.py"')
    # No input is ever spliced into a shell line (template injection): only env carries them.
    for step in spec["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step["name"]


def test_check_passes_on_a_list_in_sync(paper_list, capsys):
    assert action.main(env(paper_list, command="check")) == 0
    text = summary(paper_list)
    assert text.startswith("## readme-gen check\n")
    assert "### README.md in sync: passed (exit 0)" in text
    assert "### Lint: passed (exit 0)" in text
    assert "::error" not in capsys.readouterr().out
    assert (paper_list / "output.txt").read_text().startswith("report=")


def test_check_fails_on_a_stale_readme_with_the_diff_in_the_summary(paper_list):
    (paper_list / "README.md").write_text("a stale README\n", encoding="utf-8")
    assert action.main(env(paper_list, command="check")) == 1
    text = summary(paper_list)
    assert "### README.md in sync: found problems (exit 1)" in text
    assert "-a stale README" in text
    assert (paper_list / "README.md").read_text(encoding="utf-8") == "a stale README\n"


def test_lint_findings_become_annotations(paper_list, capsys):
    twin = VALID_CATALOG.replace('"A paper"', '"Another paper"').split("    papers:\n")[1]
    (paper_list / "catalog.yaml").write_text(VALID_CATALOG + twin, encoding="utf-8")
    assert action.main(env(paper_list, command="lint")) == 1
    out = capsys.readouterr().out
    assert "::error file=catalog.yaml,line=" in out
    assert "RG101" in summary(paper_list)


def test_an_invalid_catalog_is_exit_2_with_the_located_message(paper_list):
    bad = VALID_CATALOG.replace("authors:", "autors:")
    (paper_list / "catalog.yaml").write_text(bad, encoding="utf-8")
    assert action.main(env(paper_list, command="check")) == 2
    assert "catalog.yaml:8:9: unknown key `autors`" in summary(paper_list)


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ({"command": "publish"}, "command `publish` is not one of check, lint, links, audit"),
        ({"command": "lint", "args": "--exclude 'unclosed"}, "args: No closing quotation"),
    ],
)
def test_bad_inputs_are_exit_2_and_run_nothing(paper_list, capsys, inputs, message):
    assert action.main(env(paper_list, **inputs)) == 2
    assert f"::error title=readme-gen action::{message}" in capsys.readouterr().out
    assert summary(paper_list) == ""


def test_extra_arguments_are_split_like_a_shell_never_evaluated(paper_list, capsys):
    marker = paper_list / "pwned"
    hostile = f"--format text $(touch {marker}) ; touch {marker}"
    assert action.main(env(paper_list, command="lint", args=hostile)) == 2
    assert not marker.exists()
    assert "unrecognized arguments: $(touch" in summary(paper_list)


def test_fenced_output_cannot_escape_its_code_block():
    hostile = "``` \n<script>@team</script>\x1b[31m\x07 ```` end"
    block = action.fenced(hostile)
    fence = block.split("text\n", 1)[0]
    assert fence == "`````"
    assert block.endswith(f"\n{fence}\n")
    assert "\x1b" not in block and "\x07" not in block
    assert block.count(fence) == 2


def test_a_runaway_output_is_cut_saying_so():
    block = action.fenced("x" * (action.SUMMARY_LIMIT + 500))
    assert len(block) < action.SUMMARY_LIMIT + 200
    assert "… 500 more characters (see the job log)" in block


@pytest.fixture
def links_list(paper_list):
    server = ScriptedServer()
    server.routes["/ok"] = lambda h, n: h.reply(200, page("A paper"))
    server.routes["/gone"] = lambda h, n: h.reply(404, b"gone")
    catalog = VALID_CATALOG.replace("https://example.org/a", server.url("/ok"))
    catalog += (
        catalog.split("    papers:\n")[1].replace('"A paper"', '"B paper"').replace("/ok", "/gone")
    )
    (paper_list / "catalog.yaml").write_text(catalog, encoding="utf-8")
    yield paper_list
    server.close()


def test_links_reports_in_the_summary_and_keeps_the_cache(links_list):
    code = action.main(env(links_list, command="links", args="--allow-private --retries 0"))
    assert code == 1
    text = summary(links_list)
    assert text.startswith("## readme-gen links\n")
    assert "B paper" in text and "404" in text
    report = json.loads((links_list / "temp" / "readme-gen-report.json").read_text())
    assert report["summary"]["broken"] == 1
    assert (links_list / ".readme-gen-cache.json").is_file()


def test_audit_opens_the_issue_and_passes_the_token_only_to_audit_issue(links_list, monkeypatch):
    github = FakeGitHub()
    monkeypatch.setenv("GITHUB_API_URL", github.url)
    monkeypatch.setenv("GITHUB_TOKEN", "should-not-be-used")
    try:
        inputs = env(links_list, command="audit", args="--allow-private --retries 0", token="t0k")
        inputs |= {"GITHUB_REPOSITORY": AUDIT_REPO, "GITHUB_RUN_ID": "42"}
        assert action.main(inputs) == 0  # failing links are the issue's business
        assert list(github.issues) == [1]
        body = github.issues[1]["body"]
        assert "B paper" in body
        assert f"https://github.com/{AUDIT_REPO}/actions/runs/42" in body
        assert {h["authorization"] for h in github.server.recorder.headers} == {"Bearer t0k"}
    finally:
        github.server.close()


def test_contribute_reads_the_event_file_and_gets_the_token(paper_list, monkeypatch):
    github = FakeGitHub()
    event = paper_list / "event.json"
    issue = {"number": 3, "state": "closed", "labels": [{"name": "add-paper"}], "body": ""}
    repository = {"full_name": AUDIT_REPO, "default_branch": "main"}
    event.write_text(json.dumps({"action": "closed", "issue": issue, "repository": repository}))
    monkeypatch.setenv("GITHUB_API_URL", github.url)
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(event))
    monkeypatch.setenv("GITHUB_TOKEN", "should-not-be-used")
    try:
        assert action.main(env(paper_list, command="contribute", token="t0k")) == 0
        assert "has no open pull request: nothing to do" in summary(paper_list)
        assert {h["authorization"] for h in github.server.recorder.headers} == {"Bearer t0k"}
        assert github.writes() == []
    finally:
        github.server.close()


def _forged(out: str) -> list[str]:
    """Lines the runner would act on: workflow commands outside a stop-commands block."""
    acted, stopped = [], None
    for line in out.splitlines():
        if stopped:
            stopped = None if line == f"::{stopped}::" else stopped
        elif line.startswith("::stop-commands::"):
            stopped = line.removeprefix("::stop-commands::")
        elif line.lstrip().startswith("::"):
            acted.append(line)
    return acted


def test_a_newline_in_the_command_input_cannot_forge_a_workflow_command(paper_list, capsys):
    hostile = "lint\n::warning file=x::forged\r\n::error::forged too"
    assert action.main(env(paper_list, command=hostile)) == 2
    out = capsys.readouterr().out
    assert _forged(out) == [out.strip()]  # one line: the action's own ::error
    assert out.startswith("::error title=readme-gen action::command `lint\\n::warning")


def test_run_output_in_the_log_cannot_forge_a_workflow_command(links_list, capsys):
    """An argument (or a server's text) holding a newline reaches the log through the
    run's own messages: relayed between stop-commands markers, it is shown, not acted on."""
    hostile = "--allow-private '--bogus\n::warning::forged'"
    assert action.main(env(links_list, command="links", args=hostile)) == 2
    captured = capsys.readouterr()
    assert "::warning::forged" in captured.err
    assert _forged(captured.err) == [] and _forged(captured.out) == []
