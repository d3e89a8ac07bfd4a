"""Committed notebooks are executed, clean and reproducible (nbval itself compares their outputs)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "notebooks" / "zh").glob("*.ipynb"))
ABSOLUTE_PATH = re.compile(r"(/home/|/root/|/Users/|/tmp/|/work/|[A-Z]:\\\\Users)")
MEMORY_ADDRESS = re.compile(r"at 0x[0-9a-f]{6,}")


def outputs_text(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [json.dumps(o, ensure_ascii=False) for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"]]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_committed_executed_without_errors(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    assert code and all(c["execution_count"] is not None for c in code), "run `python course.py execute`"
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), "cells were not run top to bottom"
    assert not [o for c in code for o in c["outputs"] if o["output_type"] == "error"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_outputs_have_no_paths_addresses_or_widget_ids(path):
    for text in outputs_text(path):
        assert not ABSOLUTE_PATH.search(text), text[:300]
        assert not MEMORY_ADDRESS.search(text), text[:300]
        assert "application/vnd.jupyter.widget-view+json" not in text


def test_re_executing_twice_changes_nothing(tmp_path):
    """Executing a lesson (its English notebook, then its Chinese edition built from it) twice gives the same files."""
    copy = tmp_path / "00_start_here.ipynb"
    shutil.copy(ROOT / "notebooks" / "00_start_here.ipynb", copy)
    (tmp_path / "zh" / "text").mkdir(parents=True)
    shutil.copy(ROOT / "notebooks" / "zh" / "text" / "00_start_here.md", tmp_path / "zh" / "text")
    script = [sys.executable, str(ROOT / "scripts" / "execute_notebooks.py"), str(copy)]
    subprocess.run(script, check=True, capture_output=True)
    first = copy.read_bytes(), (tmp_path / "zh" / copy.name).read_bytes()
    subprocess.run(script, check=True, capture_output=True)
    assert (copy.read_bytes(), (tmp_path / "zh" / copy.name).read_bytes()) == first
