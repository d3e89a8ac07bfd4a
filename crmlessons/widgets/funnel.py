"""The funnel widget: prospects and stage conversion rates as sliders; the funnel, chance and a plan.

The computation is :func:`crmlessons.funnel.explore`; this module only reads the sliders and shows
its result.

Examples
--------
>>> w = FunnelWidget()
>>> "5.0" in w.summary.value, "158" in w.plan.value
(True, True)
>>> w.target.value = 10
>>> "10" in w.plan.value
True
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from crmlessons import funnel, i18n
from crmlessons.plots import funnel as _funnel_charts  # noqa: F401 - registers the chart labels used here
from crmlessons.plots import category_label
from crmlessons.widgets.base import CourseWidget, canvas_png, new_figure, shows_errors

i18n.register({
    "funnel_widget": ("Success funnel", "成功漏斗"),
    "funnel_w_prospects": ("Prospects", "潜在客户数"),
    "funnel_w_rate": ("→ {stage} (%)", "→ {stage}（%）"),
    "funnel_w_target": ("Target deals", "目标成交数"),
    "funnel_w_confidence": ("Confidence", "把握程度"),
    "funnel_w_source": ("Source example (100 → 5)", "资料中的例子（100 → 5）"),
    "funnel_w_case": ("Hengtai's own rates", "恒泰公司的实际转化率"),
    "funnel_w_rates_head": ("Share of the stage before that moves on:", "进入下一阶段的比例（相对上一阶段）："),
    "funnel_w_expected": ("Expected deals: <b>{deals}</b> of {prospects:,} prospects (overall rate {rate:.1%}).",
                          "预期成交：{prospects:,} 个潜在客户中成交 <b>{deals}</b> 家（总成交率 {rate:.1%}）。"),
    "funnel_w_range": ("Chance alone: in {level:.0%} of {runs:,} simulated funnels the deals fall between "
                       "<b>{low}</b> and <b>{high}</b>.",
                       "仅凭运气：{runs:,} 次模拟中有 {level:.0%} 的成交数落在 <b>{low}</b> 到 <b>{high}</b> 之间。"),
    "funnel_w_chance": ("Chance of at least {target} deals with these prospects: <b>{share:.0%}</b>.",
                        "以当前潜在客户数至少成交 {target} 家的概率：<b>{share:.0%}</b>。"),
    "funnel_w_plan": ("To be {confidence:.0%} sure of at least {target} deals you need <b>{needed:,} prospects</b>; "
                      "target ÷ rate alone says {naive:,.0f}, which reaches the target only about half the time.",
                      "要有 {confidence:.0%} 的把握至少成交 {target} 家，需要 <b>{needed:,} 个潜在客户</b>；"
                      "只用“目标 ÷ 成交率”得到 {naive:,.0f} 个，大约只有一半的机会达到目标。"),
    "funnel_w_plan_none": ("With an overall rate of 0% no number of prospects reaches the target: raise a stage rate.",
                           "总成交率为 0%，多少潜在客户都达不到目标：请提高某个阶段的转化率。"),
    "funnel_w_plan_zero": ("A target of 0 deals needs no prospects.", "目标为 0 家时不需要潜在客户。"),
})

#: The funnel widget's chart size (two panels side by side).
CHART_SIZE = (9.0, 4.2)


class FunnelWidget(CourseWidget):
    """Sliders for prospects, each stage's conversion, a target and a confidence; funnel chart and plan.

    Parameters
    ----------
    rates : sequence of float, optional
        Starting stage-to-stage conversion rates (0-1); default: seed 004's example.
    prospects, target : int
        Starting prospects and target deals.
    confidence : float
        Starting confidence.
    history : pandas.DataFrame, optional
        The stage history behind the "Hengtai's own rates" button (default: the shipped one).
    n_runs : int
        Simulated funnels per update.
    """

    def __init__(self, rates=funnel.SOURCE_RATES, prospects: int = 100, target: int = 5,
                 confidence: float = 0.9, *, history=None, n_runs: int = 2000):
        self._history = history
        self._n_runs = n_runs
        self._hold = False
        self._picture = None
        stages = funnel.STAGES
        style = {"description_width": "190px"}
        wide = widgets.Layout(width="560px")
        self.prospects = widgets.IntSlider(value=prospects, min=10, max=1000, step=10, style=style, layout=wide,
                                           description=i18n.t("funnel_w_prospects"), continuous_update=False)
        self.prospects.add_class("crm-funnel-prospects")
        self.rates = []
        for stage, rate in zip(stages[1:], rates):
            slider = widgets.FloatSlider(value=round(100 * float(rate), 1), min=0, max=100, step=0.5,
                                         readout_format=".1f", style=style, layout=wide, continuous_update=False,
                                         description=i18n.t("funnel_w_rate", stage=category_label(stage, "stage")))
            slider.add_class("crm-funnel-rate")
            slider.add_class(f"crm-funnel-rate-{stage.replace('_', '-')}")
            self.rates.append(slider)
        self.target = widgets.IntSlider(value=target, min=0, max=50, step=1, style=style, layout=wide,
                                        description=i18n.t("funnel_w_target"), continuous_update=False)
        self.target.add_class("crm-funnel-target")
        self.confidence = widgets.FloatSlider(value=confidence, min=0.5, max=0.99, step=0.01, readout_format=".0%",
                                              style=style, layout=wide, continuous_update=False,
                                              description=i18n.t("funnel_w_confidence"))
        self.confidence.add_class("crm-funnel-confidence")
        self.source_button = widgets.Button(description=i18n.t("funnel_w_source"), layout=widgets.Layout(width="auto"))
        self.source_button.add_class("crm-funnel-source")
        self.source_button.on_click(lambda _: self.set_rates(funnel.SOURCE_RATES, prospects=100))
        self.case_button = widgets.Button(description=i18n.t("funnel_w_case"), layout=widgets.Layout(width="auto"))
        self.case_button.add_class("crm-funnel-case")
        self.case_button.on_click(lambda _: self.use_case_rates())
        self.summary = widgets.HTML()
        self.summary.add_class("crm-funnel-summary")
        self.plan = widgets.HTML()
        self.plan.add_class("crm-funnel-plan")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="860px"))
        self.chart.add_class("crm-funnel-chart")
        self.status = widgets.HTML()
        self.status.add_class("crm-funnel-status")
        for control in (self.prospects, *self.rates, self.target, self.confidence):
            control.observe(lambda _: self.update(), names="value")
        head = widgets.HTML(f"<i>{html.escape(i18n.t('funnel_w_rates_head'))}</i>")
        super().__init__([self.prospects, head, *self.rates, self.target, self.confidence,
                          widgets.HBox([self.source_button, self.case_button]),
                          self.status, self.summary, self.plan, self.chart],
                         name="funnel", title=i18n.t("funnel_widget"))
        self.update()

    def set_rates(self, rates, prospects: int | None = None) -> None:
        """Move the stage sliders to ``rates`` (0-1) at once, redrawing a single time."""
        self._hold = True
        try:
            for slider, rate in zip(self.rates, rates):
                slider.value = round(100 * float(rate), 1)
            if prospects is not None:
                self.prospects.value = prospects
        finally:
            self._hold = False
        self.update()

    def use_case_rates(self) -> None:
        """Set the stage sliders to the case company's measured conversion rates."""
        from crmlessons import datasets

        history = self._history if self._history is not None else datasets.load_stage_history()
        self.set_rates(funnel.case_rates(history))

    @property
    def result(self) -> funnel.FunnelPlan:
        """The :class:`crmlessons.funnel.FunnelPlan` for the current sliders."""
        return funnel.explore(self.prospects.value, [s.value / 100 for s in self.rates], target=self.target.value,
                              confidence=self.confidence.value, n_runs=self._n_runs)

    @shows_errors(lambda self: self.status)
    def update(self) -> None:
        """Recompute the plan from the sliders and redraw the figures and the chart."""
        if self._hold:
            return
        plan = self.result
        deals = plan.expected_deals
        lines = [i18n.t("funnel_w_expected", deals=f"{deals:.1f}", prospects=self.prospects.value,
                        rate=plan.overall_rate),
                 i18n.t("funnel_w_range", level=plan.level, runs=len(plan.deals), low=plan.low[-1], high=plan.high[-1]),
                 i18n.t("funnel_w_chance", target=plan.target, share=plan.chance_of_target)]
        self.summary.value = "<br>".join(lines)
        if plan.target == 0:
            self.plan.value = i18n.t("funnel_w_plan_zero")
        elif plan.needed is None:
            self.plan.value = i18n.t("funnel_w_plan_none")
        else:
            self.plan.value = i18n.t("funnel_w_plan", confidence=plan.confidence, target=plan.target,
                                     needed=plan.needed, naive=plan.naive)
        if self._picture is None or self._picture.language != i18n.get_language():
            self._picture = FunnelPicture(plan.stages, plan.level, len(plan.deals))
        self.chart.value = self._picture.render(plan)


class FunnelPicture:
    """The widget's chart, drawn for speed: axes, labels and titles once; an update redraws only the data.

    The same picture as :func:`crmlessons.plots.funnel.funnel_chart` beside
    :func:`crmlessons.plots.funnel.deals_distribution`, but the static parts are kept as a background
    bitmap and the bars and numbers are blitted on top (matplotlib's blitting), so a slider move costs a
    few milliseconds of drawing plus the PNG encoding.

    Examples
    --------
    >>> from crmlessons import funnel
    >>> plan = funnel.explore()
    >>> png = FunnelPicture(plan.stages, plan.level, len(plan.deals)).render(plan)
    >>> png[:4] == b"\\x89PNG"
    True
    """

    MAX_BARS = 60

    def __init__(self, stages, level: float, runs: int):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.patches import Rectangle
        from matplotlib.transforms import blended_transform_factory

        from crmlessons.plots import PALETTE

        self.language = i18n.get_language()
        fig = new_figure(CHART_SIZE)
        fig.set_layout_engine(None)
        self.canvas = FigureCanvasAgg(fig)
        left, right = fig.subplots(1, 2, width_ratios=[1.6, 1],
                                   gridspec_kw={"left": 0.15, "right": 0.98, "bottom": 0.16, "top": 0.9, "wspace": 0.12})
        n = len(stages)
        # left panel: the funnel, bar widths as shares of the widest (the x axis has no scale)
        left.set_xlim(-0.52, 1.38)
        left.set_ylim(n - 0.5, -0.7)
        left.set_yticks(range(n), [category_label(s, "stage") for s in stages])
        left.set_xticks([])
        left.spines[["top", "right", "bottom"]].set_visible(False)
        left.set_title(i18n.t("funnel_title"))
        left.set_xlabel(i18n.t("funnel_rate_note") + "\n" + i18n.t("funnel_range", level=level), fontsize=8,
                        loc="left")
        self.band = [Rectangle((0, i - 0.4), 0, 0.8, color=PALETTE[5], alpha=0.35, animated=True) for i in range(n)]
        self.low = [Rectangle((0, i - 0.4), 0, 0.8, fill=False, edgecolor=PALETTE[0], lw=1, animated=True)
                    for i in range(n)]
        self.bars = [Rectangle((0, i - 0.275), 0, 0.55, color=PALETTE[0], animated=True) for i in range(n)]
        for patch in (*self.band, *self.low, *self.bars):
            left.add_patch(patch)
        self.numbers = [left.text(0.58, i, "", va="center", ha="left", fontsize=9, animated=True) for i in range(n)]
        # right panel: deals in the simulated funnels
        right.set_xlim(-0.04, 1.04)
        right.set_ylim(0, 1.25)
        right.set_xticks([])
        right.set_yticks([])
        right.spines[["top", "right", "left"]].set_visible(False)
        right.set_title(i18n.t("funnel_deals_title", runs=runs))
        right.set_xlabel(i18n.t("funnel_deals_x"), labelpad=16)
        self.hist = [Rectangle((0, 0), 0, 0, color=PALETTE[7], alpha=0.8, animated=True) for _ in range(self.MAX_BARS)]
        for patch in self.hist:
            right.add_patch(patch)
        self.target_line = right.axvline(0.5, color=PALETTE[3], lw=1.5, ls="--", animated=True)
        self.target_text = right.text(0.98, 1.2, "", ha="right", va="top", fontsize=9, color=PALETTE[3], animated=True,
                                      transform=right.transData)
        below = blended_transform_factory(right.transData, right.transAxes)
        self.ticks = [right.text(0, -0.03, "", ha="center", va="top", fontsize=9, transform=below, animated=True)
                      for _ in range(3)]
        self.left, self.right = left, right
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(fig.bbox)

    @staticmethod
    def _number(value: float) -> str:
        return f"{value:,.0f}" if abs(value) >= 10 or value == round(value) else f"{value:.1f}"

    def render(self, plan: funnel.FunnelPlan) -> bytes:
        """Draw ``plan`` on the kept background and return PNG bytes."""
        import numpy as np

        from crmlessons.plots import PALETTE

        top = max(max(plan.high), max(plan.expected), 1e-9)
        previous = None
        for i, (value, low, high) in enumerate(zip(plan.expected, plan.low, plan.high)):
            self.band[i].set_bounds(-high / top / 2, i - 0.4, high / top, 0.8)
            self.low[i].set_bounds(-low / top / 2, i - 0.4, low / top, 0.8)
            self.bars[i].set_bounds(-value / top / 2, i - 0.275, value / top, 0.55)
            text = self._number(value) + (f" ({low:,}-{high:,})" if low != high else "")
            if previous is not None:
                rate = value / previous if previous > 0 else 0.0
                text = f"↓{rate:.0%}   " + text
            self.numbers[i].set_text(text)
            previous = value
        deals = np.asarray(plan.deals)
        lo, hi = int(deals.min()), int(deals.max())
        width = max(1, -(-(hi - lo + 1) // self.MAX_BARS))
        shares = np.bincount((deals - lo) // width) / deals.size
        span = max(len(shares), 1)
        scale = 1.0 / max(float(shares.max()), 1e-9)

        def x_of(deal: float) -> float:
            return (deal - lo) / width / span

        for j, patch in enumerate(self.hist):
            if j < len(shares):
                start = lo + j * width
                patch.set_bounds(j / span + 0.075 / span, 0, 0.85 / span, shares[j] * scale)
                patch.set_color(PALETTE[2] if plan.target and start >= plan.target else PALETTE[7])
                patch.set_visible(True)
            else:
                patch.set_visible(False)
        target_visible = bool(plan.target) and lo <= plan.target <= hi + width
        self.target_line.set_visible(target_visible)
        if target_visible:
            self.target_line.set_xdata([x_of(plan.target)] * 2)
        if plan.target:
            self.target_text.set_text(i18n.t("funnel_target_line", target=plan.target) + "\n" +
                                      i18n.t("funnel_reach_target", target=plan.target, share=plan.chance_of_target))
        else:
            self.target_text.set_text("")
        marks = sorted({lo, hi} | ({plan.target} if target_visible else set()))
        for tick, mark in zip(self.ticks, [*marks, None, None]):
            if mark is None:
                tick.set_text("")
            else:
                tick.set_text(f"{mark:,}")
                tick.set_x(x_of(mark) + 0.5 / span * width if mark != plan.target else x_of(mark))
        self.canvas.restore_region(self.background)
        for artist in (*self.band, *self.low, *self.bars, *self.numbers):
            self.left.draw_artist(artist)
        for artist in (*[p for p in self.hist if p.get_visible()], self.target_line, self.target_text, *self.ticks):
            if artist.get_visible():
                self.right.draw_artist(artist)
        return canvas_png(self.canvas)


def funnel_widget(**kwargs) -> FunnelWidget:
    """Return the funnel widget (see :class:`FunnelWidget` for the options)."""
    return FunnelWidget(**kwargs)


def _move_rate(widget: FunnelWidget, i: int) -> None:
    widget.rates[i % len(widget.rates)].value = 40.0 + (i % 7) * 5


#: Update-latency cases for scripts/benchmark.py: (label, make the widget, change a control).
BENCHMARK = [
    ("funnel: move the prospects slider (2,000 simulated funnels)", FunnelWidget,
     lambda w, i: setattr(w.prospects, "value", 100 + 10 * (i % 40))),
    ("funnel: move a stage conversion slider", FunnelWidget, _move_rate),
    ("funnel: move the target slider", FunnelWidget, lambda w, i: setattr(w.target, "value", 1 + i % 30)),
]
