"""The static web page of the list: `build` (catalog -> files), `feed` (Atom), the assets."""
