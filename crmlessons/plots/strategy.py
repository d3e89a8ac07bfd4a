"""Charts of the win-or-keep budget simulator (lesson 01): customers and cumulative profit by plan."""

from __future__ import annotations

from crmlessons import i18n
from crmlessons.checks import require_columns
from crmlessons.plots import PALETTE, get_ax, tidy

i18n.register({
    "plan_chosen": ("Your split ({share:.0%} to winning)", "你的分配（{share:.0%} 用于获客）"),
    "plan_chosen_short": ("Your split", "你的分配"),
    "plan_all_acquisition": ("All on winning new customers", "全部用于开发新客户"),
    "plan_all_retention": ("All on keeping customers", "全部用于保留老客户"),
    "sim_year": ("year", "年份"),
    "sim_customers": ("customers", "客户数"),
    "sim_customers_title": ("Customers at the end of each year", "每年年末的客户数"),
    "sim_profit": ("cumulative profit (million CNY)", "累计利润（百万元）"),
    "sim_profit_title": ("Cumulative profit", "累计利润"),
})

#: Colour and line style of each plan (the chosen plan stands out; the extremes are dashed).
STYLE = {"chosen": (PALETTE[0], "-", 2.8), "all_acquisition": (PALETTE[1], "--", 1.8),
         "all_retention": (PALETTE[2], "--", 1.8)}


def plan_label(plan: str, share: float = 0.0) -> str:
    """Return the legend text of a plan in the current language.

    Examples
    --------
    >>> plan_label("chosen", 0.3)
    'Your split (30% to winning)'
    """
    return i18n.t(f"plan_{plan}", share=share) if plan == "chosen" else i18n.t(f"plan_{plan}")


def _lines(sim, column: str, ax, scale: float = 1.0):
    require_columns(sim, ["plan", "year", "share_acquisition", column], "sim")
    for plan, rows in sim.groupby(sim["plan"].astype(str), sort=False):
        colour, style, width = STYLE.get(plan, (PALETTE[7], ":", 1.5))
        ax.plot(rows["year"], rows[column] / scale, style, color=colour, linewidth=width,
                label=plan_label(plan, float(rows["share_acquisition"].iloc[0])))
    ax.set_xlabel(i18n.t("sim_year"))
    ax.xaxis.get_major_locator().set_params(integer=True)
    tidy(ax)


def customers_over_time(sim, ax=None, legend: bool = True):
    """Draw the number of customers over the years for each plan of a :func:`crmlessons.strategy.simulate` result.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons.strategy import simulate
    >>> ax = customers_over_time(simulate(), ax=Figure().subplots())
    >>> ax.get_ylabel(), len(ax.get_lines())
    ('customers', 3)
    """
    ax = get_ax(ax)
    _lines(sim, "customers", ax)
    ax.set_ylabel(i18n.t("sim_customers"))
    ax.set_title(i18n.t("sim_customers_title"))
    if legend:
        ax.legend(frameon=False, fontsize="small")
    return ax


def profit_over_time(sim, ax=None, legend: bool = True):
    """Draw the cumulative profit (million CNY) over the years for each plan.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons.strategy import simulate
    >>> ax = profit_over_time(simulate(), ax=Figure().subplots())
    >>> ax.get_title()
    'Cumulative profit'
    """
    ax = get_ax(ax)
    _lines(sim, "cumulative_profit", ax, scale=1e6)
    ax.axhline(0, color="#888", linewidth=0.8)
    ax.set_ylabel(i18n.t("sim_profit"))
    ax.set_title(i18n.t("sim_profit_title"))
    if legend:
        ax.legend(frameon=False, fontsize="small")
    return ax
