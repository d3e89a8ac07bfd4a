"""The student edition: the course for students who hand work in, with no worked solutions in its files.

``python course.py student-edition OUT`` writes a copy of the course folder into ``OUT`` (which must be
outside the course folder, and new or empty): ``course.py``, ``pyproject.toml``, ``uv.lock``, ``README.md``,
``LICENSE``, ``environment.yml``, the package, the data and both editions of the notebooks (not the tests,
the scripts or the environment). In the copy

- every notebook cell that calls ``crm.solution(...)`` is gone, outputs and all;
- every ``solution=`` text of the lesson modules is replaced by :data:`STUDENT_SOLUTION`, so
  ``crm.solution(name)`` shows that sentence. The source is rewritten with :mod:`ast`: the keyword
  argument's value is located and spliced out by its line and column, nothing else changes.

Hints, checks, quizzes and the data variants all work as before.

Examples
--------
>>> source = 'Exercise(name="x", hint={"en": "h", "zh": "h"}, solution={"en": "`2 * 21`", "zh": "`2 * 21`"})\\n'
>>> print(without_solutions(source))  # doctest: +NORMALIZE_WHITESPACE
Exercise(name="x", hint={"en": "h", "zh": "h"}, solution={"en": "Worked solutions are with your trainer.",
"zh": "解题过程请向你的培训老师索取。"})
>>> cells = [{"cell_type": "code", "source": ['crm.hint("00.warmup")']},
...          {"cell_type": "code", "source": ['crm.solution("00.warmup")']}]
>>> [c["source"] for c in student_cells(cells)]
[['crm.hint("00.warmup")']]
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import sys
from pathlib import Path

from crmlessons import i18n
from crmlessons.trainer.pages import STUDENT_EDITION_FILE, course_folder

#: What ``crm.solution(name)`` shows in the student edition.
STUDENT_SOLUTION = {"en": "Worked solutions are with your trainer.", "zh": "解题过程请向你的培训老师索取。"}

#: The course folder's files and folders the edition copies (nothing else: no tests/, scripts/, .git, .venv).
#: What the marker file of a student edition says (both languages, for whoever opens the folder).
STUDENT_EDITION_TEXT = """# Student edition · 学员版

This copy of the course has no worked solutions: hints and every check work, the solutions are with your trainer.
Answer keys and quiz keys are written from the trainer's copy of the course.

本课程副本不含解题过程：提示和所有练习检查都可以使用，解题过程由培训师掌握。答案和测验答案请用培训师的课程副本生成。
"""
FILES = ("course.py", "pyproject.toml", "uv.lock", "README.md", "LICENSE", "environment.yml")
FOLDERS = ("crmlessons", "datasets")
#: Never copied from those folders: compiled files (they would carry the solutions) and editors' leftovers.
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "*.egg-info")
#: The calls whose ``solution=`` keyword holds a worked solution.
EXERCISE_CALLS = ("Exercise", "Decision")

i18n.register({
    "edition_inside": ("OUT must be outside the course folder {course} (the student edition is a separate copy); "
                       "got {out}.", "OUT 必须在课程文件夹 {course} 之外（学生版是一份单独的副本）；你给的是 {out}。"),
    "edition_not_empty": ("OUT must be a new or empty folder, so nothing of yours is overwritten; {out} has files.",
                          "OUT 必须是新的或空的文件夹，以免覆盖你的文件；{out} 里已有文件。"),
    "edition_written": ("Student edition written to {out}: {notebooks} notebooks without {cells} solution cells, "
                        "{solutions} worked solutions replaced. Students run: python course.py",
                        "学生版已写到 {out}：{notebooks} 个笔记本，去掉了 {cells} 个解题过程单元格，替换了 {solutions} "
                        "个解题过程。学生运行：python course.py"),
    "edition_help": ("Write the course for students who hand work in: hints and checks stay, worked solutions "
                     "are not in the files.", "生成供学生交作业用的课程版本：保留提示和检查，文件中不含解题过程。"),
    "edition_help_out": ("the new folder (outside the course folder)", "新文件夹（在课程文件夹之外）"),
})


def _solution_values(tree: ast.AST) -> list[ast.expr]:
    """The value nodes of every ``solution=`` keyword of an ``Exercise(...)`` or ``Decision(...)`` call."""
    values = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            values += [k.value for k in node.keywords if name in EXERCISE_CALLS and k.arg == "solution"]
    return values


def without_solutions(source: str) -> str:
    """Return the Python ``source`` with every exercise's ``solution=`` value replaced by :data:`STUDENT_SOLUTION`.

    ``ast`` gives each value's start and end as line and UTF-8 byte column; the text between is replaced,
    last first, so the other offsets stay right. The result is parsed again to prove it is still Python.
    """
    data = source.encode("utf-8")
    starts = [0]
    for line in data.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    replacement = json.dumps(STUDENT_SOLUTION, ensure_ascii=False).encode("utf-8")
    spans = sorted((starts[v.lineno - 1] + v.col_offset, starts[v.end_lineno - 1] + v.end_col_offset)
                   for v in _solution_values(ast.parse(source)))
    for start, end in reversed(spans):
        data = data[:start] + replacement + data[end:]
    result = data.decode("utf-8")
    ast.parse(result)
    return result


def _calls_solution(code: str) -> bool:
    """Whether a code cell calls ``crm.solution(...)`` (read with ``ast``)."""
    try:
        tree = ast.parse(code)
    except SyntaxError:  # IPython magics: fall back to the text
        return "crm.solution(" in code
    return any(isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "solution"
               and isinstance(node.func.value, ast.Name) and node.func.value.id == "crm" for node in ast.walk(tree))


def student_cells(cells: list[dict]) -> list[dict]:
    """Return the notebook ``cells`` without those that call ``crm.solution(...)``."""
    return [cell for cell in cells
            if not (cell["cell_type"] == "code" and _calls_solution("".join(cell["source"])))]


def _copy_notebooks(course: Path, out: Path) -> tuple[int, int]:
    """Copy both editions' notebooks without their solution cells; return (notebooks, cells dropped)."""
    notebooks = dropped = 0
    for folder in (Path("notebooks"), Path("notebooks") / "zh"):
        (out / folder).mkdir(parents=True, exist_ok=True)
        for path in sorted((course / folder).glob("*.ipynb")):
            book = json.loads(path.read_text(encoding="utf-8"))
            kept = student_cells(book["cells"])
            dropped += len(book["cells"]) - len(kept)
            book["cells"] = kept
            text = json.dumps(book, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
            (out / folder / path.name).write_text(text, encoding="utf-8", newline="\n")
            notebooks += 1
    return notebooks, dropped


def _strip_package(out: Path) -> int:
    """Rewrite every module of the copied package without worked solutions; return how many were replaced."""
    replaced = 0
    for path in sorted((out / "crmlessons").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        count = len(_solution_values(ast.parse(source)))
        if count:
            path.write_text(without_solutions(source), encoding="utf-8", newline="\n")
            replaced += count
    return replaced


def _check_out(out: Path, course: Path, lang: str) -> Path:
    out = out.expanduser().resolve()
    if out == course or course in out.parents:
        raise ValueError(i18n.t("edition_inside", lang=lang, course=course, out=out))
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ValueError(i18n.t("edition_not_empty", lang=lang, out=out))
    return out


def write_student_edition(out: str | os.PathLike, lang: str = "en") -> Path:
    """Write the student edition of the course into the new or empty folder ``out``; return it.

    Raises ``ValueError`` when ``out`` is inside the course folder or has files already.
    """
    course = course_folder().resolve()
    out = _check_out(Path(out), course, lang)
    out.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        if (course / name).exists():
            shutil.copy2(course / name, out / name)
    for name in FOLDERS:
        shutil.copytree(course / name, out / name, ignore=IGNORED)
    notebooks, cells = _copy_notebooks(course, out)
    solutions = _strip_package(out)
    (out / STUDENT_EDITION_FILE).write_text(STUDENT_EDITION_TEXT, encoding="utf-8")
    print(i18n.t("edition_written", lang=lang, out=out, notebooks=notebooks, cells=cells, solutions=solutions))
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m crmlessons.trainer.student_edition OUT [--lang zh]``."""
    both = lambda key: f'{i18n.t(key, lang="en")} / {i18n.t(key, lang="zh")}'  # noqa: E731
    commands = argparse.ArgumentParser(prog="python course.py student-edition", description=both("edition_help"))
    commands.add_argument("out", metavar="OUT", help=both("edition_help_out"))
    commands.add_argument("--lang", choices=("en", "zh"), default="en", help=both("help_lang"))
    args = commands.parse_args(argv)
    try:
        write_student_edition(args.out, lang=args.lang)
    except (ValueError, FileNotFoundError) as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
