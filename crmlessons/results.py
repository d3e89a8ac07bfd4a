"""A student's own results: every exercise check and quiz answer, saved in ``work_folder()/results.json``.

``crm.check`` and the quiz widget record here as the student works; the student hands the file in, and the
trainer's ``python course.py class-results FOLDER`` (:mod:`crmlessons.trainer.class_results`) reads the whole
class's files. The file is small JSON, one entry per exercise and per quiz, never the answers' history::

    {"format": "crmlessons-results", "version": 1, "student": "Li Wei",
     "exercises": {"01.repeat_share": {"tries": 3, "correct": true, "ever_correct": true,
                                       "first_correct_try": 3, "wrong": {"0.5": 1, "50": 1}}},
     "quizzes": {"01": {"total": 5, "score": 4, "answered": 5, "latest": [true, false, ...],
                        "first_right": [true, false, ...], "first_choice": [1, 0, ...]}}}

The student is named by ``crm.my_name("...")`` (kept in the file) or else ``$CRMLESSONS_STUDENT``. Recording
never raises into the student's cell: a file that cannot be written is a warning in words, and the check's
feedback is shown as always. Writes are atomic (a temporary file, then a rename), so a crash never leaves half
a file. This module imports nothing heavy (no pandas) and only the lowest layers of the package.

Examples
--------
>>> import os, tempfile
>>> from unittest import mock
>>> with mock.patch.dict(os.environ, {WORK_ENV: tempfile.mkdtemp()}):
...     record_check("00.warmup", 999, correct=False)
...     record_check("00.warmup", 1000, correct=True)
...     entry = load_results()["exercises"]["00.warmup"]
>>> entry["tries"], entry["correct"], entry["first_correct_try"], entry["wrong"]
(2, True, 2, {'999': 1})
"""

from __future__ import annotations

import json
import math
import os
import warnings
from pathlib import Path
from typing import Any, Sequence

from crmlessons import i18n
from crmlessons.workfolder import WORK_ENV, work_folder  # noqa: F401 - WORK_ENV: for the examples


#: What every results file says it is, and the version of its layout (a reader refuses other versions).
FORMAT, VERSION = "crmlessons-results", 1
#: The environment variable that names the student when ``crm.my_name`` was not called.
STUDENT_ENV = "CRMLESSONS_STUDENT"
#: At most this many different wrong answers are kept per exercise (with how often each was given).
MAX_WRONG = 5
#: A wrong answer is kept as at most this many characters of text.
ANSWER_CHARS = 40

i18n.register({
    "results_not_saved": ("Your result was not saved in {path} ({reason}); the check above is still right. "
                          "Ask your trainer if you need to hand the file in.",
                          "你的结果没有保存到 {path}（{reason}）；上面的检查结果仍然有效。如需提交该文件，请询问老师。"),
    "results_unreadable": ("{path} could not be read ({reason}); it is kept as {kept} and a new file is started.",
                           "无法读取 {path}（{reason}）；原文件保留为 {kept}，并新建一个结果文件。"),
    "results_name_set": ("Your results are saved under the name {name}.", "你的结果将以姓名 {name} 保存。"),
})


def results_path() -> Path:
    """Return where the student's results are saved: ``results.json`` in the work folder."""
    return work_folder(create=False) / "results.json"


def empty_results() -> dict:
    """Return the contents of a results file with nothing recorded yet."""
    return {"format": FORMAT, "version": VERSION, "student": None, "exercises": {}, "quizzes": {}}


def load_results() -> dict:
    """Return the student's results (an empty record when there is no file yet or it cannot be read)."""
    path = results_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return empty_results()
    except (UnicodeDecodeError, ValueError) as error:  # not JSON: kept aside; a folder that cannot be read raises
        return _set_aside(path, error)
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
        return _set_aside(path, ValueError(f"not a version-{VERSION} {FORMAT} file"))
    return {**empty_results(), **data}


def _set_aside(path: Path, error: Exception) -> dict:
    """Keep an unreadable results file under another name (nothing is lost) and start an empty record."""
    kept = path.with_name("results.unreadable.json")
    try:
        os.replace(path, kept)
    except OSError:
        pass
    warnings.warn(i18n.t("results_unreadable", path=path.name, reason=_reason(error), kept=kept.name),
                  stacklevel=3)
    return empty_results()


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def _save(data: dict) -> None:
    """Write ``data`` to the results file atomically; on failure, warn in words and carry on."""
    path = results_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    except (OSError, TypeError, ValueError) as error:
        warnings.warn(i18n.t("results_not_saved", path=path, reason=_reason(error)), stacklevel=3)


def _update(change) -> None:
    """Load the results, apply ``change`` (a function that edits the record), name the student, save."""
    try:
        data = load_results()
        change(data)
        if not data.get("student") and os.environ.get(STUDENT_ENV, "").strip():
            data["student"] = os.environ[STUDENT_ENV].strip()
    except Exception as error:  # noqa: BLE001 - recording must never break the student's cell
        warnings.warn(i18n.t("results_not_saved", path=results_path(), reason=_reason(error)), stacklevel=3)
        return
    _save(data)


def _answer_text(answer: Any) -> str:
    """Write a wrong answer in a few characters, so that answers can be counted across a class.

    Examples
    --------
    >>> _answer_text(0.123456789), _answer_text("  M+a+N "), _answer_text([1, 2])
    ('0.1235', 'M+a+N', 'list')
    """
    if isinstance(answer, bool):
        return str(answer)
    if isinstance(answer, (int, float)) or type(answer).__module__ == "numpy" and hasattr(answer, "item"):
        try:
            number = float(answer)
        except (TypeError, ValueError, OverflowError):
            return type(answer).__name__
        return f"{number:.4g}" if math.isfinite(number) else str(number)
    if isinstance(answer, str):
        return " ".join(answer.split())[:ANSWER_CHARS]
    return type(answer).__name__


def record_check(name: str, answer: Any, correct: bool = False) -> None:
    """Record one ``crm.check`` of exercise ``name``: one more try, whether it was right, the wrong answer.

    Keeps the number of tries, the latest verdict (``correct``), whether it was ever right and on which
    try it first was, and up to :data:`MAX_WRONG` different wrong answers with how often each was given.
    Never raises (see the module's docstring). An unanswered check (``...``) is not a try.
    """
    if answer is Ellipsis or answer is None or not isinstance(name, str):
        return

    def change(data: dict) -> None:
        entry = data["exercises"].setdefault(name, {"tries": 0, "correct": False, "ever_correct": False,
                                                    "first_correct_try": None, "wrong": {}})
        entry["tries"] += 1
        entry["correct"] = bool(correct)
        if correct and not entry["ever_correct"]:
            entry["ever_correct"], entry["first_correct_try"] = True, entry["tries"]
        if not correct:
            text = _answer_text(answer)
            if text in entry["wrong"] or len(entry["wrong"]) < MAX_WRONG:
                entry["wrong"][text] = entry["wrong"].get(text, 0) + 1

    _update(change)


def record_quiz(lesson: str, choices: Sequence = (), marks: Sequence = ()) -> None:
    """Record the state of quiz ``lesson``: the options picked (``choices``) and whether each is right (``marks``).

    ``choices[i]`` is the option picked for question ``i`` (None: not answered) and ``marks[i]`` True, False or
    None. The entry keeps the latest marks and score, and each question's first pick and whether it was right
    (what a trainer wants to know: the students' own first answer). Never raises.
    """
    if not isinstance(lesson, str):
        return
    try:
        choices, marks = [None if c is None else int(c) for c in choices], [None if m is None else bool(m) for m in marks]
    except (TypeError, ValueError):
        return
    if len(choices) != len(marks):
        return

    def change(data: dict) -> None:
        total = len(marks)
        entry = data["quizzes"].get(lesson)
        if not entry or entry.get("total") != total:
            entry = {"total": total, "first_choice": [None] * total, "first_right": [None] * total}
        for i, (choice, mark) in enumerate(zip(choices, marks)):
            if choice is not None and entry["first_choice"][i] is None:
                entry["first_choice"][i], entry["first_right"][i] = choice, mark
        entry.update(latest=marks, score=sum(m is True for m in marks), answered=sum(m is not None for m in marks))
        data["quizzes"][lesson] = entry

    _update(change)


def my_name(name: str) -> "NameSet":
    """Put your name (or student number) on your results file, for when you hand it in.

    Examples
    --------
    >>> import os, tempfile
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {WORK_ENV: tempfile.mkdtemp()}):
    ...     print(my_name("Li Wei"))
    ...     print(load_results()["student"])
    Your results are saved under the name Li Wei.
    Li Wei
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be text, your name or student number, e.g. my_name(\"Li Wei\"); "
                        f"got {type(name).__name__}")
    if not name.strip() or len(name.strip()) > 80:
        raise ValueError(f"name must be your name or student number (1 to 80 characters); got {name!r}"[:200])
    cleaned = " ".join(name.split())

    def change(data: dict) -> None:
        data["student"] = cleaned

    _update(change)
    return NameSet(i18n.t("results_name_set", name=cleaned))


class NameSet(str):
    """The sentence :func:`my_name` answers with, shown without quotes in a notebook."""

    def __repr__(self) -> str:
        return str(self)
