"""The seeded, vectorised generator of the case company (internal; public API in ``generate``).

Every number comes from :data:`crmlessons.datasets.effects.PARAMS`. Dates are handled as integer day
numbers (days since 1970-01-01) and turned into ``datetime64[ns]`` at the end.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlessons.datasets.dictionary import ASK_ITEM_IDS, VOCABULARIES, category_dtype
from crmlessons.datasets.effects import PARAMS

P = PARAMS
STAGES = list(VOCABULARIES["stage"])


def _day(date: str) -> int:
    return int(np.datetime64(date, "D").astype(np.int64))


def _dates(days) -> np.ndarray:
    return np.asarray(days, dtype="int64").astype("datetime64[D]").astype("datetime64[ns]")


def _nullable_dates(days: np.ndarray, present: np.ndarray) -> pd.Series:
    out = _dates(np.where(present, days, 0))
    out[~present] = np.datetime64("NaT")
    return pd.Series(out)


def _pick(rng: np.random.Generator, vocab: str, probs: dict, n: int) -> np.ndarray:
    """Draw ``n`` codes (integer positions in the vocabulary) with the given probabilities."""
    codes = list(VOCABULARIES[vocab])
    p = np.array([probs.get(c, 0.0) for c in codes], dtype=float)
    return rng.choice(len(codes), size=n, p=p / p.sum())


def _cat(idx: np.ndarray, vocab: str, missing: np.ndarray | None = None) -> pd.Categorical:
    idx = np.asarray(idx, dtype=np.int64).copy()
    if missing is not None:
        idx[missing] = -1
    return pd.Categorical.from_codes(idx, dtype=category_dtype(vocab))


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


def _ids(prefix: str, n: int, width: int) -> np.ndarray:
    return np.char.add(prefix, np.char.zfill(np.arange(1, n + 1).astype(str), width)).astype(object)


def _month_index(days: np.ndarray) -> np.ndarray:
    return (days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)) % 12


def _year(days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


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


def make_ask_items() -> pd.DataFrame:
    df = pd.DataFrame(ASK_ITEMS, columns=["item_id", "dimension", "reverse_scored", "text_en", "text_zh"])
    assert list(df["item_id"]) == ASK_ITEM_IDS
    return df


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


def _losses(rng, kind: str, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Category codes, reason codes and raw texts of ``n`` losses of ``kind`` (deal or customer)."""
    cats = list(VOCABULARIES["loss_category"])
    reasons = list(VOCABULARIES["loss_reason"])
    cat = _pick(rng, "loss_category", P["loss_category_p"], n)
    reason = np.zeros(n, dtype=np.int64)
    table = P[f"loss_reason_p_{kind}"]
    for ci, c in enumerate(cats):  # three categories: a loop over categories, not rows
        mask = cat == ci
        reason[mask] = _pick(rng, "loss_reason", table[c], int(mask.sum()))
    raw = np.empty(n, dtype=object)
    for ri, r in enumerate(reasons):  # ten reasons
        mask = reason == ri
        variants = np.array(RAW_REASONS[r], dtype=object)
        raw[mask] = variants[rng.integers(0, len(variants), int(mask.sum()))]
    u = rng.random(n)
    unknown = u < P["p_reason_unknown"]
    blank = (u >= P["p_reason_unknown"]) & (u < P["p_reason_unknown"] + P["p_reason_blank"])
    raw[unknown] = np.array(RAW_UNKNOWN, dtype=object)[rng.integers(0, len(RAW_UNKNOWN), int(unknown.sum()))]
    raw[blank] = np.nan
    cat[unknown | blank] = -1
    reason[unknown | blank] = -1
    return cat, reason, raw


# ------------------------------------------------------------------------------------------------
def generate(rng: np.random.Generator, n_leads: int, n_customers: int, n_salespeople: int) -> dict:
    """Generate all tables of one variant; returns a dict of DataFrames (dtypes not yet coerced)."""
    as_of = _day(P["as_of"])
    t = {}
    t["ask_items"] = make_ask_items()

    # ---------------- salespeople -----------------------------------------------------------
    ns = n_salespeople
    r = P["ask_latent_corr"]
    link = P["ask_tell_skill_link"]
    corr = np.full((4, 4), r) + (1 - r) * np.eye(4)  # A, S, K, ask (log ask-tell ratio)
    corr[3, :3] = corr[:3, 3] = (0.0, link, 0.0)
    z = rng.standard_normal((ns, 4))
    if ns > 8:  # plant the correlations exactly in this team (whiten, then colour)
        z = z - z.mean(axis=0)
        z = z @ np.linalg.inv(np.linalg.cholesky(np.cov(z, rowvar=False))).T
    latent = z @ np.linalg.cholesky(corr).T
    ask_z = latent[:, 3]
    sp = {"salesperson_id": _ids("SP", ns, 3)}
    region_idx = _pick(rng, "region", P["region_p"], ns)
    sp["region"] = _cat(region_idx, "region")
    shape, scale = P["tenure_gamma"]
    tenure = np.clip(rng.gamma(shape, scale, ns), 0.3, 20)
    hire = as_of - np.round(tenure * 365.25).astype(np.int64)
    sp["hire_date"] = _dates(hire)
    sp["tenure_years"] = np.round((as_of - hire) / 365.25, 1)
    reverse = {i[0]: i[2] for i in ASK_ITEMS}
    for d, dim in enumerate("ASK"):
        for k in range(1, 5):
            x = P["ask_item_center"] + P["ask_item_loading"] * latent[:, d] + P["ask_item_noise"] * rng.standard_normal(ns)
            x = np.clip(np.round(x), 1, 5).astype(np.int64)
            sp[f"{dim}{k}"] = 6 - x if reverse[f"{dim}{k}"] else x
    sp["ask_tell_ratio"] = np.round(P["ask_tell_median"] * np.exp(P["ask_tell_sd_log"] * ask_z), 2)
    lo, hi = P["calls_observed"]
    sp["calls_observed"] = rng.integers(lo, hi + 1, ns)
    sp_effect = (P["beta_attitude"] * latent[:, 0] + P["beta_skill"] * latent[:, 1]
                 + P["beta_knowledge"] * latent[:, 2] + P["beta_ask_tell"] * ask_z)

    # ---------------- leads -------------------------------------------------------------------
    n = n_leads
    start = _day(P["leads_start"])
    period = np.arange(start, as_of + 1)
    w = np.asarray(P["lead_month_weights"])[_month_index(period)]
    created = rng.choice(period, size=n, p=w / w.sum())
    who = rng.integers(0, ns, n)
    late = hire[who] > created
    created[late] = hire[who][late] + np.floor(rng.random(int(late.sum())) * (as_of - hire[who][late])).astype(np.int64)
    order = np.lexsort((who, created))
    created, who = created[order], who[order]

    M = rng.random(n) < P["p_money"]
    A = rng.random(n) < P["p_authority"]
    N = rng.random(n) < P["p_need"]
    combos = ["".join(f if on else f.lower() for f, on in zip("MAN", bits))
              for bits in [(m, a, nn) for m in (False, True) for a in (False, True) for nn in (False, True)]]
    rate_table = np.array([P["win_rate_man"][c] for c in combos])
    combo_idx = M.astype(int) * 4 + A.astype(int) * 2 + N.astype(int)
    combo_logit = np.log(rate_table / (1 - rate_table))
    # calibrate on every MAN combination crossed with every salesperson (weighted by combo shares), so
    # that who happened to be hired late does not move the overall rate
    grid = (combo_logit[:, None] + sp_effect[None, :]).ravel()
    weights = np.repeat(np.bincount(combo_idx, minlength=8) / n, ns)
    grid = np.repeat(grid, np.maximum(np.round(weights * 1000).astype(int), 0))
    logits = combo_logit[combo_idx] + sp_effect[who]
    p_win = _sigmoid(logits + _calibrate_shift(grid, P["overall_win_rate"]))
    will_win = _draw_per_group(rng, p_win, who, ns)
    reach = P["stage_reach"]
    wr = P["overall_win_rate"]
    q = np.array([(reach[s] - wr) / (1 - wr) for s in STAGES[1:5]])
    furthest = np.where(will_win, 5, (rng.random(n)[:, None] < q[None, :]).sum(axis=1))

    size_idx = _pick(rng, "company_size", P["size_p"], n)
    sizes = list(VOCABULARIES["company_size"])
    emp_lo = np.array([P["employees_range"][s][0] for s in sizes])[size_idx]
    emp_hi = np.array([P["employees_range"][s][1] for s in sizes])[size_idx]
    employees = np.floor(np.exp(np.log(emp_lo) + rng.random(n) * (np.log(emp_hi + 1) - np.log(emp_lo)))).astype(np.int64)
    employees = np.clip(employees, emp_lo, emp_hi)
    med = np.array([P["deal_value_median"][s] for s in sizes])[size_idx]
    value = np.round(med * np.exp(P["deal_value_sigma"] * rng.standard_normal(n)), -2)
    value = np.maximum(value, 1000.0)
    cycle = P["cycle_median_days"] * (value / P["cycle_ref_value"]) ** P["cycle_elasticity"]
    cycle = np.clip(cycle * np.exp(P["cycle_noise_sigma"] * rng.standard_normal(n)), P["cycle_min_days"],
                    P["max_cycle_days"])
    frac = rng.dirichlet(P["stage_duration_alpha"], n)
    cum = np.zeros((n, 6), dtype=np.int64)
    cum[:, 1:] = np.round(np.cumsum(frac, axis=1) * cycle[:, None]).astype(np.int64)
    entered = created[:, None] + cum  # day each stage would be entered
    rows = np.arange(n)
    f_lost = np.minimum(furthest, 4)
    lo_f, hi_f = P["lost_fraction_of_step"]
    lost_at = (cum[rows, f_lost] + np.round((lo_f + (hi_f - lo_f) * rng.random(n))
                                           * (cum[rows, f_lost + 1] - cum[rows, f_lost]))).astype(np.int64)
    closed = created + np.where(will_win, cum[:, 5], lost_at)
    is_closed = closed <= as_of
    reached = np.minimum(((entered <= as_of).sum(axis=1) - 1), furthest)
    outcome = np.where(is_closed, np.where(will_win, 0, 1), 2)  # won, lost, open

    pp = np.where(M, np.where(rng.random(n) < P["p_high_given_money"], 2, 1), 0)  # low, medium, high
    pp_names = list(VOCABULARIES["purchasing_power"])
    blo = np.array([P["budget_ratio"][k][0] for k in pp_names])[pp]
    bhi = np.array([P["budget_ratio"][k][1] for k in pp_names])[pp]
    budget = np.round(value * (blo + (bhi - blo) * rng.random(n)), -3)
    budget = np.where(pp > 0, np.maximum(budget, np.ceil(value / 1000) * 1000), np.minimum(budget, value - 1000))
    budget = np.maximum(budget, 0.0)
    budget[rng.random(n) < P["p_budget_missing"]] = np.nan
    role = np.where(A, _pick(rng, "contact_role", P["role_p_authority"], n),
                    _pick(rng, "contact_role", P["role_p_no_authority"], n))
    power = np.where(A, 0, np.where(rng.random(n) < P["p_influencer_without_authority"], 1, 2))
    need = np.where(N, 4 + (rng.random(n) < 0.4), 1 + (rng.random(n)[:, None] > np.array([0.15, 0.5])).sum(axis=1))
    timeline = np.where(N, _pick(rng, "timeline", P["timeline_p_need"], n),
                        _pick(rng, "timeline", P["timeline_p_no_need"], n))
    lead_region = np.where(rng.random(n) < 0.9, region_idx[who], _pick(rng, "region", P["region_p"], n))
    lead_ids = _ids("L", n, 5)
    leads = pd.DataFrame({
        "lead_id": lead_ids,
        "salesperson_id": sp["salesperson_id"][who],
        "created_date": _dates(created),
        "region": _cat(lead_region, "region"),
        "source_channel": _cat(_pick(rng, "source_channel", P["source_p"], n), "source_channel"),
        "industry": _cat(_pick(rng, "industry", P["industry_p"], n), "industry",
                         rng.random(n) < P["p_lead_industry_missing"]),
        "company_size": _cat(size_idx, "company_size"),
        "employees": employees,
        "budget_cny": budget,
        "purchasing_power": _cat(pp, "purchasing_power"),
        "contact_role": _cat(role, "contact_role"),
        "decision_power": _cat(power, "decision_power"),
        "need_strength": need.astype(np.int64),
        "timeline": _cat(timeline, "timeline"),
        "deal_value_cny": value,
        "stage_reached": _cat(reached, "stage"),
        "outcome": _cat(outcome, "outcome"),
        "closed_date": _nullable_dates(closed, is_closed),
        "cycle_days": np.where(is_closed, (closed - created).astype(float), np.nan),
    })
    t["leads"] = leads

    # ---------------- stage history -----------------------------------------------------------
    counts = reached + 1
    lead_rep = np.repeat(rows, counts)
    stage_ord = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    t["stage_history"] = pd.DataFrame({
        "lead_id": lead_ids[lead_rep],
        "stage_order": stage_ord.astype(np.int64),
        "stage": _cat(stage_ord, "stage"),
        "entered_date": _dates(entered[lead_rep, stage_ord]),
    })

    # ---------------- salespeople results -----------------------------------------------------
    won_mask = outcome == 0
    decided = np.bincount(who, weights=(outcome < 2), minlength=ns)
    won_n = np.bincount(who, weights=won_mask, minlength=ns)
    sp["leads_worked"] = np.bincount(who, minlength=ns).astype(np.int64)
    sp["deals_won"] = won_n.astype(np.int64)
    sp["win_rate"] = np.round(np.where(decided > 0, won_n / np.maximum(decided, 1), np.nan), 4)
    sp["revenue_cny"] = np.round(np.bincount(who, weights=np.where(won_mask, value, 0.0), minlength=ns), 2)
    t["salespeople"] = pd.DataFrame(sp)

    # ---------------- customers ---------------------------------------------------------------
    won_rows = np.flatnonzero(won_mask)
    npre = n_customers
    a0, a1 = (_day(d) for d in P["pre_existing_acquired"])
    pre_acq = a0 + np.floor(rng.random(npre) * (a1 - a0 + 1)).astype(np.int64)
    pre_who = rng.integers(0, ns, npre)
    pre_size = _pick(rng, "company_size", P["size_p"], npre)
    plo = np.array([P["employees_range"][s][0] for s in sizes])[pre_size]
    phi = np.array([P["employees_range"][s][1] for s in sizes])[pre_size]
    pre_emp = np.clip(np.floor(np.exp(np.log(plo) + rng.random(npre) * (np.log(phi + 1) - np.log(plo)))).astype(np.int64), plo, phi)
    acq = np.concatenate([pre_acq, closed[won_rows]])
    c_who = np.concatenate([pre_who, who[won_rows]])
    c_size = np.concatenate([pre_size, size_idx[won_rows]])
    c_emp = np.concatenate([pre_emp, employees[won_rows]])
    ind_codes = np.asarray(leads["industry"].cat.codes)
    c_ind = np.concatenate([_pick(rng, "industry", P["industry_p"], npre), ind_codes[won_rows]])
    c_ind[:npre][rng.random(npre) < P["p_customer_industry_missing"]] = -1
    c_region = np.concatenate([region_idx[pre_who], lead_region[won_rows]])
    c_lead = np.concatenate([np.full(npre, -1), won_rows])
    c_origin = np.concatenate([np.zeros(npre, np.int64), np.ones(len(won_rows), np.int64)])
    c_first_value = np.concatenate([np.full(npre, np.nan), value[won_rows]])
    c_source_ref = np.concatenate([np.zeros(npre, bool),
                                   np.asarray(leads["source_channel"].cat.codes)[won_rows]
                                   == list(VOCABULARIES["source_channel"]).index("referral")])
    corder = np.lexsort((c_lead, acq))  # customer ids in order of acquisition
    acq, c_who, c_size, c_emp, c_ind, c_region, c_lead, c_origin, c_first_value, c_source_ref = (
        x[corder] for x in (acq, c_who, c_size, c_emp, c_ind, c_region, c_lead, c_origin, c_first_value,
                            c_source_ref))
    nc = len(acq)
    cust_ids = _ids("C", nc, 5)
    acq_year = _year(acq)
    founded = np.clip(acq_year - 1 - np.floor(rng.gamma(2.0, 6.0 + 4.0 * c_size)).astype(np.int64), 1950, acq_year - 1)
    loy = rng.standard_normal(nc)
    rho = P["loyalty_satisfaction_corr"]
    sat = rho * loy + np.sqrt(1 - rho**2) * rng.standard_normal(nc)
    primary = _pick(rng, "product_line", P["product_line_p"], nc)

    # loss and win-back
    o_start = _day(P["orders_start"])
    gap = P["min_days_before_loss"]
    lost_lo = np.maximum(acq + gap, o_start + gap)
    can_lose = lost_lo < as_of
    lost_logit = P["lost_loyalty_slope"] * loy
    shift = _calibrate_shift(lost_logit[can_lose], P["p_lost"]) if can_lose.any() else 0.0
    is_lost = can_lose & (rng.random(nc) < _sigmoid(lost_logit + shift))
    lost_day = lost_lo + np.floor(rng.random(nc) * np.maximum(as_of - lost_lo, 1)).astype(np.int64)
    survey_day = _day(P["survey_start"]) + rng.integers(0, P["survey_days"], nc)
    window = P["repurchase_window_days"]
    # customers answering the survey are not lost within the repurchase window (moved after it)
    pre_survey_active = (acq <= survey_day - 30)
    clash = is_lost & pre_survey_active & (lost_day > survey_day) & (lost_day <= survey_day + window + 10)
    lost_day[clash] = np.minimum(survey_day[clash] + window + 10 + rng.integers(0, 200, int(clash.sum())), as_of - 1)
    d0, d1 = P["won_back_delay_days"]
    won_back_day = lost_day + rng.integers(d0, d1 + 1, nc)
    is_won_back = is_lost & (won_back_day < as_of) & (lost_day < as_of - 365) & (rng.random(nc) < P["p_won_back"])
    status = np.where(is_won_back, 2, np.where(is_lost, 1, 0))
    active_at_survey = pre_survey_active & (~is_lost | (lost_day > survey_day) | (is_won_back & (won_back_day < survey_day)))
    respond = active_at_survey & (rng.random(nc) < P["p_survey_response"])

    # referrals: referrer chosen among earlier customers, weighted by loyalty, active at the time
    referred = (c_origin == 0) & (np.arange(nc) >= 20) & (rng.random(nc) < P["p_referred_pre_existing"])
    referred |= c_source_ref
    referred &= np.arange(nc) > 0
    cumw = np.cumsum(np.exp(P["referral_loyalty_weight"] * loy))
    ref_of = np.full(nc, -1)
    todo = np.flatnonzero(referred)
    for _ in range(10):  # rejection rounds (vectorised over customers)
        if len(todo) == 0:
            break
        j = np.searchsorted(cumw, rng.random(len(todo)) * cumw[todo - 1], side="right")
        j = np.minimum(j, todo - 1)
        gone = is_lost[j] & (lost_day[j] <= acq[todo]) & ~(is_won_back[j] & (won_back_day[j] <= acq[todo]))
        ok = ~gone & (acq[j] < acq[todo])
        ref_of[todo[ok]] = j[ok]
        todo = todo[~ok]

    c_lead_ids = np.where(c_lead >= 0, lead_ids[np.maximum(c_lead, 0)], np.nan)
    customers = pd.DataFrame({
        "customer_id": cust_ids,
        "origin": _cat(c_origin, "customer_origin"),
        "lead_id": c_lead_ids,
        "acquired_date": _dates(acq),
        "salesperson_id": sp["salesperson_id"][c_who],
        "region": _cat(c_region, "region"),
        "industry": _cat(c_ind, "industry", c_ind < 0),
        "company_size": _cat(c_size, "company_size"),
        "employees": c_emp,
        "founded_year": founded.astype(np.int64),
        "preferred_channel": _cat(_pick(rng, "preferred_channel", P["channel_p"], nc), "preferred_channel",
                                  rng.random(nc) < P["p_preferred_channel_missing"]),
        "communication_style": _cat(_pick(rng, "communication_style", P["style_p"], nc), "communication_style",
                                    rng.random(nc) < P["p_style_missing"]),
        "primary_product_line": _cat(primary, "product_line"),
        "referred_by": np.where(ref_of >= 0, cust_ids[np.maximum(ref_of, 0)], np.nan),
        "status": _cat(status, "customer_status"),
        "lost_date": _nullable_dates(lost_day, is_lost),
        "won_back_date": _nullable_dates(won_back_day, is_won_back),
    })
    t["customers"] = customers

    # ---------------- survey ------------------------------------------------------------------
    resp = np.flatnonzero(respond)
    nr = len(resp)
    cum_p = np.cumsum(P["satisfaction_p"])[:-1]
    thresholds = np.sqrt(2) * _erfinv(2 * cum_p - 1)  # normal quantiles
    sat_level = 1 + np.searchsorted(thresholds, sat[resp])
    def answer(latent):
        x = P["loyalty_item_center"] + P["loyalty_item_loading"] * latent + P["loyalty_item_noise"] * rng.standard_normal(nr)
        x = np.clip(np.round(x), 1, 5)
        x[rng.random(nr) < P["p_survey_item_missing"]] = np.nan
        return x
    sat_answer = sat_level.astype(float)
    sat_answer[rng.random(nr) < P["p_survey_item_missing"]] = np.nan
    complaints = rng.poisson(P["complaints_mean"] * np.exp(P["complaints_satisfaction_slope"] * sat[resp]))
    survey = pd.DataFrame({
        "customer_id": cust_ids[resp],
        "survey_date": _dates(survey_day[resp]),
        "satisfaction": sat_answer,
        "loyalty_emotional": answer(loy[resp]),
        "loyalty_behavioural": answer(loy[resp]),
        "loyalty_intentional": answer(loy[resp]),
        "complaints_12m": complaints.astype(np.int64),
        "complaints_resolved": rng.binomial(complaints, P["p_complaint_resolved"]).astype(np.int64),
    })
    t["survey"] = survey
    rep_p = np.array([P["repurchase_p"][k] for k in range(1, 6)])
    repurchase = rng.random(nr) < rep_p[sat_level - 1]

    # ---------------- orders (thinned Poisson process, vectorised) -----------------------------
    size_names = sizes
    base_rate = P["order_rate_median"] * np.exp(
        P["order_rate_loyalty"] * loy + np.array([P["order_rate_size"][s] for s in size_names])[c_size]
        + P["order_rate_noise"] * rng.standard_normal(nc))
    mw = np.asarray(P["month_weights"], dtype=float)
    mw = mw / mw.mean()
    seg_start = np.concatenate([np.maximum(acq, o_start), won_back_day[is_won_back]])
    seg_end = np.concatenate([np.where(is_lost, lost_day, as_of + 1), np.full(int(is_won_back.sum()), as_of + 1)])
    seg_cust = np.concatenate([np.arange(nc), np.flatnonzero(is_won_back)])
    seg_mult = np.concatenate([np.ones(nc), np.full(int(is_won_back.sum()), P["won_back_rate"])])
    seg_decline = np.concatenate([is_lost, np.zeros(int(is_won_back.sum()), bool)])
    seg_len = np.maximum(seg_end - seg_start, 0)
    n_cand = rng.poisson(base_rate[seg_cust] * seg_mult * mw.max() * seg_len / 365.25)
    seg_of = np.repeat(np.arange(len(seg_start)), n_cand)
    day = seg_start[seg_of] + np.floor(rng.random(len(seg_of)) * seg_len[seg_of]).astype(np.int64)
    cust = seg_cust[seg_of]
    age = day - acq[cust]
    accept = mw[_month_index(day)] / mw.max()
    accept = accept * np.minimum(1.0, P["ramp_start"] + (1 - P["ramp_start"]) * age / P["ramp_days"])
    to_loss = lost_day[cust] - day
    dec = np.clip(1 - (P["decline_days"] - to_loss) / P["decline_days"], 0, 1)
    accept = np.where(seg_decline[seg_of], accept * (P["decline_floor"] + (1 - P["decline_floor"]) * dec), accept)
    keep = rng.random(len(day)) < accept
    # the repurchase window after the survey is planted explicitly for respondents
    resp_of = np.full(nc, -1)
    resp_of[resp] = np.arange(nr)
    r_idx = resp_of[cust]
    in_window = (r_idx >= 0) & (day > survey_day[cust]) & (day <= survey_day[cust] + window)
    keep &= ~in_window
    day, cust = day[keep], cust[keep]
    n_win = np.where(repurchase, 1 + rng.poisson(P["repurchase_extra_orders"], nr), 0)
    w_cust = np.repeat(resp, n_win)
    w_day = survey_day[w_cust] + 1 + rng.integers(0, window, len(w_cust))
    first = acq >= o_start
    f_cust = np.flatnonzero(first)
    day = np.concatenate([f_cust * 0 + acq[f_cust], day, w_day])
    cust = np.concatenate([f_cust, cust, w_cust])
    is_first = np.concatenate([np.ones(len(f_cust), bool), np.zeros(len(day) - len(f_cust), bool)])
    o = np.lexsort((cust, day))
    day, cust, is_first = day[o], cust[o], is_first[o]
    no = len(day)
    age = day - acq[cust]
    a, b, tau = P["p_primary_line"]
    lines = list(VOCABULARIES["product_line"])
    nl = len(lines)
    is_primary = is_first | (rng.random(no) < a + b * np.exp(-age / tau))
    line = np.where(is_primary, primary[cust], (primary[cust] + 1 + rng.integers(0, nl - 1, no)) % nl)
    a, b, tau = P["p_premium"]
    premium = ~is_first & (rng.random(no) < a + b * (1 - np.exp(-age / tau)))
    amount = (np.array([P["order_amount_median"][s] for s in size_names])[c_size[cust]]
              * np.array([P["product_line_price"][x] for x in lines])[line]
              * np.where(premium, P["premium_price_factor"], 1.0)
              * (1 + P["order_amount_growth"] * age / 365.25)
              * np.exp(P["order_amount_sigma"] * rng.standard_normal(no)))
    first_value = c_first_value[cust]
    amount = np.where(is_first & ~np.isnan(first_value), first_value, np.where(is_first, 2 * amount, amount))
    amount = np.round(amount, 2)
    mrate = (np.array([P["product_line_margin"][x] for x in lines])[line]
             + np.where(premium, P["premium_margin_bonus"], 0.0) + P["margin_noise"] * rng.standard_normal(no))
    t["orders"] = pd.DataFrame({
        "order_id": _ids("O", no, 7),
        "customer_id": cust_ids[cust],
        "order_date": _dates(day),
        "product_line": _cat(line, "product_line"),
        "tier": _cat(premium.astype(np.int64), "tier"),
        "amount_cny": amount,
        "margin_cny": np.round(amount * np.clip(mrate, 0.02, 0.6), 2),
    })

    # ---------------- losses ------------------------------------------------------------------
    lost_leads = np.flatnonzero(outcome == 1)
    lost_cust = np.flatnonzero(is_lost)
    dcat, dreason, draw = _losses(rng, "deal", len(lost_leads))
    ccat, creason, craw = _losses(rng, "customer", len(lost_cust))
    nd, nlc = len(lost_leads), len(lost_cust)
    losses = pd.DataFrame({
        "loss_type": _cat(np.concatenate([np.zeros(nd, np.int64), np.ones(nlc, np.int64)]), "loss_type"),
        "lead_id": np.concatenate([lead_ids[lost_leads], np.full(nlc, np.nan, dtype=object)]),
        "customer_id": np.concatenate([np.full(nd, np.nan, dtype=object), cust_ids[lost_cust]]),
        "salesperson_id": np.concatenate([sp["salesperson_id"][who[lost_leads]], sp["salesperson_id"][c_who[lost_cust]]]),
        "lost_day": np.concatenate([closed[lost_leads], lost_day[lost_cust]]),
        "reason_raw": np.concatenate([draw, craw]),
        "reason": _cat(np.concatenate([dreason, creason]), "loss_reason", np.concatenate([dreason, creason]) < 0),
        "category": _cat(np.concatenate([dcat, ccat]), "loss_category", np.concatenate([dcat, ccat]) < 0),
    })
    losses = losses.sort_values(["lost_day", "loss_type"], kind="stable").reset_index(drop=True)
    losses.insert(0, "loss_id", _ids("LS", len(losses), 5))
    losses.insert(5, "lost_date", _dates(losses.pop("lost_day").to_numpy()))
    t["losses"] = losses

    # ---------------- spend ---------------------------------------------------------------------
    from crmlessons.datasets.effects import customer_counts_by_year
    years, acquired_n, retained_n = customer_counts_by_year(customers)
    keep_cost = P["retention_cost_per_customer"]
    new_cost = keep_cost * P["acquisition_retention_ratio"]
    rows_ = []
    for stype, unit, counts in (("acquisition", new_cost, acquired_n), ("retention", keep_cost, retained_n)):
        shares = P["spend_item_share"][stype]
        for item, share in shares.items():  # six budget items
            amt = counts * unit * share * np.exp(P["spend_noise_sigma"] * rng.standard_normal(len(years)))
            rows_.append(pd.DataFrame({"year": years, "spend_type": stype, "item": item,
                                       "amount_cny": np.round(amt, 2)}))
    spend = pd.concat(rows_, ignore_index=True).sort_values(["year", "spend_type", "item"], kind="stable")
    t["spend"] = spend.reset_index(drop=True)
    return t


def _erfinv(y: np.ndarray) -> np.ndarray:
    """Inverse error function (Giles' approximation refined by two Newton steps); numpy only."""
    from math import erf, pi
    y = np.asarray(y, dtype=float)
    w = -np.log((1.0 - y) * (1.0 + y))
    x = np.where(w < 5, _poly_small(w - 2.5), _poly_large(np.sqrt(w) - 3)) * y
    verf = np.vectorize(erf)
    for _ in range(2):
        x = x - (verf(x) - y) / (2 / np.sqrt(pi) * np.exp(-x * x))
    return x


def _poly_small(w):
    c = [2.81022636e-08, 3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087,
         -0.00125372503, -0.00417768164, 0.246640727, 1.50140941]
    p = np.zeros_like(w)
    for k in c:
        p = p * w + k
    return p


def _poly_large(w):
    c = [-0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773,
         -0.0076224613, 0.00943887047, 1.00167406, 2.83297682]
    p = np.zeros_like(w)
    for k in c:
        p = p * w + k
    return p
