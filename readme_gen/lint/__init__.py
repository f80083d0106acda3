"""Lint rules over the catalog model: stable ids, severities, located findings."""
