"""pyproject.toml and environment.yml must list the same dependencies with the same bounds."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[1]
# PyPI name -> conda-forge name, where they differ.
CONDA_NAMES = {"matplotlib": "matplotlib-base"}
# In environment.yml but not a Python dependency of the project.
CONDA_ONLY = {"python", "pip"}


def split(requirement: str) -> tuple[str, str]:
    """Split 'name>=1,<2' into ('name', '>=1,<2') with the name lower-cased."""
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", requirement)
    return match.group(1).lower(), match.group(2).replace(" ", "")


def pyproject_requirements() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = list(data["project"]["dependencies"])
    for group in data.get("dependency-groups", {}).values():
        requirements += [r for r in group if isinstance(r, str)]
    pairs = dict(split(r) for r in requirements)
    return {CONDA_NAMES.get(name, name): spec for name, spec in pairs.items()}


def environment_requirements() -> dict[str, str]:
    lines = (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("dependencies:")
    entries = [line.strip()[2:] for line in lines[start + 1:] if line.strip().startswith("- ")]
    pairs = dict(split(entry) for entry in entries)
    return {name: spec for name, spec in pairs.items() if name not in CONDA_ONLY}


def test_same_packages_in_both_files():
    pyproject, environment = pyproject_requirements(), environment_requirements()
    assert sorted(pyproject) == sorted(environment), (
        f"only in pyproject.toml: {sorted(set(pyproject) - set(environment))}; "
        f"only in environment.yml: {sorted(set(environment) - set(pyproject))}")


def test_same_version_bounds_in_both_files():
    pyproject, environment = pyproject_requirements(), environment_requirements()
    differ = {name: (pyproject[name], environment.get(name)) for name in pyproject if pyproject[name] != environment.get(name)}
    assert not differ, f"version bounds differ (pyproject, environment.yml): {differ}"


def test_environment_uses_conda_forge_only():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    channels = re.search(r"channels:\n((?:\s+- .*\n)+)", text).group(1).split()
    assert [c for c in channels if c != "-"] == ["conda-forge", "nodefaults"]


def test_doctor_minimums_match_pyproject():
    from crmlessons.doctor import REQUIRED

    pyproject = pyproject_requirements()
    for name, minimum in REQUIRED.items():
        spec = pyproject[CONDA_NAMES.get(name, name)]
        assert f">={minimum}" in spec.split(","), f"doctor says {name}>={minimum}, pyproject says {spec}"


def test_lock_file_matches_pyproject():
    lock = (ROOT / "uv.lock").read_text(encoding="utf-8")
    for name in pyproject_requirements():
        pypi_name = {v: k for k, v in CONDA_NAMES.items()}.get(name, name)
        assert f'name = "{pypi_name}"' in lock, f"{pypi_name} is missing from uv.lock: run `uv lock`"
