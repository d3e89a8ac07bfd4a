"""Session plans agree with the lesson card, the notebooks' sections and the widgets the notebooks show."""

from __future__ import annotations

import html
import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path

import pytest

import crmlessons.widgets
from crmlessons.lessons import SECTION_KINDS, Section, get_lesson, lesson_ids
from crmlessons.trainer.session_plan import lessons_without_plan, main, plan_page, plan_sections, write_session_plans

ROOT = Path(__file__).resolve().parents[1]
PLANNED = [lesson for lesson in lesson_ids() if get_lesson(lesson).plan]
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_lessons_without_a_plan_are_listed():
    missing = [lesson for lesson in lesson_ids() if not get_lesson(lesson).plan]
    assert missing == lessons_without_plan()
    assert {"00", "01", "02", "03", "04", "05", "06", "07"} <= set(PLANNED)
    if missing:
        pytest.skip(f"no session plan yet for lesson(s) {', '.join(missing)}: add Lesson.plan")


def notebook(lesson: str, edition: str) -> dict:
    folder = ROOT / "notebooks" if edition == "en" else ROOT / "notebooks" / "zh"
    return json.loads((folder / get_lesson(lesson).notebook).read_text(encoding="utf-8"))


def headings(lesson: str, edition: str) -> list[int]:
    found = []
    for cell in notebook(lesson, edition)["cells"]:
        if cell["cell_type"] == "markdown":
            found += [int(n) for n in re.findall(r"^## (\d+)\. ", "".join(cell["source"]), re.M)]
    return found


def section_code(lesson: str) -> dict[int, str]:
    """The code of each numbered section of the English notebook (the editions share their code)."""
    code, number = {}, 0
    for cell in notebook(lesson, "en")["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            number = next((int(n) for n in re.findall(r"^## (\d+)\. ", source, re.M)), number)
        else:
            code[number] = code.get(number, "") + source + "\n"
    return code


def widget_calls(class_name: str) -> list[str]:
    """The names by which a notebook can show widget ``class_name``: the class and its factory functions."""
    names = []
    for info in pkgutil.walk_packages(crmlessons.widgets.__path__, "crmlessons.widgets."):
        module = importlib.import_module(info.name)
        if inspect.isclass(getattr(module, class_name, None)):
            names.append(class_name)
            names += [name for name, function in inspect.getmembers(module, inspect.isfunction)
                      if function.__module__ == module.__name__ and
                      inspect.signature(function).return_annotation in (class_name, getattr(module, class_name))]
    return names


@pytest.mark.parametrize("lesson", PLANNED)
def test_the_minutes_add_up_to_the_lesson_card(lesson):
    info = get_lesson(lesson)
    assert sum(section.minutes for section in info.plan) == info.teaching_minutes + info.exercise_minutes
    assert sum(s.minutes for s in plan_sections(lesson, 90)) == info.teaching_minutes + info.exercise_minutes


@pytest.mark.parametrize("lesson", PLANNED)
def test_the_45_minute_plan_drops_exactly_the_skipped_sections_and_fits(lesson):
    info = get_lesson(lesson)
    kept = plan_sections(lesson, 45)
    dropped = [section.number for section in info.plan if section not in kept]
    assert [str(number) for number in dropped] == list(info.skip_for_45)
    assert sum(section.minutes for section in kept) <= 45, [(s.number, s.minutes) for s in kept]


@pytest.mark.parametrize("lesson", PLANNED)
def test_every_section_of_the_plan_is_a_section_of_both_notebooks(lesson):
    numbers = [section.number for section in get_lesson(lesson).plan]
    assert numbers == headings(lesson, "en") == headings(lesson, "zh")
    assert all(isinstance(section, Section) and section.kind in SECTION_KINDS for section in get_lesson(lesson).plan)


@pytest.mark.parametrize("lesson", PLANNED)
def test_what_is_projected_is_a_widget_the_section_shows(lesson):
    code = section_code(lesson)
    projected = [section for section in get_lesson(lesson).plan if section.project]
    assert projected, f"lesson {lesson}: nothing to project"
    for section in projected:
        calls = widget_calls(section.project)
        assert calls, f"{section.project} is not a widget class of crmlessons.widgets"
        assert any(re.search(rf"\b{name}\(", code.get(section.number, "")) for name in calls), \
            f"lesson {lesson} section {section.number} does not show {section.project} (calls: {calls})"


@pytest.mark.parametrize("lesson", PLANNED)
def test_discussion_questions_are_bilingual(lesson):
    questions = [q for section in get_lesson(lesson).plan for q in section.discuss]
    assert 1 <= len(questions) <= 2
    for text in [*questions, *(s.role_play for s in get_lesson(lesson).plan if s.role_play),
                 *(s.case for s in get_lesson(lesson).plan if s.case)]:
        assert text["en"].strip() and not CJK.search(text["en"])
        assert len(CJK.findall(text["zh"])) > len(text["zh"]) / 3


def test_the_role_play_and_the_case_are_where_the_notebooks_have_them():
    role_plays = [s.number for s in get_lesson("02").plan if s.role_play]
    cases = [s.number for s in get_lesson("05").plan if s.case]
    assert role_plays and all("role_play()" in section_code("02")[n] for n in role_plays)
    assert cases and all("mini_case()" in section_code("05")[n] for n in cases)


def test_the_page_has_both_versions_with_the_notebooks_titles():
    text = html.unescape(plan_page("02", "en"))
    assert "The 90-minute version" in text and "The 45-minute version" in text
    assert "8. Role-play for class: tell or ask?" in text and "课堂角色扮演" not in text
    assert "AskSelfAssessment" in text and "58–73" in text  # section 8 starts after 58 minutes of sections 1-7
    zh = html.unescape(plan_page("02", "zh"))
    assert "8. 课堂角色扮演：说还是问？" in zh and "教学计划" in zh


def test_the_command_writes_one_page_per_lesson_the_same_every_time(tmp_path):
    assert main(["01", "5", "--out", str(tmp_path / "a"), "--no-pdf", "--lang", "zh"]) == 0
    write_session_plans(["01", "05"], "zh", tmp_path / "b", pdf=False)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["plan-01-zh.html", "plan-05-zh.html"]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_bad_input_is_named(capsys):
    with pytest.raises(ValueError, match="minutes"):
        plan_sections("01", 60)
    assert main(["99", "--no-pdf"]) == 2
    assert "99" in capsys.readouterr().err
