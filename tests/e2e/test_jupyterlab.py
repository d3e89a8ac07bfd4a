"""Every widget and exercise check of every lesson, used in JupyterLab as a student would."""

from __future__ import annotations

import ast

import pytest

from crmlessons.practice import Decision, get_exercise

from .conftest import notebooks
from .driver import (answered, assert_no_widget_errors, exercise_cells, lab_cell, lab_edit_and_run, literal,
                     play_spec, settle_widgets, unspecified_widgets, wait_until, wrong_literal)
from .widget_specs import specs_for

WIDGETS = [pytest.param(nb.name, spec, id=f"{nb.stem}-{spec.id}") for nb in notebooks() for spec in specs_for(nb.name)]


def browser_sample(notebook) -> list:
    """The first exercise (not a decision) of a notebook: the cell a browser test types into.

    Every exercise's checking is tested without a browser (tests/test_practice.py, tests/test_lesson_standards.py);
    in the browser one exercise per lesson proves the feedback renders, and the first decision of every lesson
    is typed in the Chinese edition (tests/e2e/test_chinese_edition.py), which keeps the suite fast.
    """
    for index, name, source in exercise_cells(notebook):
        if not isinstance(get_exercise(name), Decision):
            return [pytest.param(notebook.name, index, name, source, id=f"{notebook.stem}-{name}")]
    return []


EXERCISES = [param for nb in notebooks() for param in browser_sample(nb)]


@pytest.mark.parametrize("notebook", [nb.name for nb in notebooks()])
def test_every_widget_has_a_spec(lab, notebook):
    """Every course widget the notebook shows has a spec in widget_specs.py (so it gets tested)."""
    page = lab.get(notebook)
    missing = unspecified_widgets(settle_widgets(page), specs_for(notebook))
    assert not missing, (f"{notebook} shows widget(s) {missing} with no spec: add one to SPECS in "
                         f"tests/e2e/widget_specs.py (instructions at the top of that file)")
    assert_no_widget_errors(page)


@pytest.mark.parametrize("notebook, spec", WIDGETS)
def test_widget(lab, notebook, spec, shots):
    """The widget renders with its controls, and each step shows its result."""
    play_spec(lab.get(notebook), spec, shots)


@pytest.mark.parametrize("notebook, index, name, source", EXERCISES)
def test_exercise_check(lab, notebook, index, name, source, shots):
    """Typing a right, then a wrong answer in an exercise cell and running it shows the right feedback."""
    page = lab.get(notebook)
    exercise = get_exercise(name)
    expected = exercise.expected()
    if isinstance(exercise, Decision):  # a wrong choice is another letter
        wrong = repr(next(letter for letter in exercise.options if letter != expected))
    else:
        wrong = wrong_literal(expected)
    output = lab_cell(page, index).locator(".jp-OutputArea-output .crm-feedback")
    shots.take(lab_cell(page, index), "before")
    # The first sentence of the package's own feedback: "Right!" / "Not yet." (or "Right." / "Not the best choice.")
    verdicts = [exercise.check(ast.literal_eval(answer)).message.split(" ")[0] for answer in (literal(expected), wrong)]
    for answer, verdict in zip((literal(expected), wrong), verdicts):
        lab_edit_and_run(page, index, answered(source, answer))
        wait_until(lambda: output.count() and output.first.inner_text().strip().lstrip("✔✘ ").startswith(verdict),
                   30, lambda: f"answer {answer}: feedback {output.all_inner_texts()}, expected {verdict!r}")
        shots.take(lab_cell(page, index), f"answer_{verdict}")
    # Leave the cell as the student found it.
    lab_edit_and_run(page, index, source)
