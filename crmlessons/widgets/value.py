"""Widgets of lesson 06: the delivered-value balance, the CLV calculator and the RFM segment explorer.

Each widget computes with ``crmlessons.value`` (pure functions) and draws with ``crmlessons.plots.value``
(the chart function once, its update hook on every move, through a ``FastChart``).

- :func:`value_balance`: Hengtai's offer (its customers' survey means) against a competitor's (the course's
  scenario, :data:`crmlessons.value.COMPETITOR_DIFFERENCE`, labelled as such); sliders apply the three
  levers (financial, social, structural) and the customer picks the higher delivered value.
- :func:`clv_calculator`: margin, retention, discount rate, years and the cost of winning a customer ->
  CLV, the most worth spending to win and to keep one, and the curve. The sliders start at Hengtai's own
  figures from ``strategy.firm_settings`` (lesson 01's simulator): margin per customer-year, the share of
  customers kept a year, acquisition spend per customer won; the discount rate is the course's.
- :func:`segment_explorer`: pick an RFM segment -> its customers, its share of customers and of margin,
  their alive probabilities (BG/NBD, ``crmlessons.clv``), the suggested action.

Examples
--------
>>> w = clv_calculator(margin=50_000, retention=0.9, acquisition_cost=20_000)
>>> before = w.result.value
>>> w.retention.value = 80.0
>>> w.result.value != before and bool(w.last["win"] < w.last["keep"])
True
"""

from __future__ import annotations

import functools
import html

import ipywidgets as widgets
import numpy as np
import pandas as pd

from crmlessons import i18n, strategy, value
from crmlessons.checks import require_choice, require_flag, tables
from crmlessons.datasets.rules import YEARS
from crmlessons.retention import DISCOUNT_RATE
from crmlessons.widgets.base import (CourseWidget, FastChart, card, coloured, money, new_figure, note, shows_errors,
                                     slider, status_area, value_table)

i18n.register({
    "vb_title": ("Delivered value: Hengtai's offer against a competitor's", "客户让渡价值：恒泰与竞争对手的方案对比"),
    "vb_financial": ("Financial benefits (%)", "财务利益（%）"),
    "vb_social": ("Social benefits (%)", "社交利益（%）"),
    "vb_structural": ("Structural ties (%)", "结构性联系（%）"),
    "vb_copied": ("The competitor matches financial benefits", "竞争对手跟进财务利益"),
    "vb_ours": ("Hengtai's delivered value", "恒泰的客户让渡价值"),
    "vb_theirs": ("Competitor's delivered value", "竞争对手的客户让渡价值"),
    "vb_lead": ("Hengtai's lead", "恒泰领先"),
    "vb_pick_ours": ("The customer picks Hengtai.", "客户会选择恒泰。"),
    "vb_pick_theirs": ("The customer picks the competitor.", "客户会选择竞争对手。"),
    "vb_pick_tie": ("A tie: the customer sees no difference.", "两者相同：客户看不出差别。"),
    "vb_levers": ("Each lever alone at full strength moves Hengtai's lead by: {gains}.",
                  "每个手段单独全力使用时，恒泰的领先幅度变化：{gains}。"),
    "vb_copied_note": (" (copied)", "（被跟进）"),
    "vb_separator": (", ", "，"),
    "vb_note": ("Hengtai's parts: the means of {n} customers' survey answers (1-5). The competitor: a course "
                "scenario (a cheaper rival), not data. The lever sizes are the course's.",
                "恒泰各部分：{n} 位客户调查回答的平均分（1-5 分）。竞争对手：课程假设情景（价格更低的对手），"
                "不是数据。各手段的作用大小是课程设定的。"),
    "clv_w_title": ("CLV calculator: what a customer is worth, and the most to spend on winning or keeping one",
                    "客户终身价值计算器：一位客户值多少，赢得或留住一位客户最多值得花多少"),
    "clv_w_margin": ("Margin a year per customer (CNY)", "每位客户每年毛利（元）"),
    "clv_w_retention": ("Retention rate (%)", "留存率（%）"),
    "clv_w_discount": ("Discount rate a year (%)", "年折现率（%）"),
    "clv_w_years": ("Years", "年数"),
    "clv_w_cost": ("Cost of winning a customer (CNY)", "开发一位新客户的成本（元）"),
    "clv_w_clv": ("CLV over {years} years", "{years} 年的客户终身价值"),
    "clv_w_ceiling": ("CLV with no time limit", "不限年限的客户终身价值"),
    "clv_w_win": ("Most worth spending to win a new customer", "赢得一位新客户最多值得花费"),
    "clv_w_keep": ("Most worth spending to keep one who would leave (CLV + a replacement's cost)",
                   "留住一位要流失的客户最多值得花费（客户终身价值 + 替代获客成本）"),
    "clv_w_payback": ("A new customer pays back his acquisition in year {year}.", "新客户在第 {year} 年收回获客成本。"),
    "clv_w_no_payback": ("Within {years} years a new customer does not pay back his acquisition.",
                         "{years} 年内新客户收不回获客成本。"),
    "clv_w_defaults": ("The sliders start at Hengtai's own figures (lesson 01's simulator, {years}): margin "
                       "{margin} per customer-year, {retention} of customers kept a year, {cost} spent per "
                       "customer won and {keep} per customer kept. The discount rate is the course's.",
                       "滑块初始值是恒泰自己的数据（第 01 课的模拟器，{years} 年）：每位客户每年毛利 {margin}，"
                       "每年留住 {retention} 的客户，每赢得一位客户花费 {cost}，每留住一位客户花费 {keep}。"
                       "折现率是课程设定的。"),
    "seg_w_title": ("RFM segment explorer: who the customers are, what they bring, what to do",
                    "RFM 细分浏览器：客户是谁、贡献多少、该怎么做"),
    "seg_w_segment": ("Segment", "细分"),
    "seg_w_sort": ("List by", "排序依据"),
    "seg_w_sort_margin": ("margin", "毛利"),
    "seg_w_sort_recent": ("last purchase", "最近一次购买"),
    "seg_w_sort_alive": ("alive probability", "仍活跃概率"),
    "seg_w_shown": ("Customers listed", "列出的客户数"),
    "seg_w_rule": ("Rule (the course's): {rule}", "规则（课程设定）：{rule}"),
    "seg_w_customers": ("Customers", "客户数"),
    "seg_w_customer_share": ("Share of customers", "客户占比"),
    "seg_w_margin_share": ("Share of margin ({years})", "毛利占比（{years} 年）"),
    "seg_w_per_customer": ("Margin per customer", "每位客户毛利"),
    "seg_w_alive": ("Mean probability still a customer", "平均仍活跃概率"),
    "seg_w_action": ("Suggested action: {action}", "建议行动：{action}"),
    "seg_w_customer": ("customer", "客户"),
    "seg_w_margin": ("margin", "毛利"),
    "seg_w_periods": ("weeks with orders", "有订单的周数"),
    "seg_w_since": ("weeks since last order", "距最近一次订单的周数"),
    "seg_w_p_alive": ("P(alive)", "仍活跃概率"),
    "seg_w_empty": ("No customer is in this segment.", "这个细分没有客户。"),
})


#: The years of the order log, as the widgets write them ("2019-2025").
YEAR_SPAN = f"{YEARS[0]}-{YEARS[-1]}"


# ---------------------------------------------------------------------------------------------
# The delivered-value balance

#: The balance chart's size (inches).
BALANCE_SIZE = (8.0, 4.3)
_LEVER_LABELS = {"financial": "vb_financial", "social": "vb_social", "structural": "vb_structural"}


class ValueBalance(CourseWidget):
    """Hengtai's offer against a competitor's: the parts of value and cost, levers, the customer's pick.

    Parameters
    ----------
    survey : pandas.DataFrame, optional
        The survey (``value_*`` and ``cost_*`` columns); default the data in use. Hengtai's offer is its
        means (:func:`crmlessons.value.offer_from_survey`).
    competitor : dict, optional
        The competitor's offer (a score 1-5 per part); default the course's scenario
        (:func:`crmlessons.value.competitor_offer`).
    financial, social, structural : int
        Starting strength of each lever, in percent (0-100).
    copied : bool
        Whether the competitor matches financial benefits (default True: they are easy to copy).

    CSS classes: root ``crm-widget crm-value-balance``; sliders ``crm-value-balance-financial``,
    ``-social``, ``-structural``; checkbox ``crm-value-balance-copied``; outputs ``crm-value-balance-result``,
    ``crm-value-balance-levers``, ``crm-value-balance-chart``.
    """

    def __init__(self, survey=None, *, competitor=None, financial: int = 0, social: int = 0, structural: int = 0,
                 copied: bool = True):
        if survey is None:
            from crmlessons import datasets

            survey = datasets.load_survey()
        self.ours = value.offer_from_survey(survey)
        self.n_answers = len(survey)
        self.competitor = value.competitor_offer(self.ours) if competitor is None else competitor
        value.offer_comparison(self.ours, self.competitor)  # checks the competitor's offer
        look = {"width": "440px", "description_width": "200px"}
        starts = {"financial": financial, "social": social, "structural": structural}
        self.levers = {code: slider(code, starts[code], 0, 100, 10, whole=True, description=i18n.t(label),
                                    css=f"crm-value-balance-{code}", **look)
                       for code, label in _LEVER_LABELS.items()}
        self.copied = widgets.Checkbox(value=require_flag(copied, "copied"), description=i18n.t("vb_copied"),
                                       indent=False, layout=widgets.Layout(width="auto"))
        self.copied.add_class("crm-value-balance-copied")
        for control in (*self.levers.values(), self.copied):
            self.on(control, self.update)
        self.result = widgets.HTML()
        self.result.add_class("crm-value-balance-result")
        self.gains = widgets.HTML()
        self.gains.add_class("crm-value-balance-levers")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="780px"))
        self.chart.add_class("crm-value-balance-chart")
        self.status = status_area("value-balance")
        self._picture = None
        self._gain_tables: dict[bool, pd.DataFrame] = {}
        self.last = None
        text = widgets.HTML(f"<small>{html.escape(i18n.t('vb_note', n=self.n_answers))}</small>")
        super().__init__([widgets.HTML(f"<b>{html.escape(i18n.t('vb_title'))}</b>"), *self.levers.values(),
                          self.copied, text, self.status, self.result, self.gains, self.chart],
                         name="value-balance", title=i18n.t("vb_title"))
        self.start()

    def strengths(self) -> dict:
        """The levers as the sliders set them: lever -> strength (0 to 1)."""
        return {code: control.value / 100 for code, control in self.levers.items()}

    def _gains(self, copied: bool) -> pd.DataFrame:
        """Each lever's gain alone at full strength (computed once for each state of the copy box)."""
        if copied not in self._gain_tables:
            self._gain_tables[copied] = value.lever_gains(self.ours, self.competitor, copied)
        return self._gain_tables[copied]

    @shows_errors()
    def update(self) -> None:
        """Compare the offers under the levers set, and redraw."""
        copied = bool(self.copied.value)
        table = value.offer_comparison(self.ours, self.competitor, self.strengths(), copied)
        self.last = table
        ours, theirs = (float(table.loc["delivered_value", k]) for k in ("ours", "competitor"))
        lead = ours - theirs
        pick = ("vb_pick_tie", "muted") if abs(lead) < 1e-9 else (
            ("vb_pick_ours", "good") if lead > 0 else ("vb_pick_theirs", "bad"))
        rows = [("ours", i18n.t("vb_ours"), f"{ours:.2f}"), ("theirs", i18n.t("vb_theirs"), f"{theirs:.2f}"),
                ("lead", i18n.t("vb_lead"), f"{lead:+.2f}")]
        self.result.value = (f'{value_table(rows, css="crm-value-balance")}'
                             f'<p style="font-size:1.1em">{coloured(i18n.t(pick[0]), pick[1])}</p>')
        gains = self._gains(copied)
        words = [f"{i18n.pick(value.LEVERS[row.lever])} {row.lead_gain:+.2f}"
                 + (i18n.t("vb_copied_note") if copied and value.LEVERS[row.lever]["copied"] else "")
                 for row in gains.itertuples()]
        self.gains.value = f"<p>{html.escape(i18n.t('vb_levers', gains=i18n.t('vb_separator').join(words)))}</p>"
        self.chart.value = self._frame(table)

    def _frame(self, table: pd.DataFrame) -> bytes:
        from crmlessons.plots.value import balance_chart, update_balance_chart

        if self._picture is None:
            self._ax = balance_chart(table, ax=new_figure(BALANCE_SIZE).subplots())
            self._picture = FastChart(self._ax.figure)
        key = tuple(np.round(table[["ours", "competitor"]].to_numpy(float).ravel(), 9))
        return self._picture.update({self._ax: (key, lambda: update_balance_chart(self._ax, table))})


def value_balance(survey=None, *, competitor=None, financial: int = 0, social: int = 0, structural: int = 0,
                  copied: bool = True) -> ValueBalance:
    """Return the delivered-value balance widget (Hengtai's offer from the survey in use unless ``survey`` is given).

    Examples
    --------
    >>> w = value_balance(structural=100)
    >>> "crm-value-balance-lead" in w.result.value
    True
    """
    return ValueBalance(survey, competitor=competitor, financial=financial, social=social, structural=structural,
                        copied=copied)


# ---------------------------------------------------------------------------------------------
# The CLV calculator

#: The calculator's sliders: argument -> (low, high, step, scale, whole, label, CSS suffix, readout format).
CLV_SLIDERS = {
    "margin": (5_000, 200_000, 1_000, 1, True, "clv_w_margin", "margin", None),
    "retention": (0.50, 0.99, 0.005, 100, False, "clv_w_retention", "retention", ".1f"),
    "discount_rate": (0.0, 0.20, 0.01, 100, False, "clv_w_discount", "discount", ".0f"),
    "years": (1, 30, 1, 1, True, "clv_w_years", "years", None),
    "acquisition_cost": (0, 300_000, 1_000, 1, True, "clv_w_cost", "cost", None),
}
#: The CLV chart's size (inches).
CLV_SIZE = (7.5, 4.0)


@functools.lru_cache(maxsize=8)
def _firm_figures(variant) -> tuple:
    """Hengtai's figures for the data variant ``variant``, read once (``strategy.firm_settings``)."""
    from crmlessons import datasets

    settings = strategy.firm_settings(datasets.load_orders(), datasets.load_customers(), datasets.load_spend())
    return tuple(settings.items())


def firm_figures() -> dict:
    """The figures the CLV calculator starts at, from the data in use (``strategy.firm_settings``).

    ``margin`` (margin per customer-year), ``retention`` (the share of customers kept a year,
    ``max_retention``), ``acquisition_cost`` (acquisition spend per customer won, ``cost_new``) and
    ``retention_cost`` (retention spend per customer kept, ``cost_keep``), unrounded.

    Examples
    --------
    >>> figures = firm_figures()
    >>> round(figures["retention"], 3), round(figures["margin"], -3)
    (0.955, 73000.0)
    """
    from crmlessons import datasets

    settings = dict(_firm_figures(datasets.current_variant()))
    return {"margin": settings["margin"], "retention": settings["max_retention"],
            "acquisition_cost": settings["cost_new"], "retention_cost": settings["cost_keep"]}


def _on_step(amount: float, low: float, high: float, step: float, whole: bool):
    rounded = min(high, max(low, round(round(amount / step) * step, 10)))
    return int(rounded) if whole else rounded


class ClvCalculator(CourseWidget):
    """Sliders for the margin, retention, discount rate, years and the cost of winning a customer; CLV and the curve.

    Parameters
    ----------
    margin, retention, discount_rate, years, acquisition_cost
        Starting values (ranges in :data:`CLV_SLIDERS`). ``margin``, ``retention`` and
        ``acquisition_cost`` default to Hengtai's own figures (:func:`firm_figures`, rounded to the sliders'
        steps); ``discount_rate`` to the course's rate, ``years`` to 10.

    CSS classes: root ``crm-widget crm-clv``; sliders ``crm-clv-margin``, ``crm-clv-retention``,
    ``crm-clv-discount``, ``crm-clv-years``, ``crm-clv-cost``; outputs ``crm-clv-result``, ``crm-clv-chart``.
    """

    def __init__(self, *, margin=None, retention=None, discount_rate=DISCOUNT_RATE, years=10, acquisition_cost=None):
        given = {"margin": margin, "retention": retention, "acquisition_cost": acquisition_cost}
        firm = firm_figures() if any(v is None for v in given.values()) else None
        starts = {"discount_rate": discount_rate, "years": years}
        for key, amount in given.items():
            if amount is None:
                low, high, step, _scale, whole, *_rest = CLV_SLIDERS[key]
                amount = _on_step(firm[key], low, high, step, whole)
            starts[key] = amount
        self.firm = firm
        self.controls = {}
        for key, (low, high, step, scale, whole, label, css, fmt) in CLV_SLIDERS.items():
            self.controls[key] = slider(key, starts[key], low, high, step, scale=scale, whole=whole,
                                        description=i18n.t(label), css=f"crm-clv-{css}", readout_format=fmt,
                                        width="560px", description_width="260px")
            self.on(self.controls[key], self.update)
        self.margin, self.retention, self.discount, self.years, self.cost = self.controls.values()
        self.result = widgets.HTML()
        self.result.add_class("crm-clv-result")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="760px"))
        self.chart.add_class("crm-clv-chart")
        self.status = status_area("clv")
        self._picture = None
        self.last = None
        super().__init__([widgets.HTML(f"<b>{html.escape(i18n.t('clv_w_title'))}</b>"), *self.controls.values(),
                          self._defaults_note(), self.status, self.result, self.chart],
                         name="clv", title=i18n.t("clv_w_title"))
        self.start()

    def _defaults_note(self) -> widgets.HTML:
        if self.firm is None:
            return widgets.HTML()
        text = i18n.t("clv_w_defaults", years=YEAR_SPAN, margin=money(self.firm["margin"]),
                      retention=f"{self.firm['retention']:.1%}",
                      cost=money(self.firm["acquisition_cost"]), keep=money(self.firm["retention_cost"]))
        return widgets.HTML(f"<small>{html.escape(text)}</small>")

    def parameters(self) -> dict:
        """The calculator's arguments as the sliders set them (in the functions' units)."""
        return {"margin": float(self.margin.value), "retention": self.retention.value / 100,
                "discount_rate": self.discount.value / 100, "years": int(self.years.value),
                "acquisition_cost": float(self.cost.value)}

    @shows_errors()
    def update(self) -> None:
        """Recompute the CLV and the most worth spending, and redraw the curve."""
        p = self.parameters()
        spend = value.max_spend(p["margin"], p["retention"], p["discount_rate"], p["years"], p["acquisition_cost"])
        ceiling = value.simple_clv(p["margin"], p["retention"], p["discount_rate"])
        curve = value.clv_curve(p["margin"], p["retention"], p["discount_rate"], p["years"])
        self.last = {**spend, "ceiling": ceiling}
        rows = [("clv", i18n.t("clv_w_clv", years=p["years"]), money(spend["clv"])),
                ("ceiling", i18n.t("clv_w_ceiling"), money(ceiling)),
                ("win", i18n.t("clv_w_win"), money(spend["win"])),
                ("keep", i18n.t("clv_w_keep"), money(spend["keep"]))]
        reached = curve.loc[curve["cumulative"] >= p["acquisition_cost"], "year"]
        payback = (coloured(i18n.t("clv_w_payback", year=int(reached.iloc[0])), "good") if len(reached)
                   else coloured(i18n.t("clv_w_no_payback", years=p["years"]), "bad"))
        self.result.value = (f'<div style="font-size:1.1em">{value_table(rows, css="crm-clv")}</div>'
                             f"<p>{payback}</p>")
        self.chart.value = self._frame(curve, spend["win"], p["acquisition_cost"], ceiling)

    def _frame(self, curve, win: float, cost: float, ceiling: float) -> bytes:
        from crmlessons.plots.value import clv_chart, update_clv_chart

        first = self._picture is None
        if first:
            self._ax = clv_chart(curve, win=win, cost=cost, ceiling=ceiling, ax=new_figure(CLV_SIZE).subplots())
            self._ax.set_xlim(0, CLV_SLIDERS["years"][1] + 0.5)  # the years slider moves the curve, never the axis
            self._picture = FastChart(self._ax.figure)
        moved = update_clv_chart(self._ax, curve, win=win, cost=cost, ceiling=ceiling)
        top = max(ceiling, win, cost, float(curve["cumulative"].max())) / i18n.money_scale()
        _low, high = self._ax.get_ylim()
        rescale = not (top <= high and top >= 0.45 * high)  # the lines fill the chart and stay inside it
        if rescale:
            self._ax.set_ylim(0, top * 1.15 or 1.0)
        return self._picture.frame(moved, full=first or rescale)


def clv_calculator(*, margin=None, retention=None, discount_rate=DISCOUNT_RATE, years=10,
                   acquisition_cost=None) -> ClvCalculator:
    """Return the CLV calculator (margin, retention and acquisition cost default to Hengtai's own figures).

    Examples
    --------
    >>> w = clv_calculator(years=5)
    >>> w.years.value, w.retention.value
    (5, 95.5)
    """
    return ClvCalculator(margin=margin, retention=retention, discount_rate=discount_rate, years=years,
                         acquisition_cost=acquisition_cost)


# ---------------------------------------------------------------------------------------------
# The segment explorer

#: The segment chart's size (inches).
SEGMENT_SIZE = (7.5, 4.2)
_SORTS = ("margin", "recent", "alive")


def _alive_probabilities(summary: pd.DataFrame) -> pd.Series | None:
    """Each customer's probability of being alive under a BG/NBD model fitted to ``summary`` (None without clv)."""
    try:
        from crmlessons import clv
    except ImportError:  # the probabilistic models are not installed: the explorer shows no alive probabilities
        return None
    return clv.p_alive(clv.fit_bgnbd(summary), summary)


class SegmentExplorer(CourseWidget):
    """Pick an RFM segment: its share of customers and of margin, its customers, their alive probability, the action.

    Parameters
    ----------
    orders : pandas.DataFrame, optional
        The order log; default the data in use. The segments come from ``value.rfm_segments`` of its
        ``value.rfm_summary`` (weeks, margin), the margins from ``value.historic_value``.
    alive : pandas.Series or bool, optional
        Each customer's probability of still being a customer (indexed by ``customer_id``); default (None) a
        BG/NBD model fitted to the summary (``crmlessons.clv``); False: none shown.
    segment : str
        The segment shown first (:data:`crmlessons.value.SEGMENTS`).
    sort : {"margin", "recent", "alive"}
        How the segment's customers are listed: by margin, by last purchase, by alive probability (lowest first).
    shown : int
        How many customers are listed (5-30).

    CSS classes: root ``crm-widget crm-segments``; controls ``crm-segments-segment`` (dropdown),
    ``crm-segments-sort``, ``crm-segments-shown``; outputs ``crm-segments-result``, ``crm-segments-listing``,
    ``crm-segments-chart``.
    """

    def __init__(self, orders=None, alive=None, *, segment: str = "cannot_lose", sort: str = "margin", shown: int = 10):
        if orders is None:
            from crmlessons import datasets

            orders = datasets.load_orders()
        self.summary = value.rfm_summary(orders)
        self.segments = value.rfm_segments(self.summary)
        self.margins = value.historic_value(orders)["margin_cny"]
        if alive is None:
            alive = _alive_probabilities(self.summary)
        elif alive is False:
            alive = None
        self.alive = alive
        self.table = value.segment_table(self.segments, self.margins, alive).set_index("segment")
        require_choice(segment, "segment", list(value.SEGMENTS))
        sorts = _SORTS if alive is not None else _SORTS[:2]
        require_choice(sort, "sort", sorts)
        options = [(i18n.pick(spec), code) for code, spec in value.SEGMENTS.items()]
        self.segment = widgets.Dropdown(options=options, value=segment, description=i18n.t("seg_w_segment"),
                                        layout=widgets.Layout(width="420px"))
        self.segment.add_class("crm-segments-segment")
        self.sort = widgets.ToggleButtons(options=[(i18n.t(f"seg_w_sort_{s}"), s) for s in sorts], value=sort,
                                          description=i18n.t("seg_w_sort"))
        self.sort.add_class("crm-segments-sort")
        self.shown = slider("shown", shown, 5, 30, 5, whole=True, description=i18n.t("seg_w_shown"),
                            css="crm-segments-shown")
        for control in (self.segment, self.sort, self.shown):
            self.on(control, self.update)
        self.result, self.customers = widgets.HTML(), widgets.HTML()
        self.result.add_class("crm-segments-result")
        self.customers.add_class("crm-segments-listing")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="760px"))
        self.chart.add_class("crm-segments-chart")
        self.status = status_area("segments")
        self._picture = None
        super().__init__([widgets.HTML(f"<b>{html.escape(i18n.t('seg_w_title'))}</b>"), self.segment, self.sort,
                          self.shown, self.status, self.result, self.chart, self.customers],
                         name="segments", title=i18n.t("seg_w_title"))
        self.start()

    def _card(self, code: str) -> str:
        row, spec = self.table.loc[code], value.SEGMENTS[code]
        rows = [("customers", i18n.t("seg_w_customers"), f"{int(row['customers']):,}"),
                ("customer-share", i18n.t("seg_w_customer_share"), f"{row['customer_share']:.1%}"),
                ("margin-share", i18n.t("seg_w_margin_share", years=YEAR_SPAN), f"{row['margin_share']:.1%}")]
        if row["customers"] > 0:
            rows.append(("per-customer", i18n.t("seg_w_per_customer"), money(row["margin_per_customer"])))
        if "p_alive" in row.index and row["customers"] > 0:
            rows.append(("alive", i18n.t("seg_w_alive"), f"{row['p_alive']:.0%}"))
        lang = i18n.get_language()
        body = (f"<p>{note(i18n.t('seg_w_rule', rule=spec[f'rule_{lang}']))}</p>{value_table(rows, css='crm-segments')}"
                f"<p>{html.escape(i18n.t('seg_w_action', action=spec[f'action_{lang}']))}</p>")
        return card(body, title=i18n.pick(spec), css="crm-segments-card")

    def _customer_rows(self, code: str) -> pd.DataFrame:
        ids = self.segments.index[self.segments.astype(object) == code]
        rows = self.summary.loc[ids, ["frequency", "recency", "T"]].copy()
        rows["margin"] = self.margins.reindex(ids).to_numpy(float)
        rows["since"] = rows["T"] - rows["recency"]
        if self.alive is not None:
            rows["alive"] = self.alive.reindex(ids).to_numpy(float)
        by = {"margin": ("margin", False), "recent": ("since", True), "alive": ("alive", True)}[self.sort.value]
        return rows.sort_values(by[0], ascending=by[1], kind="stable").head(int(self.shown.value))

    def _customer_list(self, code: str) -> str:
        rows = self._customer_rows(code)
        if rows.empty:
            return f"<p>{note(i18n.t('seg_w_empty'))}</p>"
        heads = ["seg_w_customer", "seg_w_margin", "seg_w_periods", "seg_w_since"]
        heads += ["seg_w_p_alive"] if self.alive is not None else []
        cell = '<td style="text-align:right;padding:0 10px">{}</td>'
        lines = []
        for customer, row in rows.iterrows():
            cells = [html.escape(str(customer)), html.escape(money(row["margin"])), f"{int(row['frequency']) + 1}",
                     f"{int(row['since'])}"] + ([f"{row['alive']:.0%}"] if self.alive is not None else [])
            lines.append("<tr>" + "".join(cell.format(c) for c in cells) + "</tr>")
        head = "".join(f'<th style="text-align:right;padding:0 10px">{html.escape(i18n.t(h))}</th>' for h in heads)
        return f'<table class="crm-segments-list"><tr>{head}</tr>{"".join(lines)}</table>'

    @shows_errors()
    def update(self) -> None:
        """Show the picked segment: its figures, its customers and the chart with it highlighted."""
        code = self.segment.value
        self.result.value = self._card(code)
        self.customers.value = self._customer_list(code)
        self.chart.value = self._frame(code)

    def _frame(self, code: str) -> bytes:
        from crmlessons.plots.value import segment_chart, update_segment_chart

        if self._picture is None:
            self._ax = segment_chart(self.table.reset_index(), highlight=code, ax=new_figure(SEGMENT_SIZE).subplots())
            self._picture = FastChart(self._ax.figure)
        return self._picture.update({self._ax: (code, lambda: update_segment_chart(self._ax, code))})


@tables(orders=["customer_id", "order_date", "amount_cny", "margin_cny"])
def segment_explorer(orders=None, alive=None, *, segment: str = "cannot_lose", sort: str = "margin",
                     shown: int = 10) -> SegmentExplorer:
    """Return the RFM segment explorer (segments of the order log in use unless ``orders`` is given).

    Examples
    --------
    >>> w = segment_explorer(alive=False, segment="champions")
    >>> "crm-segments-card" in w.result.value
    True
    """
    if alive is not None and alive is not False and not isinstance(alive, pd.Series):
        raise TypeError(f"alive must be a pandas Series of probabilities indexed by customer_id, None or False; "
                        f"got {type(alive).__name__}")
    return SegmentExplorer(orders, alive, segment=segment, sort=sort, shown=shown)


def _move_balance(w: ValueBalance, i: int) -> None:
    if i % 4 == 3:
        w.copied.value = not w.copied.value
    else:
        w.levers[list(w.levers)[i % 3]].value = (i * 10) % 110


def _move_clv(w: ClvCalculator, i: int) -> None:
    controls = [w.margin, w.retention, w.years]
    steps = [lambda: 40_000 + 5_000 * (i % 10), lambda: 85.0 + (i % 20) * 0.5, lambda: 1 + i % 30]
    controls[i % 3].value = steps[i % 3]()


def _move_segments(w: SegmentExplorer, i: int) -> None:
    if i % 3 == 2:
        w.sort.value = w.sort.options[i % len(w.sort.options)][1]
    else:
        w.segment.value = list(value.SEGMENTS)[i % len(value.SEGMENTS)]


#: Update-latency cases for scripts/benchmark.py: (label, make the widget, change a control).
BENCHMARK = [
    ("value balance: move a lever slider / tick the copy box", ValueBalance, _move_balance),
    ("CLV calculator: move the margin, retention and years sliders", ClvCalculator, _move_clv),
    ("segment explorer: pick a segment / change the sort", lambda: SegmentExplorer(alive=False), _move_segments),
]
