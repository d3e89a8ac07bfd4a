"""Every widget of every lesson, used in the Voila app view (code hidden), as on a trainer's projector."""

from __future__ import annotations

import pytest

from .conftest import notebooks
from .driver import assert_no_widget_errors, play_spec, settle_widgets, unspecified_widgets
from .widget_specs import specs_for

WIDGETS = [pytest.param(nb.name, spec, id=f"{nb.stem}-{spec.id}") for nb in notebooks() for spec in specs_for(nb.name)]


@pytest.mark.parametrize("notebook", [nb.name for nb in notebooks()])
def test_app_view_hides_code_and_every_widget_has_a_spec(voila, notebook):
    """The app shows no code, no widget error, and no course widget without a spec."""
    page = voila.get(notebook)
    assert page.locator(".jp-InputArea-editor, .jp-InputArea .cm-editor").count() == 0, "Voila shows code"
    missing = unspecified_widgets(settle_widgets(page), specs_for(notebook))
    assert not missing, (f"{notebook} shows widget(s) {missing} with no spec: add one to SPECS in "
                         f"tests/e2e/widget_specs.py (instructions at the top of that file)")
    assert_no_widget_errors(page)


@pytest.mark.parametrize("notebook, spec", WIDGETS)
def test_widget(voila, notebook, spec, shots):
    """The widget renders with its controls in the app, and each step shows its result."""
    play_spec(voila.get(notebook), spec, shots)
