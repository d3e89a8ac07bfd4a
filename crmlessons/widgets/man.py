"""The MAN qualifier (lesson 03): enter a lead's facts or pick a lead, see its combination, the action
and how leads like it ended.

The computation is :func:`crmlessons.man.qualify_one`; the figures of similar leads are computed
once per widget (:func:`crmlessons.man.combination_outcomes`), so an update is a lookup, and the chart
is the lesson's :func:`crmlessons.plots.man.combination_bars`, recoloured by its update hook.

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
from crmlessons.checks import require_table
from crmlessons.widgets.base import (CHART_SIZE, CourseWidget, FastChart, coloured, money, new_figure, shows_errors,
                                     slider, status_area)

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
    "man_w_similar_won": ("Won deals took <b>{cycle:.0f}</b> days (median) and were worth <b>{value}</b> "
                          "(median).", "成交用时中位数 <b>{cycle:.0f}</b> 天，成交金额中位数 <b>{value}</b>。"),
    "man_w_similar_none": ("None of them was won.", "其中没有一条成交。"),
    "man_w_similar_empty": ("No lead of the data has this combination.", "数据中没有这种组合的线索。"),
    "man_w_lead_facts": ("Facts of lead {lead}: budget {budget}, deal value {value}.",
                         "线索 {lead} 的信息：预算 {budget}，商机金额 {value}。"),
    "man_w_unknown": ("not disclosed", "未透露"),
    "man_w_no_lead": ("lead_id must be one of the leads in the drop-down; got {lead!r}",
                      "lead_id 必须是下拉列表中的线索之一；收到的是 {lead!r}"),
})

#: The columns of ``leads`` the qualifier reads (the MAN facts, the outcome and the cohort).
LEAD_COLUMNS = ("lead_id", "outcome", "created_date", "cycle_days", *man.FACTS)
#: Chart margins: fixed, so that the first draw needs no layout engine.
MARGINS = {"left": 0.1, "right": 0.98, "top": 0.92, "bottom": 0.14}


def _labels(column: str, codes) -> list[tuple[str, str]]:
    from crmlessons.plots import category_label

    return [(category_label(c, column), c) for c in codes]


def _lead_ids(lead_ids, leads) -> list[str]:
    """The drop-down's leads: the open ones by default, else ``lead_ids`` checked against ``leads``."""
    if lead_ids is None:
        return sorted(leads.loc[leads["outcome"].astype(object).eq("open"), "lead_id"])
    if isinstance(lead_ids, str) or not hasattr(lead_ids, "__iter__"):
        raise TypeError(f"lead_ids must be a list of lead ids such as ['L03981']; got {type(lead_ids).__name__} "
                        f"{lead_ids!r}")
    lead_ids = list(lead_ids)
    unknown = [i for i in lead_ids if i not in set(leads["lead_id"])]
    if unknown:
        raise ValueError(f"lead_ids must be leads of the table; these are not: {unknown[:5]}")
    return lead_ids


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
        leads = require_table(leads, "leads", "leads", LEAD_COLUMNS)
        self.outcomes = man.combination_outcomes(leads)
        lead_ids = _lead_ids(lead_ids, leads)
        chosen = leads[leads["lead_id"].isin(lead_ids)].drop_duplicates("lead_id")
        self._facts = {row["lead_id"]: man.plain_facts(row) for row in chosen[["lead_id", *man.FACTS]].to_dict("records")}
        self._extra: dict = {}
        self.last: dict = {}
        self._controls(lead_ids)
        self.result = widgets.HTML()
        self.result.add_class("crm-qualifier-result")
        self.similar = widgets.HTML()
        self.similar.add_class("crm-qualifier-similar")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(max_width="720px"))
        self.chart.add_class("crm-qualifier-chart")
        self.status = status_area("qualifier")
        self._picture = None
        super().__init__([self.lead, self.money, self.authority, self.need, self.timeline,
                          self.result, self.similar, self.chart, self.status],
                         name="qualifier", title=i18n.t("man_w_title"))
        self.start()

    def _controls(self, lead_ids) -> None:
        self.lead = widgets.Dropdown(options=[(i18n.t("man_w_own_facts"), "")] + [(i, i) for i in lead_ids],
                                     value="", description=i18n.t("man_w_lead"))
        self.money = widgets.ToggleButtons(options=_labels("purchasing_power", man.PURCHASING_POWER), value="high",
                                           description=i18n.t("man_w_money"))
        self.authority = widgets.ToggleButtons(options=_labels("decision_power", man.DECISION_POWER),
                                               value="decision_maker", description=i18n.t("man_w_authority"))
        self.need = slider("need_strength", 5, 1, 5, 1, whole=True, description=i18n.t("man_w_need"))
        self.need.continuous_update = True
        self.timeline = widgets.Dropdown(options=_labels("timeline", man.TIMELINES), value="within_3_months",
                                         description=i18n.t("man_w_timeline"))
        for name, control in [("lead", self.lead), ("money", self.money), ("authority", self.authority),
                              ("need", self.need), ("timeline", self.timeline)]:
            control.style.description_width = "130px"
            control.add_class(f"crm-qualifier-{name}")
        self.on(self.lead, lambda: self.pick(self.lead.value))
        for control in (self.money, self.authority, self.need, self.timeline):
            self.on(control, self._edited)

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
        with self.quietly():
            for key, value in facts.items():
                controls[key].value = value
            self._clear_lead()
        self.update()

    @shows_errors()
    def pick(self, lead_id: str) -> None:
        """Show the lead ``lead_id`` (``""`` = enter your own facts), as choosing it in the drop-down does."""
        if lead_id and lead_id not in self._facts:
            raise ValueError(i18n.t("man_w_no_lead", lead=lead_id))
        with self.quietly():
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
        self.update()

    def _clear_lead(self) -> None:
        self._extra = {}
        if self.lead.value != "":
            self.lead.value = ""

    def _edited(self) -> None:
        with self.quietly():
            self._clear_lead()  # edited facts are no longer that lead's
        self.update()

    # --- the update ---------------------------------------------------------------------
    @shows_errors()
    def update(self) -> None:
        """Recompute the result from the controls and redraw (a lookup for similar leads)."""
        result = man.qualify_one(purchasing_power=self.money.value, decision_power=self.authority.value,
                                 need_strength=self.need.value, timeline=self.timeline.value,
                                 outcomes=self.outcomes, **self._extra)
        self.last = result
        self.result.value = self._result_html(result)
        self.similar.value = self._similar_html(result)
        self.chart.value = self._frame(result["combination"])

    def _result_html(self, r: dict) -> str:
        def letter(ch: str, present: bool) -> str:
            return coloured(ch if present else ch.lower(), "good" if present else "bad")

        code = "+".join(letter(ch, r[ch]) for ch in "MAN")
        rows = "".join(
            f'<li>{html.escape(i18n.t(key))}: <b>{coloured(i18n.t("man_w_present" if r[ch] else "man_w_absent"), "good" if r[ch] else "bad")}'
            f'</b></li>' for ch, key in (("M", "man_money"), ("A", "man_authority"), ("N", "man_need")))
        lead = ""
        if self._extra:
            def amount(x):
                return i18n.t("man_w_unknown") if x is None else money(x)

            text = i18n.t("man_w_lead_facts", lead=self.lead.value, budget=amount(self._extra["budget_cny"]),
                          value=amount(self._extra["deal_value_cny"]))
            lead = f"<div>{coloured(text, 'muted')}</div>"
        return (f'<div style="font-size:1.15em"><span class="crm-qualifier-code" style="font-size:2em;'
                f'font-weight:bold;font-family:monospace">{code}</span>'
                f'<ul style="margin:2px 0">{rows}</ul>'
                f'<div><b>{html.escape(i18n.t("man_w_action"))}:</b> {html.escape(r["action"])}</div>'
                f'<div><b>{html.escape(i18n.t("man_w_score"))}:</b> {r["score"]:.1f} / 100 &nbsp; '
                f'<b>{html.escape(i18n.t("man_w_bant"))}:</b> <span style="font-family:monospace">'
                f'{html.escape(r["bant"])}</span></div>{lead}</div>')

    def _similar_html(self, r: dict) -> str:
        if not r.get("leads"):
            return f'<div>{html.escape(i18n.t("man_w_similar_empty"))}</div>'
        won = int(round(r["win_rate"] * r["leads"]))
        text = i18n.t("man_w_similar", before=man.COHORT_END, n=int(r["leads"]), won=won, rate=r["win_rate"])
        if won and r["median_cycle_days"] is not None:
            text += " " + i18n.t("man_w_similar_won", cycle=r["median_cycle_days"],
                                 value=html.escape(money(r["median_deal_value_cny"])))
        else:
            text += " " + html.escape(i18n.t("man_w_similar_none"))
        return f'<div style="font-size:1.05em">{text}</div>'

    def _frame(self, code: str) -> bytes:
        from crmlessons.plots.man import combination_bars, update_combination_bars

        if self._picture is None:
            self._ax = combination_bars(self.outcomes, highlight=code, ax=new_figure(CHART_SIZE, MARGINS).subplots())
            self._picture = FastChart(self._ax.figure)
        return self._picture.update({self._ax: (code, lambda: update_combination_bars(self._ax, code))})


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
