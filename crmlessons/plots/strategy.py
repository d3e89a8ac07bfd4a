"""Charts of the win-or-keep budget simulator (lesson 01): customers and cumulative profit by plan."""

from __future__ import annotations

from crmlessons import i18n
from crmlessons.checks import require_choice, require_columns, require_number, tables
from crmlessons.plots import PALETTE, get_ax, tidy

i18n.register({
    "plan_chosen": ("Your split ({share:.0%} to winning)", "你的分配（{share:.0%} 用于获客）"),
    "plan_chosen_short": ("Your split", "你的分配"),
    "plan_all_acquisition": ("All on winning new customers", "全部用于开发新客户"),
    "plan_all_retention": ("All on keeping customers", "全部用于保留老客户"),
    "sim_year": ("year", "年份"),
    "sim_customers": ("customers", "客户数"),
    "sim_customers_title": ("Customers at the end of each year", "每年年末的客户数"),
    "sim_profit": ("cumulative profit (million CNY)", "累计利润（万元）"),
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
    require_choice(plan, "plan", list(STYLE))
    share = require_number(share, "share", low=0, high=1)
    return i18n.t(f"plan_{plan}", share=share) if plan == "chosen" else i18n.t(f"plan_{plan}")


def _lines(sim, column: str, ax, scale: float = 1.0):
    require_columns(sim, ["plan", "year", "share_acquisition", column], "sim")
    for plan, rows in sim.groupby(sim["plan"].astype(str), sort=False):
        colour, style, width = STYLE.get(plan, (PALETTE[7], ":", 1.5))
        ax.plot(rows["year"], rows[column] / scale, style, color=colour, linewidth=width,
                label=plan_label(plan, float(rows["share_acquisition"].iloc[0])), gid=f"sim-plan-{plan}")
    ax.set_xlabel(i18n.t("sim_year"))
    ax.xaxis.get_major_locator().set_params(integer=True)
    tidy(ax)


def _update_lines(ax, sim, column: str, scale: float = 1.0) -> list:
    require_columns(sim, ["plan", "year", "share_acquisition", column], "sim")
    lines = {line.get_gid(): line for line in ax.get_lines()}
    plans, years = sim["plan"].astype(str).to_numpy(), sim["year"].to_numpy()
    values, shares = sim[column].to_numpy() / scale, sim["share_acquisition"].to_numpy()
    moved = []
    for plan in dict.fromkeys(plans):  # in order of appearance, as _lines draws them
        line = lines.get(f"sim-plan-{plan}")
        if line is None:
            raise ValueError(f"ax has no line of plan {plan!r} to update; draw the chart with the same plans first")
        rows = plans == plan
        line.set_data(years[rows], values[rows])
        line.set_label(plan_label(plan, float(shares[rows][0])))
        moved.append(line)
    # lines drawn after the plans (the zero line) are painted over them: they move with them
    after = ax.get_lines()[ax.get_lines().index(moved[-1]) + 1:] if moved else []
    return moved + list(after)


@tables(sim=["plan", "year", "share_acquisition", "customers"])
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


@tables(sim=["plan", "year", "share_acquisition", "cumulative_profit"])
def profit_over_time(sim, ax=None, legend: bool = True):
    """Draw the cumulative profit (million CNY; 万元 in Chinese) over the years for each plan.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons.strategy import simulate
    >>> ax = profit_over_time(simulate(), ax=Figure().subplots())
    >>> ax.get_title()
    'Cumulative profit'
    """
    ax = get_ax(ax)
    _lines(sim, "cumulative_profit", ax, scale=i18n.money_scale())
    ax.axhline(0, color="#888", linewidth=0.8)
    ax.set_ylabel(i18n.t("sim_profit"))
    ax.set_title(i18n.t("sim_profit_title"))
    if legend:
        ax.legend(frameon=False, fontsize="small")
    return ax


def update_customers_over_time(ax, sim) -> list:
    """Move the lines of a chart drawn by :func:`customers_over_time` to a new simulation; return them.

    The axis limits stay (the strategy widget keeps them steady while a slider moves).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons.strategy import simulate
    >>> ax = customers_over_time(simulate(), ax=Figure().subplots())
    >>> moved = update_customers_over_time(ax, simulate(years=3))
    >>> len(moved), len(ax.get_lines()[0].get_xdata())
    (3, 4)
    """
    return _update_lines(ax, sim, "customers")


def update_profit_over_time(ax, sim) -> list:
    """Move the lines of a chart drawn by :func:`profit_over_time` to a new simulation; return them.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from crmlessons.strategy import simulate
    >>> ax = profit_over_time(simulate(), ax=Figure().subplots())
    >>> len(update_profit_over_time(ax, simulate(share_acquisition=0.2)))  # the plans and the zero line
    4
    """
    return _update_lines(ax, sim, "cumulative_profit", scale=i18n.money_scale())
