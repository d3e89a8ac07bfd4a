"""The capstone case (lesson 08): diagnose Hengtai, decide a plan, see each choice's expected effect, print it.

Groups work on their own data variant (``datasets.use_variant(N)``; every function here takes ``case=None``,
meaning ``datasets.load_case()``, which follows the variant). Everything is computed by the concept modules'
own functions, so each figure has one home:

- **Diagnose**: :func:`diagnosis_facts` (each figure by name, for exercises to check one by one) and
  :func:`diagnosis` (the same figures as a table: area, lesson, question, number and text);
- **Decide**: :class:`Plan`, the group's choices (target segments, the MAN qualification rule, the budget
  share on keeping customers, retention actions, two or three value factors), checked on construction
  against :data:`CHOICES`, the one vocabulary of the case (bilingual);
- **Expected effects**: :func:`effect_facts` (every figure by name) and :func:`expected_effects` (one row
  per choice, with its basis), each computed by the concept function of the lesson that taught it;
- **Model answer**: :func:`model_plan`, the plan a careful analyst picks from the data (it follows the variant);
- **Present**: :func:`plan_page` writes the plan as one printable HTML page (A4) into the work folder.

Figures are cached per case object (see :func:`diagnosis_facts`), so a widget's controls answer at once.

Examples
--------
>>> plan = Plan(segments=["champions"], qualification=3, keep_share=0.5, retention_actions=["complaint_desk"],
...             value_factors=["product", "price"])
>>> plan.qualification
('M+A+N',)
>>> Plan(segments=["champions"], qualification=3, keep_share=0.5, retention_actions=["complaint_desk"],
...      value_factors=["product"])
Traceback (most recent call last):
...
ValueError: value_factors must name 2 to 3 of ['product', 'service', 'personnel', 'image', 'price', 'time', 'energy', 'psychological']; got 1: ['product']
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Mapping

import numpy as np
import pandas as pd

from crmlessons import ask, funnel, i18n, loss, loyalty, man, retention, strategy, value, webfont
from crmlessons.checks import require_choice, require_number
from crmlessons.datasets.dictionary import value_labels

__all__ = ["FIELDS", "FIELD_NAMES", "CHOICES", "RETENTION_ACTIONS", "FACTOR_COUNT", "Plan",
           "diagnosis_facts", "diagnosis", "effect_facts", "expected_effects", "model_plan", "plan_page"]

# ---------------------------------------------------------------------------------------------
# The vocabulary of the case: one place, bilingual

#: The choices a plan makes, in the order the plan page shows them.
FIELDS = ("segments", "qualification", "keep_share", "retention_actions", "value_factors")

FIELD_NAMES: dict[str, dict[str, str]] = {
    "segments": {"en": "Target segments", "zh": "目标客户细分"},
    "qualification": {"en": "Qualification rule (MAN)", "zh": "客户资格判断规则（MAN）"},
    "keep_share": {"en": "Budget share on keeping customers", "zh": "用于保留老客户的预算占比"},
    "retention_actions": {"en": "Retention actions", "zh": "客户保留行动"},
    "value_factors": {"en": "Value factors to invest in", "zh": "重点投入的价值因素"},
}


def _action(code: str, reason: str, cut: float, en: str, zh: str) -> tuple:
    return code, {"reason": reason, "cut": cut, "en": en, "zh": zh}


#: The retention actions a group may choose, each tied to one loss reason (``loss.REASON_CATEGORY``) and the
#: share of that reason's lost customers it prevents: the course's estimates, not data (the first three and
#: the last are lesson 05's programmes). ``retention.what_if`` prices them.
RETENTION_ACTIONS: dict[str, dict] = dict([
    _action("complaint_desk", "complaint_handling", 0.5,
            "Fix complaint handling: log every complaint and answer it within two working days",
            "改进投诉处理：每项投诉都登记，并在两个工作日内答复"),
    _action("care_plan", "lack_of_care", 0.4, "Care plan: the account manager visits every customer once a quarter",
            "关怀计划：客户经理每季度拜访每位客户一次"),
    _action("communication_training", "communication", 0.3, "Train every salesperson in communication",
            "为全体销售人员开展沟通培训"),
    _action("price_review", "price", 0.3, "Price review: prices and terms checked against competitors' offers",
            "价格复核：对照竞争对手的报价，复核价格和付款条件"),
    _action("product_review", "product", 0.3, "Product review: fix the specification and quality problems "
            "customers name", "产品改进：解决客户提出的规格和质量问题"),
    _action("price_matching", "competitor", 0.3, "Price matching: meet a competitor's offer whenever one "
            "approaches a customer", "价格匹配：竞争对手接触客户时，就按对手的报价供货"),
])

#: How many value factors a plan invests in ("two or three factors decide customer value", E-CRM article).
FACTOR_COUNT = (2, 3)



def _combination_label(code: str, lang: str) -> str:
    return f"{code} ({i18n.t(f'man_short_{code}', lang=lang)})"


_PARTS = {**value.VALUE_PARTS, **value.COST_PARTS}

#: Each field's allowed codes and their names in both languages (``keep_share`` is a number from 0 to 1).
CHOICES: dict[str, dict[str, dict[str, str]]] = {
    "segments": {code: {"en": s["en"], "zh": s["zh"]} for code, s in value.SEGMENTS.items()},
    "qualification": {code: {lang: _combination_label(code, lang) for lang in i18n.LANGUAGES}
                      for code in man.COMBINATIONS},
    "retention_actions": {code: {"en": a["en"], "zh": a["zh"]} for code, a in RETENTION_ACTIONS.items()},
    "value_factors": {part: {"en": spec["en"], "zh": spec["zh"]} for part, spec in _PARTS.items()},
}

i18n.register({
    "case_page_title": ("Hengtai CRM plan: {who}", "恒泰客户关系管理方案：{who}"),
    "case_group": ("group {group}", "第 {group} 组"),
    "case_self": ("self-study", "自学"),
    "case_variant": ("data variant {variant}", "数据变体 {variant}"),
    "case_shipped": ("the shipped data", "课程自带数据"),
    "case_given": ("the data given", "所给数据"),
    "case_diagnosis": ("1. Diagnosis: what the data say", "1. 诊断：数据说明了什么"),
    "case_plan": ("2. Our choices and their expected effects", "2. 我们的选择及其预期效果"),
    "case_reasoning": ("3. Our reasoning", "3. 我们的理由"),
    "case_reasoning_blank": ("(write here)", "（在此书写）"),
    "case_question": ("Question", "问题"),
    "case_lesson": ("Lesson", "课次"),
    "case_result": ("Result", "结果"),
    "case_choice": ("Choice", "选择"),
    "case_chosen": ("What we chose", "所选内容"),
    "case_effect": ("Expected effect", "预期效果"),
    "case_basis": ("Basis", "依据"),
    "case_overall": ("Overall", "总体"),
    "case_footer": ("Hengtai Industrial Supply is a synthetic company: its data were generated for this course "
                    "and some effects were planted in them (datasets.planted_effects()). The expected effects "
                    "follow from the course's models and stated assumptions.",
                    "恒泰工业供应是为本课程虚构的公司：数据由程序生成，其中部分效应是预设的"
                    "（datasets.planted_effects()）。预期效果来自本课程的模型和所列假设。"),
    "case_keep_text": ("{share:.0%} on keeping, {win:.0%} on winning", "{share:.0%} 用于保留，{win:.0%} 用于获客"),
})


# ---------------------------------------------------------------------------------------------
# The plan

def _codes(given, name: str, allowed: Mapping, low: int = 1, high: int | None = None) -> tuple:
    """``given`` (a code or a list of codes) as a tuple in the vocabulary's order, checked."""
    if isinstance(given, str):
        given = (given,)
    if not isinstance(given, (list, tuple, set, frozenset, pd.Series, np.ndarray)):
        raise TypeError(f"{name} must be a list of codes from {list(allowed)}; got {type(given).__name__} {given!r}")
    given = list(given)
    for i, code in enumerate(given):
        require_choice(code, f"{name}[{i}]", list(allowed))
    chosen = tuple(code for code in allowed if code in given)
    top = len(allowed) if high is None else high
    if not low <= len(chosen) <= top:
        raise ValueError(f"{name} must name {low} to {top} of {list(allowed)}; got {len(chosen)}: {list(chosen)}")
    return chosen


def _qualification(given) -> tuple:
    """The MAN combinations pursued: a list of codes (``man.COMBINATIONS``), or a minimum number of factors 0-3."""
    if isinstance(given, (int, np.integer)) and not isinstance(given, (bool, np.bool_)):
        least = int(require_number(int(given), "qualification", low=0, high=3, integer=True))
        return tuple(code for code in man.COMBINATIONS if sum(ch.isupper() for ch in code) >= least)
    if not isinstance(given, (str, list, tuple, set, frozenset)):
        raise TypeError(f"qualification must be a list of MAN combinations from {list(man.COMBINATIONS)} or a "
                        f"minimum number of factors (0 to 3); got {type(given).__name__} {given!r}")
    return _codes(given, "qualification", CHOICES["qualification"])


@dataclass(frozen=True)
class Plan:
    """A group's choices, checked on construction (a bad field raises naming it, the allowed values and what was given).

    Parameters
    ----------
    segments : list of str
        RFM segments to target (codes of ``value.SEGMENTS``; at least one).
    qualification : list of str or int
        The MAN combinations to pursue (``man.COMBINATIONS``), or the minimum number of factors (0-3) a lead
        needs: ``3`` means M+A+N only. Stored as the tuple of combinations.
    keep_share : float
        Share of the sales and marketing budget spent on keeping customers (0 to 1); the rest wins new ones
        (``strategy.simulate``'s ``share_acquisition`` is 1 - keep_share).
    retention_actions : list of str
        Codes of :data:`RETENTION_ACTIONS` (at least one).
    value_factors : list of str
        Two or three parts of customer value or cost (``value.VALUE_PARTS``, ``value.COST_PARTS``).

    Examples
    --------
    >>> Plan(["loyal", "champions"], 2, 0.7, "care_plan", ["price", "service"]).segments
    ('champions', 'loyal')
    >>> Plan(["champions"], 2, 1.5, ["care_plan"], ["price", "service"])
    Traceback (most recent call last):
    ...
    ValueError: keep_share must be between 0 and 1; got 1.5
    """

    segments: tuple
    qualification: tuple
    keep_share: float
    retention_actions: tuple
    value_factors: tuple

    def __post_init__(self):
        checked = {"segments": _codes(self.segments, "segments", CHOICES["segments"]),
                   "qualification": _qualification(self.qualification),
                   "keep_share": float(require_number(self.keep_share, "keep_share", low=0, high=1)),
                   "retention_actions": _codes(self.retention_actions, "retention_actions",
                                               CHOICES["retention_actions"]),
                   "value_factors": _codes(self.value_factors, "value_factors", CHOICES["value_factors"],
                                           *FACTOR_COUNT)}
        for name, checked_value in checked.items():
            object.__setattr__(self, name, checked_value)

    def chosen(self, field: str, lang: str | None = None) -> str:
        """What the plan chose for ``field``, in words (the current language unless ``lang``).

        Examples
        --------
        >>> Plan(["champions"], 3, 0.25, ["care_plan"], ["price", "service"]).chosen("keep_share")
        '25% on keeping, 75% on winning'
        """
        require_choice(field, "field", FIELDS)
        if field == "keep_share":
            return i18n.t("case_keep_text", lang=lang, share=self.keep_share, win=1 - self.keep_share)
        separator = "; " if (lang or i18n.get_language()) == "en" else "；"
        return separator.join(i18n.pick(CHOICES[field][code], lang) for code in getattr(self, field))


# ---------------------------------------------------------------------------------------------
# The figures of a case, computed once per case object

_CACHE: dict = {}
_CACHE_SIZE = 4


def _case(case):
    """The case tables: ``case`` checked, or the data in use (``datasets.load_case()``)."""
    from crmlessons import datasets

    if case is None:
        return datasets.load_case()
    if not isinstance(case, datasets.Case):
        raise TypeError(f"case must be a crmlessons.datasets.Case (datasets.load_case()) or None; got "
                        f"{type(case).__name__}")
    return case


def _build(case) -> dict:
    """Everything the diagnosis, the effects and the model plan read, computed once (about a quarter second)."""
    summary = value.rfm_summary(case.orders)
    margins = value.historic_value(case.orders)["margin_cny"]
    segments = value.rfm_segments(summary)
    settings = strategy.firm_settings(case.orders, case.customers, case.spend)
    codes = man.classify(case.leads).astype(str)
    return {"case": case, "margins": margins, "segments": segments,
            "segment_table": value.segment_table(segments, margins).set_index("segment"),
            "settings": settings, "codes": codes, "outcomes": man.combination_outcomes(case.leads),
            "values": retention.reason_values(case.losses, case.orders, case.customers, case.spend),
            "drivers": value.value_drivers(case.survey), "current": _simulated(settings, settings["share_acquisition"])}


def _context(case) -> dict:
    """The figures of ``case``, cached: by data variant for ``case=None``, else by the case object itself.

    A cached entry is used again only for the same object holding the same table objects; a table changed in
    place is not noticed (build a new ``datasets.Case`` instead).
    """
    from crmlessons import datasets

    if case is None:
        key, tables = ("variant", datasets.current_variant()), None
    else:
        case = _case(case)
        key, tables = ("case", id(case)), tuple(id(t) for t in case.tables.values())
    hit = _CACHE.get(key)
    if hit is not None and (case is None or (hit["case"] is case and hit["tables"] == tables)):
        return hit
    context = _build(_case(case))
    context["tables"] = tables
    while len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = context
    return context


def _simulated(settings: dict, share_acquisition: float) -> pd.Series:
    """The chosen split's last year in ``strategy.simulate`` with the firm's own figures."""
    sim = strategy.simulate(**{**settings, "share_acquisition": float(share_acquisition)})
    return strategy.summary(sim).loc["chosen"]


# ---------------------------------------------------------------------------------------------
# Diagnose

def _value_facts(c: dict) -> dict:
    table = c["segment_table"]
    top = str(table["margin_share"].idxmax())
    return {"value_top20_share": float(value.concentration(c["margins"], top=(0.2,))["margin_share"].iloc[0]),
            "value_top_segment": top, "value_top_segment_share": float(table.loc[top, "margin_share"])}


def _funnel_facts(case) -> dict:
    leak = funnel.biggest_leak(case.stage_history)
    return {"funnel_win_rate": funnel.win_rate(case.leads), "funnel_biggest_leak": leak,
            "funnel_leak_conversion": float(funnel.conversion(case.stage_history).loc[leak, "conversion"])}


def _loss_facts(case) -> dict:
    top = loss.pareto(case.losses, loss_type="customer").iloc[0]
    return {"loss_controllable_share": loss.controllable_share(case.losses, loss_type="customer"),
            "loss_top_reason": str(top["reason"]), "loss_top_reason_share": float(top["share"])}


def _people_facts(case) -> dict:
    counts = loyalty.matrix_counts(loyalty.loyalty_matrix(case.survey)).set_index("group")["share"]
    team = ask.team_profiles(case.salespeople, case.ask_items)[list(ask.DIMENSIONS)].mean()
    weakest = ask.weakest(team)
    return {"loyalty_loyalist_share": float(counts["loyalist"]), "loyalty_defector_share": float(counts["defector"]),
            "ask_weakest": weakest, "ask_weakest_score": float(team[weakest])}


def diagnosis_facts(case=None) -> dict:
    """Each figure of the diagnosis by name: a number, or a code for a figure that names something.

    Parameters
    ----------
    case : datasets.Case, optional
        The case tables; default ``datasets.load_case()`` (the group's variant after ``use_variant``).

    Returns
    -------
    dict
        ``value_top20_share`` (margin share of the top 20 % of customers, ``value.concentration`` of
        ``value.historic_value``), ``value_top_segment`` / ``value_top_segment_share`` (the RFM segment with the
        most margin, ``value.segment_table``), ``funnel_win_rate``, ``funnel_biggest_leak`` /
        ``funnel_leak_conversion`` (``funnel.win_rate``, ``funnel.biggest_leak``, ``funnel.conversion``),
        ``man_full_win_rate`` (``man.combination_outcomes``), ``loss_controllable_share`` and
        ``loss_top_reason`` / ``loss_top_reason_share`` (lost customers: ``loss.controllable_share``,
        ``loss.pareto``), ``loyalty_loyalist_share`` / ``loyalty_defector_share`` (``loyalty.matrix_counts``),
        ``ask_weakest`` / ``ask_weakest_score`` (the team's mean of ``ask.team_profiles``, ``ask.weakest``) and
        ``budget_keep_share`` (share of the budget now spent on keeping: ``strategy.firm_settings``).

    Examples
    --------
    >>> facts = diagnosis_facts()
    >>> facts["funnel_biggest_leak"], round(facts["value_top20_share"], 2)
    ('proposal', 0.67)
    """
    c = _context(case)
    case = c["case"]
    return {**_value_facts(c), **_funnel_facts(case),
            "man_full_win_rate": float(c["outcomes"].loc["M+A+N", "win_rate"]),
            **_loss_facts(case), **_people_facts(case),
            "budget_keep_share": 1.0 - float(c["settings"]["share_acquisition"])}


_AREAS = {"value": ("Customer value", "客户价值"), "funnel": ("Sales funnel", "销售漏斗"),
          "qualification": ("Qualification", "客户资格判断"), "loss": ("Lost customers", "客户流失"),
          "loyalty": ("Loyalty", "客户忠诚"), "ask": ("Sales team (ASK)", "销售团队（ASK）"),
          "budget": ("Winning and keeping", "获客与保留")}

#: The diagnosis' questions: (measure, area, lesson, the fact holding a code or None, the number, its kind,
#: English and Chinese question).
_QUESTIONS = (
    ("value_top20_share", "value", "06", None, "value_top20_share", "share",
     "Share of the margin the top 20% of customers bring", "前 20% 的客户贡献的毛利占比"),
    ("value_top_segment", "value", "06", "value_top_segment", "value_top_segment_share", "share",
     "The RFM segment with the largest share of the margin", "毛利占比最大的 RFM 细分"),
    ("funnel_win_rate", "funnel", "04", None, "funnel_win_rate", "share",
     "Win rate of the decided leads", "已有结果的商机的赢单率"),
    ("funnel_biggest_leak", "funnel", "04", "funnel_biggest_leak", "funnel_leak_conversion", "share",
     "Where the funnel leaks most: the stage fewest leads reach from the stage before",
     "漏斗漏得最多的地方：从上一阶段进入比例最低的阶段"),
    ("man_full_win_rate", "qualification", "03", None, "man_full_win_rate", "share",
     "Win rate of the leads with Money, Authority and Need (M+A+N)", "金钱、权力、需求俱全（M+A+N）的商机的赢单率"),
    ("loss_controllable_share", "loss", "05", None, "loss_controllable_share", "share",
     "Share of lost customers lost for company-side reasons", "因企业自身原因流失的客户占比"),
    ("loss_top_reason", "loss", "05", "loss_top_reason", "loss_top_reason_share", "share",
     "The most frequent reason for losing a customer", "最常见的客户流失原因"),
    ("loyalty_loyalist_share", "loyalty", "07", None, "loyalty_loyalist_share", "share",
     "Share of surveyed customers who are loyalists (satisfied and loyal)", "受访客户中忠诚者（既满意又忠诚）的占比"),
    ("loyalty_defector_share", "loyalty", "07", None, "loyalty_defector_share", "share",
     "Share of surveyed customers who are defectors (neither satisfied nor loyal)",
     "受访客户中叛离者（既不满意也不忠诚）的占比"),
    ("ask_weakest", "ask", "02", "ask_weakest", "ask_weakest_score", "score",
     "The team's weakest ASK dimension (team mean score)", "团队最弱的 ASK 维度（团队平均分）"),
    ("budget_keep_share", "budget", "01", None, "budget_keep_share", "share",
     "Share of the sales and marketing budget now spent on keeping customers", "目前用于保留老客户的营销预算占比"),
)


def _code_label(measure: str, code: str, lang: str) -> str:
    """The name of a code a diagnosis figure gives, in ``lang``."""
    if measure == "value_top_segment":
        return value.SEGMENTS[code][lang]
    if measure == "ask_weakest":
        return ask.dimension_name(code, lang=lang)
    column = {"funnel_biggest_leak": "stage", "loss_top_reason": "reason"}[measure]
    return value_labels(column)[code][lang]


def _number_text(number: float, kind: str) -> str:
    return f"{number:.0f} / 100" if kind == "score" else f"{number:.1%}"


def diagnosis(case=None) -> pd.DataFrame:
    """The diagnosis as a table: one row per question, its figure as a number and as text in both languages.

    Every figure comes from :func:`diagnosis_facts` (the concept modules' functions).

    Returns
    -------
    pandas.DataFrame
        ``measure`` (the key of :func:`diagnosis_facts`), ``area_en``, ``area_zh``, ``lesson``, ``question_en``,
        ``question_zh``, ``value`` (the number: a share, or a 0-100 score) and ``result_en``, ``result_zh`` (the
        answer in words, e.g. "Proposal (39.7%)").

    Examples
    --------
    >>> table = diagnosis()
    >>> table.set_index("measure").loc["funnel_biggest_leak", "result_zh"]
    '方案报价（39.7%）'
    """
    facts = diagnosis_facts(case)
    rows = []
    for measure, area, lesson, code_key, number_key, kind, question_en, question_zh in _QUESTIONS:
        number = float(facts[number_key])
        text = {lang: _number_text(number, kind) for lang in i18n.LANGUAGES}
        if code_key is not None:
            code = facts[code_key]
            text = {"en": f"{_code_label(measure, code, 'en')} ({text['en']})",
                    "zh": f"{_code_label(measure, code, 'zh')}（{text['zh']}）"}
        rows.append({"measure": measure, "area_en": _AREAS[area][0], "area_zh": _AREAS[area][1], "lesson": lesson,
                     "question_en": question_en, "question_zh": question_zh, "value": number,
                     "result_en": text["en"], "result_zh": text["zh"]})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------
# Expected effects

def _plan(plan) -> Plan:
    if not isinstance(plan, Plan):
        raise TypeError(f"plan must be a crmlessons.case.Plan (see model_plan()); got {type(plan).__name__}")
    return plan


def _segment_effect(plan: Plan, c: dict) -> dict:
    table = c["segment_table"].loc[list(plan.segments)]
    return {"customers": int(table["customers"].sum()), "customer_share": float(table["customer_share"].sum()),
            "margin_cny": float(table["margin_cny"].sum()), "margin_share": float(table["margin_share"].sum())}


def _qualification_effect(plan: Plan, c: dict) -> dict:
    leads, outcomes = c["case"].leads, c["outcomes"]
    stopped = man.if_stopped(leads, ~c["codes"].isin(plan.qualification))
    pursued = outcomes.loc[list(plan.qualification)]
    chased = int(pursued["leads"].sum())
    return {"leads_stopped": int(stopped["leads"]), "hours_saved": float(stopped["hours_freed"]),
            "share_of_hours": float(stopped["share_of_hours"]), "wins_lost": int(stopped["wins_lost"]),
            "sales_lost_cny": float(stopped["sales_lost_cny"]),
            "win_rate": float(pursued["won"].sum() / chased) if chased else float("nan"),
            "win_rate_all": float(outcomes["won"].sum() / outcomes["leads"].sum())}


def _budget_effect(plan: Plan, c: dict) -> dict:
    chosen, current = _simulated(c["settings"], 1.0 - plan.keep_share), c["current"]
    return {"customers": float(chosen["customers"]), "cumulative_profit": float(chosen["cumulative_profit"]),
            "current_keep_share": 1.0 - float(c["settings"]["share_acquisition"]),
            "current_customers": float(current["customers"]),
            "profit_gain": float(chosen["cumulative_profit"] - current["cumulative_profit"]),
            "years": int(c["settings"]["years"])}


def _retention_effect(plan: Plan, c: dict) -> dict:
    cuts = {RETENTION_ACTIONS[a]["reason"]: RETENTION_ACTIONS[a]["cut"] for a in plan.retention_actions}
    result = retention.what_if(c["values"], cuts)
    return {"customers_kept": float(result["customers_kept"]), "margin_saved": float(result["margin_saved"]),
            "break_even_budget": float(result["break_even_budget"])}


def _factor_effect(plan: Plan, c: dict) -> dict:
    drivers = c["drivers"].set_index("survey_item")
    share = float(drivers.loc[[_PARTS[p]["column"] for p in plan.value_factors], "share"].sum())
    return {"share": share, "r_squared": float(c["drivers"].attrs["r_squared"])}


_EFFECTS = {"segments": _segment_effect, "qualification": _qualification_effect, "keep_share": _budget_effect,
            "retention_actions": _retention_effect, "value_factors": _factor_effect}


def effect_facts(plan, case=None) -> dict:
    """Every figure of the plan's expected effects, by choice and name (see :func:`expected_effects`).

    Returns
    -------
    dict
        ``segments``: ``customers``, ``customer_share``, ``margin_cny``, ``margin_share`` of the target segments;
        ``qualification``: ``leads_stopped``, ``hours_saved``, ``share_of_hours``, ``wins_lost``,
        ``sales_lost_cny`` (``man.if_stopped`` of the combinations not pursued), ``win_rate`` (of the leads
        pursued) and ``win_rate_all``; ``keep_share``: ``customers`` and ``cumulative_profit`` after ``years``,
        ``current_keep_share``, ``current_customers`` and ``profit_gain`` (against the firm's own split);
        ``retention_actions``: ``customers_kept`` (a year), ``margin_saved``, ``break_even_budget``;
        ``value_factors``: ``share`` (of what the eight items explain) and ``r_squared``.

    Examples
    --------
    >>> plan = Plan(["champions"], 3, 0.5, ["complaint_desk"], ["product", "price"])
    >>> figures = effect_facts(plan)
    >>> figures["qualification"]["win_rate"] > figures["qualification"]["win_rate_all"]
    True
    """
    plan = _plan(plan)
    c = _context(case)
    return {field: effect(plan, c) for field, effect in _EFFECTS.items()}


def _effect_texts(field: str, f: dict, lang: str) -> str:
    m = lambda amount: i18n.money(amount, lang)  # noqa: E731 - a short alias inside the templates
    gain = ("+" if f.get("profit_gain", 0) > 0 else "") + m(f.get("profit_gain", 0))
    texts = {
        "segments": (f"{f.get('customers', 0):,} customers ({f.get('customer_share', 0):.0%} of all), who brought "
                     f"{m(f.get('margin_cny', 0))} of margin so far ({f.get('margin_share', 0):.0%} of it)",
                     f"{f.get('customers', 0):,} 位客户（占全部客户的 {f.get('customer_share', 0):.0%}），"
                     f"迄今贡献毛利 {m(f.get('margin_cny', 0))}（占 {f.get('margin_share', 0):.0%}）"),
        "qualification": (f"{f.get('hours_saved', 0):,.0f} selling hours saved ({f.get('share_of_hours', 0):.0%} "
                          f"of the cohort's) for {f.get('wins_lost', 0)} wins lost ({m(f.get('sales_lost_cny', 0))} "
                          f"of sales); win rate of the leads pursued {f.get('win_rate', 0):.1%} "
                          f"(all leads {f.get('win_rate_all', 0):.1%})",
                          f"节省 {f.get('hours_saved', 0):,.0f} 个销售工时（占这批线索的 {f.get('share_of_hours', 0):.0%}），"
                          f"代价是少赢 {f.get('wins_lost', 0)} 单（销售额 {m(f.get('sales_lost_cny', 0))}）；"
                          f"所跟进线索的赢单率 {f.get('win_rate', 0):.1%}（全部线索 {f.get('win_rate_all', 0):.1%}）"),
        "keep_share": (f"{f.get('customers', 0):,.0f} customers after {f.get('years', 0)} years and "
                       f"{m(f.get('cumulative_profit', 0))} cumulative profit: {gain} against today's split "
                       f"({f.get('current_keep_share', 0):.0%} on keeping)",
                       f"{f.get('years', 0)} 年后有 {f.get('customers', 0):,.0f} 位客户，累计利润 "
                       f"{m(f.get('cumulative_profit', 0))}：与目前的分配（{f.get('current_keep_share', 0):.0%} "
                       f"用于保留）相比 {gain}"),
        "retention_actions": (f"{f.get('customers_kept', 0):.1f} lost customers avoided a year, keeping "
                              f"{m(f.get('margin_saved', 0))} of margin over their relationships (discounted); with "
                              f"the replacements saved, worth up to {m(f.get('break_even_budget', 0))} a year",
                              f"每年少流失 {f.get('customers_kept', 0):.1f} 位客户，在其关系期内保住毛利 "
                              f"{m(f.get('margin_saved', 0))}（折现后）；加上省下的获客费用，每年价值最多 "
                              f"{m(f.get('break_even_budget', 0))}"),
        "value_factors": (f"These factors hold {f.get('share', 0):.1%} of what the eight survey items explain of "
                          f"perceived value (R² {f.get('r_squared', 0):.2f})",
                          f"这些因素占八个调查题项对感知价值解释力的 {f.get('share', 0):.1%}"
                          f"（R² {f.get('r_squared', 0):.2f}）"),
    }
    return texts[field][0 if lang == "en" else 1]


def _cuts_text(lang: str) -> str:
    separator = ", " if lang == "en" else "，"
    return separator.join(f"{value_labels('reason')[a['reason']][lang]} {a['cut']:.0%}" for a in RETENTION_ACTIONS.values())


def _basis(field: str, lang: str) -> str:
    basis = {
        "segments": ("value.rfm_segments of value.rfm_summary and value.segment_table (lesson 06); the margin is "
                     "value.historic_value over the whole order log: what these customers brought, not a forecast.",
                     "第 06 课：value.rfm_summary 的 value.rfm_segments 和 value.segment_table；毛利是整个订单记录上的 "
                     "value.historic_value：这些客户已经带来的毛利，不是预测。"),
        "qualification": ("man.if_stopped (lesson 03) on the decided leads, stopping the combinations not pursued; "
                          "the hours are the course's assumption (man.STAGE_HOURS).",
                          "第 03 课：在已有结果的线索上对不跟进的组合计算 man.if_stopped；工时是本课程的假设"
                          "（man.STAGE_HOURS）。"),
        "keep_share": ("strategy.simulate (lesson 01) with the firm's own figures (strategy.firm_settings); the "
                       "retention with no spend is the course's assumption.",
                       "第 01 课：用企业自己的数据（strategy.firm_settings）运行 strategy.simulate；"
                       "“不投入时的留存率”是本课程的假设。"),
        "retention_actions": (f"retention.what_if (lesson 05) on retention.reason_values, discounted at "
                              f"{retention.DISCOUNT_RATE:.0%} a year; each action prevents the course's estimated share "
                              f"of its cause's losses ({_cuts_text('en')}).",
                              f"第 05 课：在 retention.reason_values 上计算 retention.what_if，按每年 "
                              f"{retention.DISCOUNT_RATE:.0%} 折现；每项行动避免其对应原因流失的比例是本课程的估计"
                              f"（{_cuts_text('zh')}）。"),
        "value_factors": ("value.value_drivers (lesson 06): each item's share of the explained variance of perceived "
                          "value; an association in the survey, not a promise of what investing will bring.",
                          "第 06 课：value.value_drivers，各题项在感知价值被解释部分中所占的份额；"
                          "这是调查中的相关关系，并不保证投入后的效果。"),
    }
    return basis[field][0 if lang == "en" else 1]


#: Each choice's headline figure in :func:`effect_facts` and its unit (English, Chinese).
_HEADLINES = {"segments": ("margin_cny", "CNY of margin", "元毛利"),
              "qualification": ("hours_saved", "selling hours saved", "节省的销售工时"),
              "keep_share": ("cumulative_profit", "CNY of cumulative profit", "元累计利润"),
              "retention_actions": ("customers_kept", "lost customers avoided a year", "每年少流失的客户数"),
              "value_factors": ("share", "share of explained perceived value", "感知价值解释力占比")}


def expected_effects(plan, case=None) -> pd.DataFrame:
    """The plan's expected effects: one row per choice, in the course's own units, with the basis of each.

    Assumptions (each row's ``basis`` says them): segments are valued by the margin they brought so far
    (``value.segment_table``); the qualification rule is priced on the decided leads as if the combinations not
    pursued had been stopped (``man.if_stopped``, hours from ``man.STAGE_HOURS``); the budget split runs in
    ``strategy.simulate`` with the firm's own figures (``strategy.firm_settings``); each retention action
    prevents the course's estimated share of its cause's losses (:data:`RETENTION_ACTIONS`, priced by
    ``retention.what_if``); a value factor's effect is its share of what explains perceived value
    (``value.value_drivers``).

    Returns
    -------
    pandas.DataFrame
        One row per field of :data:`FIELDS`: ``choice``, ``choice_en``, ``choice_zh`` (its name), ``chosen_en``,
        ``chosen_zh`` (what the plan chose), ``value`` (the headline figure), ``unit_en``, ``unit_zh``,
        ``effect_en``, ``effect_zh`` (every figure in words) and ``basis_en``, ``basis_zh``.

    Examples
    --------
    >>> plan = Plan(["champions"], 3, 0.5, ["complaint_desk"], ["product", "price"])
    >>> table = expected_effects(plan)
    >>> table["choice"].tolist() == list(FIELDS)
    True
    """
    figures = effect_facts(plan, case)
    rows = []
    for field in FIELDS:
        key, unit_en, unit_zh = _HEADLINES[field]
        rows.append({"choice": field, "choice_en": FIELD_NAMES[field]["en"], "choice_zh": FIELD_NAMES[field]["zh"],
                     "chosen_en": plan.chosen(field, "en"), "chosen_zh": plan.chosen(field, "zh"),
                     "value": float(figures[field][key]), "unit_en": unit_en, "unit_zh": unit_zh,
                     "effect_en": _effect_texts(field, figures[field], "en"),
                     "effect_zh": _effect_texts(field, figures[field], "zh"),
                     "basis_en": _basis(field, "en"), "basis_zh": _basis(field, "zh")})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------
# The model answer

def _model_segments(c: dict) -> list:
    """The segments whose customers bring more than an average customer: a larger share of margin than of customers."""
    table = c["segment_table"]
    return table.index[table["margin_share"] > table["customer_share"]].tolist()


def _model_combinations(c: dict) -> list:
    """Lesson 03's rule: pursue a combination when stopping it would lose more sales per hour freed than the team's
    average hour brings (``man.if_stopped``'s ``lost_per_hour`` against ``man.team_sales_per_hour``)."""
    leads = c["case"].leads
    bench = man.team_sales_per_hour(leads)
    chased = [code for code in man.COMBINATIONS
              if float(man.if_stopped(leads, c["codes"] == code)["lost_per_hour"]) >= bench]
    return chased or ["M+A+N"]


def _model_actions(c: dict) -> list:
    """The actions on company-side causes among the vital few reasons lost customers give (lesson 05)."""
    few = loss.vital_few(c["case"].losses, loss_type="customer")
    chosen = [code for code, a in RETENTION_ACTIONS.items()
              if loss.REASON_CATEGORY[a["reason"]] == loss.CONTROLLABLE and a["reason"] in few]
    if chosen:
        return chosen
    worth = {code: float(retention.what_if(c["values"], {a["reason"]: a["cut"]})["break_even_budget"])
             for code, a in RETENTION_ACTIONS.items() if loss.REASON_CATEGORY[a["reason"]] == loss.CONTROLLABLE}
    return [max(worth, key=worth.get)]


def _model_factors(c: dict) -> list:
    """The fewest survey items holding ``value.DRIVER_SHARE`` of what the eight explain (lesson 06's rule), two or
    three of them (:data:`FACTOR_COUNT`)."""
    drivers = c["drivers"]
    n = len(value.key_drivers(drivers))
    items = drivers["survey_item"].iloc[:min(max(n, FACTOR_COUNT[0]), FACTOR_COUNT[1])]
    part_of = {spec["column"]: part for part, spec in _PARTS.items()}
    return [part_of[item] for item in items]


def model_plan(case=None) -> Plan:
    """The plan a careful analyst picks from the data: the self-learner's model answer (it follows the variant).

    - segments: those bringing a larger share of the margin than of the customers (``value.segment_table``);
    - qualification: the MAN combinations whose leads bring at least the team's sales per selling hour
      (lesson 03: ``man.if_stopped`` against ``man.team_sales_per_hour``);
    - keep_share: 1 - ``strategy.best_share`` with the firm's own figures (to 0.01);
    - retention actions: those on company-side causes among the vital few reasons of lost customers
      (``loss.vital_few``; if none, the company-side action worth most by ``retention.what_if``);
    - value factors: the fewest drivers holding ``value.DRIVER_SHARE`` of the explained value, two or three
      (``value.value_drivers``).

    Examples
    --------
    >>> plan = model_plan()
    >>> plan.segments, plan.keep_share
    (('champions', 'loyal', 'cannot_lose'), 0.23)
    """
    c = _context(case)
    settings = {k: v for k, v in c["settings"].items() if k != "share_acquisition"}
    keep = round(1.0 - strategy.best_share(**settings), 2)
    return Plan(segments=_model_segments(c), qualification=_model_combinations(c), keep_share=keep,
                retention_actions=_model_actions(c), value_factors=_model_factors(c))


# ---------------------------------------------------------------------------------------------
# The one-page plan

_STYLE = ("@page{size:A4;margin:14mm}"
          f"body{{font-family:{webfont.font_stack()};font-size:10.5pt;line-height:1.35;color:#111;max-width:190mm;"
          "margin:0 auto;padding:8mm}"
          "h1{font-size:16pt;margin:0 0 4mm}h2{font-size:12pt;margin:5mm 0 2mm;border-bottom:1px solid #8aa}"
          "table{border-collapse:collapse;width:100%}th,td{border:1px solid #bcc;padding:1.5mm 2mm;"
          "vertical-align:top;text-align:left}th{background:#eef4f5}td.num{text-align:right;white-space:nowrap}"
          ".basis{color:#444;font-size:8.5pt}.blank{height:18mm}footer{margin-top:5mm;font-size:8.5pt;color:#444}"
          "@media print{body{padding:0;max-width:none}h2,tr{break-inside:avoid}a{color:inherit}}")

_NAME = re.compile(r"[\w-]{1,40}")


def _group(group) -> str | None:
    if group is None:
        return None
    if isinstance(group, bool) or not isinstance(group, (str, int)) or not _NAME.fullmatch(str(group)):
        raise ValueError(f"group must be a short name of letters, digits, '-' or '_' (at most 40), such as 3 or "
                         f"'blue'; got {group!r}")
    return str(group)


def _notes(notes) -> dict:
    if notes is None:
        return {}
    if not isinstance(notes, Mapping):
        raise TypeError(f"notes must be a dict of choice -> text, choices from {[*FIELDS, 'overall']}; got "
                        f"{type(notes).__name__}")
    for key, text in notes.items():
        require_choice(key, "notes key", [*FIELDS, "overall"])
        if not isinstance(text, str):
            raise TypeError(f"notes[{key!r}] must be text; got {type(text).__name__}")
    return dict(notes)


def _target(path, group: str | None, lang: str) -> Path:
    """Where the page goes: ``path``, or the work folder's ``plans`` folder; never inside the package."""
    from crmlessons.workfolder import work_folder

    if path is None:
        return work_folder() / "plans" / f"plan-{group or 'self'}-{lang}.html"
    if not isinstance(path, (str, Path)):
        raise TypeError(f"path must be a file path (text or pathlib.Path) or None; got {type(path).__name__}")
    target = Path(path).expanduser()
    package = Path(__file__).resolve().parent
    if target.resolve() == package or package in target.resolve().parents:
        raise ValueError(f"path must not be inside the course package ({package.name}); write to the work folder")
    return target


def _who(group: str | None, variant, case_given: bool) -> str:
    who = i18n.t("case_group", group=group) if group else i18n.t("case_self")
    if variant is not None:
        data = i18n.t("case_variant", variant=variant)
    else:
        data = i18n.t("case_given") if case_given else i18n.t("case_shipped")
    return f"{who}, {data}" if i18n.get_language() == "en" else f"{who}，{data}"


def _rows(cells: list[list[str]], head: list[str], numeric: int | None = None) -> str:
    header = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f'<td{" class=num" if i == numeric else ""}>{cell}</td>'
                                    for i, cell in enumerate(row)) + "</tr>" for row in cells)
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def _diagnosis_html(case, lang: str) -> str:
    table = diagnosis(case)
    cells = [[html.escape(r[f"question_{lang}"]), html.escape(r["lesson"]), html.escape(r[f"result_{lang}"])]
             for _, r in table.iterrows()]
    return _rows(cells, [i18n.t("case_question"), i18n.t("case_lesson"), i18n.t("case_result")], numeric=1)


def _plan_html(plan: Plan, case, lang: str) -> str:
    table = expected_effects(plan, case)
    cells = [[f"<b>{html.escape(r[f'choice_{lang}'])}</b>", html.escape(r[f"chosen_{lang}"]),
              f"{html.escape(r[f'effect_{lang}'])}<div class=basis>{html.escape(r[f'basis_{lang}'])}</div>"]
             for _, r in table.iterrows()]
    return _rows(cells, [i18n.t("case_choice"), i18n.t("case_chosen"), i18n.t("case_effect")])


def _reasoning_html(notes: dict, lang: str) -> str:
    parts = []
    for key in [*FIELDS, "overall"]:
        name = FIELD_NAMES[key][lang] if key in FIELD_NAMES else i18n.t("case_overall")
        text = notes.get(key)
        body = (f"<p>{html.escape(text)}</p>" if text is not None
                else f'<div class=blank>{html.escape(i18n.t("case_reasoning_blank"))}</div>')
        if text is not None or not notes:
            parts.append(f"<h3 style='font-size:10.5pt;margin:2mm 0 1mm'>{html.escape(name)}</h3>{body}")
    return "".join(parts)


def plan_page(plan, case=None, group=None, path=None, *, notes=None, variant=None) -> Path:
    """Write the plan as one printable HTML page (A4) in the current language; return where it was written.

    The page: a title with the group and the data variant, the diagnosis' figures (:func:`diagnosis`), each
    choice with its expected effect and basis (:func:`expected_effects`), the group's reasoning (``notes``; with
    none, blank space to write in by hand) and a footer saying Hengtai is synthetic. It needs nothing from the
    network (Chinese in the shipped web font, :mod:`crmlessons.webfont`, after the computer's own Chinese fonts) and is the same bytes every time for the
    same plan and data (no timestamp). Every text a user gives is escaped.

    Parameters
    ----------
    plan : Plan
    case : datasets.Case, optional
        Default ``datasets.load_case()`` (the group's variant after ``use_variant``).
    group : str or int, optional
        The group's name or number (letters, digits, '-' or '_').
    path : str or pathlib.Path, optional
        The file to write; default ``work_folder() / "plans" / f"plan-{group or 'self'}-{lang}.html"``.
        Never inside the course package.
    notes : dict, optional
        The group's reasoning: choice (a field of :data:`FIELDS`, or ``"overall"``) -> text.
    variant : int, optional
        The data variant named in the title; default ``datasets.current_variant()`` when ``case`` is None.

    Examples
    --------
    >>> import os, tempfile
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"CRMLESSONS_WORK": tempfile.mkdtemp()}):  # restores the environment after
    ...     page = plan_page(model_plan(), group=3)
    ...     print(page.relative_to(os.environ["CRMLESSONS_WORK"]).as_posix())
    plans/plan-3-en.html
    """
    from crmlessons import datasets

    plan, group, notes = _plan(plan), _group(group), _notes(notes)
    if variant is not None:
        variant = int(require_number(variant, "variant", low=0, integer=True))
    elif case is None:
        variant = datasets.current_variant()
    lang = i18n.get_language()
    target = _target(path, group, lang)
    title = i18n.t("case_page_title", who=_who(group, variant, case is not None))
    page = (f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{_STYLE}</style>{webfont.stylesheet()}</head>"
            '<body class="crm-page">'
            f"<h1>{html.escape(title)}</h1><h2>{html.escape(i18n.t('case_diagnosis'))}</h2>"
            f"{_diagnosis_html(case, lang)}<h2>{html.escape(i18n.t('case_plan'))}</h2>{_plan_html(plan, case, lang)}"
            f"<h2>{html.escape(i18n.t('case_reasoning'))}</h2>{_reasoning_html(notes, lang)}"
            f"<footer>{html.escape(i18n.t('case_footer'))}</footer></body></html>\n")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
    return target


# A dataclass's fields are the plan's choices: keep them and FIELDS the same.
assert tuple(f.name for f in fields(Plan)) == FIELDS
