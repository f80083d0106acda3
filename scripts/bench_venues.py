#!/usr/bin/env python3
"""Metadata you can trust, in figures, all against local servers (no network):

1. the fields `readme-gen add` stores for realistic cases (CVF, NeurIPS, PMLR, OpenReview,
   Springer landing pages; arXiv with and without a journal_ref; a DOI), for this tree and,
   with `--baseline DIR` (e.g. `git archive main readme_gen | tar -x -C DIR`), for another;
2. precision and recall of the drift rules on the drift corpus (names, years), both trees;
3. precision and recall of venue finding on the venue corpus, and the requests it costs
   per 100 arXiv-only papers.

    python scripts/bench_venues.py [--baseline DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.catalogs import VALID_CATALOG  # noqa: E402
from tests.support.paths import FIXTURES  # noqa: E402
from tests.support.servers import ScriptedServer  # noqa: E402


def meta(**tags: str | list[str]) -> bytes:
    out = [
        f'<meta name="{name}" content="{value}">'
        for name, values in tags.items()
        for value in (values if isinstance(values, list) else [values])
    ]
    return f"<html><head><title>x</title>{''.join(out)}</head><body></body></html>".encode()


PAGES = {
    "cvf": meta(
        citation_title="InstructPix2Pix: Learning To Follow Image Editing Instructions",
        citation_author=["Brooks, Tim", "Holynski, Aleksander", "Efros, Alexei A."],
        citation_publication_date="2023",
        citation_conference_title="Proceedings of the IEEE/CVF Conference on Computer Vision "
        "and Pattern Recognition (CVPR)",
    ),
    "neurips": meta(
        citation_title="Denoising Diffusion Probabilistic Models",
        citation_author=["Ho, Jonathan", "Jain, Ajay", "Abbeel, Pieter"],
        citation_journal_title="Advances in Neural Information Processing Systems",
        citation_volume="33",
        citation_publication_date="2020",
    ),
    "pmlr": meta(
        citation_title="Learning Transferable Visual Models From Natural Language Supervision",
        citation_author=["Radford, Alec", "Kim, Jong Wook"],
        citation_publication_date="2021/07/01",
        citation_conference_title="Proceedings of the 38th International Conference on "
        "Machine Learning",
    ),
    "openreview": meta(
        citation_title="An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
        citation_authors="Alexey Dosovitskiy; Lucas Beyer; Alexander Kolesnikov",
        citation_online_date="2021/01/12",
        citation_conference_title="International Conference on Learning Representations",
    ),
    "springer": meta(
        citation_title="U-Net: Convolutional Networks for Biomedical Image Segmentation",
        citation_author=["Olaf Ronneberger", "Philipp Fischer", "Thomas Brox"],
        citation_publication_date="2015/11/18",
        citation_conference_title="Medical Image Computing and Computer-Assisted Intervention"
        " – MICCAI 2015",
    ),
}


def feed(arxiv: str, title: str, published: str, journal_ref: str) -> bytes:
    ref = (
        f'<arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">{journal_ref}'
        "</arxiv:journal_ref>"
        if journal_ref
        else ""
    )
    return (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>'
        f"<id>http://arxiv.org/abs/{arxiv}v1</id><published>{published}T00:00:00Z</published>"
        f"<title>{title}</title><author><name>A. Author</name></author>{ref}</entry></feed>"
    ).encode()


FEEDS = {
    "2211.09800": feed("2211.09800", "InstructPix2Pix", "2022-11-17", "CVPR 2023"),
    "2303.08774": feed("2303.08774", "GPT-4 Technical Report", "2023-03-15", ""),
}


def serve() -> tuple[ScriptedServer, dict[str, str]]:
    srv = ScriptedServer(("127.0.0.1", "127.0.0.2"))
    for name, body in PAGES.items():
        srv.routes[f"/{name}"] = lambda h, n, body=body: h.reply(200, body)

    def arxiv(handler, nth):
        wanted = handler.path.split("id_list=")[1].split("&")[0]
        handler.reply(200, FEEDS[wanted], content_type="application/atom+xml")

    csl = (FIXTURES / "metadata" / "crossref_csl.json").read_bytes()
    srv.routes["/api/query"] = arxiv
    srv.routes["/doi/10.1109/CVPR52729.2023.00708"] = lambda h, n: h.reply(
        200, csl, content_type="application/vnd.citationstyles.csl+json"
    )
    env = {
        "READMEGEN_ARXIV_API_URL": srv.url("/api/query"),
        "READMEGEN_DOI_URL": srv.url("/doi/"),
    }
    return srv, env


def add_case(tree: Path, srv: ScriptedServer, env: dict[str, str], given: str) -> str:
    """The entry `add` stores, as `venue / year`, run by the tree's own code."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "catalog.yaml").write_text(VALID_CATALOG, encoding="utf-8")
        code = "import sys; from readme_gen.cli import main; sys.exit(main(sys.argv[1:]))"
        target = srv.url(f"/{given}") if given in PAGES else given
        run = subprocess.run(
            [sys.executable, "-c", code, "add", target, "--allow-private"],
            cwd=folder,
            env={**os.environ, **env, "PYTHONPATH": str(tree)},
            capture_output=True,
            text=True,
            timeout=60,
        )
        if run.returncode:
            return f"exit {run.returncode}: {run.stderr.strip().splitlines()[-1][:60]}"
        text = (Path(folder) / "catalog.yaml").read_text(encoding="utf-8")
        entry = text[len(VALID_CATALOG) :] or text
        fields = {}
        for line in entry.splitlines():
            key, _, value = line.strip().partition(": ")
            if key in ("venue", "year") and key not in fields:
                fields[key] = value
        return f"{fields.get('venue', '?')} / {fields.get('year', '?')}"


def drift_scores(tree: Path) -> str:
    """The drift corpus scored by the tree's own rules."""
    code = (
        "from readme_gen.links.verdict import metadata_drift\n"
        "from readme_gen.metadata.names import same_person\n"
        "from tests.metadata import corpus\n"
        "print('names:', corpus.names(same_person))\n"
        "print('years:', corpus.years(metadata_drift))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tempfile.gettempdir(),  # not ROOT: `-c` puts the working directory first
        env={**os.environ, "PYTHONPATH": f"{tree}{os.pathsep}{ROOT}"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return run.stdout.strip() or run.stderr.strip()[-300:]


def venue_finding() -> None:
    from readme_gen.links.results import Result, Status, Use
    from readme_gen.links.suggest import searched
    from readme_gen.position import Position
    from tests.metadata import venue_corpus
    from tests.support.clock import FakeSleep
    from tests.support.scholarly import serve as serve_services
    from tests.support.venues import score, settings

    lib = venue_corpus.library()
    cases = venue_corpus.cases()
    # 100 arXiv-only papers: the corpus' mix, repeated under fresh ids
    hundred = []
    for n in range(100):
        case = cases[n % len(cases)]
        if n >= len(cases):
            fresh = f"9{n:03d}.{case.arxiv.split('.')[1]}"
            if case.arxiv in lib.s2:
                lib.s2[fresh] = replace(lib.s2[case.arxiv], arxiv=fresh)
            case = replace(case, arxiv=fresh)
        hundred.append(case)
    srv = ScriptedServer()
    env = serve_services(srv, lib)
    try:
        sleep = FakeSleep()
        check = settings(env)
        results = [
            Result(
                f"https://arxiv.org/abs/{c.arxiv}",
                Status.OK,
                (
                    Use(
                        c.title, Position(n + 1, 1), authors=c.authors, year=c.posted, venue="arXiv"
                    ),
                ),
            )
            for n, c in enumerate(hundred)
        ]
        found = asyncio.run(searched(results, check, sleep=sleep, clock=sleep.clock))
        head = found[: len(cases)]
        precision, recall = score(head, cases)
        print(
            f"venue finding on {len(cases)} papers ({venue_corpus.records()} service records): "
            f"precision {precision:.3f}, recall {recall:.3f}"
        )
        rec = srv.recorder
        print(
            f"requests per 100 arXiv-only papers: {len(rec.requests)} "
            f"({rec.count('/graph/v1/paper/batch')} Semantic Scholar batch, "
            f"{rec.count('/search/publ/api')} DBLP searches), budget {check.max_searches}; "
            f"at the default budget of 50: at most 50"
        )
    finally:
        srv.close()


HOLDOUT = """
import sys
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from tests.metadata import venue_holdout
from tests.support.clock import FakeSleep
from tests.support.scholarly import serve
from tests.support.servers import ScriptedServer
from tests.support.venues import outcomes, preprint, run, settings
from tests.support.venues import score_sets as score
srv = ScriptedServer()
env = serve(srv, venue_holdout.library())
cases = venue_holdout.cases()
sleep = FakeSleep()
found = run([preprint(c, n + 1) for n, c in enumerate(cases)], settings(env), sleep)
p, r = score(found, cases)
got = outcomes(found, cases)
rec = srv.recorder
print(f"A: {len(cases)} papers, {venue_holdout.records()} records: precision {p:.3f}, "
      f"recall {r:.3f}"
      f" ({got.count('right')} right, {got.count('wrong')} wrong, {got.count('missed')} missed);"
      f" {len(rec.requests)} requests ({rec.count('/search/publ/api')} DBLP)")
srv.close()
try:
    from tests.metadata import venue_holdout_b as hb
    from tests.support.venues import score as score_pairs
except ImportError:
    raise SystemExit
srv = ScriptedServer()
env = serve(srv, hb.library())
cases = hb.cases()
found = run([preprint(c, n + 1) for n, c in enumerate(cases)], settings(env), FakeSleep())
p, r = score_pairs(found, cases)
print(f"B: {len(cases)} papers, {hb.records()} records: precision {p:.3f}, recall {r:.3f};"
      f" {len(srv.recorder.requests)} requests")
srv.close()
"""


def holdout_scores(tree: Path) -> str:
    """The held-out corpus (written before the matcher's rules were read) scored by the
    tree's own code: its readme_gen, this tree's corpus and local servers."""
    done = subprocess.run(
        [sys.executable, "-c", HOLDOUT, str(tree), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or done.stderr.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another tree's parent of readme_gen/")
    args = parser.parse_args()
    trees = [("this tree", ROOT)] + ([("baseline", args.baseline)] if args.baseline else [])
    srv, env = serve()
    try:
        cases = [*PAGES, "arXiv:2211.09800", "arXiv:2303.08774", "10.1109/CVPR52729.2023.00708"]
        print("add: venue / year stored")
        print(f"  {'case':30}" + "".join(f" | {name}" for name, _ in trees))
        for given in cases:
            cells = [add_case(tree, srv, env, given) for _, tree in trees]
            print(f"  {given:30}" + "".join(f" | {c}" for c in cells))
    finally:
        srv.close()
    for name, tree in trees:
        print(f"drift corpus, {name}:")
        for line in drift_scores(tree).splitlines():
            print(f"  {line}")
    venue_finding()
    for name, tree in trees:
        print(f"venue finding, held-out corpus, {name}: {holdout_scores(tree)}")
    print(json.dumps({"note": "all figures from local servers; no network"}))


if __name__ == "__main__":
    main()
