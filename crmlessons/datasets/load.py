"""Loaders of the shipped case tables (scikit-learn's ``load_*`` style; no network)."""

from __future__ import annotations

from importlib.resources import files

import pandas as pd

from crmlessons.datasets._io import read_csv
from crmlessons.datasets.dictionary import TABLES, _check_table
from crmlessons.datasets.generate import Case

__all__ = ["load_table", "load_case", "use_variant", "current_variant"] + [f"load_{t}" for t in TABLES]

# The group variant chosen with use_variant(); None means the shipped files.
_variant: dict = {"random_state": None, "case": None}


def use_variant(random_state: int | None) -> None:
    """Make every ``load_*`` function (and so every exercise check) use a group's own variant.

    A trainer gives each group a number; the group runs ``use_variant(<number>)`` once at the top of
    a lesson, and from then on the tables, the figures and the answers the checks expect are those of
    ``make_case(random_state=<number>)``: the same company and planted effects, different numbers.
    ``use_variant(None)`` goes back to the shipped tables. Nothing is written to disk.

    Parameters
    ----------
    random_state : int or None
        The group's seed (a whole number >= 0), or None for the shipped data.

    Examples
    --------
    >>> use_variant(7)
    >>> current_variant()
    7
    >>> use_variant(None)
    >>> load_leads().equals(load_table("leads"))
    True
    """
    if random_state is None:
        _variant.update(random_state=None, case=None)
        return
    from crmlessons.datasets.generate import make_case

    case = make_case(random_state)  # validates random_state with a clear error
    _variant.update(random_state=random_state, case=case)


def current_variant() -> int | None:
    """Return the group variant in use (see :func:`use_variant`), or None for the shipped data."""
    return _variant["random_state"]


def load_table(table: str) -> pd.DataFrame:
    """Read one shipped table (``datasets/<table>.csv``, installed as package ``crmlessons.data``),
    or the group variant's table after :func:`use_variant`.

    Parameters
    ----------
    table : str
        One of ``TABLES``.

    Returns
    -------
    pandas.DataFrame
        Dates as ``datetime64[ns]``, category codes as (ordered where meaningful) categoricals, ids and
        text as strings, as in the table's data dictionary.

    Examples
    --------
    >>> load_table("ask_items").shape
    (12, 5)
    """
    _check_table(table)
    if _variant["case"] is not None:
        return _variant["case"].tables[table].copy()
    with (files("crmlessons.data") / f"{table}.csv").open("rb") as fh:
        return read_csv(fh, table)


def load_case() -> Case:
    """Read all shipped tables of the case company (the variant ``make_case(0)``).

    Returns
    -------
    Case
        One attribute per table, and ``.tables`` as a dict.

    Examples
    --------
    >>> case = load_case()
    >>> sorted(case.tables)[:3]
    ['ask_items', 'customers', 'leads']
    >>> bool((case.leads["outcome"] == "won").sum() == (case.customers["origin"] == "won_lead").sum())
    True
    """
    return Case(**{t: load_table(t) for t in TABLES})


def _loader(table: str):
    def loader() -> pd.DataFrame:
        return load_table(table)

    loader.__name__ = loader.__qualname__ = f"load_{table}"
    loader.__doc__ = f"""Read the shipped ``{table}`` table of the case company.

    Returns
    -------
    pandas.DataFrame
        Typed as in ``dictionary("{table}")``.

    Examples
    --------
    >>> df = load_{table}()
    >>> list(df.columns) == dictionary_columns("{table}")
    True
    """
    return loader


def dictionary_columns(table: str) -> list[str]:
    """Column names of ``table`` in dictionary order (helper of the loader doctests)."""
    from crmlessons.datasets.dictionary import columns

    return [c.name for c in columns(table)]


load_salespeople = _loader("salespeople")
load_leads = _loader("leads")
load_stage_history = _loader("stage_history")
load_losses = _loader("losses")
load_customers = _loader("customers")
load_orders = _loader("orders")
load_survey = _loader("survey")
load_spend = _loader("spend")
load_ask_items = _loader("ask_items")
