"""The link checker: model -> links (collect) -> check -> results -> report.

`collect` lists each distinct URL with every place it is used; `checker.run_check`
fetches them concurrently (httpx, tenacity) under global and per-host limits and returns
one `Result` per URL; `report` formats results as text, JSON, Markdown or GitHub
annotations. Nothing here prints or exits: `readme_gen.commands.links` does.
"""
