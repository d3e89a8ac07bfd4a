"""The customer relationship in numbers: its length, depth and breadth (lesson 01, reused later).

A firm's relationships with its customers can be measured three ways (the Customer-service courseware, project 6):

* **Length (长度)**: how long customers stay. The customer lifecycle (客户生命周期) splits it into
  exploration (考察期), formation (形成期), stability (稳定期) and decline (衰退期); see
  :func:`lifecycle`, :func:`lifecycle_counts`, :func:`tenure_summary`.
* **Depth (深度)**: the quality of each relationship, seen in repeat-purchase, cross-selling and
  up-selling revenue and in referrals; see :func:`classify_orders`, :func:`depth_by_year`.
* **Breadth (广度)**: how many relationships: customers won, kept, lost and won back; see
  :func:`breadth`, and what winning and keeping cost, :func:`cost_per_customer`, :func:`cost_ratio`.

:func:`customer_profile` gathers one customer's records on the three levels of knowing a customer
(objective data, subjective traits, care; the Relationship-marketing essay). :func:`crm_vs_traditional` is
the Key-account CRM course's Table 1-2. Every function takes DataFrames with the columns of the case company's tables
(:mod:`crmlessons.datasets`) and returns a DataFrame or a number; none draws anything.

Examples
--------
>>> from crmlessons import datasets
>>> customers = datasets.load_customers()
>>> b = breadth(customers)
>>> b.loc[b["year"] == 2025, ["won", "kept", "lost", "won_back"]].to_dict("records")
[{'won': 76, 'kept': 1001, 'lost': 83, 'won_back': 1}]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlessons import i18n
from crmlessons.checks import (Table, require_choice, require_date, require_number, require_table, require_years,
                               tables)
from crmlessons.datasets import rules

#: The data date of the case company (:data:`crmlessons.datasets.rules.AS_OF`) as a Timestamp.
AS_OF = pd.Timestamp(rules.AS_OF)

#: Lifecycle stages, in order (Customer-service courseware), plus "lost" for customers no longer buying.
STAGES = ("exploration", "formation", "stability", "decline", "lost")

#: What an order is to the relationship (see :func:`classify_orders`).
ORDER_KINDS = ("first", "repeat", "cross_sell", "up_sell")

#: The three levels of knowing a customer (Relationship-marketing essay).
LEVELS = ("objective", "subjective", "care")

#: The four kinds of force that shape a customer relationship (Customer-service courseware): the customer's own
#: needs and motives, the social and natural environment, competitors, and the purchase experience.
FORCES = ("customer", "environment", "competition", "experience")

#: The course's reading of Hengtai's loss reasons as those forces (a choice of the course, open to discussion:
#: the courseware names the forces, not Hengtai's reasons). A product or price that loses is read as competition,
#: because the courseware puts competitors' product and price policy among the competitive forces.
REASON_FORCES = {
    "not_meeting_criteria": "customer", "lost_contact": "customer", "contact_died_or_left": "customer",
    "friends_family_opinion": "environment",
    "competitor": "competition", "price": "competition", "product": "competition",
    "complaint_handling": "experience", "communication": "experience", "lack_of_care": "experience",
}

#: The customer's decision process (Customer-service courseware), in order.
DECISION_STEPS = ("need_recognition", "information_search", "evaluation", "purchase", "post_purchase")

i18n.register({
    "stage_exploration": ("Exploration", "考察期"),
    "stage_formation": ("Formation", "形成期"),
    "stage_stability": ("Stability", "稳定期"),
    "stage_decline": ("Decline", "衰退期"),
    "stage_lost": ("Lost", "已流失"),
    "kind_first": ("First purchase", "首次购买"),
    "kind_repeat": ("Repeat purchase", "重复购买"),
    "kind_cross_sell": ("Cross-selling", "交叉销售"),
    "kind_up_sell": ("Up-selling", "增量销售"),
    "level_objective": ("1. Objective data", "1. 客观资料"),
    "level_subjective": ("2. Subjective traits", "2. 主观特点"),
    "level_care": ("3. Customer care", "3. 客户关怀"),
    "profile_level": ("Level", "层次"),
    "profile_item": ("Item", "项目"),
    "profile_value": ("Value", "内容"),
    "profile_orders": ("Orders 2019-2025", "2019-2025年订单数"),
    "profile_revenue": ("Revenue 2019-2025 (CNY)", "2019-2025年金额（元）"),
    "profile_lines": ("Product lines bought", "购买过的产品线"),
    "profile_last_order": ("Last order", "最近一次下单"),
    "profile_premium_share": ("Share of premium orders", "高端订单占比"),
    "profile_loss": ("Lost on / reason", "流失日期 / 原因"),
    "profile_none": ("none", "无"),
    "profile_not_surveyed": ("did not answer the survey", "未参加调查"),
    "unknown_customer": ("customer_id {given!r} is not in customers (e.g. {example!r})",
                         "客户编号 {given!r} 不在客户表中（例如 {example!r}）"),
    "force_customer": ("The customer's own needs and motives", "客户自身因素（需要与动机）"),
    "force_environment": ("The social and natural environment", "外部环境因素（社会与自然环境）"),
    "force_competition": ("Competitors: product, price, channel, promotion, public relations",
                          "竞争性因素：产品、价格、渠道、促销、公共关系"),
    "force_experience": ("The purchase experience", "客户的购买体验"),
    "step_need_recognition": ("Need recognition", "认识需要"),
    "step_information_search": ("Information search", "收集信息"),
    "step_evaluation": ("Evaluation of the choices", "评价选择"),
    "step_purchase": ("Purchase decision", "决定购买"),
    "step_post_purchase": ("Post-purchase feeling", "购后感受"),
    "step_record_need_recognition": ("a lead is created (need strength 1-5)", "产生销售线索（需求强度 1-5）"),
    "step_record_information_search": ("contacted, talking business", "已接触、进入商谈"),
    "step_record_evaluation": ("proposal", "提交方案"),
    "step_record_purchase": ("negotiation, won", "谈判、成交"),
    "step_record_post_purchase": ("repeat orders, survey answers, complaints, loss", "重复订单、调查答卷、投诉、流失"),
    "tv_aspect": ("Aspect", "方面"),
    "tv_traditional": ("Traditional marketing", "传统营销"),
    "tv_crm": ("CRM", "客户关系管理"),
    "tv_focus": ("1. Focus", "1. 关注理念"),
    "tv_focus_trad": ("Mass attention, through advertising and promotions.",
                      "以大规模广告和促销活动吸引大众的眼球。"),
    "tv_focus_crm": ("A continuing, mutually beneficial relationship: stranger, then friend, then lifelong customer.",
                     "互惠互利的延续性关系：把陌生人变成朋友，再把朋友变成终身客户。"),
    "tv_emphasis": ("2. Emphasis", "2. 工作重心"),
    "tv_emphasis_trad": ("The number of customers; what customers have in common.",
                         "客户数量；利用客户的共性信息。"),
    "tv_emphasis_crm": ("More business from the same customer; each customer's particular needs.",
                        "向同一位客户销售尽可能多的产品；了解每位客户的特别需求。"),
    "tv_goal": ("3. Goal", "3. 工作目标"),
    "tv_goal_trad": ("A steady stream of new customers (costly promotion, again and again).",
                     "源源不断的新客户（需要不断投入宣传成本）。"),
    "tv_goal_crm": ("A steady stream of new business from existing customers, which costs less.",
                    "从现有客户获得源源不断的新业务，成本更低。"),
    "tv_technique": ("4. Technique", "4. 营销技巧"),
    "tv_technique_trad": ("Telling: the same pitch to every customer.", "以讲述和推销为主，向所有客户传播相同的信息。"),
    "tv_technique_crm": ("Communicating: listening, learning and understanding.", "注重沟通：听、学、了解。"),
})


# ---------------------------------------------------------------------------------------------
# Helpers

def _years(years) -> np.ndarray:
    return np.asarray(require_years(years), dtype=np.int64)


# ---------------------------------------------------------------------------------------------
# Length: tenure and lifecycle stages

@tables(customers=["customer_id", "acquired_date", "lost_date", "won_back_date"],
        orders=["customer_id", "order_date"])
def lifecycle(customers: pd.DataFrame, orders: pd.DataFrame, as_of=AS_OF,
              window_days: int = rules.DECLINE_WINDOW_DAYS, decline_ratio: float = rules.DECLINE_RATIO,
              exploration_years: float = 1.0, formation_years: float = 3.0) -> pd.DataFrame:
    """Place every customer in a lifecycle stage on ``as_of``, by a stated rule.

    Rule (first that applies):

    1. **lost** (已流失): lost on or before ``as_of`` and not won back since;
    2. **exploration** (考察期): the current relationship is younger than ``exploration_years``
       (it starts at ``acquired_date``, or at ``won_back_date`` for a customer won back);
    3. **decline** (衰退期): orders in the last ``window_days`` days are fewer than ``decline_ratio``
       times the orders in the ``window_days`` days before (with at least two orders then): the
       course's one rule for a falling order volume (:func:`crmlessons.datasets.rules.is_declining`),
       the same as lesson 05's early warning;
    4. **formation** (形成期): younger than ``formation_years``;
    5. **stability** (稳定期): everyone else.

    Customers acquired after ``as_of`` are left out.

    Parameters
    ----------
    customers : DataFrame
        Columns ``customer_id``, ``acquired_date``, ``lost_date``, ``won_back_date``.
    orders : DataFrame
        Columns ``customer_id``, ``order_date``.
    as_of : date, default 2025-12-31
    window_days : int, default 365 (:data:`~crmlessons.datasets.rules.DECLINE_WINDOW_DAYS`)
    decline_ratio : float in (0, 1], default 0.6 (:data:`~crmlessons.datasets.rules.DECLINE_RATIO`)
    exploration_years, formation_years : float, default 1 and 3

    Returns
    -------
    DataFrame
        One row per customer: ``customer_id``, ``tenure_years`` (from the first purchase to the loss
        or to ``as_of``), ``relationship_years`` (of the current relationship), ``orders_recent``,
        ``orders_before``, ``stage`` (ordered categorical of :data:`STAGES`).

    Examples
    --------
    >>> c = pd.DataFrame({"customer_id": ["A", "B"],
    ...                   "acquired_date": pd.to_datetime(["2025-06-01", "2020-01-01"]),
    ...                   "lost_date": pd.to_datetime([None, None]), "won_back_date": pd.to_datetime([None, None])})
    >>> o = pd.DataFrame({"customer_id": ["B"] * 4,
    ...                   "order_date": pd.to_datetime(["2024-01-10", "2024-02-10", "2024-03-10", "2025-11-10"])})
    >>> lifecycle(c, o)[["customer_id", "orders_recent", "orders_before", "stage"]]
      customer_id  orders_recent  orders_before        stage
    0           A              0              0  exploration
    1           B              1              3      decline
    """
    day = require_date(as_of, "as_of")
    require_number(window_days, "window_days", low=1, integer=True)
    require_number(decline_ratio, "decline_ratio", low=0, high=1)
    require_number(exploration_years, "exploration_years", low=0)
    require_number(formation_years, "formation_years", low=exploration_years)

    c = customers.loc[customers["acquired_date"] <= day,
                      ["customer_id", "acquired_date", "lost_date", "won_back_date"]].reset_index(drop=True)
    is_lost = ~rules.active_matrix(c, [day])[0]  # acquired by as_of: not active means lost
    back = c["won_back_date"].where(c["won_back_date"] <= day)
    start = back.fillna(c["acquired_date"])
    end = c["lost_date"].where(is_lost, day)
    year = pd.Timedelta(days=365.25)
    tenure = (end - c["acquired_date"]) / year
    current = (day - start) / year

    recent_from = day - pd.Timedelta(days=window_days)
    before_from = recent_from - pd.Timedelta(days=window_days)
    dates = orders["order_date"]
    in_recent = orders.loc[(dates > recent_from) & (dates <= day), "customer_id"].value_counts()
    in_before = orders.loc[(dates > before_from) & (dates <= recent_from), "customer_id"].value_counts()
    recent = c["customer_id"].map(in_recent).fillna(0).astype(np.int64)
    before = c["customer_id"].map(in_before).fillna(0).astype(np.int64)
    falling = rules.is_declining(recent, before, decline_ratio)

    stage = np.select(
        [is_lost, current < exploration_years, falling, current < formation_years],
        ["lost", "exploration", "decline", "formation"], default="stability")
    return pd.DataFrame({
        "customer_id": c["customer_id"],
        "tenure_years": tenure.to_numpy(float),
        "relationship_years": current.where(~is_lost).to_numpy(float),
        "orders_recent": recent,
        "orders_before": before,
        "stage": pd.Categorical(stage, categories=STAGES, ordered=True),
    })


@tables(stages=["stage"])
def lifecycle_counts(stages: pd.DataFrame) -> pd.DataFrame:
    """Count the customers in each lifecycle stage (every stage listed, in order).

    Parameters
    ----------
    stages : DataFrame
        The result of :func:`lifecycle` (a ``stage`` column is enough).

    Returns
    -------
    DataFrame
        ``stage``, ``customers`` and ``share`` (of all customers, 0-1).

    Examples
    --------
    >>> lifecycle_counts(pd.DataFrame({"stage": ["stability", "lost", "stability"]}))
             stage  customers     share
    0  exploration          0  0.000000
    1    formation          0  0.000000
    2    stability          2  0.666667
    3      decline          0  0.000000
    4         lost          1  0.333333
    """
    unknown = sorted(set(stages["stage"].dropna().astype(str)) - set(STAGES))
    if unknown:
        raise ValueError(f"stages['stage'] must hold values of {list(STAGES)}; got {unknown}")
    counts = stages["stage"].astype(str).value_counts().reindex(list(STAGES), fill_value=0)
    total = counts.sum()
    return pd.DataFrame({"stage": list(STAGES), "customers": counts.to_numpy(np.int64),
                         "share": counts.to_numpy(float) / total if total else np.zeros(len(STAGES))})


@tables(stages=["stage", "tenure_years"])
def tenure_summary(stages: pd.DataFrame) -> pd.DataFrame:
    """Summarise how long relationships last: current customers against lost ones.

    Parameters
    ----------
    stages : DataFrame
        The result of :func:`lifecycle` (columns ``stage`` and ``tenure_years``).

    Returns
    -------
    DataFrame
        Index ``current`` / ``lost``; columns ``customers``, ``median_years``, ``mean_years``.

    Examples
    --------
    >>> s = pd.DataFrame({"stage": ["stability", "lost", "lost"], "tenure_years": [6.0, 2.0, 4.0]})
    >>> tenure_summary(s)
             customers  median_years  mean_years
    current          1           6.0         6.0
    lost             2           3.0         3.0
    """
    group = np.where(stages["stage"].astype(str) == "lost", "lost", "current")
    table = stages.groupby(group)["tenure_years"].agg(customers="size", median_years="median", mean_years="mean")
    return table.reindex(["current", "lost"]).fillna({"customers": 0}).astype({"customers": np.int64})


# ---------------------------------------------------------------------------------------------
# Depth: what each order is to the relationship

def _codes(values) -> np.ndarray:
    """Integer codes, equal where ``values`` are equal (in no particular order)."""
    return pd.factorize(values)[0]


def _date_order(customer, date, order_id) -> np.ndarray:
    """The stable sort of the rows by customer, date and order id (customers in any order).

    Rows are sorted by customer and date first; only the rows that tie on both (few) are then
    sorted by their order ids, which keeps the many ids from being sorted as text.
    """
    date = np.asarray(date).astype("datetime64[ns]")
    when = np.where(np.isnat(date), np.iinfo(np.int64).max, date.view(np.int64))  # missing dates last, as pandas sorts
    order = np.lexsort((when, customer))
    who, day = customer[order], when[order]
    same = (who[1:] == who[:-1]) & (day[1:] == day[:-1])
    tied = np.r_[same, False] | np.r_[False, same]
    if tied.any():
        slots = order[tied]
        ids = pd.factorize(order_id[slots], sort=True)[0]
        order[tied] = slots[np.lexsort((ids, when[slots], customer[slots]))]
    return order


def _order_kinds(customer, date, order_id, line, standard) -> np.ndarray:
    """The kind of each order, as its place in :data:`ORDER_KINDS` (arrays of equal length, in any
    order): see :func:`classify_orders`.

    In each customer's date order (ties by order id, then as given), a customer's first order is
    ``first``, the first of a line ``cross_sell``, a premium order of a line bought in standard tier
    before ``up_sell``, any other ``repeat``.
    """
    who = _codes(customer)
    order = _date_order(who, date, order_id)
    lines = _codes(line)
    who, standard = who[order], standard[order]
    pair = who * (int(lines.max(initial=0)) + 1) + lines[order]
    first = np.r_[True, who[1:] != who[:-1]][:len(who)]
    by_pair = np.argsort(pair, kind="stable")        # each (customer, line) in date order
    grouped, flags = pair[by_pair], standard[by_pair].astype(np.int64)
    starts = np.r_[True, grouped[1:] != grouped[:-1]][:len(grouped)]
    before = np.cumsum(flags) - flags                 # standard orders earlier in the sorted list ...
    before -= before[np.maximum.accumulate(np.where(starts, np.arange(len(grouped)), 0))]  # ... of the pair
    new_line, standard_before = np.empty_like(starts), np.empty(len(grouped), dtype=bool)
    new_line[by_pair], standard_before[by_pair] = starts, before > 0
    up = ~standard & standard_before
    sorted_kind = np.select([first, new_line, up], [ORDER_KINDS.index(k) for k in ("first", "cross_sell", "up_sell")],
                            default=ORDER_KINDS.index("repeat")).astype(np.int8)
    kind = np.empty(len(order), dtype=np.int8)
    kind[order] = sorted_kind
    return kind


@tables(orders=Table("orders", ["customer_id", "order_id", "order_date", "product_line", "tier"], empty_ok=True))
def classify_orders(orders: pd.DataFrame, customers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Label every order as a first, repeat, cross-selling or up-selling purchase.

    Rule, within each customer's orders in date order (ties broken by ``order_id``):

    * **first** (首次购买): the customer's first order;
    * **cross_sell** (交叉销售): the first order of a product line the customer had not bought before;
    * **up_sell** (增量销售): a premium-tier order of a line the customer had bought in standard tier before;
    * **repeat** (重复购买): any other further order of a line already bought.

    The orders table starts in 2019, after many customers' first purchase. When ``customers`` is
    given, a customer acquired before the first order in ``orders`` is taken to have bought its
    ``primary_product_line`` (standard tier) before: its earlier history is not in the table, so
    none of its orders is "first" and orders of its primary line are not cross-selling. Without
    ``customers``, each customer's first order in the table counts as its first purchase.

    Parameters
    ----------
    orders : DataFrame
        Columns ``customer_id``, ``order_id``, ``order_date``, ``product_line``, ``tier``
        (``standard`` / ``premium``).
    customers : DataFrame, optional
        Columns ``customer_id``, ``acquired_date``, ``primary_product_line``.

    Returns
    -------
    DataFrame
        ``orders`` (same rows and index) with a column ``kind`` (categorical of :data:`ORDER_KINDS`).

    Examples
    --------
    >>> o = pd.DataFrame({"order_id": ["1", "2", "3", "4"], "customer_id": ["A"] * 4,
    ...                   "order_date": pd.to_datetime(["2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01"]),
    ...                   "product_line": ["bearings", "bearings", "hydraulics", "bearings"],
    ...                   "tier": ["standard", "standard", "standard", "premium"]})
    >>> classify_orders(o)["kind"].tolist()
    ['first', 'repeat', 'cross_sell', 'up_sell']
    """
    customer = orders["customer_id"].astype(str).to_numpy(dtype=object)
    date = orders["order_date"].to_numpy()
    order_id = orders["order_id"].astype(str).to_numpy(dtype=object)
    line = orders["product_line"].astype(str).to_numpy(dtype=object)
    standard = (orders["tier"].astype(str) == "standard").to_numpy()
    row = np.arange(len(orders))
    if customers is not None:
        customers = require_table(customers, "customers", "customers",
                                  ["customer_id", "acquired_date", "primary_product_line"])
        if len(orders):
            old = customers.loc[customers["acquired_date"] < orders["order_date"].min()]
            customer = np.concatenate([old["customer_id"].astype(str).to_numpy(dtype=object), customer])
            date = np.concatenate([old["acquired_date"].to_numpy(dtype=date.dtype), date])
            order_id = np.concatenate([np.full(len(old), "", dtype=object), order_id])
            line = np.concatenate([old["primary_product_line"].astype(str).to_numpy(dtype=object), line])
            standard = np.concatenate([np.ones(len(old), dtype=bool), standard])
            row = np.concatenate([np.full(len(old), -1), row])
    kind = _order_kinds(customer, date, order_id, line, standard)
    codes = np.empty(len(orders), dtype=np.int8)
    keep = row >= 0
    codes[row[keep]] = kind[keep]
    result = orders.copy()
    result["kind"] = pd.Categorical.from_codes(codes, categories=ORDER_KINDS)
    return result


@tables(orders=["order_date", "amount_cny"])
def depth_by_year(orders: pd.DataFrame, customers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Revenue by kind of purchase and year, and referrals won each year: the depth of relationships.

    Parameters
    ----------
    orders : DataFrame
        Columns of :func:`classify_orders` plus ``amount_cny`` (a ``kind`` column, if present, is used as is).
    customers : DataFrame, optional
        Passed to :func:`classify_orders`; with ``referred_by`` it also counts **referrals**: customers
        acquired in the year whom an existing customer referred (口碑与推荐).

    Returns
    -------
    DataFrame
        One row per year: ``year``, revenue (CNY) ``first``, ``repeat``, ``cross_sell``, ``up_sell``,
        ``total``, and ``referrals`` (when ``customers`` has ``referred_by``).

    Examples
    --------
    >>> o = pd.DataFrame({"order_id": ["1", "2"], "customer_id": ["A", "A"],
    ...                   "order_date": pd.to_datetime(["2020-01-01", "2021-02-01"]),
    ...                   "product_line": ["bearings", "hydraulics"], "tier": ["standard", "standard"],
    ...                   "amount_cny": [100.0, 50.0]})
    >>> depth_by_year(o)
       year  first  repeat  cross_sell  up_sell  total
    0  2020  100.0     0.0         0.0      0.0  100.0
    1  2021    0.0     0.0        50.0      0.0   50.0
    """
    labelled = orders if "kind" in orders.columns else classify_orders(orders, customers)
    year = labelled["order_date"].dt.year.rename("year")
    table = (labelled.groupby([year, labelled["kind"].astype(str)])["amount_cny"].sum()
             .unstack(fill_value=0.0).reindex(columns=list(ORDER_KINDS), fill_value=0.0))
    table.columns.name = None
    table["total"] = table.sum(axis=1)
    table = table.reset_index()
    if customers is not None and "referred_by" in customers.columns:
        customers = require_table(customers, "customers", "customers", ["acquired_date", "referred_by"])
        referred = customers.loc[customers["referred_by"].notna(), "acquired_date"].dt.year.value_counts()
        table["referrals"] = table["year"].map(referred).fillna(0).astype(np.int64)
    return table


# ---------------------------------------------------------------------------------------------
# Breadth: customers won, kept, lost and won back

@tables(customers=["acquired_date", "lost_date", "won_back_date"])
def breadth(customers: pd.DataFrame, years=rules.YEARS) -> pd.DataFrame:
    """Count the relationships won, kept, lost and won back in each year.

    Definitions for a year ``y`` (a customer is *active* on a day if acquired before it and not lost
    before it, unless won back before it):

    * ``active_start``: active on 1 January of ``y``;
    * ``won``: acquired (first purchase) in ``y``;
    * ``kept``: active on 1 January and not lost during ``y``;
    * ``lost``: lost during ``y`` (whenever won);
    * ``won_back``: won back during ``y``;
    * ``active_end``: active on 1 January of ``y + 1``;
    * ``retention_rate``: ``kept / active_start``.

    Parameters
    ----------
    customers : DataFrame
        Columns ``acquired_date``, ``lost_date``, ``won_back_date``.
    years : iterable of int, default 2019-2025

    Returns
    -------
    DataFrame
        One row per year with the columns above.

    Examples
    --------
    >>> c = pd.DataFrame({"acquired_date": pd.to_datetime(["2018-05-01", "2018-06-01", "2019-03-01"]),
    ...                   "lost_date": pd.to_datetime([None, "2019-07-01", None]),
    ...                   "won_back_date": pd.to_datetime([None, None, None])})
    >>> breadth(c, years=[2019])[["year", "active_start", "won", "kept", "lost", "retention_rate"]]
       year  active_start  won  kept  lost  retention_rate
    0  2019             2    1     1     1             0.5
    """
    table = rules.yearly_counts(customers, years).rename(columns={"acquired": "won", "retained": "kept"})
    start = table["active_start"]
    table["retention_rate"] = (table["kept"] / start.where(start > 0)).astype(float)
    return table[["year", "active_start", "won", "kept", "lost", "won_back", "active_end", "retention_rate"]]


_SPEND = ["year", "spend_type", "amount_cny"]
_CUSTOMER_DATES = ["acquired_date", "lost_date", "won_back_date"]


@tables(spend=_SPEND, customers=_CUSTOMER_DATES)
def cost_per_customer(spend: pd.DataFrame, customers: pd.DataFrame, years=None) -> pd.DataFrame:
    """What winning a new customer and keeping an existing one cost, year by year.

    ``cost_per_new`` = acquisition spend / customers won; ``cost_per_kept`` = retention spend /
    customers kept (as in :func:`breadth`); ``ratio`` = cost_per_new / cost_per_kept: the number
    the literature puts at 5 (as the Relationship-marketing essay and the
    Customer-service courseware repeat it). A year with no customer won (or kept) has no cost
    per customer (missing), not an infinite one. The course's one cost-per-customer table: lessons
    01 and 05 both use it.

    Parameters
    ----------
    spend : DataFrame
        Columns ``year``, ``spend_type`` (``acquisition`` / ``retention``), ``amount_cny``.
    customers : DataFrame
        As for :func:`breadth`.
    years : iterable of int, optional
        The years to show (default: every year of ``spend``).

    Returns
    -------
    DataFrame
        One row per year: ``year``, ``acquisition_cny``, ``retention_cny``, ``won``,
        ``kept``, ``cost_per_new``, ``cost_per_kept``, ``ratio``.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> costs = cost_per_customer(datasets.load_spend(), datasets.load_customers())
    >>> costs[["year", "won", "kept"]].tail(2).to_dict("records")
    [{'year': 2024, 'won': 50, 'kept': 1012}, {'year': 2025, 'won': 76, 'kept': 1001}]
    >>> cost_per_customer(datasets.load_spend(), datasets.load_customers(), years=[2020])["year"].tolist()
    [2020]
    """
    types = set(spend["spend_type"].astype(str))
    if not {"acquisition", "retention"} <= types:
        raise ValueError(f"spend['spend_type'] must include 'acquisition' and 'retention'; got {sorted(types)}")
    if years is not None:
        ys = _years(years)
        spend = spend[spend["year"].isin(ys)]
        missing = sorted(set(ys.tolist()) - set(spend["year"].tolist()))
        if missing:
            raise ValueError(f"years must be years of spend; spend has no rows for {missing}")
    by_year = (spend.groupby([spend["year"], spend["spend_type"].astype(str)])["amount_cny"].sum()
               .unstack(fill_value=0.0).reindex(columns=["acquisition", "retention"], fill_value=0.0))
    counts = breadth(customers, by_year.index.astype(np.int64)).set_index("year")
    table = pd.DataFrame({
        "year": by_year.index.astype(np.int64),
        "acquisition_cny": by_year["acquisition"].to_numpy(float),
        "retention_cny": by_year["retention"].to_numpy(float),
        "won": counts["won"].to_numpy(),
        "kept": counts["kept"].to_numpy(),
    })
    table["cost_per_new"] = table["acquisition_cny"] / table["won"].where(table["won"] > 0)
    table["cost_per_kept"] = table["retention_cny"] / table["kept"].where(table["kept"] > 0)
    table["ratio"] = table["cost_per_new"] / table["cost_per_kept"].where(table["cost_per_kept"] > 0)
    return table


@tables(spend=_SPEND, customers=_CUSTOMER_DATES)
def cost_ratio(spend: pd.DataFrame, customers: pd.DataFrame, years=None, would_stay: float = 0.0) -> float:
    """How many times keeping a customer does winning a new one cost, over all years of ``spend``?

    Total acquisition spend per customer won, divided by total retention spend per customer kept,
    pooled over ``years`` (default every year of ``spend``), from :func:`cost_per_customer`.

    With ``would_stay`` (a share, 0-1) the retention spend is divided only by the customers it
    *saved*: those kept beyond ``would_stay`` times the customers on 1 January, who would have stayed
    with no retention spend at all. That is what would make the "5 times" claim fail: the more
    customers stay anyway, the dearer each customer saved.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> round(cost_ratio(datasets.load_spend(), datasets.load_customers()), 2)
    4.72
    >>> round(cost_ratio(datasets.load_spend(), datasets.load_customers(), would_stay=0.8), 2)
    0.77
    """
    require_number(would_stay, "would_stay", low=0, high=1)
    t = cost_per_customer(spend, customers, years)
    won, keeping = t["won"].sum(), t["retention_cny"].sum()
    kept = t["kept"].sum()
    if would_stay:
        kept = kept - would_stay * breadth(customers, t["year"])["active_start"].sum()
    if won == 0 or kept <= 0 or keeping == 0:
        beyond = f" beyond the share would_stay={would_stay:g} who would stay anyway" if would_stay else ""
        raise ValueError(f"cost_ratio needs at least one customer won, one kept and some retention spend in the years "
                         f"of spend; got {won} won, {kept:g} kept{beyond}, {keeping:,.0f} CNY retention spend")
    return float((t["acquisition_cny"].sum() / won) / (keeping / kept))


@tables(customers=["customer_id", *_CUSTOMER_DATES], orders=["customer_id", "order_date"])
def stage_outcomes(customers: pd.DataFrame, orders: pd.DataFrame,
                   as_of=AS_OF - pd.DateOffset(years=1), days: int = 365) -> pd.DataFrame:
    """Test the lifecycle rule on history: place customers in stages on ``as_of``, then see who was lost.

    Applies :func:`lifecycle` with the data known on ``as_of`` (orders up to that day) and counts, per
    stage, the customers lost within the next ``days`` days. A warning rule is worth following where
    the share lost is high: that is where a call is most likely to reach a customer about to leave.

    Parameters
    ----------
    customers, orders : DataFrame
        As for :func:`lifecycle`.
    as_of : date, default a year before the data date (2024-12-31)
        The day the stages are set; ``as_of + days`` must not be after the data date.
    days : int, default 365

    Returns
    -------
    DataFrame
        One row per stage still a customer (lost left out): ``stage``, ``customers``, ``lost``
        (within ``days``), ``share_lost``.

    Examples
    --------
    >>> c = pd.DataFrame({"customer_id": ["A", "B"],
    ...                   "acquired_date": pd.to_datetime(["2024-06-01", "2020-01-01"]),
    ...                   "lost_date": pd.to_datetime(["2025-03-01", None]), "won_back_date": pd.to_datetime([None, None])})
    >>> o = pd.DataFrame({"customer_id": ["A", "B"], "order_date": pd.to_datetime(["2024-07-01", "2024-05-01"])})
    >>> stage_outcomes(c, o)[["stage", "customers", "lost"]].to_dict("records")[:3]
    [{'stage': 'exploration', 'customers': 1, 'lost': 1}, {'stage': 'formation', 'customers': 0, 'lost': 0}, \
{'stage': 'stability', 'customers': 1, 'lost': 0}]
    """
    day = require_date(as_of, "as_of")
    require_number(days, "days", low=1, integer=True)
    until = day + pd.Timedelta(days=int(days))
    if until > AS_OF:
        raise ValueError(f"as_of plus days must be on or before the data date {AS_OF.date()}; got "
                         f"{pd.Timestamp(day).date()} + {days} days")
    stages = lifecycle(customers, orders.loc[orders["order_date"] <= day], as_of=day)
    when = stages["customer_id"].map(customers.drop_duplicates("customer_id").set_index("customer_id")["lost_date"])
    lost = ((when > day) & (when <= until)).to_numpy()
    table = pd.DataFrame({"stage": stages["stage"].astype(str), "lost": lost})
    live = [stage for stage in STAGES if stage != "lost"]
    grouped = table[table["stage"] != "lost"].groupby("stage")["lost"]
    counts = grouped.size().reindex(live, fill_value=0)
    losses = grouped.sum().reindex(live, fill_value=0)
    return pd.DataFrame({"stage": live, "customers": counts.to_numpy(np.int64), "lost": losses.to_numpy(np.int64),
                         "share_lost": (losses / counts.where(counts > 0)).to_numpy(float)})


# ---------------------------------------------------------------------------------------------
# Knowing one customer: the three levels (Relationship-marketing essay)

# The survey answers a customer profile shows on its care level.
_CARE_ANSWERS = ("satisfaction", "loyalty_emotional", "loyalty_behavioural", "loyalty_intentional",
                 "complaints_12m", "complaints_resolved")


@tables(customers=["customer_id", "won_back_date", "preferred_channel", "communication_style"],
        survey=["customer_id", *_CARE_ANSWERS])
def example_customer(customers: pd.DataFrame, survey: pd.DataFrame) -> str:
    """Return a customer worth studying on all three levels: won back, surveyed, fully recorded.

    The first (by id) customer who was won back and answered every survey question the profile shows
    (satisfaction, loyalty, complaints), with known subjective traits; failing that, the first surveyed
    customer.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> example_customer(datasets.load_customers(), datasets.load_survey()).startswith("C")
    True
    """
    full = survey.loc[survey[list(_CARE_ANSWERS)].notna().all(axis=1), "customer_id"]
    good = customers[customers["won_back_date"].notna() & customers["preferred_channel"].notna()
                     & customers["communication_style"].notna() & customers["customer_id"].isin(full)]
    pool = good["customer_id"] if len(good) else survey["customer_id"]
    if len(pool) == 0:
        raise ValueError("survey has no customers; example_customer needs at least one respondent")
    return str(sorted(pool.astype(str))[0])


def _category_text(value, column: str) -> str:
    from crmlessons.datasets import value_labels

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "-"
    try:
        labels = value_labels(column)
    except ValueError:
        return str(value)
    return labels.get(str(value), {}).get(i18n.get_language(), str(value))


def _date_text(value) -> str:
    return "-" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


@tables(customers=["customer_id", "acquired_date", "industry", "company_size", "employees", "founded_year", "region", "preferred_channel", "communication_style", "primary_product_line", "status", "lost_date", "won_back_date"],
        orders=["customer_id", "order_date", "product_line", "tier", "amount_cny"],
        survey=["customer_id", "satisfaction", "loyalty_emotional", "loyalty_behavioural", "loyalty_intentional", "complaints_12m", "complaints_resolved"],
        losses=["customer_id", "lost_date", "reason"])
def customer_profile(customer_id: str, customers: pd.DataFrame, orders: pd.DataFrame, survey: pd.DataFrame,
                     losses: pd.DataFrame) -> pd.DataFrame:
    """Gather one customer's records on the three levels of knowing a customer (Relationship-marketing essay).

    1. **objective data** (客观资料): who the customer is and what it bought;
    2. **subjective traits** (主观特点): how it likes to be contacted, how it talks, what it prefers;
    3. **care** (客户关怀): how it feels: satisfaction, loyalty, complaints, and whether it was lost.

    Parameters
    ----------
    customer_id : str
        The customer to profile, e.g. ``"C00001"``.
    customers, orders, survey, losses : DataFrame
        The case company's tables (:func:`crmlessons.datasets.load_case`).

    Returns
    -------
    DataFrame
        ``level`` (one of :data:`LEVELS`), ``item`` (column or measure name), ``label`` (in the
        current language) and ``value`` (as text), in level order.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> case = datasets.load_case()
    >>> p = customer_profile("C00001", case.customers, case.orders, case.survey, case.losses)
    >>> p.groupby("level", sort=False).size().to_dict()
    {'objective': 10, 'subjective': 4, 'care': 8}
    """
    from crmlessons.datasets import dictionary

    if not isinstance(customer_id, str):
        raise TypeError(f"customer_id must be a string such as 'C00001'; got {type(customer_id).__name__} {customer_id!r}")
    match = customers.loc[customers["customer_id"] == customer_id]
    if match.empty:
        example = str(customers["customer_id"].iloc[0]) if len(customers) else "C00001"
        raise ValueError(i18n.t("unknown_customer", given=customer_id, example=example))
    row = match.iloc[0]
    lang = i18n.get_language()
    names = {}
    for table in ("customers", "survey"):
        d = dictionary(table)
        names.update(dict(zip(d["column"], d[f"label_{lang}"])))

    mine = orders.loc[orders["customer_id"] == customer_id]
    lines = sorted(mine["product_line"].astype(str).unique())
    premium = float((mine["tier"].astype(str) == "premium").mean()) if len(mine) else float("nan")
    rows = [
        ("objective", "industry", names["industry"], _category_text(row["industry"], "industry")),
        ("objective", "company_size", names["company_size"], _category_text(row["company_size"], "company_size")),
        ("objective", "employees", names["employees"], f"{int(row['employees']):,}"),
        ("objective", "founded_year", names["founded_year"], str(int(row["founded_year"]))),
        ("objective", "region", names["region"], _category_text(row["region"], "region")),
        ("objective", "acquired_date", names["acquired_date"], _date_text(row["acquired_date"])),
        ("objective", "orders", i18n.t("profile_orders"), str(len(mine))),
        ("objective", "revenue_cny", i18n.t("profile_revenue"), f"{mine['amount_cny'].sum():,.0f}"),
        ("objective", "product_lines", i18n.t("profile_lines"),
         ", ".join(_category_text(x, "product_line") for x in lines) or i18n.t("profile_none")),
        ("objective", "last_order", i18n.t("profile_last_order"),
         _date_text(mine["order_date"].max() if len(mine) else None)),
        ("subjective", "preferred_channel", names["preferred_channel"],
         _category_text(row["preferred_channel"], "preferred_channel")),
        ("subjective", "communication_style", names["communication_style"],
         _category_text(row["communication_style"], "communication_style")),
        ("subjective", "primary_product_line", names["primary_product_line"],
         _category_text(row["primary_product_line"], "product_line")),
        ("subjective", "premium_share", i18n.t("profile_premium_share"),
         "-" if premium != premium else f"{premium:.0%}"),
    ]
    answer = survey.loc[survey["customer_id"] == customer_id]
    for column in _CARE_ANSWERS:
        if answer.empty:
            value = i18n.t("profile_not_surveyed")
        else:
            raw = answer.iloc[0][column]
            value = "-" if pd.isna(raw) else f"{raw:g}"
        rows.append(("care", column, names[column], value))
    rows.append(("care", "status", names["status"], _category_text(row["status"], "status")))
    lost = losses.loc[losses["customer_id"] == customer_id].sort_values("lost_date")
    if lost.empty:
        loss_text = i18n.t("profile_none")
    else:
        loss_text = "; ".join(f"{_date_text(r.lost_date)} / {_category_text(r.reason, 'reason')}"
                              for r in lost.itertuples())
        if pd.notna(row["won_back_date"]):
            loss_text += f" -> {names['won_back_date']} {_date_text(row['won_back_date'])}"
    rows.append(("care", "loss", i18n.t("profile_loss"), loss_text))
    return pd.DataFrame(rows, columns=["level", "item", "label", "value"])


# ---------------------------------------------------------------------------------------------
# CRM versus traditional marketing (Key-account CRM course, Table 1-2)

def crm_vs_traditional() -> pd.DataFrame:
    """The Key-account CRM course's Table 1-2 in the current language: four ways CRM differs from traditional
    marketing.

    Examples
    --------
    >>> crm_vs_traditional().shape
    (4, 3)
    """
    rows = [(i18n.t(f"tv_{k}"), i18n.t(f"tv_{k}_trad"), i18n.t(f"tv_{k}_crm"))
            for k in ("focus", "emphasis", "goal", "technique")]
    return pd.DataFrame(rows, columns=[i18n.t("tv_aspect"), i18n.t("tv_traditional"), i18n.t("tv_crm")])


# ---------------------------------------------------------------------------------------------
# What shapes a customer relationship (Customer-service courseware)

def force_of(reason: str) -> str:
    """Return the force (one of :data:`FORCES`) that the course reads in a loss reason code.

    Examples
    --------
    >>> force_of("complaint_handling"), force_of("competitor")
    ('experience', 'competition')
    """
    require_choice(reason, "reason", list(REASON_FORCES))
    return REASON_FORCES[reason]


@tables(losses=["loss_type", "reason"])
def forces(losses: pd.DataFrame, loss_type: str = "customer") -> pd.DataFrame:
    """Count losses by the force that shaped them (Customer-service courseware; the reading is the course's).

    Parameters
    ----------
    losses : DataFrame
        The case company's ``losses`` table.
    loss_type : {"customer", "deal"}
        Lost customers (default) or lost deals.

    Returns
    -------
    DataFrame
        One row per force of :data:`FORCES`, in that order: ``force``, ``label`` (current language),
        ``losses``, ``share`` (of the losses of that type with a recorded reason; losses with no reason are left
        out) and ``reasons`` (the reason labels read as that force).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> f = forces(datasets.load_losses())
    >>> f["force"].tolist() == list(FORCES), round(float(f["share"].sum()), 6)
    (True, 1.0)
    """
    from crmlessons.datasets import value_labels

    require_choice(loss_type, "loss_type", ["customer", "deal"])
    chosen = losses.loc[(losses["loss_type"] == loss_type) & losses["reason"].notna(), "reason"].astype(str)
    counts = chosen.map(REASON_FORCES).value_counts()
    total = int(counts.sum())
    labels = value_labels("reason")
    lang = i18n.get_language()
    rows = []
    for force in FORCES:
        reasons = [labels.get(r, {}).get(lang, r) for r, f in REASON_FORCES.items() if f == force]
        n = int(counts.get(force, 0))
        rows.append((force, i18n.t(f"force_{force}"), n, n / total if total else float("nan"),
                     ("、" if lang == "zh" else ", ").join(reasons)))
    return pd.DataFrame(rows, columns=["force", "label", "losses", "share", "reasons"])


def decision_process() -> pd.DataFrame:
    """The customer's decision process (Customer-service courseware) beside where Hengtai's data record each step.

    The pairing of steps and records is the course's: Hengtai's funnel stages (lesson 04) are the seller's view of
    the same process.

    Examples
    --------
    >>> decision_process()["step"].tolist() == list(DECISION_STEPS)
    True
    """
    rows = [(step, i18n.t(f"step_{step}"), i18n.t(f"step_record_{step}")) for step in DECISION_STEPS]
    return pd.DataFrame(rows, columns=["step", "label", "in_hengtai"])


@tables(customers=["customer_id", "preferred_channel"])
def contact_by_segment(segments: pd.Series, customers: pd.DataFrame) -> pd.DataFrame:
    """How the customers of each segment like to be contacted: the first step of developing relationships (tell
    customers apart by value and by needs, Customer-service courseware) beside the second (contact at low cost).

    Parameters
    ----------
    segments : Series
        A segment per customer, indexed by ``customer_id`` (e.g. ``value.rfm_segments``).
    customers : DataFrame
        The ``customers`` table (``preferred_channel``; customers who named none are left out).

    Returns
    -------
    DataFrame
        One row per segment (in the order of ``segments``' categories, or sorted): ``customers`` (with a known
        channel) and one column per channel with its share of them.

    Examples
    --------
    >>> from crmlessons import datasets, value
    >>> seg = value.rfm_segments(value.rfm_summary(datasets.load_orders()))
    >>> table = contact_by_segment(seg, datasets.load_customers())
    >>> bool(((table.drop(columns="customers").sum(axis=1) - 1).abs() < 1e-9).all())
    True
    """
    if not isinstance(segments, pd.Series):
        raise TypeError(f"segments must be a Series of segments indexed by customer_id (value.rfm_segments); got "
                        f"{type(segments).__name__}")
    channel = customers.set_index("customer_id")["preferred_channel"].reindex(segments.index)
    known = channel.notna()
    if not known.any():
        raise ValueError("no customer of segments has a preferred_channel in customers; check that both use the "
                         "same customer_id values")
    shares = pd.crosstab(segments[known], channel[known], normalize="index")
    shares.index.name, shares.columns.name = "segment", None
    counts = segments[known].value_counts().reindex(shares.index)
    return shares.assign(customers=counts.to_numpy())[["customers", *shares.columns]]


def label(code: str) -> str:
    """Return the label of a stage, order kind or level code in the current language.

    Examples
    --------
    >>> label("stability"), label("cross_sell")
    ('Stability', 'Cross-selling')
    """
    for prefix, codes in (("stage_", STAGES), ("kind_", ORDER_KINDS), ("level_", LEVELS)):
        if code in codes:
            return i18n.t(prefix + code)
    require_choice(code, "code", [*STAGES, *ORDER_KINDS, *LEVELS])
    return code  # pragma: no cover - require_choice raised


__all__ = ["AS_OF", "STAGES", "ORDER_KINDS", "LEVELS", "lifecycle", "lifecycle_counts", "tenure_summary",
           "classify_orders", "depth_by_year", "breadth", "cost_per_customer", "cost_ratio", "stage_outcomes",
           "example_customer", "customer_profile", "crm_vs_traditional", "FORCES", "REASON_FORCES", "DECISION_STEPS",
           "force_of", "forces", "decision_process", "contact_by_segment", "label"]
