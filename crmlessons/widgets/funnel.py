"""The funnel widget: prospects and stage conversion rates as sliders; the funnel, chance and a plan.

The computation is :func:`crmlessons.funnel.explore`; this module only reads the sliders and shows
its result. The chart is the lesson's own two charts, :func:`crmlessons.plots.funnel.funnel_chart`
beside :func:`~crmlessons.plots.funnel.deals_distribution`, moved by their update hooks.

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

import ipywidgets as widgets

from crmlessons import funnel, i18n
from crmlessons.checks import require_number, require_table
from crmlessons.plots import category_label
from crmlessons.plots import funnel as funnel_plots
from crmlessons.widgets.base import CourseWidget, FastChart, new_figure, note, shows_errors, slider, status_area

i18n.register({
    "funnel_widget": ("Success funnel", "成功漏斗"),
    "funnel_w_prospects": ("Prospects", "潜在客户数"),
    "funnel_w_rate": ("→ {stage} (%)", "→ {stage}（%）"),
    "funnel_w_target": ("Target deals", "目标成交数"),
    "funnel_w_confidence": ("Confidence", "把握程度"),
    "funnel_w_source": ("Source's 100 → 5, course's stages", "资料的 100 → 5，本课程的中间阶段"),
    "funnel_w_source_tip": ("The Key-account CRM course: of 100 prospects 80, 50 or 20 reach talking business and 5 "
                            "or fewer close. The stages in between (80 contacted, 50 talking business, 20 proposal, "
                            "10 negotiation) are the course's.",
                            "《大客户关系管理教程》：100 个潜在客户中有 80、50 或 20 个进入谈生意阶段，最后成交 5 个或更少。"
                            "中间的各阶段（80 个已接触、50 个谈生意、20 个方案报价、10 个商务谈判）是本课程设定的。"),
    "funnel_w_case": ("Hengtai's own rates", "恒泰公司的实际转化率"),
    "funnel_w_rates_head": ("Share of the stage before that moves on:", "进入下一阶段的比例（相对上一阶段）："),
    "funnel_w_expected": ("Expected deals: <b>{deals}</b> of {prospects:,} prospects (overall rate {rate:.1%}).",
                          "预期成交：{prospects:,} 个潜在客户中成交 <b>{deals}</b> 家（总赢单率 {rate:.1%}）。"),
    "funnel_w_range": ("Chance alone: in {level:.0%} of {runs:,} simulated funnels the deals fall between "
                       "<b>{low}</b> and <b>{high}</b>.",
                       "随机波动：{runs:,} 次模拟中有 {level:.0%} 的成交数落在 <b>{low}</b> 到 <b>{high}</b> 之间。"),
    "funnel_w_chance": ("Chance of at least {target} deals with these prospects: <b>{share:.0%}</b>.",
                        "以当前潜在客户数至少成交 {target} 家的概率：<b>{share:.0%}</b>。"),
    "funnel_w_plan": ("To be {confidence:.0%} sure of at least {target} deals you need <b>{needed:,} prospects</b>; "
                      "target ÷ rate alone says {naive:,.0f}, which reaches the target only about half the time.",
                      "要有 {confidence:.0%} 的把握至少成交 {target} 家，需要 <b>{needed:,} 个潜在客户</b>；"
                      "只用“目标 ÷ 赢单率”得到 {naive:,.0f} 个，大约只有一半的机会达到目标。"),
    "funnel_w_plan_none": ("With an overall rate of 0% no number of prospects reaches the target: raise a stage rate.",
                           "总赢单率为 0%，多少潜在客户都达不到目标：请提高某个阶段的转化率。"),
    "funnel_w_plan_zero": ("A target of 0 deals needs no prospects.", "目标为 0 家时不需要潜在客户。"),
    "funnel_w_no_decided": ("The stage history has no decided leads (leads created before {before}), so Hengtai's "
                            "own rates cannot be measured; the sliders stay as they are.",
                            "阶段记录中没有已有结果的线索（{before} 之前创建的线索），无法算出恒泰公司的实际转化率；"
                            "滑块保持不变。"),
})

#: The funnel widget's chart size (two panels side by side) and its fixed margins.
CHART_SIZE = (9.0, 4.2)
MARGINS = {"left": 0.15, "right": 0.98, "bottom": 0.16, "top": 0.9, "wspace": 0.12}


def _chart_axes():
    """Return the widget's figure and its two Axes (funnel, deals), laid out as the widget shows them."""
    fig = new_figure(CHART_SIZE, margins=MARGINS)
    left, right = fig.subplots(1, 2, width_ratios=[1.6, 1])
    return fig, left, right


def _draw_plan(plan: funnel.FunnelPlan, left, right) -> None:
    """Draw ``plan`` with the lesson's charts: the funnel with its chance range, and the deals."""
    funnel_plots.funnel_chart(plan.expected, ranges=(plan.low, plan.high), level=plan.level, ax=left)
    funnel_plots.deals_distribution(plan.deals, target=plan.target or None, ax=right)


class FunnelWidget(CourseWidget):
    """Sliders for prospects, each stage's conversion, a target and a confidence; funnel chart and plan.

    Parameters
    ----------
    rates : sequence of float, optional
        Starting stage-to-stage conversion rates (0-1), one per stage after the first; default:
        the course's example chain (:data:`crmlessons.funnel.SOURCE_RATES`: the Key-account CRM
        course's 100 prospects and 5 deals, with stages in between that are the course's).
    prospects : int
        Starting prospects (10-1000).
    target : int
        Starting target deals (0-50).
    confidence : float
        Starting confidence (0.5-0.99).
    history : pandas.DataFrame, optional
        The stage history behind the "Hengtai's own rates" button (default: the shipped one).
    n_runs : int
        Simulated funnels per update (1-1,000,000).
    """

    def __init__(self, rates=funnel.SOURCE_RATES, prospects: int = 100, target: int = 5,
                 confidence: float = 0.9, *, history=None, n_runs: int = 2000):
        if history is not None:
            history = require_table(history, "stage_history", "history", ["lead_id", "stage_order", "entered_date"],
                                    empty_ok=True)
        self._history = history
        self._n_runs = int(require_number(n_runs, "n_runs", low=1, high=1_000_000, integer=True))
        stages = funnel.STAGES
        rates = self._starting_rates(rates, len(stages) - 1)
        look = {"width": "560px", "description_width": "190px"}
        self.prospects = slider("prospects", prospects, 10, 1000, 10, whole=True, css="crm-funnel-prospects",
                                description=i18n.t("funnel_w_prospects"), **look)
        self.rates = []
        for i, (stage, rate) in enumerate(zip(stages[1:], rates)):
            control = slider(f"rates[{i}]", rate, 0, 1, 0.005, scale=100, readout_format=".1f",
                             css=f"crm-funnel-rate-{stage.replace('_', '-')}", **look,
                             description=i18n.t("funnel_w_rate", stage=category_label(stage, "stage")))
            control.add_class("crm-funnel-rate")
            self.rates.append(control)
        self.target = slider("target", target, 0, 50, 1, whole=True, css="crm-funnel-target",
                             description=i18n.t("funnel_w_target"), **look)
        self.confidence = slider("confidence", confidence, 0.5, 0.99, 0.01, readout_format=".0%",
                                 css="crm-funnel-confidence", description=i18n.t("funnel_w_confidence"), **look)
        self._build_outputs()
        for control in (self.prospects, *self.rates, self.target, self.confidence):
            self.on(control, self.update)
        self.on_click(self.source_button, lambda: self.set_rates(funnel.SOURCE_RATES, prospects=100))
        self.on_click(self.case_button, self.use_case_rates)
        head = widgets.HTML(note(i18n.t("funnel_w_rates_head")))
        super().__init__([self.prospects, head, *self.rates, self.target, self.confidence,
                          widgets.HBox([self.source_button, self.case_button]),
                          self.status, self.summary, self.plan, self.chart],
                         name="funnel", title=i18n.t("funnel_widget"))
        self.start()

    @staticmethod
    def _starting_rates(rates, n: int) -> list:
        if isinstance(rates, (str, bytes)) or not hasattr(rates, "__iter__"):
            raise TypeError(f"rates must be a list of {n} conversion rates between 0 and 1; "
                            f"got {type(rates).__name__} {rates!r}")
        rates = list(rates)
        if len(rates) != n:
            raise ValueError(f"rates must give {n} conversion rates (one per stage after the first); "
                             f"got {len(rates)}: {rates}")
        return rates

    def _build_outputs(self) -> None:
        self.source_button = widgets.Button(description=i18n.t("funnel_w_source"), tooltip=i18n.t("funnel_w_source_tip"),
                                            layout=widgets.Layout(width="auto"))
        self.source_button.add_class("crm-funnel-source")
        self.case_button = widgets.Button(description=i18n.t("funnel_w_case"), layout=widgets.Layout(width="auto"))
        self.case_button.add_class("crm-funnel-case")
        self.summary = widgets.HTML()
        self.summary.add_class("crm-funnel-summary")
        self.plan = widgets.HTML()
        self.plan.add_class("crm-funnel-plan")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="860px"))
        self.chart.add_class("crm-funnel-chart")
        self.status = status_area("funnel")
        self._picture = None
        self._measured_rates = None  # the case company's rates, measured at the first click

    @shows_errors()
    def set_rates(self, rates, prospects: int | None = None) -> None:
        """Move the stage sliders to ``rates`` (0-1) at once, redrawing a single time."""
        rates = [require_number(r, f"rates[{i}]", low=0, high=1) for i, r in enumerate(self._starting_rates(
            rates, len(self.rates)))]
        with self.quietly():
            for control, rate in zip(self.rates, rates):
                control.value = round(100 * float(rate), 1)
            if prospects is not None:
                self.prospects.value = prospects
        self.update()

    @shows_errors()
    def use_case_rates(self) -> None:
        """Set the stage sliders to the case company's measured conversion rates."""
        self.set_rates(self._case_rates())

    def _case_rates(self) -> tuple:
        """The case company's rates, measured on the widget's stage history once (it does not change)."""
        from crmlessons import datasets

        if self._measured_rates is None:
            history = self._history if self._history is not None else datasets.load_stage_history()
            if len(history) == 0 or funnel.stage_counts(history).iloc[0] == 0:
                raise ValueError(i18n.t("funnel_w_no_decided", before=funnel.COHORT_END))
            self._measured_rates = funnel.case_rates(history)
        return self._measured_rates

    @property
    def result(self) -> funnel.FunnelPlan:
        """The :class:`crmlessons.funnel.FunnelPlan` for the current sliders."""
        return funnel.explore(self.prospects.value, [s.value / 100 for s in self.rates], target=self.target.value,
                              confidence=self.confidence.value, n_runs=self._n_runs)

    @shows_errors()
    def update(self) -> None:
        """Recompute the plan from the sliders and redraw the figures and the chart."""
        plan = self.result
        lines = [i18n.t("funnel_w_expected", deals=f"{plan.expected_deals:.1f}", prospects=self.prospects.value,
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
        self.chart.value = self._frame(plan)

    def _frame(self, plan: funnel.FunnelPlan) -> bytes:
        """The chart: each panel moved by its plot hook, and only when what it shows changed."""
        if self._picture is None:
            fig, left, right = _chart_axes()
            _draw_plan(plan, left, right)
            self._picture = FastChart(fig)
            self._axes = (left, right)
        left, right = self._axes
        funnel_key = (self.prospects.value, *(s.value for s in self.rates), self._n_runs)
        target = plan.target or None
        return self._picture.update({
            left: (funnel_key, lambda: funnel_plots.update_funnel(left, plan.expected, ranges=(plan.low, plan.high))),
            right: ((*funnel_key, target), lambda: funnel_plots.update_deals_distribution(right, plan.deals, target)),
        })


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
