"""Speed figures of the course: import time, notebook run time, kernel memory, widget latency, data scale.

Usage::

    python course.py bench                 # everything
    python course.py bench --only widgets  # one part: import, notebooks, widgets, data, models
    python course.py bench --browser       # widget latency felt in the browser (scripts/browser_bench.py)

This is a benchmark, not a test: it prints figures (quoted in the README) and fails on nothing.

* ``import crmlessons`` against a bare ``import pandas, matplotlib.pyplot`` and an empty interpreter,
  each the median of several fresh processes.
* Each lesson notebook's execution time against an empty notebook's (the kernel start-up floor),
  and the kernel's peak memory (max RSS) at the end of the notebook.
* Widget update latency: every widget module may define ``BENCHMARK``, a list of
  ``(label, make_widget, update)`` where ``update(widget, i)`` changes a control the way a slider move
  would; the figure is the median and worst time of one update, in milliseconds.
* Data generation scale, from ``crmlessons.datasets.bench.scale_benchmark()``.
* Lesson 06's model fits: ``clv.fit_bgnbd`` and ``clv.fit_gamma_gamma`` on Hengtai's summary and on
  samples drawn from the CDNOW model (2,357 customers, CDNOW's size, and 1,200), median and worst of
  several fits in milliseconds (the issue's target: well under a second; lifetimes takes about 0.1 s).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEAK_MEMORY_CELL = ("import resource, sys\n"
                    "_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
                    "print('PEAK_MB', _kb / 1024 if sys.platform != 'darwin' else _kb / 2**20)")


def median_seconds(command: list[str], runs: int = 7) -> float:
    """Median wall time of ``command`` over ``runs`` fresh processes."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_import() -> None:
    """Print the import-time comparison."""
    python = sys.executable
    empty = median_seconds([python, "-c", "pass"])
    bare = median_seconds([python, "-c", "import pandas, matplotlib.pyplot"])
    ours = median_seconds([python, "-c", "import crmlessons"])
    print("\n## import time (median of 7 fresh processes)")
    print(f"python -c pass                          {empty:6.2f} s")
    print(f"import pandas, matplotlib.pyplot        {bare:6.2f} s")
    print(f"import crmlessons                       {ours:6.2f} s")


def run_notebook(path: Path | None) -> tuple[float, float]:
    """Execute a copy of ``path`` (None: an empty notebook); return (seconds, peak MB of the kernel)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4) if path else nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_MEMORY_CELL))
    with tempfile.TemporaryDirectory() as scratch:
        client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": scratch}})
        start = time.perf_counter()
        client.execute()
        seconds = time.perf_counter() - start
    text = nb.cells[-1].outputs[0]["text"]
    return seconds, float(text.split()[1])


def bench_notebooks() -> None:
    """Print each notebook's execution time and the kernel's peak memory."""
    floor, floor_mb = run_notebook(None)
    print("\n## notebook execution (fresh kernel each; the empty notebook is the kernel start-up floor)")
    print(f"{'notebook':34} {'seconds':>8} {'above floor':>12} {'peak MB':>8}")
    print(f"{'(empty notebook)':34} {floor:8.2f} {0:12.2f} {floor_mb:8.0f}")
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        seconds, peak = run_notebook(path)
        print(f"{path.name:34} {seconds:8.2f} {seconds - floor:12.2f} {peak:8.0f}")


def widget_cases() -> list:
    """Collect ``BENCHMARK`` entries from every widget module."""
    import crmlessons.widgets

    cases = []
    for module in pkgutil.iter_modules(crmlessons.widgets.__path__, "crmlessons.widgets."):
        cases += getattr(importlib.import_module(module.name), "BENCHMARK", [])
    return cases


def _status_error(widget) -> bool:
    """Whether the widget's status area shows an error (then its timing measures the error path)."""
    return "crm-error" in getattr(getattr(widget, "status", None), "value", "")


def bench_widgets(repeats: int = 30) -> None:
    """Print the update latency of every widget that declares a benchmark.

    An update that ends with an error in the widget's status area is flagged: a fast error is no
    figure for a working update.
    """
    print(f"\n## widget update latency ({repeats} updates each, after one warm-up)")
    print(f"{'widget update':62} {'median ms':>10} {'worst ms':>9}")
    for label, make, update in widget_cases():
        widget = make()
        update(widget, 0)
        times, failed = [], 0
        for i in range(1, repeats + 1):
            start = time.perf_counter()
            update(widget, i)
            times.append((time.perf_counter() - start) * 1000)
            failed += _status_error(widget)
        flag = f"  ({failed} updates showed an error)" if failed else ""
        print(f"{label:62} {statistics.median(times):10.1f} {max(times):9.1f}{flag}")


def bench_data() -> None:
    """Print how data generation time and memory grow with size."""
    try:
        from crmlessons.datasets.bench import scale_benchmark
    except ImportError:
        print("\n## data generation: not available")
        return
    print("\n## data generation scale (make_case)")
    print(scale_benchmark().to_string(index=False))


def _model_samples() -> dict:
    """Hengtai's weekly summary and two samples drawn from the CDNOW estimates (ages 27 to 39 weeks, as there)."""
    import numpy as np

    from crmlessons import clv, datasets, value

    samples = {"Hengtai (value.rfm_summary, weeks)": value.rfm_summary(datasets.load_orders())}
    for n in (2357, 1200):
        ages = np.random.default_rng(n).uniform(27, 39, n)
        summary = clv.simulate_bgnbd(n, r=0.243, alpha=4.414, a=0.793, b=2.426, T=ages, random_state=n)
        summary["monetary_value"] = clv.simulate_gamma_gamma(summary["frequency"], p=6.25, q=3.74, v=15.44,
                                                             random_state=n)
        samples[f"CDNOW model, {n:,} simulated customers"] = summary
    return samples


def bench_models(repeats: int = 7) -> None:
    """Print the fit time of the BG/NBD and Gamma-Gamma models (median and worst of ``repeats``)."""
    from crmlessons import clv

    print(f"\n## model fits (median / worst of {repeats} fits, ms, after one warm-up)")
    print(f"{'summary':40} {'customers':>9} {'fit_bgnbd':>12} {'fit_gamma_gamma':>16}")
    for label, summary in _model_samples().items():
        figures = []
        for fit in (clv.fit_bgnbd, clv.fit_gamma_gamma):
            fit(summary)
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                fit(summary)
                times.append((time.perf_counter() - start) * 1000)
            figures.append(f"{statistics.median(times):.0f} / {max(times):.0f}")
        print(f"{label:40} {len(summary):9,} {figures[0]:>12} {figures[1]:>16}")


PARTS = {"import": bench_import, "notebooks": bench_notebooks, "widgets": bench_widgets, "data": bench_data,
         "models": bench_models}


def main(argv: list[str]) -> None:
    """Run the benchmark parts named in ``argv`` (all by default)."""
    if "--browser" in argv:  # control change to chart on screen, in Chromium: scripts/browser_bench.py
        import browser_bench

        browser_bench.main([a for a in argv if a != "--browser"])
        return
    parser = argparse.ArgumentParser(description="Speed figures of the course.")
    parser.add_argument("--only", choices=sorted(PARTS), action="append")
    args = parser.parse_args(argv)
    import platform

    print(f"# crmlessons benchmark: Python {platform.python_version()} on {platform.system()}, "
          f"{__import__('os').cpu_count()} CPUs")
    for name in args.only or PARTS:
        PARTS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
