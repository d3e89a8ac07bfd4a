"""Exercise checks, hints, solutions and quizzes: the machinery every lesson uses."""

from __future__ import annotations

import html
import math

import pandas as pd
import pytest

import crmlessons as crm
from crmlessons import datasets, i18n, practice
from crmlessons.lessons import all_exercises, get_quiz, lesson_ids
from crmlessons.practice import Decision, Exercise, Feedback, Mistake, Question, grade
from crmlessons.widgets.quiz import quiz


def make_share_exercise():
    return Exercise(
        name="t.share", question={"en": "Share of 3 in 12?", "zh": "3 占 12 的比例？"},
        data=lambda: {"part": 3, "whole": 12}, answer=lambda part, whole: part / whole,
        hint={"en": "Divide the part by the whole.", "zh": "用部分除以整体。"},
        mistakes=[Mistake(lambda part, whole: whole / part, {"en": "Upside down.", "zh": "颠倒了。"})],
        solution={"en": "`3 / 12`", "zh": "`3 / 12`"})


def test_right_answer_within_tolerance():
    assert make_share_exercise().check(0.25).correct
    assert make_share_exercise().check(0.2501).correct


def test_wrong_answer_gets_the_matching_mistake_hint_not_the_answer():
    feedback = make_share_exercise().check(4)
    assert not feedback.correct and "Upside down." in feedback.message and "0.25" not in feedback.message


def test_unrecognised_wrong_answer_gets_the_general_hint():
    feedback = make_share_exercise().check(0.9)
    assert not feedback.correct and "Divide the part by the whole." in feedback.message


def test_percentage_instead_of_share_is_pointed_out():
    feedback = make_share_exercise().check(25)
    assert not feedback.correct and "percentage" in feedback.message


def test_text_instead_of_number_is_explained():
    feedback = make_share_exercise().check("a quarter")
    assert not feedback.correct and "Expected a number" in feedback.message and "'a quarter'" in feedback.message


def test_unanswered_placeholder():
    assert "Not answered yet" in make_share_exercise().check(...).message


def test_answer_follows_the_data_the_student_has():
    exercise = make_share_exercise()
    assert exercise.check(0.5, part=6, whole=12).correct
    assert not exercise.check(0.25, part=6, whole=12).correct


def test_feedback_is_bilingual():
    i18n.set_language("zh")
    assert make_share_exercise().check(4).message == "还不对。 颠倒了。"


def test_text_and_list_answers_ignore_case_spacing_and_order():
    assert practice._same("Company side", "company_side", 0.01, 0)
    assert practice._same(["b", "a"], ["a", "b"], 0.01, 0)
    assert not practice._same(["a"], ["a", "b"], 0.01, 0)


def test_case_sensitive_exercise_tells_codes_apart():
    exercise = Exercise(name="t.code", question={"en": "q", "zh": "q"}, data=lambda: {}, answer=lambda: "M+a+N",
                        hint={"en": "h", "zh": "h"}, solution={"en": "s", "zh": "s"}, case_sensitive=True)
    assert exercise.check("M+a+N").correct and exercise.check(" M+a+N ").correct
    assert not exercise.check("m+a+n").correct
    assert make_share_exercise().check(0.25).correct  # default stays lenient for words


def test_solution_is_collapsed_and_text_form_does_not_spoil():
    sol = practice.solution("00.warmup")
    assert sol._repr_html_().startswith('<details class="crm-solution">')
    assert "1000" in sol._repr_html_() and "1000" not in repr(sol)


def test_unknown_exercise_lists_the_known_ones():
    with pytest.raises(ValueError, match="no exercise named '99.nope'.*00.warmup"):
        practice.check("99.nope", 1)
    with pytest.raises(TypeError, match="exercise name must be a string"):
        practice.check(3, 1)


@pytest.mark.parametrize("name", sorted(all_exercises()))
def test_every_exercise_accepts_its_answer_and_rejects_each_mistake(name):
    exercise = all_exercises()[name]
    data = exercise.data()
    expected = exercise.answer(**data)
    assert exercise.check(expected).correct
    for mistake in exercise.mistakes:
        wrong = mistake.answer(**data)
        feedback = exercise.check(wrong)
        assert not feedback.correct, f"{name}: a mistake gives the right answer, so its hint can never show"
        assert i18n.pick(mistake.hint) in feedback.message
    for lang in i18n.LANGUAGES:
        assert exercise.question[lang] and exercise.hint[lang] and exercise.solution[lang]


def test_grade_counts_right_and_answered():
    questions = get_quiz("00")
    answers = [q.correct for q in questions]
    answers[0] = None
    answers[1] = (questions[1].correct + 1) % len(questions[1].options)
    result = grade(questions, answers)
    assert (result.right, result.answered, result.total) == (len(questions) - 2, len(questions) - 1, len(questions))


def test_grade_rejects_bad_answers():
    questions = get_quiz("00")
    with pytest.raises(ValueError, match="one entry per question"):
        grade(questions, [0])
    with pytest.raises(ValueError, match=r"answers\[0\] must be an option index 0..2; got 99"):
        grade(questions, [99] * len(questions))


def test_question_validates_its_parts():
    with pytest.raises(ValueError, match="one entry per option"):
        Question({"en": "q", "zh": "q"}, [{"en": "a", "zh": "a"}, {"en": "b", "zh": "b"}], 0, [{"en": "x", "zh": "x"}])
    with pytest.raises(ValueError, match="correct must be an option index"):
        Question({"en": "q", "zh": "q"}, [{"en": "a", "zh": "a"}, {"en": "b", "zh": "b"}], 5,
                 [{"en": "x", "zh": "x"}, {"en": "y", "zh": "y"}])


@pytest.mark.parametrize("lesson", lesson_ids())
def test_quiz_widget_gives_feedback_per_answer_and_a_score(lesson):
    widget = crm.quiz(lesson)
    for number, question in enumerate(widget.questions):
        wrong = (question.correct + 1) % len(question.options)
        widget.answer(number, wrong)
        assert html.escape(i18n.pick(question.feedback[wrong])) in widget._feedback[number].value
        assert "Not quite." in widget._feedback[number].value
        widget.answer(number, question.correct)
        assert "Correct." in widget._feedback[number].value
    total = len(widget.questions)
    assert f"Score: {total} of {total} right" in widget.score.value
    assert "crm-quiz" in widget._dom_classes


def test_a_widget_keeps_the_language_it_was_built_in():
    i18n.set_language("zh")
    widget = quiz("00")
    i18n.set_language("en")
    question = widget.questions[0]
    widget.answer(0, question.correct)
    assert "正确。" in widget._feedback[0].value and "得分" in widget.score.value
    assert i18n.get_language() == "en"


def test_crm_quiz_is_the_widget_entry_point_and_practice_only_grades():
    import crmlessons.widgets.quiz as quiz_widget

    assert crm.quiz is quiz_widget.quiz
    assert not hasattr(practice, "quiz"), "practice must not import the widgets (see tests/test_layers.py)"


# ---------------------------------------------------------------------------------------------
# Any answer, and any data, get feedback in words: never an exception.

#: Answers a student can type by accident, with the words their feedback must contain.
ODD_ANSWERS = {
    "10**400": (10**400, "401 digits"),
    "-10**400": (-10**400, "401 digits"),
    "10**5000": (10**5000, "5001 digits"),  # too long even to print on Python 3.11+
    "nan": (float("nan"), "not a number (NaN)"),
    "'nan' as text": ("nan", "not a number (NaN)"),
    "inf": (float("inf"), "infinite (inf)"),
    "-inf": (float("-inf"), "infinite (-inf)"),
    "pd.NA": (pd.NA, "missing value"),
    "None": (None, "Not answered yet"),
    "text": ("about a third", None),
    "list": ([0.25, 10**5000], None),
    "dict": ({"answer": 0.25}, None),
    "DataFrame": (pd.DataFrame({"share": [0.25, 0.5]}), None),
    "Series": (pd.Series([0.25]), None),
}


@pytest.mark.parametrize("name", sorted(all_exercises()))
def test_every_exercise_answers_any_input_in_words(name):
    exercise = all_exercises()[name]
    general_hint = i18n.pick(exercise.hint)
    for label, (given, words) in ODD_ANSWERS.items():
        feedback = practice.check(name, given)
        assert isinstance(feedback, Feedback) and not feedback.correct, f"{name} with {label}"
        if isinstance(exercise, Decision) and given is not None:
            words = "Choose one of the letters"  # a decision asks for a letter, and says so to any other answer
        if words is not None:
            assert words in feedback.message and general_hint not in feedback.message, f"{name} with {label}"


def test_a_table_or_list_is_described_not_dumped():
    feedback = make_share_exercise().check(pd.DataFrame({"share": range(1000)}))
    assert "table (DataFrame) with 1000 rows and 1 columns" in feedback.message and "999" not in feedback.message
    assert "Expected a number" in make_share_exercise().check([1, 2]).message


def test_odd_answers_are_explained_in_chinese_too():
    i18n.set_language("zh")
    assert "不是一个数字（NaN）" in make_share_exercise().check(float("nan")).message
    assert "401 位" in make_share_exercise().check(10**400).message


def test_group_data_without_a_needed_column_say_so_instead_of_grading():
    losses = datasets.load_losses().drop(columns="category")
    feedback = crm.check("05.controllable_share", 0.5, losses=losses)
    assert not feedback.correct and "cannot be used" in feedback.message and "'category'" in feedback.message
    assert "Not yet" not in feedback.message


def test_group_data_that_are_not_a_table_say_so():
    feedback = crm.check("05.controllable_share", 0.5, losses="losses.csv")
    assert not feedback.correct and "losses must be a table" in feedback.message


def test_group_data_under_the_wrong_names_list_the_right_ones():
    feedback = crm.check("05.lost_customer_cost", 1.0, orders=datasets.load_orders())
    assert not feedback.correct and "orders, customers, spend" in feedback.message and "you gave orders" in feedback.message
    feedback = crm.check("05.controllable_share", 0.5, loses=datasets.load_losses())
    assert "you gave loses" in feedback.message and "losses=my_losses" in feedback.message


def test_empty_group_data_have_no_rows_to_answer_from():
    feedback = crm.check("03.full_man_win_rate", 0.13, leads=datasets.load_leads().iloc[:0])
    assert not feedback.correct and "no rows" in feedback.message and "Not yet" not in feedback.message


def test_a_right_answer_that_comes_out_nan_is_not_graded():
    exercise = Exercise(name="t.mean", question={"en": "q", "zh": "q"}, data=lambda: {"table": pd.DataFrame({"x": [1.0]})},
                        answer=lambda table: float(table["x"].mean()), hint={"en": "h", "zh": "h"},
                        solution={"en": "s", "zh": "s"})
    assert exercise.check(1.0).correct
    empty = exercise.check(1.0, table=pd.DataFrame({"x": []}))
    assert not empty.correct and "no rows to answer from (table is empty)" in empty.message
    blank = exercise.check(1.0, table=pd.DataFrame({"x": [math.nan]}))
    assert not blank.correct and "cannot be worked out" in blank.message and "nan" in blank.message
    losses = datasets.load_losses().assign(category=None)  # no loss has a known category: nothing to grade against
    feedback = crm.check("05.controllable_share", 0.5, losses=losses)
    assert not feedback.correct and "Not yet" not in feedback.message and "category" in feedback.message


def test_a_concept_functions_message_is_passed_on():
    def answer(table):
        raise ValueError("table needs a column 'x' of numbers; got text")

    exercise = Exercise(name="t.msg", question={"en": "q", "zh": "q"}, data=lambda: {"table": pd.DataFrame({"x": [1]})},
                        answer=answer, hint={"en": "h", "zh": "h"}, solution={"en": "s", "zh": "s"})
    feedback = exercise.check(1, table=pd.DataFrame({"x": ["a"]}))
    assert feedback.message.endswith("table needs a column 'x' of numbers; got text.") and not feedback.correct


def test_an_error_on_the_shipped_data_is_a_bug_and_is_raised():
    exercise = Exercise(name="t.bug", question={"en": "q", "zh": "q"}, data=lambda: {"table": {}},
                        answer=lambda table: table["missing"], hint={"en": "h", "zh": "h"}, solution={"en": "s", "zh": "s"})
    with pytest.raises(KeyError):
        exercise.check(1)
