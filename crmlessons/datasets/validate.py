"""Check tables against their data dictionaries, and the links between the tables of a case."""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlessons.checks import Table, tables
from crmlessons.datasets.dictionary import KEYS, TABLES, VOCABULARIES, columns

__all__ = ["ValidationError", "validate", "validate_case"]


class ValidationError(ValueError):
    """A table breaks its data dictionary or a link between tables; the message names the column
    and the offending rows (first few row labels and their count)."""


def check_case(case, name: str = "case"):
    """Return ``case`` if it has every table of a case as a DataFrame attribute; else raise TypeError.

    Examples
    --------
    >>> check_case("leads.csv")
    Traceback (most recent call last):
    ...
    TypeError: case must be a Case (from load_case() or make_case()) with a DataFrame for each table; \
got str, whose salespeople, leads, stage_history, ... are missing
    """
    missing = [t for t in TABLES if not isinstance(getattr(case, t, None), pd.DataFrame)]
    if missing:
        shown = ", ".join(missing[:3]) + (", ..." if len(missing) > 3 else "")
        raise TypeError(f"{name} must be a Case (from load_case() or make_case()) with a DataFrame for each "
                        f"table; got {type(case).__name__}, whose {shown} are missing")
    return case


def _rows(mask, index) -> str:
    labels = list(index[np.asarray(mask, dtype=bool)])
    head = ", ".join(repr(x) for x in labels[:5])
    more = ", ..." if len(labels) > 5 else ""
    return f"{len(labels)} row(s): [{head}{more}]"


def _fail(table: str, column: str, problem: str, mask, index) -> None:
    raise ValidationError(f"{table}.{column}: {problem} in {_rows(mask, index)}")


_KIND = {"int64": "integer", "float64": "float", "bool": "bool"}


@tables(df=Table(None, (), empty_ok=True))  # any table of the case; an empty one can be valid
def validate(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Check a DataFrame against the data dictionary of ``table``.

    Checks that every column is present, has the dictionary's type, holds no missing values where none
    are allowed, stays within its range or allowed values, and that the key is unique.

    Parameters
    ----------
    df : pandas.DataFrame
        The table to check.
    table : str
        Its name (one of ``TABLES``).

    Returns
    -------
    pandas.DataFrame
        ``df`` itself, so that calls can be chained.

    Raises
    ------
    ValidationError
        (a ``ValueError``) naming the column and the offending rows.

    Examples
    --------
    >>> from crmlessons.datasets import load_leads
    >>> leads = load_leads()
    >>> validate(leads, "leads") is leads
    True
    >>> bad = leads.head(3).copy()
    >>> bad.loc[1, "need_strength"] = 9
    >>> validate(bad, "leads")
    Traceback (most recent call last):
    ...
    crmlessons.datasets.validate.ValidationError: leads.need_strength: values outside 1 to 5 in 1 row(s): [1]
    """
    specs = columns(table)
    missing = [c.name for c in specs if c.name not in df.columns]
    if missing:
        raise ValidationError(f"{table}: missing column(s) {missing}; expected columns {[c.name for c in specs]}")
    idx = df.index
    for c in specs:
        s = df[c.name]
        na = s.isna().to_numpy()
        if na.any() and not c.nullable:
            _fail(table, c.name, "missing values", na, idx)
        present = s[~na]
        if c.dtype.startswith("datetime64"):
            if not pd.api.types.is_datetime64_any_dtype(s):
                raise ValidationError(f"{table}.{c.name}: expected dates (datetime64), got dtype {s.dtype}")
            continue
        if c.dtype in _KIND:
            ok = {"integer": pd.api.types.is_integer_dtype, "float": pd.api.types.is_numeric_dtype,
                  "bool": pd.api.types.is_bool_dtype}[_KIND[c.dtype]](s)
            if not ok:
                raise ValidationError(f"{table}.{c.name}: expected {_KIND[c.dtype]} values, got dtype {s.dtype}")
        if isinstance(c.allowed, str):
            allowed = set(VOCABULARIES[c.allowed])
            bad = ~na & ~s.astype(object).isin(allowed).to_numpy()
            if bad.any():
                _fail(table, c.name, f"values not in {sorted(allowed)}", bad, idx)
        elif isinstance(c.allowed, tuple):
            lo, hi = c.allowed
            vals = pd.to_numeric(s, errors="coerce").to_numpy(dtype=float)
            bad = ~na & ~((vals >= lo) & (vals <= hi))
            if bad.any():
                _fail(table, c.name, f"values outside {lo} to {hi}", bad, idx)
        if c.dtype == "int64" or (c.dtype == "float64" and c.decimals == 0):
            vals = pd.to_numeric(present, errors="coerce").to_numpy(dtype=float)
            if (vals != np.round(vals)).any():
                bad = ~na.copy()
                bad[~na] = pd.to_numeric(present, errors="coerce").to_numpy(dtype=float) != np.round(vals)
                _fail(table, c.name, "non-whole numbers", bad, idx)
    key = KEYS[table]
    dup = df.duplicated(subset=key, keep=False).to_numpy()
    if dup.any():
        _fail(table, "+".join(key), "duplicate key", dup, idx)
    return df


def _link(case, table: str, column: str, target: str, target_column: str) -> None:
    child = case.tables[table][column]
    parent = set(case.tables[target][target_column].dropna())
    bad = child.notna().to_numpy() & ~child.isin(parent).to_numpy()
    if bad.any():
        _fail(table, column, f"values not found in {target}.{target_column}", bad, child.index)


LINKS = [
    ("leads", "salesperson_id", "salespeople", "salesperson_id"),
    ("stage_history", "lead_id", "leads", "lead_id"),
    ("losses", "lead_id", "leads", "lead_id"),
    ("losses", "customer_id", "customers", "customer_id"),
    ("losses", "salesperson_id", "salespeople", "salesperson_id"),
    ("customers", "lead_id", "leads", "lead_id"),
    ("customers", "salesperson_id", "salespeople", "salesperson_id"),
    ("customers", "referred_by", "customers", "customer_id"),
    ("orders", "customer_id", "customers", "customer_id"),
    ("survey", "customer_id", "customers", "customer_id"),
]


def validate_case(case) -> None:
    """Validate every table of a case and the links (foreign keys) between them.

    Besides :func:`validate` on each table, checks every id column against the table it points to,
    that the salespeople's item columns are the ``ask_items`` ids, that every won lead is a customer,
    every lost lead and lost customer has a loss record, and no order falls in a customer's lost period.

    Parameters
    ----------
    case : Case
        From :func:`load_case` or :func:`make_case`.

    Raises
    ------
    ValidationError
        Naming the table, column and offending rows.

    Examples
    --------
    >>> from crmlessons.datasets import load_case
    >>> case = load_case()
    >>> validate_case(case)
    >>> case.orders.loc[0, "customer_id"] = "C99999"
    >>> validate_case(case)
    Traceback (most recent call last):
    ...
    crmlessons.datasets.validate.ValidationError: orders.customer_id: values not found in customers.customer_id in 1 row(s): [0]
    """
    check_case(case)
    for name in TABLES:
        validate(case.tables[name], name)
    for link in LINKS:
        _link(case, *link)
    items = set(case.ask_items["item_id"])
    sp_items = {c for c in case.salespeople.columns if c[:1] in "ASK" and c[1:].isdigit()}
    if sp_items != items:
        raise ValidationError(f"salespeople: item columns {sorted(sp_items)} differ from ask_items.item_id "
                              f"{sorted(items)}")
    leads = case.leads
    won = (leads["outcome"] == "won").to_numpy()
    bad = won & ~leads["lead_id"].isin(set(case.customers["lead_id"].dropna())).to_numpy()
    if bad.any():
        _fail("leads", "lead_id", "won leads missing from customers.lead_id", bad, leads.index)
    lost = (leads["outcome"] == "lost").to_numpy()
    bad = lost & ~leads["lead_id"].isin(set(case.losses["lead_id"].dropna())).to_numpy()
    if bad.any():
        _fail("leads", "lead_id", "lost leads without a loss record", bad, leads.index)
    cust = case.customers
    bad = cust["lost_date"].notna().to_numpy() & ~cust["customer_id"].isin(
        set(case.losses["customer_id"].dropna())).to_numpy()
    if bad.any():
        _fail("customers", "customer_id", "lost customers without a loss record", bad, cust.index)
    o = case.orders.merge(cust[["customer_id", "acquired_date", "lost_date", "won_back_date"]],
                          on="customer_id", how="left")
    before = (o["order_date"] < o["acquired_date"]).to_numpy()
    if before.any():
        _fail("orders", "order_date", "orders before the customer's acquired_date", before, case.orders.index)
    gap = ((o["order_date"] >= o["lost_date"]) & ~(o["order_date"] >= o["won_back_date"])).to_numpy()
    if gap.any():
        _fail("orders", "order_date", "orders while the customer was lost", gap, case.orders.index)
