"""One customer's whole story, and a review of every account (lesson 08, the capstone).

The case company's tables share keys, so one customer can be followed from a salesperson's first call
to today: the lead and its MAN facts (lesson 03), the funnel stages and their dates (lesson 04), the
orders (lessons 01 and 06), the survey answers and the loyalty group (lesson 07), and the loss and its
reason if there was one (lesson 05).

- :func:`journey`: one customer's story, a :class:`Journey` with ``.events`` (a dated table),
  ``.facts`` (the figures a lesson quotes) and ``.summary()``; its timeline is
  ``crmlessons.plots.accounts.journey_chart(journey)`` (a concept module draws nothing).
- :func:`account_review`: one row per customer, computed once for all: value (margin so far, its rank),
  loyalty group, risk (lesson 05's early warning and the BG/NBD p_alive of lesson 06) and the suggested
  next step. The next step is **the course's rule** (:data:`NEXT_STEPS`, :func:`next_steps`), built on
  the actions of the lessons; a firm writes its own.
- :func:`chosen_customers`: the capstone's three customers (one that became loyal, one that was lost,
  one at risk), chosen from the data by a stated rule, so that they follow a group's data variant.

Examples
--------
>>> story = journey("C00001")
>>> story.facts["customer_id"], story.events["kind"].iloc[0]
('C00001', 'acquired')
>>> bool((story.events["kind"] == "order").sum() == story.facts["orders"])
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from crmlessons import display, i18n, loss, loyalty, man, value
from crmlessons.checks import Table, require_table, tables
from crmlessons.datasets import rules
from crmlessons.relationship import _category_text, _date_text

__all__ = ["EVENT_KINDS", "ROLES", "NEXT_STEPS", "ALIVE_LOW", "Journey", "journey", "account_review",
           "next_steps", "chosen_customers", "kind_label", "group_name", "role_label"]

#: The kinds of event in a journey, in the order events of one day are listed.
EVENT_KINDS = ("acquired", "lead", "stage", "won", "order", "survey", "referral", "lost", "won_back")

#: The capstone's three roles (:func:`chosen_customers`).
ROLES = ("loyal", "lost", "at_risk")

#: A p_alive below this marks an active customer as one to call (the course's line).
ALIVE_LOW = 0.5

#: The course's suggested next steps: code -> (English, Chinese). See :func:`next_steps` for the rule.
NEXT_STEPS: dict[str, tuple[str, str]] = {
    "win_back_call": ("Win-back call by the account manager: name the cause, say what was fixed, offer a trial order.",
                      "由客户经理打挽回电话：说明流失原因，讲清已做的改进，提供试订单。"),
    "keep_in_touch": ("Keep in touch: the cause lay outside Hengtai's hands; check back in six months.",
                      "保持联系：流失原因不在恒泰可控范围内；六个月后再联系。"),
    "find_out_why": ("Find out why it left: no reason was recorded.", "查明流失原因：没有记录原因。"),
    "service_visit": ("Service visit by the account manager: its orders fell (early warning); ask what changed.",
                      "客户经理上门服务：订单量下降（预警）；了解发生了什么变化。"),
    "check_in_call": ("Check-in call: silent for long against its own buying pace (low p_alive).",
                      "回访电话：按其自身的购买节奏，已沉默太久（仍活跃概率低）。"),
    "priority_referrals": ("Priority channel and first news of new products; ask for referrals.",
                           "开辟绿色通道，新产品优先告知；请其推荐新客户。"),
    "structural_ties": ("Build structural ties (training, software, joint work): satisfaction alone will not keep it.",
                        "建立结构性联系（培训、软件、联合开发）：仅靠满意留不住它。"),
    "fix_dissatisfaction": ("Find and fix what dissatisfies it, complaints first, before a competitor sets it free.",
                            "在竞争对手把它“解救”出去之前，找出并解决让它不满的问题（先处理投诉）。"),
    "ask_and_fix": ("Ask why it is unhappy, fix the causes it shares with others; spend on it only if it is worth it.",
                    "询问不满的原因，解决与其他客户共有的问题；只在值得时投入。"),
    "ask_survey": ("Keep serving it, and ask it to answer the next survey: its loyalty is not known.",
                   "继续服务，并请其参加下次调查：尚不了解其忠诚度。"),
}

i18n.register({
    "acc_ev_acquired": ("Customer since {date}", "{date} 起成为客户"),
    "acc_ev_lead": ("Lead {lead_id} ({channel}): MAN {man}, salesperson {salesperson}",
                    "商机 {lead_id}（{channel}）：MAN {man}，销售人员 {salesperson}"),
    "acc_ev_stage": ("Stage reached: {stage}", "进入阶段：{stage}"),
    "acc_ev_won": ("Deal won after {days} days: a customer", "经过 {days} 天赢单：成为客户"),
    "acc_ev_order": ("Order {order_id}: {line}, {tier}", "订单 {order_id}：{line}，{tier}"),
    "acc_ev_survey": ("Survey: satisfaction {satisfaction}, loyalty {loyalty} ({group})",
                      "调查：满意度 {satisfaction}，忠诚度 {loyalty}（{group}）"),
    "acc_ev_referral": ("Referred a new customer: {customer_id}", "推荐了新客户：{customer_id}"),
    "acc_ev_lost": ("Lost: {reason} ({category})", "流失：{reason}（{category}）"),
    "acc_ev_won_back": ("Won back", "被挽回"),
    "acc_kind_acquired": ("Customer", "成为客户"),
    "acc_kind_lead": ("Lead", "商机"),
    "acc_kind_stage": ("Stage", "阶段"),
    "acc_kind_won": ("Won", "赢单"),
    "acc_kind_order": ("Order", "订单"),
    "acc_kind_survey": ("Survey", "调查"),
    "acc_kind_referral": ("Referral", "推荐"),
    "acc_kind_lost": ("Lost", "流失"),
    "acc_kind_won_back": ("Won back", "挽回"),
    "acc_not_placed": ("not placed", "未归类"),
    "acc_no_reason": ("no reason recorded", "未记录原因"),
    "acc_title": ("Customer {customer_id}: the whole story", "客户 {customer_id}：完整经历"),
    "acc_events": ("Events", "事件"),
    "acc_f_origin": ("Origin", "来源"),
    "acc_f_lead": ("Lead / MAN / salesperson", "商机 / MAN / 销售人员"),
    "acc_f_days_to_win": ("Days from lead to win", "从商机到赢单的天数"),
    "acc_f_manager": ("Account manager", "客户经理"),
    "acc_f_orders": ("Orders 2019-2025", "2019-2025年订单数"),
    "acc_f_revenue": ("Revenue 2019-2025 (CNY)", "2019-2025年收入（元）"),
    "acc_f_margin": ("Margin 2019-2025 (CNY)", "2019-2025年毛利（元）"),
    "acc_f_rank": ("Margin rank", "毛利排名"),
    "acc_rank": ("{rank:,} of {n:,} (top {top:.1%})", "第 {rank:,} 名（共 {n:,} 位，前 {top:.1%}）"),
    "acc_f_years": ("Years active 2019-2025", "2019-2025年活跃年数"),
    "acc_f_satisfaction": ("Satisfaction (1-5)", "满意度（1-5）"),
    "acc_f_group": ("Loyalty group", "忠诚度分组"),
    "acc_f_status": ("Status", "状态"),
    "acc_f_loss": ("Lost on / reason / category", "流失日期 / 原因 / 类别"),
    "acc_f_warning": ("Early warning (lesson 05)", "预警（第 05 课）"),
    "acc_f_alive": ("P(alive) (lesson 06)", "仍活跃概率（第 06 课）"),
    "acc_f_next": ("Next step (the course's rule)", "下一步（本课程的规则）"),
    "acc_yes": ("yes", "是"),
    "acc_no": ("no", "否"),
    "acc_none": ("-", "-"),
    "acc_bad_case": ("case must be a Case (crmlessons.datasets.load_case() or make_case(...)); got {given}",
                     "case 必须是 Case（crmlessons.datasets.load_case() 或 make_case(...)）；得到的是 {given}"),
    "acc_bad_review": ("review must be the table of account_review(case); got {given}",
                       "review 必须是 account_review(case) 的结果表；得到的是 {given}"),
    "acc_role_loyal": ("Became loyal", "成为忠诚客户"),
    "acc_role_lost": ("Was lost", "已流失"),
    "acc_role_at_risk": ("At risk", "有流失风险"),
    "acc_why_loyal": ("Loyalist (satisfaction {satisfaction:g}), {years:.1f} years active, margin rank {rank:,} "
                      "of {n:,}; {record}",
                      "忠诚者（满意度 {satisfaction:g}），活跃 {years:.1f} 年，毛利排名第 {rank:,}（共 {n:,} 位）；{record}"),
    "acc_record_lead": ("followed from lead {lead_id}", "可从商机 {lead_id} 追溯"),
    "acc_record_old": ("a customer since {year}", "自 {year} 年起是客户"),
    "acc_why_lost": ("Lost on {date}: {reason} ({category}); {record}", "{date} 流失：{reason}（{category}）；{record}"),
    "acc_why_warning": ("Active, but orders fell from {before} to {recent} in a year (early warning)",
                        "仍是客户，但一年内订单从 {before} 单降到 {recent} 单（预警）"),
    "acc_why_alive": ("Active, but p_alive is {alive:.0%}", "仍是客户，但仍活跃概率只有 {alive:.0%}"),
    "acc_no_role": ("case has no customer to be the {role} one: {rule}", "case 中没有可作为“{role}”的客户：{rule}"),
})

#: Columns of the case tables a journey reads.
_NEEDS = {
    "customers": ["customer_id", "origin", "lead_id", "acquired_date", "salesperson_id", "status", "lost_date",
                  "won_back_date", "referred_by"],
    "leads": ["lead_id", "salesperson_id", "created_date", "source_channel", "purchasing_power", "decision_power",
              "need_strength", "deal_value_cny", "closed_date"],
    "stage_history": ["lead_id", "stage_order", "stage", "entered_date"],
    "orders": ["order_id", "customer_id", "order_date", "product_line", "tier", "amount_cny", "margin_cny"],
    "survey": ["customer_id", "survey_date", "satisfaction", *loyalty.FACE_COLUMNS],
    "losses": ["loss_id", "loss_type", "customer_id", "lost_date", "reason", "category"],
}


# ---------------------------------------------------------------------------------------------
# Arguments

def _case(case):
    """The case to read: ``load_case()`` (the variant in use) for None; its tables checked."""
    if case is None:
        from crmlessons import datasets

        case = datasets.load_case()
    if not all(isinstance(getattr(case, name, None), pd.DataFrame) for name in _NEEDS):
        raise TypeError(i18n.t("acc_bad_case", given=f"{type(case).__name__} {case!r}"[:80]))
    return case


def _tables(case) -> dict[str, pd.DataFrame]:
    """The tables a journey reads, checked against the data dictionary (the message names case.<table>)."""
    return {name: require_table(getattr(case, name), name, f"case.{name}", columns, empty_ok=name != "customers")
            for name, columns in _NEEDS.items()}


def _customer(customer_id, customers: pd.DataFrame) -> pd.Series:
    """The customers row of ``customer_id``; a clear error naming the argument and an example id."""
    example = str(customers["customer_id"].iloc[0]) if len(customers) else "C00001"
    if not isinstance(customer_id, str):
        raise TypeError(f"customer_id must be a customer id (text) such as {example!r}; got "
                        f"{type(customer_id).__name__} {customer_id!r}"[:160])
    match = customers.loc[customers["customer_id"] == customer_id]
    if match.empty:
        raise ValueError(i18n.t("unknown_customer", given=customer_id, example=example))
    return match.iloc[0]


def _review(review, case) -> pd.DataFrame:
    if review is None:
        return account_review(case)
    if not isinstance(review, pd.DataFrame) or not {"margin_cny", "next_step", "group"} <= set(review.columns):
        raise TypeError(i18n.t("acc_bad_review", given=type(review).__name__))
    return review


# ---------------------------------------------------------------------------------------------
# The review of every account

def _losses_by_customer(losses: pd.DataFrame) -> pd.DataFrame:
    """Each lost customer's latest customer loss: date, reason, category."""
    mine = losses[(losses["loss_type"].astype(str) == "customer") & losses["customer_id"].notna()]
    mine = mine.sort_values(["customer_id", "lost_date", "loss_id"], kind="stable").drop_duplicates("customer_id",
                                                                                                   keep="last")
    return pd.DataFrame({"loss_reason": mine["reason"].astype(object).to_numpy(),
                         "loss_category": mine["category"].astype(object).to_numpy()},
                        index=pd.Index(mine["customer_id"].astype(str), name="customer_id"))


def _alive(orders: pd.DataFrame) -> pd.Series:
    """Each customer's p_alive under a BG/NBD model fitted to the order log (lesson 06)."""
    from crmlessons import clv

    summary = value.rfm_summary(orders)
    return clv.p_alive(clv.fit_bgnbd(summary), summary)


def _risk_columns(review: pd.DataFrame, orders, customers) -> None:
    """Add the early warning's columns and p_alive to ``review`` (indexed by customer_id)."""
    warned = loss.early_warning(orders, customers).set_index("customer_id")
    review["flagged"] = review.index.isin(warned.index)
    for column in ("orders_before", "orders_recent", "value_at_risk_cny"):
        review[column] = warned[column].reindex(review.index).to_numpy(float)
    review["p_alive"] = _alive(orders).reindex(review.index).to_numpy(float)


def account_review(case=None) -> pd.DataFrame:
    """One row per customer: value, loyalty group, risk and the course's suggested next step.

    Computed once for every customer (the account-review app reads it): the margin so far and its rank
    (``value.historic_value``), the satisfaction x loyalty group (``loyalty.loyalty_matrix``; missing for a
    customer who did not answer the survey), lesson 05's early warning (``loss.early_warning``), lesson 06's
    p_alive (``clv.p_alive`` of a BG/NBD model fitted to the order log), the latest loss's reason, and
    :func:`next_steps`.

    Parameters
    ----------
    case : Case, optional
        The case tables; default ``datasets.load_case()`` (the variant in use).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id`` (sorted): ``status``, ``origin``, ``active`` (on ``rules.AS_OF``),
        ``amount_cny``, ``margin_cny``, ``orders``, ``years_active``, ``value_rank`` (1 = the highest margin),
        ``satisfaction``, ``loyalty``, ``group``, ``flagged``, ``orders_before``, ``orders_recent``,
        ``value_at_risk_cny``, ``p_alive``, ``loss_reason``, ``loss_category``, ``next_step`` (a code of
        :data:`NEXT_STEPS`), ``next_step_en``, ``next_step_zh``.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> review = account_review()
    >>> len(review), int(review["flagged"].sum()) == len(loss.early_warning(datasets.load_orders(), datasets.load_customers()))
    (1365, True)
    """
    t = _tables(_case(case))
    customers, orders, survey = t["customers"], t["orders"], t["survey"]
    known = customers.assign(customer_id=customers["customer_id"].astype(str)).set_index("customer_id").sort_index()
    review = value.historic_value(orders, customers)[["amount_cny", "margin_cny", "orders", "years_active"]]
    review = review.reindex(known.index)
    review.insert(0, "status", known["status"].astype(object))
    review.insert(1, "origin", known["origin"].astype(object))
    review.insert(2, "active", rules.active_on(known, rules.AS_OF).to_numpy(bool))
    review["value_rank"] = review["margin_cny"].rank(ascending=False, method="min").astype(np.int64)
    answers = survey.assign(customer_id=survey["customer_id"].astype(str)).set_index("customer_id")
    review["satisfaction"] = answers["satisfaction"].reindex(review.index).to_numpy(float)
    review["loyalty"] = loyalty.loyalty_scores(survey)["mean"].reindex(review.index).to_numpy(float)
    review["group"] = loyalty.loyalty_matrix(survey).astype(object).reindex(review.index).to_numpy(object)
    _risk_columns(review, orders, customers)
    review = review.join(_losses_by_customer(t["losses"]))
    review["next_step"] = next_steps(review)
    review["next_step_en"] = review["next_step"].map(lambda code: NEXT_STEPS[code][0])
    review["next_step_zh"] = review["next_step"].map(lambda code: NEXT_STEPS[code][1])
    return review


@tables(review=Table(None, ["active", "loss_category", "flagged", "p_alive", "group"], empty_ok=True))
def next_steps(review: pd.DataFrame) -> pd.Series:
    """The course's suggested next step for each customer of an account review (a rule, first that applies).

    1. Lost (not active on the data date): a company-side reason (lesson 05: what the firm controls) ->
       ``win_back_call``; a customer-side or third-party reason -> ``keep_in_touch``; no reason recorded ->
       ``find_out_why``.
    2. Flagged by lesson 05's early warning -> ``service_visit`` by the account manager.
    3. p_alive below :data:`ALIVE_LOW` -> ``check_in_call``.
    4. By loyalty group (lesson 07's actions): loyalist -> ``priority_referrals``; mercenary ->
       ``structural_ties``; hostage -> ``fix_dissatisfaction``; defector -> ``ask_and_fix``.
    5. Not placed (no survey answer) -> ``ask_survey``.

    Parameters
    ----------
    review : pandas.DataFrame
        Columns ``active``, ``loss_category``, ``flagged``, ``p_alive``, ``group`` (:func:`account_review`).

    Examples
    --------
    >>> review = pd.DataFrame({"active": [False, True, True, True], "loss_category": ["company_side", None, None, None],
    ...     "flagged": [False, True, False, False], "p_alive": [0.1, 0.9, 0.95, 0.2], "group": [None, "loyalist",
    ...     "mercenary", "loyalist"]})
    >>> next_steps(review).tolist()
    ['win_back_call', 'service_visit', 'structural_ties', 'check_in_call']
    """
    active = review["active"].astype(bool).to_numpy()
    category = review["loss_category"].astype(object).to_numpy()
    group = review["group"].astype(object).to_numpy()
    alive = review["p_alive"].to_numpy(float)
    conditions = [~active & (category == loss.CONTROLLABLE), ~active & pd.notna(category), ~active,
                  review["flagged"].astype(bool).to_numpy(), alive < ALIVE_LOW,
                  group == "loyalist", group == "mercenary", group == "hostage", group == "defector"]
    steps = ["win_back_call", "keep_in_touch", "find_out_why", "service_visit", "check_in_call",
             "priority_referrals", "structural_ties", "fix_dissatisfaction", "ask_and_fix"]
    return pd.Series(np.select(conditions, steps, default="ask_survey"), index=review.index, name="next_step")


# ---------------------------------------------------------------------------------------------
# One customer's events

def _event(date, kind: str, what: str, amount=np.nan, ref: str = "") -> dict:
    return {"date": pd.Timestamp(date), "kind": kind, "what": what, "amount_cny": float(amount), "ref": ref}


def _lead_events(row: pd.Series, t: dict) -> tuple[list[dict], dict]:
    """The lead, its stages and the win, and the lead's facts (none for a customer from before the leads)."""
    lead_id = row["lead_id"]
    lead = t["leads"].loc[t["leads"]["lead_id"] == lead_id] if pd.notna(lead_id) else t["leads"].iloc[:0]
    if lead.empty:
        return [_event(row["acquired_date"], "acquired",
                       i18n.t("acc_ev_acquired", date=_date_text(row["acquired_date"])))], {}
    code = str(man.classify(lead).iloc[0])
    lead = lead.iloc[0]
    days = int((lead["closed_date"] - lead["created_date"]).days)
    facts = {"lead_id": str(lead_id), "man": code, "salesperson_id": str(lead["salesperson_id"]),
             "lead_created": lead["created_date"], "days_to_win": days}
    history = t["stage_history"]
    history = history[history["lead_id"] == lead_id].sort_values("stage_order", kind="stable")
    events = []
    for step in history.itertuples():
        stage = str(step.stage)
        if stage == "prospect":
            events.append(_event(step.entered_date, "lead", i18n.t(
                "acc_ev_lead", lead_id=lead_id, channel=_category_text(lead["source_channel"], "source_channel"),
                man=code, salesperson=lead["salesperson_id"]), ref=str(lead_id)))
        elif stage == "won":
            events.append(_event(step.entered_date, "won", i18n.t("acc_ev_won", days=days), lead["deal_value_cny"],
                                 ref=str(lead_id)))
        else:
            events.append(_event(step.entered_date, "stage", i18n.t("acc_ev_stage", stage=_category_text(stage, "stage")),
                                 ref=str(lead_id)))
    return events, facts


def _order_events(customer_id: str, orders: pd.DataFrame) -> list[dict]:
    mine = orders[orders["customer_id"] == customer_id]
    return [_event(o.order_date, "order", i18n.t("acc_ev_order", order_id=o.order_id,
                                                 line=_category_text(o.product_line, "product_line"),
                                                 tier=_category_text(o.tier, "tier")), o.amount_cny, str(o.order_id))
            for o in mine.itertuples()]


def _survey_events(customer_id: str, survey: pd.DataFrame, group) -> list[dict]:
    mine = survey[survey["customer_id"] == customer_id]
    events = []
    for _, answer in mine.iterrows():
        faces = answer[list(loyalty.FACE_COLUMNS)].astype(float)
        satisfaction = "-" if pd.isna(answer["satisfaction"]) else f"{answer['satisfaction']:g}"
        mean = "-" if faces.isna().all() else f"{faces.mean():.1f}"
        name = i18n.pick(loyalty.MATRIX_GROUPS[group]) if isinstance(group, str) else i18n.t("acc_not_placed")
        events.append(_event(answer["survey_date"], "survey",
                             i18n.t("acc_ev_survey", satisfaction=satisfaction, loyalty=mean, group=name)))
    return events


def _care_events(row: pd.Series, t: dict) -> list[dict]:
    """Referrals made, losses and the win-back."""
    customer_id = row["customer_id"]
    customers, losses = t["customers"], t["losses"]
    referred = customers[customers["referred_by"] == customer_id]
    events = [_event(r.acquired_date, "referral", i18n.t("acc_ev_referral", customer_id=r.customer_id),
                     ref=str(r.customer_id)) for r in referred.itertuples()]
    mine = losses[(losses["customer_id"] == customer_id) & (losses["loss_type"].astype(str) == "customer")]
    for lost in mine.itertuples():
        reason = _category_text(lost.reason, "reason") if pd.notna(lost.reason) else i18n.t("acc_no_reason")
        events.append(_event(lost.lost_date, "lost", i18n.t("acc_ev_lost", reason=reason,
                                                           category=_category_text(lost.category, "category")),
                             ref=str(lost.loss_id)))
    if pd.notna(row["won_back_date"]):
        events.append(_event(row["won_back_date"], "won_back", i18n.t("acc_ev_won_back")))
    return events


def _events(events: list[dict]) -> pd.DataFrame:
    """The events as a table, sorted by date, then kind (:data:`EVENT_KINDS`), then as found."""
    table = pd.DataFrame(events, columns=["date", "kind", "what", "amount_cny", "ref"])
    table["date"] = pd.to_datetime(table["date"])
    order = table["kind"].map({kind: i for i, kind in enumerate(EVENT_KINDS)})
    table = table.assign(_order=order).sort_values(["date", "_order"], kind="stable").drop(columns="_order")
    return table.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# The journey

def _plain(x):
    """A figure as a plain Python value (None for missing)."""
    if x is None or (not isinstance(x, str) and pd.isna(x)):
        return None
    if isinstance(x, (np.bool_, bool)):
        return bool(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (np.floating, float)):
        return float(x)
    return x


def _int(x) -> int | None:
    return None if pd.isna(x) else int(x)


def _facts(row: pd.Series, mine: pd.Series, lead_facts: dict, n: int) -> dict:
    """The figures a lesson quotes about one customer (its customers row, its review row, its lead)."""
    facts = {"customer_id": str(row["customer_id"]), "origin": str(row["origin"]), "lead_id": None, "man": None,
             "salesperson_id": None, "lead_created": None, "days_to_win": None}
    facts.update(lead_facts)
    facts.update({
        "account_manager": _plain(row["salesperson_id"]), "acquired_date": row["acquired_date"],
        "orders": int(mine["orders"]), "revenue_cny": float(mine["amount_cny"]), "margin_cny": float(mine["margin_cny"]),
        "years_active": float(mine["years_active"]), "value_rank": int(mine["value_rank"]), "customers": n,
        "value_top_share": int(mine["value_rank"]) / n, "satisfaction": _plain(mine["satisfaction"]),
        "loyalty": _plain(mine["loyalty"]), "group": _plain(mine["group"]), "status": str(row["status"]),
        "active": bool(mine["active"]), "lost_date": _plain(row["lost_date"]),
        "won_back_date": _plain(row["won_back_date"]), "loss_reason": _plain(mine["loss_reason"]),
        "loss_category": _plain(mine["loss_category"]), "flagged": bool(mine["flagged"]),
        "orders_before": _int(mine["orders_before"]), "orders_recent": _int(mine["orders_recent"]),
        "value_at_risk_cny": _plain(mine["value_at_risk_cny"]), "p_alive": _plain(mine["p_alive"]),
        "next_step": str(mine["next_step"]),
    })
    return facts


@dataclass(frozen=True)
class Journey:
    """One customer's story (:func:`journey`).

    Attributes
    ----------
    customer_id : str
    events : pandas.DataFrame
        ``date``, ``kind`` (:data:`EVENT_KINDS`), ``what`` (text in the language of the call),
        ``amount_cny`` (orders: the amount; the won deal: its value; else missing), ``ref`` (the order,
        lead, loss or referred customer id), sorted by date, then kind, then as recorded.
    facts : dict
        The figures a lesson quotes: ``lead_id``, ``man``, ``salesperson_id`` (who won the lead),
        ``days_to_win``, ``account_manager``, ``orders``, ``revenue_cny``, ``margin_cny``, ``years_active``,
        ``value_rank`` (of ``customers``), ``value_top_share``, ``satisfaction``, ``loyalty``, ``group``,
        ``status``, ``lost_date``, ``loss_reason``, ``loss_category``, ``flagged``, ``p_alive``,
        ``next_step`` ... (None where the data have nothing).
    """

    customer_id: str
    events: pd.DataFrame = field(repr=False)
    facts: dict = field(repr=False)

    def __repr__(self) -> str:
        return f"Journey({self.customer_id!r}, {len(self.events)} events)"

    def summary(self) -> pd.DataFrame:
        """The facts as a small two-column table (``label``, ``value``) in the current language.

        Examples
        --------
        >>> journey("C00001").summary().shape[1]
        2
        """
        f = self.facts
        rows = [("acc_f_origin", _category_text(f["origin"], "origin"))]
        if f["lead_id"]:
            rows += [("acc_f_lead", f"{f['lead_id']} / {f['man']} / {f['salesperson_id']}"),
                     ("acc_f_days_to_win", f"{f['days_to_win']:,}")]
        rows += [("acc_f_manager", f["account_manager"] or i18n.t("acc_none")), ("acc_f_orders", f"{f['orders']:,}"),
                 ("acc_f_revenue", f"{f['revenue_cny']:,.0f}"), ("acc_f_margin", f"{f['margin_cny']:,.0f}"),
                 ("acc_f_rank", i18n.t("acc_rank", rank=f["value_rank"], n=f["customers"], top=f["value_top_share"])),
                 ("acc_f_years", f"{f['years_active']:.1f}"),
                 ("acc_f_satisfaction", i18n.t("acc_none") if f["satisfaction"] is None else f"{f['satisfaction']:g}"),
                 ("acc_f_group", group_name(f["group"])), ("acc_f_status", _category_text(f["status"], "status"))]
        if f["lost_date"] is not None:
            reason = _category_text(f["loss_reason"], "reason") if f["loss_reason"] else i18n.t("acc_no_reason")
            rows.append(("acc_f_loss", f"{_date_text(f['lost_date'])} / {reason} / "
                                       f"{_category_text(f['loss_category'], 'category')}"))
        rows += [("acc_f_warning", i18n.t("acc_yes" if f["flagged"] else "acc_no")),
                 ("acc_f_alive", "-" if f["p_alive"] is None else f"{f['p_alive']:.0%}"),
                 ("acc_f_next", i18n.pick(dict(zip(("en", "zh"), NEXT_STEPS[f["next_step"]]))))]
        return pd.DataFrame([(i18n.t(key), text) for key, text in rows], columns=["label", "value"])

    def events_shown(self) -> pd.DataFrame:
        """The events as shown to a student: dates as text, kinds by their label.

        Examples
        --------
        >>> journey("C00001").events_shown().columns.tolist()
        ['date', 'kind', 'what', 'amount_cny']
        """
        table = self.events[["date", "kind", "what", "amount_cny"]].copy()
        table["date"] = table["date"].dt.strftime("%Y-%m-%d")
        table["kind"] = table["kind"].map(kind_label)
        return table

    def _repr_html_(self) -> str:
        with pd.option_context("display.max_colwidth", None, "display.max_rows", None):
            summary = display.shown(self.summary()).to_html(index=False)
            events = display.shown(self.events_shown()).to_html(index=False, na_rep="", float_format="{:,.0f}".format)
        return (f"<h4>{html.escape(i18n.t('acc_title', customer_id=self.customer_id))}</h4>{summary}"
                f"<h4>{html.escape(i18n.t('acc_events'))}</h4>{events}")


def kind_label(kind: str) -> str:
    """The label of an event kind in the current language.

    Examples
    --------
    >>> kind_label("won_back")
    'Won back'
    """
    if kind not in EVENT_KINDS:
        raise ValueError(f"kind must be one of {list(EVENT_KINDS)}; got {kind!r}")
    return i18n.t(f"acc_kind_{kind}")


def group_name(group) -> str:
    """The name of a loyalty-matrix group in the current language ("not placed" for None).

    Examples
    --------
    >>> group_name("loyalist"), group_name(None)
    ('Loyalists', 'not placed')
    """
    if group is None or (not isinstance(group, str) and pd.isna(group)):
        return i18n.t("acc_not_placed")
    if group not in loyalty.MATRIX_GROUPS:
        raise ValueError(f"group must be one of {list(loyalty.MATRIX_GROUPS)} or None; got {group!r}")
    return i18n.pick(loyalty.MATRIX_GROUPS[group])


def journey(customer_id: str, *, case=None, review: pd.DataFrame | None = None) -> Journey:
    """Assemble one customer's story from every table of the case.

    The lead and its MAN combination (``man.classify``), the funnel stages with their dates, the win, every
    order, the survey answers and the loyalty group, the customers it referred, the loss with its reason, and
    the win-back; with the facts of :func:`account_review` (value, rank, risk, next step).

    Parameters
    ----------
    customer_id : str
        A customer of the case, e.g. ``"C00001"``.
    case : Case, optional
        The case tables; default ``datasets.load_case()`` (the variant in use).
    review : pandas.DataFrame, optional
        :func:`account_review` of the same case, when already computed (the app computes it once).

    Returns
    -------
    Journey

    Examples
    --------
    >>> story = journey("C00014")
    >>> story.facts["status"], story.events.loc[story.events["kind"].isin(["lost", "won_back"]), "kind"].tolist()
    ('won_back', ['lost', 'won_back'])
    >>> journey("X1")
    Traceback (most recent call last):
    ...
    ValueError: customer_id 'X1' is not in customers (e.g. 'C00001')
    """
    case = _case(case)
    t = _tables(case)
    row = _customer(customer_id, t["customers"])
    review = _review(review, case)
    if customer_id not in review.index:
        raise ValueError(i18n.t("unknown_customer", given=customer_id, example=str(review.index[0])))
    mine = review.loc[customer_id]
    events, lead_facts = _lead_events(row, t)
    events += _order_events(customer_id, t["orders"])
    events += _survey_events(customer_id, t["survey"], _plain(mine["group"]))
    events += _care_events(row, t)
    return Journey(customer_id, _events(events), _facts(row, mine, lead_facts, len(review)))


# ---------------------------------------------------------------------------------------------
# The capstone's three customers

def _first(review: pd.DataFrame, tiers: list, by: list[str], ascending: list[bool]) -> str | None:
    """The first customer (by ``by``, then id) of the first tier (a boolean mask) that has any."""
    for mask in tiers:
        pool = review[np.asarray(mask, dtype=bool)]
        if len(pool):
            pool = pool.assign(_id=pool.index).sort_values([*by, "_id"], ascending=[*ascending, True], kind="stable")
            return str(pool.index[0])
    return None


def _chosen_ids(review: pd.DataFrame) -> dict[str, str | None]:
    has_lead = (review["origin"] == "won_lead").to_numpy()
    active, flagged = review["active"].to_numpy(bool), review["flagged"].to_numpy(bool)
    alive = review["p_alive"].to_numpy(float)
    steady = active & (review["group"] == "loyalist").to_numpy() & ~flagged & ~(alive < ALIVE_LOW)
    reason = review["loss_reason"].notna().to_numpy()
    ranked = review.assign(lead=has_lead, controllable=(review["loss_category"] == loss.CONTROLLABLE).to_numpy())
    return {
        "loyal": _first(ranked, [steady & has_lead, steady], ["years_active", "margin_cny"], [False, False]),
        "lost": _first(ranked, [~active & reason & has_lead, ~active & reason],
                       ["controllable", "margin_cny"], [False, False]),
        "at_risk": (_first(ranked, [active & flagged], ["value_at_risk_cny"], [False])
                    or _first(ranked, [active & (alive < ALIVE_LOW)], ["p_alive"], [True])),
    }


def _why(role: str, row: pd.Series, customers: pd.DataFrame, n: int) -> str:
    """Why ``row`` (of the account review) plays ``role``, in the current language."""
    record = customers.loc[row.name]
    if record["origin"] == "won_lead":
        story = i18n.t("acc_record_lead", lead_id=record["lead_id"])
    else:
        story = i18n.t("acc_record_old", year=pd.Timestamp(record["acquired_date"]).year)
    if role == "loyal":
        return i18n.t("acc_why_loyal", satisfaction=row["satisfaction"], years=row["years_active"],
                      rank=int(row["value_rank"]), n=n, record=story)
    if role == "lost":
        return i18n.t("acc_why_lost", date=_date_text(record["lost_date"]),
                      reason=_category_text(row["loss_reason"], "reason"),
                      category=_category_text(row["loss_category"], "category"), record=story)
    if row["flagged"]:
        return i18n.t("acc_why_warning", before=int(row["orders_before"]), recent=int(row["orders_recent"]))
    return i18n.t("acc_why_alive", alive=row["p_alive"])


#: What each role asks of a customer (for the error when a case has none).
_ROLE_RULES = {
    "loyal": "an active loyalist, not flagged, with p_alive >= 0.5",
    "lost": "a lost customer with a recorded reason",
    "at_risk": "an active customer flagged by the early warning or with p_alive < 0.5",
}


def chosen_customers(case=None, *, review: pd.DataFrame | None = None) -> pd.DataFrame:
    """The capstone's three customers, chosen from the data by a stated rule (so they follow a data variant).

    - **loyal**: an active customer in the loyalists' group of the satisfaction x loyalty matrix, not flagged by
      the early warning and with p_alive >= :data:`ALIVE_LOW`; one with the full record (won from a lead, so
      its story starts with the lead) first, then the longest active, then the highest margin.
    - **lost**: a customer lost (not won back) with a recorded reason; one won from a lead first, then one
      lost for a company-side reason (a win-back is in the firm's hands), then the highest margin.
    - **at_risk**: an active customer flagged by lesson 05's early warning, the largest value at risk first;
      if none is flagged, the active customer with the lowest p_alive below :data:`ALIVE_LOW`.

    Ties go to the lower customer id.

    Parameters
    ----------
    case : Case, optional
        The case tables; default ``datasets.load_case()`` (the variant in use).
    review : pandas.DataFrame, optional
        :func:`account_review` of the same case, when already computed.

    Returns
    -------
    pandas.DataFrame
        One row per role of :data:`ROLES`: ``role``, ``customer_id``, ``why`` (in the current language).

    Examples
    --------
    >>> chosen = chosen_customers()
    >>> chosen["role"].tolist()
    ['loyal', 'lost', 'at_risk']
    """
    case = _case(case)
    review = _review(review, case)
    customers = case.customers.assign(customer_id=case.customers["customer_id"].astype(str)).set_index("customer_id")
    rows = []
    for role, customer_id in _chosen_ids(review).items():
        if customer_id is None:
            raise ValueError(i18n.t("acc_no_role", role=role, rule=_ROLE_RULES[role]))
        rows.append((role, customer_id, _why(role, review.loc[customer_id], customers, len(review))))
    return pd.DataFrame(rows, columns=["role", "customer_id", "why"])


def role_label(role: str) -> str:
    """The label of a capstone role in the current language.

    Examples
    --------
    >>> role_label("at_risk")
    'At risk'
    """
    if role not in ROLES:
        raise ValueError(f"role must be one of {list(ROLES)}; got {role!r}")
    return i18n.t(f"acc_role_{role}")
