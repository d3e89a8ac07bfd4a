"""Course updates reach the students: ``copy_lessons`` (run by every ``python course.py``) and ``python course.py update``.

A fake course (two lessons per edition, as small text files) stands in for ``notebooks/``, so a test can
publish a new version of a lesson and see what happens to a student's work folder.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("course", ROOT / "course.py")
course = importlib.util.module_from_spec(spec)
spec.loader.exec_module(course)


@pytest.fixture
def fake_course(tmp_path, monkeypatch):
    """A course with lessons 00 and 01 in both editions; returns a function that publishes a lesson."""
    root = tmp_path / "course"
    (root / "notebooks" / "zh").mkdir(parents=True)
    monkeypatch.setattr(course, "ROOT", root)

    def publish(name: str, text: str) -> None:
        (root / "notebooks" / name).write_text(text, encoding="utf-8")

    for name in ("00_start.ipynb", "01_crm.ipynb", "zh/00_start.ipynb", "zh/01_crm.ipynb"):
        publish(name, f"version 1 of {name}")
    return publish


def files(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (the record folder aside) with its text."""
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*"))
            if p.is_file() and ".crmlessons" not in p.parts}


def beside(name: str, text: str) -> str:
    """The name the new version of an edited lesson gets, computed here from the file's bytes."""
    stem, suffix = name.rsplit(".", 1)
    return f"{stem} (new version {hashlib.sha256(text.encode()).hexdigest()[:8]}).{suffix}"


def test_a_first_run_copies_every_lesson_and_records_each_copy(tmp_path, fake_course, capsys):
    work = tmp_path / "work"
    course.copy_lessons(work)
    assert files(work) == {n: f"version 1 of {n}" for n in
                           ("00_start.ipynb", "01_crm.ipynb", "zh/00_start.ipynb", "zh/01_crm.ipynb")}
    record = json.loads((work / ".crmlessons" / "copied.json").read_text(encoding="utf-8"))
    assert record["zh/01_crm.ipynb"] == hashlib.sha256(b"version 1 of zh/01_crm.ipynb").hexdigest()
    assert capsys.readouterr().out == ""  # a fresh folder: nothing to report file by file


def test_an_unchanged_lesson_is_replaced_by_the_new_version(tmp_path, fake_course, capsys):
    work = tmp_path / "work"
    course.copy_lessons(work)
    fake_course("01_crm.ipynb", "version 2")
    course.copy_lessons(work)
    assert (work / "01_crm.ipynb").read_text(encoding="utf-8") == "version 2"
    assert capsys.readouterr().out == "Updated to the course's new version: 01_crm.ipynb\n"


def test_an_edited_lesson_is_kept_and_the_new_version_put_beside_it(tmp_path, fake_course, capsys):
    work = tmp_path / "work"
    course.copy_lessons(work)
    (work / "zh" / "01_crm.ipynb").write_text("my answers", encoding="utf-8")
    fake_course("zh/01_crm.ipynb", "version 2")
    course.copy_lessons(work, "zh")
    new_name = "zh/" + beside("01_crm.ipynb", "version 2")
    assert files(work)["zh/01_crm.ipynb"] == "my answers"
    assert files(work)[new_name] == "version 2"
    assert capsys.readouterr().out == f"你修改过这一课，所以原样保留；课程的新版本放在旁边：{new_name}\n"


def test_an_edited_lesson_the_course_did_not_change_gets_no_copy_beside_it(tmp_path, fake_course, capsys):
    """The everyday case: a student works in a lesson and opens the course again; nothing new to bring."""
    work = tmp_path / "work"
    course.copy_lessons(work)
    (work / "01_crm.ipynb").write_text("my answers", encoding="utf-8")
    for _ in range(2):
        course.copy_lessons(work)
    assert files(work)["01_crm.ipynb"] == "my answers"
    assert sorted(files(work)) == ["00_start.ipynb", "01_crm.ipynb", "zh/00_start.ipynb", "zh/01_crm.ipynb"]
    assert capsys.readouterr().out == ""
    fake_course("01_crm.ipynb", "version 2")  # a real update later still reaches it, beside the student's work
    course.copy_lessons(work)
    assert files(work)[beside("01_crm.ipynb", "version 2")] == "version 2"


def test_a_new_lesson_is_added(tmp_path, fake_course, capsys):
    work = tmp_path / "work"
    course.copy_lessons(work)
    fake_course("02_funnel.ipynb", "lesson 2")
    course.copy_lessons(work)
    assert files(work)["02_funnel.ipynb"] == "lesson 2"
    assert capsys.readouterr().out == "New lesson: 02_funnel.ipynb\n"


def test_a_folder_filled_by_the_old_course_script_has_no_record(tmp_path, fake_course):
    work = tmp_path / "work"
    (work / "zh").mkdir(parents=True)
    # The old course.py copied version 1 and kept no record; the student then edited lesson 00.
    for name in ("01_crm.ipynb", "zh/00_start.ipynb", "zh/01_crm.ipynb"):
        (work / name).write_text(f"version 1 of {name}", encoding="utf-8")
    (work / "00_start.ipynb").write_text("version 1, with my answers", encoding="utf-8")
    fake_course("00_start.ipynb", "version 2 of 00")
    fake_course("01_crm.ipynb", "version 2 of 01")
    course.copy_lessons(work)
    after = files(work)
    # Without a record, only a byte-for-byte copy of the course's current file counts as unchanged: lesson 01
    # (version 1, the course now at version 2) cannot be told from an edit, so it is kept too.
    assert after["00_start.ipynb"] == "version 1, with my answers"
    assert after[beside("00_start.ipynb", "version 2 of 00")] == "version 2 of 00"
    assert after["01_crm.ipynb"] == "version 1 of 01_crm.ipynb"
    assert after[beside("01_crm.ipynb", "version 2 of 01")] == "version 2 of 01"
    assert after["zh/00_start.ipynb"] == "version 1 of zh/00_start.ipynb"  # equal to the course's: recorded now
    fake_course("zh/00_start.ipynb", "version 2 of zh 00")
    course.copy_lessons(work)
    assert files(work)["zh/00_start.ipynb"] == "version 2 of zh 00"


def test_the_students_own_files_are_never_touched(tmp_path, fake_course):
    work = tmp_path / "work"
    course.copy_lessons(work)
    own = {"my_notes.txt": "notes", "results.json": "{}", "zh/练习.ipynb": "mine", "project/analysis.ipynb": "x"}
    for name, text in own.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text, encoding="utf-8")
    fake_course("00_start.ipynb", "version 2")
    course.copy_lessons(work)
    assert {name: files(work)[name] for name in own} == own


def test_running_twice_changes_nothing_more(tmp_path, fake_course, capsys):
    work = tmp_path / "work"
    course.copy_lessons(work)
    (work / "00_start.ipynb").write_text("my answers", encoding="utf-8")
    fake_course("00_start.ipynb", "version 2")
    fake_course("01_crm.ipynb", "version 2")
    course.copy_lessons(work)
    first, record = files(work), (work / ".crmlessons" / "copied.json").read_bytes()
    capsys.readouterr()
    changes = course.copy_lessons(work)
    assert files(work) == first and (work / ".crmlessons" / "copied.json").read_bytes() == record
    assert capsys.readouterr().out == ""
    assert {what for what, _ in changes} == {"same", "kept before"}


def test_a_later_update_of_an_edited_lesson_gets_its_own_name(tmp_path, fake_course):
    work = tmp_path / "work"
    course.copy_lessons(work)
    (work / "00_start.ipynb").write_text("my answers", encoding="utf-8")
    for version in ("version 2", "version 3"):
        fake_course("00_start.ipynb", version)
        course.copy_lessons(work)
    after = files(work)
    assert after["00_start.ipynb"] == "my answers"
    assert after[beside("00_start.ipynb", "version 2")] == "version 2"
    assert after[beside("00_start.ipynb", "version 3")] == "version 3"


def test_a_broken_record_is_treated_as_no_record(tmp_path, fake_course):
    work = tmp_path / "work"
    course.copy_lessons(work)
    (work / ".crmlessons" / "copied.json").write_text("{not json", encoding="utf-8")
    fake_course("01_crm.ipynb", "version 2")
    course.copy_lessons(work)  # no crash; lesson 01 cannot be told from an edit, so it is kept
    assert files(work)["01_crm.ipynb"] == "version 1 of 01_crm.ipynb"
    assert files(work)[beside("01_crm.ipynb", "version 2")] == "version 2"


def test_update_command_only_updates_and_needs_no_course_environment(tmp_path):
    work = tmp_path / "work"
    command = [sys.executable, str(ROOT / "course.py"), "update", "--work", str(work)]
    first = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    english = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert sorted(p.name for p in work.glob("*.ipynb")) == english
    again = subprocess.run(command + ["--lang", "zh"], capture_output=True, text=True, timeout=60)
    assert again.stdout == f"你在 {work.resolve()} 中的课程已是最新版本。\n"
