"""Helpers shared by the test modules: their one home. A test module imports from here (or
uses a conftest fixture), never from another test module; tests/test_architecture.py checks it."""
