"""What keeping a customer is worth: retention rate, the cost of a lost customer, and what-if figures.

A lost customer costs the firm twice: the margin the customer would still have brought over the
rest of the relationship, and the cost of winning a new customer to take their place. The literature
puts a figure on the second part: winning a new customer costs five times as much as keeping one (the
Relationship-marketing essay; the Customer-service courseware); and the essay says two thirds of
customers leave because the supplier cared too little for them. This module measures both on a firm's
data (:func:`cost_ratio`, :func:`claims`; Hengtai's data were built to agree with them, see
``datasets.planted_effects()``), prices a lost customer (:func:`facts`, :func:`lost_customer_cost`)
and answers "what if we cut these losses by this much?" (:func:`reason_values` once, then
:func:`what_if`: plain arithmetic, fast enough for a slider).

Future margin is discounted at :data:`DISCOUNT_RATE` (10% a year) unless told otherwise: money
received later is worth less than money today, and the further a relationship runs into the future,
the less sure it is (the retention rate measured over 2019-2025 need not hold for twenty years).
Undiscounted, Hengtai's retention rate of about 0.955 would promise 22 years of margin from every
customer kept.

Examples
--------
>>> from crmlessons import datasets
>>> case = datasets.load_case()
>>> round(cost_ratio(case.spend, case.customers), 1)
4.7
"""

from __future__ import annotations

from typing import Mapping

import numpy as np
import pandas as pd

from crmlessons.checks import require_date, require_flag, require_number, require_years, tables
from crmlessons.datasets.rules import AS_OF, ORDERS_START, YEARS
from crmlessons.loss import CONTROLLABLE, REASON_CATEGORY, RELATIONSHIP_REASONS
from crmlessons.relationship import breadth, cost_per_customer, cost_ratio

#: The course's yearly discount rate for future margin (a parameter, not a figure of the data): money
#: later is worth less than money now, and a relationship's future is uncertain.
DISCOUNT_RATE = 0.10


@tables(customers=["acquired_date", "lost_date", "won_back_date"])
def customers_by_year(customers: pd.DataFrame, years=YEARS) -> pd.DataFrame:
    """Customers per calendar year: active on 1 January, acquired, lost, retained, retention rate.

    The counts of :func:`crmlessons.relationship.breadth` (lesson 01) under this lesson's names:
    ``acquired`` = won, ``retained`` = kept (active on 1 January and not lost during the year);
    ``retention_rate`` = retained / active on 1 January. A won-back customer is active again from
    the won-back date.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> table = customers_by_year(datasets.load_customers())
    >>> table.columns.tolist()
    ['year', 'active_start', 'acquired', 'lost', 'retained', 'retention_rate']
    """
    table = breadth(customers, require_years(years)).rename(columns={"won": "acquired", "kept": "retained"})
    return table[["year", "active_start", "acquired", "lost", "retained", "retention_rate"]]


@tables(customers=["acquired_date", "lost_date", "won_back_date"])
def retention_rate(customers: pd.DataFrame, years=YEARS) -> float:
    """Share of customers active on 1 January still not lost at year end, pooled over ``years``.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> round(retention_rate(datasets.load_customers()), 3)
    0.955
    """
    table = customers_by_year(customers, years)
    if table["active_start"].sum() == 0:
        raise ValueError("customers has no customer active at the start of any of the years")
    return float(table["retained"].sum() / table["active_start"].sum())


@tables(customers=["acquired_date", "lost_date", "won_back_date"])
def customer_years(customers: pd.DataFrame, start=ORDERS_START, end=AS_OF) -> float:
    """Years of active relationship of all customers between ``start`` and ``end`` (exposure).

    Examples
    --------
    >>> import pandas as pd
    >>> one = pd.DataFrame({"acquired_date": pd.to_datetime(["2024-12-31"]), "lost_date": [pd.NaT],
    ...                     "won_back_date": [pd.NaT]})
    >>> round(customer_years(one, end="2025-12-31"), 2)
    1.0
    """
    return float(active_spans(customers, start, end)["days"].sum() / 365.25)


@tables(customers=["acquired_date", "lost_date", "won_back_date"])
def active_spans(customers: pd.DataFrame, start=ORDERS_START, end=AS_OF) -> pd.DataFrame:
    """Each customer's active time between ``start`` and ``end``: the first relationship and, once won back, the second.

    The spans :func:`customer_years` adds up, one row per customer (aligned with ``customers``):
    ``first_start``, ``first_end`` (acquisition to loss, inside ``start``..``end``), ``back_start``,
    ``back_end`` (won back to ``end``; NaT when never won back), ``days`` and ``years`` (both spans
    together; years of 365.25 days). A span outside the dates has zero length (its end is its start).

    Examples
    --------
    >>> one = pd.DataFrame({"acquired_date": pd.to_datetime(["2019-07-01"]), "lost_date": pd.to_datetime(["2020-07-01"]),
    ...                     "won_back_date": pd.to_datetime(["2021-07-01"])})
    >>> round(float(active_spans(one, "2020-01-01", "2021-12-31")["years"].iloc[0]), 2)
    1.0
    """
    lo, hi = require_date(start, "start"), require_date(end, "end")
    if hi < lo:
        raise ValueError(f"end must not be before start; got start {lo:%Y-%m-%d}, end {hi:%Y-%m-%d}")
    first_start = customers["acquired_date"].clip(lower=lo)
    first_end = customers["lost_date"].fillna(hi).clip(upper=hi)
    first_end = first_end.where(first_end >= first_start, first_start)  # lost before start: no time
    back_start = customers["won_back_date"].clip(lower=lo)
    back_end = back_start.where(back_start.isna() | (back_start > hi), hi)  # won back after end: no time
    days = (first_end - first_start).dt.days + (back_end - back_start).dt.days.fillna(0)
    return pd.DataFrame({"first_start": first_start, "first_end": first_end, "back_start": back_start,
                         "back_end": back_end, "days": days.astype(np.int64), "years": days / 365.25},
                        index=customers.index)


@tables(orders=["order_date", "amount_cny", "margin_cny"], customers=["acquired_date", "lost_date", "won_back_date"], spend=())
def facts(orders: pd.DataFrame, customers: pd.DataFrame, spend: pd.DataFrame, years=YEARS,
          discount_rate: float = DISCOUNT_RATE) -> pd.Series:
    """The figures that price a lost customer, measured on the data (2019-2025 by default).

    Parameters
    ----------
    orders, customers, spend : pandas.DataFrame
        The case tables.
    years : sequence of int
        Calendar years to measure over.
    discount_rate : float
        Yearly discount rate for future margin (default :data:`DISCOUNT_RATE`, 10%; 0: none).

    Returns
    -------
    pandas.Series
        ``revenue_per_year`` and ``margin_per_year`` (per customer-year of relationship),
        ``retention_rate``, ``expected_years`` (remaining relationship of a customer kept today,
        discounted: 1 / (1 - retention / (1 + discount_rate)), :func:`expected_years`),
        ``acquisition_cost``, ``retention_cost``,
        ``lost_margin`` (margin_per_year x expected_years), ``lost_customer_cost`` (lost margin +
        acquisition cost of a replacement).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> case = datasets.load_case()
    >>> f = facts(case.orders, case.customers, case.spend)
    >>> bool(f["lost_customer_cost"] == f["lost_margin"] + f["acquisition_cost"])
    True
    >>> undiscounted = facts(case.orders, case.customers, case.spend, discount_rate=0)
    >>> round(float(f["expected_years"]), 1), round(float(undiscounted["expected_years"]), 1)
    (7.6, 22.4)
    """
    require_number(discount_rate, "discount_rate", low=0.0, high=1.0)
    years = require_years(years)
    start, end = pd.Timestamp(f"{min(years)}-01-01"), pd.Timestamp(f"{max(years)}-12-31")  # whole years
    inside = orders[(orders["order_date"] >= start) & (orders["order_date"] <= end)]
    exposure = customer_years(customers, start, end)
    if exposure <= 0:
        raise ValueError("customers has no active relationship in the chosen years")
    rate = retention_rate(customers, years)
    costs = cost_per_customer(spend, customers, years)
    acquisition = costs["acquisition_cny"].sum() / costs["won"].sum()
    retention = costs["retention_cny"].sum() / costs["kept"].sum()
    expected = expected_years(rate, discount_rate)
    margin = float(inside["margin_cny"].sum() / exposure)
    lost_margin = margin * expected
    return pd.Series({
        "revenue_per_year": float(inside["amount_cny"].sum() / exposure),
        "margin_per_year": margin,
        "retention_rate": rate,
        "expected_years": expected,
        "acquisition_cost": float(acquisition),
        "retention_cost": float(retention),
        "lost_margin": lost_margin,
        "lost_customer_cost": lost_margin + float(acquisition),
    })


def expected_years(retention: float, discount_rate: float = DISCOUNT_RATE) -> float:
    """Expected remaining years of a relationship when each year a share ``retention`` stays, discounted.

    1 + r + r^2 + ... = 1 / (1 - r) with r = retention / (1 + discount_rate): this year's margin counts
    in full, next year's is worth ``retention / (1 + discount_rate)`` of it, and so on.

    Examples
    --------
    >>> round(expected_years(0.9), 2)
    5.5
    >>> round(expected_years(0.9, discount_rate=0), 2)
    10.0
    """
    require_number(retention, "retention", low=0.0, high=0.999)
    require_number(discount_rate, "discount_rate", low=0.0, high=1.0)
    return 1.0 / (1.0 - retention / (1.0 + discount_rate))


def lost_customer_cost(margin_per_year: float, retention: float, acquisition_cost: float,
                       discount_rate: float = DISCOUNT_RATE) -> float:
    """What one lost customer costs: margin over the expected remaining relationship + replacing them.

    The margin is discounted at ``discount_rate`` (default :data:`DISCOUNT_RATE`; see :func:`expected_years`).

    Examples
    --------
    >>> round(lost_customer_cost(10_000, 0.9, 30_000))
    85000
    >>> round(lost_customer_cost(10_000, 0.9, 30_000, discount_rate=0))
    130000
    """
    require_number(margin_per_year, "margin_per_year", low=0.0)
    require_number(acquisition_cost, "acquisition_cost", low=0.0)
    return margin_per_year * expected_years(retention, discount_rate) + acquisition_cost


@tables(losses=["loss_type", "lost_date", "reason"], orders=(), customers=(), spend=())
def reason_values(losses: pd.DataFrame, orders: pd.DataFrame, customers: pd.DataFrame, spend: pd.DataFrame,
                  years=YEARS, spread_unknown: bool = True) -> pd.DataFrame:
    """Per reason: lost customers a year and the yearly figures that price them. Compute once.

    :func:`what_if` then answers any "what if" with plain arithmetic on this small table.

    Parameters
    ----------
    losses : pandas.DataFrame
        Losses with ``loss_type``, ``lost_date`` and ``reason`` (the analyst's, or mapped).
    orders, customers, spend : pandas.DataFrame
        The case tables (for :func:`facts`).
    years : sequence of int
        Years to average the losses over.
    spread_unknown : bool
        True (default): lost customers with an unknown reason are spread over the reasons in
        proportion (each count is scaled by all losses / losses with a known reason).

    Returns
    -------
    pandas.DataFrame
        ``reason, category, lost_per_year, revenue_per_year, margin_per_year, retention_rate,
        replacement_cost``, reasons in taxonomy order (the last four are the same for every reason:
        the average customer of :func:`facts`).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> case = datasets.load_case()
    >>> table = reason_values(case.losses, case.orders, case.customers, case.spend)
    >>> len(table), round(float(table["lost_per_year"].sum()), 1)
    (10, 47.9)
    """
    years = require_years(years)
    f = facts(orders, customers, spend, years)
    lost = losses[(losses["loss_type"].astype(str) == "customer") & losses["lost_date"].dt.year.isin(years)]
    reasons = lost["reason"].astype(object)
    bad = sorted(set(reasons.dropna()) - set(REASON_CATEGORY))
    if bad:
        raise ValueError(f"losses has reason code(s) {bad} outside the taxonomy; expected {list(REASON_CATEGORY)}")
    n_known = int(reasons.notna().sum())
    scale = len(lost) / n_known if (require_flag(spread_unknown, "spread_unknown") and n_known) else 1.0
    per_reason = reasons.value_counts().reindex(list(REASON_CATEGORY), fill_value=0)
    table = pd.DataFrame({"reason": list(REASON_CATEGORY), "category": list(REASON_CATEGORY.values())})
    table["lost_per_year"] = per_reason.to_numpy() * scale / len(years)
    table["revenue_per_year"] = f["revenue_per_year"]
    table["margin_per_year"] = f["margin_per_year"]
    table["retention_rate"] = f["retention_rate"]
    table["replacement_cost"] = f["acquisition_cost"]
    return table


VALUE_COLUMNS = ("reason", "category", "lost_per_year", "revenue_per_year", "margin_per_year", "retention_rate",
                 "replacement_cost")


@tables(values=VALUE_COLUMNS)
def what_if(values: pd.DataFrame, reductions: Mapping[str, float], discount_rate: float = DISCOUNT_RATE) -> pd.Series:
    """What cutting losses of some reasons is worth (pure arithmetic on :func:`reason_values`).

    Parameters
    ----------
    values : pandas.DataFrame
        The table of :func:`reason_values`.
    reductions : dict
        Reason code -> share of its losses avoided (0 to 1), e.g. ``{"lack_of_care": 0.3}``.
    discount_rate : float
        Yearly discount rate of future revenue and margin (default :data:`DISCOUNT_RATE`; 0: none).

    Returns
    -------
    pandas.Series
        ``customers_kept`` (a year), ``revenue_saved`` and ``margin_saved`` (over the kept
        customers' expected remaining relationship, :func:`expected_years`), ``replacement_saved``
        (acquisition cost of replacements no longer needed) and ``break_even_budget``: margin +
        replacement saved, the most a year's programme may cost and still pay for itself.

    Examples
    --------
    >>> values = pd.DataFrame({"reason": ["price"], "category": ["company_side"], "lost_per_year": [10.0],
    ...                        "revenue_per_year": [50.0], "margin_per_year": [10.0], "retention_rate": [0.9],
    ...                        "replacement_cost": [50.0]})
    >>> what_if(values, {"price": 0.2}, discount_rate=0).round(6).to_dict()
    {'customers_kept': 2.0, 'revenue_saved': 1000.0, 'margin_saved': 200.0, 'replacement_saved': 100.0, 'break_even_budget': 300.0}
    >>> round(float(what_if(values, {"price": 0.2})["margin_saved"]), 6)
    110.0
    """
    if not isinstance(reductions, Mapping):
        raise TypeError(f"reductions must be a dict of reason code -> share (0 to 1); got {type(reductions).__name__}")
    reasons = values["reason"].tolist()
    for reason, cut in reductions.items():
        if reason not in reasons:
            raise ValueError(f"reductions key must be one of {sorted(reasons)}; got {reason!r}")
        require_number(cut, f"reductions[{reason!r}]", low=0.0, high=1.0)
    require_number(discount_rate, "discount_rate", low=0.0, high=1.0)
    share = np.array([float(reductions.get(r, 0.0)) for r in reasons])
    kept = values["lost_per_year"].to_numpy(dtype=float) * share
    years = np.array([expected_years(r, discount_rate) for r in values["retention_rate"].to_numpy(dtype=float)])
    margin = float(kept @ (values["margin_per_year"].to_numpy(dtype=float) * years))
    replacement = float(kept @ values["replacement_cost"].to_numpy(dtype=float))
    return pd.Series({"customers_kept": float(kept.sum()),
                      "revenue_saved": float(kept @ (values["revenue_per_year"].to_numpy(dtype=float) * years)),
                      "margin_saved": margin, "replacement_saved": replacement,
                      "break_even_budget": margin + replacement})


@tables(values=VALUE_COLUMNS)
def cut_company_side(values: pd.DataFrame, share: float, discount_rate: float = DISCOUNT_RATE) -> pd.Series:
    """What cutting every company-side loss by ``share`` is worth (see :func:`what_if`).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> case = datasets.load_case()
    >>> values = reason_values(case.losses, case.orders, case.customers, case.spend)
    >>> bool(cut_company_side(values, 0.0)["customers_kept"] == 0)
    True
    """
    require_number(share, "share", low=0.0, high=1.0)
    reasons = values.loc[values["category"] == CONTROLLABLE, "reason"]
    return what_if(values, {r: share for r in reasons}, discount_rate)


#: The sources of the claims :func:`claims` tests, by the names the course's sources page gives them.
ESSAY, COURSEWARE = "Relationship-marketing essay", "Customer-service courseware"

#: Each claim :func:`claims` tests: (claim, source, claimed value, the planted effect that built it into
#: Hengtai's data, or "" where none is listed by name).
CLAIMS = (
    ("acquisition_vs_retention_cost", f"{ESSAY}; {COURSEWARE}", 5.0, "acquisition_retention_cost_ratio"),
    ("lack_of_care_all_lost_customers", ESSAY, 2 / 3, ""),
    ("care_communication_complaints_all_lost_customers", ESSAY, 2 / 3, ""),
    ("care_communication_complaints_company_side_lost_customers", ESSAY, 2 / 3, "company_care_share_customers"),
)


@tables(losses=["loss_type", "reason"], spend=(), customers=())
def claims(losses: pd.DataFrame, spend: pd.DataFrame, customers: pd.DataFrame) -> pd.DataFrame:
    """The literature's claims next to what a firm's data say, and what was built into Hengtai's data.

    Hengtai is synthetic: its datasheet (``datasets.planted_effects()``) lists effects planted to agree
    with the claims. On Hengtai's data this table shows how to test a claim, not whether it is true.

    Returns
    -------
    pandas.DataFrame
        ``claim, source, claimed, measured, planted``: the acquisition / retention cost ratio (claimed
        5), and three readings of "two thirds leave for too little care" (claimed 0.667): lack of care
        alone among all lost customers; care, communication and complaint handling among all lost
        customers; the same three among company-side lost customers. ``planted`` is the value the
        datasheet lists for the effect behind a claim (NaN where it lists none by name: those readings
        follow from the planted shares of the reasons).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> case = datasets.load_case()
    >>> table = claims(case.losses, case.spend, case.customers)
    >>> table["claimed"].round(3).tolist()
    [5.0, 0.667, 0.667, 0.667]
    >>> table["planted"].tolist()
    [4.7, nan, nan, 0.8]
    """
    from crmlessons.datasets import planted_effects

    lost = losses[losses["loss_type"].astype(str) == "customer"]["reason"].astype(object).dropna()
    if lost.empty:
        raise ValueError("losses has no lost customer with a known reason")
    company = lost[lost.map(REASON_CATEGORY) == CONTROLLABLE]
    measured = [cost_ratio(spend, customers), float((lost == "lack_of_care").mean()),
                float(lost.isin(RELATIONSHIP_REASONS).mean()),
                float(company.isin(RELATIONSHIP_REASONS).mean()) if len(company) else np.nan]
    planted = planted_effects().set_index("name")["value"]
    rows = [(claim, source, claimed, value, float(planted[effect]) if effect else np.nan)
            for (claim, source, claimed, effect), value in zip(CLAIMS, measured)]
    return pd.DataFrame(rows, columns=["claim", "source", "claimed", "measured", "planted"])
