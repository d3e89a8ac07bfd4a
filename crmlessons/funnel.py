"""The success funnel: from many prospects to a few deals (lesson 04).

The Key-account CRM course ("成功的概率", the success probability, Figure 1-2; see
:mod:`crmlessons.lessons.sources`) tells the story with round numbers: of **100 prospects**, perhaps
**80** reach "talking business" (谈生意; a very good result), or **50**, or only **20**: three
alternative outcomes of that one step, not three stages. After a negotiation that lasts one month, two
months, half a year, a year or more, depending on the size of the project, **5 or fewer** close.
In between, the source only says that both sides go on to negotiate: the stages "contacted" and
"proposal", and every count of the lesson's chain except the 100, the 50 and the 5, are the course's
(:data:`SOURCE_EXAMPLE`), and so are the measures below. This module measures that funnel on a firm's
records and plans with it:

- how many leads reach each stage and what share moves on (:func:`stage_counts`, :func:`conversion`,
  :func:`conversion_from_counts`), where it leaks most (:func:`biggest_leak`) and the overall
  :func:`win_rate`;
- how long deals take (:func:`cycle_length`) and how groups differ (:func:`breakdown`,
  :func:`conversion_by`): the split ``by=`` any column of ``leads``, ``"size_band"`` (bands of
  ``deal_value_cny``, :func:`size_band`) or ``"man"`` (the MAN combination of lesson 03);
- which stage a salesperson should work on first (:func:`compare_to_team`, :func:`work_on_first`);
- how many prospects a target really needs (:func:`prospects_needed`, :func:`deals_chance`): not just
  target ÷ rate, because chance spreads the result widely when the numbers are small;
- what chance alone does to a funnel (:func:`expected_funnel`, :func:`simulate`, :func:`explore`, the
  funnel widget's computation);
- what the open pipeline is worth (:func:`stage_win_probability`, :func:`weighted_pipeline`) and how
  fast it turns into money (:func:`sales_velocity`, :func:`velocity`).

Rates are measured on the **cohort** of leads created before 2024-07-01 (:data:`COHORT_END`): only
those are all decided (won or lost) by the data date, 2025-12-31. Later leads may still be open, so a
rate measured on them would look too low.

Examples
--------
>>> conversion_from_counts([100, 80, 50, 20, 10, 5])["conversion"].round(3).tolist()
[1.0, 0.8, 0.625, 0.4, 0.5, 0.5]
>>> prospects_needed(5, 0.05, confidence=0.9)   # target / rate alone would say 100
158
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Sequence

from crmlessons.checks import (Table, check_random_state, require_date, require_number,
                               require_table, tables)
from crmlessons.datasets.rules import DECIDED_BEFORE, STAGES

#: Leads created before this date are all decided (won or lost) by the data date
#: (the case's one cut-off, :data:`crmlessons.datasets.rules.DECIDED_BEFORE`).
COHORT_END = DECIDED_BEFORE

#: The course's example chain, built on the source's numbers: 100 prospects, 80 contacted, 50 talking
#: business, 20 with a proposal, 10 in negotiation, 5 won. Only the 100 prospects, the 50 talking
#: business (the middle one of the source's three alternative outcomes, 80, 50 or 20) and the 5 won come
#: from the Key-account CRM course (Figure 1-2); the stages "contacted" and "proposal" and the counts
#: 80, 20 and 10 are the course's (the 80 and the 20 here are not the source's 80 and 20). The case
#: company's data were generated to follow this chain (:func:`crmlessons.datasets.planted_effects`:
#: ``reach_*`` and ``overall_win_rate``), so Hengtai's measured funnel agrees with it by construction.
SOURCE_EXAMPLE = (100, 80, 50, 20, 10, 5)

#: Stage-to-stage conversion rates that reproduce :data:`SOURCE_EXAMPLE` from 100 prospects (the course's).
SOURCE_RATES = (0.8, 0.625, 0.4, 0.5, 0.5)

#: Bands of ``deal_value_cny`` used by :func:`size_band` (CNY; lower edge included).
SIZE_EDGES = (0.0, 50_000.0, 150_000.0, 500_000.0, 1_500_000.0, math.inf)
SIZE_LABELS = ("<50k", "50k-150k", "150k-500k", "500k-1.5M", "1.5M+")

#: Largest number of prospects :func:`prospects_needed` will search (keeps the answer fast).
MAX_PROSPECTS = 5_000_000

_HISTORY = ["lead_id", "stage_order", "entered_date"]


# ---------------------------------------------------------------------------------------------
# Checks and small helpers

def _cut(before: Any):
    """Return ``before`` as a Timestamp (or None for 'no cohort cut')."""

    if before is None:
        return None
    return require_date(before, "before")


def _rate(value: Any, name: str) -> float:
    return float(require_number(value, name, low=0, high=1))


def _rates(rates: Any) -> list[float]:
    if isinstance(rates, (str, bytes)) or not hasattr(rates, "__iter__"):
        raise TypeError(f"rates must be a list of stage-to-stage conversion rates between 0 and 1; got "
                        f"{type(rates).__name__} {rates!r}")
    rates = list(rates)
    if not rates:
        raise ValueError("rates must hold at least one stage-to-stage conversion rate; got an empty list")
    return [_rate(r, f"rates[{i}]") for i, r in enumerate(rates)]


def _stage_list(stages: Any) -> list:
    """Return ``stages`` as a list, or raise naming the argument."""
    if isinstance(stages, (str, bytes)) or not hasattr(stages, "__iter__"):
        raise TypeError(f"stages must be a list of stage names; got {type(stages).__name__} {stages!r}")
    return list(stages)


def _stage_names(n: int, stages: Sequence[str] | None = None) -> list[str]:
    """Names of ``n`` stages: ``stages`` if given, the case company's when there are six, else stage_1 ..."""
    if stages is not None:
        stages = [str(s) for s in _stage_list(stages)]
        if len(stages) != n:
            raise ValueError(f"stages must name each of the {n} stages; got {len(stages)} names: {stages}")
        return stages
    return list(STAGES) if n == len(STAGES) else [f"stage_{i + 1}" for i in range(n)]


def _whole(value: Any, name: str, low: int = 0, high: int | None = None) -> int:
    import numpy as np

    if isinstance(value, np.integer):
        value = int(value)
    return int(require_number(value, name, low=low, high=high, integer=True))


def _reached(furthest, n_stages: int):
    """Leads reaching each of ``n_stages`` stages, from each lead's furthest stage code (0 = first)."""
    import numpy as np

    return np.bincount(np.asarray(furthest, dtype=np.int64), minlength=n_stages)[::-1].cumsum()[::-1]


def _leads_cohort(leads, before):
    from crmlessons.datasets.rules import decided_leads

    return decided_leads(leads, before)


# ---------------------------------------------------------------------------------------------
# Stage counts and conversion

@tables(history=Table("stage_history", ["lead_id", "stage_order"]))
def stage_counts(history, *, before: Any = COHORT_END, stages: Sequence[str] = STAGES):
    """Count the leads that reached each stage of the funnel.

    A lead counts at every stage up to the furthest it reached, so the counts never grow down the
    funnel.

    Parameters
    ----------
    history : pandas.DataFrame
        One row per lead and stage entered, with ``lead_id``, ``stage_order`` (0 = first stage) and
        ``entered_date`` (table ``stage_history``).
    before : date or None, default "2024-07-01"
        Count only leads that entered the first stage before this date (the decided cohort);
        None counts every lead.
    stages : sequence of str
        Names of the stages, in order (default: the case company's six).

    Returns
    -------
    pandas.Series
        Named ``"leads"``, indexed by stage name.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> counts = stage_counts(datasets.load_stage_history())
    >>> counts.index[0], counts.index[-1], bool(counts.is_monotonic_decreasing)
    ('prospect', 'won', True)
    """
    import pandas as pd

    history = require_table(history, "stage_history", "history", _HISTORY if before is not None else _HISTORY[:2])
    stages = [str(s) for s in _stage_list(stages)]
    order = history["stage_order"]
    if not pd.api.types.is_integer_dtype(order):
        raise TypeError(f"history column 'stage_order' must hold whole numbers 0..{len(stages) - 1}; "
                        f"got dtype {order.dtype}")
    bad = order[(order < 0) | (order >= len(stages))]
    if len(bad):
        raise ValueError(f"history column 'stage_order' must be between 0 and {len(stages) - 1} "
                         f"({len(stages)} stages); got {sorted(set(bad.tolist()))[:5]}")
    cut = _cut(before)
    if cut is not None:
        first = history["entered_date"].groupby(history["lead_id"]).min()
        keep = first.index[first < cut]
        history = history[history["lead_id"].isin(keep)]
    furthest = history.groupby("lead_id")["stage_order"].max().to_numpy()
    reached = _reached(furthest, len(stages))
    return pd.Series(reached.astype(int), index=pd.Index(stages, name="stage"), name="leads")


def conversion_from_counts(counts, stages: Sequence[str] | None = None):
    """Turn stage counts into the funnel table: conversion from the stage before, reach, leads lost.

    Parameters
    ----------
    counts : sequence of numbers or pandas.Series
        Leads at each stage, top of the funnel first; they must not grow down the funnel.
    stages : sequence of str, optional
        Stage names (default: the Series index, or the case company's stages when there are six).

    Returns
    -------
    pandas.DataFrame
        Indexed by stage: ``leads``; ``conversion`` (share of the stage before that reached this one;
        1 for the first stage, 0 after an empty stage); ``reach`` (share of the first stage);
        ``lost`` (leads that stopped at the stage before).

    Examples
    --------
    >>> table = conversion_from_counts([100, 50, 5], stages=["prospects", "talks", "deals"])
    >>> table["conversion"].tolist(), table["lost"].tolist()
    ([1.0, 0.5, 0.1], [0, 50, 45])
    """
    import numpy as np
    import pandas as pd

    if isinstance(counts, pd.Series):
        if stages is None:
            stages = [str(s) for s in counts.index]
        values = counts.to_numpy()
    elif isinstance(counts, (str, bytes)) or not hasattr(counts, "__iter__"):
        raise TypeError(f"counts must be a list or Series of leads per stage; got {type(counts).__name__} {counts!r}")
    else:
        values = list(counts)
    if len(values) == 0:
        raise ValueError("counts must hold at least one stage; got none")
    for i, v in enumerate(values):
        require_number(v.item() if isinstance(v, np.generic) else v, f"counts[{i}]", low=0)
    values = np.asarray(values, dtype=float)
    grows = np.flatnonzero(np.diff(values) > 1e-9)
    if len(grows):
        i = int(grows[0])
        raise ValueError(f"counts must not grow down the funnel; got {values[i]:g} then {values[i + 1]:g} "
                         f"at positions {i} and {i + 1}")
    names = _stage_names(len(values), stages)
    previous = np.concatenate([[values[0]], values[:-1]])
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(previous > 0, values / np.where(previous > 0, previous, 1), 0.0)
        reach = values / values[0] if values[0] > 0 else np.zeros_like(values)
    rate[0] = 1.0
    reach[0] = 1.0
    whole = bool(np.all(values == np.round(values)))
    out = pd.DataFrame({"leads": values.astype(int) if whole else values,
                        "conversion": np.clip(rate, 0, 1), "reach": np.clip(reach, 0, 1),
                        "lost": (previous - values).astype(int) if whole else previous - values},
                       index=pd.Index(names, name="stage"))
    return out


@tables(history=Table("stage_history", ["lead_id", "stage_order"]))
def conversion(history, *, before: Any = COHORT_END, stages: Sequence[str] = STAGES):
    """Measure the funnel from the stage history: leads, conversion, reach and losses per stage.

    Parameters
    ----------
    history : pandas.DataFrame
        Table ``stage_history`` (``lead_id``, ``stage_order``, ``entered_date``).
    before : date or None, default "2024-07-01"
        The cohort cut (see :func:`stage_counts`).
    stages : sequence of str
        Names of the stages, in order.

    Returns
    -------
    pandas.DataFrame
        As :func:`conversion_from_counts`.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> table = conversion(datasets.load_stage_history())
    >>> table.loc["talking_business", "reach"].round(2)
    np.float64(0.51)
    """
    return conversion_from_counts(stage_counts(history, before=before, stages=stages))


@tables(history=Table("stage_history", ["lead_id", "stage_order"]))
def biggest_leak(history, *, before: Any = COHORT_END) -> str:
    """Return the stage whose entry converts the smallest share of the stage before (the worst step).

    The answer names the stage that leads fail to enter: ``"proposal"`` means many leads that were
    talking business never got a proposal.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> biggest_leak(datasets.load_stage_history())
    'proposal'
    """
    table = conversion(history, before=before)
    return str(table["conversion"].iloc[1:].idxmin())


@tables(leads=["created_date", "outcome"])
def win_rate(leads, *, before: Any = COHORT_END) -> float:
    """Return the share of decided leads (won or lost) that were won, in the cohort.

    Parameters
    ----------
    leads : pandas.DataFrame
        With ``created_date`` and ``outcome`` (won / lost / open).
    before : date or None, default "2024-07-01"
        Only leads created before this date (all decided); None takes all decided leads.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> round(win_rate(datasets.load_leads()), 3)
    0.046
    """
    leads = _leads_cohort(leads, before)
    outcome = leads["outcome"].astype(str)
    decided = outcome.isin(["won", "lost"]).sum()
    if decided == 0:
        raise ValueError("leads has no decided lead (outcome won or lost) in the cohort; try before=None")
    return float((outcome == "won").sum() / decided)


def _reach_from_leads(leads, stages=STAGES):
    """Stage counts from ``leads.stage_reached`` (same numbers as the stage history gives)."""
    import pandas as pd

    require_table(leads, "leads", "leads", ["stage_reached"], empty_ok=True)
    codes = pd.Categorical(leads["stage_reached"].astype(str), categories=list(stages)).codes
    if (codes < 0).any():
        bad = sorted(set(leads["stage_reached"].astype(str)[codes < 0]))
        raise ValueError(f"leads column 'stage_reached' must hold stages {list(stages)}; got {bad[:5]}")
    return pd.Series(_reached(codes, len(stages)), index=pd.Index(list(stages), name="stage"), name="leads")


@tables(history=Table("stage_history", ["lead_id", "stage_order"]))
def stage_win_probability(history, *, before: Any = COHORT_END):
    """Return, for each stage, the share of leads that reached it and went on to win.

    This is the "stage probability" of a weighted pipeline: a lead now in negotiation is worth its
    deal value times the chance that leads in negotiation win.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> p = stage_win_probability(datasets.load_stage_history())
    >>> bool(p.is_monotonic_increasing), p["won"]
    (True, np.float64(1.0))
    """
    counts = stage_counts(history, before=before)
    return _win_probability(counts)


def _win_probability(counts):
    import numpy as np

    won = counts.iloc[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        p = (won / counts.where(counts > 0)).fillna(0.0).clip(0, 1)
    return p.rename("win_probability")


# ---------------------------------------------------------------------------------------------
# Splits by group: size band, source, salesperson, MAN combination

def size_band(values):
    """Put deal values (CNY) into size bands: <50k, 50k-150k, 150k-500k, 500k-1.5M, 1.5M+.

    Examples
    --------
    >>> size_band([20_000, 150_000, 2_000_000]).tolist()
    ['<50k', '150k-500k', '1.5M+']
    """
    import pandas as pd

    series = pd.Series(values)
    if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
        raise TypeError(f"deal values must be numbers (CNY); got dtype {series.dtype}")
    if (series < 0).any():
        raise ValueError(f"deal values must be at least 0 CNY; got {series[series < 0].iloc[0]}")
    bands = pd.cut(series, bins=list(SIZE_EDGES), labels=list(SIZE_LABELS), right=False)
    return bands.rename("size_band")


def _groups(leads, by: str):
    """Return the group of every lead: a column of ``leads``, ``"size_band"`` or ``"man"``."""
    if not isinstance(by, str):
        raise TypeError(f"by must be a column name of leads, 'size_band' or 'man'; got {type(by).__name__} {by!r}")
    if by == "size_band":
        require_table(leads, "leads", "leads", ["deal_value_cny"], empty_ok=True)
        bands = size_band(leads["deal_value_cny"])
        bands.index = leads.index
        return bands
    if by == "man":
        from crmlessons import man

        return man.classify(leads)
    if by not in leads.columns:
        raise ValueError(f"by must be a column of leads, 'size_band' or 'man'; got {by!r}; "
                         f"leads has {list(leads.columns)}")
    return require_table(leads, "leads", "leads", [by], empty_ok=True)[by].rename(by)


@tables(leads=["outcome", "cycle_days", "deal_value_cny"])
def breakdown(leads, by: str = "source_channel", *, before: Any = COHORT_END):
    """Compare groups of leads: how many, how many won, win rate, cycle length and deal value.

    Parameters
    ----------
    leads : pandas.DataFrame
        Table ``leads`` (``created_date``, ``outcome``, ``cycle_days``, ``deal_value_cny`` and the
        column named by ``by``).
    by : str, default "source_channel"
        A column of ``leads`` (e.g. ``"salesperson_id"``), ``"size_band"`` (bands of deal value) or
        ``"man"`` (the MAN combination, :func:`crmlessons.man.classify`).
    before : date or None
        The cohort cut.

    Returns
    -------
    pandas.DataFrame
        One row per group (in the group's order): ``leads``, ``won``, ``win_rate``,
        ``median_cycle_days`` and ``mean_deal_value_cny`` of the won deals.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> table = breakdown(datasets.load_leads(), by="size_band")
    >>> list(table.columns)
    ['leads', 'won', 'win_rate', 'median_cycle_days', 'mean_deal_value_cny']
    """
    import pandas as pd

    group = _groups(leads, by)
    frame = pd.DataFrame({"group": group, "outcome": leads["outcome"].astype(str),
                          "cycle": leads["cycle_days"], "value": leads["deal_value_cny"],
                          "created_date": leads["created_date"] if "created_date" in leads else pd.NaT})
    frame = _leads_cohort(frame, before)
    frame = frame[frame["outcome"].isin(["won", "lost"])]
    won = frame[frame["outcome"] == "won"]
    grouped = frame.groupby("group", observed=True, sort=True)
    table = pd.DataFrame({"leads": grouped.size(),
                          "won": won.groupby("group", observed=True).size()})
    table["won"] = table["won"].fillna(0).astype(int)
    table["win_rate"] = table["won"] / table["leads"]
    table["median_cycle_days"] = won.groupby("group", observed=True)["cycle"].median()
    table["mean_deal_value_cny"] = won.groupby("group", observed=True)["value"].mean()
    table.index.name = group.name
    return table


@tables(leads=["outcome", "cycle_days"])
def cycle_length(leads, by: str = "size_band", *, before: Any = COHORT_END):
    """How long won deals take, from first record to signature, by group (default: deal size band).

    Parameters
    ----------
    leads : pandas.DataFrame
        Table ``leads`` with ``created_date``, ``outcome``, ``cycle_days`` and the ``by`` column.
    by : str or None, default "size_band"
        As in :func:`breakdown`; None gives one row for all won deals.
    before : date or None
        The cohort cut.

    Returns
    -------
    pandas.DataFrame
        ``deals``, ``median_days``, ``p25_days``, ``p75_days`` and ``median_months`` (days / 30.4).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> table = cycle_length(datasets.load_leads())
    >>> bool(table["median_days"].iloc[-1] > table["median_days"].iloc[0])   # big deals take longer
    True
    """
    import pandas as pd

    leads = _leads_cohort(leads, before)
    won = leads[leads["outcome"].astype(str) == "won"]
    if by is None:
        group = pd.Series("all", index=won.index, name="group")
    else:
        group = _groups(won, by)
    days = pd.to_numeric(won["cycle_days"], errors="coerce")
    grouped = days.groupby(group, observed=True, sort=True)
    table = pd.DataFrame({"deals": grouped.size(), "median_days": grouped.median(),
                          "p25_days": grouped.quantile(0.25), "p75_days": grouped.quantile(0.75)})
    table["median_months"] = table["median_days"] / 30.4
    table.index.name = group.name
    return table


@tables(history=Table("stage_history", ["lead_id", "stage_order"]), leads=["lead_id"])
def conversion_by(history, leads, by: str = "salesperson_id", *, before: Any = COHORT_END):
    """Stage-to-stage conversion of every group of leads (rows: groups; columns: stages entered).

    Parameters
    ----------
    history : pandas.DataFrame
        Table ``stage_history``.
    leads : pandas.DataFrame
        Table ``leads`` with ``lead_id`` and the ``by`` column.
    by : str, default "salesperson_id"
        As in :func:`breakdown`.
    before : date or None
        The cohort cut.

    Returns
    -------
    pandas.DataFrame
        Conversion rates (NaN where the group had nobody at the stage before) and a first column
        ``leads`` (the group's prospects in the cohort).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> table = conversion_by(datasets.load_stage_history(), datasets.load_leads(), by="source_channel")
    >>> list(table.columns)[:3]
    ['leads', 'contacted', 'talking_business']
    """
    counts = _counts_by(history, leads, by, before)
    rates = counts.iloc[:, 1:].div(counts.iloc[:, :-1].where(counts.iloc[:, :-1] > 0).to_numpy())
    rates.insert(0, "leads", counts.iloc[:, 0])
    return rates


def _counts_by(history, leads, by, before):
    """Leads reaching each stage, per group (rows: groups; columns: stages)."""
    import pandas as pd

    history = require_table(history, "stage_history", "history", _HISTORY)
    group = _groups(leads, by)
    lookup = pd.Series(group.to_numpy(), index=leads["lead_id"].to_numpy())
    rows = {}
    cut = _cut(before)
    first = history["entered_date"].groupby(history["lead_id"]).min()
    ids = first.index if cut is None else first.index[first < cut]
    furthest = history[history["lead_id"].isin(ids)].groupby("lead_id")["stage_order"].max()
    known = furthest.index.isin(lookup.index)
    if not known.all():
        missing = list(furthest.index[~known][:3])
        raise ValueError(f"history has lead_id values that leads does not have, e.g. {missing}")
    frame = pd.DataFrame({"group": lookup.reindex(furthest.index).to_numpy(), "furthest": furthest.to_numpy()})
    if isinstance(group.dtype, pd.CategoricalDtype):
        frame["group"] = pd.Categorical(frame["group"], categories=group.cat.categories,
                                        ordered=group.cat.ordered)
    for code, part in frame.groupby("group", observed=True, sort=True):
        rows[code] = _reached(part["furthest"].to_numpy(), len(STAGES))
    table = pd.DataFrame(rows, index=pd.Index(list(STAGES), name="stage")).T
    table.index.name = group.name
    return table


@tables(history=Table("stage_history", ["lead_id", "stage_order"]), leads=["lead_id", "salesperson_id"])
def compare_to_team(history, leads, salesperson_id: str, *, before: Any = COHORT_END):
    """Compare one salesperson's conversion at each stage with the whole team's.

    ``extra_deals`` estimates what matching the team at that stage would bring: the leads the
    person had at the stage before × the shortfall in conversion × the team's chance of winning a
    lead that reached the stage.

    Parameters
    ----------
    history, leads : pandas.DataFrame
        Tables ``stage_history`` and ``leads`` (with ``lead_id``, ``salesperson_id``).
    salesperson_id : str
        E.g. ``"SP001"``.
    before : date or None
        The cohort cut.

    Returns
    -------
    pandas.DataFrame
        Indexed by the stage entered: ``own_leads`` (the person's leads at the stage before), ``own``
        and ``team`` conversion, ``gap`` (team − own, in share points) and ``extra_deals``.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> table = compare_to_team(datasets.load_stage_history(), datasets.load_leads(), "SP001")
    >>> list(table.columns)
    ['own_leads', 'own', 'team', 'gap', 'extra_deals']
    """

    counts = _counts_by(history, leads, "salesperson_id", before)
    known = list(counts.index)
    if salesperson_id not in known:
        raise ValueError(f"salesperson_id must be one of the salespeople with leads in the cohort, e.g. "
                         f"{known[:3]}; got {salesperson_id!r}")
    return _compare(counts.loc[salesperson_id], counts.sum())


def _step_gaps(own, team_counts):
    """Each step of each row of ``own`` (people x stages, leads reaching each stage) against the team.

    Returns numpy arrays (people x steps): the leads at the step before, own and team conversion, the
    gap (team - own) and the extra deals matching the team would bring (0 where the person had nobody).
    """
    import numpy as np

    own = np.asarray(own, dtype=float)
    team_counts = team_counts.astype(float)
    team_rate = conversion_from_counts(team_counts)["conversion"].to_numpy()[1:]
    p_win = _win_probability(team_counts).to_numpy()[1:]
    before = own[:, :-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(before > 0, own[:, 1:] / np.where(before > 0, before, 1), np.nan)
    gap = team_rate - rate
    extra = np.where(np.isnan(gap), 0.0, before * np.nan_to_num(gap) * p_win)
    return before, rate, np.broadcast_to(team_rate, rate.shape), gap, extra


def _compare(own_counts, team_counts):
    import pandas as pd

    before, rate, team_rate, gap, extra = (a[0] for a in _step_gaps([own_counts.to_numpy()], team_counts))
    return pd.DataFrame({"own_leads": before.astype(int), "own": rate, "team": team_rate,
                         "gap": gap, "extra_deals": extra}, index=pd.Index(team_counts.index[1:], name="stage"))


@tables(history=Table("stage_history", ["lead_id", "stage_order"]), leads=["lead_id"])
def work_on_first(history, leads, *, min_leads: int = 10, before: Any = COHORT_END):
    """For every salesperson, the stage to work on first: where matching the team adds most deals.

    Parameters
    ----------
    history, leads : pandas.DataFrame
        Tables ``stage_history`` and ``leads``.
    min_leads : int, default 10
        Judge a stage only where the person had at least this many leads at the stage before: with
        fewer, one lead more or less swings the rate by 10 points or more, so the gap is mostly chance.
    before : date or None
        The cohort cut.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``salesperson_id``: ``work_on`` (a stage, or ``"none"`` when the person matches or
        beats the team at every stage with enough leads), ``gap`` at that stage and ``extra_deals``.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> table = work_on_first(datasets.load_stage_history(), datasets.load_leads())
    >>> table["work_on"].value_counts().index[0] in STAGES
    True
    """
    import numpy as np
    import pandas as pd

    min_leads = _whole(min_leads, "min_leads", low=1)
    counts = _counts_by(history, leads, "salesperson_id", before)
    before_step, _, _, gap, extra = _step_gaps(counts.to_numpy(), counts.sum())
    judged = np.where(before_step >= min_leads, extra, -np.inf)   # too few leads: mostly chance
    best = judged.argmax(axis=1) if len(counts) else np.zeros(0, dtype=int)
    people = np.arange(len(counts))
    found = judged[people, best] > 0
    steps = np.asarray(counts.columns[1:], dtype=object)
    return pd.DataFrame({"work_on": np.where(found, steps[best], "none"),
                         "gap": np.where(found, gap[people, best], np.nan),
                         "extra_deals": np.where(found, extra[people, best], 0.0)},
                        index=pd.Index(counts.index, name="salesperson_id")).sort_index()


# ---------------------------------------------------------------------------------------------
# Planning with chance: how many prospects a target needs

def _log_factorials(n: int):
    import numpy as np

    return np.concatenate([[0.0], np.cumsum(np.log(np.arange(1, n + 1, dtype=float)))])


def deals_chance(prospects: int, rate: float, target: int) -> float:
    """Chance of at least ``target`` deals from ``prospects`` prospects, each winning with ``rate``.

    The number of deals is Binomial(prospects, rate).

    Examples
    --------
    >>> round(deals_chance(100, 0.05, 5), 3)   # 100 prospects at 5%: a coin toss for 5 deals
    0.564
    """
    import numpy as np

    n = _whole(prospects, "prospects", low=0, high=MAX_PROSPECTS)
    p = _rate(rate, "rate")
    k = _whole(target, "target", low=0)
    if k == 0:
        return 1.0
    if k > n or p == 0:
        return 0.0
    if p == 1:
        return 1.0
    logf = _log_factorials(n)
    j = np.arange(0, k)
    logpmf = logf[n] - logf[j] - logf[n - j] + j * math.log(p) + (n - j) * math.log1p(-p)
    return float(min(1.0, max(0.0, 1.0 - np.exp(logpmf).sum())))


def prospects_needed(target: int, rate: float, confidence: float = 0.9) -> int:
    """Smallest number of prospects that gives at least ``target`` deals with chance ``confidence``.

    Each prospect wins independently with probability ``rate``, so the deals from ``n`` prospects
    are Binomial(n, rate); the answer is the smallest ``n`` with P(deals ≥ target) ≥ confidence
    (equivalently, the ``confidence`` quantile of the negative binomial number of prospects needed).
    ``target / rate`` only gives the target on average: about half the time you would fall short.

    Parameters
    ----------
    target : int
        Deals wanted (0 or more).
    rate : float
        Chance that one prospect becomes a deal (0 < rate ≤ 1).
    confidence : float, default 0.9
        How sure you want to be (0 ≤ confidence < 1).

    Returns
    -------
    int

    Examples
    --------
    >>> prospects_needed(5, 0.05, confidence=0.5), prospects_needed(5, 0.05, confidence=0.9)
    (94, 158)
    >>> prospects_needed(1, 0.2, confidence=0.9)
    11
    """
    import numpy as np

    k = _whole(target, "target", low=0)
    p = _rate(rate, "rate")
    conf = float(require_number(confidence, "confidence", low=0, high=1))
    if conf >= 1:
        raise ValueError(f"confidence must be below 1 (certainty would need endless prospects); got {confidence}")
    if k == 0:
        return 0
    if p == 0:
        raise ValueError("rate must be above 0: with a rate of 0 no number of prospects reaches the target")
    if p == 1:
        return k
    mean = k / p
    if mean > MAX_PROSPECTS:
        raise ValueError(f"target / rate must be at most {MAX_PROSPECTS:,} prospects; got target={k}, rate={p} "
                         f"({mean:,.0f} prospects on average)")
    sd = math.sqrt(k * (1 - p)) / p
    high = int(mean + 10 * sd + 10 / p) + k + 10
    while True:
        logf = _log_factorials(high)
        n = np.arange(k, high + 1)
        # P(the k-th deal comes with prospect n) = C(n-1, k-1) p^k (1-p)^(n-k)
        logpmf = (logf[n - 1] - logf[k - 1] - logf[n - k]) + k * math.log(p) + (n - k) * math.log1p(-p)
        cdf = np.cumsum(np.exp(logpmf))
        i = int(np.searchsorted(cdf, conf - 1e-12, side="left"))
        if i < len(n):
            return int(n[i])
        if high >= 4 * MAX_PROSPECTS:  # pragma: no cover - guarded by the mean check above
            raise ValueError(f"no answer below {high:,} prospects for target={k}, rate={p}")
        high *= 2


# ---------------------------------------------------------------------------------------------
# What chance does to a funnel (the widget's computation)

def expected_funnel(prospects: int, rates: Sequence[float], stages: Sequence[str] | None = None):
    """Expected leads at each stage: prospects × the conversion rates so far.

    Examples
    --------
    >>> expected_funnel(100, SOURCE_RATES).round(1).tolist()
    [100.0, 80.0, 50.0, 20.0, 10.0, 5.0]
    """
    import numpy as np
    import pandas as pd

    n = _whole(prospects, "prospects", low=0, high=MAX_PROSPECTS)
    rates = _rates(rates)
    values = n * np.cumprod([1.0, *rates])
    return pd.Series(values, index=pd.Index(_stage_names(len(values), stages), name="stage"), name="expected")


def simulate(prospects: int, rates: Sequence[float], n_runs: int = 2000, random_state: int = 0):
    """Simulate ``n_runs`` funnels: at each stage every lead moves on with that stage's rate.

    One call of ``rng.binomial`` per stage draws all runs at once.

    Returns
    -------
    numpy.ndarray
        Shape (n_runs, number of stages): leads at each stage in each run.

    Examples
    --------
    >>> runs = simulate(100, SOURCE_RATES, n_runs=2000, random_state=0)
    >>> runs.shape, bool((runs[:, 0] == 100).all()), round(float(runs[:, -1].mean()), 1)
    ((2000, 6), True, 5.1)
    """
    import numpy as np

    n = _whole(prospects, "prospects", low=0, high=MAX_PROSPECTS)
    rates = _rates(rates)
    runs = _whole(n_runs, "n_runs", low=1, high=1_000_000)
    rng = check_random_state(random_state)
    counts = np.empty((runs, len(rates) + 1), dtype=np.int64)
    counts[:, 0] = n
    for i, rate in enumerate(rates):
        counts[:, i + 1] = rng.binomial(counts[:, i], rate)
    return counts


@dataclass(frozen=True)
class FunnelPlan:
    """What :func:`explore` returns: the expected funnel, its chance range and the prospects a target needs."""

    stages: tuple
    expected: tuple
    low: tuple
    high: tuple
    deals: Any            # numpy array: deals in each simulated run
    level: float
    target: int
    confidence: float
    overall_rate: float
    chance_of_target: float
    needed: int | None    # None when the overall rate is 0
    naive: float | None   # target / overall rate

    @property
    def expected_deals(self) -> float:
        return float(self.expected[-1])


def explore(prospects: int = 100, rates: Sequence[float] = SOURCE_RATES, target: int = 5,
            confidence: float = 0.9, *, n_runs: int = 2000, level: float = 0.9, random_state: int = 0,
            stages: Sequence[str] | None = None) -> FunnelPlan:
    """Everything the funnel widget shows, for one setting of its sliders.

    Parameters
    ----------
    prospects : int
        Prospects entering the funnel.
    rates : sequence of float
        Stage-to-stage conversion rates (0-1), one per stage after the first.
    target : int
        Deals wanted.
    confidence : float
        How sure the plan must be of reaching the target.
    n_runs : int
        Simulated funnels.
    level : float
        Width of the chance range (0.9: 90% of runs fall inside).
    random_state : int
        Seed of the simulation (the same sliders always give the same picture).

    Examples
    --------
    >>> plan = explore(100, SOURCE_RATES, target=5, confidence=0.9)
    >>> plan.expected_deals, plan.low[-1], plan.high[-1], plan.needed, plan.naive
    (5.0, 2, 9, 158, 100.0)
    """
    import numpy as np

    level = float(require_number(level, "level", low=0.5, high=0.999))
    k = _whole(target, "target", low=0)
    conf = float(require_number(confidence, "confidence", low=0, high=1))
    expected = expected_funnel(prospects, rates, stages)
    runs = simulate(prospects, rates, n_runs=n_runs, random_state=random_state)
    tail = (1 - level) / 2
    low = np.quantile(runs, tail, axis=0, method="inverted_cdf")
    high = np.quantile(runs, 1 - tail, axis=0, method="inverted_cdf")
    overall = float(np.prod(_rates(rates)))
    deals = runs[:, -1]
    if overall > 0 and (k == 0 or k / overall <= MAX_PROSPECTS):
        needed, naive = prospects_needed(k, overall, conf), k / overall
    else:
        needed, naive = None, None
    return FunnelPlan(stages=tuple(expected.index), expected=tuple(float(v) for v in expected),
                      low=tuple(int(v) for v in low), high=tuple(int(v) for v in high), deals=deals,
                      level=level, target=k, confidence=conf, overall_rate=overall,
                      chance_of_target=float((deals >= k).mean()), needed=needed, naive=naive)


@tables(history=Table("stage_history", ["lead_id", "stage_order"]))
def case_rates(history, *, before: Any = COHORT_END) -> tuple:
    """The case company's stage-to-stage conversion rates (to set the widget's sliders).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> [round(r, 2) for r in case_rates(datasets.load_stage_history())]
    [0.79, 0.64, 0.4, 0.5, 0.46]
    """
    return tuple(float(r) for r in conversion(history, before=before)["conversion"].iloc[1:])


# ---------------------------------------------------------------------------------------------
# The open pipeline: weighted forecast and sales velocity

@tables(leads=["outcome", "stage_reached", "deal_value_cny"])
def weighted_pipeline(leads, probabilities=None, *, before: Any = COHORT_END):
    """Weighted pipeline forecast: the open leads' deal values × their stage's chance of winning.

    Parameters
    ----------
    leads : pandas.DataFrame
        Table ``leads`` (``outcome``, ``stage_reached``, ``deal_value_cny``, ``created_date``).
    probabilities : pandas.Series, optional
        Chance of winning by stage (index: stage). Default: measured on the cohort's leads, as
        :func:`stage_win_probability` measures it on the stage history.
    before : date or None
        The cohort cut for the default probabilities.

    Returns
    -------
    pandas.DataFrame
        Indexed by stage: ``open_leads``, ``value_cny``, ``win_probability``, ``weighted_cny``.
        ``table["weighted_cny"].sum()`` is the forecast.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> table = weighted_pipeline(datasets.load_leads())
    >>> int(table["open_leads"].sum()), bool(table["weighted_cny"].sum() < table["value_cny"].sum())
    (231, True)
    """
    import pandas as pd

    if probabilities is None:
        probabilities = _win_probability(_reach_from_leads(_leads_cohort(leads, before)))
    elif not isinstance(probabilities, pd.Series):
        raise TypeError(f"probabilities must be a pandas Series indexed by stage; got {type(probabilities).__name__}")
    stages = [str(s) for s in probabilities.index]
    for stage, p in probabilities.items():
        _rate(float(p), f"probabilities[{stage!r}]")
    open_leads = leads[leads["outcome"].astype(str) == "open"]
    stage = open_leads["stage_reached"].astype(str)
    unknown = sorted(set(stage) - set(stages))
    if unknown:
        raise ValueError(f"probabilities must have a value for every stage of the open leads; missing {unknown}")
    grouped = open_leads["deal_value_cny"].groupby(pd.Categorical(stage, categories=stages), observed=False)
    table = pd.DataFrame({"open_leads": grouped.size(), "value_cny": grouped.sum()})
    table["win_probability"] = probabilities.to_numpy(dtype=float)
    table["weighted_cny"] = table["value_cny"] * table["win_probability"]
    table.index.name = "stage"
    return table


def sales_velocity(opportunities: float, deal_value: float, win_rate: float, cycle_days: float) -> float:
    """Sales velocity: opportunities × deal value × win rate ÷ cycle length (money per day).

    Examples
    --------
    >>> sales_velocity(200, 150_000, 0.05, 60)   # CNY per day
    25000.0
    """
    n = float(require_number(opportunities, "opportunities", low=0))
    value = float(require_number(deal_value, "deal_value", low=0))
    p = _rate(win_rate, "win_rate")
    days = float(require_number(cycle_days, "cycle_days", low=0))
    if days == 0:
        raise ValueError("cycle_days must be above 0 (a deal takes some time); got 0")
    return n * value * p / days


@tables(leads=["outcome", "cycle_days", "deal_value_cny", "created_date"])
def velocity(leads, by: str | None = None, *, before: Any = COHORT_END):
    """Sales velocity of the case company (or of each group): the open pipeline's pace in CNY per day.

    Opportunities are the open leads now; deal value, win rate and cycle length (mean days of won
    deals) are measured on the cohort.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> v = velocity(datasets.load_leads())
    >>> list(v.index)
    ['opportunities', 'deal_value_cny', 'win_rate', 'cycle_days', 'velocity_cny_per_day']
    """
    import pandas as pd

    if by is None:
        return _velocity_row(leads, before)
    group = _groups(leads, by)
    rows = {code: _velocity_row(leads[group == code], before)
            for code in (group.cat.categories if isinstance(group.dtype, pd.CategoricalDtype)
                         else sorted(group.dropna().unique()))}
    table = pd.DataFrame(rows).T
    table.index.name = group.name
    return table


def _velocity_row(leads, before):
    import pandas as pd

    opportunities = int((leads["outcome"].astype(str) == "open").sum())
    cohort = _leads_cohort(leads, before)
    won = cohort[cohort["outcome"].astype(str) == "won"]
    decided = cohort["outcome"].astype(str).isin(["won", "lost"]).sum()
    rate = len(won) / decided if decided else float("nan")
    value = float(won["deal_value_cny"].mean()) if len(won) else float("nan")
    days = float(won["cycle_days"].mean()) if len(won) else float("nan")
    speed = opportunities * value * rate / days if len(won) and days > 0 else float("nan")
    return pd.Series({"opportunities": opportunities, "deal_value_cny": value, "win_rate": rate,
                      "cycle_days": days, "velocity_cny_per_day": speed}, name="velocity")
