"""The seeded, vectorised generator of the case company (internal; public API in ``generate``).

:func:`generate` runs :data:`STEPS`, one function per table, over a shared :class:`Variant`: the
random generator, the parameters (:data:`crmlessons.datasets.params.PARAMS`, the only source of the
numbers), the sizes, the tables made so far and the facts that later tables need (:class:`Team`,
:class:`Leads`, :class:`Customers`, :class:`Respondents`). Dates are integer day numbers (days since
1970-01-01) until they are written into a table as ``datetime64[ns]``.

The order of the random draws is part of the output: every step draws what it always drew, in the
same order, or every variant changes (``tests/test_datasets.py`` holds digests of several variants).
A new table or planted effect is therefore a new step at the end of :data:`STEPS` (or new draws after
every existing one), reading what it needs from the :class:`Variant`; the existing tables stay the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product
from math import erf, pi

import numpy as np
import pandas as pd

from crmlessons.datasets.dictionary import ASK_ITEM_IDS, COST_ITEMS, KANO_FEATURES, TIE_KINDS, VALUE_ITEMS
from crmlessons.datasets.params import PARAMS
from crmlessons.datasets.rules import STAGES, customer_counts_by_year
from crmlessons.datasets.vocabularies import KANO_TABLE, VOCABULARIES, category_dtype

SIZE_CLASSES = list(VOCABULARIES["company_size"])
PRODUCT_LINES = list(VOCABULARIES["product_line"])


# ------------------------------------------------------------------------------------------------
# The shared state
# ------------------------------------------------------------------------------------------------
@dataclass
class Team:
    """What later tables need of the salespeople (positions in the team are the salesperson codes)."""

    ids: np.ndarray  # salesperson_id
    region: np.ndarray  # region code each one covers
    hired: np.ndarray  # hire day
    win_effect: np.ndarray  # logit effect on winning a lead (ASK traits and ask-tell ratio)
    columns: dict  # the table so far: the results are added once the leads are known


@dataclass
class Leads:
    """What later tables need of the leads (arrays in lead_id order)."""

    ids: np.ndarray
    salesperson: np.ndarray  # position in the team
    created: np.ndarray  # day
    entered: np.ndarray  # (leads x 6) day each stage is (or would be) entered
    reached: np.ndarray  # stage code reached by the data date
    outcome: np.ndarray  # 0 won, 1 lost, 2 open
    closed: np.ndarray  # day won or lost (later than the data date when open)
    deal_value: np.ndarray
    size: np.ndarray  # company_size code
    employees: np.ndarray
    region: np.ndarray  # region code
    industry: np.ndarray  # industry code, -1 when not recorded
    source: np.ndarray  # source_channel code


@dataclass
class Customers:
    """What later tables need of the customers (arrays in customer_id order)."""

    ids: np.ndarray
    acquired: np.ndarray  # day
    salesperson: np.ndarray  # position in the team
    size: np.ndarray  # company_size code
    first_order_value: np.ndarray  # the won deal's value; NaN for pre-existing customers
    loyalty: np.ndarray  # latent, standard normal
    satisfaction: np.ndarray  # latent, standard normal, correlated with loyalty
    primary_line: np.ndarray  # product_line code
    is_lost: np.ndarray
    lost_day: np.ndarray
    is_won_back: np.ndarray
    won_back_day: np.ndarray
    survey_day: np.ndarray  # the day each would answer the survey
    responds: np.ndarray  # answers the survey


@dataclass
class Respondents:
    """The customers who answered the survey, and whether each repurchases after it."""

    customers: np.ndarray  # positions in the customers
    repurchases: np.ndarray


@dataclass
class Variant:
    """One variant of the case company being generated: inputs, tables made so far, shared facts."""

    rng: np.random.Generator
    params: dict
    n_leads: int
    n_customers: int
    n_salespeople: int
    as_of: int  # the data date, as a day number
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    team: Team | None = None
    leads: Leads | None = None
    customers: Customers | None = None
    respondents: Respondents | None = None


def generate(rng: np.random.Generator, n_leads: int, n_customers: int, n_salespeople: int,
             params: dict = PARAMS) -> dict[str, pd.DataFrame]:
    """Generate all tables of one variant; returns a dict of DataFrames (dtypes not yet coerced)."""
    variant = Variant(rng, params, n_leads, n_customers, n_salespeople, as_of=_day(params["as_of"]))
    for step in STEPS:
        step(variant)
    return variant.tables


# ------------------------------------------------------------------------------------------------
# Small helpers
# ------------------------------------------------------------------------------------------------
def _day(date: str) -> int:
    return int(np.datetime64(date, "D").astype(np.int64))


def _dates(days) -> np.ndarray:
    return np.asarray(days, dtype="int64").astype("datetime64[D]").astype("datetime64[ns]")


def _nullable_dates(days: np.ndarray, present: np.ndarray) -> pd.Series:
    out = _dates(np.where(present, days, 0))
    out[~present] = np.datetime64("NaT", "ns")
    return pd.Series(out)


def _pick(rng: np.random.Generator, vocab: str, probs: dict, n: int) -> np.ndarray:
    """Draw ``n`` codes (integer positions in the vocabulary) with the given probabilities."""
    codes = list(VOCABULARIES[vocab])
    p = np.array([probs.get(c, 0.0) for c in codes], dtype=float)
    return rng.choice(len(codes), size=n, p=p / p.sum())


def _cat(codes: np.ndarray, vocab: str, missing: np.ndarray | None = None) -> pd.Categorical:
    codes = np.asarray(codes, dtype=np.int64).copy()
    if missing is not None:
        codes[missing] = -1
    return pd.Categorical.from_codes(codes, dtype=category_dtype(vocab))


def _ids(prefix: str, n: int, width: int) -> np.ndarray:
    return np.char.add(prefix, np.char.zfill(np.arange(1, n + 1).astype(str), width)).astype(object)


def _month_index(days: np.ndarray) -> np.ndarray:
    return (days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)) % 12


def _year(days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


def _by_size(values: dict, size: np.ndarray) -> np.ndarray:
    """``values[size class]`` for each company_size code of ``size``."""
    return np.array([values[s] for s in SIZE_CLASSES])[size]


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def _calibrate_shift(logits: np.ndarray, target: float) -> float:
    """Shift c such that mean(sigmoid(logits + c)) == target (bisection)."""
    lo, hi = -20.0, 20.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if _sigmoid(logits + mid).mean() < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _draw_per_group(rng: np.random.Generator, p: np.ndarray, group: np.ndarray, n_groups: int) -> np.ndarray:
    """Bernoulli(p) draws with each group's number of successes fixed near its expectation.

    Each group (salesperson) gets floor(sum p) or floor(sum p) + 1 successes (stochastic rounding),
    chosen by weighted sampling without replacement (Efraimidis-Spirakis keys u ** (1 / p)). This keeps
    the planted salesperson effects visible in a team of 40 instead of drowning them in binomial noise.
    """
    expected = np.bincount(group, weights=p, minlength=n_groups)
    k = np.floor(expected).astype(np.int64)
    k += rng.random(n_groups) < expected - k
    keys = np.log(rng.random(len(p))) / np.maximum(p, 1e-12)  # log(u ** (1/p)), larger is earlier
    order = np.lexsort((-keys, group))
    start = np.searchsorted(group[order], np.arange(n_groups))
    rank = np.empty(len(p), dtype=np.int64)
    rank[order] = np.arange(len(p)) - start[group[order]]
    return rank < k[group]


def _employees(rng: np.random.Generator, params: dict, size: np.ndarray) -> np.ndarray:
    """Employees of companies of the given size codes: log-uniform within the size class's range."""
    low = _by_size({s: r[0] for s, r in params["employees_range"].items()}, size)
    high = _by_size({s: r[1] for s, r in params["employees_range"].items()}, size)
    employees = np.floor(np.exp(np.log(low) + rng.random(len(size)) * (np.log(high + 1) - np.log(low))))
    return np.clip(employees.astype(np.int64), low, high)


def _erfinv(y: np.ndarray) -> np.ndarray:
    """Inverse error function (Giles' approximation refined by two Newton steps); numpy only."""
    y = np.asarray(y, dtype=float)
    w = -np.log((1.0 - y) * (1.0 + y))
    x = np.where(w < 5, _horner(_ERFINV_SMALL, w - 2.5), _horner(_ERFINV_LARGE, np.sqrt(w) - 3)) * y
    verf = np.vectorize(erf)
    for _ in range(2):
        x = x - (verf(x) - y) / (2 / np.sqrt(pi) * np.exp(-x * x))
    return x


_ERFINV_SMALL = [2.81022636e-08, 3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087,
                 -0.00125372503, -0.00417768164, 0.246640727, 1.50140941]
_ERFINV_LARGE = [-0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773,
                 -0.0076224613, 0.00943887047, 1.00167406, 2.83297682]


def _horner(coefficients, w):
    """The polynomial with ``coefficients`` (highest power first) at ``w``."""
    p = np.zeros_like(w)
    for k in coefficients:
        p = p * w + k
    return p


# ------------------------------------------------------------------------------------------------
# ask_items: the ASK self-assessment item bank (no random draws)
# ------------------------------------------------------------------------------------------------
ASK_ITEMS = [
    ("A1", "A", False, "I stay positive after a customer turns me down.", "被客户拒绝后，我仍能保持积极的心态。"),
    ("A2", "A", False, "I see every customer's problem as my own responsibility.", "我把每位客户的问题都当作自己的责任。"),
    ("A3", "A", False, "I keep my promises to customers, even small ones.", "对客户的承诺，哪怕是小事，我也一定兑现。"),
    ("A4", "A", True, "When a deal falls through, I feel like giving up.", "一笔生意丢了，我就想放弃。"),
    ("S1", "S", False, "I find out what a customer really needs by asking questions.", "我通过提问弄清客户的真正需求。"),
    ("S2", "S", False, "I listen more than I talk in a customer meeting.", "与客户会谈时，我听得比说得多。"),
    ("S3", "S", False, "I learn new selling skills at least as fast as the market changes.",
     "我学习新销售技能的速度至少跟得上市场变化。"),
    ("S4", "S", True, "I tell every customer the same product pitch.", "我对每位客户讲的都是同一套产品说辞。"),
    ("K1", "K", False, "I know the industries my customers work in well.", "我熟悉客户所在的行业。"),
    ("K2", "K", False, "I know each key customer's business and decision makers.", "我了解每个重点客户的业务和决策人。"),
    ("K3", "K", False, "I keep up with social, historical and cultural knowledge useful in selling.",
     "我不断积累对销售有用的社会、历史和人文知识。"),
    ("K4", "K", True, "I rarely need to read about our products or our market.", "我很少需要学习我们的产品或市场知识。"),
]


def ask_items_table(variant: Variant) -> None:
    """The ``ask_items`` table: the fixed item bank."""
    df = pd.DataFrame(ASK_ITEMS, columns=["item_id", "dimension", "reverse_scored", "text_en", "text_zh"])
    assert list(df["item_id"]) == ASK_ITEM_IDS
    variant.tables["ask_items"] = df


# ------------------------------------------------------------------------------------------------
# salespeople
# ------------------------------------------------------------------------------------------------
def _team_traits(variant: Variant) -> np.ndarray:
    """Latent Attitude, Skill, Knowledge and log ask-tell ratio (columns 0-3), one row per salesperson.

    The correlations between them are planted exactly in any team of more than 8 (whiten, then colour).
    """
    params, n = variant.params, variant.n_salespeople
    r = params["ask_latent_corr"]
    corr = np.full((4, 4), r) + (1 - r) * np.eye(4)
    corr[3, :3] = corr[:3, 3] = (0.0, params["ask_tell_skill_link"], 0.0)
    z = variant.rng.standard_normal((n, 4))
    if n > 8:
        z = z - z.mean(axis=0)
        z = z @ np.linalg.inv(np.linalg.cholesky(np.cov(z, rowvar=False))).T
    return z @ np.linalg.cholesky(corr).T


def _ask_item_answers(variant: Variant, traits: np.ndarray) -> dict[str, np.ndarray]:
    """Each salesperson's 1-5 answer to every ASK item (reverse-scored items stored as answered)."""
    params, rng, n = variant.params, variant.rng, variant.n_salespeople
    reverse = {item_id: reverse_scored for item_id, _, reverse_scored, _, _ in ASK_ITEMS}
    answers = {}
    for dimension_index, dimension in enumerate("ASK"):
        for number in range(1, 5):
            item = f"{dimension}{number}"
            x = (params["ask_item_center"] + params["ask_item_loading"] * traits[:, dimension_index]
                 + params["ask_item_noise"] * rng.standard_normal(n))
            x = np.clip(np.round(x), 1, 5).astype(np.int64)
            answers[item] = 6 - x if reverse[item] else x
    return answers


def salespeople_table(variant: Variant) -> None:
    """The team: ASK answers, ask-tell ratio, tenure, region (results follow in :func:`salespeople_results`)."""
    params, rng, n = variant.params, variant.rng, variant.n_salespeople
    traits = _team_traits(variant)
    attitude, skill, knowledge, log_ask_tell = traits[:, 0], traits[:, 1], traits[:, 2], traits[:, 3]
    ids = _ids("SP", n, 3)
    region = _pick(rng, "region", params["region_p"], n)
    shape, scale = params["tenure_gamma"]
    tenure = np.clip(rng.gamma(shape, scale, n), 0.3, 20)
    hired = variant.as_of - np.round(tenure * 365.25).astype(np.int64)
    columns = {"salesperson_id": ids, "region": _cat(region, "region"), "hire_date": _dates(hired),
               "tenure_years": np.round((variant.as_of - hired) / 365.25, 1)}
    columns.update(_ask_item_answers(variant, traits))
    columns["ask_tell_ratio"] = np.round(
        params["ask_tell_median"] * np.exp(params["ask_tell_sd_log"] * log_ask_tell), 2)
    low, high = params["calls_observed"]
    columns["calls_observed"] = rng.integers(low, high + 1, n)
    win_effect = (params["beta_attitude"] * attitude + params["beta_skill"] * skill
                  + params["beta_knowledge"] * knowledge + params["beta_ask_tell"] * log_ask_tell)
    variant.team = Team(ids, region, hired, win_effect, columns)


def salespeople_results(variant: Variant) -> None:
    """Add each salesperson's results on the leads, and store the ``salespeople`` table."""
    n, leads, columns = variant.n_salespeople, variant.leads, variant.team.columns
    who, won = leads.salesperson, leads.outcome == 0
    decided = np.bincount(who, weights=(leads.outcome < 2), minlength=n)
    won_n = np.bincount(who, weights=won, minlength=n)
    columns["leads_worked"] = np.bincount(who, minlength=n).astype(np.int64)
    columns["deals_won"] = won_n.astype(np.int64)
    columns["win_rate"] = np.round(np.where(decided > 0, won_n / np.maximum(decided, 1), np.nan), 4)
    revenue = np.bincount(who, weights=np.where(won, leads.deal_value, 0.0), minlength=n)
    columns["revenue_cny"] = np.round(revenue, 2)
    variant.tables["salespeople"] = pd.DataFrame(columns)


# ------------------------------------------------------------------------------------------------
# leads
# ------------------------------------------------------------------------------------------------
def _lead_created_and_salesperson(variant: Variant) -> tuple[np.ndarray, np.ndarray]:
    """Creation day (monthly seasonality, never before the salesperson was hired) and salesperson,
    in the order of the lead ids."""
    params, rng, n, as_of = variant.params, variant.rng, variant.n_leads, variant.as_of
    period = np.arange(_day(params["leads_start"]), as_of + 1)
    weights = np.asarray(params["lead_month_weights"])[_month_index(period)]
    created = rng.choice(period, size=n, p=weights / weights.sum())
    who = rng.integers(0, variant.n_salespeople, n)
    hired = variant.team.hired[who]
    late = hired > created  # created before the salesperson joined: moved into their time with us
    created[late] = hired[late] + np.floor(rng.random(int(late.sum())) * (as_of - hired[late])).astype(np.int64)
    order = np.lexsort((who, created))
    return created[order], who[order]


def _man_factors(variant: Variant) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Money, Authority and Need present (independently, with their planted shares)."""
    params, rng, n = variant.params, variant.rng, variant.n_leads
    money = rng.random(n) < params["p_money"]
    authority = rng.random(n) < params["p_authority"]
    need = rng.random(n) < params["p_need"]
    return money, authority, need


def _will_win(variant: Variant, money, authority, need, who) -> np.ndarray:
    """Which leads end won: MAN combination and salesperson effect, calibrated to the overall win rate."""
    params, team, n_team = variant.params, variant.team, variant.n_salespeople
    combos = ["".join(f if present else f.lower() for f, present in zip("MAN", bits))
              for bits in product((False, True), repeat=3)]  # "man", "maN", ... "MAN": index = 4M + 2A + N
    rate = np.array([params["win_rate_man"][c] for c in combos])
    combo = money.astype(int) * 4 + authority.astype(int) * 2 + need.astype(int)
    combo_logit = np.log(rate / (1 - rate))
    # calibrate on every MAN combination crossed with every salesperson (weighted by combo shares), so
    # that who happened to be hired late does not move the overall rate
    grid = (combo_logit[:, None] + team.win_effect[None, :]).ravel()
    weights = np.repeat(np.bincount(combo, minlength=8) / len(combo), n_team)
    grid = np.repeat(grid, np.maximum(np.round(weights * 1000).astype(int), 0))
    logits = combo_logit[combo] + team.win_effect[who]
    p_win = _sigmoid(logits + _calibrate_shift(grid, params["overall_win_rate"]))
    return _draw_per_group(variant.rng, p_win, who, n_team)


def _furthest_stage(variant: Variant, will_win: np.ndarray) -> np.ndarray:
    """The stage code each lead would reach: won leads 5; lost leads stop so that the planted share of
    all leads reaches each stage."""
    params = variant.params
    reach, win_rate = params["stage_reach"], params["overall_win_rate"]
    go_on = np.array([(reach[s] - win_rate) / (1 - win_rate) for s in STAGES[1:5]])
    return np.where(will_win, 5, (variant.rng.random(variant.n_leads)[:, None] < go_on[None, :]).sum(axis=1))


def _deal_values(variant: Variant, size: np.ndarray) -> np.ndarray:
    """Lognormal deal values by company size, rounded to 100 CNY, at least 1,000."""
    params = variant.params
    median = _by_size(params["deal_value_median"], size)
    noise = variant.rng.standard_normal(variant.n_leads)
    value = np.round(median * np.exp(params["deal_value_sigma"] * noise), -2)
    return np.maximum(value, 1000.0)


def _stage_offsets(variant: Variant, deal_value: np.ndarray) -> np.ndarray:
    """(leads x 6) days from creation to entering each stage: a cycle growing with the deal value,
    split over the five steps."""
    params, rng, n = variant.params, variant.rng, variant.n_leads
    cycle = params["cycle_median_days"] * (deal_value / params["cycle_ref_value"]) ** params["cycle_elasticity"]
    cycle = np.clip(cycle * np.exp(params["cycle_noise_sigma"] * rng.standard_normal(n)), params["cycle_min_days"],
                    params["max_cycle_days"])
    fractions = rng.dirichlet(params["stage_duration_alpha"], n)
    offsets = np.zeros((n, 6), dtype=np.int64)
    offsets[:, 1:] = np.round(np.cumsum(fractions, axis=1) * cycle[:, None]).astype(np.int64)
    return offsets


def _closing(variant: Variant, created, offsets, furthest, will_win) -> dict[str, np.ndarray]:
    """Day each stage is entered, the close day (a lost lead drops out part-way into its next step),
    the stage reached and the outcome by the data date."""
    as_of = variant.as_of
    entered = created[:, None] + offsets
    rows = np.arange(variant.n_leads)
    last_step = np.minimum(furthest, 4)
    low, high = variant.params["lost_fraction_of_step"]
    step_length = offsets[rows, last_step + 1] - offsets[rows, last_step]
    how_far = low + (high - low) * variant.rng.random(variant.n_leads)
    lost_at = (offsets[rows, last_step] + np.round(how_far * step_length)).astype(np.int64)
    closed = created + np.where(will_win, offsets[:, 5], lost_at)
    is_closed = closed <= as_of
    reached = np.minimum(((entered <= as_of).sum(axis=1) - 1), furthest)
    outcome = np.where(is_closed, np.where(will_win, 0, 1), 2)  # won, lost, open
    return {"entered": entered, "closed": closed, "is_closed": is_closed, "reached": reached, "outcome": outcome}


def _qualification_columns(variant: Variant, money, authority, need, deal_value) -> dict:
    """The facts a salesperson records, following from Money, Authority and Need."""
    params, rng, n = variant.params, variant.rng, variant.n_leads
    power = np.where(money, np.where(rng.random(n) < params["p_high_given_money"], 2, 1), 0)  # low/medium/high
    bounds = [params["budget_ratio"][k] for k in VOCABULARIES["purchasing_power"]]
    low, high = np.array([b[0] for b in bounds])[power], np.array([b[1] for b in bounds])[power]
    budget = np.round(deal_value * (low + (high - low) * rng.random(n)), -3)
    budget = np.where(power > 0, np.maximum(budget, np.ceil(deal_value / 1000) * 1000),
                      np.minimum(budget, deal_value - 1000))
    budget = np.maximum(budget, 0.0)
    budget[rng.random(n) < params["p_budget_missing"]] = np.nan
    role = np.where(authority, _pick(rng, "contact_role", params["role_p_authority"], n),
                    _pick(rng, "contact_role", params["role_p_no_authority"], n))
    decision = np.where(authority, 0, np.where(rng.random(n) < params["p_influencer_without_authority"], 1, 2))
    strength = np.where(need, 4 + (rng.random(n) < 0.4),
                        1 + (rng.random(n)[:, None] > np.array([0.15, 0.5])).sum(axis=1))
    timeline = np.where(need, _pick(rng, "timeline", params["timeline_p_need"], n),
                        _pick(rng, "timeline", params["timeline_p_no_need"], n))
    return {"budget_cny": budget, "purchasing_power": _cat(power, "purchasing_power"),
            "contact_role": _cat(role, "contact_role"), "decision_power": _cat(decision, "decision_power"),
            "need_strength": strength.astype(np.int64), "timeline": _cat(timeline, "timeline")}


def leads_table(variant: Variant) -> None:
    """Every prospect worked in the leads period, with its MAN/BANT facts, stages and outcome."""
    params, rng, n = variant.params, variant.rng, variant.n_leads
    created, who = _lead_created_and_salesperson(variant)
    money, authority, need = _man_factors(variant)
    will_win = _will_win(variant, money, authority, need, who)
    furthest = _furthest_stage(variant, will_win)
    size = _pick(rng, "company_size", params["size_p"], n)
    employees = _employees(rng, params, size)
    deal_value = _deal_values(variant, size)
    close = _closing(variant, created, _stage_offsets(variant, deal_value), furthest, will_win)
    qualification = _qualification_columns(variant, money, authority, need, deal_value)
    region = np.where(rng.random(n) < 0.9, variant.team.region[who], _pick(rng, "region", params["region_p"], n))
    source = _pick(rng, "source_channel", params["source_p"], n)
    industry = _pick(rng, "industry", params["industry_p"], n)
    industry[rng.random(n) < params["p_lead_industry_missing"]] = -1
    ids = _ids("L", n, 5)
    closed, is_closed = close["closed"], close["is_closed"]
    variant.tables["leads"] = pd.DataFrame({
        "lead_id": ids, "salesperson_id": variant.team.ids[who], "created_date": _dates(created),
        "region": _cat(region, "region"), "source_channel": _cat(source, "source_channel"),
        "industry": _cat(industry, "industry", industry < 0), "company_size": _cat(size, "company_size"),
        "employees": employees, **qualification, "deal_value_cny": deal_value,
        "stage_reached": _cat(close["reached"], "stage"), "outcome": _cat(close["outcome"], "outcome"),
        "closed_date": _nullable_dates(closed, is_closed),
        "cycle_days": np.where(is_closed, (closed - created).astype(float), np.nan),
    })
    variant.leads = Leads(ids, who, created, close["entered"], close["reached"], close["outcome"], closed,
                          deal_value, size, employees, region, industry, source)


def stage_history_table(variant: Variant) -> None:
    """One row per lead and stage entered, with the date (no random draws)."""
    leads = variant.leads
    counts = leads.reached + 1
    lead_of_row = np.repeat(np.arange(len(leads.ids)), counts)
    stage = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    variant.tables["stage_history"] = pd.DataFrame({
        "lead_id": leads.ids[lead_of_row],
        "stage_order": stage.astype(np.int64),
        "stage": _cat(stage, "stage"),
        "entered_date": _dates(leads.entered[lead_of_row, stage]),
    })


# ------------------------------------------------------------------------------------------------
# customers
# ------------------------------------------------------------------------------------------------
def _customer_base(variant: Variant) -> dict[str, np.ndarray]:
    """The pre-existing customers and the won leads, in order of acquisition (the customer ids)."""
    params, rng, n_old, leads = variant.params, variant.rng, variant.n_customers, variant.leads
    won = np.flatnonzero(leads.outcome == 0)
    first, last = (_day(d) for d in params["pre_existing_acquired"])
    old_acquired = first + np.floor(rng.random(n_old) * (last - first + 1)).astype(np.int64)
    old_salesperson = rng.integers(0, variant.n_salespeople, n_old)
    old_size = _pick(rng, "company_size", params["size_p"], n_old)
    old_employees = _employees(rng, params, old_size)
    industry = np.concatenate([_pick(rng, "industry", params["industry_p"], n_old), leads.industry[won]])
    industry[:n_old][rng.random(n_old) < params["p_customer_industry_missing"]] = -1
    referral = list(VOCABULARIES["source_channel"]).index("referral")
    base = {
        "acquired": np.concatenate([old_acquired, leads.closed[won]]),
        "salesperson": np.concatenate([old_salesperson, leads.salesperson[won]]),
        "size": np.concatenate([old_size, leads.size[won]]),
        "employees": np.concatenate([old_employees, leads.employees[won]]),
        "industry": industry,
        "region": np.concatenate([variant.team.region[old_salesperson], leads.region[won]]),
        "lead": np.concatenate([np.full(n_old, -1), won]),
        "origin": np.concatenate([np.zeros(n_old, np.int64), np.ones(len(won), np.int64)]),
        "first_order_value": np.concatenate([np.full(n_old, np.nan), leads.deal_value[won]]),
        "came_by_referral": np.concatenate([np.zeros(n_old, bool), leads.source[won] == referral]),
    }
    order = np.lexsort((base["lead"], base["acquired"]))
    return {name: values[order] for name, values in base.items()}


def _losses_and_win_backs(variant: Variant, acquired, loyalty) -> dict[str, np.ndarray]:
    """Who is lost (less loyal: more often) and when, who is won back, and who answers the survey."""
    params, rng, as_of = variant.params, variant.rng, variant.as_of
    n = len(acquired)
    gap = params["min_days_before_loss"]
    earliest_loss = np.maximum(acquired + gap, _day(params["orders_start"]) + gap)
    can_lose = earliest_loss < as_of
    lost_logit = params["lost_loyalty_slope"] * loyalty
    shift = _calibrate_shift(lost_logit[can_lose], params["p_lost"]) if can_lose.any() else 0.0
    is_lost = can_lose & (rng.random(n) < _sigmoid(lost_logit + shift))
    lost_day = earliest_loss + np.floor(rng.random(n) * np.maximum(as_of - earliest_loss, 1)).astype(np.int64)
    survey_day = _day(params["survey_start"]) + rng.integers(0, params["survey_days"], n)
    window = params["repurchase_window_days"]
    # customers answering the survey are not lost within the repurchase window (moved after it)
    customer_before_survey = acquired <= survey_day - 30
    clash = (is_lost & customer_before_survey & (lost_day > survey_day)
             & (lost_day <= survey_day + window + 10))
    moved = survey_day[clash] + window + 10 + rng.integers(0, 200, int(clash.sum()))
    lost_day[clash] = np.minimum(moved, as_of - 1)
    shortest, longest = params["won_back_delay_days"]
    won_back_day = lost_day + rng.integers(shortest, longest + 1, n)
    is_won_back = (is_lost & (won_back_day < as_of) & (lost_day < as_of - 365)
                   & (rng.random(n) < params["p_won_back"]))
    active_at_survey = customer_before_survey & (~is_lost | (lost_day > survey_day)
                                                 | (is_won_back & (won_back_day < survey_day)))
    responds = active_at_survey & (rng.random(n) < params["p_survey_response"])
    return {"is_lost": is_lost, "lost_day": lost_day, "is_won_back": is_won_back, "won_back_day": won_back_day,
            "survey_day": survey_day, "responds": responds}


def _referrers(variant: Variant, base: dict, loyalty, lost: dict) -> np.ndarray:
    """Position of the customer who referred each one (-1: none): an earlier customer, weighted by
    loyalty, who was a customer on the day."""
    rng, acquired = variant.rng, base["acquired"]
    n = len(acquired)
    referred = ((base["origin"] == 0) & (np.arange(n) >= 20)
                & (rng.random(n) < variant.params["p_referred_pre_existing"]))
    referred |= base["came_by_referral"]
    referred &= np.arange(n) > 0
    cumulative_weight = np.cumsum(np.exp(variant.params["referral_loyalty_weight"] * loyalty))
    referrer = np.full(n, -1)
    todo = np.flatnonzero(referred)
    for _ in range(10):  # rejection rounds (vectorised over customers)
        if len(todo) == 0:
            break
        drawn_weight = rng.random(len(todo)) * cumulative_weight[todo - 1]
        candidate = np.searchsorted(cumulative_weight, drawn_weight, side="right")
        candidate = np.minimum(candidate, todo - 1)
        gone = (lost["is_lost"][candidate] & (lost["lost_day"][candidate] <= acquired[todo])
                & ~(lost["is_won_back"][candidate] & (lost["won_back_day"][candidate] <= acquired[todo])))
        ok = ~gone & (acquired[candidate] < acquired[todo])
        referrer[todo[ok]] = candidate[ok]
        todo = todo[~ok]
    return referrer


def customers_table(variant: Variant) -> None:
    """Customers from before the leads period plus every won lead; loyalty, losses, referrals."""
    params, rng = variant.params, variant.rng
    base = _customer_base(variant)
    acquired, size = base["acquired"], base["size"]
    n = len(acquired)
    ids = _ids("C", n, 5)
    acquired_year = _year(acquired)
    founded = np.clip(acquired_year - 1 - np.floor(rng.gamma(2.0, 6.0 + 4.0 * size)).astype(np.int64), 1950,
                      acquired_year - 1)
    loyalty = rng.standard_normal(n)
    rho = params["loyalty_satisfaction_corr"]
    satisfaction = rho * loyalty + np.sqrt(1 - rho**2) * rng.standard_normal(n)
    primary = _pick(rng, "product_line", params["product_line_p"], n)
    lost = _losses_and_win_backs(variant, acquired, loyalty)
    referrer = _referrers(variant, base, loyalty, lost)
    lead = base["lead"]
    variant.tables["customers"] = pd.DataFrame({
        "customer_id": ids, "origin": _cat(base["origin"], "customer_origin"),
        "lead_id": np.where(lead >= 0, variant.leads.ids[np.maximum(lead, 0)], np.nan),
        "acquired_date": _dates(acquired), "salesperson_id": variant.team.ids[base["salesperson"]],
        "region": _cat(base["region"], "region"),
        "industry": _cat(base["industry"], "industry", base["industry"] < 0),
        "company_size": _cat(size, "company_size"), "employees": base["employees"],
        "founded_year": founded.astype(np.int64),
        "preferred_channel": _cat(_pick(rng, "preferred_channel", params["channel_p"], n), "preferred_channel",
                                  rng.random(n) < params["p_preferred_channel_missing"]),
        "communication_style": _cat(_pick(rng, "communication_style", params["style_p"], n), "communication_style",
                                    rng.random(n) < params["p_style_missing"]),
        "primary_product_line": _cat(primary, "product_line"),
        "referred_by": np.where(referrer >= 0, ids[np.maximum(referrer, 0)], np.nan),
        "status": _cat(np.where(lost["is_won_back"], 2, np.where(lost["is_lost"], 1, 0)), "customer_status"),
        "lost_date": _nullable_dates(lost["lost_day"], lost["is_lost"]),
        "won_back_date": _nullable_dates(lost["won_back_day"], lost["is_won_back"]),
    })
    variant.customers = Customers(ids, acquired, base["salesperson"], size, base["first_order_value"], loyalty,
                                  satisfaction, primary, **lost)


# ------------------------------------------------------------------------------------------------
# survey
# ------------------------------------------------------------------------------------------------
def _skip_some(variant: Variant, answers: np.ndarray) -> np.ndarray:
    """``answers`` with the questions a respondent skipped (share p_survey_item_missing) set to NaN."""
    answers[variant.rng.random(len(answers)) < variant.params["p_survey_item_missing"]] = np.nan
    return answers


def _loyalty_answers(variant: Variant, loyalty: np.ndarray) -> np.ndarray:
    """1-5 answers to one loyalty item, some skipped (NaN)."""
    params, rng, n = variant.params, variant.rng, len(loyalty)
    x = (params["loyalty_item_center"] + params["loyalty_item_loading"] * loyalty
         + params["loyalty_item_noise"] * rng.standard_normal(n))
    return _skip_some(variant, np.clip(np.round(x), 1, 5))


def survey_table(variant: Variant) -> None:
    """The answers of the customers who responded; whether each repurchases follows satisfaction."""
    params, rng, customers = variant.params, variant.rng, variant.customers
    respondents = np.flatnonzero(customers.responds)
    n = len(respondents)
    thresholds = np.sqrt(2) * _erfinv(2 * np.cumsum(params["satisfaction_p"])[:-1] - 1)  # normal quantiles
    satisfaction = customers.satisfaction[respondents]
    level = 1 + np.searchsorted(thresholds, satisfaction)
    answer = level.astype(float)
    answer[rng.random(n) < params["p_survey_item_missing"]] = np.nan
    complaints = rng.poisson(
        params["complaints_mean"] * np.exp(params["complaints_satisfaction_slope"] * satisfaction))
    loyalty = customers.loyalty[respondents]
    variant.tables["survey"] = pd.DataFrame({
        "customer_id": customers.ids[respondents],
        "survey_date": _dates(customers.survey_day[respondents]),
        "satisfaction": answer,
        "loyalty_emotional": _loyalty_answers(variant, loyalty),
        "loyalty_behavioural": _loyalty_answers(variant, loyalty),
        "loyalty_intentional": _loyalty_answers(variant, loyalty),
        "complaints_12m": complaints.astype(np.int64),
        "complaints_resolved": rng.binomial(complaints, params["p_complaint_resolved"]).astype(np.int64),
    })
    repurchase_p = np.array([params["repurchase_p"][k] for k in range(1, 6)])
    variant.respondents = Respondents(respondents, rng.random(n) < repurchase_p[level - 1])


# ------------------------------------------------------------------------------------------------
# orders: a thinned Poisson process per customer, vectorised
# ------------------------------------------------------------------------------------------------
def _ordinary_orders(variant: Variant, month_weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Day and customer of the orders between acquisition (or the ERP start) and loss, and after a
    win-back: seasonal, ramping up in the first year, declining before a loss."""
    params, rng, c = variant.params, variant.rng, variant.customers
    n = len(c.ids)
    base_rate = params["order_rate_median"] * np.exp(
        params["order_rate_loyalty"] * c.loyalty + _by_size(params["order_rate_size"], c.size)
        + params["order_rate_noise"] * rng.standard_normal(n))
    n_back = int(c.is_won_back.sum())
    start = np.concatenate([np.maximum(c.acquired, _day(params["orders_start"])), c.won_back_day[c.is_won_back]])
    end = np.concatenate([np.where(c.is_lost, c.lost_day, variant.as_of + 1), np.full(n_back, variant.as_of + 1)])
    customer = np.concatenate([np.arange(n), np.flatnonzero(c.is_won_back)])
    rate_factor = np.concatenate([np.ones(n), np.full(n_back, params["won_back_rate"])])
    declines = np.concatenate([c.is_lost, np.zeros(n_back, bool)])
    length = np.maximum(end - start, 0)
    n_candidates = rng.poisson(base_rate[customer] * rate_factor * month_weight.max() * length / 365.25)
    segment = np.repeat(np.arange(len(start)), n_candidates)
    day = start[segment] + np.floor(rng.random(len(segment)) * length[segment]).astype(np.int64)
    cust = customer[segment]
    age = day - c.acquired[cust]
    accept = month_weight[_month_index(day)] / month_weight.max()
    ramp = params["ramp_start"]
    accept = accept * np.minimum(1.0, ramp + (1 - ramp) * age / params["ramp_days"])
    decline = np.clip(1 - (params["decline_days"] - (c.lost_day[cust] - day)) / params["decline_days"], 0, 1)
    floor = params["decline_floor"]
    accept = np.where(declines[segment], accept * (floor + (1 - floor) * decline), accept)
    keep = rng.random(len(day)) < accept
    # the repurchase window after the survey is planted explicitly for respondents
    answered = np.zeros(n, bool)
    answered[variant.respondents.customers] = True
    window = params["repurchase_window_days"]
    in_window = answered[cust] & (day > c.survey_day[cust]) & (day <= c.survey_day[cust] + window)
    keep &= ~in_window
    return day[keep], cust[keep]


def _repurchase_window_orders(variant: Variant) -> tuple[np.ndarray, np.ndarray]:
    """Day and customer of the respondents' orders in the window after the survey (planted)."""
    params, rng, respondents = variant.params, variant.rng, variant.respondents
    count = np.where(respondents.repurchases,
                     1 + rng.poisson(params["repurchase_extra_orders"], len(respondents.customers)), 0)
    cust = np.repeat(respondents.customers, count)
    day = variant.customers.survey_day[cust] + 1 + rng.integers(0, params["repurchase_window_days"], len(cust))
    return day, cust


def _order_amounts(variant: Variant, day, cust, is_first) -> dict:
    """Product line (cross-selling with age), tier (up-selling), amount and margin of each order."""
    params, rng, c = variant.params, variant.rng, variant.customers
    n, n_lines = len(day), len(PRODUCT_LINES)
    age = day - c.acquired[cust]
    a, b, tau = params["p_primary_line"]
    is_primary = is_first | (rng.random(n) < a + b * np.exp(-age / tau))
    other_line = (c.primary_line[cust] + 1 + rng.integers(0, n_lines - 1, n)) % n_lines
    line = np.where(is_primary, c.primary_line[cust], other_line)
    a, b, tau = params["p_premium"]
    premium = ~is_first & (rng.random(n) < a + b * (1 - np.exp(-age / tau)))
    amount = (_by_size(params["order_amount_median"], c.size[cust])
              * np.array([params["product_line_price"][x] for x in PRODUCT_LINES])[line]
              * np.where(premium, params["premium_price_factor"], 1.0)
              * (1 + params["order_amount_growth"] * age / 365.25)
              * np.exp(params["order_amount_sigma"] * rng.standard_normal(n)))
    deal = c.first_order_value[cust]  # a won lead's first order is the deal itself
    amount = np.where(is_first & ~np.isnan(deal), deal, np.where(is_first, 2 * amount, amount))
    amount = np.round(amount, 2)
    margin_rate = (np.array([params["product_line_margin"][x] for x in PRODUCT_LINES])[line]
                   + np.where(premium, params["premium_margin_bonus"], 0.0)
                   + params["margin_noise"] * rng.standard_normal(n))
    return {"product_line": _cat(line, "product_line"), "tier": _cat(premium.astype(np.int64), "tier"),
            "amount_cny": amount, "margin_cny": np.round(amount * np.clip(margin_rate, 0.02, 0.6), 2)}


def orders_table(variant: Variant) -> None:
    """Every order in the order history: the first order of customers acquired in it, the ordinary
    orders and the repurchases after the survey, in date order."""
    c = variant.customers
    month_weight = np.asarray(variant.params["month_weights"], dtype=float)
    month_weight = month_weight / month_weight.mean()
    day, cust = _ordinary_orders(variant, month_weight)
    window_day, window_cust = _repurchase_window_orders(variant)
    first_cust = np.flatnonzero(c.acquired >= _day(variant.params["orders_start"]))
    day = np.concatenate([c.acquired[first_cust], day, window_day])
    cust = np.concatenate([first_cust, cust, window_cust])
    is_first = np.concatenate([np.ones(len(first_cust), bool), np.zeros(len(day) - len(first_cust), bool)])
    order = np.lexsort((cust, day))
    day, cust, is_first = day[order], cust[order], is_first[order]
    variant.tables["orders"] = pd.DataFrame({
        "order_id": _ids("O", len(day), 7),
        "customer_id": c.ids[cust],
        "order_date": _dates(day),
        **_order_amounts(variant, day, cust, is_first),
    })


# ------------------------------------------------------------------------------------------------
# losses
# ------------------------------------------------------------------------------------------------
RAW_REASONS = {
    "price": ["price too high", "PRICE", "Price", "too expensive", "price ", "价格太高", "价格", "报价高",
              "嫌贵"],
    "product": ["product not suitable", "Product quality", "product", "spec not match", "产品不合适",
                "产品质量问题", "产品"],
    "complaint_handling": ["complaint not handled", "complaint", "Complaint handling bad", "投诉处理慢",
                           "投诉没解决", "投诉"],
    "communication": ["poor communication", "communication", "misunderstood needs", "沟通不畅", "沟通",
                      "没听懂客户需求"],
    "lack_of_care": ["no follow up", "lack of care", "felt ignored", "no visits", "缺少关怀", "跟进不够",
                     "很久没拜访"],
    "competitor": ["went with competitor", "competitor", "COMPETITOR", "lost to competitor", "选了竞争对手",
                   "竞争对手", "被对手抢走"],
    "friends_family_opinion": ["friend recommended other supplier", "family opinion", "亲友推荐别家",
                               "老板亲戚有供应商"],
    "not_meeting_criteria": ["credit check failed", "not qualified", "too small", "不符合标准",
                             "信用不达标"],
    "lost_contact": ["lost contact", "no response", "cannot reach", "联系不上", "失联"],
    "contact_died_or_left": ["contact left company", "contact passed away", "buyer changed job",
                             "联系人离职", "联系人去世"],
}
RAW_UNKNOWN = ["other", "Other", "n/a", "N/A", "unknown", "?", "不详", "其他", "-"]


def _loss_reasons(variant: Variant, kind: str, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Category codes, reason codes and raw texts of ``n`` losses of ``kind`` (deal or customer)."""
    params, rng = variant.params, variant.rng
    category = _pick(rng, "loss_category", params["loss_category_p"], n)
    reason = np.zeros(n, dtype=np.int64)
    reason_p = params[f"loss_reason_p_{kind}"]
    for code, name in enumerate(VOCABULARIES["loss_category"]):  # a loop over the 3 categories, not rows
        chosen = category == code
        reason[chosen] = _pick(rng, "loss_reason", reason_p[name], int(chosen.sum()))
    raw = np.empty(n, dtype=object)
    for code, name in enumerate(VOCABULARIES["loss_reason"]):  # ten reasons
        chosen = reason == code
        spellings = np.array(RAW_REASONS[name], dtype=object)
        raw[chosen] = spellings[rng.integers(0, len(spellings), int(chosen.sum()))]
    u = rng.random(n)
    p_unknown, p_blank = params["p_reason_unknown"], params["p_reason_blank"]
    unknown = u < p_unknown
    blank = (u >= p_unknown) & (u < p_unknown + p_blank)
    raw[unknown] = np.array(RAW_UNKNOWN, dtype=object)[rng.integers(0, len(RAW_UNKNOWN), int(unknown.sum()))]
    raw[blank] = np.nan
    category[unknown | blank] = -1
    reason[unknown | blank] = -1
    return category, reason, raw


def losses_table(variant: Variant) -> None:
    """Every lost lead and lost customer, with a reason as typed and its clean code, in date order."""
    leads, customers, team_ids = variant.leads, variant.customers, variant.team.ids
    lost_leads = np.flatnonzero(leads.outcome == 1)
    lost_customers = np.flatnonzero(customers.is_lost)
    n_deals, n_customers = len(lost_leads), len(lost_customers)
    deal_category, deal_reason, deal_raw = _loss_reasons(variant, "deal", n_deals)
    customer_category, customer_reason, customer_raw = _loss_reasons(variant, "customer", n_customers)
    reason = np.concatenate([deal_reason, customer_reason])
    category = np.concatenate([deal_category, customer_category])
    losses = pd.DataFrame({
        "loss_type": _cat(np.concatenate([np.zeros(n_deals, np.int64), np.ones(n_customers, np.int64)]),
                          "loss_type"),
        "lead_id": np.concatenate([leads.ids[lost_leads], np.full(n_customers, np.nan, dtype=object)]),
        "customer_id": np.concatenate([np.full(n_deals, np.nan, dtype=object), customers.ids[lost_customers]]),
        "salesperson_id": np.concatenate([team_ids[leads.salesperson[lost_leads]],
                                          team_ids[customers.salesperson[lost_customers]]]),
        "lost_day": np.concatenate([leads.closed[lost_leads], customers.lost_day[lost_customers]]),
        "reason_raw": np.concatenate([deal_raw, customer_raw]),
        "reason": _cat(reason, "loss_reason", reason < 0),
        "category": _cat(category, "loss_category", category < 0),
    })
    losses = losses.sort_values(["lost_day", "loss_type"], kind="stable").reset_index(drop=True)
    losses.insert(0, "loss_id", _ids("LS", len(losses), 5))
    losses.insert(5, "lost_date", _dates(losses.pop("lost_day").to_numpy()))
    variant.tables["losses"] = losses


# ------------------------------------------------------------------------------------------------
# spend
# ------------------------------------------------------------------------------------------------
def spend_table(variant: Variant) -> None:
    """Acquisition and retention spend per year: the customers acquired or retained times the cost
    per customer, split over the budget items with noise."""
    params, rng = variant.params, variant.rng
    years, acquired, retained = customer_counts_by_year(variant.tables["customers"], params["years"])
    keep_cost = params["retention_cost_per_customer"]
    new_cost = keep_cost * params["acquisition_retention_ratio"]
    parts = []
    for spend_type, unit_cost, counts in (("acquisition", new_cost, acquired), ("retention", keep_cost, retained)):
        for item, share in params["spend_item_share"][spend_type].items():  # six budget items
            noise = np.exp(params["spend_noise_sigma"] * rng.standard_normal(len(years)))
            amount = counts * unit_cost * share * noise
            parts.append(pd.DataFrame({"year": years, "spend_type": spend_type, "item": item,
                                       "amount_cny": np.round(amount, 2)}))
    spend = pd.concat(parts, ignore_index=True).sort_values(["year", "spend_type", "item"], kind="stable")
    variant.tables["spend"] = spend.reset_index(drop=True)


# ------------------------------------------------------------------------------------------------
# customer value (lesson 06): relationship ties (customers) and perceived value (survey)
# ------------------------------------------------------------------------------------------------
def _relationship_ties(variant: Variant) -> dict[str, np.ndarray]:
    """Whether Hengtai has built each kind of tie with each customer (for a lost one: had built).

    Drawn after the losses, conditionally on them: a planted association, not a cause of the losses.
    The log-odds of a tie fall by ``tie_lost_log_odds`` for a lost customer and rise with latent
    loyalty; each kind's share is calibrated in expectation, and the number of ties among each account
    manager's lost and kept customers is held near its expectation (as the salespeople's wins are), so
    that the association is about the same in every variant.
    """
    params, c = variant.params, variant.customers
    lost = c.is_lost.astype(np.int64)
    group = 2 * c.salesperson + lost  # each account manager's lost and kept customers
    ties = {}
    for kind in TIE_KINDS:  # three kinds
        logits = params["tie_lost_log_odds"][kind] * lost + params["tie_loyalty_slope"][kind] * c.loyalty
        shift = _calibrate_shift(logits, params["tie_share"][kind]) if len(lost) else 0.0
        p = _sigmoid(logits + shift)
        ties[f"{kind}_ties"] = _draw_per_group(variant.rng, p, group, 2 * variant.n_salespeople)
    return ties


def _value_and_cost_answers(variant: Variant, satisfaction: np.ndarray) -> dict[str, np.ndarray]:
    """Each respondent's complete 1-5 answers to the value and cost items: a little correlated with
    latent satisfaction (positively for the parts of value, negatively for the costs)."""
    params, rng, n = variant.params, variant.rng, len(satisfaction)
    answers = {}
    for item in VALUE_ITEMS + COST_ITEMS:  # eight items
        r = params["value_item_satisfaction_corr" if item in VALUE_ITEMS else "cost_item_satisfaction_corr"]
        latent = r * satisfaction + np.sqrt(1 - r**2) * rng.standard_normal(n)
        x = params["value_cost_item_center"][item] + params["value_cost_item_spread"] * latent
        answers[item] = np.clip(np.round(x), 1, 5)
    return answers


def customer_value_columns(variant: Variant) -> None:
    """Adds the relationship ties to ``customers`` and the perceived value items to ``survey``.

    perceived_value (0-10) is a weighted sum of the complete item answers plus noise: only product,
    service and price carry weight (``perceived_value_weights``). Then some answers are skipped.
    """
    params, rng = variant.params, variant.rng
    for name, values in _relationship_ties(variant).items():
        variant.tables["customers"][name] = values
    satisfaction = variant.customers.satisfaction[variant.respondents.customers]
    answers = _value_and_cost_answers(variant, satisfaction)
    weights = params["perceived_value_weights"]
    value = params["perceived_value_center"] + sum(weights[item] * (answers[item] - 3) for item in answers)
    value = value + params["perceived_value_noise"] * rng.standard_normal(len(satisfaction))
    answers["perceived_value"] = np.clip(np.round(value), 0, 10)
    survey = variant.tables["survey"]
    for name, values in answers.items():  # nine columns
        survey[name] = _skip_some(variant, values)


# ------------------------------------------------------------------------------------------------
# loyalty (lesson 07): survey items on price, recommendation, complaints, Kano; manager changes
# ------------------------------------------------------------------------------------------------
def _rated(variant: Variant, center: float, terms: list[tuple[float, np.ndarray]], noise: float,
           low: int, high: int) -> np.ndarray:
    """center + sum of weight x value over ``terms`` + normal noise, rounded and clipped to low-high."""
    x = center + sum(weight * value for weight, value in terms)
    x = x + noise * variant.rng.standard_normal(len(x))
    return np.clip(np.round(x), low, high) + 0.0  # + 0.0: a rounded -0.4 is 0, not -0


def _loyalty_items(variant: Variant) -> dict[str, np.ndarray]:
    """Each respondent's competitor offer, price sensitivity, recommendation and complaint-handling rating.

    Drawn from the latent loyalty and satisfaction the survey and the losses were drawn from, the
    structural ties, the complaints and their resolution, and whether the customer was lost after the
    survey (so the rating of complaint handling is a planted association with staying, not a cause).
    """
    params, c, survey = variant.params, variant.customers, variant.tables["survey"]
    who = variant.respondents.customers
    n, loyalty, satisfaction = len(who), c.loyalty[who], c.satisfaction[who]
    slope = params["competitor_offer_loyalty_slope"] * loyalty
    shift = _calibrate_shift(slope, params["competitor_offer_share"]) if n else 0.0
    offer = variant.rng.random(n) < _sigmoid(slope + shift)
    structural = variant.tables["customers"]["structural_ties"].to_numpy(dtype=float)[who]
    price = _rated(variant, params["price_sensitivity_center"],
                   [(params["price_sensitivity_loyalty"], loyalty), (params["price_sensitivity_offer"], offer),
                    (params["price_sensitivity_structural"], structural)], params["price_sensitivity_noise"], 1, 5)
    recommend = _rated(variant, params["recommend_center"], [(params["recommend_loyalty"], loyalty),
                       (params["recommend_satisfaction"], satisfaction)], params["recommend_noise"], 0, 10)
    complaints = survey["complaints_12m"].to_numpy()
    resolved = survey["complaints_resolved"].to_numpy() / np.maximum(complaints, 1)
    lost_after = (c.is_lost & (c.lost_day > c.survey_day))[who]
    handling = _rated(variant, params["complaint_handling_center"],
                      [(params["complaint_handling_resolved"], resolved - params["p_complaint_resolved"]),
                       (params["complaint_handling_loyalty"], loyalty),
                       (params["complaint_handling_lost_after"], lost_after)], params["complaint_handling_noise"], 1, 5)
    handling[complaints == 0] = np.nan  # asked only of the customers who complained
    return {"recommend": recommend, "price_sensitivity": price, "competitor_offer": offer,
            "complaint_handling": handling}


def _kano_answers(variant: Variant, feature: str, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the functional and dysfunctional answers of ``n`` respondents about one Kano feature.

    Each respondent's category is drawn with the feature's planted shares; then one of the answer pairs
    that KANO_TABLE maps to that category, weighted by the answers' kano_answer_weight.
    """
    params, rng = variant.params, variant.rng
    answers = list(VOCABULARIES["kano_answer"])
    weight = np.array([params["kano_answer_weight"][answer] for answer in answers])
    shares = params["kano_category_p"][feature]
    categories = list(shares)
    category = rng.choice(len(categories), size=n, p=np.array([shares[k] for k in categories]))
    functional, dysfunctional = np.zeros(n, np.int64), np.zeros(n, np.int64)
    for code, name in enumerate(categories):  # a loop over the six categories, not the rows
        pairs = np.array([(answers.index(f), answers.index(d)) for (f, d), value in KANO_TABLE.items()
                          if value == name])
        p = weight[pairs[:, 0]] * weight[pairs[:, 1]]
        chosen = np.flatnonzero(category == code)
        pair = pairs[rng.choice(len(pairs), size=len(chosen), p=p / p.sum())]
        functional[chosen], dysfunctional[chosen] = pair[:, 0], pair[:, 1]
    return functional, dysfunctional


def _manager_changes(variant: Variant) -> np.ndarray:
    """Times each customer's account manager changed (see PARAMS): once if the customer came before its
    current manager joined, plus a Poisson number that grows with the years before that and is larger
    for a customer who was lost (drawn after the losses: a planted association, not a cause of them).
    A won lead's account manager is the salesperson who won it, so its customer has had no change."""
    params, c = variant.params, variant.customers
    hired = variant.team.hired[c.salesperson]
    pre_existing = (variant.tables["customers"]["origin"] == "pre_existing").to_numpy()
    years_before = np.maximum(hired - c.acquired, 0) / 365.25
    mean = params["manager_change_rate"] * years_before + params["manager_change_lost_extra"] * c.is_lost
    changes = (c.acquired < hired) + variant.rng.poisson(mean)
    return np.where(pre_existing, changes, 0).astype(np.int64)


def loyalty_columns(variant: Variant) -> None:
    """Adds the loyalty items and the Kano questions to ``survey`` and manager_changes to ``customers``.

    Some answers are skipped, as for the other survey questions; competitor_offer (yes or no) never is.
    """
    survey = variant.tables["survey"]
    items = _loyalty_items(variant)
    for name, values in items.items():  # four columns
        survey[name] = values if name == "competitor_offer" else _skip_some(variant, values)
    for feature in KANO_FEATURES:  # two columns each
        for form, codes in zip(("functional", "dysfunctional"), _kano_answers(variant, feature, len(survey))):
            skipped = np.isnan(_skip_some(variant, codes.astype(float)))
            survey[f"kano_{feature}_{form}"] = _cat(codes, "kano_answer", skipped)
    variant.tables["customers"]["manager_changes"] = _manager_changes(variant)


#: The steps of :func:`generate`, in the order of their random draws (see the module docstring).
STEPS = (ask_items_table, salespeople_table, leads_table, stage_history_table, salespeople_results,
         customers_table, survey_table, orders_table, losses_table, spend_table, customer_value_columns,
         loyalty_columns)
