"""The editor schema (schema/catalog.schema.json) and the validator agree: every fixture
catalog, valid and invalid, gets the same verdict from both."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from readme_gen.catalog.load import load_catalog
from readme_gen.errors import CatalogError
from tests.support.paths import FIXTURES, REPO

SCHEMA = json.loads((REPO / "schema" / "catalog.schema.json").read_text(encoding="utf-8"))
CATALOGS = sorted((FIXTURES / "catalogs").glob("*/*.yaml"))


def schema_verdict(path: Path) -> bool:
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(SCHEMA)
    return not list(validator.iter_errors(data))


def our_verdict(path: Path) -> bool:
    try:
        load_catalog(path, today=dt.date(2025, 6, 1))
    except CatalogError:
        return False
    return True


def test_the_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", CATALOGS, ids=[f"{p.parent.name}/{p.stem}" for p in CATALOGS])
def test_schema_and_validator_agree(path):
    expected = path.parent.name == "valid"
    assert our_verdict(path) is expected
    assert schema_verdict(path) is expected


def test_the_real_catalog_is_valid_for_both_and_points_to_the_schema():
    catalog = REPO / "catalog.yaml"
    assert schema_verdict(catalog) and our_verdict(catalog)
    first = catalog.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/catalog.schema.json"
