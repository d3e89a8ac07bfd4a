"""Charts of lesson 03, MAN qualification: the eight-combination matrix, win rates, the cost of chasing.

Every function takes the ``leads`` table (or, for speed, a table already computed by
:func:`crmlessons.man.combination_outcomes`), draws on ``ax`` (or a new figure) in the current
language and returns the Axes.

Examples
--------
>>> from matplotlib.figure import Figure
>>> from crmlessons import datasets
>>> ax = matrix(datasets.load_leads(), ax=Figure().subplots())
>>> ax.get_title()
'Win rate by MAN combination (leads created before 2024-07-01)'
"""

from __future__ import annotations

from crmlessons import i18n, man
from crmlessons.checks import require_choice
from crmlessons.plots import PALETTE, category_label, get_ax, tidy

i18n.register({
    "man_chart_value_win_rate": ("Win rate", "赢单率"),
    "man_chart_value_median_cycle_days": ("Median sales cycle of won leads (days)", "已成交线索的周期中位数（天）"),
    "man_chart_value_leads": ("Number of leads", "线索数量"),
    "man_chart_matrix_title": ("{value} by MAN combination (leads created before {before})",
                               "各 MAN 组合的{value}（{before} 之前创建的线索）"),
    "man_chart_money_yes": ("M: money", "M：有购买力"),
    "man_chart_money_no": ("m: no money", "m：无购买力"),
    "man_chart_n": ("n = {n}", "n = {n}"),
    "man_chart_none_won": ("none won", "无成交"),
    "man_chart_days": ("{d:.0f} days", "{d:.0f} 天"),
    "man_chart_combination": ("MAN combination (capital = present)", "MAN 组合（大写 = 具备）"),
    "man_chart_bars_title": ("How leads of each combination ended", "各组合线索的结果"),
    "man_chart_this_lead": ("this lead", "当前线索"),
    "man_chart_other": ("other combinations", "其他组合"),
    "man_chart_hours": ("hours of selling time (assumed)", "销售工时（假设）"),
    "man_chart_hours_won": ("on leads that were won", "用于成交线索"),
    "man_chart_hours_lost": ("on leads that never bought", "用于未成交线索"),
    "man_chart_cost_title": ("Where the selling time went ({cost:,.0f} CNY an hour: {lost:,.0f} CNY on lost leads)",
                             "销售时间花在了哪里（每小时 {cost:,.0f} 元：未成交线索耗费 {lost:,.0f} 元）"),
    "man_chart_by_title": ("Win rate by {what} (leads created before {before})", "按{what}的赢单率（{before} 之前创建的线索）"),
    "man_chart_factors": ("number of MAN factors present", "具备的 MAN 因素个数"),
    "man_chart_n_factors": ("{n} of 3", "{n} 项"),
    "man_chart_share_of_hours": ("{share:.0%} lost", "{share:.0%} 未成交"),
})

#: The matrix layout: rows Money present / absent, columns the (Authority, Need) pairs.
COLUMNS = ("A+N", "A+n", "a+N", "a+n")


def _outcomes(leads, thresholds):
    """Return the per-combination table, computing it from ``leads`` unless it already is one."""
    if hasattr(leads, "columns") and {"win_rate", "leads", "median_cycle_days"} <= set(leads.columns) \
            and list(leads.index) == list(man.COMBINATIONS):
        return leads
    return man.combination_outcomes(leads, **thresholds)


def matrix(leads, value: str = "win_rate", ax=None, **thresholds):
    """Draw the MAN matrix as a 2 x 4 heatmap: Money (rows) by Authority and Need (columns).

    Parameters
    ----------
    leads : pandas.DataFrame
        Table ``leads`` (or :func:`crmlessons.man.combination_outcomes` of it).
    value : {"win_rate", "median_cycle_days", "leads"}
        What colours and labels each cell.
    ax : matplotlib Axes, optional
    **thresholds
        The MAN rules and cohort (``money``, ``authority``, ``need_min``, ``before``).

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons import datasets
    >>> ax = matrix(datasets.load_leads(), value="median_cycle_days", ax=Figure().subplots())
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['A+N', 'A+n', 'a+N', 'a+n']
    """
    import numpy as np

    require_choice(value, "value", ["win_rate", "median_cycle_days", "leads"])
    table = _outcomes(leads, thresholds)
    ax = get_ax(ax, figsize=(7.5, 3.6))
    grid = np.full((2, 4), np.nan)
    for row, m in enumerate("Mm"):
        for col, an in enumerate(COLUMNS):
            grid[row, col] = table.loc[f"{m}+{an}", value]
    cmap = "Blues" if value != "median_cycle_days" else "Oranges"
    finite = grid[np.isfinite(grid)]
    top = float(finite.max()) if finite.size else 1.0
    ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=0, vmax=top or 1.0, aspect="auto")
    for row, m in enumerate("Mm"):
        for col, an in enumerate(COLUMNS):
            code = f"{m}+{an}"
            cell = table.loc[code]
            number = cell[value]
            if value == "win_rate":
                text = f"{number:.1%}"
            elif value == "median_cycle_days":
                text = i18n.t("man_chart_none_won") if number != number else i18n.t("man_chart_days", d=number)
            else:
                text = f"{int(number):,}"
            dark = number == number and top and number / top > 0.6
            ax.text(col, row, f"{code}\n{text}\n{i18n.t('man_chart_n', n=int(cell['leads']))}",
                    ha="center", va="center", fontsize=10, color="white" if dark else "black")
    ax.set_xticks(range(4), COLUMNS)
    ax.set_yticks(range(2), [i18n.t("man_chart_money_yes"), i18n.t("man_chart_money_no")])
    ax.tick_params(length=0)
    ax.set_xlabel(f'{i18n.t("man_authority")} + {i18n.t("man_need")}')
    before = thresholds.get("before", man.COHORT_END)
    ax.set_title(i18n.t("man_chart_matrix_title", value=i18n.t(f"man_chart_value_{value}"), before=before))
    for spine in ax.spines.values():
        spine.set_visible(False)
    return ax


def combination_bars(leads, highlight: str | None = None, ax=None, **thresholds):
    """Draw the win rate of each of the eight combinations, one bar highlighted (the qualifier's chart).

    Parameters
    ----------
    leads : pandas.DataFrame
        Table ``leads`` (or :func:`crmlessons.man.combination_outcomes` of it, which is faster).
    highlight : str, optional
        A combination such as ``"M+a+N"`` to colour apart.
    ax : matplotlib Axes, optional

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons import datasets
    >>> ax = combination_bars(datasets.load_leads(), highlight="M+A+N", ax=Figure().subplots())
    >>> len(ax.patches)
    8
    """
    if highlight is not None:
        require_choice(highlight, "highlight", man.COMBINATIONS)
    table = _outcomes(leads, thresholds)
    ax = get_ax(ax)
    rates = table["win_rate"].fillna(0.0)
    bars = ax.bar(list(man.COMBINATIONS), rates, color=PALETTE[0], gid="man-combination-bar")
    for bar, rate, n in zip(bars, rates, table["leads"]):
        ax.annotate(f"{rate:.1%}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=9, xytext=(0, 2), textcoords="offset points")
    ax.set_ylabel(i18n.t("man_chart_value_win_rate"))
    ax.set_xlabel(i18n.t("man_chart_combination"))
    ax.set_title(i18n.t("man_chart_bars_title"))
    ax.yaxis.set_major_formatter("{x:.0%}")
    ax.set_ylim(0, max(float(rates.max()) * 1.2, 0.01))
    update_combination_bars(ax, highlight)
    tidy(ax)
    return ax


def update_combination_bars(ax, highlight: str | None = None) -> list:
    """Highlight another combination on a chart drawn by :func:`combination_bars`; return what changed.

    The chart then shows what ``combination_bars(leads, highlight=highlight)`` would draw: the bars'
    colours change, and the legend (shown only with a highlight) appears or goes; the rest stays.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons import datasets
    >>> ax = combination_bars(datasets.load_leads(), ax=Figure().subplots())
    >>> moved = update_combination_bars(ax, "m+a+n")
    >>> [b.get_facecolor() == ax.patches[0].get_facecolor() for b in ax.patches].count(False)
    1
    """
    from matplotlib.patches import Patch

    if highlight is not None:
        require_choice(highlight, "highlight", man.COMBINATIONS)
    bars = [p for p in ax.patches if p.get_gid() == "man-combination-bar"]
    if len(bars) != len(man.COMBINATIONS):
        raise ValueError("ax has no combination chart to update; draw one with combination_bars(leads, ax=ax) first")
    for bar, code in zip(bars, man.COMBINATIONS):
        bar.set_facecolor(PALETTE[1] if code == highlight else PALETTE[0])
    legend = ax.get_legend()
    if highlight is None and legend is not None:
        legend.remove()
    elif highlight is not None and legend is None:
        # the legend sits away from the bars and changes only here: only then does it move
        legend = ax.legend(handles=[Patch(color=PALETTE[1], label=i18n.t("man_chart_this_lead")),
                                    Patch(color=PALETTE[0], label=i18n.t("man_chart_other"))], frameon=False)
        return [*bars, legend]
    return bars


def chase_cost(leads, ax=None, *, hours=None, cost_per_hour: float = man.COST_PER_HOUR, **thresholds):
    """Draw the selling hours spent per combination, split into leads won and leads that never bought.

    The hours are an assumption (:data:`crmlessons.man.STAGE_HOURS`); see :func:`crmlessons.man.chase_cost`.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons import datasets
    >>> ax = chase_cost(datasets.load_leads(), ax=Figure().subplots())
    >>> ax.get_ylabel()
    'hours of selling time (assumed)'
    """
    table = man.chase_cost(leads, hours=hours, cost_per_hour=cost_per_hour, **thresholds)
    ax = get_ax(ax)
    codes = list(man.COMBINATIONS)
    won_hours = table["hours"] - table["hours_lost"]
    ax.bar(codes, won_hours, color=PALETTE[2], label=i18n.t("man_chart_hours_won"))
    bars = ax.bar(codes, table["hours_lost"], bottom=won_hours, color=PALETTE[3], label=i18n.t("man_chart_hours_lost"))
    for bar, total, share in zip(bars, table["hours"], table["share_lost"].fillna(0.0)):
        ax.annotate(i18n.t("man_chart_share_of_hours", share=share), (bar.get_x() + bar.get_width() / 2, total),
                    ha="center", va="bottom", fontsize=8, xytext=(0, 2), textcoords="offset points")
    ax.set_ylabel(i18n.t("man_chart_hours"))
    ax.set_xlabel(i18n.t("man_chart_combination"))
    ax.set_title(i18n.t("man_chart_cost_title", cost=cost_per_hour, lost=float(table["cost_lost_cny"].sum())),
                 fontsize=10)
    ax.set_ylim(0, float(table["hours"].max()) * 1.15)
    ax.legend(frameon=False, loc="upper right")
    tidy(ax)
    return ax


def win_rate_by(leads, by: str = "factors", ax=None, **thresholds):
    """Draw the cohort win rate by a column of ``leads`` (e.g. ``"decision_power"``) or by ``"factors"``.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons import datasets
    >>> ax = win_rate_by(datasets.load_leads(), "decision_power", ax=Figure().subplots())
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['Decision maker', 'Influencer', 'User']
    """
    table = man.win_rate_by(leads, by, **thresholds)
    ax = get_ax(ax)
    if by == "factors":
        names = [i18n.t("man_chart_n_factors", n=k) for k in table.index]
        what = i18n.t("man_chart_factors")
    elif by == "man":
        names = [str(k) for k in table.index]
        what = i18n.t("man_chart_combination")
    else:
        names = [category_label(str(k), by) for k in table.index]
        what = _column_label(by)
    bars = ax.bar(names, table["win_rate"], color=PALETTE[0])
    for bar, rate, n in zip(bars, table["win_rate"], table["leads"]):
        ax.annotate(f"{rate:.1%}\n{i18n.t('man_chart_n', n=int(n))}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=9, xytext=(0, 2), textcoords="offset points")
    ax.set_ylabel(i18n.t("man_chart_value_win_rate"))
    ax.yaxis.set_major_formatter("{x:.0%}")
    ax.set_ylim(0, max(float(table["win_rate"].max()) * 1.3, 0.01))
    ax.set_title(i18n.t("man_chart_by_title", what=what, before=thresholds.get("before", man.COHORT_END)))
    tidy(ax)
    return ax


def _column_label(column: str) -> str:
    """The label of a leads column in the current language (the name itself if unknown)."""
    from crmlessons.datasets import dictionary

    table = dictionary("leads")
    rows = table[table["column"] == column]
    if rows.empty:
        return column
    if i18n.get_language() == "zh":
        return str(rows.iloc[0]["label_zh"])
    return str(rows.iloc[0]["label_en"]).lower()
