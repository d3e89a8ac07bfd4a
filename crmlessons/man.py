"""MAN qualification: which prospects deserve a salesperson's time (lesson 03).

A target customer has three things (Key-account CRM course, "抓住 man 型客户"; see
:func:`crmlessons.lessons.sources`):

- **Money (金钱)**: purchasing power, the means to pay for the offer;
- **Authority (权力)**: the power to decide the purchase. In key-account sales many roles take part
  (the source names decision makers and influencers) and the salesperson must balance their views;
- **Need (需求)**: a real need the offer fits.

The classic sales-training matrix (not in the source) writes a factor that is present in capitals and
an absent one in lower case, which gives eight combinations, each with its own action
(:data:`COMBINATIONS`, :func:`action`). This module turns a lead's recorded facts into M/A/N
(:func:`flags`, with the rules stated and adjustable), the combination (:func:`classify`), a graded
0-100 score for ranking (:func:`score`), the BANT view of the sales literature (Budget, Authority,
Need, Timeline; :func:`bant`), and the analyses of lesson 03: how each combination ended
(:func:`combination_outcomes`, :func:`win_rate_by`), whether another column tells more than the
combination already does (:func:`beyond_man`), the cost of chasing leads that never buy
(:func:`chase_cost`, :func:`if_stopped`), what an open lead is worth per selling hour
(:func:`lead_worth`, against the team's :func:`team_sales_per_hour`) and a salesperson's call list
(:func:`call_list`). :func:`qualify_one` does all of it for a single lead (the qualifier widget's
computation).

The case company's rules (defaults): Money is present when ``purchasing_power`` is high or medium;
Authority when ``decision_power`` is ``decision_maker``; Need when ``need_strength`` is 4 or 5.
**A missing fact counts as absent**: a lead whose purchasing power, decision power or need is not
recorded does not get that factor (you cannot count on what you do not know).

Examples
--------
>>> import pandas as pd
>>> leads = pd.DataFrame({"purchasing_power": ["high", "low", "medium"],
...                       "decision_power": ["decision_maker", "influencer", "user"],
...                       "need_strength": [5, 2, 4]})
>>> classify(leads).tolist()
['M+A+N', 'm+a+n', 'M+a+N']
>>> action("M+a+N")
'Reach the person who has the authority to decide.'
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from crmlessons import i18n
from crmlessons.checks import Table, require_choice, require_columns, require_number, require_table, tables
from crmlessons.datasets.rules import DECIDED_BEFORE, STAGES

#: The eight MAN combinations of the classic sales-training matrix (capital = present, small = absent).
COMBINATIONS = ("M+A+N", "M+A+n", "M+a+N", "m+A+N", "m+a+N", "M+a+n", "m+A+n", "m+a+n")

#: Allowed values of the facts a salesperson records (table ``leads``).
PURCHASING_POWER = ("low", "medium", "high")
DECISION_POWER = ("decision_maker", "influencer", "user")
TIMELINES = ("within_3_months", "3_to_6_months", "6_to_12_months", "over_12_months", "unknown")

#: Default MAN rules of the case company.
MONEY = ("high", "medium")
AUTHORITY = ("decision_maker",)
NEED_MIN = 4

#: Leads created before this date are all decided (won or lost) by the data date
#: (the case's one cut-off, :data:`crmlessons.datasets.rules.DECIDED_BEFORE`).
COHORT_END = DECIDED_BEFORE

#: Default weights of the graded score (they are normalised to sum to 1).
WEIGHTS = {"money": 0.30, "authority": 0.30, "need": 0.30, "timeline": 0.10}

#: How each fact scores between 0 and 1 in :func:`score` (an assumption, stated so it can be argued).
MONEY_POINTS = {"low": 0.2, "medium": 0.8, "high": 1.0}
NEED_POINTS = {1: 0.0, 2: 0.1, 3: 0.3, 4: 0.8, 5: 1.0}
#: A stated budget short of the deal value scores this share of budget / deal value.
BUDGET_SHORT_FACTOR = 0.25
AUTHORITY_POINTS = {"decision_maker": 1.0, "influencer": 0.5, "user": 0.2}
TIMELINE_POINTS = {"within_3_months": 1.0, "3_to_6_months": 0.75, "6_to_12_months": 0.4,
                   "over_12_months": 0.15, "unknown": 0.3}

#: Assumed hours a salesperson spends on a lead, by the furthest stage it reached (cumulative):
#: research and a first call, calls and a visit, meetings, a written proposal, negotiation rounds.
#: A teaching assumption, not data: change it with ``chase_cost(..., hours=...)``.
STAGE_HOURS = {"prospect": 1.0, "contacted": 3.0, "talking_business": 8.0, "proposal": 20.0,
               "negotiation": 32.0, "won": 40.0}

#: Assumed cost of one hour of a salesperson's time, in CNY (salary, travel, overheads).
COST_PER_HOUR = 250.0

i18n.register({
    "man_action_M+A+N": ("Ideal prospect: pursue now.", "理想的潜在客户：立即跟进。"),
    "man_action_M+A+n": ("With skilled selling success is possible: develop the need.",
                         "凭借高超的销售技巧仍有可能成功：开发客户的需求。"),
    "man_action_M+a+N": ("Reach the person who has the authority to decide.", "设法接触拥有决策权的人。"),
    "man_action_m+A+N": ("Check the business and its credit, then arrange financing or payment terms.",
                         "先核查其经营和信用状况，再安排融资或付款条件。"),
    "man_action_m+a+N": ("Can be contacted: observe and cultivate until a missing condition appears.",
                         "可以接触：持续观察和培养，直到所缺条件出现。"),
    "man_action_M+a+n": ("Can be contacted: observe and cultivate until a missing condition appears.",
                         "可以接触：持续观察和培养，直到所缺条件出现。"),
    "man_action_m+A+n": ("Can be contacted: observe and cultivate until a missing condition appears.",
                         "可以接触：持续观察和培养，直到所缺条件出现。"),
    "man_action_m+a+n": ("Not a prospect: stop.", "不是潜在客户：停止跟进。"),
    "man_short_M+A+N": ("pursue now", "立即跟进"),
    "man_short_M+A+n": ("develop the need", "开发需求"),
    "man_short_M+a+N": ("reach the decision maker", "找到决策者"),
    "man_short_m+A+N": ("check credit, arrange payment", "核查信用、安排付款"),
    "man_short_m+a+N": ("observe and cultivate", "观察培养"),
    "man_short_M+a+n": ("observe and cultivate", "观察培养"),
    "man_short_m+A+n": ("observe and cultivate", "观察培养"),
    "man_short_m+a+n": ("stop", "停止"),
    "man_money": ("Money", "金钱"),
    "man_authority": ("Authority", "权力"),
    "man_need": ("Need", "需求"),
    "man_budget": ("Budget", "预算"),
    "man_timeline": ("Timeline", "时间"),
    "man_money_bant": ("purchasing power: can they afford it?", "购买力：买得起吗？"),
    "man_budget_bant": ("a stated budget that covers this deal", "为这笔生意明确列出且足够的预算"),
    "man_authority_bant": ("the contact can decide the purchase", "联系人能决定这次采购"),
    "man_need_bant": ("a real need the offer fits", "产品正好满足的真实需求"),
    "man_timeline_man": ("(not part of MAN)", "（MAN 中没有）"),
    "man_timeline_bant": ("they plan to buy soon (within 6 months)", "计划近期（6个月内）采购"),
    "man_col_man": ("MAN", "MAN"),
    "man_col_man_means": ("MAN asks", "MAN 的含义"),
    "man_col_bant": ("BANT", "BANT"),
    "man_col_bant_means": ("BANT asks", "BANT 的含义"),
    "man_unknown_combination": ("code must be one of {known}; got {given!r} (capital = present, small = absent)",
                                "组合代码必须是 {known} 之一；收到的是 {given!r}（大写 = 具备，小写 = 不具备）"),
})


# ---------------------------------------------------------------------------------------------
# Checks

def _levels(value: Any, name: str, allowed: Iterable[str]) -> tuple[str, ...]:
    """Return ``value`` (a string or a collection of strings) as a tuple of allowed levels."""
    allowed = tuple(allowed)
    if isinstance(value, str):
        value = (value,)
    if not isinstance(value, (tuple, list, set, frozenset)):
        raise TypeError(f"{name} must be a list of values from {list(allowed)}; got {type(value).__name__} {value!r}")
    bad = [v for v in value if v not in allowed]
    if bad:
        raise ValueError(f"{name} must contain only values from {list(allowed)}; got {list(value)} ({bad} unknown)")
    return tuple(value)


def _thresholds(money: Any, authority: Any, need_min: Any) -> tuple[tuple, tuple, float]:
    money = _levels(money, "money", PURCHASING_POWER)
    authority = _levels(authority, "authority", DECISION_POWER)
    require_number(need_min, "need_min", low=1, high=5)
    return money, authority, need_min


def _code(m: bool, a: bool, n: bool) -> str:
    return f"{'M' if m else 'm'}+{'A' if a else 'a'}+{'N' if n else 'n'}"


def _require_code(code: Any) -> str:
    if not isinstance(code, str) or code not in COMBINATIONS:
        raise ValueError(i18n.t("man_unknown_combination", known=", ".join(COMBINATIONS), given=code))
    return code


# ---------------------------------------------------------------------------------------------
# M, A, N and the eight combinations

@tables(leads=Table("leads", ["purchasing_power", "decision_power", "need_strength"], empty_ok=True))
def flags(leads, *, money=MONEY, authority=AUTHORITY, need_min=NEED_MIN):
    """Say for each lead whether Money, Authority and Need are present.

    Parameters
    ----------
    leads : pandas.DataFrame
        Needs ``purchasing_power``, ``decision_power`` and ``need_strength`` (table ``leads``).
    money : sequence of str, default ("high", "medium")
        Purchasing-power levels that count as Money present.
    authority : sequence of str, default ("decision_maker",)
        Decision-power levels that count as Authority present (add ``"influencer"`` for a looser rule).
    need_min : number, default 4
        Lowest need strength (1-5) that counts as Need present.

    Returns
    -------
    pandas.DataFrame
        Boolean columns ``M``, ``A``, ``N``, index aligned with ``leads``. A missing fact counts as
        absent (False).

    Examples
    --------
    >>> import pandas as pd
    >>> leads = pd.DataFrame({"purchasing_power": ["high", None], "decision_power": ["influencer", "decision_maker"],
    ...                       "need_strength": [3, 5]})
    >>> flags(leads)
           M      A     N
    0   True  False  False
    1  False   True   True
    >>> flags(leads, authority=["decision_maker", "influencer"], need_min=3)["A"].tolist()
    [True, True]
    """
    import pandas as pd

    money, authority, need_min = _thresholds(money, authority, need_min)
    need = leads["need_strength"].astype("float64")
    return pd.DataFrame({
        "M": leads["purchasing_power"].isin(money).astype(bool),
        "A": leads["decision_power"].isin(authority).astype(bool),
        "N": (need >= need_min).astype(bool),
    }, index=leads.index)


@tables(leads=Table("leads", ["purchasing_power", "decision_power", "need_strength"], empty_ok=True))
def classify(leads, **thresholds):
    """Return each lead's MAN combination, e.g. ``"M+a+N"`` (capital = present, small = absent).

    Parameters
    ----------
    leads : pandas.DataFrame
        As for :func:`flags`.
    **thresholds
        ``money``, ``authority``, ``need_min``: the rules of :func:`flags`.

    Returns
    -------
    pandas.Series
        Named ``"man"``, an ordered categorical with the categories :data:`COMBINATIONS`.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> man = classify(datasets.load_leads())
    >>> man.name, len(man.cat.categories), man.iloc[0]
    ('man', 8, 'M+A+N')
    """
    import numpy as np
    import pandas as pd

    f = flags(leads, **thresholds)
    m, a, n = (f[c].to_numpy() for c in "MAN")
    lookup = {(code[0] == "M", code[2] == "A", code[4] == "N"): i for i, code in enumerate(COMBINATIONS)}
    codes = np.empty(len(f), dtype=np.int8)
    for (mm, aa, nn), i in lookup.items():
        codes[(m == mm) & (a == aa) & (n == nn)] = i
    dtype = pd.CategoricalDtype(list(COMBINATIONS), ordered=True)
    return pd.Series(pd.Categorical.from_codes(codes, dtype=dtype), index=leads.index, name="man")


@tables(leads=Table("leads", ["purchasing_power", "decision_power", "need_strength"], empty_ok=True))
def factors(leads, **thresholds):
    """Return how many of Money, Authority and Need each lead has (0-3), named ``"factors"``.

    Examples
    --------
    >>> import pandas as pd
    >>> leads = pd.DataFrame({"purchasing_power": ["high", "low"], "decision_power": ["user", "user"],
    ...                       "need_strength": [5, 1]})
    >>> factors(leads).tolist()
    [2, 0]
    """
    return flags(leads, **thresholds).sum(axis=1).astype("int64").rename("factors")


def action(code: str) -> str:
    """Return what to do with a lead of MAN combination ``code``, in the current language.

    Examples
    --------
    >>> action("M+A+N")
    'Ideal prospect: pursue now.'
    >>> action("m+a+n")
    'Not a prospect: stop.'
    >>> action("MAN")
    Traceback (most recent call last):
    ...
    ValueError: code must be one of M+A+N, M+A+n, M+a+N, m+A+N, m+a+N, M+a+n, m+A+n, m+a+n; got 'MAN' (capital = present, small = absent)
    """
    return i18n.t(f"man_action_{_require_code(code)}")


def short_action(code: str) -> str:
    """Return the action of ``code`` in two or three words (for tables and charts).

    Examples
    --------
    >>> short_action("M+a+N")
    'reach the decision maker'
    """
    return i18n.t(f"man_short_{_require_code(code)}")


def actions():
    """Return the classic MAN matrix as a table: combination, M, A, N and the action (current language).

    Examples
    --------
    >>> actions().shape
    (8, 4)
    """
    import pandas as pd

    rows = [{"M": c[0] == "M", "A": c[2] == "A", "N": c[4] == "N", "action": action(c)} for c in COMBINATIONS]
    return pd.DataFrame(rows, index=pd.Index(COMBINATIONS, name="man"))


# ---------------------------------------------------------------------------------------------
# A graded score and BANT

def _weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    if weights is None:
        return dict(WEIGHTS)
    if not isinstance(weights, Mapping):
        raise TypeError(f"weights must be a dict such as {WEIGHTS}; got {type(weights).__name__}")
    unknown = [k for k in weights if k not in WEIGHTS]
    if unknown:
        raise ValueError(f"weights may only have the keys {list(WEIGHTS)}; got unknown key(s) {unknown}")
    out = {k: float(require_number(weights.get(k, 0.0), f"weights[{k!r}]", low=0)) for k in WEIGHTS}
    if sum(out.values()) <= 0:
        raise ValueError(f"weights must not all be 0; got {dict(weights)}")
    return out


@tables(leads=Table("leads", ["purchasing_power", "decision_power", "need_strength", "timeline"], empty_ok=True,
                    optional=["budget_cny", "deal_value_cny"]))
def score(leads, weights: Mapping[str, float] | None = None):
    """Grade each lead from 0 to 100 so that leads can be ranked (higher = call first).

    Four parts, each between 0 and 1, are averaged with ``weights``:

    - money: where a budget was stated, 1 if it covers the deal value, else a quarter of
      budget / deal value (a budget short of the deal is a weak sign); without a stated budget, the
      purchasing power (low 0.2, medium 0.8, high 1.0);
    - authority: decision maker 1.0, influencer 0.5, user 0.2;
    - need: need strength 1, 2, 3, 4, 5 score 0, 0.1, 0.3, 0.8, 1.0 (a real need is 4 or 5);
    - timeline: within 3 months 1.0, 3-6 months 0.75, 6-12 months 0.4, over 12 months 0.15, unknown 0.3.

    A missing fact scores 0 (budget: falls back to purchasing power). The points are an assumption
    to argue about, not a law: see :data:`MONEY_POINTS`, :data:`AUTHORITY_POINTS`,
    :data:`NEED_POINTS`, :data:`TIMELINE_POINTS`. On the case company's data it ranks won leads above
    lost ones a little better than counting the factors does.

    Parameters
    ----------
    leads : pandas.DataFrame
        Needs ``purchasing_power``, ``decision_power``, ``need_strength`` and ``timeline``; uses
        ``budget_cny`` and ``deal_value_cny`` when present.
    weights : dict, optional
        Weights of ``money``, ``authority``, ``need``, ``timeline`` (default :data:`WEIGHTS`; a key left
        out weighs 0; they are normalised to sum to 1).

    Returns
    -------
    pandas.Series
        Named ``"score"``, 0-100, rounded to 1 decimal.

    Examples
    --------
    >>> import pandas as pd
    >>> leads = pd.DataFrame({"purchasing_power": ["high", "low"], "decision_power": ["decision_maker", "user"],
    ...                       "need_strength": [5, 1], "timeline": ["within_3_months", "unknown"]})
    >>> score(leads).tolist()
    [100.0, 15.0]
    >>> score(leads, weights={"need": 1}).tolist()
    [100.0, 0.0]
    """
    import numpy as np

    w = _weights(weights)
    money = leads["purchasing_power"].astype(object).map(MONEY_POINTS).astype("float64")
    if "budget_cny" in leads.columns and "deal_value_cny" in leads.columns:
        budget = leads["budget_cny"].astype("float64")
        value = leads["deal_value_cny"].astype("float64")
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = (budget / value).clip(lower=0.0)
        budget_points = ratio.where(ratio >= 1, ratio * BUDGET_SHORT_FACTOR).clip(upper=1.0)
        known = budget.notna() & value.gt(0)
        money = money.where(~known, budget_points)
    parts = {
        "money": money,
        "authority": leads["decision_power"].astype(object).map(AUTHORITY_POINTS).astype("float64"),
        "need": leads["need_strength"].astype("float64").round().clip(1, 5).map(NEED_POINTS),
        "timeline": leads["timeline"].astype(object).map(TIMELINE_POINTS).astype("float64"),
    }
    total = sum(w.values())
    result = sum(parts[k].fillna(0.0) * (w[k] / total) for k in WEIGHTS)
    return (100 * result).round(1).rename("score")


@tables(leads=Table("leads", ["timeline", "budget_cny", "deal_value_cny"], empty_ok=True))
def bant(leads, *, money=MONEY, authority=AUTHORITY, need_min=NEED_MIN,
         timeline_within=("within_3_months", "3_to_6_months"), budget_unknown: str = "money"):
    """Map the leads onto BANT: Budget, Authority, Need, Timeline (present or absent).

    BANT is the other qualification checklist sales teams use. Authority and Need are the same as in
    MAN. Money (can they afford it?) becomes Budget: is there a stated budget that covers this deal?
    Timeline, which MAN lacks, asks whether they plan to buy soon.

    Parameters
    ----------
    leads : pandas.DataFrame
        Needs ``purchasing_power``, ``decision_power``, ``need_strength``, ``timeline``, ``budget_cny``
        and ``deal_value_cny``.
    money, authority, need_min
        The MAN rules (see :func:`flags`).
    timeline_within : sequence of str
        Timeline values that count as Timeline present (default: within 6 months).
    budget_unknown : {"money", "absent"}
        When no budget was disclosed: fall back to MAN's Money (default) or count Budget as absent.

    Returns
    -------
    pandas.DataFrame
        Boolean columns ``B``, ``A``, ``N``, ``T`` and the code ``bant`` (e.g. ``"B+a+N+t"``).

    Examples
    --------
    >>> import pandas as pd
    >>> leads = pd.DataFrame({"purchasing_power": ["high", "high"], "decision_power": ["decision_maker", "user"],
    ...                       "need_strength": [5, 4], "timeline": ["within_3_months", "unknown"],
    ...                       "budget_cny": [50_000, None], "deal_value_cny": [80_000, 60_000]})
    >>> bant(leads)["bant"].tolist()
    ['b+A+N+T', 'B+a+N+t']
    """
    import numpy as np

    f = flags(leads, money=money, authority=authority, need_min=need_min)
    within = _levels(timeline_within, "timeline_within", TIMELINES)
    require_choice(budget_unknown, "budget_unknown", ["money", "absent"])
    budget = leads["budget_cny"].astype("float64")
    value = leads["deal_value_cny"].astype("float64")
    fallback = f["M"] if budget_unknown == "money" else False
    b = (budget >= value).where(budget.notna(), fallback).astype(bool)
    out = f[["A", "N"]].copy()
    out.insert(0, "B", b)
    out["T"] = leads["timeline"].isin(within).astype(bool)
    letters = [np.where(out[c], c, c.lower()) for c in "BANT"]
    out["bant"] = ["+".join(parts) for parts in zip(*letters)]
    return out


def bant_mapping():
    """Return how MAN's three questions map onto BANT's four (current language).

    Examples
    --------
    >>> bant_mapping().shape
    (4, 4)
    """
    import pandas as pd

    t = i18n.t
    rows = [(t("man_money"), t("man_money_bant"), t("man_budget"), t("man_budget_bant")),
            (t("man_authority"), t("man_authority_bant"), t("man_authority"), t("man_authority_bant")),
            (t("man_need"), t("man_need_bant"), t("man_need"), t("man_need_bant")),
            ("—", t("man_timeline_man"), t("man_timeline"), t("man_timeline_bant"))]
    return pd.DataFrame(rows, columns=[t("man_col_man"), t("man_col_man_means"), t("man_col_bant"),
                                       t("man_col_bant_means")])


# ---------------------------------------------------------------------------------------------
# How the combinations ended

@tables(leads=Table("leads", ["created_date"], empty_ok=True))
def cohort(leads, before: str = COHORT_END):
    """Return the leads created before ``before`` (default 2024-07-01): all of them are decided.

    Leads created later may still be open on the data date (2025-12-31), so a win rate measured on
    them would be too low. Measure win rates on this cohort. The rule is the case's one
    (:func:`crmlessons.datasets.rules.decided_leads`); ``before=None`` keeps every lead.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> c = cohort(datasets.load_leads())
    >>> sorted(c["outcome"].unique())
    ['lost', 'won']
    """
    from crmlessons.datasets.rules import decided_leads

    return decided_leads(leads, before)


def _by_man(leads, thresholds):
    decided = cohort(leads, thresholds.pop("before", COHORT_END))
    return decided, classify(decided, **thresholds)


@tables(leads=["created_date", "outcome", "cycle_days", "deal_value_cny"])
def combination_outcomes(leads, *, before: str = COHORT_END, **thresholds):
    """How the leads of each MAN combination ended: count, wins, win rate, cycle and deal size.

    Parameters
    ----------
    leads : pandas.DataFrame
        Table ``leads`` (needs the MAN facts, ``created_date``, ``outcome``, ``cycle_days``,
        ``deal_value_cny``).
    before : str
        Only leads created before this date are counted (default 2024-07-01: all decided).
    **thresholds
        The MAN rules (see :func:`flags`).

    Returns
    -------
    pandas.DataFrame
        One row per combination in :data:`COMBINATIONS` order: ``M``, ``A``, ``N``, ``factors``,
        ``leads``, ``won``, ``win_rate``, ``median_cycle_days`` and ``median_deal_value_cny`` (both
        over won leads; missing when none won).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> table = combination_outcomes(datasets.load_leads())
    >>> list(table.index) == list(COMBINATIONS)
    True
    >>> bool(table.loc["M+A+N", "win_rate"] > table.loc["m+a+n", "win_rate"])
    True
    """
    import pandas as pd

    decided, man = _by_man(leads, dict(thresholds, before=before))
    won = decided["outcome"].astype(object).eq("won")
    frame = pd.DataFrame({"man": man, "won": won, "cycle": decided["cycle_days"].where(won),
                          "value": decided["deal_value_cny"].where(won)})
    grouped = frame.groupby("man", observed=False)
    table = pd.DataFrame({
        "leads": grouped.size(),
        "won": grouped["won"].sum().astype("int64"),
        "median_cycle_days": grouped["cycle"].median(),
        "median_deal_value_cny": grouped["value"].median(),
    }).reindex(list(COMBINATIONS))
    table["win_rate"] = table["won"] / table["leads"].where(table["leads"] > 0)
    table.insert(0, "M", [c[0] == "M" for c in COMBINATIONS])
    table.insert(1, "A", [c[2] == "A" for c in COMBINATIONS])
    table.insert(2, "N", [c[4] == "N" for c in COMBINATIONS])
    table.insert(3, "factors", table[["M", "A", "N"]].sum(axis=1).astype("int64"))
    table.index.name = "man"
    return table[["M", "A", "N", "factors", "leads", "won", "win_rate", "median_cycle_days",
                  "median_deal_value_cny"]]


@tables(leads=["created_date", "outcome"])
def win_rate_by(leads, by: str = "man", *, before: str = COHORT_END, **thresholds):
    """Win rate of the decided cohort by one column, by MAN combination, or by number of factors.

    Parameters
    ----------
    leads : pandas.DataFrame
        Table ``leads``.
    by : str
        ``"man"`` (the combination), ``"factors"`` (0-3 factors present) or a column of ``leads``
        such as ``"decision_power"`` or ``"contact_role"``.
    before : str
        Cohort cut-off (default 2024-07-01).

    Returns
    -------
    pandas.DataFrame
        ``leads``, ``won``, ``win_rate`` per value of ``by``, in the category order.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> table = win_rate_by(datasets.load_leads(), "factors")
    >>> list(table.index)
    [0, 1, 2, 3]
    >>> bool(table["win_rate"].is_monotonic_increasing)
    True
    """
    import pandas as pd

    decided = cohort(leads, before)
    key = _grouping(decided, by, thresholds)
    won = decided["outcome"].astype(object).eq("won")
    grouped = won.groupby(key, observed=True, sort=True)
    table = pd.DataFrame({"leads": grouped.size(), "won": grouped.sum().astype("int64")})
    table["win_rate"] = table["won"] / table["leads"]
    table.index.name = by
    return table


def _grouping(decided, by, thresholds):
    """The values to group the cohort ``decided`` by: its combination, its number of factors or a column."""
    if not isinstance(by, str):
        raise TypeError(f"by must be a column name or 'man' or 'factors'; got {type(by).__name__} {by!r}")
    if by == "man":
        return classify(decided, **thresholds)
    if by == "factors":
        return factors(decided, **thresholds)
    return require_table(decided, "leads", "leads", [by], empty_ok=True)[by]


@tables(leads=["created_date", "outcome"])
def beyond_man(leads, by: str, *, before: str = COHORT_END, **thresholds):
    """Does ``by`` tell more about who wins than the MAN combination already does?

    For each value of ``by`` (a column such as ``"contact_role"`` or ``"timeline"``), the decided
    cohort's leads and wins are set against the wins their MAN combinations predict: each lead counts
    the win rate of its combination in the whole cohort. Where ``won`` is close to ``expected_won``,
    the column adds nothing to MAN; a gap may be a real effect, or luck when the counts are small.

    Parameters
    ----------
    leads : pandas.DataFrame
        Table ``leads`` (the MAN facts, ``created_date``, ``outcome`` and the column ``by``).
    by : str
        A column of ``leads``, or ``"factors"`` (0-3 factors present).
    before : str
        Cohort cut-off (default 2024-07-01).
    **thresholds
        The MAN rules (see :func:`flags`).

    Returns
    -------
    pandas.DataFrame
        Per value of ``by``: ``leads``, ``won``, ``expected_won`` (from the MAN combinations),
        ``win_rate`` and ``expected_win_rate``.

    Examples
    --------
    >>> import pandas as pd
    >>> leads = pd.DataFrame({"created_date": pd.to_datetime(["2023-01-05"] * 4),
    ...                       "outcome": ["won", "won", "lost", "lost"],
    ...                       "purchasing_power": ["high"] * 4, "decision_power": ["decision_maker"] * 4,
    ...                       "need_strength": [5, 5, 5, 5], "contact_role": ["owner", "owner", "engineer", "engineer"]})
    >>> table = beyond_man(leads, "contact_role")
    >>> table["won"].to_dict(), table["expected_won"].to_dict()
    ({'engineer': 0, 'owner': 2}, {'engineer': 1.0, 'owner': 1.0})
    """
    import pandas as pd

    decided, code = _by_man(leads, dict(thresholds, before=before))
    key = _grouping(decided, by, thresholds)
    won = decided["outcome"].astype(object).eq("won")
    expected = code.astype(object).map(won.groupby(code.astype(object)).mean()).astype("float64")
    grouped = pd.DataFrame({"won": won, "expected": expected}).groupby(key, observed=True, sort=True)
    table = pd.DataFrame({"leads": grouped.size(), "won": grouped["won"].sum().astype("int64"),
                          "expected_won": grouped["expected"].sum()})
    table["win_rate"] = table["won"] / table["leads"]
    table["expected_win_rate"] = table["expected_won"] / table["leads"]
    table.index.name = by
    return table


def _stage_hours(hours: Mapping[str, float] | None) -> dict[str, float]:
    """Check ``hours`` (furthest stage -> hours spent on a lead); return it, or :data:`STAGE_HOURS`."""
    if hours is not None and not isinstance(hours, Mapping):
        raise TypeError(f"hours must be a dict of stage -> hours, such as {STAGE_HOURS}; got {type(hours).__name__}")
    hours = dict(STAGE_HOURS if hours is None else hours)
    missing = [s for s in STAGES if s not in hours]
    if missing:
        raise ValueError(f"hours needs a number for every stage {list(STAGES)}; missing {missing}")
    for stage in STAGES:
        require_number(hours[stage], f"hours[{stage!r}]", low=0)
    return hours


def _spent(decided, hours: Mapping[str, float]):
    """The hours spent on each lead, by the furthest stage it reached (the lesson's assumption)."""
    return decided["stage_reached"].astype(object).map(hours).astype("float64").fillna(0.0)


@tables(leads=["created_date", "outcome", "stage_reached"])
def chase_cost(leads, *, hours: Mapping[str, float] | None = None, cost_per_hour: float = COST_PER_HOUR,
               before: str = COHORT_END, **thresholds):
    """What chasing leads that never buy costs, by MAN combination.

    The data does not record the hours spent on each lead, so an assumption is made: the hours
    grow with the furthest stage the lead reached (:data:`STAGE_HOURS`, cumulative), at
    ``cost_per_hour`` CNY an hour. Change both to test how the conclusion depends on them.

    Parameters
    ----------
    leads : pandas.DataFrame
        Table ``leads`` (needs ``stage_reached``, ``outcome``, ``created_date`` and the MAN facts).
    hours : dict, optional
        Hours spent on a lead by furthest stage reached; needs every stage of the funnel.
    cost_per_hour : number
        CNY per hour of a salesperson's time (default 250).
    before : str
        Cohort cut-off (default 2024-07-01).

    Returns
    -------
    pandas.DataFrame
        Per combination: ``leads``, ``won``, ``hours`` (all), ``hours_lost`` (on leads that never
        won), ``share_lost`` (hours_lost / hours), ``cost_lost_cny`` and ``hours_per_win`` (missing
        when nothing was won).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> cost = chase_cost(datasets.load_leads())
    >>> bool(cost.loc["m+a+n", "share_lost"] == 1.0)
    True
    >>> chase_cost(datasets.load_leads(), cost_per_hour=-1)
    Traceback (most recent call last):
    ...
    ValueError: cost_per_hour must be at least 0; got -1
    """
    import pandas as pd

    require_number(cost_per_hour, "cost_per_hour", low=0)
    hours = _stage_hours(hours)
    decided, man = _by_man(leads, dict(thresholds, before=before))
    spent = _spent(decided, hours)
    won = decided["outcome"].astype(object).eq("won")
    frame = pd.DataFrame({"man": man, "won": won, "hours": spent, "hours_lost": spent.where(~won, 0.0)})
    grouped = frame.groupby("man", observed=False)
    table = pd.DataFrame({"leads": grouped.size(), "won": grouped["won"].sum().astype("int64"),
                          "hours": grouped["hours"].sum(), "hours_lost": grouped["hours_lost"].sum()})
    table = table.reindex(list(COMBINATIONS))
    table["share_lost"] = table["hours_lost"] / table["hours"].where(table["hours"] > 0)
    table["cost_lost_cny"] = table["hours_lost"] * cost_per_hour
    table["hours_per_win"] = table["hours"] / table["won"].where(table["won"] > 0)
    table.index.name = "man"
    return table


@tables(leads=["lead_id", "created_date", "outcome", "stage_reached", "deal_value_cny"])
def lead_worth(leads, *, hours: Mapping[str, float] | None = None, before: str = COHORT_END, **thresholds):
    """What each open lead is worth per selling hour, judged by how the decided leads of its combination ended.

    A lead's chance is the win rate of its MAN combination in the decided cohort, and the hours it
    will take are the average hours a cohort lead of that combination took (the assumption
    :data:`STAGE_HOURS`: hours grow with the stage reached, not with the deal's size). Its expected
    sales are chance x deal value; divided by the hours, they say what an hour on it brings. Compare
    with :func:`team_sales_per_hour`, what an hour brings on an average lead.

    Parameters
    ----------
    leads : pandas.DataFrame
        Table ``leads`` (the MAN facts, ``lead_id``, ``created_date``, ``outcome``, ``stage_reached``,
        ``deal_value_cny``).
    hours : dict, optional
        Hours spent on a lead by furthest stage reached (default :data:`STAGE_HOURS`).
    before : str
        Cohort cut-off (default 2024-07-01).
    **thresholds
        The MAN rules (see :func:`flags`).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``lead_id`` (the open leads): ``man``, ``deal_value_cny``, ``win_rate``, ``hours``,
        ``expected_cny`` and ``per_hour`` (expected CNY of sales per selling hour).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> worth = lead_worth(datasets.load_leads())
    >>> list(worth.columns)
    ['man', 'deal_value_cny', 'win_rate', 'hours', 'expected_cny', 'per_hour']
    >>> bool((worth.loc[worth["man"] == "m+a+n", "per_hour"] == 0).all())
    True
    """
    import pandas as pd

    cost = chase_cost(leads, hours=hours, before=before, **thresholds)
    counted = cost["leads"].where(cost["leads"] > 0)
    mine = leads[leads["outcome"].astype(object).eq("open")]
    code = classify(mine, **thresholds).astype(str)
    table = pd.DataFrame({"man": code.to_numpy(), "deal_value_cny": mine["deal_value_cny"].to_numpy(dtype="float64"),
                          "win_rate": code.map(cost["won"] / counted).to_numpy(dtype="float64"),
                          "hours": code.map(cost["hours"] / counted).to_numpy(dtype="float64")},
                         index=pd.Index(mine["lead_id"].astype(str), name="lead_id"))
    table["expected_cny"] = table["win_rate"] * table["deal_value_cny"]
    table["per_hour"] = table["expected_cny"] / table["hours"].where(table["hours"] > 0)
    return table


@tables(leads=["created_date", "outcome", "stage_reached", "deal_value_cny"])
def team_sales_per_hour(leads, *, hours: Mapping[str, float] | None = None, before: str = COHORT_END) -> float:
    """What an hour of selling brought on an average lead: the cohort's won deal value / all its hours.

    The hours are the lesson's assumption (:data:`STAGE_HOURS`); the result is the yardstick for
    :func:`lead_worth` and :func:`if_stopped`.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> leads = datasets.load_leads()
    >>> doubled = team_sales_per_hour(leads, hours={k: 2 * v for k, v in STAGE_HOURS.items()})
    >>> bool(abs(2 * doubled - team_sales_per_hour(leads)) < 1e-6)
    True
    """
    decided = cohort(leads, before)
    spent = _spent(decided, _stage_hours(hours))
    won = decided["outcome"].astype(object).eq("won")
    total = float(spent.sum())
    return float(decided["deal_value_cny"].where(won, 0.0).sum()) / total if total > 0 else float("nan")


@tables(leads=["created_date", "outcome", "stage_reached", "deal_value_cny"])
def if_stopped(leads, stop, *, hours: Mapping[str, float] | None = None, before: str = COHORT_END):
    """What stopping a group of leads would have freed and lost, measured on the decided cohort.

    Parameters
    ----------
    leads : pandas.DataFrame
        Table ``leads``.
    stop : pandas.Series of bool
        True for the leads to stop working, aligned with ``leads`` (e.g. ``man.factors(leads) <= 1``).
    hours : dict, optional
        Hours spent on a lead by furthest stage reached (default :data:`STAGE_HOURS`).
    before : str
        Cohort cut-off (default 2024-07-01).

    Returns
    -------
    pandas.Series
        ``leads`` (stopped, in the cohort), ``hours_freed``, ``share_of_hours``, ``wins_lost``,
        ``sales_lost_cny``, ``share_of_sales`` and ``lost_per_hour`` (sales lost per hour freed: the
        lower, the better the hours are freed).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> leads = datasets.load_leads()
    >>> if_stopped(leads, leads["need_strength"] >= 1)["share_of_hours"]
    1.0
    >>> if_stopped(leads, [True])
    Traceback (most recent call last):
    ...
    TypeError: stop must be a column of True/False aligned with leads, e.g. man.factors(leads) <= 1; got list
    """
    import pandas as pd

    decided = cohort(leads, before)
    if not isinstance(stop, pd.Series) or stop.dtype != bool:
        given = type(stop).__name__ if not isinstance(stop, pd.Series) else f"a Series of dtype {stop.dtype}"
        raise TypeError(f"stop must be a column of True/False aligned with leads, e.g. man.factors(leads) <= 1; "
                        f"got {given}")
    if not decided.index.isin(stop.index).all() or not stop.index.is_unique:
        raise ValueError("stop must have a True/False value for every lead of leads (same index as leads); "
                         f"got {len(stop)} values for {len(leads)} leads")
    chosen = stop.reindex(decided.index).to_numpy()
    spent = _spent(decided, _stage_hours(hours))
    won = decided["outcome"].astype(object).eq("won")
    sales = decided["deal_value_cny"].where(won, 0.0).astype("float64")
    freed, lost = float(spent[chosen].sum()), float(sales[chosen].sum())
    return pd.Series({"leads": int(chosen.sum()), "hours_freed": freed,
                      "share_of_hours": freed / float(spent.sum()) if spent.sum() > 0 else float("nan"),
                      "wins_lost": int(won[chosen].sum()), "sales_lost_cny": lost,
                      "share_of_sales": lost / float(sales.sum()) if sales.sum() > 0 else float("nan"),
                      "lost_per_hour": lost / freed if freed > 0 else float("nan")}, dtype=object)


@tables(leads=Table("leads", ["lead_id", "salesperson_id", "outcome", "purchasing_power", "decision_power",
                              "need_strength", "timeline", "deal_value_cny"], optional=["budget_cny"]))
def call_list(leads, salesperson_id: str, n: int = 10, *, weights: Mapping[str, float] | None = None,
              **thresholds):
    """Rank a salesperson's open leads: whom to call first.

    Parameters
    ----------
    leads : pandas.DataFrame
        Table ``leads`` (needs ``lead_id``, ``salesperson_id``, ``outcome`` and the facts of :func:`score`).
    salesperson_id : str
        E.g. ``"SP006"``.
    n : int
        How many leads to list (default 10).
    weights : dict, optional
        Weights of the score (see :func:`score`).
    **thresholds
        The MAN rules (see :func:`flags`).

    Returns
    -------
    pandas.DataFrame
        Indexed by rank (1 = call first): ``lead_id``, ``man``, ``score``, ``need_strength``,
        ``timeline``, ``deal_value_cny`` and ``action`` (short, current language). Ties in score go
        to the larger deal, then the older lead.

    Examples
    --------
    >>> from crmlessons import datasets
    >>> calls = call_list(datasets.load_leads(), "SP006", n=3)
    >>> list(calls.index), bool(calls["score"].is_monotonic_decreasing)
    ([1, 2, 3], True)
    >>> call_list(datasets.load_leads(), "SP999")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: salesperson_id must be one of the salespeople in leads (SP001, SP002, ...); got 'SP999'
    """
    require_number(n, "n", low=1, integer=True)
    known = sorted(leads["salesperson_id"].dropna().astype(str).unique())
    if salesperson_id not in known:
        shown = ", ".join(known[:2]) + (", ..." if len(known) > 2 else "")
        raise ValueError(f"salesperson_id must be one of the salespeople in leads ({shown}); got {salesperson_id!r}")
    mine = leads[leads["salesperson_id"].eq(salesperson_id) & leads["outcome"].astype(object).eq("open")]
    table = mine[["lead_id"]].copy()
    table["man"] = classify(mine, **thresholds)
    table["score"] = score(mine, weights)
    table["need_strength"] = mine["need_strength"]
    table["timeline"] = mine["timeline"]
    table["deal_value_cny"] = mine["deal_value_cny"]
    table = table.sort_values(["score", "deal_value_cny", "lead_id"], ascending=[False, False, True]).head(n)
    table["action"] = [short_action(code) for code in table["man"].astype(str)]
    table.index = range(1, len(table) + 1)
    table.index.name = "rank"
    return table


# ---------------------------------------------------------------------------------------------
# One lead (the qualifier widget's computation)

FACTS = ("purchasing_power", "decision_power", "need_strength", "timeline", "budget_cny", "deal_value_cny")


@tables(leads=["lead_id", *FACTS])
def lead_facts(leads, lead_id: str) -> dict:
    """Return the recorded facts of one lead as a dict (for :func:`qualify_one`).

    Examples
    --------
    >>> from crmlessons import datasets
    >>> lead_facts(datasets.load_leads(), "L00001")["decision_power"]
    'decision_maker'
    """
    rows = leads.index[leads["lead_id"].eq(lead_id)]
    if len(rows) == 0:
        raise ValueError(f"lead_id must be a lead of the table, such as {leads['lead_id'].iloc[0]!r}; got {lead_id!r}")
    return plain_facts(leads.loc[rows[0]])


def plain_facts(row) -> dict:
    """Return a lead's facts (a table row or dict) as plain Python values, None where missing.

    Examples
    --------
    >>> plain_facts({"purchasing_power": "high", "decision_power": "user", "need_strength": 4.0,
    ...              "timeline": "unknown", "budget_cny": float("nan"), "deal_value_cny": 120000})["need_strength"]
    4
    """
    import pandas as pd

    if not isinstance(row, (Mapping, pd.Series)):
        raise TypeError(f"row must be a table row (pandas Series) or a dict of facts; got {type(row).__name__}")
    missing = [key for key in FACTS if key not in row]
    if missing:
        raise ValueError(f"row is missing fact(s) {missing}; expected {list(FACTS)}")
    facts = {}
    for key in FACTS:
        value = row[key]
        if value is None or value != value:
            facts[key] = None
        elif key == "need_strength":
            facts[key] = int(value)
        elif key in ("budget_cny", "deal_value_cny"):
            facts[key] = float(value)
        else:
            facts[key] = str(value)
    return facts


def _scalar_score(facts: Mapping[str, Any], w: Mapping[str, float]) -> float:
    money = MONEY_POINTS.get(facts.get("purchasing_power"), 0.0)
    budget, value = facts.get("budget_cny"), facts.get("deal_value_cny")
    if budget is not None and value is not None and value > 0:
        ratio = max(budget / value, 0.0)
        money = 1.0 if ratio >= 1 else ratio * BUDGET_SHORT_FACTOR
    need = facts.get("need_strength")
    parts = {"money": money,
             "authority": AUTHORITY_POINTS.get(facts.get("decision_power"), 0.0),
             "need": 0.0 if need is None else NEED_POINTS.get(int(round(need)), 0.0),
             "timeline": TIMELINE_POINTS.get(facts.get("timeline"), 0.0)}
    total = sum(w.values())
    import numpy as np

    return float(np.round(100 * sum(parts[k] * (w[k] / total) for k in WEIGHTS), 1))


def qualify_one(facts: Mapping[str, Any] | None = None, *, outcomes=None, weights=None,
                money=MONEY, authority=AUTHORITY, need_min=NEED_MIN, **given) -> dict:
    """Qualify one lead: its M, A, N, combination, action and score (and how similar leads ended).

    Parameters
    ----------
    facts : dict, optional
        The lead's facts (as from :func:`lead_facts`); keyword arguments override them.
    outcomes : pandas.DataFrame, optional
        :func:`combination_outcomes` of the data, computed once: adds ``leads``, ``win_rate``,
        ``median_cycle_days`` and ``median_deal_value_cny`` of leads with the same combination.
    weights : dict, optional
        Weights of the score (see :func:`score`).
    money, authority, need_min
        The MAN rules (see :func:`flags`).
    **given
        ``purchasing_power`` (low/medium/high), ``decision_power`` (decision_maker/influencer/user),
        ``need_strength`` (1-5), ``timeline`` (see :data:`TIMELINES`), ``budget_cny``, ``deal_value_cny``.
        A fact not given or None is unknown and counts as absent.

    Returns
    -------
    dict
        ``M``, ``A``, ``N`` (bool), ``combination``, ``action``, ``score``, ``bant`` (the BANT code with
        the defaults of :func:`bant`) and, with ``outcomes``, the figures of similar leads.

    Examples
    --------
    >>> result = qualify_one(purchasing_power="high", decision_power="influencer", need_strength=5,
    ...                      timeline="within_3_months")
    >>> result["combination"], result["score"]
    ('M+a+N', 85.0)
    >>> result["action"]
    'Reach the person who has the authority to decide.'
    >>> qualify_one(purchasing_power="rich")
    Traceback (most recent call last):
    ...
    ValueError: purchasing_power must be one of ['low', 'medium', 'high', None]; got 'rich'
    """
    if facts is not None and not isinstance(facts, Mapping):
        raise TypeError(f"facts must be a dict of a lead's facts; got {type(facts).__name__}")
    unknown = [k for k in given if k not in FACTS]
    if unknown:
        raise TypeError(f"qualify_one got unknown fact(s) {unknown}; the facts are {list(FACTS)}")
    data = {k: None for k in FACTS}
    data["timeline"] = "unknown"
    data.update({k: v for k, v in (facts or {}).items() if k in FACTS})
    data.update(given)
    require_choice(data["purchasing_power"], "purchasing_power", [*PURCHASING_POWER, None])
    require_choice(data["decision_power"], "decision_power", [*DECISION_POWER, None])
    require_choice(data["timeline"], "timeline", [*TIMELINES, None])
    for key in ("need_strength", "budget_cny", "deal_value_cny"):
        if data[key] is not None:
            low, high = (1, 5) if key == "need_strength" else (0, None)
            require_number(data[key], key, low=low, high=high)
    money, authority, need_min = _thresholds(money, authority, need_min)
    m = data["purchasing_power"] in money
    a = data["decision_power"] in authority
    n = data["need_strength"] is not None and data["need_strength"] >= need_min
    code = _code(m, a, n)
    budget, value = data["budget_cny"], data["deal_value_cny"]
    b = m if budget is None else (value is not None and budget >= value)
    t = data["timeline"] in ("within_3_months", "3_to_6_months")
    bant_code = "+".join(letter if present else letter.lower() for letter, present in zip("BANT", (b, a, n, t)))
    result = {"M": m, "A": a, "N": n, "combination": code, "action": action(code),
              "score": _scalar_score(data, _weights(weights)), "bant": bant_code}
    if outcomes is not None:
        require_columns(outcomes, ["leads", "win_rate", "median_cycle_days", "median_deal_value_cny"], "outcomes")
        row = outcomes.loc[code]
        result.update({key: (None if row[key] != row[key] else float(row[key]))
                       for key in ("leads", "win_rate", "median_cycle_days", "median_deal_value_cny")})
    return result
