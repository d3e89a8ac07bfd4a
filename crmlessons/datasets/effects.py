"""The effects planted in the case company's data, declared once.

:data:`~crmlessons.datasets.params.PARAMS` holds every number the generator uses (the generator has
no other magic numbers); :func:`planted_effects` states, in English and Chinese, what a student should
be able to recover from the data, how it is measured, and within which tolerance it holds for any
generated variant; :func:`measure_effects` measures each effect on a case, so that a test (and a
curious trainer) can check the claim. A new effect is a row of ``_EFFECTS`` and a measurement in one
of the ``_MEASUREMENTS`` (or a new one).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from crmlessons.datasets import rules
from crmlessons.datasets.dictionary import COST_ITEMS, KANO_FEATURES, TIE_KINDS, VALUE_ITEMS
from crmlessons.datasets.generate import make_case
from crmlessons.datasets.params import PARAMS
from crmlessons.datasets.rules import customer_counts_by_year
from crmlessons.datasets.validate import check_case
from crmlessons.datasets.vocabularies import KANO_TABLE, VOCABULARIES

# customer_counts_by_year lives in rules (the generator sets the spend from it); it is kept here too
# because the lessons' tests compare their own counts with it.
__all__ = ["PARAMS", "planted_effects", "measure_effects", "customer_counts_by_year"]

# name, description_en, description_zh, value, how measured (see measure_effects), tolerance
_EFFECTS = [
    ("overall_win_rate", "About 5% of leads end won (Key-account CRM course: 5 or fewer of 100).",
     "约5%的线索最终成交（《大客户关系管理教程》：100家中5家或更少）。", PARAMS["overall_win_rate"],
     f"share of leads created before {rules.DECIDED_BEFORE} (all decided) with outcome won", 0.02),
    ("reach_contacted", "Share of leads reaching 'contacted'.", "到达“已接触”阶段的线索比例。",
     PARAMS["stage_reach"]["contacted"], "same cohort: share whose stage_reached >= contacted", 0.035),
    ("reach_talking_business",
     "Share of leads reaching 'talking business' (Key-account CRM course: 80, 50 or 20 of 100).",
     "到达“谈生意”阶段的线索比例（《大客户关系管理教程》：100家中80、50或20家）。",
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
     "Winning a new customer costs about 4.7 times keeping one (the Relationship-marketing essay and the "
     "Customer-service courseware say 5).",
     "赢得一个新客户的成本约为保留一个老客户的4.7倍（关系营销论文和《网络客户服务实务》课件说是5倍）。",
     PARAMS["acquisition_retention_ratio"],
     f"(acquisition spend / customers acquired) / (retention spend / customers retained), "
     f"{rules.YEARS[0]}-{rules.YEARS[-1]}; "
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
    # customer value (lesson 06): ties are drawn after the losses, conditionally on them (an association)
    ("financial_ties_loss_ratio",
     "Financial benefits alone (gifts, discounts: easy for a competitor to copy, E-CRM article) go with "
     "about the same loss rate as none.",
     "单靠财务利益（赠品、折扣：竞争对手很容易模仿，网络时代客户关系管理论文），流失率与没有财务利益的客户几乎一样。",
     1.0, "share of customers with a lost_date among those with financial_ties / the same share among those "
     "without", 0.12),
    ("social_ties_loss_ratio", "Customers given social benefits are lost a little less often.",
     "获得社交利益的客户流失得略少一些。", None, "the same ratio for social_ties", 0.1),
    ("structural_ties_loss_ratio",
     "Customers with structural ties (equipment, software, research, training: switching barriers, E-CRM "
     "article) are lost far less often.",
     "与恒泰有结构性联系（设备、软件、研究、培训：形成转换壁垒，网络时代客户关系管理论文）的客户流失得少得多。",
     None, "the same ratio for structural_ties", 0.12),
    ("structural_ties_years_gap", "Customers with structural ties stay longer.", "有结构性联系的客户合作得更久。",
     None, f"mean years as a customer within the order history (from acquired_date, or {rules.ORDERS_START} "
     f"if later, to lost_date, or {rules.AS_OF} if never lost): with structural_ties minus without", 0.4),
    ("value_weight_product",
     "Product value drives perceived value most (E-CRM article: two or three factors decide customer value).",
     "产品价值对感知价值的影响最大（网络时代客户关系管理论文：决定客户价值的只有两三个因素）。", None,
     "standardised coefficient of value_product in the least-squares regression of perceived_value on the "
     "four value_* and four cost_* items (respondents who answered all nine; every variable standardised)", 0.13),
    ("value_weight_service", "Service value is the second driver of perceived value.",
     "服务价值是影响感知价值的第二个因素。", None, "same regression: coefficient of value_service", 0.1),
    ("value_weight_price", "The money cost (price) is the third driver: it lowers perceived value.",
     "货币成本（价格）是第三个因素：它降低感知价值。", None, "same regression: coefficient of cost_price", 0.12),
    ("value_drivers_are_top3",
     "Product, service and price each weigh more than any of the other five items (1 = yes).",
     "产品、服务和价格三项的权重都大于其余五项中的任何一项（1 = 是）。", 1.0,
     "1 if the smallest absolute coefficient of value_product, value_service, cost_price exceeds the "
     "largest of the other five, else 0 (held in all 100 variants tried)", 0.0),
    ("value_top3_r2_share",
     "Product, service and price explain almost all that the eight items explain together.",
     "产品、服务和价格三项几乎解释了八个题项合起来所能解释的全部差异。", None,
     "R squared of the regression on value_product, value_service and cost_price only / R squared of the "
     "regression on all eight items", 0.03),
    ("value_items_r2", "The eight parts of value and cost explain about two thirds of perceived value.",
     "价值与成本的八个组成部分大约解释了感知价值三分之二的差异。", None,
     "R squared of the regression on all eight items", 0.1),
    ("value_items_satisfaction_corr", "The parts of value go a little with satisfaction.",
     "价值的各组成部分与满意度略有正相关。", None,
     "mean Spearman correlation of the four value_* items with satisfaction", 0.08),
    ("cost_items_satisfaction_corr", "Heavier costs go a little with lower satisfaction.",
     "成本负担越重，满意度略低。", None,
     "mean Spearman correlation of the four cost_* items with satisfaction", 0.08),
    # loyalty (lesson 07): loyal = mean of the three loyalty answers >= 3.5, satisfied = satisfaction >= 4
    ("loyal_price_sensitivity_gap",
     "Loyal customers are less price sensitive (Loyalty article).", "忠诚客户对价格的敏感度较低（客户忠诚文章）。", None,
     "mean price_sensitivity of loyal respondents (mean of the three loyalty answers >= 3.5) minus that of "
     "the other respondents", 0.25),
    ("loyal_recommend_gap", "Loyal customers are more willing to recommend Hengtai.", "忠诚客户更愿意推荐恒泰。",
     None, "mean recommend of loyal respondents minus that of the others", 0.5),
    ("referrer_recommend_gap", "Customers who have referred another customer say they would recommend more.",
     "推荐过其他客户的客户，推荐意愿也更高。", None,
     "mean recommend of respondents named in customers.referred_by minus that of the others", 0.75),
    ("competitor_offer_share", "About a third of the respondents had a strong offer from a competitor.",
     "约三分之一的受访客户收到过竞争对手的有力报价。", PARAMS["competitor_offer_share"],
     "share of respondents with competitor_offer", 0.06),
    ("satisfied_not_loyal_offer_gap",
     "Satisfied customers who are not loyal more often had a strong competitor offer.",
     "满意但不忠诚的客户更常收到竞争对手的有力报价。", None,
     "respondents with satisfaction >= 4: share with competitor_offer among the not loyal minus among the loyal",
     0.14),
    ("satisfied_not_loyal_structural_gap",
     "Satisfied customers who are not loyal a little less often have structural ties (low switching costs). "
     "Not planted for this lesson: it follows from the ties of lesson 06, drawn from latent loyalty and the "
     "losses; small, and reversed in a few variants.",
     "满意但不忠诚的客户略少与恒泰有结构性联系（转换成本低）。这并非为本课专门设定，而是来自第06课的关系联系"
     "（其抽取依据是潜在忠诚度和流失）；差异较小，少数数据变体中方向相反。",
     None, "respondents with satisfaction >= 4: share with structural_ties among the not loyal minus among the "
     "loyal", 0.15),
    ("complaint_handling_stayed_gap",
     "Customers who rated the handling of their complaint well stayed: forgiveness follows good handling.",
     "对投诉处理评价高的客户留了下来：处理得好，客户就会原谅。", None,
     "respondents who rated complaint_handling: mean rating of those not lost after their survey_date minus that "
     "of those lost after it", 0.85),
    ("complaint_handling_loss_gap", "Customers who rated complaint handling badly were lost far more often.",
     "对投诉处理评价低的客户流失得多得多。", None,
     "share lost after the survey_date among respondents rating complaint_handling 1-2 minus among those "
     "rating it 4-5", 0.15),
    ("kano_on_time_delivery_must_be",
     "On-time delivery is a must-be (basic) need: the most frequent Kano category.",
     "准时交货是必备型（基本）需求：Kano 类别中最多。", PARAMS["kano_category_p"]["on_time_delivery"]["M"],
     "share of respondents answering both Kano questions on the feature whose pair of answers KANO_TABLE "
     "classifies as M", 0.07),
    ("kano_tech_support_one_dimensional",
     "Technical support is a one-dimensional (expected) need: the more, the better.",
     "技术支持是期望型（期望）需求：越好越满意。", PARAMS["kano_category_p"]["tech_support"]["O"],
     "the same share for O", 0.07),
    ("kano_application_engineering_attractive",
     "Application engineering is an attractive (exciting) need: a delight when offered, not missed when not.",
     "应用工程服务是魅力型（兴奋）需求：提供了令人惊喜，没有也不会不满。",
     PARAMS["kano_category_p"]["application_engineering"]["A"], "the same share for A", 0.07),
    ("kano_branded_gifts_indifferent", "Branded gifts leave most customers indifferent.",
     "品牌礼品对多数客户无所谓。", PARAMS["kano_category_p"]["branded_gifts"]["I"], "the same share for I", 0.07),
    ("kano_dominant_is_planted", "Each feature's most frequent Kano category is the planted one (1 = yes).",
     "每项功能最多的 Kano 类别都是所设定的类别（1 = 是）。", 1.0,
     "1 if for all four features the most frequent category is M, O, A and I respectively, else 0 (held in all "
     "100 variants tried)", 0.0),
    ("manager_changes_loss_ratio",
     "Customers whose account manager changed twice or more were lost far more often.",
     "客户经理换过两次及以上的客户流失得多得多。", None,
     "share of customers with a lost_date among those with manager_changes >= 2 / the same share among those "
     "with 0 or 1", 1.2),
    ("manager_changes_lost_gap", "Lost customers had more account manager changes.", "流失客户更换客户经理的次数更多。",
     None, "mean manager_changes of customers with a lost_date minus that of the others", 0.3),
    ("manager_changes_short_tenure_gap",
     "Customers of short-tenure salespeople had more account manager changes (employee and customer loyalty "
     "go together).",
     "司龄短的销售人员负责的客户，更换客户经理的次数更多（员工忠诚与客户忠诚相伴）。", None,
     "mean manager_changes of customers whose salesperson's tenure_years is below the team's median minus that "
     "of the others", 0.5),
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
    "social_ties_loss_ratio": 0.85,
    "structural_ties_loss_ratio": 0.38,
    "structural_ties_years_gap": 0.5,
    "value_weight_product": 0.51,
    "value_weight_service": 0.42,
    "value_weight_price": -0.36,
    "value_top3_r2_share": 0.995,
    "value_items_r2": 0.66,
    "value_items_satisfaction_corr": 0.30,
    "cost_items_satisfaction_corr": -0.17,
    "loyal_price_sensitivity_gap": -1.11,
    "loyal_recommend_gap": 2.38,
    "referrer_recommend_gap": 1.51,
    "satisfied_not_loyal_offer_gap": 0.22,
    "satisfied_not_loyal_structural_gap": -0.08,
    "complaint_handling_stayed_gap": 1.16,
    "complaint_handling_loss_gap": 0.16,
    "manager_changes_loss_ratio": 2.47,
    "manager_changes_lost_gap": 0.78,
    "manager_changes_short_tenure_gap": 0.66,
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
    check_case(case)
    measured: dict[str, float] = {}
    for measure in _MEASUREMENTS:
        measured.update(measure(case))
    eff = planted_effects()[["name", "value", "tolerance"]]
    eff["measured"] = eff["name"].map(lambda k: float(measured[k]))
    eff["ok"] = (eff["measured"] - eff["value"]).abs() <= eff["tolerance"] + 1e-12
    return eff


def _funnel_effects(case) -> dict[str, float]:
    """Win rate, stage reach, MAN win rates and cycle elasticity, on the decided cohort of leads."""
    m = {}
    cohort = rules.decided_leads(case.leads)
    won = (cohort["outcome"] == "won").to_numpy()
    m["overall_win_rate"] = won.mean()
    order = {stage: i for i, stage in enumerate(rules.STAGES)}
    reached = cohort["stage_reached"].astype(str).map(order).to_numpy()
    for stage in ("contacted", "talking_business", "proposal", "negotiation"):
        m[f"reach_{stage}"] = (reached >= order[stage]).mean()
    n_present = man_flags(cohort).sum(axis=1).to_numpy()
    for n in range(4):
        m[f"win_rate_man_{n}"] = won[n_present == n].mean()
    m["man_full_vs_rest_ratio"] = won[n_present == 3].mean() / won[n_present < 3].mean()
    won_leads = cohort[cohort["outcome"] == "won"]
    m["cycle_elasticity"] = np.polyfit(np.log(won_leads["deal_value_cny"]), np.log(won_leads["cycle_days"]), 1)[0]
    return m


def _ask_effects(case) -> dict[str, float]:
    """Logistic regression of winning a decided lead on MAN and the salesperson's ASK scores."""
    leads, team = case.leads, case.salespeople.set_index("salesperson_id")
    decided = leads[leads["outcome"] != "open"]
    scores = ask_scores(team, case.ask_items)
    scores["ask"] = np.log(team["ask_tell_ratio"])
    z = (scores - scores.mean()) / scores.std()
    X = np.column_stack([man_flags(decided).to_numpy().astype(float),
                         z.loc[decided["salesperson_id"].to_numpy()].to_numpy()])
    coefs = _logit_fit(X, (decided["outcome"] == "won").to_numpy().astype(float))
    m = dict(zip(["ask_attitude_coef", "ask_skill_coef", "ask_knowledge_coef", "ask_tell_coef"], coefs[3:]))
    m["ask_skill_is_largest"] = float(coefs[4] > max(coefs[3], coefs[5]))
    return m


def _loss_effects(case) -> dict[str, float]:
    """Shares of the loss categories, and of the care reasons among company-side losses."""
    known = case.losses.dropna(subset=["category"])
    shares = known["category"].value_counts(normalize=True)
    m = {f"loss_share_{cat}": shares.get(cat, 0.0) for cat in ("company_side", "third_party", "customer_side")}
    care = ["lack_of_care", "communication", "complaint_handling"]
    for kind, name in (("deal", "deals"), ("customer", "customers")):
        company = known[(known["category"] == "company_side") & (known["loss_type"] == kind)]
        m[f"company_care_share_{name}"] = company["reason"].isin(care).mean()
    return m


def _cost_effects(case) -> dict[str, float]:
    """(acquisition spend per customer acquired) / (retention spend per customer retained)."""
    spend = case.spend.groupby("spend_type", observed=True)["amount_cny"].sum()
    _, acquired, retained = customer_counts_by_year(case.customers)
    return {"acquisition_retention_cost_ratio":
            (spend["acquisition"] / acquired.sum()) / (spend["retention"] / retained.sum())}


def _survey_effects(case) -> dict[str, float]:
    """Repurchase after the survey by satisfaction, satisfaction vs loyalty, referrers' loyalty."""
    survey, orders, customers = case.survey, case.orders, case.customers
    window = pd.Timedelta(days=PARAMS["repurchase_window_days"])
    o = orders[["customer_id", "order_date"]].merge(survey[["customer_id", "survey_date"]], on="customer_id")
    in_window = o[(o["order_date"] > o["survey_date"]) & (o["order_date"] <= o["survey_date"] + window)]
    repurchased = survey["customer_id"].isin(in_window["customer_id"])
    m = {"repurchase_ratio_5_vs_4": repurchased[survey["satisfaction"] == 5].mean()
         / repurchased[survey["satisfaction"] == 4].mean()}
    loyalty = survey[["loyalty_emotional", "loyalty_behavioural", "loyalty_intentional"]].mean(axis=1)
    ok = survey["satisfaction"].notna() & loyalty.notna()
    m["satisfaction_loyalty_corr"] = survey.loc[ok, "satisfaction"].rank().corr(loyalty[ok].rank())
    m["satisfied_not_loyal_share"] = (loyalty[(survey["satisfaction"] >= 4) & ok] < 3.5).mean()
    is_referrer = survey["customer_id"].isin(set(customers["referred_by"].dropna()))
    m["referrer_loyalty_gap"] = loyalty[is_referrer].mean() - loyalty[~is_referrer].mean()
    return m


def _early_warning_effects(case) -> dict[str, float]:
    """Orders in the 180 days before a loss / in the 180 days before those (2+ years of history)."""
    customers, orders = case.customers, case.orders
    lost = customers[customers["lost_date"].notna()]
    history_start = lost["acquired_date"].clip(lower=pd.Timestamp(rules.ORDERS_START))
    lost = lost[lost["lost_date"] - history_start >= pd.Timedelta(days=730)]
    o = orders[["customer_id", "order_date"]].merge(lost[["customer_id", "lost_date"]], on="customer_id")
    before = (o["lost_date"] - o["order_date"]).dt.days
    last, previous = ((before > 0) & (before <= 180)).sum(), ((before > 180) & (before <= 360)).sum()
    return {"early_warning_order_ratio": last / previous}


def _ties_effects(case) -> dict[str, float]:
    """Share of customers ever lost with / without each kind of tie; relationship years with / without
    structural ties."""
    customers = case.customers
    lost = customers["lost_date"].notna().to_numpy()
    m = {}
    for kind in TIE_KINDS:
        tied = customers[f"{kind}_ties"].to_numpy(dtype=bool)
        m[f"{kind}_ties_loss_ratio"] = lost[tied].mean() / lost[~tied].mean()
    start = customers["acquired_date"].clip(lower=pd.Timestamp(rules.ORDERS_START))
    end = customers["lost_date"].fillna(pd.Timestamp(rules.AS_OF))
    years = ((end - start).dt.days / 365.25).to_numpy()
    tied = customers["structural_ties"].to_numpy(dtype=bool)
    m["structural_ties_years_gap"] = years[tied].mean() - years[~tied].mean()
    return m


def _r_squared(X: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """R squared and coefficients (no intercept: X and y are standardised) of least squares."""
    beta = np.linalg.lstsq(X, y, rcond=None)[0]
    return 1 - ((y - X @ beta) ** 2).sum() / (y**2).sum(), beta


def _perceived_value_effects(case) -> dict[str, float]:
    """Regression of perceived_value on the eight value and cost items (complete answers, standardised);
    the items' correlation with satisfaction."""
    survey = case.survey
    items = list(VALUE_ITEMS + COST_ITEMS)
    complete = survey[items + ["perceived_value"]].dropna().to_numpy(dtype=float)
    z = (complete - complete.mean(axis=0)) / complete.std(axis=0)
    r2_all, beta = _r_squared(z[:, :-1], z[:, -1])
    drivers = [items.index(item) for item in ("value_product", "value_service", "cost_price")]
    r2_top, _ = _r_squared(z[:, drivers], z[:, -1])
    others = [i for i in range(len(items)) if i not in drivers]
    m = {"value_weight_product": beta[drivers[0]], "value_weight_service": beta[drivers[1]],
         "value_weight_price": beta[drivers[2]], "value_top3_r2_share": r2_top / r2_all, "value_items_r2": r2_all,
         "value_drivers_are_top3": float(np.abs(beta[drivers]).min() > np.abs(beta[others]).max())}
    ranks = survey[items + ["satisfaction"]].rank()
    corr = ranks.corr()["satisfaction"]
    m["value_items_satisfaction_corr"] = corr[list(VALUE_ITEMS)].mean()
    m["cost_items_satisfaction_corr"] = corr[list(COST_ITEMS)].mean()
    return m


def _loyalty_effects(case) -> dict[str, float]:
    """Price sensitivity, recommendation, competitor offers, structural ties and complaint handling of
    loyal / not loyal, satisfied, referring and lost respondents."""
    survey = case.survey.merge(case.customers[["customer_id", "structural_ties", "lost_date"]], on="customer_id")
    loyalty = survey[["loyalty_emotional", "loyalty_behavioural", "loyalty_intentional"]].mean(axis=1)
    loyal, not_loyal = loyalty >= 3.5, loyalty < 3.5  # a respondent who skipped all three is in neither
    m = {f"loyal_{item}_gap": survey.loc[loyal, column].mean() - survey.loc[not_loyal, column].mean()
         for item, column in (("price_sensitivity", "price_sensitivity"), ("recommend", "recommend"))}
    referrer = survey["customer_id"].isin(set(case.customers["referred_by"].dropna()))
    m["referrer_recommend_gap"] = survey.loc[referrer, "recommend"].mean() - survey.loc[~referrer, "recommend"].mean()
    m["competitor_offer_share"] = survey["competitor_offer"].mean()
    satisfied = survey["satisfaction"] >= 4
    for name, column in (("offer", "competitor_offer"), ("structural", "structural_ties")):
        share = survey[column].astype(float)
        m[f"satisfied_not_loyal_{name}_gap"] = share[satisfied & not_loyal].mean() - share[satisfied & loyal].mean()
    rated = survey[survey["complaint_handling"].notna()]
    lost_after = (rated["lost_date"] > rated["survey_date"]).to_numpy()
    rating = rated["complaint_handling"].to_numpy()
    m["complaint_handling_stayed_gap"] = rating[~lost_after].mean() - rating[lost_after].mean()
    m["complaint_handling_loss_gap"] = lost_after[rating <= 2].mean() - lost_after[rating >= 4].mean()
    return m


#: The Kano category planted as the most frequent for each feature, and the effect that names it.
_KANO_PLANTED = {"on_time_delivery": ("M", "must_be"), "tech_support": ("O", "one_dimensional"),
                 "application_engineering": ("A", "attractive"), "branded_gifts": ("I", "indifferent")}


def _kano_effects(case) -> dict[str, float]:
    """Share of each feature's planted category, among respondents answering both Kano questions."""
    m, dominant = {}, []
    for feature in KANO_FEATURES:
        pairs = case.survey[[f"kano_{feature}_functional", f"kano_{feature}_dysfunctional"]].dropna().astype(str)
        category = pd.Series([KANO_TABLE[pair] for pair in zip(*(pairs[c] for c in pairs.columns))], dtype=object)
        counts = category.value_counts().reindex(list(VOCABULARIES["kano_category"]), fill_value=0)
        planted, word = _KANO_PLANTED[feature]
        m[f"kano_{feature}_{word}"] = counts[planted] / counts.sum()
        dominant.append(counts.idxmax() == planted)
    m["kano_dominant_is_planted"] = float(all(dominant))
    return m


def _manager_change_effects(case) -> dict[str, float]:
    """Losses by account manager changes; changes by the account manager's tenure."""
    customers = case.customers
    lost = customers["lost_date"].notna().to_numpy()
    changes = customers["manager_changes"].to_numpy()
    tenure = case.salespeople.set_index("salesperson_id")["tenure_years"]
    short = (customers["salesperson_id"].map(tenure) < tenure.median()).to_numpy()
    return {"manager_changes_loss_ratio": lost[changes >= 2].mean() / lost[changes <= 1].mean(),
            "manager_changes_lost_gap": changes[lost].mean() - changes[~lost].mean(),
            "manager_changes_short_tenure_gap": changes[short].mean() - changes[~short].mean()}


#: The measurements of :func:`measure_effects`: each takes a case and returns ``{effect name: value}``.
_MEASUREMENTS = (_funnel_effects, _ask_effects, _loss_effects, _cost_effects, _survey_effects,
                 _early_warning_effects, _ties_effects, _perceived_value_effects, _loyalty_effects,
                 _kano_effects, _manager_change_effects)
