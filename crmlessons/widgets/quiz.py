"""The single-choice quiz widget every lesson ends with: ``crm.quiz("01")`` is :func:`quiz`.

The widget only shows the questions and reads the clicks; the grading is the pure
:func:`crmlessons.practice.grade`. This module reads the lesson catalogue, so it sits with
``crmlessons.practice`` and ``crmlessons.lessons`` in the course layer (see CONTRIBUTING.md), above the
other widgets: ``crmlessons.practice`` never imports it.

Examples
--------
>>> from crmlessons.lessons import get_quiz
>>> w = QuizWidget("00", get_quiz("00"))
>>> wrong = (w.questions[0].correct + 1) % len(w.questions[0].options)
>>> w.answer(0, wrong)
>>> w.result.right, w.result.answered
(0, 1)
"""

from __future__ import annotations

import html
from typing import Sequence

import ipywidgets as widgets

from crmlessons import i18n, results
from crmlessons.practice import Question, grade, option_feedback
from crmlessons.widgets.base import CourseWidget


class QuizWidget(CourseWidget):
    """One radio-button group per question, feedback as soon as an option is picked, and a score."""

    def __init__(self, lesson: str, questions: Sequence[Question]):
        self.lesson = lesson
        self.questions = list(questions)
        self._choices: list[int | None] = [None] * len(self.questions)
        self._radios: list[widgets.RadioButtons] = []
        self._feedback: list[widgets.HTML] = []
        rows = []
        for number, question in enumerate(self.questions):
            radio = widgets.RadioButtons(options=[(i18n.pick(o), i) for i, o in enumerate(question.options)],
                                         value=None, layout=widgets.Layout(width="auto"))
            radio.add_class("crm-quiz-options")
            self.on(radio, lambda n=number, r=radio: self._picked(n, r.value))
            feedback = widgets.HTML()
            feedback.add_class("crm-quiz-feedback")
            prompt = widgets.HTML(f"<b>{number + 1}. {html.escape(i18n.pick(question.prompt))}</b>")
            rows.append(widgets.VBox([prompt, radio, feedback]))
            self._radios.append(radio)
            self._feedback.append(feedback)
        self.score = widgets.HTML()
        self.score.add_class("crm-quiz-score")
        super().__init__([*rows, self.score], name="quiz", title=i18n.t("quiz_repr", name=lesson, n=len(self.questions)))
        self._repr_text = i18n.t("quiz_repr", name=lesson, n=len(self.questions))
        self._show_score()

    def __repr__(self) -> str:
        return self._repr_text

    def answer(self, number: int, choice: int) -> None:
        """Pick option ``choice`` for question ``number``, as a click on it would."""
        self._radios[number].value = choice

    @property
    def result(self):
        """The current :class:`crmlessons.practice.QuizResult`."""
        return grade(self.questions, self._choices)

    def _picked(self, number: int, choice: int | None) -> None:
        with i18n.using(self.language):
            self._show_choice(number, choice)

    def _show_choice(self, number: int, choice: int | None) -> None:
        self._choices[number] = choice
        question = self.questions[number]
        if choice is None:
            self._feedback[number].value = ""
        else:
            colour = "#1b7a3a" if choice == question.correct else "#a35400"
            text = html.escape(option_feedback(question, choice))
            self._feedback[number].value = f'<div style="color:{colour}">{text}</div>'
            results.record_quiz(self.lesson, self._choices, self.result.per_question)  # the student's results.json
        self._show_score()

    def _show_score(self) -> None:
        self.score.value = f"<b>{html.escape(str(self.result))}</b>"


def quiz(lesson: str) -> QuizWidget:
    """Return the quiz widget of ``lesson`` (e.g. ``"01"``): feedback per answer and a running score.

    Examples
    --------
    >>> w = quiz("00")
    >>> w.answer(0, w.questions[0].correct)
    >>> w.result.right
    1
    """
    from crmlessons.lessons import get_quiz

    return QuizWidget(lesson, get_quiz(lesson))


def _quiz_00():
    return quiz("00")


#: Update-latency cases for scripts/benchmark.py: (label, make the widget, change a control).
BENCHMARK = [("quiz: pick an answer", _quiz_00,
              lambda w, i: w.answer(i % len(w.questions), i % len(w.questions[i % len(w.questions)].options)))]
