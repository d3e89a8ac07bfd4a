"""Seeded generators of the case company's data (scikit-learn's ``make_*`` style).

:func:`make_case` makes one consistent variant of all tables for any seed; the ``make_<table>``
functions return one table of such a variant. Every effect they plant is declared in
:func:`crmlessons.datasets.planted_effects`.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from crmlessons.datasets._io import coerce
from crmlessons.datasets.dictionary import TABLES

__all__ = ["Case", "make_case", "make_salespeople", "make_leads", "make_stage_history", "make_losses",
           "make_customers", "make_orders", "make_survey", "make_spend", "make_ask_items"]

DEFAULT_SIZES = {"n_leads": 4000, "n_customers": 1200, "n_salespeople": 40}


@dataclass
class Case:
    """All tables of the case company, one attribute per table (see ``TABLES``).

    Attributes
    ----------
    salespeople, leads, stage_history, losses, customers, orders, survey, spend, ask_items : DataFrame
    """

    salespeople: pd.DataFrame
    leads: pd.DataFrame
    stage_history: pd.DataFrame
    losses: pd.DataFrame
    customers: pd.DataFrame
    orders: pd.DataFrame
    survey: pd.DataFrame
    spend: pd.DataFrame
    ask_items: pd.DataFrame

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables as a dict ``{name: DataFrame}`` in ``TABLES`` order."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in self.tables.items())
        return f"Case({sizes})"


assert tuple(f.name for f in fields(Case)) == TABLES


def check_random_state(random_state) -> np.random.Generator:
    """Turn ``random_state`` (None, a non-negative int or a numpy Generator) into a Generator."""
    if random_state is None:
        return np.random.default_rng()
    if isinstance(random_state, np.random.Generator):
        return random_state
    if isinstance(random_state, numbers.Integral) and not isinstance(random_state, bool):
        if random_state < 0:
            raise ValueError(f"random_state must be a non-negative integer; got {random_state}")
        return np.random.default_rng(int(random_state))
    raise TypeError("random_state must be None, a non-negative int or a numpy.random.Generator; "
                    f"got {type(random_state).__name__} {random_state!r}")


def _check_size(name: str, value, minimum: int) -> int:
    if not isinstance(value, numbers.Integral) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int >= {minimum}; got {type(value).__name__} {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be an int >= {minimum}; got {value}")
    return int(value)


def make_case(random_state=0, *, n_leads: int = 4000, n_customers: int = 1200,
              n_salespeople: int = 40) -> Case:
    """Generate one consistent variant of the case company.

    Parameters
    ----------
    random_state : int, numpy.random.Generator or None, default 0
        Seed of the variant: the same seed gives the same tables (a trainer gives each group its own).
        The shipped tables are ``make_case(0)``.
    n_leads : int, default 4000
        Leads worked 2022-2025 (at least 1).
    n_customers : int, default 1200
        Customers from before the leads period (``origin == "pre_existing"``, at least 1); the won
        leads are added to them.
    n_salespeople : int, default 40
        Size of the sales team (at least 1).

    Returns
    -------
    Case
        The tables with the dtypes of their data dictionaries.

    Raises
    ------
    TypeError, ValueError
        For a seed of the wrong type or a size that is not a positive int.

    Examples
    --------
    >>> case = make_case(1, n_leads=300, n_customers=100, n_salespeople=5)
    >>> len(case.leads), len(case.salespeople)
    (300, 5)
    >>> make_case(1, n_leads=300, n_customers=100, n_salespeople=5).orders.equals(case.orders)
    True
    """
    rng = check_random_state(random_state)
    n_leads = _check_size("n_leads", n_leads, 1)
    n_customers = _check_size("n_customers", n_customers, 1)
    n_salespeople = _check_size("n_salespeople", n_salespeople, 1)
    from crmlessons.datasets._generator import generate

    raw = generate(rng, n_leads, n_customers, n_salespeople)
    return Case(**{name: coerce(raw[name], name) for name in TABLES})


def _table_maker(table: str):
    def maker(random_state=0, *, n_leads: int = 4000, n_customers: int = 1200,
              n_salespeople: int = 40) -> pd.DataFrame:
        return getattr(make_case(random_state, n_leads=n_leads, n_customers=n_customers,
                                 n_salespeople=n_salespeople), table)

    maker.__name__ = maker.__qualname__ = f"make_{table}"
    maker.__doc__ = f"""Return the ``{table}`` table of ``make_case(random_state, ...)``.

    Parameters
    ----------
    random_state, n_leads, n_customers, n_salespeople
        As in :func:`make_case`.

    Returns
    -------
    pandas.DataFrame
        The table, consistent with the other tables of the same arguments.

    Examples
    --------
    >>> df = make_{table}(3, n_leads=200, n_customers=60, n_salespeople=4)
    >>> df.equals(make_case(3, n_leads=200, n_customers=60, n_salespeople=4).{table})
    True
    """
    return maker


make_salespeople = _table_maker("salespeople")
make_leads = _table_maker("leads")
make_stage_history = _table_maker("stage_history")
make_losses = _table_maker("losses")
make_customers = _table_maker("customers")
make_orders = _table_maker("orders")
make_survey = _table_maker("survey")
make_spend = _table_maker("spend")
make_ask_items = _table_maker("ask_items")
