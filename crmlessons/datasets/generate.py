"""Seeded generators of the case company's data (scikit-learn's ``make_*`` style).

:func:`make_case` makes one consistent variant of all tables for any seed; the ``make_<table>``
functions return one table of such a variant. Every effect they plant is declared in
:func:`crmlessons.datasets.planted_effects`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

from crmlessons.checks import check_random_state, require_number
from crmlessons.datasets._generator import generate
from crmlessons.datasets._io import coerce
from crmlessons.datasets.dictionary import TABLES

__all__ = ["Case", "make_case", "make_salespeople", "make_leads", "make_stage_history", "make_losses",
           "make_customers", "make_orders", "make_survey", "make_spend", "make_ask_items"]

#: The sizes of the shipped variant ``make_case(0)``.
DEFAULT_SIZES = {"n_leads": 4000, "n_customers": 1200, "n_salespeople": 40}

#: The largest sizes :func:`make_case` accepts, so that no call can exhaust a classroom machine's memory
#: (``make_case(n_leads=10**9)`` would need tens of GB). Measured as the peak resident memory of a fresh
#: process on a 2-core machine: 1,000,000 leads 0.7 GB (6-9 s); 300,000 customers 1.8 GB (9.5 million
#: orders; 20 s unloaded); 10,000 salespeople 0.4 GB (the win-rate calibration grows with the team: about
#: 10 s unloaded). All three maxima at once (2,000,000 leads, about 600,000 customers with the won leads,
#: 16 million orders) peaked at 3.8 GB in 3 minutes on a busy machine: safe on 8 GB, let alone 24 GB.
#: ``scale_benchmark`` (up to 1,000,000 orders: about 32,000 customers and leads) is far below them.
MAX_SIZES = {"n_leads": 2_000_000, "n_customers": 500_000, "n_salespeople": 10_000}


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


def check_size(value, name: str) -> int:
    """Return the size argument ``name`` as an int, if it is a whole number from 1 to ``MAX_SIZES[name]``.

    Examples
    --------
    >>> check_size(300, "n_leads")
    300
    >>> check_size(10**9, "n_leads")
    Traceback (most recent call last):
    ...
    ValueError: n_leads must be at most 2,000,000 (a larger variant needs more memory than a classroom \
machine has); got 1,000,000,000
    """
    value = require_number(value, name, low=1, integer=True)
    maximum = MAX_SIZES[name]
    if value > maximum:
        raise ValueError(f"{name} must be at most {maximum:,} (a larger variant needs more memory than a "
                         f"classroom machine has); got {value:,}")
    return int(value)


def make_case(random_state=0, *, n_leads: int = DEFAULT_SIZES["n_leads"],
              n_customers: int = DEFAULT_SIZES["n_customers"],
              n_salespeople: int = DEFAULT_SIZES["n_salespeople"]) -> Case:
    """Generate one consistent variant of the case company.

    Parameters
    ----------
    random_state : int, numpy.random.Generator or None, default 0
        Seed of the variant: the same seed gives the same tables (a trainer gives each group its own).
        The shipped tables are ``make_case(0)``.
    n_leads : int, default 4000
        Leads worked 2022-2025 (1 to 2,000,000, see ``MAX_SIZES``).
    n_customers : int, default 1200
        Customers from before the leads period (``origin == "pre_existing"``, 1 to 500,000); the won
        leads are added to them.
    n_salespeople : int, default 40
        Size of the sales team (1 to 10,000).

    Returns
    -------
    Case
        The tables with the dtypes of their data dictionaries.

    Raises
    ------
    TypeError, ValueError
        For a seed of the wrong type (see :func:`crmlessons.checks.check_random_state`), or a size
        that is not a whole number within its bounds; the message names the argument.

    Examples
    --------
    >>> case = make_case(1, n_leads=300, n_customers=100, n_salespeople=5)
    >>> len(case.leads), len(case.salespeople)
    (300, 5)
    >>> make_case(1, n_leads=300, n_customers=100, n_salespeople=5).orders.equals(case.orders)
    True
    """
    rng = check_random_state(random_state)
    n_leads = check_size(n_leads, "n_leads")
    n_customers = check_size(n_customers, "n_customers")
    n_salespeople = check_size(n_salespeople, "n_salespeople")
    raw = generate(rng, n_leads, n_customers, n_salespeople)
    return Case(**{name: coerce(raw[name], name) for name in TABLES})


def _table_maker(table: str):
    def maker(random_state=0, *, n_leads: int = DEFAULT_SIZES["n_leads"],
              n_customers: int = DEFAULT_SIZES["n_customers"],
              n_salespeople: int = DEFAULT_SIZES["n_salespeople"]) -> pd.DataFrame:
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
