"""The link checker: model -> links (collect) -> check -> results.

`collect` lists each distinct URL with every place it is used; `checker.run_check`
fetches them concurrently under global and per-host limits (`schedule`, `gate`) and
returns one `Result` per URL, whatever a server sends: `client` sends one request over
`readme_gen.net` (which vets addresses, says what can be fetched and names what went
wrong), `policy` holds the pure status rules, `verdict` the pure rules from an attempt to
a result (titles through `titles`, moves, metadata drift), and `preprints` asks the arXiv
API about listed preprints. `readme_gen.publish.report` formats the results. Nothing here
prints or exits: `readme_gen.commands.links` does.
"""
