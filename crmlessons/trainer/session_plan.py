"""Session plans: each lesson as a 90-minute block and as a 45-minute version, one printable page per lesson.

A plan comes from the lesson's own metadata (``Lesson.plan``: minutes, what to project, discussion questions,
role play, case; ``Lesson.skip_for_45``) and from the notebooks' ``## N. Title`` headings, so the plan, the
lesson card and the notebook cannot disagree. ``python course.py session-plan 02 --lang zh`` writes
``plan-02-zh.html`` (and a PDF where a Chromium is found).

Examples
--------
>>> [section.number for section in plan_sections("01", minutes=45)]
[1, 3, 5, 10]
>>> section_titles("01", "en")[1]
'What CRM is'
"""

from __future__ import annotations

import json
import re
import sys
from typing import Sequence

from crmlessons import i18n
from crmlessons.trainer.pages import colon, course_folder, esc, lesson_list, output_folder, page, parser, run_command, write_pages

i18n.register({
    "plan_title": ("Session plan, lesson {lesson}: {title}", "教学计划，第 {lesson} 课：{title}"),
    "plan_card": ("The lesson card: {teach} min teaching + {exercise} min exercises = {total} min.",
                  "课程卡片：讲授 {teach} 分钟 + 练习 {exercise} 分钟 = {total} 分钟。"),
    "plan_block": ("The {minutes}-minute version", "{minutes} 分钟版本"),
    "plan_skips": ("Skip section {sections}; {total} min in all.", "跳过第 {sections} 节；共 {total} 分钟。"),
    "plan_all": ("Every section; {total} min in all.", "全部各节；共 {total} 分钟。"),
    "plan_when": ("Minutes", "时间（分钟）"),
    "plan_section": ("Section", "节"),
    "plan_kind": ("What the class does", "课堂活动"),
    "plan_project": ("On the projector", "投影内容"),
    "plan_notes": ("Discussion, role play, case", "讨论、角色扮演、案例"),
    "plan_discuss": ("Discuss", "讨论"),
    "plan_role_play": ("Role play", "角色扮演"),
    "plan_case": ("Case", "案例"),
    "plan_none": ("lesson {lesson} has no session plan yet (Lesson.plan is empty)",
                  "第 {lesson} 课还没有教学计划（Lesson.plan 为空）"),
    "plan_skipped": ("No session plan yet for lesson {lessons}: skipped.", "第 {lessons} 课还没有教学计划：已跳过。"),
    "plan_minutes": ("minutes must be 90 (the whole block) or 45 (the short version); got {minutes!r}",
                     "minutes 必须是 90（完整课时）或 45（短版本）；你给的是 {minutes!r}"),
    "plan_help": ("Write the session plans (90 and 45 minutes) of lessons as printable pages.",
                  "生成各课的教学计划（90 分钟和 45 分钟版本），作为可打印的页面。"),
    "kind_teach": ("teach", "讲授"),
    "kind_widget": ("show the widget, let the class try it", "演示交互组件，让学生动手"),
    "kind_exercise": ("exercises", "练习"),
    "kind_discussion": ("discussion", "讨论"),
    "kind_role_play": ("role play", "角色扮演"),
    "kind_quiz": ("quiz", "测验"),
    "kind_summary": ("key points", "要点"),
})

HEADING = re.compile(r"^## (\d+)\. (.+)$", re.M)
#: In the English edition a heading carries the Chinese after this mark: "## 3. English or Chinese · 英文或中文".
OTHER_LANGUAGE = " · "


def section_titles(lesson: str, lang: str = "en") -> dict[int, str]:
    """Return the numbered sections of a lesson's notebook in ``lang``: number -> title (from ``## N. Title``)."""
    from crmlessons.lessons import get_lesson

    folder = course_folder() / "notebooks"
    path = (folder if lang == "en" else folder / "zh") / get_lesson(lesson).notebook
    book = json.loads(path.read_text(encoding="utf-8"))
    titles = {}
    for cell in book["cells"]:
        if cell["cell_type"] == "markdown":
            for number, title in HEADING.findall("".join(cell["source"])):
                titles[int(number)] = title.split(OTHER_LANGUAGE)[0].strip() if lang == "en" else title.strip()
    return titles


def lessons_without_plan() -> list[str]:
    """Return the lessons whose ``Lesson.plan`` is still empty."""
    from crmlessons.lessons import get_lesson, lesson_ids

    return [lesson for lesson in lesson_ids() if not get_lesson(lesson).plan]


def plan_sections(lesson: str, minutes: int = 90) -> list:
    """Return the sections of ``lesson`` taught in a ``minutes`` block: 90 (all) or 45 (without ``skip_for_45``)."""
    from crmlessons.lessons import get_lesson

    info = get_lesson(lesson)
    if minutes not in (90, 45) or isinstance(minutes, bool):
        raise ValueError(i18n.t("plan_minutes", minutes=minutes))
    if not info.plan:
        raise ValueError(i18n.t("plan_none", lesson=info.id))
    skipped = {int(number) for number in info.skip_for_45} if minutes == 45 else set()
    return [section for section in info.plan if section.number not in skipped]


def _notes(section, lang: str) -> str:
    notes = [f'<p><b>{esc(i18n.t("plan_discuss", lang=lang))}{colon(lang)}</b>{esc(i18n.pick(q, lang))}</p>'
             for q in section.discuss]
    for key, text in (("plan_role_play", section.role_play), ("plan_case", section.case)):
        if text:
            notes.append(f'<p><b>{esc(i18n.t(key, lang=lang))}{colon(lang)}</b>{esc(i18n.pick(text, lang))}</p>')
    return "".join(notes)


def _table(lesson: str, minutes: int, lang: str) -> tuple[str, int]:
    titles = section_titles(lesson, lang)
    head = "".join(f"<th>{esc(i18n.t(key, lang=lang))}</th>"
                   for key in ("plan_when", "plan_section", "plan_kind", "plan_project", "plan_notes"))
    rows, start = [], 0
    for section in plan_sections(lesson, minutes):
        when = f"{start}–{start + section.minutes}"
        start += section.minutes
        rows.append(f'<tr><td class="num">{when}</td><td>{section.number}. {esc(titles[section.number])}</td>'
                    f'<td>{esc(i18n.t("kind_" + section.kind, lang=lang))}</td><td>{esc(section.project)}</td>'
                    f"<td>{_notes(section, lang)}</td></tr>")
    return f'<table class="plan"><tr>{head}</tr>{"".join(rows)}</table>', start


def _version(lesson: str, minutes: int, lang: str) -> str:
    from crmlessons.lessons import get_lesson

    table, total = _table(lesson, minutes, lang)
    skipped = ", ".join(get_lesson(lesson).skip_for_45) if minutes == 45 else ""
    summary = i18n.t("plan_skips", lang=lang, sections=skipped, total=total) if skipped else \
        i18n.t("plan_all", lang=lang, total=total)
    return f'<h2>{esc(i18n.t("plan_block", lang=lang, minutes=minutes))}</h2><p>{esc(summary)}</p>{table}'


def plan_page(lesson: str, lang: str = "en") -> str:
    """Return the session plan of ``lesson`` (both versions) as one printable HTML page in ``lang``."""
    from crmlessons.lessons import get_lesson

    info = get_lesson(lesson)
    title = i18n.t("plan_title", lang=lang, lesson=info.id, title=i18n.pick(info.title, lang))
    card = i18n.t("plan_card", lang=lang, teach=info.teaching_minutes, exercise=info.exercise_minutes,
                  total=info.teaching_minutes + info.exercise_minutes)
    body = (f"<h1>{esc(title)}</h1><p>{esc(card)}</p>"
            f"{_version(info.id, 90, lang)}{_version(info.id, 45, lang)}")
    return page(title, body, lang)


def write_session_plans(lessons: Sequence[str] | None = None, lang: str = "en", out=None, pdf: bool = True) -> list:
    """Write ``plan-NN-<lang>.html`` for each of ``lessons`` (default: all) that has a plan; return the files."""
    from crmlessons.checks import require_choice

    require_choice(lang, "lang", ("en", "zh"))
    wanted = lesson_list(lessons)
    missing = [lesson for lesson in wanted if lesson in lessons_without_plan()]
    if missing:
        print(i18n.t("plan_skipped", lang=lang, lessons=", ".join(missing)))
    pages = {f"plan-{lesson}-{lang}.html": plan_page(lesson, lang) for lesson in wanted if lesson not in missing}
    return write_pages(output_folder(out), pages, lang, pdf)


def main(argv: list[str] | None = None) -> int:
    """``python -m crmlessons.trainer.session_plan [NN ...] [--lang zh] [--out DIR] [--no-pdf]``."""
    commands = parser({"en": i18n.t("plan_help", lang="en"), "zh": i18n.t("plan_help", lang="zh")},
                      "python course.py session-plan", lessons=True)
    args = commands.parse_args(argv)
    return run_command(lambda: write_session_plans(args.lessons, args.lang, args.out, pdf=not args.no_pdf))


if __name__ == "__main__":
    sys.exit(main())
