"""The link checker: model -> links (collect) -> check -> results -> report.

`collect` lists each distinct URL with every place it is used; `checker.run_check`
fetches them concurrently under global and per-host limits (`schedule`, `gate`) and
returns one `Result` per URL, whatever a server sends: `client` sends one request,
`resolver` vets addresses, `urls` says what can be fetched, `failures` names what went
wrong (a typed `Reason`), `policy` holds the pure retry and status rules, `verdict` the
pure rules from an attempt to a result (titles, moves, metadata drift), and `preprints`
asks the arXiv API about listed preprints. `report` formats results as text, JSON,
Markdown or GitHub annotations. Nothing here prints or exits: `readme_gen.commands.links`
does.
"""
