"""What readme-gen publishes beyond the README, all through one escaping layer
(`readme_gen.escape`): the link report (`report`: text, JSON, Markdown, GitHub
annotations), the Markdown of findings (`findings`), exports (JSON, CSV, BibTeX), the
link-audit issue body (`audit`), and the small GitHub client that keeps that issue up to
date (`github`)."""
