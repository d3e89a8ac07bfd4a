"""The effects planted in the case company's data, declared once.

:data:`PARAMS` holds every number the generator uses (the generator has no other magic numbers);
:func:`planted_effects` states, in English and Chinese, what a student should be able to recover from
the data, how it is measured, and within which tolerance it holds for any generated variant;
:func:`measure_effects` measures each effect on a case, so that a test (and a curious trainer) can
check the claim.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["PARAMS", "planted_effects", "measure_effects"]

PARAMS: dict = {
    # --- calendar --------------------------------------------------------------------------------
    "as_of": "2025-12-31",  # the data date: everything is as known on this day (never "today")
    "leads_start": "2022-01-01",  # leads period 2022-2025
    "orders_start": "2019-01-01",  # order history (ERP) starts here
    "pre_existing_acquired": ("2012-01-01", "2021-12-31"),  # pre-existing customers were won then
    "cohort_end": "2024-07-01",  # leads created before this date are all decided by as_of
    "max_cycle_days": 540,  # cap of a lead's cycle, so that the cohort is fully decided
    "survey_start": "2025-01-06",
    "survey_days": 19,  # survey answers arrive over 19 days from survey_start
    # --- salespeople: ASK --------------------------------------------------------------------------
    "ask_latent_corr": 0.3,  # correlation between latent Attitude, Skill, Knowledge
    "ask_item_center": 3.5,  # item answer = center + loading * latent + noise, rounded, clipped 1-5
    "ask_item_loading": 0.9,
    "ask_item_noise": 0.5,
    "ask_tell_median": 0.8,  # questions per statement
    "ask_tell_sd_log": 0.4,
    "ask_tell_skill_link": 0.4,  # correlation of log ask-tell ratio with latent Skill
    "calls_observed": (8, 40),
    "tenure_gamma": (2.0, 2.5),  # years, gamma(shape, scale), clipped 0.3-20
    "region_p": {"east": 0.32, "north": 0.2, "south": 0.24, "central": 0.14, "west": 0.1},
    # logit effect on winning of one standard deviation of each latent trait
    "beta_skill": 1.0,
    "beta_attitude": 0.35,
    "beta_knowledge": 0.1,
    "beta_ask_tell": 0.45,  # per SD of log ask-tell ratio
    # --- leads: MAN ------------------------------------------------------------------------------
    "p_money": 0.6,
    "p_authority": 0.45,
    "p_need": 0.55,
    # win probability by MAN combination (capital = present), before salesperson effects
    "win_rate_man": {
        "MAN": 0.17, "MAn": 0.06, "MaN": 0.05, "mAN": 0.05,
        "Man": 0.015, "mAn": 0.015, "maN": 0.015, "man": 0.003,
    },
    "overall_win_rate": 0.05,  # calibrated exactly (in expectation) for every variant
    # funnel: share of ALL leads reaching each stage (seed 004: 100 -> 80/50/20 -> 5)
    "stage_reach": {"prospect": 1.0, "contacted": 0.8, "talking_business": 0.5, "proposal": 0.2,
                    "negotiation": 0.1, "won": 0.05},
    "stage_duration_alpha": (0.6, 1.5, 2.0, 2.0, 2.0),  # Dirichlet split of the cycle over 5 steps
    "lost_fraction_of_step": (0.3, 1.0),  # a lost lead drops out this far into its next step
    "size_p": {"small": 0.45, "medium": 0.35, "large": 0.2},
    "employees_range": {"small": (5, 99), "medium": (100, 999), "large": (1000, 20000)},
    "deal_value_median": {"small": 60_000, "medium": 150_000, "large": 450_000},  # CNY
    "deal_value_sigma": 0.8,  # lognormal
    "cycle_median_days": 150,  # at deal value cycle_ref_value
    "cycle_ref_value": 150_000,
    "cycle_elasticity": 0.45,  # cycle ~ value ** 0.45
    "cycle_noise_sigma": 0.25,
    "cycle_min_days": 21,
    "budget_ratio": {"high": (1.3, 2.0), "medium": (1.0, 1.3), "low": (0.3, 0.9)},
    "p_high_given_money": 0.45,
    "p_budget_missing": 0.12,
    "p_lead_industry_missing": 0.05,
    "source_p": {"trade_show": 0.22, "website": 0.2, "cold_call": 0.18, "referral": 0.12,
                 "distributor": 0.13, "online_ads": 0.15},
    "industry_p": {"machinery": 0.24, "automotive": 0.16, "electronics": 0.15, "chemicals": 0.12,
                   "food_beverage": 0.1, "construction": 0.1, "energy": 0.08, "textiles": 0.05},
    # contact role given authority (decision maker) or not
    "role_p_authority": {"owner": 0.35, "general_manager": 0.4, "purchasing_manager": 0.2,
                         "plant_manager": 0.05, "engineer": 0.0, "assistant": 0.0},
    "role_p_no_authority": {"owner": 0.0, "general_manager": 0.05, "purchasing_manager": 0.35,
                            "plant_manager": 0.2, "engineer": 0.28, "assistant": 0.12},
    "p_influencer_without_authority": 0.6,
    "timeline_p_need": {"within_3_months": 0.4, "3_to_6_months": 0.3, "6_to_12_months": 0.15,
                        "over_12_months": 0.05, "unknown": 0.1},
    "timeline_p_no_need": {"within_3_months": 0.08, "3_to_6_months": 0.17, "6_to_12_months": 0.25,
                           "over_12_months": 0.25, "unknown": 0.25},
    "lead_month_weights": (0.9, 0.6, 1.1, 1.1, 1.05, 1.0, 0.95, 0.9, 1.1, 0.9, 1.1, 1.0),
    # --- losses -----------------------------------------------------------------------------------
    "loss_category_p": {"company_side": 0.55, "third_party": 0.25, "customer_side": 0.2},
    "loss_reason_p_deal": {
        "company_side": {"price": 0.24, "product": 0.12, "communication": 0.32, "lack_of_care": 0.24,
                         "complaint_handling": 0.08},
        "third_party": {"competitor": 0.8, "friends_family_opinion": 0.2},
        "customer_side": {"not_meeting_criteria": 0.6, "lost_contact": 0.3, "contact_died_or_left": 0.1},
    },
    "loss_reason_p_customer": {
        "company_side": {"lack_of_care": 0.4, "complaint_handling": 0.22, "communication": 0.18,
                         "price": 0.12, "product": 0.08},
        "third_party": {"competitor": 0.75, "friends_family_opinion": 0.25},
        "customer_side": {"not_meeting_criteria": 0.25, "lost_contact": 0.35, "contact_died_or_left": 0.4},
    },
    "p_reason_unknown": 0.07,  # raw reason uninformative ('other', 'n/a', '不详' ...)
    "p_reason_blank": 0.015,  # raw reason left blank (missing)
    # --- customers ---------------------------------------------------------------------------------
    "loyalty_satisfaction_corr": 0.6,  # latent: loyalty correlates with, but is not, satisfaction
    "satisfaction_p": (0.04, 0.08, 0.23, 0.40, 0.25),  # shares of 1..5
    "loyalty_item_center": 3.3,
    "loyalty_item_loading": 0.9,
    "loyalty_item_noise": 0.55,
    "p_survey_response": 0.65,
    "p_survey_item_missing": 0.04,
    "complaints_mean": 0.7,  # at average satisfaction; x exp(-0.5 * satisfaction latent)
    "complaints_satisfaction_slope": -0.5,
    "p_complaint_resolved": 0.75,
    "order_rate_median": 4.0,  # orders per year of a customer of average loyalty, small size
    "order_rate_loyalty": 0.35,  # log-rate per SD of loyalty
    "order_rate_noise": 0.4,
    "order_rate_size": {"small": 0.0, "medium": 0.2, "large": 0.4},
    "month_weights": (0.95, 0.6, 1.1, 1.05, 1.05, 1.1, 0.95, 0.9, 1.1, 0.9, 1.05, 1.25),  # seasonality
    "ramp_start": 0.4,  # exploration: order rate starts at 40% and ramps up over the first year
    "ramp_days": 365,
    "decline_days": 365,  # early warning: order rate falls linearly over the last year before loss
    "decline_floor": 0.2,  # ... down to 20% of normal at the loss date
    "p_lost": 0.25,  # share of customers lost by as_of (calibrated in expectation)
    "lost_loyalty_slope": -0.9,  # logit of being lost per SD of loyalty
    "min_days_before_loss": 180,
    "p_won_back": 0.12,  # of customers lost more than a year before as_of
    "won_back_delay_days": (90, 365),
    "won_back_rate": 0.7,  # order rate after winning back
    "p_referred_pre_existing": 0.15,
    "referral_loyalty_weight": 1.2,  # referrer chosen with weight exp(1.2 * loyalty latent)
    "p_customer_industry_missing": 0.02,
    "p_preferred_channel_missing": 0.06,
    "p_style_missing": 0.1,
    "channel_p": {"wechat": 0.45, "phone": 0.25, "email": 0.15, "site_visit": 0.15},
    "style_p": {"formal": 0.3, "casual": 0.2, "data_driven": 0.25, "relationship": 0.25},
    "product_line_p": {"bearings": 0.3, "hydraulics": 0.18, "pneumatics": 0.16, "power_tools": 0.14,
                       "safety_equipment": 0.12, "maintenance_service": 0.1},
    "product_line_margin": {"bearings": 0.18, "hydraulics": 0.25, "pneumatics": 0.22, "power_tools": 0.15,
                            "safety_equipment": 0.3, "maintenance_service": 0.4},
    "product_line_price": {"bearings": 1.0, "hydraulics": 1.4, "pneumatics": 1.1, "power_tools": 0.8,
                           "safety_equipment": 0.6, "maintenance_service": 1.2},
    "premium_margin_bonus": 0.05,
    "premium_price_factor": 1.6,
    "margin_noise": 0.03,
    "p_primary_line": (0.45, 0.35, 500),  # P(primary) = 0.45 + 0.35 * exp(-age_days / 500): cross-sell
    "p_premium": (0.15, 0.25, 900),  # P(premium) = 0.15 + 0.25 * (1 - exp(-age / 900)): up-sell
    "order_amount_median": {"small": 8_000, "medium": 20_000, "large": 60_000},
    "order_amount_sigma": 0.6,
    "order_amount_growth": 0.06,  # per year of tenure (up-sell)
    # repurchase in the 90 days after the survey, by satisfaction answer (seed 000 claims 6x; we plant 2.5x)
    "repurchase_window_days": 90,
    "repurchase_p": {1: 0.12, 2: 0.18, 3: 0.26, 4: 0.3, 5: 0.75},
    "repurchase_extra_orders": 0.6,  # Poisson mean of extra orders in the window beyond the first
    # --- spend ---------------------------------------------------------------------------------------
    "retention_cost_per_customer": 2_400,  # CNY a year per retained customer
    "acquisition_retention_ratio": 4.7,  # cost of winning one new customer / keeping one (seeds: 5)
    "spend_noise_sigma": 0.05,
    "spend_item_share": {
        "acquisition": {"trade_shows": 0.3, "advertising": 0.25, "prospecting": 0.45},
        "retention": {"account_management": 0.5, "after_sales_service": 0.35, "loyalty_program": 0.15},
    },
}

# name, description_en, description_zh, value, how measured (see measure_effects), tolerance
_EFFECTS = [
    ("overall_win_rate", "About 5% of leads end won (seed 004: 5 or fewer of 100).",
     "约5%的线索最终成交（种子004：100家中5家或更少）。", PARAMS["overall_win_rate"],
     "share of leads created before 2024-07-01 (all decided) with outcome won", 0.02),
    ("reach_contacted", "Share of leads reaching 'contacted'.", "到达“已接触”阶段的线索比例。",
     PARAMS["stage_reach"]["contacted"], "same cohort: share whose stage_reached >= contacted", 0.035),
    ("reach_talking_business", "Share of leads reaching 'talking business' (seed 004: 80, 50 or 20 of 100).",
     "到达“洽谈业务”阶段的线索比例（种子004：100家中80、50或20家）。",
     PARAMS["stage_reach"]["talking_business"], "same cohort: share whose stage_reached >= talking_business",
     0.045),
    ("reach_proposal", "Share of leads reaching 'proposal'.", "到达“方案报价”阶段的线索比例。",
     PARAMS["stage_reach"]["proposal"], "same cohort: share whose stage_reached >= proposal", 0.035),
    ("reach_negotiation", "Share of leads reaching 'negotiation'.", "到达“商务谈判”阶段的线索比例。",
     PARAMS["stage_reach"]["negotiation"], "same cohort: share whose stage_reached >= negotiation", 0.025),
    ("win_rate_man_3", "Full-MAN leads (Money, Authority and Need all present) win far more often.",
     "MAN三项俱全的线索赢单率远高于其他线索。", None,
     "cohort win rate of leads with M, A and N present (M: purchasing_power high/medium; A: "
     "decision_maker; N: need_strength >= 4)", 0.08),
    ("win_rate_man_2", "Each missing MAN factor lowers the win rate: two factors present.",
     "每缺少一项MAN因素，赢单率就下降：具备两项。", None, "cohort win rate of leads with 2 of M, A, N", 0.03),
    ("win_rate_man_1", "One factor present.", "只具备一项。", None,
     "cohort win rate of leads with 1 of M, A, N", 0.02),
    ("win_rate_man_0", "m+a+n (nothing present) almost never wins.", "m+a+n（三项都不具备）几乎从不成交。",
     None, "cohort win rate of leads with none of M, A, N", 0.014),
    ("man_full_vs_rest_ratio", "Win rate of full-MAN leads divided by that of all other leads.",
     "MAN俱全线索的赢单率除以其他线索的赢单率。", None, "ratio of cohort win rates", 2.3),
    ("ask_skill_coef", "Skill is the ASK dimension that moves the win rate most.",
     "在ASK三个维度中，技能对赢单率影响最大。", None,
     "logistic regression of won on M, A, N, the salesperson's standardised Attitude, Skill, Knowledge "
     "scores (item means, reverse items as 6 - answer) and standardised log ask_tell_ratio, over decided "
     "leads: Skill coefficient", 0.45),
    ("ask_attitude_coef", "Attitude moves the win rate somewhat.", "态度对赢单率有一定影响。", None,
     "same regression: Attitude coefficient", 0.4),
    ("ask_knowledge_coef", "Knowledge moves the win rate least.", "知识对赢单率影响最小。", None,
     "same regression: Knowledge coefficient", 0.4),
    ("ask_skill_is_largest", "Skill's coefficient is the largest of the three (1 = yes).",
     "技能的系数在三者中最大（1 = 是）。", 1.0,
     "1 if the Skill coefficient exceeds the Attitude and Knowledge coefficients, else 0 (held in all 100 variants tried)", 0.0),
    ("ask_tell_coef", "Salespeople who ask more than they tell win more often.", "多问少说的销售人员赢单更多。",
     None, "same regression: coefficient of standardised log ask_tell_ratio", 0.4),
    ("cycle_elasticity", "Cycle length grows with deal size (about one month to more than a year).",
     "成交周期随项目规模增长（约一个月到一年以上）。", PARAMS["cycle_elasticity"],
     "slope of log(cycle_days) on log(deal_value_cny) over won cohort leads", 0.12),
    ("loss_share_company_side", "Company-side reasons are the largest loss category.",
     "企业自身原因是最大的流失原因类别。", PARAMS["loss_category_p"]["company_side"],
     "share of losses with a known category that are company_side", 0.05),
    ("loss_share_third_party", "Share of third-party losses.", "第三方因素造成的流失比例。",
     PARAMS["loss_category_p"]["third_party"], "share of losses with a known category", 0.05),
    ("loss_share_customer_side", "Share of customer-side losses.", "客户自身原因造成的流失比例。",
     PARAMS["loss_category_p"]["customer_side"], "share of losses with a known category", 0.05),
    ("company_care_share_deals",
     "Within company-side lost deals, lack of care, communication and complaint handling dominate.",
     "在企业自身原因的丢单中，关怀不够、沟通不足和投诉处理不当占多数。", None,
     "share of lack_of_care + communication + complaint_handling among company_side lost deals", 0.06),
    ("company_care_share_customers",
     "Within company-side lost customers, lack of care, communication and complaint handling dominate.",
     "在企业自身原因的流失客户中，关怀不够、沟通不足和投诉处理不当占多数。", None,
     "share of lack_of_care + communication + complaint_handling among company_side lost customers", 0.12),
    ("acquisition_retention_cost_ratio",
     "Winning a new customer costs about 4.7 times keeping one (seeds 000 and 002 say 5).",
     "赢得一个新客户的成本约为保留一个老客户的4.7倍（种子000和002说是5倍）。",
     PARAMS["acquisition_retention_ratio"],
     "(acquisition spend / customers acquired) / (retention spend / customers retained), 2019-2025; "
     "retained = active on 1 January and not lost during the year", 0.35),
    ("repurchase_ratio_5_vs_4",
     "Very satisfied customers (5) repurchase far more often than merely satisfied ones (4).",
     "非常满意（5分）的客户再次购买的比例远高于一般满意（4分）的客户。", None,
     "share of respondents with an order in the 90 days after their survey_date: satisfaction 5 vs 4",
     0.9),
    ("satisfaction_loyalty_corr", "Loyalty correlates with satisfaction, but is not the same.",
     "忠诚与满意相关，但不相同。", None,
     "Spearman correlation of satisfaction with the mean of the three loyalty answers", 0.12),
    ("satisfied_not_loyal_share", "Many satisfied customers (4-5) are not loyal (loyalty mean < 3.5).",
     "不少满意的客户（4-5分）并不忠诚（忠诚均值<3.5）。", None,
     "share of respondents with satisfaction >= 4 whose mean loyalty answer is below 3.5", 0.09),
    ("early_warning_order_ratio",
     "Falling order volume precedes customer loss (early warning).", "订单量下降是客户流失的预警信号。",
     None, "lost customers with 2+ years of history: orders in the 180 days before lost_date / orders in "
     "the 180 days before that", 0.22),
    ("referrer_loyalty_gap", "Referrals come from loyal customers.", "推荐来自忠诚的客户。", None,
     "mean loyalty answer of respondents who referred someone minus that of respondents who did not", 0.3),
]

# Values of the effects that follow from several parameters at once: the mean over 80 variants of the
# default size (seeds 0-79; rerun `_simulate_values()` after changing PARAMS). `_man_rates()` gives the
# MAN rates before salesperson effects, for comparison.
_SIMULATED = {
    "win_rate_man_3": 0.139,
    "win_rate_man_2": 0.056,
    "win_rate_man_1": 0.019,
    "win_rate_man_0": 0.004,
    "man_full_vs_rest_ratio": 4.1,
    "ask_skill_coef": 0.97,
    "ask_attitude_coef": 0.37,
    "ask_knowledge_coef": 0.14,
    "ask_tell_coef": 0.5,
    "satisfaction_loyalty_corr": 0.50,
    "satisfied_not_loyal_share": 0.41,
    "early_warning_order_ratio": 0.51,
    "referrer_loyalty_gap": 0.81,
}


def _man_rates() -> dict[str, float]:
    """Expected win rate by number of MAN factors present, from PARAMS (before salesperson effects)."""
    p = {"M": PARAMS["p_money"], "A": PARAMS["p_authority"], "N": PARAMS["p_need"]}
    sums = {k: [0.0, 0.0] for k in range(4)}
    for combo, rate in PARAMS["win_rate_man"].items():
        share = np.prod([p[f.upper()] if f.isupper() else 1 - p[f.upper()] for f in combo])
        n = sum(f.isupper() for f in combo)
        sums[n][0] += share * rate
        sums[n][1] += share
    rates = {f"win_rate_man_{n}": s / w for n, (s, w) in sums.items()}
    rest = sum(sums[n][0] for n in range(3)) / sum(sums[n][1] for n in range(3))
    rates["man_full_vs_rest_ratio"] = rates["win_rate_man_3"] / rest
    return rates


def _simulate_values(n_variants: int = 80) -> pd.Series:
    """Mean measured value of every effect over ``n_variants`` default-size variants (slow: ~7 s)."""
    from crmlessons.datasets.generate import make_case

    runs = [measure_effects(make_case(seed)).set_index("name")["measured"] for seed in range(n_variants)]
    return pd.concat(runs, axis=1).mean(axis=1)


def _derived_values() -> dict[str, float]:
    values = dict(_man_rates())
    dp = PARAMS["loss_reason_p_deal"]["company_side"]
    cp = PARAMS["loss_reason_p_customer"]["company_side"]
    care = ("lack_of_care", "communication", "complaint_handling")
    values["company_care_share_deals"] = sum(dp[r] for r in care)
    values["company_care_share_customers"] = sum(cp[r] for r in care)
    values["repurchase_ratio_5_vs_4"] = PARAMS["repurchase_p"][5] / PARAMS["repurchase_p"][4]
    for k, v in _SIMULATED.items():
        if v is not None:
            values[k] = v
    return values


def planted_effects() -> pd.DataFrame:
    """Return the table of effects planted in the case company's data.

    Returns
    -------
    pandas.DataFrame
        One row per effect: ``name, description_en, description_zh, value, how_measured, tolerance``.
        Any variant made by :func:`crmlessons.datasets.make_case` at the default sizes gives a measured
        value (see :func:`measure_effects`) within ``value ± tolerance``.

    Examples
    --------
    >>> eff = planted_effects().set_index("name")
    >>> float(eff.loc["overall_win_rate", "value"])
    0.05
    >>> float(eff.loc["acquisition_retention_cost_ratio", "value"])
    4.7
    """
    derived = _derived_values()
    rows = []
    for name, en, zh, value, how, tol in _EFFECTS:
        rows.append({"name": name, "description_en": en, "description_zh": zh,
                     "value": float(derived[name] if value is None else value),
                     "how_measured": how, "tolerance": float(tol)})
    return pd.DataFrame(rows)


# ------------------------------------------------------------------------------------------------
# Measuring the effects on a case
# ------------------------------------------------------------------------------------------------
def _logit_fit(X: np.ndarray, y: np.ndarray, iterations: int = 30) -> np.ndarray:
    """Logistic regression by Newton-Raphson; returns the coefficients without the intercept."""
    X1 = np.column_stack([np.ones(len(X)), X])
    b = np.zeros(X1.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(X1 @ b)))
        w = p * (1 - p)
        hessian = X1.T @ (X1 * w[:, None]) + 1e-9 * np.eye(X1.shape[1])
        step = np.linalg.solve(hessian, X1.T @ (y - p))
        b += step
        if np.abs(step).max() < 1e-8:
            break
    return b[1:]


def man_flags(leads: pd.DataFrame) -> pd.DataFrame:
    """Return the Money, Authority, Need flags of leads by the rule stated in the data dictionary."""
    return pd.DataFrame(
        {
            "money": leads["purchasing_power"].isin(["high", "medium"]).to_numpy(),
            "authority": (leads["decision_power"] == "decision_maker").to_numpy(),
            "need": (leads["need_strength"] >= 4).to_numpy(),
        },
        index=leads.index,
    )


def ask_scores(salespeople: pd.DataFrame, items: pd.DataFrame) -> pd.DataFrame:
    """Mean item score per ASK dimension (reverse-scored items as 6 - answer)."""
    out = {}
    for dim, group in items.groupby("dimension", observed=True):
        cols = []
        for item_id, rev in zip(group["item_id"], group["reverse_scored"]):
            x = salespeople[item_id].astype(float)
            cols.append(6 - x if rev else x)
        out[str(dim)] = sum(cols) / len(cols)
    return pd.DataFrame(out, index=salespeople.index)


def measure_effects(case) -> pd.DataFrame:
    """Measure every planted effect on a case.

    Parameters
    ----------
    case : Case
        From :func:`crmlessons.datasets.load_case` or :func:`crmlessons.datasets.make_case`.

    Returns
    -------
    pandas.DataFrame
        ``name, value, tolerance, measured, ok`` for each effect of :func:`planted_effects`.

    Examples
    --------
    >>> from crmlessons.datasets import load_case
    >>> m = measure_effects(load_case()).set_index("name")
    >>> bool(m["ok"].all())
    True
    """
    leads, sp, items = case.leads, case.salespeople, case.ask_items
    m: dict[str, float] = {}
    cohort = leads[leads["created_date"] < pd.Timestamp(PARAMS["cohort_end"])]
    won = (cohort["outcome"] == "won").to_numpy()
    m["overall_win_rate"] = won.mean()
    order = {s: i for i, s in enumerate(["prospect", "contacted", "talking_business", "proposal",
                                         "negotiation", "won"])}
    reached = cohort["stage_reached"].astype(str).map(order).to_numpy()
    for stage in ("contacted", "talking_business", "proposal", "negotiation"):
        m[f"reach_{stage}"] = (reached >= order[stage]).mean()
    flags = man_flags(cohort)
    n_present = flags.sum(axis=1).to_numpy()
    for n in range(4):
        m[f"win_rate_man_{n}"] = won[n_present == n].mean()
    m["man_full_vs_rest_ratio"] = won[n_present == 3].mean() / won[n_present < 3].mean()

    decided = leads[leads["outcome"] != "open"]
    scores = ask_scores(sp.set_index("salesperson_id"), items)
    scores["ask"] = np.log(sp.set_index("salesperson_id")["ask_tell_ratio"])
    z = (scores - scores.mean()) / scores.std()
    zl = z.loc[decided["salesperson_id"].to_numpy()].to_numpy()
    X = np.column_stack([man_flags(decided).to_numpy().astype(float), zl])
    coefs = _logit_fit(X, (decided["outcome"] == "won").to_numpy().astype(float))
    m["ask_attitude_coef"], m["ask_skill_coef"], m["ask_knowledge_coef"], m["ask_tell_coef"] = coefs[3:]
    m["ask_skill_is_largest"] = float(coefs[4] > max(coefs[3], coefs[5]))

    won_c = cohort[cohort["outcome"] == "won"]
    m["cycle_elasticity"] = np.polyfit(np.log(won_c["deal_value_cny"]), np.log(won_c["cycle_days"]), 1)[0]

    losses = case.losses
    known = losses.dropna(subset=["category"])
    shares = known["category"].value_counts(normalize=True)
    for cat in ("company_side", "third_party", "customer_side"):
        m[f"loss_share_{cat}"] = shares.get(cat, 0.0)
    care = ["lack_of_care", "communication", "complaint_handling"]
    for kind, name in (("deal", "deals"), ("customer", "customers")):
        comp = known[(known["category"] == "company_side") & (known["loss_type"] == kind)]
        m[f"company_care_share_{name}"] = comp["reason"].isin(care).mean()

    m["acquisition_retention_cost_ratio"] = _cost_ratio(case)

    survey, orders, customers = case.survey, case.orders, case.customers
    window = pd.Timedelta(days=PARAMS["repurchase_window_days"])
    o = orders[["customer_id", "order_date"]].merge(survey[["customer_id", "survey_date"]], on="customer_id")
    in_win = o[(o["order_date"] > o["survey_date"]) & (o["order_date"] <= o["survey_date"] + window)]
    rep = survey["customer_id"].isin(in_win["customer_id"])
    r5 = rep[survey["satisfaction"] == 5].mean()
    r4 = rep[survey["satisfaction"] == 4].mean()
    m["repurchase_ratio_5_vs_4"] = r5 / r4
    loyalty = survey[["loyalty_emotional", "loyalty_behavioural", "loyalty_intentional"]].mean(axis=1)
    ok = survey["satisfaction"].notna() & loyalty.notna()
    m["satisfaction_loyalty_corr"] = survey.loc[ok, "satisfaction"].rank().corr(loyalty[ok].rank())
    sat = survey["satisfaction"] >= 4
    m["satisfied_not_loyal_share"] = (loyalty[sat & ok] < 3.5).mean()

    lost = customers[customers["lost_date"].notna()]
    history_start = lost["acquired_date"].clip(lower=pd.Timestamp(PARAMS["orders_start"]))
    lost = lost[lost["lost_date"] - history_start >= pd.Timedelta(days=730)]
    ol = orders[["customer_id", "order_date"]].merge(lost[["customer_id", "lost_date"]], on="customer_id")
    before = (ol["lost_date"] - ol["order_date"]).dt.days
    m["early_warning_order_ratio"] = ((before > 0) & (before <= 180)).sum() / ((before > 180) & (before <= 360)).sum()

    referrers = set(customers["referred_by"].dropna())
    is_ref = survey["customer_id"].isin(referrers)
    m["referrer_loyalty_gap"] = loyalty[is_ref].mean() - loyalty[~is_ref].mean()

    eff = planted_effects()[["name", "value", "tolerance"]]
    eff["measured"] = eff["name"].map(lambda k: float(m[k]))
    eff["ok"] = (eff["measured"] - eff["value"]).abs() <= eff["tolerance"] + 1e-12
    return eff


def customer_counts_by_year(customers: pd.DataFrame, years=range(2019, 2026)):
    """Customers acquired in each year and customers retained (active on 1 January, not lost that year).

    Returns ``(years, acquired, retained)`` as numpy arrays; used by the generator to set the spend and
    by :func:`measure_effects` to measure the cost ratio.
    """
    years = np.asarray(list(years))
    acq = customers["acquired_date"].to_numpy()
    lost = customers["lost_date"].to_numpy()
    back = customers["won_back_date"].to_numpy()
    starts = np.array([np.datetime64(f"{y}-01-01", "ns") for y in years])
    ends = np.array([np.datetime64(f"{y + 1}-01-01", "ns") for y in years])
    acquired = ((acq[None, :] >= starts[:, None]) & (acq[None, :] < ends[:, None])).sum(axis=1)
    with np.errstate(invalid="ignore"):
        gone = (lost[None, :] < starts[:, None]) & ~(back[None, :] < starts[:, None])
        active = (acq[None, :] < starts[:, None]) & ~gone
        lost_in_year = (lost[None, :] >= starts[:, None]) & (lost[None, :] < ends[:, None])
    retained = (active & ~lost_in_year).sum(axis=1)
    return years, acquired.astype(np.int64), retained.astype(np.int64)


def _cost_ratio(case) -> float:
    spend = case.spend.groupby("spend_type", observed=True)["amount_cny"].sum()
    _, acquired, retained = customer_counts_by_year(case.customers)
    return (spend["acquisition"] / acquired.sum()) / (spend["retention"] / retained.sum())
