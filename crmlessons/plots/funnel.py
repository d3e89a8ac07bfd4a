"""Charts of the success funnel (lesson 04): the funnel itself, the deals chance gives, stage gaps, cycle length.

Examples
--------
>>> from matplotlib.figure import Figure
>>> ax = funnel_chart([100, 80, 50, 20, 10, 5], ax=Figure().subplots())
>>> [t.get_text() for t in ax.get_yticklabels()][:2]
['Prospect', 'Contacted']
"""

from __future__ import annotations

from crmlessons import i18n
from crmlessons.checks import require_number, tables
from crmlessons.plots import PALETTE, category_label, get_ax, tidy

i18n.register({
    "funnel_title": ("The sales funnel", "销售漏斗"),
    "funnel_leads": ("leads", "线索数"),
    "funnel_rate_note": ("↓ %: share of the stage before that moved on", "↓ %：上一阶段进入本阶段的比例"),
    "funnel_range": ("light band: {level:.0%} of simulated funnels", "浅色区间：{level:.0%} 的模拟漏斗"),
    "funnel_deals_title": ("Deals in {runs:,} simulated funnels", "{runs:,} 次模拟中的成交数"),
    "funnel_deals_x": ("deals", "成交数"),
    "funnel_deals_y": ("share of simulations", "模拟次数占比"),
    "funnel_target_line": ("target: {target}", "目标：{target}"),
    "funnel_reach_target": ("at least {target}: {share:.0%}", "至少 {target} 家：{share:.0%}"),
    "funnel_gap_title": ("{who}: conversion at each stage vs the team", "{who}：各阶段转化率与团队对比"),
    "funnel_gap_own": ("this salesperson", "该销售人员"),
    "funnel_gap_team": ("team", "团队"),
    "funnel_gap_y": ("conversion from the stage before", "相对上一阶段的转化率"),
    "funnel_cycle_title": ("How long won deals take, by deal size", "按项目规模看成交所需时间"),
    "funnel_cycle_x": ("deal value (CNY)", "商机金额（元）"),
    "funnel_cycle_y": ("days from first record to deal", "从首次记录到成交的天数"),
    "funnel_cycle_note": ("bar: median; line: middle half of deals", "柱：中位数；竖线：中间一半的成交"),
    "funnel_deals_n": ("{n} deals", "{n} 笔"),
})


def _values(counts):
    """Return (stage codes, numbers) from a Series, a funnel table or a plain sequence."""
    import pandas as pd

    from crmlessons.funnel import STAGES

    if isinstance(counts, pd.DataFrame):
        if "leads" not in counts.columns:
            raise ValueError(f"counts must be a Series or a table with a 'leads' column; it has {list(counts.columns)}")
        counts = counts["leads"]
    if isinstance(counts, pd.Series):
        return [str(s) for s in counts.index], [float(require_number(v, f"counts[{s!r}]", low=0))
                                                for s, v in counts.items()]
    if isinstance(counts, (str, bytes)) or not hasattr(counts, "__iter__"):
        raise TypeError(f"counts must be a list or Series of leads per stage; got {type(counts).__name__}")
    values = [float(require_number(v, f"counts[{i}]", low=0)) for i, v in enumerate(counts)]
    names = list(STAGES) if len(values) == len(STAGES) else [str(i + 1) for i in range(len(values))]
    return names, values


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 10 or value == round(value) else f"{value:.1f}"


def _ranges(values, ranges):
    """Return ``(low, high)`` as float lists (None, None without ranges), checked against ``values``."""
    if ranges is None:
        return None, None
    try:
        low, high = (list(map(float, r)) for r in ranges)
    except (TypeError, ValueError):
        raise TypeError(f"ranges must be a pair (low, high) of lists of numbers, one per stage; got {ranges!r}"[:200]) from None
    if len(low) != len(values) or len(high) != len(values):
        raise ValueError(f"ranges must give a low and a high for each of the {len(values)} stages")
    return low, high


def _stage_text(i: int, values, low, high) -> str:
    """The label beside stage ``i``: conversion from the stage before, leads, chance range."""
    text = _number(values[i])
    if low is not None and low[i] != high[i]:
        text += f" ({_number(low[i])}-{_number(high[i])})"
    if i > 0:
        rate = values[i] / values[i - 1] if values[i - 1] > 0 else 0.0
        text = f"↓{rate:.0%}   " + text
    return text


#: Artist ids (gid) of the parts of a funnel chart that :func:`update_funnel` moves.
FUNNEL_PARTS = ("funnel-band", "funnel-low", "funnel-bar", "funnel-number")


def _funnel_parts(ax) -> dict:
    parts = {gid: [] for gid in FUNNEL_PARTS}
    for artist in (*ax.patches, *ax.lines, *ax.texts):
        if artist.get_gid() in parts:
            parts[artist.get_gid()].append(artist)
    return parts


def _place_funnel(ax, parts: dict, values, low, high) -> list:
    """Give the funnel's bars, range band and labels their sizes for ``values``; return them."""
    top = max(max(values), 1e-9)
    if high is not None:
        top = max(top, max(high))
    for i, value in enumerate(values):
        parts["funnel-bar"][i].set_x(-value / 2)
        parts["funnel-bar"][i].set_width(value)
        if high is not None:
            parts["funnel-band"][i].set_x(-high[i] / 2)
            parts["funnel-band"][i].set_width(high[i])
            parts["funnel-low"][2 * i].set_xdata([-low[i] / 2] * 2)
            parts["funnel-low"][2 * i + 1].set_xdata([low[i] / 2] * 2)
        parts["funnel-number"][i].set_x(top * 0.58)
        parts["funnel-number"][i].set_text(_stage_text(i, values, low, high))
    ax.set_xlim(-top * 0.52, top * 1.35)
    return [artist for gid in FUNNEL_PARTS for artist in parts[gid]]


def funnel_chart(counts, ax=None, *, ranges=None, level: float = 0.9, title: str | None = None):
    """Draw a funnel: one centred bar per stage, its number of leads and the conversion from the stage before.

    Works for any number of stages. Stage codes of the case company (``"talking_business"``) are shown
    with their label in the current language; other names are shown as given.
    :func:`update_funnel` moves it to new numbers (the funnel widget does, after each slider move).

    Parameters
    ----------
    counts : pandas.Series, DataFrame with ``leads``, or sequence of numbers
        Leads (or expected leads) at each stage, top first.
    ax : matplotlib Axes, optional
    ranges : pair of sequences, optional
        ``(low, high)`` per stage: the range chance alone produces, drawn as a light band.
    level : float
        The share of simulations inside ``ranges`` (for the note).
    title : str, optional
        Default: "The sales funnel".

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> import pandas as pd
    >>> ax = funnel_chart(pd.Series([40, 10], index=["calls", "deals"]), ax=Figure().subplots())
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['calls', 'deals']
    """
    names, values = _values(counts)
    if not values:
        raise ValueError("counts must hold at least one stage; got none")
    low, high = _ranges(values, ranges)
    require_number(level, "level", low=0, high=1)
    ax = get_ax(ax)
    labels = [category_label(name, "stage") for name in names]
    y = list(range(len(values)))
    zeros = [0.0] * len(values)
    if ranges is not None:
        ax.barh(y, zeros, color=PALETTE[5], alpha=0.35, height=0.8, zorder=1, gid="funnel-band")
        for yi in y:
            for _side in (0, 1):
                ax.plot([0, 0], [yi - 0.4, yi + 0.4], color=PALETTE[0], lw=1, zorder=3, gid="funnel-low")
    ax.barh(y, zeros, color=PALETTE[0], height=0.55, zorder=2, gid="funnel-bar")
    for i in y:
        ax.text(0, i, "", va="center", ha="left", fontsize=9, gid="funnel-number")
    _place_funnel(ax, _funnel_parts(ax), values, low, high)
    ax.set_yticks(y, labels)
    ax.set_ylim(len(values) - 0.5, -0.7)
    ax.set_xticks([])
    ax.spines[["top", "right", "bottom"]].set_visible(False)
    ax.set_title(title if title is not None else i18n.t("funnel_title"))
    note = i18n.t("funnel_rate_note")
    if ranges is not None:
        note += "\n" + i18n.t("funnel_range", level=level)
    ax.set_xlabel(note, fontsize=8, loc="left")
    return ax


def update_funnel(ax, counts, *, ranges=None) -> list:
    """Move a funnel drawn by :func:`funnel_chart` to new ``counts`` (and ``ranges``); return what moved.

    The chart then shows what ``funnel_chart(counts, ranges=ranges)`` would draw (same stages).
    Widgets repaint only the returned artists (``crmlessons.widgets.base.FastChart``).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = funnel_chart([100, 50], ranges=([100, 40], [100, 60]), ax=Figure().subplots())
    >>> moved = update_funnel(ax, [100, 20], ranges=([100, 10], [100, 30]))
    >>> [t.get_text() for t in ax.texts]
    ['100', '↓20%   20 (10-30)']
    >>> update_funnel(ax, [100, 20, 5])
    Traceback (most recent call last):
    ...
    ValueError: counts must have the 2 stages the chart was drawn with; got 3
    """
    names, values = _values(counts)
    parts = _funnel_parts(ax)
    n = len(parts["funnel-bar"])
    if n == 0:
        raise ValueError("ax has no funnel to update; draw one with funnel_chart(counts, ax=ax) first")
    if len(values) != n:
        raise ValueError(f"counts must have the {n} stages the chart was drawn with; got {len(values)}")
    if (ranges is None) != (not parts["funnel-band"]):
        drawn = "with" if parts["funnel-band"] else "without"
        raise ValueError(f"ranges must be given exactly when the chart was drawn with them (it was drawn {drawn})")
    low, high = _ranges(values, ranges)
    return _place_funnel(ax, parts, values, low, high)


#: Artist ids (gid) of the parts of a deals chart that :func:`update_deals_distribution` redraws.
DEALS_PARTS = ("funnel-deals-bar", "funnel-deals-target", "funnel-deals-note")


def _check_deals(deals):
    import numpy as np

    deals = np.asarray(deals)
    if deals.ndim != 1 or deals.size == 0 or not np.issubdtype(deals.dtype, np.integer):
        raise ValueError("deals must be a non-empty list of whole numbers (deals per simulated run)")
    return deals


def _draw_deals(ax, deals, target) -> list:
    """Draw the data of a deals chart (bars, target line and note); return the artists drawn.

    The bars are one collection (one artist to draw and to scale the axes by, however many bars).
    """
    import numpy as np
    from matplotlib.collections import PolyCollection

    counts = np.bincount(deals - deals.min()) / deals.size
    x = np.arange(deals.min(), deals.max() + 1)
    colours = [PALETTE[2] if target is not None and v >= target else PALETTE[7] for v in x]
    left, right = x - 0.425, x + 0.425
    boxes = np.stack([np.column_stack([left, np.zeros_like(counts)]), np.column_stack([left, counts]),
                      np.column_stack([right, counts]), np.column_stack([right, np.zeros_like(counts)])], axis=1)
    bars = PolyCollection(boxes, facecolors=colours, edgecolors="none", linewidths=0, alpha=0.8,
                          gid="funnel-deals-bar")
    bars.sticky_edges.y.append(0)  # the bars stand on the axis, as ax.bar's do
    ax.add_collection(bars, autolim=True)
    ax.autoscale_view()
    drawn = [bars]
    if target is not None:
        share = float((deals >= target).mean())
        drawn.append(ax.axvline(target - 0.5, color=PALETTE[3], lw=1.5, ls="--", gid="funnel-deals-target"))
        drawn.append(ax.text(0.98, 0.95, i18n.t("funnel_target_line", target=target) + "\n" +
                             i18n.t("funnel_reach_target", target=target, share=share),
                             transform=ax.transAxes, ha="right", va="top", fontsize=9, color=PALETTE[3],
                             gid="funnel-deals-note"))
    return drawn


def _check_target(target):
    if target is not None:
        require_number(target, "target", low=0, integer=True)
    return target


def deals_distribution(deals, target: int | None = None, ax=None):
    """Draw how many deals the simulated funnels gave (share of runs per number of deals).

    :func:`update_deals_distribution` redraws it for new runs (the funnel widget does).

    Parameters
    ----------
    deals : array of int
        Deals in each simulated run (e.g. ``funnel.explore(...).deals``).
    target : int, optional
        Marks the target and the share of runs reaching it.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = deals_distribution([3, 5, 5, 7], target=5, ax=Figure().subplots())
    >>> ax.get_xlabel()
    'deals'
    """
    from matplotlib.ticker import MaxNLocator

    deals, target = _check_deals(deals), _check_target(target)
    ax = get_ax(ax)
    _draw_deals(ax, deals, target)
    ax.set_title(i18n.t("funnel_deals_title", runs=int(deals.size)))
    ax.set_xlabel(i18n.t("funnel_deals_x"))
    ax.set_ylabel(i18n.t("funnel_deals_y"))
    ax.set_yticks([])                       # the bars' heights compare by eye; fewer labels draw faster
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    ax.spines[["top", "right", "left"]].set_visible(False)
    return ax


def update_deals_distribution(ax, deals, target: int | None = None) -> list:
    """Redraw the data of a chart drawn by :func:`deals_distribution` for new ``deals``; return what moved.

    The chart then shows what ``deals_distribution(deals, target)`` would draw: the bars, target
    line and note are drawn again, the axis limits and x axis follow them, the rest stays.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = deals_distribution([3, 5, 5, 7], target=5, ax=Figure().subplots())
    >>> moved = update_deals_distribution(ax, [1, 2, 2], target=2)
    >>> len(ax.collections[0].get_paths()), ax.texts[0].get_text().splitlines()
    (2, ['target: 2', 'at least 2: 67%'])
    """
    deals, target = _check_deals(deals), _check_target(target)
    if not any(artist.get_gid() == "funnel-deals-bar" for artist in ax.collections):
        raise ValueError("ax has no deals chart to update; draw one with deals_distribution(deals, ax=ax) first")
    for artist in [a for a in (*ax.collections, *ax.lines, *ax.texts) if a.get_gid() in DEALS_PARTS]:
        artist.remove()
    ax.relim()  # forget the old bars' extent: the limits follow the new ones as in a fresh chart
    moved = _draw_deals(ax, deals, target)
    title = i18n.t("funnel_deals_title", runs=int(deals.size))
    if ax.get_title() != title:
        ax.set_title(title)
        moved.append(ax.title)
    return [*moved, ax.xaxis]


@tables(table=["own", "team"])
def stage_gaps(table, ax=None, *, who: str = ""):
    """Draw one salesperson's conversion at each stage next to the team's (``funnel.compare_to_team``).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons import datasets, funnel
    >>> t = funnel.compare_to_team(datasets.load_stage_history(), datasets.load_leads(), "SP001")
    >>> ax = stage_gaps(t, ax=Figure().subplots(), who="SP001")
    >>> ax.get_title()
    'SP001: conversion at each stage vs the team'
    """
    import numpy as np

    ax = get_ax(ax)
    x = np.arange(len(table))
    ax.bar(x - 0.2, table["team"], width=0.4, color=PALETTE[7], alpha=0.45, label=i18n.t("funnel_gap_team"))
    ax.bar(x + 0.2, table["own"].fillna(0), width=0.4, color=PALETTE[0], label=i18n.t("funnel_gap_own"))
    ax.set_xticks(x, [category_label(str(s), "stage") for s in table.index])
    ax.set_ylim(0, 1.05)
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_ylabel(i18n.t("funnel_gap_y"))
    ax.set_title(i18n.t("funnel_gap_title", who=who or i18n.t("funnel_gap_own")))
    ax.legend(frameon=False, loc="upper right")
    tidy(ax)
    return ax


@tables(table=["median_days", "p25_days", "p75_days", "deals"])
def cycle_by_size(table, ax=None):
    """Draw the median days won deals take per deal-size band, with the middle half (``funnel.cycle_length``).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons import datasets, funnel
    >>> ax = cycle_by_size(funnel.cycle_length(datasets.load_leads()), ax=Figure().subplots())
    >>> ax.get_ylabel()
    'days from first record to deal'
    """
    import numpy as np

    ax = get_ax(ax)
    x = np.arange(len(table))
    ax.bar(x, table["median_days"], color=PALETTE[1], width=0.6)
    ax.vlines(x, table["p25_days"], table["p75_days"], color=PALETTE[7], lw=2)
    for xi, (median, n) in enumerate(zip(table["median_days"], table["deals"])):
        ax.text(xi, median / 2, i18n.t("funnel_deals_n", n=int(n)), ha="center", va="center", fontsize=8,
                color="white")
    ax.set_xticks(x, [str(s) for s in table.index])
    ax.set_xlabel(i18n.t("funnel_cycle_x"))
    ax.set_ylabel(i18n.t("funnel_cycle_y"))
    ax.set_title(i18n.t("funnel_cycle_title") + "\n" + i18n.t("funnel_cycle_note"), fontsize=10)
    tidy(ax)
    return ax
