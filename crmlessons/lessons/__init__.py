"""The course catalogue: each lesson's metadata, exercises, quiz and glossary terms.

Every lesson has a module ``crmlessons/lessons/lessonNN.py`` defining ``LESSON`` (a :class:`Lesson`),
``EXERCISES`` (a list of :class:`crmlessons.practice.Exercise`), ``QUIZ`` (a list of
:class:`crmlessons.practice.Question`) and ``GLOSSARY`` (a list of :class:`Term`). The package is the
single source of these facts: notebooks show them with :func:`lesson_card` and :func:`key_points`, and
``python course.py execute`` copies the metadata into each notebook's metadata (key ``crmlessons``)
where tools and tests read it without running anything.

Examples
--------
>>> lesson_ids()[:1]
['00']
>>> get_lesson("00").teaching_minutes > 0
True
"""

from __future__ import annotations

import html
import importlib
import json
import pkgutil
from dataclasses import asdict, dataclass, field
from typing import Mapping, Sequence

from crmlessons import i18n
from crmlessons.lessons.sources import SOURCES, source

Text = Mapping[str, str]

i18n.register({
    "objectives": ("Learning objectives", "学习目标"),
    "minutes": ("Time: {teach} min teaching + {exercise} min exercises", "时间：讲授 {teach} 分钟 + 练习 {exercise} 分钟"),
    "key_points": ("Key points", "要点"),
    "next": ("Next", "下一步"),
    "lesson": ("Lesson", "课程"),
    "lesson_n": ("Lesson {n}", "第 {n} 课"),
    "title": ("Title", "标题"),
    "teaching_min": ("Teaching (min)", "讲授（分钟）"),
    "exercise_min": ("Exercises (min)", "练习（分钟）"),
    "notebook": ("Notebook", "笔记本"),
    "notebook_en": ("English edition", "英文版"),
    "notebook_zh": ("Chinese edition", "中文版"),
    "you_will": ("You will be able to", "学完后你能够"),
    "term": ("Term", "术语"),
    "term_zh": ("Chinese", "中文"),
    "definition": ("Meaning", "含义"),
    "source": ("Source", "来源"),
    "short_version": ("45-minute version: skip section {sections}.", "45 分钟版本：跳过第 {sections} 节。"),
    "short_versions": ("45-minute version: skip sections {sections}.", "45 分钟版本：跳过第 {sections} 节。"),
    "unknown_lesson": ("no lesson {lesson!r}; the lessons are {known}", "没有课程 {lesson!r}；现有课程：{known}"),
})


#: What a trainer does in a section of a lesson's session plan (see :class:`Section`).
SECTION_KINDS = ("teach", "widget", "exercise", "discussion", "role_play", "quiz", "summary")


@dataclass(frozen=True)
class Section:
    """One section of a lesson in a trainer's session plan: the notebook's section ``## <number>. Title``.

    The title is not repeated here: the session plan reads it from the notebook headings of both editions.
    The sections' ``minutes`` add up to the lesson's teaching and exercise minutes; ``kind`` says what the
    class does (:data:`SECTION_KINDS`); ``project`` names the widget class to put on the projector (``""``
    for none); ``discuss`` holds discussion questions, ``role_play`` and ``case`` point to the lesson's role
    play or classroom case. (``number`` is a whole number; ``Lesson.skip_for_45`` writes it as text.)
    """

    number: int
    minutes: int
    kind: str = "teach"
    project: str = ""
    discuss: Sequence[Text] = ()
    role_play: Text | None = None
    case: Text | None = None

    def __post_init__(self) -> None:
        if isinstance(self.number, bool) or not isinstance(self.number, int) or self.number < 1:
            raise ValueError(f"a section number must be a whole number >= 1; got {self.number!r}")
        if self.kind not in SECTION_KINDS:
            raise ValueError(f"section {self.number}: kind must be one of {SECTION_KINDS}; got {self.kind!r}")
        if isinstance(self.minutes, bool) or not isinstance(self.minutes, int) or self.minutes < 0:
            raise ValueError(f"section {self.number}: minutes must be a whole number >= 0; got {self.minutes!r}")


@dataclass(frozen=True)
class Lesson:
    """What a lesson is for and how long it takes (for students, trainers and the tests)."""

    id: str
    notebook: str
    title: Text
    objectives: Sequence[Text]
    teaching_minutes: int
    exercise_minutes: int
    key_points: Sequence[Text]
    next: Text = field(default_factory=lambda: {"en": "", "zh": ""})
    #: What the lesson takes from each source text, by source key ("004": {"en": ..., "zh": ...}).
    sources: Mapping[str, Text] = field(default_factory=dict)
    #: The section numbers a trainer can skip to teach the lesson in a 45-minute block.
    skip_for_45: Sequence[str] = ()
    #: The trainer's session plan, section by section (``crmlessons.trainer.session_plan``); empty until written.
    plan: Sequence[Section] = ()

    def metadata(self) -> dict:
        """Return the lesson's facts as plain JSON-ready data (stored in the notebook's metadata).

        The session plan is the trainer's, not the notebook's: it is left out.
        """
        facts = asdict(self)
        facts.pop("plan")
        return json.loads(json.dumps(facts, ensure_ascii=False))


@dataclass(frozen=True)
class Term:
    """A glossary entry: the English and Chinese term, what it means, and where it comes from."""

    en: str
    zh: str
    meaning: Text
    source: str = ""


class Card:
    """A block of text shown in a lesson (objectives card, key points); HTML in Jupyter, text elsewhere."""

    def __init__(self, heading: str, lines: Sequence[str], footer: str = "", css: str = "crm-card"):
        self.heading, self.lines, self.footer, self.css = heading, list(lines), footer, css

    def __repr__(self) -> str:
        body = "\n".join(f"- {line}" for line in self.lines)
        return f"{self.heading}\n{body}" + (f"\n{self.footer}" if self.footer else "")

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.lines)
        footer = f"<p><i>{html.escape(self.footer)}</i></p>" if self.footer else ""
        return (f'<div class="{self.css}" style="border:1px solid #8aa;border-radius:6px;padding:6px 14px;'
                f'background:#f6fafb"><b>{html.escape(self.heading)}</b><ul>{items}</ul>{footer}</div>')


def lesson_ids() -> list[str]:
    """Return the ids of all lessons in the package, in course order."""
    names = [m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("lesson")]
    return sorted(name.removeprefix("lesson") for name in names)


def _module(lesson: str):
    if not isinstance(lesson, str):
        raise TypeError(f"lesson must be a string such as '01'; got {type(lesson).__name__} {lesson!r}")
    lesson = lesson.zfill(2)
    if lesson not in lesson_ids():
        raise ValueError(i18n.t("unknown_lesson", lesson=lesson, known=", ".join(lesson_ids())))
    return importlib.import_module(f"crmlessons.lessons.lesson{lesson}")


def get_lesson(lesson: str) -> Lesson:
    """Return the :class:`Lesson` with id ``lesson`` (e.g. ``"01"``)."""
    return _module(lesson).LESSON


def get_quiz(lesson: str):
    """Return the quiz questions of ``lesson``."""
    return list(_module(lesson).QUIZ)


def all_exercises() -> dict:
    """Return every exercise of every lesson, by name."""
    found = {}
    for lesson in lesson_ids():
        for exercise in _module(lesson).EXERCISES:
            if exercise.name in found:
                raise ValueError(f"two exercises are named {exercise.name!r}")
            found[exercise.name] = exercise
    return found


def lesson_card(lesson: str) -> Card:
    """Show a lesson's objectives and timing at its top.

    Examples
    --------
    >>> print(lesson_card("00"))  # doctest: +ELLIPSIS
    Learning objectives
    - ...
    """
    info = get_lesson(lesson)
    footer = i18n.t("minutes", teach=info.teaching_minutes, exercise=info.exercise_minutes)
    if info.skip_for_45:
        key = "short_versions" if len(info.skip_for_45) > 1 else "short_version"
        footer += " · " + i18n.t(key, sections=", ".join(info.skip_for_45))
    return Card(i18n.t("objectives"), [i18n.pick(o) for o in info.objectives], footer, css="crm-card crm-objectives")


def key_points(lesson: str) -> Card:
    """Show a lesson's key points (its summary) and what comes next."""
    info = get_lesson(lesson)
    nxt = i18n.pick(info.next)
    footer = f'{i18n.t("next")}: {nxt}' if nxt else ""
    return Card(i18n.t("key_points"), [i18n.pick(p) for p in info.key_points], footer, css="crm-card crm-key-points")


def lesson_map():
    """Return the course plan as a table: lesson, title, objectives, minutes, and the notebook of each edition
    (paths in the work folder: the Chinese edition sits in ``zh/``).

    Examples
    --------
    >>> lesson_map().iloc[0, 0]
    '00'
    """
    import pandas as pd

    rows = []
    for lesson in lesson_ids():
        info = get_lesson(lesson)
        rows.append({i18n.t("lesson"): info.id, i18n.t("title"): i18n.pick(info.title),
                     i18n.t("you_will"): " · ".join(i18n.pick(o).rstrip(".。") for o in info.objectives),
                     i18n.t("teaching_min"): info.teaching_minutes, i18n.t("exercise_min"): info.exercise_minutes,
                     i18n.t("notebook_en"): info.notebook, i18n.t("notebook_zh"): f"zh/{info.notebook}"})
    return pd.DataFrame(rows)


def _source_name(text: str) -> str:
    """Write a glossary entry's source in the current language: a source's English name becomes its Chinese one."""
    for item in SOURCES.values():
        text = text.replace(item.short["en"], i18n.pick(item.short))
    return text


def glossary(lesson: str | None = None):
    """Return the bilingual glossary (all lessons, or one), sorted by English term.

    Examples
    --------
    >>> g = glossary()
    >>> bool((g[i18n.t("term")] == "CRM").any())
    True
    """
    import pandas as pd

    lessons = [lesson] if lesson is not None else lesson_ids()
    rows = {}
    for lesson_id in lessons:
        for term in _module(lesson_id).GLOSSARY:
            rows.setdefault(term.en.lower(), {i18n.t("term"): term.en, i18n.t("term_zh"): term.zh,
                                              i18n.t("definition"): i18n.pick(term.meaning),
                                              i18n.t("source"): _source_name(term.source)})
    table = pd.DataFrame([rows[k] for k in sorted(rows)])
    return table.reset_index(drop=True)



def source_uses(key: str) -> list[str]:
    """Return, lesson by lesson, what the course takes from source ``key`` (current language).

    Examples
    --------
    >>> all(line.startswith("Lesson ") for line in source_uses("004"))
    True
    """
    source(key)
    return [f'{i18n.t("lesson_n", n=lesson)}: {i18n.pick(get_lesson(lesson).sources[key])}'
            for lesson in lesson_ids() if key in get_lesson(lesson).sources]


def sources() -> Card:
    """Show the sources page: each text's citation name, what it is, its topic, and what each lesson takes.

    Examples
    --------
    >>> print(sources())  # doctest: +ELLIPSIS
    Sources
    - Relationship-marketing essay: ...
    """
    zh = i18n.get_language() == "zh"
    stop, colon, comma, semi = ("。", "：", "，", "；") if zh else (". ", ": ", ", ", "; ")
    lines = []
    for key, item in SOURCES.items():
        taken = semi.join(line.rstrip("。.").replace(": ", colon, 1) for line in source_uses(key)) or "-"
        parts = [f"{i18n.pick(item.short)}{colon}{i18n.pick(item.kind)}{comma}{i18n.pick(item.language)}",
                 f'{i18n.t("source_topic")}{colon}{i18n.pick(item.topic)}', f'{i18n.t("source_lessons")}{colon}{taken}']
        lines.append((stop.join(part.rstrip("。.") for part in parts) + stop).strip())
    return Card(i18n.t("sources"), lines, i18n.t("sources_footer"), css="crm-card crm-sources")
