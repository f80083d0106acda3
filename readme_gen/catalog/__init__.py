"""The catalog layer: catalog.yaml -> load (screen, yamltree: libyaml's events) -> validate ->
model.Catalog, and the text edits that write it back (emit, fmt, edit). No network code
lives here."""
