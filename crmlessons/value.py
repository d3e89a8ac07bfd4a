"""What a customer is worth, seen from both sides: delivered value, historic value, RFM and simple CLV.

Customer value has two faces (Customer-service courseware): the **customer's** (the total benefit received
against the total cost paid) and the **firm's** (the profit a long-term customer brings). Value analysis
finds the most valuable customers and how much is worth investing in winning or keeping them.

- The firm's view, from the order log: :func:`historic_value` (margin earned per customer so far) and its
  :func:`concentration` (what share of the margin the top 10 % / 20 % of customers bring);
  :func:`value_by_tenure` (margin per customer-year by year of the relationship: "the longer a customer
  stays, the higher the return", Relationship-marketing essay); :func:`rfm_summary` and
  :func:`calibration_holdout` (the frequency / recency / T / monetary_value summary that lifetimes and
  PyMC-Marketing use, input of the probabilistic models in ``crmlessons.clv``); :func:`rfm_scores`,
  :func:`rfm_segments` and :func:`segment_table` (segments with an action each); :func:`simple_clv`,
  :func:`clv_curve` and :func:`max_spend` (what a customer is worth over the relationship and the most
  worth spending to win or keep one).
- The customer's view: customer delivered value = total customer value - total customer cost (E-CRM
  article). The parts (:data:`VALUE_PARTS`, :data:`COST_PARTS`) are the marketing literature's breakdown
  (Kotler), not the article's; :func:`delivered_value`, :func:`offer_comparison` and :data:`LEVERS` (the
  article's three ways to raise value: financial benefits, social benefits, structural ties);
  :func:`value_drivers` finds the few survey items that decide perceived value ("two or three factors
  decide customer value", E-CRM article); :func:`loss_rate_by_ties` compares the loss rate of customers with
  and without each kind of tie.

Money is in yuan; the value of a purchase is its margin (``margin_cny``) unless told otherwise. Future margin
is discounted at ``retention.DISCOUNT_RATE`` (10 % a year) unless told otherwise.

Examples
--------
>>> round(simple_clv(10_000, 0.9), 2)
45000.0
>>> round(max_spend(10_000, 0.9, acquisition_cost=20_000)["keep"], 2)
65000.0
"""

from __future__ import annotations

import math
from typing import Mapping

import numpy as np
import pandas as pd

from crmlessons.checks import (Table, require_choice, require_columns, require_date, require_flag, require_number,
                               require_years, tables)
from crmlessons.datasets.dictionary import COST_ITEMS, TIE_KINDS, VALUE_ITEMS
from crmlessons.datasets.dictionary import columns as dictionary_columns
from crmlessons.datasets.rules import AS_OF, ORDERS_START, YEARS
from crmlessons.retention import DISCOUNT_RATE, active_spans, customer_years, expected_years

__all__ = ["historic_value", "concentration", "concentration_curve", "value_by_tenure", "rfm_summary",
           "calibration_holdout", "rfm_scores", "rfm_segments", "SEGMENTS", "segment_table", "simple_clv",
           "clv_curve", "max_spend", "VALUE_PARTS", "COST_PARTS", "TOTALS", "delivered_value", "offer_from_survey",
           "competitor_offer", "COMPETITOR_DIFFERENCE", "LEVERS", "apply_levers", "offer_comparison",
           "lever_gains", "value_drivers", "DRIVER_SHARE", "key_drivers", "loss_rate_by_ties", "TIME_UNITS", "MONETARY"]

#: The time units of the purchase-history summaries: weeks (the default) or days.
TIME_UNITS = ("W", "D")
#: What a purchase is worth in the summaries: its margin (the default) or its amount.
MONETARY = ("margin_cny", "amount_cny")

_YEAR = pd.Timedelta(days=365.25)
_ORDERS = Table("orders", ["customer_id", "order_date"], optional=MONETARY)


# ---------------------------------------------------------------------------------------------
# The firm's view: historic value and its concentration

@tables(orders=["customer_id", "order_date", "amount_cny", "margin_cny"],
        customers=["customer_id", "acquired_date", "lost_date", "won_back_date"])
def historic_value(orders: pd.DataFrame, customers: pd.DataFrame | None = None, as_of=AS_OF) -> pd.DataFrame:
    """Each customer's value to the firm so far: revenue, margin, orders, and margin per year of relationship.

    The order log starts on ``rules.ORDERS_START``, so "so far" means since then (for a customer won before,
    the years before are not in the data).

    Parameters
    ----------
    orders : pandas.DataFrame
        The order log (``customer_id``, ``order_date``, ``amount_cny``, ``margin_cny``); orders after
        ``as_of`` are left out.
    customers : pandas.DataFrame, optional
        The customers table. With it, every customer acquired by ``as_of`` gets a row (zeros for one with no
        order) and ``years_active`` is the active relationship inside the order log (acquisition to loss,
        and from a win-back on: ``retention.active_spans``). Without it, only customers with orders appear
        and ``years_active`` runs from the first order to ``as_of``.
    as_of : date, default ``rules.AS_OF``

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id`` (sorted): ``amount_cny`` (revenue: the orders' amounts added up),
        ``margin_cny``, ``orders``, ``first_order``, ``last_order``, ``years_active``, ``margin_per_year`` (margin / years_active; NaN for no time).

    Examples
    --------
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "B"], "order_date": pd.to_datetime(
    ...     ["2024-01-01", "2025-01-01", "2025-06-30"]), "amount_cny": [100.0, 300.0, 50.0],
    ...     "margin_cny": [20.0, 60.0, 10.0]})
    >>> table = historic_value(orders, as_of="2025-12-31")
    >>> table["margin_cny"].to_dict(), table["orders"].to_dict(), table["years_active"].round(2).to_dict()
    ({'A': 80.0, 'B': 10.0}, {'A': 2, 'B': 1}, {'A': 2.0, 'B': 0.5})
    """
    day = require_date(as_of, "as_of")
    start = pd.Timestamp(ORDERS_START)
    if day < start:
        raise ValueError(f"as_of must not be before the order log starts ({ORDERS_START}); got {day:%Y-%m-%d}")
    inside = orders[orders["order_date"] <= day]
    grouped = inside.groupby("customer_id", sort=True)
    table = pd.DataFrame({"amount_cny": grouped["amount_cny"].sum(), "margin_cny": grouped["margin_cny"].sum(),
                          "orders": grouped.size(), "first_order": grouped["order_date"].min(),
                          "last_order": grouped["order_date"].max()})
    if customers is None:
        years = (day - table["first_order"]) / _YEAR
    else:
        known = customers[customers["acquired_date"] <= day]
        unknown = sorted(set(table.index) - set(known["customer_id"]))
        if unknown:
            raise ValueError(f"orders has customer_id(s) not among the customers acquired by as_of: {unknown[:3]}"
                             f"{' ...' if len(unknown) > 3 else ''}")
        spans = active_spans(known, start, day)
        years = pd.Series(spans["years"].to_numpy(), index=known["customer_id"].to_numpy()).sort_index()
        table = table.reindex(years.index)
        table[["amount_cny", "margin_cny"]] = table[["amount_cny", "margin_cny"]].fillna(0.0)
        table["orders"] = table["orders"].fillna(0).astype(np.int64)
    table.index.name = "customer_id"
    table["years_active"] = years.astype(float)
    table["margin_per_year"] = (table["margin_cny"] / table["years_active"]).where(table["years_active"] > 0)
    return table


def _values(values, name: str) -> np.ndarray:
    """``values`` (a Series, array or list of numbers, one per customer) as a float array, checked."""
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, (pd.Series, np.ndarray, list, tuple)):
        raise TypeError(f"{name} must be a pandas Series of numbers, one per customer; got {type(values).__name__}")
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must hold numbers, one per customer") from None
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must hold at least one number, one per customer; got shape {array.shape}")
    if not np.isfinite(array).all():
        raise ValueError(f"{name} must hold finite numbers; got {int((~np.isfinite(array)).sum())} missing or "
                         "infinite value(s)")
    return array


def _shares(top) -> list[float]:
    if isinstance(top, (str, bytes)) or not hasattr(top, "__iter__"):
        raise TypeError(f"top must be a list of shares of customers such as (0.1, 0.2); got {type(top).__name__}")
    shares = [float(require_number(s, f"top[{i}]", low=0.0, high=1.0)) for i, s in enumerate(top)]
    if not shares or min(shares) <= 0:
        raise ValueError(f"top must list shares above 0 (such as 0.1 for the top 10 %); got {list(top)}")
    return shares


def concentration(margins, top=(0.1, 0.2)) -> pd.DataFrame:
    """What share of the total margin the most valuable customers bring.

    The top ``share`` of customers is the ``ceil(share x n)`` customers with the highest margin (at least one).

    Parameters
    ----------
    margins : pandas.Series
        Margin per customer, e.g. ``historic_value(orders)["margin_cny"]``; the total must be positive.
    top : sequence of float
        Shares of customers (0 to 1), default the top 10 % and 20 %.

    Returns
    -------
    pandas.DataFrame
        One row per share: ``top``, ``customers`` (how many that is), ``margin_cny`` (their margin),
        ``margin_share`` (their share of the total margin).

    Examples
    --------
    >>> concentration(pd.Series([50.0, 20, 10, 5, 5, 4, 3, 2, 1, 0]))
       top  customers  margin_cny  margin_share
    0  0.1          1        50.0           0.5
    1  0.2          2        70.0           0.7
    """
    values = np.sort(_values(margins, "margins"))[::-1]
    shares = _shares(top)
    running = np.cumsum(values)  # one running sum: more customers never bring less, and all bring exactly the total
    total = float(running[-1])
    if total <= 0:
        raise ValueError(f"margins must add up to a positive total to share it out; got {total:,.2f}")
    n = len(values)
    counts = [max(1, math.ceil(round(share * n, 9))) for share in shares]
    top_margin = [float(running[k - 1]) for k in counts]
    return pd.DataFrame({"top": shares, "customers": counts, "margin_cny": top_margin,
                         "margin_share": [m / total for m in top_margin]})


def concentration_curve(margins) -> pd.DataFrame:
    """The concentration (Pareto, or Lorenz) curve: customers from the most valuable down, cumulative share of margin.

    Returns
    -------
    pandas.DataFrame
        ``customer_share`` (0, 1/n, ..., 1) and ``margin_share`` (share of the total margin brought by
        that share of customers, the most valuable first), starting at (0, 0).

    Examples
    --------
    >>> concentration_curve(pd.Series([3.0, 1.0])).round(2).to_dict("list")
    {'customer_share': [0.0, 0.5, 1.0], 'margin_share': [0.0, 0.75, 1.0]}
    """
    values = np.sort(_values(margins, "margins"))[::-1]
    total = float(values.sum())
    if total <= 0:
        raise ValueError(f"margins must add up to a positive total to share it out; got {total:,.2f}")
    n = len(values)
    return pd.DataFrame({"customer_share": np.arange(n + 1) / n,
                         "margin_share": np.concatenate([[0.0], np.cumsum(values) / total])})


@tables(orders=["customer_id", "order_date", "margin_cny"],
        customers=["customer_id", "acquired_date", "lost_date", "won_back_date"])
def value_by_tenure(orders: pd.DataFrame, customers: pd.DataFrame, as_of=AS_OF) -> pd.DataFrame:
    """Margin per customer-year by year of the relationship (1st year, 2nd year ...).

    The data behind "the longer a customer stays, the higher the return" (Relationship-marketing essay).
    A customer's relationship year counts from the acquisition date (a year = 365.25 days; a customer
    won back keeps counting from the first acquisition). Each year's margin is divided by the time
    customers were active in that year of their relationship inside the order log (``customer_years``),
    so years seen for only part of the customers, or part of a year, are not undercounted.

    Returns
    -------
    pandas.DataFrame
        One row per relationship year with customers in it: ``tenure_year``, ``customers`` (active in
        that year of their relationship at some time in the order log), ``customer_years``,
        ``margin_cny``, ``margin_per_year`` (margin per customer-year). Later years rest on fewer
        customers (read ``customers`` next to the margin).

    Examples
    --------
    >>> c = pd.DataFrame({"customer_id": ["A"], "acquired_date": pd.to_datetime(["2023-01-01"]),
    ...                   "lost_date": pd.to_datetime([None]), "won_back_date": pd.to_datetime([None])})
    >>> o = pd.DataFrame({"customer_id": ["A", "A", "A"], "order_date": pd.to_datetime(
    ...     ["2023-03-01", "2024-03-01", "2024-09-01"]), "margin_cny": [100.0, 150.0, 150.0]})
    >>> value_by_tenure(o, c, as_of="2024-12-31")[["tenure_year", "margin_cny", "margin_per_year"]].round()
       tenure_year  margin_cny  margin_per_year
    0            1       100.0            100.0
    1            2       300.0            300.0
    """
    day = require_date(as_of, "as_of")
    start = pd.Timestamp(ORDERS_START)
    if day < start:
        raise ValueError(f"as_of must not be before the order log starts ({ORDERS_START}); got {day:%Y-%m-%d}")
    known = customers[customers["acquired_date"] <= day].reset_index(drop=True)
    acquired = dict(zip(known["customer_id"], known["acquired_date"]))
    inside = orders[(orders["order_date"] >= start) & (orders["order_date"] <= day)]
    unknown = sorted(set(inside["customer_id"]) - set(acquired))
    if unknown:
        raise ValueError(f"orders has customer_id(s) not among the customers acquired by as_of: {unknown[:3]}")
    order_age = (inside["order_date"] - inside["customer_id"].map(acquired)) / _YEAR
    early = int((order_age < 0).sum())
    if early:
        raise ValueError(f"orders has {early} order(s) dated before the customer's acquired_date")
    order_year = np.floor(order_age.to_numpy(float)).astype(np.int64) + 1
    spans = active_spans(known, start, day)
    exposure = _tenure_exposure(known["acquired_date"], spans, max(1, int(order_year.max(initial=1))))
    margin = np.bincount(order_year - 1, weights=inside["margin_cny"].to_numpy(float), minlength=exposure.shape[1])
    years = exposure.sum(axis=0)
    keep = years > 0
    table = pd.DataFrame({"tenure_year": np.arange(1, len(years) + 1), "customers": (exposure > 0).sum(axis=0),
                          "customer_years": years, "margin_cny": margin[:len(years)]})[keep]
    table["margin_per_year"] = table["margin_cny"] / table["customer_years"]
    return table.reset_index(drop=True)


def _tenure_exposure(acquired: pd.Series, spans: pd.DataFrame, at_least: int) -> np.ndarray:
    """Years each customer (rows) was active in each year of the relationship (columns 1, 2, ...)."""
    parts = []
    for begin, finish in (("first_start", "first_end"), ("back_start", "back_end")):
        lo = ((spans[begin] - acquired) / _YEAR).to_numpy(float)
        hi = ((spans[finish] - acquired) / _YEAR).to_numpy(float)
        parts.append((np.nan_to_num(lo), np.nan_to_num(hi)))  # NaT: never won back, an empty span
    last = max(at_least, int(np.ceil(max(float(hi.max(initial=0)) for _, hi in parts))))
    edges = np.arange(last + 1, dtype=float)
    exposure = np.zeros((len(acquired), last))
    for lo, hi in parts:
        exposure += np.clip(np.minimum(hi[:, None], edges[None, 1:]) - np.maximum(lo[:, None], edges[None, :-1]),
                            0, None)
    return exposure


# ---------------------------------------------------------------------------------------------
# RFM: the purchase-history summary of lifetimes and PyMC-Marketing

def _period_numbers(dates, time_unit: str) -> np.ndarray:
    """Whole periods (weeks Monday to Sunday, or days) as consecutive integers, as pandas numbers them."""
    return pd.PeriodIndex(pd.DatetimeIndex(dates), freq=time_unit).asi8


def _purchase_periods(orders: pd.DataFrame, time_unit: str, monetary: str) -> pd.DataFrame:
    """One row per customer and period with a purchase: ``customer_id``, ``period``, ``value`` (summed)."""
    frame = pd.DataFrame({"customer_id": orders["customer_id"].to_numpy(),
                          "period": _period_numbers(orders["order_date"], time_unit),
                          "value": orders[monetary].to_numpy(float)})
    return frame.groupby(["customer_id", "period"], sort=True, as_index=False)["value"].sum()


def _summary(orders: pd.DataFrame, end: pd.Timestamp, time_unit: str, monetary: str) -> pd.DataFrame:
    """frequency / recency / T / monetary_value of ``orders`` (all on or before ``end``)."""
    periods = _purchase_periods(orders, time_unit, monetary)
    grouped = periods.groupby("customer_id", sort=True)["period"]
    first, last, count = grouped.min(), grouped.max(), grouped.size()
    repeat = periods[periods["period"].to_numpy() != periods["customer_id"].map(first).to_numpy()]
    monetary_value = repeat.groupby("customer_id")["value"].mean().reindex(count.index, fill_value=0.0)
    end_period = int(_period_numbers([end], time_unit)[0])
    table = pd.DataFrame({"frequency": count - 1, "recency": last - first, "T": end_period - first,
                          "monetary_value": monetary_value}).astype(float)
    table.index.name = "customer_id"
    return table


def _summary_arguments(orders, end, time_unit, monetary, name: str = "observation_end"):
    day = require_date(end, name)
    require_choice(time_unit, "time_unit", TIME_UNITS)
    require_choice(monetary, "monetary", MONETARY)
    require_columns(orders, [monetary], "orders")
    return day


@tables(orders=_ORDERS)
def rfm_summary(orders: pd.DataFrame, observation_end=AS_OF, time_unit: str = "W",
                monetary: str = "margin_cny") -> pd.DataFrame:
    """Each customer's purchase history as frequency, recency, T and monetary value (lifetimes' convention).

    The summary of ``lifetimes.utils.summary_data_from_transaction_data`` (and PyMC-Marketing's
    ``rfm_summary``) with ``freq=time_unit``: the orders are placed in whole periods (weeks Monday to
    Sunday, as pandas numbers them, or days); several orders in one period count as one purchase period,
    their values added up. For each customer with an order on or before ``observation_end``:

    - ``frequency``: the number of *repeat* purchase periods (periods with a purchase, the first left out);
    - ``recency``: the customer's age at the last purchase, in periods from the first purchase's period
      (0 for a customer with one purchase period): not "time since the last purchase";
    - ``T``: the customer's age at ``observation_end``, in periods from the first purchase's period;
    - ``monetary_value``: the mean value of the repeat purchase periods (the first left out, as the
      Gamma-Gamma model expects); 0 when ``frequency`` is 0.

    Orders after ``observation_end`` are left out by their date (lifetimes leaves out those of later
    periods, so it would keep the rest of ``observation_end``'s week: the two agree when the data end on
    ``observation_end``). All four columns are floats, as in lifetimes. On Hengtai's data, for a customer
    won before the order log starts (``rules.ORDERS_START``) the first purchase in the log is not the first
    purchase: the summary, like any summary of a log, starts the customer there.

    Parameters
    ----------
    orders : pandas.DataFrame
        ``customer_id``, ``order_date`` and the ``monetary`` column.
    observation_end : date, default ``rules.AS_OF``
    time_unit : {"W", "D"}
        Weeks (default) or days.
    monetary : {"margin_cny", "amount_cny"}
        What a purchase is worth: its margin (default) or its amount.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id`` (sorted): ``frequency``, ``recency``, ``T``, ``monetary_value``.

    Examples
    --------
    Customer A buys in three different weeks, B twice in one week, C once:

    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "A", "B", "B", "C"],
    ...     "order_date": pd.to_datetime(["2025-01-06", "2025-01-20", "2025-02-03", "2025-01-13", "2025-01-15",
    ...                                   "2025-02-05"]), "margin_cny": [10.0, 20.0, 40.0, 5.0, 7.0, 9.0]})
    >>> rfm_summary(orders, observation_end="2025-02-10").to_dict("index")  # doctest: +NORMALIZE_WHITESPACE
    {'A': {'frequency': 2.0, 'recency': 4.0, 'T': 5.0, 'monetary_value': 30.0},
     'B': {'frequency': 0.0, 'recency': 0.0, 'T': 4.0, 'monetary_value': 0.0},
     'C': {'frequency': 0.0, 'recency': 0.0, 'T': 1.0, 'monetary_value': 0.0}}
    """
    day = _summary_arguments(orders, observation_end, time_unit, monetary)
    inside = orders[orders["order_date"] <= day]
    if inside.empty:
        raise ValueError(f"orders has no order on or before observation_end {day:%Y-%m-%d}")
    return _summary(inside, day, time_unit, monetary)


@tables(orders=_ORDERS)
def calibration_holdout(orders: pd.DataFrame, calibration_end, observation_end=AS_OF, time_unit: str = "W",
                        monetary: str = "margin_cny") -> pd.DataFrame:
    """The purchase-history summary of a calibration period, and what each customer bought after it.

    lifetimes' ``calibration_and_holdout_data``: :func:`rfm_summary` of the orders on or before
    ``calibration_end`` (columns with ``_cal``), for the customers whose first purchase is on or before it,
    and their purchases in the holdout, after ``calibration_end`` up to ``observation_end``:
    ``frequency_holdout`` (purchase periods, several orders in one period counting once; a period that
    ``calibration_end`` cuts in two counts in the holdout too, as in lifetimes), ``monetary_value_holdout``
    (the mean value of those periods; lifetimes averages the orders themselves instead: here the holdout is
    measured as the calibration is) and ``duration_holdout`` (periods from ``calibration_end``'s to
    ``observation_end``'s). A customer with no holdout purchase has 0 in both.

    Examples
    --------
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "A", "B", "C"],
    ...     "order_date": pd.to_datetime(["2025-01-06", "2025-01-20", "2025-03-05", "2025-01-13", "2025-03-01"]),
    ...     "margin_cny": [10.0, 20.0, 40.0, 5.0, 9.0]})
    >>> table = calibration_holdout(orders, "2025-02-02", observation_end="2025-03-09")
    >>> table[["frequency_cal", "T_cal", "frequency_holdout", "monetary_value_holdout"]].to_dict("index")
    {'A': {'frequency_cal': 1.0, 'T_cal': 3.0, 'frequency_holdout': 1.0, 'monetary_value_holdout': 40.0}, 'B': {'frequency_cal': 0.0, 'T_cal': 2.0, 'frequency_holdout': 0.0, 'monetary_value_holdout': 0.0}}
    >>> float(table["duration_holdout"].iloc[0])
    5.0
    """
    day = _summary_arguments(orders, observation_end, time_unit, monetary)
    cut = require_date(calibration_end, "calibration_end")
    if cut >= day:
        raise ValueError(f"calibration_end must be before observation_end; got {cut:%Y-%m-%d} and {day:%Y-%m-%d}")
    dates = orders["order_date"]
    calibration = orders[dates <= cut]
    if calibration.empty:
        raise ValueError(f"orders has no order on or before calibration_end {cut:%Y-%m-%d}")
    table = _summary(calibration, cut, time_unit, monetary).add_suffix("_cal")
    holdout = _purchase_periods(orders[(dates > cut) & (dates <= day)], time_unit, monetary)
    grouped = holdout.groupby("customer_id")["value"]
    table["frequency_holdout"] = grouped.size().reindex(table.index, fill_value=0).astype(float)
    table["monetary_value_holdout"] = grouped.mean().reindex(table.index, fill_value=0.0)
    table["duration_holdout"] = float(_period_numbers([day], time_unit)[0] - _period_numbers([cut], time_unit)[0])
    return table



@tables(cal_holdout=Table(None, ["frequency_cal", "recency_cal", "T_cal"], optional=["monetary_value_cal"]))
def calibration_summary(cal_holdout: pd.DataFrame) -> pd.DataFrame:
    """The calibration period's summary, named as :func:`rfm_summary` names it: what a model is fitted on.

    Parameters
    ----------
    cal_holdout : pandas.DataFrame
        From :func:`calibration_holdout`.

    Returns
    -------
    pandas.DataFrame
        ``frequency``, ``recency``, ``T`` (and ``monetary_value`` when given) of the calibration period.

    Examples
    --------
    >>> orders = pd.DataFrame({"customer_id": ["A", "A", "A"], "order_date": pd.to_datetime(
    ...     ["2025-01-06", "2025-01-20", "2025-02-17"]), "margin_cny": [10.0, 30.0, 50.0]})
    >>> calibration_summary(calibration_holdout(orders, "2025-02-02", observation_end="2025-03-09")).to_dict("index")
    {'A': {'frequency': 1.0, 'recency': 2.0, 'T': 3.0, 'monetary_value': 30.0}}
    """
    present = [c for c in ("frequency_cal", "recency_cal", "T_cal", "monetary_value_cal") if c in cal_holdout]
    return cal_holdout[present].rename(columns=lambda name: name.removesuffix("_cal"))


# ---------------------------------------------------------------------------------------------
# RFM scores and segments

_SUMMARY = ["frequency", "recency", "T", "monetary_value"]


def _summary_numbers(summary: pd.DataFrame) -> None:
    for column in _SUMMARY:
        if not pd.api.types.is_numeric_dtype(summary[column]) or pd.api.types.is_bool_dtype(summary[column]):
            raise TypeError(f"summary[{column!r}] must hold numbers; got dtype {summary[column].dtype}")
        values = summary[column].to_numpy(float)
        if not np.isfinite(values).all():
            raise ValueError(f"summary[{column!r}] must hold finite numbers; got missing or infinite values")
    if (summary["recency"] > summary["T"]).any():
        raise ValueError("summary['recency'] must not be above summary['T'] (the last purchase comes before the end)")


def _score(values: pd.Series, bins: int) -> np.ndarray:
    """Scores 1..bins by rank (highest values highest); tied values share a score."""
    share = values.rank(method="average", pct=True).to_numpy()
    return np.clip(np.ceil(share * bins - 1e-9), 1, bins).astype(np.int64)


@tables(summary=_SUMMARY)
def rfm_scores(summary: pd.DataFrame, bins: int = 5) -> pd.DataFrame:
    """Score each customer 1 to ``bins`` on recency, frequency and monetary value (quintiles by default).

    The literature's common practice (Hughes's RFM analysis): rank the customers on each of the three and
    cut the ranking into equal groups, ``bins`` (best) to 1. Recency here is the time since the last
    purchase (``T - recency`` of the summary): the more recent, the higher the score. Frequency is the
    number of repeat purchase periods and monetary value the mean value of a repeat period (0 for a
    customer with one purchase period). Tied customers share a score.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``summary``: ``recency_score``, ``frequency_score``, ``monetary_score`` and ``rfm``,
        the three digits as text ("545").

    Examples
    --------
    >>> summary = pd.DataFrame({"frequency": [9.0, 0.0, 3.0, 5.0, 1.0], "recency": [50.0, 0.0, 10.0, 40.0, 3.0],
    ...                         "T": [52.0, 30.0, 52.0, 52.0, 50.0], "monetary_value": [80.0, 0.0, 20.0, 40.0, 10.0]},
    ...                        index=list("ABCDE"))
    >>> rfm_scores(summary)["rfm"].tolist()
    ['555', '311', '233', '444', '122']
    """
    require_number(bins, "bins", low=2, high=10, integer=True)
    _summary_numbers(summary)
    since = summary["T"] - summary["recency"]
    r, f, m = _score(-since, bins), _score(summary["frequency"], bins), _score(summary["monetary_value"], bins)
    table = pd.DataFrame({"recency_score": r, "frequency_score": f, "monetary_score": m}, index=summary.index)
    table["rfm"] = [f"{a}{b}{c}" for a, b, c in zip(r, f, m)]
    return table


def _segment(code: str, en: str, zh: str, rule_en: str, rule_zh: str, action_en: str, action_zh: str) -> tuple:
    return code, {"en": en, "zh": zh, "rule_en": rule_en, "rule_zh": rule_zh, "action_en": action_en,
                  "action_zh": action_zh}


#: The course's RFM segments (codes in order), each with its rule on the scores of :func:`rfm_scores` and the
#: suggested action. The rules are the course's; see :func:`rfm_segments`.
SEGMENTS: dict[str, dict[str, str]] = dict([
    _segment("champions", "Champions", "冠军客户", "recency 4-5 and frequency 4-5",
             "最近一次购买 4-5 分，购买频率 4-5 分",
             "Keep them close: a named account manager, first look at new products, ask for referrals; no discount "
             "they did not ask for.",
             "重点维护：指定客户经理，新产品优先试用，请他们推荐新客户；不要主动打折。"),
    _segment("loyal", "Loyal customers", "忠诚客户", "recency 3-5 and frequency 3-5 (not champions)",
             "最近一次购买 3-5 分，购买频率 3-5 分（冠军客户除外）",
             "Deepen the relationship: sell them other product lines, build structural ties (training, software, "
             "stock management).",
             "深化关系：交叉销售其他产品线，建立结构性联系（培训、软件、库存管理）。"),
    _segment("new", "New and occasional", "新客户和偶尔购买的客户", "recency 4-5 and frequency 1-2",
             "最近一次购买 4-5 分，购买频率 1-2 分",
             "Win the second and third order: a welcome visit, product training, a reason to order again soon.",
             "争取第二、第三笔订单：上门拜访，产品培训，给客户一个尽快再次订货的理由。"),
    _segment("need_attention", "Need attention", "需要关注的客户", "recency 3 and frequency 1-2",
             "最近一次购买 3 分，购买频率 1-2 分",
             "Find out what they need now: a call from the account manager, an offer that fits their business.",
             "了解他们现在的需求：客户经理打电话联系，提供适合其业务的方案。"),
    _segment("at_risk", "At risk", "有流失风险的客户", "recency 1-2, frequency 3-5, monetary 1-3",
             "最近一次购买 1-2 分，购买频率 3-5 分，购买金额 1-3 分",
             "Act now: ask why the orders stopped (lesson 05's early warning) and fix the cause.",
             "立即行动：了解订单为何停止（第 05 课的预警），解决问题的根源。"),
    _segment("cannot_lose", "Cannot lose them", "不能失去的客户", "recency 1-2, frequency 3-5, monetary 4-5",
             "最近一次购买 1-2 分，购买频率 3-5 分，购买金额 4-5 分",
             "A senior visit at once: they bought much and often. Worth spending up to what keeping one is worth "
             "(the CLV calculator's figure).",
             "立即由高层拜访：他们曾经买得多、买得勤。值得投入的上限是留住一位客户的价值（见客户终身价值计算器）。"),
    _segment("hibernating", "Hibernating", "沉睡客户", "recency 1-2 and frequency 1-2",
             "最近一次购买 1-2 分，购买频率 1-2 分",
             "Keep in touch cheaply (newsletter, e-mail); spend on winning them back only where they are worth it.",
             "低成本保持联系（简报、电子邮件）；只对值得的客户投入挽回费用。"),
])


@tables(summary=_SUMMARY)
def rfm_segments(summary: pd.DataFrame) -> pd.Series:
    """Put each customer in one of the course's RFM segments (:data:`SEGMENTS`).

    The literature's common practice is to score recency, frequency and monetary value in quintiles
    (:func:`rfm_scores`) and to name the cells of the recency x frequency grid (champions, loyal, at risk,
    cannot lose, hibernating ... as in the segment maps marketing-analytics tools use; Chinese textbooks
    also split each of R, F and M at its mean into eight types such as 重要价值客户 and 重要挽留客户). The
    seven segments and their thresholds below are the course's, chosen to give every cell of the grid one
    segment:

    ==============  =========================  ==================
    recency score   frequency 1-2              frequency 3-5
    ==============  =========================  ==================
    4-5             new and occasional         loyal (champions at frequency 4-5)
    3               need attention             loyal
    1-2             hibernating                at risk (monetary 1-3) / cannot lose (monetary 4-5)
    ==============  =========================  ==================

    Returns
    -------
    pandas.Series
        The segment code per customer (categorical, in the order of :data:`SEGMENTS`), named ``segment``.

    Examples
    --------
    >>> summary = pd.DataFrame({"frequency": [9.0, 0.0, 3.0, 5.0, 1.0], "recency": [50.0, 0.0, 10.0, 40.0, 3.0],
    ...                         "T": [52.0, 30.0, 52.0, 52.0, 50.0], "monetary_value": [80.0, 0.0, 20.0, 40.0, 10.0]},
    ...                        index=list("ABCDE"))
    >>> rfm_segments(summary).tolist()
    ['champions', 'need_attention', 'at_risk', 'champions', 'hibernating']
    """
    scores = rfm_scores(summary, 5)
    r, f, m = (scores[c].to_numpy() for c in ("recency_score", "frequency_score", "monetary_score"))
    code = np.select([(r >= 4) & (f >= 4), (r >= 3) & (f >= 3), r >= 4, r == 3, (f >= 3) & (m >= 4), f >= 3],
                     ["champions", "loyal", "new", "need_attention", "cannot_lose", "at_risk"], default="hibernating")
    return pd.Series(pd.Categorical(code, categories=list(SEGMENTS)), index=summary.index, name="segment")


def _aligned(values, index: pd.Index, name: str, against: str) -> pd.Series:
    if not isinstance(values, pd.Series):
        raise TypeError(f"{name} must be a pandas Series indexed by customer_id; got {type(values).__name__}")
    missing = index.difference(values.index)
    if len(missing):
        raise ValueError(f"{name} has no value for {len(missing)} customer(s) of {against}, e.g. {list(missing[:3])}")
    picked = values.reindex(index)
    if not pd.api.types.is_numeric_dtype(picked) or pd.api.types.is_bool_dtype(picked):
        raise TypeError(f"{name} must hold numbers; got dtype {picked.dtype}")
    if not np.isfinite(picked.to_numpy(float)).all():
        raise ValueError(f"{name} must hold finite numbers for the customers of {against}")
    return picked.astype(float)


def segment_table(segments: pd.Series, margins: pd.Series, alive: pd.Series | None = None) -> pd.DataFrame:
    """Per segment: its customers, their share of all customers and of the margin, and the suggested action.

    Parameters
    ----------
    segments : pandas.Series
        Segment code per customer (:func:`rfm_segments`).
    margins : pandas.Series
        Margin per customer (e.g. ``historic_value(orders)["margin_cny"]``), for every customer of
        ``segments`` (others are ignored).
    alive : pandas.Series, optional
        Each customer's probability of still being a customer (e.g. ``clv.p_alive``): adds ``p_alive``,
        the segment's mean.

    Returns
    -------
    pandas.DataFrame
        One row per segment of :data:`SEGMENTS`, in order (empty segments too): ``segment``, ``name_en``,
        ``name_zh``, ``customers``, ``customer_share``, ``margin_cny``, ``margin_share``,
        ``margin_per_customer`` (NaN when empty), [``p_alive``], ``action_en``, ``action_zh``.

    Examples
    --------
    >>> segments = pd.Series(["champions", "champions", "hibernating"], index=list("ABC"))
    >>> table = segment_table(segments, pd.Series({"A": 60.0, "B": 30.0, "C": 10.0}))
    >>> table.set_index("segment").loc[["champions", "hibernating"], ["customers", "margin_share"]].round(2)
                 customers  margin_share
    segment
    champions            2           0.9
    hibernating          1           0.1
    """
    if not isinstance(segments, pd.Series):
        raise TypeError(f"segments must be a pandas Series of segment codes; got {type(segments).__name__}")
    if segments.empty:
        raise ValueError("segments has no customers")
    codes = segments.astype(object)
    unknown = sorted({str(c) for c in codes if c not in SEGMENTS})
    if unknown:
        raise ValueError(f"segments must hold codes from {list(SEGMENTS)}; got {unknown[:3]}")
    margin = _aligned(margins, segments.index, "margins", "segments")
    total = float(margin.sum())
    if total == 0:
        raise ValueError("margins must not add up to zero for the customers of segments")
    frame = pd.DataFrame({"segment": codes.to_numpy(), "margin": margin.to_numpy()})
    if alive is not None:
        frame["alive"] = _aligned(alive, segments.index, "alive", "segments").to_numpy()
        if not frame["alive"].between(0, 1).all():
            raise ValueError("alive must hold probabilities between 0 and 1")
    grouped = frame.groupby("segment", sort=False)
    counts = grouped.size().reindex(list(SEGMENTS), fill_value=0)
    margins_by = grouped["margin"].sum().reindex(list(SEGMENTS), fill_value=0.0)
    table = pd.DataFrame({"segment": list(SEGMENTS), "name_en": [s["en"] for s in SEGMENTS.values()],
                          "name_zh": [s["zh"] for s in SEGMENTS.values()], "customers": counts.to_numpy(),
                          "customer_share": counts.to_numpy() / len(frame), "margin_cny": margins_by.to_numpy(),
                          "margin_share": margins_by.to_numpy() / total})
    table["margin_per_customer"] = (table["margin_cny"] / table["customers"]).where(table["customers"] > 0)
    if alive is not None:
        table["p_alive"] = grouped["alive"].mean().reindex(list(SEGMENTS)).to_numpy()
    table["action_en"] = [s["action_en"] for s in SEGMENTS.values()]
    table["action_zh"] = [s["action_zh"] for s in SEGMENTS.values()]
    return table


# ---------------------------------------------------------------------------------------------
# Simple CLV and the most worth spending

def _horizon(years) -> int | None:
    if years is None:
        return None
    return int(require_number(years, "years", low=1, high=200, integer=True))


def _yearly_values(margin: float, retention: float, discount_rate: float, years: int) -> np.ndarray:
    """Year t's expected, discounted margin: margin x (retention / (1 + discount_rate)) ** t, t = 1..years."""
    ratio = retention / (1.0 + discount_rate)
    return margin * ratio ** np.arange(1, years + 1, dtype=float)


def simple_clv(margin: float, retention: float, discount_rate: float = DISCOUNT_RATE, years: int | None = None) -> float:
    """Customer lifetime value with a constant margin and retention rate: margin x r / (1 + d - r).

    The customer brings ``margin`` at the end of each year he is still a customer; he stays each year with
    probability ``retention`` (r), and money a year later is worth 1 / (1 + ``discount_rate``) (d) of
    money now. Summed over the years: margin x (q + q^2 + ...), q = r / (1 + d), which is
    margin x r / (1 + d - r) = margin x (``retention.expected_years(r, d)`` - 1). With ``years``, the sum
    stops after that many years (a finite horizon: always less than the unlimited CLV).

    Parameters
    ----------
    margin : float
        Margin a year per customer (CNY).
    retention : float
        Share of customers who stay each year (0 to 0.999).
    discount_rate : float
        Yearly discount rate (default ``retention.DISCOUNT_RATE``, 10 %; 0 to 1).
    years : int, optional
        Horizon in years (1 to 200); None (default): no limit.

    Examples
    --------
    >>> round(simple_clv(10_000, 0.8, 0.1), 2)
    26666.67
    >>> round(simple_clv(10_000, 0.8, 0.1, years=2), 2)
    12561.98
    """
    require_number(margin, "margin")
    horizon = _horizon(years)
    multiple = expected_years(retention, discount_rate) - 1.0  # checks retention and discount_rate
    if horizon is None:
        return float(margin * multiple)
    return float(_yearly_values(float(margin), float(retention), float(discount_rate), horizon).sum())


def clv_curve(margin: float, retention: float, discount_rate: float = DISCOUNT_RATE, years: int = 10) -> pd.DataFrame:
    """Year by year: the share still a customer, the year's expected discounted margin, and the CLV so far.

    Returns
    -------
    pandas.DataFrame
        ``year`` (1 .. years), ``retained_share`` (retention ** year), ``value_in_year`` (margin x that /
        (1 + discount_rate) ** year) and ``cumulative`` (:func:`simple_clv` with that horizon).

    Examples
    --------
    >>> clv_curve(10_000, 0.8, 0.1, years=2).round(2)
       year  retained_share  value_in_year  cumulative
    0     1            0.80        7272.73     7272.73
    1     2            0.64        5289.26    12561.98
    """
    require_number(margin, "margin")
    horizon = _horizon(years)
    if horizon is None:
        raise ValueError("years must be a whole number of years (1 to 200) for a curve; got None")
    expected_years(retention, discount_rate)  # checks retention and discount_rate
    values = _yearly_values(float(margin), float(retention), float(discount_rate), horizon)
    year = np.arange(1, horizon + 1)
    return pd.DataFrame({"year": year, "retained_share": float(retention) ** year, "value_in_year": values,
                         "cumulative": np.cumsum(values)})


def max_spend(margin: float, retention: float, discount_rate: float = DISCOUNT_RATE, years: int | None = None,
              acquisition_cost: float = 0.0) -> dict:
    """The most worth spending to win a new customer, and to keep an existing customer who would leave.

    The reasoning:

    - **Win**: a customer won today brings the relationship :func:`simple_clv` values (the margin of each
      year he stays, discounted). Spending more than that to win him never pays back: ``win = clv``.
    - **Keep**: a customer at risk of leaving who is kept brings the same relationship, and spares the
      firm winning a replacement to keep its customer base (lesson 05's cost of a lost customer: the
      margin lost plus the replacement): ``keep = clv + acquisition_cost``. A firm that would not replace
      him saves the CLV alone (``acquisition_cost=0``). Lesson 05's ``retention.lost_customer_cost`` also
      counts the current year's margin in full, so it is ``keep + margin``; the CLV formula counts a
      year's margin once the customer has stayed through it.

    Both figures are per customer won or kept, not per customer approached: when one customer in three
    approached is kept, the spend per customer approached must stay below a third of ``keep``.

    Parameters
    ----------
    margin, retention, discount_rate, years
        As for :func:`simple_clv`.
    acquisition_cost : float
        What the firm pays to win one customer (default 0: it would not replace a lost customer).

    Returns
    -------
    dict
        ``clv``, ``win``, ``keep`` and ``acquisition_cost`` (CNY).

    Examples
    --------
    >>> {key: round(value) for key, value in max_spend(10_000, 0.9, 0.1, acquisition_cost=20_000).items()}
    {'clv': 45000, 'win': 45000, 'keep': 65000, 'acquisition_cost': 20000}
    """
    cost = float(require_number(acquisition_cost, "acquisition_cost", low=0.0))
    clv = simple_clv(margin, retention, discount_rate, years)
    return {"clv": clv, "win": clv, "keep": clv + cost, "acquisition_cost": cost}


# ---------------------------------------------------------------------------------------------
# The customer's view: delivered value

def _parts(items: tuple[str, ...], prefix: str) -> dict[str, dict[str, str]]:
    labels = {c.name: c for c in dictionary_columns("survey")}
    return {item[len(prefix):]: {"en": labels[item].label_en, "zh": labels[item].label_zh, "column": item}
            for item in items}


#: The parts of total customer value: the marketing literature's breakdown (Kotler), not the E-CRM article's,
#: which gives only delivered value = total customer value - total customer cost. Part code -> labels and
#: the survey column rating it (1-5: how much the customer gets).
VALUE_PARTS: dict[str, dict[str, str]] = _parts(VALUE_ITEMS, "value_")
#: The parts of total customer cost (Kotler's breakdown, as :data:`VALUE_PARTS`): money (the price), time,
#: energy, psychological; survey column rating each (1-5: how heavy it feels).
COST_PARTS: dict[str, dict[str, str]] = _parts(COST_ITEMS, "cost_")
_PARTS = (*VALUE_PARTS, *COST_PARTS)
_LOW, _HIGH = 1.0, 5.0


def _part_scores(scores, parts, name: str) -> dict[str, float]:
    if isinstance(scores, pd.Series):
        scores = scores.to_dict()
    if not isinstance(scores, Mapping):
        raise TypeError(f"{name} must be a dict of part -> score (1-5) for {list(parts)}; got {type(scores).__name__}")
    missing = [p for p in parts if p not in scores]
    extra = [p for p in scores if p not in parts]
    if missing or extra:
        raise ValueError(f"{name} must give a score for each of {list(parts)}; missing {missing}, unknown {extra}")
    return {p: float(require_number(scores[p], f"{name}[{p!r}]", low=_LOW, high=_HIGH)) for p in parts}


def delivered_value(values, costs) -> dict:
    """Customer delivered value = total customer value - total customer cost (E-CRM article).

    Parameters
    ----------
    values : dict
        Score (1-5) of each part of :data:`VALUE_PARTS` (how much the customer gets).
    costs : dict
        Score (1-5) of each part of :data:`COST_PARTS` (how heavy it feels).

    Returns
    -------
    dict
        ``total_value``, ``total_cost`` (the parts added up), ``delivered_value`` (their difference) and
        ``value_cost_ratio`` (the same balance as a ratio, as some textbooks write it).

    Examples
    --------
    >>> delivered_value({"product": 4, "service": 4, "personnel": 3, "image": 3},
    ...                 {"price": 3, "time": 2, "energy": 2, "psychological": 1})
    {'total_value': 14.0, 'total_cost': 8.0, 'delivered_value': 6.0, 'value_cost_ratio': 1.75}
    """
    value = sum(_part_scores(values, VALUE_PARTS, "values").values())
    cost = sum(_part_scores(costs, COST_PARTS, "costs").values())
    return {"total_value": value, "total_cost": cost, "delivered_value": value - cost, "value_cost_ratio": value / cost}


#: The totals of :func:`offer_comparison`, after the parts: code -> name.
TOTALS = {"total_value": {"en": "Total customer value", "zh": "客户总价值"},
          "total_cost": {"en": "Total customer cost", "zh": "客户总成本"},
          "delivered_value": {"en": "Customer delivered value", "zh": "客户让渡价值"}}


def _part_names(code: str) -> tuple[str, str]:
    spec = VALUE_PARTS.get(code) or COST_PARTS.get(code) or TOTALS[code]
    return spec["en"], spec["zh"]


def _offer(offer, name: str) -> dict[str, float]:
    """An offer: a score (1-5) for every part of value and of cost."""
    return _part_scores(offer, _PARTS, name)


@tables(survey=[*VALUE_ITEMS, *COST_ITEMS])
def offer_from_survey(survey: pd.DataFrame) -> dict[str, float]:
    """A firm's offer as its customers rate it: the mean score of each part of value and cost in the survey.

    Missing answers are left out of each mean.

    Examples
    --------
    >>> row = {**{f"value_{p}": 4.0 for p in VALUE_PARTS}, **{f"cost_{p}": 2.0 for p in COST_PARTS}}
    >>> offer_from_survey(pd.DataFrame([row, {**row, "value_image": 2.0}]))["image"]
    3.0
    """
    offer = {}
    for part, spec in {**VALUE_PARTS, **COST_PARTS}.items():
        mean = survey[spec["column"]].mean()
        if not np.isfinite(mean):
            raise ValueError(f"survey[{spec['column']!r}] has no answer to average")
        offer[part] = float(mean)
    return offer


#: A competitor's offer in the course's scenario (not data): a low-price rival, the difference from Hengtai's
#: offer part by part. It is cheaper (money cost 0.8 lower) with a little less service, personnel and image
#: value, so its delivered value is 0.3 higher than Hengtai's before any lever.
COMPETITOR_DIFFERENCE = {"product": 0.0, "service": -0.3, "personnel": -0.1, "image": -0.1,
                         "price": -0.8, "time": 0.0, "energy": 0.0, "psychological": 0.0}


def competitor_offer(ours) -> dict[str, float]:
    """The course's competitor: ``ours`` moved by :data:`COMPETITOR_DIFFERENCE` (scores kept within 1-5).

    Examples
    --------
    >>> ours = {"product": 4, "service": 4, "personnel": 3, "image": 3, "price": 3, "time": 2, "energy": 2,
    ...         "psychological": 2}
    >>> competitor_offer(ours)["price"], competitor_offer(ours)["service"]
    (2.2, 3.7)
    """
    scores = _offer(ours, "ours")
    return {p: round(min(_HIGH, max(_LOW, scores[p] + COMPETITOR_DIFFERENCE[p])), 10) for p in _PARTS}


def _lever(code: str, en: str, zh: str, examples_en: str, examples_zh: str, moves: dict, copied: bool,
           note_en: str, note_zh: str, ties: str) -> tuple:
    return code, {"en": en, "zh": zh, "examples_en": examples_en, "examples_zh": examples_zh, "moves": moves,
                  "copied": copied, "note_en": note_en, "note_zh": note_zh, "ties": ties}


#: The E-CRM article's three ways to raise customer value. ``moves``: what each does to the parts of the offer
#: at full strength (on the 1-5 scale; the sizes are the course's scenario, not data); ``copied``: whether a
#: competitor matches it at once (financial benefits are not unique to a firm, the article says);
#: ``ties``: the customers column that records it.
LEVERS: dict[str, dict] = dict([
    _lever("financial", "Financial benefits", "财务利益", "gifts, discounts, rebates for loyal customers",
           "给老客户的赠品、折扣、返利", {"price": -0.6}, True,
           "Lowers the money cost; easy for any competitor to copy.", "降低货币成本；任何竞争对手都很容易模仿。",
           f"{TIE_KINDS[0]}_ties"),
    _lever("social", "Social benefits", "社交利益", "regular visits, events, personal ties with the customer's people",
           "定期拜访、联谊活动、与客户人员的私人关系", {"personnel": 0.15, "psychological": -0.1}, False,
           "Raises personnel value and lowers the psychological cost.", "提高人员价值，降低心理成本。",
           f"{TIE_KINDS[1]}_ties"),
    _lever("structural", "Structural ties", "结构性联系", "equipment, software, joint research, training",
           "专用设备、软件、联合研究、培训",
           {"product": 0.2, "service": 0.3, "time": -0.2, "energy": -0.2}, False,
           "Raises product and service value, lowers time and energy costs, and builds a switching barrier.",
           "提高产品价值和服务价值，降低时间成本和精力成本，并形成转换壁垒。", f"{TIE_KINDS[2]}_ties"),
])


def _strengths(levers) -> dict[str, float]:
    if levers is None:
        return {}
    if not isinstance(levers, Mapping):
        raise TypeError(f"levers must be a dict of lever -> strength (0 to 1) for {list(LEVERS)}; "
                        f"got {type(levers).__name__}")
    for code in levers:
        require_choice(code, "levers key", list(LEVERS))
    return {code: float(require_number(s, f"levers[{code!r}]", low=0.0, high=1.0)) for code, s in levers.items()}


def apply_levers(offer, levers) -> dict[str, float]:
    """``offer`` after the ``levers`` (lever -> strength 0 to 1) moved its parts (scores kept within 1-5).

    Examples
    --------
    >>> ours = {"product": 4, "service": 4, "personnel": 3, "image": 3, "price": 3, "time": 2, "energy": 2,
    ...         "psychological": 2}
    >>> apply_levers(ours, {"financial": 0.5})["price"]
    2.7
    """
    scores = _offer(offer, "offer")
    for code, strength in _strengths(levers).items():
        for part, move in LEVERS[code]["moves"].items():
            scores[part] = scores[part] + strength * move
    return {p: round(min(_HIGH, max(_LOW, s)), 10) for p, s in scores.items()}


def offer_comparison(ours, competitor=None, levers=None, copied: bool = True) -> pd.DataFrame:
    """Hengtai's offer next to a competitor's, part by part, with the totals and delivered value of each.

    Parameters
    ----------
    ours : dict
        Hengtai's offer: a score (1-5) for every part of :data:`VALUE_PARTS` and :data:`COST_PARTS`
        (e.g. :func:`offer_from_survey`).
    competitor : dict, optional
        The competitor's offer; default the course's scenario, :func:`competitor_offer` of ``ours``.
    levers : dict, optional
        Lever -> strength (0 to 1) Hengtai applies (:data:`LEVERS`).
    copied : bool
        Whether the competitor matches the levers that are easy to copy (financial benefits) at the same
        strength (default True).

    Returns
    -------
    pandas.DataFrame
        Indexed by part (:data:`VALUE_PARTS`, then :data:`COST_PARTS`), then :data:`TOTALS`
        (``total_value``, ``total_cost``, ``delivered_value``): ``part_en``, ``part_zh`` (the names),
        ``ours``, ``competitor``. The customer picks the offer with the higher delivered value.

    Examples
    --------
    >>> ours = {"product": 4, "service": 4, "personnel": 3, "image": 3, "price": 3, "time": 2, "energy": 2,
    ...         "psychological": 2}
    >>> table = offer_comparison(ours)
    >>> table.loc["delivered_value", ["ours", "competitor"]].round(2).tolist()
    [5.0, 5.3]
    >>> round(float(offer_comparison(ours, levers={"structural": 1.0}).loc["delivered_value", "ours"]), 2)
    5.9
    """
    mine = _offer(ours, "ours")
    theirs = competitor_offer(mine) if competitor is None else _offer(competitor, "competitor")
    strengths = _strengths(levers)
    copies = {c: s for c, s in strengths.items() if LEVERS[c]["copied"]} if require_flag(copied, "copied") else {}
    mine, theirs = apply_levers(mine, strengths), apply_levers(theirs, copies)
    rows = [(p, *_part_names(p), mine[p], theirs[p]) for p in _PARTS]
    totals = [delivered_value({p: o[p] for p in VALUE_PARTS}, {p: o[p] for p in COST_PARTS}) for o in (mine, theirs)]
    rows += [(key, *_part_names(key), totals[0][key], totals[1][key]) for key in TOTALS]
    return pd.DataFrame(rows, columns=["part", "part_en", "part_zh", "ours", "competitor"]).set_index("part")


def lever_gains(ours, competitor=None, copied: bool = True) -> pd.DataFrame:
    """Which lever moves Hengtai's delivered value, and its lead over the competitor, the most (each alone, full strength).

    Returns
    -------
    pandas.DataFrame
        One row per lever, the largest gain in lead first: ``lever``, ``gain`` (in Hengtai's delivered
        value), ``lead_gain`` (in Hengtai's delivered value minus the competitor's: zero for a lever the
        competitor copies) and ``lead`` (the lead after it).

    Examples
    --------
    >>> ours = {"product": 4, "service": 4, "personnel": 3, "image": 3, "price": 3, "time": 2, "energy": 2,
    ...         "psychological": 2}
    >>> lever_gains(ours).round(2).to_dict("list")["lever"]
    ['structural', 'social', 'financial']
    """
    base = offer_comparison(ours, competitor, None, copied).loc["delivered_value"]
    rows = []
    for code in LEVERS:
        after = offer_comparison(ours, competitor, {code: 1.0}, copied).loc["delivered_value"]
        lead = float(after["ours"] - after["competitor"])
        rows.append((code, float(after["ours"] - base["ours"]), lead - float(base["ours"] - base["competitor"]), lead))
    table = pd.DataFrame(rows, columns=["lever", "gain", "lead_gain", "lead"])
    return table.sort_values(["lead_gain", "gain"], ascending=False, kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# What drives perceived value, and what ties do to retention

def _r_squared(corr: np.ndarray, target: np.ndarray, subset: tuple[int, ...]) -> float:
    if not subset:
        return 0.0
    idx = list(subset)
    return float(target[idx] @ np.linalg.solve(corr[np.ix_(idx, idx)], target[idx]))


def _shapley_shares(corr: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Each predictor's share of R^2, averaged over the orders of entry (Lindeman, Merenda and Gold's LMG)."""
    p = len(target)
    r2 = {}
    for mask in range(1 << p):
        r2[mask] = _r_squared(corr, target, tuple(i for i in range(p) if mask >> i & 1))
    weight = [math.factorial(k) * math.factorial(p - k - 1) / math.factorial(p) for k in range(p)]
    shares = np.zeros(p)
    for mask, value in r2.items():
        size = bin(mask).count("1")
        for i in range(p):
            if not mask >> i & 1:
                shares[i] += weight[size] * (r2[mask | 1 << i] - value)
    return shares


@tables(survey=[*VALUE_ITEMS, *COST_ITEMS, "perceived_value"])
def value_drivers(survey: pd.DataFrame) -> pd.DataFrame:
    """Which parts of value and cost drive the overall perceived value: standardised weights and shares.

    A least-squares regression of ``perceived_value`` on the eight items (:data:`VALUE_PARTS`,
    :data:`COST_PARTS`), all standardised (mean 0, standard deviation 1), on the answers with every item
    given. ``weight`` is an item's standardised coefficient (by how many standard deviations perceived value
    moves with one standard deviation of the item, the others held fixed; negative for a cost). ``share``
    is its share of the explained variance (R^2), averaged over every order in which the items could enter
    the regression (Lindeman, Merenda and Gold's measure; it is never negative and the shares add up to 1,
    even when items are correlated). "Only two or three factors decide customer value" (E-CRM article)
    means a few items hold most of the share.

    Returns
    -------
    pandas.DataFrame
        One row per item, the largest share first: ``survey_item`` (the survey column), ``part_en``,
        ``part_zh`` (its name), ``weight``, ``correlation`` (with perceived value), ``share``,
        ``cumulative_share``.
        ``attrs["r_squared"]`` holds R^2 and ``attrs["n"]`` the answers used.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> items = {c: rng.integers(1, 6, 300).astype(float) for c in [*VALUE_ITEMS, *COST_ITEMS]}
    >>> noise = rng.normal(0, 1, 300)
    >>> items["perceived_value"] = np.clip(2 * items["value_product"] - items["cost_price"] + 3 + noise, 0, 10)
    >>> table = value_drivers(pd.DataFrame(items))
    >>> table["survey_item"].tolist()[:2], round(float(table["share"].iloc[:2].sum()), 2)
    (['value_product', 'cost_price'], 0.98)
    """
    columns = [*VALUE_ITEMS, *COST_ITEMS]
    answered = survey[[*columns, "perceived_value"]].dropna()
    if len(answered) < len(columns) + 2:
        raise ValueError(f"survey needs at least {len(columns) + 2} answers with every item and perceived_value "
                         f"given; it has {len(answered)}")
    data = answered.to_numpy(float)
    spread = data.std(axis=0, ddof=1)
    flat = [name for name, s in zip([*columns, "perceived_value"], spread) if not s > 0]
    if flat:
        raise ValueError(f"survey{flat} has the same answer everywhere: it cannot explain or be explained")
    z = (data - data.mean(axis=0)) / spread
    x, y = z[:, :-1], z[:, -1]
    corr = np.corrcoef(z, rowvar=False)
    weights = np.linalg.lstsq(x, y, rcond=None)[0]
    shares = _shapley_shares(corr[:-1, :-1], corr[:-1, -1])
    r_squared = float(shares.sum())
    names = [_part_names(c.split("_", 1)[1]) for c in columns]
    table = pd.DataFrame({"survey_item": columns, "part_en": [en for en, _ in names], "part_zh": [zh for _, zh in names],
                          "weight": weights, "correlation": corr[:-1, -1],
                          "share": shares / r_squared if r_squared > 0 else np.nan})
    table = table.sort_values("share", ascending=False, kind="stable").reset_index(drop=True)
    table["cumulative_share"] = table["share"].cumsum()
    table.attrs.update(r_squared=r_squared, n=len(answered))
    return table


#: The drivers of perceived value are the fewest survey items that together hold this share of what the items
#: explain (the course's reading of the E-CRM article's "only two or three factors decide customer value").
DRIVER_SHARE = 0.8


@tables(drivers=Table(None, ["survey_item", "cumulative_share"]))
def key_drivers(drivers: pd.DataFrame, share: float = DRIVER_SHARE) -> list:
    """Return the fewest survey items of a :func:`value_drivers` table that together hold ``share`` of what the items
    explain, most important first.

    Examples
    --------
    >>> table = pd.DataFrame({"survey_item": ["a", "b", "c"], "share": [0.6, 0.3, 0.1]})
    >>> table["cumulative_share"] = table["share"].cumsum()
    >>> key_drivers(table), key_drivers(table, share=0.5)
    (['a', 'b'], ['a'])
    """
    share = require_number(share, "share", low=0, high=1)
    n = int((drivers["cumulative_share"] < share).sum()) + 1
    return drivers["survey_item"].iloc[:n].tolist()


_TIES = [f"{kind}_ties" for kind in TIE_KINDS]


@tables(customers=["acquired_date", "lost_date", "won_back_date", *_TIES])
def loss_rate_by_ties(customers: pd.DataFrame, years=YEARS) -> pd.DataFrame:
    """Customers lost per customer-year, with and without each kind of tie (financial, social, structural).

    The yearly loss rate of a group = customers it lost in ``years`` / its customer-years of relationship in
    them (``retention.customer_years``). A customer the firm has built a tie with is compared with the
    customers it has not: a lower loss rate goes with the tie (it does not prove the tie causes it; firms
    build ties with the customers they expect to keep).

    Returns
    -------
    pandas.DataFrame
        One row per kind of tie and with / without it: ``tie``, ``has_tie``, ``customers``,
        ``customer_years``, ``lost``, ``loss_rate``.

    Examples
    --------
    >>> c = pd.DataFrame({"acquired_date": pd.to_datetime(["2020-01-01"] * 2), "lost_date": pd.to_datetime(
    ...     [None, "2021-01-01"]), "won_back_date": pd.to_datetime([None, None]), "financial_ties": [True, False],
    ...     "social_ties": [True, True], "structural_ties": [True, False]})
    >>> loss_rate_by_ties(c, years=[2020, 2021]).query("tie == 'structural'")[["has_tie", "lost", "loss_rate"]].round(2)
       has_tie  lost  loss_rate
    4     True     0        0.0
    5    False     1        1.0
    """
    span = require_years(years)
    start, end = pd.Timestamp(f"{min(span)}-01-01"), pd.Timestamp(f"{max(span)}-12-31")
    lost = customers["lost_date"].between(start, end)
    rows = []
    for kind, column in zip(TIE_KINDS, _TIES):
        has = customers[column].fillna(False).astype(bool)
        for flag in (True, False):
            group = customers[has == flag]
            exposure = customer_years(group, start, end) if len(group) else 0.0
            n_lost = int(lost[has == flag].sum())
            rows.append((kind, flag, len(group), exposure, n_lost, n_lost / exposure if exposure > 0 else np.nan))
    return pd.DataFrame(rows, columns=["tie", "has_tie", "customers", "customer_years", "lost", "loss_rate"])
