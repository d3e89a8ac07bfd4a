"""Exercises checked on the spot, hints, worked solutions and single-choice quizzes.

Each lesson declares its exercises and quiz in ``crmlessons/lessons/lessonNN.py``; this module holds
the machinery they share. A notebook cell only names the exercise::

    answer = 0.42
    crm.check("01.repeat_share", answer)

The right answer is computed from the data the student is working with (the shipped tables, or the
variant their group was given, passed as keyword arguments), so the check stays right for any
dataset variant. A wrong answer gets a hint tied to the most common mistake, never the answer itself.

Examples
--------
>>> ex = Exercise(
...     name="demo.double",
...     question={"en": "Double 21.", "zh": "把 21 翻倍。"},
...     data=lambda: {"x": 21},
...     answer=lambda x: 2 * x,
...     hint={"en": "Multiply by two.", "zh": "乘以二。"},
...     mistakes=[Mistake(lambda x: x + 2, {"en": "You added 2 instead of multiplying.", "zh": "你加了 2，而不是乘以 2。"})],
...     solution={"en": "`2 * 21`", "zh": "`2 * 21`"},
... )
>>> ex.check(42).correct
True
>>> print(ex.check(23))
Not yet. You added 2 instead of multiplying.
>>> print(ex.check(...))
Not answered yet: replace ... with your answer, then run the cell again.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

from crmlessons import i18n

Text = Mapping[str, str]

i18n.register({
    "check_right": ("Right!", "正确！"),
    "check_not_yet": ("Not yet.", "还不对。"),
    "check_empty": ("Not answered yet: replace ... with your answer, then run the cell again.",
                    "还没有作答：把 ... 换成你的答案，再运行这个单元格。"),
    "check_type": ("Expected {expected}, but the answer is {given}.", "这里需要{expected}，但你的答案是{given}。"),
    "check_percent": ("It looks like a percentage: give it as a share between 0 and 1 (e.g. 0.25, not 25).",
                      "这看起来是百分数：请写成 0 到 1 之间的比例（例如 0.25，而不是 25）。"),
    "kind_number": ("a number", "一个数字"),
    "kind_text": ("a text answer", "一个文字答案"),
    "kind_choice": ("one of: {options}", "以下之一：{options}"),
    "kind_list": ("a list of values", "一组值（列表）"),
    "kind_bool": ("True or False", "True 或 False"),
    "show_solution": ("Show the worked solution (try the exercise first)", "查看解题过程（请先自己尝试）"),
    "solution_hidden": ("Worked solution for {name}: hidden; open it in Jupyter with the arrow.",
                        "练习 {name} 的解题过程：已折叠；在 Jupyter 中点击箭头展开。"),
    "hint": ("Hint", "提示"),
    "unknown_exercise": ("no exercise named {name!r}; known exercises: {known}",
                         "没有名为 {name!r} 的练习；已有练习：{known}"),
    "quiz_check": ("Your choice", "你的选择"),
    "quiz_score": ("Score: {right} of {total} right ({answered} answered)",
                   "得分：{total} 题中答对 {right} 题（已答 {answered} 题）"),
    "quiz_correct": ("Correct.", "正确。"),
    "quiz_wrong": ("Not quite.", "不太对。"),
    "quiz_repr": ("Quiz {name}: {n} questions. Run this cell in Jupyter to answer them.",
                  "测验 {name}：共 {n} 题。在 Jupyter 中运行此单元格即可作答。"),
})


@dataclass(frozen=True)
class Mistake:
    """A common wrong way to solve an exercise, and the hint that points it out.

    Parameters
    ----------
    answer : callable
        Computes, from the same data as the exercise, the answer this mistake produces.
    hint : mapping
        ``{"en": ..., "zh": ...}``: what went wrong, without giving the right answer away.
    """

    answer: Callable[..., Any]
    hint: Text


@dataclass(frozen=True)
class Feedback:
    """The result of a check: whether it is right, and what to tell the student."""

    correct: bool
    message: str

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        colour, mark = ("#1b7a3a", "✔") if self.correct else ("#a35400", "✘")
        return (f'<div class="crm-feedback" style="border-left:4px solid {colour};padding:4px 10px;'
                f'font-size:1.1em"><b style="color:{colour}">{mark}</b> {html.escape(self.message)}</div>')


@dataclass(frozen=True)
class Solution:
    """A worked solution, shown collapsed until the student asks for it."""

    name: str
    text: Text

    def __repr__(self) -> str:
        return i18n.t("solution_hidden", name=self.name)

    def _repr_html_(self) -> str:
        body = html.escape(i18n.pick(self.text)).replace("\n", "<br>")
        body = _code_spans(body)
        return (f'<details class="crm-solution"><summary>{html.escape(i18n.t("show_solution"))}</summary>'
                f'<div style="padding:6px 12px">{body}</div></details>')


def _code_spans(text: str) -> str:
    """Turn `backticked` spans of already-escaped text into <code> elements."""
    parts = text.split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


@dataclass(frozen=True)
class Exercise:
    """An exercise checked on the spot against data the student has.

    Parameters
    ----------
    name : str
        Unique name such as ``"01.repeat_share"`` (lesson number, dot, short name).
    question : mapping
        The task in English and Chinese.
    data : callable
        Returns the default data as keyword arguments for ``answer`` (e.g. the shipped tables).
    answer : callable
        Computes the right answer from that data.
    hint : mapping
        General hint when the answer matches no known mistake.
    mistakes : list of Mistake
        Common mistakes, each recognised by the answer it produces.
    solution : mapping
        Worked solution (plain text; `backticks` mark code).
    rel_tol, abs_tol : float
        Tolerance for numeric answers.
    case_sensitive : bool
        Compare text answers letter case and all (for codes such as ``"M+a+N"``). By default case,
        spacing, ``_`` and ``-`` are ignored.
    """

    name: str
    question: Text
    data: Callable[[], dict]
    answer: Callable[..., Any]
    hint: Text
    solution: Text
    mistakes: Sequence[Mistake] = field(default_factory=tuple)
    rel_tol: float = 0.01
    abs_tol: float = 1e-9
    case_sensitive: bool = False

    def expected(self, **data: Any) -> Any:
        """Return the right answer for ``data`` (or for the default data when none is given)."""
        return self.answer(**(data or self.data()))

    def check(self, given: Any, **data: Any) -> Feedback:
        """Check ``given`` against the answer computed from ``data``; return :class:`Feedback`."""
        if given is Ellipsis or given is None:
            return Feedback(False, i18n.t("check_empty"))
        data = data or self.data()
        expected = self.answer(**data)
        problem = _type_problem(given, expected)
        if problem:
            return Feedback(False, problem)
        if _same(given, expected, self.rel_tol, self.abs_tol, self.case_sensitive):
            return Feedback(True, i18n.t("check_right"))
        for mistake in self.mistakes:
            if _same(given, mistake.answer(**data), self.rel_tol, self.abs_tol, self.case_sensitive):
                return Feedback(False, f'{i18n.t("check_not_yet")} {i18n.pick(mistake.hint)}')
        if _is_number(expected) and 0 < abs(expected) <= 1 and _is_number(given) and \
                math.isclose(given, expected * 100, rel_tol=self.rel_tol):
            return Feedback(False, f'{i18n.t("check_not_yet")} {i18n.t("check_percent")}')
        return Feedback(False, f'{i18n.t("check_not_yet")} {i18n.pick(self.hint)}')


def _is_number(value: Any) -> bool:
    try:
        import numpy as np
        number_types: tuple = (int, float, np.integer, np.floating)
    except ImportError:  # pragma: no cover - numpy always comes with pandas
        number_types = (int, float)
    return isinstance(value, number_types) and not isinstance(value, bool)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return i18n.t("kind_bool")
    if _is_number(value):
        return i18n.t("kind_number")
    if isinstance(value, str):
        return i18n.t("kind_text")
    return i18n.t("kind_list")


def _type_problem(given: Any, expected: Any) -> str | None:
    """Return a message when ``given`` is not even the kind of answer expected."""
    if _is_number(expected) and not _is_number(given):
        if isinstance(given, str):
            try:
                float(given)
            except ValueError:
                pass
            else:
                return None
        return i18n.t("check_type", expected=i18n.t("kind_number"), given=f"{_kind(given)} {given!r}")
    if isinstance(expected, str) and not isinstance(given, str):
        return i18n.t("check_type", expected=i18n.t("kind_text"), given=repr(given))
    return None


def _normal_text(value: str, case_sensitive: bool = False) -> str:
    if case_sensitive:
        return " ".join(value.split())
    return " ".join(value.replace("_", " ").replace("-", " ").lower().split())


def _same(given: Any, expected: Any, rel_tol: float, abs_tol: float, case_sensitive: bool = False) -> bool:
    """Compare answers: numbers within tolerance, text ignoring case and spacing, lists as sets."""
    if isinstance(expected, bool) or isinstance(given, bool):
        return bool(given) == bool(expected) and type(given) is type(expected)
    if _is_number(expected):
        try:
            value = float(given)
        except (TypeError, ValueError):
            return False
        return math.isclose(value, float(expected), rel_tol=rel_tol, abs_tol=abs_tol)
    if isinstance(expected, str):
        return isinstance(given, str) and \
            _normal_text(given, case_sensitive) == _normal_text(expected, case_sensitive)
    if isinstance(expected, (list, tuple, set, frozenset)):
        if isinstance(given, str) or not hasattr(given, "__iter__"):
            return False
        given_items = sorted(map(str, given))
        expected_items = sorted(map(str, expected))
        if len(given_items) != len(expected_items):
            return False
        return all(_same(g, e, rel_tol, abs_tol, case_sensitive) for g, e in zip(given_items, expected_items))
    return given == expected


# ---------------------------------------------------------------------------------------------
# The registry: every lesson's exercises and quizzes, found by name.

def _lesson_of(name: str) -> str:
    return name.split(".", 1)[0]


def get_exercise(name: str) -> Exercise:
    """Return the exercise called ``name`` (e.g. ``"01.repeat_share"``)."""
    from crmlessons import lessons

    if not isinstance(name, str):
        raise TypeError(f"exercise name must be a string such as '01.repeat_share'; got {name!r}")
    exercises = lessons.all_exercises()
    if name not in exercises:
        raise ValueError(i18n.t("unknown_exercise", name=name, known=", ".join(sorted(exercises))))
    return exercises[name]


def check(name: str, answer: Any, **data: Any) -> Feedback:
    """Check a student's ``answer`` to the exercise ``name`` and say at once whether it is right.

    Parameters
    ----------
    name : str
        The exercise, e.g. ``"00.warmup"``.
    answer : object
        The student's answer (``...`` means not answered yet).
    **data
        The tables the student worked with, if not the shipped ones (a group's variant).

    Returns
    -------
    Feedback
        ``.correct`` is True or False; the message is shown in the notebook.

    Examples
    --------
    >>> check("00.warmup", 1000).correct
    True
    """
    return get_exercise(name).check(answer, **data)


def hint(name: str) -> Feedback:
    """Show the general hint of exercise ``name``.

    Examples
    --------
    >>> print(hint("00.warmup"))  # doctest: +ELLIPSIS
    Hint: ...
    """
    exercise = get_exercise(name)
    return Feedback(False, f'{i18n.t("hint")}: {i18n.pick(exercise.hint)}')


def solution(name: str) -> Solution:
    """Return the worked solution of exercise ``name``, collapsed until the student opens it.

    Examples
    --------
    >>> solution("00.warmup")  # doctest: +ELLIPSIS
    Worked solution for 00.warmup: hidden; ...
    """
    return Solution(name, get_exercise(name).solution)


# ---------------------------------------------------------------------------------------------
# Quizzes

@dataclass(frozen=True)
class Question:
    """A single-choice question with feedback for every option.

    Parameters
    ----------
    prompt : mapping
        The question in English and Chinese.
    options : list of mapping
        The choices, each ``{"en": ..., "zh": ...}``.
    correct : int
        Index of the right option.
    feedback : list of mapping
        One explanation per option, shown when that option is chosen.
    source : str
        Where the fact comes from (e.g. ``"seed 004, quiz 1"``), or ``""``.
    """

    prompt: Text
    options: Sequence[Text]
    correct: int
    feedback: Sequence[Text]
    source: str = ""

    def __post_init__(self) -> None:
        if len(self.options) < 2:
            raise ValueError(f"a question needs at least 2 options; got {len(self.options)}")
        if len(self.feedback) != len(self.options):
            raise ValueError(f"feedback needs one entry per option ({len(self.options)}); got {len(self.feedback)}")
        if not 0 <= self.correct < len(self.options):
            raise ValueError(f"correct must be an option index 0..{len(self.options) - 1}; got {self.correct}")


@dataclass(frozen=True)
class QuizResult:
    """Score of a set of answers: how many were answered and how many were right."""

    right: int
    answered: int
    total: int
    per_question: tuple

    def __str__(self) -> str:
        return i18n.t("quiz_score", right=self.right, total=self.total, answered=self.answered)


def grade(questions: Sequence[Question], answers: Sequence[int | None]) -> QuizResult:
    """Score ``answers`` (option indices, None for unanswered) against ``questions``.

    Examples
    --------
    >>> from crmlessons.lessons import get_quiz
    >>> qs = get_quiz("00")
    >>> print(grade(qs, [q.correct for q in qs]))  # doctest: +ELLIPSIS
    Score: ... right (... answered)
    """
    if len(answers) != len(questions):
        raise ValueError(f"answers needs one entry per question ({len(questions)}); got {len(answers)}")
    marks = []
    for question, answer in zip(questions, answers):
        if answer is not None and not 0 <= answer < len(question.options):
            raise ValueError(f"answer {answer!r} is not an option index 0..{len(question.options) - 1}")
        marks.append(None if answer is None else answer == question.correct)
    return QuizResult(right=sum(m is True for m in marks), answered=sum(m is not None for m in marks),
                      total=len(questions), per_question=tuple(marks))


def option_feedback(question: Question, choice: int) -> str:
    """Return the feedback line for choosing option ``choice`` of ``question``."""
    verdict = i18n.t("quiz_correct") if choice == question.correct else i18n.t("quiz_wrong")
    return f"{verdict} {i18n.pick(question.feedback[choice])}"


def quiz(lesson: str):
    """Return the quiz widget of ``lesson`` (e.g. ``"01"``): feedback per answer and a running score.

    Examples
    --------
    >>> w = quiz("00")
    >>> w.answer(0, w.questions[0].correct)
    >>> w.result.right
    1
    """
    from crmlessons.lessons import get_quiz
    from crmlessons.widgets.quiz import QuizWidget

    return QuizWidget(lesson, get_quiz(lesson))
