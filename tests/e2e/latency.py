"""What the student feels: time from a control change in the browser to the new chart on the screen.

Used by ``scripts/browser_bench.py`` (``python course.py bench --browser``) and by the quick check in
``test_latency.py``. For each widget of :mod:`widget_specs`, every control a step changes becomes a
:class:`Move` that goes there and back (a slider: one Page Up / Page Down keystroke, five steps, in
the direction of the step's keys, then back; a toggle, dropdown or radio group: two options in turn;
a checkbox: tick, untick; two preset buttons: in turn), so every move is one change of one control
and changes what the widget shows. The page itself takes the time (``performance.now()``): from the
first input event on the widget (key-down, click, input or change) until the watched output
has changed, i.e. for a chart until its ``<img>`` has a new ``src``, that image is decoded
(``img.decode()``) and the next frame starts (``requestAnimationFrame``); for a text output until
its text changed, and the next frame. Moves are played one at a time, each after the widget has been
quiet for a moment, so no move waits behind the previous one.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from .driver import perform
from .widget_specs import Action, WidgetSpec

#: Longest wait for one move's result (ms); a move that shows nothing in time counts as lost.
MOVE_TIMEOUT_MS = 10_000
#: The widget must show no change for this long (ms) before the next move starts.
QUIET_MS = 250
CHOICE_KINDS = ("toggle", "radio", "dropdown")


@dataclass(frozen=True)
class Move:
    """A control of one widget, changed back and forth; ``watch`` is the output that must change."""

    spec: WidgetSpec
    there: Action
    back: Action
    watch: str
    chart: bool

    @property
    def label(self) -> str:
        """Short description of the control, e.g. ``slider 1 (3 keys)``, ``dropdown 0: a / b``."""
        a, b = self.there, self.back
        if a.kind == "slider_keys":
            return f"slider {a.nth} ({a.key} / {b.key})"
        short = lambda text: text if len(text) <= 22 else text[:21] + "…"  # noqa: E731
        if a.label and b.label and a.label != b.label:
            return f"{a.kind} {a.nth}: {short(a.label)} / {short(b.label)}"
        return f"{a.kind} {a.nth}" + (f": {short(a.label)}" if a.label else "")


def _control(action: Action) -> tuple:
    return (action.kind if action.kind not in ("slider_keys", "slider_drag") else "slider", action.nth, action.target)


def _slider_pair(action: Action) -> tuple[Action, Action]:
    """One keystroke each way: Page Up / Page Down moves a slider 5 steps (one value change, one update),
    in the direction of the step's own keys (a drag counts as rightwards)."""
    down = action.kind == "slider_keys" and action.key in ("ArrowLeft", "ArrowDown", "PageDown", "Home")
    make = lambda key: Action("slider_keys", nth=action.nth, presses=1, key=key, target=action.target)  # noqa: E731
    return (make("PageDown"), make("PageUp")) if down else (make("PageUp"), make("PageDown"))


def moves_for(spec: WidgetSpec) -> list[Move]:
    """Return one :class:`Move` per control that the steps of ``spec`` change (text boxes left out).

    A widget with a chart is timed on the controls whose steps redraw it; a widget without one
    (language switch, quiz) on the text its first step changes. A choice control goes between two
    options of its steps, or between its step's option and the one selected before (``back.label == ""``,
    filled in by :func:`resolve_back`).

    >>> from .widget_specs import quiz_spec
    >>> [m.label for m in moves_for(quiz_spec("00"))]  # doctest: +ELLIPSIS
    ['radio 0: ... / ...']
    """
    labels: dict[tuple, list[str]] = {}
    for step in spec.steps:
        key = _control(step.action)
        if step.action.label and step.action.label not in labels.setdefault(key, []):
            labels[key].append(step.action.label)
    steps = [s for s in spec.steps if s.chart] or list(spec.steps[:1])
    moves: dict[tuple, Move] = {}
    for step in steps:
        action, key = step.action, _control(step.action)
        if key in moves or action.kind == "text":
            continue
        watch = step.chart or (step.changes[0] if step.changes else next(iter(step.expect)))
        if key[0] == "slider":
            there, back = _slider_pair(action)
        else:
            there, back = action, (action if action.kind == "checkbox" else Action(action.kind, nth=action.nth,
                                                                                     target=action.target))
        moves[key] = Move(spec, there, back, watch, bool(step.chart))
    for key, move in list(moves.items()):
        if move.there.kind in (*CHOICE_KINDS, "button") and len(labels.get(key, [])) > 1:
            first, second = labels[key][:2]
            moves[key] = Move(spec, Action(move.there.kind, first, move.there.nth, target=move.there.target),
                              Action(move.there.kind, second, move.there.nth, target=move.there.target),
                              move.watch, move.chart)
    return [m for m in moves.values() if m.back.label or m.back.kind != "button"]  # a lone button cannot go back


def css_and_index(selector: str) -> tuple[str, int]:
    """Split a spec selector such as ``".crm-quiz-feedback >> nth=2"`` into CSS and an index.

    >>> css_and_index(".crm-quiz-feedback >> nth=2"), css_and_index("img")
    (('.crm-quiz-feedback', 2), ('img', 0))
    """
    css, _, nth = selector.partition(">> nth=")
    return css.strip(), int(nth) if nth else 0


def selected_label(root, action: Action) -> str:
    """Return the label of the option now selected in the choice control of ``action``."""
    control = root.locator(action.selector).nth(action.nth)
    return control.evaluate("""(el) => {
        if (el.tagName === 'SELECT') return el.options[el.selectedIndex]?.text || '';
        const active = el.querySelector('button.mod-active');
        if (active) return active.textContent.trim();
        const checked = el.querySelector('input:checked');
        return checked ? checked.closest('label').textContent.trim() : '';
    }""")


def resolve_back(root, move: Move) -> Move:
    """Fill in a choice move's way back with the option selected now (before the first move)."""
    if move.back.label or move.back.kind not in CHOICE_KINDS:
        return move
    label = selected_label(root, move.there)
    if not label or label == move.there.label:
        raise ValueError(f"{move.spec.id}: {move.there} has no other option selected to go back to")
    return Move(move.spec, move.there, Action(move.back.kind, label, move.back.nth, target=move.back.target),
                move.watch, move.chart)


ARM_JS = """([root, watch, index, chart, timeout]) => {
    const state = {t0: null, ms: null, src: null, error: null};
    const output = () => root.querySelectorAll(watch)[index];
    const before = chart ? output()?.src : output()?.textContent;
    const kinds = ['keydown', 'click', 'input', 'change'];
    const start = (event) => { if (state.t0 === null) state.t0 = event.timeStamp; };
    let seen = before, observer = null, timer = null;
    const finish = (ms, error) => {
        if (state.ms !== null || state.error !== null) return;
        state.ms = ms; state.error = error;
        observer.disconnect(); clearTimeout(timer);
        kinds.forEach(k => root.removeEventListener(k, start, true));
    };
    const frame = () => requestAnimationFrame(() => finish(performance.now() - state.t0, null));
    observer = new MutationObserver(() => {
        const el = output();
        if (!el || state.t0 === null) return;
        if (!chart) { if (el.textContent !== before) frame(); return; }
        if (el.src === seen) return;
        seen = el.src;
        if (state.src === null) state.src = performance.now() - state.t0;
        const src = el.src;
        el.decode().then(() => { if (el.src === src) frame(); },
                         (e) => { if (el.src === src) finish(null, String(e)); });
    });
    kinds.forEach(k => root.addEventListener(k, start, true));
    observer.observe(root, {subtree: true, childList: true, characterData: true, attributes: true,
                            attributeFilter: ['src']});
    timer = setTimeout(() => finish(null, 'no change within ' + timeout + ' ms'), timeout);
    window.__crmLatency = state;
}"""

QUIET_JS = """([root, quiet, limit]) => new Promise((resolve) => {
    let timer = setTimeout(done, quiet);
    const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, quiet); });
    const cap = setTimeout(done, limit);
    function done() { observer.disconnect(); clearTimeout(timer); clearTimeout(cap); resolve(true); }
    observer.observe(root, {subtree: true, childList: true, characterData: true, attributes: true});
})"""


def _focus_slider(root, action: Action) -> None:
    handle = root.locator(action.selector).nth(action.nth)
    handle.scroll_into_view_if_needed(timeout=10_000)
    handle.focus()


def _do(page, root, action: Action) -> None:
    if action.kind == "slider_keys":
        handle = root.locator(action.selector).nth(action.nth)
        for _ in range(action.presses):
            handle.press(action.key)
    else:
        perform(page, root, action)


def time_move(page, root, action: Action, watch: str, chart: bool) -> dict:
    """Do ``action`` once; return ``{"ms": until watch showed its result, "src": until a chart's new src
    arrived (before decoding), "error": why there is no time}`` (times in ms, None when missing)."""
    handle = root.element_handle()
    page.evaluate(QUIET_JS, [handle, QUIET_MS, 5_000])
    if action.kind == "slider_keys":
        _focus_slider(root, action)  # focusing is not part of the move
    page.evaluate(ARM_JS, [handle, *css_and_index(watch), chart, MOVE_TIMEOUT_MS])
    _do(page, root, action)
    page.wait_for_function("() => window.__crmLatency.ms !== null || window.__crmLatency.error !== null",
                           timeout=MOVE_TIMEOUT_MS + 5_000)
    return page.evaluate("() => ({ms: window.__crmLatency.ms, src: window.__crmLatency.src, "
                         "error: window.__crmLatency.error})")


def measure(page, root, move: Move, moves: int = 20) -> tuple[list[float], int, list[float]]:
    """Play ``move`` ``moves`` times (there, back, there ...).

    Returns the timings in ms, the number of moves that showed nothing, and (for a chart) the times
    until the new image's ``src`` arrived, before decoding.
    """
    move = resolve_back(root, move)
    timings, lost, arrivals = [], 0, []
    for number in range(moves):
        action = move.there if number % 2 == 0 else move.back
        result = time_move(page, root, action, move.watch, move.chart)
        ms = result["ms"]
        if result["error"] is not None or ms is None or not math.isfinite(ms) or ms <= 0:
            lost += 1
            continue
        timings.append(ms)
        if result["src"] is not None:
            arrivals.append(result["src"])
    return timings, lost, arrivals


def percentile(values: list[float], q: float) -> float:
    """Return the ``q`` quantile (0..1) of ``values``, linear between order statistics.

    >>> percentile([10, 20, 30, 40, 50], 0.95)
    48.0
    """
    if not values:
        return math.nan
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(timings: list[float]) -> tuple[float, float]:
    """Return (median, 95th percentile) of ``timings`` in ms.

    >>> summary([10.0, 20.0, 30.0])
    (20.0, 29.0)
    """
    return (statistics.median(timings) if timings else math.nan), percentile(timings, 0.95)
