"""README.md from the model (render, markdown escaping, GitHub's heading slugs), and the
inverse: a README in the list's format parsed back into a catalog (parse)."""
