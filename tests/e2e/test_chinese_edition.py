"""The Chinese edition of every lesson in JupyterLab, in a browser with no Chinese system font.

Each Chinese notebook (notebooks/zh/) is run whole. Every course widget renders with its controls, with no
"Error displaying widget". Every Chinese character the course draws (cards, widgets, quiz, feedback) comes
out in a font that has it. A decision typed into the lesson's first decision cell is answered in Chinese.
The English edition's widgets are driven step by step in test_jupyterlab.py and test_voila.py; the code is
the same, so here the render and the language are checked.
"""

from __future__ import annotations

import shutil

import pytest

from crmlessons import i18n
from crmlessons.practice import Decision, get_exercise

from . import servers
from .conftest import new_page, notebooks
from .driver import (assert_no_widget_errors, check_rendered, exercise_cells, lab_cell, lab_edit_and_run,
                     lab_run_all, open_lab_notebook, settle_widgets, wait_until)
from .fonts import chinese_glyphs, empty_boxes
from .test_chinese import COURSE_TEXT
from .widget_specs import specs_for

CHINESE = [nb.parent / "zh" / nb.name for nb in notebooks()]


def first_decision(notebook):
    """(cell index, name, source) of the notebook's first decision cell."""
    return next(cell for cell in exercise_cells(notebook) if isinstance(get_exercise(cell[1]), Decision))


@pytest.mark.parametrize("notebook", CHINESE, ids=lambda p: f"zh-{p.stem}")
def test_the_chinese_edition_renders_and_answers_in_chinese(no_cjk_browser, lab_server, e2e_home, notebook, shots):
    chromium, latin = no_cjk_browser
    folder = e2e_home / "lab-root" / "zh-edition"
    folder.mkdir(exist_ok=True)
    shutil.copy2(notebook, folder / notebook.name)
    context, page = new_page(chromium)
    try:
        open_lab_notebook(page, lab_server.url(f"/lab/tree/zh-edition/{notebook.name}?reset"), folder / notebook.name)
        lab_run_all(page)
        settle_widgets(page)
        for spec in specs_for(notebook.name):
            check_rendered(page, spec)
        shots.take(page, "page")
        # Open the folded worked solutions, so their Chinese is drawn (and checked) too.
        page.evaluate("() => document.querySelectorAll('details.crm-solution').forEach(d => { d.open = true; })")
        report = chinese_glyphs(page, COURSE_TEXT, latin)
        assert sum(r["chinese"] for r in report) > 50, "the course's elements show almost no Chinese"
        boxes = empty_boxes(report)
        assert not boxes, "Chinese shown as empty boxes:\n" + "\n".join(boxes)

        index, name, source = first_decision(notebook)
        decision = get_exercise(name)
        best = decision.expected()
        with i18n.using("zh"):
            verdict = decision.check(best).message.split(" ")[0]
        lab_edit_and_run(page, index, source.replace("answer = ...", f"answer = {best!r}", 1))
        output = lab_cell(page, index).locator(".jp-OutputArea-output .crm-feedback")
        wait_until(lambda: output.count() and verdict in output.first.inner_text(), 30,
                   lambda: f"{name}: feedback {output.all_inner_texts()}, expected {verdict!r}")
        shots.take(lab_cell(page, index), "decision")
        assert_no_widget_errors(page)
    finally:
        context.close()
        servers.shutdown_sessions(lab_server, f"zh-edition/{notebook.name}")
