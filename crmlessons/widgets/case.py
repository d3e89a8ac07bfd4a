"""The plan builder of the capstone case (lesson 08): make the group's choices, see their expected effects, save the page.

Tick boxes for the target segments, the retention actions and the value factors, a dropdown for the MAN
qualification rule and a slider for the budget share on keeping customers. Every change rebuilds the
:class:`crmlessons.case.Plan` and shows :func:`crmlessons.case.expected_effects` (the figures of the case are
computed once, when the widget is built). A choice the plan does not allow (no segment, four value factors)
is said in words in the status line. "Save the plan" writes :func:`crmlessons.case.plan_page` into the work
folder and says where.

Examples
--------
>>> w = PlanBuilder()
>>> w.factors["price"].value = True
>>> "crm-error" in w.status.value        # three factors are fine
False
>>> w.factors["energy"].value = True     # a fourth is not
>>> "2 or 3" in w.status.value
True
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets

from crmlessons import case as capstone
from crmlessons import i18n
from crmlessons.widgets.base import CourseWidget, card, shows_errors, slider, status_area

i18n.register({
    "plan_w_title": ("Plan builder: our choices and their expected effects", "方案构建器：我们的选择及其预期效果"),
    "plan_w_rule": ("Pursue", "跟进"),
    "plan_w_rule_min": ("leads with at least {n} of M, A, N", "至少具备 M、A、N 中 {n} 项的线索"),
    "plan_w_rule_all": ("every lead", "所有线索"),
    "plan_w_rule_given": ("as given: {codes}", "按给定组合：{codes}"),
    "plan_w_keep": ("Budget on keeping", "保留预算占比"),
    "plan_w_save": ("Save the plan", "保存方案"),
    "plan_w_saved": ("Saved the plan to {name} in your work folder: open it in a browser to print it.",
                     "方案已保存到学习文件夹中的 {name}：用浏览器打开即可打印。"),
    "plan_w_saved_elsewhere": ("Saved the plan to {name}.", "方案已保存到 {name}。"),
    "plan_w_need_one": ("Tick at least one of the {what}.", "请至少勾选一项{what}。"),
    "plan_w_factor_count": ("Tick 2 or 3 value factors; {n} are ticked.", "请勾选 2 或 3 个价值因素；现在勾选了 {n} 个。"),
    "plan_w_not_saved": ("The plan was not saved: fix the choices first.", "方案未保存：请先修正所做的选择。"),
})

#: The qualification dropdown: (minimum number of factors, label key). The rule "as given" is added for a
#: starting plan whose combinations are not a minimum.
RULES = ((3, "plan_w_rule_min"), (2, "plan_w_rule_min"), (1, "plan_w_rule_min"), (0, "plan_w_rule_all"))

#: The starting choices when no plan is given: a neutral place to begin, not the model answer.
START = dict(segments=("champions",), qualification=3, retention_actions=("complaint_desk",),
             value_factors=("service", "image"))


def _rule_of(combinations: tuple) -> int | tuple:
    """The dropdown's value for a plan's combinations: a minimum of factors when they are one, else the tuple."""
    for least, _ in RULES:
        if capstone.Plan(["champions"], least, 0.5, ["care_plan"], ["price", "service"]).qualification == combinations:
            return least
    return combinations


class PlanBuilder(CourseWidget):
    """Controls for each choice of a plan, its expected effects live, and a button that saves the plan's page.

    Parameters
    ----------
    case : datasets.Case, optional
        The case tables; default ``datasets.load_case()`` (the group's variant after ``use_variant``).
    plan : crmlessons.case.Plan, optional
        The starting choices; default :data:`START` with the firm's own budget split (rounded to 5 %).
    group : str or int, optional
        The group's name or number, for the saved page's title and file name.

    CSS classes: root ``crm-widget crm-plan``; controls ``crm-plan-segment-<code>``, ``crm-plan-rule``,
    ``crm-plan-keep``, ``crm-plan-action-<code>``, ``crm-plan-factor-<code>``, ``crm-plan-save``; outputs
    ``crm-plan-result`` (the effects), ``crm-plan-saved`` and ``crm-plan-status`` (invalid choices, in words).
    """

    def __init__(self, case=None, *, plan=None, group=None):
        self._given = case  # None: the page is written from the data in use, as the title then says
        self.case = capstone._case(case)
        self.group = capstone._group(group)
        self.facts = capstone.diagnosis_facts(self.case)  # computes and caches the case's figures once
        start = plan if plan is not None else self._start_plan()
        if not isinstance(start, capstone.Plan):
            raise TypeError(f"plan must be a crmlessons.case.Plan or None; got {type(start).__name__}")
        self.segments = self._boxes("segments", "segment", start.segments)
        self.actions = self._boxes("retention_actions", "action", start.retention_actions)
        self.factors = self._boxes("value_factors", "factor", start.value_factors)
        self.rule = self._rule(start.qualification)
        self.keep = slider("keep_share", round(start.keep_share, 2), 0.0, 1.0, 0.01, css="crm-plan-keep",
                           description=i18n.t("plan_w_keep"), readout_format=".0%", width="520px",
                           description_width="180px")
        self.save_button = widgets.Button(description=i18n.t("plan_w_save"), icon="save")
        self.save_button.add_class("crm-plan-save")
        self.saved = widgets.HTML()
        self.saved.add_class("crm-plan-saved")
        self.result = widgets.HTML()
        self.result.add_class("crm-plan-result")
        self.status = status_area("plan")
        for control in (*self.segments.values(), *self.actions.values(), *self.factors.values(), self.rule, self.keep):
            self.on(control, self.update)
        self.on_click(self.save_button, self.save)
        super().__init__([widgets.HTML(f"<b>{html.escape(i18n.t('plan_w_title'))}</b>"),
                          self._group_box("segments", self.segments), widgets.HBox([self.rule]), self.keep,
                          self._group_box("retention_actions", self.actions),
                          self._group_box("value_factors", self.factors), self.status, self.result,
                          widgets.HBox([self.save_button, self.saved])],
                         name="plan", title=i18n.t("plan_w_title"))
        self.plan: capstone.Plan | None = None
        self.start()

    # -- building -----------------------------------------------------------------------------------

    def _start_plan(self) -> capstone.Plan:
        keep = round(round(self.facts["budget_keep_share"] / 0.05) * 0.05, 2)
        return capstone.Plan(keep_share=keep, **START)

    @staticmethod
    def _boxes(field: str, css: str, ticked: tuple) -> dict:
        boxes = {}
        for code, names in capstone.CHOICES[field].items():
            box = widgets.Checkbox(value=code in ticked, description=i18n.pick(names), indent=False,
                                   layout=widgets.Layout(width="auto"))
            box.add_class(f"crm-plan-{css}-{code}")
            boxes[code] = box
        return boxes

    @staticmethod
    def _group_box(field: str, boxes: dict) -> widgets.VBox:
        title = widgets.HTML(f"<b>{html.escape(i18n.pick(capstone.FIELD_NAMES[field]))}</b>")
        return widgets.VBox([title, *boxes.values()])

    @staticmethod
    def _rule(combinations: tuple) -> widgets.Dropdown:
        options = [(i18n.t(key, n=least), least) for least, key in RULES]
        start = _rule_of(combinations)
        if not isinstance(start, int):
            options.append((i18n.t("plan_w_rule_given", codes=", ".join(start)), start))
        rule = widgets.Dropdown(options=options, value=start, description=i18n.t("plan_w_rule"),
                                layout=widgets.Layout(width="520px"))
        rule.add_class("crm-plan-rule")
        return rule

    # -- the plan -----------------------------------------------------------------------------------

    def _problem(self) -> str | None:
        """What the ticks do not allow, in words (None when the plan can be built)."""
        for field, boxes in (("segments", self.segments), ("retention_actions", self.actions)):
            if not any(box.value for box in boxes.values()):
                return i18n.t("plan_w_need_one", what=i18n.pick(capstone.FIELD_NAMES[field]))
        n = sum(box.value for box in self.factors.values())
        if not capstone.FACTOR_COUNT[0] <= n <= capstone.FACTOR_COUNT[1]:
            return i18n.t("plan_w_factor_count", n=n)
        return None

    def current_plan(self) -> capstone.Plan:
        """The plan the controls describe (raises ValueError naming the field when they describe none)."""
        ticked = lambda boxes: [code for code, box in boxes.items() if box.value]  # noqa: E731
        return capstone.Plan(segments=ticked(self.segments), qualification=self.rule.value,
                             keep_share=float(self.keep.value), retention_actions=ticked(self.actions),
                             value_factors=ticked(self.factors))

    @shows_errors()
    def update(self) -> None:
        """Rebuild the plan from the controls and show its expected effects (or what is wrong, in words)."""
        problem = self._problem()
        if problem is not None:
            self.plan, self.result.value = None, ""
            raise ValueError(problem)  # the guard shows it in the status line, in words
        self.plan = self.current_plan()
        table = capstone.expected_effects(self.plan, self.case)
        lang = i18n.get_language()
        rows = "".join(f"<tr class='crm-plan-row-{r['choice']}'><td style='padding:3px 12px 3px 0'>"
                       f"<b>{html.escape(r[f'choice_{lang}'])}</b></td>"
                       f"<td style='padding:3px 12px 3px 0'>{html.escape(r[f'chosen_{lang}'])}</td>"
                       f"<td style='padding:3px 0'>{html.escape(r[f'effect_{lang}'])}</td></tr>"
                       for _, r in table.iterrows())
        self.result.value = card(f"<table>{rows}</table>", css="crm-plan-effects")

    def save(self) -> Path | None:
        """Write the plan's page (:func:`crmlessons.case.plan_page`) and say where, relative to the work folder."""
        from crmlessons.workfolder import work_folder

        if self.plan is None:
            self.saved.value = html.escape(i18n.t("plan_w_not_saved"))
            return None
        path = capstone.plan_page(self.plan, self._given, group=self.group)
        try:
            name = path.relative_to(work_folder()).as_posix()
            self.saved.value = html.escape(i18n.t("plan_w_saved", name=name))
        except ValueError:
            self.saved.value = html.escape(i18n.t("plan_w_saved_elsewhere", name=path.name))
        return path


#: Update-latency cases for scripts/benchmark.py: (label, make the widget, change a control).
BENCHMARK = [
    ("plan builder: move the budget slider", PlanBuilder,
     lambda w, i: setattr(w.keep, "value", round((i % 20) * 0.05, 2))),
    ("plan builder: tick a retention action", PlanBuilder,
     lambda w, i: setattr(w.actions["care_plan"], "value", not w.actions["care_plan"].value)),
    ("plan builder: change the qualification rule", PlanBuilder,
     lambda w, i: setattr(w.rule, "value", [least for least, _ in RULES][i % len(RULES)])),
]
