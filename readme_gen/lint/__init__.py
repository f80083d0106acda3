"""Lint rules over the catalog model: Catalog -> checks -> located findings.

`registry` says what a rule is (code, name, severity, summary, check); `rules` holds the
checks and `RULES`, the one declaration of each; `config` reads `[tool.readme-gen.lint]`
(venue aliases, ignores checked against the registry). Nothing here prints:
`readme_gen.commands.lint` does.
"""
