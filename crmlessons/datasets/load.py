"""Loaders of the shipped case tables (scikit-learn's ``load_*`` style; no network)."""

from __future__ import annotations

from importlib.resources import files

import pandas as pd

from crmlessons.datasets._io import read_csv
from crmlessons.datasets.dictionary import TABLES, _check_table
from crmlessons.datasets.generate import Case, make_case

__all__ = ["load_table", "load_case", "use_variant", "current_variant", "load_salespeople", "load_leads",
           "load_stage_history", "load_losses", "load_customers", "load_orders", "load_survey", "load_spend",
           "load_ask_items"]

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


# One loader per table, each saying what its table is. All read through load_table(), so each also
# returns the group's variant after use_variant().

def load_salespeople() -> pd.DataFrame:
    """Read the sales team of the case company: table ``salespeople``.

    One row per salesperson (key ``salesperson_id``, ``SP001`` ...): region, hire date and tenure,
    the answers to the twelve ASK self-assessment items ``A1`` ... ``K4`` (the items are in
    :func:`load_ask_items`), the ask-vs-tell ratio measured in recorded calls, and the results on the
    leads (leads worked, deals won, win rate, revenue won). ``leads``, ``customers`` and ``losses`` link
    to it through their ``salesperson_id``. Columns and types: ``describe("salespeople")``.

    Returns
    -------
    pandas.DataFrame
        The shipped table, or the group's variant after :func:`use_variant`.

    Examples
    --------
    >>> team = load_salespeople()
    >>> team.shape
    (40, 22)
    >>> team.loc[0, ["salesperson_id", "region"]].tolist(), float(team.loc[0, "win_rate"])
    (['SP001', 'west'], 0.0217)
    """
    return load_table("salespeople")


def load_leads() -> pd.DataFrame:
    """Read every prospect the sales team worked, 2022-2025: table ``leads``.

    One row per lead (key ``lead_id``, ``L00001`` ...): who worked it (``salesperson_id`` ->
    :func:`load_salespeople`), when it was created, the prospect's region, industry and size, the MAN
    and BANT facts the salesperson recorded (budget, purchasing power, contact role and decision power,
    need strength, timeline), the deal value, the furthest funnel stage reached and the outcome (won,
    lost or still open on the data date). Its stages with dates are in :func:`load_stage_history`; a
    won lead is a customer (``customers.lead_id``), a lost one has a loss record (``losses.lead_id``).
    Rates are measured on the leads created before 2024-07-01 (all decided).

    Returns
    -------
    pandas.DataFrame
        The shipped table, or the group's variant after :func:`use_variant`.

    Examples
    --------
    >>> leads = load_leads()
    >>> len(leads), int((leads["outcome"] == "won").sum())
    (4000, 165)
    """
    return load_table("leads")


def load_stage_history() -> pd.DataFrame:
    """Read each lead's path through the sales funnel: table ``stage_history``.

    One row per lead and stage it entered (key ``lead_id`` + ``stage``), in funnel order from
    ``prospect`` (``stage_order`` 0) to the stage reached, with the date the lead entered it.
    ``lead_id`` links to :func:`load_leads`; the last stage of each lead is its ``stage_reached``.

    Returns
    -------
    pandas.DataFrame
        The shipped table, or the group's variant after :func:`use_variant`.

    Examples
    --------
    >>> history = load_stage_history()
    >>> history[history["lead_id"] == "L00002"]["stage"].tolist()
    ['prospect', 'contacted', 'talking_business', 'proposal']
    """
    return load_table("stage_history")


def load_losses() -> pd.DataFrame:
    """Read every lost deal and lost customer: table ``losses``.

    One row per loss (key ``loss_id``, ``LS00001`` ..., in date order): a lost deal (``loss_type``
    ``deal``, with its ``lead_id`` -> :func:`load_leads`) or a lost customer (``customer``, with its
    ``customer_id`` -> :func:`load_customers`), the salesperson responsible, the date, the reason as the
    salesperson typed it (``reason_raw``, messy English and Chinese) and the analyst's clean reason code
    and category (missing where the typed reason says nothing).

    Returns
    -------
    pandas.DataFrame
        The shipped table, or the group's variant after :func:`use_variant`.

    Examples
    --------
    >>> losses = load_losses()
    >>> losses["loss_type"].value_counts().to_dict()
    {'deal': 3604, 'customer': 335}
    """
    return load_table("losses")


def load_customers() -> pd.DataFrame:
    """Read the customers of the case company: table ``customers``.

    One row per customer (key ``customer_id``, ``C00001`` ..., in order of acquisition): customers from
    before 2022 (``origin`` ``pre_existing``) and every won lead (``won_lead``, with its ``lead_id`` ->
    :func:`load_leads`); the account manager (``salesperson_id`` -> :func:`load_salespeople`), objective
    facts (industry, size, employees, founding year) and subjective ones (preferred channel,
    communication style), who referred it (``referred_by`` -> another customer), its status with
    the dates it was lost and won back, the relationship ties Hengtai has built with it (financial,
    social, structural; True or False) and how many times its account manager changed. Its orders are in
    :func:`load_orders`, its survey answers in :func:`load_survey`.

    Returns
    -------
    pandas.DataFrame
        The shipped table, or the group's variant after :func:`use_variant`.

    Examples
    --------
    >>> customers = load_customers()
    >>> customers["status"].value_counts().to_dict()
    {'active': 1030, 'lost': 296, 'won_back': 39}
    """
    return load_table("customers")


def load_orders() -> pd.DataFrame:
    """Read every order 2019-2025: table ``orders``.

    One row per order (key ``order_id``, ``O0000001`` ..., in date order): the customer who placed it
    (``customer_id`` -> :func:`load_customers`), the date, the product line, the tier (standard or
    premium), the revenue and the gross margin in CNY.

    Returns
    -------
    pandas.DataFrame
        The shipped table, or the group's variant after :func:`use_variant`.

    Examples
    --------
    >>> orders = load_orders()
    >>> len(orders), str(orders["order_date"].min().date()), str(orders["order_date"].max().date())
    (38835, '2019-01-01', '2025-12-31')
    """
    return load_table("orders")


def load_survey() -> pd.DataFrame:
    """Read the customer survey of January 2025: table ``survey``.

    One row per responding customer (key ``customer_id`` -> :func:`load_customers`; one answer each):
    the answer date, overall satisfaction (1-5), the three faces of loyalty (emotional, behavioural,
    intentional; 1-5 agree), the customer's complaints in the 12 months before, with how many were
    resolved, how much the customer gets from each part of value (product, service, personnel, image;
    1-5), how heavy each part of cost feels (price, time, energy, psychological; 1-5), the overall
    perceived value (0-10), the willingness to recommend Hengtai (0-10), the price sensitivity (1-5),
    whether a competitor made a strong offer (True or False), how well the last complaint was handled
    (1-5, for the customers who complained) and the answers to the paired Kano questions on four features
    (functional and dysfunctional: like, must_be, neutral, live_with, dislike). Skipped questions are
    missing.

    Returns
    -------
    pandas.DataFrame
        The shipped table, or the group's variant after :func:`use_variant`.

    Examples
    --------
    >>> survey = load_survey()
    >>> len(survey), int((survey["satisfaction"] == 5).sum())
    (665, 158)
    """
    return load_table("survey")


def load_spend() -> pd.DataFrame:
    """Read the sales and marketing spend per year: table ``spend``.

    One row per year and budget item (key ``year`` + ``item``), each item either acquisition spend
    (winning new customers: trade shows, advertising, prospecting) or retention spend (keeping them:
    account management, after-sales service, loyalty programme), in CNY. Divided by the customers
    acquired and retained (from :func:`load_customers`) it gives the cost of each.

    Returns
    -------
    pandas.DataFrame
        The shipped table, or the group's variant after :func:`use_variant`.

    Examples
    --------
    >>> spend = load_spend()
    >>> spend.groupby("spend_type", observed=True)["amount_cny"].sum().round().to_dict()
    {'acquisition': 6023704.0, 'retention': 16792834.0}
    """
    return load_table("spend")


def load_ask_items() -> pd.DataFrame:
    """Read the ASK self-assessment item bank: table ``ask_items``.

    One row per item (key ``item_id``: ``A1``-``A4`` Attitude, ``S1``-``S4`` Skill, ``K1``-``K4``
    Knowledge), with its statement in English and Chinese and whether it is reverse-scored (agreeing
    signals less of the dimension: score it as 6 - answer). The salespeople's answers are the columns
    of the same names in :func:`load_salespeople`.

    Returns
    -------
    pandas.DataFrame
        The item bank (the same in every variant).

    Examples
    --------
    >>> items = load_ask_items()
    >>> items.loc[items["reverse_scored"], "item_id"].tolist()
    ['A4', 'S4', 'K4']
    """
    return load_table("ask_items")
