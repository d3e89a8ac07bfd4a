"""The standards every lesson keeps: exercises that need judgement, decisions, sources, a 90-minute block.

These tests read the committed notebooks and the lesson catalogue; none runs a notebook.
"""

from __future__ import annotations

import math
import re

import pytest

from crmlessons.lessons import _module, get_lesson, lesson_ids
from crmlessons.lessons.sources import SOURCES
from crmlessons.practice import Decision
from lesson_text import cell_source, markdown, notebook, output_text, package_texts, prose, without_code

LESSONS = lesson_ids()
CHECK = re.compile(r"""crm\.check\(\s*["']([^"']+)["']""")
PLACEHOLDER = re.compile(r"^answer = \.\.\.(\s+#[^(]*)?$", re.M)


def exercises(lesson: str) -> list:
    return list(_module(lesson).EXERCISES)


def code_cells(lesson: str) -> list[dict]:
    return [c for c in notebook(lesson)["cells"] if c["cell_type"] == "code"]


def check_cells(lesson: str) -> list[tuple[int, str]]:
    """(index among code cells, exercise name) of every cell that checks an exercise's answer."""
    return [(i, m.group(1)) for i, cell in enumerate(code_cells(lesson)) for m in CHECK.finditer(cell_source(cell))]


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_exercise_is_in_its_notebook_with_prompt_hint_and_solution(lesson):
    cells = [cell_source(c) for c in code_cells(lesson)]
    checked = dict((name, i) for i, name in check_cells(lesson))
    for exercise in exercises(lesson):
        name = exercise.name
        assert name in checked, f"{name} is never checked in {get_lesson(lesson).notebook}"
        before = "\n".join(cells[:checked[name]])
        assert f'crm.exercise("{name}")' in before, f"{name}: show its task with crm.exercise(...) before the check"
        after = "\n".join(cells[checked[name]:])
        if not isinstance(exercise, Decision):
            assert f'crm.hint("{name}")' in after, f"{name}: no crm.hint cell after the check"
        assert f'crm.solution("{name}")' in after, f"{name}: no crm.solution cell after the check"


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_notebook_does_not_repeat_the_task_the_package_shows(lesson):
    """The task is shown from the package, in the student's language: the prose does not copy it."""
    text = "\n".join(markdown(lesson))
    for exercise in exercises(lesson):
        opening = exercise.question["en"].split(".")[0][:60]
        assert opening not in text, f"{exercise.name}: the notebook repeats its task; show it with crm.exercise"


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_placeholder_never_names_the_function_that_computes_the_answer(lesson):
    for i, name in check_cells(lesson):
        source = cell_source(code_cells(lesson)[i])
        assert PLACEHOLDER.search(source), (
            f"{name}: the check cell must start from `answer = ...` (a comment may say what kind of answer, "
            f"without a function call); got:\n{source}")


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_has_two_decision_exercises(lesson):
    decisions = [e.name for e in exercises(lesson) if isinstance(e, Decision)]
    assert len(decisions) >= 2, f"lesson {lesson} has decisions {decisions}; every lesson needs at least two"


@pytest.mark.parametrize("name", [e.name for lesson in LESSONS for e in exercises(lesson) if isinstance(e, Decision)])
def test_each_decision_gives_feedback_on_every_choice(name):
    from crmlessons.practice import get_exercise

    decision = get_exercise(name)
    best = decision.expected()
    assert best in decision.options
    for letter in decision.options:
        feedback = decision.check(letter)
        assert feedback.correct == (letter == best)
        assert "{" not in feedback.message, f"{name}: choice {letter} leaves a placeholder unfilled: {feedback}"
    assert "{" not in str(decision.prompt())


def shown_as(value: float, rel_tol: float) -> list[str]:
    """The ways a table or a sentence may print ``value`` that would pass the check, e.g. 0.955, 95.5%."""
    forms = set()
    for digits in range(0, 5):
        for scale, suffix in ((1, ""), (100, "%")):
            if scale == 100 and not 0 < abs(value) <= 1:
                continue
            shown = round(value * scale, digits)
            if math.isclose(shown / scale, value, rel_tol=rel_tol, abs_tol=1e-9):
                forms |= {f"{shown:.{digits}f}{suffix}", f"{shown:,.{digits}f}{suffix}"}
    return sorted(forms)


def copyable(lesson: str) -> list[str]:
    """The exercises whose numeric answer is printed, at a precision that passes, in an output above the check."""
    cells = code_cells(lesson)
    found = []
    for i, name in check_cells(lesson):
        exercise = next(e for e in exercises(lesson) if e.name == name)
        value = exercise.expected()
        if isinstance(value, bool) or not isinstance(value, (int, float)) or isinstance(exercise, Decision):
            continue
        above = "\n".join(output_text(c) for c in cells[:i])
        forms = shown_as(float(value), exercise.rel_tol)
        if any(re.search(rf"(?<![\d.]){re.escape(form)}(?![\d])", above) for form in forms):
            found.append(name)
    return found


def test_at_most_one_exercise_in_five_can_be_copied_from_an_output_above_it():
    total = sum(len(exercises(lesson)) for lesson in LESSONS if lesson != "00")
    found = [name for lesson in LESSONS if lesson != "00" for name in copyable(lesson)]
    assert len(found) * 5 <= total, f"{len(found)} of {total} exercises can be copied from an output: {found}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_lesson_fits_a_90_minute_block_and_says_what_to_skip_for_45(lesson):
    info = get_lesson(lesson)
    assert info.teaching_minutes + info.exercise_minutes <= 90
    headings = {m.group(1) for text in markdown(lesson) for m in re.finditer(r"^## (\d+)\.", text, re.M)}
    assert set(info.skip_for_45) <= headings, f"skip_for_45 names sections {info.skip_for_45}; headings {sorted(headings)}"
    if lesson != "00":
        assert info.skip_for_45, f"lesson {lesson}: say which sections a 45-minute class skips"


@pytest.mark.parametrize("lesson", LESSONS)
def test_student_facing_text_cites_sources_by_the_names_the_sources_page_explains(lesson):
    texts = prose(lesson) + [output_text(c) for c in code_cells(lesson)]
    for text in texts:
        assert not re.search(r"\bseeds?\b|资料 ?00\d", without_code(text), re.I), (
            f"lesson {lesson}: cite a source by its name on the sources page, not as a seed file: {text[:200]}")
    cited = {key for key, source in SOURCES.items()
             if any(source.short["en"] in text or source.short["zh"] in text for text in texts)}
    declared = set(get_lesson(lesson).sources)
    assert cited == declared, (f"lesson {lesson} cites sources {sorted(cited)} but LESSON.sources lists "
                               f"{sorted(declared)}: keep the sources page true")


def test_lesson_00_links_the_sources_page():
    cells = "\n".join(cell_source(c) for c in notebook("00")["cells"])
    assert "crm.sources()" in cells


@pytest.mark.parametrize("lesson", LESSONS)
def test_both_languages_say_every_package_text(lesson):
    module = _module(lesson)
    for exercise in module.EXERCISES:
        for text in (exercise.question, exercise.hint, exercise.solution):
            assert text["en"].strip() and text["zh"].strip(), exercise.name
    assert package_texts(lesson)


@pytest.fixture(scope="module")
def group_variant():
    from crmlessons import datasets

    datasets.use_variant(11)
    yield 11
    datasets.use_variant(None)


def test_every_exercise_and_decision_follows_a_groups_variant(group_variant):
    """On a group's variant every exercise has a right answer and every decision a best letter, with its texts filled."""
    from crmlessons.lessons import all_exercises

    for name, exercise in sorted(all_exercises().items()):
        expected = exercise.expected()
        assert exercise.check(expected).correct, f"{name}: its own answer on variant {group_variant} is not accepted"
        if isinstance(exercise, Decision):
            assert expected in exercise.options
            assert "{" not in str(exercise.prompt()) and "{" not in exercise.check(expected).message
