"""Switching the course to Chinese with the language widget: labels switch and charts draw in Chinese."""

from __future__ import annotations

import shutil

import pytest

from crmlessons.lessons import get_quiz

from . import servers
from .conftest import NOTEBOOK_DIR, notebooks
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
