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
from crmlessons.widgets.base import CourseWidget, canvas_png, new_figure, shows_errors

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
    "loss_whatif_note": ("Average Hengtai customer: {margin} CNY margin a year, retention {retention}, "
                         "replacement {replacement} CNY. Company-side reasons are the ones the firm controls.",
                         "恒泰平均客户：每年毛利 {margin} 元，保留率 {retention}，替代获客成本 {replacement} 元。"
                         "企业自身原因是企业可以控制的。"),
    "loss_whatif_none": ("Tick at least one reason to see what cutting it is worth.",
                         "至少勾选一个原因，才能看到减少它的价值。"),
    "loss_cny": ("{value} CNY", "{value}元"),
})


def _money(value: float) -> str:
    if i18n.get_language() == "zh":
        return i18n.t("loss_cny", value=f"{value / 1e4:,.1f} 万")
    return i18n.t("loss_cny", value=f"{value:,.0f}")


class LossWhatIf(CourseWidget):
    """Checkboxes of reasons, a reduction slider and a discount slider; figures and a chart.

    Parameters
    ----------
    values : pandas.DataFrame, optional
        ``retention.reason_values(...)``; default: computed from the shipped case data.
    """

    def __init__(self, values=None):
        if values is None:
            from crmlessons import datasets

            case = datasets.load_case()
            values = retention.reason_values(case.losses, case.orders, case.customers, case.spend)
        values = require_table(values, None, "values", retention.VALUE_COLUMNS)
        self.values = values.reset_index(drop=True)
        self.last = None
        self.boxes: dict[str, widgets.Checkbox] = {}
        for reason in self.values["reason"]:
            category = REASON_CATEGORY.get(reason, "")
            box = widgets.Checkbox(value=category == CONTROLLABLE, indent=False,
                                   description=f"{category_label(reason, 'loss_reason')} "
                                               f"({category_label(category, 'loss_category')})",
                                   layout=widgets.Layout(width="auto"))
            box.add_class("crm-loss-whatif-reason")
            box.add_class(f"crm-loss-whatif-reason-{reason}")
            box.observe(self._changed, names="value")
            self.boxes[reason] = box
        self.reduction = widgets.IntSlider(value=20, min=0, max=100, step=5, continuous_update=False,
                                           description=i18n.t("loss_whatif_reduction"),
                                           style={"description_width": "initial"},
                                           layout=widgets.Layout(width="420px"))
        self.reduction.add_class("crm-loss-whatif-reduction")
        self.discount = widgets.IntSlider(value=0, min=0, max=20, step=1, continuous_update=False,
                                          description=i18n.t("loss_whatif_discount"),
                                          style={"description_width": "initial"},
                                          layout=widgets.Layout(width="420px"))
        self.discount.add_class("crm-loss-whatif-discount")
        self.reduction.observe(self._changed, names="value")
        self.discount.observe(self._changed, names="value")
        self.result = widgets.HTML()
        self.result.add_class("crm-loss-whatif-result")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="760px"))
        self.chart.add_class("crm-loss-whatif-chart")
        self.status = widgets.HTML()
        self.status.add_class("crm-loss-whatif-status")
        row = self.values.iloc[0]
        note = widgets.HTML(f"<i>{html.escape(i18n.t('loss_whatif_note', margin=f'{row.margin_per_year:,.0f}', retention=f'{row.retention_rate:.1%}', replacement=f'{row.replacement_cost:,.0f}'))}</i>")
        note.add_class("crm-loss-whatif-note")
        grid = widgets.GridBox(list(self.boxes.values()),
                               layout=widgets.Layout(grid_template_columns="repeat(2, max-content)",
                                                     grid_gap="0 24px"))
        grid.add_class("crm-loss-whatif-reasons")
        heading = widgets.HTML(f"<b>{html.escape(i18n.t('loss_whatif_reasons'))}</b>")
        super().__init__([heading, grid, self.reduction, self.discount, note, self.status, self.result, self.chart],
                         name="loss-whatif", title=i18n.t("loss_whatif_name"))
        self.update()

    def choose(self, reasons) -> None:
        """Tick exactly the reasons in ``reasons`` (as clicks on the checkboxes would), then update once."""
        unknown = [r for r in reasons if r not in self.boxes]
        if unknown:
            raise ValueError(f"reasons must be among {list(self.boxes)}; got {unknown}")
        self._hold = True
        try:
            for reason, box in self.boxes.items():
                box.value = reason in reasons
        finally:
            self._hold = False
        self.update()

    def _changed(self, _change) -> None:
        if not getattr(self, "_hold", False):
            self.update()

    def reductions(self) -> dict:
        """The reductions the controls describe: ticked reason -> slider share."""
        share = self.reduction.value / 100
        return {reason: share for reason, box in self.boxes.items() if box.value}

    @shows_errors(lambda self: self.status)
    def update(self) -> None:
        """Recompute the figures and redraw the chart from the current controls."""
        cuts = self.reductions()
        result = retention.what_if(self.values, cuts, discount_rate=self.discount.value / 100)
        self.last = result
        rows = [("kept", "loss_whatif_kept", f"{result['customers_kept']:.1f}"),
                ("revenue", "loss_whatif_revenue", _money(result["revenue_saved"])),
                ("margin", "loss_whatif_margin", _money(result["margin_saved"])),
                ("replacement", "loss_whatif_replacement", _money(result["replacement_saved"])),
                ("budget", "loss_whatif_budget", _money(result["break_even_budget"]))]
        cells = "".join(f'<tr class="crm-loss-whatif-{key}"><td style="padding-right:16px">{html.escape(i18n.t(label))}'
                        f'</td><td style="text-align:right"><b>{html.escape(text)}</b></td></tr>'
                        for key, label, text in rows)
        empty = "" if cuts else f"<p><i>{html.escape(i18n.t('loss_whatif_none'))}</i></p>"
        self.result.value = f'{empty}<table style="font-size:1.1em">{cells}</table>'
        from crmlessons.plots.loss import update_what_if_chart, what_if_chart

        if getattr(self, "_ax", None) is None:
            self._ax = what_if_chart(self.values, cuts, ax=new_figure((7.5, 3.8)).subplots())
            self._background = None
        update_what_if_chart(self._ax, self.values, cuts)
        self.chart.value = self._render()

    def _render(self) -> bytes:
        """PNG of the chart. The axes, labels and legend are drawn once; an update only redraws the bars."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        ax = self._ax
        fig = ax.figure
        bars = [patch for container in ax.containers for patch in container]
        if self._background is None:
            canvas = FigureCanvasAgg(fig)
            for bar in bars:
                bar.set_animated(True)  # left out of the full draw: the background without bars
            canvas.draw()
            fig.set_layout_engine("none")  # keep this layout for the later updates
            self._background = canvas.copy_from_bbox(fig.bbox)
        canvas = fig.canvas
        canvas.restore_region(self._background)
        for bar in bars:
            ax.draw_artist(bar)
        return canvas_png(canvas)


def what_if(values=None) -> LossWhatIf:
    """Return the lesson 05 what-if widget (figures from the shipped data unless ``values`` is given)."""
    return LossWhatIf(values)


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
