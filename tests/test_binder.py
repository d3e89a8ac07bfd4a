"""Binder builds the course from the files it reads, and they agree with pyproject.toml and uv.lock.

repo2docker (Binder's builder) reads the root ``environment.yml`` (the conda file of the README) and then runs
the root ``postBuild``, which installs the package itself without dependencies. A ``binder/`` or ``.binder/``
folder would make repo2docker ignore the root files, so there must be none.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

from test_dependencies import CONDA_NAMES, environment_requirements, pyproject_requirements, split

ROOT = Path(__file__).resolve().parents[1]
PYPI_NAMES = {conda: pypi for pypi, conda in CONDA_NAMES.items()}


def locked_versions() -> dict[str, list[Version]]:
    """Every package in uv.lock with the versions it pins (one per Python range, usually one)."""
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    versions: dict[str, list[Version]] = {}
    for package in lock["package"]:
        if "version" in package:
            versions.setdefault(canonicalize_name(package["name"]), []).append(Version(package["version"]))
    return versions


def environment_lines() -> list[str]:
    lines = (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines()
    return [line.strip()[2:] for line in lines[lines.index("dependencies:") + 1:] if line.strip().startswith("- ")]


def floor(spec: str) -> tuple[int, ...]:
    """``'>=3.10'`` -> ``(3, 10)``: the lowest version a specifier allows."""
    found = re.search(r">=\s*([0-9.]+)", spec)
    assert found, f"no lower bound (>=) in {spec!r}"
    return tuple(int(part) for part in found.group(1).split("."))


def test_binder_reads_the_root_files():
    assert (ROOT / "environment.yml").is_file() and (ROOT / "postBuild").is_file()
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists(), \
        "repo2docker would ignore the root environment.yml and postBuild"
    # Config files that would add a second, competing install of the dependencies.
    for other in ("requirements.txt", "Pipfile", "Dockerfile", "setup.py"):
        assert not (ROOT / other).exists(), f"{other} would change what Binder builds"


def test_postbuild_installs_the_package_itself_without_dependencies():
    script = (ROOT / "postBuild").read_text(encoding="utf-8")
    assert script.startswith("#!/bin/bash\n") and "set -euo pipefail" in script
    if os.name != "nt":
        assert os.access(ROOT / "postBuild", os.X_OK), "repo2docker runs postBuild only when it is executable"
    commands = [shlex.split(line) for line in script.splitlines() if line.strip() and not line.startswith(("#", "set "))]
    assert commands == [["python", "-m", "pip", "install", "--no-deps", "-e", "."]]


def test_every_environment_package_is_locked_at_a_version_its_bounds_allow():
    locked = locked_versions()
    problems = []
    for name, spec in environment_requirements().items():
        pypi = canonicalize_name(PYPI_NAMES.get(name, name))
        if pypi not in locked:
            problems.append(f"{name}: not in uv.lock")
            continue
        allowed = SpecifierSet(spec)
        problems += [f"{name}: uv.lock pins {v}, environment.yml allows {spec}" for v in locked[pypi] if v not in allowed]
    assert not problems, "\n".join(problems)


def test_every_pyproject_dependency_is_in_environment_yml_and_back():
    environment = {canonicalize_name(name) for name in environment_requirements()}
    pyproject = {canonicalize_name(name) for name in pyproject_requirements()}
    assert environment == pyproject, (f"only in environment.yml: {sorted(environment - pyproject)}; "
                                      f"only in pyproject.toml: {sorted(pyproject - environment)}")


def test_the_python_floor_agrees_everywhere():
    import importlib.util

    python = dict(split(line) for line in environment_lines())["python"]
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))["requires-python"]
    spec = importlib.util.spec_from_file_location("course", ROOT / "course.py")
    course = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(course)
    assert floor(python) == floor(requires) == floor(lock) == tuple(course.MIN_PYTHON)


def test_the_floor_parser_reads_bounds():
    assert floor(">=3.10") == (3, 10) and floor(">=3.11,<4") == (3, 11)
    with pytest.raises(AssertionError):
        floor("==3.12")


def test_the_readme_badge_launches_this_repository_at_the_first_lesson():
    """The badge is built from pyproject's one repository address, and opens the notebook that exists."""
    repository = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]["Repository"]
    owner_name = repository.removeprefix("https://github.com/").strip("/")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    badge = re.search(r"\(https://mybinder\.org/v2/gh/([^/]+/[^/]+)/main\?urlpath=lab/tree/([^)]+)\)", readme)
    assert badge, "README has no Binder badge"
    assert badge.group(1) == owner_name
    assert (ROOT / badge.group(2)).is_file()
