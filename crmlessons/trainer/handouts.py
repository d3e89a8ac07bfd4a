"""Quiz handouts: each lesson's quiz as a printable sheet for students, and its key for the trainer.

``python course.py handouts 01 --lang zh`` writes ``quiz-01-zh.html`` (the questions with lettered options and
a line for the name: no answers, no feedback) and ``quiz-01-key-zh.html`` (each question's correct letter and
the feedback of every option), and their PDFs where a Chromium is found. The questions are the lesson's
``QUIZ``, the same the quiz widget asks.

Examples
--------
>>> sheet = quiz_sheet("00")
>>> "Shift+Enter" in sheet and "crm-quiz-key" not in sheet
True
>>> "<b>A</b>" in quiz_key("00")
True
"""

from __future__ import annotations

import sys
from typing import Sequence

from crmlessons import i18n
from crmlessons.trainer.pages import (colon, esc, letter, lesson_list, output_folder, page, parser,
                                     refuse_in_student_edition, run_command, write_pages)

i18n.register({
    "sheet_title": ("Quiz, lesson {lesson}: {title}", "测验，第 {lesson} 课：{title}"),
    "sheet_key_title": ("Quiz key, lesson {lesson}: {title}", "测验答案，第 {lesson} 课：{title}"),
    "sheet_name": ("Name", "学生"),
    "sheet_group": ("Group", "小组"),
    "sheet_how": ("Choose one letter per question.", "每题只选一个字母。"),
    "sheet_key_for": ("For the trainer only.", "仅供培训老师使用。"),
    "sheet_correct": ("Correct: {letter}", "正确答案：{letter}"),
    "sheet_help": ("Write each lesson's quiz as a printable sheet and a separate key.",
                   "把各课的测验生成为可打印的答题页和单独的答案页。"),
})


def _heading(lesson: str, key: str, lang: str) -> str:
    from crmlessons.lessons import get_lesson

    info = get_lesson(lesson)
    return i18n.t(key, lang=lang, lesson=info.id, title=i18n.pick(info.title, lang))


def quiz_sheet(lesson: str, lang: str = "en") -> str:
    """Return the quiz of ``lesson`` as a sheet for students: questions and lettered options, no answers."""
    from crmlessons.lessons import get_quiz

    title = _heading(lesson, "sheet_title", lang)
    line = "_" * 28
    body = [f"<h1>{esc(title)}</h1>",
            f'<p class="name-line">{esc(i18n.t("sheet_name", lang=lang) + colon(lang))}{line}&emsp;'
            f'{esc(i18n.t("sheet_group", lang=lang) + colon(lang))}{"_" * 10}</p>',
            f'<p class="small">{esc(i18n.t("sheet_how", lang=lang))}</p>']
    for number, question in enumerate(get_quiz(lesson), 1):
        options = "".join(f"<li>{letter(i)}. {esc(i18n.pick(option, lang))}</li>"
                          for i, option in enumerate(question.options))
        body.append(f'<div class="question"><p><b>{number}.</b> {esc(i18n.pick(question.prompt, lang))}</p>'
                    f'<ol class="options">{options}</ol></div>')
    return page(title, "\n".join(body), lang)


def quiz_key(lesson: str, lang: str = "en") -> str:
    """Return the key of the quiz of ``lesson``: each question's correct letter and every option's feedback."""
    from crmlessons.lessons import get_quiz

    title = _heading(lesson, "sheet_key_title", lang)
    body = [f'<h1>{esc(title)}</h1><p class="small">{esc(i18n.t("sheet_key_for", lang=lang))}</p>']
    for number, question in enumerate(get_quiz(lesson), 1):
        correct = i18n.t("sheet_correct", lang=lang, letter=f"<b>{letter(question.correct)}</b>")
        feedback = "".join(f"<li>{letter(i)}. {esc(i18n.pick(option, lang) + colon(lang))}"
                           f'<span class="small">{esc(i18n.pick(question.feedback[i], lang))}</span></li>'
                           for i, option in enumerate(question.options))
        body.append(f'<div class="question crm-quiz-key"><p><b>{number}.</b> {esc(i18n.pick(question.prompt, lang))}'
                    f'</p><p>{correct}</p><ol class="options">{feedback}</ol></div>')
    return page(title, "\n".join(body), lang)


def write_handouts(lessons: Sequence[str] | None = None, lang: str = "en", out=None, pdf: bool = True) -> list:
    """Write ``quiz-NN-<lang>.html`` and ``quiz-NN-key-<lang>.html`` for each of ``lessons`` (default: all)."""
    from crmlessons.checks import require_choice

    require_choice(lang, "lang", ("en", "zh"))
    refuse_in_student_edition(lang)
    pages = {}
    for lesson in lesson_list(lessons):
        pages[f"quiz-{lesson}-{lang}.html"] = quiz_sheet(lesson, lang)
        pages[f"quiz-{lesson}-key-{lang}.html"] = quiz_key(lesson, lang)
    return write_pages(output_folder(out), pages, lang, pdf)


def main(argv: list[str] | None = None) -> int:
    """``python -m crmlessons.trainer.handouts [NN ...] [--lang zh] [--out DIR] [--no-pdf]``."""
    commands = parser({"en": i18n.t("sheet_help", lang="en"), "zh": i18n.t("sheet_help", lang="zh")},
                      "python course.py handouts", lessons=True)
    args = commands.parse_args(argv)
    return run_command(lambda: write_handouts(args.lessons, args.lang, args.out, pdf=not args.no_pdf))


if __name__ == "__main__":
    sys.exit(main())
