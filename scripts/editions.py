"""Build the Chinese edition of every lesson from the English notebook and the lesson's Chinese text.

The two editions of a lesson are one lesson: the English notebook ``notebooks/NN_name.ipynb`` holds the
code, in order, and the English prose; ``notebooks/zh/text/NN_name.md`` holds the Chinese prose, one
entry per English text cell. ``python course.py execute`` builds ``notebooks/zh/NN_name.ipynb`` from the
two (same cells, same code; the first code cell also chooses Chinese) and executes it like the English one.

Each Chinese entry starts with a marker naming the English cell it renders, by a short hash of that
cell's text::

    <!-- zh: 3fa4c2d19b07 -->
    ## 1. 什么是客户关系管理
    ...

When an English text cell changes, its hash changes and the build stops, naming the cell: the Chinese
must be brought up to date in the same change, so the editions cannot drift. ``--stubs`` appends an
entry for every English cell that has none (marked ``TODO``, which the build refuses) for a translator
to fill in.

Usage::

    python scripts/editions.py                       # check and build every Chinese notebook (no execution)
    python scripts/editions.py --stubs notebooks/01_what_is_crm.ipynb
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
MARKER = re.compile(r"^<!-- zh: ([0-9a-f]{12}) -->[ \t]*$", re.M)
TODO = "TODO"
#: The line the Chinese edition adds after ``import crmlessons as crm`` in the first code cell.
CHOOSE_CHINESE = 'crm.set_language("zh")'
IMPORT = "import crmlessons as crm"


class EditionError(SystemExit):
    """The Chinese text does not match the English notebook (a cell without text, or stale text)."""


def cell_hash(text: str) -> str:
    """Return the short hash that names an English text cell (its text, spaces at the ends ignored)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


def text_path(english: Path) -> Path:
    """Return where the Chinese text of the English notebook ``english`` lives (``zh/text/`` beside it)."""
    return english.parent / "zh" / "text" / f"{english.stem}.md"


def zh_path(english: Path) -> Path:
    """Return where the Chinese notebook built from ``english`` goes (``zh/`` beside it)."""
    return english.parent / "zh" / english.name


def english_of(path: Path) -> Path:
    """Return the English notebook of ``path`` (itself, or the English one a Chinese notebook is built from)."""
    return path.parent.parent / path.name if path.parent.name == "zh" else path


def read_text(path: Path) -> dict[str, str]:
    """Return the Chinese entries of ``path``, by the hash of the English cell each renders."""
    if not path.exists():
        return {}
    source = path.read_text(encoding="utf-8")
    marks = list(MARKER.finditer(source))
    entries = {}
    for mark, after in zip(marks, marks[1:] + [None]):
        body = source[mark.end():after.start() if after else len(source)].strip()
        entries[mark.group(1)] = body
    return entries


def english_cells(nb) -> list[tuple[int, str]]:
    """(index, text) of the English notebook's text cells."""
    return [(i, "".join(cell.source)) for i, cell in enumerate(nb.cells) if cell.cell_type == "markdown"]


def problems(english: Path) -> list[str]:
    """Say which English text cells have no Chinese entry, or an unfinished one."""
    nb = nbformat.read(english, as_version=4)
    entries = read_text(text_path(english))
    found = []
    for index, text in english_cells(nb):
        key = cell_hash(text)
        start = text.strip().splitlines()[0][:70] if text.strip() else ""
        if key not in entries:
            found.append(f"{english.name} cell {index} ({start!r}): no Chinese entry <!-- zh: {key} --> "
                         f"in {_shown(text_path(english))} (new or changed English: update the Chinese; "
                         f"`python scripts/editions.py --stubs` adds the entry)")
        elif not entries[key] or TODO in entries[key]:
            found.append(f"{english.name} cell {index} ({start!r}): the Chinese entry {key} is unfinished ({TODO})")
    return found


def choose_chinese(source: str) -> str:
    """Add the language choice after the package import of the first code cell."""
    if IMPORT not in source:
        raise EditionError(f"the first code cell must contain {IMPORT!r}, so the Chinese edition can choose Chinese")
    return source.replace(IMPORT, f"{IMPORT}\n{CHOOSE_CHINESE}", 1)


def build(english: Path) -> Path:
    """Write the Chinese notebook of ``english`` (outputs left from the English run; execute it next)."""
    found = problems(english)
    if found:
        raise EditionError("\n".join(found))
    nb = nbformat.read(english, as_version=4)
    entries = read_text(text_path(english))
    first_code = True
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = entries[cell_hash("".join(cell.source))]
        elif cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            if first_code:
                cell.source, first_code = choose_chinese("".join(cell.source)), False
    nb.metadata.setdefault("crmlessons", {})["edition"] = "zh"
    target = zh_path(english)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return target


def stubs(english: Path) -> int:
    """Append a TODO entry, with the English to translate, for every English cell without Chinese."""
    nb = nbformat.read(english, as_version=4)
    path = text_path(english)
    entries = read_text(path)
    missing = [(i, text) for i, text in english_cells(nb) if cell_hash(text) not in entries]
    if missing:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8", newline="\n") as out:
            for _, text in missing:
                quoted = "\n".join(f"{TODO} > {line}" for line in text.strip().splitlines())
                out.write(f"\n<!-- zh: {cell_hash(text)} -->\n{quoted}\n")
    return len(missing)


def _shown(path: Path) -> str:
    """A path as a message shows it: relative to the course folder where it lies inside it."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def english_notebooks() -> list[Path]:
    """The English lesson notebooks, in course order."""
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description="Build the Chinese edition of the lessons.")
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--stubs", action="store_true", help="append TODO entries for untranslated cells")
    args = parser.parse_args(argv)
    for english in [english_of(p.resolve()) for p in args.notebooks] or english_notebooks():
        if args.stubs:
            print(f"{english.name}: {stubs(english)} entries to translate in {_shown(text_path(english))}")
        else:
            print(f"built {_shown(build(english))}")


if __name__ == "__main__":
    main(sys.argv[1:])
