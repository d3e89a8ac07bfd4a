"""The package installs cleanly (non-editable), ships its data and font, and imports light."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    has_pip = subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode == 0
    has_uv = subprocess.run([sys.executable, "-m", "uv", "--version"], capture_output=True).returncode == 0
    build = (["-m", "uv", "build", "--wheel", "--quiet", "--out-dir", str(out), str(ROOT)] if has_uv
             else ["-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(ROOT)])
    if not (has_uv or has_pip):
        pytest.skip("neither uv nor pip is installed in this environment, so no wheel can be built")
    subprocess.run([sys.executable, *build], check=True, capture_output=True)
    return next(out.glob("crmlessons-*.whl"))


def test_wheel_contains_every_subpackage_the_data_and_the_font(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = {p.parent.relative_to(ROOT).as_posix() for p in (ROOT / "crmlessons").rglob("__init__.py")}
    for package in packages:
        assert f"{package}/__init__.py" in names, f"{package} is not in the wheel: add it to pyproject.toml"
    shipped = {p.name for p in (ROOT / "datasets").glob("*.csv")}
    assert shipped and {f"crmlessons/data/{name}" for name in shipped} <= names
    assert "crmlessons/fonts/NotoSansSC-crmlessons.ttf" in names and "crmlessons/fonts/OFL.txt" in names
    assert not [n for n in names if n.startswith(("tests/", "notebooks/", "scripts/"))]


def test_non_editable_install_reads_its_own_data(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    code = ("import crmlessons, crmlessons.doctor as d; from crmlessons import datasets; "
            "print(crmlessons.__file__); print(d.check_data().ok, d.check_font().ok)")
    result = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": str(target), "PATH": ""},
                            capture_output=True, text=True, cwd=tmp_path, check=True)
    location, status = result.stdout.splitlines()
    assert location.startswith(str(target)), "the installed copy was not the one imported"
    assert status == "True True"


def test_import_crmlessons_stays_light():
    code = "import sys, crmlessons; print(sorted(m for m in ('pandas', 'matplotlib', 'ipywidgets', 'numpy') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
