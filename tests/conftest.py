"""Fixtures every test module shares."""

from __future__ import annotations

import pytest

from crmlessons import datasets, i18n


@pytest.fixture(scope="module")
def case():
    """The shipped case tables, read once per test module."""
    return datasets.load_case()


@pytest.fixture(autouse=True)
def english_afterwards():
    """Every test starts in English: a test that switches to Chinese cannot leak its language."""
    yield
    i18n.set_language("en")
