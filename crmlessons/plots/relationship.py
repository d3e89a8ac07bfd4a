"""Charts of the customer relationship: length (lifecycle), depth, breadth, costs, and the course map.

Each function takes the table a :mod:`crmlessons.relationship` function returns, draws it on ``ax``
(or a new Axes) in the current language and returns the Axes.
"""

from __future__ import annotations

import numpy as np

from crmlessons import i18n
from crmlessons.checks import require_table, tables
from crmlessons.plots import PALETTE, get_ax, tidy

i18n.register({
    "rel_lifecycle_title": ("Where Hengtai's customers are in their lifecycle", "恒泰客户所处的生命周期阶段"),
    "rel_customers": ("customers", "客户数"),
    "rel_depth_title": ("Depth: revenue by kind of purchase", "关系深度：按购买类型划分的收入"),
    "rel_revenue_m": ("revenue (million CNY)", "收入（万元）"),
    "rel_year": ("year", "年份"),
    "rel_breadth_title": ("Breadth: customers won, lost and won back", "关系广度：赢得、流失和挽回的客户"),
    "rel_won": ("won (new)", "新赢得"),
    "rel_lost": ("lost", "流失"),
    "rel_won_back": ("won back", "挽回"),
    "rel_active_end": ("customers at year end (right axis)", "年末客户数（右轴）"),
    "rel_cost_title": ("Cost of winning vs keeping a customer", "赢得与保留一位客户的成本"),
    "rel_cost_new": ("per customer won", "每赢得一位新客户"),
    "rel_cost_kept": ("per customer kept", "每保留一位老客户"),
    "rel_cost_y": ("CNY per customer", "每位客户的费用（元）"),
    "rel_ratio": ("{ratio:.1f}x", "{ratio:.1f}倍"),
    "loop_title": ("Market expansion: the loop this course follows", "市场拓展：本课程遵循的循环"),
    "loop_find": ("1. Find target customers", "1. 寻找目标客户"),
    "loop_find_sub": ("02 ASK · 03 MAN", "02 ASK · 03 MAN"),
    "loop_close": ("2. Close deals", "2. 达成交易"),
    "loop_close_sub": ("04 success funnel", "04 成功漏斗"),
    "loop_keep": ("3. Keep and grow", "3. 留住并发展客户"),
    "loop_keep_sub": ("05 loss causes · 06 value · 07 loyalty", "05 流失原因 · 06 价值 · 07 忠诚"),
    "loop_centre": ("win the next customer\nwhile keeping the first", "赢得下一位客户\n同时留住第一位"),
})


@tables(counts=["stage", "customers"])
def lifecycle(counts, ax=None):
    """Draw a bar chart of customers per lifecycle stage (the result of ``relationship.lifecycle_counts``).

    Examples
    --------
    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> ax = lifecycle(pd.DataFrame({"stage": ["formation", "lost"], "customers": [3, 1]}), ax=Figure().subplots())
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['Formation', 'Lost']
    """
    from crmlessons.relationship import label

    ax = get_ax(ax)
    colours = {"exploration": PALETTE[5], "formation": PALETTE[0], "stability": PALETTE[2],
               "decline": PALETTE[1], "lost": PALETTE[3]}
    stages = [str(s) for s in counts["stage"]]
    bars = ax.bar([label(s) for s in stages], counts["customers"], color=[colours.get(s, PALETTE[7]) for s in stages])
    ax.bar_label(bars, padding=2)
    ax.set_ylabel(i18n.t("rel_customers"))
    ax.set_title(i18n.t("rel_lifecycle_title"))
    tidy(ax)
    return ax


def depth(table, ax=None):
    """Draw stacked bars of yearly revenue by kind of purchase (the result of ``relationship.depth_by_year``).

    Examples
    --------
    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> t = pd.DataFrame({"year": [2024, 2025], "first": [1e6, 2e6], "repeat": [5e6, 6e6],
    ...                   "cross_sell": [1e6, 1e6], "up_sell": [2e6, 3e6]})
    >>> depth(t, ax=Figure().subplots()).get_ylabel()
    'revenue (million CNY)'
    """
    from crmlessons.relationship import ORDER_KINDS, label

    table = require_table(table, None, "table", ["year", *ORDER_KINDS])
    ax = get_ax(ax)
    bottom = np.zeros(len(table))
    colours = dict(zip(ORDER_KINDS, [PALETTE[5], PALETTE[0], PALETTE[1], PALETTE[2]]))
    years = table["year"].astype(str)
    for kind in ORDER_KINDS:
        values = table[kind].to_numpy(float) / i18n.money_scale()
        ax.bar(years, values, bottom=bottom, color=colours[kind], label=label(kind))
        bottom += values
    ax.set_xlabel(i18n.t("rel_year"))
    ax.set_ylabel(i18n.t("rel_revenue_m"))
    ax.set_title(i18n.t("rel_depth_title"))
    ax.legend(frameon=False, fontsize="small", loc="upper left", ncols=2)
    ax.set_ylim(0, bottom.max() * 1.3 if len(bottom) else 1)
    tidy(ax)
    return ax


@tables(table=["year", "won", "lost", "won_back", "active_end"])
def breadth(table, ax=None):
    """Draw customers won, lost and won back per year, with the customer count at year end.

    Takes the result of ``relationship.breadth``. Returns the main (left) Axes.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons import datasets, relationship
    >>> ax = breadth(relationship.breadth(datasets.load_customers()), ax=Figure().subplots())
    >>> ax.get_title()
    'Breadth: customers won, lost and won back'
    """
    ax = get_ax(ax)
    x = np.arange(len(table))
    width = 0.27
    for offset, column, colour in ((-width, "won", PALETTE[0]), (0, "lost", PALETTE[3]),
                                   (width, "won_back", PALETTE[2])):
        ax.bar(x + offset, table[column], width, color=colour, label=i18n.t(f"rel_{column}"))
    ax.set_xticks(x, table["year"].astype(str))
    ax.set_xlabel(i18n.t("rel_year"))
    ax.set_ylabel(i18n.t("rel_customers"))
    ax.set_title(i18n.t("rel_breadth_title"))
    tidy(ax)
    right = ax.twinx()
    right.plot(x, table["active_end"], "o-", color=PALETTE[7], label=i18n.t("rel_active_end"))
    right.set_ylim(0, table["active_end"].max() * 1.6)
    right.spines[["top"]].set_visible(False)
    handles = ax.get_legend_handles_labels()
    more = right.get_legend_handles_labels()
    ax.legend(handles[0] + more[0], handles[1] + more[1], frameon=False, fontsize="small", loc="upper center", ncols=2)
    ax.set_ylim(0, max(table[["won", "lost", "won_back"]].to_numpy().max(), 1) * 2.2)
    return ax


@tables(costs=["year", "cost_per_new", "cost_per_kept", "ratio"])
def cost_per_customer(costs, ax=None):
    """Draw the cost per customer won against the cost per customer kept, year by year, with their ratio.

    Takes the result of ``relationship.cost_per_customer``.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons import datasets, relationship
    >>> costs = relationship.cost_per_customer(datasets.load_spend(), datasets.load_customers())
    >>> cost_per_customer(costs, ax=Figure().subplots()).get_ylabel()
    'CNY per customer'
    """
    ax = get_ax(ax)
    x = np.arange(len(costs))
    width = 0.38
    new = ax.bar(x - width / 2, costs["cost_per_new"], width, color=PALETTE[1], label=i18n.t("rel_cost_new"))
    ax.bar(x + width / 2, costs["cost_per_kept"], width, color=PALETTE[2], label=i18n.t("rel_cost_kept"))
    ax.bar_label(new, labels=[i18n.t("rel_ratio", ratio=r) if r == r else "" for r in costs["ratio"]], padding=2,
                 fontsize="small")
    ax.set_xticks(x, costs["year"].astype(str))
    ax.set_xlabel(i18n.t("rel_year"))
    ax.set_ylabel(i18n.t("rel_cost_y"))
    ax.set_title(i18n.t("rel_cost_title"))
    ax.legend(frameon=False, fontsize="small", loc="upper left")
    top = np.nanmax(costs[["cost_per_new", "cost_per_kept"]].to_numpy(float)) if len(costs) else 1.0
    ax.set_ylim(0, top * 1.3)
    tidy(ax)
    return ax


def expansion_loop(ax=None):
    """Draw the Key-account CRM course's three steps of market expansion as a loop, with the lessons that teach each step.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = expansion_loop(ax=Figure().subplots())
    >>> ax.get_title()
    'Market expansion: the loop this course follows'
    """
    ax = get_ax(ax, figsize=(7, 4.6))
    angles = np.deg2rad([90, 330, 210])
    steps = [("loop_find", PALETTE[0]), ("loop_close", PALETTE[1]), ("loop_keep", PALETTE[2])]
    points = [(1.25 * np.cos(a), 0.95 * np.sin(a)) for a in angles]
    for (key, colour), (x, y) in zip(steps, points):
        ax.text(x, y, f"{i18n.t(key)}\n{i18n.t(key + '_sub')}", ha="center", va="center", fontsize=10,
                bbox={"boxstyle": "round,pad=0.5", "facecolor": colour, "alpha": 0.18, "edgecolor": colour})
    for i in range(3):
        a0, a1 = angles[i], angles[(i + 1) % 3]
        if a1 > a0:
            a1 -= 2 * np.pi
        start, end = a0 - 0.42, a1 + 0.42
        ax.annotate("", xy=(1.25 * np.cos(end), 0.95 * np.sin(end)),
                    xytext=(1.25 * np.cos(start), 0.95 * np.sin(start)),
                    arrowprops={"arrowstyle": "-|>", "color": "#555", "linewidth": 1.6,
                                "connectionstyle": "arc3,rad=-0.35"})
    ax.text(0, 0, i18n.t("loop_centre"), ha="center", va="center", fontsize=10, style="italic", color="#333")
    ax.set_xlim(-2.1, 2.1)
    ax.set_ylim(-1.45, 1.4)
    ax.set_axis_off()
    ax.set_title(i18n.t("loop_title"))
    return ax
