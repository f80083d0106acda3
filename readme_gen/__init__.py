"""readme-gen: a curated paper list kept as data (catalog.yaml -> README.md), with its tooling.

Data flows one way, as typed frozen values:

    catalog.yaml -> load -> validate -> Catalog -> render  -> README.md
                                                -> links   -> Result per URL -> report
                                                -> lint    -> Finding per problem
                                                -> export  -> JSON, CSV, BibTeX
                                                -> publish -> the link audit's issue

Packages, each importing only those listed before it (tests/test_architecture.py checks
this, lazy imports included):

- `position`, `errors`, `text`, `fsutil`, `config`, `venues`: the base (a place in a file,
  located errors, title normalisation, atomic writes, `[tool.readme-gen]`, venue names).
- `catalog`: the model and reading catalog.yaml into it, or writing it back. No network.
- `net`: the wire the checker and the services share: transport, address vetting, what
  can be fetched, typed failure reasons, retry rules.
- `readme`: README.md from the model, and a README parsed back into a catalog.
- `lint`: the rule registry and its checks over the model.
- `metadata`: what a landing page, arXiv or a DOI record says of a paper, compared with
  the catalog.
- `links`: the concurrent link checker: model -> targets -> results.
- `publish`: output for people and GitHub (escaping, the link report, exports, the audit
  issue and its client).
- `commands`: one module per subcommand, each `run(args) -> int` on typed arguments.
- `cli`: the entry point; the only place that maps errors to exit codes.
"""

__version__ = "0.1.0"
DISTRIBUTION = "readme-gen-papers"
"""The name on the package index (`pip install readme-gen-papers`): `readme-gen` there is
another project. The package stays `readme_gen` and the command `readme-gen`."""
HOMEPAGE = "https://github.com/readme-gen/papers-about-high-resolution-image"
