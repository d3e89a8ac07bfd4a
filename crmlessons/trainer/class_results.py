"""The class's results: ``python course.py class-results FOLDER [--lang zh] [--out DIR]``.

Each student hands in the ``results.json`` of their work folder (:mod:`crmlessons.results`), renamed or in
a subfolder of their own. This reads every ``results*.json`` under ``FOLDER`` and shows, per exercise and per
quiz question, how many students answered, the share right and wrong, and the wrong answers given most
often, so the trainer sees which ones most of the class got wrong. It prints the two tables, and writes a bar
chart (PNG) and an HTML page with both into ``DIR`` (default: the work folder's ``trainer/``). A file that is
not a results file, or is broken, is listed as skipped with the reason; it never stops the command.

Examples
--------
>>> import json, tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> for name, right in (("li", True), ("wang", False)):
...     entry = {"tries": 1, "correct": right, "ever_correct": right, "first_correct_try": 1 if right else None,
...              "wrong": {} if right else {"0.5": 1}}
...     data = {"format": "crmlessons-results", "version": 1, "student": name,
...             "exercises": {"01.repeat_share": entry}, "quizzes": {}}
...     _ = (folder / f"results_{name}.json").write_text(json.dumps(data))
>>> (folder / "results_broken.json").write_text("{oops") > 0
True
>>> found = read_class(folder)
>>> [s.name for s in found.students], [s.file for s in found.skipped]
(['li', 'wang'], ['results_broken.json'])
>>> row, = exercise_rows(found)
>>> row["students"], row["right"], row["wrong"], row["common_wrong"]
(2, 0.5, 0.5, '0.5 (1)')
"""

from __future__ import annotations

import argparse
import base64
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from crmlessons import i18n
from crmlessons.results import FORMAT, VERSION
from crmlessons.trainer.pages import esc, letter, output_folder, page

i18n.register({
    "cr_title": ("Class results", "全班结果"),
    "cr_description": ("The class's exercise and quiz results, from the students' results.json files",
                       "根据学生提交的 results.json 文件汇总全班的练习和测验结果"),
    "cr_help_folder": ("folder with the students' results*.json files (subfolders too)",
                       "存放学生 results*.json 文件的文件夹（包括子文件夹）"),
    "cr_students": ("{n} students' files read from {folder}", "从 {folder} 读取了 {n} 名学生的文件"),
    "cr_none": ("No results files (results*.json) found in {folder}.", "在 {folder} 中没有找到结果文件（results*.json）。"),
    "cr_skipped": ("Skipped {file}: {reason}", "已跳过 {file}：{reason}"),
    "cr_exercises": ("Exercises", "练习"),
    "cr_questions": ("Quiz questions", "测验题"),
    "cr_exercise": ("exercise", "练习"),
    "cr_question": ("question", "题目"),
    "cr_n": ("students", "学生数"),
    "cr_right": ("share right", "答对比例"),
    "cr_wrong": ("share wrong", "答错比例"),
    "cr_first": ("right at first try", "首次即答对"),
    "cr_common": ("most common wrong answers", "最常见的错误答案"),
    "cr_quiz_label": ("Quiz {lesson} Q{number}", "测验 {lesson} 第 {number} 题"),
    "cr_chart_title": ("Where the class goes wrong: share wrong", "全班最容易出错的地方：答错比例"),
    "cr_chart_empty": ("nothing recorded yet", "尚无记录"),
    "cr_about": ("Exercises: the share right or wrong at the latest check. Quiz questions: each student's first "
                 "answer (the quiz lets them try again).",
                 "练习：以最近一次检查为准的答对或答错比例。测验题：以每名学生的第一次作答为准（测验允许重新作答）。"),
    "cr_bad_json": ("not JSON ({reason})", "不是 JSON 文件（{reason}）"),
    "cr_foreign": ("not a crmlessons results file", "不是 crmlessons 的结果文件"),
    "cr_version": ("results file version {found}; this course reads version {expected}",
                   "结果文件版本为 {found}；本课程读取的是版本 {expected}"),
    "cr_malformed": ("the entry {entry} is not as the course writes it", "条目 {entry} 的格式与课程写出的不一致"),
    "cr_unreadable": ("cannot be read ({reason})", "无法读取（{reason}）"),
    "cr_too_big": ("{size:,} bytes: far larger than a results file", "{size:,} 字节：远大于结果文件的大小"),
})

#: A results file is a few kilobytes; anything above this is not one (and is not read into memory).
MAX_BYTES = 2_000_000
#: The chart shows at most this many bars, the most often wrong first.
CHART_BARS = 20


@dataclass(frozen=True)
class Student:
    """One student's handed-in results: a name (the file's own, else the file name) and the record."""

    name: str
    file: str
    data: dict


@dataclass(frozen=True)
class Skipped:
    """A file that was not read, and why."""

    file: str
    reason: str


@dataclass
class ClassResults:
    """Every student's results found under a folder, and the files skipped."""

    students: list = field(default_factory=list)
    skipped: list = field(default_factory=list)


def _problem(data) -> str | None:
    """Say why ``data`` is not a results file this course can read, or None."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return i18n.t("cr_foreign")
    if data.get("version") != VERSION:
        return i18n.t("cr_version", found=data.get("version"), expected=VERSION)
    for part, needed in (("exercises", ("tries", "correct", "wrong")), ("quizzes", ("total", "first_choice",
                                                                                    "first_right", "latest"))):
        entries = data.get(part)
        if not isinstance(entries, dict):
            return i18n.t("cr_malformed", entry=part)
        for key, entry in entries.items():
            if not isinstance(entry, dict) or any(n not in entry for n in needed):
                return i18n.t("cr_malformed", entry=f"{part}/{key}")
            if part == "quizzes" and not all(isinstance(entry[n], list) and len(entry[n]) == entry["total"]
                                             for n in needed[1:]):
                return i18n.t("cr_malformed", entry=f"{part}/{key}")
            if part == "exercises" and not isinstance(entry["wrong"], dict):
                return i18n.t("cr_malformed", entry=f"{part}/{key}")
    return None


def read_student(path: Path, folder: Path) -> Student | Skipped:
    """Read one handed-in file; return the :class:`Student`, or :class:`Skipped` with the reason."""
    name = path.relative_to(folder).as_posix()
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Skipped(name, i18n.t("cr_too_big", size=size))
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return Skipped(name, i18n.t("cr_unreadable", reason=getattr(error, "strerror", None) or error))
    except ValueError as error:
        return Skipped(name, i18n.t("cr_bad_json", reason=str(error).split(":")[0]))
    problem = _problem(data)
    if problem:
        return Skipped(name, problem)
    student = data.get("student")
    return Student(student.strip() if isinstance(student, str) and student.strip() else name, name, data)


def read_class(folder) -> ClassResults:
    """Read every ``results*.json`` under ``folder`` (in subfolders too), in file-name order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"folder must be a folder with the students' results*.json files; got {str(folder)!r}")
    found = ClassResults()
    for path in sorted(folder.rglob("results*.json")):
        if path.is_file():
            result = read_student(path, folder)
            (found.students if isinstance(result, Student) else found.skipped).append(result)
    return found


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def _common(counts: Counter, limit: int = 3) -> str:
    """``"0.5 (3), 50 (1)"``: the most given wrong answers with how many times, most first, then by name."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return ", ".join(f"{answer} ({n})" for answer, n in ranked)


def exercise_rows(found: ClassResults) -> list[dict]:
    """One row per exercise: students who tried it, share right and wrong (latest check), right at first try."""
    names = sorted({name for s in found.students for name in s.data["exercises"]})
    rows = []
    for name in names:
        entries = [s.data["exercises"][name] for s in found.students if name in s.data["exercises"]]
        right = sum(bool(e["correct"]) for e in entries)
        first = sum(e.get("first_correct_try") == 1 for e in entries)
        wrong = Counter()
        for e in entries:
            wrong.update({str(k): int(v) for k, v in e["wrong"].items() if isinstance(v, int)})
        rows.append({"item": name, "students": len(entries), "right": _share(right, len(entries)),
                     "wrong": _share(len(entries) - right, len(entries)), "first": _share(first, len(entries)),
                     "common_wrong": _common(wrong)})
    return rows


def question_rows(found: ClassResults) -> list[dict]:
    """One row per quiz question: students who answered it, share right and wrong at their first answer."""
    rows = []
    for lesson in sorted({q for s in found.students for q in s.data["quizzes"]}):
        entries = [s.data["quizzes"][lesson] for s in found.students if lesson in s.data["quizzes"]]
        for number in range(max(e["total"] for e in entries)):
            firsts = [(e["first_choice"][number], e["first_right"][number]) for e in entries
                      if number < e["total"] and e["first_choice"][number] is not None]
            right = sum(mark is True for _, mark in firsts)
            wrong = Counter(_option_letter(choice) for choice, mark in firsts if mark is False)
            rows.append({"item": i18n.t("cr_quiz_label", lesson=lesson, number=number + 1), "students": len(firsts),
                         "right": _share(right, len(firsts)), "wrong": _share(len(firsts) - right, len(firsts)),
                         "first": _share(right, len(firsts)), "common_wrong": _common(wrong)})
    return rows


def _option_letter(choice) -> str:
    return letter(choice) if isinstance(choice, int) and 0 <= choice < 26 else str(choice)


COLUMNS = (("item", None), ("students", "cr_n"), ("right", "cr_right"), ("wrong", "cr_wrong"),
           ("first", "cr_first"), ("common_wrong", "cr_common"))


def _cell(key: str, value) -> str:
    return f"{value:.0%}" if key in ("right", "wrong", "first") else str(value)


def text_table(rows: list[dict], first_heading: str) -> str:
    """Return ``rows`` as a plain-text table for the terminal, headings in the current language."""
    headings = [first_heading if key is None else i18n.t(key) for _, key in COLUMNS]
    cells = [[_cell(name, row[name]) for name, _ in COLUMNS] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headings)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headings, widths))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in cells]
    return "\n".join(lines)


def html_table(rows: list[dict], first_heading: str) -> str:
    """Return ``rows`` as an HTML table."""
    head = "".join(f"<th>{esc(first_heading if key is None else i18n.t(key))}</th>" for _, key in COLUMNS)
    body = "".join("<tr>" + "".join(
        f'<td class="num">{esc(_cell(name, row[name]))}</td>' if name in ("students", "right", "wrong", "first")
        else f"<td>{esc(row[name])}</td>" for name, _ in COLUMNS) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def chart_png(rows: list[dict]) -> bytes:
    """Return a PNG bar chart of the share wrong of the exercises and questions most often wrong."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    from crmlessons import plots

    shown = sorted((r for r in rows if r["students"]), key=lambda r: (-r["wrong"], r["item"]))[:CHART_BARS]
    ax = plots.get_ax(figsize=(8, 0.4 * max(len(shown), 3) + 1.2))
    ax.barh([r["item"] for r in shown][::-1], [r["wrong"] for r in shown][::-1], color="#a35400")
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_title(i18n.t("cr_chart_title") if shown else i18n.t("cr_chart_empty"))
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
    plt.close(ax.figure)
    return buffer.getvalue()


def write_report(found: ClassResults, out=None) -> list[Path]:
    """Write ``class_results.png`` and ``class_results.html`` (tables and chart) into ``out``; return both."""
    folder = output_folder(out)
    exercises, questions = exercise_rows(found), question_rows(found)
    png = chart_png(exercises + questions)
    picture = base64.b64encode(png).decode("ascii")
    skipped = "".join(f"<li>{esc(s.file)}: {esc(s.reason)}</li>" for s in found.skipped)
    body = (f"<h1>{esc(i18n.t('cr_title'))}</h1><p>{esc(i18n.t('cr_about'))}</p>"
            f'<p><img alt="{esc(i18n.t("cr_chart_title"))}" style="max-width:100%" '
            f'src="data:image/png;base64,{picture}"></p>'
            f"<h2>{esc(i18n.t('cr_exercises'))}</h2>{html_table(exercises, i18n.t('cr_exercise'))}"
            f"<h2>{esc(i18n.t('cr_questions'))}</h2>{html_table(questions, i18n.t('cr_question'))}"
            + (f"<ul class=\"small\">{skipped}</ul>" if skipped else ""))
    paths = [folder / "class_results.png", folder / "class_results.html"]
    paths[0].write_bytes(png)
    paths[1].write_text(page(i18n.t("cr_title"), body, lang=i18n.get_language()), encoding="utf-8", newline="\n")
    return paths


def report(found: ClassResults, folder: Path) -> str:
    """Return what the command prints: students read, files skipped, and the two tables."""
    lines = [i18n.t("cr_students", n=len(found.students), folder=folder)] if found.students else \
        [i18n.t("cr_none", folder=folder)]
    lines += [i18n.t("cr_skipped", file=s.file, reason=s.reason) for s in found.skipped]
    lines += ["", i18n.t("cr_exercises"), text_table(exercise_rows(found), i18n.t("cr_exercise")),
              "", i18n.t("cr_questions"), text_table(question_rows(found), i18n.t("cr_question"))]
    return "\n".join(lines)


def main(argv=None) -> int:
    """Run the command: print the class's tables and write the chart and the page."""
    both = lambda key: f'{i18n.t(key, lang="en")} / {i18n.t(key, lang="zh")}'  # noqa: E731
    commands = argparse.ArgumentParser(prog="python course.py class-results", description=both("cr_description"))
    commands.add_argument("folder", metavar="FOLDER", help=both("cr_help_folder"))
    commands.add_argument("--lang", choices=("en", "zh"), default="en", help=both("help_lang"))
    commands.add_argument("--out", metavar="DIR", default=None, help=both("help_out"))
    options = commands.parse_args(argv)
    with i18n.using(options.lang):
        folder = Path(options.folder)
        if not folder.is_dir():
            commands.error(f"FOLDER: {options.folder!r} is not a folder")
        found = read_class(folder)
        print(report(found, folder))
        for path in write_report(found, options.out):
            print(i18n.t("trainer_wrote", path=path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
