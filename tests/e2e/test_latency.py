"""The browser latency benchmark's measuring code works (``python course.py bench --browser``).

Not a timed test: it checks that moves give real timings, not that they are fast.
"""

from __future__ import annotations

import math

from . import latency
from .driver import check_rendered, settle_widgets
from .widget_specs import Action, specs_for

NOTEBOOK = "03_man_qualification.ipynb"


def open_in_voila(page, voila_server) -> None:
    page.goto(voila_server.url(f"/voila/render/{NOTEBOOK}"), wait_until="commit")
    page.locator("#rendered_cells").wait_for(state="visible", timeout=180_000)
    page.locator("#loading").wait_for(state="hidden", timeout=60_000)
    settle_widgets(page)


def test_three_moves_give_three_positive_finite_timings(page, voila_server, monkeypatch):
    open_in_voila(page, voila_server)  # a page of its own: the moves change the widget's state
    spec = next(s for s in specs_for(NOTEBOOK) if s.name == "qualifier" and s.instance == 0)
    root = check_rendered(page, spec)
    slider = next(m for m in latency.moves_for(spec) if m.chart and m.there.kind == "slider_keys")
    timings, lost, arrivals = latency.measure(page, root, slider, moves=3)
    assert lost == 0 and len(timings) == 3, (timings, lost)
    assert all(math.isfinite(t) and 0 < t < latency.MOVE_TIMEOUT_MS for t in timings), timings
    # The image arrives before it is decoded and shown.
    assert len(arrivals) == 3 and all(0 < a <= t for a, t in zip(arrivals, timings)), (arrivals, timings)

    # A move whose watched output does not change gives no time (no made-up figure).
    monkeypatch.setattr(latency, "MOVE_TIMEOUT_MS", 1_500)
    unchanged = latency.time_move(page, root, Action("slider_keys", presses=1, key="PageUp"),
                                  ".crm-qualifier-money", chart=False)
    assert unchanged["ms"] is None and "no change" in unchanged["error"]
