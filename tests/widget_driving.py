"""Driving a course widget from Python as a student would, shared by the widget tests.

``walk`` a widget's tree, find its ``controls``, ``act`` on one (a slider to its far end, another option,
a tick, a click), and read what the student sees: ``outputs`` (texts and chart), ``visible_texts`` (every
word, the chart's included) and ``pixels`` of a PNG.
"""

from __future__ import annotations

import html
import io
import re

import ipywidgets as widgets
import numpy as np

from crmlessons.widgets.base import FastChart

CONTROL_KINDS = (widgets.IntSlider, widgets.FloatSlider, widgets.Dropdown, widgets.ToggleButtons, widgets.Checkbox,
                 widgets.Button)


def walk(widget):
    """The widget and everything inside it, without the hidden web-font carrier."""
    if "crm-webfont" in getattr(widget, "_dom_classes", ()):
        return
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def controls(widget) -> list:
    """The sliders, dropdowns, toggles, tick boxes and buttons a student can use."""
    return [w for w in walk(widget) if isinstance(w, CONTROL_KINDS)]


def outputs(widget) -> tuple:
    """What a student reads: every HTML text (the status apart) and the chart's bytes."""
    texts = tuple(w.value for w in walk(widget) if isinstance(w, widgets.HTML) and w is not widget.status)
    return texts, widget.chart.value


def act(control) -> None:
    """Do to ``control`` what a student would: move a slider to its far end, pick another option, click."""
    if isinstance(control, widgets.Button):
        control.click()
    elif isinstance(control, widgets.Checkbox):
        control.value = not control.value
    elif isinstance(control, (widgets.Dropdown, widgets.ToggleButtons)):
        control.value = next(value for _, value in control.options if value != control.value)
    else:
        control.value = control.max if control.value != control.max else control.min


def css(control) -> str:
    """The control's CSS classes, to name it in a failure."""
    return " ".join(control._dom_classes)


def shown_text(value: str) -> str:
    """An HTML text as the student reads it: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", " ", value))


def pixels(png: bytes) -> np.ndarray:
    """The RGB pixels of a PNG image."""
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def visible_texts(widget) -> list[str]:
    """Every text a student can read: HTML, labels, button and option names, and the chart's words."""
    from matplotlib.text import Text

    found = []
    for w in walk(widget):
        if isinstance(w, (widgets.HTML, widgets.Label)):
            found.append(shown_text(w.value))
        for attribute in ("description", "tooltip", "placeholder"):
            value = getattr(w, attribute, None)
            if isinstance(value, str):
                found.append(value)
        found += list(getattr(w, "_options_labels", ()))
    for chart in (v for v in vars(widget).values() if isinstance(v, FastChart)):
        found += [t.get_text() for t in chart.figure.findobj(Text) if t.get_visible()]
    return found


def check_every_control(widget, name: str, text_only=frozenset()) -> None:
    """Act on each control of ``widget`` and assert that it changes what the student sees, without an error.

    A control whose CSS class is in ``text_only`` may leave the chart as it is; every other one must change
    it. At the end the fast-redrawn chart must equal a full redraw, pixel for pixel.
    """
    assert {"crm-widget", f"crm-{name}"} <= set(widget._dom_classes)
    assert widget.chart.value[:4] == b"\x89PNG"
    found = controls(widget)
    assert len(found) >= 3
    for control in found:
        texts, chart = outputs(widget)
        act(control)
        label = css(control)
        assert "crm-error" not in widget.status.value, f"{label}: {shown_text(widget.status.value)}"
        after_texts, after_chart = outputs(widget)
        assert after_texts != texts or after_chart != chart, f"{label} changed nothing"
        if not set(text_only) & set(control._dom_classes):
            assert after_chart != chart, f"{label} did not change the chart"
    assert (pixels(widget.chart.value) == pixels(widget._picture.full_png())).all()  # the fast frame is exact


def texts_seen_using_every_control(widget) -> list[str]:
    """Every text the student reads in ``widget`` before and after acting on each of its controls."""
    seen = visible_texts(widget)
    for control in controls(widget):
        act(control)
        seen += visible_texts(widget)
    return seen


def latin_words(texts, allowed: re.Pattern) -> list[str]:
    """The Latin words of ``texts`` that ``allowed`` does not match (English a Chinese widget should not show)."""
    return sorted({w for text in texts for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", text) if not allowed.match(w)})
