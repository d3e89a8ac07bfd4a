"""Re-execute the lesson notebooks in place, so their committed outputs are fresh and reproducible.

Usage::

    python course.py execute                      # every notebook in notebooks/ and notebooks/apps/
    python course.py execute notebooks/01_*.ipynb  # some of them

For each English notebook it also builds the lesson's Chinese edition ``notebooks/zh/NN_name.ipynb`` from
the notebook and the lesson's Chinese text (``scripts/editions.py``) and executes it the same way; naming a
Chinese notebook rebuilds and executes that edition only.

For each notebook it: copies the lesson's metadata (objectives, minutes, key points) from the
package catalogue into the notebook's metadata under ``crmlessons``; runs every cell in a fresh
kernel from a temporary folder (so nothing is written into the repo); and stores the outputs in a
deterministic form: no widget model ids or widget state (they are random on every run; a widget
cell keeps its short text form), no timings. Running it twice in a row changes nothing
(``tests/test_notebooks.py`` checks this).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
import editions  # noqa: E402  (scripts/editions.py: the Chinese edition)

ROOT = Path(__file__).resolve().parents[1]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: The course's apps (``python course.py review``): one notebook each, no lesson metadata, no Chinese edition (the
#: app takes its language from ``$CRMLESSONS_LANG``).
APPS = ROOT / "notebooks" / "apps"


def sync_metadata(nb: nbformat.NotebookNode, path: Path) -> None:
    """Copy the lesson's catalogue entry into ``nb.metadata.crmlessons``."""
    from crmlessons.lessons import get_lesson

    lesson = nb.metadata.get("crmlessons", {}).get("id")
    if lesson is None:
        raise SystemExit(f"{path.name}: metadata.crmlessons.id is missing; set it to the lesson id, e.g. '01'")
    edition = nb.metadata["crmlessons"].get("edition")
    nb.metadata["crmlessons"] = get_lesson(lesson).metadata()
    if edition:
        nb.metadata["crmlessons"]["edition"] = edition
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb.metadata.pop("widgets", None)


def make_deterministic(nb: nbformat.NotebookNode) -> None:
    """Drop what differs from run to run or machine to machine: widget ids, timings, Python version."""
    nb.metadata["language_info"] = {"name": "python"}
    for number, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{number:03d}"
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
            output.get("metadata", {}).pop(WIDGET_VIEW, None)


def execute(path: Path, timeout: int = 300) -> None:
    """Execute the notebook at ``path`` in place."""
    nb = nbformat.read(path, as_version=4)
    if path.parent == APPS:
        nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    else:
        sync_metadata(nb, path)
    with tempfile.TemporaryDirectory(prefix="crmlessons-run-") as scratch:
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=False,
                                store_widget_state=False, record_timing=False,
                                resources={"metadata": {"path": scratch}})
        client.execute()
    make_deterministic(nb)
    nbformat.validate(nb)
    text = nbformat.writes(nb)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8", newline="\n")


def execute_editions(path: Path) -> None:
    """Execute an English notebook and build and execute its Chinese edition; or only the Chinese one if named."""
    if path.parent == APPS:
        print(f"executing apps/{path.name} ...", flush=True)
        execute(path)
        return
    english = editions.english_of(path)
    if english == path:
        print(f"executing {path.name} ...", flush=True)
        execute(path)
    chinese = editions.build(english)
    print(f"executing zh/{chinese.name} ...", flush=True)
    execute(chinese)


def main(argv: list[str]) -> None:
    """Execute the notebooks named in ``argv`` (default: all lesson notebooks, both editions)."""
    parser = argparse.ArgumentParser(description="Re-execute lesson notebooks in place, both editions.")
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.notebooks or [*editions.english_notebooks(), *sorted(APPS.glob("*.ipynb"))]
    for path in paths:
        execute_editions(path.resolve())


if __name__ == "__main__":
    main(sys.argv[1:])
