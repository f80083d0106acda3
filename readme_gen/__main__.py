"""`python -m readme_gen` is the same as the `readme-gen` console script."""

from readme_gen.cli import entry

entry()
