"""Chinese in the browser: the language widget switches labels and charts, and Chinese text shows on a
computer without any Chinese system font (the shipped web font, crmlessons/widgets/webfont.py)."""

from __future__ import annotations

import json
import shutil

import pytest

from crmlessons.lessons import get_quiz
from crmlessons.widgets.webfont import FAMILY

from . import servers
from .conftest import NOTEBOOK_DIR, new_page, notebooks
from .fonts import chinese_glyphs, empty_boxes
from .driver import (assert_no_widget_errors, image_bytes, is_png, lab_cell, lab_cell_index, lab_edit_and_run,
                     lab_insert_cell_below, lab_run_all, lab_run_cell, open_lab_notebook, settle_widgets,
                     wait_until)
from .widget_specs import lesson_of, specs_for

#: Notebooks with the English / 中文 switch.
WITH_PICKER = [nb.name for nb in notebooks() if any(s.name == "language" for s in specs_for(nb.name))]
CHART_CODE = "chart = crm.plots.course.lesson_minutes()"


def _text(locator) -> str:
    return locator.inner_text().strip() if locator.count() else ""


@pytest.mark.parametrize("notebook", WITH_PICKER)
def test_language_widget_switches_labels_and_charts_to_chinese(page, lab_server, e2e_home, notebook, shots):
    folder = e2e_home / "lab-root" / "chinese"
    folder.mkdir(exist_ok=True)
    shutil.copy2(NOTEBOOK_DIR / notebook, folder / notebook)
    try:
        open_lab_notebook(page, lab_server.url(f"/lab/tree/chinese/{notebook}?reset"), folder / notebook)
        lab_run_all(page)
        settle_widgets(page)
        picker = page.locator(".crm-widget.crm-language").first
        picker.wait_for(state="visible")
        status, note = picker.locator(".crm-language-status"), picker.locator(".widget-html").nth(1)

        # A chart cell below the switch, drawn first in English.
        chart_cell = lab_insert_cell_below(page, lab_cell_index(page, ".crm-language"))
        lab_edit_and_run(page, chart_cell, CHART_CODE)
        image = lab_cell(page, chart_cell).locator(".jp-OutputArea-output img").first
        image.wait_for(state="visible", timeout=30_000)
        english = image_bytes(image)
        assert is_png(english), "the English chart is not a PNG image"
        shots.take(page, "english")

        # Click 中文: the widget's own labels switch at once.
        picker.get_by_role("button", name="中文", exact=True).click()
        wait_until(lambda: _text(status) == "语言：简体中文", 20, lambda: f"status shows {_text(status)!r}")
        wait_until(lambda: "重新运行" in _text(note), 20, lambda: f"note shows {_text(note)!r}")
        assert "mod-active" in picker.get_by_role("button", name="中文", exact=True).get_attribute("class")
        shots.take(picker, "switched")

        # Run the chart cell again: a new, non-empty PNG, not the English one.
        lab_run_cell(page, chart_cell)
        wait_until(lambda: image.count() and image_bytes(image) != english, 30, "the chart did not change")
        chinese = image_bytes(image)
        assert is_png(chinese), "the Chinese chart is not a PNG image"
        shots.take(lab_cell(page, chart_cell), "chinese_chart")

        # Run the quiz cell again: its questions and feedback are in Chinese.
        quiz_cell = lab_cell_index(page, ".crm-quiz")
        if quiz_cell >= 0:
            first = get_quiz(lesson_of(notebook))[0]
            lab_run_cell(page, quiz_cell)
            quiz = lab_cell(page, quiz_cell).locator(".crm-widget.crm-quiz")
            wait_until(lambda: quiz.count() and first.prompt["zh"] in _text(quiz), 30,
                       lambda: f"the quiz is not in Chinese: {_text(quiz)[:200]!r}")
            quiz.locator(".crm-quiz-options").first.locator("label").filter(
                has_text=first.options[first.correct]["zh"]).click()
            feedback = quiz.locator(".crm-quiz-feedback").first
            wait_until(lambda: _text(feedback).startswith("正确。"), 20, lambda: f"feedback {_text(feedback)!r}")
            wait_until(lambda: _text(quiz.locator(".crm-quiz-score")).startswith("得分："), 20, "score not in Chinese")
            shots.take(quiz, "chinese_quiz")

        # And back to English.
        picker.get_by_role("button", name="English", exact=True).click()
        wait_until(lambda: _text(status) == "Language: English", 20, lambda: f"status shows {_text(status)!r}")
        assert_no_widget_errors(page)
    finally:
        servers.shutdown_sessions(lab_server, f"chinese/{notebook}")


# ---------------------------------------------------------------------------------------------
# No Chinese system font: the widgets and the package's HTML still show every Chinese character.

#: Every kind of Chinese text the package shows: a lesson card, a widget, a quiz, feedback, the switch.
CHINESE_CELLS = ['import crmlessons as crm\ncrm.set_language("zh")\ncrm.lesson_card("03")',
                 "crm.widgets.man.qualifier()", 'crm.quiz("00")', 'crm.check("00.warmup", 1)', "crm.language_picker()"]
CHINESE_PARTS = (".crm-objectives", ".crm-widget.crm-qualifier", ".crm-widget.crm-quiz", ".crm-feedback",
                 ".crm-widget.crm-language")
COURSE_TEXT = '.crm-widget, [class^="crm-"], [class*=" crm-"]'
CONTROL = ('<div id="crm-no-font-control" style="font-family:sans-serif;position:fixed;top:0;left:0;'
           'background:#fff">客户流失</div>')


def write_notebook(path, cells) -> None:
    path.write_text(json.dumps({
        "cells": [{"cell_type": "code", "metadata": {}, "source": c, "outputs": [], "execution_count": None}
                  for c in cells],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")


def open_chinese_page(page, app: str, server, e2e_home) -> None:
    """Run the Chinese cells in ``app`` ("voila" or "lab") and wait until every part shows."""
    if app == "voila":
        write_notebook(e2e_home / "voila-root" / "chinese_fonts.ipynb", CHINESE_CELLS)
        page.goto(server.url("/voila/render/chinese_fonts.ipynb"), wait_until="commit")
        page.locator("#rendered_cells").wait_for(state="visible", timeout=180_000)
        page.locator("#loading").wait_for(state="hidden", timeout=60_000)
    else:
        folder = e2e_home / "lab-root" / "fonts"
        folder.mkdir(exist_ok=True)
        write_notebook(folder / "chinese_fonts.ipynb", CHINESE_CELLS)
        open_lab_notebook(page, server.url("/lab/tree/fonts/chinese_fonts.ipynb?reset"), folder / "chinese_fonts.ipynb")
        lab_run_all(page)
    for part in CHINESE_PARTS:
        page.locator(part).first.wait_for(state="visible", timeout=60_000)
    settle_widgets(page)


def face_status(page) -> list[str]:
    """The load status of every @font-face of the page that defines the shipped family."""
    return page.evaluate("(family) => [...document.fonts].filter(f => f.family.replace(/[\"']/g, '') === family)"
                         ".map(f => f.status)", FAMILY)


@pytest.mark.parametrize("app", ["voila", "lab"])
def test_chinese_text_shows_without_any_chinese_system_font(no_cjk_browser, request, e2e_home, app, shots):
    chromium, latin = no_cjk_browser
    server = request.getfixturevalue(f"{app}_server")
    context, page = new_page(chromium)
    try:
        open_chinese_page(page, app, server, e2e_home)
        # The browser really has no Chinese font: plain sans-serif Chinese is drawn as empty boxes.
        page.evaluate("(html) => document.body.insertAdjacentHTML('beforeend', html)", CONTROL)
        control = chinese_glyphs(page, "#crm-no-font-control", latin)
        assert empty_boxes(control), f"the browser found a Chinese font of the system: {control}"
        page.evaluate("() => document.querySelector('#crm-no-font-control').remove()")

        # Every Chinese character of every course element is drawn by a font that has it.
        shots.take(page, f"{app}_chinese_page")
        report = chinese_glyphs(page, COURSE_TEXT, latin)
        texts = " ".join(r["text"] for r in report)
        for sample in ("学习目标", "购买力", "得分", "中文"):
            assert sample in texts, f"no element with {sample!r} was checked; checked: {texts[:300]!r}"
        assert sum(r["chinese"] for r in report) > 100
        boxes = empty_boxes(report)
        assert not boxes, "Chinese shown as empty boxes:\n" + "\n".join(boxes)

        # Loaded once for the page, though every widget carries the style.
        copies = page.locator("style.crm-webfont-style").count()
        assert copies >= 3 and face_status(page) == ["loaded"], (copies, face_status(page))

        # Without the style the same page shows empty boxes: the check can fail, and the style is the cure.
        page.evaluate("() => document.querySelectorAll('style.crm-webfont-style').forEach(s => s.remove())")
        wait_until(lambda: empty_boxes(chinese_glyphs(page, COURSE_TEXT, latin)), 10,
                   "removing the font style did not bring the empty boxes back")
    finally:
        context.close()
        if app == "lab":
            servers.shutdown_sessions(server, "fonts/chinese_fonts.ipynb")
