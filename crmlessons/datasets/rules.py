"""The case company's calendar and shared rules, each defined once for every lesson and the generator.

- :data:`AS_OF`: the data date; everything is as known at the end of this day (never "today").
- :data:`DECIDED_BEFORE`: leads created before this date are all decided (won or lost) by
  :data:`AS_OF`; rates are measured on them (:func:`decided_leads`).
- :data:`YEARS`: the analysis years of the order and spend history.
- :data:`STAGES`: the funnel stages in order (the ``stage`` vocabulary of the data dictionary).
- :func:`active_on` / :func:`active_matrix`: the one rule "a customer on a date".
- :data:`DECLINE_WINDOW_DAYS`, :data:`DECLINE_RATIO`, :data:`DECLINE_MIN_ORDERS` and
  :func:`is_declining`: the course's one rule for a customer whose orders are falling (lesson 01's
  "decline" stage and lesson 05's early warning).
- :func:`yearly_counts` (and :func:`customer_counts_by_year`): customers active, acquired,
  retained and lost in each year (the spend per customer of the generator and of the lessons is
  measured on these counts).

Examples
--------
>>> from crmlessons.datasets import load_customers
>>> int(active_on(load_customers(), AS_OF).sum())
1069
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlessons.checks import Table, require_date, require_number, require_years, tables
from crmlessons.datasets.calendar import AS_OF, DECIDED_BEFORE, LEADS_START, ORDERS_START, YEARS
from crmlessons.datasets.vocabularies import VOCABULARIES

__all__ = ["AS_OF", "DECIDED_BEFORE", "LEADS_START", "ORDERS_START", "YEARS", "STAGES",
           "active_on", "active_matrix", "decided_leads", "year_start", "yearly_counts",
           "customer_counts_by_year", "DECLINE_WINDOW_DAYS", "DECLINE_RATIO", "DECLINE_MIN_ORDERS",
           "is_declining"]

#: The funnel stages, in order.
STAGES = tuple(VOCABULARIES["stage"])

_CUSTOMER_DATES = ["acquired_date", "lost_date", "won_back_date"]

#: The course's rule (not a source's) for a declining customer: fewer than DECLINE_RATIO times as many
#: orders in the last DECLINE_WINDOW_DAYS days as in the same span before, which had at least
#: DECLINE_MIN_ORDERS orders. A whole year against the year before, so the seasons (busy December,
#: quiet February) do not fake a drop; with fewer earlier orders a drop says nothing.
DECLINE_WINDOW_DAYS = 365
DECLINE_RATIO = 0.6
DECLINE_MIN_ORDERS = 2


def is_declining(orders_recent, orders_before, ratio: float = DECLINE_RATIO, min_orders: int = DECLINE_MIN_ORDERS):
    """Apply the decline rule to order counts of the recent window and the window before it.

    Examples
    --------
    >>> is_declining(pd.Series([1, 3, 0]), pd.Series([4, 4, 1])).tolist()
    [True, False, False]
    """
    require_number(ratio, "ratio", low=0, high=1)
    require_number(min_orders, "min_orders", low=0, integer=True)
    for name, counts in (("orders_recent", orders_recent), ("orders_before", orders_before)):
        kind = np.asarray(counts).dtype.kind
        if kind not in "iuf":
            raise TypeError(f"{name} must be order counts (numbers, one per customer); got {type(counts).__name__} "
                            f"of dtype {np.asarray(counts).dtype}")
    if np.shape(orders_recent) != np.shape(orders_before):
        raise ValueError(f"orders_recent and orders_before must have one count per customer each; got shapes "
                         f"{np.shape(orders_recent)} and {np.shape(orders_before)}")
    return (orders_before >= min_orders) & (orders_recent < ratio * orders_before)


def year_start(year: int) -> str:
    """The last day before ``year`` (``"2018-12-31"`` for 2019): "active on 1 January" means
    active at the end of this day.

    Examples
    --------
    >>> year_start(2019)
    '2018-12-31'
    """
    return f"{require_number(year, 'year', low=1900, high=2100, integer=True) - 1}-12-31"


@tables(customers=Table("customers", _CUSTOMER_DATES, empty_ok=True))
def active_matrix(customers: pd.DataFrame, dates) -> np.ndarray:
    """Boolean matrix (dates x customers) of :func:`active_on` for several dates at once.

    Parameters
    ----------
    customers : pandas.DataFrame
        Columns ``acquired_date``, ``lost_date``, ``won_back_date`` (table ``customers``).
    dates : sequence of date
        The days, each as text ``"2025-12-31"`` or a Timestamp.

    Examples
    --------
    >>> c = pd.DataFrame({"acquired_date": pd.to_datetime(["2020-01-01", "2021-06-01"]),
    ...                   "lost_date": pd.to_datetime(["2020-06-30", None]),
    ...                   "won_back_date": pd.to_datetime([None, None])})
    >>> active_matrix(c, ["2020-01-01", "2020-06-30", "2021-06-01"]).astype(int).tolist()
    [[1, 0], [0, 0], [0, 1]]
    """
    if isinstance(dates, (str, bytes)) or not hasattr(dates, "__iter__"):
        raise TypeError(f"dates must be a list of dates such as ['2024-12-31']; got {type(dates).__name__} {dates!r}")
    days = np.array([np.datetime64(require_date(d, f"dates[{i}]"), "ns") for i, d in enumerate(dates)],
                    dtype="datetime64[ns]")[:, None]
    acquired = customers["acquired_date"].to_numpy("datetime64[ns]")[None, :]
    lost = customers["lost_date"].to_numpy("datetime64[ns]")[None, :]
    back = customers["won_back_date"].to_numpy("datetime64[ns]")[None, :]
    gone = (lost <= days) & ~(back <= days)  # NaT compares False: never lost, or never won back
    return (acquired <= days) & ~gone


@tables(customers=Table("customers", _CUSTOMER_DATES, empty_ok=True))
def active_on(customers: pd.DataFrame, date) -> pd.Series:
    """Which customers were customers at the end of ``date``: the course's one rule.

    A customer is active on a day when acquired on or before it, and not lost on or before it
    unless won back on or before it. A customer acquired that day counts; one lost that day does
    not. "Active on 1 January 2020" is active at the end of 31 December 2019 (:func:`year_start`).

    Parameters
    ----------
    customers : pandas.DataFrame
        Columns ``acquired_date``, ``lost_date``, ``won_back_date``.
    date : date
        Text ``"2025-12-31"``, a ``datetime.date`` or a Timestamp.

    Returns
    -------
    pandas.Series
        Booleans aligned with ``customers``.

    Examples
    --------
    >>> c = pd.DataFrame({"acquired_date": pd.to_datetime(["2020-01-01"]),
    ...                   "lost_date": pd.to_datetime(["2021-03-01"]), "won_back_date": pd.to_datetime([None])})
    >>> active_on(c, "2021-02-28").tolist(), active_on(c, "2021-03-01").tolist()
    ([True], [False])
    """
    require_date(date, "date")
    return pd.Series(active_matrix(customers, [date])[0], index=customers.index)


@tables(leads=Table("leads", ["created_date"], empty_ok=True))
def decided_leads(leads: pd.DataFrame, before=DECIDED_BEFORE) -> pd.DataFrame:
    """The leads created before ``before`` (default :data:`DECIDED_BEFORE`): all of them decided.

    Leads created later may still be open on the data date, so a win rate measured on all leads
    would look too low. ``before=None`` keeps every lead.

    Parameters
    ----------
    leads : pandas.DataFrame
        Needs ``created_date`` (table ``leads``).
    before : date or None, default "2024-07-01"
        The cut-off.

    Examples
    --------
    >>> from crmlessons.datasets import load_leads
    >>> len(decided_leads(load_leads())), len(decided_leads(load_leads(), before=None))
    (1795, 4000)
    """
    if before is None:
        return leads
    return leads[leads["created_date"] < require_date(before, "before")]


@tables(customers=Table("customers", _CUSTOMER_DATES, empty_ok=True))
def yearly_counts(customers: pd.DataFrame, years=YEARS) -> pd.DataFrame:
    """Customers in each calendar year, by the one rule of :func:`active_on`.

    Parameters
    ----------
    customers : pandas.DataFrame
        Columns ``acquired_date``, ``lost_date``, ``won_back_date`` (table ``customers``).
    years : sequence of int, default :data:`YEARS`
        The calendar years.

    Returns
    -------
    pandas.DataFrame
        One row per year: ``year``; ``active_start`` (active on 1 January, that is at the end of
        :func:`year_start`); ``acquired`` (first bought during the year); ``retained`` (active on
        1 January and not lost during the year); ``lost`` and ``won_back`` (during the year);
        ``active_end`` (active on 1 January of the next year).

    Examples
    --------
    >>> c = pd.DataFrame({"acquired_date": pd.to_datetime(["2019-03-01", "2018-05-01", "2018-06-01"]),
    ...                   "lost_date": pd.to_datetime([None, "2020-02-01", None]),
    ...                   "won_back_date": pd.to_datetime([None, None, None])})
    >>> yearly_counts(c, [2019, 2020])
       year  active_start  acquired  retained  lost  won_back  active_end
    0  2019             2         1         2     0         0           3
    1  2020             3         0         2     1         0           2
    """
    years = np.asarray(require_years(years), dtype=np.int64)
    starts = np.array([np.datetime64(f"{y}-01-01", "ns") for y in years])[:, None]
    ends = np.array([np.datetime64(f"{y + 1}-01-01", "ns") for y in years])[:, None]

    def during_year(column: str) -> np.ndarray:  # NaT compares False: never happened
        values = customers[column].to_numpy("datetime64[ns]")[None, :]
        return (values >= starts) & (values < ends)

    active_start = active_matrix(customers, [year_start(y) for y in years])
    lost = during_year("lost_date")
    return pd.DataFrame({
        "year": years,
        "active_start": active_start.sum(axis=1).astype(np.int64),
        "acquired": during_year("acquired_date").sum(axis=1).astype(np.int64),
        "retained": (active_start & ~lost).sum(axis=1).astype(np.int64),
        "lost": lost.sum(axis=1).astype(np.int64),
        "won_back": during_year("won_back_date").sum(axis=1).astype(np.int64),
        "active_end": active_matrix(customers, [year_start(y + 1) for y in years]).sum(axis=1).astype(np.int64),
    })


@tables(customers=Table("customers", _CUSTOMER_DATES, empty_ok=True))
def customer_counts_by_year(customers: pd.DataFrame, years=YEARS):
    """Customers acquired and retained in each year, as arrays (the columns of :func:`yearly_counts`
    that the generator sets the spend from and :func:`crmlessons.datasets.measure_effects` measures
    the cost ratio on).

    Returns
    -------
    tuple of numpy.ndarray
        ``(years, acquired, retained)``, one value per year.

    Examples
    --------
    >>> c = pd.DataFrame({"acquired_date": pd.to_datetime(["2019-03-01", "2018-05-01", "2018-06-01"]),
    ...                   "lost_date": pd.to_datetime([None, "2020-02-01", None]),
    ...                   "won_back_date": pd.to_datetime([None, None, None])})
    >>> years, acquired, retained = customer_counts_by_year(c, [2019, 2020])
    >>> acquired.tolist(), retained.tolist()
    ([1, 0], [2, 2])
    """
    counts = yearly_counts(customers, years)
    return counts["year"].to_numpy(), counts["acquired"].to_numpy(), counts["retained"].to_numpy()
