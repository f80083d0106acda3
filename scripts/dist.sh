#!/usr/bin/env bash
# Build the release files and smoke-test them, the same way locally (`make dist`) and in the
# release workflow: sdist + wheel from the release lock (no build isolation, so every tool is
# hashed), `twine check`, then the wheel in a clean venv with the runtime lock:
# `readme-gen --version` and `readme-gen build --check` on this repository's own catalog.
#   scripts/dist.sh [PYTHON]     (default python3; writes dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${1:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pip_install() { "$1/bin/python" -m pip install --quiet --disable-pip-version-check "${@:2}"; }

"$PYTHON" -m venv "$work/build"
pip_install "$work/build" --require-hashes --no-deps -r requirements/release.txt
rm -rf dist
"$work/build/bin/python" -m build --no-isolation --sdist --wheel --outdir dist .
"$work/build/bin/python" -m twine check --strict dist/*

# The wheel must carry what readme-gen reads at run time.
wheel=$(ls dist/*.whl)
"$work/build/bin/python" - "$wheel" <<'PY'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
needed = {"readme_gen/py.typed", "readme_gen/templates/init/readme-gen.yml",
          "readme_gen/templates/init/link-audit.yml",
          "readme_gen/templates/init/pre-commit-config.yaml",
          "readme_gen/templates/init/MAINTAINING.md"}
missing = sorted(needed - names)
sys.exit(f"the wheel lacks {missing}" if missing else 0)
PY

"$PYTHON" -m venv "$work/smoke"
pip_install "$work/smoke" --require-hashes --no-deps -r requirements/runtime.txt
pip_install "$work/smoke" --no-deps "$wheel"
version=$("$work/smoke/bin/readme-gen" --version)
expected="readme-gen $("$work/smoke/bin/python" -c 'import importlib.metadata as m; print(m.version("readme-gen-papers"))')"
[ "$version" = "$expected" ] || { echo "version mismatch: $version != $expected" >&2; exit 1; }
# Run from outside the checkout, so the installed wheel (not the source tree) is tested.
(cd "$work" && "$work/smoke/bin/readme-gen" build --check \
  --catalog "$OLDPWD/catalog.yaml" --output "$OLDPWD/README.md")
(cd "$work/smoke" && mkdir adopt && cd adopt && "$work/smoke/bin/readme-gen" init >/dev/null 2>&1 \
  && "$work/smoke/bin/readme-gen" build >/dev/null 2>&1 && "$work/smoke/bin/readme-gen" build --check)
echo "dist: $(ls dist | tr '\n' ' ')- built, checked and smoke-tested ($version)"
