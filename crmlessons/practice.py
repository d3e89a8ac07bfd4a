"""Exercises checked on the spot, hints, worked solutions, and the grading of single-choice quizzes.

Each lesson declares its exercises and quiz in ``crmlessons/lessons/lessonNN.py``; this module holds
the machinery they share (the quiz widget, ``crm.quiz``, is :func:`crmlessons.widgets.quiz.quiz`; it
grades with :func:`grade`). A notebook cell only names the exercise::

    answer = 0.42
    crm.check("01.repeat_share", answer)

The right answer is computed from the data the student is working with (the shipped tables, or the
variant their group was given, passed as keyword arguments), so the check stays right for any
dataset variant. A wrong answer gets a hint tied to the most common mistake, never the answer itself.
Any answer at all gets feedback in words, never an exception: text, a table, ``None``, ``nan``, ``inf`` or a
number too large to be an answer; and so do data that cannot give an answer (a missing column, no rows).

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
>>> print(ex.check(float("nan")))  # doctest: +ELLIPSIS
The answer is not a number (NaN): ...
>>> print(ex.check(42, y=21))  # doctest: +ELLIPSIS
Exercise demo.double is checked against the data x; you gave y. ...
"""

from __future__ import annotations

import html
import inspect
import math
import reprlib
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

from crmlessons import i18n, results

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
    "kind_list": ("a list of values", "一组值（列表）"),
    "kind_table": ("a table (DataFrame) with {rows} rows and {columns} columns", "一张表（DataFrame），{rows} 行 {columns} 列"),
    "kind_series": ("a column (Series) of length {n}", "一列数据（Series），长度为 {n}"),
    "kind_dict": ("a dictionary with {n} entries", "一个字典，共 {n} 项"),
    "check_nan": ("The answer is not a number (NaN): the calculation used missing values or divided 0 by 0. "
                  "Look for an empty selection or a missing value, then try again.",
                  "答案不是一个数字（NaN）：计算用到了缺失值，或出现了 0 除以 0。检查是否选出了空数据或有缺失值，然后再试。"),
    "check_missing": ("The answer is a missing value ({given}), not a number or a word: look for an empty "
                      "selection or a missing value, then try again.",
                      "答案是一个缺失值（{given}），既不是数字也不是文字：检查是否选出了空数据或有缺失值，然后再试。"),
    "check_infinite": ("The answer is infinite ({given}): somewhere the calculation divided by zero. "
                       "Check what you divide by.",
                       "答案是无穷大（{given}）：计算中某处除以了零。检查你用作除数的值。"),
    "check_too_large": ("The answer is a number with {digits} digits: far too large to be an answer (no "
                        "calculation on the case data comes near it). Check the calculation.",
                        "答案是一个 {digits} 位的数字：太大了，不可能是答案（用案例数据算不出这么大的数）。请检查计算过程。"),
    "check_data_names": ("Exercise {name} is checked against the data {needed}; you gave {given}. Pass them by "
                         "these names, e.g. crm.check({name!r}, answer, {example}), or none for the shipped data.",
                         "练习 {name} 需要的数据是 {needed}；你给的是 {given}。请按这些名字传入，例如 "
                         "crm.check({name!r}, answer, {example})，或者不传，使用课程自带的数据。"),
    "check_data_unusable": ("The data you gave cannot be used for exercise {name}, so the answer cannot be "
                            "checked: {reason}", "你提供的数据无法用于练习 {name}，因此无法检查答案：{reason}"),
    "check_data_missing": ("the data have no {missing} (a column or value this exercise needs).",
                           "数据中没有 {missing}（本练习需要的列或取值）。"),
    "check_data_table": ("{table} must be a table (a pandas DataFrame, like the shipped one); got {given}.",
                         "{table} 必须是一张表（pandas DataFrame，与课程自带的数据相同）；但给的是{given}。"),
    "check_data_few_rows": ("the data have too few rows to answer from.", "数据的行数太少，无法得出答案。"),
    "check_no_rows": ("The data have no rows to answer from ({tables} is empty), so there is no right answer "
                      "to check against: check the data first (e.g. a filter that kept nothing).",
                      "数据中没有可用来作答的行（{tables} 是空的），因此没有可以对照的正确答案：请先检查数据（例如筛选后什么都没剩下）。"),
    "check_no_answer": ("The right answer cannot be worked out from these data (it comes out as {value}): the "
                        "rows it needs are missing, e.g. a filter kept none of them. Check the data first.",
                        "用这些数据算不出正确答案（结果是 {value}）：所需的行缺失了，例如筛选后一行都没剩下。请先检查数据。"),
    "show_solution": ("Show the worked solution (try the exercise first)", "查看解题过程（请先自己尝试）"),
    "solution_hidden": ("Worked solution for {name}: hidden; open it in Jupyter with the arrow.",
                        "练习 {name} 的解题过程：已折叠；在 Jupyter 中点击箭头展开。"),
    "hint": ("Hint", "提示"),
    "exercise": ("Exercise", "练习"),
    "decision": ("Decision", "决策练习"),
    "decide_how": ("Answer with the letter of your choice, e.g. crm.check(\"{name}\", \"B\").",
                   "用你所选的字母作答，例如 crm.check(\"{name}\", \"B\")。"),
    "decide_pick": ("Choose one of the letters {letters}; got {given}.", "请从字母 {letters} 中选一个；你给的是{given}。"),
    "decide_right": ("Right.", "正确。"),
    "decide_weaker": ("Not the best choice.", "这不是最好的选择。"),
    "decide_others": ("The other choices:", "其他选项："),
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


@dataclass(frozen=True)
class Prompt:
    """An exercise's task as a card: its name, the situation, and for a decision the lettered choices."""

    name: str
    text: str
    kind: str
    choices: tuple = ()
    footer: str = ""

    def __repr__(self) -> str:
        lines = [f"{self.kind} {self.name}", self.text, *(f"{letter}. {text}" for letter, text in self.choices)]
        return "\n".join(lines + ([self.footer] if self.footer else []))

    def _repr_html_(self) -> str:
        text = _code_spans(html.escape(self.text)).replace("\n", "<br>")
        choices = "".join(f"<li><b>{letter}.</b> {_code_spans(html.escape(choice))}</li>"
                          for letter, choice in self.choices)
        choices = f'<ul style="list-style:none;padding-left:8px">{choices}</ul>' if choices else ""
        footer = f"<p><i>{_code_spans(html.escape(self.footer))}</i></p>" if self.footer else ""
        return (f'<div class="crm-exercise" style="border-left:4px solid #3a6ea5;padding:4px 12px;'
                f'background:#f4f7fb"><b>{html.escape(self.kind)} {html.escape(self.name)}</b>'
                f"<p>{text}</p>{choices}{footer}</div>")


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
    facts : callable, optional
        Computes, from the same data, figures the question quotes: the question is then a template such
        as ``"Lead {lead} has a budget of {budget:,.0f} CNY."``, filled for the data the student has.
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
    facts: Callable[..., Mapping[str, Any]] | None = None

    def expected(self, **data: Any) -> Any:
        """Return the right answer for ``data`` (or for the default data when none is given)."""
        return self.answer(**(data or self.data()))

    def prompt(self, **data: Any) -> "Prompt":
        """Return the task as the student reads it, in the current language (``crm.exercise(name)``)."""
        return Prompt(self.name, _fill(self.question, self._facts(data or self.data())), kind=i18n.t("exercise"))

    def _facts(self, data: dict) -> Mapping[str, Any]:
        return self.facts(**data) if self.facts else {}

    def check(self, given: Any, **data: Any) -> Feedback:
        """Check ``given`` against the answer computed from ``data``; return :class:`Feedback`.

        Never raises for any ``given``, nor for the student's own ``data``: an answer that cannot be right
        (NaN, infinite, a table ...) and data that cannot give a right answer are explained in words.
        """
        if given is Ellipsis or given is None:
            return Feedback(False, i18n.t("check_empty"))
        problem = _number_problem(given)  # NaN, inf, 10**400: wrong for any data, so say so at once
        if problem:
            return Feedback(False, problem)
        expected, data, problem = self._right_answer(data)
        problem = problem or _type_problem(given, expected)
        if problem:
            return Feedback(False, problem)
        if _same(given, expected, self.rel_tol, self.abs_tol, self.case_sensitive):
            return Feedback(True, i18n.t("check_right"))
        hint = self._mistake_hint(given, data)
        if hint is None and _is_number(expected) and 0 < abs(expected) <= 1 and _is_number(given) and \
                math.isclose(given, expected * 100, rel_tol=self.rel_tol):
            hint = i18n.t("check_percent")
        return Feedback(False, f'{i18n.t("check_not_yet")} {hint or i18n.pick(self.hint)}')

    def _right_answer(self, data: dict) -> tuple[Any, dict, str | None]:
        """Return ``(right answer, data used, None)``, or ``(None, data, why)`` when the data give none.

        The shipped data (no ``data`` given) must always give an answer: an error there is a bug in the
        course and is raised. The student's own data may lack a column or rows: that is explained.
        """
        if not data:
            data = self.data()
            expected = self.answer(**data)
        else:
            problem = self._names_problem(data)
            if problem:
                return None, data, problem
            try:
                expected = self.answer(**data)
            except _DATA_ERRORS as error:
                reason = self._not_a_table(data) or _reason(error)
                return None, data, i18n.t("check_data_unusable", name=self.name, reason=reason)
        if _is_number(expected) and not math.isfinite(expected):
            return None, data, _no_answer(expected, data)
        return expected, data, None

    def _names_problem(self, data: dict) -> str | None:
        """Say which data the exercise needs when ``data`` are not passed under those names."""
        try:
            signature = inspect.signature(self.answer)
        except (TypeError, ValueError):  # pragma: no cover - a builtin without a signature
            return None
        try:
            signature.bind(**data)
        except TypeError:
            needed = [p.name for p in signature.parameters.values() if p.default is inspect.Parameter.empty]
            return i18n.t("check_data_names", name=self.name, needed=", ".join(needed), given=", ".join(data),
                          example=", ".join(f"{p}=my_{p}" for p in needed))
        return None

    def _not_a_table(self, data: dict) -> str | None:
        """Name the first of ``data`` that should be a table, as in the shipped data, but is not."""
        shipped = self.data()
        for name, value in data.items():
            if hasattr(shipped.get(name), "columns") and not hasattr(value, "columns"):
                return i18n.t("check_data_table", table=name, given=_describe(value))
        return None

    def _mistake_hint(self, given: Any, data: dict) -> str | None:
        """Return the hint of the first known mistake that produces ``given``, or None."""
        for mistake in self.mistakes:
            try:
                wrong = mistake.answer(**data)
            except _DATA_ERRORS:  # the student's data may not allow this mistake: it cannot be theirs
                continue
            if _same(given, wrong, self.rel_tol, self.abs_tol, self.case_sensitive):
                return i18n.pick(mistake.hint)
        return None


@dataclass(frozen=True, kw_only=True)
class Decision(Exercise):
    """A decision exercise: a situation from the data, a choice of actions, feedback on every choice.

    The best choice is computed from the data (``answer`` returns its letter), so it follows a group's
    data variant. ``facts`` computes the figures the situation and the feedback quote: the texts are
    templates such as ``"{person} turns {rate:.0%} of proposals into negotiations"``.

    Parameters
    ----------
    options : mapping
        ``{"A": {"en": ..., "zh": ...}, "B": ...}``: the actions to choose from.
    feedback : mapping
        For each letter, why that action is right or weaker (a template filled with ``facts``).
    facts : callable
        Computes the figures the texts quote, from the same data as ``answer``.

    Examples
    --------
    >>> d = Decision(
    ...     name="demo.pick", question={"en": "Stock {stock} units, demand {demand}.", "zh": "库存 {stock}，需求 {demand}。"},
    ...     data=lambda: {"stock": 3, "demand": 5}, answer=lambda stock, demand: "A" if demand > stock else "B",
    ...     facts=lambda stock, demand: {"stock": stock, "demand": demand},
    ...     options={"A": {"en": "Order more", "zh": "补货"}, "B": {"en": "Wait", "zh": "等待"}},
    ...     feedback={"A": {"en": "Demand {demand} exceeds stock.", "zh": "需求超过库存。"},
    ...               "B": {"en": "Waiting leaves {short} customers unserved.", "zh": "等待会让客户买不到货。"}},
    ...     hint={"en": "Compare demand and stock.", "zh": "比较需求和库存。"}, solution={"en": "A", "zh": "A"})
    >>> print(d.prompt())  # doctest: +ELLIPSIS
    Decision demo.pick
    Stock 3 units, demand 5.
    A. Order more
    B. Wait
    ...
    >>> print(d.check("a"))
    Right. Demand 5 exceeds stock. The other choices: B. Waiting leaves {short} customers unserved.
    >>> d.check("B").correct
    False
    """

    options: Mapping[str, Text]
    feedback: Mapping[str, Text]

    def __post_init__(self) -> None:
        if len(self.options) < 2 or set(self.options) != set(self.feedback):
            raise ValueError(f"decision {self.name}: needs at least 2 options and one feedback per option; "
                             f"got options {sorted(self.options)} and feedback {sorted(self.feedback)}")

    def prompt(self, **data: Any) -> Prompt:
        """Return the situation and the lettered choices, filled with the figures of ``data``."""
        facts = self._facts(data or self.data())
        choices = tuple((letter, _fill(text, facts)) for letter, text in self.options.items())
        return Prompt(self.name, _fill(self.question, facts), kind=i18n.t("decision"), choices=choices,
                      footer=i18n.t("decide_how", name=self.name))

    def check(self, given: Any, **data: Any) -> Feedback:
        """Say whether ``given`` (a letter) is the best choice for ``data``, and why each choice is (not)."""
        if given is Ellipsis or given is None:
            return Feedback(False, i18n.t("check_empty"))
        letter = given.strip().upper() if isinstance(given, str) else None
        if letter not in self.options:
            return Feedback(False, i18n.t("decide_pick", letters=", ".join(self.options), given=_describe(given)))
        best, data, problem = self._right_answer(data)
        if problem:
            return Feedback(False, problem)
        facts = self._facts(data)
        why = _fill(self.feedback[letter], facts)
        if letter != best:
            return Feedback(False, f'{i18n.t("decide_weaker")} {why}')
        others = " ".join(f"{other}. {_fill(self.feedback[other], facts)}" for other in self.options if other != best)
        return Feedback(True, f'{i18n.t("decide_right")} {why} {i18n.t("decide_others")} {others}')


class _Blank(dict):
    """Leaves a placeholder the facts do not fill as it is, so a template never raises."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(text: Text, facts: Mapping[str, Any]) -> str:
    """Fill the template ``text`` (current language) with ``facts``."""
    return i18n.pick(text).format_map(_Blank(facts))


#: What computing an answer from a student's data may raise when the data are not usable.
_DATA_ERRORS = (ValueError, TypeError, KeyError, IndexError, ZeroDivisionError)


def _reason(error: Exception) -> str:
    """Say in words why the data could not give an answer (the concept function's own message if any)."""
    if isinstance(error, KeyError):
        return i18n.t("check_data_missing", missing=repr(error.args[0]) if error.args else "")
    if isinstance(error, (IndexError, ZeroDivisionError)):
        return i18n.t("check_data_few_rows")
    reason = str(error).strip()
    return reason if reason.endswith((".", "。", "!", "?")) else f"{reason}."


def _no_answer(expected: Any, data: dict) -> str:
    """Explain a right answer that comes out as NaN or infinite: empty tables, or missing rows."""
    empty = [name for name, value in data.items() if hasattr(value, "columns") and len(value) == 0]
    if empty:
        return i18n.t("check_no_rows", tables=", ".join(empty))
    return i18n.t("check_no_answer", value=repr(float(expected)))


def _is_number(value: Any) -> bool:
    try:
        import numpy as np
        number_types: tuple = (int, float, np.integer, np.floating)
    except ImportError:  # pragma: no cover - numpy always comes with pandas
        number_types = (int, float)
    return isinstance(value, number_types) and not isinstance(value, bool)


_SHORT = reprlib.Repr()
_SHORT.maxstring, _SHORT.maxother, _SHORT.maxlist = 60, 60, 6


def _describe(value: Any) -> str:
    """Describe an answer in a few words (a table by its size, text by its start), never by its whole repr."""
    pd = sys.modules.get("pandas")  # a pandas object can only be given when pandas is loaded
    if pd is not None and isinstance(value, pd.DataFrame):
        return i18n.t("kind_table", rows=len(value), columns=len(value.columns))
    if pd is not None and isinstance(value, pd.Series):
        return i18n.t("kind_series", n=len(value))
    if isinstance(value, Mapping):
        return i18n.t("kind_dict", n=len(value))
    try:
        text = _SHORT.repr(value)
    except ValueError:  # an int too long to write out (Python 3.11+ refuses over 4300 digits)
        text = "..."
    if isinstance(value, bool) or _is_number(value):
        return text
    if isinstance(value, str):
        return f'{i18n.t("kind_text")} {text}'
    if isinstance(value, (list, tuple, set, frozenset)):
        return f'{i18n.t("kind_list")} {text}'
    return f"{type(value).__name__} {text}"


def _digits(number: int) -> int:
    """Count the decimal digits of a whole number without writing it out (exact, for any size)."""
    number = abs(number)
    guess = int(number.bit_length() * math.log10(2))
    return guess + 1 if number >= 10 ** guess else guess


def _number_problem(given: Any) -> str | None:
    """Say why ``given`` cannot be an answer at all (NaN, missing, infinite, too large); None if it can."""
    pd = sys.modules.get("pandas")
    if pd is not None and (given is pd.NA or given is pd.NaT):
        return i18n.t("check_missing", given=repr(given))
    if isinstance(given, str):
        try:
            given = float(given)  # "nan" or "inf" typed as text
        except ValueError:
            return None
    if isinstance(given, bool) or not _is_number(given):
        return None
    if isinstance(given, int) and abs(given) > sys.float_info.max:
        return i18n.t("check_too_large", digits=_digits(given))
    if math.isnan(given):
        return i18n.t("check_nan")
    if math.isinf(given):
        return i18n.t("check_infinite", given=repr(float(given)))
    return None


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
        return i18n.t("check_type", expected=i18n.t("kind_number"), given=_describe(given))
    if isinstance(expected, str) and not isinstance(given, str):
        return i18n.t("check_type", expected=i18n.t("kind_text"), given=_describe(given))
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
        except (TypeError, ValueError, OverflowError):
            return False
        return math.isclose(value, float(expected), rel_tol=rel_tol, abs_tol=abs_tol)
    if isinstance(expected, str):
        return isinstance(given, str) and \
            _normal_text(given, case_sensitive) == _normal_text(expected, case_sensitive)
    if isinstance(expected, (list, tuple, set, frozenset)):
        if isinstance(given, str) or not hasattr(given, "__iter__"):
            return False
        try:
            given_items = sorted(map(str, given))
        except (TypeError, ValueError):  # an item that cannot be written out, e.g. an int of 5,000 digits
            return False
        expected_items = sorted(map(str, expected))
        if len(given_items) != len(expected_items):
            return False
        return all(_same(g, e, rel_tol, abs_tol, case_sensitive) for g, e in zip(given_items, expected_items))
    try:
        return bool(given == expected)
    except (TypeError, ValueError):  # e.g. an array or table compared element by element
        return False


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
    feedback = get_exercise(name).check(answer, **data)
    results.record_check(name, answer, feedback.correct)  # the student's results.json (never raises)
    return feedback


def exercise(name: str, **data: Any) -> Prompt:
    """Show the task of exercise ``name`` in the current language (for a decision, with its choices).

    Pass a group's own tables as keyword arguments to see the situation their data describe.

    Examples
    --------
    >>> print(exercise("00.warmup"))  # doctest: +ELLIPSIS
    Exercise 00.warmup
    ...
    """
    return get_exercise(name).prompt(**data)


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


def _questions(questions) -> list:
    if isinstance(questions, (str, bytes)) or not isinstance(questions, Sequence) or not all(
            isinstance(q, Question) for q in questions):
        raise TypeError(f"questions must be a list of Question (a lesson's quiz); got {type(questions).__name__}")
    return list(questions)


def _option(question: Question, choice, name: str) -> int:
    """Return ``choice`` if it is an option index of ``question``; else raise naming ``name``."""
    import numbers

    if isinstance(choice, bool) or not isinstance(choice, numbers.Integral):
        raise TypeError(f"{name} must be an option index 0..{len(question.options) - 1}; "
                        f"got {type(choice).__name__} {choice!r}")
    if not 0 <= choice < len(question.options):
        raise ValueError(f"{name} must be an option index 0..{len(question.options) - 1}; got {choice!r}")
    return int(choice)


def grade(questions: Sequence[Question], answers: Sequence[int | None]) -> QuizResult:
    """Score ``answers`` (option indices, None for unanswered) against ``questions``.

    Examples
    --------
    >>> from crmlessons.lessons import get_quiz
    >>> qs = get_quiz("00")
    >>> print(grade(qs, [q.correct for q in qs]))  # doctest: +ELLIPSIS
    Score: ... right (... answered)
    """
    questions = _questions(questions)
    if isinstance(answers, (str, bytes)) or not isinstance(answers, Sequence):
        raise TypeError(f"answers must be a list with one option index (or None) per question; "
                        f"got {type(answers).__name__}")
    if len(answers) != len(questions):
        raise ValueError(f"answers needs one entry per question ({len(questions)}); got {len(answers)}")
    marks = []
    for i, (question, answer) in enumerate(zip(questions, answers)):
        if answer is not None:
            _option(question, answer, f"answers[{i}]")
        marks.append(None if answer is None else answer == question.correct)
    return QuizResult(right=sum(m is True for m in marks), answered=sum(m is not None for m in marks),
                      total=len(questions), per_question=tuple(marks))


def option_feedback(question: Question, choice: int) -> str:
    """Return the feedback line for choosing option ``choice`` of ``question``.

    Examples
    --------
    >>> from crmlessons.lessons import get_quiz
    >>> question = get_quiz("00")[0]
    >>> option_feedback(question, question.correct).startswith("Correct.")
    True
    """
    if not isinstance(question, Question):
        raise TypeError(f"question must be a Question of a lesson's quiz; got {type(question).__name__}")
    _option(question, choice, "choice")
    verdict = i18n.t("quiz_correct") if choice == question.correct else i18n.t("quiz_wrong")
    return f"{verdict} {i18n.pick(question.feedback[choice])}"
