"""What readme-gen publishes beyond the README: exports (JSON, CSV, BibTeX), the link-audit
issue body, and the small GitHub client that keeps that issue up to date."""
