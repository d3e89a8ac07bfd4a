"""The course's Voila apps as ``python course.py review`` and ``python course.py project NN`` serve them.

Each test starts Voila with the very command line ``course.voila_command`` builds (course.py imported from the
repo root), on a free port, with a temporary work folder and private Jupyter folders, opens it in the session's
Chromium and stops the server (its whole process group) at the end, also on failure.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from . import servers
from .conftest import NOTEBOOK_DIR, ROOT, new_page
from .driver import assert_no_widget_errors, play_spec, settle_widgets
from .fonts import chinese_glyphs, empty_boxes
from .test_chinese import CONTROL
from .widget_specs import accounts_spec, specs_for

LESSON_03 = "03_man_qualification.ipynb"
#: The account-review spec in Chinese (the app started with --lang zh builds its widget in Chinese).
ACCOUNTS_ZH = accounts_spec("已流失：C01283", "已流失", "流失：", "不在客户表中")
#: Projector mode's promise: text read from the back row is at least this large (CSS pixels).
PROJECTOR_PX = 20
MARKDOWN_TEXT, WIDGET_LABEL = ".jp-RenderedMarkdown p", ".crm-widget .widget-label"


def course_script():
    """Import the repo's course.py (the students' launcher) as a module, without running it."""
    spec = importlib.util.spec_from_file_location("course_script", ROOT / "course.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COURSE = course_script()


@contextmanager
def app_server(home: Path, notebook: Path, args: list[str], projector: bool = False):
    """Serve ``notebook`` with the launcher's command and environment; yield the server, then stop it.

    The launcher's own settings (work folder, language, projector template path) go on top of private
    Jupyter folders, so the tester's Jupyter setup does not leak in.
    """
    work = home / "work"
    work.mkdir(parents=True, exist_ok=True)
    port = servers.free_port()
    command, env = COURSE.voila_command(Path(sys.executable), notebook, [*args, "--port", str(port), "--no-browser"],
                                        work, projector)
    launcher = {key: value for key, value in env.items() if os.environ.get(key) != value}
    server = servers.Server("Voila app", command, {**servers.isolated_env(home), **launcher}, work,
                            home / "voila-app.log", f"http://127.0.0.1:{port}", "/voila/static/voila.js")
    server.start()
    try:
        yield server
    except BaseException:
        sys.stderr.write(f"\n--- {server.name} log ---\n{server.log_tail(3000)}\n")
        raise
    finally:
        server.stop()


def open_app(page, server) -> None:
    """Open the app's page and wait until every cell has run and its widgets stopped appearing."""
    page.goto(server.url("/"), wait_until="commit")
    page.locator("#rendered_cells").wait_for(state="visible", timeout=120_000)
    page.locator("#loading").wait_for(state="hidden", timeout=60_000)
    settle_widgets(page)


def assert_no_traceback(page) -> None:
    text = page.locator("body").inner_text()
    assert "Traceback" not in text, f"the app shows a traceback: {text[-1500:]}"
    assert page.locator('[data-mime-type="application/vnd.jupyter.stderr"], '
                        '[data-mime-type="application/vnd.jupyter.error"]').count() == 0, "the app shows an error output"


def code_lines(notebook: Path) -> list[str]:
    """The lines of ``notebook``'s code that its text cells do not quote (so they must not be on an app page)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    prose = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] != "code")
    lines = {line.strip() for c in cells if c["cell_type"] == "code" for line in "".join(c["source"]).splitlines()}
    return sorted(line for line in lines if len(line) > 12 and line not in prose)


def font_px(page, selector: str) -> float:
    """The computed font size (CSS px) of the first visible element matching ``selector``."""
    element = page.locator(f"{selector} >> visible=true").first
    element.wait_for(state="visible", timeout=30_000)
    return element.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")


# ---------------------------------------------------------------------------------------------
# python course.py review [--lang zh]

def test_review_app_in_english(page, e2e_home, shots):
    with app_server(e2e_home / "review-en", COURSE.REVIEW_APP, []) as server:
        open_app(page, server)
        spec = next(s for s in specs_for("08_capstone_case.ipynb") if s.name == "accounts")
        play_spec(page, spec, shots)  # ends with a bad id (an error sentence in the status), then a good one
        assert_no_traceback(page)


def test_review_app_in_chinese_shows_every_character(no_cjk_browser, e2e_home, shots):
    chromium, latin = no_cjk_browser  # a browser without Chinese system fonts: only the shipped web font has them
    context, page = new_page(chromium)
    try:
        with app_server(e2e_home / "review-zh", COURSE.REVIEW_APP, ["--lang", "zh"]) as server:
            open_app(page, server)
            play_spec(page, ACCOUNTS_ZH, shots)
            assert_no_traceback(page)
            widget = page.locator(".crm-widget.crm-accounts")
            labels = widget.inner_text()
            for word in ("客户复盘", "显示", "或输入编号", "毛利排名", "下一步"):
                assert word in labels, f"the Chinese app does not show {word!r}: {labels[:300]!r}"
            # This browser draws plain Chinese text as empty boxes ...
            page.evaluate("(html) => document.body.insertAdjacentHTML('beforeend', html)", CONTROL)
            assert empty_boxes(chinese_glyphs(page, "#crm-no-font-control", latin)), "the browser has a Chinese font"
            page.evaluate("() => document.querySelector('#crm-no-font-control').remove()")
            # ... but every Chinese character of the app's widget is drawn by a font that has it.
            report = chinese_glyphs(page, ".crm-widget.crm-accounts", latin)
            assert sum(r["chinese"] for r in report) > 50, report
            boxes = empty_boxes(report)
            assert not boxes, "Chinese shown as empty boxes:\n" + "\n".join(boxes)
    finally:
        context.close()


# ---------------------------------------------------------------------------------------------
# python course.py project 03

def test_projector_mode_shows_large_text_and_no_code(page, voila, e2e_home, shots):
    # The normal app view (the session's Voila server): text at JupyterLab's usual size.
    normal = voila.get(LESSON_03)
    normal_sizes = font_px(normal, MARKDOWN_TEXT), font_px(normal, WIDGET_LABEL)
    assert max(normal_sizes) < PROJECTOR_PX, f"the normal app view is already large: {normal_sizes}"

    with app_server(e2e_home / "projector", NOTEBOOK_DIR / LESSON_03, [], projector=True) as server:
        open_app(page, server)
        shots.take(page, "projector")
        sizes = font_px(page, MARKDOWN_TEXT), font_px(page, WIDGET_LABEL)
        assert min(sizes) >= PROJECTOR_PX, f"projector text (paragraph, widget label) is {sizes} px"
        assert page.locator(".jp-InputArea-editor, .jp-InputArea .cm-editor").count() == 0, "the app shows code"
        text = page.locator("body").inner_text()
        shown = [line for line in code_lines(NOTEBOOK_DIR / LESSON_03) if line in text]
        assert not shown, f"the app shows code lines: {shown}"
        assert_no_widget_errors(page)
