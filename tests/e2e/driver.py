"""Drive JupyterLab and Voila pages as a student would: run cells, play widget specs, answer exercises.

Everything waits on what the student would see (a prompt number, a text, an image), never on
"kernel idle", and every wait is bounded. Playwright is imported by the caller (conftest), so this
module imports without it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from pathlib import Path
from typing import Any, Callable

from .widget_specs import Action, Step, WidgetSpec, quiz_spec  # noqa: F401 (quiz_spec: doctest)

#: Longest wait for a whole notebook to run (seconds).
RUN_TIMEOUT = 180
#: Longest wait for one widget step's visible result (seconds).
STEP_TIMEOUT = 20
ERROR_TEXT = "Error displaying widget"


def wait_until(condition: Callable[[], Any], timeout: float, what: Callable[[], str] | str,
               interval: float = 0.1) -> Any:
    """Poll ``condition`` until it returns a true value; fail with ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"after {timeout} s: {what() if callable(what) else what}")
        time.sleep(interval)


# ---------------------------------------------------------------------------------------------
# Screenshots

class Shots:
    """Screenshots of one test, numbered in the order taken (kept only if the test fails)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.count = 0

    def take(self, target, label: str) -> None:
        """Screenshot ``target`` (a page or a locator); never fails the test itself."""
        self.count += 1
        name = re.sub(r"[^\w.-]+", "_", label)[:80]
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            target.screenshot(path=str(self.folder / f"{self.count:02d}_{name}.png"), timeout=10_000)
        except Exception as exc:  # noqa: BLE001 - a screenshot problem must not hide the real result
            (self.folder / f"{self.count:02d}_{name}.txt").write_text(f"screenshot failed: {exc}")


# ---------------------------------------------------------------------------------------------
# Page-wide checks

def widget_errors(page) -> list[str]:
    """Return every "Error displaying widget ..." text the page shows where a widget should be.

    Lesson text and HTML outputs (markdown cells, ``crm.doctor()``) may quote the message to explain
    it, so only text outside them counts.
    """
    return page.evaluate("""(needle) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const found = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (!node.textContent.includes(needle) || !el) continue;
            if (el.closest('.jp-RenderedHTMLCommon, .jp-MarkdownCell, .jp-RenderedMarkdown, .jp-Editor, .cm-editor')) continue;
            found.push(el.textContent.trim().slice(0, 200));
        }
        return found;
    }""", ERROR_TEXT)


def assert_no_widget_errors(page) -> None:
    """Fail if the page shows "Error displaying widget" where a widget should be."""
    errors = widget_errors(page)
    assert not errors, f"the page shows widget errors: {errors}"


def widget_classes(page) -> list[str]:
    """Return the ``crm-<name>`` class of every ``.crm-widget`` root on the page, in page order."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('.crm-widget')).map(
        e => Array.from(e.classList).filter(c => c.startsWith('crm-') && c !== 'crm-widget').join(' '))""")


def settle_widgets(page, timeout: float = 15) -> list[str]:
    """Wait until the set of course widgets on the page stops changing for 1 s; return their classes."""
    last, stable_since = None, time.monotonic()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = widget_classes(page)
        if now != last:
            last, stable_since = now, time.monotonic()
        elif time.monotonic() - stable_since >= 1.0:
            break
        time.sleep(0.2)
    return last or []


def unspecified_widgets(classes: list[str], specs: list[WidgetSpec]) -> list[str]:
    """Return the widget classes on the page that no spec covers (by name and instance count).

    >>> unspecified_widgets(["crm-quiz", "crm-funnel"], [quiz_spec("00")])
    ['crm-funnel']
    """
    counts: dict[str, int] = {}
    missing = []
    for entry in classes:
        names = [c[len("crm-"):] for c in entry.split()]
        name = next((n for n in names if any(s.name == n for s in specs)), names[0] if names else "")
        counts[name] = counts.get(name, 0) + 1
        if not any(s.name == name and s.instance == counts[name] - 1 for s in specs):
            missing.append(f"crm-{name}" if counts[name] == 1 else f"crm-{name} (instance {counts[name] - 1})")
    return missing


# ---------------------------------------------------------------------------------------------
# Widget specs

def image_bytes(locator) -> bytes:
    """Return the bytes of the image an ``img`` element shows (data:, blob: or http URL)."""
    encoded = locator.evaluate("""async (img) => {
        const response = await fetch(img.currentSrc || img.src);
        const bytes = new Uint8Array(await response.arrayBuffer());
        let text = '';
        for (let i = 0; i < bytes.length; i += 0x8000) {
            text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
        }
        return btoa(text);
    }""")
    return base64.b64decode(encoded)


def is_png(data: bytes) -> bool:
    """True when ``data`` is a non-trivial PNG image."""
    return data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 1000


def _text(root, selector: str) -> str:
    locator = root.locator(selector).first
    return locator.inner_text(timeout=5_000) if locator.count() else f"<no element {selector!r}>"


def _digest(root, selector: str) -> str:
    locator = root.locator(selector).first
    if not locator.count():
        return f"<no element {selector!r}>"
    return hashlib.sha256(image_bytes(locator)).hexdigest()


def perform(page, root, action: Action) -> None:
    """Do ``action`` on its control inside ``root``, with mouse and keyboard like a student."""
    control = root.locator(action.selector).nth(action.nth)
    control.scroll_into_view_if_needed(timeout=10_000)
    kind = action.kind
    if kind == "slider_keys":
        control.click()
        for _ in range(action.presses):
            control.press(action.key)
    elif kind == "slider_drag":
        track = control.locator("xpath=ancestor::*[contains(@class,'noUi-target')][1]")
        handle_box, track_box = control.bounding_box(), track.bounding_box()
        y = handle_box["y"] + handle_box["height"] / 2
        page.mouse.move(handle_box["x"] + handle_box["width"] / 2, y)
        page.mouse.down()
        page.mouse.move(track_box["x"] + action.to * track_box["width"], y, steps=12)
        page.mouse.up()
    elif kind == "dropdown":
        control.select_option(label=action.label)
    elif kind == "toggle":
        control.get_by_role("button", name=action.label, exact=True).click()
    elif kind == "radio":
        control.locator("label").filter(has_text=re.compile(rf"^\s*{re.escape(action.label)}\s*$")).click()
    elif kind == "button":
        root.locator(action.selector).filter(has_text=action.label).nth(action.nth).click()
    elif kind == "checkbox":
        control.click()
    elif kind == "text":
        control.fill(action.label)
        control.press("Enter")
    else:
        raise ValueError(f"unknown action kind {kind!r}")


def play_step(page, root, step: Step, shots: Shots, label: str) -> None:
    """Perform one step and wait until everything it promises is visible."""
    before_text = {s: _text(root, s) for s in step.changes}
    before_image = _digest(root, step.chart) if step.chart else None
    perform(page, root, step.action)

    def state() -> dict:
        return {"texts": {s: _text(root, s) for s in {*step.changes, *step.expect}},
                "image": _digest(root, step.chart) if step.chart else None}

    def done() -> bool:
        now = state()
        return (all(now["texts"][s] != before_text[s] for s in step.changes)
                and all(t in now["texts"][s] for s, t in step.expect.items())
                and (not step.chart or now["image"] != before_image))

    def explain() -> str:
        now = state()
        lines = [f"step {label} ({step.action}) did not show its result:"]
        lines += [f"  text of {s!r} should change; before {before_text[s]!r}, now {now['texts'][s]!r}"
                  for s in step.changes]
        lines += [f"  {s!r} should contain {t!r}; it shows {now['texts'][s]!r}" for s, t in step.expect.items()]
        if step.chart:
            lines.append(f"  chart {step.chart!r} should change; "
                         f"{'it did' if now['image'] != before_image else 'it did not'}")
        return "\n".join(lines)

    try:
        wait_until(done, STEP_TIMEOUT, explain, interval=0.15)
    finally:
        shots.take(root, f"{label}_after")
    if step.chart:
        data = image_bytes(root.locator(step.chart).first)
        assert is_png(data), f"chart {step.chart!r} is not a PNG image after step {label}"


def check_rendered(page, spec: WidgetSpec):
    """Return the root of ``spec``'s widget after checking it and its controls are visible."""
    root = page.locator(spec.root).nth(spec.instance)
    root.wait_for(state="visible", timeout=60_000)
    root.scroll_into_view_if_needed()
    for selector in spec.controls:
        control = root.locator(selector).first
        try:
            control.wait_for(state="visible", timeout=15_000)
        except Exception as exc:  # noqa: BLE001 - restate in the widget's terms
            raise AssertionError(f"widget {spec.root} rendered without its control {selector!r}") from exc
    assert_no_widget_errors(page)
    return root


def play_spec(page, spec: WidgetSpec, shots: Shots) -> None:
    """Check ``spec``'s widget rendered, then play its steps, screenshotting before and after."""
    root = check_rendered(page, spec)
    shots.take(root, f"{spec.id}_before")
    for number, step in enumerate(spec.steps, 1):
        play_step(page, root, step, shots, f"{spec.id}_step{number}")
    assert_no_widget_errors(page)


# ---------------------------------------------------------------------------------------------
# JupyterLab

CODE_PROMPTS_JS = """() => Array.from(document.querySelectorAll('.jp-Notebook .jp-CodeCell')).filter(
    c => (c.querySelector('.cm-content')?.textContent || '').trim() !== '').map(
    c => (c.querySelector('.jp-InputArea-prompt')?.textContent || '').trim())"""


def lab_prompts(page) -> list[str]:
    """Return the prompts ("[ ]:", "[*]:", "[3]:") of the notebook's non-empty code cells."""
    return page.evaluate(CODE_PROMPTS_JS)


def menu(page, top: str, item: str) -> None:
    """Click ``top`` in the menu bar, wait for ``item`` to be enabled, and click it."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^{re.escape(top)}$")).click()
    entry = page.get_by_role("menuitem", name=item, exact=True)
    entry.wait_for(state="visible", timeout=10_000)
    wait_until(lambda: entry.get_attribute("aria-disabled") != "true", 20, f"menu item {item!r} stays disabled")
    entry.click()


def code_cell_count(notebook: Path) -> int:
    """Return the number of non-empty code cells of ``notebook`` (read from its file)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(c["cell_type"] == "code" and bool("".join(c["source"]).strip()) for c in cells)


def open_lab_notebook(page, url: str, notebook: Path) -> None:
    """Open ``notebook`` in JupyterLab at ``url`` (ending in ``?reset``); wait until all its code shows."""
    page.goto(url, wait_until="domcontentloaded", timeout=60_000)
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(state="visible", timeout=60_000)
    expected = code_cell_count(notebook)
    wait_until(lambda: len(lab_prompts(page)) == expected, 60,
               lambda: f"JupyterLab shows {len(lab_prompts(page))} of the {expected} code cells of {notebook.name}")


def lab_run_all(page) -> None:
    """Clear every output, run all cells from the menu, and wait until every code cell has run."""
    n = len(lab_prompts(page))
    assert n, "the notebook has no code cell"
    for attempt in range(4):
        page.locator(".jp-Notebook .jp-Cell .jp-InputPrompt").first.click()
        menu(page, "Edit", "Clear Outputs of All Cells")
        wait_until(lambda: all(p in ("[ ]:", "") for p in lab_prompts(page)), 10,
                   lambda: f"outputs were not cleared: {lab_prompts(page)}")
        menu(page, "Run", "Run All Cells")
        try:  # under load "Run All Cells" sometimes runs nothing: check it started, else try again
            wait_until(lambda: re.fullmatch(r"\[(\*|\d+)\]:", lab_prompts(page)[0]), 15, "run did not start")
            break
        except AssertionError:
            if attempt == 3:
                raise
    wait_until(lambda: all(re.fullmatch(r"\[\d+\]:", p) for p in lab_prompts(page)), RUN_TIMEOUT,
               lambda: f"not every cell ran: prompts {lab_prompts(page)}", interval=0.25)
    errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
                          ', .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')
    texts = [t for t in errors.all_inner_texts() if "Traceback" in t or "Error" in t]
    assert not texts, "a cell failed when run in JupyterLab:\n" + "\n".join(t[-1500:] for t in texts)


def lab_cell(page, index: int):
    """Return the locator of the notebook's cell number ``index`` (0-based, all cell types)."""
    return page.locator(".jp-Notebook .jp-Cell").nth(index)


def lab_edit_and_run(page, index: int, source: str) -> None:
    """Replace the code of cell ``index`` by ``source`` (typed in the editor) and run it with Shift+Enter."""
    cell = lab_cell(page, index)
    cell.scroll_into_view_if_needed()
    editor = cell.locator(".cm-content")
    editor.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.insert_text(source)
    wait_until(lambda: editor.inner_text().strip() == source.strip(), 10,
               lambda: f"cell {index} shows {editor.inner_text()!r}, not {source!r}")
    page.keyboard.press("Shift+Enter")


def lab_run_cell(page, index: int) -> None:
    """Run cell ``index`` again as it is (click into it, Shift+Enter)."""
    cell = lab_cell(page, index)
    cell.scroll_into_view_if_needed()
    cell.locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")


def lab_cell_index(page, selector: str) -> int:
    """Return the index of the first cell containing an element matching ``selector`` (-1 if none)."""
    return page.evaluate("""(sel) => {
        const cells = Array.from(document.querySelectorAll('.jp-Notebook .jp-Cell'));
        return cells.findIndex(c => c.querySelector(sel) !== null);
    }""", selector)


def lab_insert_cell_below(page, index: int) -> int:
    """Insert an empty code cell below cell ``index`` with the keyboard (Esc, B); return its index."""
    count = page.locator(".jp-Notebook .jp-Cell").count()
    lab_cell(page, index).locator(".jp-InputPrompt").click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    wait_until(lambda: page.locator(".jp-Notebook .jp-Cell").count() == count + 1, 10, "no cell was inserted")
    return index + 1


# ---------------------------------------------------------------------------------------------
# Exercise checks found in a notebook

CHECK_CALL = re.compile(r"""crm\.check\(\s*["']([^"']+)["']\s*,\s*answer\b""")
ANSWER_LINE = re.compile(r"^answer\s*=.*$", re.MULTILINE)


def exercise_cells(notebook: Path) -> list[tuple[int, str, str]]:
    """Return (cell index, exercise name, cell source) of each ``crm.check("NAME", answer)`` cell.

    >>> from pathlib import Path
    >>> [(name) for _, name, _ in exercise_cells(Path(__file__).parents[2] / "notebooks" / "00_start_here.ipynb")]
    ['00.warmup', '00.first_region', '00.product_line']
    """
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    found = []
    for index, cell in enumerate(cells):
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and ANSWER_LINE.search(source):
            for name in CHECK_CALL.findall(source):
                found.append((index, name, source))
    return found


def literal(value: Any) -> str:
    """Return Python source for ``value`` that a notebook cell can use without imports.

    >>> literal(1000), literal(0.25), literal("loyal"), literal([1, 2])
    ('1000', '0.25', "'loyal'", '[1, 2]')
    """
    if hasattr(value, "item") and not hasattr(value, "__len__"):
        value = value.item()  # numpy scalar -> Python scalar
    if isinstance(value, (list, tuple, set, frozenset)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else list(value)
        return "[" + ", ".join(literal(v) for v in items) + "]"
    return repr(value)


def wrong_literal(value: Any) -> str:
    """Return Python source for an answer of the same kind as ``value`` that is clearly wrong.

    >>> wrong_literal(1000), wrong_literal("loyal"), wrong_literal(True)
    ('3007', "'certainly not this'", 'False')
    """
    if hasattr(value, "item") and not hasattr(value, "__len__"):
        value = value.item()
    if isinstance(value, bool):
        return repr(not value)
    if isinstance(value, int):
        return repr(value * 3 + 7)
    if isinstance(value, float):
        return repr(round(value * 3 + 7.5, 6))
    if isinstance(value, str):
        return repr("certainly not this")
    return "[]"


def answered(source: str, answer: str) -> str:
    """Return ``source`` with its ``answer = ...`` line set to ``answer = <answer>``."""
    return ANSWER_LINE.sub(lambda _: f"answer = {answer}", source, count=1)
