"""The MAN qualifier (lesson 03): enter a lead's facts or pick a lead, see its combination, the action
and how leads like it ended.

The computation is :func:`crmlessons.man.qualify_one`; the figures of similar leads are computed
once per widget (:func:`crmlessons.man.combination_outcomes`) and each chart once per combination and
language, so an update is a lookup.

Examples
--------
>>> w = ManQualifier()
>>> w.set_facts(purchasing_power="low", decision_power="user", need_strength=2)
>>> w.combination
'm+a+n'
>>> w.pick("L03981")
>>> w.combination == w.last["combination"]
True
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from crmlessons import i18n, man
from crmlessons.widgets.base import CHART_DPI, CHART_SIZE, CourseWidget, figure_png, shows_errors

i18n.register({
    "man_w_title": ("MAN qualifier", "MAN 客户资格判断器"),
    "man_w_lead": ("Lead", "线索"),
    "man_w_own_facts": ("(enter your own facts)", "（自己输入信息）"),
    "man_w_money": ("Purchasing power", "购买力"),
    "man_w_authority": ("Contact's role", "联系人角色"),
    "man_w_need": ("Need (1-5)", "需求强度（1-5）"),
    "man_w_timeline": ("Buys when", "采购时间"),
    "man_w_present": ("present", "具备"),
    "man_w_absent": ("absent", "不具备"),
    "man_w_action": ("What to do", "怎么做"),
    "man_w_score": ("Score", "评分"),
    "man_w_bant": ("BANT", "BANT"),
    "man_w_similar": ("Leads with the same combination, created before {before}: <b>{n:,}</b> leads, "
                      "<b>{won:,}</b> won, win rate <b>{rate:.1%}</b>.",
                      "{before} 之前创建、组合相同的线索：共 <b>{n:,}</b> 条，成交 <b>{won:,}</b> 条，"
                      "赢单率 <b>{rate:.1%}</b>。"),
    "man_w_similar_won": ("Won deals took <b>{cycle:.0f}</b> days (median) and were worth <b>{value:,.0f}</b> CNY "
                          "(median).", "成交用时中位数 <b>{cycle:.0f}</b> 天，成交金额中位数 <b>{value:,.0f}</b> 元。"),
    "man_w_similar_none": ("None of them was won.", "其中没有一条成交。"),
    "man_w_similar_empty": ("No lead of the data has this combination.", "数据中没有这种组合的线索。"),
    "man_w_lead_facts": ("Facts of lead {lead}: budget {budget}, deal value {value}.",
                         "线索 {lead} 的信息：预算 {budget}，商机金额 {value}。"),
    "man_w_unknown": ("not disclosed", "未透露"),
    "man_w_cny": ("{x:,.0f} CNY", "{x:,.0f} 元"),
})

_GREEN, _RED = "#1b7a3a", "#a35400"


def _labels(column: str, codes) -> list[tuple[str, str]]:
    from crmlessons.datasets import value_labels

    labels = value_labels(column)
    lang = i18n.get_language()
    return [(labels[c][lang] if c in labels else c, c) for c in codes]


class ManQualifier(CourseWidget):
    """Qualify a lead with MAN: facts in, combination, action, score and similar leads' results out.

    Parameters
    ----------
    leads : pandas.DataFrame, optional
        Table ``leads`` (default: the shipped one). Its cohort gives the "similar leads" figures.
    lead_ids : list of str, optional
        Leads offered in the drop-down (default: the open leads, the ones a salesperson would
        qualify today).
    """

    def __init__(self, leads=None, lead_ids=None):
        if leads is None:
            from crmlessons.datasets import load_leads

            leads = load_leads()
        self.outcomes = man.combination_outcomes(leads)
        if lead_ids is None:
            lead_ids = sorted(leads.loc[leads["outcome"].astype(object).eq("open"), "lead_id"])
        chosen = leads[leads["lead_id"].isin(list(lead_ids))].drop_duplicates("lead_id")
        self._facts = {row["lead_id"]: man.plain_facts(row) for row in chosen[["lead_id", *man.FACTS]].to_dict("records")}
        self._charts: dict[tuple[str, str], bytes] = {}
        self._extra: dict = {}
        self._busy = False
        self.last: dict = {}

        self.lead = widgets.Dropdown(options=[(i18n.t("man_w_own_facts"), "")] + [(i, i) for i in lead_ids],
                                     value="", description=i18n.t("man_w_lead"))
        self.money = widgets.ToggleButtons(options=_labels("purchasing_power", man.PURCHASING_POWER), value="high",
                                           description=i18n.t("man_w_money"))
        self.authority = widgets.ToggleButtons(options=_labels("decision_power", man.DECISION_POWER),
                                               value="decision_maker", description=i18n.t("man_w_authority"))
        self.need = widgets.IntSlider(value=5, min=1, max=5, step=1, description=i18n.t("man_w_need"),
                                      continuous_update=True)
        self.timeline = widgets.Dropdown(options=_labels("timeline", man.TIMELINES), value="within_3_months",
                                         description=i18n.t("man_w_timeline"))
        style = {"description_width": "130px"}
        for name, control in [("lead", self.lead), ("money", self.money), ("authority", self.authority),
                              ("need", self.need), ("timeline", self.timeline)]:
            control.style.description_width = style["description_width"]
            control.add_class(f"crm-qualifier-{name}")
        self.result = widgets.HTML()
        self.result.add_class("crm-qualifier-result")
        self.similar = widgets.HTML()
        self.similar.add_class("crm-qualifier-similar")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(max_width="720px"))
        self.chart.add_class("crm-qualifier-chart")
        self.status = widgets.HTML()
        self.status.add_class("crm-qualifier-status")

        self.lead.observe(lambda change: self.pick(change["new"]), names="value")
        for control in (self.money, self.authority, self.need, self.timeline):
            control.observe(self._edited, names="value")
        super().__init__([self.lead, self.money, self.authority, self.need, self.timeline,
                          self.result, self.similar, self.chart, self.status],
                         name="qualifier", title=i18n.t("man_w_title"))
        for code in man.COMBINATIONS:  # draw every chart once now, so that each update is a lookup
            self._chart(code)
        self.update()

    # --- driving the widget (what a click does) --------------------------------------------
    @property
    def combination(self) -> str:
        """The combination shown now, e.g. ``"M+a+N"``."""
        return self.last.get("combination", "")

    def set_facts(self, **facts) -> None:
        """Set the fact controls (``purchasing_power``, ``decision_power``, ``need_strength``, ``timeline``)
        as a student would, and update once."""
        controls = {"purchasing_power": self.money, "decision_power": self.authority,
                    "need_strength": self.need, "timeline": self.timeline}
        unknown = [k for k in facts if k not in controls]
        if unknown:
            raise TypeError(f"set_facts got unknown fact(s) {unknown}; the facts are {list(controls)}")
        self._busy = True
        try:
            for key, value in facts.items():
                controls[key].value = value
            self._clear_lead()
        finally:
            self._busy = False
        self.update()

    @shows_errors(lambda self: self.status)
    def pick(self, lead_id: str) -> None:
        """Show the lead ``lead_id`` (``""`` = enter your own facts), as choosing it in the drop-down does."""
        if self._busy:
            return
        if lead_id and lead_id not in self._facts:
            raise ValueError(f"lead_id must be one of the leads in the drop-down; got {lead_id!r}")
        self._busy = True
        try:
            self.lead.value = lead_id
            if lead_id:
                facts = self._facts[lead_id]
                self.money.value = facts["purchasing_power"] or "low"
                self.authority.value = facts["decision_power"] or "user"
                self.need.value = facts["need_strength"] or 1
                self.timeline.value = facts["timeline"] or "unknown"
                self._extra = {"budget_cny": facts["budget_cny"], "deal_value_cny": facts["deal_value_cny"]}
            else:
                self._extra = {}
        finally:
            self._busy = False
        self.update()

    def _clear_lead(self) -> None:
        self._extra = {}
        if self.lead.value != "":
            self.lead.value = ""

    def _edited(self, _change) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            self._clear_lead()  # edited facts are no longer that lead's
        finally:
            self._busy = False
        self.update()

    # --- the update ---------------------------------------------------------------------
    @shows_errors(lambda self: self.status)
    def update(self) -> None:
        """Recompute the result from the controls and redraw (a lookup for similar leads and chart)."""
        result = man.qualify_one(purchasing_power=self.money.value, decision_power=self.authority.value,
                                 need_strength=self.need.value, timeline=self.timeline.value,
                                 outcomes=self.outcomes, **self._extra)
        self.last = result
        self.result.value = self._result_html(result)
        self.similar.value = self._similar_html(result)
        self.chart.value = self._chart(result["combination"])

    def _result_html(self, r: dict) -> str:
        def letter(ch: str, present: bool) -> str:
            colour = _GREEN if present else _RED
            return f'<span style="color:{colour}">{ch if present else ch.lower()}</span>'

        code = "+".join(letter(ch, r[ch]) for ch in "MAN")
        rows = "".join(
            f'<li>{html.escape(i18n.t(key))}: <b style="color:{_GREEN if r[ch] else _RED}">'
            f'{html.escape(i18n.t("man_w_present" if r[ch] else "man_w_absent"))}</b></li>'
            for ch, key in (("M", "man_money"), ("A", "man_authority"), ("N", "man_need")))
        lead = ""
        if self._extra:
            fmt = (lambda x: i18n.t("man_w_unknown") if x is None else i18n.t("man_w_cny", x=x))
            text = i18n.t("man_w_lead_facts", lead=self.lead.value, budget=fmt(self._extra["budget_cny"]),
                          value=fmt(self._extra["deal_value_cny"]))
            lead = f'<div style="color:#555">{html.escape(text)}</div>'
        return (f'<div style="font-size:1.15em"><span class="crm-qualifier-code" style="font-size:2em;'
                f'font-weight:bold;font-family:monospace">{code}</span>'
                f'<ul style="margin:2px 0">{rows}</ul>'
                f'<div><b>{html.escape(i18n.t("man_w_action"))}:</b> {html.escape(r["action"])}</div>'
                f'<div><b>{html.escape(i18n.t("man_w_score"))}:</b> {r["score"]:.1f} / 100 &nbsp; '
                f'<b>{html.escape(i18n.t("man_w_bant"))}:</b> <span style="font-family:monospace">{r["bant"]}</span>'
                f'</div>{lead}</div>')

    def _similar_html(self, r: dict) -> str:
        if not r.get("leads"):
            return f'<div>{html.escape(i18n.t("man_w_similar_empty"))}</div>'
        won = int(round(r["win_rate"] * r["leads"]))
        text = i18n.t("man_w_similar", before=man.COHORT_END, n=int(r["leads"]), won=won, rate=r["win_rate"])
        if won and r["median_cycle_days"] is not None:
            text += " " + i18n.t("man_w_similar_won", cycle=r["median_cycle_days"], value=r["median_deal_value_cny"])
        else:
            text += " " + html.escape(i18n.t("man_w_similar_none"))
        return f'<div style="font-size:1.05em">{text}</div>'

    def _chart(self, code: str) -> bytes:
        key = (code, i18n.get_language())
        if key not in self._charts:
            from crmlessons.plots.man import combination_bars

            from matplotlib.figure import Figure

            i18n.setup_fonts()
            # Fixed margins: the constrained layout of new_figure() would double the drawing time.
            fig = Figure(figsize=CHART_SIZE, dpi=CHART_DPI)
            fig.subplots_adjust(left=0.1, right=0.98, top=0.92, bottom=0.14)
            combination_bars(self.outcomes, highlight=code, ax=fig.subplots())
            self._charts[key] = figure_png(fig)
        return self._charts[key]


def qualifier(leads=None, lead_ids=None) -> ManQualifier:
    """Return the MAN qualifier widget (see :class:`ManQualifier`)."""
    return ManQualifier(leads, lead_ids)


#: Every combination and the facts that reach it from the widget's controls.
REACH = {code: {"purchasing_power": "high" if code[0] == "M" else "low",
                "decision_power": "decision_maker" if code[2] == "A" else "influencer",
                "need_strength": 5 if code[4] == "N" else 2} for code in man.COMBINATIONS}


def _cycle(w: ManQualifier, i: int) -> None:
    """One student move: change one control so that the combination changes."""
    step = i % 4
    if step == 0:
        w.money.value = "low" if w.money.value != "low" else "high"
    elif step == 1:
        w.authority.value = "user" if w.authority.value == "decision_maker" else "decision_maker"
    elif step == 2:
        w.need.value = 2 if w.need.value >= 4 else 5
    else:
        w.timeline.value = man.TIMELINES[i % len(man.TIMELINES)]


def _pick(w: ManQualifier, i: int) -> None:
    options = [value for _, value in w.lead.options if value]
    w.lead.value = options[i % len(options)]


#: Update-latency cases for scripts/benchmark.py: (label, make the widget, change a control).
BENCHMARK = [("MAN qualifier: change a fact", ManQualifier, _cycle),
             ("MAN qualifier: pick a lead", ManQualifier, _pick)]
