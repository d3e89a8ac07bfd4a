"""course.py: the cross-platform entry point of the README's two commands."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("course", ROOT / "course.py")
course = importlib.util.module_from_spec(spec)
spec.loader.exec_module(course)


def test_lessons_are_copied_into_the_work_folder_without_overwriting(tmp_path):
    course.copy_lessons(tmp_path)
    start = tmp_path / "00_start_here.ipynb"
    assert start.read_bytes() == (ROOT / "notebooks" / "00_start_here.ipynb").read_bytes()
    start.write_text("my answers", encoding="utf-8")
    course.copy_lessons(tmp_path)
    assert start.read_text(encoding="utf-8") == "my answers"


def test_work_folder_option(tmp_path):
    assert course.work_folder(["--work", str(tmp_path)]) == tmp_path.resolve()
    assert course.work_folder([]) == Path.home() / "crmlessons-work"


def test_unknown_command_is_refused_with_the_list():
    result = subprocess.run([sys.executable, str(ROOT / "course.py"), "tset"], capture_output=True, text=True)
    assert result.returncode != 0
    assert "Unknown command 'tset'" in result.stderr and "test" in result.stderr


def test_readme_quick_start_is_exactly_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line for line in block.splitlines()[1:] if line.strip()]
    assert commands == ["python course.py", "python course.py test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python course.py test" in ci
