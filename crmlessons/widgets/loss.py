"""What-if widget of lesson 05: pick the loss reasons to work on and by how much; see what it is worth.

The figures behind it are computed once (``retention.reason_values``); each move of a control is
plain arithmetic (``retention.what_if``) plus one small chart.

Examples
--------
>>> w = LossWhatIf()
>>> w.reduction.value = 50
>>> "crm-loss-whatif-kept" in w.result.value
True
>>> w.choose(["lack_of_care"])
>>> bool(w.last["customers_kept"] > 0)
True
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from crmlessons import i18n, retention
from crmlessons.checks import require_table
from crmlessons.loss import CONTROLLABLE, REASON_CATEGORY
from crmlessons.plots import category_label
from crmlessons.widgets.base import (CourseWidget, FastChart, money, new_figure, note, shows_errors, slider,
                                     status_area, value_table)

i18n.register({
    "loss_whatif_name": ("What-if: cutting losses", "假设分析：减少客户流失"),
    "loss_whatif_reasons": ("Reasons to work on", "要改进的流失原因"),
    "loss_whatif_reduction": ("Cut these losses by (%)", "这些流失减少（%）"),
    "loss_whatif_discount": ("Discount rate a year (%)", "年折现率（%）"),
    "loss_whatif_kept": ("Customers kept a year", "每年留住的客户"),
    "loss_whatif_revenue": ("Revenue saved over their relationship", "在整个关系期内保住的收入"),
    "loss_whatif_margin": ("Margin saved over their relationship", "在整个关系期内保住的毛利"),
    "loss_whatif_replacement": ("Replacement cost saved", "节省的替代获客成本"),
    "loss_whatif_budget": ("Break-even budget a year (the most the plan may cost)",
                           "每年盈亏平衡预算（计划最多可花的费用）"),
    "loss_whatif_note": ("Average Hengtai customer: {margin} margin a year, retention {retention}, "
                         "replacement {replacement}. Company-side reasons are the ones the firm controls.",
                         "恒泰平均客户：每年毛利 {margin}，留存率 {retention}，替代获客成本 {replacement}。"
                         "企业自身原因是企业可以控制的。"),
    "loss_whatif_none": ("Tick at least one reason to see what cutting it is worth.",
                         "至少勾选一个原因，才能看到减少它的价值。"),
})

#: The what-if chart's size.
CHART_SIZE = (7.5, 3.8)

#: The discount slider starts at the course's rate (``retention.DISCOUNT_RATE``), in percent.
DISCOUNT_PERCENT = round(retention.DISCOUNT_RATE * 100)


class LossWhatIf(CourseWidget):
    """Checkboxes of reasons, a reduction slider and a discount slider; figures and a chart.

    Parameters
    ----------
    values : pandas.DataFrame, optional
        ``retention.reason_values(...)``; default: computed from the shipped case data.
    reduction : int
        Starting cut of the ticked reasons' losses, in percent (0-100).
    discount : int
        Starting yearly discount rate, in percent (0-20; default the course's rate,
        ``retention.DISCOUNT_RATE``).
    """

    def __init__(self, values=None, *, reduction: int = 20, discount: int = DISCOUNT_PERCENT):
        if values is None:
            from crmlessons import datasets

            case = datasets.load_case()
            values = retention.reason_values(case.losses, case.orders, case.customers, case.spend)
        self.values = require_table(values, None, "values", retention.VALUE_COLUMNS).reset_index(drop=True)
        self.last = None
        look = {"width": "420px", "description_width": "initial"}
        self.reduction = slider("reduction", reduction, 0, 100, 5, whole=True, css="crm-loss-whatif-reduction",
                                description=i18n.t("loss_whatif_reduction"), **look)
        self.discount = slider("discount", discount, 0, 20, 1, whole=True, css="crm-loss-whatif-discount",
                               description=i18n.t("loss_whatif_discount"), **look)
        self.boxes: dict[str, widgets.Checkbox] = {}
        for reason in self.values["reason"]:
            category = REASON_CATEGORY.get(reason, "")
            box = widgets.Checkbox(value=category == CONTROLLABLE, indent=False,
                                   description=f"{category_label(reason, 'loss_reason')} "
                                               f"({category_label(category, 'loss_category')})",
                                   layout=widgets.Layout(width="auto"))
            box.add_class("crm-loss-whatif-reason")
            box.add_class(f"crm-loss-whatif-reason-{reason}")
            self.boxes[reason] = box
        for control in (*self.boxes.values(), self.reduction, self.discount):
            self.on(control, self.update)
        self.result = widgets.HTML()
        self.result.add_class("crm-loss-whatif-result")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="760px"))
        self.chart.add_class("crm-loss-whatif-chart")
        self.status = status_area("loss-whatif")
        self._picture = None
        super().__init__([widgets.HTML(f"<b>{html.escape(i18n.t('loss_whatif_reasons'))}</b>"), self._grid(),
                          self.reduction, self.discount, self._note(), self.status, self.result, self.chart],
                         name="loss-whatif", title=i18n.t("loss_whatif_name"))
        self.start()

    def _grid(self) -> widgets.GridBox:
        grid = widgets.GridBox(list(self.boxes.values()),
                               layout=widgets.Layout(grid_template_columns="repeat(2, max-content)",
                                                     grid_gap="0 24px"))
        grid.add_class("crm-loss-whatif-reasons")
        return grid

    def _note(self) -> widgets.HTML:
        row = self.values.iloc[0]
        text = i18n.t("loss_whatif_note", margin=money(row.margin_per_year), retention=f"{row.retention_rate:.1%}",
                      replacement=money(row.replacement_cost))
        box = widgets.HTML(note(text))
        box.add_class("crm-loss-whatif-note")
        return box

    def choose(self, reasons) -> None:
        """Tick exactly the reasons in ``reasons`` (as clicks on the checkboxes would), then update once."""
        unknown = [r for r in reasons if r not in self.boxes]
        if unknown:
            raise ValueError(f"reasons must be among {list(self.boxes)}; got {unknown}")
        with self.quietly():
            for reason, box in self.boxes.items():
                box.value = reason in reasons
        self.update()

    def reductions(self) -> dict:
        """The reductions the controls describe: ticked reason -> slider share."""
        share = self.reduction.value / 100
        return {reason: share for reason, box in self.boxes.items() if box.value}

    @shows_errors()
    def update(self) -> None:
        """Recompute the figures and redraw the chart from the current controls."""
        cuts = self.reductions()
        result = retention.what_if(self.values, cuts, discount_rate=self.discount.value / 100)
        self.last = result
        rows = [("kept", i18n.t("loss_whatif_kept"), f"{result['customers_kept']:.1f}"),
                ("revenue", i18n.t("loss_whatif_revenue"), money(result["revenue_saved"])),
                ("margin", i18n.t("loss_whatif_margin"), money(result["margin_saved"])),
                ("replacement", i18n.t("loss_whatif_replacement"), money(result["replacement_saved"])),
                ("budget", i18n.t("loss_whatif_budget"), money(result["break_even_budget"]))]
        empty = "" if cuts else f"<p>{note(i18n.t('loss_whatif_none'))}</p>"
        self.result.value = f'{empty}<div style="font-size:1.1em">{value_table(rows, css="crm-loss-whatif")}</div>'
        self.chart.value = self._frame(cuts)

    def _frame(self, cuts: dict) -> bytes:
        from crmlessons.plots.loss import update_what_if_chart, what_if_chart

        if self._picture is None:
            self._ax = what_if_chart(self.values, cuts, ax=new_figure(CHART_SIZE).subplots())
            self._picture = FastChart(self._ax.figure)
        key = tuple(sorted(cuts.items()))  # the discount changes the figures, not the chart
        return self._picture.update({self._ax: (key, lambda: update_what_if_chart(self._ax, self.values, cuts))})


def what_if(values=None, *, reduction: int = 20, discount: int = DISCOUNT_PERCENT) -> LossWhatIf:
    """Return the lesson 05 what-if widget (figures from the shipped data unless ``values`` is given)."""
    return LossWhatIf(values, reduction=reduction, discount=discount)


def _make():
    return LossWhatIf()


def _move(w: LossWhatIf, i: int) -> None:
    if i % 3 == 2:
        reason = list(w.boxes)[i % len(w.boxes)]
        w.boxes[reason].value = not w.boxes[reason].value
    else:
        w.reduction.value = (i * 5) % 105


#: Update-latency cases for scripts/benchmark.py: (label, make the widget, change a control).
BENCHMARK = [("loss what-if: move the reduction slider / tick a reason", _make, _move)]
