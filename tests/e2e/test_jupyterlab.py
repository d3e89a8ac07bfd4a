"""Every widget and exercise check of every lesson, used in JupyterLab as a student would."""

from __future__ import annotations

import pytest

from crmlessons.practice import get_exercise

from .conftest import notebooks
from .driver import (answered, assert_no_widget_errors, exercise_cells, lab_cell, lab_edit_and_run, literal,
                     play_spec, settle_widgets, unspecified_widgets, wait_until, wrong_literal)
from .widget_specs import specs_for

WIDGETS = [pytest.param(nb.name, spec, id=f"{nb.stem}-{spec.id}") for nb in notebooks() for spec in specs_for(nb.name)]
EXERCISES = [pytest.param(nb.name, index, name, source, id=f"{nb.stem}-{name}")
             for nb in notebooks() for index, name, source in exercise_cells(nb)]


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
    expected = get_exercise(name).expected()
    output = lab_cell(page, index).locator(".jp-OutputArea-output .crm-feedback")
    shots.take(lab_cell(page, index), "before")
    for answer, verdict in ((literal(expected), "Right!"), (wrong_literal(expected), "Not yet.")):
        lab_edit_and_run(page, index, answered(source, answer))
        wait_until(lambda: output.count() and output.first.inner_text().strip().lstrip("✔✘ ").startswith(verdict),
                   30, lambda: f"answer {answer}: feedback {output.all_inner_texts()}, expected {verdict!r}")
        shots.take(lab_cell(page, index), f"answer_{verdict}")
    # Leave the cell as the student found it.
    lab_edit_and_run(page, index, source)
