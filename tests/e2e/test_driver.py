"""The browser driver itself, on a demo widget with every kind of control lessons use.

Lessons 00's widgets use only buttons and radio options; this proves the other actions of
widget_specs.py (slider keyboard and drag, dropdown, checkbox, text, button) and the chart check
work in a real browser before a lesson relies on them, and that a step whose promise is not kept
makes the test fail (a suite that cannot fail proves nothing).
"""

from __future__ import annotations

import json

import pytest

from . import driver, servers
from .driver import Shots, lab_run_all, open_lab_notebook, play_spec, settle_widgets, unspecified_widgets
from .widget_specs import (Step, WidgetSpec, button, checkbox, dropdown, slider_drag, slider_keys, text)

DEMO = '''
import ipywidgets as widgets
from crmlessons.widgets.base import CourseWidget, figure_png, new_figure

class Demo(CourseWidget):
    def __init__(self):
        self.slider = widgets.IntSlider(value=10, min=0, max=100, description="n")
        self.pick = widgets.Dropdown(options=["alpha", "beta"], value="alpha")
        self.tick = widgets.Checkbox(value=False, description="tick")
        self.name = widgets.Text(value="", description="name", continuous_update=False)
        self.go = widgets.Button(description="Go")
        self.out = widgets.HTML()
        self.out.add_class("crm-demo-out")
        self.chart = widgets.Image(format="png")
        self.clicks = 0
        for control in (self.slider, self.pick, self.tick, self.name):
            control.observe(self.update, names="value")
        self.go.on_click(self.click)
        super().__init__([self.slider, self.pick, self.tick, self.name, self.go, self.out, self.chart],
                         name="demo", title="Demo")
        self.update()

    def click(self, _):
        self.clicks += 1
        self.update()

    def update(self, *_):
        self.out.value = (f"n={self.slider.value} pick={self.pick.value} tick={self.tick.value} "
                          f"name={self.name.value} clicks={self.clicks}")
        fig = new_figure((3, 2))
        ax = fig.subplots()
        ax.bar([0], [self.slider.value])
        ax.set_ylim(0, 100)
        self.chart.value = figure_png(fig)

Demo()
'''

OUT = ".crm-demo-out"
SPEC = WidgetSpec(
    name="demo",
    controls=(".widget-slider .noUi-handle", ".widget-dropdown select", ".widget-checkbox input",
              ".widget-text input", "button.jupyter-button", "img"),
    steps=(
        Step(slider_keys(presses=3), changes=(OUT,), expect={OUT: "n=13 "}, chart="img"),
        Step(slider_keys(presses=2, key="ArrowLeft"), expect={OUT: "n=11 "}, chart="img"),
        Step(slider_drag(to=0.9), changes=(OUT,), chart="img"),
        Step(dropdown("beta"), changes=(OUT,), expect={OUT: "pick=beta"}),
        Step(checkbox(), expect={OUT: "tick=True"}),
        Step(text("Ada"), expect={OUT: "name=Ada"}),
        Step(button("Go"), expect={OUT: "clicks=1"}),
    ),
)


def test_every_action_kind_and_a_failing_step(page, lab_server, e2e_home, shots, monkeypatch):
    folder = e2e_home / "lab-root" / "driver"
    folder.mkdir(exist_ok=True)
    notebook = folder / "demo.ipynb"
    notebook.write_text(json.dumps({
        "cells": [{"cell_type": "code", "metadata": {}, "source": DEMO, "outputs": [], "execution_count": None}],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5}))
    try:
        open_lab_notebook(page, lab_server.url("/lab/tree/driver/demo.ipynb?reset"), notebook)
        lab_run_all(page)
        assert unspecified_widgets(settle_widgets(page), []) == ["crm-demo"]
        play_spec(page, SPEC, shots)
        dragged = page.locator(".crm-demo .widget-slider .noUi-handle").get_attribute("aria-valuenow")
        assert 80 <= float(dragged) <= 100, f"the drag left the slider at {dragged}"
        # A step whose promise is not kept fails, naming what the student saw instead.
        monkeypatch.setattr(driver, "STEP_TIMEOUT", 2)
        broken = Step(dropdown("alpha"), expect={OUT: "pick=gamma"})
        root = page.locator(SPEC.root)
        with pytest.raises(AssertionError, match=r"should contain 'pick=gamma'; it shows 'n=\d+ pick=alpha"):
            driver.play_step(page, root, broken, Shots(shots.folder / "broken"), "broken")
    finally:
        servers.shutdown_sessions(lab_server, "driver/demo.ipynb")
