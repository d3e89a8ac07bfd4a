"""The strategy simulator: split a fixed yearly budget between winning and keeping customers.

Sliders set the split and the model's assumptions. They start at the case company's own figures
(:func:`crmlessons.strategy.firm_settings` on the data in use, a group's variant too, read once and
rounded to the sliders' steps), except the retention with no spend, which no data show: the course's
assumption. The widget calls
:func:`crmlessons.strategy.simulate`, :func:`~crmlessons.strategy.best_share` and
:func:`~crmlessons.strategy.break_even_ratio` and shows the figures (HTML) and two charts (PNG):
customers and cumulative profit over the years, for the chosen split against the two extremes.

Examples
--------
>>> w = StrategySimulator()
>>> before = w.result.value
>>> w.share.value = 0.9
>>> w.result.value != before and "90%" in w.result.value
True
"""

from __future__ import annotations

import collections
import functools
import html

import ipywidgets as widgets

from crmlessons import i18n, strategy
from crmlessons.widgets.base import (FRAMES_KEPT, CourseWidget, FastChart, money, new_figure, shows_errors, slider,
                                     status_area)

i18n.register({
    "sim_widget_title": ("Strategy simulator: win new customers or keep existing ones?",
                         "策略模拟器：开发新客户还是保留老客户？"),
    "sim_share": ("Budget to winning", "获客预算占比"),
    "sim_cost_new": ("Cost of a new customer (CNY)", "开发一位新客户的成本（元）"),
    "sim_cost_keep": ("Cost of keeping one (CNY)", "保留一位老客户的成本（元）"),
    "sim_base_retention": ("Retention with no spend", "不投入时的留存率"),
    "sim_margin": ("Margin per customer a year (CNY)", "每位客户每年毛利（元）"),
    "sim_years": ("Years", "年数"),
    "sim_plan": ("Plan", "方案"),
    "sim_end_customers": ("Customers after {years} years", "{years} 年后的客户数"),
    "sim_end_profit": ("Cumulative profit", "累计利润"),
    "sim_ratio_line": ("Cost ratio new : kept = <b>{ratio:.1f} : 1</b>. Break-even ratio: <b>{even}</b> "
                       "(above it, keeping everyone pays better than only winning new customers).",
                       "新客户与老客户成本之比 = <b>{ratio:.1f} : 1</b>。盈亏平衡比：<b>{even}</b>"
                       "（高于此比值时，全力保留老客户比只开发新客户更赚钱）。"),
    "sim_winner_keep": ("At this ratio, <b>all-retention beats all-acquisition</b>.",
                        "在这个比值下，<b>全部保留胜过全部获客</b>。"),
    "sim_winner_win": ("At this ratio, <b>all-acquisition beats all-retention</b>.",
                       "在这个比值下，<b>全部获客胜过全部保留</b>。"),
    "sim_best": ("Most profitable split over {years} years: <b>{share:.0%}</b> of the budget to winning.",
                 "{years} 年内利润最高的分配：<b>{share:.0%}</b> 的预算用于获客。"),
    "sim_never": ("never", "不存在"),
    "sim_assumptions": ("Yearly budget {budget}, {start:,.0f} customers at the start, at most {cap:.1%} "
                        "can be kept; each further customer kept costs more than the last.",
                        "每年预算 {budget}，期初 {start:,.0f} 位客户，最多能留住 {cap:.1%}；"
                        "每多留住一位客户，成本都比上一位更高。"),
    "sim_defaults": ("Unless set otherwise, the sliders start at the case company's own figures (2019-2025); "
                     "the retention with no spend is an assumption, since the company always spent on keeping.",
                     "除非另行设定，滑块的初始值都是案例公司自己的数据（2019-2025 年）；"
                     "“不投入时的留存率”是假设，因为该公司每年都有保留投入。"),
})


#: The sliders: setting -> (low, high, step, whole, label, CSS suffix, readout format).
SLIDERS = {
    "share_acquisition": (0.0, 1.0, 0.05, False, "sim_share", "share", ".0%"),
    "cost_new": (1_000, 30_000, 500, True, "sim_cost_new", "cost-new", None),
    "cost_keep": (500, 10_000, 100, True, "sim_cost_keep", "cost-keep", None),
    "base_retention": (0.50, 0.94, 0.01, False, "sim_base_retention", "retention", ".0%"),
    "margin": (5_000, 150_000, 1_000, True, "sim_margin", "margin", None),
    "years": (1, 15, 1, True, "sim_years", "years", None),
}


@functools.lru_cache(maxsize=8)
def _firm_figures(variant) -> tuple:
    """The case company's figures for the data variant ``variant`` (read once per variant)."""
    from crmlessons import datasets

    settings = strategy.firm_settings(datasets.load_orders(), datasets.load_customers(), datasets.load_spend())
    return tuple(settings.items())


def case_defaults() -> dict:
    """The simulator's starting values: the case company's figures, rounded to the sliders' steps.

    :func:`crmlessons.strategy.firm_settings` on the data in use (the shipped tables or a group's
    variant), computed once per variant; each slider's value is rounded to its step and range.

    Examples
    --------
    >>> d = case_defaults()
    >>> d["margin"], d["share_acquisition"], d["base_retention"]
    (73000, 0.25, 0.8)
    """
    from crmlessons import datasets

    settings = dict(_firm_figures(datasets.current_variant()))
    for key, (low, high, step, whole, *_rest) in SLIDERS.items():
        value = min(high, max(low, round(round(settings[key] / step) * step, 10)))
        settings[key] = int(value) if whole else value
    return settings


class StrategySimulator(CourseWidget):
    """Sliders for the budget split and the model's assumptions; a result table and two charts.

    Parameters
    ----------
    **settings
        Starting values overriding the case company's figures (:func:`case_defaults`; the names are the
        keys of :data:`crmlessons.strategy.DEFAULTS`); each slider's setting must lie
        in its range (:data:`SLIDERS`), ``budget``, ``start_customers`` and ``max_retention`` are
        checked by :func:`crmlessons.strategy.simulate`.

    CSS classes: root ``crm-widget crm-simulator``; sliders ``crm-simulator-share``,
    ``crm-simulator-cost-new``, ``crm-simulator-cost-keep``, ``crm-simulator-retention``,
    ``crm-simulator-margin``, ``crm-simulator-years``; outputs ``crm-simulator-result`` (HTML),
    ``crm-simulator-chart`` (Image), ``crm-simulator-status`` (errors, in words).
    """

    def __init__(self, **settings):
        unknown = sorted(set(settings) - set(strategy.DEFAULTS))
        if unknown:
            raise TypeError(f"simulator got unknown setting(s) {unknown}; the settings are {list(strategy.DEFAULTS)}")
        d = {**case_defaults(), **settings}
        self.settings = d
        controls = {}
        for key, (low, high, step, whole, label, css, fmt) in SLIDERS.items():
            controls[key] = slider(key, d[key], low, high, step, whole=whole, description=i18n.t(label),
                                   css=f"crm-simulator-{css}", readout_format=fmt, width="560px",
                                   description_width="250px")
            self.on(controls[key], self.update)
        self.share, self.cost_new, self.cost_keep = (controls[k] for k in ("share_acquisition", "cost_new", "cost_keep"))
        self.retention, self.margin, self.years = (controls[k] for k in ("base_retention", "margin", "years"))
        self.result = widgets.HTML()
        self.result.add_class("crm-simulator-result")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="900px"))
        self.chart.add_class("crm-simulator-chart")
        self.status = status_area("simulator")
        text = i18n.t("sim_assumptions", budget=money(d["budget"]), start=d["start_customers"], cap=d["max_retention"])
        self._figure = new_figure((9.0, 3.6))
        self._axes = self._figure.subplots(1, 2)
        self._picture = None
        self._legend = None
        self._frames: collections.OrderedDict = collections.OrderedDict()  # pictures of states shown before
        super().__init__([widgets.HTML(f"<b>{html.escape(i18n.t('sim_widget_title'))}</b>"), *controls.values(),
                          widgets.HTML(f"<small>{html.escape(text)} {html.escape(i18n.t('sim_defaults'))}</small>"),
                          self.status, self.result, self.chart],
                         name="simulator", title=i18n.t("sim_widget_title"))
        self.start()

    def parameters(self) -> dict:
        """The model's arguments as the sliders set them."""
        return dict(cost_new=float(self.cost_new.value), cost_keep=float(self.cost_keep.value),
                    base_retention=float(self.retention.value), margin=float(self.margin.value),
                    years=int(self.years.value), budget=float(self.settings["budget"]),
                    start_customers=float(self.settings["start_customers"]),
                    max_retention=float(max(self.settings["max_retention"], self.retention.value)))

    def _full_range(self, p: dict):
        """The three plans over the years slider's whole range (the years shown are its first rows)."""
        full = {**p, "years": int(SLIDERS["years"][1])}
        key = tuple(sorted(full.items())) + (float(self.share.value),)
        if getattr(self, "_full_key", None) != key:
            self._full_key = key
            self._full_sim = strategy.simulate(share_acquisition=float(self.share.value), **full)
        return self._full_sim

    def _first_draw(self, full) -> None:
        """Draw both charts over the slider's whole range of years (then axes and layout stay fixed).

        The charts are drawn with the plot module's functions from the longest run the years slider
        allows, so the year axis runs from 0 to its last year once and for all; the update hooks then
        move the lines to the years chosen (a prefix of that run). The legend names the chosen split
        shortly (the split is on its slider and in the table) and sits in the upper left of the profit
        chart, which the lines reach only in the last years: a fixed place, so no redraw moves it.
        """
        from crmlessons.plots.strategy import customers_over_time, profit_over_time

        left, right = self._axes
        customers_over_time(full, ax=left, legend=False)
        profit_over_time(full, ax=right)
        for ax in self._axes:  # the years shown move the lines, never the year axis
            ax.set_xlim(ax.get_xlim())
        legend = right.get_legend()
        if legend is not None:
            legend.set_loc("upper left")
            legend.get_texts()[0].set_text(i18n.t("plan_chosen_short"))
        self._legend = legend
        self._picture = FastChart(self._figure)

    @staticmethod
    def _steady_limits(ax, lines, full_lines) -> bool:
        """Keep ``ax``'s value axis while the lines fit well inside it; else set a new one (return True).

        The value axis fits the plans as they run over the years slider's whole range (``full_lines``:
        the same lines over the longest run), with 15 % of room on each side, so that a move of the
        years slider never needs new limits (a full redraw), and the other sliders' steps rarely do:
        the limits stay while every line lies inside them and fills at least 45 % of their span.
        The year axis never changes (see :meth:`_first_draw`).
        """
        values = [line.get_ydata() for line in lines[:3]] + list(full_lines)
        lo = min(float(v.min()) for v in values)
        hi = max(float(v.max()) for v in values)
        y0, y1 = ax.get_ylim()
        if y0 <= lo and hi <= y1 and (hi - lo) >= 0.45 * (y1 - y0):
            return False
        pad = 0.15 * ((hi - lo) or abs(hi) or 1.0)
        ax.set_ylim(lo - pad, hi + pad)
        return True

    @staticmethod
    def _plan_values(full, column: str, scale: float = 1.0) -> list:
        plans = full["plan"].astype(str).to_numpy()
        values = full[column].to_numpy() / scale
        return [values[plans == plan] for plan in dict.fromkeys(plans)]

    def _frame(self, sim, full, state: tuple) -> bytes:
        """Move the lines with the plot module's hooks; repaint only them unless the value axis changed.

        ``state`` names what the sliders set; with the value axes it fixes every pixel, so a picture
        of a state shown before under the same axes (the last :data:`FRAMES_KEPT`) is given back as it was.
        """
        from crmlessons.plots.strategy import update_customers_over_time, update_profit_over_time

        first = self._picture is None
        if first:
            self._first_draw(full)
        left, right = self._axes
        moved = [update_customers_over_time(left, sim), update_profit_over_time(right, sim)]
        full_lines = [self._plan_values(full, "customers"), self._plan_values(full, "cumulative_profit", i18n.money_scale())]
        changed = [self._steady_limits(ax, lines, whole) for ax, lines, whole in zip(self._axes, moved, full_lines)]
        key = (state, *(tuple(map(float, ax.get_ylim())) for ax in self._axes))
        if not (first or any(changed)) and key in self._frames:
            self._frames.move_to_end(key)
            return self._frames[key]
        legend = [] if self._legend is None else [self._legend]
        self._frames[key] = png = self._picture.frame([*moved[0], *moved[1], *legend], full=first or any(changed))
        while len(self._frames) > FRAMES_KEPT:
            self._frames.popitem(last=False)
        return png

    @shows_errors()
    def update(self) -> None:
        """Recompute the three plans and redraw the figures and charts."""
        from crmlessons.plots.strategy import plan_label

        p = self.parameters()
        sim = strategy.simulate(share_acquisition=float(self.share.value), **p)
        table = strategy.summary(sim)
        even = strategy.break_even_ratio(**{k: p[k] for k in ("cost_keep", "base_retention", "years", "budget",
                                                                 "start_customers", "max_retention")})
        best = strategy.best_share(**p, step=0.05)
        ratio = p["cost_new"] / p["cost_keep"]
        rows = "".join(
            f"<tr><td>{html.escape(plan_label(plan, row.share_acquisition))}</td>"
            f"<td style='text-align:right'>{row.customers:,.0f}</td>"
            f"<td style='text-align:right'>{html.escape(money(row.cumulative_profit))}</td></tr>"
            for plan, row in zip(table.index, table.itertuples()))
        even_text = f"{even:.1f} : 1" if even == even and even != float("inf") else i18n.t("sim_never")
        profit = table["cumulative_profit"]
        winner = "sim_winner_keep" if profit["all_retention"] > profit["all_acquisition"] else "sim_winner_win"
        self.result.value = (
            f"<table style='border-collapse:collapse;font-size:1.05em'><tr><th style='text-align:left'>"
            f"{html.escape(i18n.t('sim_plan'))}</th><th>{html.escape(i18n.t('sim_end_customers', years=p['years']))}"
            f"</th><th>{html.escape(i18n.t('sim_end_profit'))}</th></tr>{rows}</table>"
            f"<p>{i18n.t('sim_ratio_line', ratio=ratio, even=even_text)} {i18n.t(winner)}<br>"
            f"{i18n.t('sim_best', years=p['years'], share=best)}</p>")
        state = (float(self.share.value), *sorted(p.items()))
        self.chart.value = self._frame(sim, self._full_range(p), state)


def simulator(**settings) -> StrategySimulator:
    """Return the strategy simulator widget (``settings`` override the case company's figures, :func:`case_defaults`).

    Examples
    --------
    >>> simulator(budget=2_000_000).settings["budget"]
    2000000
    """
    return StrategySimulator(**settings)


#: Update-latency cases for scripts/benchmark.py: (label, make the widget, change a control).
BENCHMARK = [
    ("strategy simulator: move the budget-split slider", StrategySimulator,
     lambda w, i: setattr(w.share, "value", round((i % 20) * 0.05, 2))),
    ("strategy simulator: move the new-customer cost slider", StrategySimulator,
     lambda w, i: setattr(w.cost_new, "value", 10_000 + 500 * (i % 8))),
    ("strategy simulator: move the years slider", StrategySimulator,
     lambda w, i: setattr(w.years, "value", 1 + i % 15)),
]
