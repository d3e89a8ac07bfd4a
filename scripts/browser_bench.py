"""What the student feels: each widget's time from a control change in the browser to the new chart on screen.

Usage::

    python course.py bench --browser                    # every lesson in Voila, 20 moves per control
    python scripts/browser_bench.py --moves 40 --lesson 04 --app lab

Starts Voila (or JupyterLab) on 127.0.0.1 with private settings and headless Chromium, exactly as the
browser tests do (``tests/e2e/servers.py``, ``conftest.py``), runs a temporary copy of each lesson,
and for every widget of ``tests/e2e/widget_specs.py`` changes each control that redraws its chart
back and forth (see ``tests/e2e/latency.py`` for what a move is and how the page times it). Widgets
without a chart (language switch, quiz) are timed on the text they change. A widget that appears
in several lessons (the quiz) or twice in one (the Chinese copy) is timed once, unless ``--every``.

This is a benchmark, not a test: it prints a table (median and 95th percentile in ms, the number of
timed moves, moves that showed nothing within 10 s, and for charts the median time until the new
image arrived, before the browser decoded it) and fails on nothing but a broken set-up.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.e2e import servers  # noqa: E402 - the repo root must be on sys.path first
from tests.e2e.conftest import CHROMIUM_ARGS, find_chromium, notebooks  # noqa: E402
from tests.e2e.driver import check_rendered, lab_run_all, open_lab_notebook, settle_widgets  # noqa: E402
from tests.e2e.latency import measure, moves_for, summary  # noqa: E402
from tests.e2e.widget_specs import lesson_of, specs_for  # noqa: E402

#: The p95 a widget should stay under (ms): faster than a student notices a lag.
GOAL_MS = 100


def chosen_specs(notebook: str, seen: set[str], every: bool) -> list:
    """The specs of ``notebook`` to time: first instance of each widget not timed before (all with ``every``)."""
    chosen = []
    for spec in specs_for(notebook):
        if every or (spec.instance == 0 and spec.name not in seen):
            chosen.append(spec)
            seen.add(spec.name)
    return chosen


def open_notebook(page, app: str, server, home: Path, notebook: str) -> None:
    """Open ``notebook``'s copy in Voila or JupyterLab and wait until all its cells ran."""
    if app == "voila":
        page.goto(server.url(f"/voila/render/{notebook}"), wait_until="commit")
        page.locator("#rendered_cells").wait_for(state="visible", timeout=180_000)
        page.locator("#loading").wait_for(state="hidden", timeout=60_000)
    else:
        open_lab_notebook(page, server.url(f"/lab/tree/{notebook}?reset"), home / "root" / notebook)
        lab_run_all(page)
    settle_widgets(page)


def bench_notebook(page, notebook: str, specs: list, moves: int) -> list[tuple]:
    """Time every move of ``specs`` on the open page; return table rows."""
    rows = []
    for spec in specs:
        root = check_rendered(page, spec)
        for move in moves_for(spec):
            timings, lost, arrivals = measure(page, root, move, moves)
            median, p95 = summary(timings)
            arrival = summary(arrivals)[0] if arrivals else math.nan
            rows.append((f"{spec.id} ({lesson_of(notebook)})", move.label, median, p95, len(timings), lost, arrival))
            print(f"  {rows[-1][0]:18} {move.label:48} {median:7.1f} {p95:7.1f} {len(timings):4d} {lost:4d}"
                  f" {arrival:7.1f}", flush=True)
    return rows


def print_table(rows: list[tuple]) -> None:
    """Print the rows as a Markdown table (for the README) and say which miss the goal.

    ``src ms``: median time until a chart's new image arrived, before the browser decoded and showed it.
    """
    print("\n| widget (lesson) | control | median ms | p95 ms | n | lost | src ms |\n|---|---|---|---|---|---|---|")
    for widget, control, median, p95, n, lost, arrival in rows:
        src = "" if math.isnan(arrival) else f"{arrival:.0f}"
        print(f"| {widget} | {control} | {median:.0f} | {p95:.0f} | {n} | {lost} | {src} |")
    slow = [f"{w} {c}" for w, c, _, p95, _, _, _ in rows if not p95 < GOAL_MS]
    print(f"\np95 under {GOAL_MS} ms: {len(rows) - len(slow)} of {len(rows)} controls"
          + (f"; over: {', '.join(slow)}" if slow else ""))


def start_server(app: str, home: Path, chosen: list[Path]):
    """Copy ``chosen`` notebooks into a fresh folder and start the app's server on it."""
    root = home / "root"
    root.mkdir()
    for path in chosen:
        shutil.copy2(path, root / path.name)
    start = servers.start_voila if app == "voila" else servers.start_jupyterlab
    return start(root, home / f"{app}-home")


def run(app: str, lessons: list[str] | None, moves: int, every: bool) -> list[tuple]:
    """Start server and browser, time every chosen lesson's widgets, stop everything; return the rows."""
    from playwright.sync_api import sync_playwright

    chosen = [nb for nb in notebooks() if lessons is None or lesson_of(nb.name) in lessons]
    rows, seen = [], set()
    with tempfile.TemporaryDirectory(prefix="crmlessons-browser-bench-") as scratch:
        home = Path(scratch)
        server = start_server(app, home, chosen)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
                print(f"# {app} on 127.0.0.1, Chromium {browser.version}, Python {platform.python_version()}, "
                      f"{os.cpu_count()} CPUs; {moves} moves per control", flush=True)
                for notebook in chosen:
                    specs = chosen_specs(notebook.name, seen, every)
                    if not specs:
                        continue
                    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
                    page = context.new_page()
                    page.set_default_timeout(30_000)
                    print(f"{notebook.name}", flush=True)
                    try:
                        open_notebook(page, app, server, home, notebook.name)
                        rows += bench_notebook(page, notebook.name, specs, moves)
                    except Exception as exc:  # noqa: BLE001 - report it and time the other lessons
                        print(f"  not measured: {type(exc).__name__}: {str(exc)[:300]}", flush=True)
                        rows += [(f"{s.id} ({lesson_of(notebook.name)})", "not measured (see above)",
                                  math.nan, math.nan, 0, 0, math.nan) for s in specs]
                    context.close()
                    if app == "lab":
                        servers.shutdown_sessions(server, notebook.name)
                browser.close()
        finally:
            server.stop()
    return rows


def main(argv: list[str]) -> None:
    """Parse ``argv``, run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", choices=("voila", "lab"), default="voila",
                        help="where the lessons run (default voila)")
    parser.add_argument("--moves", type=int, default=20, help="moves per control (default 20, at least 3)")
    parser.add_argument("--lesson", action="append", help="only this lesson id, e.g. 04 (repeatable)")
    parser.add_argument("--every", action="store_true", help="also the quiz of every lesson and second copies")
    args = parser.parse_args(argv)
    if args.moves < 3:
        parser.error(f"--moves must be at least 3; got {args.moves}")
    print_table(run(args.app, args.lesson, args.moves, args.every))


if __name__ == "__main__":
    main(sys.argv[1:])
