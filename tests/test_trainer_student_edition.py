"""The student edition has no worked solution in any of its files, and everything else still works."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from functools import lru_cache
from pathlib import Path

import nbformat
import pytest

from crmlessons.lessons import all_exercises
from crmlessons.trainer import student_edition
from crmlessons.trainer.student_edition import STUDENT_SOLUTION, main, without_solutions, write_student_edition

ROOT = Path(__file__).resolve().parents[1]
WINDOW = 40
CHUNK = WINDOW // 2


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return write_student_edition(tmp_path_factory.mktemp("student") / "edition")


# ---------------------------------------------------------------------------------------------
# Reading every text a folder holds, and finding 40-character windows in it quickly

def notebook_texts(book: dict, keep=lambda source: True) -> list[str]:
    """The sources and text outputs of a notebook's cells (those ``keep`` accepts)."""
    texts = []
    for cell in book["cells"]:
        source = "".join(cell["source"])
        if not keep(source):
            continue
        texts.append(source)
        for output in cell.get("outputs", []):
            texts += ["".join(output["data"][k]) for k in ("text/plain", "text/html", "text/markdown")
                      if k in output.get("data", {})]
            texts.append("".join(output.get("text", "")))
    return texts


def string_constants(source: str) -> list[str]:
    return [node.value for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def file_texts(path: Path) -> list[str]:
    """The raw text of a file and, for Python and notebooks, the texts it holds as Python sees them."""
    if path.suffix in (".ttf", ".woff"):
        return [path.read_bytes().decode("latin-1")]
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return [raw, *string_constants(raw)]
    if path.suffix == ".ipynb":
        return [raw, *notebook_texts(json.loads(raw))]
    return [raw]


class Index:
    """Finds 40-character windows in a large text: its 20-character chunks at every 20th position are indexed,
    and any 40-character occurrence covers one of them whole."""

    def __init__(self, text: str):
        self.text, self.chunks = text, {}
        for start in range(0, len(text), CHUNK):
            self.chunks.setdefault(text[start:start + CHUNK], []).append(start)

    def __contains__(self, window: str) -> bool:
        for shift in range(len(window) - CHUNK + 1):
            for start in self.chunks.get(window[shift:shift + CHUNK], ()):
                if self.text.startswith(window, start - shift):
                    return True
        return False


def folder_text(folder: Path) -> str:
    return "\x00".join(text for path in sorted(folder.rglob("*")) if path.is_file() for text in file_texts(path))


def course_text_without_solutions() -> str:
    """What a student of the full course reads besides the worked solutions: the package's strings except the
    solutions, its code lines outside them, and the notebooks' cells that do not call crm.solution."""
    solutions = {text for exercise in all_exercises().values() for text in exercise.solution.values()}
    texts = []
    for path in sorted((ROOT / "crmlessons").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        spans = [range(node.lineno, node.end_lineno + 1) for node in ast.walk(ast.parse(source))
                 if isinstance(node, ast.Constant) and node.value in solutions]
        inside = {line for span in spans for line in span}
        texts.append("\n".join(line for number, line in enumerate(source.splitlines(), 1) if number not in inside))
        texts += [text for text in string_constants(source) if text not in solutions]
    for path in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        texts += notebook_texts(json.loads(path.read_text(encoding="utf-8")), lambda s: "crm.solution(" not in s)
    return "\x00".join(texts)


@lru_cache(maxsize=None)
def solution_windows() -> dict[str, str]:
    """Every 40-character window of every worked solution (both languages) that the exercise's hint and question
    do not also contain, and that the course does not show elsewhere: window -> exercise."""
    elsewhere = Index(course_text_without_solutions())
    windows = {}
    for name, exercise in all_exercises().items():
        allowed = "\x00".join([*exercise.hint.values(), *exercise.question.values()])
        for text in exercise.solution.values():
            for start in range(max(1, len(text) - WINDOW + 1)):
                window = text[start:start + WINDOW]
                if window not in allowed and window not in elsewhere:
                    windows.setdefault(window, name)
    return windows


def leaks(text: str, windows: dict[str, str]) -> dict[str, list[str]]:
    index, found = Index(text), {}
    for window, name in windows.items():
        if window in index:
            found.setdefault(name, []).append(window)
    return found


# ---------------------------------------------------------------------------------------------

def test_no_worked_solution_text_is_in_any_file_of_the_edition(edition):
    text = folder_text(edition)
    whole = [f"{name} ({lang})" for name, exercise in all_exercises().items()
             for lang, solution in exercise.solution.items() if solution in text]
    assert not whole, f"worked solutions found whole in the student edition: {whole}"
    windows = solution_windows()
    assert len({*windows.values()}) == len(all_exercises()), "every exercise has windows of its own to look for"
    found = leaks(text, windows)
    assert not found, "pieces of worked solutions in the student edition: " + "; ".join(
        f"{name}: {pieces[0]!r}" for name, pieces in sorted(found.items()))


def test_the_search_finds_the_solutions_where_they_are():
    # the same search over the course's own lesson modules finds every exercise: it can fail
    text = "\x00".join(t for path in sorted((ROOT / "crmlessons" / "lessons").glob("lesson*.py")) for t in file_texts(path))
    assert set(leaks(text, solution_windows())) == set(all_exercises())


def test_the_edition_has_the_course_files_and_nothing_else(edition):
    top = sorted(path.name for path in edition.iterdir())
    assert top == sorted(["course.py", "pyproject.toml", "uv.lock", "README.md", "LICENSE", "environment.yml",
                          "crmlessons", "datasets", "notebooks", "STUDENT_EDITION.md"])
    assert not list(edition.rglob("__pycache__")) and not list(edition.rglob("*.pyc"))
    for path in (ROOT / "datasets").glob("*.csv"):
        assert (edition / "datasets" / path.name).read_bytes() == path.read_bytes()


REFUSE = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from crmlessons.trainer import answer_key, handouts
    print(answer_key.main(["3", "--no-pdf", "--out", sys.argv[2]]), handouts.main(["00", "--no-pdf", "--out", sys.argv[2]]))
""")


def test_the_edition_says_what_it_is_and_writes_no_answer_keys(edition, tmp_path):
    """An honest student cannot print the key by accident (the checks still compute answers locally, by design)."""
    assert "no worked solutions" in (edition / "STUDENT_EDITION.md").read_text(encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", REFUSE, str(edition), str(tmp_path)], capture_output=True, text=True,
                         cwd=edition, timeout=120)
    assert run.stdout.split() == ["2", "2"], run.stderr[-2000:]
    assert run.stderr.count("student edition") == 2 and not list(tmp_path.iterdir())


CHECK_ALL = textwrap.dedent("""
    import json, sys
    sys.path.insert(0, sys.argv[1])
    import crmlessons
    from crmlessons.lessons import all_exercises
    result = {"package": crmlessons.__file__, "exercises": {}}
    for name, exercise in all_exercises().items():
        expected = exercise.expected()
        result["exercises"][name] = {"expected": repr(expected), "right": exercise.check(expected).correct,
                                     "hint": exercise.hint, "solution": exercise.solution,
                                     "shown": repr(crmlessons.solution(name))}
    print(json.dumps(result))
""")


def test_every_check_works_in_the_edition_as_in_the_course(edition):
    run = subprocess.run([sys.executable, "-c", CHECK_ALL, str(edition)], capture_output=True, text=True,
                         cwd=edition, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    assert Path(result["package"]).resolve().is_relative_to(edition.resolve())
    for name, exercise in all_exercises().items():
        there = result["exercises"][name]
        assert there["expected"] == repr(exercise.expected()), name
        assert there["right"] is True, name
        assert there["hint"] == dict(exercise.hint), name
        assert there["solution"] == STUDENT_SOLUTION, name
        assert name in there["shown"]


def test_the_notebooks_are_the_course_notebooks_without_their_solution_cells(edition):
    originals = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "notebooks" / "zh").glob("*.ipynb"))
    assert len(originals) >= 16
    for original in originals:
        copy = edition / original.relative_to(ROOT)
        book = nbformat.read(copy, as_version=4)
        nbformat.validate(book)
        course = json.loads(original.read_text(encoding="utf-8"))
        kept = [cell for cell in course["cells"]
                if cell["cell_type"] != "code" or "crm.solution(" not in "".join(cell["source"])]
        assert len(kept) < len(course["cells"]), f"{original.name} has solution cells to drop"
        assert json.loads(copy.read_text(encoding="utf-8"))["cells"] == kept, original.name
        assert book.metadata == nbformat.from_dict(course["metadata"])


def test_an_out_folder_inside_the_course_is_refused(tmp_path, capsys):
    inside = ROOT / "student-edition-test-never-made"
    with pytest.raises(ValueError, match="outside the course folder"):
        write_student_edition(inside)
    assert not inside.exists()
    assert main([str(ROOT / "crmlessons"), "--lang", "zh"]) == 2
    assert "课程文件夹" in capsys.readouterr().err


def test_a_folder_with_files_is_refused(tmp_path):
    (tmp_path / "mine.txt").write_text("my work", encoding="utf-8")
    with pytest.raises(ValueError, match="new or empty folder"):
        write_student_edition(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]


def test_without_solutions_splices_only_the_solution_values():
    source = ('X = "中文 before"; e = Exercise(name="é", solution={"en": "a", "zh": "乙"}, hint={"en": "h"})\n'
              'd = Decision(\n    solution={"en": "line one "\n              "line two",\n'
              '              "zh": "两行"},\n    options={})\n'
              'other(solution="kept: not an exercise")\n')
    sentence = json.dumps(STUDENT_SOLUTION, ensure_ascii=False)
    expected = (f'X = "中文 before"; e = Exercise(name="é", solution={sentence}, hint={{"en": "h"}})\n'
                f'd = Decision(\n    solution={sentence},\n    options={{}})\n'
                'other(solution="kept: not an exercise")\n')
    assert without_solutions(source) == expected


def test_the_command_line_says_what_it_takes():
    run = subprocess.run([sys.executable, "-m", student_edition.__name__, "--help"], capture_output=True, text=True)
    assert run.returncode == 0 and "OUT" in run.stdout and "解题过程" in run.stdout
