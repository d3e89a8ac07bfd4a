"""The answer key of a group's data variant: every exercise's right answer, every decision's letter with the
figures its texts quote, and every quiz's correct options, as one printable page.

``python course.py answer-key 3`` writes ``answer-key-variant-3-en.html`` (and a PDF where a Chromium is
found) into the work folder's ``trainer/`` subfolder. The answers are computed as the checks compute them,
under ``datasets.use_variant(3)`` (the variant's case is generated once), and the data go back to the
variant in use before.

Examples
--------
>>> key = answer_key(0, lessons=["00"])
>>> [(entry.name, entry.typed) for entry in key.exercises][:2]
[('00.warmup', '1000'), ('00.first_region', '"A"')]
>>> typed_answer(0.954282, rel_tol=0.01)
'0.954'
"""

from __future__ import annotations

import json
import math
import numbers
import sys
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from crmlessons import i18n
from crmlessons.trainer.pages import (colon, esc, letter, lesson_list, output_folder, page, parser,
                                     refuse_in_student_edition, run_command, write_pages)

i18n.register({
    "key_title": ("Answer key: data variant {variant}", "答案：数据变体 {variant}"),
    "key_shipped": ("Answer key: the shipped data (variant 0)", "答案：课程自带数据（变体 0）"),
    "key_intro": ("For the trainer only. The answers are those the checks expect from a group that ran "
                  "crm.datasets.use_variant({variant}); an answer is written as a student may type it.",
                  "仅供培训老师使用。这些答案是运行了 crm.datasets.use_variant({variant}) 的小组在检查时得到的正确答案；"
                  "答案按学生可以输入的形式写出。"),
    "key_exercise": ("Exercise", "练习"),
    "key_answer": ("Answer", "答案"),
    "key_why": ("Why (the feedback of the right choice)", "理由（正确选项的反馈）"),
    "key_others": ("If a group chose another letter", "如果小组选了其他选项"),
    "key_quiz": ("Quiz", "测验"),
    "key_question": ("Question", "题目"),
    "key_correct": ("Correct option", "正确选项"),
    "key_help": ("Write the answer key of a data variant (a group's number) as a printable page.",
                 "为某个数据变体（小组编号）生成可打印的答案页。"),
    "key_help_variant": ("the group's data variant, a whole number >= 0 (0: the shipped data)",
                         "小组的数据变体，大于等于 0 的整数（0：课程自带数据）"),
})


@dataclass(frozen=True)
class ExerciseAnswer:
    """The right answer of one exercise for one data variant."""

    name: str
    exercise: Any
    answer: Any
    typed: str
    facts: Mapping[str, Any]

    @property
    def is_decision(self) -> bool:
        return hasattr(self.exercise, "options")


@dataclass(frozen=True)
class AnswerKey:
    """A data variant's answers: one :class:`ExerciseAnswer` per exercise, and each lesson's quiz."""

    variant: int
    lessons: tuple
    exercises: tuple
    quizzes: Mapping[str, Sequence]


def typed_answer(value: Any, rel_tol: float = 0.01, abs_tol: float = 1e-9) -> str:
    """Write ``value`` as a student may type it so that the check accepts it: a number with the fewest
    decimals that stay well within the check's tolerance, text in quotes, a list as a list."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        for decimals in range(16):
            text = f"{number:.{decimals}f}"
            if math.isclose(float(text), number, rel_tol=rel_tol / 10, abs_tol=abs_tol):
                return text
        return repr(number)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return "[" + ", ".join(typed_answer(item, rel_tol, abs_tol) for item in items) + "]"
    return repr(value)


def _exercise_answer(exercise) -> ExerciseAnswer:
    data = exercise.data()
    answer = exercise.expected(**data)
    facts = exercise.facts(**data) if exercise.facts else {}
    return ExerciseAnswer(exercise.name, exercise, answer, typed_answer(answer, exercise.rel_tol, exercise.abs_tol),
                          dict(facts))


def answer_key(variant: int, lessons: Sequence[str] | None = None) -> AnswerKey:
    """Compute the answer key of data ``variant`` (0 is the shipped data) for ``lessons`` (default: all).

    The variant is used with ``datasets.use_variant`` and the variant in use before is restored afterwards.
    """
    from crmlessons.checks import require_number
    from crmlessons.datasets import current_variant, use_variant
    from crmlessons.lessons import all_exercises, get_quiz

    require_number(variant, "variant", low=0, integer=True)
    lessons = tuple(lesson_list(lessons))
    before = current_variant()
    use_variant(int(variant))
    try:
        exercises = tuple(_exercise_answer(exercise) for name, exercise in all_exercises().items()
                          if name.split(".")[0] in lessons)
    finally:
        use_variant(before)
    return AnswerKey(int(variant), lessons, exercises, {lesson: get_quiz(lesson) for lesson in lessons})


def _fill(text: Mapping[str, str], facts: Mapping[str, Any], lang: str) -> str:
    from crmlessons.practice import _fill as fill

    with i18n.using(lang):
        return fill(text, facts)


def _exercise_row(entry: ExerciseAnswer, lang: str) -> str:
    exercise = entry.exercise
    task = _fill(exercise.question, entry.facts, lang)
    cells = f'<td><b>{esc(entry.name)}</b><div class="small">{esc(task)}</div></td>'
    if entry.is_decision:
        option = _fill(exercise.options[entry.answer], entry.facts, lang)
        why = _fill(exercise.feedback[entry.answer], entry.facts, lang)
        others = " ".join(f"{other}. {_fill(exercise.feedback[other], entry.facts, lang)}"
                          for other in exercise.options if other != entry.answer)
        answer = (f'<span class="answer">{esc(entry.answer)}</span> {esc(option)}'
                  f'<div class="small">{esc(i18n.t("key_why", lang=lang) + colon(lang))}{esc(why)}</div>'
                  f'<div class="small">{esc(i18n.t("key_others", lang=lang) + colon(lang))}{esc(others)}</div>')
    else:
        answer = f'<span class="answer">{esc(entry.typed)}</span>'
    return f"<tr>{cells}<td>{answer}</td></tr>"


def _quiz_rows(questions: Sequence, lang: str) -> str:
    rows = []
    for number, question in enumerate(questions, 1):
        correct = i18n.pick(question.options[question.correct], lang)
        rows.append(f'<tr><td class="num">{number}</td><td>{esc(i18n.pick(question.prompt, lang))}</td>'
                    f'<td><span class="answer">{letter(question.correct)}</span> {esc(correct)}</td></tr>')
    return "".join(rows)


def _lesson_section(key: AnswerKey, lesson: str, lang: str) -> str:
    from crmlessons.lessons import get_lesson

    title = f'{i18n.t("lesson_n", lang=lang, n=lesson)}{colon(lang)}{i18n.pick(get_lesson(lesson).title, lang)}'
    rows = "".join(_exercise_row(entry, lang) for entry in key.exercises if entry.name.split(".")[0] == lesson)
    head = f'<tr><th>{esc(i18n.t("key_exercise", lang=lang))}</th><th>{esc(i18n.t("key_answer", lang=lang))}</th></tr>'
    quiz_head = (f'<tr><th></th><th>{esc(i18n.t("key_question", lang=lang))}</th>'
                 f'<th>{esc(i18n.t("key_correct", lang=lang))}</th></tr>')
    return (f"<h2>{esc(title)}</h2><table>{head}{rows}</table>"
            f'<h3>{esc(i18n.t("key_quiz", lang=lang))}</h3><table>{quiz_head}{_quiz_rows(key.quizzes[lesson], lang)}</table>')


def key_page(key: AnswerKey, lang: str = "en") -> str:
    """Return the answer key as one printable HTML page in ``lang``."""
    title = i18n.t("key_title", lang=lang, variant=key.variant) if key.variant else i18n.t("key_shipped", lang=lang)
    body = (f"<h1>{esc(title)}</h1><p>{esc(i18n.t('key_intro', lang=lang, variant=key.variant))}</p>"
            + "".join(_lesson_section(key, lesson, lang) for lesson in key.lessons))
    return page(title, body, lang)


def write_answer_key(variant: int, lang: str = "en", out=None, pdf: bool = True, lessons=None) -> list:
    """Write the answer key of ``variant`` into ``out`` (default: the work folder's ``trainer/``); return the files."""
    from crmlessons.checks import require_choice

    require_choice(lang, "lang", ("en", "zh"))
    refuse_in_student_edition(lang)
    key = answer_key(variant, lessons)
    return write_pages(output_folder(out), {f"answer-key-variant-{key.variant}-{lang}.html": key_page(key, lang)},
                       lang, pdf)


def main(argv: list[str] | None = None) -> int:
    """``python -m crmlessons.trainer.answer_key N [--lang zh] [--out DIR] [--no-pdf]``."""
    commands = parser({"en": i18n.t("key_help", lang="en"), "zh": i18n.t("key_help", lang="zh")},
                      "python course.py answer-key")
    commands.add_argument("variant", type=int, metavar="N",
                          help=f'{i18n.t("key_help_variant", lang="en")} / {i18n.t("key_help_variant", lang="zh")}')
    args = commands.parse_args(argv)
    return run_command(lambda: write_answer_key(args.variant, args.lang, args.out, pdf=not args.no_pdf))


if __name__ == "__main__":
    sys.exit(main())
