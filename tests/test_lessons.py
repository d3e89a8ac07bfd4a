"""Every lesson notebook records its metadata, and the package catalogue agrees with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crmlessons import i18n
from crmlessons.lessons import get_lesson, get_quiz, glossary, lesson_ids, _module

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def sources(nb: dict) -> str:
    return "\n".join("".join(cell["source"]) for cell in nb["cells"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_records_lesson_metadata(path):
    meta = notebook(path)["metadata"].get("crmlessons")
    assert meta, f"{path.name}: metadata.crmlessons is missing (run `python course.py execute`)"
    for field in ("objectives", "key_points"):
        assert meta.get(field), f"{path.name}: no {field}"
        assert all(item["en"] and item["zh"] for item in meta[field]), f"{path.name}: {field} not bilingual"
    for field in ("teaching_minutes", "exercise_minutes"):
        assert isinstance(meta.get(field), int) and meta[field] > 0, f"{path.name}: {field} must be minutes > 0"
    assert meta["notebook"] == path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_metadata_is_in_step_with_the_catalogue(path):
    meta = notebook(path)["metadata"]["crmlessons"]
    assert meta == get_lesson(meta["id"]).metadata(), f"{path.name}: run `python course.py execute` to sync"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_follows_the_lesson_shape(path):
    nb = notebook(path)
    lesson = nb["metadata"]["crmlessons"]["id"]
    text = sources(nb)
    assert f'lesson_card("{lesson}")' in text and f'key_points("{lesson}")' in text and f'quiz("{lesson}")' in text
    assert "crm.check(" in text


def test_every_lesson_in_the_catalogue_has_a_notebook():
    names = {path.name for path in NOTEBOOKS}
    for lesson in lesson_ids():
        assert get_lesson(lesson).notebook in names


@pytest.mark.parametrize("lesson", [lesson for lesson in lesson_ids() if lesson != "00"])
def test_teaching_lessons_have_three_exercises_and_five_questions(lesson):
    module = _module(lesson)
    assert len(module.EXERCISES) >= 3 and len(get_quiz(lesson)) >= 5 and module.GLOSSARY


def test_glossary_is_bilingual_and_switches_language():
    table = glossary()
    assert {"Term", "Chinese", "Meaning"} <= set(table.columns)
    assert table["Chinese"].str.len().gt(0).all()
    i18n.set_language("zh")
    try:
        assert "术语" in glossary().columns
    finally:
        i18n.set_language("en")


def test_unknown_lesson_is_a_clear_error():
    with pytest.raises(ValueError, match="no lesson '42'.*00"):
        get_lesson("42")
    with pytest.raises(TypeError, match="lesson must be a string"):
        get_lesson(1)


def test_the_readme_lists_both_editions_and_the_catalogue_minutes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for lesson in lesson_ids():
        info = get_lesson(lesson)
        stem = info.notebook.removesuffix(".ipynb")
        row = next((line for line in readme.splitlines() if line.startswith(f"| `{stem}` · `zh/{stem}` |")), None)
        assert row, f"README's lesson table has no row for both editions of {stem}"
        assert f"| {info.teaching_minutes} + {info.exercise_minutes} |" in row, f"README minutes of {stem} differ from the catalogue"
