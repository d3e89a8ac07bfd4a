"""Fixtures every test module shares."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest

from crmlessons import datasets, i18n
from crmlessons.workfolder import WORK_ENV

# Whatever the tests, doctests and notebooks (nbval's kernels inherit this process's environment) record or
# save, results.json included, goes to a scratch folder of this run, never the developer's own work folder.
SCRATCH_WORK = tempfile.mkdtemp(prefix="crmlessons-test-work-")
os.environ[WORK_ENV] = SCRATCH_WORK
os.environ.pop("CRMLESSONS_STUDENT", None)
atexit.register(shutil.rmtree, SCRATCH_WORK, ignore_errors=True)


def pytest_configure(config):
    config.addinivalue_line("markers", "server: starts a real local server (Voila) for a few seconds")


@pytest.fixture(scope="module")
def case():
    """The shipped case tables, read once per test module."""
    return datasets.load_case()


@pytest.fixture(autouse=True)
def english_afterwards():
    """Every test starts in English: a test that switches to Chinese cannot leak its language."""
    yield
    i18n.set_language("en")
