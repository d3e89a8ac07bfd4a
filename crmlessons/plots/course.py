"""Charts about the course itself (used in lesson 00)."""

from __future__ import annotations

from crmlessons import i18n
from crmlessons.plots import PALETTE, get_ax, tidy

i18n.register({
    "chart_minutes_title": ("Time each lesson needs", "每课所需时间"),
    "chart_minutes_y": ("minutes", "分钟"),
    "chart_teaching": ("teaching", "讲授"),
    "chart_exercises": ("exercises", "练习"),
})


def lesson_minutes(ax=None):
    """Draw a stacked bar chart of teaching and exercise minutes per lesson.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = lesson_minutes(ax=Figure().subplots())
    >>> ax.get_ylabel()
    'minutes'
    """
    from crmlessons.lessons import get_lesson, lesson_ids

    lessons = [get_lesson(i) for i in lesson_ids()]
    names = [info.id for info in lessons]
    teach = [info.teaching_minutes for info in lessons]
    practise = [info.exercise_minutes for info in lessons]
    ax = get_ax(ax)
    ax.bar(names, teach, color=PALETTE[0], label=i18n.t("chart_teaching"))
    ax.bar(names, practise, bottom=teach, color=PALETTE[1], label=i18n.t("chart_exercises"))
    ax.set_title(i18n.t("chart_minutes_title"))
    ax.set_xlabel(i18n.t("lesson"))
    ax.set_ylabel(i18n.t("chart_minutes_y"))
    ax.legend(frameon=False)
    tidy(ax)
    return ax
