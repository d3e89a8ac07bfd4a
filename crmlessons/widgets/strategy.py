"""The strategy simulator: split a fixed yearly budget between winning and keeping customers.

Sliders set the split and the model's assumptions; the widget calls
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

import html
import math

import ipywidgets as widgets

from crmlessons import i18n, strategy
from crmlessons.widgets.base import CourseWidget, canvas_png, new_figure, shows_errors

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
    "sim_end_profit": ("Cumulative profit (million CNY)", "累计利润（百万元）"),
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
    "sim_assumptions": ("Yearly budget {budget:,.0f} CNY, {start:,.0f} customers at the start, at most {cap:.0%} "
                        "can be kept; each further customer kept costs more than the last.",
                        "每年预算 {budget:,.0f} 元，期初 {start:,.0f} 位客户，最多能留住 {cap:.0%}；"
                        "每多留住一位客户，成本都比上一位更高。"),
})


class StrategySimulator(CourseWidget):
    """Sliders for the budget split and the model's assumptions; a result table and two charts.

    CSS classes: root ``crm-widget crm-simulator``; sliders ``crm-simulator-share``,
    ``crm-simulator-cost-new``, ``crm-simulator-cost-keep``, ``crm-simulator-retention``,
    ``crm-simulator-margin``, ``crm-simulator-years``; outputs ``crm-simulator-result`` (HTML),
    ``crm-simulator-chart`` (Image), ``crm-simulator-status`` (errors, in words).
    """

    def __init__(self, **settings):
        d = {**strategy.DEFAULTS, **settings}
        self.settings = d
        style = {"description_width": "250px"}
        layout = widgets.Layout(width="560px")

        def slider(kind, value, lo, hi, step, key, css, fmt=None):
            extra = {"readout_format": fmt} if fmt else {}
            w = kind(value=value, min=lo, max=hi, step=step, description=i18n.t(key), style=style,
                     layout=layout, continuous_update=False, **extra)
            w.add_class(f"crm-simulator-{css}")
            w.observe(self._changed, names="value")
            return w

        self.share = slider(widgets.FloatSlider, d["share_acquisition"], 0.0, 1.0, 0.05, "sim_share", "share", ".0%")
        self.cost_new = slider(widgets.IntSlider, int(d["cost_new"]), 1_000, 30_000, 500, "sim_cost_new", "cost-new")
        self.cost_keep = slider(widgets.IntSlider, int(d["cost_keep"]), 500, 10_000, 100, "sim_cost_keep", "cost-keep")
        self.retention = slider(widgets.FloatSlider, d["base_retention"], 0.50, 0.94, 0.01, "sim_base_retention",
                                "retention", ".0%")
        self.margin = slider(widgets.IntSlider, int(d["margin"]), 1_000, 30_000, 500, "sim_margin", "margin")
        self.years = slider(widgets.IntSlider, int(d["years"]), 1, 15, 1, "sim_years", "years")
        self.result = widgets.HTML()
        self.result.add_class("crm-simulator-result")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="900px"))
        self.chart.add_class("crm-simulator-chart")
        self.status = widgets.HTML()
        self.status.add_class("crm-simulator-status")
        note = widgets.HTML(f"<small>{html.escape(i18n.t('sim_assumptions', budget=d['budget'], start=d['start_customers'], cap=d['max_retention']))}</small>")
        title = widgets.HTML(f"<b>{html.escape(i18n.t('sim_widget_title'))}</b>")
        self._figure = new_figure((9.0, 3.6))
        self._axes = self._figure.subplots(1, 2)
        self._lines = None
        super().__init__([title, self.share, self.cost_new, self.cost_keep, self.retention, self.margin, self.years,
                          note, self.status, self.result, self.chart], name="simulator", title=i18n.t("sim_widget_title"))
        self.update()

    def parameters(self) -> dict:
        """The model's arguments as the sliders set them."""
        return dict(cost_new=float(self.cost_new.value), cost_keep=float(self.cost_keep.value),
                    base_retention=float(self.retention.value), margin=float(self.margin.value),
                    years=int(self.years.value), budget=float(self.settings["budget"]),
                    start_customers=float(self.settings["start_customers"]),
                    max_retention=float(max(self.settings["max_retention"], self.retention.value)))

    def _draw(self, sim) -> None:
        """Draw the charts; a slider move redraws only the lines over a saved background when it can.

        The first draw lays the figure out (then the layout stays fixed). The year axis grows in
        steps of 5 years; the value axes fit the lines as they would run on to the axis' last year, with
        15 % of room on each side. Afterwards the axes keep their
        limits while the new lines fit well inside them, so the frame, ticks, labels and legend
        are pasted from a saved background and only the six lines are drawn (blitting); otherwise
        the limits are recomputed and the whole figure is drawn again.
        """
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        from crmlessons.plots.strategy import customers_over_time, profit_over_time

        left, right = self._axes
        if self._lines is None:
            customers_over_time(sim, ax=left)
            profit_over_time(sim, ax=right, legend=False)
            legend = left.get_legend()
            if legend is not None:  # the split is on its slider and in the table: keep the legend fixed
                legend.get_texts()[0].set_text(i18n.t("plan_chosen_short"))
            self._lines = (left.get_lines()[:3], right.get_lines()[:3])
            self._canvas = FigureCanvasAgg(self._figure)
            self._canvas.draw()  # the first draw sets the layout ...
            self._figure.set_layout_engine("none")  # ... which then stays fixed
            for line in (*self._lines[0], *self._lines[1]):
                line.set_animated(True)
            self._background = None
        plans = sim["plan"].astype(str)
        full = self._background is None
        for ax, column, lines, scale in ((left, "customers", self._lines[0], 1.0),
                                         (right, "cumulative_profit", self._lines[1], 1e6)):
            values = []
            for line, plan in zip(lines, strategy.PLANS):
                rows = sim[plans == plan]
                y = rows[column].to_numpy() / scale
                line.set_data(rows["year"].to_numpy(), y)
                values.append(y)
            span = 5 * math.ceil((len(values[0]) - 1) / 5)  # x-axis in steps of 5 years
            # The value range includes where each line would end at the axis' last year if it went on
            # as in its last year, so that adding a year rarely needs new limits.
            ends = [v[-1] + (v[-1] - v[-2]) * (span - (len(v) - 1)) for v in values if len(v) > 1]
            lo = min([v.min() for v in values] + ends)
            hi = max([v.max() for v in values] + ends)
            x_limits = (-0.02 * span, 1.02 * span)
            y0, y1 = ax.get_ylim()
            if ax.get_xlim() != x_limits:
                full = True
                ax.set_xlim(*x_limits)
            if not (y0 <= lo and hi <= y1 and (hi - lo) >= 0.45 * (y1 - y0)):
                full = True
                pad = 0.15 * ((hi - lo) or abs(hi) or 1.0)  # room for the next slider steps without a full redraw
                ax.set_ylim(lo - pad, hi + pad)
        canvas = self._canvas
        if full:
            canvas.draw()
            self._background = canvas.copy_from_bbox(self._figure.bbox)
        else:
            canvas.restore_region(self._background)
        for ax, lines in zip(self._axes, self._lines):
            for line in lines:
                ax.draw_artist(line)
        self.chart.value = canvas_png(canvas)

    def _changed(self, change) -> None:
        self.update()

    @shows_errors(lambda self: self.status)
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
            f"<td style='text-align:right'>{row.cumulative_profit / 1e6:,.1f}</td></tr>"
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
        self._draw(sim)


def simulator(**settings) -> StrategySimulator:
    """Return the strategy simulator widget (``settings`` override :data:`crmlessons.strategy.DEFAULTS`).

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
     lambda w, i: setattr(w.cost_new, "value", 8_000 + 500 * (i % 8))),
    ("strategy simulator: move the years slider", StrategySimulator,
     lambda w, i: setattr(w.years, "value", 1 + i % 15)),
]
