"""A student's results.json (crmlessons.results) and the trainer's class view (crmlessons.trainer.class_results)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from crmlessons import practice, results
from crmlessons.lessons import get_quiz
from crmlessons.trainer import class_results
from crmlessons.widgets.quiz import QuizWidget
from crmlessons.workfolder import WORK_ENV


@pytest.fixture
def work(tmp_path, monkeypatch):
    folder = tmp_path / "work"
    monkeypatch.setenv(WORK_ENV, str(folder))
    monkeypatch.delenv(results.STUDENT_ENV, raising=False)
    return folder


def saved(folder: Path) -> dict:
    return json.loads((folder / "results.json").read_text(encoding="utf-8"))


def test_check_records_each_try_in_the_work_folder(work):
    right = practice.get_exercise("00.warmup").expected()
    practice.check("00.warmup", ...)  # not answered: not a try
    wrong = right * 2 + 1
    assert not practice.get_exercise("00.warmup").check(wrong).correct
    practice.check("00.warmup", wrong)
    practice.check("00.warmup", wrong)
    practice.check("00.warmup", right)
    entry = saved(work)["exercises"]["00.warmup"]
    assert entry == {"tries": 3, "correct": True, "ever_correct": True, "first_correct_try": 3,
                     "wrong": {f"{wrong:.4g}": 2}}
    practice.check("00.warmup", "no idea")
    entry = saved(work)["exercises"]["00.warmup"]
    assert entry["correct"] is False and entry["ever_correct"] is True and entry["wrong"]["no idea"] == 1
    assert saved(work)["format"] == "crmlessons-results" and saved(work)["version"] == 1


def test_the_file_stays_small_after_500_checks(work):
    from crmlessons import lessons

    names = sorted(lessons.all_exercises())[:10]
    for i in range(500):
        results.record_check(names[i % len(names)], f"wrong answer number {i} " * 5, correct=i % 7 == 0)
    size = (work / "results.json").stat().st_size
    assert size < 50_000, size
    entry = saved(work)["exercises"][names[0]]
    assert entry["tries"] == 50 and len(entry["wrong"]) == results.MAX_WRONG


def test_a_failed_write_is_a_warning_in_words_and_the_check_still_answers(tmp_path, monkeypatch):
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(WORK_ENV, str(blocker))
    right = practice.get_exercise("00.warmup").expected()
    with pytest.warns(UserWarning, match="Your result was not saved in .*the check above is still right"):
        feedback = practice.check("00.warmup", right)
    assert feedback.correct is True


def test_an_unreadable_results_file_is_kept_aside_not_lost(work):
    work.mkdir()
    (work / "results.json").write_text("{half a file", encoding="utf-8")
    with pytest.warns(UserWarning, match="could not be read"):
        results.record_check("00.warmup", 1, correct=False)
    assert (work / "results.unreadable.json").read_text(encoding="utf-8") == "{half a file"
    assert saved(work)["exercises"]["00.warmup"]["tries"] == 1


def test_the_students_name_from_my_name_or_the_environment(work, monkeypatch):
    monkeypatch.setenv(results.STUDENT_ENV, "S-042")
    results.record_check("00.warmup", 1, correct=False)
    assert saved(work)["student"] == "S-042"
    assert str(results.my_name("  Li   Wei ")) == "Your results are saved under the name Li Wei."
    results.record_check("00.warmup", 2, correct=False)
    assert saved(work)["student"] == "Li Wei"  # the name the student gave wins over the variable
    with pytest.raises(TypeError, match="name must be text"):
        results.my_name(42)
    with pytest.raises(ValueError, match="name must be your name"):
        results.my_name("   ")


def test_the_quiz_widget_records_the_first_and_the_latest_answer(work):
    questions = get_quiz("00")
    quiz = QuizWidget("00", questions)
    wrong = (questions[0].correct + 1) % len(questions[0].options)
    quiz.answer(0, wrong)
    quiz.answer(0, questions[0].correct)
    quiz.answer(1, questions[1].correct)
    entry = saved(work)["quizzes"]["00"]
    n = len(questions)
    assert entry["total"] == n and entry["score"] == 2 and entry["answered"] == 2
    assert entry["first_choice"] == [wrong, questions[1].correct] + [None] * (n - 2)
    assert entry["first_right"] == [False, True] + [None] * (n - 2)
    assert entry["latest"] == [True, True] + [None] * (n - 2)


# ---------------------------------------------------------------------------------------------
# The class view

#: Five students: (name, answers to exercise 00.warmup in order, first option picked per quiz question).
CLASS = [("An", ["right"], [0, 1]), ("Bo", ["w1", "right"], [1, 1]), ("Chen", ["w1"], [2, 1]),
         ("Du", ["w2", "w1"], [0, 0]), ("Er", [], [None, 1])]
QUIZ_RIGHT = [0, 1]  # the right option of each of the two questions of the fake quiz


def hand_in(tmp_path, monkeypatch) -> Path:
    """Each fake student works in their own folder; the files are handed in renamed or in a subfolder."""
    class_folder = tmp_path / "handed_in"
    for number, (name, answers, picks) in enumerate(CLASS):
        home = tmp_path / f"student_{name}"
        monkeypatch.setenv(WORK_ENV, str(home))
        results.my_name(name)
        for answer in answers:
            results.record_check("00.warmup", answer, correct=answer == "right")
        for question, pick in enumerate(picks):
            if pick is not None:
                choices = [p if i <= question else None for i, p in enumerate(picks)]
                marks = [None if c is None else c == QUIZ_RIGHT[i] for i, c in enumerate(choices)]
                results.record_quiz("99", choices, marks)
        target = class_folder / (f"results_{name}.json" if number % 2 else f"{name}/results.json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((home / "results.json").read_bytes())
    return class_folder


def test_the_class_view_counts_each_exercise_and_question(tmp_path, monkeypatch):
    found = class_results.read_class(hand_in(tmp_path, monkeypatch))
    assert sorted(s.name for s in found.students) == ["An", "Bo", "Chen", "Du", "Er"] and not found.skipped
    exercise, = class_results.exercise_rows(found)
    # Four students tried 00.warmup (Er never did); An and Bo are right at their latest check, An at once.
    assert exercise["item"] == "00.warmup" and exercise["students"] == 4
    assert exercise["right"] == 0.5 and exercise["wrong"] == 0.5 and exercise["first"] == 0.25
    assert exercise["common_wrong"] == "w1 (3), w2 (1)"
    first, second = class_results.question_rows(found)
    # Question 1 first picks: An 0, Bo 1, Chen 2, Du 0 (right: 0); Er did not answer it.
    assert first["students"] == 4 and first["right"] == 0.5 and first["common_wrong"] == "B (1), C (1)"
    # Question 2 first picks: 1, 1, 1, 0, 1 (right: 1).
    assert second["students"] == 5 and second["right"] == 0.8 and second["wrong"] == 0.2
    assert second["common_wrong"] == "A (1)"


def test_bad_or_foreign_files_are_skipped_by_name_with_the_reason(tmp_path, monkeypatch, capsys):
    folder = hand_in(tmp_path, monkeypatch)
    (folder / "results_broken.json").write_text('{"format": "crmlessons-res', encoding="utf-8")
    (folder / "results_other_tool.json").write_text('{"score": 3}', encoding="utf-8")
    (folder / "results_future.json").write_text('{"format": "crmlessons-results", "version": 9}', encoding="utf-8")
    bad_entry = {"format": "crmlessons-results", "version": 1, "exercises": {"01.x": {"tries": "many"}}, "quizzes": {}}
    (folder / "results_edited.json").write_text(json.dumps(bad_entry), encoding="utf-8")
    (folder / "notes.json").write_text("not a results file name: not read", encoding="utf-8")
    out = tmp_path / "report"
    assert class_results.main([str(folder), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Skipped results_broken.json: not JSON" in printed
    assert "Skipped results_other_tool.json: not a crmlessons results file" in printed
    assert "Skipped results_future.json: results file version 9; this course reads version 1" in printed
    assert "Skipped results_edited.json: the entry exercises/01.x is not as the course writes it" in printed
    assert "notes.json" not in printed and "5 students' files read" in printed
    assert (out / "class_results.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = (out / "class_results.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in page and "00.warmup" in page and "results_broken.json" in page


def test_the_class_view_speaks_chinese_and_an_empty_folder_is_no_crash(tmp_path, capsys):
    empty = tmp_path / "nobody"
    empty.mkdir()
    assert class_results.main([str(empty), "--lang", "zh", "--out", str(tmp_path / "out")]) == 0
    printed = capsys.readouterr().out
    assert "没有找到结果文件" in printed and "答对比例" in printed
    assert "全班结果" in (tmp_path / "out" / "class_results.html").read_text(encoding="utf-8")
    with pytest.raises(SystemExit):
        class_results.main([str(tmp_path / "not_there")])


def test_the_report_goes_to_the_work_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv(WORK_ENV, str(tmp_path / "trainer_work"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        paths = class_results.write_report(class_results.ClassResults())
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == ["trainer_work/trainer/class_results.png",
                                                                   "trainer_work/trainer/class_results.html"]
