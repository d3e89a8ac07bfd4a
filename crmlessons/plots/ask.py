"""Charts of the ASK rule (lesson 02): a person's radar, and what goes with results in the team.

The radar needs a *polar* Axes. With ``ax=None`` one is made for you; to draw into your own figure,
make the Axes polar yourself::

    fig, ax = plt.subplots(subplot_kw={"projection": "polar"})      # pyplot
    ax = Figure().add_subplot(projection="polar")                   # or without pyplot
    radar({"A": 80, "S": 40, "K": 60}, ax=ax)

Examples
--------
>>> from matplotlib.figure import Figure
>>> ax = radar({"A": 80, "S": 40, "K": 60}, ax=Figure().add_subplot(projection="polar"))
>>> [t.get_text() for t in ax.get_xticklabels()]
['Attitude', 'Skill', 'Knowledge']
"""

from __future__ import annotations

import math

import numpy as np

from crmlessons import ask, i18n
from crmlessons.checks import require_choice, tables
from crmlessons.plots import PALETTE, get_ax, tidy

i18n.register({
    "ask_chart_radar_title": ("ASK profile (0-100)", "ASK 画像（0-100 分）"),
    "ask_chart_you": ("You", "我"),
    "ask_chart_compare": ("Comparison", "对比"),
    "ask_chart_relations_title": ("What goes with {outcome} in the team (n = {n})",
                                  "团队中与{outcome}相关的因素（n = {n}）"),
    "ask_chart_win_rate": ("win rate", "赢单率"),
    "ask_chart_revenue_cny": ("revenue", "赢单金额"),
    "ask_chart_corr": ("correlation (bar) and its plausible range (line)", "相关系数（柱）及其可能范围（线）"),
    "ask_chart_not_proof": ("Small team: a correlation is not proof.", "团队人数少：相关不等于因果。"),
    "ask_chart_scatter_title": ("Does asking more go with winning more?", "多问的人赢单更多吗？"),
    "ask_chart_equal": ("asks = tells", "提问 = 陈述"),
    "ask_chart_trend": ("trend", "趋势"),
    "ask_chart_colour": ("Skill score", "技能得分"),
})


def _polar_check(ax) -> None:
    if getattr(ax, "name", None) != "polar":
        raise ValueError("ax must be a polar Axes for a radar chart; make one with "
                         "fig.add_subplot(projection='polar') or plt.subplots(subplot_kw={'projection': 'polar'}); "
                         f"got a {getattr(ax, 'name', type(ax).__name__)!r} Axes")


def _closed(values) -> tuple[np.ndarray, np.ndarray]:
    angles = np.linspace(0, 2 * math.pi, len(ask.DIMENSIONS), endpoint=False)
    values = np.asarray(values, dtype=float)
    return np.append(angles, angles[0]), np.append(values, values[0])


def _label_radius(value: float) -> float:
    """Where a score's number sits: just outside its vertex, inside the chart for high scores."""
    return value + 11 if value <= 80 else value - 13


def radar(scores, compare=None, labels: tuple[str, str] | None = None, ax=None, title: str | None = None):
    """Draw a radar chart of an ASK profile (A, S, K, each 0-100), optionally with a second profile.

    Parameters
    ----------
    scores : dict, pandas.Series or crmlessons.ask.Profile
        The A, S and K scores (e.g. ``crm.ask.score(answers)``).
    compare : same kinds, optional
        A second profile drawn dashed on the same chart (a manager's view, last month's, a teammate).
    labels : (str, str), optional
        Legend names of the two profiles (default "You" and "Comparison", in the current language).
    ax : matplotlib polar Axes, optional
        Must be polar (see the module's notes); a new figure is made when None.
    title : str, optional
        Title (default "ASK profile (0-100)").

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = radar({"A": 80, "S": 40, "K": 60}, compare={"A": 50, "S": 70, "K": 60},
    ...            ax=Figure().add_subplot(projection="polar"))
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['You', 'Comparison']
    >>> radar({"A": 80, "S": 40, "K": 60}, ax=Figure().subplots())
    Traceback (most recent call last):
    ...
    ValueError: ax must be a polar Axes for a radar chart; make one with fig.add_subplot(projection='polar') or plt.subplots(subplot_kw={'projection': 'polar'}); got a 'rectilinear' Axes
    """
    values = ask._scores(scores)
    other = None if compare is None else ask._scores(compare, "compare")
    if labels is None:
        labels = (i18n.t("ask_chart_you"), i18n.t("ask_chart_compare"))
    if ax is None:
        i18n.setup_fonts()
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(5.5, 4.5), subplot_kw={"projection": "polar"}, layout="constrained")
    else:
        i18n.setup_fonts()
    _polar_check(ax)
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    angles, closed = _closed(values[list(ask.DIMENSIONS)])
    ax.plot(angles, closed, color=PALETTE[0], linewidth=2.5, label=labels[0], gid="ask-radar-main")
    ax.fill(angles, closed, color=PALETTE[0], alpha=0.25, gid="ask-radar-main-fill")
    if other is not None:
        _, closed_other = _closed(other[list(ask.DIMENSIONS)])
        ax.plot(angles, closed_other, color=PALETTE[1], linewidth=2.5, linestyle="--", label=labels[1],
                gid="ask-radar-compare")
        ax.fill(angles, closed_other, color=PALETTE[1], alpha=0.12, gid="ask-radar-compare-fill")
    ax.set_xticks(angles[:-1])
    ax.set_xticklabels([ask.dimension_name(d) for d in ask.DIMENSIONS], fontsize=12)
    for dimension, angle, value in zip(ask.DIMENSIONS, angles, values[list(ask.DIMENSIONS)]):
        ax.text(angle, _label_radius(value), f"{value:.0f}", ha="center", va="center", fontsize=11,
                color=PALETTE[0], gid=f"ask-radar-main-label-{dimension}")
    ax.set_ylim(0, 100)
    ax.set_yticks([25, 50, 75, 100])
    ax.set_yticklabels(["25", "50", "75", "100"], fontsize=8, color="#666")
    ax.set_rlabel_position(60)
    ax.set_title(title if title is not None else i18n.t("ask_chart_radar_title"), pad=14)
    ax.legend(loc="upper right", bbox_to_anchor=(1.35, 1.12), frameon=False)
    return ax


def _find(artists, gid: str):
    return next((a for a in artists if a.get_gid() == gid), None)


def radar_update(ax, scores=None, compare=None, compare_label: str | None = None, show_compare: bool | None = None):
    """Change the profiles of a radar drawn by :func:`radar` in place (fast: the grid is not redrawn).

    Used by the self-assessment widget, so that a slider move only moves the student's polygon and
    its score numbers, and picking another comparison only moves the dashed one.

    Parameters
    ----------
    ax : matplotlib polar Axes
        An Axes :func:`radar` drew on.
    scores : dict or pandas.Series, optional
        New A, S, K scores of the main profile (None keeps it).
    compare : dict or pandas.Series, optional
        New scores of the second profile; the radar must have been drawn with one.
    compare_label : str, optional
        New legend name of the second profile.
    show_compare : bool, optional
        Show or hide the second profile and its legend entry (None leaves it as it is).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = radar({"A": 80, "S": 40, "K": 60}, compare={"A": 50, "S": 50, "K": 50},
    ...            ax=Figure().add_subplot(projection="polar"))
    >>> ax = radar_update(ax, {"A": 20, "S": 40, "K": 60}, compare_label="SP007")
    >>> [t.get_text() for t in ax.texts], ax.get_legend().get_texts()[1].get_text()
    (['20', '40', '60'], 'SP007')
    """
    _polar_check(ax)
    line, fill = _find(ax.lines, "ask-radar-main"), _find(ax.patches, "ask-radar-main-fill")
    if line is None or fill is None:
        raise ValueError("ax has no ASK radar to update; draw one with radar(scores, ax=ax) first")
    if scores is not None:
        values = ask._scores(scores)
        angles, closed = _closed(values[list(ask.DIMENSIONS)])
        line.set_data(angles, closed)
        fill.set_xy(np.column_stack([angles, closed]))
        for text in ax.texts:
            gid = text.get_gid() or ""
            if gid.startswith("ask-radar-main-label-"):
                value = values[gid.rsplit("-", 1)[1]]
                text.set_position((text.get_position()[0], _label_radius(value)))
                text.set_text(f"{value:.0f}")
    if compare is None and compare_label is None and show_compare is None:
        return ax
    other_line, other_fill = _find(ax.lines, "ask-radar-compare"), _find(ax.patches, "ask-radar-compare-fill")
    if other_line is None or other_fill is None:
        raise ValueError("ax has no second profile to update; draw the radar with compare=... first")
    if compare is not None:
        angles, closed = _closed(ask._scores(compare)[list(ask.DIMENSIONS)])
        other_line.set_data(angles, closed)
        other_fill.set_xy(np.column_stack([angles, closed]))
    legend = ax.get_legend()
    if compare_label is not None:
        legend.get_texts()[1].set_text(compare_label)
    if show_compare is not None:
        for artist in (other_line, other_fill, legend.legend_handles[1], legend.get_texts()[1]):
            artist.set_visible(bool(show_compare))
    return ax


def radar_moving_parts(ax) -> list:
    """Return the artists :func:`radar_update` changes: both profiles, the score numbers and the legend."""
    parts = [a for a in [*ax.lines, *ax.patches, *ax.texts] if (a.get_gid() or "").startswith("ask-radar-")]
    return parts + ([ax.get_legend()] if ax.get_legend() is not None else [])


def relations_chart(salespeople, outcome: str = "win_rate", ax=None):
    """Draw each ASK dimension's and the ask-vs-tell ratio's correlation with ``outcome``, with its range.

    The line across each bar is the range the correlation could plausibly come from in a team this
    small (95% interval): when it crosses 0 the data cannot tell whether there is any link.

    Parameters
    ----------
    salespeople : pandas.DataFrame
        The team table (``datasets.load_salespeople()``).
    outcome : {"win_rate", "revenue_cny"}
        The result to relate to.
    ax : matplotlib Axes, optional

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons.datasets import load_salespeople
    >>> ax = relations_chart(load_salespeople(), ax=Figure().subplots())
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Attitude', 'Skill', 'Knowledge', 'Ask-vs-tell ratio']
    """
    require_choice(outcome, "outcome", list(ask.OUTCOMES))
    table = ask.relation_intervals(salespeople, outcome=outcome)
    ax = get_ax(ax)
    names = [i18n.t(f"ask_{d}") for d in table.index]
    positions = np.arange(len(table))[::-1]
    colours = [PALETTE[2] if d == "ask_tell_ratio" else PALETTE[0] for d in table.index]
    ax.barh(positions, table["r"], color=colours, height=0.6)
    ax.errorbar(table["r"], positions, xerr=[table["r"] - table["low"], table["high"] - table["r"]],
                fmt="none", ecolor="#333", capsize=4, linewidth=1.2)
    for y, r, high in zip(positions, table["r"], table["high"]):
        ax.annotate(f"{r:.2f}", (high, y), xytext=(8, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=10)
    ax.set_yticks(positions)
    ax.set_yticklabels(names)
    ax.axvline(0, color="#333", linewidth=0.8)
    ax.set_xlim(min(-0.5, float(table["low"].min()) - 0.1), 1)
    ax.set_xlabel(f'{i18n.t("ask_chart_corr")}\n{i18n.t("ask_chart_not_proof")}')
    ax.set_title(i18n.t("ask_chart_relations_title", outcome=i18n.t(f"ask_chart_{outcome}"), n=int(table["n"].iloc[0])))
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    return ax


@tables(salespeople=["salesperson_id", "ask_tell_ratio", "win_rate"])
def ask_tell_scatter(salespeople, ax=None):
    """Plot each salesperson's ask-vs-tell ratio against win rate, coloured by Skill score.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons.datasets import load_salespeople
    >>> ax = ask_tell_scatter(load_salespeople(), ax=Figure().subplots())
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('Ask-vs-tell ratio', 'Win rate')
    """
    table = ask.team_profiles(salespeople).dropna(subset=["win_rate"])
    ax = get_ax(ax)
    points = ax.scatter(table["ask_tell_ratio"], table["win_rate"] * 100, c=table["S"], cmap="viridis",
                        vmin=0, vmax=100, s=55, edgecolor="white", linewidth=0.6)
    ax.figure.colorbar(points, ax=ax, label=i18n.t("ask_chart_colour"))
    slope, intercept = np.polyfit(table["ask_tell_ratio"], table["win_rate"] * 100, 1)
    xs = np.array([table["ask_tell_ratio"].min(), table["ask_tell_ratio"].max()])
    ax.plot(xs, intercept + slope * xs, color=PALETTE[3], linewidth=1.5, label=i18n.t("ask_chart_trend"))
    ax.axvline(1, color="#555", linestyle=":", linewidth=1.2, label=i18n.t("ask_chart_equal"))
    ax.set_xlabel(i18n.t("ask_ask_tell_ratio"))
    ax.set_ylabel(i18n.t("ask_win_rate"))
    ax.yaxis.set_major_formatter("{x:.0f}%")
    ax.set_title(i18n.t("ask_chart_scatter_title"))
    ax.legend(frameon=False, loc="upper left")
    tidy(ax)
    return ax
