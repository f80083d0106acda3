"""readme-gen: a curated paper list kept as data (catalog.yaml -> README.md), with its tooling."""

__version__ = "0.1.0"
HOMEPAGE = "https://github.com/readme-gen/papers-about-high-resolution-image"
